//! The `symbol-cache` stage of CircuitSynth.

pub mod dump;
pub mod model;
pub mod read;
pub mod record;
pub mod resolve;

pub use model::{Alternate, ElectricalType, Flags, Graphic, GraphicStyle, Pin, Property, Symbol};
pub use read::LibraryError;

/// Reads and resolves one library held in memory.
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
