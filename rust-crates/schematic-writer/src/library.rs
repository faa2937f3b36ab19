//! The library text of symbols, for a schematic's `lib_symbols` and the project library: each
//! symbol as its library has it, renamed to its `LIB:NAME` id, derived symbols flattened the way
//! eeschema's `LIB_SYMBOL::Flatten` does. Each library file is read once per project; a symbol is
//! parsed alone when the file has KiCad's layout, else the whole file is parsed, once.
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

/// A library file: its bytes, and its symbols as they are looked up. KiCad saves each top-level
/// symbol as `LF TAB (symbol "NAME" LF`, so a symbol is found by that text and parsed alone; a
/// file laid out otherwise is parsed whole, once.
struct Library {
    bytes: Arc<[u8]>,
    source: String,
    /// Symbol name → (document index, node).
    symbols: HashMap<String, (usize, usize)>,
    docs: Vec<Document<'static>>,
    /// The whole file's document index and its top-level symbols, once parsed.
    whole: Option<(usize, HashMap<String, usize>)>,
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

fn parse(bytes: &[u8], source: &str) -> Result<Document<'static>, SchematicError> {
    Document::parse_owned(bytes.to_vec()).map_err(|e| SchematicError::new(format!("{source}:{e}")))
}

/// How KiCad's formatter opens a symbol library: LF line ends, one tab per level. Only in that
/// layout is a line `TAB (symbol "NAME"` sure to open a top-level symbol (KiCad escapes LF in
/// strings, so no string spans lines).
const KICAD_LAYOUT: &[u8] = b"(kicad_symbol_lib\n\t(";

/// Symbol `name` cut out of `bytes` and parsed alone, found by the text KiCad saves it as,
/// `LF TAB (symbol "NAME" LF` ... `LF TAB )`. None sends the caller to the whole parse: another layout (CRLF,
/// hand-written), a name written otherwise, a list that does not close or does not parse (the
/// whole parse then reports the error where it is in the file).
fn parse_alone(bytes: &[u8], name: &str) -> Option<Document<'static>> {
    if !bytes.starts_with(KICAD_LAYOUT) {
        return None;
    }
    let needle = format!("\n\t(symbol {}\n", circuitsynth_io::build::quote(name));
    let start = memchr::memmem::find(bytes, needle.as_bytes())? + 2;
    let end = list_end(bytes, start)?;
    // KiCad closes a top-level list on a line of its own; any other close means the file's
    // lists do not match its layout, and the whole parse says where.
    if !bytes[..end].ends_with(b"\n\t)") {
        return None;
    }
    let doc = Document::parse_owned(bytes[start..end].to_vec()).ok()?;
    let named = is_head(&doc, 0, "symbol")
        && doc
            .children(0)
            .nth(1)
            .is_some_and(|n| doc.kind(n) != Kind::List && string_value(&doc, n) == name);
    named.then_some(doc)
}

/// One past the `)` closing the list opened at `start`, strings skipped.
fn list_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut string = false;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                string = false;
            }
        } else if b == b'"' {
            string = true;
        } else if b == b'(' {
            depth += 1;
        } else if b == b')' {
            depth -= 1;
            if depth == 0 {
                return Some(i + 1);
            }
        }
        i += 1;
    }
    None
}

impl Library {
    fn new(bytes: Arc<[u8]>, source: String) -> Library {
        Library {
            bytes,
            source,
            symbols: HashMap::new(),
            docs: Vec::new(),
            whole: None,
        }
    }
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
    pub(crate) fn register(&mut self, lib: &str, bytes: Vec<u8>) {
        self.libraries.insert(
            lib.to_string(),
            Library::new(Arc::from(bytes), format!("{lib}.kicad_sym")),
        );
    }

