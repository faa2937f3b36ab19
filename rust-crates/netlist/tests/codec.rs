//! The design codec against `conformance/netlist/codec/` (golden bytes, refused bytes and their
//! messages, shared with the Java twin's `DesignCodecTest`) and its properties: every design
//! round-trips, no input makes decoding panic, every accepted input re-encodes to itself, and
//! `decode_outline` accepts and refuses exactly what `decode` does.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_netlist::codec::{decode, decode_outline, encode, encode_outline};
use circuitsynth_netlist::model::{
    Component, Definition, Design, Instance, Net, Outline, PinRef, PinSpec, Power, ReferenceKind,
};
use circuitsynth_netlist::synthetic;
use proptest::prelude::*;

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist/codec")
}

/// Hex pairs; whitespace and `#` comments ignored (the vector format).
fn read_hex(path: &Path) -> Vec<u8> {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut digits = Vec::new();
    for line in text.lines() {
        let data = line.split('#').next().unwrap_or("");
        digits.extend(data.chars().filter(|c| !c.is_whitespace()));
    }
    assert!(
        digits.len() % 2 == 0,
        "{}: odd number of hex digits",
        path.display()
    );
    digits
        .chunks(2)
        .map(|pair| {
            let s: String = pair.iter().collect();
            u8::from_str_radix(&s, 16)
                .unwrap_or_else(|_| panic!("{}: bad hex pair {s}", path.display()))
        })
        .collect()
}

/// The vector layout: 16 bytes per line, their printable ASCII as a comment.
fn to_hex(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(16) {
        let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let ascii: String = chunk
            .iter()
            .map(|&b| {
                if (0x20..0x7F).contains(&b) {
                    b as char
                } else {
                    '.'
                }
            })
            .collect();
        out.push_str(&format!("{:<48}# {ascii}\n", hex.join(" ")));
    }
    out
}

fn assert_golden(name: &str, design: &Design) {
    let path = vector_dir().join(name);
    let bytes = encode(design);
    let expected = read_hex(&path);
    assert!(
        bytes == expected,
        "{} differs from the encoding; the encoding is:\n{}",
        path.display(),
        to_hex(&bytes)
    );
    assert_eq!(&decode(&expected).expect("golden decodes"), design);
    assert_eq!(decode_outline(&expected), Ok(Outline::of(design)));
}

