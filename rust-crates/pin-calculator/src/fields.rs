//! Field texts: their boxes, and where Reference and Value go beside a placed unit.

use crate::error::PinError;
use crate::geometry::PlacedPin;
use crate::rect::{Bounds, Rect};
use crate::text::{self, HAlign, TextStyle, VAlign};
use crate::transform::{Placement, Rotation};

/// The box a text drawn at `(x, y)` with `style` occupies on the sheet.
///
/// # Errors
/// A box reaching outside KiCad's coordinate range.
pub fn text_box(text: &str, x: i32, y: i32, style: &TextStyle) -> Result<Rect, PinError> {
    let mut b = text::relative_box(text, style);
    shift(&mut b, x, y);
    b.to_rect().ok_or_else(|| {
        PinError::new(format!(
            "a text at ({x}, {y}) reaches outside KiCad's coordinate range"
        ))
    })
}

fn shift(b: &mut Bounds, x: i32, y: i32) {
    b.min_x += i64::from(x);
    b.max_x += i64::from(x);
    b.min_y += i64::from(y);
    b.max_y += i64::from(y);
}

/// One field as drawn, and as the schematic file must say it so that eeschema draws it so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldPlacement {
    /// The anchor, in sheet IU; the file's `(at X Y …)` of the property.
    pub x: i32,
    pub y: i32,
    /// As drawn: always horizontal.
    pub h: HAlign,
    pub v: VAlign,
    pub bbox: Rect,
    /// What the file says, `(at X Y ANGLE)` and `(justify …)`: eeschema turns a placed
    /// symbol's field text with the symbol, so these are the drawn ones taken back through the
    /// symbol's transform.
    pub file_angle: Rotation,
    pub file_h: HAlign,
    pub file_v: VAlign,
}

/// Reference and Value beside a unit's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLayout {
    pub reference: FieldPlacement,
    pub value: FieldPlacement,
}

/// Where the two fields stand relative to the body box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Right,
    Above,
    Below,
    Left,
    /// Above the box's top right corner: every side has pins, and no pin's wire stub crosses a
    /// corner region.
    Corner,
}

