//! The circuit JSON vectors of `conformance/netlist/` (`NAME.json` with `NAME.net` or
//! `NAME.err`) through finalize and the `.net` writer, against the built-in libraries. The
//! Java twin is `io.circuitsynth.netlist.FinalizeVectorsTest`.

mod support;

use std::fs;

use circuitsynth_netlist::finalize::finalize;
use circuitsynth_netlist::net_write::write_net;

#[test]
fn every_circuit_json_vector_gives_its_net_or_its_error() {
    let dir = support::repo().join("conformance/netlist");
    let index = support::builtin_index();
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .expect("the vector folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json") && !name.ends_with(".cs.json")
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no vectors in {}", dir.display());
    let mut failures = Vec::new();
    for input in &inputs {
        let stem = input.file_stem().and_then(|s| s.to_str()).expect("stem");
        let text = fs::read_to_string(input).expect("read the vector");
        let design = support::design_from_json(&text);
        let expected_net = fs::read(dir.join(format!("{stem}.net"))).ok();
        let expected_err = fs::read_to_string(dir.join(format!("{stem}.err"))).ok();
        let actual = finalize(&design, &index).map(|n| write_net(&n));
        let ok = match (&actual, &expected_net, &expected_err) {
            (Ok(bytes), Some(net), None) => bytes == net,
            (Err(message), None, Some(err)) => message == err,
            _ => false,
        };
        if !ok {
            let shown = match &actual {
                Ok(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                Err(message) => format!("error: {message}"),
            };
            let out = support::repo()
                .join("rust-crates/target")
                .join(format!("{stem}.actual"));
            let _ = fs::write(&out, shown.as_bytes());
            failures.push(format!(
                "{stem}: got {} (written to {})",
                shown.lines().next().unwrap_or(""),
                out.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
