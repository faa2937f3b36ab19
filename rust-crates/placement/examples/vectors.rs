//! Writes the synthetic conformance vectors' inputs (`synthetic_N.in`) and every vector's
//! expected output (`NAME.out`, or `NAME.err` for a sheet the stage rejects) into
//! `conformance/placement/`. A changed output must be checked by eye and against the Java engine
//! before it is committed.
//!
//! `cargo run --release -p circuitsynth-placement --example vectors`

use std::fs;
use std::path::Path;

use circuitsynth_placement::{place, synthetic, text};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/placement");
    fs::create_dir_all(&dir).expect("create the vector folder");
    for (items, seed) in [(1usize, 1u64), (10, 10), (100, 100), (1000, 1000)] {
        let sheet = synthetic::generate(items, seed);
        let header = format!(
            "# synthetic::generate({items}, {seed}): ICs with decoupling capacitors, resistor \
             chains, connectors\n"
        );
        let body = header + &text::format_sheet(&sheet);
        fs::write(dir.join(format!("synthetic_{items}.in")), body).expect("write input");
    }
    let mut stems: Vec<String> = fs::read_dir(&dir)
        .expect("list the vector folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "in"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    stems.sort();
    for stem in stems {
        let input = fs::read_to_string(dir.join(format!("{stem}.in"))).expect("read input");
        let sheet = text::parse_sheet(&input).unwrap_or_else(|e| panic!("{stem}.in: {e}"));
        let _ = fs::remove_file(dir.join(format!("{stem}.out")));
        let _ = fs::remove_file(dir.join(format!("{stem}.err")));
        match place(&sheet) {
            Ok(layout) => fs::write(
                dir.join(format!("{stem}.out")),
                text::format_layout(&layout),
            ),
            Err(e) => fs::write(dir.join(format!("{stem}.err")), e.message),
        }
        .expect("write output");
        println!("{stem}");
    }
}
