//! The library text of symbols, for a schematic's `lib_symbols` and the project library: each
//! symbol as its library has it, renamed to its `LIB:NAME` id, derived symbols flattened the way
//! eeschema's `LIB_SYMBOL::Flatten` does. Each library file is read and parsed once per project.
//! The Java twin is `io.circuitsynth.schematic.LibrarySymbols`.

use std::collections::HashMap;
use std::sync::Arc;

use circuitsynth_io::build::Builder;
use circuitsynth_io::{Document, Kind};
use circuitsynth_symbol_cache::SymbolIndex;

use crate::SchematicError;

const MANDATORY: [&str; 5] = [
    "Reference",
    "Value",
    "Footprint",
    "Datasheet",
    "Description",
];

/// The built-in libraries, as the jar ships them (the same files).
pub const BUILTIN: [(&str, &[u8]); 8] = [
    (
        "Amplifier_Operational",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Amplifier_Operational.kicad_sym"),
    ),
    (
        "Connector",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Connector.kicad_sym"),
    ),
    (
        "Connector_Generic",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Connector_Generic.kicad_sym"),
    ),
    (
        "Device",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Device.kicad_sym"),
    ),
    (
        "Switch",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Switch.kicad_sym"),
    ),
    (
        "Transistor_BJT",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Transistor_BJT.kicad_sym"),
    ),
    (
        "Transistor_FET",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/Transistor_FET.kicad_sym"),
    ),
    (
        "power",
        include_bytes!("../../../java-api/src/main/resources/io/circuitsynth/symbols/builtin/power.kicad_sym"),
    ),
];

/// A parsed library: its tree and its top-level symbols by name.
struct Library {
    doc: Document<'static>,
    symbols: HashMap<String, usize>,
    bytes: Arc<[u8]>,
}

pub(crate) struct LibrarySymbols<'i> {
    index: &'i SymbolIndex,
    libraries: HashMap<String, Library>,
}

fn is_head(d: &Document<'_>, node: usize, head: &str) -> bool {
    d.kind(node) == Kind::List
        && d.children(node)
            .next()
            .is_some_and(|c| d.kind(c) == Kind::Symbol && d.text(c) == head)
}

fn head_of<'d>(d: &'d Document<'_>, node: usize) -> &'d str {
    match d.children(node).next() {
        Some(c) if d.kind(c) == Kind::Symbol => d.text(c),
        _ => "",
    }
}

fn string_value(d: &Document<'_>, node: usize) -> String {
    match d.value(node) {
        Some(v) => String::from_utf8_lossy(&v).into_owned(),
        None => String::new(),
    }
}

/// The second atom of a list (`(property "KEY" …)` → `KEY`), or `""`.
fn second(d: &Document<'_>, list: usize) -> String {
    match d.children(list).nth(1) {
        Some(c) if d.kind(c) != Kind::List => string_value(d, c),
        _ => String::new(),
    }
}

fn third(d: &Document<'_>, list: usize) -> String {
    match d.children(list).nth(2) {
        Some(c) if d.kind(c) != Kind::List => string_value(d, c),
        _ => String::new(),
    }
}

fn parse(bytes: Arc<[u8]>, source: &str) -> Result<Library, SchematicError> {
    let doc = Document::parse_owned(bytes.to_vec())
        .map_err(|e| SchematicError::new(format!("{source}:{e}")))?;
    let mut symbols = HashMap::new();
    for c in doc.children(0).skip(1) {
        if is_head(&doc, c, "symbol") {
            if let Some(name) = doc.children(c).nth(1) {
                if doc.kind(name) != Kind::List {
                    symbols.entry(string_value(&doc, name)).or_insert(c);
                }
            }
        }
    }
    Ok(Library {
        doc,
        symbols,
        bytes,
    })
}

impl<'i> LibrarySymbols<'i> {
    pub(crate) fn new(index: &'i SymbolIndex) -> Self {
        LibrarySymbols {
            index,
            libraries: HashMap::new(),
        }
    }

    /// Whether `lib` is one of the built-in libraries the index holds in memory.
    pub(crate) fn is_builtin(&self, lib: &str) -> bool {
        self.index.library_file(lib).is_none() && BUILTIN.iter().any(|(n, _)| *n == lib)
    }

    /// Serves `lib` from `bytes` (the project's own library), ahead of the index.
    pub(crate) fn register(&mut self, lib: &str, bytes: Vec<u8>) -> Result<(), SchematicError> {
        let library = parse(Arc::from(bytes), &format!("{lib}.kicad_sym"))?;
        self.libraries.insert(lib.to_string(), library);
        Ok(())
    }

    fn library(&mut self, lib: &str) -> Result<&Library, SchematicError> {
        if !self.libraries.contains_key(lib) {
            let (bytes, source): (Arc<[u8]>, String) = match self.index.library_file(lib) {
                Some(file) => {
                    let bytes = std::fs::read(file).map_err(|e| {
                        SchematicError::new(format!(
                            "cannot read symbol library {lib} ({}): {e}; the library changed or vanished since it was indexed, index it again",
                            file.display()
                        ))
                    })?;
                    (Arc::from(bytes), file.display().to_string())
                }
                None => match BUILTIN.iter().find(|(n, _)| *n == lib) {
                    Some((_, bytes)) => (Arc::from(*bytes), format!("builtin:/{lib}.kicad_sym")),
                    None => {
                        return Err(SchematicError::new(format!(
                            "symbol library {lib} has no file to copy its symbols from; give the library as a .kicad_sym file"
                        )))
                    }
                },
            };
            let library = parse(bytes, &source)?;
            self.libraries.insert(lib.to_string(), library);
        }
        Ok(&self.libraries[lib])
    }

