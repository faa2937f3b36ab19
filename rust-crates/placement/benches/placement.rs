//! Criterion benchmarks of one sheet's placement: the synthetic sheets of 10, 100 and 1,000
//! items that the conformance vectors hold (`conformance/placement/synthetic_N.in`).

use std::fs;
use std::path::Path;

use circuitsynth_placement::{place, text};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn benches(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/placement");
    let mut group = c.benchmark_group("place");
    group.sample_size(20);
    for items in [10, 100, 1000] {
        let file = dir.join(format!("synthetic_{items}.in"));
        let input = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let sheet = text::parse_sheet(&input).expect("a vector parses");
        group.bench_with_input(BenchmarkId::from_parameter(items), &sheet, |b, s| {
            b.iter(|| place(s).expect("a vector places"))
        });
    }
    group.finish();
}

criterion_group!(placement, benches);
criterion_main!(placement);
