//! The box a text occupies in KiCad's default stroke font, approximated from the font's own
//! advances (measured on KiCad 9.0.8's output; the rules are in `conformance/pins/README.md`).

use crate::rect::Bounds;
use crate::transform::Rotation;

/// Horizontal justification, in the text's own frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

impl HAlign {
    pub const ALL: [HAlign; 3] = [HAlign::Left, HAlign::Center, HAlign::Right];

    pub fn keyword(self) -> &'static str {
        match self {
            HAlign::Left => "left",
            HAlign::Center => "center",
            HAlign::Right => "right",
        }
    }

    pub fn from_keyword(keyword: &str) -> Option<Self> {
        HAlign::ALL.into_iter().find(|h| h.keyword() == keyword)
    }
}

/// Vertical justification, in the text's own frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VAlign {
    Top,
    Center,
    Bottom,
}

impl VAlign {
    pub const ALL: [VAlign; 3] = [VAlign::Top, VAlign::Center, VAlign::Bottom];

    pub fn keyword(self) -> &'static str {
        match self {
            VAlign::Top => "top",
            VAlign::Center => "center",
            VAlign::Bottom => "bottom",
        }
    }

    pub fn from_keyword(keyword: &str) -> Option<Self> {
        VAlign::ALL.into_iter().find(|v| v.keyword() == keyword)
    }
}

/// How a text is drawn: glyph size in IU (`size_x` the width KiCad scales advances by,
/// `size_y` the height), rotation and justification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextStyle {
    pub size_x: i32,
    pub size_y: i32,
    pub angle: Rotation,
    pub h: HAlign,
    pub v: VAlign,
}

impl TextStyle {
    /// KiCad's usual field text: 1.27 mm, centred, horizontal.
    pub fn new(size: i32) -> Self {
        TextStyle {
            size_x: size,
            size_y: size,
            angle: Rotation::R0,
            h: HAlign::Center,
            v: VAlign::Center,
        }
    }
}

/// Advances of the printable ASCII characters (U+0020 to U+007E), in 21sts of the glyph width,
/// as KiCad 9's newstroke font spaces them.
const ASCII_ADVANCE: [u8; 95] = [
    16, 10, 16, 21, 20, 24, 26, 10, 14, 14, 16, 26, 10, 26, 10, 22, // space to /
    20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 10, 10, 26, 26, 26, 18, // 0 to ?
    27, 18, 21, 21, 21, 19, 18, 21, 22, 10, 16, 21, 17, 24, 22, 22, // @ to O
    21, 22, 21, 20, 16, 22, 18, 24, 20, 18, 20, 14, 14, 14, 12, 16, // P to _
    8, 19, 19, 18, 19, 18, 12, 19, 19, 10, 10, 17, 11, 28, 19, 19, // ` to o
    19, 19, 13, 17, 12, 19, 16, 22, 17, 16, 17, 14, 20, 14, 15, // p to ~
];

/// Advance of any other character: the widest glyph measured (CJK), so the box errs on the
/// large side.
const OTHER_ADVANCE: u32 = 31;

fn advance(c: char) -> u32 {
    match c {
        ' '..='~' => u32::from(ASCII_ADVANCE[c as usize - 0x20]),
        '\u{00B0}' => 16,              // degree sign
        '\u{00B1}' => 26,              // plus-minus
        '\u{00B5}' | '\u{03BC}' => 22, // micro sign, Greek mu
        '\u{03A9}' => 24,              // Greek capital omega
        c if c < ' ' => 0,
        _ => OTHER_ADVANCE,
    }
}

/// Total advance of one line, in 21sts of the glyph width. KiCad's markup `~{…}`, `_{…}` and
/// `^{…}` draws its content (overbar, subscript, superscript) and not the braces or the marker.
fn line_units(line: &str) -> u64 {
    let mut units = 0u64;
    let mut open = 0u32;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '~' | '_' | '^') && chars.peek() == Some(&'{') {
            chars.next();
            open += 1;
        } else if c == '}' && open > 0 {
            open -= 1;
        } else {
            units += u64::from(advance(c));
        }
    }
    units
}

/// What the box needs of a text: its widest line in 21sts of the glyph width, and its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Measure {
    units: i64,
    lines: i64,
}

