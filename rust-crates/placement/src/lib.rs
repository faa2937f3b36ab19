//! The `placement` stage of CircuitSynth: where each part of one schematic sheet goes.
//!
//! **For:** one sheet at a time, a list of items (a symbol with its fields, wire stubs, labels and
//! power symbols already folded into one axis-aligned bounding box around its anchor), their pins
//! and the nets those pins are on. Out come anchor positions on the 1.27 mm grid, the smallest
//! landscape page from A4 to A0 that holds them beside KiCad's title block, and layout-quality
//! metrics. Force-directed placement (pins pull toward their nets, decoupling capacitors toward
//! the IC pin they serve, boxes push each other apart) followed by a snap to the grid and an
//! integer legalization pass that leaves at least one grid step between any two boxes.
//!
//! **Not for:** deciding what goes on which sheet, drawing anything, or measuring text: the
//! schematic writer does those and hands over boxes. Items are never rotated (rotation 0): the
//! writer's boxes include horizontal field text, which does not rotate with a symbol.
//!
//! Everything follows `conformance/placement/README.md` to the bit, like the Java engine
//! (`io.circuitsynth.placement`); the vectors there are run by `tests/conformance.rs`. Floating
//! point is used only inside the force loop, with the same operation order as the Java engine and
//! only `+ - * /` and `sqrt`, so both engines agree exactly.
//!
//! ```
//! use circuitsynth_placement::{place, Item, NetKind, Pin, Sheet, GRID};
//!
//! // A resistor whose right pin meets a capacitor's left pin on net 0.
//! let r = Item::new(-3 * GRID, -GRID, 3 * GRID, GRID)
//!     .pin(Pin::new(-3 * GRID, 0, -1))
//!     .pin(Pin::new(3 * GRID, 0, 0));
//! let c = Item::new(-3 * GRID, -GRID, 3 * GRID, GRID)
//!     .pin(Pin::new(-3 * GRID, 0, 0))
//!     .pin(Pin::new(3 * GRID, 0, -1));
//! let sheet = Sheet { items: vec![r, c], nets: vec![NetKind::Signal] };
//! let layout = place(&sheet).expect("a valid sheet");
//! assert_eq!(layout.page.name(), "A4");
//! assert_eq!(layout.metrics.overlaps, 0);
//! assert!(layout.positions.iter().all(|&(x, y)| x % GRID == 0 && y % GRID == 0));
//! ```

mod flat;
mod placer;
pub mod synthetic;
pub mod text;

pub use flat::{decode_sheet, encode_layout};
pub use placer::place;

/// The schematic grid, 1.27 mm in KiCad units (1 IU = 100 nm). Every output anchor is a multiple.
pub const GRID: i64 = 12_700;

/// The largest magnitude of any input coordinate (box corner, pin offset, fixed position): 2 m.
pub const COORDINATE_LIMIT: i64 = 20_000_000;

/// How a net takes part in the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NetKind {
    /// An ordinary net: its pins pull toward each other.
    Signal,
    /// A supply rail drawn with a power symbol at every pin: it pulls nothing together, but a
    /// decoupling capacitor on it is drawn toward the IC pin on the same rail.
    Power,
    /// A ground rail: like `Power`, except that a capacitor between a rail and ground is placed
    /// by its rail pin.
    Ground,
    /// A net with very many pins (a bus enable, a reset line): it pulls weakly.
    Large,
}

impl NetKind {
    /// The code used by the flat encoding and the vector text: 0 signal, 1 power, 2 ground,
    /// 3 large.
    pub fn code(self) -> i32 {
        match self {
            NetKind::Signal => 0,
            NetKind::Power => 1,
            NetKind::Ground => 2,
            NetKind::Large => 3,
        }
    }

    pub fn from_code(code: i32) -> Option<NetKind> {
        match code {
            0 => Some(NetKind::Signal),
            1 => Some(NetKind::Power),
            2 => Some(NetKind::Ground),
            3 => Some(NetKind::Large),
            _ => None,
        }
    }

    /// Drawn with power symbols rather than wires or labels.
    pub fn is_supply(self) -> bool {
        matches!(self, NetKind::Power | NetKind::Ground)
    }
}

/// A pin: its offset from the item's anchor (sheet orientation, y down) and its net, or -1 for
/// an unconnected pin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pin {
    pub dx: i64,
    pub dy: i64,
    pub net: i32,
}

