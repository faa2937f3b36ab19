//! Measures the symbol index against its targets on the installed KiCad libraries:
//! `cargo run --release --example measure [-- LIBRARY_DIR]` (default `/usr/share/kicad/symbols`).
//!
//! Prints medians of several runs: cold index (no cache), cold index writing the cache, warm
//! start from the cache to the first resolved symbol, lookup, search, and the resident size
//! (counted by a global allocator that tracks live heap bytes).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call forwards to the system allocator with the caller's layout unchanged; the
// counter is only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn sources(dir: &Path) -> Vec<LibrarySource> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let nick = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            LibrarySource::file(nick, p)
        })
        .collect()
}

/// CPU time (user + system) of the whole process so far, from /proc (Linux); `None` elsewhere.
/// On a shared machine wall time swings with other people's load, CPU time much less.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    // Fields 14 and 15 of stat(5), counted after the name: utime and stime in clock ticks.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Mean CPU time per run of `f` over `runs` runs.
fn cpu_per_run<R>(runs: u32, mut f: impl FnMut() -> R) -> Option<Duration> {
    let start = cpu_time()?;
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    Some((cpu_time()? - start) / runs)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<R>(runs: usize, mut f: impl FnMut() -> R) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("/usr/share/kicad/symbols"), PathBuf::from);
    let sources = sources(&dir);
    let cache = std::env::temp_dir().join(format!("circuitsynth-measure-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);

    let before = LIVE.load(Ordering::Relaxed);
    let index = SymbolIndex::open(&sources, None);
    let after_open = LIVE.load(Ordering::Relaxed);
    index.search("warm", 20);
    let after_search = LIVE.load(Ordering::Relaxed);
    let stats = index.stats();
    println!(
        "libraries {} symbols {} derived {} warnings {}",
        stats.libraries,
        stats.symbols,
        stats.derived,
        index.warnings().len()
    );
    println!(
        "resident: index {:.1} MB, with search table {:.1} MB (stats estimate {:.1} MB)",
        (after_open - before) as f64 / 1e6,
        (after_search - before) as f64 / 1e6,
        stats.resident_bytes as f64 / 1e6
    );

    let cold = time(5, || SymbolIndex::open(&sources, None));
    println!("cold index, no cache: {cold:?}");
    let cold_cache = time(3, || {
        let _ = std::fs::remove_dir_all(&cache);
        SymbolIndex::open(&sources, Some(&cache))
    });
    println!("cold index, writing the cache: {cold_cache:?}");
    let warm = time(11, || {
        let index = SymbolIndex::open(&sources, Some(&cache));
        assert!(index.warnings().is_empty(), "{:?}", index.warnings());
        index.lookup("Device", "R").map(|s| s.decode().pins.len())
    });
    println!("warm start to the first resolved symbol: {warm:?}");

    if let (Some(cold), Some(warm)) = (
        cpu_per_run(5, || SymbolIndex::open(&sources, None)),
        cpu_per_run(50, || {
            let index = SymbolIndex::open(&sources, Some(&cache));
            index.lookup("Device", "R").map(|s| s.decode().pins.len())
        }),
    ) {
        println!(
            "CPU time per run (all threads): cold {cold:?}, warm {warm:?}; on 2 idle cores wall time is about half"
        );
    }

    let n = 100_000;
    let lookup = time(5, || {
        for _ in 0..n {
            std::hint::black_box(index.lookup("Device", "R"));
        }
    }) / n;
    let lookup_decode = time(5, || {
        for _ in 0..n {
            std::hint::black_box(
                index
                    .lookup("Amplifier_Operational", "LM358")
                    .map(|s| s.decode().pins.len()),
            );
        }
    }) / n;
    println!("lookup: {lookup:?}; lookup + decode LM358: {lookup_decode:?}");
    for query in ["lm358", "op amp", "r", "usb c connector", "zzzz"] {
        let t = time(11, || index.search(query, 20));
        println!(
            "search {query:?}: {t:?} ({} hits)",
            index.search(query, 20).len()
        );
    }
    let t = time(5, || index.suggestions("Device", "LM385"));
    println!("suggestions: {t:?}");
    let _ = std::fs::remove_dir_all(&cache);
}
