//! Generic rectangular symbols for parts no library holds: inputs left, outputs right, supplies
//! on top, grounds below.
//!
//! The geometry rules are written down in `conformance/symbols/README.md` ("Generated box
//! symbols"). The Java engine's `io.circuitsynth.symbols.BoxSymbol` follows the same steps in the
//! same order, and the vectors in `conformance/box/` hold both to the same bytes.
//!
//! The text is printed here rather than through `circuitsynth-io` so this module needs no
//! dependency; the tests check that the output is exactly what the `io` stage prints for it.
//!
//! ```
//! use circuitsynth_symbol_cache::box_symbol::{BoxSymbol, Pin};
//!
//! let pins = [Pin::new("1", "IN", "input"), Pin::new("2", "OUT", "output")];
//! let symbol = BoxSymbol::generate("BUF", &pins).expect("valid pins");
//! assert_eq!((symbol.pin_ends()[0].x, symbol.pin_ends()[0].y), (-101_600, 0));
//! assert!(symbol.library_text().starts_with("(kicad_symbol_lib\n\t(version 20241209)\n"));
//! ```

use std::collections::HashSet;
use std::fmt;

/// Every electrical type KiCad knows, in the symbol record's order.
pub const ELECTRICAL_TYPES: [&str; 12] = [
    "input",
    "output",
    "bidirectional",
    "tri_state",
    "passive",
    "free",
    "unspecified",
    "power_in",
    "power_out",
    "open_collector",
    "open_emitter",
    "no_connect",
];

/// Pin pitch and pin length, 2.54 mm in IU (1 IU = 100 nm).
const PITCH: i64 = 25400;
/// Width of one character of a pin name, 1.27 mm.
const CHAR_WIDTH: i64 = 12700;
const MIN_WIDTH: i64 = 101_600;
const MIN_HEIGHT: i64 = 50800;
/// Room between the left and right names, 5.08 mm.
const NAME_GAP: i64 = 50800;
const BODY_STROKE: i64 = 2540;
const TEXT_SIZE: i64 = 12700;
const PIN_NAME_OFFSET: i64 = 10160;
const GROUND_PREFIXES: [&str; 6] = ["GND", "VSS", "AGND", "DGND", "PGND", "0V"];

/// One input pin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// Unique within the symbol.
    pub number: String,
    /// Empty for none.
    pub name: String,
    /// One of [`ELECTRICAL_TYPES`].
    pub electrical_type: String,
}

impl Pin {
    pub fn new(number: &str, name: &str, electrical_type: &str) -> Self {
        Pin {
            number: number.to_owned(),
            name: name.to_owned(),
            electrical_type: electrical_type.to_owned(),
        }
    }
}

/// Where a pin connects, in IU, KiCad's library coordinates (y up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinEnd {
    pub number: String,
    pub x: i32,
    pub y: i32,
}

/// Why a pin list cannot become a box symbol. The messages are the Java engine's, word for word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoxSymbolError {
    DuplicatePinNumber {
        symbol: String,
        number: String,
    },
    UnknownElectricalType {
        symbol: String,
        number: String,
        found: String,
    },
    TooLarge {
        symbol: String,
    },
}

impl fmt::Display for BoxSymbolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BoxSymbolError::DuplicatePinNumber { symbol, number } => write!(
                f,
                "duplicate pin number '{number}' in {symbol}; every pin of a symbol needs its own number"
            ),
            BoxSymbolError::UnknownElectricalType { symbol, number, found } => write!(
                f,
                "pin {number} of {symbol}: unknown pin electrical type '{found}'; expected one of {}",
                ELECTRICAL_TYPES.join(" ")
            ),
            BoxSymbolError::TooLarge { symbol } => {
                write!(f, "symbol {symbol} would be too large to draw")
            }
        }
    }
}

impl std::error::Error for BoxSymbolError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left = 0,
    Right = 1,
    Top = 2,
    Bottom = 3,
}

