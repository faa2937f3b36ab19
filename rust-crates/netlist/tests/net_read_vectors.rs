//! The `.net` reader's vectors in `conformance/netlist/`: `NAME.in.net` with `NAME.err` (the
//! one-line error) or with `NAME.out.json` (the design read, as canonical circuit JSON) — the
//! contract shared with the Java engine (`NetReaderVectorsTest`).

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_netlist::circuit_json;
use circuitsynth_netlist::net_read::read;

fn vectors() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist");
    let mut inputs: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".in.net"))
        .collect();
    inputs.sort();
    inputs
}

fn stem(input: &Path) -> String {
    let name = input.file_name().unwrap().to_string_lossy();
    name.strip_suffix(".in.net").unwrap().to_string()
}

#[test]
fn error_vectors() {
    let inputs = vectors();
    let mut checked = 0;
    let mut failures = Vec::new();
    for input in &inputs {
        let err = input.with_file_name(format!("{}.err", stem(input)));
        let Ok(expected) = fs::read_to_string(&err) else {
            continue;
        };
        checked += 1;
        match read(&fs::read(input).expect("read input")) {
            Ok(_) => failures.push(format!("{}: read, expected {expected}", stem(input))),
            Err(actual) if actual != expected => failures.push(format!(
                "{}:\n  expected {expected}\n  actual   {actual}",
                stem(input)
            )),
            Err(_) => {}
        }
    }
    assert!(checked >= 20, "only {checked} error vectors found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn design_vectors() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for input in &vectors() {
        let name = stem(input);
        if input.with_file_name(format!("{name}.err")).exists() {
            continue;
        }
        let Ok(expected) = fs::read_to_string(input.with_file_name(format!("{name}.out.json")))
        else {
            failures.push(format!("{name}: reads, but {name}.out.json is missing"));
            continue;
        };
        checked += 1;
        match read(&fs::read(input).expect("read input")) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(design) => {
                let written = String::from_utf8(circuit_json::write(&design)).expect("UTF-8");
                if written != expected {
                    failures.push(format!("{name}: wrote\n{written}\nexpected\n{expected}"));
                }
            }
        }
    }
    assert!(checked >= 1, "no design vectors found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
