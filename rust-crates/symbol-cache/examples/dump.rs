//! Prints the specification's dump of one library, or its skip warning:
//! `cargo run --example dump -- NICKNAME FILE`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [nickname, path] = args.as_slice() else {
        eprintln!("usage: dump NICKNAME FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut nodes = Vec::new();
    match circuitsynth_symbol_cache::read_resolved(&bytes, &mut nodes) {
        Ok(symbols) => {
            print!(
                "{}",
                circuitsynth_symbol_cache::dump::dump_library(nickname, &symbols)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("skipping library {nickname} ({path}): {e}");
            ExitCode::FAILURE
        }
    }
}
