//! `SymbolIndex::library_file`: the file a nickname is served from, for the `.net` writer's
//! libraries section.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

const LIBRARY: &[u8] = br#"(kicad_symbol_lib (version 20241209)
  (symbol "R" (property "Reference" "R")
    (symbol "R_1_1"
      (pin passive line (at 0 3.81 270) (length 1.27) (name "~") (number "1")))))"#;

#[test]
fn files_are_served_by_absolute_path_and_memory_libraries_have_none() {
    let dir = std::env::temp_dir().join(format!("circuitsynth-libfile-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("create a temporary folder");
    let file = dir.join("Demo.kicad_sym");
    fs::write(&file, LIBRARY).expect("write the library");
    let missing = dir.join("Missing.kicad_sym");
    let index = SymbolIndex::open(
        &[
            LibrarySource::file("Demo", &file),
            LibrarySource::memory("Mem", "mem", LIBRARY),
            LibrarySource::file("Missing", &missing),
            LibrarySource::file("Mem", &file),
        ],
        None,
    );
    assert_eq!(index.library_file("Demo"), Some(file.as_path()));
    assert_eq!(
        index.library_file("Mem"),
        None,
        "the first source of a nickname wins"
    );
    assert_eq!(
        index.library_file("Missing"),
        None,
        "a skipped library serves nothing"
    );
    assert_eq!(index.library_file("Nope"), None);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn relative_paths_are_taken_from_the_current_directory() {
    let dir = std::env::temp_dir().join(format!("circuitsynth-librel-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("create a temporary folder");
    fs::write(dir.join("Rel.kicad_sym"), LIBRARY).expect("write the library");
    let cwd = std::env::current_dir().expect("current directory");
    // A path relative to the current directory that reaches the temporary folder.
    let mut relative = PathBuf::new();
    for _ in cwd.components().skip(1) {
        relative.push("..");
    }
    relative.push(dir.strip_prefix("/").unwrap_or(&dir));
    relative.push("Rel.kicad_sym");
    let index = SymbolIndex::open(&[LibrarySource::file("Rel", &relative)], None);
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    assert_eq!(
        index.library_file("Rel"),
        Some(cwd.join(&relative).as_path())
    );
    assert!(Path::new(index.library_file("Rel").expect("served")).is_absolute());
    let _ = fs::remove_dir_all(&dir);
}
