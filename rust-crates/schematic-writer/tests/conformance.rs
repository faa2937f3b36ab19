//! The schematic vectors of `conformance/schematic/`: each circuit JSON (and the synthetic
//! circuits of 1 to 100 parts), generated against the built-in libraries, gives exactly the files
//! of the folder of the same name, byte for byte. The Java engine's
//! `io.circuitsynth.schematic.SchematicConformanceTest` runs the same vectors.

use std::path::{Path, PathBuf};

use circuitsynth_schematic_writer::{builtin_libraries, generate};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/schematic")
}

fn builtin_index() -> SymbolIndex {
    let sources: Vec<LibrarySource> = builtin_libraries()
        .iter()
        .map(|&(nick, bytes)| {
            LibrarySource::memory(
                nick,
                format!("circuitsynth-builtin/{nick}.kicad_sym"),
                bytes.to_vec(),
            )
        })
        .collect();
    let index = SymbolIndex::open(&sources, None);
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    index
}

fn vectors() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [vector_dir(), vector_dir().join("synthetic")] {
        for entry in std::fs::read_dir(&dir).expect("vector dir") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let synthetic = [
                "synthetic_1.json",
                "synthetic_10.json",
                "synthetic_100.json",
            ];
            if name.ends_with(".json")
                && (dir == vector_dir() || synthetic.contains(&name.as_str()))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_vector_gives_its_files() {
    let index = builtin_index();
    let all = vectors();
    assert!(all.len() >= 5, "vectors found: {all:?}");
    for vector in all {
        let json = std::fs::read(&vector).expect("vector readable");
        let design = circuitsynth_netlist::circuit_json::read(&json).expect("a valid vector");
        let project = generate(&design, &index).unwrap_or_else(|e| panic!("{vector:?}: {e}"));
        let dir = vector.with_extension("");
        let mut expected: Vec<String> = std::fs::read_dir(&dir)
            .expect("expected folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        expected.sort();
        let mut actual: Vec<String> = project.files.iter().map(|f| f.path.clone()).collect();
        actual.sort();
        assert_eq!(actual, expected, "{vector:?}");
        for f in &project.files {
            let want = std::fs::read(dir.join(&f.path)).expect("expected file");
            assert!(
                f.bytes == want,
                "{vector:?}: {} differs:\n{}",
                f.path,
                first_difference(&f.bytes, &want)
            );
        }
        for sheet in &project.sheets {
            assert_eq!(sheet.overlaps, 0, "{vector:?}: {} overlaps", sheet.file);
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}: got {x:?}, expected {y:?}", i + 1);
        }
    }
    format!("lengths {} and {}", a.len(), b.len())
}

#[test]
fn a_second_run_gives_the_same_bytes() {
    let index = builtin_index();
    let json = std::fs::read(vector_dir().join("hierarchy.json")).expect("vector");
    let design = circuitsynth_netlist::circuit_json::read(&json).expect("valid");
    let a = generate(&design, &index).expect("generates");
    let b = generate(&design, &index).expect("generates");
    assert_eq!(a, b);
}

#[test]
fn every_error_vector_gives_its_message() {
    let dir = vector_dir().join("errors");
    let mut sources: Vec<LibrarySource> = vec![LibrarySource::file(
        "stacked",
        dir.join("stacked.kicad_sym"),
    )];
    for &(nick, bytes) in builtin_libraries() {
        sources.push(LibrarySource::memory(
            nick,
            format!("circuitsynth-builtin/{nick}.kicad_sym"),
            bytes.to_vec(),
        ));
    }
    let index = SymbolIndex::open(&sources, None);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("errors dir") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let design =
            circuitsynth_netlist::circuit_json::read(&std::fs::read(&path).expect("vector"))
                .expect("a valid design");
        let expected = std::fs::read_to_string(path.with_extension("err")).expect("err file");
        match generate(&design, &index) {
            Ok(_) => panic!("{path:?}: generated, expected {expected}"),
            Err(e) => assert_eq!(e.to_string(), expected, "{path:?}"),
        }
        count += 1;
    }
    assert!(count >= 2);
}
