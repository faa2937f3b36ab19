package io.circuitsynth.io;

/** Line and column of a byte offset, as the specification counts them. */
final class Positions {
    private Positions() {}

    static int line(byte[] source, int offset) {
        checkOffset(source, offset);
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static int column(byte[] source, int offset) {
        checkOffset(source, offset);
        int column = 1;
        for (int i = offset - 1; i >= 0 && source[i] != '\n'; i--) {
            // Continuation bytes (10xxxxxx) belong to the character before them.
            if ((source[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    /** {@code "L:C"} of an offset, as error details quote earlier positions. */
    static String lineColumn(byte[] source, int offset) {
        return line(source, offset) + ":" + column(source, offset);
    }

    private static void checkOffset(byte[] source, int offset) {
        if (offset < 0 || offset > source.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + source.length);
        }
    }
}
