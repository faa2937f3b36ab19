//! The design codec: the compact binary form of a whole [`Design`] that crosses JNI in one piece,
//! both ways. The layout is specified in `conformance/netlist/codec/README.md`; the Java twin is
//! `io.circuitsynth.netlist.DesignCodec`, and both read and reject the same bytes with the same
//! messages.
//!
//! Every field of the model travels, origins and UUIDs included; an absent optional string and an
//! empty one are different values, and so are an absent pin table and an empty one. The decoder
//! accepts only what the encoder writes (shortest numbers, zero reserved bits, booleans 0 or 1),
//! so `encode(decode(b)) == b` for every accepted `b`.

use crate::model::{
    Component, Definition, Design, Instance, Net, Outline, OutlineComponent, OutlineDefinition,
    OutlineInstance, PinRef, PinSpec, Power, ReferenceKind,
};

/// The first four bytes of every encoding.
pub const MAGIC: [u8; 4] = *b"CSDE";
/// The layout version this code writes and reads.
pub const VERSION: u8 = 1;

/// Numbers (counts, lengths, units) are capped at Java's `int` range, so both decoders accept
/// exactly the same encodings.
const MAX_NUMBER: u32 = i32::MAX as u32;

const KIND_MASK: u8 = 0b11;
const COMPONENT_DNP: u8 = 1 << 2;
const COMPONENT_IN_BOM: u8 = 1 << 3;
const COMPONENT_ON_BOARD: u8 = 1 << 4;
const COMPONENT_HAS_PINS: u8 = 1 << 5;
const COMPONENT_KNOWN: u8 =
    KIND_MASK | COMPONENT_DNP | COMPONENT_IN_BOM | COMPONENT_ON_BOARD | COMPONENT_HAS_PINS;
const NET_ABSOLUTE: u8 = 1 << 2;
const NET_KNOWN: u8 = KIND_MASK | NET_ABSOLUTE;

/// The encoding of `design`.
///
/// Units above `i32::MAX` lie outside the model the Java engine shares (a Java `int`); they are
/// written as they are and the decoders refuse them.
pub fn encode(design: &Design) -> Vec<u8> {
    let mut out = Out {
        buf: Vec::with_capacity(estimate(design)),
    };
    out.buf.extend_from_slice(&MAGIC);
    out.buf.push(VERSION);
    out.str(&design.name);
    out.str(&design.root);
    out.count(design.definitions.len());
    for definition in &design.definitions {
        out.definition(definition);
    }
    out.count(design.sheet_uuids.len());
    for (path, uuid) in &design.sheet_uuids {
        out.str(path);
        out.str(uuid);
    }
    out.buf
}

/// The encoding of the outline of `design`, the twin of Java's `DesignCodec.encodeOutline`: the
/// encoding of a design that keeps the root, and of every definition its name, ports, instances
/// (without bindings) and origin, and of every component its reference kind and reference, and
/// its id and origin when `component_names` is true; everything else is empty. The Java engine
/// sends this to `netlistReferences`; here it serves the tests and the benchmarks.
pub fn encode_outline(design: &Design, component_names: bool) -> Vec<u8> {
    let outline = Design {
        name: String::new(),
        root: design.root.clone(),
        definitions: design
            .definitions
            .iter()
            .map(|d| Definition {
                name: d.name.clone(),
                ports: d.ports.clone(),
                components: d
                    .components
                    .iter()
                    .map(|c| Component {
                        id: if component_names {
                            c.id.clone()
                        } else {
                            String::new()
                        },
                        reference_kind: c.reference_kind,
                        reference: c.reference.clone(),
                        origin: c.origin.clone().filter(|_| component_names),
                        in_bom: false,
                        on_board: false,
                        ..Component::default()
                    })
                    .collect(),
                instances: d
                    .instances
                    .iter()
                    .map(|i| Instance {
                        bindings: Vec::new(),
                        ..i.clone()
                    })
                    .collect(),
                origin: d.origin.clone(),
                ..Definition::default()
            })
            .collect(),
        sheet_uuids: Vec::new(),
    };
    encode(&outline)
}

