//! Criterion benchmarks of finalize and the `.net` writer on a synthetic design of 10,000
//! components and 12,002 nets: 200 instances of a 50-component channel (40 resistors in a chain,
//! 10 transistors), chained through their ports, against the built-in libraries.

use std::hint::black_box;
use std::path::Path;

use circuitsynth_netlist::finalize::finalize;
use circuitsynth_netlist::model::{
    Component, Definition, Design, Instance, Net, PinRef, ReferenceKind,
};
use circuitsynth_netlist::net_write::write_net;
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};
use criterion::{criterion_group, criterion_main, Criterion};

const CHANNELS: usize = 200;

fn node(component: &str, pin: &str) -> PinRef {
    PinRef {
        component: component.into(),
        pin: pin.into(),
        ..PinRef::default()
    }
}

fn net(name: Option<String>, nodes: Vec<PinRef>) -> Net {
    Net {
        name,
        nodes,
        ..Net::default()
    }
}

fn channel() -> Definition {
    let mut components = Vec::new();
    for k in 0..40 {
        components.push(Component {
            id: format!("R{k}"),
            symbol: "Device:R".into(),
            reference_kind: ReferenceKind::Prefix,
            reference: "R".into(),
            value: format!("{}k", k + 1),
            footprint: "Resistor_SMD:R_0603_1608Metric".into(),
            fields: vec![("MPN".into(), format!("RC0603-{k}"))],
            ..Component::default()
        });
    }
    for j in 0..10 {
        components.push(Component {
            id: format!("Q{j}"),
            symbol: "Transistor_BJT:Q_NPN_BCE".into(),
            reference_kind: ReferenceKind::Prefix,
            reference: "Q".into(),
            value: "BC547".into(),
            footprint: "Package_TO_SOT_SMD:SOT-23".into(),
            ..Component::default()
        });
    }
    let mut nets = vec![
        net(Some("IN".into()), vec![node("R0", "1")]),
        net(Some("OUT".into()), vec![node("R39", "2")]),
    ];
    for k in 0..39 {
        // Every fourth link is labelled; the others take pin-driven names.
        let name = (k % 4 == 0).then(|| format!("L{k}"));
        nets.push(net(
            name,
            vec![
                node(&format!("R{k}"), "2"),
                node(&format!("R{}", k + 1), "1"),
            ],
        ));
    }
    for j in 0..10 {
        nets.push(net(
            Some(format!("S{j}")),
            vec![node(&format!("Q{j}"), "B")],
        ));
    }
    nets.push(net(
        Some("GND".into()),
        (0..10).map(|j| node(&format!("Q{j}"), "E")).collect(),
    ));
    Definition {
        name: "Channel".into(),
        ports: vec!["IN".into(), "OUT".into()],
        components,
        nets,
        ..Definition::default()
    }
}

fn design() -> Design {
    let mut nets = Vec::new();
    let mut instances = Vec::new();
    for i in 0..=CHANNELS {
        nets.push(Net {
            id: Some(format!("link{i}")),
            ..Net::default()
        });
    }
    for i in 0..CHANNELS {
        instances.push(Instance {
            name: format!("ch{i}"),
            definition: "Channel".into(),
            bindings: vec![
                ("IN".into(), format!("link{i}")),
                ("OUT".into(), format!("link{}", i + 1)),
            ],
            origin: None,
        });
    }
    Design {
        name: "bench".into(),
        root: "Main".into(),
        definitions: vec![
            Definition {
                name: "Main".into(),
                nets,
                instances,
                ..Definition::default()
            },
            channel(),
        ],
        sheet_uuids: Vec::new(),
    }
}

fn builtin_index() -> SymbolIndex {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../java-api/src/main/resources/io/circuitsynth/symbols/builtin");
    let sources: Vec<LibrarySource> = ["Device", "Transistor_BJT"]
        .iter()
        .map(|n| {
            let bytes =
                std::fs::read(dir.join(format!("{n}.kicad_sym"))).expect("built-in library");
            LibrarySource::memory(*n, format!("circuitsynth-builtin/{n}.kicad_sym"), bytes)
        })
        .collect();
    SymbolIndex::open(&sources, None)
}

fn benches(c: &mut Criterion) {
    let design = design();
    let index = builtin_index();
    let netlist = finalize(&design, &index).expect("the synthetic design finalizes");
    assert_eq!(netlist.components.len(), 10_000);
    let nets = netlist.nets.len();
    assert!((11_900..=12_100).contains(&nets), "{nets} nets");

    let mut group = c.benchmark_group("netlist");
    group.sample_size(30);
    group.bench_function("finalize_10k", |b| {
        b.iter(|| finalize(black_box(&design), &index).expect("finalizes"));
    });
    group.bench_function("write_net_10k", |b| {
        b.iter(|| write_net(black_box(&netlist)))
    });
    group.bench_function("finalize_and_write_10k", |b| {
        b.iter(|| write_net(&finalize(black_box(&design), &index).expect("finalizes")));
    });
    group.finish();
}

criterion_group!(netlist_benches, benches);
criterion_main!(netlist_benches);
