//! Round trip over the real KiCad 9 library and demos, when KiCad is installed.
//!
//! Every file parses; every file in the current format prints back byte for byte. Two demo files
//! that KiCad 9.0 wrote with a writer bug are not balanced trees and must fail precisely.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_io::{Document, Kind};
use rayon::prelude::*;

const KICAD: &str = "/usr/share/kicad";

/// Demo files KiCad 9.0 wrote with a writer bug (`(curved_edges no)filter_ratio 0.9)`), and the
/// exact error each must give: every such line closes one list too many, so the root closes a
/// few lines later, at a `)` in column 1, and the next child list is the stray token.
const WRITER_BUG: &[(&str, &str)] = &[
    (
        "RoyalBlue54L-Feather.kicad_pcb",
        "628:1: expected end of input after the root list closed at 627:1, found '('",
    ),
    (
        "CONN-SMD_5P-P0.50_HCTL_HC-FPC-05-09-5RLTAG.kicad_mod",
        "188:1: expected end of input after the root list closed at 187:1, found '('",
    ),
];

fn current_version(extension: &str) -> Option<&'static str> {
    match extension {
        "kicad_sym" => Some("20241209"),
        "kicad_sch" => Some("20250114"),
        "kicad_pcb" | "kicad_mod" => Some("20241229"),
        _ => None,
    }
}

fn kicad_present() -> bool {
    if Path::new(KICAD).join("symbols").is_dir() {
        return true;
    }
    eprintln!("SKIPPED: {KICAD} not found; the KiCad round trip did not run (install kicad-symbols and kicad-demos)");
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "KiCad must be installed in CI ({KICAD} missing)"
    );
    false
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(current_version)
                .is_some()
            {
                out.push(path);
            }
        }
    }
}

fn root_version(doc: &Document) -> Option<String> {
    doc.children(0).find_map(|child| {
        let mut parts = doc.children(child);
        let head = parts.next()?;
        (doc.kind(child) == Kind::List && doc.text(head) == "version")
            .then(|| parts.next().map(|v| doc.text(v).to_string()))
            .flatten()
    })
}

#[derive(Default)]
struct Tally {
    identical: usize,
    parsed_only: usize,
    writer_bug: usize,
    failures: Vec<String>,
}

fn check(path: &Path) -> Tally {
    let mut tally = Tally::default();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            tally.failures.push(format!("{}: {e}", path.display()));
            return tally;
        }
    };
    let expected_bug = WRITER_BUG
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, m)| *m);
    match (Document::parse(&bytes), expected_bug) {
        (Err(e), Some(message)) if e.to_string() == message => tally.writer_bug += 1,
        (Err(e), _) => tally.failures.push(format!("{}: {e}", path.display())),
        (Ok(_), Some(_)) => tally.failures.push(format!(
            "{}: parsed, expected the writer-bug error",
            path.display()
        )),
        (Ok(doc), None) => {
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if root_version(&doc).as_deref() == current_version(extension) {
                if doc.print() == bytes {
                    tally.identical += 1;
                } else {
                    tally
                        .failures
                        .push(format!("{}: printed output differs", path.display()));
                }
            } else {
                tally.parsed_only += 1;
            }
        }
    }
    tally
}

#[test]
fn kicad_files_round_trip() {
    if !kicad_present() {
        return;
    }
    let mut files = Vec::new();
    walk(&Path::new(KICAD).join("symbols"), &mut files);
    walk(&Path::new(KICAD).join("demos"), &mut files);
    files.sort();
    let tallies: Vec<Tally> = files.par_iter().map(|p| check(p)).collect();
    let mut total = Tally::default();
    for t in tallies {
        total.identical += t.identical;
        total.parsed_only += t.parsed_only;
        total.writer_bug += t.writer_bug;
        total.failures.extend(t.failures);
    }
    eprintln!(
        "KiCad round trip: {} files, {} byte-identical, {} older format parsed, {} writer-bug files rejected",
        files.len(),
        total.identical,
        total.parsed_only,
        total.writer_bug
    );
    assert!(
        total.failures.is_empty(),
        "{} failures:\n{}",
        total.failures.len(),
        total.failures.join("\n")
    );
    assert_eq!(
        total.writer_bug,
        WRITER_BUG.len(),
        "both writer-bug files must be present and rejected"
    );
    assert!(
        total.identical >= 600,
        "only {} files compared byte for byte",
        total.identical
    );
}
