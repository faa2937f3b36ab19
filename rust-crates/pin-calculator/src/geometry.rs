//! [`SymbolGeometry`]: a symbol read once for placing many times.

use circuitsynth_symbol_cache::{ElectricalType, Graphic, Symbol};

use crate::error::PinError;
use crate::graphics::{self, Item};
use crate::rect::{Bounds, Rect};
use crate::transform::{self, Placement};

/// One pin as the calculator keeps it: library coordinates, Y up as in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryPin {
    pub number: String,
    pub name: String,
    pub electrical_type: ElectricalType,
    pub hidden: bool,
    pub x: i32,
    pub y: i32,
    pub rotation: u16,
    pub length: i32,
    pub unit: u32,
    pub body_style: u32,
}

impl LibraryPin {
    /// The Y-up vector from the connection point towards the body (KiCad's pin orientation).
    fn inward(&self) -> (i64, i64) {
        match self.rotation {
            90 => (0, 1),
            180 => (-1, 0),
            270 => (0, -1),
            _ => (1, 0),
        }
    }
}

/// A pin on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacedPin<'g> {
    /// Index into [`SymbolGeometry::pins`] (and the symbol's pins: same order).
    pub index: usize,
    pub number: &'g str,
    pub name: &'g str,
    pub electrical_type: ElectricalType,
    pub hidden: bool,
    /// The connection point: the pin's end away from the body, where a wire attaches.
    pub x: i32,
    pub y: i32,
    /// Unit vector from the body to the connection point, in sheet axes (Y down): the way a
    /// wire stub leaves.
    pub dx: i32,
    pub dy: i32,
}

/// One placed unit: its pins in library order and its body box, both in sheet coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedUnit<'g> {
    pub pins: Vec<PlacedPin<'g>>,
    pub body: Rect,
}

/// Pins and body box of one (unit, body style), in library space.
#[derive(Debug, Clone)]
struct UnitShape {
    pins: Vec<u32>,
    /// Y down; `None` when the unit draws nothing.
    body: Option<Bounds>,
}

/// A symbol prepared for placement: its pins and, per unit and body style, which pins it draws
/// and the library-space box of its body. Building one reads the symbol's drawings; placing is
/// then a handful of integer operations per pin.
#[derive(Debug, Clone)]
pub struct SymbolGeometry {
    name: String,
    unit_count: u32,
    body_style_count: u32,
    pins: Vec<LibraryPin>,
    /// `(unit - 1) * body_style_count + (body_style - 1)`.
    shapes: Vec<UnitShape>,
}

