//! The placement of a symbol on a sheet, composed exactly as eeschema composes it for
//! `(symbol … (at X Y ANGLE) (mirror x|y) …)`.

use std::fmt;

use crate::error::PinError;

/// A symbol's rotation on the sheet, counter-clockwise as seen on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rotation {
    R0,
    R90,
    R180,
    R270,
}

impl Rotation {
    /// Every rotation, in degree order.
    pub const ALL: [Rotation; 4] = [Rotation::R0, Rotation::R90, Rotation::R180, Rotation::R270];

    /// `Some` for 0, 90, 180 and 270 only.
    pub fn from_degrees(degrees: i32) -> Option<Self> {
        match degrees {
            0 => Some(Rotation::R0),
            90 => Some(Rotation::R90),
            180 => Some(Rotation::R180),
            270 => Some(Rotation::R270),
            _ => None,
        }
    }

    /// As [`from_degrees`](Self::from_degrees), with the specification's message.
    ///
    /// # Errors
    /// Any other angle.
    pub fn parse(degrees: i32) -> Result<Self, PinError> {
        Self::from_degrees(degrees).ok_or_else(|| {
            PinError::new(format!(
                "rotation must be 0, 90, 180 or 270, found {degrees}"
            ))
        })
    }

    pub fn degrees(self) -> i32 {
        match self {
            Rotation::R0 => 0,
            Rotation::R90 => 90,
            Rotation::R180 => 180,
            Rotation::R270 => 270,
        }
    }

    /// KiCad's `TRANSFORM` for `(at X Y ANGLE)`: `(x1, y1, x2, y2)` acting on Y-down points.
    fn matrix(self) -> [i32; 4] {
        match self {
            Rotation::R0 => [1, 0, 0, 1],
            Rotation::R90 => [0, 1, -1, 0],
            Rotation::R180 => [-1, 0, 0, -1],
            Rotation::R270 => [0, -1, 1, 0],
        }
    }
}

impl fmt::Display for Rotation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.degrees())
    }
}

/// `(mirror x)` flips the symbol top to bottom (about the X axis), `(mirror y)` left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mirror {
    None,
    X,
    Y,
}

impl Mirror {
    pub const ALL: [Mirror; 3] = [Mirror::None, Mirror::X, Mirror::Y];

    /// `none`, `x` or `y`.
    pub fn keyword(self) -> &'static str {
        match self {
            Mirror::None => "none",
            Mirror::X => "x",
            Mirror::Y => "y",
        }
    }

    pub fn from_keyword(keyword: &str) -> Option<Self> {
        Mirror::ALL.into_iter().find(|m| m.keyword() == keyword)
    }

    /// As [`from_keyword`](Self::from_keyword), with the specification's message.
    ///
    /// # Errors
    /// Any other word.
    pub fn parse(keyword: &str) -> Result<Self, PinError> {
        Self::from_keyword(keyword)
            .ok_or_else(|| PinError::new(format!("mirror must be none, x or y, found '{keyword}'")))
    }
}

impl fmt::Display for Mirror {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// Where and how a symbol sits on a sheet: its origin in sheet IU (Y down), rotation and mirror.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Placement {
    pub x: i32,
    pub y: i32,
    pub rotation: Rotation,
    pub mirror: Mirror,
}

impl Placement {
    pub fn new(x: i32, y: i32, rotation: Rotation, mirror: Mirror) -> Self {
        Placement {
            x,
            y,
            rotation,
            mirror,
        }
    }

    /// eeschema's `TRANSFORM` `(x1, y1, x2, y2)`: a Y-down library point `(u, v)` lands at
    /// `(x + x1·u + y1·v, y + x2·u + y2·v)`.
    ///
    /// The parser sets the rotation's matrix first; `(mirror …)` then goes through
    /// `SCH_SYMBOL::SetOrientation`, whose product puts the mirror on the left, so the mirror
    /// acts on the already rotated symbol, in sheet axes.
    pub fn matrix(&self) -> [i32; 4] {
        let [x1, y1, x2, y2] = self.rotation.matrix();
        match self.mirror {
            Mirror::None => [x1, y1, x2, y2],
            Mirror::X => [x1, y1, -x2, -y2],
            Mirror::Y => [-x1, -y1, x2, y2],
        }
    }

    /// A library point (Y up, as in the file) in sheet coordinates; i64 so nothing overflows.
    pub fn to_sheet(&self, x: i64, y_up: i64) -> (i64, i64) {
        self.apply(&self.wide_matrix(), x, y_up)
    }

    /// A library vector (Y up) turned into sheet axes, without the translation.
    pub fn direction(&self, x: i64, y_up: i64) -> (i64, i64) {
        turn(&self.wide_matrix(), x, y_up)
    }

    /// The matrix in i64, computed once per placed unit.
    pub(crate) fn wide_matrix(&self) -> [i64; 4] {
        self.matrix().map(i64::from)
    }

    /// [`to_sheet`](Self::to_sheet) with the matrix at hand.
    pub(crate) fn apply(&self, m: &[i64; 4], x: i64, y_up: i64) -> (i64, i64) {
        let (dx, dy) = turn(m, x, y_up);
        (i64::from(self.x) + dx, i64::from(self.y) + dy)
    }
}

/// A library vector (Y up) through the matrix `m`.
pub(crate) fn turn(m: &[i64; 4], x: i64, y_up: i64) -> (i64, i64) {
    let v = -y_up;
    (m[0] * x + m[1] * v, m[2] * x + m[3] * v)
}
