//! Runs the circuit JSON and circuit-synth vectors of `conformance/netlist/` (specification
//! sections 5 and 6) against `circuit_json` and `circuit_synth`: the contract shared with the Java
//! engine (`io.circuitsynth.netlist.JsonVectorsTest`).
//!
//! `NAME.json` / `NAME.cs.json` is read; then `NAME.out.json` holds the canonical circuit JSON of
//! the design read, or `NAME.err` the error. A `NAME.json` with `NAME.err` that reads without
//! error, or one with a `NAME.net`, is a finalize vector (section 2), left to the finalize tests.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_netlist::{circuit_json, circuit_synth};

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist")
}

/// (stem, is circuit-synth) of every input, sorted.
fn inputs() -> Vec<(String, bool)> {
    let mut inputs: Vec<(String, bool)> = fs::read_dir(vector_dir())
        .expect("the vector folder is listable")
        .map(|entry| {
            entry
                .expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json") && !name.ends_with(".out.json"))
        .map(|name| match name.strip_suffix(".cs.json") {
            Some(stem) => (stem.to_string(), true),
            None => (
                name.strip_suffix(".json")
                    .expect("a .json name")
                    .to_string(),
                false,
            ),
        })
        .collect();
    inputs.sort();
    inputs
}

fn read_text(path: &Path) -> Option<String> {
    fs::read(path)
        .ok()
        .map(|b| String::from_utf8(b).expect("expected files are UTF-8"))
}

#[test]
fn json_vectors() {
    let dir = vector_dir();
    let inputs = inputs();
    assert!(inputs.len() >= 100, "only {} vectors", inputs.len());
    let mut failures = Vec::new();
    for (stem, synth) in &inputs {
        let input_name = if *synth {
            format!("{stem}.cs.json")
        } else {
            format!("{stem}.json")
        };
        let input = fs::read(dir.join(&input_name)).expect("read vector");
        let out = read_text(&dir.join(format!("{stem}.out.json")));
        let err = read_text(&dir.join(format!("{stem}.err")));
        let result = if *synth {
            circuit_synth::read(&input)
        } else {
            circuit_json::read(&input)
        };
        match (result, out, err) {
            (Ok(design), Some(expected), None) => {
                let written =
                    String::from_utf8(circuit_json::write(&design)).expect("UTF-8 output");
                if written != expected {
                    failures.push(format!(
                        "{input_name}: wrote\n{written}\nexpected\n{expected}"
                    ));
                    continue;
                }
                // Written files are fixed points: read then write gives the same bytes.
                match circuit_json::read(expected.as_bytes()) {
                    Ok(again) => {
                        if circuit_json::write(&again) != expected.as_bytes() {
                            failures.push(format!("{stem}.out.json: not a fixed point"));
                        }
                    }
                    Err(e) => failures.push(format!("{stem}.out.json does not read: {e}")),
                }
            }
            (Err(actual), None, Some(expected)) => {
                if actual != expected {
                    failures.push(format!(
                        "{input_name}: error\n{actual}\nexpected\n{expected}"
                    ));
                }
            }
            // A finalize vector: it reads, and its error comes later.
            (Ok(_), None, Some(_)) if !synth => {}
            // A finalize vector may leave the bound design to its .net.
            (Ok(_), None, None) if dir.join(format!("{stem}.net")).exists() => {}
            (Ok(design), None, None) => {
                if std::env::var_os("CIRCUITSYNTH_WRITE_VECTORS").is_some() {
                    fs::write(
                        dir.join(format!("{stem}.out.json")),
                        circuit_json::write(&design),
                    )
                    .expect("write the expected output");
                }
                failures.push(format!(
                    "{input_name}: reads, but {stem}.out.json is missing"
                ));
            }
            (Ok(_), Some(_), Some(_)) | (Err(_), Some(_), Some(_)) => {
                failures.push(format!("{stem}: both .out.json and .err"))
            }
            (Ok(_), None, Some(expected)) => failures.push(format!(
                "{input_name}: read without error, expected\n{expected}"
            )),
            (Err(actual), _, None) => failures.push(format!("{input_name}: error {actual}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
}
