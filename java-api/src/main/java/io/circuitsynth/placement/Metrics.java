package io.circuitsynth.placement;

/**
 * Layout-quality measures of a placed sheet.
 *
 * @param overlaps pairs of items whose boxes share interior points; always 0 for a returned layout
 * @param stubs the sum of the items' stub counts
 * @param labels the sum of the items' label counts
 * @param width the bounding box of every item's box, in IU
 * @param height see {@code width}
 * @param area {@code width * height} in IU² (1 mm² = 10^8 IU²)
 * @param wireEdges edges of the minimum Manhattan spanning trees of the signal nets' pins
 * @param wireLength their total length, in IU
 * @param meanWire {@code wireLength / wireEdges} rounded down (0 without edges): the mean distance
 *     between connected pins
 * @param guestEdges ties of decoupling capacitors (and other two-pin parts between supplies) to a
 *     host IC pin
 * @param meanGuest their mean Manhattan length, in IU, rounded down
 */
public record Metrics(long overlaps, long stubs, long labels, long width, long height, long area, long wireEdges,
        long wireLength, long meanWire, long guestEdges, long meanGuest) {}
