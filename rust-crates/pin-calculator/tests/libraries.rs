//! Every symbol of the installed KiCad 9 library (and of a KiCad 6 library when
//! `CIRCUITSYNTH_KICAD6_SYMBOL_DIR` names one) prepares: every drawing reads, and every unit and
//! body style places with its pins inside its body box.
//!
//! Skipped, loudly, where KiCad 9's library is not installed; on CI (`CI=true`) its absence fails.

use std::path::{Path, PathBuf};

use circuitsynth_pin_calculator::{graphics_texts, Mirror, Placement, Rotation, SymbolGeometry};
use circuitsynth_symbol_cache::read_symbols;

fn library_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("listable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    files.sort();
    files
}

/// (symbols, placed units) over every library of `dir`.
fn prepare_all(dir: &Path) -> (usize, usize) {
    let (mut symbols, mut units) = (0, 0);
    let placement = Placement::new(1_000_000, -2_000_000, Rotation::R270, Mirror::X);
    for file in library_files(dir) {
        let bytes = std::fs::read(&file).expect("readable");
        let read = read_symbols(&bytes).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        for symbol in &read {
            let texts = graphics_texts(symbol, &bytes).expect("ranges");
            let geometry = SymbolGeometry::new(symbol, &texts)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            symbols += 1;
            for unit in 1..=geometry.unit_count() {
                for body in 1..=geometry.body_style_count() {
                    let placed = geometry.place(unit, body, &placement).expect("places");
                    let b = placed.body;
                    for p in placed.pins.iter().filter(|p| !p.hidden) {
                        assert!(
                            b.min_x <= p.x && p.x <= b.max_x && b.min_y <= p.y && p.y <= b.max_y,
                            "{}:{} unit {unit}: pin {} outside {b}",
                            file.display(),
                            symbol.name,
                            p.number
                        );
                    }
                    units += 1;
                }
            }
        }
    }
    (symbols, units)
}

#[test]
fn every_kicad9_symbol_prepares_and_places() {
    let dir = std::env::var("KICAD9_SYMBOL_DIR")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/usr/share/kicad/symbols".to_string());
    let dir = PathBuf::from(dir);
    if !dir.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing on CI: install kicad-symbols",
            dir.display()
        );
        eprintln!(
            "SKIPPED: {} is not installed; no library geometry test ran",
            dir.display()
        );
        return;
    }
    let (symbols, units) = prepare_all(&dir);
    eprintln!("KiCad 9: {symbols} symbols prepared, {units} units placed");
    assert_eq!(symbols, 22_583);
}

#[test]
fn every_kicad6_symbol_prepares_and_places() {
    let Some(dir) = std::env::var("CIRCUITSYNTH_KICAD6_SYMBOL_DIR")
        .ok()
        .filter(|d| !d.is_empty())
    else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CIRCUITSYNTH_KICAD6_SYMBOL_DIR is not set on CI"
        );
        eprintln!("SKIPPED: CIRCUITSYNTH_KICAD6_SYMBOL_DIR not set; no KiCad 6 geometry test ran");
        return;
    };
    let (symbols, units) = prepare_all(Path::new(&dir));
    eprintln!("KiCad 6: {symbols} symbols prepared, {units} units placed");
    assert!(symbols > 10_000, "only {symbols} symbols");
}
