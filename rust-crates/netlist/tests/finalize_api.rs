//! Finalize on designs built in code (the API's path, items without origins): the messages
//! circuit JSON vectors cannot reach, absolute names and kept UUIDs from `.net` imports, the
//! libraries section, and the netlist the schematic writer reads. The Java twin is
//! `io.circuitsynth.netlist.FinalizerTest`.

mod support;

use std::fs;

use circuitsynth_netlist::finalize::{finalize, NetSheet, NONE};
use circuitsynth_netlist::model::{
    Component, Definition, Design, Instance, Net, PinRef, PinSpec, ReferenceKind,
};
use circuitsynth_netlist::net_write::{write_net, write_net_dated};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

fn component(id: &str, symbol: &str, kind: ReferenceKind, reference: &str) -> Component {
    Component {
        id: id.into(),
        symbol: symbol.into(),
        reference_kind: kind,
        reference: reference.into(),
        ..Component::default()
    }
}

fn resistor(id: &str) -> Component {
    component(id, "Device:R", ReferenceKind::Prefix, "R")
}

fn node(component: &str, pin: &str) -> PinRef {
    PinRef {
        component: component.into(),
        pin: pin.into(),
        ..PinRef::default()
    }
}

fn net(name: Option<&str>, nodes: Vec<PinRef>) -> Net {
    Net {
        name: name.map(str::to_string),
        nodes,
        ..Net::default()
    }
}

fn root(components: Vec<Component>, nets: Vec<Net>) -> Definition {
    Definition {
        name: "Main".into(),
        components,
        nets,
        ..Definition::default()
    }
}

fn design(definitions: Vec<Definition>) -> Design {
    Design {
        name: "api".into(),
        root: "Main".into(),
        definitions,
        sheet_uuids: Vec::new(),
    }
}

fn error(design: &Design) -> String {
    let index = support::builtin_index();
    finalize(design, &index).expect_err("finalize must fail")
}

#[test]
fn messages_without_origins_have_no_prefix() {
    let d = design(vec![root(
        vec![component("D", "Device:LEDx", ReferenceKind::Prefix, "D")],
        vec![],
    )]);
    assert_eq!(
        error(&d),
        "unknown symbol Device:LEDx; did you mean Device:LED"
    );
    let d = design(vec![root(
        vec![component("X", "NoColon", ReferenceKind::Prefix, "X")],
        vec![],
    )]);
    assert!(error(&d).starts_with("unknown symbol NoColon"));
}

#[test]
fn nodes_and_marks_naming_missing_components() {
    let mut n = net(Some("VIN"), vec![node("R", "1"), node("R9", "1")]);
    n.origin = Some("net origin".into());
    let d = design(vec![root(vec![resistor("R")], vec![n])]);
    // A node without an origin of its own is reported at its net's.
    assert_eq!(
        error(&d),
        "net origin: net VIN in definition Main: no component \"R9\""
    );
    let mut main = root(vec![resistor("R")], vec![]);
    main.no_connects = vec![node("R7", "1")];
    assert_eq!(
        error(&design(vec![main])),
        "no-connect in definition Main: no component \"R7\""
    );
    let mut main = root(vec![resistor("R")], vec![]);
    main.no_connects = vec![node("R", "9")];
    assert_eq!(
        error(&design(vec![main])),
        "component R of Main (Device:R) has no pin \"9\"; its pins are 1, 2"
    );
}

#[test]
fn pin_tables_with_unknown_types_and_no_pins() {
    let mut c = component("U", "Chips:Odd", ReferenceKind::Prefix, "U");
    c.pins = Some(vec![PinSpec {
        number: "1".into(),
        name: "A".into(),
        electrical_type: "analog".into(),
        unit: 0,
        hidden: false,
    }]);
    assert_eq!(
        error(&design(vec![root(vec![c], vec![])])),
        "component U of Main: pin 1 has unknown electrical type 'analog'; expected one of input, output, bidirectional, tri_state, passive, free, unspecified, power_in, power_out, open_collector, open_emitter, no_connect"
    );
    let mut c = component("U", "Chips:Empty", ReferenceKind::Prefix, "U");
    c.pins = Some(Vec::new());
    let d = design(vec![root(vec![c], vec![net(None, vec![node("U", "1")])])]);
    assert_eq!(
        error(&d),
        "component U of Main (Chips:Empty) has no pin \"1\"; it has no pins"
    );
}