impl Pin {
    pub fn new(dx: i64, dy: i64, net: i32) -> Pin {
        Pin { dx, dy, net }
    }
}

/// One thing to place: a bounding box relative to its anchor that already includes the symbol's
/// fields, wire stubs, labels and power symbols, and its pins.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Item {
    pub min_x: i64,
    pub min_y: i64,
    pub max_x: i64,
    pub max_y: i64,
    pub pins: Vec<Pin>,
    /// A position that does not move relative to the other fixed items (on the grid).
    pub fixed: Option<(i64, i64)>,
    /// How many wire stubs and labels the writer draws for this item, summed by the metrics.
    pub stubs: i64,
    pub labels: i64,
}

impl Item {
    pub fn new(min_x: i64, min_y: i64, max_x: i64, max_y: i64) -> Item {
        Item {
            min_x,
            min_y,
            max_x,
            max_y,
            pins: Vec::new(),
            fixed: None,
            stubs: 0,
            labels: 0,
        }
    }

    pub fn pin(mut self, pin: Pin) -> Item {
        self.pins.push(pin);
        self
    }

    pub fn fixed_at(mut self, x: i64, y: i64) -> Item {
        self.fixed = Some((x, y));
        self
    }

    pub fn annotations(mut self, stubs: i64, labels: i64) -> Item {
        self.stubs = stubs;
        self.labels = labels;
        self
    }
}

/// One sheet's input: the items and the kind of every net (pins name nets by index).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sheet {
    pub items: Vec<Item>,
    pub nets: Vec<NetKind>,
}

/// The landscape ISO pages KiCad offers, smallest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageSize {
    A4,
    A3,
    A2,
    A1,
    A0,
}

impl PageSize {
    pub const ALL: [PageSize; 5] = [
        PageSize::A4,
        PageSize::A3,
        PageSize::A2,
        PageSize::A1,
        PageSize::A0,
    ];

    /// The name KiCad writes in `(paper "A4")`.
    pub fn name(self) -> &'static str {
        match self {
            PageSize::A4 => "A4",
            PageSize::A3 => "A3",
            PageSize::A2 => "A2",
            PageSize::A1 => "A1",
            PageSize::A0 => "A0",
        }
    }

    /// Landscape width in IU, as KiCad's page table gives it.
    pub fn width(self) -> i64 {
        match self {
            PageSize::A4 => 2_970_000,
            PageSize::A3 => 4_200_000,
            PageSize::A2 => 5_940_000,
            PageSize::A1 => 8_410_000,
            PageSize::A0 => 11_890_000,
        }
    }

    pub fn height(self) -> i64 {
        match self {
            PageSize::A4 => 2_100_000,
            PageSize::A3 => 2_970_000,
            PageSize::A2 => 4_200_000,
            PageSize::A1 => 5_940_000,
            PageSize::A0 => 8_410_000,
        }
    }

    pub fn index(self) -> i64 {
        self as i64
    }
}

/// Layout-quality measures of a placed sheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Metrics {
    /// Pairs of items whose boxes share interior points; always 0 for a returned layout.
    pub overlaps: i64,
    /// The sum of the items' stub and label counts.
    pub stubs: i64,
    pub labels: i64,
    /// The bounding box of every item's box, in IU.
    pub width: i64,
    pub height: i64,
    /// `width * height`, in IU² (1 mm² = 10^8 IU²).
    pub area: i64,
    /// Signal nets' pins joined by a minimum Manhattan spanning tree: its edge count and length.
    pub wire_edges: i64,
    pub wire_length: i64,
    /// `wire_length / wire_edges` rounded down, 0 without edges: the mean distance between
    /// connected pins.
    pub mean_wire: i64,
    /// Decoupling capacitors (and other two-pin parts between supplies) tied to a host IC pin:
    /// how many ties, and their mean Manhattan length.
    pub guest_edges: i64,
    pub mean_guest: i64,
}

/// A placed sheet: every item's anchor (page coordinates, IU, on the grid), the page and the
/// metrics. Rotation is always 0.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Layout {
    pub positions: Vec<(i64, i64)>,
    pub page: PageSize,
    pub metrics: Metrics,
}

/// Bad input, with the specification's one-line message saying what, where and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementError {
    pub message: String,
}

impl PlacementError {
    pub(crate) fn new(message: String) -> PlacementError {
        PlacementError { message }
    }
}

impl std::fmt::Display for PlacementError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PlacementError {}
