//! The `.net` files KiCad 9.0.8 exported from its demos (`conformance/netlist/kicad/`): each
//! reads, and the design holds exactly the file's connectivity, values and footprints.

mod net_read_support;

use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_netlist::model::{Design, ReferenceKind};
use circuitsynth_netlist::net_read::read;
use net_read_support::connectivity::Connectivity;
use net_read_support::dump::dump;

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist/kicad");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "net"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 6,
        "the KiCad corpus is missing from {}",
        dir.display()
    );
    files
}

fn load(name: &str) -> Design {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../conformance/netlist/kicad")
        .join(format!("{name}.net"));
    read(&fs::read(&path).expect("corpus file")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_export_reads_with_its_connectivity() {
    let mut failures = Vec::new();
    for path in corpus() {
        let bytes = fs::read(&path).expect("read");
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        match read(&bytes) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(design) => {
                let diff = Connectivity::of_net(&bytes).diff(&Connectivity::of_design(&design));
                if !diff.is_empty() {
                    failures.push(format!("{name}:\n{diff}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn complex_hierarchy_keeps_its_sheets_uuids_and_ports() {
    let design = load("complex_hierarchy");
    assert_eq!(design.name, "complex_hierarchy");
    assert_eq!(design.root, "complex_hierarchy");
    let names: Vec<&str> = design.definitions.iter().map(|d| d.name.as_str()).collect();
    // ampli_ht.kicad_sch is placed twice; its references differ per instance, so two definitions.
    assert_eq!(names, ["complex_hierarchy", "ampli_ht", "ampli_ht_2"]);
    let root = &design.definitions[0];
    let instances: Vec<(&str, &str)> = root
        .instances
        .iter()
        .map(|i| (i.name.as_str(), i.definition.as_str()))
        .collect();
    assert_eq!(
        instances,
        [
            ("ampli_ht_vertical", "ampli_ht"),
            ("ampli_ht_horizontal", "ampli_ht_2")
        ]
    );
    assert_eq!(
        design.sheet_uuids,
        [
            (
                "/ampli_ht_vertical/".to_string(),
                "00000000-0000-0000-0000-00004b3a1333".to_string()
            ),
            (
                "/ampli_ht_horizontal/".to_string(),
                "00000000-0000-0000-0000-00004b3a13a4".to_string()
            ),
        ]
    );
    let vertical = &design.definitions[1];
    for (port, binding) in vertical.ports.iter().zip(&root.instances[0].bindings) {
        assert_eq!((port, port), (&binding.0, &binding.1));
    }
    assert_eq!(vertical.ports.len(), root.instances[0].bindings.len());
    let u201 = vertical
        .components
        .iter()
        .find(|c| c.id == "U201")
        .expect("U201 on its sheet");
    assert_eq!(u201.reference_kind, ReferenceKind::Absolute);
    assert_eq!(u201.reference, "U201");
    assert_eq!(u201.symbol, "complex_hierarchy:LM358N");
    assert_eq!(u201.value, "LM358N");
    assert_eq!(u201.footprint, "Package_DIP:DIP-8_W7.62mm_LongPads");
    assert_eq!(
        u201.uuids,
        [
            "00000000-0000-0000-0000-00004b3a1368",
            "00000000-0000-0000-0000-00004b3a135c"
        ]
    );
    let pins: Vec<(&str, &str, &str)> = u201
        .pins
        .as_ref()
        .expect("pins from the libpart")
        .iter()
        .map(|p| {
            (
                p.number.as_str(),
                p.name.as_str(),
                p.electrical_type.as_str(),
            )
        })
        .collect();
    assert_eq!(
        pins,
        [
            ("1", "", "output"),
            ("2", "-", "input"),
            ("3", "+", "input"),
            ("4", "V-", "power_in"),
            ("5", "+", "input"),
            ("6", "-", "input"),
            ("7", "", "output"),
            ("8", "V+", "power_in"),
        ]
    );
    let marked: Vec<(&str, &str)> = root
        .no_connects
        .iter()
        .map(|p| (p.component.as_str(), p.pin.as_str()))
        .collect();
    assert_eq!(marked, [("U102", "6"), ("U102", "7")]);
}

#[test]
fn flags_and_pins_without_numbers_read() {
    let design = load("flat_hierarchy");
    let all: Vec<_> = design
        .definitions
        .iter()
        .flat_map(|d| &d.components)
        .collect();
    let hole = all.iter().find(|c| c.id == "HOLE1").expect("HOLE1");
    let pins = hole.pins.as_ref().expect("pins");
    assert_eq!((pins[0].number.as_str(), pins[0].name.as_str()), ("", "1"));
    assert_eq!(all.iter().filter(|c| !c.in_bom).count(), 6);
    let design = load("RoyalBlue54L-Feather");
    let all: Vec<_> = design
        .definitions
        .iter()
        .flat_map(|d| &d.components)
        .collect();
    assert_eq!(all.iter().filter(|c| c.dnp).count(), 22);
    assert_eq!(all.iter().filter(|c| !c.in_bom).count(), 12);
}

/// `NAME SIZE XXH64` of each export's design dump: `NetReaderKicadTest` checks the same table, so
/// the engines read every export into the same design. Regenerate with `NET_READ_BLESS=1` only
/// after a reviewed change to the reader, in both engines.
#[test]
fn both_engines_read_every_export_into_the_same_design() {
    let table =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/net_read_support/kicad_designs.txt");
    let mut actual = String::new();
    for path in corpus() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = dump(&read(&fs::read(&path).expect("read")).expect("reads"));
        let hash = circuitsynth_io::hash_bytes(text.as_bytes());
        actual.push_str(&format!("{name} {} {hash:016x}\n", text.len()));
    }
    if std::env::var("NET_READ_BLESS").as_deref() == Ok("1") {
        fs::write(&table, &actual).expect("write the table");
    }
    let expected = fs::read_to_string(&table).expect("the design table");
    assert_eq!(actual, expected);
}
