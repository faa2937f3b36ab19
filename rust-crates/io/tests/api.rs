//! The public API beyond the vectors: documents, builder, tables, deep inputs, files.

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_io::build::{decimal, quote, Builder};
use circuitsynth_io::{
    hash_files, parse, parse_files, print_table, write_if_changed, Document, FileError, Kind,
    WriteOutcome,
};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("circuitsynth-io-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn decimals_follow_kicad() {
    let cases = [
        ((12700, 4), "1.27"),
        ((-5000, 4), "-0.5"),
        ((0, 4), "0"),
        ((0, 0), "0"),
        ((-0, 3), "0"),
        ((5, 0), "5"),
        ((120, 1), "12"),
        ((1, 6), "0.000001"),
        ((-1, 6), "-0.000001"),
        ((254_000, 4), "25.4"),
        ((i64::MIN, 0), "-9223372036854775808"),
        ((i64::MIN, 19), "-0.9223372036854775808"),
        ((i64::MAX, 25), "0.0000009223372036854775807"),
    ];
    for ((units, scale), expected) in cases {
        assert_eq!(decimal(units, scale), expected, "decimal({units}, {scale})");
    }
}

#[test]
fn quoting_escapes_what_kicad_escapes() {
    assert_eq!(quote("a\\b\"c\nd\re\tf€"), "\"a\\\\b\\\"c\\nd\\re\tf€\"");
    assert_eq!(quote(""), "\"\"");
}

#[test]
fn document_accessors() {
    let doc = Document::parse(b"(sym \"R\\x41\\n\" (pin 1) 2.54)").expect("parses");
    assert_eq!(doc.len(), 7);
    assert_eq!(doc.kind(0), Kind::List);
    assert_eq!(doc.children(0).collect::<Vec<_>>(), vec![1, 2, 3, 6]);
    assert_eq!(
        doc.children(3).map(|c| doc.text(c)).collect::<Vec<_>>(),
        vec!["pin", "1"]
    );
    assert_eq!(doc.children(1).count(), 0);
    assert_eq!(doc.kind(2), Kind::String);
    assert_eq!(doc.text(2), "\"R\\x41\\n\"");
    assert_eq!(doc.value(2).expect("atom").as_ref(), b"RA\n");
    assert_eq!(doc.value(6).expect("atom").as_ref(), b"2.54");
    assert!(doc.value(3).is_none());
    assert_eq!(doc.span(3), 15..22);
    assert_eq!(doc.line_column(15), (1, 16));
}