/// Places Reference above Value beside `body` (a placed unit's body box, which holds its pin
/// lines), on the first side of right, top, bottom, left that no shown pin leaves from; when
/// every side has pins, off the top right corner. The text boxes never touch the body box nor
/// each other. `size` is the text size in IU. `reference` is the text as KiCad shows it: for a
/// symbol of several units that is the reference with its unit letter (`U1A`).
///
/// # Errors
/// A field reaching outside KiCad's coordinate range.
pub fn place_fields(
    body: &Rect,
    pins: &[PlacedPin<'_>],
    placement: &Placement,
    reference: &str,
    value: &str,
    size: i32,
) -> Result<FieldLayout, PinError> {
    let (mut right, mut top, mut bottom, mut left) = (false, false, false, false);
    for p in pins.iter().filter(|p| !p.hidden) {
        match (p.dx, p.dy) {
            (1, _) => right = true,
            (-1, _) => left = true,
            (_, -1) => top = true,
            _ => bottom = true,
        }
    }
    let side = if !right {
        Side::Right
    } else if !top {
        Side::Above
    } else if !bottom {
        Side::Below
    } else if !left {
        Side::Left
    } else {
        Side::Corner
    };
    let gap = i64::from(size).abs() / 2;
    let (h, v) = match side {
        Side::Right | Side::Corner => (HAlign::Left, VAlign::Center),
        Side::Left => (HAlign::Right, VAlign::Center),
        Side::Above | Side::Below => (HAlign::Center, VAlign::Center),
    };
    let style = TextStyle {
        size_x: size,
        size_y: size,
        angle: Rotation::R0,
        h,
        v,
    };
    let rb = text::relative_box(reference, &style);
    let vb = text::relative_box(value, &style);
    let (min_x, min_y, max_x, max_y) = (
        i64::from(body.min_x),
        i64::from(body.min_y),
        i64::from(body.max_x),
        i64::from(body.max_y),
    );
    let cx = (min_x + max_x).div_euclid(2);
    let cy = (min_y + max_y).div_euclid(2);
    let ((rx, ry), (vx, vy)) = match side {
        Side::Right | Side::Left => {
            let x = if side == Side::Right {
                max_x + gap
            } else {
                min_x - gap
            };
            let half = gap.div_euclid(2);
            ((x, cy - half - rb.max_y), (x, cy + half - vb.min_y))
        }
        Side::Above | Side::Corner => {
            let x = if side == Side::Above { cx } else { max_x + gap };
            let vy = min_y - gap - vb.max_y;
            let ry = vy + vb.min_y - gap - rb.max_y;
            ((x, ry), (x, vy))
        }
        Side::Below => {
            let ry = max_y + gap - rb.min_y;
            let vy = ry + rb.max_y + gap - vb.min_y;
            ((cx, ry), (cx, vy))
        }
    };
    Ok(FieldLayout {
        reference: field(reference, &style, rx, ry, placement)?,
        value: field(value, &style, vx, vy, placement)?,
    })
}

/// One field drawn with `style` at `(x, y)` on a symbol placed by `placement`, and the angle and
/// justification the file must say so that eeschema draws it so (the file form of
/// [`place_fields`]). The schematic writer places power symbols' values with it.
///
/// # Errors
/// A field reaching outside KiCad's coordinate range.
pub fn place_field(
    text: &str,
    style: &TextStyle,
    x: i32,
    y: i32,
    placement: &Placement,
) -> Result<FieldPlacement, PinError> {
    field(text, style, i64::from(x), i64::from(y), placement)
}

fn field(
    text: &str,
    style: &TextStyle,
    x: i64,
    y: i64,
    placement: &Placement,
) -> Result<FieldPlacement, PinError> {
    let range = || {
        PinError::new(format!(
            "a field at ({x}, {y}) reaches outside KiCad's coordinate range"
        ))
    };
    let (xi, yi) = (
        i32::try_from(x).map_err(|_| range())?,
        i32::try_from(y).map_err(|_| range())?,
    );
    let measured = text::measure(text);
    let relative = text::measured_box(&measured, style);
    let mut b = relative;
    shift(&mut b, xi, yi);
    let bbox = b.to_rect().ok_or_else(range)?;
    let (file_angle, file_h, file_v) = file_form(&measured, style, &relative, placement);
    Ok(FieldPlacement {
        x: xi,
        y: yi,
        h: style.h,
        v: style.v,
        bbox,
        file_angle,
        file_h,
        file_v,
    })
}

/// The stored angle and justification whose box, turned by the symbol's matrix as eeschema
/// turns a placed symbol's fields (`SCH_FIELD::GetBoundingBox`), is the drawn box. Candidates
/// in a fixed order (angle 0 then 90; left, center, right; top, center, bottom); the first that
/// fits wins.
fn file_form(
    measured: &text::Measure,
    drawn: &TextStyle,
    drawn_box: &Bounds,
    placement: &Placement,
) -> (Rotation, HAlign, VAlign) {
    let [x1, y1, x2, y2] = placement.matrix().map(i64::from);
    for angle in [Rotation::R0, Rotation::R90] {
        for h in HAlign::ALL {
            for v in VAlign::ALL {
                let style = TextStyle {
                    angle,
                    h,
                    v,
                    ..*drawn
                };
                let c = text::measured_box(measured, &style);
                let (ax, ay) = (x1 * c.min_x + y1 * c.min_y, x2 * c.min_x + y2 * c.min_y);
                let (bx, by) = (x1 * c.max_x + y1 * c.max_y, x2 * c.max_x + y2 * c.max_y);
                if Bounds::of(ax, ay, bx, by) == *drawn_box {
                    return (angle, h, v);
                }
            }
        }
    }
    unreachable!("every right-angle transform maps some text box onto the drawn one")
}
