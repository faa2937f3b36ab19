package io.circuitsynth.placement;

/** The landscape ISO pages KiCad offers, smallest first, with KiCad's sizes in IU. */
public enum PageSize {
    A4(2_970_000, 2_100_000),
    A3(4_200_000, 2_970_000),
    A2(5_940_000, 4_200_000),
    A1(8_410_000, 5_940_000),
    A0(11_890_000, 8_410_000);

    private final long width;
    private final long height;

    PageSize(long width, long height) {
        this.width = width;
        this.height = height;
    }

    /** Landscape width in IU. */
    public long width() {
        return width;
    }

    public long height() {
        return height;
    }
}
