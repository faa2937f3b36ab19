package io.circuitsynth.placement;

/**
 * The {@code placement} stage: where each item of one schematic sheet goes. Two implementations
 * give identical layouts: {@link JavaPlacementStage} and
 * {@code io.circuitsynth.natives.NativePlacement}. The specification is
 * {@code conformance/placement/README.md}.
 *
 * <pre>{@code
 * Pin left = new Pin(-38100, 0, -1), right = new Pin(38100, 0, 0);
 * Item r = Item.of(-76200, -25400, 76200, 25400, 1, 1, List.of(left, right));
 * Item c = Item.of(-76200, -25400, 76200, 25400, 1, 1, List.of(new Pin(-38100, 0, 0)));
 * Layout layout = new JavaPlacementStage().place(new Sheet(List.of(r, c), List.of(NetKind.SIGNAL)));
 * layout.page();        // PageSize.A4
 * layout.positions();   // anchors on the 12,700 IU grid, at least one grid step between boxes
 * }</pre>
 */
public interface PlacementStage {

    /**
     * Places one sheet.
     *
     * @throws PlacementException for an invalid sheet or one that no A0 page holds
     */
    Layout place(Sheet sheet);
}
