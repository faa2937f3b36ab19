package io.circuitsynth.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** KiCad's string escapes, both ways. */
final class StringEscapes {
    private StringEscapes() {}

    /** Decodes the body of a quoted string that the parser accepted. */
    static String decode(byte[] src, int from, int to) {
        int firstEscape = -1;
        for (int i = from; i < to; i++) {
            if (src[i] == '\\') {
                firstEscape = i;
                break;
            }
        }
        if (firstEscape < 0) {
            return new String(src, from, to - from, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        out.write(src, from, firstEscape - from);
        int i = firstEscape;
        while (i < to) {
            byte b = src[i++];
            if (b != '\\') {
                out.write(b);
                continue;
            }
            byte c = src[i++];
            switch (c) {
                case 'a': out.write(0x07); break;
                case 'b': out.write(0x08); break;
                case 'f': out.write(0x0C); break;
                case 'n': out.write('\n'); break;
                case 'r': out.write('\r'); break;
                case 't': out.write('\t'); break;
                case 'v': out.write(0x0B); break;
                case 'x': {
                    int value = 0;
                    for (int k = 0; k < 2 && i < to && hexValue(src[i]) >= 0; k++) {
                        value = value * 16 + hexValue(src[i++]);
                    }
                    out.write(value);
                    break;
                }
                default:
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int k = 1; k < 3 && i < to && src[i] >= '0' && src[i] <= '7'; k++) {
                            value = value * 8 + (src[i++] - '0');
                        }
                        out.write(value & 0xFF);
                    } else {
                        // \" and \\ stand for themselves.
                        out.write(c);
                    }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A string's source text (with quotes) as KiCad writes a value. */
    static byte[] encode(String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
        out.write('"');
        for (byte b : raw) {
            switch (b) {
                case '\\': out.write('\\'); out.write('\\'); break;
                case '"': out.write('\\'); out.write('"'); break;
                case '\n': out.write('\\'); out.write('n'); break;
                case '\r': out.write('\\'); out.write('r'); break;
                default: out.write(b);
            }
        }
        out.write('"');
        return out.toByteArray();
    }

    static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
