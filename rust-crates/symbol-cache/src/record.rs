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
/// length. This is what the persistent cache runs on every record when it opens.
///
/// # Errors
/// As [`decode_prefix`].
pub fn validate_prefix(bytes: &[u8]) -> Result<usize, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    r.str()?;
    r.str()?;
    let flags = r.u8()?;
    if Flags::from_bits(flags).is_none() {
        return Err(r.fail("unknown flag bits"));
    }
    r.take(12)?;
    for _ in 0..r.count(8)? {
        r.take(4)?;
        r.str()?;
    }
    for _ in 0..r.count(9)? {
        r.str()?;
        r.str()?;
        r.bool()?;
    }
    for _ in 0..r.count(36)? {
        r.str()?;
        r.str()?;
        r.electrical_type()?;
        r.style()?;
        r.take(22)?;
        r.bool()?;
        for _ in 0..r.count(6)? {
            r.str()?;
            r.electrical_type()?;
            r.style()?;
        }
    }
    for _ in 0..r.count(5)? {
        r.graphic()?;
    }
    Ok(r.at)
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
