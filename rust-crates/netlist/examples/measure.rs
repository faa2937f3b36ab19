//! Measures the netlist stage against its targets on the synthetic designs, Rust alone:
//! `cargo run --release --example measure [-- OPERATION [RUNS]]`, OPERATION one of `write_net`,
//! `finalize`, `references`, `read_net`, `encode`, `decode` (default: all), RUNS 11, or
//! `numbering` (reference generation RUNS times over, printing nothing: the input for
//! `perf record`).
//!
//! Prints the median and the fastest of the runs, wall time and, on 64-bit Linux, this thread's
//! CPU time (`CLOCK_THREAD_CPUTIME_ID`), which a shared machine disturbs far less. `references`
//! times reference generation alone (`finalize::references`, and from the outline bytes the Java
//! engine sends, as the JNI bridge does) per reference, whole finalize per
//! component of `synthetic::prefix_only` and `synthetic::absolute_only`, and the difference of
//! the two. A single operation with many runs is the input for a profiler.

use std::time::{Duration, Instant};

// As in the native library (`jni-bridge`), so these figures are the shipped allocator's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use circuitsynth_netlist::{codec, finalize, net_read, net_write, synthetic};

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "../../examples-support/thread_clock.rs"]
mod thread_clock;
use thread_clock::cpu_time;

/// Median wall and CPU time of `runs` runs of `op`, each divided by `per`.
fn timed(runs: usize, per: u32, mut op: impl FnMut()) -> (Duration, Duration, Option<Duration>) {
    op();
    let mut walls = Vec::with_capacity(runs);
    let mut cpus = Vec::with_capacity(runs);
    for _ in 0..runs {
        let cpu = cpu_time();
        let start = Instant::now();
        op();
        walls.push(start.elapsed() / per);
        if let (Some(before), Some(after)) = (cpu, cpu_time()) {
            cpus.push((after - before) / per);
        }
    }
    walls.sort();
    cpus.sort();
    (walls[runs / 2], walls[0], cpus.get(cpus.len() / 2).copied())
}

fn report(name: &str, (median, fastest, cpu): (Duration, Duration, Option<Duration>)) {
    let cpu = cpu.map_or("-".to_string(), |c| format!("{c:.3?}"));
    println!("{name:<30} median {median:>11.3?}  fastest {fastest:>11.3?}  CPU median {cpu:>11}");
}

fn measure(name: &str, runs: usize, per: u32, op: impl FnMut()) {
    report(name, timed(runs, per, op));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.first().map(String::as_str).unwrap_or("all");
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(11);
    let wanted = |name: &str| only == "all" || only == name;

    let index = support::builtin_index();
    let design = synthetic::design(10_000, 12_000);
    let references = synthetic::prefix_only(10_000);
    let absolutes = synthetic::absolute_only(10_000);
    let small = synthetic::design(1_500, 1_800);
    let net1500 = net_write::write_net(&finalize::finalize(&small, &index).expect("finalizes"));
    let encoded = codec::encode(&design);

    if only == "numbering" {
        // Reference generation alone, many times over: the input for a profiler.
        for _ in 0..runs {
            std::hint::black_box(finalize::references(&references).expect("numbers"));
        }
        return;
    }
    if wanted("write_net") {
        measure("finalize + write_net 10k", runs, 1, || {
            let netlist = finalize::finalize(&design, &index).expect("finalizes");
            std::hint::black_box(net_write::write_net(&netlist));
        });
    }
    if wanted("finalize") {
        measure("finalize 10k", runs, 1, || {
            std::hint::black_box(finalize::finalize(&design, &index).expect("finalizes"));
        });
    }
    if wanted("references") || only == "numbering" {
        let prefixed = timed(runs, 10_000, || {
            std::hint::black_box(finalize::finalize(&references, &index).expect("finalizes"));
        });
        let absolute = timed(runs, 10_000, || {
            std::hint::black_box(finalize::finalize(&absolutes, &index).expect("finalizes"));
        });
        measure("references alone, per ref", runs, 10_000, || {
            std::hint::black_box(finalize::references(&references).expect("numbers"));
        });
        // What the JNI bridge does with the outline the Java engine sends (no component names).
        let outline = codec::encode_outline(&references, false);
        measure(
            "references from outline bytes, per ref",
            runs,
            10_000,
            || {
                let decoded = codec::decode_outline(&outline).expect("decodes");
                std::hint::black_box(finalize::outline_references(&decoded).expect("numbers"));
            },
        );
        measure("references of design, per ref", runs, 10_000, || {
            std::hint::black_box(finalize::references(&design).expect("numbers"));
        });
        report("finalize prefix-only, per part", prefixed);
        report("finalize absolute, per part", absolute);
        let less = |a: Duration, b: Duration| a.saturating_sub(b);
        report(
            "per generated reference",
            (
                less(prefixed.0, absolute.0),
                less(prefixed.1, absolute.1),
                prefixed.2.zip(absolute.2).map(|(p, a)| less(p, a)),
            ),
        );
    }
    if wanted("read_net") {
        measure("read_net 1,500", runs, 1, || {
            std::hint::black_box(net_read::read(&net1500).expect("reads"));
        });
    }
    if wanted("encode") {
        measure("codec encode 10k", runs, 1, || {
            std::hint::black_box(codec::encode(&design));
        });
    }
    if wanted("decode") {
        measure("codec decode 10k", runs, 1, || {
            std::hint::black_box(codec::decode(&encoded).expect("decodes"));
        });
    }
}
