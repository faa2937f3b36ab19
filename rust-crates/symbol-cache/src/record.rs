//! The binary symbol record of the specification: how symbols cross to Java, sit in the
//! persistent cache and in memory, and how engine equivalence is checked.
//!
//! Decoding borrows every text from the record, so looking a symbol up costs a few small vectors
//! and no string copies.

use std::borrow::Cow;
use std::fmt;

use crate::model::{
    Alternate, ElectricalType, Flags, Graphic, GraphicStyle, Pin, Property, Symbol,
};

/// Why bytes are not a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset in the record where decoding stopped.
    pub offset: usize,
    pub reason: &'static str,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// Appends the record of `symbol` to `out`.
///
/// # Panics
/// If a text or a list is longer than `u32::MAX` (no library can hold one: inputs are capped at
/// `i32::MAX` bytes by the `io` stage).
pub fn encode(symbol: &Symbol<'_>, out: &mut Vec<u8>) {
    put_str(out, &symbol.name);
    put_str(out, &symbol.extends);
    out.push(symbol.flags.bits());
    out.extend_from_slice(&symbol.pin_name_offset.to_le_bytes());
    put_u32(out, symbol.unit_count);
    put_u32(out, symbol.body_style_count);
    put_len(out, symbol.unit_names.len());
    for (unit, name) in &symbol.unit_names {
        put_u32(out, *unit);
        put_str(out, name);
    }
    put_len(out, symbol.properties.len());
    for p in &symbol.properties {
        put_str(out, &p.key);
        put_str(out, &p.value);
        out.push(u8::from(p.hidden));
    }
    put_len(out, symbol.pins.len());
    for p in &symbol.pins {
        put_str(out, &p.number);
        put_str(out, &p.name);
        out.push(p.electrical_type as u8);
        out.push(p.style as u8);
        out.extend_from_slice(&p.x.to_le_bytes());
        out.extend_from_slice(&p.y.to_le_bytes());
        out.extend_from_slice(&p.rotation.to_le_bytes());
        out.extend_from_slice(&p.length.to_le_bytes());
        put_u32(out, p.unit);
        put_u32(out, p.body_style);
        out.push(u8::from(p.hidden));
        put_len(out, p.alternates.len());
        for a in &p.alternates {
            put_str(out, &a.name);
            out.push(a.electrical_type as u8);
            out.push(a.style as u8);
        }
    }
    put_len(out, symbol.graphics.len());
    for g in &symbol.graphics {
        match g {
            Graphic::FileRange(range) => {
                out.push(0);
                out.extend_from_slice(&range.start.to_le_bytes());
                out.extend_from_slice(&(range.end - range.start).to_le_bytes());
            }
            Graphic::Inline(text) => {
                out.push(1);
                put_str(out, text);
            }
        }
    }
}

/// The record of `symbol` as a new vector.
pub fn encode_to_vec(symbol: &Symbol<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    encode(symbol, &mut out);
    out
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    let len = u32::try_from(len).expect("lists in a symbol are far below 4 G entries");
    put_u32(out, len);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Decodes one record that fills `bytes` exactly.
///
/// # Errors
/// Bytes that are not exactly one record.
pub fn decode(bytes: &[u8]) -> Result<Symbol<'_>, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    let symbol = r.symbol()?;
    if r.at != bytes.len() {
        return Err(r.fail("trailing bytes after the record"));
    }
    Ok(symbol)
}

/// Decodes the record at the start of `bytes`; returns it and its length.
///
/// # Errors
/// Bytes that do not start with a record.
pub fn decode_prefix(bytes: &[u8]) -> Result<(Symbol<'_>, usize), DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    let symbol = r.symbol()?;
    Ok((symbol, r.at))
}

/// Checks that `bytes` start with a well-formed record without building it; returns its
/// length. This is what the persistent cache runs on every record when it opens, so it is a
/// tight loop over offsets rather than the decoder.
///
/// # Errors
/// As [`decode_prefix`], with less precise reasons.
pub fn validate_prefix(bytes: &[u8]) -> Result<usize, DecodeError> {
    layout(bytes).map(|l| l.len)
}

/// Where the sections of a record start, relative to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The unit-name count.
    pub(crate) units_at: usize,
    /// The property count.
    pub(crate) properties_at: usize,
    /// The pin count; pins and graphics run to the end.
    pub(crate) pins_at: usize,
    pub(crate) len: usize,
}

