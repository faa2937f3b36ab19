//! Atomic file replacement that leaves unchanged files alone.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::FileError;

/// Whether [`write_if_changed`] wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// The file did not exist or held other bytes; it now holds the new ones.
    Written,
    /// The file already held exactly these bytes and was not touched (its mtime is kept, so
    /// KiCad and build tools do not see a change).
    Unchanged,
}

/// Writes `bytes` to `path` unless it already holds exactly them.
///
/// The bytes go to `.NAME.RANDOM.tmp` in the same directory, are synced to disk, and the
/// temporary file is renamed over the target, so readers see the old file or the new one, never
/// a mix; the directory is synced too where the OS allows. On failure the temporary file is
/// removed and the target is untouched.
///
/// # Errors
/// `cannot write PATH: …`, with the reasons of [`FileError`].
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<WriteOutcome, FileError> {
    if path.is_dir() {
        return Err(FileError::write(
            path,
            io::Error::from(io::ErrorKind::Other),
        ));
    }
    let existing = fs::metadata(path).ok();
    if let Some(meta) = &existing {
        // The comparison only saves a write: a file that cannot be read is simply replaced, so
        // every failure of this call is a `cannot write` one.
        if meta.len() == bytes.len() as u64 && fs::read(path).is_ok_and(|current| current == bytes)
        {
            return Ok(WriteOutcome::Unchanged);
        }
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temp, mut file) = create_temp(&dir, path)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(meta) = &existing {
            // Keep the target's permissions: a replaced file should not silently change mode.
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(FileError::write(path, e));
    }
    sync_dir(&dir);
    Ok(WriteOutcome::Written)
}

fn create_temp(dir: &Path, target: &Path) -> Result<(PathBuf, File), FileError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut last_error = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..16 {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let seed = format!(
            "{}:{nanos}:{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let random = xxhash_rust::xxh64::xxh64(seed.as_bytes(), 0);
        let temp = dir.join(format!(".{name}.{random:016x}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = e,
            Err(e) => return Err(FileError::write(target, e)),
        }
    }
    Err(FileError::write(target, last_error))
}

/// Makes the rename durable. Only Unix can open and sync a directory; elsewhere the rename is
/// as durable as the OS makes it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
