package io.circuitsynth.symbols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The specification's search scoring and unknown-symbol suggestions. Everything compares
 * ASCII-lower-cased UTF-8 bytes, so both engines rank identically whatever the text holds.
 */
final class SymbolSearch {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_SUGGESTIONS = 5;

    /** What search looks at for one symbol, lower-cased once. */
    record Entry(String lib, String name, byte[] id, byte[] lowerLib, byte[] lowerName, byte[][] lowerKeywords,
            byte[] lowerDescription) {
        static Entry of(Symbol s) {
            List<String> words = s.keywords();
            byte[][] keywords = new byte[words.size()][];
            for (int i = 0; i < keywords.length; i++) {
                keywords[i] = lower(words.get(i));
            }
            return new Entry(s.lib(), s.name(), utf8(s.lib() + ":" + s.name()), lower(s.lib()), lower(s.name()),
                    keywords, lower(s.description()));
        }
    }

    private SymbolSearch() {}

    static List<SearchHit> search(List<Entry> entries, String query, int limit) {
        List<byte[]> terms = new ArrayList<>();
        for (String word : Symbol.words(query)) {
            terms.add(lower(word));
        }
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<int[]> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int total = 0;
            for (byte[] term : terms) {
                int best = score(e, term);
                if (best == 0) {
                    total = -1;
                    break;
                }
                total += best;
            }
            if (total > 0) {
                scored.add(new int[] {total, i});
            }
        }
        scored.sort((a, b) -> a[0] != b[0] ? Integer.compare(b[0], a[0])
                : Arrays.compareUnsigned(entries.get(a[1]).id(), entries.get(b[1]).id()));
        List<SearchHit> hits = new ArrayList<>(Math.min(limit, scored.size()));
        for (int k = 0; k < scored.size() && k < limit; k++) {
            Entry e = entries.get(scored.get(k)[1]);
            hits.add(new SearchHit(e.lib(), e.name(), scored.get(k)[0]));
        }
        return hits;
    }

    static int score(Entry e, byte[] term) {
        byte[] name = e.lowerName();
        if (Arrays.equals(name, term)) {
            return 1000;
        }
        if (startsWith(name, term)) {
            return 400;
        }
        if (indexOf(name, term) >= 0) {
            return 200;
        }
        int best = 0;
        for (byte[] k : e.lowerKeywords()) {
            if (Arrays.equals(k, term)) {
                return 120;
            }
            if (startsWith(k, term)) {
                best = 60;
            }
        }
        if (best > 0) {
            return best;
        }
        if (Arrays.equals(e.lowerLib(), term)) {
            return 50;
        }
        if (indexOf(e.lowerDescription(), term) >= 0) {
            return 30;
        }
        if (term.length >= 3 && isSubsequence(term, name)) {
            return 10;
        }
        return 0;
    }

    /**
     * Up to five {@code LIB:NAME} for an unknown {@code lib:name}: Levenshtein distance on
     * lower-cased bytes up to max(2, length / 3), the same name in another library first.
     */
    static List<String> suggestions(List<String> libs, List<String[]> namesPerLib, String lib, String name) {
        byte[] wanted = lower(name);
        int limit = Math.max(2, wanted.length / 3);
        record Candidate(boolean sameName, int distance, byte[] id, String text) {}
        List<Candidate> found = new ArrayList<>();
        int[][] rows = {new int[wanted.length + 1], new int[wanted.length + 1]};
        for (int l = 0; l < libs.size(); l++) {
            String libName = libs.get(l);
            for (String candidate : namesPerLib.get(l)) {
                if (libName.equals(lib) && candidate.equals(name)) {
                    continue;
                }
                boolean same = candidate.equals(name);
                int d = same ? 0 : distance(wanted, lower(candidate), limit, rows);
                if (d <= limit) {
                    String id = libName + ":" + candidate;
                    found.add(new Candidate(same, d, utf8(id), id));
                }
            }
        }
        found.sort((a, b) -> a.sameName() != b.sameName() ? (a.sameName() ? -1 : 1)
                : a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance())
                : Arrays.compareUnsigned(a.id(), b.id()));
        List<String> result = new ArrayList<>();
        for (int i = 0; i < found.size() && i < MAX_SUGGESTIONS; i++) {
            result.add(found.get(i).text());
        }
        return result;
    }

    /** Levenshtein distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
    static int distance(byte[] a, byte[] b, int limit, int[][] rows) {
        if (Math.abs(a.length - b.length) > limit) {
            return limit + 1;
        }
        int[] prev = rows[0];
        int[] cur = rows[1];
        for (int j = 0; j <= a.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= b.length; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= a.length; j++) {
                int cost = a[j - 1] == b[i - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[a.length];
    }

    static byte[] lower(String s) {
        byte[] b = utf8(s);
        for (int i = 0; i < b.length; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                b[i] += 'a' - 'A';
            }
        }
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] s, byte[] prefix) {
        return s.length >= prefix.length && Arrays.equals(s, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] s, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= s.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (s[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isSubsequence(byte[] term, byte[] name) {
        int j = 0;
        for (int i = 0; i < name.length && j < term.length; i++) {
            if (name[i] == term[j]) {
                j++;
            }
        }
        return j == term.length;
    }
}
