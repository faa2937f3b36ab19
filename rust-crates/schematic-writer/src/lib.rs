//! The `schematic-writer` stage: `.kicad_sch` / `.kicad_pro` emission, `lib_symbols` embedding,
//! labels and sheets. Filled by the schematic-generation work; empty until then.
