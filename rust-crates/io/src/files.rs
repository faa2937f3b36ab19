//! Reading and parsing many files at once.

use std::path::Path;

use rayon::prelude::*;

use crate::error::FileError;
use crate::parse::{self, STRIDE};

/// Reads a whole file; errors carry the specification's messages.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|e| FileError::read(path, e))
}

/// Reads and parses one file; returns its node count.
pub fn parse_file(path: &Path) -> Result<u64, FileError> {
    let bytes = read_file(path)?;
    let nodes = parse::parse(&bytes).map_err(|error| FileError::Parse {
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
    let results: Vec<Result<u64, FileError>> =
        paths.par_iter().map(|p| parse_file(p.as_ref())).collect();
    results.into_iter().sum()
}