pub(crate) fn measure(text: &str) -> Measure {
    // KiCad shows "~" alone as an empty text (its old spelling of an empty field).
    let text = if text == "~" { "" } else { text };
    let mut lines = 0i64;
    let mut widest = 0u64;
    for line in text.split('\n') {
        lines += 1;
        widest = widest.max(line_units(line));
    }
    // The caps only keep absurd texts from overflowing; whatever they cut is far outside the
    // coordinate range and reported as such.
    Measure {
        units: i64::try_from(widest.min(1 << 31)).unwrap_or(1 << 31),
        lines: lines.min(1 << 24),
    }
}

/// The text box relative to its anchor, in the text's own frame before rotation (Y down).
fn unrotated(m: &Measure, size_x: i64, size_y: i64, h: HAlign, v: VAlign) -> Bounds {
    let width = ceil_div(m.units * size_x, 21);
    let pitch = ceil_div(size_y * 161, 100);
    let extra = (m.lines - 1) * pitch;
    let above = ceil_div(size_y, 5);
    let below = ceil_div(size_y * 13, 10);
    let centre = ceil_div(size_y * 3, 4);
    let (x0, x1) = match h {
        HAlign::Left => (0, width),
        HAlign::Center => (-ceil_div(width, 2), ceil_div(width, 2)),
        HAlign::Right => (-width, 0),
    };
    let (y0, y1) = match v {
        VAlign::Top => (-above, below + extra),
        VAlign::Center => {
            let half = centre + ceil_div(extra, 2);
            (-half, half)
        }
        VAlign::Bottom => (-(below + extra), above),
    };
    Bounds::of(x0, y0, x1, y1)
}

/// `ceil(a / b)` for `b > 0`.
pub(crate) fn ceil_div(a: i64, b: i64) -> i64 {
    a.div_euclid(b) + i64::from(a.rem_euclid(b) != 0)
}

/// A point of the text frame turned by a right angle, counter-clockwise on screen (Y down).
fn turn(rotation: Rotation, x: i64, y: i64) -> (i64, i64) {
    match rotation {
        Rotation::R0 => (x, y),
        Rotation::R90 => (y, -x),
        Rotation::R180 => (-x, -y),
        Rotation::R270 => (-y, x),
    }
}

/// The text box relative to its anchor, turned by a right angle.
pub(crate) fn relative_box(text: &str, style: &TextStyle) -> Bounds {
    measured_box(&measure(text), style)
}

/// [`relative_box`] of a text already measured.
pub(crate) fn measured_box(m: &Measure, style: &TextStyle) -> Bounds {
    let b = unrotated(
        m,
        i64::from(style.size_x).abs(),
        i64::from(style.size_y).abs(),
        style.h,
        style.v,
    );
    let (ax, ay) = turn(style.angle, b.min_x, b.min_y);
    let (bx, by) = turn(style.angle, b.max_x, b.max_y);
    Bounds::of(ax, ay, bx, by)
}

/// A library text's box relative to its anchor for any angle in tenths of a degree; angles off
/// the right angles get the square that holds the text at every angle, so no trigonometry
/// (which Java and Rust round differently) is involved.
pub(crate) fn relative_box_tenths(
    text: &str,
    size_x: i64,
    size_y: i64,
    tenths: i64,
    h: HAlign,
    v: VAlign,
) -> Bounds {
    let b = unrotated(&measure(text), size_x.abs(), size_y.abs(), h, v);
    let rotation = match tenths.rem_euclid(3600) {
        0 => Some(Rotation::R0),
        900 => Some(Rotation::R90),
        1800 => Some(Rotation::R180),
        2700 => Some(Rotation::R270),
        _ => None,
    };
    match rotation {
        Some(r) => {
            let (ax, ay) = turn(r, b.min_x, b.min_y);
            let (bx, by) = turn(r, b.max_x, b.max_y);
            Bounds::of(ax, ay, bx, by)
        }
        None => {
            let far_x = b.min_x.abs().max(b.max_x.abs()) as f64;
            let far_y = b.min_y.abs().max(b.max_y.abs()) as f64;
            let r = (far_x * far_x + far_y * far_y).sqrt().ceil() as i64;
            Bounds::of(-r, -r, r, r)
        }
    }
}
