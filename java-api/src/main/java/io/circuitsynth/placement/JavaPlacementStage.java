package io.circuitsynth.placement;

/** The Java engine's {@link PlacementStage}. */
public final class JavaPlacementStage implements PlacementStage {
    @Override
    public Layout place(Sheet sheet) {
        return Placer.place(sheet);
    }
}