/// `decode_outline` accepts what `decode` accepts, with the outline of its design, and refuses
/// what it refuses, with its message.
fn outline_agrees(bytes: &[u8]) -> Result<(), String> {
    let outline = decode_outline(bytes);
    match decode(bytes) {
        Ok(design) if outline.as_ref() == Ok(&Outline::of(&design)) => Ok(()),
        Err(message) if outline.as_ref().err() == Some(&message) => Ok(()),
        decoded => Err(format!(
            "decode gave {decoded:?} but decode_outline {outline:?}"
        )),
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

/// The twin of `DesignCodecTest.smallDesign()`.
fn small_design() -> Design {
    let u1 = Component {
        id: s("U1"),
        symbol: s("Amplifier_Operational:OpAmp_Dual"),
        reference_kind: ReferenceKind::Fixed,
        reference: s("U1"),
        value: s("OpAmp_Dual"),
        footprint: s("Package_SO:SOIC-8_3.9x4.9mm_P1.27mm"),
        description: s("Dual op amp"),
        fields: vec![(s("MPN"), s("LM358DR")), (s("Note"), s(""))],
        origin: Some(s("$.definitions.Main.components[0]")),
        ..Component::default()
    };
    let r = Component {
        id: s("Rin"),
        symbol: s("Device:R"),
        reference: s("R"),
        value: s("10k"),
        datasheet: s("~"),
        dnp: true,
        in_bom: false,
        pins: Some(Vec::new()),
        uuids: vec![s("00000000-0000-0000-0000-0000322d3011")],
        ..Component::default()
    };
    let j = Component {
        id: s("J1"),
        symbol: s("Custom:Box"),
        reference_kind: ReferenceKind::Absolute,
        reference: s("J1"),
        value: s("\u{3a9} \u{b5}\u{1F50C}"),
        on_board: false,
        pins: Some(vec![
            PinSpec {
                number: s("1"),
                name: s("IN"),
                electrical_type: s("input"),
                unit: 0,
                hidden: false,
            },
            PinSpec {
                number: s("2"),
                name: s(""),
                electrical_type: s("power_in"),
                unit: 200,
                hidden: true,
            },
        ]),
        origin: Some(s("")),
        ..Component::default()
    };
    let main = Definition {
        name: s("Main"),
        ports: vec![],
        components: vec![u1, r, j],
        nets: vec![
            Net {
                name: Some(s("VIN")),
                nodes: vec![PinRef {
                    component: s("Rin"),
                    pin: s("1"),
                    unit: 0,
                    origin: Some(s("$.definitions.Main.nets[0].nodes[0]")),
                }],
                origin: Some(s("$.definitions.Main.nets[0]")),
                ..Net::default()
            },
            Net {
                id: Some(s("n1")),
                power: Power::Yes,
                class: s("Power"),
                nodes: vec![
                    PinRef {
                        component: s("Rin"),
                        pin: s("2"),
                        ..PinRef::default()
                    },
                    PinRef {
                        component: s("U1"),
                        pin: s("-"),
                        unit: 1,
                        origin: None,
                    },
                ],
                absolute: true,
                ..Net::default()
            },
            Net {
                name: Some(s("")),
                id: Some(s("")),
                power: Power::No,
                ..Net::default()
            },
        ],
        no_connects: vec![PinRef {
            component: s("U1"),
            pin: s("7"),
            ..PinRef::default()
        }],
        instances: vec![Instance {
            name: s("ch1"),
            definition: s("Channel"),
            bindings: vec![(s("IN"), s("VIN")), (s("OUT"), s("n1"))],
            origin: Some(s("$.definitions.Main.instances[0]")),
        }],
        origin: Some(s("$.definitions.Main")),
    };
    let channel = Definition {
        name: s("Channel"),
        ports: vec![s("IN"), s("OUT")],
        ..Definition::default()
    };
    Design {
        name: s("amp"),
        root: s("Main"),
        definitions: vec![main, channel],
        sheet_uuids: vec![(s("/ch1/"), s("6ba7b811-9dad-11d1-80b4-00c04fd430c8"))],
    }
}

#[test]
fn small_design_encodes_to_the_golden_bytes() {
    assert_golden("small.hex", &small_design());
}

/// The outline of the small design, with and without component names, against the bytes Java's
/// `DesignCodec.encodeOutline` must give too.
#[test]
fn small_outlines_encode_to_the_golden_bytes() {
    for (names, file) in [
        (true, "small.outline.hex"),
        (false, "small.nameless-outline.hex"),
    ] {
        let bytes = encode_outline(&small_design(), names);
        let path = vector_dir().join(file);
        if std::env::var_os("CIRCUITSYNTH_WRITE_VECTORS").is_some() {
            let header = format!(
                "# the outline of small.hex's design, component names {}: encode_outline / \
                 DesignCodec.encodeOutline; see README.md\n",
                if names { "kept" } else { "left out" }
            );
            fs::write(&path, header + &to_hex(&bytes)).expect("write the vector");
        }
        assert!(
            bytes == read_hex(&path),
            "{} differs from the outline; it is:\n{}",
            path.display(),
            to_hex(&bytes)
        );
        assert_eq!(
            decode_outline(&bytes),
            decode(&bytes)
                .as_ref()
                .map(Outline::of)
                .map_err(Clone::clone)
        );
    }
}

#[test]
fn synthetic_design_matches_the_java_generator() {
    assert_golden("synthetic.hex", &synthetic::design(12, 14));
}

#[test]
fn refused_bytes_give_the_vector_messages() {
    let dir = vector_dir();
    let mut checked = 0;
    let mut entries: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".bad.hex"))
        .collect();
    entries.sort();
    for path in entries {
        let stem = path
            .to_string_lossy()
            .trim_end_matches(".bad.hex")
            .to_string();
        let expected =
            fs::read_to_string(format!("{stem}.err")).unwrap_or_else(|e| panic!("{stem}.err: {e}"));
        let bytes = read_hex(&path);
        assert_eq!(decode(&bytes), Err(expected.clone()), "{}", path.display());
        assert_eq!(
            decode_outline(&bytes),
            Err(expected),
            "{} (outline)",
            path.display()
        );
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} refused-bytes vectors in {}",
        dir.display()
    );
}

#[test]
fn a_large_design_round_trips() {
    let design = synthetic::design(10_000, 12_000);
    let bytes = encode(&design);
    assert_eq!(decode(&bytes).expect("decodes"), design);
    assert_eq!(decode_outline(&bytes), Ok(Outline::of(&design)));
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,6}"
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn unit() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..4, 0u32..=i32::MAX as u32]
}

