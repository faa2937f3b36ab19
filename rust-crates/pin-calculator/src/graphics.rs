//! Reading a sub-symbol's drawing (`(symbol "NAME_U_B" …)`) into the library-space boxes of its
//! items: rectangles, polylines, circles, arcs, Béziers, texts and text boxes.
//!
//! Library files are Y up; everything here is already turned Y down (`v = -y`), as eeschema
//! turns it when it reads a library.

use std::borrow::Cow;

use circuitsynth_io::{Document, Kind};
use circuitsynth_symbol_cache::read::parse_iu;

use crate::error::PinError;
use crate::rect::Bounds;
use crate::text::{self, HAlign, VAlign};

/// KiCad's default schematic line width, 6 mils, used for a stroke of width 0.
pub const DEFAULT_LINE_WIDTH: i64 = 1524;
/// KiCad's default text size, 1.27 mm.
pub const DEFAULT_TEXT_SIZE: i64 = 12700;

/// One drawn item of a sub-symbol: its unit, body style and box (library space, Y down).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    pub unit: u32,
    pub body_style: u32,
    pub bounds: Bounds,
}

struct Reader<'d, 'a> {
    doc: &'d Document<'a>,
    symbol: &'d str,
    ordinal: usize,
}

impl Reader<'_, '_> {
    fn fault(&self, node: usize, detail: impl Into<String>) -> PinError {
        let (line, column) = self.doc.line_column(self.doc.span(node).start);
        PinError::new(format!(
            "symbol {}: sub-symbol {}: {line}:{column}: {}",
            self.symbol,
            self.ordinal,
            detail.into()
        ))
    }

    fn is_atom(&self, node: usize) -> bool {
        self.doc.kind(node) != Kind::List
    }

