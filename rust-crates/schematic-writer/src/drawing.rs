//! The drawing of one sheet file while it is planned: items (placed units, sheet symbols, power
//! flags) with their connection points, and the pieces those points form. Geometry is IU
//! relative to each item's anchor until the layout gives anchors. The Java twin is
//! `io.circuitsynth.schematic.Drawing`.

use circuitsynth_pin_calculator::{FieldLayout, FieldPlacement, PlacedPin, Rect, Rotation};
use circuitsynth_symbol_cache::{ElectricalType, Symbol};

use circuitsynth_pin_calculator::SymbolGeometry;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemKind {
    Unit,
    Sheet,
    Flag,
}

/// How a connection point is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Draw {
    Nc,
    Label,
    Hier,
    Power,
    Global,
}

/// A symbol used by the design, ready to place and embed.
pub(crate) struct PartSymbol {
    /// `LIB:NAME` in the schematic.
    pub lib_id: String,
    /// Where its text comes from: library nickname and symbol name.
    pub lib: String,
    pub name: String,
    pub symbol: Symbol<'static>,
    pub geometry: SymbolGeometry,
}

/// A placed unit's pins (owned) and body box.
pub(crate) struct Placed {
    pub pins: Vec<OwnedPin>,
    pub body: Rect,
}

pub(crate) struct OwnedPin {
    pub number: String,
    pub x: i32,
    pub y: i32,
    pub dx: i32,
    pub dy: i32,
    pub hidden: bool,
}

impl Placed {
    pub fn of(pins: &[PlacedPin<'_>], body: Rect) -> Placed {
        Placed {
            pins: pins
                .iter()
                .map(|p| OwnedPin {
                    number: p.number.to_string(),
                    x: p.x,
                    y: p.y,
                    dx: p.dx,
                    dy: p.dy,
                    hidden: p.hidden,
                })
                .collect(),
            body,
        }
    }
}

/// A power symbol drawn at a connection point.
pub(crate) struct Power {
    /// Index into the writer's library symbols.
    pub symbol: usize,
    pub value: String,
    pub rotation: Rotation,
    /// The symbol's pin point (the stub's far end), relative to the item.
    pub x: i32,
    pub y: i32,
    pub body: Rect,
    pub value_field: FieldPlacement,
    pub uuid: String,
    /// `#PWR…` per sheet instance of the file, in instance order.
    pub references: Vec<String>,
}

/// A connection point: a unit's pin, a sheet pin, a power flag's pin.
pub(crate) struct Member {
    /// The pin number, or the sheet pin's text.
    pub pin: String,
    #[allow(dead_code)]
    pub electrical_type: ElectricalType,
    pub x: i32,
    pub y: i32,
    pub dx: i32,
    pub dy: i32,
    /// The net in each sheet instance of the file (index into the netlist's nets, or -1).
    pub key: Vec<i64>,
    pub piece: usize,
    pub draw: Draw,
    pub stub: i32,
    pub text: String,
    pub power: Option<Power>,
    pub label_box: Option<Rect>,
}

/// Where a part symbol comes from: a part's, or one of the writer's own (power symbols, flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SymbolRef {
    Part(usize),
    Library(usize),
}

/// A box placed as one: a unit with its fields and annotations, a sheet symbol, a flag.
pub(crate) struct Item {
    pub kind: ItemKind,
    /// Unit: the component's index in its definition; sheet: the instance's index; flag: the net.
    pub index: usize,
    pub unit: u32,
    pub symbol: Option<SymbolRef>,
    pub placed: Option<Placed>,
    pub fields: Option<FieldLayout>,
    pub value_field: Option<FieldPlacement>,
    pub rotation: Rotation,
    pub uuid: String,
    pub width: i32,
    pub height: i32,
    pub sheet_name: String,
    pub sheet_file: String,
    pub name_field: Option<FieldPlacement>,
    pub file_field: Option<FieldPlacement>,
    pub members: Vec<Member>,
    /// Drawn boxes (body, fields, labels, power symbols), relative to the anchor.
    pub boxes: Vec<Rect>,
    pub min_x: i32,
    pub min_y: i32,
    pub max_x: i32,
    pub max_y: i32,
    pub x: i32,
    pub y: i32,
    /// Flags: the PWR_FLAG's references, per sheet instance.
    pub references: Vec<String>,
}

impl Item {
    pub fn new(kind: ItemKind, index: usize) -> Item {
        Item {
            kind,
            index,
            unit: 1,
            symbol: None,
            placed: None,
            fields: None,
            value_field: None,
            rotation: Rotation::R0,
            uuid: String::new(),
            width: 0,
            height: 0,
            sheet_name: String::new(),
            sheet_file: String::new(),
            name_field: None,
            file_field: None,
            members: Vec::new(),
            boxes: Vec::new(),
            min_x: 0,
            min_y: 0,
            max_x: 0,
            max_y: 0,
            x: 0,
            y: 0,
            references: Vec::new(),
        }
    }
}

/// The connection points of one net of the file: (item, member) pairs.
pub(crate) struct Piece {
    pub key: Vec<i64>,
    pub members: Vec<(usize, usize)>,
    /// The port this piece leaves the sheet through, or none.
    pub port: Option<String>,
    pub rail: bool,
    pub text: Option<String>,
    pub draw: Draw,
}
