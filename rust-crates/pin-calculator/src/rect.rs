//! Axis-aligned boxes in sheet IU.

use std::fmt;

/// A box in sheet coordinates, corners included: `min_x <= max_x`, `min_y <= max_y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rect {
    pub min_x: i32,
    pub min_y: i32,
    pub max_x: i32,
    pub max_y: i32,
}

impl Rect {
    /// Whether the two boxes share at least one point (touching counts).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.min_x <= other.max_x
            && other.min_x <= self.max_x
            && self.min_y <= other.max_y
            && other.min_y <= self.max_y
    }

    pub fn width(&self) -> i64 {
        i64::from(self.max_x) - i64::from(self.min_x)
    }

    pub fn height(&self) -> i64 {
        i64::from(self.max_y) - i64::from(self.min_y)
    }
}

impl fmt::Display for Rect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{},{}",
            self.min_x, self.min_y, self.max_x, self.max_y
        )
    }
}

/// A box being grown, in i64 so that sums of i32 coordinates never overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub min_x: i64,
    pub min_y: i64,
    pub max_x: i64,
    pub max_y: i64,
}

impl Bounds {
    pub fn point(x: i64, y: i64) -> Self {
        Bounds {
            min_x: x,
            min_y: y,
            max_x: x,
            max_y: y,
        }
    }

    pub fn of(x0: i64, y0: i64, x1: i64, y1: i64) -> Self {
        Bounds {
            min_x: x0.min(x1),
            min_y: y0.min(y1),
            max_x: x0.max(x1),
            max_y: y0.max(y1),
        }
    }

    pub fn add_point(&mut self, x: i64, y: i64) {
        self.min_x = self.min_x.min(x);
        self.min_y = self.min_y.min(y);
        self.max_x = self.max_x.max(x);
        self.max_y = self.max_y.max(y);
    }

    pub fn merge(&mut self, other: &Bounds) {
        self.add_point(other.min_x, other.min_y);
        self.add_point(other.max_x, other.max_y);
    }

    pub fn inflate(&mut self, by: i64) {
        self.min_x -= by;
        self.min_y -= by;
        self.max_x += by;
        self.max_y += by;
    }

    /// The box as `Rect`, or `None` when a coordinate does not fit `i32`.
    pub fn to_rect(self) -> Option<Rect> {
        Some(Rect {
            min_x: i32::try_from(self.min_x).ok()?,
            min_y: i32::try_from(self.min_y).ok()?,
            max_x: i32::try_from(self.max_x).ok()?,
            max_y: i32::try_from(self.max_y).ok()?,
        })
    }
}
