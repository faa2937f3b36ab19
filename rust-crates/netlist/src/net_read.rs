//! The KiCad `.net` reader (specification section 4): a netlist KiCad 6 to 10 wrote (version
//! "E") becomes a design whose definitions are its sheets.
//!
//! Two steps, as in the Java twin `io.circuitsynth.netlist.NetReader`: [`scan`] walks the
//! `io` stage's tree once in document order and keeps what section 4 reads (so the first fault
//! met is the first one reported, in both engines); [`build`] checks the nets against the
//! components and libparts and lays the result out as definitions. Nothing here depends on a
//! symbol library: the libparts carry the pins, because real designs use project-local libraries.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use circuitsynth_io::build::unescape;
use circuitsynth_io::parse::{LIST, STRIDE};
use circuitsynth_io::{Document, Kind};

use crate::json_text::plain;
use crate::model::{
    Component, Definition, Design, Instance, Net, PinRef, PinSpec, Power, ReferenceKind,
};

/// Past this many pins, "its pins are LIST" shows the first ones and a count.
const LISTED_PINS: usize = 50;

/// The `pintype` suffix KiCad writes for a lone pin marked not connected.
const NO_CONNECT_SUFFIX: &str = "+no_connect";

/// Field names that are a component's own members rather than user fields.
const RESERVED_FIELDS: [&str; 5] = [
    "Reference",
    "Value",
    "Footprint",
    "Datasheet",
    "Description",
];

/// A value read from the file: borrowed from it unless escapes had to be decoded.
type Text<'d> = Cow<'d, str>;

/// Reads a `.net` into a design; the error is `LINE:COLUMN: DETAIL`.
pub fn read(net: &[u8]) -> Result<Design, String> {
    let doc = Document::parse(net).map_err(|e| e.to_string())?;
    let tree = Tree { doc: &doc };
    let file = scan(tree)?;
    build(tree, file)
}

/// What the file says, before any cross-checking.
struct NetFile<'d> {
    source: Option<Text<'d>>,
    sheets: Vec<SheetRead<'d>>,
    comps: Vec<CompRead<'d>>,
    libparts: Vec<LibpartRead<'d>>,
    nets: Vec<NetRead<'d>>,
}

struct SheetRead<'d> {
    path: Text<'d>,
    tstamps: Option<Text<'d>>,
    file: Option<Text<'d>>,
}

struct CompRead<'d> {
    node: usize,
    reference: Text<'d>,
    value: Text<'d>,
    footprint: Text<'d>,
    datasheet: Text<'d>,
    description: Text<'d>,
    fields: Vec<(Text<'d>, Text<'d>)>,
    /// (lib, part) of `libsource`.
    libsource: Option<(Text<'d>, Text<'d>)>,
    dnp: bool,
    in_bom: bool,
    on_board: bool,
    path: Text<'d>,
    uuids: Vec<Text<'d>>,
}

struct LibpartRead<'d> {
    lib: Text<'d>,
    part: Text<'d>,
    pins: Vec<PinSpec>,
}

struct NetRead<'d> {
    name: Text<'d>,
    class: Text<'d>,
    nodes: Vec<NodeRead<'d>>,
}

struct NodeRead<'d> {
    node: usize,
    reference: Text<'d>,
    pin: Text<'d>,
    function: Text<'d>,
    pintype: Text<'d>,
}

/// The parsed document, seen as KiCad elements: `(KEY VALUE…)` lists named by their first atom.
#[derive(Clone, Copy)]
struct Tree<'d, 'a> {
    doc: &'d Document<'a>,
}

impl<'d, 'a> Tree<'d, 'a> {
    fn is_list(self, node: usize) -> bool {
        self.doc.kind(node) == Kind::List
    }

    /// `LINE:COLUMN: DETAIL` at `node`'s first byte. Every text of the file a DETAIL shows has
    /// gone through [`plain`], so a message is always one line.
    fn fault(self, node: usize, detail: String) -> String {
        format!("{}: {detail}", self.position(node))
    }

    fn position(self, node: usize) -> String {
        let (line, column) = self.doc.line_column(self.doc.span(node).start);
        format!("{line}:{column}")
    }