    fn value(&self, node: usize) -> Cow<'_, str> {
        match self.doc.value(node) {
            Some(Cow::Borrowed(b)) => String::from_utf8_lossy(b),
            Some(Cow::Owned(b)) => Cow::Owned(String::from_utf8_lossy(&b).into_owned()),
            None => Cow::Borrowed("("),
        }
    }

    /// The head symbol of a list, or "".
    fn head(&self, list: usize) -> &str {
        match self.doc.children(list).next() {
            Some(first) if self.doc.kind(first) == Kind::Symbol => self.doc.text(first),
            _ => "",
        }
    }

    /// The last direct child list called `name` (repeated items: the last counts).
    fn child(&self, list: usize, name: &str) -> Option<usize> {
        self.doc
            .children(list)
            .filter(|&c| self.doc.kind(c) == Kind::List && self.head(c) == name)
            .last()
    }

    fn millimetres(&self, node: usize) -> Result<i64, PinError> {
        if !self.is_atom(node) {
            return Err(self.fault(node, "expected a number in millimetres, found ("));
        }
        let text = self.value(node);
        parse_iu(&text).map(i64::from).ok_or_else(|| {
            self.fault(
                node,
                format!("expected a number in millimetres, found '{text}'"),
            )
        })
    }

    /// The first `count` arguments of `(HEAD A B …)` as IU.
    fn numbers<const N: usize>(&self, list: usize) -> Result<[i64; N], PinError> {
        let mut out = [0i64; N];
        let mut args = self.doc.children(list).skip(1);
        for slot in out.iter_mut() {
            match args.next() {
                Some(node) => *slot = self.millimetres(node)?,
                None => {
                    let close = self.doc.span(list).end - 1;
                    let (line, column) = self.doc.line_column(close);
                    return Err(PinError::new(format!(
                        "symbol {}: sub-symbol {}: {line}:{column}: ({} …) needs {N} numbers",
                        self.symbol,
                        self.ordinal,
                        self.head(list)
                    )));
                }
            }
        }
        Ok(out)
    }

    /// A required `(NAME X Y)` child as a Y-down point.
    fn point(&self, item: usize, name: &str) -> Result<(i64, i64), PinError> {
        let list = self
            .child(item, name)
            .ok_or_else(|| self.fault(item, format!("{} without ({name} X Y)", self.head(item))))?;
        let [x, y] = self.numbers::<2>(list)?;
        Ok((x, -y))
    }

    /// Half the stroke width, rounded up: `(stroke (width W))`, 0 meaning KiCad's default and a
    /// negative width no outline.
    fn half_stroke(&self, item: usize) -> Result<i64, PinError> {
        let width = match self
            .child(item, "stroke")
            .and_then(|s| self.child(s, "width"))
        {
            Some(w) => self.numbers::<1>(w)?[0],
            None => 0,
        };
        let width = match width {
            0 => DEFAULT_LINE_WIDTH,
            w if w < 0 => 0,
            w => w,
        };
        Ok(text::ceil_div(width, 2))
    }

    /// Every `(xy X Y)` of `(pts …)`, Y down.
    fn points(&self, item: usize) -> Result<Vec<(i64, i64)>, PinError> {
        let Some(pts) = self.child(item, "pts") else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for c in self.doc.children(pts).skip(1) {
            if self.doc.kind(c) == Kind::List && self.head(c) == "xy" {
                let [x, y] = self.numbers::<2>(c)?;
                out.push((x, -y));
            }
        }
        Ok(out)
    }

    fn item(&self, item: usize) -> Result<Option<Bounds>, PinError> {
        let kind = self.head(item);
        let mut args = self.doc.children(item).skip(1);
        let first = args.next();
        // KiCad 8's private items live in the symbol editor only.
        if first.is_some_and(|f| self.doc.kind(f) == Kind::Symbol && self.doc.text(f) == "private")
        {
            return Ok(None);
        }
        let mut bounds = match kind {
            "rectangle" => {
                let (x0, y0) = self.point(item, "start")?;
                let (x1, y1) = self.point(item, "end")?;
                Bounds::of(x0, y0, x1, y1)
            }
            "polyline" => {
                let points = self.points(item)?;
                let Some(&(x, y)) = points.first() else {
                    return Ok(None);
                };
                let mut b = Bounds::point(x, y);
                for &(x, y) in &points {
                    b.add_point(x, y);
                }
                b
            }
            "circle" => {
                let (cx, cy) = self.point(item, "center")?;
                let list = self
                    .child(item, "radius")
                    .ok_or_else(|| self.fault(item, "circle without (radius R)"))?;
                let r = self.numbers::<1>(list)?[0].abs();
                Bounds::of(cx - r, cy - r, cx + r, cy + r)
            }
            "arc" => {
                let s = self.point(item, "start")?;
                let m = self.point(item, "mid")?;
                let e = self.point(item, "end")?;
                arc_bounds(s, m, e)
            }
            "bezier" => {
                let points = self.points(item)?;
                match points.as_slice() {
                    [] => return Ok(None),
                    &[p0, p1, p2, p3] => bezier_bounds(p0, p1, p2, p3),
                    many => {
                        let mut b = Bounds::point(many[0].0, many[0].1);
                        for &(x, y) in many {
                            b.add_point(x, y);
                        }
                        b
                    }
                }
            }
            "text" => return self.text(item, first),
            "text_box" => self.text_box(item)?,
            _ => return Ok(None),
        };
        bounds.inflate(self.half_stroke(item)?);
        Ok(Some(bounds))
    }

    fn text(&self, item: usize, first: Option<usize>) -> Result<Option<Bounds>, PinError> {
        let string = match first {
            Some(f) if self.is_atom(f) => self.value(f),
            _ => return Err(self.fault(item, "text without \"TEXT\"")),
        };
        let at = self
            .child(item, "at")
            .ok_or_else(|| self.fault(item, "text without (at X Y ANGLE)"))?;
        let [x, y] = self.numbers::<2>(at)?;
        // Library texts turn in tenths of a degree; read through the IU reader (4 decimals).
        let tenths = match self.doc.children(at).nth(3) {
            Some(node) => self.millimetres(node)? / 10_000,
            None => 0,
        };
        let mut size = (DEFAULT_TEXT_SIZE, DEFAULT_TEXT_SIZE);
        let mut h = HAlign::Center;
        let mut v = VAlign::Center;
        if let Some(effects) = self.child(item, "effects") {
            if self.hidden(effects) {
                return Ok(None);
            }
            if let Some(s) = self
                .child(effects, "font")
                .and_then(|f| self.child(f, "size"))
            {
                // KiCad writes (size HEIGHT WIDTH).
                let [height, width] = self.numbers::<2>(s)?;
                size = (width, height);
            }
            if let Some(j) = self.child(effects, "justify") {
                for c in self.doc.children(j).skip(1) {
                    if self.doc.kind(c) == Kind::Symbol {
                        match self.doc.text(c) {
                            "left" => h = HAlign::Left,
                            "right" => h = HAlign::Right,
                            "top" => v = VAlign::Top,
                            "bottom" => v = VAlign::Bottom,
                            _ => {}
                        }
                    }
                }
            }
        }
        let mut b = text::relative_box_tenths(&string, size.0, size.1, tenths, h, v);
        b.min_x += x;
        b.max_x += x;
        b.min_y -= y;
        b.max_y -= y;
        Ok(Some(b))
    }

    /// `hide`, `(hide)` or `(hide yes)` among the children of `effects`; the last one counts.
    fn hidden(&self, effects: usize) -> bool {
        let mut hidden = false;
        for c in self.doc.children(effects).skip(1) {
            match self.doc.kind(c) {
                Kind::Symbol if self.doc.text(c) == "hide" => hidden = true,
                Kind::List if self.head(c) == "hide" => {
                    hidden = match self.doc.children(c).nth(1) {
                        Some(a) if self.is_atom(a) => self.value(a) != "no",
                        _ => true,
                    };
                }
                _ => {}
            }
        }
        hidden
    }

    /// KiCad 9 writes `(at X Y ANGLE) (size W H)`, KiCad 7 `(start X Y) (end X Y)`.
    fn text_box(&self, item: usize) -> Result<Bounds, PinError> {
        if let Some(at) = self.child(item, "at") {
            let [x, y] = self.numbers::<2>(at)?;
            let size = self
                .child(item, "size")
                .ok_or_else(|| self.fault(item, "text_box without (size W H)"))?;
            let [w, h] = self.numbers::<2>(size)?;
            return Ok(Bounds::of(x, -y, x + w, -(y + h)));
        }
        if self.child(item, "start").is_some() {
            let (x0, y0) = self.point(item, "start")?;
            let (x1, y1) = self.point(item, "end")?;
            return Ok(Bounds::of(x0, y0, x1, y1));
        }
        Err(self.fault(item, "text_box without (at X Y ANGLE) or (start X Y)"))
    }
}

