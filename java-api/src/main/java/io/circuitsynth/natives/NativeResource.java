package io.circuitsynth.natives;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Manifest;

/**
 * The native library inside a natives jar: {@code natives/<platform>/<libname>}, its bytes, and
 * the SHA-256 from {@code <libname>.sha256} beside it, already checked against the bytes.
 */
final class NativeResource {
    static final String PLATFORM_ATTRIBUTE = "CircuitSynth-Native-Platform";

    private final URL url;
    private final byte[] bytes;
    private final String sha256;
    private final String libraryName;

    private NativeResource(URL url, byte[] bytes, String sha256, String libraryName) {
        this.url = url;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.libraryName = libraryName;
    }

    /**
     * Finds and verifies the library of {@code platform} in the first class loader holding it.
     *
     * @throws LoadFailure when no class loader has it, or the jar's copy does not match its hash
     */
    static NativeResource find(Platform platform, List<ClassLoader> loaders) throws LoadFailure {
        String name = "natives/" + platform.key() + "/" + platform.libraryName();
        for (ClassLoader loader : loaders) {
            URL library = loader.getResource(name);
            if (library == null) {
                continue;
            }
            URL checksum = loader.getResource(name + ".sha256");
            if (checksum == null) {
                throw new LoadFailure(location(library) + " has no " + name + ".sha256 beside the library, so"
                        + " its integrity cannot be checked; use a circuitsynth-natives jar built by this"
                        + " project's build, or set " + Configuration.NATIVE_PATH.property()
                        + " to a library file you trust");
            }
            try {
                String expected = parseChecksum(new String(read(checksum), StandardCharsets.US_ASCII));
                byte[] bytes = read(library);
                String actual = sha256(bytes);
                if (!actual.equals(expected)) {
                    throw new LoadFailure("the natives jar " + location(library) + " is corrupt: " + name
                            + " has SHA-256 " + actual + " but " + name + ".sha256 says " + expected
                            + "; replace that jar (delete it, e.g. from ~/.m2/repository, and download or"
                            + " build it again)");
                }
                return new NativeResource(library, bytes, expected, platform.libraryName());
            } catch (IOException e) {
                throw new LoadFailure("could not read " + library + ": " + e, e);
            }
        }
        List<String[]> jars = nativesJars(loaders);
        LoadFailure missing = new LoadFailure(missingMessage(platform, name, jars));
        throw jars.isEmpty() ? missing.quiet() : missing;
    }

    private static String missingMessage(Platform platform, String name, List<String[]> jars) {
        StringBuilder message = new StringBuilder("no ").append(name).append(" on the class path");
        List<String> foreign = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String[] jar : jars) {
            if (jar[1].equals(platform.key())) {
                empty.add(jar[0]);
            } else {
                foreign.add(jar[0] + " (for " + jar[1] + ")");
            }
        }
        if (!foreign.isEmpty()) {
            message.append("; the class path holds natives for another platform: ")
                    .append(String.join(", ", foreign));
        }
        if (!empty.isEmpty()) {
            message.append("; ").append(String.join(", ", empty)).append(" is for ").append(platform.key())
                    .append(" but holds no library (was it built without cargo?)");
        }
        message.append("; add io.circuitsynth:circuitsynth-natives with classifier ").append(platform.key())
                .append(" (in Maven: <classifier>${os.detected.classifier}</classifier>)");
        return message.toString();
    }

    /** {jar location, platform} of every jar whose manifest names a native platform. */
    static List<String[]> nativesJars(List<ClassLoader> loaders) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> jars = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            try {
                for (URL url : java.util.Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                    if (!seen.add(url.toString())) {
                        continue;
                    }
                    try (InputStream in = url.openStream()) {
                        String platform = new Manifest(in).getMainAttributes().getValue(PLATFORM_ATTRIBUTE);
                        if (platform != null) {
                            jars.add(new String[] {location(url), platform.trim()});
                        }
                    } catch (IOException e) {
                        // An unreadable manifest says nothing about natives; the diagnosis goes on.
                    }
                }
            } catch (IOException e) {
                // As above: the scan only refines a message.
            }
        }
        return jars;
    }

    /** The jar file of a {@code jar:} URL, else the URL itself: what a user can find and delete. */
    static String location(URL url) {
        String s = url.toString();
        if (s.startsWith("jar:")) {
            int bang = s.indexOf("!/");
            String jar = bang < 0 ? s.substring(4) : s.substring(4, bang);
            return jar.startsWith("file:") ? jar.substring(5) : jar;
        }
        return s;
    }

    static String parseChecksum(String text) throws IOException {
        // Tools write either the bare digest or "<digest>  <file name>".
        String token = text.trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!token.matches("[0-9a-f]{64}")) {
            throw new IOException("not a SHA-256 digest: '" + text.trim() + "'");
        }
        return token;
    }

    private static byte[] read(URL url) throws IOException {
        java.net.URLConnection connection = url.openConnection();
        // JarURLConnection caches the opened JarFile by default; a replaced jar (a rebuild, a
        // test) would then be read from the stale handle.
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    URL url() {
        return url;
    }

    /** The jar (or directory) holding the library, for messages. */
    String location() {
        return location(url);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    int size() {
        return bytes.length;
    }

    String sha256() {
        return sha256;
    }

    String libraryName() {
        return libraryName;
    }
}