#[test]
fn hierarchy_faults_of_the_api() {
    let mut d = design(vec![root(vec![], vec![])]);
    d.root = "Top".into();
    assert_eq!(
        error(&d),
        "the root definition Top is not one of the design's definitions"
    );

    let channel = Definition {
        name: "Channel".into(),
        ports: vec!["IN".into()],
        components: vec![resistor("R")],
        nets: vec![net(Some("IN"), vec![node("R", "1")])],
        ..Definition::default()
    };
    let place = |name: &str, bindings: Vec<(&str, &str)>| Instance {
        name: name.into(),
        definition: "Channel".into(),
        bindings: bindings
            .into_iter()
            .map(|(p, n)| (p.to_string(), n.to_string()))
            .collect(),
        origin: None,
    };
    let with = |instance: Instance| {
        let mut main = root(vec![], vec![net(Some("A"), vec![])]);
        main.instances = vec![instance];
        design(vec![main, channel.clone()])
    };
    assert_eq!(
        error(&with(place("", vec![("IN", "A")]))),
        "an instance of Channel in definition Main has an empty name"
    );
    assert_eq!(
        error(&with(place("ch", vec![("IN", "A"), ("IN", "A")]))),
        "port IN of instance /ch/ (definition Channel) is bound twice"
    );
    assert_eq!(
        error(&with(place("ch", vec![("IN", "Elsewhere")]))),
        "port IN of instance /ch/ must be bound to a net of Main, the definition that places it"
    );
}

#[test]
fn hidden_power_pins_may_be_listed_in_their_own_power_net() {
    let mut c = component("U", "Chips:X", ReferenceKind::Prefix, "U");
    c.pins = Some(vec![
        PinSpec {
            number: "1".into(),
            name: "GND".into(),
            electrical_type: "power_in".into(),
            unit: 0,
            hidden: true,
        },
        PinSpec {
            number: "2".into(),
            name: "OUT".into(),
            electrical_type: "output".into(),
            unit: 0,
            hidden: false,
        },
    ]);
    let d = design(vec![root(
        vec![c, resistor("R")],
        vec![
            net(Some("GND"), vec![node("U", "GND"), node("R", "1")]),
            net(None, vec![node("U", "OUT"), node("R", "2")]),
        ],
    )]);
    let index = support::builtin_index();
    let netlist = finalize(&d, &index).expect("finalizes");
    let names: Vec<&str> = netlist.nets.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["GND", "Net-(U1-OUT)"]);
    assert!(netlist.nets[0].power);
}

#[test]
fn absolute_names_and_kept_uuids_are_used_as_read() {
    let mut c = component(
        "U1",
        "Amplifier_Operational:OpAmp_Dual",
        ReferenceKind::Absolute,
        "U1",
    );
    c.uuids = vec!["u-3".into(), "u-1".into(), "u-2".into()];
    let mut r = component("R1", "Device:R", ReferenceKind::Absolute, "R1");
    r.uuids = vec!["r-1".into()];
    let mut a = net(
        Some("/weird{slash}name"),
        vec![node("R1", "1"), node("U1", "1")],
    );
    a.absolute = true;
    let mut main = root(vec![c, r], vec![a]);
    main.no_connects = vec![node("R1", "2")];
    let mut d = design(vec![main]);
    d.sheet_uuids = vec![("/".into(), "root-uuid".into())];
    let index = support::builtin_index();
    let netlist = finalize(&d, &index).expect("finalizes");
    assert_eq!(netlist.sheets[0].uuid, "root-uuid");
    assert_eq!(netlist.sheets[0].tstamps, "/");
    assert!(netlist.components[0].uuids_kept);
    let text = String::from_utf8(write_net(&netlist)).expect("UTF-8");
    assert!(
        text.contains("\n      (tstamps \"u-3\" \"u-1\" \"u-2\"))"),
        "{text}"
    );
    assert!(text.contains("\n      (tstamps \"r-1\"))"), "{text}");
    assert!(text.contains("(net (code \"1\") (name \"/weird{slash}name\") (class \"Default\")"));
    assert!(text.contains(
        "(name \"unconnected-(R1-Pad2)\") (class \"Default\")\n      (node (ref \"R1\") (pin \"2\") (pintype \"passive+no_connect\"))"
    ));
}

#[test]
fn the_date_goes_into_the_design_section() {
    let d = design(vec![root(vec![resistor("R")], vec![])]);
    let index = support::builtin_index();
    let netlist = finalize(&d, &index).expect("finalizes");
    let text = String::from_utf8(write_net_dated(&netlist, "2025-01-01")).expect("UTF-8");
    assert!(text.contains("\n    (date \"2025-01-01\")\n    (tool \"circuitsynth\")"));
    assert!(text.ends_with(")))"));
}

