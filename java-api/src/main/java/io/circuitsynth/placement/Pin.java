package io.circuitsynth.placement;

/**
 * A pin: its offset from the item's anchor in IU (sheet orientation, y down) and the index of its
 * net, or -1 for an unconnected pin.
 */
public record Pin(int dx, int dy, int net) {}
