//! Criterion benchmarks of the `.net` reader: the synthetic 1,500-component netlist (the issue's
//! target: at most 30 ms), and the largest committed KiCad export.

#[path = "../tests/net_read_support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::path::Path;

use circuitsynth_netlist::net_read::read;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("net_read");
    let synthetic = synthetic::synthetic_net(1500);
    group.throughput(Throughput::Bytes(synthetic.len() as u64));
    group.bench_function("synthetic_1500", |b| {
        b.iter(|| read(black_box(&synthetic)).expect("reads"))
    });
    let export = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../conformance/netlist/kicad/multichannel_mixer.net");
    let export = std::fs::read(export).expect("the committed export");
    group.throughput(Throughput::Bytes(export.len() as u64));
    group.bench_function("multichannel_mixer", |b| {
        b.iter(|| read(black_box(&export)).expect("reads"))
    });
    group.finish();
}

criterion_group!(net_read, benches);
criterion_main!(net_read);
