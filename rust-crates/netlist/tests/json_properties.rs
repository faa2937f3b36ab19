//! Properties of circuit JSON over random designs, and the shared random corpus
//! `conformance/netlist/json_random.txt` that holds both engines to the same results.
//!
//! The designs come from a seeded generator written identically in Java
//! (`io.circuitsynth.netlist.RandomDesigns`): the same seed gives the same design, the same
//! written bytes and the same byte mutations in both engines, so the corpus compares them
//! without the JNI stage.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use circuitsynth_netlist::circuit_json::{self, PIN_TYPES};
use circuitsynth_netlist::finalize::finalize;
use circuitsynth_netlist::model::{
    Component, Definition, Design, Instance, Net, PinRef, PinSpec, Power, ReferenceKind,
};
use circuitsynth_symbol_cache::SymbolIndex;
use proptest::prelude::*;

/// The built-in libraries, opened once for all cases.
fn index() -> &'static SymbolIndex {
    static INDEX: OnceLock<SymbolIndex> = OnceLock::new();
    INDEX.get_or_init(support::builtin_index)
}

/// A message is one line and says where: a JSON path, or `LINE:COLUMN`. Finalize messages about
/// items without an origin carry no position, so `located` is only asked of the reader's.
fn check_message(message: &str, located: bool) -> Result<(), TestCaseError> {
    prop_assert!(!message.contains(['\n', '\r']), "{:?}", message);
    if located {
        let positioned = message.starts_with('$')
            || message
                .split(':')
                .take(2)
                .all(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
        prop_assert!(positioned, "{}", message);
    }
    Ok(())
}

/// SplitMix64, the generator both engines share.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    /// Up to `max` characters, drawn to stress escaping and paths.
    fn text(&mut self, max: usize) -> String {
        const ATOMS: [&str; 20] = [
            "a",
            "b",
            "R",
            "1",
            "_",
            " ",
            "\"",
            "\\",
            "\n",
            "\t",
            "\u{1}",
            "\u{1f}",
            "é",
            "Ω",
            "\u{1F600}",
            "/",
            "~",
            ":",
            "-",
            "+",
        ];
        let len = self.below(max + 1);
        (0..len).map(|_| ATOMS[self.below(ATOMS.len())]).collect()
    }

    /// A name unique among its kind: random text and `#` and a serial number.
    fn unique(&mut self, max: usize, serial: usize) -> String {
        format!("{}#{serial}", self.text(max))
    }
}

fn random_design(seed: u64) -> Design {
    let mut r = Rng(seed);
    let name = r.text(8);
    let count = 1 + r.below(3);
    let names: Vec<String> = (0..count).map(|i| r.unique(5, i)).collect();
    let mut definitions = Vec::new();
    for def_name in &names {
        let ports: Vec<String> = (0..r.below(3)).map(|k| r.unique(3, k)).collect();
        let mut components = Vec::new();
        for k in 0..r.below(4) {
            components.push(random_component(&mut r, k));
        }
        let ids: Vec<String> = components.iter().map(|c| c.id.clone()).collect();
        let mut nets = Vec::new();
        for k in 0..r.below(4) {
            nets.push(random_net(&mut r, k, &ids));
        }
        let mut no_connects = Vec::new();
        if !ids.is_empty() {
            for _ in 0..r.below(2) {
                no_connects.push(random_node(&mut r, &ids));
            }
        }
        let mut targets: Vec<String> = ports.clone();
        for net in &nets {
            targets.extend(net.name.iter().cloned());
            targets.extend(net.id.iter().cloned());
        }
        let mut instances = Vec::new();
        for _ in 0..r.below(3) {
            let instance_name = r.text(4);
            let definition = names[r.below(count)].clone();
            let mut bindings = Vec::new();
            if !targets.is_empty() {
                for k in 0..r.below(3) {
                    let port = r.unique(3, k);
                    let net = targets[r.below(targets.len())].clone();
                    bindings.push((port, net));
                }
            }
            instances.push(Instance {
                name: instance_name,
                definition,
                bindings,
                origin: None,
            });
        }
        definitions.push(Definition {
            name: def_name.clone(),
            ports,
            components,
            nets,
            no_connects,
            instances,
            origin: None,
        });
    }
    let root = names[r.below(count)].clone();
    let mut sheet_uuids = Vec::new();
    for k in 0..r.below(3) {
        let sheet = format!("/{}/", r.unique(3, k));
        let uuid = r.text(8);
        sheet_uuids.push((sheet, uuid));
    }
    Design {
        name,
        root,
        definitions,
        sheet_uuids,
    }
}

