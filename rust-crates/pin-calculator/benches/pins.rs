//! Criterion benchmarks: preparing symbols, and placing 1,500 units (pins, body boxes, fields)
//! drawn from the built-in libraries, which ship with the repository.

use std::fs;
use std::path::Path;

use circuitsynth_pin_calculator::{
    graphics_texts, place_fields, Mirror, PlacedPin, Placement, Rotation, SymbolGeometry,
};
use circuitsynth_symbol_cache::read_symbols;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const BUILTIN: &str = "../../java-api/src/main/resources/io/circuitsynth/symbols/builtin";

fn geometries() -> Vec<SymbolGeometry> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BUILTIN);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("the built-in libraries are in the repository")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let bytes = fs::read(&file).expect("readable");
        for symbol in read_symbols(&bytes).expect("built-in libraries read") {
            let texts = graphics_texts(&symbol, &bytes).expect("ranges");
            out.push(SymbolGeometry::new(&symbol, &texts).expect("drawings read"));
        }
    }
    out
}

/// 1,500 placements cycling through every symbol, rotation and mirror, on a 2.54 mm grid.
fn placements(geometries: &[SymbolGeometry]) -> Vec<(usize, u32, Placement)> {
    (0..1500)
        .map(|i: usize| {
            let g = i % geometries.len();
            let unit = 1 + (i as u32 / 7) % geometries[g].unit_count();
            let placement = Placement::new(
                (i % 40) as i32 * 254_000,
                (i / 40) as i32 * 254_000,
                Rotation::ALL[i % 4],
                Mirror::ALL[(i / 4) % 3],
            );
            (g, unit, placement)
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BUILTIN);
    let libraries: Vec<Vec<u8>> = {
        let mut files: Vec<_> = fs::read_dir(&dir)
            .expect("listable")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| fs::read(f).expect("readable"))
            .collect()
    };
    c.bench_function("prepare every built-in symbol", |b| {
        b.iter(|| {
            let mut n = 0;
            for bytes in &libraries {
                for symbol in read_symbols(bytes).expect("reads") {
                    let texts = graphics_texts(&symbol, bytes).expect("ranges");
                    n += SymbolGeometry::new(&symbol, &texts)
                        .expect("reads")
                        .pins()
                        .len();
                }
            }
            black_box(n)
        })
    });

    let geometries = geometries();
    let work = placements(&geometries);
    let mut buffer: Vec<PlacedPin<'_>> = Vec::new();
    c.bench_function("place 1500 units (pins and body box)", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for (g, unit, placement) in &work {
                let body = geometries[*g]
                    .place_into(*unit, 1, placement, &mut buffer)
                    .expect("places");
                sum += i64::from(body.min_x) + buffer.len() as i64;
            }
            black_box(sum)
        })
    });
    c.bench_function("place 1500 units with Reference and Value", |b| {
        b.iter(|| {
            let mut sum = 0i64;
            for (g, unit, placement) in &work {
                let body = geometries[*g]
                    .place_into(*unit, 1, placement, &mut buffer)
                    .expect("places");
                let fields =
                    place_fields(&body, &buffer, placement, "U123", "10k", 12_700).expect("fits");
                sum += i64::from(fields.value.bbox.max_y);
            }
            black_box(sum)
        })
    });
}

criterion_group!(pins, benches);
criterion_main!(pins);
