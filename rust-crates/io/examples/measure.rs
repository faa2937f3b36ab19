//! Prints median timings over the installed KiCad symbol library, for BENCHMARKS.md:
//! `cargo run --release --example measure`.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use circuitsynth_io::{hash_files, parse_files, parse_into, Document};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
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
        .unwrap_or_else(|| "/usr/share/kicad/symbols".to_string());
    let Ok(entries) = fs::read_dir(&dir) else {
        eprintln!("SKIPPED: {dir} not found");
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    files.sort();
    let contents: Vec<Vec<u8>> = files.iter().filter_map(|p| fs::read(p).ok()).collect();
    let bytes: usize = contents.iter().map(Vec::len).sum();
    let mb = bytes as f64 / 1e6;
    let runs = 11;
    let threads = rayon::current_num_threads();
    println!(
        "{} files, {mb:.1} MB, {threads} threads, median of {runs} runs",
        files.len()
    );

    let d = time(runs, || parse_files(&files).expect("library parses"));
    println!(
        "parse_files (read + parse, parallel): {:.0} ms, {:.0} MB/s",
        ms(d),
        mb / d.as_secs_f64()
    );
    let mut nodes = Vec::new();
    let d = time(5, || {
        contents
            .iter()
            .map(|c| parse_into(c, &mut nodes).map(|()| nodes.len()).unwrap_or(0))
            .sum::<usize>()
    });
    println!(
        "parse in memory, one thread: {:.0} ms, {:.0} MB/s",
        ms(d),
        mb / d.as_secs_f64()
    );
    let d = time(5, || {
        contents
            .iter()
            .filter(|c| std::str::from_utf8(c).is_ok())
            .count()
    });
    println!("  of which UTF-8 check: {:.0} ms", ms(d));
    let docs: Vec<Document> = contents
        .iter()
        .filter_map(|c| Document::parse(c).ok())
        .collect();
    let d = time(5, || docs.iter().map(|d| d.print().len()).sum::<usize>());
    println!(
        "print, one thread: {:.0} ms, {:.0} MB/s",
        ms(d),
        mb / d.as_secs_f64()
    );
    let d = time(runs, || hash_files(&files).expect("library hashes"));
    println!(
        "hash_files (read + XXH64, parallel): {:.0} ms, {:.2} GB/s",
        ms(d),
        mb / 1e3 / d.as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
