//! Library bytes to the symbols written in them, before `extends` is resolved.
//!
//! One pass over the `io` stage's node table, in document order, so the first fault reported is
//! the first one a reader meets in the file; the Java engine walks the same way. Every text
//! borrows the library's bytes unless it holds escapes.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use circuitsynth_io::parse::{LIST, STRIDE, STRING};

use crate::model::{
    Alternate, ElectricalType, Flags, Graphic, GraphicStyle, Pin, Property, Symbol,
    DEFAULT_PIN_NAME_OFFSET,
};

/// The oldest format read: KiCad 6's first S-expression symbol libraries.
pub const OLDEST_VERSION: i64 = 20211014;

/// Why a library cannot be used, located in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryError {
    /// Byte offset of the offending node.
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub detail: String,
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.detail)
    }
}

impl std::error::Error for LibraryError {}

/// A fault before it is located by line and column (that costs a scan, done once at the end).
#[derive(Debug)]
pub(crate) struct Fault {
    pub(crate) offset: usize,
    pub(crate) detail: String,
}

impl Fault {
    pub(crate) fn locate(self, source: &[u8]) -> LibraryError {
        let (line, column) = circuitsynth_io::error::line_column(source, self.offset);
        LibraryError {
            offset: self.offset,
            line,
            column,
            detail: self.detail,
        }
    }
}

/// A symbol as written, with what resolution needs to report faults.
#[derive(Debug, Clone)]
pub struct ReadSymbol<'a> {
    /// For a derived symbol, units, pins and graphics are whatever it wrote itself; resolution
    /// replaces them with the parent's.
    pub symbol: Symbol<'a>,
    /// Byte offset of the `(extends …)` list, when there is one.
    pub extends_at: Option<usize>,
}

/// A view of a parsed document. The parser checked that `source` is UTF-8, and atoms end at
/// ASCII delimiters, so every atom's bytes are UTF-8 too; only the texts kept are converted,
/// which saves checking the whole file (mostly drawings) a second time.
#[derive(Clone, Copy)]
pub(crate) struct Tree<'a> {
    pub(crate) source: &'a [u8],
    pub(crate) nodes: &'a [u32],
}

impl<'a> Tree<'a> {
    fn field(&self, node: usize, field: usize) -> usize {
        self.nodes[node * STRIDE + field] as usize
    }

    fn is_list(&self, node: usize) -> bool {
        self.nodes[node * STRIDE] == LIST
    }

    fn start(&self, node: usize) -> usize {
        self.field(node, 1)
    }

    fn end(&self, node: usize) -> usize {
        self.field(node, 2)
    }

    fn children(&self, list: usize) -> Children<'a> {
        Children {
            nodes: self.nodes,
            next: list + 1,
            end: self.field(list, 3),
        }
    }

    fn source_text(&self, node: usize) -> Cow<'a, str> {
        String::from_utf8_lossy(&self.source[self.start(node)..self.end(node)])
    }

    /// An atom's decoded bytes.
    fn bytes(&self, atom: usize) -> Cow<'a, [u8]> {
        let text = &self.source[self.start(atom)..self.end(atom)];
        if self.nodes[atom * STRIDE] != STRING {
            return Cow::Borrowed(text);
        }
        circuitsynth_io::build::unescape(&text[1..text.len() - 1])
    }

    /// Whether `node` is an atom whose value is `text`.
    fn atom_is(&self, node: usize, text: &[u8]) -> bool {
        !self.is_list(node) && *self.bytes(node) == *text
    }

    /// An atom's decoded value; a fault when its escapes decode to bytes that are not UTF-8.
    fn value(&self, atom: usize) -> Result<Cow<'a, str>, Fault> {
        let fault = || Fault {
            offset: self.start(atom),
            detail: format!("expected UTF-8 text, found '{}'", self.source_text(atom)),
        };
        match self.bytes(atom) {
            Cow::Borrowed(b) => std::str::from_utf8(b)
                .map(Cow::Borrowed)
                .map_err(|_| fault()),
            Cow::Owned(v) => String::from_utf8(v).map(Cow::Owned).map_err(|_| fault()),
        }
    }

    /// The value of the list's first child when that is an atom.
    fn head(&self, list: usize) -> Option<Cow<'a, [u8]>> {
        let first = list + 1;
        if first >= self.field(list, 3) || self.is_list(first) {
            return None;
        }
        Some(self.bytes(first))
    }

    /// Whether `node` is a list whose head is `name`.
    fn head_is(&self, node: usize, name: &[u8]) -> bool {
        self.is_list(node) && self.head(node).is_some_and(|h| *h == *name)
    }
}

