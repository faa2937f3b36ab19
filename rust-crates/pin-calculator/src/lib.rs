//! The `pin-calculator` stage: library pin to sheet coordinates (rotation, mirror, units, body
//! styles). Filled by the schematic-generation work; empty until then.