    /// An atom's value: a symbol as written, a string unquoted and unescaped, borrowed from the
    /// file when it holds no escapes (the parser checked the file is UTF-8). `\xHH` and octal
    /// escapes can spell bytes that are not UTF-8; such a value is refused rather than repaired,
    /// because the two engines' decoders repair differently.
    fn text(self, atom: usize) -> Result<Text<'d>, String> {
        let raw: &'d str = self.doc.text(atom);
        if self.doc.kind(atom) != Kind::String {
            return Ok(Cow::Borrowed(raw));
        }
        let inner = &raw[1..raw.len() - 1];
        if !inner.contains('\\') {
            return Ok(Cow::Borrowed(inner));
        }
        match String::from_utf8(unescape(inner.as_bytes()).into_owned()) {
            Ok(text) => Ok(Cow::Owned(text)),
            Err(_) => Err(self.fault(atom, format!("expected UTF-8 text, found '{}'", plain(raw)))),
        }
    }

    /// Whether `atom`'s value is `word` (a key: compared as bytes, never refused).
    fn is_word(self, atom: usize, word: &str) -> bool {
        self.doc.kind(atom) != Kind::List
            && *self.doc.value(atom).unwrap_or_default() == *word.as_bytes()
    }

    /// The child lists of `list` after its first item, each with its key: its first atom, as
    /// bytes. Lists without one have no key and are skipped, like every unknown child.
    ///
    /// Walks the node table directly: this runs for every list of the file, and the table's
    /// `NEXT` links make a sibling one load away.
    fn elements(self, list: usize) -> impl Iterator<Item = (Cow<'d, [u8]>, usize)> + 'd {
        let doc = self.doc;
        let nodes: &'d [u32] = doc.nodes();
        let end = nodes[list * STRIDE + 3] as usize;
        let mut next = list + 1;
        if next < end {
            next = nodes[next * STRIDE + 3] as usize;
        }
        std::iter::from_fn(move || {
            while next < end {
                let child = next;
                next = nodes[child * STRIDE + 3] as usize;
                let head = child + 1;
                if nodes[child * STRIDE] == LIST
                    && head < nodes[child * STRIDE + 3] as usize
                    && nodes[head * STRIDE] != LIST
                {
                    return Some((doc.value(head).unwrap_or_default(), child));
                }
            }
            None
        })
    }

    /// The value of `(KEY VALUE)`: its second item, `None` when it has none.
    fn value(self, element: usize) -> Result<Option<Text<'d>>, String> {
        match self.doc.children(element).nth(1) {
            None => Ok(None),
            Some(item) if self.is_list(item) => Err(self.not_a_string(item)),
            Some(item) => self.text(item).map(Some),
        }
    }

    /// Every item of `(KEY VALUE…)` after the key.
    fn values(self, element: usize) -> Result<Vec<Text<'d>>, String> {
        self.doc
            .children(element)
            .skip(1)
            .map(|item| {
                if self.is_list(item) {
                    Err(self.not_a_string(item))
                } else {
                    self.text(item)
                }
            })
            .collect()
    }

    /// The first atom after the key: a field's text, `(field (name "N") "TEXT")`.
    fn content(self, element: usize) -> Result<Option<Text<'d>>, String> {
        match self
            .doc
            .children(element)
            .skip(1)
            .find(|&item| !self.is_list(item))
        {
            None => Ok(None),
            Some(item) => self.text(item).map(Some),
        }
    }

    fn not_a_string(self, item: usize) -> String {
        self.fault(item, "expected a string, found '('".to_string())
    }

    /// `(kicad_sch …)`, `()`, `((…) …)`: the start of a root that is not `(export …)`.
    fn describe_root(self) -> String {
        let mut items = self.doc.children(0);
        let Some(head) = items.next() else {
            return "()".to_string();
        };
        let head = if self.is_list(head) {
            Cow::Borrowed("(…)")
        } else {
            Cow::Owned(plain(self.doc.text(head)))
        };
        let more = if items.next().is_some() { " …" } else { "" };
        format!("({head}{more})")
    }
}

/// Sets `slot` from `element`'s value unless an earlier element of that key already did: the
/// first of repeated elements wins, later ones are not read.
fn first_value<'d>(
    tree: Tree<'d, '_>,
    slot: &mut Option<Text<'d>>,
    element: usize,
) -> Result<(), String> {
    if slot.is_none() {
        *slot = Some(tree.value(element)?.unwrap_or_default());
    }
    Ok(())
}

