//! Criterion benchmarks over the installed KiCad 9 symbol library (skipped when it is absent):
//! parsing all of it (in parallel from disk, and on one thread from memory), printing, hashing.

use std::fs;
use std::path::PathBuf;

use circuitsynth_io::{hash_bytes, hash_files, parse, parse_files, parse_into, Document};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const LIBRARY: &str = "/usr/share/kicad/symbols";

fn library() -> Option<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(LIBRARY)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    files.sort();
    if files.is_empty() {
        None
    } else {
        Some(files)
    }
}

fn benches(c: &mut Criterion) {
    let Some(files) = library() else {
        eprintln!("SKIPPED: {LIBRARY} not found; no io benchmarks ran (install kicad-symbols)");
        return;
    };
    let contents: Vec<Vec<u8>> = files
        .iter()
        .map(|p| fs::read(p).expect("read library file"))
        .collect();
    let total: u64 = contents.iter().map(|c| c.len() as u64).sum();

    let mut group = c.benchmark_group("library");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(total));
    group.bench_function("parse_files_from_disk", |b| {
        b.iter(|| parse_files(&files).expect("library parses"))
    });
    group.bench_function("hash_files_from_disk", |b| {
        b.iter(|| hash_files(&files).expect("library hashes"))
    });
    group.bench_function("hash_in_memory_single_thread", |b| {
        b.iter(|| {
            contents
                .iter()
                .map(|c| hash_bytes(c))
                .fold(0u64, |a, h| a ^ h)
        })
    });
    group.bench_function("parse_single_thread_in_memory", |b| {
        let mut nodes = Vec::new();
        b.iter(|| {
            contents
                .iter()
                .map(|c| parse_into(c, &mut nodes).map(|()| nodes.len()).unwrap_or(0))
                .sum::<usize>()
        })
    });
    group.finish();

    let largest = contents.iter().max_by_key(|c| c.len()).expect("non-empty");
    let doc = Document::parse(largest).expect("largest file parses");
    let mut group = c.benchmark_group("largest_file");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(largest.len() as u64));
    group.bench_function("print", |b| b.iter(|| doc.print()));
    group.bench_function("parse", |b| b.iter(|| parse(largest).expect("parses")));
    group.finish();
}

criterion_group!(io, benches);
criterion_main!(io);
