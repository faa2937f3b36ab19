//! KiCad's own exports (`conformance/netlist/kicad/*.net`, from the `kicad-demos` and KiCad's
//! QA designs) read, finalized against no library (so every part keeps the pins its libpart
//! lists) and written again: the nets come back exactly, the components and the sheets exactly
//! but for what the design model does not carry. The Java twin is
//! `io.circuitsynth.netlist.KicadNetRoundTripTest`.
//!
//! What the model does not carry, and so is left out of the comparison: symbol data KiCad copies
//! from its libraries (`ki_keywords`, `ki_fp_filters`, the libsource and libpart descriptions,
//! libpart fields and footprint filters), instance properties that are not fields (`Field2` in
//! `multichannel_mixer`), `Sheetfile` (one definition per sheet path is read, so a file placed
//! twice comes back as two), title blocks, the libraries section, and net codes (KiCad leaves a
//! gap for nets of power symbols only; ours have none).

mod support;

use std::fs;

use circuitsynth_netlist::finalize::finalize;
use circuitsynth_netlist::net_read;
use circuitsynth_netlist::net_write::write_net;
use circuitsynth_symbol_cache::SymbolIndex;

/// The top-level section `name` of a `.net` text, up to the next one.
fn section<'t>(text: &'t str, name: &str) -> &'t str {
    let start = text
        .find(&format!("\n  ({name}"))
        .unwrap_or_else(|| panic!("no {name} section"));
    let end = text[start + 1..]
        .find("\n  (")
        .map_or(text.len(), |i| start + 1 + i);
    &text[start..end]
}

/// Net codes replaced by positions; nothing else changed.
fn nets(text: &str) -> String {
    let mut out = String::new();
    let mut code = 0;
    for line in section(text, "nets").lines() {
        match line.strip_prefix("    (net (code \"") {
            Some(rest) => {
                code += 1;
                let after = &rest[rest.find('"').expect("closing quote")..];
                out.push_str(&format!("    (net (code \"{code}{after}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The components section without what the model does not carry (see the crate doc).
fn components(text: &str) -> String {
    let mut out = String::new();
    let mut after_sheetname = false;
    for line in section(text, "components").lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("(comp ") {
            after_sheetname = false;
        }
        if let Some(rest) = trimmed.strip_prefix("(property (name \"") {
            let name = &rest[..rest.find('"').expect("closing quote")];
            if name == "Sheetname" {
                after_sheetname = true;
            } else if matches!(name, "Sheetfile" | "ki_keywords" | "ki_fp_filters")
                || (after_sheetname && !matches!(name, "exclude_from_bom" | "dnp"))
            {
                continue;
            }
        }
        let line = match line.find("(description \"") {
            Some(at) if trimmed.starts_with("(libsource ") => {
                format!("{}(description \"\"))", &line[..at])
            }
            _ => line.to_string(),
        };
        // A line left out may have closed its element: closing parens are not compared.
        out.push_str(line.trim_end_matches(')'));
        out.push('\n');
    }
    out
}

/// Sheet headers (number, name, tstamps) and libpart headers with their pins.
fn sheets_and_libparts(text: &str) -> String {
    let mut out = String::new();
    for line in section(text, "design").lines() {
        if line.starts_with("    (sheet ") {
            out.push_str(line);
            out.push('\n');
        }
    }
    for line in section(text, "libparts").lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("(libpart ") || trimmed.starts_with("(pin ") {
            out.push_str(line.trim_end_matches(')'));
            out.push('\n');
        }
    }
    out
}

#[test]
fn kicad_exports_read_and_written_again_keep_their_nets_and_components() {
    let dir = support::repo().join("conformance/netlist/kicad");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("the KiCad exports")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "net"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 29,
        "only {} exports in {}",
        files.len(),
        dir.display()
    );
    let index = SymbolIndex::open(&[], None);
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        let kicad = fs::read(file).expect("read the export");
        let design = net_read::read(&kicad).unwrap_or_else(|e| panic!("{name}: {e}"));
        let netlist = finalize(&design, &index).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = String::from_utf8(write_net(&netlist)).expect("UTF-8");
        let kicad = String::from_utf8(kicad).expect("UTF-8");
        for (what, a, b) in [
            ("nets", nets(&kicad), nets(&ours)),
            ("components", components(&kicad), components(&ours)),
            (
                "sheets and libpart pins",
                sheets_and_libparts(&kicad),
                sheets_and_libparts(&ours),
            ),
        ] {
            if a != b {
                let line = a.lines().zip(b.lines()).find(|(x, y)| x != y).map_or_else(
                    || "lengths differ".to_string(),
                    |(x, y)| format!("KiCad {x:?}, ours {y:?}"),
                );
                failures.push(format!("{name}: {what} differ: {line}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