#[derive(Clone)]
pub(crate) struct Children<'a> {
    nodes: &'a [u32],
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.nodes[child * STRIDE + 3] as usize;
        Some(child)
    }
}

/// An argument of a list: the node, or where the list ended without it.
#[derive(Clone, Copy)]
enum Arg {
    Node(usize),
    /// Byte offset of the `)` that closed the list early.
    Missing(usize),
}

/// Reads arguments of one list in order.
struct Args<'a> {
    tree: Tree<'a>,
    children: Children<'a>,
    close: usize,
}

impl<'a> Args<'a> {
    /// The arguments of `list` after its head.
    fn of(tree: Tree<'a>, list: usize) -> Self {
        let mut children = tree.children(list);
        children.next();
        Args {
            tree,
            children,
            close: tree.end(list) - 1,
        }
    }

    fn next(&mut self) -> Arg {
        match self.children.next() {
            Some(node) => Arg::Node(node),
            None => Arg::Missing(self.close),
        }
    }

    /// The next argument as an atom, or the fault `expected WHAT, found 'TEXT'`.
    fn text(&mut self, what: &str) -> Result<Cow<'a, str>, Fault> {
        self.atom_or(|text| format!("expected {what}, found '{text}'"))
    }

    fn atom_or(&mut self, detail: impl FnOnce(&str) -> String) -> Result<Cow<'a, str>, Fault> {
        let tree = self.tree;
        let arg = self.next();
        match arg {
            Arg::Node(node) if !tree.is_list(node) => tree.value(node),
            other => {
                let (offset, text) = found(tree, other);
                Err(Fault {
                    offset,
                    detail: detail(&text),
                })
            }
        }
    }

    fn millimetres(&mut self) -> Result<i32, Fault> {
        let token = Token::next(self);
        match parse_iu_bytes(&token.bytes) {
            Some(value) => Ok(value),
            None => Err(token.fault(self.tree, |text| {
                format!("expected a number in millimetres, found '{text}'")
            })),
        }
    }

    fn yes_no(&mut self) -> Result<bool, Fault> {
        let token = Token::next(self);
        match &*token.bytes {
            b"yes" => Ok(true),
            b"no" => Ok(false),
            _ => Err(token.fault(self.tree, |text| {
                format!("expected yes or no, found '{text}'")
            })),
        }
    }
}

/// The next argument as bytes, for keywords and numbers: no UTF-8 conversion on the hot path,
/// only when a fault has to show it.
struct Token<'a> {
    arg: Arg,
    offset: usize,
    bytes: Cow<'a, [u8]>,
}

impl<'a> Token<'a> {
    fn next(args: &mut Args<'a>) -> Token<'a> {
        let tree = args.tree;
        let arg = args.next();
        match arg {
            Arg::Node(node) if !tree.is_list(node) => Token {
                arg,
                offset: tree.start(node),
                bytes: tree.bytes(node),
            },
            Arg::Node(node) => Token {
                arg,
                offset: tree.start(node),
                bytes: Cow::Borrowed(b"("),
            },
            Arg::Missing(close) => Token {
                arg,
                offset: close,
                bytes: Cow::Borrowed(b")"),
            },
        }
    }

    /// The fault for this token, with its `TEXT` (or the UTF-8 fault when it has none).
    fn fault(&self, tree: Tree<'a>, detail: impl FnOnce(&str) -> String) -> Fault {
        let (offset, text) = match self.arg {
            Arg::Node(node) if !tree.is_list(node) => match tree.value(node) {
                Ok(text) => (self.offset, text),
                Err(fault) => return fault,
            },
            other => found(tree, other),
        };
        Fault {
            offset,
            detail: detail(&text),
        }
    }
}

/// The offset and `TEXT` of something that is not the atom expected: a list shows as `(`, a list
/// that ended early as `)` at its closing parenthesis.
fn found<'a>(tree: Tree<'a>, arg: Arg) -> (usize, Cow<'a, str>) {
    match arg {
        Arg::Node(node) if tree.is_list(node) => (tree.start(node), Cow::Borrowed("(")),
        Arg::Node(node) => (
            tree.start(node),
            tree.value(node).unwrap_or(tree.source_text(node)),
        ),
        Arg::Missing(close) => (close, Cow::Borrowed(")")),
    }
}

