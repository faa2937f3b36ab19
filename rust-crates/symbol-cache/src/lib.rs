//! The `symbol-cache` stage: `.kicad_sym` parsing, `extends` resolution, index, persistent cache
//! and search. Filled by the symbol-library work; empty until then.
pub mod box_symbol;