fn pin_ref() -> impl Strategy<Value = PinRef> {
    (text(), text(), unit(), optional_text()).prop_map(|(component, pin, unit, origin)| PinRef {
        component,
        pin,
        unit,
        origin,
    })
}

fn pin_spec() -> impl Strategy<Value = PinSpec> {
    (text(), text(), text(), unit(), any::<bool>()).prop_map(
        |(number, name, electrical_type, unit, hidden)| PinSpec {
            number,
            name,
            electrical_type,
            unit,
            hidden,
        },
    )
}

fn component() -> impl Strategy<Value = Component> {
    (
        (
            text(),
            text(),
            0u8..3,
            text(),
            text(),
            text(),
            text(),
            text(),
        ),
        (
            prop::collection::vec((text(), text()), 0..3),
            any::<(bool, bool, bool)>(),
            prop::option::of(prop::collection::vec(pin_spec(), 0..3)),
            prop::collection::vec(text(), 0..2),
            optional_text(),
        ),
    )
        .prop_map(
            |(
                (id, symbol, kind, reference, value, footprint, datasheet, description),
                (fields, (dnp, in_bom, on_board), pins, uuids, origin),
            )| Component {
                id,
                symbol,
                reference_kind: [
                    ReferenceKind::Prefix,
                    ReferenceKind::Fixed,
                    ReferenceKind::Absolute,
                ][kind as usize],
                reference,
                value,
                footprint,
                datasheet,
                description,
                fields,
                dnp,
                in_bom,
                on_board,
                pins,
                uuids,
                origin,
            },
        )
}

fn net() -> impl Strategy<Value = Net> {
    (
        optional_text(),
        optional_text(),
        0u8..3,
        text(),
        prop::collection::vec(pin_ref(), 0..3),
        any::<bool>(),
        optional_text(),
    )
        .prop_map(|(name, id, power, class, nodes, absolute, origin)| Net {
            name,
            id,
            power: [Power::Auto, Power::Yes, Power::No][power as usize],
            class,
            nodes,
            absolute,
            origin,
        })
}

fn instance() -> impl Strategy<Value = Instance> {
    (
        text(),
        text(),
        prop::collection::vec((text(), text()), 0..3),
        optional_text(),
    )
        .prop_map(|(name, definition, bindings, origin)| Instance {
            name,
            definition,
            bindings,
            origin,
        })
}

fn definition() -> impl Strategy<Value = Definition> {
    (
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(component(), 0..4),
        prop::collection::vec(net(), 0..4),
        prop::collection::vec(pin_ref(), 0..2),
        prop::collection::vec(instance(), 0..2),
        optional_text(),
    )
        .prop_map(
            |(name, ports, components, nets, no_connects, instances, origin)| Definition {
                name,
                ports,
                components,
                nets,
                no_connects,
                instances,
                origin,
            },
        )
}

fn design() -> impl Strategy<Value = Design> {
    (
        text(),
        text(),
        prop::collection::vec(definition(), 0..3),
        prop::collection::vec((text(), text()), 0..2),
    )
        .prop_map(|(name, root, definitions, sheet_uuids)| Design {
            name,
            root,
            definitions,
            sheet_uuids,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_design_round_trips(design in design()) {
        let bytes = encode(&design);
        prop_assert_eq!(decode_outline(&bytes), Ok(Outline::of(&design)));
        prop_assert_eq!(decode(&bytes), Ok(design));
    }

    #[test]
    fn damaged_encodings_never_panic_and_accepted_ones_re_encode_to_themselves(
        design in design(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..4),
    ) {
        let mut bytes = encode(&design);
        for (at, byte, kind) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => bytes.truncate(i),
                _ => bytes.insert(i, byte),
            }
        }
        if let Err(disagreement) = outline_agrees(&bytes) {
            prop_assert!(false, "{}", disagreement);
        }
        if let Ok(decoded) = decode(&bytes) {
            prop_assert_eq!(encode(&decoded), bytes);
        } else if let Err(message) = decode(&bytes) {
            prop_assert!(message.starts_with("malformed design encoding at byte "), "{}", message);
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut framed = b"CSDE\x01".to_vec();
        framed.extend_from_slice(&bytes);
        for input in [&bytes, &framed] {
            if let Err(disagreement) = outline_agrees(input) {
                prop_assert!(false, "{}", disagreement);
            }
            match decode(input) {
                Ok(decoded) => prop_assert_eq!(&encode(&decoded), input),
                Err(message) => prop_assert!(message.starts_with("malformed design encoding at byte ")),
            }
        }
    }
}