    /// The bytes of library `lib` (what its symbols' file ranges point into).
    pub(crate) fn bytes(&mut self, lib: &str) -> Result<Arc<[u8]>, SchematicError> {
        Ok(self.library(lib)?.bytes.clone())
    }

    fn symbol_node(library: &Library, lib: &str, name: &str) -> Result<usize, SchematicError> {
        library.symbols.get(name).copied().ok_or_else(|| {
            SchematicError::new(format!(
                "symbol {lib}:{name} is no longer in its library file; the library changed since it was indexed, index it again"
            ))
        })
    }

    fn extends_of(d: &Document<'_>, symbol: usize) -> Option<String> {
        d.children(symbol)
            .skip(1)
            .find(|&c| is_head(d, c, "extends"))
            .map(|c| second(d, c))
    }

    /// Appends `(symbol "ID" …)`: symbol `name` of library `lib`, flattened, named `id`.
    pub(crate) fn write(
        &mut self,
        b: &mut Builder,
        lib: &str,
        name: &str,
        id: &str,
    ) -> Result<(), SchematicError> {
        let library = self.library(lib)?;
        let d = &library.doc;
        let node = Self::symbol_node(library, lib, name)?;
        let mut chain = vec![node];
        let mut parent = Self::extends_of(d, node);
        while let Some(p) = parent {
            if chain.len() > 64 {
                return Err(SchematicError::new(format!(
                    "symbol {lib}:{name} extends a chain of more than 64 symbols"
                )));
            }
            let pn = Self::symbol_node(library, lib, &p)?;
            if chain.contains(&pn) {
                return Err(SchematicError::new(format!(
                    "symbol {lib}:{name} extends itself through {p}"
                )));
            }
            chain.push(pn);
            parent = Self::extends_of(d, pn);
        }
        let root = *chain.last().expect("the chain holds the symbol");
        b.open("symbol").string(id);
        if chain.len() == 1 {
            let mut fonts = false;
            for c in d.children(root).skip(2) {
                fonts |= is_head(d, c, "embedded_fonts");
                copy(d, c, b, None);
            }
            if !fonts {
                b.open("embedded_fonts").symbol("no").close();
            }
            b.close();
            return Ok(());
        }
        // Fields: the root's, then each level down overrides (eeschema's Flatten): a mandatory
        // field when the level gives it text, any other field by name (moved to the end), the
        // keywords and footprint filters when the level gives them.
        let mut fields: Vec<usize> = Vec::new();
        for &s in chain.iter().rev() {
            for c in d.children(s).skip(1) {
                if !is_head(d, c, "property") {
                    continue;
                }
                let key = second(d, c);
                let found = fields.iter().rposition(|&f| second(d, f) == key);
                let mandatory = MANDATORY.contains(&key.as_str());
                let keeps_parent = (mandatory || key == "ki_keywords" || key == "ki_fp_filters")
                    && third(d, c).is_empty();
                if found.is_some() && keeps_parent {
                    continue;
                }
                match found {
                    Some(i) if mandatory => fields[i] = c,
                    Some(i) => {
                        fields.remove(i);
                        fields.push(c);
                    }
                    None => fields.push(c),
                }
            }
        }
        let root_name = match d.children(root).nth(1) {
            Some(n) => string_value(d, n),
            None => String::new(),
        };
        for c in d.children(root).skip(2) {
            let head = if d.kind(c) == Kind::List {
                head_of(d, c)
            } else {
                ""
            };
            if matches!(head, "property" | "symbol" | "extends" | "embedded_fonts") {
                continue;
            }
            copy(d, c, b, None);
        }
        for key in MANDATORY {
            for &f in &fields {
                if second(d, f) == key {
                    copy(d, f, b, None);
                }
            }
        }
        for pass in 0..2 {
            for &f in &fields {
                let key = second(d, f);
                let ki = key == "ki_keywords" || key == "ki_fp_filters";
                if !MANDATORY.contains(&key.as_str()) && ki == (pass == 1) {
                    copy(d, f, b, None);
                }
            }
        }
        for c in d.children(root).skip(2) {
            if is_head(d, c, "symbol") {
                copy(d, c, b, Some((&root_name, name)));
            }
        }
        b.open("embedded_fonts").symbol("no").close();
        b.close();
        Ok(())
    }
}

/// Copies the subtree at `node` into `b`. With `rename` = `(from, to)`, `node` is a sub-symbol
/// `(symbol "FROM_U_B" …)` whose name takes `to` for its prefix. Lists open with their head
/// symbol (every list of a KiCad library has one; a bare list becomes one headed by its first
/// atom, which prints the same).
pub(crate) fn copy(d: &Document<'_>, node: usize, b: &mut Builder, rename: Option<(&str, &str)>) {
    copy_node(d, node, b, rename, node);
}

fn copy_node(
    d: &Document<'_>,
    n: usize,
    b: &mut Builder,
    rename: Option<(&str, &str)>,
    top: usize,
) {
    match d.kind(n) {
        Kind::List => {
            let mut children = d.children(n);
            match children.next() {
                Some(first) if d.kind(first) == Kind::Symbol => {
                    b.open(d.text(first));
                }
                Some(first) => {
                    b.open_bare();
                    copy_node(d, first, b, rename, top);
                }
                None => {
                    b.open_bare();
                }
            }
            for c in children {
                copy_node(d, c, b, rename, top);
            }
            b.close();
        }
        Kind::Symbol => {
            b.symbol(d.text(n));
        }
        Kind::String => {
            let mut value = string_value(d, n);
            if let Some((from, to)) = rename {
                if n == top + 2 && value.starts_with(&format!("{from}_")) {
                    value = format!("{to}{}", &value[from.len()..]);
                }
            }
            b.string(&value);
        }
    }
}