    fn library(&mut self, lib: &str) -> Result<&mut Library, SchematicError> {
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
            self.libraries
                .insert(lib.to_string(), Library::new(bytes, source));
        }
        Ok(self.libraries.get_mut(lib).expect("just inserted"))
    }

    /// The bytes of library `lib` (what its symbols' file ranges point into).
    pub(crate) fn bytes(&mut self, lib: &str) -> Result<Arc<[u8]>, SchematicError> {
        Ok(self.library(lib)?.bytes.clone())
    }

    /// Symbol `name` of `lib`: (document index, node).
    fn symbol(&mut self, lib: &str, name: &str) -> Result<(usize, usize), SchematicError> {
        let library = self.library(lib)?;
        if let Some(&found) = library.symbols.get(name) {
            return Ok(found);
        }
        if library.whole.is_none() {
            if let Some(doc) = parse_alone(&library.bytes, name) {
                library.docs.push(doc);
                let found = (library.docs.len() - 1, 0);
                library.symbols.insert(name.to_string(), found);
                return Ok(found);
            }
            let doc = parse(&library.bytes, &library.source)?;
            let mut symbols = HashMap::new();
            for c in doc.children(0).skip(1) {
                if is_head(&doc, c, "symbol") {
                    if let Some(n) = doc.children(c).nth(1) {
                        if doc.kind(n) != Kind::List {
                            symbols.entry(string_value(&doc, n)).or_insert(c);
                        }
                    }
                }
            }
            library.docs.push(doc);
            library.whole = Some((library.docs.len() - 1, symbols));
        }
        let (doc, symbols) = library.whole.as_ref().expect("parsed above");
        let node = *symbols.get(name).ok_or_else(|| {
            SchematicError::new(format!(
                "symbol {lib}:{name} is no longer in its library file; the library changed since it was indexed, index it again"
            ))
        })?;
        let found = (*doc, node);
        library.symbols.insert(name.to_string(), found);
        Ok(found)
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
        let first = self.symbol(lib, name)?;
        let mut chain = vec![first];
        let mut parent = {
            let library = &self.libraries[lib];
            Self::extends_of(&library.docs[first.0], first.1)
        };
        while let Some(p) = parent {
            if chain.len() > 64 {
                return Err(SchematicError::new(format!(
                    "symbol {lib}:{name} extends a chain of more than 64 symbols"
                )));
            }
            let found = self.symbol(lib, &p)?;
            if chain.contains(&found) {
                return Err(SchematicError::new(format!(
                    "symbol {lib}:{name} extends itself through {p}"
                )));
            }
            chain.push(found);
            let library = &self.libraries[lib];
            parent = Self::extends_of(&library.docs[found.0], found.1);
        }
        let docs = &self.libraries[lib].docs;
        let (root_doc, root) = *chain.last().expect("the chain holds the symbol");
        let d = &docs[root_doc];
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
        let mut fields: Vec<(usize, usize)> = Vec::new();
        for &(sd, s) in chain.iter().rev() {
            let ld = &docs[sd];
            for c in ld.children(s).skip(1) {
                if !is_head(ld, c, "property") {
                    continue;
                }
                let key = second(ld, c);
                let found = fields
                    .iter()
                    .rposition(|&(fd, f)| second(&docs[fd], f) == key);
                let mandatory = MANDATORY.contains(&key.as_str());
                let keeps_parent = (mandatory || key == "ki_keywords" || key == "ki_fp_filters")
                    && third(ld, c).is_empty();
                if found.is_some() && keeps_parent {
                    continue;
                }
                match found {
                    Some(i) if mandatory => fields[i] = (sd, c),
                    Some(i) => {
                        fields.remove(i);
                        fields.push((sd, c));
                    }
                    None => fields.push((sd, c)),
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
            for &(fd, f) in &fields {
                if second(&docs[fd], f) == key {
                    copy(&docs[fd], f, b, None);
                }
            }
        }
        for pass in 0..2 {
            for &(fd, f) in &fields {
                let key = second(&docs[fd], f);
                let ki = key == "ki_keywords" || key == "ki_fp_filters";
                if !MANDATORY.contains(&key.as_str()) && ki == (pass == 1) {
                    copy(&docs[fd], f, b, None);
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

#[cfg(test)]
mod tests {
    //! A symbol is cut out of a library in KiCad's layout and parsed alone, else the whole file
    //! is parsed; both ways give the same text. The Java twin is `LibrarySymbolsTest`, with the
    //! same libraries and expectations.

    use super::*;

    /// KiCad's layout: the parent after the child, so extends is resolved by a second cut.
    const KICAD: &str = concat!(
        "(kicad_symbol_lib\n",
        "\t(version 20241209)\n",
        "\t(generator \"kicad_symbol_editor\")\n",
        "\t(symbol \"Child\"\n",
        "\t\t(extends \"Base\")\n",
        "\t\t(property \"Value\" \"Child\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t\t(property \"Description\" \"\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t\t(property \"ki_keywords\" \"kid\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t)\n",
        "\t(symbol \"Base\"\n",
        "\t\t(pin_names\n",
        "\t\t\t(offset 0.254)\n",
        "\t\t)\n",
        "\t\t(property \"Reference\" \"U\"\n",
        "\t\t\t(at 0 1.27 0)\n",
        "\t\t)\n",
        "\t\t(property \"Value\" \"Base\"\n",
        "\t\t\t(at 0 -1.27 0)\n",
        "\t\t)\n",
        "\t\t(property \"Description\" \"a base (with \\\")\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t\t(symbol \"Base_0_1\"\n",
        "\t\t\t(rectangle\n",
        "\t\t\t\t(start -2.54 2.54)\n",
        "\t\t\t\t(end 2.54 -2.54)\n",
        "\t\t\t)\n",
        "\t\t)\n",
        "\t)\n",
        "\t(symbol \"Say \\\"hi\\\" \\\\o/\"\n",
        "\t\t(property \"Reference\" \"Q\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t)\n",
        ")\n"
    );

    /// Child flattened: Base's fields and units, Child's value and keywords, Base's description.
    const CHILD: &str = concat!(
        "(kicad_symbol_lib\n",
        "\t(symbol \"lib:Child\"\n",
        "\t\t(pin_names\n",
        "\t\t\t(offset 0.254)\n",
        "\t\t)\n",
        "\t\t(property \"Reference\" \"U\"\n",
        "\t\t\t(at 0 1.27 0)\n",
        "\t\t)\n",
        "\t\t(property \"Value\" \"Child\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t\t(property \"Description\" \"a base (with \\\")\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t\t(property \"ki_keywords\" \"kid\"\n",
        "\t\t\t(at 0 0 0)\n",
        "\t\t)\n",
        "\t\t(symbol \"Child_0_1\"\n",
        "\t\t\t(rectangle\n",
        "\t\t\t\t(start -2.54 2.54)\n",
        "\t\t\t\t(end 2.54 -2.54)\n",
        "\t\t\t)\n",
        "\t\t)\n",
        "\t\t(embedded_fonts no)\n",
        "\t)\n",
        ")\n"
    );

    const GONE: &str = "symbol lib:Gone is no longer in its library file; the library changed since it was indexed, index it again";

    fn write(library: &str, name: &str) -> Result<String, String> {
        let index = SymbolIndex::open(&[], None);
        let mut libs = LibrarySymbols::new(&index);
        libs.register("lib", library.as_bytes().to_vec());
        let mut b = Builder::new("kicad_symbol_lib");
        libs.write(&mut b, "lib", name, &format!("lib:{name}"))
            .map_err(|e| e.message)?;
        Ok(String::from_utf8(b.finish().print()).expect("UTF-8"))
    }

    #[test]
    fn a_derived_symbol_is_flattened_with_its_parent_cut_out_too() {
        assert_eq!(write(KICAD, "Child"), Ok(CHILD.to_string()));
    }

    #[test]
    fn a_name_with_escapes_is_found() {
        let expected = concat!(
            "(kicad_symbol_lib\n",
            "\t(symbol \"lib:Say \\\"hi\\\" \\\\o/\"\n",
            "\t\t(property \"Reference\" \"Q\"\n",
            "\t\t\t(at 0 0 0)\n",
            "\t\t)\n",
            "\t\t(embedded_fonts no)\n",
            "\t)\n",
            ")\n"
        );
        assert_eq!(write(KICAD, "Say \"hi\" \\o/"), Ok(expected.to_string()));
    }

    #[test]
    fn crlf_lines_and_other_layouts_are_parsed_whole() {
        let expected = Ok(CHILD.to_string());
        assert_eq!(write(&KICAD.replace('\n', "\r\n"), "Child"), expected);
        assert_eq!(write(&KICAD.replace("\n\t", "\n  "), "Child"), expected);
        let one_line = KICAD
            .split('\n')
            .map(|l| l.trim_start_matches('\t'))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(write(&one_line, "Child"), expected);
    }

    #[test]
    fn a_missing_symbol_is_reported_as_before() {
        for library in [KICAD.to_string(), KICAD.replace('\n', "\r\n")] {
            assert_eq!(write(&library, "Gone"), Err(GONE.to_string()));
            let orphan = library.replace("(extends \"Base\")", "(extends \"Gone\")");
            assert_eq!(write(&orphan, "Child"), Err(GONE.to_string()));
        }
    }

    #[test]
    fn a_broken_list_is_reported_where_it_is_in_the_file() {
        // Child's first property loses its close: Child's list then closes on the file's last line.
        let broken = KICAD.replacen("\t\t\t(at 0 0 0)\n\t\t)\n", "\t\t\t(at 0 0 0)\n", 1);
        assert_eq!(
            write(&broken, "Child"),
            Err(
                "lib.kicad_sym:41:1: expected ')' to close the list opened at 1:1, found end of input"
                    .to_string()
            )
        );
    }
}
