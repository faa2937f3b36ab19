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
use std::time::{Duration, Instant};

use circuitsynth_placement::{place, text};

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
mod thread_clock {
    /// `struct timespec` on 64-bit Linux: `time_t` and `long` are both 64 bits.
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanos: i64,
    }

    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }

    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

    pub fn now() -> Option<std::time::Duration> {
        let mut t = Timespec {
            seconds: 0,
            nanos: 0,
        };
        // SAFETY: `t` is a valid, writable timespec for the call; the C library is linked into
        // every Rust program on Linux.
        let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
        (rc == 0).then(|| std::time::Duration::new(t.seconds as u64, t.nanos as u32))
    }
}

/// This thread's CPU time so far, where the platform tells it.
fn cpu_time() -> Option<Duration> {
    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    return thread_clock::now();
    #[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
    return None;
}

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