/// The box of the circular arc from `s` through `m` to `e`: its ends plus every axis extreme of
/// its circle on the same side of the chord as `m`. Doubles in one fixed order, min rounded
/// down and max up, so both engines agree to the unit.
fn arc_bounds(s: (i64, i64), m: (i64, i64), e: (i64, i64)) -> Bounds {
    let mut b = Bounds::of(s.0, s.1, e.0, e.1);
    b.add_point(m.0, m.1);
    let (bx, by) = ((m.0 - s.0) as f64, (m.1 - s.1) as f64);
    let (cx, cy) = ((e.0 - s.0) as f64, (e.1 - s.1) as f64);
    let d = 2.0 * (bx * cy - by * cx);
    if d == 0.0 {
        return b;
    }
    let bb = bx * bx + by * by;
    let cc = cx * cx + cy * cy;
    let ux = (cy * bb - by * cc) / d;
    let uy = (bx * cc - cx * bb) / d;
    let r = (ux * ux + uy * uy).sqrt();
    let side_m = cx * by - cy * bx;
    let extremes = [(ux + r, uy), (ux - r, uy), (ux, uy + r), (ux, uy - r)];
    let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (
        b.min_x as f64,
        b.min_y as f64,
        b.max_x as f64,
        b.max_y as f64,
    );
    for (px, py) in extremes {
        let side_p = cx * py - cy * px;
        if (side_p > 0.0 && side_m > 0.0) || (side_p < 0.0 && side_m < 0.0) {
            let (x, y) = (px + s.0 as f64, py + s.1 as f64);
            lo_x = lo_x.min(x);
            lo_y = lo_y.min(y);
            hi_x = hi_x.max(x);
            hi_y = hi_y.max(y);
        }
    }
    Bounds {
        min_x: lo_x.floor() as i64,
        min_y: lo_y.floor() as i64,
        max_x: hi_x.ceil() as i64,
        max_y: hi_y.ceil() as i64,
    }
}

