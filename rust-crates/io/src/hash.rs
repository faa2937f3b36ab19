//! Content hashes for cache invalidation: XXH64 with seed 0, many files in parallel.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use xxhash_rust::xxh64::{xxh64, Xxh64};

use crate::error::FileError;

/// XXH64 (seed 0) of `bytes`.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxh64(bytes, 0)
}

/// A file's size and XXH64 hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentHash {
    /// Size in bytes.
    pub size: u64,
    /// XXH64, seed 0.
    pub xxh64: u64,
}

impl ContentHash {
    /// The hash as 16 lower-case hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.xxh64)
    }
}

/// Streams the file through the hasher in blocks that stay in L2 cache; that keeps pace with
/// a memory map for page-cached files and needs no unsafe code.
pub fn hash_file(path: &Path) -> Result<ContentHash, FileError> {
    hash_file_with(path, &mut vec![0u8; BLOCK])
}

const BLOCK: usize = 256 * 1024;

fn hash_file_with(path: &Path, buffer: &mut [u8]) -> Result<ContentHash, FileError> {
    let mut file = File::open(path).map_err(|e| FileError::read(path, e))?;
    let mut hasher = Xxh64::new(0);
    let mut size = 0u64;
    loop {
        let n = match file.read(buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(FileError::read(path, e)),
        };
        hasher.update(&buffer[..n]);
        size += n as u64;
    }
    Ok(ContentHash {
        size,
        xxh64: hasher.digest(),
    })
}

/// Hashes every file in parallel; the answer is in list order, and an error is the one of the
/// first failing file in list order, whatever order the threads finished in.
pub fn hash_files<P: AsRef<Path> + Sync>(paths: &[P]) -> Result<Vec<ContentHash>, FileError> {
    crate::pool::run(
        paths.len(),
        || vec![0u8; BLOCK],
        |buffer, i| hash_file_with(paths[i].as_ref(), buffer),
        Result::is_err,
    )
    .into_iter()
    .collect()
}