/// A first guess of the encoded size, so large designs are not copied on every doubling.
fn estimate(design: &Design) -> usize {
    let mut n = 64;
    for d in &design.definitions {
        n += 32 + d.components.len() * 96 + d.nets.len() * 48 + d.instances.len() * 32;
    }
    n
}

struct Out {
    buf: Vec<u8>,
}

impl Out {
    fn number(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.buf.push((v as u8 & 0x7F) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    fn count(&mut self, n: usize) {
        self.number(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn str(&mut self, s: &str) {
        self.count(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn optional_str(&mut self, s: Option<&str>) {
        match s {
            None => self.number(0),
            Some(s) => {
                self.number(u32::try_from(s.len()).map_or(u32::MAX, |n| n.saturating_add(1)));
                self.buf.extend_from_slice(s.as_bytes());
            }
        }
    }

    fn bool(&mut self, b: bool) {
        self.buf.push(u8::from(b));
    }

    fn definition(&mut self, d: &Definition) {
        self.str(&d.name);
        self.count(d.ports.len());
        for port in &d.ports {
            self.str(port);
        }
        self.count(d.components.len());
        for c in &d.components {
            self.component(c);
        }
        self.count(d.nets.len());
        for net in &d.nets {
            self.net(net);
        }
        self.count(d.no_connects.len());
        for pin in &d.no_connects {
            self.pin_ref(pin);
        }
        self.count(d.instances.len());
        for instance in &d.instances {
            self.instance(instance);
        }
        self.optional_str(d.origin.as_deref());
    }

    fn component(&mut self, c: &Component) {
        self.str(&c.id);
        self.str(&c.symbol);
        let mut flags = match c.reference_kind {
            ReferenceKind::Prefix => 0,
            ReferenceKind::Fixed => 1,
            ReferenceKind::Absolute => 2,
        };
        if c.dnp {
            flags |= COMPONENT_DNP;
        }
        if c.in_bom {
            flags |= COMPONENT_IN_BOM;
        }
        if c.on_board {
            flags |= COMPONENT_ON_BOARD;
        }
        if c.pins.is_some() {
            flags |= COMPONENT_HAS_PINS;
        }
        self.buf.push(flags);
        self.str(&c.reference);
        self.str(&c.value);
        self.str(&c.footprint);
        self.str(&c.datasheet);
        self.str(&c.description);
        self.count(c.fields.len());
        for (name, value) in &c.fields {
            self.str(name);
            self.str(value);
        }
        if let Some(pins) = &c.pins {
            self.count(pins.len());
            for pin in pins {
                self.str(&pin.number);
                self.str(&pin.name);
                self.str(&pin.electrical_type);
                self.number(pin.unit);
                self.bool(pin.hidden);
            }
        }
        self.count(c.uuids.len());
        for uuid in &c.uuids {
            self.str(uuid);
        }
        self.optional_str(c.origin.as_deref());
    }

    fn net(&mut self, net: &Net) {
        self.optional_str(net.name.as_deref());
        self.optional_str(net.id.as_deref());
        let mut flags = match net.power {
            Power::Auto => 0,
            Power::Yes => 1,
            Power::No => 2,
        };
        if net.absolute {
            flags |= NET_ABSOLUTE;
        }
        self.buf.push(flags);
        self.str(&net.class);
        self.count(net.nodes.len());
        for node in &net.nodes {
            self.pin_ref(node);
        }
        self.optional_str(net.origin.as_deref());
    }

    fn pin_ref(&mut self, pin: &PinRef) {
        self.str(&pin.component);
        self.str(&pin.pin);
        self.number(pin.unit);
        self.optional_str(pin.origin.as_deref());
    }

    fn instance(&mut self, instance: &Instance) {
        self.str(&instance.name);
        self.str(&instance.definition);
        self.count(instance.bindings.len());
        for (port, net) in &instance.bindings {
            self.str(port);
            self.str(net);
        }
        self.optional_str(instance.origin.as_deref());
    }
}

/// Decodes one whole encoding; the error is
/// `malformed design encoding at byte N: DETAIL`, N the offset of the item that is wrong.
pub fn decode(bytes: &[u8]) -> Result<Design, String> {
    let mut r = In::start(bytes)?;
    let name = r.str()?;
    let root = r.str()?;
    let n = r.count()?;
    let mut definitions = Vec::with_capacity(n);
    for _ in 0..n {
        definitions.push(r.definition()?);
    }
    let n = r.count()?;
    let mut sheet_uuids = Vec::with_capacity(n);
    for _ in 0..n {
        let path = r.str()?;
        let uuid = r.str()?;
        sheet_uuids.push((path, uuid));
    }
    r.finish()?;
    Ok(Design {
        name,
        root,
        definitions,
        sheet_uuids,
    })
}

/// Decodes the [`Outline`] of one whole encoding: what reference numbering reads, borrowed from
/// `bytes`. It accepts and refuses exactly the bytes [`decode`] does, with the same messages, and
/// gives `Outline::of(&decode(bytes)?)` without copying a string; the rest (nets, pin tables,
/// fields…) is checked and passed over.
pub fn decode_outline(bytes: &[u8]) -> Result<Outline<'_>, String> {
    let mut r = In::start(bytes)?;
    r.str_ref()?; // name
    let root = r.str_ref()?;
    let n = r.count()?;
    let mut definitions = Vec::with_capacity(n);
    for _ in 0..n {
        definitions.push(r.outline_definition()?);
    }
    let n = r.count()?;
    for _ in 0..n {
        r.str_ref()?; // sheet path
        r.str_ref()?; // its UUID
    }
    r.finish()?;
    Ok(Outline { root, definitions })
}

#[cold]
fn fail(at: usize, detail: &str) -> String {
    format!("malformed design encoding at byte {at}: {detail}")
}

struct In<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> In<'a> {
    /// After the magic bytes and the version.
    fn start(bytes: &'a [u8]) -> Result<Self, String> {
        let mut r = In { bytes, pos: 0 };
        if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
            return Err(fail(0, "it does not start with the magic bytes CSDE"));
        }
        r.pos = MAGIC.len();
        let version = r.u8()?;
        if version != VERSION {
            return Err(fail(
                MAGIC.len(),
                &format!(
                    "encoding version {version} is not supported; this engine reads version {VERSION}"
                ),
            ));
        }
        Ok(r)
    }

    fn finish(&self) -> Result<(), String> {
        if self.pos != self.bytes.len() {
            return Err(fail(
                self.pos,
                &format!(
                    "unexpected bytes after the design ({})",
                    self.bytes.len() - self.pos
                ),
            ));
        }
        Ok(())
    }

    fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn u8(&mut self) -> Result<u8, String> {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(fail(self.pos, "it ends early")),
        }
    }

    /// Unsigned LEB128, at most five bytes, shortest form, at most `i32::MAX`.
    #[inline]
    fn number(&mut self) -> Result<u32, String> {
        // One byte, the common case.
        if let Some(&b) = self.bytes.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(u32::from(b));
            }
        }
        self.long_number()
    }

