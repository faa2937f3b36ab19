//! Criterion benchmarks of the whole Rust pipeline ([`generate`]: finalize, pin geometry,
//! placement of every sheet, every file's bytes) on the inputs of the JMH `SchematicBenchmark`:
//! the synthetic 1,500-component, 1,800-net design of `circuitsynth_netlist::synthetic` and the
//! example board (`conformance/example/example.circuit.json`), against the built-in libraries.

use std::fs;
use std::path::Path;

use circuitsynth_netlist::{circuit_json, synthetic};
use circuitsynth_schematic_writer::{builtin_libraries, generate};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};
use criterion::{criterion_group, criterion_main, Criterion};

fn builtin_index() -> SymbolIndex {
    let sources: Vec<LibrarySource> = builtin_libraries()
        .iter()
        .map(|&(nick, bytes)| {
            LibrarySource::memory(
                nick,
                format!("circuitsynth-builtin/{nick}.kicad_sym"),
                bytes.to_vec(),
            )
        })
        .collect();
    SymbolIndex::open(&sources, None)
}

fn benches(c: &mut Criterion) {
    let index = builtin_index();
    let synthetic = synthetic::design(1_500, 1_800);
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../conformance/example/example.circuit.json");
    let json = fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let example = circuit_json::read(&json).expect("the example board reads");

    let mut group = c.benchmark_group("schematic");
    group.sample_size(10);
    group.bench_function("generate_1500", |b| {
        b.iter(|| generate(&synthetic, &index).expect("generates"))
    });
    group.bench_function("generate_example", |b| {
        b.iter(|| generate(&example, &index).expect("generates"))
    });
    group.finish();
}

criterion_group!(schematic, benches);
criterion_main!(schematic);
