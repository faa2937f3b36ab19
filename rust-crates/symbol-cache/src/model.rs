//! What a resolved symbol is: the data both engines agree on, nothing about drawing.
//!
//! Texts are `Cow<str>` so one type serves reading (borrowing the library's bytes), decoding
//! (borrowing a record) and owned use (`into_owned`), without copying on the hot paths.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// A pin's electrical type; the discriminants are the record's `type` byte, in the
/// specification's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElectricalType {
    Input = 0,
    Output = 1,
    Bidirectional = 2,
    TriState = 3,
    Passive = 4,
    Free = 5,
    Unspecified = 6,
    PowerIn = 7,
    PowerOut = 8,
    OpenCollector = 9,
    OpenEmitter = 10,
    NoConnect = 11,
}

impl ElectricalType {
    /// Every type, in record order.
    pub const ALL: [ElectricalType; 12] = [
        ElectricalType::Input,
        ElectricalType::Output,
        ElectricalType::Bidirectional,
        ElectricalType::TriState,
        ElectricalType::Passive,
        ElectricalType::Free,
        ElectricalType::Unspecified,
        ElectricalType::PowerIn,
        ElectricalType::PowerOut,
        ElectricalType::OpenCollector,
        ElectricalType::OpenEmitter,
        ElectricalType::NoConnect,
    ];

    /// The keyword KiCad writes.
    pub fn keyword(self) -> &'static str {
        match self {
            ElectricalType::Input => "input",
            ElectricalType::Output => "output",
            ElectricalType::Bidirectional => "bidirectional",
            ElectricalType::TriState => "tri_state",
            ElectricalType::Passive => "passive",
            ElectricalType::Free => "free",
            ElectricalType::Unspecified => "unspecified",
            ElectricalType::PowerIn => "power_in",
            ElectricalType::PowerOut => "power_out",
            ElectricalType::OpenCollector => "open_collector",
            ElectricalType::OpenEmitter => "open_emitter",
            ElectricalType::NoConnect => "no_connect",
        }
    }

    /// The type KiCad writes as `keyword`.
    pub fn from_keyword(keyword: &[u8]) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.keyword().as_bytes() == keyword)
    }

    /// The type whose record byte is `index`.
    pub fn from_index(index: u8) -> Option<Self> {
        Self::ALL.get(usize::from(index)).copied()
    }
}

impl fmt::Display for ElectricalType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// A pin's graphic style; the discriminants are the record's `style` byte, in the
/// specification's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GraphicStyle {
    Line = 0,
    Inverted = 1,
    Clock = 2,
    InvertedClock = 3,
    InputLow = 4,
    ClockLow = 5,
    OutputLow = 6,
    EdgeClockHigh = 7,
    NonLogic = 8,
}

impl GraphicStyle {
    /// Every style, in record order.
    pub const ALL: [GraphicStyle; 9] = [
        GraphicStyle::Line,
        GraphicStyle::Inverted,
        GraphicStyle::Clock,
        GraphicStyle::InvertedClock,
        GraphicStyle::InputLow,
        GraphicStyle::ClockLow,
        GraphicStyle::OutputLow,
        GraphicStyle::EdgeClockHigh,
        GraphicStyle::NonLogic,
    ];

    /// The keyword KiCad writes.
    pub fn keyword(self) -> &'static str {
        match self {
            GraphicStyle::Line => "line",
            GraphicStyle::Inverted => "inverted",
            GraphicStyle::Clock => "clock",
            GraphicStyle::InvertedClock => "inverted_clock",
            GraphicStyle::InputLow => "input_low",
            GraphicStyle::ClockLow => "clock_low",
            GraphicStyle::OutputLow => "output_low",
            GraphicStyle::EdgeClockHigh => "edge_clock_high",
            GraphicStyle::NonLogic => "non_logic",
        }
    }

    /// The style KiCad writes as `keyword`.
    pub fn from_keyword(keyword: &[u8]) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.keyword().as_bytes() == keyword)
    }

    /// The style whose record byte is `index`.
    pub fn from_index(index: u8) -> Option<Self> {
        Self::ALL.get(usize::from(index)).copied()
    }
}

impl fmt::Display for GraphicStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// One `(property "KEY" "VALUE" …)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property<'a> {
    pub key: Cow<'a, str>,
    pub value: Cow<'a, str>,
    pub hidden: bool,
}

/// One `(alternate "NAME" TYPE STYLE)` of a pin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate<'a> {
    pub name: Cow<'a, str>,
    pub electrical_type: ElectricalType,
    pub style: GraphicStyle,
}

/// One pin, in library coordinates (IU, y up as in the library file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin<'a> {
    pub number: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub electrical_type: ElectricalType,
    pub style: GraphicStyle,
    pub x: i32,
    pub y: i32,
    /// Degrees: 0, 90, 180 or 270.
    pub rotation: u16,
    pub length: i32,
    /// 0 = shared by all units.
    pub unit: u32,
    /// 0 = both, 1 = normal, 2 = De Morgan.
    pub body_style: u32,
    pub hidden: bool,
    pub alternates: Vec<Alternate<'a>>,
}

/// Where a sub-symbol's drawing lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Graphic<'a> {
    /// A byte range of the library file (or of the in-memory library bytes).
    FileRange(Range<u64>),
    /// S-expression text, for symbols generated in code.
    Inline(Cow<'a, str>),
}

