//! Test support: the built-in symbol libraries, and circuit JSON (specification section 5) read
//! into a design by a small test-only reader, so vectors can be run before the real reader
//! (`circuit_json::read`) is in. It sets every item's origin to its JSON path, as the real
//! reader does, and checks nothing the vectors do not need.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use circuitsynth_netlist::model::{
    Component, Definition, Design, Instance, Net, PinRef, PinSpec, Power, ReferenceKind,
};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The libraries shipped in the jar, held in memory as the Java engine holds them.
pub fn builtin_index() -> SymbolIndex {
    let dir = repo().join("java-api/src/main/resources/io/circuitsynth/symbols/builtin");
    let nicknames = [
        "Amplifier_Operational",
        "Connector",
        "Connector_Generic",
        "Device",
        "Switch",
        "Transistor_BJT",
        "Transistor_FET",
        "power",
    ];
    let sources: Vec<LibrarySource> = nicknames
        .iter()
        .map(|n| {
            let bytes =
                std::fs::read(dir.join(format!("{n}.kicad_sym"))).expect("built-in library");
            LibrarySource::memory(*n, format!("circuitsynth-builtin/{n}.kicad_sym"), bytes)
        })
        .collect();
    let index = SymbolIndex::open(&sources, None);
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    index
}

#[derive(Debug, Clone)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn str(&self) -> &str {
        match self {
            Json::String(s) => s,
            other => panic!("expected a string, found {other:?}"),
        }
    }

    fn array(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            other => panic!("expected an array, found {other:?}"),
        }
    }

    fn object(&self) -> &[(String, Json)] {
        match self {
            Json::Object(members) => members,
            other => panic!("expected an object, found {other:?}"),
        }
    }

    fn bool(&self) -> bool {
        match self {
            Json::Bool(b) => *b,
            other => panic!("expected a boolean, found {other:?}"),
        }
    }

    fn uint(&self) -> u32 {
        match self {
            Json::Number(n) => n.parse().expect("a small non-negative integer"),
            other => panic!("expected a number, found {other:?}"),
        }
    }
}

/// Parses well-formed JSON (the vectors are); panics on anything else.
pub fn parse_json(text: &str) -> Json {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value();
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing content");
    v
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Json {
        self.ws();
        match self.s[self.i] {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                loop {
                    self.ws();
                    if self.s[self.i] == b'}' {
                        self.i += 1;
                        return Json::Object(members);
                    }
                    if self.s[self.i] == b',' {
                        self.i += 1;
                        continue;
                    }
                    let key = self.string();
                    self.ws();
                    assert_eq!(self.s[self.i], b':');
                    self.i += 1;
                    members.push((key, self.value()));
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.ws();
                    if self.s[self.i] == b']' {
                        self.i += 1;
                        return Json::Array(items);
                    }
                    if self.s[self.i] == b',' {
                        self.i += 1;
                        continue;
                    }
                    items.push(self.value());
                }
            }
            b'"' => Json::String(self.string()),
            b't' => {
                self.i += 4;
                Json::Bool(true)
            }
            b'f' => {
                self.i += 5;
                Json::Bool(false)
            }
            b'n' => {
                self.i += 4;
                Json::Null
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(
                        self.s[self.i],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.i += 1;
                }
                Json::Number(String::from_utf8(self.s[start..self.i].to_vec()).expect("ASCII"))
            }
        }
    }

    fn string(&mut self) -> String {
        assert_eq!(self.s[self.i], b'"');
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.s[self.i];
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).expect("UTF-8"),
                b'\\' => {
                    let e = self.s[self.i];
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let hex =
                                std::str::from_utf8(&self.s[self.i..self.i + 4]).expect("hex");
                            self.i += 4;
                            let c = char::from_u32(u32::from_str_radix(hex, 16).expect("hex"))
                                .expect("no surrogates in the vectors");
                            out.extend_from_slice(c.to_string().as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }
}

/// `.key` for identifier-like keys, else `["key"]`.
fn member(path: &str, key: &str) -> String {
    let simple = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if simple {
        format!("{path}.{key}")
    } else {
        format!(
            "{path}[\"{}\"]",
            key.replace('\\', "\\\\").replace('"', "\\\"")
        )
    }
}

fn opt_str(v: &Json, key: &str) -> String {
    v.get(key).map_or_else(String::new, |s| s.str().to_string())
}