    /// [`In::number`] of more than one byte, or at the end.
    #[inline(never)]
    fn long_number(&mut self) -> Result<u32, String> {
        let start = self.pos;
        let mut value: u64 = 0;
        let mut shift = 0;
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(fail(start, "it ends early"));
            };
            self.pos += 1;
            value |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                if value > u64::from(MAX_NUMBER) {
                    return Err(fail(start, "a number exceeds 2147483647"));
                }
                if b == 0 && self.pos - start > 1 {
                    return Err(fail(start, "a number is not in its shortest form"));
                }
                return Ok(value as u32);
            }
            shift += 7;
            if shift == 35 {
                return Err(fail(start, "a number exceeds 2147483647"));
            }
        }
    }

    /// A list length: every item takes at least one byte, so a count beyond the bytes left is
    /// refused before anything is allocated for it.
    #[inline]
    fn count(&mut self) -> Result<usize, String> {
        let start = self.pos;
        let n = self.number()? as usize;
        if n > self.left() {
            return Err(self.count_too_large(start, n));
        }
        Ok(n)
    }

    #[cold]
    fn count_too_large(&self, start: usize, n: usize) -> String {
        fail(
            start,
            &format!("a count of {n} exceeds the bytes left ({})", self.left()),
        )
    }

    /// The `len` bytes from here as text; `start` is where its length began.
    #[inline]
    fn text(&mut self, start: usize, len: usize) -> Result<&'a str, String> {
        let Some(slice) = self.bytes.get(self.pos..self.pos + len) else {
            return Err(self.string_too_long(start, len));
        };
        // ASCII first: the common case, and cheaper than the general check on short strings.
        let text = if slice.is_ascii() {
            // SAFETY: ASCII is UTF-8.
            unsafe { std::str::from_utf8_unchecked(slice) }
        } else {
            std::str::from_utf8(slice).map_err(|e| self.invalid_utf8(e.valid_up_to()))?
        };
        self.pos += len;
        Ok(text)
    }

    #[cold]
    fn string_too_long(&self, start: usize, len: usize) -> String {
        fail(
            start,
            &format!(
                "a string of {len} bytes exceeds the bytes left ({})",
                self.left()
            ),
        )
    }

    #[cold]
    fn invalid_utf8(&self, valid_up_to: usize) -> String {
        fail(self.pos + valid_up_to, "invalid UTF-8 in a string")
    }

    #[inline]
    fn str_ref(&mut self) -> Result<&'a str, String> {
        let start = self.pos;
        match self.number()? as usize {
            0 => Ok(""),
            len => self.text(start, len),
        }
    }

    #[inline]
    fn optional_str_ref(&mut self) -> Result<Option<&'a str>, String> {
        let start = self.pos;
        match self.number()? as usize {
            0 => Ok(None),
            1 => Ok(Some("")),
            n => self.text(start, n - 1).map(Some),
        }
    }

    fn str(&mut self) -> Result<String, String> {
        self.str_ref().map(str::to_owned)
    }

    fn optional_str(&mut self) -> Result<Option<String>, String> {
        Ok(self.optional_str_ref()?.map(str::to_owned))
    }

    fn bool(&mut self) -> Result<bool, String> {
        let at = self.pos;
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(fail(at, &format!("boolean byte {v} is neither 0 nor 1"))),
        }
    }

    fn definition(&mut self) -> Result<Definition, String> {
        let name = self.str()?;
        let n = self.count()?;
        let mut ports = Vec::with_capacity(n);
        for _ in 0..n {
            ports.push(self.str()?);
        }
        let n = self.count()?;
        let mut components = Vec::with_capacity(n);
        for _ in 0..n {
            components.push(self.component()?);
        }
        let n = self.count()?;
        let mut nets = Vec::with_capacity(n);
        for _ in 0..n {
            nets.push(self.net()?);
        }
        let n = self.count()?;
        let mut no_connects = Vec::with_capacity(n);
        for _ in 0..n {
            no_connects.push(self.pin_ref()?);
        }
        let n = self.count()?;
        let mut instances = Vec::with_capacity(n);
        for _ in 0..n {
            instances.push(self.instance()?);
        }
        let origin = self.optional_str()?;
        Ok(Definition {
            name,
            ports,
            components,
            nets,
            no_connects,
            instances,
            origin,
        })
    }

    fn component(&mut self) -> Result<Component, String> {
        let id = self.str()?;
        let symbol = self.str()?;
        let (reference_kind, flags) = self.component_flags()?;
        let reference = self.str()?;
        let value = self.str()?;
        let footprint = self.str()?;
        let datasheet = self.str()?;
        let description = self.str()?;
        let n = self.count()?;
        let mut fields = Vec::with_capacity(n);
        for _ in 0..n {
            let name = self.str()?;
            let value = self.str()?;
            fields.push((name, value));
        }
        let pins = if flags & COMPONENT_HAS_PINS != 0 {
            let n = self.count()?;
            let mut pins = Vec::with_capacity(n);
            for _ in 0..n {
                pins.push(PinSpec {
                    number: self.str()?,
                    name: self.str()?,
                    electrical_type: self.str()?,
                    unit: self.number()?,
                    hidden: self.bool()?,
                });
            }
            Some(pins)
        } else {
            None
        };
        let n = self.count()?;
        let mut uuids = Vec::with_capacity(n);
        for _ in 0..n {
            uuids.push(self.str()?);
        }
        let origin = self.optional_str()?;
        Ok(Component {
            id,
            symbol,
            reference_kind,
            reference,
            value,
            footprint,
            datasheet,
            description,
            fields,
            dnp: flags & COMPONENT_DNP != 0,
            in_bom: flags & COMPONENT_IN_BOM != 0,
            on_board: flags & COMPONENT_ON_BOARD != 0,
            pins,
            uuids,
            origin,
        })
    }

    /// A definition as [`Outline`] keeps it; everything else is checked and passed over.
    fn outline_definition(&mut self) -> Result<OutlineDefinition<'a>, String> {
        let name = self.str_ref()?;
        let n = self.count()?;
        for _ in 0..n {
            self.str_ref()?; // port
        }
        let has_ports = n > 0;
        let n = self.count()?;
        let mut components = Vec::with_capacity(n);
        for _ in 0..n {
            components.push(self.outline_component()?);
        }
        let n = self.count()?;
        for _ in 0..n {
            self.net()?;
        }
        let n = self.count()?;
        for _ in 0..n {
            self.pin_ref()?; // no-connect mark
        }
        let n = self.count()?;
        let mut instances = Vec::with_capacity(n);
        for _ in 0..n {
            let name = self.str_ref()?;
            let definition = self.str_ref()?;
            let bindings = self.count()?;
            for _ in 0..bindings {
                self.str_ref()?; // port
                self.str_ref()?; // net
            }
            let origin = self.optional_str_ref()?;
            instances.push(OutlineInstance {
                name,
                definition,
                origin,
            });
        }
        let origin = self.optional_str_ref()?;
        Ok(OutlineDefinition {
            name,
            has_ports,
            components,
            instances,
            origin,
        })
    }

    /// The layout of [`In::component`], keeping the id, reference and origin.
    fn outline_component(&mut self) -> Result<OutlineComponent<'a>, String> {
        let id = self.str_ref()?;
        self.str_ref()?; // symbol
        let (reference_kind, flags) = self.component_flags()?;
        let reference = self.str_ref()?;
        // The common outline: the seven zero bytes of four empty strings, no fields, no UUIDs
        // and no origin.
        if flags & COMPONENT_HAS_PINS == 0
            && self.bytes.get(self.pos..self.pos + 7) == Some(&[0; 7])
        {
            self.pos += 7;
            return Ok(OutlineComponent {
                id,
                reference_kind,
                reference,
                origin: None,
            });
        }
        for _ in 0..4 {
            self.str_ref()?; // value, footprint, datasheet, description
        }
        let n = self.count()?;
        for _ in 0..n {
            self.str_ref()?; // field name
            self.str_ref()?; // field value
        }
        if flags & COMPONENT_HAS_PINS != 0 {
            let n = self.count()?;
            for _ in 0..n {
                self.str_ref()?; // number
                self.str_ref()?; // name
                self.str_ref()?; // electrical type
                self.number()?; // unit
                self.bool()?; // hidden
            }
        }
        let n = self.count()?;
        for _ in 0..n {
            self.str_ref()?; // UUID
        }
        let origin = self.optional_str_ref()?;
        Ok(OutlineComponent {
            id,
            reference_kind,
            reference,
            origin,
        })
    }

    /// A component's flags byte: its reference kind, and the byte.
    fn component_flags(&mut self) -> Result<(ReferenceKind, u8), String> {
        let at = self.pos;
        let flags = self.u8()?;
        let kind = match flags & KIND_MASK {
            0 => Some(ReferenceKind::Prefix),
            1 => Some(ReferenceKind::Fixed),
            2 => Some(ReferenceKind::Absolute),
            _ => None,
        };
        match kind {
            Some(kind) if flags & !COMPONENT_KNOWN == 0 => Ok((kind, flags)),
            _ => Err(fail(
                at,
                &format!("component flags 0x{flags:02x} are invalid"),
            )),
        }
    }

    fn net(&mut self) -> Result<Net, String> {
        let name = self.optional_str()?;
        let id = self.optional_str()?;
        let at = self.pos;
        let flags = self.u8()?;
        let power = match flags & KIND_MASK {
            0 => Power::Auto,
            1 => Power::Yes,
            2 => Power::No,
            _ => return Err(fail(at, &format!("net flags 0x{flags:02x} are invalid"))),
        };
        if flags & !NET_KNOWN != 0 {
            return Err(fail(at, &format!("net flags 0x{flags:02x} are invalid")));
        }
        let class = self.str()?;
        let n = self.count()?;
        let mut nodes = Vec::with_capacity(n);
        for _ in 0..n {
            nodes.push(self.pin_ref()?);
        }
        let origin = self.optional_str()?;
        Ok(Net {
            name,
            id,
            power,
            class,
            nodes,
            absolute: flags & NET_ABSOLUTE != 0,
            origin,
        })
    }

    fn pin_ref(&mut self) -> Result<PinRef, String> {
        Ok(PinRef {
            component: self.str()?,
            pin: self.str()?,
            unit: self.number()?,
            origin: self.optional_str()?,
        })
    }

    fn instance(&mut self) -> Result<Instance, String> {
        let name = self.str()?;
        let definition = self.str()?;
        let n = self.count()?;
        let mut bindings = Vec::with_capacity(n);
        for _ in 0..n {
            let port = self.str()?;
            let net = self.str()?;
            bindings.push((port, net));
        }
        let origin = self.optional_str()?;
        Ok(Instance {
            name,
            definition,
            bindings,
            origin,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_design_is_magic_version_and_four_zero_counts_or_lengths() {
        let bytes = encode(&Design::default());
        assert_eq!(bytes, b"CSDE\x01\x00\x00\x00\x00");
        assert_eq!(decode(&bytes).unwrap(), Design::default());
    }

    #[test]
    fn numbers_are_shortest_leb128_up_to_i32_max() {
        let mut out = Out { buf: Vec::new() };
        for v in [0, 127, 128, 300, MAX_NUMBER] {
            out.number(v);
        }
        assert_eq!(
            out.buf,
            [0x00, 0x7F, 0x80, 0x01, 0xAC, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x07]
        );
        let mut r = In {
            bytes: &out.buf,
            pos: 0,
        };
        for v in [0, 127, 128, 300, MAX_NUMBER] {
            assert_eq!(r.number().unwrap(), v);
        }
        for (bytes, detail) in [
            (
                &[0xFF, 0xFF, 0xFF, 0xFF, 0x08][..],
                "a number exceeds 2147483647",
            ),
            (
                &[0x80, 0x80, 0x80, 0x80, 0x80][..],
                "a number exceeds 2147483647",
            ),
            (&[0x80, 0x00][..], "a number is not in its shortest form"),
            (&[0x80][..], "it ends early"),
        ] {
            let mut r = In { bytes, pos: 0 };
            assert_eq!(r.number(), Err(fail(0, detail)));
        }
    }

    #[test]
    fn absent_and_empty_strings_differ() {
        let mut out = Out { buf: Vec::new() };
        out.optional_str(None);
        out.optional_str(Some(""));
        out.optional_str(Some("a"));
        assert_eq!(out.buf, [0, 1, 2, b'a']);
    }
}
