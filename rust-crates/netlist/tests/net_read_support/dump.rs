//! A design as text, every member in model order, so the two engines' designs can be compared
//! through a hash table (`kicad_designs.txt`) that both test suites check. The Java twin is
//! `io.circuitsynth.netlist.DesignDump`.

use std::fmt::Write as _;

use circuitsynth_netlist::model::{Design, Power, ReferenceKind};

fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn dump(design: &Design) -> String {
    let mut out = String::new();
    writeln!(out, "design {} root {}", q(&design.name), q(&design.root)).unwrap();
    for (path, uuid) in &design.sheet_uuids {
        writeln!(out, "sheet {} {}", q(path), q(uuid)).unwrap();
    }
    for d in &design.definitions {
        writeln!(out, "definition {}", q(&d.name)).unwrap();
        for p in &d.ports {
            writeln!(out, "  port {}", q(p)).unwrap();
        }
        for c in &d.components {
            let kind = match c.reference_kind {
                ReferenceKind::Prefix => "prefix",
                ReferenceKind::Fixed => "fixed",
                ReferenceKind::Absolute => "absolute",
            };
            writeln!(
                out,
                "  component {} {} {kind} {} {} {} {} {} {} {} {}",
                q(&c.id),
                q(&c.symbol),
                q(&c.reference),
                q(&c.value),
                q(&c.footprint),
                q(&c.datasheet),
                q(&c.description),
                c.dnp,
                c.in_bom,
                c.on_board
            )
            .unwrap();
            for (n, v) in &c.fields {
                writeln!(out, "    field {} {}", q(n), q(v)).unwrap();
            }
            match &c.pins {
                None => writeln!(out, "    pins none").unwrap(),
                Some(pins) => {
                    for p in pins {
                        writeln!(
                            out,
                            "    pin {} {} {} {} {}",
                            q(&p.number),
                            q(&p.name),
                            q(&p.electrical_type),
                            p.unit,
                            p.hidden
                        )
                        .unwrap();
                    }
                }
            }
            for u in &c.uuids {
                writeln!(out, "    uuid {}", q(u)).unwrap();
            }
        }
        for n in &d.nets {
            let power = match n.power {
                Power::Auto => "auto",
                Power::Yes => "yes",
                Power::No => "no",
            };
            writeln!(
                out,
                "  net {} {} {power} {} {}",
                n.name.as_deref().map_or("-".to_string(), q),
                n.id.as_deref().map_or("-".to_string(), q),
                q(&n.class),
                n.absolute
            )
            .unwrap();
            for p in &n.nodes {
                writeln!(out, "    node {} {} {}", q(&p.component), q(&p.pin), p.unit).unwrap();
            }
        }
        for p in &d.no_connects {
            writeln!(
                out,
                "  noconnect {} {} {}",
                q(&p.component),
                q(&p.pin),
                p.unit
            )
            .unwrap();
        }
        for i in &d.instances {
            writeln!(out, "  instance {} {}", q(&i.name), q(&i.definition)).unwrap();
            for (port, net) in &i.bindings {
                writeln!(out, "    bind {} {}", q(port), q(net)).unwrap();
            }
        }
    }
    out
}
