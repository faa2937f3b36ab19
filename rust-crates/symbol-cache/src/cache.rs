//! The persistent per-library cache file of the specification (`CACHE/symbols/v1/*.symidx`).
//!
//! A cache file is the in-memory form of a library, written down: the index keeps the whole
//! file's bytes and reads records straight out of them, so a warm start is one read, one hash
//! and one structural check per library, with no copying and no decoding.

use std::fmt;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh64::xxh64;

use crate::record;

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"CSYMIDX1";
/// The format version this code writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Magic, version, reserved word, payload length, payload hash.
pub const HEADER_LEN: usize = 32;

/// What identifies the library a cache file was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Absolute path, as given (not canonicalized).
    pub path: String,
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub mtime: i64,
    /// XXH64 (seed 0) of the library's bytes.
    pub hash: u64,
}

/// The folder of cache files under a cache root: `CACHE/symbols/v1`.
pub fn cache_folder(root: &Path) -> PathBuf {
    root.join("symbols").join("v1")
}

/// The cache file of the library at `absolute_path`: XXH64 of the path's UTF-8 bytes, 16
/// lower-case hex digits, `.symidx`.
pub fn cache_file(root: &Path, absolute_path: &str) -> PathBuf {
    let name = format!("{:016x}.symidx", xxh64(absolute_path.as_bytes(), 0));
    cache_folder(root).join(name)
}

/// Builds a whole cache file from records laid end to end (`offsets[i]` is where record `i`
/// starts in `records`, `names[i]` its name).
pub fn build_file(stamp: &Stamp, names: &[&str], offsets: &[u32], records: &[u8]) -> Vec<u8> {
    let table: usize = names.iter().map(|n| 12 + n.len()).sum();
    let payload_len = 4 + stamp.path.len() + 24 + 4 + table + records.len();
    let mut out = Vec::with_capacity(HEADER_LEN + payload_len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(payload_len as u64).to_le_bytes());
    out.extend_from_slice(&0u64.to_le_bytes());
    put_str(&mut out, &stamp.path);
    out.extend_from_slice(&stamp.size.to_le_bytes());
    out.extend_from_slice(&stamp.mtime.to_le_bytes());
    out.extend_from_slice(&stamp.hash.to_le_bytes());
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    for (name, offset) in names.iter().zip(offsets) {
        put_str(&mut out, name);
        out.extend_from_slice(&u64::from(*offset).to_le_bytes());
    }
    out.extend_from_slice(records);
    seal(&mut out);
    out
}

/// Recomputes the payload hash in the header after the payload changed.
pub fn seal(file: &mut [u8]) {
    let hash = xxh64(&file[HEADER_LEN..], 0);
    file[24..32].copy_from_slice(&hash.to_le_bytes());
}

/// Replaces the stamp's mtime in a valid cache file (the library was touched, not changed).
pub fn restamp(file: &mut [u8], parsed: &Parsed, mtime: i64) {
    let at = parsed.mtime_at;
    file[at..at + 8].copy_from_slice(&mtime.to_le_bytes());
    seal(file);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// Why a cache file cannot be used; `Display` is the specification's `REASON`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable(pub String);

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A structurally sound cache file, located in its bytes.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub stamp: Stamp,
    /// Where the stamp's mtime sits in the file, for [`restamp`].
    pub mtime_at: usize,
    /// Where the records start in the file.
    pub records_at: usize,
    /// Each record's start, relative to `records_at`, in file order.
    pub offsets: Vec<u32>,
    /// Each record's sections, in file order.
    pub(crate) layouts: Vec<record::Layout>,
    /// How many records are of derived symbols.
    pub derived: u32,
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Unusable> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| Unusable("bad payload: ends early".to_string()))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, Unusable> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Result<u64, Unusable> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(b))
    }

    fn str(&mut self) -> Result<&'a str, Unusable> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?)
            .map_err(|_| Unusable("bad payload: a text is not UTF-8".to_string()))
    }
}

/// Checks a whole cache file: header, payload hash, name table and every record.
///
/// # Errors
/// The first structural fault found.
pub fn parse(file: &[u8]) -> Result<Parsed, Unusable> {
    let fault = |s: &str| Unusable(s.to_string());
    if file.len() < HEADER_LEN {
        return Err(fault("too short"));
    }
    if &file[..8] != MAGIC {
        return Err(fault("wrong magic"));
    }
    let word = |at: usize| u32::from_le_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]]);
    let long = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&file[at..at + 8]);
        u64::from_le_bytes(b)
    };
    let version = word(8);
    if version != FORMAT_VERSION {
        return Err(Unusable(format!("format version {version}")));
    }
    if word(12) != 0 {
        return Err(fault("reserved field is not 0"));
    }
    if long(16) != (file.len() - HEADER_LEN) as u64 {
        return Err(fault("payload length mismatch"));
    }
    if long(24) != xxh64(&file[HEADER_LEN..], 0) {
        return Err(fault("payload hash mismatch"));
    }
    let mut c = Cursor {
        bytes: file,
        at: HEADER_LEN,
    };
    let path = c.str()?.to_string();
    let size = c.u64()?;
    let mtime_at = c.at;
    let mtime = c.u64()? as i64;
    let hash = c.u64()?;
    let count = c.u32()? as usize;
    if count.saturating_mul(12) > file.len() - c.at {
        return Err(fault("bad payload: the symbol count exceeds the file"));
    }
    let mut names = Vec::with_capacity(count);
    let mut raw_offsets = Vec::with_capacity(count);
    for _ in 0..count {
        names.push(c.str()?);
        raw_offsets.push(c.u64()?);
    }
    let records_at = c.at;
    let records = &file[records_at..];
    let mut offsets = Vec::with_capacity(count);
    let mut layouts = Vec::with_capacity(count);
    let mut derived = 0;
    for (name, offset) in names.iter().zip(raw_offsets) {
        let start = usize::try_from(offset)
            .ok()
            .filter(|&o| o < records.len() && u32::try_from(o).is_ok())
            .ok_or_else(|| Unusable(format!("symbol {name}: record offset out of range")))?;
        let record = &records[start..];
        let layout = record::layout(record).map_err(|e| Unusable(format!("symbol {name}: {e}")))?;
        layouts.push(layout);
        let head = record::header(record).map_err(|e| Unusable(format!("symbol {name}: {e}")))?;
        if head.name != *name {
            return Err(Unusable(format!(
                "symbol {name}: the record is named {}",
                head.name
            )));
        }
        derived += u32::from(head.derived);
        offsets.push(start as u32);
    }
    Ok(Parsed {
        stamp: Stamp {
            path,
            size,
            mtime,
            hash,
        },
        mtime_at,
        records_at,
        offsets,
        layouts,
        derived,
    })
}