/// [`validate_prefix`], also locating the sections.
pub(crate) fn layout(bytes: &[u8]) -> Result<Layout, DecodeError> {
    let fail = |offset: usize| DecodeError {
        offset,
        reason: "the record is malformed",
    };
    let mut at = 0;
    at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
    at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
    match bytes.get(at) {
        Some(&flags) if Flags::from_bits(flags).is_some() => at += 1 + 12,
        _ => return Err(fail(at)),
    }
    let units_at = at;
    let n = u32_at(bytes, at).ok_or_else(|| fail(at))?;
    at += 4;
    for _ in 0..n {
        at = skip_str(bytes, at + 4).ok_or_else(|| fail(at))?;
    }
    let properties_at = at;
    let n = u32_at(bytes, at).ok_or_else(|| fail(at))?;
    at += 4;
    for _ in 0..n {
        at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
        at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
        match bytes.get(at) {
            Some(0 | 1) => at += 1,
            _ => return Err(fail(at)),
        }
    }
    let pins_at = at;
    let n = u32_at(bytes, at).ok_or_else(|| fail(at))?;
    at += 4;
    for _ in 0..n {
        at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
        at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
        // type, style, x, y, rotation, length, unit, body style, hidden, alternate count
        let fixed = bytes.get(at..at + 29).ok_or_else(|| fail(at))?;
        if usize::from(fixed[0]) >= ElectricalType::ALL.len()
            || usize::from(fixed[1]) >= GraphicStyle::ALL.len()
            || fixed[24] > 1
        {
            return Err(fail(at));
        }
        let alternates = u32::from_le_bytes([fixed[25], fixed[26], fixed[27], fixed[28]]);
        at += 29;
        for _ in 0..alternates {
            at = skip_str(bytes, at).ok_or_else(|| fail(at))?;
            match bytes.get(at..at + 2) {
                Some(&[t, s])
                    if usize::from(t) < ElectricalType::ALL.len()
                        && usize::from(s) < GraphicStyle::ALL.len() =>
                {
                    at += 2;
                }
                _ => return Err(fail(at)),
            }
        }
    }
    let n = u32_at(bytes, at).ok_or_else(|| fail(at))?;
    at += 4;
    for _ in 0..n {
        match bytes.get(at) {
            Some(0) => {
                let range = bytes.get(at + 1..at + 17).ok_or_else(|| fail(at))?;
                let mut start = [0u8; 8];
                let mut len = [0u8; 8];
                start.copy_from_slice(&range[..8]);
                len.copy_from_slice(&range[8..]);
                if u64::from_le_bytes(start)
                    .checked_add(u64::from_le_bytes(len))
                    .is_none()
                {
                    return Err(fail(at));
                }
                at += 17;
            }
            Some(1) => at = skip_str(bytes, at + 1).ok_or_else(|| fail(at))?,
            _ => return Err(fail(at)),
        }
    }
    Ok(Layout {
        units_at,
        properties_at,
        pins_at,
        len: at,
    })
}

#[inline]
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The offset after the string at `at`, when it is one.
#[inline]
fn skip_str(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = bytes.get(at..)?;
    let header: [u8; 4] = rest.get(..4)?.try_into().ok()?;
    let len = u32::from_le_bytes(header) as usize;
    // `len` is below 2^32 and `rest` fits memory, so `4 + len` cannot overflow on 64-bit
    // targets; `get` bounds it on every target.
    let text = rest.get(4..4usize.saturating_add(len))?;
    if !text.is_ascii() && std::str::from_utf8(text).is_err() {
        return None;
    }
    Some(at + 4 + len)
}

/// The name at the start of a record, without decoding the rest.
///
/// # Errors
/// Bytes that do not start with a string.
pub fn record_name(bytes: &[u8]) -> Result<&str, DecodeError> {
    Reader { bytes, at: 0 }.str()
}

/// The first two fields of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'a> {
    pub name: &'a str,
    /// Whether `extends` is not empty.
    pub derived: bool,
}

/// The name and whether the symbol is derived, without decoding the rest.
///
/// # Errors
/// Bytes that do not start with two strings.
pub fn header(bytes: &[u8]) -> Result<Header<'_>, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    let name = r.str()?;
    let extends = r.str()?;
    Ok(Header {
        name,
        derived: !extends.is_empty(),
    })
}

