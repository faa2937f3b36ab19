//! The flat encoding that carries a sheet across JNI in one `int[]`, and a layout back in one
//! `long[]` (specification section "Flat encoding"). The Java twin is
//! `io.circuitsynth.placement.FlatSheet`.

use crate::{Item, Layout, NetKind, Pin, PlacementError, Sheet};

struct Reader<'a> {
    ints: &'a [i32],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<i32, PlacementError> {
        let v = self.ints.get(self.at).copied().ok_or_else(|| {
            PlacementError::new(format!(
                "flat sheet truncated: {} ints end before int {}",
                self.ints.len(),
                self.at
            ))
        })?;
        self.at += 1;
        Ok(v)
    }

    fn count(&mut self, what: &str) -> Result<usize, PlacementError> {
        let at = self.at;
        let v = self.next()?;
        usize::try_from(v).map_err(|_| {
            PlacementError::new(format!("flat sheet: {what} {v} at int {at} is negative"))
        })
    }
}

/// `[items, nets, kind × nets, then per item: minX, minY, maxX, maxY, fixed (0 or 1), fixedX,
/// fixedY, stubs, labels, pinCount, then dx, dy, net per pin]`.
pub fn decode_sheet(ints: &[i32]) -> Result<Sheet, PlacementError> {
    let mut r = Reader { ints, at: 0 };
    let items = r.count("item count")?;
    let nets = r.count("net count")?;
    let mut sheet = Sheet::default();
    for k in 0..nets {
        let code = r.next()?;
        let kind = NetKind::from_code(code).ok_or_else(|| {
            PlacementError::new(format!(
                "flat sheet: net {k} has kind code {code}; expected 0 (signal), 1 (power), 2 \
                 (ground) or 3 (large)"
            ))
        })?;
        sheet.nets.push(kind);
    }
    for i in 0..items {
        let min_x = r.next()? as i64;
        let min_y = r.next()? as i64;
        let max_x = r.next()? as i64;
        let max_y = r.next()? as i64;
        let mut item = Item::new(min_x, min_y, max_x, max_y);
        let flag = r.next()?;
        let fx = r.next()? as i64;
        let fy = r.next()? as i64;
        match flag {
            0 => {}
            1 => item.fixed = Some((fx, fy)),
            _ => {
                return Err(PlacementError::new(format!(
                    "flat sheet: item {i} has fixed flag {flag}; expected 0 or 1"
                )))
            }
        }
        item.stubs = r.next()? as i64;
        item.labels = r.next()? as i64;
        let pins = r.count("pin count")?;
        for _ in 0..pins {
            let dx = r.next()? as i64;
            let dy = r.next()? as i64;
            let net = r.next()?;
            item.pins.push(Pin::new(dx, dy, net));
        }
        sheet.items.push(item);
    }
    if r.at != ints.len() {
        return Err(PlacementError::new(format!(
            "flat sheet: {} ints left over after the last item",
            ints.len() - r.at
        )));
    }
    Ok(sheet)
}

/// `[page index (A4 = 0 … A0 = 4), item count, x, y per item, overlaps, stubs, labels, width,
/// height, area, wire edges, wire length, mean wire, guest edges, mean guest]`.
pub fn encode_layout(layout: &Layout) -> Vec<i64> {
    let m = &layout.metrics;
    let mut out = Vec::with_capacity(2 + 2 * layout.positions.len() + 11);
    out.push(layout.page.index());
    out.push(layout.positions.len() as i64);
    for &(x, y) in &layout.positions {
        out.push(x);
        out.push(y);
    }
    out.extend_from_slice(&[
        m.overlaps,
        m.stubs,
        m.labels,
        m.width,
        m.height,
        m.area,
        m.wire_edges,
        m.wire_length,
        m.mean_wire,
        m.guest_edges,
        m.mean_guest,
    ]);
    out
}