/// The design circuit JSON `text` describes.
pub fn design_from_json(text: &str) -> Design {
    let root = parse_json(text);
    let mut design = Design {
        name: root.get("name").expect("name").str().to_string(),
        root: root.get("root").expect("root").str().to_string(),
        ..Design::default()
    };
    let defs_path = "$.definitions";
    for (name, d) in root.get("definitions").expect("definitions").object() {
        let path = member(defs_path, name);
        let mut def = Definition {
            name: name.clone(),
            origin: Some(path.clone()),
            ..Definition::default()
        };
        if let Some(ports) = d.get("ports") {
            def.ports = ports.array().iter().map(|p| p.str().to_string()).collect();
        }
        for (i, c) in d
            .get("components")
            .map_or(&[][..], Json::array)
            .iter()
            .enumerate()
        {
            let cpath = format!("{path}.components[{i}]");
            let (kind, reference) = [
                ("reference", ReferenceKind::Fixed),
                ("prefix", ReferenceKind::Prefix),
                ("absolute", ReferenceKind::Absolute),
            ]
            .iter()
            .find_map(|(k, kind)| c.get(k).map(|r| (*kind, r.str().to_string())))
            .expect("a reference");
            let pins = c.get("pins").map(|table| {
                table
                    .object()
                    .iter()
                    .map(|(number, p)| PinSpec {
                        number: number.clone(),
                        name: opt_str(p, "name"),
                        electrical_type: p.get("type").expect("type").str().to_string(),
                        unit: p.get("unit").map_or(0, Json::uint),
                        hidden: p.get("hidden").is_some_and(Json::bool),
                    })
                    .collect()
            });
            def.components.push(Component {
                id: c.get("id").expect("id").str().to_string(),
                symbol: c.get("symbol").expect("symbol").str().to_string(),
                reference_kind: kind,
                reference,
                value: opt_str(c, "value"),
                footprint: opt_str(c, "footprint"),
                datasheet: opt_str(c, "datasheet"),
                description: opt_str(c, "description"),
                fields: c.get("fields").map_or_else(Vec::new, |f| {
                    f.object()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.str().to_string()))
                        .collect()
                }),
                dnp: c.get("dnp").is_some_and(Json::bool),
                in_bom: !matches!(c.get("inBom"), Some(Json::Bool(false))),
                on_board: !matches!(c.get("onBoard"), Some(Json::Bool(false))),
                pins,
                uuids: Vec::new(),
                origin: Some(cpath),
            });
        }
        for (i, n) in d
            .get("nets")
            .map_or(&[][..], Json::array)
            .iter()
            .enumerate()
        {
            let npath = format!("{path}.nets[{i}]");
            def.nets.push(Net {
                name: n.get("name").map(|s| s.str().to_string()),
                id: n.get("id").map(|s| s.str().to_string()),
                power: match n.get("power") {
                    None => Power::Auto,
                    Some(p) if p.bool() => Power::Yes,
                    Some(_) => Power::No,
                },
                class: n
                    .get("class")
                    .map_or_else(|| "Default".to_string(), |c| c.str().to_string()),
                nodes: n
                    .get("nodes")
                    .map_or(&[][..], Json::array)
                    .iter()
                    .enumerate()
                    .map(|(k, node)| pin_ref(node, format!("{npath}.nodes[{k}]")))
                    .collect(),
                absolute: false,
                origin: Some(npath),
            });
        }
        for (i, nc) in d
            .get("noConnects")
            .map_or(&[][..], Json::array)
            .iter()
            .enumerate()
        {
            def.no_connects
                .push(pin_ref(nc, format!("{path}.noConnects[{i}]")));
        }
        for (i, inst) in d
            .get("instances")
            .map_or(&[][..], Json::array)
            .iter()
            .enumerate()
        {
            def.instances.push(Instance {
                name: inst.get("name").expect("name").str().to_string(),
                definition: inst
                    .get("definition")
                    .expect("definition")
                    .str()
                    .to_string(),
                bindings: inst.get("bindings").map_or_else(Vec::new, |b| {
                    b.object()
                        .iter()
                        .map(|(port, net)| (port.clone(), net.str().to_string()))
                        .collect()
                }),
                origin: Some(format!("{path}.instances[{i}]")),
            });
        }
        design.definitions.push(def);
    }
    design
}

fn pin_ref(node: &Json, origin: String) -> PinRef {
    PinRef {
        component: node.get("component").expect("component").str().to_string(),
        pin: match node.get("pin").expect("pin") {
            Json::Number(n) => n.clone(),
            other => other.str().to_string(),
        },
        unit: node.get("unit").map_or(0, Json::uint),
        origin: Some(origin),
    }
}
