//! Byte-level pieces of the tokenizer: the encoding check, byte classes, string scanning.

use crate::error::ParseError;

pub(crate) const SYMBOL: u8 = 0;
pub(crate) const SPACE: u8 = 1;
pub(crate) const OPEN: u8 = 2;
pub(crate) const CLOSE: u8 = 3;
pub(crate) const QUOTE: u8 = 4;

/// The class of every byte; a table lookup beats a chain of comparisons in the hot loops.
pub(crate) static CLASS: [u8; 256] = {
    let mut table = [SYMBOL; 256];
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table[b'(' as usize] = OPEN;
    table[b')' as usize] = CLOSE;
    table[b'"' as usize] = QUOTE;
    table
};

pub(crate) const NUL_DETAIL: &str =
    "NUL byte in input; KiCad files are text, is this a binary file?";

/// Checks the whole input before any syntax: the first NUL byte or invalid UTF-8 sequence,
/// whichever comes first, is the error.
pub(crate) fn validate(source: &[u8]) -> Result<&str, ParseError> {
    match std::str::from_utf8(source) {
        Ok(text) => match memchr::memchr(0, source) {
            None => Ok(text),
            Some(nul) => Err(ParseError::at(source, nul, NUL_DETAIL.to_string())),
        },
        Err(e) => Err(encoding_error(source, e.valid_up_to())),
    }
}

/// The error for input that is valid UTF-8 only up to `valid_up_to`; a NUL before it wins.
pub(crate) fn encoding_error(source: &[u8], valid_up_to: usize) -> ParseError {
    if let Some(nul) = memchr::memchr(0, &source[..valid_up_to]) {
        return ParseError::at(source, nul, NUL_DETAIL.to_string());
    }
    let detail = format!(
        "invalid UTF-8 (byte 0x{:02X}); KiCad files are UTF-8 encoded",
        source[valid_up_to]
    );
    ParseError::at(source, valid_up_to, detail)
}

/// Skips spaces, tabs, CRs and LFs from `i`; returns the first other offset (or the length).
#[inline]
pub(crate) fn skip_space(source: &[u8], mut i: usize) -> usize {
    while i < source.len() && CLASS[source[i] as usize] == SPACE {
        i += 1;
    }
    i
}

/// End of the symbol starting at `i`.
#[inline]
pub(crate) fn symbol_end(source: &[u8], mut i: usize) -> usize {
    while i < source.len() && CLASS[source[i] as usize] == SYMBOL {
        i += 1;
    }
    i
}

const UNTERMINATED: &str = "unterminated string; expected a closing '\"' before end of input";

/// End (one past the closing quote) of the string whose opening quote is at `open`, checking
/// every escape. `source` must be valid UTF-8.
#[inline]
pub(crate) fn string_end(source: &[u8], open: usize) -> Result<usize, ParseError> {
    let mut i = open + 1;
    loop {
        let Some(&b) = source.get(i) else {
            return Err(ParseError::at(source, open, UNTERMINATED.to_string()));
        };
        match b {
            b'"' => return Ok(i + 1),
            b'\\' => i = escape_end(source, open, i)?,
            _ => i += 1,
        }
    }
}

/// Offset after the escape whose backslash is at `backslash`.
fn escape_end(source: &[u8], open: usize, backslash: usize) -> Result<usize, ParseError> {
    let Some(&c) = source.get(backslash + 1) else {
        return Err(ParseError::at(source, open, UNTERMINATED.to_string()));
    };
    let after = backslash + 2;
    match c {
        b'"' | b'\\' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' => Ok(after),
        b'x' => {
            let digits = count_while(source, after, 2, |d| d.is_ascii_hexdigit());
            if digits == 0 {
                Err(bad_escape(source, backslash))
            } else {
                Ok(after + digits)
            }
        }
        // The first octal digit is `c` itself; up to two more may follow.
        b'0'..=b'7' => Ok(after + count_while(source, after, 2, |d| (b'0'..=b'7').contains(&d))),
        _ => Err(bad_escape(source, backslash)),
    }
}

fn count_while(source: &[u8], from: usize, max: usize, accept: impl Fn(u8) -> bool) -> usize {
    source
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take(max)
        .take_while(|&&d| accept(d))
        .count()
}

fn bad_escape(source: &[u8], backslash: usize) -> ParseError {
    let rest = &source[backslash + 1..];
    let escape = if matches!(rest[0], b'\n' | b'\r') {
        // Shown as it is, a line break would split the message over two lines.
        "'\\' at the end of a line".to_string()
    } else {
        // The input is valid UTF-8, so the character after the backslash is whole; show all of it.
        let len = match rest[0] {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        format!(
            "'\\{}'",
            String::from_utf8_lossy(&rest[..len.min(rest.len())])
        )
    };
    ParseError::at(
        source,
        backslash,
        format!(
            "invalid escape sequence {escape} in string; valid escapes are \\\" \\\\ \\n \\r \\t \\a \\b \\f \\v \\xHH \\NNN"
        ),
    )
}
