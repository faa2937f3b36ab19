//! The `placement` stage: force-directed placement with collision avoidance, grid snapping and
//! sheet sizing. Filled by the schematic-generation work; empty until then.
