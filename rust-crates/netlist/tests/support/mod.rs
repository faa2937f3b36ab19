//! Test support: where the repository is, and the built-in symbol libraries the vectors are
//! finalized against.

// Each test binary uses its own share of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The libraries shipped in the jar, held in memory as the Java engine holds them.
pub fn builtin_index() -> SymbolIndex {
    let dir = repo().join("java-api/src/main/resources/io/circuitsynth/symbols/builtin");
    let nicknames = [
        "Amplifier_Operational",
        "Connector",
        "Connector_Generic",
        "Device",
        "Switch",
        "Transistor_BJT",
        "Transistor_FET",
        "power",
    ];
    let sources: Vec<LibrarySource> = nicknames
        .iter()
        .map(|n| {
            let bytes =
                std::fs::read(dir.join(format!("{n}.kicad_sym"))).expect("built-in library");
            LibrarySource::memory(*n, format!("circuitsynth-builtin/{n}.kicad_sym"), bytes)
        })
        .collect();
    let index = SymbolIndex::open(&sources, None);
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    index
}