fn random_component(r: &mut Rng, serial: usize) -> Component {
    let id = r.unique(4, serial);
    let symbol = format!("{}:{}", r.text(3), r.text(3));
    let reference_kind = [
        ReferenceKind::Fixed,
        ReferenceKind::Prefix,
        ReferenceKind::Absolute,
    ][r.below(3)];
    let reference = r.text(4);
    let mut texts = Vec::new();
    for _ in 0..4 {
        texts.push(if r.chance(2) {
            r.text(6)
        } else {
            String::new()
        });
    }
    let mut fields = Vec::new();
    for k in 0..r.below(3) {
        let field = format!("f{}", r.unique(4, k));
        let value = r.text(5);
        fields.push((field, value));
    }
    let dnp = r.chance(2);
    let in_bom = r.chance(2);
    let on_board = r.chance(2);
    let pins = if r.chance(3) {
        None
    } else {
        let mut list = Vec::new();
        for k in 0..r.below(4) {
            let number = r.unique(2, k);
            let name = if r.chance(2) {
                r.text(3)
            } else {
                String::new()
            };
            let electrical_type = PIN_TYPES[r.below(PIN_TYPES.len())].to_string();
            let unit = r.below(3) as u32;
            let hidden = r.chance(2);
            list.push(PinSpec {
                number,
                name,
                electrical_type,
                unit,
                hidden,
            });
        }
        Some(list)
    };
    let uuids = (0..r.below(3)).map(|_| r.text(8)).collect();
    let [value, footprint, datasheet, description] =
        <[String; 4]>::try_from(texts).expect("four texts");
    Component {
        id,
        symbol,
        reference_kind,
        reference,
        value,
        footprint,
        datasheet,
        description,
        fields,
        dnp,
        in_bom,
        on_board,
        pins,
        uuids,
        origin: None,
    }
}

fn random_net(r: &mut Rng, serial: usize, ids: &[String]) -> Net {
    // Names may repeat; ids carry `@`, which no name holds, so they never meet a name or a port.
    let name = if r.chance(3) { None } else { Some(r.text(4)) };
    let id = if r.chance(3) {
        Some(format!("@{}", r.unique(3, serial)))
    } else {
        None
    };
    let power = [Power::Auto, Power::Yes, Power::No][r.below(3)];
    let class = if r.chance(3) {
        r.text(4)
    } else {
        "Default".to_string()
    };
    let absolute = r.chance(4);
    let mut nodes = Vec::new();
    if !ids.is_empty() {
        for _ in 0..r.below(4) {
            nodes.push(random_node(r, ids));
        }
    }
    Net {
        name,
        id,
        power,
        class,
        nodes,
        absolute,
        origin: None,
    }
}

fn random_node(r: &mut Rng, ids: &[String]) -> PinRef {
    let component = ids[r.below(ids.len())].clone();
    let pin = r.text(3);
    let unit = r.below(3) as u32;
    PinRef {
        component,
        pin,
        unit,
        origin: None,
    }
}

/// Bytes the mutations favour: the ones that change JSON structure.
const STRUCTURE: &[u8] = b"{}[]\",:\\0123456789 tfnul-.eE\n";

/// Applies 1 to 4 random edits (replace, insert, delete a byte).
fn mutate(r: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..1 + r.below(4) {
        let op = r.below(3);
        let at = r.below(out.len() + 1);
        let byte = if r.chance(2) {
            STRUCTURE[r.below(STRUCTURE.len())]
        } else {
            r.below(256) as u8
        };
        match op {
            0 if at < out.len() => out[at] = byte,
            1 => out.insert(at, byte),
            _ if at < out.len() => {
                out.remove(at);
            }
            _ => out.push(byte),
        }
    }
    out
}

fn without_origins(mut d: Design) -> Design {
    for def in &mut d.definitions {
        def.origin = None;
        def.components.iter_mut().for_each(|c| c.origin = None);
        for net in &mut def.nets {
            net.origin = None;
            net.nodes.iter_mut().for_each(|n| n.origin = None);
        }
        def.no_connects.iter_mut().for_each(|n| n.origin = None);
        def.instances.iter_mut().for_each(|i| i.origin = None);
    }
    d
}