impl SymbolGeometry {
    /// Prepares `symbol`, whose sub-symbol lists are `graphics` (the exact text of each, in the
    /// symbol's order: see [`graphics_texts`]).
    ///
    /// # Errors
    /// A sub-symbol that does not read (specification: "Reading the drawings").
    pub fn new(symbol: &Symbol<'_>, graphics: &[&[u8]]) -> Result<Self, PinError> {
        let name = symbol.name.to_string();
        let mut items = Vec::new();
        for (i, text) in graphics.iter().enumerate() {
            graphics::read_sub_symbol(&name, i + 1, text, &mut items)?;
        }
        let pins: Vec<LibraryPin> = symbol
            .pins
            .iter()
            .map(|p| LibraryPin {
                number: p.number.to_string(),
                name: p.name.to_string(),
                electrical_type: p.electrical_type,
                hidden: p.hidden,
                x: p.x,
                y: p.y,
                rotation: p.rotation,
                length: p.length,
                unit: p.unit,
                body_style: p.body_style,
            })
            .collect();
        let unit_count = symbol.unit_count.max(1);
        let body_style_count = symbol.body_style_count.max(1);
        let mut shapes = Vec::with_capacity((unit_count * body_style_count) as usize);
        for unit in 1..=unit_count {
            for body_style in 1..=body_style_count {
                shapes.push(shape(&pins, &items, unit, body_style));
            }
        }
        Ok(SymbolGeometry {
            name,
            unit_count,
            body_style_count,
            pins,
            shapes,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn unit_count(&self) -> u32 {
        self.unit_count
    }

    pub fn body_style_count(&self) -> u32 {
        self.body_style_count
    }

    /// Every pin of the symbol, in library order.
    pub fn pins(&self) -> &[LibraryPin] {
        &self.pins
    }

    /// The pins and body box of `unit` with `body_style` placed by `placement`.
    ///
    /// # Errors
    /// A unit or body style the symbol does not have, or a result outside KiCad's coordinate
    /// range.
    pub fn place(
        &self,
        unit: u32,
        body_style: u32,
        placement: &Placement,
    ) -> Result<PlacedUnit<'_>, PinError> {
        let mut pins = Vec::new();
        let body = self.place_into(unit, body_style, placement, &mut pins)?;
        Ok(PlacedUnit { pins, body })
    }

    /// [`place`](Self::place) into a caller's buffer (cleared first), returning the body box:
    /// no allocation once the buffer has grown.
    ///
    /// # Errors
    /// As [`place`](Self::place).
    pub fn place_into<'g>(
        &'g self,
        unit: u32,
        body_style: u32,
        placement: &Placement,
        out: &mut Vec<PlacedPin<'g>>,
    ) -> Result<Rect, PinError> {
        out.clear();
        let shape = self.shape(unit, body_style)?;
        let m = placement.wide_matrix();
        for &i in &shape.pins {
            let pin = &self.pins[i as usize];
            let (x, y) = placement.apply(&m, i64::from(pin.x), i64::from(pin.y));
            let (ix, iy) = pin.inward();
            let (dx, dy) = transform::turn(&m, -ix, -iy);
            let (Ok(x), Ok(y)) = (i32::try_from(x), i32::try_from(y)) else {
                return Err(self.out_of_range(placement));
            };
            out.push(PlacedPin {
                index: i as usize,
                number: &pin.number,
                name: &pin.name,
                electrical_type: pin.electrical_type,
                hidden: pin.hidden,
                x,
                y,
                dx: dx as i32,
                dy: dy as i32,
            });
        }
        let body = match shape.body {
            Some(b) => {
                // The Y-down box goes through the matrix as its two corners (the file's Y up
                // is already undone, so `to_sheet` gets them back in file form).
                let (x0, y0) = placement.apply(&m, b.min_x, -b.min_y);
                let (x1, y1) = placement.apply(&m, b.max_x, -b.max_y);
                Bounds::of(x0, y0, x1, y1)
            }
            None => Bounds::point(i64::from(placement.x), i64::from(placement.y)),
        };
        body.to_rect().ok_or_else(|| self.out_of_range(placement))
    }

    fn shape(&self, unit: u32, body_style: u32) -> Result<&UnitShape, PinError> {
        if unit < 1 || unit > self.unit_count {
            return Err(PinError::new(format!(
                "unit {unit} of symbol {} does not exist; the symbol has units 1 to {}",
                self.name, self.unit_count
            )));
        }
        if body_style < 1 || body_style > self.body_style_count {
            return Err(PinError::new(format!(
                "body style {body_style} of symbol {} does not exist; the symbol has body styles 1 to {}",
                self.name, self.body_style_count
            )));
        }
        let index = (unit - 1) * self.body_style_count + (body_style - 1);
        Ok(&self.shapes[index as usize])
    }

    fn out_of_range(&self, placement: &Placement) -> PinError {
        PinError::new(format!(
            "symbol {} placed at ({}, {}) reaches outside KiCad's coordinate range",
            self.name, placement.x, placement.y
        ))
    }
}

fn belongs(item_unit: u32, item_body: u32, unit: u32, body_style: u32) -> bool {
    (item_unit == 0 || item_unit == unit) && (item_body == 0 || item_body == body_style)
}

/// The pins and library-space body box of one unit and body style: every drawn item, and the
/// whole line of every shown pin.
fn shape(pins: &[LibraryPin], items: &[Item], unit: u32, body_style: u32) -> UnitShape {
    let mut body: Option<Bounds> = None;
    let mut grow = |b: Bounds| match body.as_mut() {
        Some(acc) => acc.merge(&b),
        None => body = Some(b),
    };
    for item in items {
        if belongs(item.unit, item.body_style, unit, body_style) {
            grow(item.bounds);
        }
    }
    let mut indexes = Vec::new();
    for (i, pin) in pins.iter().enumerate() {
        if !belongs(pin.unit, pin.body_style, unit, body_style) {
            continue;
        }
        indexes.push(i as u32);
        if !pin.hidden {
            let (ix, iy) = pin.inward();
            let (x, y) = (i64::from(pin.x), i64::from(pin.y));
            let length = i64::from(pin.length);
            grow(Bounds::of(x, -y, x + ix * length, -(y + iy * length)));
        }
    }
    UnitShape {
        pins: indexes,
        body,
    }
}

/// The text of each of `symbol`'s sub-symbol lists, `library` being the bytes its file ranges
/// point into (the file it was read from; ignored for inline graphics).
///
/// # Errors
/// A range outside `library`.
pub fn graphics_texts<'a>(
    symbol: &'a Symbol<'_>,
    library: &'a [u8],
) -> Result<Vec<&'a [u8]>, PinError> {
    symbol
        .graphics
        .iter()
        .map(|g| match g {
            Graphic::Inline(text) => Ok(text.as_bytes()),
            Graphic::FileRange(range) => usize::try_from(range.start)
                .ok()
                .zip(usize::try_from(range.end).ok())
                .and_then(|(s, e)| library.get(s..e))
                .ok_or_else(|| {
                    PinError::new(format!(
                        "symbol {}: its drawing lies outside the library bytes given ({}..{} of {})",
                        symbol.name,
                        range.start,
                        range.end,
                        library.len()
                    ))
                }),
        })
        .collect()
}
