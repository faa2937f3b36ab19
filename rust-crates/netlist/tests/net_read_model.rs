//! `read_hierarchy.in.net` read into exactly the design section 4 describes, field by field:
//! nested sheets, a sheet file placed twice, nets through ports, pins from libparts and from
//! nodes, fields, flags, UUIDs, KiCad 6's `tstamp`, ignored children. The Java twin is
//! `NetReaderModelTest`.

use std::fs;
use std::path::Path;

use circuitsynth_netlist::model::{
    Component, Definition, Design, Instance, Net, PinRef, PinSpec, ReferenceKind,
};
use circuitsynth_netlist::net_read::read;

fn pin(number: &str, name: &str, kind: &str) -> PinSpec {
    PinSpec {
        number: number.into(),
        name: name.into(),
        electrical_type: kind.into(),
        unit: 0,
        hidden: false,
    }
}

fn node(component: &str, pin: &str) -> PinRef {
    PinRef {
        component: component.into(),
        pin: pin.into(),
        unit: 0,
        origin: None,
    }
}

fn net(name: &str, class: &str, nodes: Vec<PinRef>) -> Net {
    Net {
        name: Some(name.into()),
        class: class.into(),
        nodes,
        absolute: true,
        ..Net::default()
    }
}

fn binds(names: &[&str]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|n| (n.to_string(), n.to_string()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn resistor(reference: &str, value: &str, uuid: &str) -> Component {
    Component {
        id: reference.into(),
        symbol: "Device:R".into(),
        reference_kind: ReferenceKind::Absolute,
        reference: reference.into(),
        value: value.into(),
        pins: Some(vec![pin("1", "", "passive"), pin("2", "", "passive")]),
        uuids: strings(&[uuid]),
        ..Component::default()
    }
}

pub fn expected() -> Design {
    let j1 = Component {
        id: "J1".into(),
        symbol: "Connector:Conn_01x02".into(),
        reference_kind: ReferenceKind::Absolute,
        reference: "J1".into(),
        value: "Conn_01x02".into(),
        footprint: "Connector:Conn_01x02".into(),
        datasheet: "~".into(),
        description: "Two pins".into(),
        fields: vec![
            ("MPN".into(), "X-2".into()),
            ("Empty".into(), String::new()),
        ],
        pins: Some(vec![pin("1", "Pin_1", "passive"), pin("2", "", "passive")]),
        uuids: strings(&["aaaaaaaa-0000-0000-0000-000000000001"]),
        ..Component::default()
    };
    let u1 = Component {
        id: "U1".into(),
        symbol: "local:MCU".into(),
        reference_kind: ReferenceKind::Absolute,
        reference: "U1".into(),
        value: "MCU".into(),
        dnp: true,
        in_bom: false,
        on_board: false,
        pins: Some(vec![
            pin("3", "PA0", "bidirectional"),
            pin("2", "GND", "power_in"),
            pin("1", "NC", "no_connect"),
        ]),
        uuids: strings(&[
            "aaaaaaaa-0000-0000-0000-000000000005",
            "aaaaaaaa-0000-0000-0000-000000000004",
        ]),
        ..Component::default()
    };
    Design {
        name: "demo".into(),
        root: "demo".into(),
        definitions: vec![
            Definition {
                name: "demo".into(),
                components: vec![j1],
                nets: vec![
                    net("/IN", "Signal", vec![node("J1", "1")]),
                    net("GND", "Default", vec![node("J1", "2")]),
                    net("/a/MID", "Default", vec![]),
                    net("/EMPTY", "Default", vec![]),
                ],
                instances: vec![
                    Instance {
                        name: "a".into(),
                        definition: "amp".into(),
                        bindings: binds(&["/IN", "GND", "/a/MID"]),
                        origin: None,
                    },
                    Instance {
                        name: "c".into(),
                        definition: "c".into(),
                        bindings: binds(&["GND", "/a/MID"]),
                        origin: None,
                    },
                ],
                ..Definition::default()
            },
            Definition {
                name: "amp".into(),
                ports: strings(&["/IN", "GND", "/a/MID"]),
                components: vec![resistor("R1", "", "aaaaaaaa-0000-0000-0000-000000000002")],
                nets: vec![
                    net("GND", "Default", vec![node("R1", "2")]),
                    net("/a/MID", "Default", vec![node("R1", "1")]),
                ],
                instances: vec![Instance {
                    name: "b".into(),
                    definition: "amp_2".into(),
                    bindings: binds(&["/IN"]),
                    origin: None,
                }],
                ..Definition::default()
            },
            Definition {
                name: "amp_2".into(),
                ports: strings(&["/IN"]),
                components: vec![resistor(
                    "R2",
                    "4k7",
                    "aaaaaaaa-0000-0000-0000-000000000003",
                )],
                nets: vec![
                    net("/IN", "Signal", vec![node("R2", "1")]),
                    net("/a/b/OUT", "Default", vec![node("R2", "2")]),
                ],
                ..Definition::default()
            },
            Definition {
                name: "c".into(),
                ports: strings(&["GND", "/a/MID"]),
                components: vec![u1],
                nets: vec![
                    net("GND", "Default", vec![node("U1", "2")]),
                    net("/a/MID", "Default", vec![node("U1", "3")]),
                    net("unconnected-(U1-NC-Pad1)", "Default", vec![node("U1", "1")]),
                ],
                no_connects: vec![node("U1", "1")],
                ..Definition::default()
            },
        ],
        sheet_uuids: vec![
            ("/a/".into(), "11111111-0000-0000-0000-000000000001".into()),
            (
                "/a/b/".into(),
                "22222222-0000-0000-0000-000000000002".into(),
            ),
            ("/c/".into(), "33333333-0000-0000-0000-000000000003".into()),
        ],
    }
}

#[test]
fn read_hierarchy_gives_the_design_of_section_4() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../conformance/netlist/read_hierarchy.in.net");
    let design = read(&fs::read(path).expect("vector")).expect("reads");
    let expected = expected();
    assert_eq!(design.definitions.len(), expected.definitions.len());
    for (actual, wanted) in design.definitions.iter().zip(&expected.definitions) {
        assert_eq!(actual, wanted, "definition {}", wanted.name);
    }
    assert_eq!(design, expected);
}

#[test]
fn a_design_without_source_or_sheets_is_one_netlist_definition() {
    let design = read(b"(export (version E) (components (comp (ref R1))) (nets (net (name N) (node (ref R1) (pin 1)))))")
        .expect("reads");
    let r1 = Component {
        id: "R1".into(),
        reference_kind: ReferenceKind::Absolute,
        reference: "R1".into(),
        pins: Some(vec![pin("1", "", "")]),
        ..Component::default()
    };
    let expected = Design {
        name: "netlist".into(),
        root: "netlist".into(),
        definitions: vec![Definition {
            name: "netlist".into(),
            components: vec![r1],
            nets: vec![net("N", "Default", vec![node("R1", "1")])],
            ..Definition::default()
        }],
        sheet_uuids: vec![],
    };
    assert_eq!(design, expected);
}
