//! Criterion benchmarks of the netlist stage on the synthetic designs of
//! `circuitsynth_netlist::synthetic` (the same designs the JMH `NetlistBenchmark` builds through
//! the Java twin), against the built-in symbol libraries: finalize plus `.net` emission of 10,000
//! components and 12,000 nets, finalize alone, one generated reference, reading a
//! 1,500-component `.net`, and the design codec.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use circuitsynth_netlist::{codec, finalize, net_read, net_write, synthetic};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The built-in libraries shipped in the Java jar, read from the source tree.
fn builtin_index() -> SymbolIndex {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../java-api/src/main/resources/io/circuitsynth/symbols/builtin");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    files.sort();
    let sources: Vec<LibrarySource> = files
        .iter()
        .map(|p| {
            let nickname = p.file_stem().expect("stem").to_string_lossy().into_owned();
            let bytes = fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            LibrarySource::memory(
                nickname.clone(),
                format!("builtin:/{nickname}.kicad_sym"),
                Arc::<[u8]>::from(bytes),
            )
        })
        .collect();
    SymbolIndex::open(&sources, None)
}

fn benches(c: &mut Criterion) {
    let index = builtin_index();
    let design = synthetic::design(10_000, 12_000);
    let references = synthetic::prefix_only(10_000);
    let small = synthetic::design(1_500, 1_800);
    let net1500 = net_write::write_net(&finalize::finalize(&small, &index).expect("finalizes"));

    let mut group = c.benchmark_group("netlist");
    group.sample_size(20);
    group.bench_function("write_net_10k", |b| {
        b.iter(|| net_write::write_net(&finalize::finalize(&design, &index).expect("finalizes")))
    });
    group.bench_function("finalize_10k", |b| {
        b.iter(|| finalize::finalize(&design, &index).expect("finalizes"))
    });
    group.bench_function("read_net_1500", |b| {
        b.iter(|| net_read::read(&net1500).expect("reads"))
    });
    group.finish();

    let mut group = c.benchmark_group("references");
    group.sample_size(20);
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("finalize_prefix_only_10k", |b| {
        b.iter(|| finalize::finalize(&references, &index).expect("finalizes"))
    });
    group.finish();

    let encoded = codec::encode(&design);
    let mut group = c.benchmark_group("codec");
    group.throughput(Throughput::Bytes(encoded.len() as u64));
    group.bench_function("encode_10k", |b| b.iter(|| codec::encode(&design)));
    group.bench_function("decode_10k", |b| {
        b.iter(|| codec::decode(&encoded).expect("decodes"))
    });
    group.finish();
}

criterion_group!(netlist, benches);
criterion_main!(netlist);
