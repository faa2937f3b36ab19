//! The JSON syntax check shared by circuit JSON and circuit-synth import (specification section
//! 5, "Syntax"): RFC 8259 over UTF-8 without BOM, duplicate member names rejected, nesting at most
//! 1000 deep. Written by hand so that every syntax message is ours, word for word the same as the
//! Java twin `io.circuitsynth.netlist.JsonScanner`.
//!
//! The result is a flat pre-order table of values (no tree of objects): the binders walk it by
//! index, decode only the strings they use, and never recurse per nesting level of the input.

use std::borrow::Cow;
use std::collections::HashSet;

use circuitsynth_io::error::line_column;

/// The deepest nesting of objects and arrays accepted; the outermost container is depth 1.
pub const MAX_DEPTH: usize = 1000;

/// Objects with more members than this find duplicates through a hash set instead of a scan.
const LINEAR_KEYS: usize = 16;

/// The kind of a value in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    kind: Kind,
    /// Only for strings: the source holds at least one backslash escape.
    escaped: bool,
    start: u32,
    end: u32,
    /// One past the node's last descendant.
    next: u32,
}

/// A syntactically valid JSON text as a flat pre-order table. Node 0 is the top-level value. An
/// object's children are pairs: the member name (a string node), then its value.
#[derive(Debug)]
pub struct JsonTree<'a> {
    text: &'a str,
    nodes: Vec<Node>,
}

impl<'a> JsonTree<'a> {
    pub fn kind(&self, node: usize) -> Kind {
        self.nodes[node].kind
    }

    /// One past the last descendant of `node`: the index of its next sibling.
    pub fn next(&self, node: usize) -> usize {
        self.nodes[node].next as usize
    }

    /// The value's name in messages: `string number boolean null object array`.
    pub fn type_name(&self, node: usize) -> &'static str {
        match self.nodes[node].kind {
            Kind::Object => "object",
            Kind::Array => "array",
            Kind::String => "string",
            Kind::Number => "number",
            Kind::True | Kind::False => "boolean",
            Kind::Null => "null",
        }
    }

    /// The value's source text, exactly as written.
    pub fn source(&self, node: usize) -> &'a str {
        let n = self.nodes[node];
        &self.text[n.start as usize..n.end as usize]
    }

    /// A string node's decoded value.
    pub fn string(&self, node: usize) -> Cow<'a, str> {
        let n = self.nodes[node];
        let inner = &self.text[n.start as usize + 1..n.end as usize - 1];
        if n.escaped {
            Cow::Owned(unescape(inner))
        } else {
            Cow::Borrowed(inner)
        }
    }

    /// The (name node, value node) pairs of an object, in document order.
    pub fn members(&self, object: usize) -> Members<'_, 'a> {
        Members {
            tree: self,
            at: object + 1,
            end: self.next(object),
        }
    }

    /// The element nodes of an array, in document order.
    pub fn elements(&self, array: usize) -> Elements<'_, 'a> {
        Elements {
            tree: self,
            at: array + 1,
            end: self.next(array),
        }
    }

    /// The value of the member called `name`, if the object has one.
    pub fn member(&self, object: usize, name: &str) -> Option<usize> {
        self.members(object)
            .find(|&(key, _)| self.string(key) == name)
            .map(|(_, value)| value)
    }

    /// A number node's value when it is a mathematical integer of at most 18 digits, whatever its
    /// notation (`1`, `1.0`, `10e-1`); `None` otherwise.
    pub fn integer(&self, node: usize) -> Option<i64> {
        integer_value(self.source(node).as_bytes())
    }
}

/// Iterator over an object's members.
pub struct Members<'t, 'a> {
    tree: &'t JsonTree<'a>,
    at: usize,
    end: usize,
}

impl Iterator for Members<'_, '_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if self.at >= self.end {
            return None;
        }
        let key = self.at;
        let value = key + 1;
        self.at = self.tree.next(value);
        Some((key, value))
    }
}

/// Iterator over an array's elements.
pub struct Elements<'t, 'a> {
    tree: &'t JsonTree<'a>,
    at: usize,
    end: usize,
}

