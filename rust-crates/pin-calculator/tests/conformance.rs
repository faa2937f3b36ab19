//! Runs every vector in `conformance/pins/`: the contract shared with the Java engine.
//!
//! `CIRCUITSYNTH_BLESS=1` writes the `.out` files instead of comparing (for new vectors only;
//! an existing `.out` changes only with the specification).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use circuitsynth_io::build::quote;
use circuitsynth_io::{Document, Kind};
use circuitsynth_pin_calculator::{
    graphics_texts, place_fields, text_box, HAlign, Mirror, PinError, PlacedPin, Placement, Rect,
    Rotation, SymbolGeometry, TextStyle, VAlign,
};
use circuitsynth_symbol_cache::read_symbols;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn vector_dir() -> PathBuf {
    root().join("conformance/pins")
}

fn library_path(kind: &str, name: &str) -> PathBuf {
    match kind {
        "builtin" => root()
            .join("java-api/src/main/resources/io/circuitsynth/symbols/builtin")
            .join(format!("{name}.kicad_sym")),
        "file" => vector_dir().join(format!("{name}.kicad_sym")),
        other => panic!("unknown library kind {other}"),
    }
}

fn atom(doc: &Document<'_>, node: usize) -> String {
    let value = doc.value(node).expect("an atom");
    String::from_utf8(value.into_owned()).expect("UTF-8")
}

fn int(doc: &Document<'_>, node: usize) -> i32 {
    atom(doc, node).parse().expect("an integer")
}

fn rect(r: &Rect) -> String {
    r.to_string()
}

fn pin_line(out: &mut String, p: &PlacedPin<'_>) {
    let _ = writeln!(
        out,
        "  pin {} {} {} {} at={},{} dir={},{}",
        quote(p.number),
        quote(p.name),
        p.electrical_type,
        if p.hidden { "hidden" } else { "shown" },
        p.x,
        p.y,
        p.dx,
        p.dy
    );
}

struct State {
    bytes: Vec<u8>,
    geometry: Option<SymbolGeometry>,
    /// The last successful `place`: unit, body style, placement.
    last: Option<(u32, u32, Placement)>,
}

