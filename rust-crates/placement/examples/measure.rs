//! Measures the placement stage on the synthetic sheets of the conformance vectors, Rust alone:
//! `cargo run --release -p circuitsynth-placement --example measure [-- ITEMS [RUNS]]`, ITEMS one
//! of 1, 10, 100, 1000 (default: all), RUNS 11.
//!
//! Prints the median and the fastest of the runs, wall time and, on 64-bit Linux, this thread's
//! CPU time (`CLOCK_THREAD_CPUTIME_ID`), which a shared machine disturbs far less, then the
//! layout's page and metrics. One sheet with many runs is the input for a profiler
//! (`valgrind --tool=callgrind`, `perf record`).

use std::fs;
use std::path::Path;
use std::time::Instant;

use circuitsynth_placement::{place, text};

#[path = "../../examples-support/thread_clock.rs"]
mod thread_clock;
use thread_clock::cpu_time;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only: Option<usize> = args.first().and_then(|a| a.parse().ok());
    let runs: usize = args
        .get(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(11)
        .max(1);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/placement");
    for items in [1usize, 10, 100, 1000] {
        if only.is_some_and(|o| o != items) {
            continue;
        }
        let file = dir.join(format!("synthetic_{items}.in"));
        let input = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let sheet = text::parse_sheet(&input).expect("a vector parses");
        let layout = place(&sheet).expect("a vector places");
        let mut walls = Vec::with_capacity(runs);
        let mut cpus = Vec::with_capacity(runs);
        for _ in 0..runs {
            let cpu = cpu_time();
            let start = Instant::now();
            std::hint::black_box(place(&sheet).expect("a vector places"));
            walls.push(start.elapsed());
            if let (Some(before), Some(after)) = (cpu, cpu_time()) {
                cpus.push(after - before);
            }
        }
        walls.sort();
        cpus.sort();
        let cpu = cpus
            .get(cpus.len() / 2)
            .map_or("-".to_string(), |c| format!("{c:.3?}"));
        let m = &layout.metrics;
        println!(
            "{items:>5} items  median {:>10.3?}  fastest {:>10.3?}  CPU median {cpu:>10}  page {}  \
             {} x {} mm  mean_wire {} mm  mean_guest {} mm  overlaps {}",
            walls[runs / 2],
            walls[0],
            layout.page.name(),
            m.width as f64 / 10_000.0,
            m.height as f64 / 10_000.0,
            m.mean_wire as f64 / 10_000.0,
            m.mean_guest as f64 / 10_000.0,
            m.overlaps
        );
    }
}
