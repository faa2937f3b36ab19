//! Runs every vector in `conformance/symbols/`: the contract shared with the Java engine.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_symbol_cache::{record, LibrarySource, SymbolIndex};

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/symbols")
}

fn stems() -> Vec<String> {
    let mut stems: Vec<String> = fs::read_dir(vector_dir())
        .expect("the vector folder is listable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
        .map(|p| {
            p.file_stem()
                .expect("a file stem")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    stems.sort();
    stems
}

/// The library as the vector runner reads it: from its bytes, nickname `NAME`, path shown as
/// the file name.
fn source(stem: &str) -> LibrarySource {
    let bytes = fs::read(vector_dir().join(format!("{stem}.kicad_sym"))).expect("read vector");
    LibrarySource::memory(stem, format!("{stem}.kicad_sym"), bytes)
}

#[test]
fn library_vectors() {
    let stems = stems();
    assert!(stems.len() >= 15, "only {} vectors", stems.len());
    let mut failures = Vec::new();
    for stem in &stems {
        let dump = fs::read_to_string(vector_dir().join(format!("{stem}.dump"))).ok();
        let err = fs::read_to_string(vector_dir().join(format!("{stem}.err"))).ok();
        let index = SymbolIndex::open(&[source(stem)], None);
        match (dump, err) {
            (Some(expected), None) => {
                if !index.warnings().is_empty() {
                    failures.push(format!(
                        "{stem}: unexpected warnings {:?}",
                        index.warnings()
                    ));
                    continue;
                }
                let actual = index.dump_library(stem).unwrap_or_default();
                if actual != expected {
                    failures.push(format!("{stem}: dumped\n{actual}\nexpected\n{expected}"));
                }
                // Every record must round-trip through decode and encode unchanged.
                for symbol in index.symbols(stem).unwrap_or_default() {
                    let again = record::encode_to_vec(&symbol);
                    let looked_up = index
                        .lookup(stem, &symbol.name)
                        .map(|s| s.record.into_owned());
                    if looked_up.as_deref() != Some(&again[..]) {
                        failures.push(format!(
                            "{stem}: record of {} does not round-trip",
                            symbol.name
                        ));
                    }
                }
            }
            (None, Some(expected)) => {
                if index.warnings() != [expected.clone()] {
                    failures.push(format!(
                        "{stem}: warnings {:?}\nexpected [{expected:?}]",
                        index.warnings()
                    ));
                }
                if index.nicknames().count() != 0 {
                    failures.push(format!("{stem}: a skipped library is still indexed"));
                }
            }
            _ => failures.push(format!("{stem}: needs exactly one of .dump and .err")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn search_vectors() {
    let text = fs::read_to_string(vector_dir().join("search.txt")).expect("read search.txt");
    let mut index = None;
    let mut actual = String::new();
    let mut cases = 0;
    for line in text.lines() {
        if line.starts_with("  ") {
            continue;
        }
        actual.push_str(line);
        actual.push('\n');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(names) = line.strip_prefix("libraries ") {
            let sources: Vec<LibrarySource> = names.split(' ').map(source).collect();
            let opened = SymbolIndex::open(&sources, None);
            assert!(opened.warnings().is_empty(), "{:?}", opened.warnings());
            index = Some(opened);
            continue;
        }
        let index = index.as_ref().expect("a libraries line comes first");
        cases += 1;
        if let Some(rest) = line.strip_prefix("search ") {
            let (limit, query) = rest.split_once(' ').expect("search LIMIT QUERY");
            let limit: usize = limit.parse().expect("a numeric limit");
            for hit in index.search(query, limit) {
                actual.push_str(&format!("  {} {}:{}\n", hit.score, hit.library, hit.name));
            }
        } else if let Some(id) = line.strip_prefix("suggest ") {
            let (lib, name) = id.split_once(':').expect("suggest LIB:NAME");
            for suggestion in index.suggestions(lib, name) {
                actual.push_str(&format!("  {suggestion}\n"));
            }
        } else {
            panic!("unknown line in search.txt: {line}");
        }
    }
    assert!(cases >= 10, "only {cases} search cases");
    assert!(actual == text, "search.txt differs; actual:\n{actual}");
}
