//! Property tests: printing and parsing agree on random trees, printing is a fixed point, and no
//! input makes the parser panic.

use circuitsynth_io::build::{quote, Builder};
use circuitsynth_io::{format, parse, Document};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Tree {
    Symbol(String),
    Str(String),
    List(Vec<Tree>),
}

fn symbol() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("xy".to_string()),
        "[a-z_]{1,8}",
        "-?[0-9]{1,4}(\\.[0-9]{1,6})?",
        "[a-zA-Z0-9{}#;'.+-]{20,45}",
        "[µΩ€😀a-z]{1,6}",
    ]
}

fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,20}",
        "[a-z\"\\\\\n\r\t()]{0,12}",
        "[é€😀 a-z]{0,30}"
    ]
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf =
        prop_oneof![4 => symbol().prop_map(Tree::Symbol), 1 => string_value().prop_map(Tree::Str)];
    leaf.prop_recursive(6, 200, 12, |inner| {
        prop::collection::vec(inner, 0..12).prop_map(Tree::List)
    })
}

fn root() -> impl Strategy<Value = Tree> {
    prop::collection::vec(tree(), 0..12).prop_map(Tree::List)
}

/// Compact text of a tree, with random-looking but deterministic whitespace.
fn write(tree: &Tree, out: &mut String) {
    match tree {
        Tree::Symbol(s) => out.push_str(s),
        Tree::Str(s) => out.push_str(&quote(s)),
        Tree::List(children) => {
            out.push('(');
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    out.push_str(["  ", "\n", "\t", " \r\n "][i % 4]);
                }
                write(child, out);
            }
            out.push(')');
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Open(String),
    Close,
    Symbol(String),
    Str(String),
    Decimal(i64, u32),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let op = prop_oneof![
        2 => symbol().prop_map(Op::Open),
        2 => Just(Op::Close),
        3 => symbol().prop_map(Op::Symbol),
        1 => string_value().prop_map(Op::Str),
        1 => (any::<i64>(), 0u32..8).prop_map(|(u, s)| Op::Decimal(u, s)),
    ];
    prop::collection::vec(op, 0..80)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn print_parse_round_trip(tree in root()) {
        let mut text = String::new();
        write(&tree, &mut text);
        let doc = Document::parse(text.as_bytes()).expect("generated text parses");
        let printed = doc.print();
        let reparsed = Document::parse(&printed).expect("printed text parses");
        prop_assert!(doc == reparsed, "tree changed by printing:\n{text}\n{}", String::from_utf8_lossy(&printed));
        prop_assert_eq!(reparsed.print(), printed, "printing is not a fixed point");
    }

    #[test]
    fn built_documents_print_and_parse_back(ops in ops()) {
        let mut b = Builder::new("root");
        let mut depth = 1;
        for op in ops {
            match op {
                Op::Open(head) => { b.open(&head); depth += 1; }
                Op::Close if depth > 1 => { b.close(); depth -= 1; }
                Op::Close => {}
                Op::Symbol(s) => { b.symbol(&s); }
                Op::Str(s) => { b.string(&s); }
                Op::Decimal(u, s) => { b.decimal(u, s); }
            }
        }
        let built = b.finish();
        let printed = built.print();
        let parsed = Document::parse(&printed).expect("printed text parses");
        prop_assert!(built == parsed);
        prop_assert_eq!(parse(built.source().as_bytes()).expect("builder source parses"), built.nodes().to_vec());
        prop_assert_eq!(format(&printed).expect("parses"), printed);
    }

    #[test]
    fn string_values_survive_quoting(value in "\\PC{0,40}") {
        let text = format!("(s {})", quote(&value));
        let doc = Document::parse(text.as_bytes()).expect("quoted string parses");
        prop_assert_eq!(doc.value(2).expect("atom").into_owned(), value.into_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = format(&bytes);
    }

    #[test]
    fn near_valid_bytes_never_panic(bytes in prop::collection::vec(
        prop::sample::select(b"()\"\\ \n\txy0a7\x80\xc3\xa9\xed\xf4".to_vec()), 0..400)) {
        if let Ok(printed) = format(&bytes) {
            prop_assert_eq!(format(&printed).expect("printed text parses"), printed.clone());
            let original = Document::parse(&bytes).expect("parsed once");
            let again = Document::parse(&printed).expect("parsed twice");
            prop_assert!(original == again);
        }
    }
}