impl Iterator for Elements<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.at >= self.end {
            return None;
        }
        let element = self.at;
        self.at = self.tree.next(element);
        Some(element)
    }
}

/// Checks `input` and returns its value table, or the first error as `LINE:COLUMN: DETAIL`.
pub fn scan(input: &[u8]) -> Result<JsonTree<'_>, String> {
    // The whole input is checked for UTF-8 first, as the io stage does, so an encoding error wins
    // over any syntax error wherever it is.
    let text = match std::str::from_utf8(input) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(error(
                input,
                at,
                &format!("invalid UTF-8 (byte 0x{:02X})", input[at]),
            ));
        }
    };
    if input.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(error(
            input,
            0,
            "unexpected byte order mark; save the file as UTF-8 without BOM",
        ));
    }
    let mut scanner = Scanner {
        text,
        b: input,
        pos: 0,
        nodes: Vec::with_capacity(input.len() / 8 + 1),
        open: Vec::new(),
        keys: Vec::new(),
    };
    scanner.run()?;
    Ok(JsonTree {
        text,
        nodes: scanner.nodes,
    })
}

/// An open object or array.
struct Frame<'a> {
    node: usize,
    /// Objects: where this object's member names start in `Scanner::keys`.
    first_key: usize,
    /// Objects past `LINEAR_KEYS` members: every member name so far.
    set: Option<HashSet<Cow<'a, str>>>,
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    open: Vec<Frame<'a>>,
    /// Member names of the open objects, innermost last.
    keys: Vec<Cow<'a, str>>,
}

