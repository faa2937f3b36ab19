//! A synthetic KiCad 9 `.net` of any size, laid out as KiCad writes it: resistors, capacitors,
//! 16-pin ICs and 8-pin connectors over a root sheet and four channel sheets, with power nets,
//! signal nets that cross sheets and lone no-connect pins. Deterministic; the Java twin
//! `io.circuitsynth.netlist.SyntheticNet` writes the same bytes (the tests compare hashes).

use std::fmt::Write as _;

/// A 64-bit linear congruential generator (Knuth's MMIX constants), as the Java twin steps it.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

struct Kind {
    prefix: &'static str,
    part: &'static str,
    lib: &'static str,
    value: &'static str,
    footprint: &'static str,
    description: &'static str,
    filters: &'static str,
    /// (number, name, type); the name is empty for unnamed pins.
    pins: Vec<(String, String, &'static str)>,
}

fn kinds() -> Vec<Kind> {
    let passive = |n: usize| (n.to_string(), String::new(), "passive");
    let ic_pins = (1..=16)
        .map(|n| match n {
            8 => (n.to_string(), "GND".to_string(), "power_in"),
            16 => (n.to_string(), "VCC".to_string(), "power_in"),
            _ => (n.to_string(), format!("IO{n}"), "bidirectional"),
        })
        .collect();
    vec![
        Kind {
            prefix: "R",
            part: "R",
            lib: "Device",
            value: "10k",
            footprint: "Resistor_SMD:R_0603_1608Metric",
            description: "Resistor",
            filters: "R_*",
            pins: (1..=2).map(passive).collect(),
        },
        Kind {
            prefix: "C",
            part: "C",
            lib: "Device",
            value: "100n",
            footprint: "Capacitor_SMD:C_0603_1608Metric",
            description: "Unpolarized capacitor",
            filters: "C_*",
            pins: (1..=2).map(passive).collect(),
        },
        Kind {
            prefix: "U",
            part: "IO16",
            lib: "synthetic",
            value: "IO16",
            footprint: "Package_SO:SOIC-16_3.9x9.9mm_P1.27mm",
            description: "Sixteen-pin IO expander",
            filters: "SOIC*3.9x9.9mm*P1.27mm*",
            pins: ic_pins,
        },
        Kind {
            prefix: "J",
            part: "Conn_01x08",
            lib: "Connector_Generic",
            value: "Conn_01x08",
            footprint: "Connector_PinHeader_2.54mm:PinHeader_1x08_P2.54mm_Vertical",
            description: "Generic connector, single row, 01x08",
            filters: "Connector*:*_1x??_*",
            pins: (1..=8).map(passive).collect(),
        },
    ]
}

const SHEETS: [&str; 5] = ["/", "/ch1/", "/ch2/", "/ch3/", "/ch4/"];

fn uuid(n: usize) -> String {
    format!("00000000-0000-0000-0000-{n:012x}")
}

/// The kind of the `i`th component: half resistors, then capacitors, ICs, connectors.
fn kind_of(i: usize) -> usize {
    match i % 10 {
        0..=4 => 0,
        5..=7 => 1,
        8 => 2,
        _ => 3,
    }
}

/// A `.net` with `count` components.
pub fn synthetic_net(count: usize) -> Vec<u8> {
    let kinds = kinds();
    let mut rng = Lcg(0x5eed);
    let mut out = String::new();
    out.push_str("(export (version \"E\")\n  (design\n    (source \"synthetic.kicad_sch\")\n    (date)\n    (tool \"circuitsynth\")");
    for (s, path) in SHEETS.iter().enumerate() {
        let (tstamps, file) = if s == 0 {
            ("/".to_string(), "synthetic.kicad_sch")
        } else {
            (format!("/{}/", uuid(s)), "channel.kicad_sch")
        };
        write!(
            out,
            "\n    (sheet (number \"{}\") (name \"{path}\") (tstamps \"{tstamps}\")\n      (title_block\n        (source \"{file}\")))",
            s + 1
        )
        .unwrap();
    }
    out.push_str(")\n  (components");

    // References and sheets first: nets refer to them.
    let mut numbers = [0usize; 4];
    let mut refs = Vec::with_capacity(count);
    for i in 0..count {
        let k = kind_of(i);
        numbers[k] += 1;
        refs.push(format!("{}{}", kinds[k].prefix, numbers[k]));
    }
    let per_sheet = count.div_ceil(SHEETS.len()).max(1);
    for (i, reference) in refs.iter().enumerate() {
        let kind = &kinds[kind_of(i)];
        let s = i / per_sheet;
        let (sheet_name, sheet_file, tstamps) = if s == 0 {
            ("", "synthetic.kicad_sch", "/".to_string())
        } else {
            (
                &SHEETS[s][1..SHEETS[s].len() - 1],
                "channel.kicad_sch",
                format!("/{}/", uuid(s)),
            )
        };
        let mpn = format!("{}-{}", kind.part, i % 7);
        write!(
            out,
            "\n    (comp (ref \"{reference}\")\n      (value \"{}\")\n      (footprint \"{}\")\n      (description \"{}\")\n      (fields\n        (field (name \"MPN\") \"{mpn}\")\n        (field (name \"Footprint\") \"{}\")\n        (field (name \"Datasheet\") \"~\")\n        (field (name \"Description\") \"{}\"))\n      (libsource (lib \"{}\") (part \"{}\") (description \"{}\"))\n      (property (name \"MPN\") (value \"{mpn}\"))\n      (property (name \"Sheetname\") (value \"{sheet_name}\"))\n      (property (name \"Sheetfile\") (value \"{sheet_file}\"))\n      (property (name \"ki_fp_filters\") (value \"{}\"))\n      (sheetpath (names \"{}\") (tstamps \"{tstamps}\"))\n      (tstamps \"{}\"))",
            kind.value,
            kind.footprint,
            kind.description,
            kind.footprint,
            kind.description,
            kind.lib,
            kind.part,
            kind.description,
            kind.filters,
            SHEETS[s],
            uuid(1000 + i)
        )
        .unwrap();
    }
    out.push_str(")\n  (libparts");
    let mut order: Vec<usize> = (0..kinds.len()).collect();
    order.sort_by_key(|&k| (kinds[k].lib, kinds[k].part));
    for k in order {
        let kind = &kinds[k];
        write!(
            out,
            "\n    (libpart (lib \"{}\") (part \"{}\")\n      (description \"{}\")\n      (fields\n        (field (name \"Reference\") \"{}\")\n        (field (name \"Value\") \"{}\"))\n      (pins",
            kind.lib, kind.part, kind.description, kind.prefix, kind.value
        )
        .unwrap();
        for (number, name, electrical) in &kind.pins {
            write!(
                out,
                "\n        (pin (num \"{number}\") (name \"{name}\") (type \"{electrical}\"))"
            )
            .unwrap();
        }
        out.push_str("))");
    }
    out.push_str(")\n  (libraries)\n  (nets");

    // Each pin joins a recent net, starts a new one, or (IC pins) is left alone, marked.
    struct SynthNet {
        name: String,
        nodes: Vec<(usize, usize)>,
        no_connect: bool,
    }
    let mut nets: Vec<SynthNet> = vec![
        SynthNet {
            name: "+3V3".to_string(),
            nodes: Vec::new(),
            no_connect: false,
        },
        SynthNet {
            name: "GND".to_string(),
            nodes: Vec::new(),
            no_connect: false,
        },
    ];
    let mut recent: Vec<usize> = Vec::new();
    for (i, reference) in refs.iter().enumerate() {
        let k = kind_of(i);
        for p in 0..kinds[k].pins.len() {
            let net = match (k, p) {
                (2, 7) => 1,
                (2, 15) => 0,
                _ => {
                    let roll = rng.below(16);
                    if k == 2 && roll == 15 {
                        nets.push(SynthNet {
                            name: format!("unconnected-({reference}-Pad{})", p + 1),
                            nodes: Vec::new(),
                            no_connect: true,
                        });
                        nets.len() - 1
                    } else if roll < 7 && !recent.is_empty() {
                        let window = recent.len().min(32) as u64;
                        recent[recent.len() - 1 - rng.below(window) as usize]
                    } else {
                        let s = i / per_sheet;
                        let name = if s == 0 {
                            format!("/N{}", nets.len())
                        } else {
                            format!("{}N{}", SHEETS[s], nets.len())
                        };
                        nets.push(SynthNet {
                            name,
                            nodes: Vec::new(),
                            no_connect: false,
                        });
                        recent.push(nets.len() - 1);
                        nets.len() - 1
                    }
                }
            };
            nets[net].nodes.push((i, p));
        }
    }
    let mut code = 0;
    for net in nets.iter().filter(|n| !n.nodes.is_empty()) {
        code += 1;
        write!(
            out,
            "\n    (net (code \"{code}\") (name \"{}\") (class \"Default\")",
            net.name
        )
        .unwrap();
        for &(i, p) in &net.nodes {
            let (number, name, electrical) = &kinds[kind_of(i)].pins[p];
            write!(
                out,
                "\n      (node (ref \"{}\") (pin \"{number}\")",
                refs[i]
            )
            .unwrap();
            if !name.is_empty() {
                write!(out, " (pinfunction \"{name}\")").unwrap();
            }
            let suffix = if net.no_connect { "+no_connect" } else { "" };
            write!(out, " (pintype \"{electrical}{suffix}\"))").unwrap();
        }
        out.push(')');
    }
    out.push_str("))");
    out.into_bytes()
}