/// A laid-out box symbol.
#[derive(Debug, Clone)]
pub struct BoxSymbol {
    name: String,
    pins: Vec<Pin>,
    ends: Vec<PinEnd>,
    rotations: Vec<u16>,
    width: i64,
    height: i64,
    top_extent: i64,
    bottom_extent: i64,
}

impl BoxSymbol {
    /// Lays out the box for `pins`.
    ///
    /// # Errors
    /// A duplicate pin number or an unknown electrical type, checked pin by pin in order.
    pub fn generate(name: &str, pins: &[Pin]) -> Result<Self, BoxSymbolError> {
        let mut numbers = HashSet::new();
        for pin in pins {
            if !ELECTRICAL_TYPES.contains(&pin.electrical_type.as_str()) {
                return Err(BoxSymbolError::UnknownElectricalType {
                    symbol: name.to_owned(),
                    number: pin.number.clone(),
                    found: pin.electrical_type.clone(),
                });
            }
            if !numbers.insert(pin.number.as_str()) {
                return Err(BoxSymbolError::DuplicatePinNumber {
                    symbol: name.to_owned(),
                    number: pin.number.clone(),
                });
            }
        }
        let mut sides = Vec::with_capacity(pins.len());
        let mut counts = [0i64; 4];
        let mut left_chars = 0i64;
        let mut right_chars = 0i64;
        for pin in pins {
            let side = side(pin, &counts);
            sides.push(side);
            counts[side as usize] += 1;
            // Characters are code points, as Java's codePointCount counts them.
            let chars = pin.name.chars().count() as i64;
            match side {
                Side::Left => left_chars = left_chars.max(chars),
                Side::Right => right_chars = right_chars.max(chars),
                _ => {}
            }
        }
        let [left, right, top, bottom] = counts;
        // Whole 5.08 mm steps keep the half width and half height on the 2.54 mm grid.
        let text_width = (left_chars + right_chars) * CHAR_WIDTH + NAME_GAP;
        let width = round_up(MIN_WIDTH.max(text_width).max(PITCH * (top.max(bottom) + 1)));
        let height = round_up(MIN_HEIGHT.max(PITCH * (left.max(right) + 1)));
        if width > i64::from(i32::MAX / 4) || height > i64::from(i32::MAX / 4) {
            return Err(BoxSymbolError::TooLarge {
                symbol: name.to_owned(),
            });
        }
        let half_width = width / 2;
        let half_height = height / 2;
        let mut placed = [0i64; 4];
        let mut ends = Vec::with_capacity(pins.len());
        let mut rotations = Vec::with_capacity(pins.len());
        for (pin, &side) in pins.iter().zip(&sides) {
            let index = placed[side as usize];
            placed[side as usize] += 1;
            let offset = PITCH * (index - (counts[side as usize] - 1) / 2);
            let (x, y, rotation) = match side {
                Side::Left => (-half_width - PITCH, -offset, 0),
                Side::Right => (half_width + PITCH, -offset, 180),
                Side::Top => (offset, half_height + PITCH, 270),
                Side::Bottom => (offset, -half_height - PITCH, 90),
            };
            ends.push(PinEnd {
                number: pin.number.clone(),
                x: x as i32,
                y: y as i32,
            });
            rotations.push(rotation);
        }
        Ok(BoxSymbol {
            name: name.to_owned(),
            pins: pins.to_vec(),
            ends,
            rotations,
            width,
            height,
            top_extent: half_height + if top > 0 { PITCH } else { 0 },
            bottom_extent: half_height + if bottom > 0 { PITCH } else { 0 },
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The pins' connection points, in input order.
    pub fn pin_ends(&self) -> &[PinEnd] {
        &self.ends
    }

    /// Body width in IU.
    pub fn width(&self) -> i32 {
        self.width as i32
    }

    /// Body height in IU.
    pub fn height(&self) -> i32 {
        self.height as i32
    }

    /// The `(symbol "NAME" …)` list alone, printed in KiCad 9's layout.
    pub fn symbol_text(&self) -> String {
        let mut w = Tokens::default();
        self.write_to(&mut w);
        w.print()
    }

    /// A whole `.kicad_sym` library holding only this symbol, printed in KiCad 9's layout.
    pub fn library_text(&self) -> String {
        let mut w = Tokens::default();
        w.open("kicad_symbol_lib");
        w.open("version").symbol("20241209").close();
        w.open("generator").string("circuitsynth").close();
        self.write_to(&mut w);
        w.close();
        w.print()
    }

    fn write_to(&self, w: &mut Tokens) {
        w.open("symbol").string(&self.name);
        w.open("pin_names")
            .open("offset")
            .mm(PIN_NAME_OFFSET)
            .close()
            .close();
        w.yes_no("exclude_from_sim", false);
        w.yes_no("in_bom", true);
        w.yes_no("on_board", true);
        w.property("Reference", "U", 0, self.top_extent + CHAR_WIDTH, false);
        w.property(
            "Value",
            &self.name,
            0,
            -self.bottom_extent - CHAR_WIDTH,
            false,
        );
        w.property("Footprint", "", 0, 0, true);
        w.property("Datasheet", "", 0, 0, true);
        w.property("Description", "", 0, 0, true);
        self.write_body(w);
        // KiCad drops an empty sub-symbol when it saves; so do we.
        if !self.pins.is_empty() {
            self.write_pins(w);
        }
        w.yes_no("embedded_fonts", false);
        w.close();
    }

    fn write_body(&self, w: &mut Tokens) {
        w.open("symbol").string(&format!("{}_0_1", self.name));
        w.open("rectangle");
        w.open("start")
            .mm(-self.width / 2)
            .mm(self.height / 2)
            .close();
        w.open("end")
            .mm(self.width / 2)
            .mm(-self.height / 2)
            .close();
        w.open("stroke").open("width").mm(BODY_STROKE).close();
        w.open("type").symbol("default").close().close();
        w.open("fill")
            .open("type")
            .symbol("background")
            .close()
            .close();
        w.close().close();
    }

    fn write_pins(&self, w: &mut Tokens) {
        w.open("symbol").string(&format!("{}_1_1", self.name));
        // KiCad 9 saves pins by x ascending, then y descending (its internal y points down);
        // written this way, KiCad saves the symbol back unchanged. No two pins share a position.
        let mut order: Vec<usize> = (0..self.pins.len()).collect();
        order.sort_by_key(|&i| (self.ends[i].x, -self.ends[i].y));
        for i in order {
            let (pin, end, rotation) = (&self.pins[i], &self.ends[i], self.rotations[i]);
            w.open("pin").symbol(&pin.electrical_type).symbol("line");
            w.open("at")
                .mm(i64::from(end.x))
                .mm(i64::from(end.y))
                .symbol(&rotation.to_string())
                .close();
            w.open("length").mm(PITCH).close();
            // KiCad writes a pin without a name as "~".
            let name = if pin.name.is_empty() { "~" } else { &pin.name };
            w.open("name").string(name);
            w.effects(false);
            w.close();
            w.open("number").string(&pin.number);
            w.effects(false);
            w.close().close();
        }
        w.close();
    }

    /// The sub-symbol lists (`NAME_0_1`, then `NAME_1_1` when there are pins), each printed
    /// alone in KiCad 9's layout: the inline graphics of the symbol record.
    pub fn sub_symbol_texts(&self) -> Vec<String> {
        let mut body = Tokens::default();
        self.write_body(&mut body);
        let mut texts = vec![body.print()];
        if !self.pins.is_empty() {
            let mut pins = Tokens::default();
            self.write_pins(&mut pins);
            texts.push(pins.print());
        }
        texts
    }
}

fn round_up(length: i64) -> i64 {
    let step = 2 * PITCH;
    (length + step - 1) / step * step
}

fn side(pin: &Pin, counts: &[i64; 4]) -> Side {
    match pin.electrical_type.as_str() {
        "input" => Side::Left,
        "output" | "tri_state" | "open_collector" | "open_emitter" | "no_connect" => Side::Right,
        "power_in" | "power_out" => {
            if is_ground(&pin.name) {
                Side::Bottom
            } else {
                Side::Top
            }
        }
        _ => {
            if counts[Side::Right as usize] < counts[Side::Left as usize] {
                Side::Right
            } else {
                Side::Left
            }
        }
    }
}

/// ASCII upper-casing only, as the Java engine does, so no Unicode table can disagree.
fn is_ground(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper == "V-" || GROUND_PREFIXES.iter().any(|p| upper.starts_with(p))
}

enum Token {
    Open,
    Close,
    Atom(String),
}

/// A token stream printed with the `io` stage's layout rules. Box symbols hold no `(xy …)` lists,
/// so the rule that packs those onto shared lines is not needed here.
#[derive(Default)]
struct Tokens {
    tokens: Vec<Token>,
}

impl Tokens {
    fn open(&mut self, head: &str) -> &mut Self {
        debug_assert_ne!(head, "xy", "xy lists need the io stage's packing rule");
        self.tokens.push(Token::Open);
        self.symbol(head)
    }

    fn close(&mut self) -> &mut Self {
        self.tokens.push(Token::Close);
        self
    }

    fn symbol(&mut self, text: &str) -> &mut Self {
        self.tokens.push(Token::Atom(text.to_owned()));
        self
    }

    fn string(&mut self, value: &str) -> &mut Self {
        let mut quoted = String::with_capacity(value.len() + 2);
        quoted.push('"');
        for c in value.chars() {
            match c {
                '\\' => quoted.push_str("\\\\"),
                '"' => quoted.push_str("\\\""),
                '\n' => quoted.push_str("\\n"),
                '\r' => quoted.push_str("\\r"),
                other => quoted.push(other),
            }
        }
        quoted.push('"');
        self.tokens.push(Token::Atom(quoted));
        self
    }

    /// Millimetres from IU, written as KiCad writes numbers.
    fn mm(&mut self, iu: i64) -> &mut Self {
        let magnitude = iu.unsigned_abs();
        let whole = magnitude / 10_000;
        let fraction = magnitude % 10_000;
        let mut text = String::new();
        if iu < 0 {
            text.push('-');
        }
        text.push_str(&whole.to_string());
        if fraction != 0 {
            let digits = format!("{fraction:04}");
            text.push('.');
            text.push_str(digits.trim_end_matches('0'));
        }
        self.symbol(&text)
    }

    fn yes_no(&mut self, key: &str, value: bool) -> &mut Self {
        self.open(key)
            .symbol(if value { "yes" } else { "no" })
            .close()
    }

    fn effects(&mut self, hidden: bool) -> &mut Self {
        self.open("effects").open("font").open("size");
        self.mm(TEXT_SIZE).mm(TEXT_SIZE).close().close();
        if hidden {
            self.yes_no("hide", true);
        }
        self.close()
    }

    fn property(&mut self, key: &str, value: &str, x: i64, y: i64, hidden: bool) -> &mut Self {
        self.open("property").string(key).string(value);
        self.open("at").mm(x).mm(y).symbol("0").close();
        self.effects(hidden);
        self.close()
    }

    /// The `io` stage's printing rules (conformance/README.md, "Printing"), minus `inXY`.
    fn print(&self) -> String {
        #[derive(PartialEq)]
        enum Prev {
            None,
            Open,
            Close,
            Atom,
        }
        let mut out = String::new();
        let mut depth = 0usize;
        let mut col = 0usize;
        let mut prev = Prev::None;
        let mut wrapped = false;
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push('\t');
            }
            depth
        };
        for token in &self.tokens {
            match token {
                Token::Open => {
                    if prev == Prev::None {
                        out.push('(');
                        col += 1;
                    } else {
                        col = newline(&mut out, depth);
                        out.push('(');
                        col += 1;
                    }
                    depth += 1;
                    prev = Prev::Open;
                }
                Token::Close => {
                    depth -= 1;
                    if prev == Prev::Close || wrapped {
                        col = newline(&mut out, depth);
                        wrapped = false;
                    }
                    out.push(')');
                    col += 1;
                    prev = Prev::Close;
                }
                Token::Atom(text) => {
                    if prev == Prev::Atom || prev == Prev::Close {
                        if col < 72 {
                            out.push(' ');
                            col += 1;
                        } else {
                            col = newline(&mut out, depth);
                            wrapped = true;
                        }
                    }
                    out.push_str(text);
                    // The column counts bytes, as the io stage does.
                    col += text.len();
                    prev = Prev::Atom;
                }
            }
        }
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::PathBuf;

    const GRID: i32 = 12700;

    fn vectors_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../conformance/box")
    }

    fn read_pins(text: &str) -> Vec<Pin> {
        text.split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                assert_eq!(
                    fields.len(),
                    3,
                    "expected NUMBER<TAB>NAME<TAB>TYPE: {line:?}"
                );
                Pin::new(fields[0], fields[1], fields[2])
            })
            .collect()
    }

    #[test]
    fn conformance_vectors() {
        let dir = vectors_dir();
        let mut stems: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".pins").map(str::to_owned)
            })
            .collect();
        stems.sort();
        assert!(stems.len() >= 8, "vectors in {}", dir.display());
        for stem in &stems {
            let pins =
                read_pins(&std::fs::read_to_string(dir.join(format!("{stem}.pins"))).unwrap());
            let result = BoxSymbol::generate(stem, &pins);
            let err = dir.join(format!("{stem}.err"));
            if err.exists() {
                let expected = std::fs::read_to_string(err).unwrap();
                assert_eq!(result.unwrap_err().to_string(), expected, "vector {stem}");
            } else {
                let expected =
                    std::fs::read_to_string(dir.join(format!("{stem}.kicad_sym"))).unwrap();
                let symbol = result.unwrap();
                assert_eq!(symbol.library_text(), expected, "vector {stem}");
                assert_eq!(
                    symbol.sub_symbol_texts(),
                    sub_symbols_of(&expected),
                    "vector {stem}"
                );
            }
        }
    }

    /// The `(symbol "NAME_U_B" …)` lists inside the library's one symbol, each printed alone.
    fn sub_symbols_of(library: &str) -> Vec<String> {
        let doc = circuitsynth_io::Document::parse(library.as_bytes()).unwrap();
        let symbol = doc
            .children(0)
            .find(|&c| doc.kind(c) == circuitsynth_io::Kind::List && doc.text(c + 1) == "symbol")
            .unwrap();
        doc.children(symbol)
            .filter(|&c| doc.kind(c) == circuitsynth_io::Kind::List && doc.text(c + 1) == "symbol")
            .map(|c| {
                let text = &library.as_bytes()[doc.span(c)];
                String::from_utf8(circuitsynth_io::format(text).unwrap()).unwrap()
            })
            .collect()
    }

    #[test]
    fn sides_follow_the_electrical_type() {
        let pins = [
            Pin::new("1", "IN", "input"),
            Pin::new("2", "OUT", "output"),
            Pin::new("3", "VCC", "power_in"),
            Pin::new("4", "gnd", "power_in"),
            Pin::new("5", "X", "passive"),
            Pin::new("6", "Y", "passive"),
        ];
        let symbol = BoxSymbol::generate("U", &pins).unwrap();
        assert_eq!((symbol.width(), symbol.height()), (152_400, 101_600));
        let ends: Vec<(&str, i32, i32)> = symbol
            .pin_ends()
            .iter()
            .map(|e| (e.number.as_str(), e.x, e.y))
            .collect();
        assert_eq!(
            ends,
            [
                ("1", -101_600, 0),
                ("2", 101_600, 0),
                ("3", 0, 76200),
                ("4", 0, -76200),
                ("5", -101_600, -25400),
                ("6", 101_600, -25400)
            ]
        );
    }

    #[test]
    fn errors_name_the_pin() {
        let duplicate = [Pin::new("7", "A", "input"), Pin::new("7", "B", "input")];
        assert_eq!(
            BoxSymbol::generate("X", &duplicate)
                .unwrap_err()
                .to_string(),
            "duplicate pin number '7' in X; every pin of a symbol needs its own number"
        );
        let unknown = [Pin::new("3", "A", "Input")];
        assert_eq!(
            BoxSymbol::generate("X", &unknown).unwrap_err().to_string(),
            "pin 3 of X: unknown pin electrical type 'Input'; expected one of input output \
             bidirectional tri_state passive free unspecified power_in power_out open_collector \
             open_emitter no_connect"
        );
    }

    fn pin_lists() -> impl Strategy<Value = Vec<Pin>> {
        let name = prop_oneof![
            prop::sample::select(vec![
                "", "GND", "vss", "V-", "0V", "AGND", "VCC", "µ→", "A\"B"
            ])
            .prop_map(str::to_owned),
            "[!-~éΩ日]{0,20}",
        ];
        let electrical_type = prop::sample::select(ELECTRICAL_TYPES.to_vec());
        prop::collection::vec((name, electrical_type), 0..120).prop_map(|list| {
            list.into_iter()
                .enumerate()
                .map(|(i, (name, t))| Pin::new(&(i + 1).to_string(), &name, t))
                .collect()
        })
    }

    /// Every `(pin TYPE …)` of a parsed document as "TYPE NAME NUMBER", names and numbers decoded.
    fn pins_in(doc: &circuitsynth_io::Document<'_>) -> Vec<String> {
        let mut found = Vec::new();
        for node in 0..doc.len() {
            if doc.kind(node) != circuitsynth_io::Kind::List || doc.text(node + 1) != "pin" {
                continue;
            }
            let children: Vec<usize> = doc.children(node).collect();
            let mut name = String::new();
            let mut number = String::new();
            for &c in &children {
                if doc.kind(c) == circuitsynth_io::Kind::List {
                    let value = String::from_utf8(doc.value(c + 2).unwrap().into_owned()).unwrap();
                    match doc.text(c + 1) {
                        "name" => name = value,
                        "number" => number = value,
                        _ => {}
                    }
                }
            }
            found.push(format!("{} {name} {number}", doc.text(children[1])));
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn every_pin_once_on_its_own_grid_point(pins in pin_lists()) {
            let symbol = BoxSymbol::generate("RANDOM", &pins).unwrap();
            let numbers: Vec<&str> = symbol.pin_ends().iter().map(|e| e.number.as_str()).collect();
            let expected: Vec<&str> = pins.iter().map(|p| p.number.as_str()).collect();
            prop_assert_eq!(numbers, expected);
            let mut spots = HashSet::new();
            for end in symbol.pin_ends() {
                prop_assert_eq!(end.x % GRID, 0);
                prop_assert_eq!(end.y % GRID, 0);
                prop_assert!(spots.insert((end.x, end.y)), "two pins at {},{}", end.x, end.y);
            }
            let library = symbol.library_text();
            let doc = circuitsynth_io::Document::parse(library.as_bytes()).unwrap();
            prop_assert_eq!(doc.print(), library.as_bytes());
            let alone = symbol.symbol_text();
            prop_assert_eq!(circuitsynth_io::format(alone.as_bytes()).unwrap(), alone.as_bytes());
            let mut described: Vec<String> = pins
                .iter()
                .map(|p| {
                    let name = if p.name.is_empty() { "~" } else { &p.name };
                    format!("{} {name} {}", p.electrical_type, p.number)
                })
                .collect();
            // The file lists pins in KiCad's order, not input order.
            let mut written = pins_in(&doc);
            written.sort();
            described.sort();
            prop_assert_eq!(written, described);
        }
    }
}
