//! The specification's dump: a plain-text view of resolved symbols that both engines must
//! produce byte for byte, so a conformance vector is readable and checkable by eye.

use std::fmt::Write;

use circuitsynth_io::build::quote;

use crate::model::Symbol;

/// Appends the dump block of one symbol of library `lib` (every line ends with LF).
pub fn dump_symbol(out: &mut String, lib: &str, symbol: &Symbol<'_>) {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let shown = |hidden: bool| if hidden { "hidden" } else { "shown" };
    // Writing to a String cannot fail.
    let _ = writeln!(out, "symbol {}", quote(&format!("{lib}:{}", symbol.name)));
    if symbol.is_derived() {
        let _ = writeln!(out, "  extends {}", quote(&symbol.extends));
    }
    let f = symbol.flags;
    let _ = writeln!(
        out,
        "  flags power={} in_bom={} on_board={} exclude_from_sim={} pin_numbers={} pin_names={} pin_name_offset={}",
        yes_no(f.power),
        yes_no(f.in_bom),
        yes_no(f.on_board),
        yes_no(f.exclude_from_sim),
        shown(f.pin_numbers_hidden),
        shown(f.pin_names_hidden),
        symbol.pin_name_offset
    );
    let _ = writeln!(
        out,
        "  units {} body_styles {}",
        symbol.unit_count, symbol.body_style_count
    );
    for (unit, name) in &symbol.unit_names {
        let _ = writeln!(out, "  unit_name {unit} {}", quote(name));
    }
    for p in &symbol.properties {
        let _ = write!(out, "  property {} {}", quote(&p.key), quote(&p.value));
        out.push_str(if p.hidden { " hidden\n" } else { "\n" });
    }
    for p in &symbol.pins {
        let _ = write!(
            out,
            "  pin {} {} {} {} x={} y={} rot={} len={} unit={} body={}",
            quote(&p.number),
            quote(&p.name),
            p.electrical_type,
            p.style,
            p.x,
            p.y,
            p.rotation,
            p.length,
            p.unit,
            p.body_style
        );
        out.push_str(if p.hidden { " hidden\n" } else { "\n" });
        for a in &p.alternates {
            let _ = writeln!(
                out,
                "    alternate {} {} {}",
                quote(&a.name),
                a.electrical_type,
                a.style
            );
        }
    }
}

/// The dump of a whole library: blocks in file order, separated by an empty line.
pub fn dump_library<'s, 'a: 's>(
    lib: &str,
    symbols: impl IntoIterator<Item = &'s Symbol<'a>>,
) -> String {
    let mut out = String::new();
    for (i, symbol) in symbols.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        dump_symbol(&mut out, lib, symbol);
    }
    out
}
