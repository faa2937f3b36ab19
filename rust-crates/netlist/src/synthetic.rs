//! Synthetic designs of any size, the inputs of the benchmarks (criterion here, JMH through the
//! Java twin `io.circuitsynth.netlist.SyntheticDesigns`). Both build the same design step by
//! step; `conformance/netlist/codec/synthetic.hex` holds the encoding of a small one, which both
//! languages' tests compare with, so the two benchmark suites measure one input.
//!
//! Every symbol is in the built-in libraries, so the designs finalize on any machine.

use crate::model::{Component, Definition, Design, Net, PinRef, PinSpec, ReferenceKind};

struct Part {
    symbol: &'static str,
    prefix: &'static str,
    footprint: &'static str,
    pins: &'static [&'static str],
}

const RESISTOR: Part = Part {
    symbol: "Device:R",
    prefix: "R",
    footprint: "Resistor_SMD:R_0603_1608Metric",
    pins: &["1", "2"],
};
const CAPACITOR: Part = Part {
    symbol: "Device:C",
    prefix: "C",
    footprint: "Capacitor_SMD:C_0603_1608Metric",
    pins: &["1", "2"],
};
const LED: Part = Part {
    symbol: "Device:LED",
    prefix: "D",
    footprint: "LED_SMD:LED_0603_1608Metric",
    pins: &["1", "2"],
};
const OPAMP: Part = Part {
    symbol: "Amplifier_Operational:OpAmp_Dual",
    prefix: "U",
    footprint: "Package_SO:SOIC-8_3.9x4.9mm_P1.27mm",
    pins: &["1", "2", "3", "4", "5", "6", "7", "8"],
};

/// Component `i` is `PARTS[i % 10]`: six resistors, two capacitors, an LED and a dual op amp in
/// every ten, 26 pins.
const PARTS: [&Part; 10] = [
    &RESISTOR, &RESISTOR, &RESISTOR, &RESISTOR, &RESISTOR, &RESISTOR, &CAPACITOR, &CAPACITOR, &LED,
    &OPAMP,
];

/// A flat design (root `Main`, project `synthetic`) of `components` prefix-numbered components
/// and exactly `nets` nets, each with at least one pin and every pin in exactly one net.
///
/// Pins are numbered in component then pin order ("slots"); slot `s` joins net `s` when
/// `s < nets`, else net `s × 7919 mod nets`, which spreads the remaining pins over every net.
/// Net 0 is `GND`, net 1 `+3V3`, every third other net is named `SIG<j>`, the rest are unnamed
/// and take KiCad's pin-driven names.
///
/// # Panics
///
/// When the components have fewer pins than `nets` (26 pins per ten components).
pub fn design(components: usize, nets: usize) -> Design {
    let mut parts = Vec::with_capacity(components);
    let mut slots: Vec<(usize, &'static str)> = Vec::with_capacity(components * 3);
    for i in 0..components {
        let part = PARTS[i % PARTS.len()];
        let value = match part.prefix {
            "R" => format!("{}k", i % 97 + 1),
            "C" => "100n".to_string(),
            "D" => "red".to_string(),
            _ => "OpAmp_Dual".to_string(),
        };
        parts.push(Component {
            id: format!("c{i}"),
            symbol: part.symbol.to_string(),
            reference_kind: ReferenceKind::Prefix,
            reference: part.prefix.to_string(),
            value,
            footprint: part.footprint.to_string(),
            ..Component::default()
        });
        for pin in part.pins {
            slots.push((i, pin));
        }
    }
    assert!(
        slots.len() >= nets,
        "{components} components have {} pins, fewer than {nets} nets",
        slots.len()
    );
    let mut net_list: Vec<Net> = (0..nets)
        .map(|j| Net {
            name: match j {
                0 => Some("GND".to_string()),
                1 => Some("+3V3".to_string()),
                _ if j % 3 == 0 => Some(format!("SIG{j}")),
                _ => None,
            },
            ..Net::default()
        })
        .collect();
    for (s, &(component, pin)) in slots.iter().enumerate() {
        let j = if s < nets { s } else { s * 7919 % nets };
        net_list[j].nodes.push(PinRef {
            component: format!("c{component}"),
            pin: pin.to_string(),
            ..PinRef::default()
        });
    }
    Design {
        name: "synthetic".to_string(),
        root: "Main".to_string(),
        definitions: vec![Definition {
            name: "Main".to_string(),
            components: parts,
            nets: net_list,
            ..Definition::default()
        }],
        sheet_uuids: Vec::new(),
    }
}

const PREFIXES: [&str; 5] = ["R", "C", "L", "D", "U"];

/// `components` prefix-numbered components and nothing else: references are all finalize has
/// to work out. Each has an empty pin table and a symbol no library holds (`Synthetic:NoPins`),
/// so it has no pins and forms no net; prefixes cycle through `R C L D U`, so numbering keeps
/// one counter per prefix.
pub fn prefix_only(components: usize) -> Design {
    references_design(components, ReferenceKind::Prefix)
}

/// [`prefix_only`] with every reference written out as `absolute`, exactly as finalize numbers
/// the prefixes (`R1 C1 L1 D1 U1 R2 …`): the same finalize work but for the numbering, so the
/// difference between the two is the cost of generating the references.
pub fn absolute_only(components: usize) -> Design {
    references_design(components, ReferenceKind::Absolute)
}

fn references_design(components: usize, kind: ReferenceKind) -> Design {
    let parts = (0..components)
        .map(|i| {
            let prefix = PREFIXES[i % PREFIXES.len()];
            Component {
                id: format!("p{i}"),
                symbol: "Synthetic:NoPins".to_string(),
                reference_kind: kind,
                reference: match kind {
                    ReferenceKind::Prefix => prefix.to_string(),
                    _ => format!("{prefix}{}", i / PREFIXES.len() + 1),
                },
                pins: Some(Vec::<PinSpec>::new()),
                ..Component::default()
            }
        })
        .collect();
    Design {
        name: "references".to_string(),
        root: "Main".to_string(),
        definitions: vec![Definition {
            name: "Main".to_string(),
            components: parts,
            ..Definition::default()
        }],
        sheet_uuids: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_net_has_a_pin_and_every_pin_one_net() {
        let d = design(10_000, 12_000);
        let root = &d.definitions[0];
        assert_eq!(root.components.len(), 10_000);
        assert_eq!(root.nets.len(), 12_000);
        assert!(root.nets.iter().all(|n| !n.nodes.is_empty()));
        let nodes: usize = root.nets.iter().map(|n| n.nodes.len()).sum();
        assert_eq!(nodes, 26_000);
        let mut seen = std::collections::HashSet::new();
        for net in &root.nets {
            for node in &net.nodes {
                assert!(seen.insert((node.component.as_str(), node.pin.as_str())));
            }
        }
    }

    #[test]
    #[should_panic(expected = "3 components have 6 pins, fewer than 7 nets")]
    fn too_few_pins_for_the_nets_is_refused() {
        design(3, 7);
    }
}