/// Millimetres in decimal text to IU (100 nm): `[+-]?[0-9]+(\.[0-9]+)?`, more than four fraction
/// digits rounded half away from zero on the exact text; `None` for anything else or for values
/// outside `i32`.
pub fn parse_iu(text: &str) -> Option<i32> {
    parse_iu_bytes(text.as_bytes())
}

fn parse_iu_bytes(bytes: &[u8]) -> Option<i32> {
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (whole, fraction) = match rest.iter().position(|&b| b == b'.') {
        Some(dot) => (&rest[..dot], Some(&rest[dot + 1..])),
        None => (rest, None),
    };
    let digits = |d: &[u8]| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let mut magnitude: i64 = 0;
    for &d in whole {
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(i64::from(d - b'0'))?;
        if magnitude > i64::from(i32::MAX) {
            return None;
        }
    }
    let fraction = fraction.unwrap_or(&[]);
    for i in 0..4 {
        let d = fraction.get(i).map_or(0, |&d| i64::from(d - b'0'));
        magnitude = magnitude * 10 + d;
    }
    if fraction.get(4).is_some_and(|&d| d >= b'5') {
        magnitude += 1;
    }
    let signed = if negative { -magnitude } else { magnitude };
    i32::try_from(signed).ok()
}

/// Reads every symbol of a library, in file order.
///
/// `nodes` is a scratch node table, reused across libraries by the caller.
///
/// # Errors
/// The first fault in document order, with the specification's text.
pub fn read_library<'a>(
    source: &'a [u8],
    nodes: &'a mut Vec<u32>,
) -> Result<Vec<ReadSymbol<'a>>, LibraryError> {
    if let Err(e) = circuitsynth_io::parse_into(source, nodes) {
        return Err(LibraryError {
            offset: e.offset,
            line: e.line,
            column: e.column,
            detail: e.detail,
        });
    }
    let tree = Tree {
        source,
        nodes: nodes.as_slice(),
    };
    read_tree(tree).map_err(|fault| fault.locate(source))
}

