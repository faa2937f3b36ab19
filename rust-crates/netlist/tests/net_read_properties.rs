//! Random and mutated `.net` inputs: the reader never panics; a parse error is the `io` stage's
//! own, passed through; any other error is one positioned line; and whatever it accepts is a
//! design whose nets, ports and bindings hold together. The Java twin is `NetReaderPropertiesTest`.

mod net_read_support;

use std::fs;
use std::path::Path;

use circuitsynth_io::Document;
use circuitsynth_netlist::net_read::read;
use net_read_support::connectivity::Connectivity;
use net_read_support::synthetic::synthetic_net;
use proptest::prelude::*;

fn bases() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/netlist");
    vec![
        fs::read(dir.join("read_hierarchy.in.net")).expect("vector"),
        fs::read(dir.join("kicad/ecc83-pp.net")).expect("export"),
        synthetic_net(12),
    ]
}

/// Checks one input against the reader's promises.
fn check(input: &[u8]) -> Result<(), TestCaseError> {
    let result = std::panic::catch_unwind(|| read(input));
    let Ok(result) = result else {
        return Err(TestCaseError::fail("the reader panicked"));
    };
    match (Document::parse(input), result) {
        (Err(io), Err(message)) => prop_assert_eq!(message, io.to_string()),
        (Err(io), Ok(_)) => prop_assert!(false, "read although the io stage refuses it: {}", io),
        (Ok(_), Err(message)) => {
            prop_assert!(
                !message.contains(['\n', '\r']),
                "not one line: {:?}",
                message
            );
            let (position, detail) = message.split_once(": ").unwrap_or(("", ""));
            let (line, column) = position.split_once(':').unwrap_or(("", ""));
            let (line, column): (usize, usize) = (
                line.parse()
                    .map_err(|_| TestCaseError::fail(format!("no line in {message}")))?,
                column
                    .parse()
                    .map_err(|_| TestCaseError::fail(format!("no column in {message}")))?,
            );
            let lines = 1 + input.iter().filter(|&&b| b == b'\n').count();
            prop_assert!(line >= 1 && line <= lines && column >= 1, "{}", message);
            prop_assert!(!detail.is_empty(), "{}", message);
        }
        (Ok(_), Ok(design)) => {
            let consistent = std::panic::catch_unwind(|| Connectivity::of_design(&design));
            prop_assert!(
                consistent.is_ok(),
                "an accepted design does not hold together"
            );
        }
    }
    Ok(())
}

/// A small deterministic generator, so a failing seed replays (proptest shrinks the seed).
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % bound.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "\"",
    " ",
    "\n",
    "~",
    "\\x",
    "\\xC3",
    "\\n",
    "(comp",
    "(ref \"R1\")",
    "(ref)",
    "(ref (x))",
    "(pin \"1\")",
    "(pin \"\")",
    "(node (ref \"R1\") (pin \"1\"))",
    "(node (ref \"J1\") (pin \"2\") (pintype \"passive+no_connect\"))",
    "(net (name \"X\"))",
    "(net (name \"GND\") (node (ref \"R2\") (pin \"1\")))",
    "(libpart",
    "(lib \"Device\")",
    "(part \"R\")",
    "(version \"D\")",
    "(version)",
    "(value (x))",
    "(sheetpath (names \"/z/\"))",
    "(sheetpath (names \"/a/q/\"))",
    "(tstamps \"u\" (x))",
    "(fields (field (name \"F\") \"v\"))",
    "(property (name \"dnp\"))",
    "(components",
    "(nets",
    "(design (sheet (name \"/s/\")))",
];

/// One to four random byte edits: delete, insert a token, duplicate or truncate.
fn mutate_bytes(base: &[u8], seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut out = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 => {
                let end = (at + 1 + rng.below(40)).min(out.len());
                out.drain(at.min(end)..end);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + 1 + rng.below(200)).min(out.len());
                let slice = out[at.min(end)..end].to_vec();
                out.splice(at..at, slice);
            }
            _ => out.truncate(at),
        }
    }
    out
}

/// One to four edits of whole lists: delete one, copy one elsewhere, or swap in a token.
fn mutate_lists(base: &[u8], seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let mut out = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let Ok(doc) = Document::parse(&out) else {
            break;
        };
        let lists: Vec<std::ops::Range<usize>> = (1..doc.len())
            .filter(|&n| doc.kind(n) == circuitsynth_io::Kind::List)
            .map(|n| doc.span(n))
            .collect();
        if lists.is_empty() {
            break;
        }
        let span = lists[rng.below(lists.len())].clone();
        let target = lists[rng.below(lists.len())].start;
        let piece = out[span.clone()].to_vec();
        match rng.below(3) {
            0 => {
                out.drain(span);
            }
            1 => {
                out.splice(target..target, piece);
            }
            _ => {
                let token = TOKENS[9 + rng.below(TOKENS.len() - 9)].as_bytes().to_vec();
                out.splice(span, token);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes)?;
    }

    #[test]
    fn byte_mutations(base in 0..3usize, seed in any::<u64>()) {
        check(&mutate_bytes(&bases()[base], seed))?;
    }

    #[test]
    fn list_mutations(base in 0..3usize, seed in any::<u64>()) {
        check(&mutate_lists(&bases()[base], seed))?;
    }

    #[test]
    fn truncations_are_the_io_stage_errors(base in 0..3usize, cut in any::<prop::sample::Index>()) {
        let bases = bases();
        // Cutting only the trailing line break leaves the whole file: cut before it.
        let whole = bases[base].trim_ascii_end();
        let input = &whole[..cut.index(whole.len())];
        let message = read(input).expect_err("a strict prefix never reads");
        prop_assert!(
            message.contains(": expected ')' to close the list opened at ")
                || message.contains(": unterminated string;")
                || message.contains(": expected '(' to start the root list, found end of input"),
            "{}", message
        );
        check(input)?;
    }
}
