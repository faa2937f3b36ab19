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

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The version 5 UUID of {@code name} in the URL namespace, lower-case hex with dashes. */
    public static String of(String name) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's specification).
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
        sha.update(URL_NAMESPACE);
        byte[] digest = sha.digest(name.getBytes(StandardCharsets.UTF_8));
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x50);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        StringBuilder out = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out.append('-');
            }
            out.append(HEX[(digest[i] >> 4) & 15]).append(HEX[digest[i] & 15]);
        }
        return out.toString();
    }

    /** The UUID of the sheet instance at {@code path} ({@code /}, {@code /ch1/}). */
    public static String sheet(String path) {
        return of("circuitsynth:sheet:" + path);
    }

    /** The UUID of unit {@code unit} of component {@code id} placed in the sheet at {@code path}. */
    public static String symbol(String path, String id, int unit) {
        return of("circuitsynth:symbol:" + path + ":" + id + ":" + unit);
    }
}