#[test]
fn string_values_decode_every_escape() {
    let doc = Document::parse(br#"(s "\"\\\a\b\f\n\r\t\v\x4\x41\x4g\7\07\101\1012\377")"#)
        .expect("parses");
    let expected: &[u8] = b"\"\\\x07\x08\x0c\n\r\t\x0b\x04A\x04g\x07\x07AA2\xff";
    assert_eq!(doc.value(2).expect("atom").as_ref(), expected);
}

#[test]
fn equality_is_structural() {
    let a = Document::parse(b"(a (b \"c\") d)").expect("parses");
    let b = Document::parse(b"\n( a\n\t(b   \"c\")\r\nd )  ").expect("parses");
    let c = Document::parse(b"(a (b c) d)").expect("parses");
    let d = Document::parse(b"(a (b \"c\" d))").expect("parses");
    assert_eq!(a, b);
    assert_ne!(a, c, "a string is not a symbol");
    assert_ne!(a, d, "same tokens, different nesting");
    let owned = Document::parse_owned(b"(a (b \"c\") d)".to_vec()).expect("parses");
    assert_eq!(a, owned);
}

#[test]
fn owned_parse_reports_the_same_errors() {
    for input in [&b"(a \xff \x00)"[..], b"(a \x00 \xff)", b"(a", b""] {
        let borrowed = Document::parse(input).expect_err("invalid");
        let owned = Document::parse_owned(input.to_vec()).expect_err("invalid");
        assert_eq!(borrowed, owned);
    }
}

#[test]
fn builder_output() {
    let mut b = Builder::new("symbol");
    b.string("Device:R")
        .open("pin_names")
        .open("offset")
        .decimal(254, 4)
        .close()
        .close();
    b.open("pts")
        .open("xy")
        .decimal(-12700, 4)
        .decimal(0, 4)
        .close();
    b.open("xy").decimal(12700, 4).decimal(0, 4).close().close();
    let doc = b.finish();
    assert_eq!(
        String::from_utf8(doc.print()).expect("utf8"),
        "(symbol \"Device:R\"\n\t(pin_names\n\t\t(offset 0.0254)\n\t)\n\t(pts\n\t\t(xy -1.27 0) (xy 1.27 0)\n\t)\n)\n"
    );
    assert_eq!(
        doc.source(),
        "(symbol \"Device:R\" (pin_names (offset 0.0254)) (pts (xy -1.27 0) (xy 1.27 0)))"
    );
}

#[test]
fn deep_inputs_use_no_call_stack() {
    // Run on a small stack so any per-level recursion would overflow it.
    std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(|| {
            let deep = vec![b'('; 100_000];
            let err = parse(&deep).expect_err("too deep");
            assert_eq!((err.line, err.column, err.offset), (1, 1001, 1000));
            let mut ok = vec![b'('; 1000];
            ok.extend(vec![b')'; 1000]);
            let doc = Document::parse(&ok).expect("1000 deep parses");
            let printed = doc.print();
            let again = Document::parse(&printed).expect("printed parses");
            assert_eq!(doc, again);
            assert_eq!(again.print(), printed);
            drop(doc);
            drop(again);
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}

#[test]
fn tables_from_outside_are_checked() {
    let source = b"(a (b) c)";
    let good = parse(source).expect("parses");
    assert_eq!(
        print_table(source, &good).expect("valid"),
        b"(a\n\t(b) c)\n"
    );
    let bad: Vec<(Vec<u32>, &str)> = vec![
        (vec![], "length 0 is not a positive multiple of 4"),
        (
            vec![0, 0, 9, 1, 1],
            "length 5 is not a positive multiple of 4",
        ),
        (vec![1, 1, 2, 1], "node 0 must be the root list"),
        (
            vec![0, 0, 9, 1, 1, 1, 2, 2],
            "list node 0 has NEXT 1, expected 1..=2",
        ),
        (vec![0, 0, 9, 2, 7, 1, 2, 2], "node 1 has unknown kind 7"),
        (
            vec![0, 0, 9, 2, 1, 1, 20, 2],
            "node 1 spans 1..20, outside the 9-byte source",
        ),
        (
            vec![0, 0, 9, 2, 1, 2, 1, 2],
            "node 1 spans 2..1, outside the 9-byte source",
        ),
        (
            vec![0, 0, 9, 2, 1, 1, 2, 3],
            "atom node 1 has NEXT 3, expected 2",
        ),
        (
            vec![0, 0, 9, 3, 0, 3, 6, 4, 1, 4, 5, 3],
            "list node 1 has NEXT 4, expected 2..=3",
        ),
        (
            vec![0, 0, 9, 2, 0, 3, 6, 1],
            "list node 1 has NEXT 1, expected 2..=2",
        ),
    ];
    for (table, message) in bad {
        let err = print_table(source, &table).expect_err("invalid table");
        assert_eq!(
            err.to_string(),
            format!("invalid node table: {message}"),
            "{table:?}"
        );
    }
}

fn io_message(error: FileError) -> String {
    match error {
        FileError::Io { message, .. } => message,
        other => panic!("expected an IO error, got {other}"),
    }
}

#[test]
fn parse_files_reports_the_first_failure_in_list_order() {
    let dir = scratch("parse-files");
    let good = dir.join("good.kicad_sym");
    let bad = dir.join("bad.kicad_sym");
    let missing = dir.join("missing.kicad_sym");
    fs::write(&good, b"(kicad_symbol_lib (version 20241209))").expect("write");
    fs::write(&bad, b"(a))").expect("write");
    assert_eq!(parse_files(&[&good, &good]).expect("parses"), 10);
    assert_eq!(parse_files::<&Path>(&[]).expect("empty list"), 0);
    let err = parse_files(&[&good, &bad, &missing]).expect_err("bad file");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:1:4: expected end of input after the root list closed at 1:3, found ')'",
            bad.display()
        )
    );
    let err = parse_files(&[&good, &missing, &bad]).expect_err("missing file");
    assert_eq!(
        io_message(err),
        format!("cannot read {}: file not found", missing.display())
    );
    let err = parse_files(&[&dir]).expect_err("directory");
    assert_eq!(
        io_message(err),
        format!("cannot read {}: is a directory", dir.display())
    );
    let err = hash_files(&[&good, &missing]).expect_err("missing file");
    assert_eq!(
        io_message(err),
        format!("cannot read {}: file not found", missing.display())
    );
    fs::remove_dir_all(&dir).expect("cleanup");
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    names.sort();
    names
}

#[test]
fn write_if_changed_skips_identical_bytes() {
    let dir = scratch("atomic");
    let target = dir.join("board.kicad_sch");
    assert_eq!(
        write_if_changed(&target, b"(a)\n").expect("write"),
        WriteOutcome::Written
    );
    assert_eq!(fs::read(&target).expect("read"), b"(a)\n");
    let before = fs::metadata(&target)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(
        write_if_changed(&target, b"(a)\n").expect("write"),
        WriteOutcome::Unchanged
    );
    assert_eq!(
        fs::metadata(&target)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
    assert_eq!(
        write_if_changed(&target, b"(b)\n").expect("write"),
        WriteOutcome::Written
    );
    assert_eq!(
        write_if_changed(&target, b"(bb)\n").expect("write"),
        WriteOutcome::Written
    );
    assert_eq!(fs::read(&target).expect("read"), b"(bb)\n");
    assert!(
        leftovers(&dir).is_empty(),
        "temporary files left: {:?}",
        leftovers(&dir)
    );

    let missing_dir = dir.join("no-such-dir").join("x.kicad_sch");
    let err = write_if_changed(&missing_dir, b"x").expect_err("no directory");
    assert_eq!(
        io_message(err),
        format!("cannot write {}: file not found", missing_dir.display())
    );
    let err = write_if_changed(&dir, b"x").expect_err("directory");
    assert_eq!(
        io_message(err),
        format!("cannot write {}: is a directory", dir.display())
    );
    fs::remove_dir_all(&dir).expect("cleanup");
}

#[cfg(unix)]
#[test]
fn write_if_changed_cleans_up_when_the_rename_fails() {
    let dir = scratch("atomic-fail");
    // A non-empty directory where the file should go: creating the temp file works, the rename
    // over it fails, and the temp file must disappear.
    let target = dir.join("occupied");
    fs::create_dir_all(target.join("inside")).expect("dir");
    let err = write_if_changed(&target, b"x").expect_err("rename over a directory fails");
    assert!(io_message(err).starts_with(&format!("cannot write {}:", target.display())));
    assert!(
        leftovers(&dir).is_empty(),
        "temporary files left: {:?}",
        leftovers(&dir)
    );
    assert!(target.join("inside").is_dir(), "target untouched");
    fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn many_files_report_the_first_failure_whatever_the_scheduling() {
    let dir = scratch("many");
    let paths: Vec<PathBuf> = (0..300)
        .map(|i| dir.join(format!("f{i:03}.kicad_sym")))
        .collect();
    for (i, p) in paths.iter().enumerate() {
        let text = if i % 97 == 50 {
            format!("(a {i}))")
        } else {
            format!("(a {i})")
        };
        fs::write(p, text).expect("write");
    }
    for _ in 0..20 {
        let err = parse_files(&paths).expect_err("files 50, 147 and 244 are bad");
        assert!(
            err.to_string()
                .starts_with(&paths[50].display().to_string()),
            "{err}"
        );
    }
    let good: Vec<&PathBuf> = paths
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 97 != 50)
        .map(|(_, p)| p)
        .collect();
    assert_eq!(parse_files(&good).expect("all good"), 3 * good.len() as u64);
    let hashes = hash_files(&good).expect("hashes");
    assert_eq!(hashes.len(), good.len());
    assert_eq!(hashes[1].size, fs::metadata(good[1]).expect("meta").len());
    fs::remove_dir_all(&dir).expect("cleanup");
}
