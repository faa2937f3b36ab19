//! Circuit JSON read and write, and circuit-synth import, on a 10,000-component design.

use circuitsynth_netlist::model::{Component, Definition, Design, Net, PinRef, ReferenceKind};
use circuitsynth_netlist::{circuit_json, circuit_synth};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A chain of resistors: R1..R10000, each pin 2 joined to the next pin 1, with fields and a
/// footprint, as a generated board would have them.
fn chain(count: usize) -> Design {
    let mut components = Vec::with_capacity(count);
    let mut nets = Vec::with_capacity(count + 1);
    for i in 1..=count {
        components.push(Component {
            id: format!("R{i}"),
            symbol: "Device:R".to_string(),
            reference_kind: ReferenceKind::Prefix,
            reference: "R".to_string(),
            value: "10k".to_string(),
            footprint: "Resistor_SMD:R_0603_1608Metric".to_string(),
            fields: vec![("MPN".to_string(), "RC0603FR-0710KL".to_string())],
            ..Component::default()
        });
    }
    for i in 0..=count {
        let mut nodes = Vec::new();
        if i > 0 {
            nodes.push(PinRef {
                component: format!("R{i}"),
                pin: "2".to_string(),
                ..PinRef::default()
            });
        }
        if i < count {
            nodes.push(PinRef {
                component: format!("R{}", i + 1),
                pin: "1".to_string(),
                ..PinRef::default()
            });
        }
        nets.push(Net {
            name: (i % 10 == 0).then(|| format!("N{i}")),
            nodes,
            ..Net::default()
        });
    }
    Design {
        name: "chain".to_string(),
        root: "Main".to_string(),
        definitions: vec![Definition {
            name: "Main".to_string(),
            components,
            nets,
            ..Definition::default()
        }],
        sheet_uuids: Vec::new(),
    }
}

/// The same chain in circuit-synth's shape.
fn chain_circuit_synth(count: usize) -> Vec<u8> {
    let mut s = String::from("{\"name\": \"chain\", \"components\": {");
    for i in 1..=count {
        if i > 1 {
            s.push_str(", ");
        }
        s.push_str(&format!(
            "\"R{i}\": {{\"symbol\": \"Device:R\", \"ref\": \"R{i}\", \"value\": \"10k\", \
             \"footprint\": \"Resistor_SMD:R_0603_1608Metric\", \"_extra_fields\": {{\"MPN\": \"x\"}}, \
             \"pins\": [{{\"pin_id\": \"1\", \"name\": \"~\", \"num\": \"1\", \"func\": \"passive\", \"unit\": 1}}, \
             {{\"pin_id\": \"2\", \"name\": \"~\", \"num\": \"2\", \"func\": \"passive\", \"unit\": 1}}]}}"
        ));
    }
    s.push_str("}, \"nets\": {");
    for i in 1..count {
        if i > 1 {
            s.push_str(", ");
        }
        s.push_str(&format!(
            "\"N${i}\": [{{\"component\": \"R{i}\", \"pin\": {{\"number\": \"2\"}}}}, \
             {{\"component\": \"R{}\", \"pin\": {{\"number\": \"1\"}}}}]",
            i + 1
        ));
    }
    s.push_str("}, \"subcircuits\": []}");
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let design = chain(10_000);
    let json = circuit_json::write(&design);
    let synth = chain_circuit_synth(10_000);
    let mut group = c.benchmark_group("circuit_json_10000_components");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("read", |b| {
        b.iter(|| circuit_json::read(&json).expect("reads"))
    });
    group.bench_function("write", |b| b.iter(|| circuit_json::write(&design)));
    group.throughput(Throughput::Bytes(synth.len() as u64));
    group.bench_function("read_circuit_synth", |b| {
        b.iter_with_large_drop(|| circuit_synth::read(&synth).expect("reads"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
