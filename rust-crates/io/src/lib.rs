//! The `io` stage of CircuitSynth: KiCad S-expressions in and out, content hashes, atomic writes.
//!
//! **For:** reading any KiCad 6+ S-expression file (`.kicad_sym`, `.kicad_sch`, `.kicad_pcb`,
//! `.kicad_mod`, …) into a flat node table; printing a tree back exactly as KiCad 9 lays files
//! out; building trees in code with KiCad's string escaping and decimal style; hashing files for
//! cache invalidation; replacing files atomically and only when their bytes change.
//!
//! **Not for:** meaning. Nothing here knows what a symbol, pin or wire is, and numbers stay text
//! (that is the job of `symbol-cache`, `schematic-writer` and friends). It is not a general
//! S-expression library either: it implements exactly the specification in
//! `conformance/README.md`, which the Java engine implements too, byte for byte and error for
//! error.
//!
//! The node table is flat and pre-order, four `u32` per node (kind, start, end, next), so a
//! 100,000-deep input costs no call stack anywhere: parsing, printing, comparing and dropping are
//! all loops.
//!
//! ```
//! use circuitsynth_io::Document;
//!
//! let doc = Document::parse(b"(pts (xy 0 0) (xy 1.27 0))").expect("valid");
//! assert_eq!(doc.print(), b"(pts\n\t(xy 0 0) (xy 1.27 0)\n)\n");
//! let err = Document::parse(b"(a))").unwrap_err();
//! assert_eq!(err.to_string(), "1:4: expected end of input after the root list closed at 1:3, found ')'");
//! ```

pub mod atomic;
pub mod build;
mod document;
pub mod error;
pub mod files;
pub mod hash;
mod lex;
pub mod parse;
mod pool;
pub mod print;

pub use atomic::{write_if_changed, WriteOutcome};
pub use document::{Children, Document, Kind};
pub use error::{FileError, ParseError};
pub use files::{parse_file, parse_files};
pub use hash::{hash_bytes, hash_files, ContentHash};
pub use parse::{parse, parse_into};
pub use print::{print_table, TableError};

/// Parse then print in one step.
///
/// # Errors
/// Input the specification rejects.
pub fn format(source: &[u8]) -> Result<Vec<u8>, ParseError> {
    let nodes = parse::parse(source)?;
    Ok(print::print_trusted(source, &nodes))
}