fn scan<'d>(tree: Tree<'d, '_>) -> Result<NetFile<'d>, String> {
    let is_export = tree
        .doc
        .children(0)
        .next()
        .is_some_and(|head| tree.is_word(head, "export"));
    if !is_export {
        let root = tree.describe_root();
        return Err(tree.fault(0, format!("expected an export root list, found {root}")));
    }
    // The version decides whether anything else can be understood, so it is checked first.
    let Some(version) = tree.elements(0).find(|(key, _)| **key == *b"version") else {
        return Err(tree.fault(0, "missing (version \"E\")".to_string()));
    };
    match tree.value(version.1)? {
        None => return Err(tree.fault(version.1, "missing (version \"E\")".to_string())),
        Some(v) if v != "E" => {
            let at = tree.doc.children(version.1).nth(1).unwrap_or(version.1);
            return Err(tree.fault(
                at,
                format!(
                    "netlist version '{}' is not supported; KiCad 6 to 10 write version \"E\"",
                    plain(&v)
                ),
            ));
        }
        Some(_) => {}
    }
    let mut file = NetFile {
        source: None,
        sheets: Vec::new(),
        comps: Vec::new(),
        libparts: Vec::new(),
        nets: Vec::new(),
    };
    let mut refs: HashMap<Text<'d>, usize> = HashMap::new();
    for (key, section) in tree.elements(0) {
        match &*key {
            b"design" => scan_design(tree, section, &mut file)?,
            b"components" => {
                for (key, comp) in tree.elements(section) {
                    if *key == *b"comp" {
                        let comp = scan_comp(tree, comp)?;
                        if let Some(&first) = refs.get(&comp.reference) {
                            let detail = format!(
                                "component {} is listed twice (first at {})",
                                plain(&comp.reference),
                                tree.position(file.comps[first].node)
                            );
                            return Err(tree.fault(comp.node, detail));
                        }
                        refs.insert(comp.reference.clone(), file.comps.len());
                        file.comps.push(comp);
                    }
                }
            }
            b"libparts" => {
                for (key, libpart) in tree.elements(section) {
                    if *key == *b"libpart" {
                        file.libparts.push(scan_libpart(tree, libpart)?);
                    }
                }
            }
            b"nets" => {
                for (key, net) in tree.elements(section) {
                    if *key == *b"net" {
                        file.nets.push(scan_net(tree, net)?);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(file)
}

fn scan_design<'d>(
    tree: Tree<'d, '_>,
    design: usize,
    file: &mut NetFile<'d>,
) -> Result<(), String> {
    for (key, element) in tree.elements(design) {
        match &*key {
            b"source" => first_value(tree, &mut file.source, element)?,
            b"sheet" => {
                let (mut path, mut tstamps, mut source) = (None, None, None);
                for (key, item) in tree.elements(element) {
                    match &*key {
                        b"name" => first_value(tree, &mut path, item)?,
                        b"tstamps" => first_value(tree, &mut tstamps, item)?,
                        b"title_block" => {
                            for (key, block_item) in tree.elements(item) {
                                if *key == *b"source" {
                                    first_value(tree, &mut source, block_item)?;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                // A sheet without a name says nothing a component's sheetpath does not.
                if let Some(path) = path {
                    file.sheets.push(SheetRead {
                        path,
                        tstamps,
                        file: source,
                    });
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn scan_comp<'d>(tree: Tree<'d, '_>, comp: usize) -> Result<CompRead<'d>, String> {
    let (mut reference, mut value, mut footprint, mut datasheet, mut description) =
        (None, None, None, None, None);
    let mut fields: Vec<(Text<'d>, Text<'d>)> = Vec::new();
    let mut libsource: Option<(Text<'d>, Text<'d>)> = None;
    let (mut dnp, mut in_bom, mut on_board) = (false, true, true);
    let mut path: Option<Text<'d>> = None;
    let mut uuids: Option<Vec<Text<'d>>> = None;
    for (key, element) in tree.elements(comp) {
        match &*key {
            b"ref" => first_value(tree, &mut reference, element)?,
            b"value" => first_value(tree, &mut value, element)?,
            b"footprint" => first_value(tree, &mut footprint, element)?,
            b"datasheet" => first_value(tree, &mut datasheet, element)?,
            b"description" => first_value(tree, &mut description, element)?,
            b"fields" => {
                for (key, field) in tree.elements(element) {
                    if *key != *b"field" {
                        continue;
                    }
                    let mut name = None;
                    for (key, item) in tree.elements(field) {
                        if *key == *b"name" {
                            first_value(tree, &mut name, item)?;
                        }
                    }
                    let name = name.unwrap_or_default();
                    let reserved = name.is_empty() || RESERVED_FIELDS.contains(&&*name);
                    if !reserved && !fields.iter().any(|(n, _)| *n == name) {
                        let text = tree.content(field)?.unwrap_or_default();
                        fields.push((name, text));
                    }
                }
            }
            b"libsource" if libsource.is_none() => {
                let (mut lib, mut part) = (None, None);
                for (key, item) in tree.elements(element) {
                    match &*key {
                        b"lib" => first_value(tree, &mut lib, item)?,
                        b"part" => first_value(tree, &mut part, item)?,
                        _ => {}
                    }
                }
                libsource = Some((lib.unwrap_or_default(), part.unwrap_or_default()));
            }
            b"property" => {
                let mut name = None;
                for (key, item) in tree.elements(element) {
                    if *key == *b"name" {
                        first_value(tree, &mut name, item)?;
                    }
                }
                match name.as_deref() {
                    Some("dnp") => dnp = true,
                    Some("exclude_from_bom") => in_bom = false,
                    Some("exclude_from_board") => on_board = false,
                    _ => {}
                }
            }
            b"sheetpath" => {
                for (key, item) in tree.elements(element) {
                    if *key == *b"names" {
                        first_value(tree, &mut path, item)?;
                    }
                }
            }
            // KiCad 6 wrote one `tstamp`; KiCad 7 on write `tstamps`, one per placed unit.
            b"tstamps" | b"tstamp" if uuids.is_none() => uuids = Some(tree.values(element)?),
            _ => {}
        }
    }
    let reference = reference.unwrap_or_default();
    if reference.is_empty() {
        return Err(tree.fault(comp, "comp without (ref \"REF\")".to_string()));
    }
    let value = value.unwrap_or_default();
    Ok(CompRead {
        node: comp,
        reference,
        value: if value == "~" {
            Cow::Borrowed("")
        } else {
            value
        },
        footprint: footprint.unwrap_or_default(),
        datasheet: datasheet.unwrap_or_default(),
        description: description.unwrap_or_default(),
        fields,
        libsource,
        dnp,
        in_bom,
        on_board,
        path: path.unwrap_or(Cow::Borrowed("/")),
        uuids: uuids.unwrap_or_default(),
    })
}

fn scan_libpart<'d>(tree: Tree<'d, '_>, libpart: usize) -> Result<LibpartRead<'d>, String> {
    let (mut lib, mut part) = (None, None);
    let mut pins: Vec<PinSpec> = Vec::new();
    for (key, element) in tree.elements(libpart) {
        match &*key {
            b"lib" => first_value(tree, &mut lib, element)?,
            b"part" => first_value(tree, &mut part, element)?,
            b"pins" => {
                for (key, pin) in tree.elements(element) {
                    if *key != *b"pin" {
                        continue;
                    }
                    let (mut number, mut name, mut kind) = (None, None, None);
                    for (key, item) in tree.elements(pin) {
                        match &*key {
                            b"num" => first_value(tree, &mut number, item)?,
                            b"name" => first_value(tree, &mut name, item)?,
                            b"type" => first_value(tree, &mut kind, item)?,
                            _ => {}
                        }
                    }
                    // KiCad writes `(num "")` for pins without a number; only a missing `num`
                    // leaves nothing to connect to.
                    let Some(number) = number else { continue };
                    if pins.iter().any(|p| p.number == number) {
                        continue;
                    }
                    let name = name.unwrap_or_default();
                    pins.push(PinSpec {
                        number: number.into_owned(),
                        name: if name == "~" {
                            String::new()
                        } else {
                            name.into_owned()
                        },
                        electrical_type: kind.unwrap_or_default().into_owned(),
                        unit: 0,
                        hidden: false,
                    });
                }
            }
            _ => {}
        }
    }
    match (lib, part) {
        (Some(lib), Some(part)) => Ok(LibpartRead { lib, part, pins }),
        _ => Err(tree.fault(libpart, "libpart without (lib …) and (part …)".to_string())),
    }
}

fn scan_net<'d>(tree: Tree<'d, '_>, net: usize) -> Result<NetRead<'d>, String> {
    let (mut name, mut class) = (None, None);
    let mut nodes = Vec::new();
    for (key, element) in tree.elements(net) {
        match &*key {
            b"name" => first_value(tree, &mut name, element)?,
            b"class" => first_value(tree, &mut class, element)?,
            b"node" => {
                let (mut reference, mut pin, mut function, mut pintype) = (None, None, None, None);
                for (key, item) in tree.elements(element) {
                    match &*key {
                        b"ref" => first_value(tree, &mut reference, item)?,
                        b"pin" => first_value(tree, &mut pin, item)?,
                        b"pinfunction" => first_value(tree, &mut function, item)?,
                        b"pintype" => first_value(tree, &mut pintype, item)?,
                        _ => {}
                    }
                }
                // `(pin "")` is a pin without a number, which KiCad writes for some symbols.
                let (Some(reference), Some(pin)) = (reference.filter(|r| !r.is_empty()), pin)
                else {
                    return Err(tree.fault(
                        element,
                        "node without (ref \"REF\") and (pin \"PIN\")".to_string(),
                    ));
                };
                nodes.push(NodeRead {
                    node: element,
                    reference,
                    pin,
                    function: function.unwrap_or_default(),
                    pintype: pintype.unwrap_or_default(),
                });
            }
            _ => {}
        }
    }
    let name = name.unwrap_or_default();
    if name.is_empty() {
        return Err(tree.fault(net, "net without (name \"NAME\")".to_string()));
    }
    Ok(NetRead {
        name,
        class: class.unwrap_or(Cow::Borrowed("Default")),
        nodes,
    })
}

/// The sheet tree: every path read, its ancestors first, in the order first met.
struct Sheets {
    paths: Vec<String>,
    parent: Vec<usize>,
    depth: Vec<usize>,
    file: Vec<Option<String>>,
    uuid: Vec<Option<String>>,
    index: HashMap<String, usize>,
}

impl Sheets {
    fn new() -> Self {
        Sheets {
            paths: vec!["/".to_string()],
            parent: vec![0],
            depth: vec![0],
            file: vec![None],
            uuid: vec![None],
            index: HashMap::from([("/".to_string(), 0)]),
        }
    }

    /// The sheet at `path` (`/a/b/`, read leniently: empty segments are dropped), registering
    /// it and its ancestors when new.
    fn register(&mut self, path: &str) -> usize {
        let mut at = 0;
        let mut canonical = String::from("/");
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            canonical.push_str(segment);
            canonical.push('/');
            at = match self.index.get(&canonical) {
                Some(&i) => i,
                None => {
                    let i = self.paths.len();
                    self.paths.push(canonical.clone());
                    self.parent.push(at);
                    self.depth.push(self.depth[at] + 1);
                    self.file.push(None);
                    self.uuid.push(None);
                    self.index.insert(canonical.clone(), i);
                    i
                }
            };
        }
        at
    }

    /// The sheet name: the last segment of its path.
    fn name(&self, sheet: usize) -> &str {
        let path = &self.paths[sheet];
        let inner = &path[..path.len() - 1];
        &inner[inner.rfind('/').map_or(0, |i| i + 1)..]
    }

    /// The deepest sheet holding both.
    fn common(&self, mut a: usize, mut b: usize) -> usize {
        while self.depth[a] > self.depth[b] {
            a = self.parent[a];
        }
        while self.depth[b] > self.depth[a] {
            b = self.parent[b];
        }
        while a != b {
            a = self.parent[a];
            b = self.parent[b];
        }
        a
    }
}

/// A file name without its folders and without `.kicad_sch`.
fn stem(file: &str) -> &str {
    let name = &file[file.rfind(['/', '\\']).map_or(0, |i| i + 1)..];
    name.strip_suffix(".kicad_sch").unwrap_or(name)
}

/// `1, 2/A, …` as section 2.2 lists a component's pins.
fn pin_list(pins: &[PinSpec]) -> String {
    let mut out = String::new();
    for (i, pin) in pins.iter().take(LISTED_PINS).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&plain(&pin.number));
        if !pin.name.is_empty() && pin.name != pin.number {
            out.push('/');
            out.push_str(&plain(&pin.name));
        }
    }
    if pins.len() > LISTED_PINS {
        out.push_str(&format!(", … and {} more", pins.len() - LISTED_PINS));
    }
    out
}

/// A net after same-named `net` elements are joined (KiCad keys nets by name).
struct JoinedNet<'f> {
    name: &'f str,
    class: &'f str,
    /// (component index, pin).
    pins: Vec<(usize, &'f str)>,
}

fn build(tree: Tree, file: NetFile) -> Result<Design, String> {
    let comp_index: HashMap<&str, usize> = file
        .comps
        .iter()
        .enumerate()
        .map(|(i, c)| (&*c.reference, i))
        .collect();
    let mut libparts: HashMap<(&str, &str), &LibpartRead> = HashMap::new();
    for libpart in &file.libparts {
        libparts
            .entry((&*libpart.lib, &*libpart.part))
            .or_insert(libpart);
    }
    let library_pins: Vec<Option<&[PinSpec]>> = file
        .comps
        .iter()
        .map(|c| {
            let (lib, part) = c.libsource.as_ref()?;
            let libpart = libparts.get(&(&**lib, &**part))?;
            (!libpart.pins.is_empty()).then_some(libpart.pins.as_slice())
        })
        .collect();

    // Nets against components and libparts, in file order.
    let mut node_pins: Vec<Vec<PinSpec>> = vec![Vec::new(); file.comps.len()];
    let mut no_connects: Vec<(usize, &str)> = Vec::new();
    let mut joined: Vec<JoinedNet> = Vec::new();
    let mut net_index: HashMap<&str, usize> = HashMap::new();
    // (component, pin) -> (joined net, its first node).
    let mut pin_net: HashMap<(usize, &str), (usize, usize)> = HashMap::new();
    for net in &file.nets {
        let k = *net_index.entry(&net.name).or_insert_with(|| {
            joined.push(JoinedNet {
                name: &net.name,
                class: &net.class,
                pins: Vec::new(),
            });
            joined.len() - 1
        });
        for node in &net.nodes {
            let Some(&c) = comp_index.get(&*node.reference) else {
                return Err(tree.fault(
                    node.node,
                    format!(
                        "net {}: node refers to {}, which is not in the components section",
                        plain(&net.name),
                        plain(&node.reference)
                    ),
                ));
            };
            match library_pins[c] {
                Some(pins) if !pins.iter().any(|p| p.number == node.pin) => {
                    let (lib, part) = file.comps[c].libsource.as_ref().expect("libpart found");
                    return Err(tree.fault(
                        node.node,
                        format!(
                            "net {}: component {} ({}:{}) has no pin \"{}\"; its pins are {}",
                            plain(&net.name),
                            plain(&node.reference),
                            plain(lib),
                            plain(part),
                            plain(&node.pin),
                            pin_list(pins)
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    if !node_pins[c].iter().any(|p| p.number == node.pin) {
                        let kind = node.pintype.strip_suffix(NO_CONNECT_SUFFIX);
                        node_pins[c].push(PinSpec {
                            number: node.pin.to_string(),
                            name: node.function.to_string(),
                            electrical_type: kind.unwrap_or(&node.pintype).to_string(),
                            unit: 0,
                            hidden: false,
                        });
                    }
                }
            }
            if let Some(&(earlier, first)) = pin_net.get(&(c, &*node.pin)) {
                if earlier != k {
                    return Err(tree.fault(
                        node.node,
                        format!(
                            "pin {}.{} is in two nets: {} (at {}) and {}",
                            plain(&node.reference),
                            plain(&node.pin),
                            plain(joined[earlier].name),
                            tree.position(first),
                            plain(&net.name)
                        ),
                    ));
                }
                continue;
            }
            pin_net.insert((c, &node.pin), (k, node.node));
            joined[k].pins.push((c, &node.pin));
            if net.nodes.len() == 1 && node.pintype.ends_with(NO_CONNECT_SUFFIX) {
                no_connects.push((c, &node.pin));
            }
        }
    }

    // The sheet tree, from the design's sheets and then the components' sheetpaths.
    let mut sheets = Sheets::new();
    for sheet in &file.sheets {
        let s = sheets.register(&sheet.path);
        if sheets.file[s].is_none() {
            sheets.file[s] = sheet.file.as_deref().map(str::to_string);
        }
        if sheets.uuid[s].is_none() && s != 0 {
            // `/A/B/`: the sheet's own UUID is the last; its ancestors carry the others.
            sheets.uuid[s] = sheet
                .tstamps
                .as_deref()
                .and_then(|t| t.split('/').rfind(|u| !u.is_empty()).map(str::to_string));
        }
    }
    let comp_sheet: Vec<usize> = file
        .comps
        .iter()
        .map(|c| sheets.register(&c.path))
        .collect();

    let project = file
        .source
        .as_deref()
        .map(stem)
        .filter(|s| !s.is_empty())
        .unwrap_or("netlist")
        .to_string();
    // Definition names are sheet file names, which the schematic writer turns back into files;
    // a file placed twice becomes two definitions (their references differ), told apart by `_N`.
    let mut names: Vec<String> = vec![project.clone()];
    for s in 1..sheets.paths.len() {
        let base = sheets.file[s]
            .as_deref()
            .map(stem)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| sheets.name(s))
            .to_string();
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        names.push(name);
    }
    let mut definitions: Vec<Definition> = names
        .iter()
        .map(|name| Definition {
            name: name.clone(),
            ..Definition::default()
        })
        .collect();
    // Sheet s (not the root) is instance `instance_at[s]` of its parent.
    let mut instance_at = vec![0; sheets.paths.len()];
    for s in 1..sheets.paths.len() {
        let parent = &mut definitions[sheets.parent[s]];
        instance_at[s] = parent.instances.len();
        parent.instances.push(Instance {
            name: sheets.name(s).to_string(),
            definition: names[s].clone(),
            ..Instance::default()
        });
    }

    for (c, comp) in file.comps.iter().enumerate() {
        let pins = match library_pins[c] {
            Some(pins) => pins.to_vec(),
            None => std::mem::take(&mut node_pins[c]),
        };
        definitions[comp_sheet[c]].components.push(Component {
            id: comp.reference.to_string(),
            symbol: comp
                .libsource
                .as_ref()
                .map(|(lib, part)| format!("{lib}:{part}"))
                .unwrap_or_default(),
            reference_kind: ReferenceKind::Absolute,
            reference: comp.reference.to_string(),
            value: comp.value.to_string(),
            footprint: comp.footprint.to_string(),
            datasheet: comp.datasheet.to_string(),
            description: comp.description.to_string(),
            fields: comp
                .fields
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            dnp: comp.dnp,
            in_bom: comp.in_bom,
            on_board: comp.on_board,
            pins: Some(pins),
            uuids: comp.uuids.iter().map(|u| u.to_string()).collect(),
            origin: None,
        });
    }

    // Each net lives in the deepest sheet holding all its pins; every sheet below that on the way
    // to a pin gets a port of the net's name, bound to the same name one level up.
    for net in &joined {
        let owner = net
            .pins
            .iter()
            .map(|(c, _)| comp_sheet[*c])
            .reduce(|a, b| sheets.common(a, b))
            .unwrap_or(0);
        // Sheet -> index of its fragment of this net.
        let mut local: HashMap<usize, usize> = HashMap::new();
        let mut ported: HashSet<usize> = HashSet::new();
        let fragment = |definitions: &mut Vec<Definition>, s: usize| {
            definitions[s].nets.push(Net {
                name: Some(net.name.to_string()),
                id: None,
                power: Power::Auto,
                class: net.class.to_string(),
                nodes: Vec::new(),
                absolute: true,
                origin: None,
            });
            definitions[s].nets.len() - 1
        };
        local.insert(owner, fragment(&mut definitions, owner));
        for &(c, pin) in &net.pins {
            let s = comp_sheet[c];
            let at = match local.get(&s) {
                Some(&at) => at,
                None => {
                    let at = fragment(&mut definitions, s);
                    local.insert(s, at);
                    at
                }
            };
            definitions[s].nets[at].nodes.push(PinRef {
                component: file.comps[c].reference.to_string(),
                pin: pin.to_string(),
                unit: 0,
                origin: None,
            });
            let mut up = s;
            while up != owner && ported.insert(up) {
                definitions[up].ports.push(net.name.to_string());
                let parent = sheets.parent[up];
                definitions[parent].instances[instance_at[up]]
                    .bindings
                    .push((net.name.to_string(), net.name.to_string()));
                up = parent;
            }
        }
    }
    for (c, pin) in no_connects {
        definitions[comp_sheet[c]].no_connects.push(PinRef {
            component: file.comps[c].reference.to_string(),
            pin: pin.to_string(),
            unit: 0,
            origin: None,
        });
    }

    let sheet_uuids = (1..sheets.paths.len())
        .filter_map(|s| Some((sheets.paths[s].clone(), sheets.uuid[s].clone()?)))
        .collect();
    Ok(Design {
        name: project.clone(),
        root: project,
        definitions,
        sheet_uuids,
    })
}
