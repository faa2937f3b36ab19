//! Criterion benchmarks of the netlist stage on the synthetic designs of
//! `circuitsynth_netlist::synthetic` (the same designs the JMH `NetlistBenchmark` builds through
//! the Java twin), against the built-in symbol libraries: finalize plus `.net` emission of 10,000
//! components and 12,000 nets, finalize alone, one generated reference, reading a
//! 1,500-component `.net`, and the design codec.

use circuitsynth_netlist::{codec, finalize, net_read, net_write, synthetic};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

// As in the native library (`jni-bridge`), so these figures are the shipped allocator's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../tests/support/mod.rs"]
mod support;

fn benches(c: &mut Criterion) {
    let index = support::builtin_index();
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
    // Reference generation alone (the "per reference generated").
    group.bench_function("references_prefix_only_10k", |b| {
        b.iter(|| finalize::references(&references).expect("numbers"))
    });
    // As the JNI bridge does it: from the outline bytes the Java engine sends.
    let outline = codec::encode_outline(&references, false);
    group.bench_function("references_outline_bytes_10k", |b| {
        b.iter(|| {
            let decoded = codec::decode_outline(&outline).expect("decodes");
            finalize::outline_references(&decoded).expect("numbers")
        })
    });
    group.bench_function("references_design_10k", |b| {
        b.iter(|| finalize::references(&design).expect("numbers"))
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