fn read_tree(tree: Tree<'_>) -> Result<Vec<ReadSymbol<'_>>, Fault> {
    let head = match tree.children(0).next() {
        Some(node) => Arg::Node(node),
        None => Arg::Missing(tree.end(0) - 1),
    };
    let (offset, text) = match head {
        Arg::Node(node) if !tree.is_list(node) => (tree.start(node), tree.value(node)?),
        other => found(tree, other),
    };
    if text != "kicad_symbol_lib" {
        return Err(Fault {
            offset,
            detail: format!("expected a kicad_symbol_lib root list, found {text}"),
        });
    }
    let version = tree
        .children(0)
        .skip(1)
        .find(|&n| tree.head_is(n, b"version"))
        .ok_or_else(|| missing_version(tree))?;
    let (offset, text) = positioned_atom(&mut Args::of(tree, version))?;
    let number: i64 = match text.parse::<i64>() {
        Ok(v) if text.bytes().all(|b| b.is_ascii_digit()) => v,
        _ => {
            return Err(Fault {
                offset,
                detail: format!("expected a format version number, found '{text}'"),
            })
        }
    };
    if number < OLDEST_VERSION {
        return Err(Fault {
            offset,
            detail: format!(
                "format version {number} is older than KiCad 6 (20211014); open and save the library in KiCad 6 or newer"
            ),
        });
    }
    let mut symbols: Vec<ReadSymbol<'_>> = Vec::new();
    let mut names: HashSet<Cow<'_, str>> = HashSet::new();
    for child in tree.children(0).skip(1) {
        if !tree.head_is(child, b"symbol") {
            continue;
        }
        let read = read_symbol(tree, child)?;
        if !names.insert(read.symbol.name.clone()) {
            return Err(Fault {
                offset: tree.start(child + 2),
                detail: format!("symbol {} is defined twice", read.symbol.name),
            });
        }
        symbols.push(read);
    }
    Ok(symbols)
}

fn missing_version(tree: Tree<'_>) -> Fault {
    Fault {
        offset: tree.start(0),
        detail: "missing (version N); open and save the library in KiCad 6 or newer".to_string(),
    }
}

/// Whether a list's children hold `hide` or `(hide)`, `(hide yes)`; `(hide no)` is false.
fn hide_flag(tree: Tree<'_>, list: usize, current: bool) -> Result<bool, Fault> {
    let mut hidden = current;
    for child in tree.children(list).skip(1) {
        if tree.is_list(child) {
            if tree.head_is(child, b"hide") {
                hidden = hide_list(tree, child)?;
            }
        } else if tree.atom_is(child, b"hide") {
            hidden = true;
        }
    }
    Ok(hidden)
}

/// `(hide)` and `(hide yes)` are true, `(hide no)` false.
fn hide_list(tree: Tree<'_>, list: usize) -> Result<bool, Fault> {
    let mut args = Args::of(tree, list);
    if matches!(args.clone_next(), Arg::Missing(_)) {
        return Ok(true);
    }
    args.yes_no()
}

impl Args<'_> {
    /// The next argument without consuming it.
    fn clone_next(&self) -> Arg {
        match self.children.clone().next() {
            Some(node) => Arg::Node(node),
            None => Arg::Missing(self.close),
        }
    }
}

