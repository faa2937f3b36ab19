//! The `symbol-cache` stage of CircuitSynth: KiCad symbol libraries in, resolved symbols out.
//!
//! **For:** reading `.kicad_sym` libraries of every format from KiCad 6 (20211014) to KiCad 9
//! (20241209) into resolved symbols (`extends` applied), indexing all of a machine's libraries
//! (files, or bytes in memory such as the library inside the jar), looking symbols up by
//! `LIB:NAME`, searching and suggesting names, and keeping a persistent per-library cache so a
//! second start costs a read per library instead of a parse. The binary symbol record
//! ([`record`]) is how symbols reach Java.
//!
//! **Not for:** drawing or placing symbols (sub-symbol drawings stay byte ranges of the library
//! file, embedded untouched by `schematic-writer`), pin geometry on a sheet (`pin-calculator`),
//! finding where libraries are installed or reading `sym-lib-table` (the Java side decides which
//! libraries to index and hands over nicknames and paths), or placing generated box symbols
//! (the [`box_symbol`] module draws them; the index does not use them).
//!
//! Everything follows `conformance/symbols/README.md` to the byte, like the Java engine; the
//! vectors there are run by `tests/conformance.rs`.
//!
//! Shape, for speed and size (numbers in `BENCHMARKS.md`): libraries are read in parallel, each
//! worker reusing its buffers; every library becomes one byte blob of records plus a name-sorted
//! permutation, so a lookup is a hash, a binary search and, only if asked, a decode that borrows
//! the blob. A derived symbol whose body is its parent's keeps only its own head and properties.
//! The persistent cache file holds whole records and is checked (payload hash, then a fast
//! structural walk of every record) before anything in it is used. The search table is built on
//! the first search.
//!
//! ```
//! use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};
//!
//! let library = br#"(kicad_symbol_lib (version 20241209)
//!   (symbol "R" (property "Reference" "R") (property "ki_keywords" "res resistor")
//!     (symbol "R_1_1"
//!       (pin passive line (at 0 3.81 270) (length 1.27) (name "~") (number "1"))
//!       (pin passive line (at 0 -3.81 90) (length 1.27) (name "~") (number "2")))))"#;
//! let index = SymbolIndex::open(&[LibrarySource::memory("Demo", "demo", &library[..])], None);
//! assert!(index.warnings().is_empty());
//! let found = index.lookup("Demo", "R").expect("known");
//! let r = found.decode();
//! assert_eq!(r.pins.len(), 2);
//! assert_eq!(r.pins[0].y, 38100);
//! assert_eq!(index.search("resistor", 20)[0].score, 120);
//! assert_eq!(index.suggestions("Demo", "RR"), vec!["Demo:R".to_string()]);
//! ```

pub mod box_symbol;
pub mod cache;
pub mod dump;
mod index;
pub mod model;
pub mod read;
pub mod record;
pub mod resolve;
mod search;

pub use index::{read_symbols, LibrarySource, Origin, Stats, SymbolIndex, SymbolRef};
pub use model::{Alternate, ElectricalType, Flags, Graphic, GraphicStyle, Pin, Property, Symbol};
pub use read::LibraryError;
pub use search::SearchHit;

/// Reads and resolves one library held in memory, borrowing it (`nodes` is a scratch table).
///
/// # Errors
/// The first fault that makes the library unusable.
pub fn read_resolved<'a>(
    source: &'a [u8],
    nodes: &'a mut Vec<u32>,
) -> Result<Vec<Symbol<'a>>, LibraryError> {
    let symbols = read::read_library(source, nodes)?;
    resolve::resolve(source, symbols)
}
