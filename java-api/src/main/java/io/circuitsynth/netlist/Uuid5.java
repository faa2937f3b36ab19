package io.circuitsynth.netlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Name-based UUIDs (version 5, RFC 9562) for sheets and placed symbol units (specification
 * section 3.3): the same circuit always gets the same UUIDs, and the schematic writer derives
 * the same ones.
 */
public final class Uuid5 {
    private Uuid5() {}

    /** The URL namespace, {@code 6ba7b811-9dad-11d1-80b4-00c04fd430c8}. */
    private static final byte[] URL_NAMESPACE = {
        0x6b, (byte) 0xa7, (byte) 0xb8, 0x11, (byte) 0x9d, (byte) 0xad, 0x11, (byte) 0xd1,
        (byte) 0x80, (byte) 0xb4, 0x00, (byte) 0xc0, 0x4f, (byte) 0xd4, 0x30, (byte) 0xc8
    };

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** SHA-1 after the namespace and a name's fixed start; each name clones it rather than redo those blocks. */
    private static final MessageDigest SHEET = started("circuitsynth:sheet:");

    private static final MessageDigest SYMBOL = started("circuitsynth:symbol:");

    private static final MessageDigest PLAIN = started("");

    private static MessageDigest started(String prefix) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            sha.update(URL_NAMESPACE);
            sha.update(prefix.getBytes(StandardCharsets.UTF_8));
            // The clone must be possible, or every UUID would fail: find out now.
            sha.clone();
            return sha;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's specification); the JDK's is cloneable.
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    /** A copy of {@code started}, never updating the shared one, so threads may share it. */
    private static MessageDigest copy(MessageDigest started) {
        try {
            return (MessageDigest) started.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-1 of this Java runtime cannot be cloned", e);
        }
    }

    /** The version 5 UUID of {@code name} in the URL namespace, lower-case hex with dashes. */
    public static String of(String name) {
        MessageDigest sha = copy(PLAIN);
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        return format(sha.digest());
    }

    private static String format(byte[] digest) {
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x50);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        byte[] out = new byte[36];
        int at = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[at++] = '-';
            }
            out[at++] = HEX[(digest[i] >> 4) & 15];
            out[at++] = HEX[digest[i] & 15];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** The UUID of the sheet instance at {@code path} ({@code /}, {@code /ch1/}). */
    public static String sheet(String path) {
        MessageDigest sha = copy(SHEET);
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        return format(sha.digest());
    }

    /** The UUID of unit {@code unit} of component {@code id} placed in the sheet at {@code path}. */
    public static String symbol(String path, String id, int unit) {
        MessageDigest sha = copy(SYMBOL);
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) ':');
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) ':');
        sha.update(Integer.toString(unit).getBytes(StandardCharsets.US_ASCII));
        return format(sha.digest());
    }
}
