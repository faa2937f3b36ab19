//! The `schematic-writer` stage: a finalized design drawn as a KiCad 9 project that KiCad reads
//! back to the same circuit.
//!
//! **For:** the whole pipeline from a [`Design`]: finalize (netlist crate), symbols
//! (symbol-cache), pin geometry (pin-calculator), layout per sheet, and every file's bytes — one
//! `.kicad_sch` per definition, the project library with its `sym-lib-table` when some symbol
//! comes from no KiCad library, and the `.kicad_pro`. Every connected pin gets a short wire stub
//! ending in a local label, a hierarchical label where its net leaves the sheet, a global label
//! with the net's own name, or a power symbol; lone pins get no-connect flags, undriven power
//! nets a `PWR_FLAG`.
//!
//! **Not for:** writing files (the caller writes them atomically), the `.net` and circuit JSON
//! (the netlist crate writes those).
//!
//! Everything follows `conformance/schematic/README.md`, like the Java engine
//! (`io.circuitsynth.schematic`): both give the same bytes and the same error messages.

mod drawing;
mod library;
mod sheet;
mod writer;

use std::fmt;

use circuitsynth_netlist::finalize::finalize;
use circuitsynth_netlist::model::Design;
use circuitsynth_symbol_cache::SymbolIndex;

/// A design that finalizes but cannot be drawn as KiCad would read it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchematicError {
    pub message: String,
}

impl SchematicError {
    pub(crate) fn new(message: String) -> Self {
        SchematicError { message }
    }
}

impl fmt::Display for SchematicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SchematicError {}

/// Why [`generate`] failed: finalize's one-line message, or the writer's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GenerateError {
    Netlist(String),
    Schematic(String),
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::Netlist(m) | GenerateError::Schematic(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for GenerateError {}

/// One output file: its path relative to the project directory and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The layout of one sheet file (see the Java `GeneratedProject.SheetReport`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetReport {
    pub file: String,
    pub definition: String,
    pub page: String,
    pub symbols: usize,
    pub sheets: usize,
    pub power_symbols: usize,
    pub labels: usize,
    pub wires: usize,
    pub no_connects: usize,
    pub width: i64,
    pub height: i64,
    pub overlaps: usize,
}

/// One net: finalize's name and the name KiCad gives it when it reads the schematic back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetReport {
    pub name: String,
    pub kicad_name: String,
}

/// A generated KiCad project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedProject {
    pub name: String,
    /// Every file, root schematic first.
    pub files: Vec<ProjectFile>,
    pub sheets: Vec<SheetReport>,
    pub nets: Vec<NetReport>,
    pub components: usize,
}

/// Finalizes `design` against `symbols`, places every sheet and writes the project.
///
/// # Errors
/// Finalize's message for a design it rejects, the writer's for one KiCad cannot draw as given.
pub fn generate(design: &Design, symbols: &SymbolIndex) -> Result<GeneratedProject, GenerateError> {
    let netlist = finalize(design, symbols).map_err(GenerateError::Netlist)?;
    let mut w = writer::Writer::new(design, &netlist, symbols);
    w.run().map_err(|e| GenerateError::Schematic(e.message))?;
    sheet::files(&mut w).map_err(|e| GenerateError::Schematic(e.message))
}

/// The built-in symbol libraries (nickname, `.kicad_sym` bytes), the same files the jar ships.
pub fn builtin_libraries() -> &'static [(&'static str, &'static [u8])] {
    &library::BUILTIN
}