#[test]
fn libraries_section_lists_file_libraries_by_absolute_path() {
    let dir = std::env::temp_dir().join(format!("circuitsynth-netlib-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temporary folder");
    let builtin =
        support::repo().join("java-api/src/main/resources/io/circuitsynth/symbols/builtin");
    let device = dir.join("Device.kicad_sym");
    fs::copy(builtin.join("Device.kicad_sym"), &device).expect("copy Device");
    let power = fs::read(builtin.join("power.kicad_sym")).expect("power");
    let index = SymbolIndex::open(
        &[
            LibrarySource::file("Device", &device),
            LibrarySource::memory("power", "circuitsynth-builtin/power.kicad_sym", power),
        ],
        None,
    );
    let mut pwr = component("F", "power:PWR_FLAG", ReferenceKind::Prefix, "FLG");
    pwr.value = "flag".into();
    let mut off = component("Coff", "Device:C", ReferenceKind::Prefix, "C");
    off.on_board = false;
    let d = design(vec![root(vec![resistor("R"), pwr, off], vec![])]);
    let netlist = finalize(&d, &index).expect("finalizes");
    assert_eq!(
        netlist.libraries,
        [("Device".to_string(), device.display().to_string())]
    );
    let text = String::from_utf8(write_net(&netlist)).expect("UTF-8");
    let expected = format!(
        "\n  (libraries\n    (library (logical \"Device\")\n      (uri \"{}\")))\n  (nets",
        device.display()
    );
    assert!(text.contains(&expected), "{text}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_netlist_tells_the_schematic_writer_where_nets_go() {
    let json = fs::read(support::repo().join("conformance/netlist/hierarchy.json"))
        .expect("the hierarchy vector");
    let d = circuitsynth_netlist::circuit_json::read(&json).expect("reads");
    let index = support::builtin_index();
    let netlist = finalize(&d, &index).expect("finalizes");
    let paths: Vec<&str> = netlist.sheets.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["/", "/ch1/", "/ch2/", "/psu/"]);
    assert_eq!(netlist.sheets[0].parent, NONE);
    assert_eq!(netlist.sheets[1].parent, 0);
    assert_eq!(netlist.sheets[2].definition, "Channel");
    assert_eq!(netlist.sheet_components(1).len(), 3);
    let find = |name: &str| {
        netlist
            .nets
            .iter()
            .position(|n| n.name == name)
            .unwrap_or_else(|| panic!("net {name}"))
    };
    let mid = &netlist.nets[find("/ch1/OUT")];
    assert_eq!(
        mid.sheets,
        [
            NetSheet {
                sheet: 0,
                port: None,
                label: None
            },
            NetSheet {
                sheet: 1,
                port: Some("OUT"),
                label: None
            },
            NetSheet {
                sheet: 2,
                port: Some("IN"),
                label: None
            },
        ]
    );
    let sig = &netlist.nets[find("/SIG")];
    assert_eq!(
        sig.sheets,
        [
            NetSheet {
                sheet: 0,
                port: None,
                label: Some("SIG")
            },
            NetSheet {
                sheet: 1,
                port: Some("IN"),
                label: None
            },
        ]
    );
    let gnd = &netlist.nets[find("GND")];
    assert!(gnd.power);
    assert_eq!(
        gnd.sheets.iter().map(|s| s.sheet).collect::<Vec<_>>(),
        [0, 1, 2]
    );
    assert_eq!(netlist.nets[find("/OUT")].class, "Signal");
    // Every pin's net holds the pin.
    for (c, component) in netlist.components.iter().enumerate() {
        for p in 0..netlist.parts[component.part as usize].pins.len() as u32 {
            let n = &netlist.nets[netlist.net_of(c as u32, p) as usize];
            assert!(n
                .nodes
                .iter()
                .any(|at| at.component == c as u32 && at.pin == p));
        }
    }
    let q201 = netlist
        .components
        .iter()
        .find(|c| c.reference == "Q201")
        .expect("Q201");
    assert_eq!(q201.spec.id, "Q");
    assert_eq!(netlist.parts[q201.part as usize].pins[0].name, "B");
}

fn with_table(id: &str, symbol: &str, reference: &str, pins: &[(&str, &str)]) -> Component {
    Component {
        pins: Some(
            pins.iter()
                .map(|&(number, name)| PinSpec {
                    number: number.into(),
                    name: name.into(),
                    electrical_type: "passive".into(),
                    ..PinSpec::default()
                })
                .collect(),
        ),
        ..component(id, symbol, ReferenceKind::Prefix, reference)
    }
}

#[test]
fn components_with_one_pin_table_share_a_part() {
    let two = [("1", "~"), ("2", "~")];
    let d = design(vec![root(
        vec![
            with_table("a", "Lost:R", "R", &two),
            with_table("b", "Lost:R", "R", &two),
            // Another table, another prefix, another symbol: each its own part.
            with_table("c", "Lost:R", "R", &[("1", "~"), ("2", "B")]),
            with_table("d", "Lost:R", "RN", &two),
            with_table("e", "Lost:C", "R", &two),
            with_table("f", "Lost:R", "R", &two),
        ],
        vec![],
    )]);
    let index = support::builtin_index();
    let netlist = finalize(&d, &index).expect("finalizes");
    let parts: Vec<u32> = netlist.components.iter().map(|c| c.part).collect();
    assert_eq!(parts, [0, 0, 1, 2, 3, 0]);
    assert_eq!(netlist.parts.len(), 4);
    assert_eq!(netlist.parts[2].fields[0].1, "RN");
    assert_eq!(netlist.parts[1].pins[1].name, "B");
}
