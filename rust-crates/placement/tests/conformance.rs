//! Runs every vector in `conformance/placement/`: the contract shared with the Java engine.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_placement::{decode_sheet, encode_layout, place, text, Sheet};

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/placement")
}

fn stems() -> Vec<String> {
    let mut stems: Vec<String> = fs::read_dir(vector_dir())
        .expect("the vector folder is listable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "in"))
        .map(|p| {
            p.file_stem()
                .expect("a stem")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    stems.sort();
    stems
}

/// The flat encoding the JNI entry reads, built here the way the Java side builds it.
fn flat(sheet: &Sheet) -> Vec<i32> {
    let mut ints = vec![sheet.items.len() as i32, sheet.nets.len() as i32];
    ints.extend(sheet.nets.iter().map(|k| k.code()));
    for item in &sheet.items {
        let (flag, fx, fy) = item.fixed.map_or((0, 0, 0), |(x, y)| (1, x, y));
        ints.extend([
            item.min_x as i32,
            item.min_y as i32,
            item.max_x as i32,
            item.max_y as i32,
            flag,
            fx as i32,
            fy as i32,
            item.stubs as i32,
            item.labels as i32,
            item.pins.len() as i32,
        ]);
        for pin in &item.pins {
            ints.extend([pin.dx as i32, pin.dy as i32, pin.net]);
        }
    }
    ints
}

#[test]
fn placement_vectors() {
    let stems = stems();
    assert!(stems.len() >= 18, "only {} vectors", stems.len());
    let mut failures = Vec::new();
    for stem in &stems {
        let dir = vector_dir();
        let input = fs::read_to_string(dir.join(format!("{stem}.in"))).expect("read input");
        let sheet = text::parse_sheet(&input).unwrap_or_else(|e| panic!("{stem}.in: {e}"));
        let out = dir.join(format!("{stem}.out"));
        let err = dir.join(format!("{stem}.err"));
        assert!(
            out.exists() ^ err.exists(),
            "{stem}: exactly one of .out and .err"
        );
        let decoded = decode_sheet(&flat(&sheet)).expect("the flat form decodes");
        assert_eq!(decoded, sheet, "{stem}: flat round trip");
        let actual = match place(&sheet) {
            Ok(layout) => {
                let encoded = encode_layout(&layout);
                assert_eq!(encoded.len(), 2 + 2 * sheet.items.len() + 11, "{stem}");
                (text::format_layout(&layout), out)
            }
            Err(e) => (e.message, err),
        };
        let expected = fs::read_to_string(&actual.1).expect("read expected");
        if actual.0 != expected {
            failures.push(format!(
                "{stem}: expected\n{expected}\nactual\n{}",
                actual.0
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_form_round_trips() {
    for stem in stems() {
        let input = fs::read_to_string(vector_dir().join(format!("{stem}.in"))).unwrap();
        let sheet = text::parse_sheet(&input).unwrap();
        assert_eq!(
            text::parse_sheet(&text::format_sheet(&sheet)).unwrap(),
            sheet,
            "{stem}"
        );
    }
}

#[test]
fn decoupling_capacitors_sit_by_their_ic() {
    let input = fs::read_to_string(vector_dir().join("decoupled_ic.in")).unwrap();
    let layout = place(&text::parse_sheet(&input).unwrap()).unwrap();
    assert_eq!(layout.metrics.guest_edges, 2);
    // The IC's box reaches 16.5 mm above its +3V3 pin (fields, power symbol), so a capacitor
    // can come no closer than about 23 mm; it must land right there, not across the sheet.
    assert!(layout.metrics.mean_guest <= 300_000, "{:?}", layout.metrics);
}

#[test]
fn malformed_flat_input_is_named() {
    assert_eq!(
        decode_sheet(&[1, 0]).unwrap_err().message,
        "flat sheet truncated: 2 ints end before int 2"
    );
    assert_eq!(
        decode_sheet(&[0, 1, 9]).unwrap_err().message,
        "flat sheet: net 0 has kind code 9; expected 0 (signal), 1 (power), 2 (ground) or 3 \
         (large)"
    );
    assert_eq!(
        decode_sheet(&[0, 0, 5]).unwrap_err().message,
        "flat sheet: 1 ints left over after the last item"
    );
    assert_eq!(
        decode_sheet(&[1, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0])
            .unwrap_err()
            .message,
        "flat sheet: item 0 has fixed flag 2; expected 0 or 1"
    );
}
