//! The circuit JSON vectors of `conformance/netlist/`: every `NAME.json` with a `NAME.net` or a
//! `NAME.err` is read (`circuit_json::read`), finalized against the built-in libraries and
//! written, and must give exactly that file (an `.err` may come from reading or from finalize).
//! The Java twin is `io.circuitsynth.netlist.FinalizeVectorsTest`.

mod support;

use std::fs;

use circuitsynth_netlist::finalize::{finalize, outline_references, references, Reference};
use circuitsynth_netlist::net_write::write_net;
use circuitsynth_netlist::{circuit_json, codec};

#[test]
fn every_circuit_json_vector_gives_its_net_or_its_error() {
    let dir = support::repo().join("conformance/netlist");
    let index = support::builtin_index();
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .expect("the vector folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json") && !name.ends_with(".cs.json") && !name.ends_with(".out.json")
        })
        .collect();
    inputs.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    for input in &inputs {
        let stem = input.file_stem().and_then(|s| s.to_str()).expect("stem");
        let expected_net = fs::read(dir.join(format!("{stem}.net"))).ok();
        let expected_err = fs::read_to_string(dir.join(format!("{stem}.err"))).ok();
        if expected_net.is_none() && expected_err.is_none() {
            // A circuit JSON round-trip vector (`NAME.out.json`), not one of these.
            continue;
        }
        ran += 1;
        let json = fs::read(input).expect("read the vector");
        let actual = circuit_json::read(&json).and_then(|design| {
            let netlist = finalize(&design, &index)?;
            Ok(write_net(&netlist))
        });
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
    assert!(ran >= 36, "only {ran} vectors in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Reference generation alone (what the `references` benchmarks time) gives every vector that
/// finalizes exactly its finalized references, and every vector refused for its hierarchy or its
/// references the same message. So does the outline decoded from the design's encoding (the JNI
/// bridge's path), and an outline without component names gives the same references and is
/// refused exactly when the design is (the Java side sends that first). The Java twin is the property
/// `NetlistStagesPropertiesTest.referencesAreFinalizesInBothEngines`.
#[test]
fn references_alone_are_finalizes() {
    let dir = support::repo().join("conformance/netlist");
    let index = support::builtin_index();
    let mut checked = (0, 0);
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("the vector folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.ends_with(".cs.json") && !n.ends_with(".out.json"))
        .collect();
    names.sort();
    for name in names {
        let Ok(design) = circuit_json::read(&fs::read(dir.join(&name)).expect("read")) else {
            continue;
        };
        let alone = references(&design);
        // The JNI bridge's path: the outline decoded from the design's encoding.
        let bytes = codec::encode_outline(&design, true);
        let outline = codec::decode_outline(&bytes).expect("decodes");
        assert_eq!(
            codec::decode_outline(&codec::encode(&design)).as_ref(),
            Ok(&outline),
            "{name}: the outline of the whole encoding"
        );
        let through_outline = outline_references(&outline).map(|refs| {
            refs.into_iter()
                .map(Reference::into_string)
                .collect::<Vec<_>>()
        });
        assert_eq!(through_outline, alone, "{name} (outline)");
        // Without component names (what the Java side sends first): the same references, and
        // refused exactly when the design is.
        let nameless = codec::encode_outline(&design, false);
        let nameless = codec::decode_outline(&nameless).expect("decodes");
        let nameless = outline_references(&nameless).map(|refs| {
            refs.into_iter()
                .map(Reference::into_string)
                .collect::<Vec<_>>()
        });
        assert_eq!(nameless.is_ok(), alone.is_ok(), "{name} (nameless)");
        if let (Ok(nameless), Ok(alone)) = (&nameless, &alone) {
            assert_eq!(nameless, alone, "{name} (nameless)");
        }
        match (finalize(&design, &index), alone) {
            (Ok(netlist), Ok(refs)) => {
                let finalized: Vec<&str> = netlist
                    .components
                    .iter()
                    .map(|c| c.reference.as_str())
                    .collect();
                assert_eq!(refs, finalized, "{name}");
                checked.0 += 1;
            }
            (Ok(_), Err(e)) => panic!("{name}: finalizes, but its references fail: {e}"),
            (Err(finalize_error), Err(e)) => {
                assert_eq!(e, finalize_error, "{name}");
                checked.1 += 1;
            }
            // Refused for a symbol, a pin or a net, which reference generation does not check.
            (Err(_), Ok(_)) => {}
        }
    }
    assert!(checked.0 >= 8 && checked.1 >= 10, "{checked:?}");
}
