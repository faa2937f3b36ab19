//! Criterion benchmarks of the symbol index over the installed KiCad 9 symbol library (skipped
//! when it is absent): cold index, warm start from the persistent cache, lookup, search.

use std::fs;
use std::path::PathBuf;

use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};
use criterion::{criterion_group, criterion_main, Criterion};

const LIBRARY: &str = "/usr/share/kicad/symbols";

fn sources() -> Option<Vec<LibrarySource>> {
    let mut files: Vec<PathBuf> = fs::read_dir(LIBRARY)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    files.sort();
    let sources: Vec<LibrarySource> = files
        .into_iter()
        .map(|p| {
            let nickname = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            LibrarySource::file(nickname, p)
        })
        .collect();
    (!sources.is_empty()).then_some(sources)
}

fn benches(c: &mut Criterion) {
    let Some(sources) = sources() else {
        eprintln!("SKIPPED: {LIBRARY} not found; no symbol-cache benchmarks ran");
        return;
    };
    let cache = std::env::temp_dir().join(format!("circuitsynth-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&cache);

    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("cold_no_cache", |b| {
        b.iter(|| SymbolIndex::open(&sources, None))
    });
    // Fills the cache for the warm start below.
    SymbolIndex::open(&sources, Some(&cache));
    group.bench_function("warm_start_to_first_symbol", |b| {
        b.iter(|| {
            let index = SymbolIndex::open(&sources, Some(&cache));
            let pins = index
                .lookup("Device", "R")
                .map(|found| found.decode().pins.len());
            assert_eq!(pins, Some(2));
        })
    });
    group.finish();

    let index = SymbolIndex::open(&sources, Some(&cache));
    let mut group = c.benchmark_group("query");
    group.bench_function("lookup_record", |b| {
        b.iter(|| index.lookup("Amplifier_Operational", "LM358"))
    });
    group.bench_function("lookup_and_decode", |b| {
        b.iter(|| {
            index
                .lookup("Amplifier_Operational", "LM358")
                .map(|found| found.decode().pins.len())
        })
    });
    index.search("warm up the table", 20);
    for query in ["lm358", "op amp", "r", "usb c connector"] {
        group.bench_function(format!("search {query}"), |b| {
            b.iter(|| index.search(query, 20))
        });
    }
    group.bench_function("suggestions", |b| {
        b.iter(|| index.suggestions("Device", "LM385"))
    });
    group.finish();
    let _ = fs::remove_dir_all(&cache);
}

criterion_group!(symbol_benches, benches);
criterion_main!(symbol_benches);