impl<'a> Scanner<'a> {
    /// The whole text, without recursion: `want_value` says a value must come next.
    fn run(&mut self) -> Result<(), String> {
        let mut want_value = true;
        loop {
            if want_value {
                want_value = false;
                if self.value()? {
                    // Just opened: empty, or its first member name or element.
                    let object = self.top_is_object();
                    self.skip_whitespace();
                    match self.peek() {
                        Some(b'}') if object => self.close(),
                        Some(b']') if !object => self.close(),
                        _ if object => {
                            self.member_name()?;
                            want_value = true;
                        }
                        _ => want_value = true,
                    }
                }
                continue;
            }
            if self.open.is_empty() {
                break;
            }
            let object = self.top_is_object();
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    if object {
                        self.skip_whitespace();
                        self.member_name()?;
                    }
                    want_value = true;
                }
                Some(b'}') if object => self.close(),
                Some(b']') if !object => self.close(),
                None => return Err(self.fail(self.pos, "unexpected end of input")),
                Some(_) => return Err(self.unexpected(self.pos)),
            }
        }
        self.skip_whitespace();
        if self.pos < self.b.len() {
            return Err(self.fail(self.pos, "unexpected content after the JSON value"));
        }
        Ok(())
    }

    fn top_is_object(&self) -> bool {
        let frame = self.open.last().expect("an open container");
        self.nodes[frame.node].kind == Kind::Object
    }

    /// One scalar, or the opening of a container (then true: `run` reads its content).
    fn value(&mut self) -> Result<bool, String> {
        self.skip_whitespace();
        let start = self.pos;
        match self.peek() {
            None => Err(self.fail(start, "unexpected end of input")),
            Some(b'{') => {
                self.open_container(Kind::Object)?;
                Ok(true)
            }
            Some(b'[') => {
                self.open_container(Kind::Array)?;
                Ok(true)
            }
            Some(b'"') => {
                let escaped = self.string()?;
                self.leaf(Kind::String, escaped, start);
                Ok(false)
            }
            Some(b'-' | b'0'..=b'9') => {
                while self.pos < self.b.len() && is_number_byte(self.b[self.pos]) {
                    self.pos += 1;
                }
                if !valid_number(&self.b[start..self.pos]) {
                    return Err(self.fail(start, "invalid number"));
                }
                self.leaf(Kind::Number, false, start);
                Ok(false)
            }
            Some(b'a'..=b'z' | b'A'..=b'Z') => {
                while self.pos < self.b.len() && self.b[self.pos].is_ascii_alphabetic() {
                    self.pos += 1;
                }
                let kind = match &self.b[start..self.pos] {
                    b"true" => Kind::True,
                    b"false" => Kind::False,
                    b"null" => Kind::Null,
                    _ => return Err(self.unexpected(start)),
                };
                self.leaf(kind, false, start);
                Ok(false)
            }
            Some(_) => Err(self.unexpected(start)),
        }
    }

    /// A member name, its duplicate check and the `:` after it. The caller has skipped
    /// whitespace.
    fn member_name(&mut self) -> Result<(), String> {
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.fail(start, "unexpected end of input")),
            Some(_) => return Err(self.unexpected(start)),
        }
        let escaped = self.string()?;
        let raw = &self.text[start + 1..self.pos - 1];
        let name: Cow<'a, str> = if escaped {
            Cow::Owned(unescape(raw))
        } else {
            Cow::Borrowed(raw)
        };
        if !self.remember_key(name) {
            let shown = crate::json_text::quote(self.keys.last().map_or("", |k| k));
            return Err(self.fail(start, &format!("duplicate member {shown}")));
        }
        self.leaf(Kind::String, escaped, start);
        self.skip_whitespace();
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            None => Err(self.fail(self.pos, "unexpected end of input")),
            Some(_) => Err(self.unexpected(self.pos)),
        }
    }

    /// Records a member name of the innermost object; false when it already has one so named
    /// (the name is then left last in `keys` for the message).
    fn remember_key(&mut self, name: Cow<'a, str>) -> bool {
        let frame = self
            .open
            .last_mut()
            .expect("a member name is inside an object");
        if let Some(set) = frame.set.as_mut() {
            let fresh = set.insert(name.clone());
            self.keys.push(name);
            return fresh;
        }
        if self.keys[frame.first_key..].contains(&name) {
            self.keys.push(name);
            return false;
        }
        self.keys.push(name);
        if self.keys.len() - frame.first_key > LINEAR_KEYS {
            frame.set = Some(self.keys[frame.first_key..].iter().cloned().collect());
        }
        true
    }

    fn open_container(&mut self, kind: Kind) -> Result<(), String> {
        if self.open.len() == MAX_DEPTH {
            return Err(self.fail(self.pos, &format!("nesting deeper than {MAX_DEPTH}")));
        }
        let node = self.nodes.len();
        self.nodes.push(Node {
            kind,
            escaped: false,
            start: self.pos as u32,
            end: 0,
            next: 0,
        });
        self.open.push(Frame {
            node,
            first_key: self.keys.len(),
            set: None,
        });
        self.pos += 1;
        Ok(())
    }

    fn close(&mut self) {
        self.pos += 1;
        let frame = self.open.pop().expect("an open container");
        self.keys.truncate(frame.first_key);
        let next = self.nodes.len() as u32;
        let node = &mut self.nodes[frame.node];
        node.end = self.pos as u32;
        node.next = next;
    }

    fn leaf(&mut self, kind: Kind, escaped: bool, start: usize) {
        let next = self.nodes.len() as u32 + 1;
        self.nodes.push(Node {
            kind,
            escaped,
            start: start as u32,
            end: self.pos as u32,
            next,
        });
    }

    /// A string from its opening quote to past its closing quote; true when it holds escapes.
    fn string(&mut self) -> Result<bool, String> {
        self.pos += 1;
        let mut escaped = false;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.fail(self.pos, "unexpected end of input"));
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(escaped);
                }
                b'\\' => {
                    escaped = true;
                    self.escape()?;
                }
                0x00..=0x1F => {
                    return Err(
                        self.fail(self.pos, &format!("control character U+{c:04X} in string"))
                    );
                }
                _ => self.pos += 1,
            }
        }
    }

    /// One escape sequence, from its backslash.
    fn escape(&mut self) -> Result<(), String> {
        let backslash = self.pos;
        let Some(c) = self.b.get(backslash + 1).copied() else {
            return Err(self.fail(self.b.len(), "unexpected end of input"));
        };
        match c {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                self.pos += 2;
                Ok(())
            }
            b'u' => {
                let unit = self.hex4(backslash)?;
                if (0xDC00..=0xDFFF).contains(&unit) {
                    return Err(self.unpaired(backslash));
                }
                if (0xD800..=0xDBFF).contains(&unit) {
                    let low = self.pos;
                    if self.b.get(low) != Some(&b'\\') || self.b.get(low + 1) != Some(&b'u') {
                        return Err(self.unpaired(backslash));
                    }
                    let second = self.hex4(low)?;
                    if !(0xDC00..=0xDFFF).contains(&second) {
                        return Err(self.unpaired(backslash));
                    }
                }
                Ok(())
            }
            0x00..=0x1F => Err(self.fail(
                backslash + 1,
                &format!("control character U+{c:04X} in string"),
            )),
            _ => {
                let shown = char_at(self.text, backslash + 1);
                Err(self.fail(backslash, &format!("invalid escape '\\{shown}' in string")))
            }
        }
    }

    /// The four hex digits of the `\u` escape at `backslash`; leaves `pos` after them.
    fn hex4(&mut self, backslash: usize) -> Result<u32, String> {
        let mut unit = 0;
        for k in 0..4 {
            let Some(c) = self.b.get(backslash + 2 + k).copied() else {
                return Err(self.fail(self.b.len(), "unexpected end of input"));
            };
            let Some(digit) = (c as char).to_digit(16) else {
                return Err(self.fail(backslash, "invalid escape '\\u' in string"));
            };
            unit = unit * 16 + digit;
        }
        self.pos = backslash + 6;
        Ok(unit)
    }

    fn unpaired(&self, backslash: usize) -> String {
        let written = &self.text[backslash..backslash + 6];
        self.fail(
            backslash,
            &format!("unpaired surrogate '{written}' in string"),
        )
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn unexpected(&self, at: usize) -> String {
        self.fail(
            at,
            &format!("unexpected character {}", shown_char(self.text, at)),
        )
    }

    fn fail(&self, at: usize, detail: &str) -> String {
        error(self.b, at, detail)
    }
}

