//! Runs every vector in `conformance/`: the contract shared with the Java engine.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_io::{format, hash_bytes, hash_files, parse};

fn conformance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance")
}

fn stems(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut stems: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| p.with_extension(""))
        .collect();
    stems.sort();
    stems
}

fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn sexpr_vectors() {
    let dir = conformance_dir().join("sexpr");
    let stems = stems(&dir, "in");
    assert!(
        stems.len() >= 40,
        "expected at least 40 vectors in {}, found {}",
        dir.display(),
        stems.len()
    );
    let mut failures = Vec::new();
    for stem in &stems {
        let name = stem
            .file_name()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let input = fs::read(stem.with_extension("in")).expect("read .in");
        let out = fs::read(stem.with_extension("out")).ok();
        let err = fs::read_to_string(stem.with_extension("err")).ok();
        match (out, err, format(&input)) {
            (Some(_), Some(_), _) | (None, None, _) => {
                failures.push(format!("{name}: needs exactly one of .out and .err"))
            }
            (Some(expected), None, Ok(actual)) => {
                if actual != expected {
                    failures.push(format!(
                        "{name}: printed\n{}\nexpected\n{}",
                        show(&actual),
                        show(&expected)
                    ));
                } else if format(&actual).ok().as_deref() != Some(&actual[..]) {
                    failures.push(format!("{name}: printing is not a fixed point"));
                }
            }
            (Some(_), None, Err(e)) => {
                failures.push(format!("{name}: expected output, got error {e}"))
            }
            (None, Some(expected), Ok(_)) => {
                failures.push(format!("{name}: expected error {expected}, parsed"))
            }
            (None, Some(expected), Err(e)) => {
                if e.to_string() != expected {
                    failures.push(format!("{name}: error\n  {e}\nexpected\n  {expected}"));
                }
            }
        }
        if let Ok(table) = fs::read_to_string(stem.with_extension("nodes")) {
            let expected: Vec<u32> = table
                .split_whitespace()
                .map(|n| {
                    n.parse()
                        .unwrap_or_else(|_| panic!("{name}.nodes: bad number {n}"))
                })
                .collect();
            match parse(&input) {
                Ok(nodes) if nodes == expected => {}
                Ok(nodes) => failures.push(format!(
                    "{name}: node table {nodes:?}, expected {expected:?}"
                )),
                Err(e) => failures.push(format!("{name}: node table expected, got error {e}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        stems.len(),
        failures.join("\n")
    );
}

#[test]
fn hash_vectors() {
    let dir = conformance_dir().join("hash");
    let listing = fs::read_to_string(dir.join("hashes.txt")).expect("hashes.txt");
    let mut paths = Vec::new();
    let mut expected = Vec::new();
    for line in listing.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        assert_eq!(fields.len(), 3, "bad line in hashes.txt: {line}");
        let path = dir.join(format!("{}.bin", fields[0]));
        let bytes = fs::read(&path).expect("read .bin");
        assert_eq!(bytes.len().to_string(), fields[1], "{}: size", fields[0]);
        assert_eq!(
            format!("{:016x}", hash_bytes(&bytes)),
            fields[2],
            "{}: hash",
            fields[0]
        );
        paths.push(path);
        expected.push(fields[2].to_string());
    }
    assert!(expected.len() >= 10);
    let hashed = hash_files(&paths).expect("hash files");
    let hexes: Vec<String> = hashed.iter().map(|h| h.hex()).collect();
    assert_eq!(hexes, expected);
}
