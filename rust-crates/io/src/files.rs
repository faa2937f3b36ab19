//! Reading and parsing many files at once.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::FileError;
use crate::parse::{self, STRIDE};

/// Reads a whole file; errors carry the specification's messages.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|e| FileError::read(path, e))
}

/// Reads and parses one file; returns its node count.
pub fn parse_file(path: &Path) -> Result<u64, FileError> {
    parse_file_with(path, &mut Vec::new(), &mut Vec::new())
}

fn parse_file_with(
    path: &Path,
    bytes: &mut Vec<u8>,
    nodes: &mut Vec<u32>,
) -> Result<u64, FileError> {
    bytes.clear();
    File::open(path)
        .and_then(|mut f| f.read_to_end(bytes))
        .map_err(|e| FileError::read(path, e))?;
    parse::parse_into(bytes, nodes).map_err(|error| FileError::Parse {
        path: path.display().to_string(),
        error,
    })?;
    Ok((nodes.len() / STRIDE) as u64)
}

/// Reads and parses every file in parallel; returns the total node count.
///
/// # Errors
/// The error of the first failing file in list order, so the answer does not depend on which
/// thread finished first.
pub fn parse_files<P: AsRef<Path> + Sync>(paths: &[P]) -> Result<u64, FileError> {
    // Each worker reuses one file buffer and one node table across its files.
    let results = crate::pool::run(
        paths.len(),
        || (Vec::new(), Vec::new()),
        |(bytes, nodes), i| parse_file_with(paths[i].as_ref(), bytes, nodes),
        Result::is_err,
    );
    results.into_iter().sum()
}