/// The result of reading `bytes` as the corpus records it: the error, or `ok` and the hash of
/// the design written again.
fn outcome(bytes: &[u8]) -> String {
    match circuit_json::read(bytes) {
        Ok(design) => format!(
            "ok {:016x}",
            circuitsynth_io::hash_bytes(&circuit_json::write(&design))
        ),
        Err(message) => message,
    }
}

/// Seeds 1..=CORPUS_SEEDS, each with CORPUS_MUTATIONS mutated texts.
const CORPUS_SEEDS: u64 = 150;
const CORPUS_MUTATIONS: u64 = 6;

fn corpus_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for seed in 1..=CORPUS_SEEDS {
        let written = circuit_json::write(&random_design(seed));
        lines.push(format!(
            "{seed}\t0\t{:016x}",
            circuitsynth_io::hash_bytes(&written)
        ));
        let mut r = Rng(seed ^ 0x5EED_5EED);
        for j in 1..=CORPUS_MUTATIONS {
            let mutated = mutate(&mut r, &written);
            lines.push(format!("{seed}\t{j}\t{}", outcome(&mutated)));
        }
    }
    lines
}

fn corpus_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist/json_random.txt")
}

#[test]
fn random_corpus() {
    let actual = corpus_lines();
    if std::env::var_os("CIRCUITSYNTH_WRITE_VECTORS").is_some() {
        let header =
            "# Random designs (seed, 0, XXH64 of the written bytes) and byte mutations of them\n\
                      # (seed, k, the reading's error or `ok` and the XXH64 of writing it again).\n\
                      # Written by rust-crates/netlist/tests/json_properties.rs with\n\
                      # CIRCUITSYNTH_WRITE_VECTORS=1; the Java engine must give the same lines.\n";
        fs::write(corpus_file(), format!("{header}{}\n", actual.join("\n")))
            .expect("write the corpus");
    }
    let text = fs::read_to_string(corpus_file()).expect("read the corpus");
    let expected: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(expected.len(), actual.len(), "corpus size");
    for (e, a) in expected.iter().zip(&actual) {
        assert_eq!(*e, a);
    }
}

#[test]
fn generator_gives_valid_designs() {
    // A corpus of only errors would compare little: most designs must read back.
    for seed in 1..=CORPUS_SEEDS {
        let design = random_design(seed);
        let written = circuit_json::write(&design);
        let read = circuit_json::read(&written).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(without_origins(read), design, "seed {seed}");
    }
}

#[test]
fn designs_read_from_kicad_netlists_survive_json() {
    // Circuit JSON holds everything a .net import gives: UUIDs, verbatim net names, classes.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist/kicad");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the KiCad netlists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "net"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "only {} KiCad netlists", files.len());
    for file in &files {
        let design = circuitsynth_netlist::net_read::read(&fs::read(file).expect("read"))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let written = circuit_json::write(&design);
        let back =
            circuit_json::read(&written).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(circuit_json::write(&back), written, "{}", file.display());
        assert_eq!(
            without_origins(back),
            without_origins(design),
            "{}",
            file.display()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn write_then_read_is_the_identity(seed in any::<u64>()) {
        let design = random_design(seed);
        let written = circuit_json::write(&design);
        let read = circuit_json::read(&written).map_err(TestCaseError::fail)?;
        prop_assert_eq!(circuit_json::write(&read), written);
        prop_assert_eq!(without_origins(read), design);
    }

    #[test]
    fn mutations_give_one_line_errors(seed in any::<u64>()) {
        // The names are full of line breaks and controls: finalize must show them escaped too.
        let design = random_design(seed);
        if let Err(message) = finalize(&design, index()) {
            check_message(&message, false)?;
        }
        let written = circuit_json::write(&design);
        let mut r = Rng(seed);
        for _ in 0..8 {
            let mutated = mutate(&mut r, &written);
            match circuit_json::read(&mutated) {
                Err(message) => check_message(&message, true)?,
                Ok(read) => {
                    if let Err(message) = finalize(&read, index()) {
                        check_message(&message, false)?;
                    }
                }
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = circuit_json::read(&bytes);
        let _ = circuitsynth_netlist::circuit_synth::read(&bytes);
    }
}
