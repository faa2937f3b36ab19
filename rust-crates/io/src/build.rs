//! Building trees in code: escaped strings, KiCad decimals, and a [`Builder`] for documents.

use std::borrow::Cow;

use crate::document::Document;
use crate::parse::{LIST, STRIDE, STRING, SYMBOL};

/// A string atom as KiCad writes it: quoted, with `\`, `"`, LF and CR escaped and every other
/// byte kept.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

/// `units × 10^-scale` in KiCad's style: no exponent, no trailing zeros, no lone point, `0` for
/// zero. `decimal(12700, 4)` is `1.27`; `decimal(-5000, 4)` is `-0.5`.
pub fn decimal(units: i64, scale: u32) -> String {
    let magnitude = units.unsigned_abs();
    let digits = magnitude.to_string();
    let scale = scale as usize;
    let (whole, fraction) = if digits.len() > scale {
        digits.split_at(digits.len() - scale)
    } else {
        ("0", digits.as_str())
    };
    let padding = scale.saturating_sub(digits.len());
    let mut fraction_text = "0".repeat(padding);
    fraction_text.push_str(fraction);
    let fraction_text = fraction_text.trim_end_matches('0');
    let mut out = String::with_capacity(digits.len() + padding + 3);
    if units < 0 {
        out.push('-');
    }
    out.push_str(whole);
    if !fraction_text.is_empty() {
        out.push('.');
        out.push_str(fraction_text);
    }
    out
}

/// Decodes the escapes of a string's inner text (between the quotes), borrowing when there are
/// none. Text that the parser accepted always decodes; anything else after a backslash is kept as
/// it is. Shared by every stage that reads KiCad strings, so all decode alike.
pub fn unescape(inner: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr(b'\\', inner).is_none() {
        return Cow::Borrowed(inner);
    }
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        let b = inner[i];
        if b != b'\\' || i + 1 == inner.len() {
            out.push(b);
            i += 1;
            continue;
        }
        let c = inner[i + 1];
        i += 2;
        let simple = match c {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'f' => Some(0x0C),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0B),
            _ => None,
        };
        if let Some(v) = simple {
            out.push(v);
        } else if c == b'x' || (b'0'..=b'7').contains(&c) {
            let (radix, max, first) = if c == b'x' { (16, 2, i) } else { (8, 3, i - 1) };
            let mut value: u32 = 0;
            let mut j = first;
            while j < inner.len() && j - first < max {
                match (inner[j] as char).to_digit(radix) {
                    Some(d) => value = value * radix + d,
                    None => break,
                }
                j += 1;
            }
            // Three octal digits can exceed a byte (\777); KiCad keeps the low byte.
            out.push(value as u8);
            i = j;
        } else {
            out.extend_from_slice(&[b'\\', c]);
        }
    }
    Cow::Owned(out)
}

/// Builds a document in code; the result prints like a parsed one.
///
/// ```
/// use circuitsynth_io::build::{decimal, Builder};
///
/// let mut b = Builder::new("at");
/// b.symbol(&decimal(12700, 4)).symbol(&decimal(-5000, 4)).symbol("0");
/// assert_eq!(b.finish().print(), b"(at 1.27 -0.5 0)\n");
/// ```
pub struct Builder {
    text: String,
    nodes: Vec<u32>,
    open: Vec<usize>,
}

impl Builder {
    /// Starts the root list with its head symbol.
    pub fn new(head: &str) -> Self {
        let mut b = Builder {
            text: String::new(),
            nodes: Vec::new(),
            open: Vec::new(),
        };
        b.open(head);
        b
    }

    /// Opens a child list whose first child is the symbol `head`.
    pub fn open(&mut self, head: &str) -> &mut Self {
        self.separate();
        self.open.push(self.nodes.len() / STRIDE);
        self.nodes
            .extend_from_slice(&[LIST, self.text.len() as u32, 0, 0]);
        self.text.push('(');
        self.symbol(head)
    }

    /// Opens a child list with no head symbol (a list whose first child is a list or a string,
    /// or an empty one).
    pub fn open_bare(&mut self) -> &mut Self {
        self.separate();
        self.open.push(self.nodes.len() / STRIDE);
        self.nodes
            .extend_from_slice(&[LIST, self.text.len() as u32, 0, 0]);
        self.text.push('(');
        self
    }

    /// Closes the innermost open list.
    ///
    /// # Panics
    /// If only the root is open: [`finish`](Self::finish) closes it.
    pub fn close(&mut self) -> &mut Self {
        assert!(
            self.open.len() > 1,
            "Builder::close: only the root is open; call finish"
        );
        self.close_innermost();
        self
    }

    fn close_innermost(&mut self) {
        if let Some(list) = self.open.pop() {
            self.text.push(')');
            let count = (self.nodes.len() / STRIDE) as u32;
            self.nodes[list * STRIDE + 2] = self.text.len() as u32;
            self.nodes[list * STRIDE + 3] = count;
        }
    }

    /// Adds a symbol, written as given (it must not contain whitespace, parens or quotes).
    pub fn symbol(&mut self, text: &str) -> &mut Self {
        debug_assert!(
            !text.is_empty()
                && text
                    .bytes()
                    .all(|b| crate::lex::CLASS[b as usize] == crate::lex::SYMBOL),
            "not a symbol: {text:?}"
        );
        self.atom(SYMBOL, text)
    }

    /// Adds a string atom holding `value`, escaped as KiCad escapes it.
    pub fn string(&mut self, value: &str) -> &mut Self {
        self.atom(STRING, &quote(value))
    }

    /// Adds the decimal `units × 10^-scale`.
    pub fn decimal(&mut self, units: i64, scale: u32) -> &mut Self {
        self.atom(SYMBOL, &decimal(units, scale))
    }

    fn atom(&mut self, kind: u32, text: &str) -> &mut Self {
        self.separate();
        let start = self.text.len() as u32;
        self.text.push_str(text);
        let index = (self.nodes.len() / STRIDE) as u32;
        self.nodes
            .extend_from_slice(&[kind, start, self.text.len() as u32, index + 1]);
        self
    }

    fn separate(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('(') {
            self.text.push(' ');
        }
    }

    /// Closes every open list and returns the document.
    pub fn finish(mut self) -> Document<'static> {
        while !self.open.is_empty() {
            self.close_innermost();
        }
        Document::from_parts(self.text, self.nodes)
    }
}
