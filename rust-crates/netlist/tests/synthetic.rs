//! The benchmark designs are what they claim: the synthetic design finalizes with every net it
//! was built with, and the absolute twin of the prefix-only design writes the same `.net` (so the
//! difference of their finalize times is the numbering alone).

use std::fs;
use std::path::Path;
use std::sync::Arc;

use circuitsynth_netlist::{finalize, net_write, synthetic};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

fn builtin_index() -> SymbolIndex {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../java-api/src/main/resources/io/circuitsynth/symbols/builtin");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .collect();
    files.sort();
    let sources: Vec<LibrarySource> = files
        .iter()
        .map(|p| {
            let nickname = p.file_stem().expect("stem").to_string_lossy().into_owned();
            let bytes = fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            LibrarySource::memory(
                nickname.clone(),
                format!("circuitsynth-builtin/{nickname}.kicad_sym"),
                Arc::<[u8]>::from(bytes),
            )
        })
        .collect();
    SymbolIndex::open(&sources, None)
}

#[test]
fn the_synthetic_design_finalizes_with_all_its_components_and_nets() {
    let index = builtin_index();
    let design = synthetic::design(1_000, 1_200);
    let netlist = finalize::finalize(&design, &index).expect("finalizes");
    assert_eq!(netlist.components.len(), 1_000);
    assert_eq!(netlist.nets.len(), 1_200);
}

#[test]
fn prefix_only_and_its_absolute_twin_write_the_same_net() {
    let index = builtin_index();
    let prefixed = synthetic::prefix_only(60);
    let absolute = synthetic::absolute_only(60);
    let a = net_write::write_net(&finalize::finalize(&prefixed, &index).expect("finalizes"));
    let b = net_write::write_net(&finalize::finalize(&absolute, &index).expect("finalizes"));
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    assert!(String::from_utf8_lossy(&a).contains("(comp (ref \"U12\")"));
}