/// The name's bytes of a record known to be valid (no UTF-8 check: the hot path of lookups).
pub(crate) fn name_bytes(record: &[u8]) -> &[u8] {
    let len = record
        .get(..4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    record.get(4..4 + len).unwrap_or(&[])
}

/// The `extends` bytes of a record known to be valid.
pub(crate) fn extends_bytes(record: &[u8]) -> Option<&[u8]> {
    let name_len = u32::from_le_bytes(record.get(..4)?.try_into().ok()?) as usize;
    let at = 4 + name_len;
    let len = u32::from_le_bytes(record.get(at..at + 4)?.try_into().ok()?) as usize;
    record.get(at + 4..at + 4 + len)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn fail(&self, reason: &'static str) -> DecodeError {
        DecodeError {
            offset: self.at,
            reason,
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.fail("record ends early"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn bool(&mut self) -> Result<bool, DecodeError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.fail("a boolean byte is neither 0 nor 1")),
        }
    }

    fn u16(&mut self) -> Result<u16, DecodeError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn i32(&mut self) -> Result<i32, DecodeError> {
        Ok(i32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A list count, checked against the bytes left so a corrupt count cannot reserve memory:
    /// every entry takes at least `min_entry` bytes.
    fn count(&mut self, min_entry: usize) -> Result<usize, DecodeError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_entry) > self.bytes.len() - self.at {
            return Err(self.fail("a count exceeds the bytes left"));
        }
        Ok(n)
    }

    fn str(&mut self) -> Result<&'a str, DecodeError> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.fail("a text is not UTF-8"))
    }

    fn cow(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        self.str().map(Cow::Borrowed)
    }

    fn electrical_type(&mut self) -> Result<ElectricalType, DecodeError> {
        let b = self.u8()?;
        ElectricalType::from_index(b).ok_or_else(|| self.fail("unknown electrical type"))
    }

    fn style(&mut self) -> Result<GraphicStyle, DecodeError> {
        let b = self.u8()?;
        GraphicStyle::from_index(b).ok_or_else(|| self.fail("unknown graphic style"))
    }

    fn graphic(&mut self) -> Result<Graphic<'a>, DecodeError> {
        match self.u8()? {
            0 => {
                let start = self.u64()?;
                let len = self.u64()?;
                let end = start
                    .checked_add(len)
                    .ok_or_else(|| self.fail("a byte range overflows"))?;
                Ok(Graphic::FileRange(start..end))
            }
            1 => Ok(Graphic::Inline(self.cow()?)),
            _ => Err(self.fail("unknown graphic kind")),
        }
    }

    fn symbol(&mut self) -> Result<Symbol<'a>, DecodeError> {
        let name = self.cow()?;
        let extends = self.cow()?;
        let flags = self.u8()?;
        let flags = Flags::from_bits(flags).ok_or_else(|| self.fail("unknown flag bits"))?;
        let pin_name_offset = self.i32()?;
        let unit_count = self.u32()?;
        let body_style_count = self.u32()?;
        let n = self.count(8)?;
        let mut unit_names = Vec::with_capacity(n);
        for _ in 0..n {
            let unit = self.u32()?;
            unit_names.push((unit, self.cow()?));
        }
        let n = self.count(9)?;
        let mut properties = Vec::with_capacity(n);
        for _ in 0..n {
            properties.push(Property {
                key: self.cow()?,
                value: self.cow()?,
                hidden: self.bool()?,
            });
        }
        let n = self.count(36)?;
        let mut pins = Vec::with_capacity(n);
        for _ in 0..n {
            let number = self.cow()?;
            let name = self.cow()?;
            let electrical_type = self.electrical_type()?;
            let style = self.style()?;
            let x = self.i32()?;
            let y = self.i32()?;
            let rotation = self.u16()?;
            let length = self.i32()?;
            let unit = self.u32()?;
            let body_style = self.u32()?;
            let hidden = self.bool()?;
            let m = self.count(6)?;
            let mut alternates = Vec::with_capacity(m);
            for _ in 0..m {
                alternates.push(Alternate {
                    name: self.cow()?,
                    electrical_type: self.electrical_type()?,
                    style: self.style()?,
                });
            }
            pins.push(Pin {
                number,
                name,
                electrical_type,
                style,
                x,
                y,
                rotation,
                length,
                unit,
                body_style,
                hidden,
                alternates,
            });
        }
        let n = self.count(5)?;
        let mut graphics = Vec::with_capacity(n);
        for _ in 0..n {
            graphics.push(self.graphic()?);
        }
        Ok(Symbol {
            name,
            extends,
            flags,
            pin_name_offset,
            unit_count,
            body_style_count,
            unit_names,
            properties,
            pins,
            graphics,
        })
    }
}
