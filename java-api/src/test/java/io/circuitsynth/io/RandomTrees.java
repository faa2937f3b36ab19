package io.circuitsynth.io;

import java.util.Random;

/** Random documents built through {@link SexprBuilder}, shaped to hit every layout rule. */
final class RandomTrees {
    private static final String[] HEADS = {"xy", "pts", "at", "members", "property", "symbol", "a", "data"};
    private static final String SYMBOL_CHARS = "abcxyz019._-+/\\*µΩ€#:'";
    private static final String STRING_CHARS = "ab \"\\\n\r\tµ€()xy";

    private RandomTrees() {}

    static SexprTree tree(Random random) {
        SexprBuilder b = new SexprBuilder().list(HEADS[random.nextInt(HEADS.length)]);
        int depth = 1;
        int maxDepth = 1 + random.nextInt(8);
        int budget = random.nextInt(120);
        for (int i = 0; i < budget; i++) {
            int op = random.nextInt(10);
            if (op < 3 && depth < maxDepth) {
                if (random.nextInt(6) == 0) {
                    b.list();
                } else {
                    b.list(HEADS[random.nextInt(HEADS.length)]);
                }
                depth++;
            } else if (op < 5 && depth > 1) {
                b.end();
                depth--;
            } else if (op < 7) {
                b.symbol(text(random, SYMBOL_CHARS, 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 6)));
            } else if (op < 8) {
                b.string(text(random, STRING_CHARS, random.nextInt(random.nextInt(4) == 0 ? 60 : 5)));
            } else if (op < 9) {
                b.decimal(random.nextInt(2_000_001) - 1_000_000, random.nextInt(7));
            } else {
                b.atom(random.nextLong());
            }
        }
        while (depth-- > 0) {
            b.end();
        }
        return b.build();
    }

    private static String text(Random random, String chars, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }
}