fn error(input: &[u8], at: usize, detail: &str) -> String {
    let (line, column) = line_column(input, at);
    format!("{line}:{column}: {detail}")
}

/// The character starting at byte `at` (a character boundary).
fn char_at(text: &str, at: usize) -> char {
    text[at..]
        .chars()
        .next()
        .expect("a character at the offset")
}

/// A character as messages show it: `'C'`, or `U+XXXX` for the ones that cannot be seen
/// (controls, spaces, invisible format characters).
fn shown_char(text: &str, at: usize) -> String {
    let c = char_at(text, at);
    let code = c as u32;
    if invisible(code) {
        format!("U+{code:04X}")
    } else {
        format!("'{c}'")
    }
}

fn invisible(code: u32) -> bool {
    matches!(code, 0..=0x20 | 0x7F..=0xA0 | 0xAD | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x206F | 0x3000 | 0xFEFF)
}

/// Bytes that continue a number token: the token is read whole, then checked against the grammar,
/// so `01`, `1.` and `1x` are each one invalid number.
fn is_number_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'+' || c == b'-' || c == b'.'
}

/// RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn valid_number(s: &[u8]) -> bool {
    let mut i = 0;
    if s.first() == Some(&b'-') {
        i += 1;
    }
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        let digits = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == digits {
            return false;
        }
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = s.get(i) {
            i += 1;
        }
        let digits = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == digits {
            return false;
        }
    }
    i == s.len()
}