fn run(input: &[u8]) -> String {
    let doc = Document::parse(input).expect("a vector parses");
    let mut out = String::new();
    let mut state = State {
        bytes: Vec::new(),
        geometry: None,
        last: None,
    };
    for command in doc.children(0).skip(1) {
        assert_eq!(doc.kind(command), Kind::List);
        let args: Vec<usize> = doc.children(command).collect();
        let head = doc.text(args[0]);
        match head {
            "library" => {
                let path = library_path(&atom(&doc, args[1]), &atom(&doc, args[2]));
                state.bytes = fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
                let _ = writeln!(
                    out,
                    "library {} {}",
                    atom(&doc, args[1]),
                    atom(&doc, args[2])
                );
            }
            "symbol" => {
                let name = atom(&doc, args[1]);
                let symbols = read_symbols(&state.bytes).expect("the vector library reads");
                let symbol = symbols
                    .iter()
                    .find(|s| s.name == name.as_str())
                    .unwrap_or_else(|| panic!("no symbol {name}"));
                let _ = writeln!(out, "symbol {}", quote(&name));
                let texts = graphics_texts(symbol, &state.bytes).expect("ranges");
                match SymbolGeometry::new(symbol, &texts) {
                    Ok(g) => {
                        let _ = writeln!(
                            out,
                            "  units={} body_styles={} pins={}",
                            g.unit_count(),
                            g.body_style_count(),
                            g.pins().len()
                        );
                        state.geometry = Some(g);
                    }
                    Err(e) => {
                        let _ = writeln!(out, "  error {e}");
                        state.geometry = None;
                    }
                }
            }
            "place" => {
                let (unit, body) = (int(&doc, args[1]), int(&doc, args[2]));
                let (x, y, rot) = (int(&doc, args[3]), int(&doc, args[4]), int(&doc, args[5]));
                let mirror = atom(&doc, args[6]);
                let _ = write!(out, "place {unit} {body} {x} {y} {rot} {mirror}");
                let placement = Rotation::parse(rot)
                    .and_then(|r| Mirror::parse(&mirror).map(|m| Placement::new(x, y, r, m)));
                let unit = u32::try_from(unit).unwrap_or(0);
                let body = u32::try_from(body).unwrap_or(0);
                let placed = placement.and_then(|p| {
                    let g = state.geometry.as_ref().expect("a symbol before place");
                    g.place(unit, body, &p).map(|u| (p, u))
                });
                match placed {
                    Ok((p, u)) => {
                        let [a, b, c, d] = p.matrix();
                        let _ = writeln!(out, " matrix={a},{b},{c},{d}");
                        for pin in &u.pins {
                            pin_line(&mut out, pin);
                        }
                        let _ = writeln!(out, "  body {}", rect(&u.body));
                        state.last = Some((unit, body, p));
                    }
                    Err(e) => {
                        let _ = writeln!(out, "\n  error {e}");
                        state.last = None;
                    }
                }
            }
            "fields" => {
                let (reference, value) = (atom(&doc, args[1]), atom(&doc, args[2]));
                let size = int(&doc, args[3]);
                let _ = writeln!(out, "fields {} {} {size}", quote(&reference), quote(&value));
                let (unit, body, placement) = state.last.expect("a place before fields");
                let g = state.geometry.as_ref().expect("a symbol");
                let placed = g.place(unit, body, &placement).expect("placed before");
                match place_fields(
                    &placed.body,
                    &placed.pins,
                    &placement,
                    &reference,
                    &value,
                    size,
                ) {
                    Ok(layout) => {
                        for (label, f) in [("reference", layout.reference), ("value", layout.value)]
                        {
                            let _ = writeln!(
                                out,
                                "  {label} at={},{} justify={},{} box={} file={},{},{}",
                                f.x,
                                f.y,
                                f.h.keyword(),
                                f.v.keyword(),
                                rect(&f.bbox),
                                f.file_angle,
                                f.file_h.keyword(),
                                f.file_v.keyword()
                            );
                        }
                    }
                    Err(e) => {
                        let _ = writeln!(out, "  error {e}");
                    }
                }
            }
            "text" => {
                let text = atom(&doc, args[1]);
                let (x, y) = (int(&doc, args[2]), int(&doc, args[3]));
                let (sx, sy, angle) = (int(&doc, args[4]), int(&doc, args[5]), int(&doc, args[6]));
                let (h, v) = (atom(&doc, args[7]), atom(&doc, args[8]));
                let _ = writeln!(
                    out,
                    "text {} {x} {y} {sx} {sy} {angle} {h} {v}",
                    quote(&text)
                );
                let result: Result<Rect, PinError> = Rotation::parse(angle).and_then(|angle| {
                    let style = TextStyle {
                        size_x: sx,
                        size_y: sy,
                        angle,
                        h: HAlign::from_keyword(&h).expect("a justification"),
                        v: VAlign::from_keyword(&v).expect("a justification"),
                    };
                    text_box(&text, x, y, &style)
                });
                match result {
                    Ok(r) => {
                        let _ = writeln!(out, "  box {}", rect(&r));
                    }
                    Err(e) => {
                        let _ = writeln!(out, "  error {e}");
                    }
                }
            }
            other => panic!("unknown command {other}"),
        }
    }
    out
}

#[test]
fn pin_vectors() {
    let mut stems: Vec<PathBuf> = fs::read_dir(vector_dir())
        .expect("the vector folder is listable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "in"))
        .collect();
    stems.sort();
    assert!(stems.len() >= 5, "only {} vectors", stems.len());
    let bless = std::env::var("CIRCUITSYNTH_BLESS").as_deref() == Ok("1");
    let mut failures = Vec::new();
    for input in &stems {
        let actual = run(&fs::read(input).expect("readable"));
        let expected_path = input.with_extension("out");
        if bless {
            fs::write(&expected_path, &actual).expect("writable");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n{actual}\nexpected\n{expected}",
                input.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
