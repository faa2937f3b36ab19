//! The KiCad `.net` writer (specification section 3): version "E" in the layout of KiCad's
//! `XNODE::Format`, sections `design`, `components`, `libparts`, `libraries`, `nets`. The Java
//! twin is `io.circuitsynth.netlist.NetWriter`.

use std::collections::HashMap;

use crate::finalize::{Component, Netlist, Part};
use crate::strnum::str_num_cmp_total;

/// The `.net` bytes of a finalized design, with an empty `(date)`.
pub fn write_net(netlist: &Netlist<'_>) -> Vec<u8> {
    write_net_dated(netlist, "")
}

/// The `.net` bytes with `date` in the design section's `(date …)` (empty: `(date)`).
pub fn write_net_dated(netlist: &Netlist<'_>, date: &str) -> Vec<u8> {
    write(netlist, date, PARALLEL_NETS)
}

/// The writer, with the nets section on a second thread from `parallel_nets` nets on.
fn write(netlist: &Netlist<'_>, date: &str, parallel_nets: usize) -> Vec<u8> {
    let nets_capacity = netlist.nets.len() * 200;
    let mut out = Out {
        buf: Vec::with_capacity(1024 + netlist.components.len() * 700 + nets_capacity),
    };
    out.open(0, "export");
    out.attr("version", "E");
    let files = sheet_files(netlist);
    let head = |out: &mut Out| {
        design(out, netlist, &files, date);
        let written = written_components(netlist);
        components(out, netlist, &files, &written);
        libparts(out, netlist, &written);
        libraries(out, netlist);
    };
    if netlist.nets.len() < parallel_nets {
        head(&mut out);
        nets(&mut out, netlist);
    } else {
        // The nets section depends on nothing written before it: on a second thread, it takes
        // a large design's `.net` from the sum of the two parts' times to the longer one. The
        // bytes are the same.
        let tail = std::thread::scope(|scope| {
            let tail = scope.spawn(|| {
                let mut tail = Out {
                    buf: Vec::with_capacity(nets_capacity),
                };
                nets(&mut tail, netlist);
                tail.buf
            });
            head(&mut out);
            tail.join()
        });
        match tail {
            Ok(tail) => out.buf.extend_from_slice(&tail),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    out.close();
    out.buf
}

/// From this many nets on, the nets section is written on a thread of its own (a thread costs
/// tens of microseconds; 1,000 nets take a few milliseconds).
const PARALLEL_NETS: usize = 1_000;

/// `XNODE::Format`'s layout: a child starts on a new line two spaces per depth deeper, and an
/// element closes right after its last item.
struct Out {
    buf: Vec<u8>,
}

impl Out {
    fn open(&mut self, depth: usize, name: &str) {
        if depth > 0 {
            self.buf.push(b'\n');
            self.buf.resize(self.buf.len() + 2 * depth, b' ');
        }
        self.buf.push(b'(');
        self.buf.extend_from_slice(name.as_bytes());
    }

    fn attr(&mut self, key: &str, value: &str) {
        self.buf.extend_from_slice(b" (");
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.push(b' ');
        self.quoted(value);
        self.buf.push(b')');
    }

    /// A text content; an empty one is left out, as KiCad leaves it out.
    fn text(&mut self, value: &str) {
        if !value.is_empty() {
            self.buf.push(b' ');
            self.quoted(value);
        }
    }

    fn close(&mut self) {
        self.buf.push(b')');
    }

    fn leaf(&mut self, depth: usize, name: &str, text: &str) {
        self.open(depth, name);
        self.text(text);
        self.close();
    }

    fn quoted(&mut self, value: &str) {
        let bytes = value.as_bytes();
        self.buf.reserve(bytes.len() + 2);
        self.buf.push(b'"');
        // Nearly every text needs no escape: one branch-free pass the compiler vectorizes.
        let escapes = bytes.iter().fold(false, |any, &b| {
            any | (b == b'\\') | (b == b'"') | (b == b'\n') | (b == b'\r')
        });
        if !escapes {
            self.buf.extend_from_slice(bytes);
            self.buf.push(b'"');
            return;
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if !NEEDS_ESCAPE[usize::from(b)] {
                continue;
            }
            let escape: &[u8] = match b {
                b'\\' => b"\\\\",
                b'"' => b"\\\"",
                b'\n' => b"\\n",
                _ => b"\\r",
            };
            self.buf.extend_from_slice(&bytes[start..i]);
            self.buf.extend_from_slice(escape);
            start = i + 1;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    fn number(&mut self, key: &str, n: u32) {
        self.buf.extend_from_slice(b" (");
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b" \"");
        let mut digits = [0u8; 10];
        let mut len = 0;
        let mut n = n;
        loop {
            digits[len] = b'0' + (n % 10) as u8;
            len += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        digits[..len].reverse();
        self.buf.extend_from_slice(&digits[..len]);
        self.buf.extend_from_slice(b"\")");
    }
}

/// The bytes a quoted string escapes: `\`, `"`, LF, CR.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\\' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};

/// The schematic file of every sheet: the root's is the project's.
fn sheet_files(netlist: &Netlist<'_>) -> Vec<String> {
    netlist
        .sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| {
            let stem = if i == 0 {
                netlist.project
            } else {
                sheet.definition
            };
            format!("{stem}.kicad_sch")
        })
        .collect()
}

fn design(out: &mut Out, netlist: &Netlist<'_>, files: &[String], date: &str) {
    out.open(1, "design");
    out.leaf(2, "source", &files[0]);
    out.leaf(2, "date", date);
    out.leaf(2, "tool", "circuitsynth");
    for (i, sheet) in netlist.sheets.iter().enumerate() {
        out.open(2, "sheet");
        out.number("number", sheet.page);
        out.attr("name", &sheet.path);
        out.attr("tstamps", &sheet.tstamps);
        out.open(3, "title_block");
        out.leaf(4, "title", "");
        out.leaf(4, "company", "");
        out.leaf(4, "rev", "");
        out.leaf(4, "date", "");
        out.leaf(4, "source", &files[i]);
        for n in 1..=9 {
            out.open(4, "comment");
            out.number("number", n);
            out.attr("value", "");
            out.close();
        }
        out.close();
        out.close();
    }
    out.close();
}

/// Board components in writing order: sheets by page, then references by `StrNumCmp`
/// ignoring case (ties by code points).
fn written_components(netlist: &Netlist<'_>) -> Vec<u32> {
    let mut written = Vec::with_capacity(netlist.components.len());
    for sheet in &netlist.sheets {
        let start = written.len();
        let first = sheet.first_component;
        written.extend(
            (first..first + sheet.component_count)
                .filter(|&c| netlist.components[c as usize].spec.on_board),
        );
        written[start..].sort_by(|&a, &b| {
            str_num_cmp_total(
                &netlist.components[a as usize].reference,
                &netlist.components[b as usize].reference,
                true,
            )
        });
    }
    written
}

fn components(out: &mut Out, netlist: &Netlist<'_>, files: &[String], written: &[u32]) {
    out.open(1, "components");
    let mut uuids: Vec<&str> = Vec::new();
    let filters: Vec<String> = netlist
        .parts
        .iter()
        .map(|p| p.footprint_filters.join(" "))
        .collect();
    for &c in written {
        let component = &netlist.components[c as usize];
        let spec = component.spec;
        let part = &netlist.parts[component.part as usize];
        let sheet = &netlist.sheets[component.sheet as usize];
        out.open(2, "comp");
        out.attr("ref", &component.reference);
        out.leaf(
            3,
            "value",
            if spec.value.is_empty() {
                "~"
            } else {
                &spec.value
            },
        );
        for (name, value) in [
            ("footprint", &spec.footprint),
            ("datasheet", &spec.datasheet),
            ("description", &spec.description),
        ] {
            if !value.is_empty() {
                out.leaf(3, name, value);
            }
        }
        out.open(3, "fields");
        let fixed = [
            ("Footprint", &spec.footprint),
            ("Datasheet", &spec.datasheet),
            ("Description", &spec.description),
        ];
        for (name, value) in spec
            .fields
            .iter()
            .map(|(n, v)| (n.as_str(), v))
            .chain(fixed)
        {
            out.open(4, "field");
            out.attr("name", name);
            out.text(value);
            out.close();
        }
        out.close();
        out.open(3, "libsource");
        out.attr("lib", &part.lib);
        out.attr("part", &part.name);
        // KiCad writes the library symbol's description here, not the instance's field.
        out.attr("description", &part.description);
        out.close();
        for (name, value) in &spec.fields {
            property(out, name, Some(value));
        }
        property(out, "Sheetname", Some(sheet.name));
        property(out, "Sheetfile", Some(&files[component.sheet as usize]));
        if !spec.in_bom {
            property(out, "exclude_from_bom", None);
        }
        if spec.dnp {
            property(out, "dnp", None);
        }
        if !part.keywords.is_empty() {
            property(out, "ki_keywords", Some(&part.keywords));
        }
        if !part.footprint_filters.is_empty() {
            property(
                out,
                "ki_fp_filters",
                Some(&filters[component.part as usize]),
            );
        }
        out.open(3, "sheetpath");
        out.attr("names", &sheet.path);
        out.attr("tstamps", &sheet.tstamps);
        out.close();
        out.open(3, "tstamps");
        tstamps_order(component, &mut uuids);
        for uuid in &uuids {
            out.text(uuid);
        }
        out.close();
        out.close();
    }
    out.close();
}

/// The order KiCad lists a symbol's unit UUIDs in: the others ascending, then the smallest.
/// UUIDs kept from a `.net` keep the order they were read in.
fn tstamps_order<'c>(component: &'c Component<'_>, uuids: &mut Vec<&'c str>) {
    uuids.clear();
    uuids.extend(component.uuids.iter().map(String::as_str));
    if !component.uuids_kept {
        uuids.sort_unstable();
        uuids.rotate_left(1);
    }
}

fn property(out: &mut Out, name: &str, value: Option<&str>) {
    out.open(3, "property");
    out.attr("name", name);
    if let Some(value) = value {
        out.attr("value", value);
    }
    out.close();
}

/// The (lib, part) a libpart is listed under. A symbol read without a nickname whose name holds
/// `:` is listed under the split name, as KiCad lists it (`Q17ng`: libsource `(lib "") (part
/// "Connector:Screw_Terminal_01x02_1")`, libpart `(lib "Connector") (part "Screw_…")`).
fn libpart_id(part: &Part) -> (&str, &str) {
    match part.name.split_once(':') {
        Some(split) if part.lib.is_empty() => split,
        _ => (&part.lib, &part.name),
    }
}

fn libparts(out: &mut Out, netlist: &Netlist<'_>, written: &[u32]) {
    let mut first: HashMap<(&str, &str), u32> = HashMap::new();
    for &c in written {
        let p = netlist.components[c as usize].part;
        first
            .entry(libpart_id(&netlist.parts[p as usize]))
            .or_insert(p);
    }
    let mut listed: Vec<(&str, &str, u32)> =
        first.into_iter().map(|((l, n), p)| (l, n, p)).collect();
    listed.sort_unstable();
    out.open(1, "libparts");
    for (_, _, p) in listed {
        libpart(out, &netlist.parts[p as usize]);
    }
    out.close();
}

fn libpart(out: &mut Out, part: &Part) {
    let (lib, name) = libpart_id(part);
    out.open(2, "libpart");
    out.attr("lib", lib);
    out.attr("part", name);
    if !part.description.is_empty() {
        out.leaf(3, "description", &part.description);
    }
    if !part.datasheet.is_empty() {
        out.leaf(3, "docs", &part.datasheet);
    }
    if !part.footprint_filters.is_empty() {
        out.open(3, "footprints");
        for filter in &part.footprint_filters {
            out.leaf(4, "fp", filter);
        }
        out.close();
    }
    out.open(3, "fields");
    for (name, value) in &part.fields {
        out.open(4, "field");
        out.attr("name", name);
        out.text(value);
        out.close();
    }
    out.close();
    if !part.pins.is_empty() {
        out.open(3, "pins");
        for &p in &part.libpart_order {
            let pin = &part.pins[p as usize];
            out.open(4, "pin");
            out.attr("num", &pin.number);
            out.attr("name", &pin.name);
            out.attr("type", pin.electrical_type.keyword());
            out.close();
        }
        out.close();
    }
    out.close();
}

fn libraries(out: &mut Out, netlist: &Netlist<'_>) {
    out.open(1, "libraries");
    for (nickname, path) in &netlist.libraries {
        out.open(2, "library");
        out.attr("logical", nickname);
        out.leaf(3, "uri", path);
        out.close();
    }
    out.close();
}

fn nets(out: &mut Out, netlist: &Netlist<'_>) {
    out.open(1, "nets");
    let mut code = 0u32;
    for net in &netlist.nets {
        let mut nodes = net
            .nodes
            .iter()
            .filter(|at| netlist.components[at.component as usize].spec.on_board)
            .peekable();
        if nodes.peek().is_none() {
            continue;
        }
        code += 1;
        out.open(2, "net");
        out.number("code", code);
        out.attr("name", &net.name);
        out.attr("class", net.class);
        for &at in nodes {
            let pin = netlist.pin(at);
            out.open(3, "node");
            out.attr("ref", &netlist.components[at.component as usize].reference);
            out.attr("pin", &pin.number);
            if !pin.name.is_empty() {
                out.attr("pinfunction", &pin.name);
            }
            let keyword = pin.electrical_type.keyword();
            if net.single_no_connect {
                out.attr("pintype", &format!("{keyword}+no_connect"));
            } else {
                out.attr("pintype", keyword);
            }
            out.close();
        }
        out.close();
    }
    out.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Component, Definition, Design, Net, PinRef, PinSpec};
    use circuitsynth_symbol_cache::SymbolIndex;

    /// A chain of 60 two-pin parts known by their pin tables (no library needed), 61 nets.
    fn chain() -> Design {
        let pins: Vec<PinSpec> = ["1", "2"]
            .iter()
            .map(|n| PinSpec {
                number: n.to_string(),
                electrical_type: "passive".into(),
                ..PinSpec::default()
            })
            .collect();
        let components = (0..60)
            .map(|i| Component {
                id: format!("r{i}"),
                symbol: "Lost:R".into(),
                reference: "R".into(),
                pins: Some(pins.clone()),
                ..Component::default()
            })
            .collect();
        let node = |i: usize, pin: &str| PinRef {
            component: format!("r{i}"),
            pin: pin.into(),
            ..PinRef::default()
        };
        let nets = (0..=60)
            .map(|k| Net {
                name: (k % 2 == 0).then(|| format!("N{k}")),
                nodes: [
                    (k > 0).then(|| node(k - 1, "2")),
                    (k < 60).then(|| node(k, "1")),
                ]
                .into_iter()
                .flatten()
                .collect(),
                ..Net::default()
            })
            .collect();
        Design {
            name: "chain".into(),
            root: "Main".into(),
            definitions: vec![Definition {
                name: "Main".into(),
                components,
                nets,
                ..Definition::default()
            }],
            sheet_uuids: Vec::new(),
        }
    }

    #[test]
    fn the_nets_section_on_its_own_thread_gives_the_same_bytes() {
        let design = chain();
        let netlist =
            crate::finalize::finalize(&design, &SymbolIndex::open(&[], None)).expect("finalizes");
        assert_eq!(netlist.nets.len(), 61);
        let sequential = write(&netlist, "d", usize::MAX);
        assert_eq!(write(&netlist, "d", 0), sequential);
        assert_eq!(write(&netlist, "d", 61), sequential);
        let text = String::from_utf8(sequential).expect("UTF-8");
        assert!(text.contains("(net (code \"61\")"), "{text}");
    }
}