/// The integer a valid number token denotes, if it is one with at most 18 significant digits.
fn integer_value(s: &[u8]) -> Option<i64> {
    let negative = s.first() == Some(&b'-');
    let mut i = usize::from(negative);
    let mut digits: Vec<u8> = Vec::new();
    let mut scale: i64 = 0;
    while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
        digits.push(c - b'0');
        i += 1;
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
            digits.push(c - b'0');
            scale -= 1;
            i += 1;
        }
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let negative_exponent = s.get(i) == Some(&b'-');
        if let Some(b'+' | b'-') = s.get(i) {
            i += 1;
        }
        let mut exponent: i64 = 0;
        while let Some(&c) = s.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturates far beyond any digit count an input can hold, so it never overflows.
            exponent = (exponent * 10 + i64::from(c - b'0')).min(1_000_000_000);
            i += 1;
        }
        scale += if negative_exponent {
            -exponent
        } else {
            exponent
        };
    }
    let Some(first) = digits.iter().position(|&d| d != 0) else {
        return Some(0);
    };
    let last = digits
        .iter()
        .rposition(|&d| d != 0)
        .expect("a non-zero digit");
    // digits[first..=last] followed by (scale + trailing zeros) zeros.
    let zeros = scale + (digits.len() - 1 - last) as i64;
    let significant = (last - first + 1) as i64;
    if zeros < 0 || significant + zeros > 18 {
        return None;
    }
    let mut value: i64 = 0;
    for &d in &digits[first..=last] {
        value = value * 10 + i64::from(d);
    }
    for _ in 0..zeros {
        value *= 10;
    }
    Some(if negative { -value } else { value })
}

/// Decodes the escapes of a string's content (between its quotes), already checked by `scan`.
fn unescape(raw: &str) -> String {
    let b = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < b.len() {
        let Some(offset) = raw[i..].find('\\') else {
            out.push_str(&raw[i..]);
            break;
        };
        out.push_str(&raw[i..i + offset]);
        i += offset;
        let c = b[i + 1];
        i += 2;
        match c {
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let mut unit = hex(&raw[i..i + 4]);
                i += 4;
                if (0xD800..=0xDBFF).contains(&unit) {
                    let low = hex(&raw[i + 2..i + 6]);
                    i += 6;
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                }
                out.push(char::from_u32(unit).expect("scan rejects unpaired surrogates"));
            }
            other => out.push(other as char),
        }
    }
    out
}

fn hex(digits: &str) -> u32 {
    u32::from_str_radix(digits, 16).expect("scan checked the hex digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> String {
        scan(input.as_bytes()).expect_err("an error")
    }

    #[test]
    fn integers_in_any_notation() {
        let v = |s: &str| integer_value(s.as_bytes());
        assert_eq!(v("1"), Some(1));
        assert_eq!(v("-0"), Some(0));
        assert_eq!(v("0.0e5"), Some(0));
        assert_eq!(v("1.0"), Some(1));
        assert_eq!(v("10e-1"), Some(1));
        assert_eq!(v("1.5e1"), Some(15));
        assert_eq!(v("1.5"), None);
        assert_eq!(v("1e18"), None);
        assert_eq!(v("123456789012345678"), Some(123_456_789_012_345_678));
        assert_eq!(v("1e999999999999"), None);
        assert_eq!(v("1e-999999999999"), None);
        assert_eq!(v("-25"), Some(-25));
    }

    #[test]
    fn positions_and_details() {
        assert_eq!(err(""), "1:1: unexpected end of input");
        assert_eq!(err("{\"a\":1,}"), "1:8: unexpected character '}'");
        assert_eq!(
            err("[1]\n x"),
            "2:2: unexpected content after the JSON value"
        );
        assert_eq!(err("\"\\q\""), "1:2: invalid escape '\\q' in string");
        assert_eq!(err("\"é\\é\""), "1:3: invalid escape '\\é' in string");
        assert_eq!(err("\"a\tb\""), "1:3: control character U+0009 in string");
        assert_eq!(
            err("{\"a\":1,\"\\u0061\":2}"),
            "1:8: duplicate member \"a\""
        );
        assert_eq!(err("[01]"), "1:2: invalid number");
        assert_eq!(err("[\u{1}]"), "1:2: unexpected character U+0001");
        assert_eq!(
            err("[\"\\ud800\"]"),
            "1:3: unpaired surrogate '\\ud800' in string"
        );
        assert_eq!(err("nul"), "1:1: unexpected character 'n'");
    }

    #[test]
    fn decoding() {
        let tree = scan(br#"{"k\u00e9": "a\"b\\c\/\ud83d\ude00"}"#).unwrap();
        assert_eq!(tree.string(1), "k\u{e9}");
        assert_eq!(tree.string(2), "a\"b\\c/\u{1F600}");
        assert_eq!(tree.next(0), 3);
    }
}
