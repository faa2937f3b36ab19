//! Errors of the `io` stage, with messages both engines produce word for word.

use std::fmt;
use std::io;
use std::path::Path;

/// Malformed input, located by byte offset and by line and column.
///
/// `Display` gives `LINE:COLUMN: DETAIL`; callers that know the source name put it in front, so
/// users see `SOURCE:LINE:COLUMN: DETAIL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 0-based byte offset of the error; equal to the input length for "end of input".
    pub offset: usize,
    /// 1-based line: 1 + the number of LF bytes before `offset`.
    pub line: usize,
    /// 1-based column, counted in characters (bytes that are not UTF-8 continuation bytes).
    pub column: usize,
    /// What was wrong and what was expected, without the position.
    pub detail: String,
}

impl ParseError {
    pub(crate) fn at(source: &[u8], offset: usize, detail: String) -> Self {
        let (line, column) = line_column(source, offset);
        ParseError {
            offset,
            line,
            column,
            detail,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.detail)
    }
}

impl std::error::Error for ParseError {}

/// Line and column of `offset` in `source`, as the specification defines them: lines count LF
/// bytes, columns count characters since the last LF (a tab or a CR is one column).
///
/// `offset` is clamped to the source length.
pub fn line_column(source: &[u8], offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = 1 + memchr::memchr_iter(b'\n', before).count();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |lf| lf + 1);
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| !is_continuation(b))
        .count();
    (line, column)
}

fn is_continuation(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// A file that could not be read or written, or that did not parse.
#[derive(Debug)]
pub enum FileError {
    /// The message is complete, e.g. `cannot read lib.kicad_sym: file not found`.
    Io { message: String, source: io::Error },
    /// The path as the caller gave it, and the parse error inside the file.
    Parse { path: String, error: ParseError },
}

impl FileError {
    pub(crate) fn read(path: &Path, error: io::Error) -> Self {
        Self::io("read", path, error)
    }

    pub(crate) fn write(path: &Path, error: io::Error) -> Self {
        Self::io("write", path, error)
    }

    fn io(verb: &str, path: &Path, error: io::Error) -> Self {
        // Directories are checked by name because the OS reports them inconsistently (EISDIR on
        // Linux when reading, "access denied" on Windows when opening).
        let reason = if path.is_dir() {
            "is a directory".to_string()
        } else {
            match error.kind() {
                io::ErrorKind::NotFound => "file not found".to_string(),
                io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                kind => kind.to_string(),
            }
        };
        FileError::Io {
            message: format!("cannot {verb} {}: {reason}", path.display()),
            source: error,
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Io { message, .. } => f.write_str(message),
            FileError::Parse { path, error } => write!(f, "{path}:{error}"),
        }
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Io { source, .. } => Some(source),
            FileError::Parse { error, .. } => Some(error),
        }
    }
}
