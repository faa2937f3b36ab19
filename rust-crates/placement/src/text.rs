//! The text form of sheets and layouts used by the conformance vectors (`NAME.in`, `NAME.out`),
//! the benchmarks and debugging. The Java twin is `io.circuitsynth.placement.PlacementText`.
//!
//! A sheet, one record a line (blank lines and lines starting with `#` are skipped):
//!
//! ```text
//! nets 3
//! power 1
//! ground 0
//! item -38100 -25400 38100 25400 2 2 fixed 0 0
//! pin -38100 0 2
//! ```
//!
//! `nets COUNT` comes first; `power`, `ground` and `large` lines list nets of that kind (every
//! other net is a signal net); `item MINX MINY MAXX MAXY STUBS LABELS [fixed X Y]` starts an item
//! and each `pin DX DY NET` line after it adds a pin to it.

use crate::{Item, Layout, NetKind, Pin, Sheet};

fn error(line: usize, message: String) -> String {
    format!("line {line}: {message}")
}

fn int(token: Option<&str>, line: usize, what: &str) -> Result<i64, String> {
    let token = token.ok_or_else(|| error(line, format!("missing {what}")))?;
    token
        .parse::<i32>()
        .map(i64::from)
        .map_err(|_| error(line, format!("{what} '{token}' is not a 32-bit integer")))
}

/// Reads a sheet; errors name the line.
pub fn parse_sheet(text: &str) -> Result<Sheet, String> {
    let mut sheet = Sheet::default();
    let mut have_nets = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut tokens = trimmed.split_ascii_whitespace();
        let keyword = tokens.next().unwrap_or("");
        if !have_nets && keyword != "nets" {
            return Err(error(line, "expected 'nets COUNT' first".to_string()));
        }
        match keyword {
            "nets" => {
                if have_nets {
                    return Err(error(line, "'nets' given twice".to_string()));
                }
                let count = int(tokens.next(), line, "net count")?;
                if count < 0 {
                    return Err(error(line, format!("net count {count} is negative")));
                }
                sheet.nets = vec![NetKind::Signal; count as usize];
                have_nets = true;
            }
            "power" | "ground" | "large" => {
                let kind = match keyword {
                    "power" => NetKind::Power,
                    "ground" => NetKind::Ground,
                    _ => NetKind::Large,
                };
                for token in tokens.by_ref() {
                    let k = int(Some(token), line, "net")?;
                    if k < 0 || k as usize >= sheet.nets.len() {
                        return Err(error(line, format!("net {k} is not below the net count")));
                    }
                    sheet.nets[k as usize] = kind;
                }
            }
            "item" => {
                let mut item = Item::new(
                    int(tokens.next(), line, "min x")?,
                    int(tokens.next(), line, "min y")?,
                    int(tokens.next(), line, "max x")?,
                    int(tokens.next(), line, "max y")?,
                );
                item.stubs = int(tokens.next(), line, "stub count")?;
                item.labels = int(tokens.next(), line, "label count")?;
                match tokens.next() {
                    None => {}
                    Some("fixed") => {
                        let x = int(tokens.next(), line, "fixed x")?;
                        let y = int(tokens.next(), line, "fixed y")?;
                        item.fixed = Some((x, y));
                    }
                    Some(other) => {
                        return Err(error(
                            line,
                            format!("expected 'fixed X Y', found '{other}'"),
                        ))
                    }
                }
                sheet.items.push(item);
            }
            "pin" => {
                let dx = int(tokens.next(), line, "pin dx")?;
                let dy = int(tokens.next(), line, "pin dy")?;
                let net = int(tokens.next(), line, "pin net")?;
                let item = sheet
                    .items
                    .last_mut()
                    .ok_or_else(|| error(line, "a pin before any item".to_string()))?;
                item.pins.push(Pin::new(dx, dy, net as i32));
            }
            other => return Err(error(line, format!("unknown record '{other}'"))),
        }
        if let Some(extra) = tokens.next() {
            return Err(error(line, format!("unexpected '{extra}' at the end")));
        }
    }
    if !have_nets {
        return Err(error(1, "expected 'nets COUNT' first".to_string()));
    }
    Ok(sheet)
}

/// Writes a sheet in the form [`parse_sheet`] reads.
pub fn format_sheet(sheet: &Sheet) -> String {
    let mut out = format!("nets {}\n", sheet.nets.len());
    for (kind, word) in [
        (NetKind::Power, "power"),
        (NetKind::Ground, "ground"),
        (NetKind::Large, "large"),
    ] {
        let nets: Vec<String> = (0..sheet.nets.len())
            .filter(|&k| sheet.nets[k] == kind)
            .map(|k| k.to_string())
            .collect();
        if !nets.is_empty() {
            out.push_str(&format!("{word} {}\n", nets.join(" ")));
        }
    }
    for item in &sheet.items {
        out.push_str(&format!(
            "item {} {} {} {} {} {}",
            item.min_x, item.min_y, item.max_x, item.max_y, item.stubs, item.labels
        ));
        if let Some((x, y)) = item.fixed {
            out.push_str(&format!(" fixed {x} {y}"));
        }
        out.push('\n');
        for pin in &item.pins {
            out.push_str(&format!("pin {} {} {}\n", pin.dx, pin.dy, pin.net));
        }
    }
    out
}

/// A layout as the vectors' `NAME.out` holds it.
pub fn format_layout(layout: &Layout) -> String {
    let mut out = format!(
        "page {} {} {}\n",
        layout.page.name(),
        layout.page.width(),
        layout.page.height()
    );
    for (i, &(x, y)) in layout.positions.iter().enumerate() {
        out.push_str(&format!("at {i} {x} {y}\n"));
    }
    let m = &layout.metrics;
    for (name, value) in [
        ("overlaps", m.overlaps),
        ("stubs", m.stubs),
        ("labels", m.labels),
        ("width", m.width),
        ("height", m.height),
        ("area", m.area),
        ("wire_edges", m.wire_edges),
        ("wire_length", m.wire_length),
        ("mean_wire", m.mean_wire),
        ("guest_edges", m.guest_edges),
        ("mean_guest", m.mean_guest),
    ] {
        out.push_str(&format!("{name} {value}\n"));
    }
    out
}