/// The flag bits of a record, as named booleans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub power: bool,
    pub in_bom: bool,
    pub on_board: bool,
    pub exclude_from_sim: bool,
    pub pin_numbers_hidden: bool,
    pub pin_names_hidden: bool,
}

impl Default for Flags {
    /// KiCad's defaults for absent items: in the BOM, on the board, simulated, all shown.
    fn default() -> Self {
        Flags {
            power: false,
            in_bom: true,
            on_board: true,
            exclude_from_sim: false,
            pin_numbers_hidden: false,
            pin_names_hidden: false,
        }
    }
}

impl Flags {
    /// The record's `flags` byte.
    pub fn bits(self) -> u8 {
        u8::from(self.power)
            | u8::from(self.in_bom) << 1
            | u8::from(self.on_board) << 2
            | u8::from(self.exclude_from_sim) << 3
            | u8::from(self.pin_numbers_hidden) << 4
            | u8::from(self.pin_names_hidden) << 5
    }

    /// Flags from a record's byte; `None` when bits above bit 5 are set.
    pub fn from_bits(bits: u8) -> Option<Self> {
        if bits >> 6 != 0 {
            return None;
        }
        Some(Flags {
            power: bits & 1 != 0,
            in_bom: bits & 2 != 0,
            on_board: bits & 4 != 0,
            exclude_from_sim: bits & 8 != 0,
            pin_numbers_hidden: bits & 16 != 0,
            pin_names_hidden: bits & 32 != 0,
        })
    }
}

/// KiCad's default pin name offset, 0.508 mm.
pub const DEFAULT_PIN_NAME_OFFSET: i32 = 5080;

/// A symbol as the record holds it: after `extends` resolution when read from a library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol<'a> {
    pub name: Cow<'a, str>,
    /// The direct parent's name; empty when not derived.
    pub extends: Cow<'a, str>,
    pub flags: Flags,
    /// IU.
    pub pin_name_offset: i32,
    pub unit_count: u32,
    pub body_style_count: u32,
    /// `(unit, name)` by ascending unit.
    pub unit_names: Vec<(u32, Cow<'a, str>)>,
    pub properties: Vec<Property<'a>>,
    pub pins: Vec<Pin<'a>>,
    pub graphics: Vec<Graphic<'a>>,
}

impl<'a> Symbol<'a> {
    /// Whether the symbol extends another one.
    pub fn is_derived(&self) -> bool {
        !self.extends.is_empty()
    }

    /// The value of the first property called `key`, or `""`.
    pub fn property(&self, key: &str) -> &str {
        self.properties
            .iter()
            .find(|p| p.key == key)
            .map_or("", |p| &p.value)
    }

    /// `Reference`.
    pub fn reference_prefix(&self) -> &str {
        self.property("Reference")
    }

    /// `Value`.
    pub fn value(&self) -> &str {
        self.property("Value")
    }

    /// `Footprint`.
    pub fn footprint(&self) -> &str {
        self.property("Footprint")
    }

    /// `Datasheet`.
    pub fn datasheet(&self) -> &str {
        self.property("Datasheet")
    }

    /// `Description`, else KiCad 6's `ki_description`.
    pub fn description(&self) -> &str {
        if self.properties.iter().any(|p| p.key == "Description") {
            self.property("Description")
        } else {
            self.property("ki_description")
        }
    }

    /// `ki_keywords`, split on ASCII whitespace.
    pub fn keywords(&self) -> impl Iterator<Item = &str> {
        self.property("ki_keywords").split_ascii_whitespace()
    }

    /// `ki_fp_filters`, split on ASCII whitespace.
    pub fn footprint_filters(&self) -> impl Iterator<Item = &str> {
        self.property("ki_fp_filters").split_ascii_whitespace()
    }

    /// A copy that borrows nothing.
    pub fn into_owned(self) -> Symbol<'static> {
        fn own(c: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        Symbol {
            name: own(self.name),
            extends: own(self.extends),
            flags: self.flags,
            pin_name_offset: self.pin_name_offset,
            unit_count: self.unit_count,
            body_style_count: self.body_style_count,
            unit_names: self
                .unit_names
                .into_iter()
                .map(|(u, n)| (u, own(n)))
                .collect(),
            properties: self
                .properties
                .into_iter()
                .map(|p| Property {
                    key: own(p.key),
                    value: own(p.value),
                    hidden: p.hidden,
                })
                .collect(),
            pins: self
                .pins
                .into_iter()
                .map(|p| Pin {
                    number: own(p.number),
                    name: own(p.name),
                    electrical_type: p.electrical_type,
                    style: p.style,
                    x: p.x,
                    y: p.y,
                    rotation: p.rotation,
                    length: p.length,
                    unit: p.unit,
                    body_style: p.body_style,
                    hidden: p.hidden,
                    alternates: p
                        .alternates
                        .into_iter()
                        .map(|a| Alternate {
                            name: own(a.name),
                            electrical_type: a.electrical_type,
                            style: a.style,
                        })
                        .collect(),
                })
                .collect(),
            graphics: self
                .graphics
                .into_iter()
                .map(|g| match g {
                    Graphic::FileRange(r) => Graphic::FileRange(r),
                    Graphic::Inline(t) => Graphic::Inline(own(t)),
                })
                .collect(),
        }
    }
}