/// The box of a cubic Bézier: its ends plus the curve at every root in (0, 1) of the
/// derivative, per axis.
fn bezier_bounds(p0: (i64, i64), p1: (i64, i64), p2: (i64, i64), p3: (i64, i64)) -> Bounds {
    let (lo_x, hi_x) = bezier_axis(p0.0 as f64, p1.0 as f64, p2.0 as f64, p3.0 as f64);
    let (lo_y, hi_y) = bezier_axis(p0.1 as f64, p1.1 as f64, p2.1 as f64, p3.1 as f64);
    Bounds {
        min_x: lo_x.floor() as i64,
        min_y: lo_y.floor() as i64,
        max_x: hi_x.ceil() as i64,
        max_y: hi_y.ceil() as i64,
    }
}

fn bezier_axis(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    let mut lo = a.min(d);
    let mut hi = a.max(d);
    // B'(t)/3 = qa t² + qb t + qc.
    let qa = -a + 3.0 * b - 3.0 * c + d;
    let qb = 2.0 * (a - 2.0 * b + c);
    let qc = b - a;
    let mut roots = [f64::NAN; 2];
    if qa == 0.0 {
        if qb != 0.0 {
            roots[0] = -qc / qb;
        }
    } else {
        let disc = qb * qb - 4.0 * qa * qc;
        if disc >= 0.0 {
            let sq = disc.sqrt();
            roots[0] = (-qb + sq) / (2.0 * qa);
            roots[1] = (-qb - sq) / (2.0 * qa);
        }
    }
    for t in roots {
        if t > 0.0 && t < 1.0 {
            let u = 1.0 - t;
            let value = u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
            lo = lo.min(value);
            hi = hi.max(value);
        }
    }
    (lo, hi)
}

/// Unit and body style from a sub-symbol name's `_U_B` suffix.
fn unit_and_body(name: &str) -> Option<(u32, u32)> {
    let (rest, body) = name.rsplit_once('_')?;
    let (_, unit) = rest.rsplit_once('_')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(unit) || !digits(body) {
        return None;
    }
    Some((unit.parse().ok()?, body.parse().ok()?))
}

/// Appends the items of one sub-symbol (the `ordinal`-th of `symbol`, from 1) to `items`.
pub(crate) fn read_sub_symbol(
    symbol: &str,
    ordinal: usize,
    text: &[u8],
    items: &mut Vec<Item>,
) -> Result<(), PinError> {
    let doc = Document::parse(text)
        .map_err(|e| PinError::new(format!("symbol {symbol}: sub-symbol {ordinal}: {e}")))?;
    let reader = Reader {
        doc: &doc,
        symbol,
        ordinal,
    };
    let mut children = doc.children(0);
    let head = children.next();
    let name = children.next();
    let name = match (head, name) {
        (Some(h), Some(n))
            if doc.kind(h) == Kind::Symbol && doc.text(h) == "symbol" && reader.is_atom(n) =>
        {
            n
        }
        _ => {
            return Err(reader.fault(0, "expected (symbol \"NAME_UNIT_BODYSTYLE\" …)"));
        }
    };
    let name_text = reader.value(name);
    let Some((unit, body_style)) = unit_and_body(&name_text) else {
        return Err(reader.fault(
            name,
            format!("sub-symbol name '{name_text}' must end in _UNIT_BODYSTYLE"),
        ));
    };
    for child in children {
        if doc.kind(child) != Kind::List {
            continue;
        }
        if let Some(bounds) = reader.item(child)? {
            items.push(Item {
                unit,
                body_style,
                bounds,
            });
        }
    }
    Ok(())
}
