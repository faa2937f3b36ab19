/**
 * The {@code placement} stage: force-directed placement of one sheet's items with collision
 * avoidance, a snap to the 1.27 mm grid, a legalization pass that leaves at least one grid step
 * between any two boxes, the choice of page (A4 to A0, landscape) and layout-quality metrics.
 * {@link io.circuitsynth.placement.PlacementStage} is the entry point; the specification is
 * {@code conformance/placement/README.md}.
 */
package io.circuitsynth.placement;