fn read_symbol<'a>(tree: Tree<'a>, list: usize) -> Result<ReadSymbol<'a>, Fault> {
    let mut args = Args::of(tree, list);
    let name = args.text("a symbol name")?;
    let mut symbol = Symbol {
        name,
        extends: Cow::Borrowed(""),
        flags: Flags::default(),
        pin_name_offset: DEFAULT_PIN_NAME_OFFSET,
        unit_count: 1,
        body_style_count: 1,
        unit_names: Vec::new(),
        properties: Vec::new(),
        pins: Vec::new(),
        graphics: Vec::new(),
    };
    let mut extends_at = None;
    let mut unit_names: Vec<(u32, Cow<'a, str>)> = Vec::new();
    let mut max_unit = 0u32;
    let mut de_morgan = false;
    for child in args.children.clone() {
        if !tree.is_list(child) {
            continue;
        }
        let Some(head) = tree.head(child) else {
            continue;
        };
        match &*head {
            b"extends" => {
                symbol.extends = Args::of(tree, child).text("a parent symbol name")?;
                extends_at = Some(tree.start(child));
            }
            b"power" => symbol.flags.power = true,
            b"pin_numbers" => {
                symbol.flags.pin_numbers_hidden =
                    hide_flag(tree, child, symbol.flags.pin_numbers_hidden)?;
            }
            b"pin_names" => {
                for item in tree.children(child).skip(1) {
                    if tree.is_list(item) {
                        match tree.head(item).as_deref() {
                            Some(b"offset") => {
                                symbol.pin_name_offset = Args::of(tree, item).millimetres()?;
                            }
                            Some(b"hide") => {
                                symbol.flags.pin_names_hidden = hide_list(tree, item)?;
                            }
                            _ => {}
                        }
                    } else if tree.atom_is(item, b"hide") {
                        symbol.flags.pin_names_hidden = true;
                    }
                }
            }
            b"in_bom" => symbol.flags.in_bom = Args::of(tree, child).yes_no()?,
            b"on_board" => symbol.flags.on_board = Args::of(tree, child).yes_no()?,
            b"exclude_from_sim" => {
                symbol.flags.exclude_from_sim = Args::of(tree, child).yes_no()?;
            }
            b"property" => symbol.properties.push(read_property(tree, child)?),
            b"symbol" => {
                let mut sub = Args::of(tree, child);
                let (name_at, sub_name) = positioned_atom(&mut sub)?;
                let (unit, body) = unit_and_body(&sub_name).ok_or_else(|| Fault {
                    offset: name_at,
                    detail: sub_symbol_detail(&sub_name),
                })?;
                max_unit = max_unit.max(unit);
                de_morgan |= body == 2;
                symbol.graphics.push(Graphic::FileRange(
                    tree.start(child) as u64..tree.end(child) as u64,
                ));
                for item in sub.children.clone() {
                    if !tree.is_list(item) {
                        continue;
                    }
                    match tree.head(item).as_deref() {
                        Some(b"unit_name") => {
                            let text = Args::of(tree, item).text("a unit name")?;
                            if unit > 0 {
                                unit_names.retain(|(u, _)| *u != unit);
                                unit_names.push((unit, text));
                            }
                        }
                        Some(b"pin") => symbol.pins.push(read_pin(tree, item, unit, body)?),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    unit_names.sort_by_key(|(u, _)| *u);
    symbol.unit_names = unit_names;
    symbol.unit_count = max_unit.max(1);
    symbol.body_style_count = if de_morgan { 2 } else { 1 };
    Ok(ReadSymbol { symbol, extends_at })
}

fn sub_symbol_detail(text: &str) -> String {
    format!("sub-symbol name '{text}' must end in _UNIT_BODYSTYLE")
}

/// `NAME_U_B` to `(U, B)`. B is not limited to 0..=2: KiCad 9's own `Interface:LTC1519` has a `_3_3`
/// sub-symbol, which KiCad reads.
fn unit_and_body(name: &str) -> Option<(u32, u32)> {
    let (rest, body) = name.rsplit_once('_')?;
    let (_, unit) = rest.rsplit_once('_')?;
    let decimal = |t: &str| -> Option<u32> {
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    let body = decimal(body)?;
    Some((decimal(unit)?, body))
}

fn read_property<'a>(tree: Tree<'a>, list: usize) -> Result<Property<'a>, Fault> {
    let mut args = Args::of(tree, list);
    // KiCad 8 and later mark some properties `(property private "KEY" "VALUE" …)`: a leading
    // `private` followed by two more atoms is that marker, not the key.
    let atoms = tree
        .children(list)
        .skip(1)
        .take(3)
        .take_while(|&n| !tree.is_list(n))
        .count();
    if atoms == 3 {
        if let Some(first) = tree.children(list).nth(1) {
            if tree.atom_is(first, b"private") {
                args.next();
            }
        }
    }
    let key = args.text("a property key")?;
    let value = args.text("a property value")?;
    let mut hidden = false;
    for child in args.children.clone() {
        if tree.head_is(child, b"effects") {
            hidden = hide_flag(tree, child, hidden)?;
        }
    }
    Ok(Property { key, value, hidden })
}

fn read_pin<'a>(tree: Tree<'a>, list: usize, unit: u32, body: u32) -> Result<Pin<'a>, Fault> {
    let mut args = Args::of(tree, list);
    let electrical_type = read_type(&mut args)?;
    let style = graphic_style(&mut args)?;
    let mut at = None;
    let mut length = None;
    let mut name = None;
    let mut number = None;
    let mut hidden = false;
    let mut alternates = Vec::new();
    for child in args.children.clone() {
        if !tree.is_list(child) {
            if tree.atom_is(child, b"hide") {
                hidden = true;
            }
            continue;
        }
        match tree.head(child).as_deref() {
            Some(b"at") => {
                let mut at_args = Args::of(tree, child);
                let x = at_args.millimetres()?;
                let y = at_args.millimetres()?;
                let rotation = orientation(&mut at_args)?;
                at = Some((x, y, rotation));
            }
            Some(b"length") => length = Some(Args::of(tree, child).millimetres()?),
            Some(b"hide") => hidden = hide_list(tree, child)?,
            Some(b"name") => name = Some(Args::of(tree, child).text("a pin name")?),
            Some(b"number") => number = Some(Args::of(tree, child).text("a pin number")?),
            Some(b"alternate") => {
                let mut alt = Args::of(tree, child);
                let name = alt.text("an alternate name")?;
                let electrical_type = read_type(&mut alt)?;
                let style = graphic_style(&mut alt)?;
                alternates.push(Alternate {
                    name,
                    electrical_type,
                    style,
                });
            }
            _ => {}
        }
    }
    let missing = |what: &str| Fault {
        offset: tree.start(list),
        detail: format!("pin without {what}"),
    };
    let (x, y, rotation) = at.ok_or_else(|| missing("(at X Y ROTATION)"))?;
    let length = length.ok_or_else(|| missing("(length L)"))?;
    let name = name.ok_or_else(|| missing("(name \"NAME\")"))?;
    let number = number.ok_or_else(|| missing("(number \"NUMBER\")"))?;
    Ok(Pin {
        number,
        name,
        electrical_type,
        style,
        x,
        y,
        rotation,
        length,
        unit,
        body_style: body,
        hidden,
        alternates,
    })
}

fn read_type(args: &mut Args<'_>) -> Result<ElectricalType, Fault> {
    let token = Token::next(args);
    ElectricalType::from_keyword(&token.bytes).ok_or_else(|| {
        token.fault(args.tree, |text| {
            format!("unknown pin electrical type '{text}'")
        })
    })
}

fn graphic_style(args: &mut Args<'_>) -> Result<GraphicStyle, Fault> {
    let token = Token::next(args);
    GraphicStyle::from_keyword(&token.bytes).ok_or_else(|| {
        token.fault(args.tree, |text| {
            format!("unknown pin graphic style '{text}'")
        })
    })
}

fn orientation(args: &mut Args<'_>) -> Result<u16, Fault> {
    let token = Token::next(args);
    match parse_iu_bytes(&token.bytes) {
        Some(0) => Ok(0),
        Some(900_000) => Ok(90),
        Some(1_800_000) => Ok(180),
        Some(2_700_000) => Ok(270),
        _ => Err(token.fault(args.tree, |text| {
            format!("pin orientation must be 0, 90, 180 or 270, found {text}")
        })),
    }
}

/// The next argument's offset and `TEXT`, whatever it is.
fn positioned_atom<'a>(args: &mut Args<'a>) -> Result<(usize, Cow<'a, str>), Fault> {
    let tree = args.tree;
    match args.next() {
        Arg::Node(node) if !tree.is_list(node) => Ok((tree.start(node), tree.value(node)?)),
        other => Ok(found(tree, other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_to_iu() {
        let cases = [
            ("0", Some(0)),
            ("1.27", Some(12700)),
            ("-2.54", Some(-25400)),
            ("+0.1", Some(1000)),
            ("0.00005", Some(1)),
            ("-0.00005", Some(-1)),
            ("0.000049999", Some(0)),
            ("214748.3647", Some(i32::MAX)),
            ("-214748.3648", Some(i32::MIN)),
            ("214748.3648", None),
            ("99999999999999999999", None),
            ("1e3", None),
            ("5.", None),
            (".5", None),
            ("-", None),
            ("", None),
            ("1.2.3", None),
            ("0x10", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_iu(text), expected, "{text}");
        }
    }

    #[test]
    fn unit_and_body_style_suffixes() {
        assert_eq!(unit_and_body("R_1_1"), Some((1, 1)));
        assert_eq!(unit_and_body("LTC1519_3_3"), Some((3, 3)));
        assert_eq!(unit_and_body("A_B_0_2"), Some((0, 2)));
        assert_eq!(unit_and_body("R_1"), None);
        assert_eq!(unit_and_body("R_x_1"), None);
        assert_eq!(unit_and_body("R_1_"), None);
        assert_eq!(unit_and_body("R_99999999999_1"), None);
    }
}
