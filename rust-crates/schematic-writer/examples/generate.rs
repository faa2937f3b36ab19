//! `cargo run --release --example generate -- INPUT OUTDIR [SYMBOL_DIR]`: writes the project of a
//! circuit JSON or `.net`, against the `.kicad_sym` files of SYMBOL_DIR (default: the built-in
//! libraries). For comparing the engines by hand and timing the writer.

use std::path::Path;
use std::time::Instant;

use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let input = std::fs::read(&args[1]).expect("input readable");
    let design = if args[1].ends_with(".net") {
        circuitsynth_netlist::net_read::read(&input)
    } else {
        circuitsynth_netlist::circuit_json::read(&input)
    }
    .expect("a valid design");
    let mut sources = Vec::new();
    match args.get(3) {
        Some(dir) => {
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .expect("symbol dir")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "kicad_sym"))
                .collect();
            files.sort();
            for f in files {
                let nick = f.file_stem().unwrap().to_string_lossy().into_owned();
                sources.push(LibrarySource::file(nick, f));
            }
        }
        None => {
            for &(nick, bytes) in circuitsynth_schematic_writer::builtin_libraries() {
                sources.push(LibrarySource::memory(
                    nick,
                    format!("circuitsynth-builtin/{nick}.kicad_sym"),
                    bytes.to_vec(),
                ));
            }
        }
    }
    let index = SymbolIndex::open(&sources, None);
    let t = Instant::now();
    let project =
        circuitsynth_schematic_writer::generate(&design, &index).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("generate ms {:.1}", t.elapsed().as_secs_f64() * 1000.0);
    let out = Path::new(&args[2]);
    std::fs::create_dir_all(out).expect("output dir");
    for f in &project.files {
        std::fs::write(out.join(&f.path), &f.bytes).expect("write");
    }
}
