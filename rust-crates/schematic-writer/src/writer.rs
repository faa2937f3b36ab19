//! The schematic writer's planning: from a finalized netlist to the drawing of every sheet file
//! (specification `conformance/schematic/README.md`). One sheet file per definition, planned
//! children first so that a parent knows which ports its sheet symbols show; then references
//! for power symbols and the layout. The Java twin is `io.circuitsynth.schematic.ProjectWriter`.

use std::collections::{HashMap, HashSet};

use circuitsynth_io::build::Builder;
use circuitsynth_io::Document;
use circuitsynth_netlist::finalize::Netlist;
use circuitsynth_netlist::model::{Definition, Design};
use circuitsynth_netlist::names;
use circuitsynth_netlist::uuid::{symbol_uuid, uuid_v5};
use circuitsynth_pin_calculator::{
    graphics_texts, place_field, place_fields, text_box, FieldPlacement, HAlign, Mirror, Placement,
    Rect, Rotation, SymbolGeometry, TextStyle, VAlign,
};
use circuitsynth_symbol_cache::box_symbol::{self, BoxSymbol};
use circuitsynth_symbol_cache::{read_symbols, ElectricalType, Symbol, SymbolIndex};

use crate::drawing::{Draw, Item, ItemKind, Member, PartSymbol, Piece, Placed, Power, SymbolRef};
use crate::library::{copy, LibrarySymbols};
use crate::SchematicError;

pub(crate) const GRID: i32 = 12_700;
pub(crate) const STUB: i32 = 2 * GRID;
pub(crate) const TEXT: i32 = 12_700;
/// How far eeschema lifts a local label's text off its wire (its label offset, rounded up).
const LABEL_OFFSET: i32 = 2_540;
/// Gap between a power symbol's body and its value.
const VALUE_GAP: i32 = 5_080;
/// Half the size of a no-connect cross, for its box.
const NC_HALF: i32 = GRID / 2;

/// A symbol written into the project's own library: a copy of a built-in one, or a box.
pub(crate) struct LocalSymbol {
    pub name: String,
    pub lib: String,
    pub lib_name: String,
    pub box_text: Option<String>,
}

/// One sheet file.
pub(crate) struct Plan {
    pub definition: String,
    pub def_index: usize,
    pub file: String,
    pub uuid: String,
    pub instances: Vec<usize>,
    pub items: Vec<Item>,
    pub pieces: Vec<Piece>,
    /// Drawn ports, in the definition's port order, and their label texts.
    pub port_text: Vec<(String, String)>,
    pub port_piece: HashMap<String, usize>,
    pub paper: String,
    pub paper_width: i64,
    pub paper_height: i64,
}

pub(crate) struct Writer<'a, 'i> {
    pub design: &'a Design,
    pub nl: &'a Netlist<'a>,
    index: &'i SymbolIndex,
    pub libs: LibrarySymbols<'i>,
    pub project: String,
    pub local_lib: String,
    pub part_symbols: Vec<PartSymbol>,
    /// The writer's own symbols (power symbols, flags), by `LIB:NAME`.
    pub lib_symbols: Vec<PartSymbol>,
    lib_symbol_keys: HashMap<String, usize>,
    pub local_symbols: Vec<LocalSymbol>,
    port_nets: HashMap<(usize, String), usize>,
    child_sheets: HashMap<(usize, String), usize>,
    needs_flag: Vec<bool>,
    pub power_names: HashSet<String>,
    /// Plans in page order of their first instance.
    pub plans: Vec<Plan>,
    plan_of: HashMap<String, usize>,
    by_number: Vec<HashMap<String, usize>>,
}

fn ascii_lower(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_lowercase()).collect()
}

fn ascii_upper(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_uppercase()).collect()
}

fn symbol_name(name: &str) -> String {
    let out: String = name
        .chars()
        .map(|c| {
            if c == ':' || c == '/' || c == '\\' || c < ' ' {
                '_'
            } else {
                c
            }
        })
        .collect();
    if out.is_empty() {
        "part".to_string()
    } else {
        out
    }
}

fn unique(name: &str, taken: &mut HashSet<String>) -> String {
    let mut candidate = name.to_string();
    let mut k = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{name}_{k}");
        k += 1;
    }
    candidate
}

/// Ground rails get the ground symbol, pointing away from the pin like KiCad's GND.
pub(crate) fn is_ground(name: &str) -> bool {
    let upper = ascii_upper(name);
    upper.starts_with("GND")
        || upper.starts_with("VSS")
        || upper.starts_with("AGND")
        || upper.starts_with("DGND")
        || upper.starts_with("PGND")
        || upper.starts_with("SGND")
        || upper == "EARTH"
        || upper.starts_with("0V")
        || upper.starts_with('-')
}

/// KiCad's net-name escape undone: the label text that KiCad turns into this name.
pub(crate) fn unescape(name: &str) -> String {
    name.replace("{slash}", "/")
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::new();
    names::escape_net_name(&mut out, text);
    out
}

/// `/a/b/NAME` → `NAME`; names without a leading slash stay whole.
fn last_segment(name: &str) -> String {
    if !name.starts_with('/') {
        return unescape(name);
    }
    let cut = name.rfind('/').expect("starts with a slash");
    let last = &name[cut + 1..];
    if last.is_empty() {
        unescape(&name.replace('/', "_"))
    } else {
        unescape(last)
    }
}

fn unique_text(text: &str, used: &mut HashSet<String>) -> String {
    let base = if text.is_empty() { "N" } else { text };
    let mut candidate = base.to_string();
    let mut k = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}_{k}");
        k += 1;
    }
    candidate
}

fn file_stem(definition: &str) -> String {
    let out: String = definition
        .chars()
        .map(|c| {
            if c < ' ' || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    if out.is_empty() {
        "sheet".to_string()
    } else {
        out
    }
}

pub(crate) fn ceil_grid(v: i64) -> i32 {
    ((v + i64::from(GRID) - 1).div_euclid(i64::from(GRID)) * i64::from(GRID)) as i32
}

fn style(angle: Rotation, h: HAlign, v: VAlign) -> TextStyle {
    TextStyle {
        size_x: TEXT,
        size_y: TEXT,
        angle,
        h,
        v,
    }
}

pub(crate) fn union(a: &Rect, b: &Rect) -> Rect {
    Rect {
        min_x: a.min_x.min(b.min_x),
        min_y: a.min_y.min(b.min_y),
        max_x: a.max_x.max(b.max_x),
        max_y: a.max_y.max(b.max_y),
    }
}

fn rect(min_x: i32, min_y: i32, max_x: i32, max_y: i32) -> Rect {
    Rect {
        min_x,
        min_y,
        max_x,
        max_y,
    }
}

pub(crate) fn label_angle(dx: i32, dy: i32) -> Rotation {
    if dx == 1 {
        Rotation::R0
    } else if dx == -1 {
        Rotation::R180
    } else if dy == -1 {
        Rotation::R90
    } else {
        Rotation::R270
    }
}

pub(crate) fn library_header() -> Builder {
    let mut b = Builder::new("kicad_symbol_lib");
    b.open("version").symbol("20241209").close();
    b.open("generator").string("circuitsynth").close();
    b.open("generator_version").string("9.0").close();
    b
}

fn pin_error(e: circuitsynth_pin_calculator::PinError) -> SchematicError {
    SchematicError::new(e.to_string())
}

fn geometry(symbol: &Symbol<'_>, library: &[u8]) -> Result<SymbolGeometry, SchematicError> {
    let graphics = graphics_texts(symbol, library).map_err(pin_error)?;
    SymbolGeometry::new(symbol, &graphics).map_err(pin_error)
}

fn constant(key: &[i64]) -> i64 {
    if key.iter().all(|&k| k == key[0]) {
        key[0]
    } else {
        -1
    }
}

/// Rotation of a power symbol whose body must point along `(dx, dy)`.
fn power_rotation(ground: bool, dx: i32, dy: i32) -> Rotation {
    if ground {
        // GND hangs below its pin at 0°.
        if dy == 1 {
            Rotation::R0
        } else if dy == -1 {
            Rotation::R180
        } else if dx == 1 {
            Rotation::R90
        } else {
            Rotation::R270
        }
    } else if dy == -1 {
        // VCC stands above its pin at 0°.
        Rotation::R0
    } else if dy == 1 {
        Rotation::R180
    } else if dx == 1 {
        Rotation::R270
    } else {
        Rotation::R90
    }
}

/// A power symbol's or flag's value, continuing its body `body` in the direction `(dx, dy)` and
/// reading along it; `(x, y)` is the symbol's pin point.
fn value_field(
    text: &str,
    body: &Rect,
    dx: i32,
    dy: i32,
    at: &Placement,
    x: i32,
    y: i32,
) -> Result<FieldPlacement, SchematicError> {
    let (st, vx, vy) = if dy == -1 {
        (
            style(Rotation::R90, HAlign::Left, VAlign::Center),
            x,
            body.min_y - VALUE_GAP,
        )
    } else if dy == 1 {
        (
            style(Rotation::R90, HAlign::Right, VAlign::Center),
            x,
            body.max_y + VALUE_GAP,
        )
    } else if dx == 1 {
        (
            style(Rotation::R0, HAlign::Left, VAlign::Center),
            body.max_x + VALUE_GAP,
            y,
        )
    } else {
        (
            style(Rotation::R0, HAlign::Right, VAlign::Center),
            body.min_x - VALUE_GAP,
            y,
        )
    };
    place_field(text, &st, vx, vy, at).map_err(pin_error)
}

/// The box of a label at the end of `m`'s stub (see the Java twin's `labelBox`).
fn label_box(m: &Member) -> Result<Rect, SchematicError> {
    let ex = m.x + m.dx * m.stub;
    let ey = m.y + m.dy * m.stub;
    let drawn = if m.dx != 0 {
        Rotation::R0
    } else {
        Rotation::R90
    };
    let forward = m.dx == 1 || m.dy == -1;
    let h = if forward { HAlign::Left } else { HAlign::Right };
    if m.draw == Draw::Hier || m.draw == Draw::Global {
        let sx = ex + m.dx * TEXT;
        let sy = ey + m.dy * TEXT;
        let text =
            text_box(&m.text, sx, sy, &style(drawn, h, VAlign::Center)).map_err(pin_error)?;
        // The flag closes half a text height past the text's end.
        let fx = m.dx * TEXT / 2;
        let fy = m.dy * TEXT / 2;
        let flag = rect(
            ex.min(text.min_x + fx.min(0)),
            ey.min(text.min_y + fy.min(0)),
            ex.max(text.max_x + fx.max(0)),
            ey.max(text.max_y + fy.max(0)),
        );
        return Ok(union(&flag, &text));
    }
    let t = text_box(&m.text, ex, ey, &style(drawn, h, VAlign::Bottom)).map_err(pin_error)?;
    // Drawn at 0° the text rises above the wire (smaller y), at 90° it moves left of it.
    Ok(if m.dx != 0 {
        rect(
            t.min_x,
            t.min_y - LABEL_OFFSET,
            t.max_x,
            t.max_y - LABEL_OFFSET,
        )
    } else {
        rect(
            t.min_x - LABEL_OFFSET,
            t.min_y,
            t.max_x - LABEL_OFFSET,
            t.max_y,
        )
    })
}

impl<'a, 'i> Writer<'a, 'i> {
    pub(crate) fn new(design: &'a Design, nl: &'a Netlist<'a>, index: &'i SymbolIndex) -> Self {
        let libs = LibrarySymbols::new(index);
        let project = nl.project.to_string();
        let mut local_lib = project.clone();
        if index.library_file(&local_lib).is_some() || libs.is_builtin(&local_lib) {
            local_lib = format!("{project}_local");
        }
        Writer {
            design,
            nl,
            index,
            libs,
            project,
            local_lib,
            part_symbols: Vec::new(),
            lib_symbols: Vec::new(),
            lib_symbol_keys: HashMap::new(),
            local_symbols: Vec::new(),
            port_nets: HashMap::new(),
            child_sheets: HashMap::new(),
            needs_flag: Vec::new(),
            power_names: HashSet::new(),
            plans: Vec::new(),
            plan_of: HashMap::new(),
            by_number: Vec::new(),
        }
    }

    pub(crate) fn run(&mut self) -> Result<(), SchematicError> {
        self.resolve_symbols()?;
        self.index_nets();
        self.plan_definitions()?;
        self.number_power_symbols();
        for p in 0..self.plans.len() {
            self.layout(p);
        }
        Ok(())
    }

    pub(crate) fn symbol(&self, r: SymbolRef) -> &PartSymbol {
        match r {
            SymbolRef::Part(p) => &self.part_symbols[p],
            SymbolRef::Library(l) => &self.lib_symbols[l],
        }
    }

    pub(crate) fn plan_index(&self, definition: &str) -> usize {
        self.plan_of[definition]
    }

    /// Writes local symbol `i` into the project library being built in `b`.
    pub(crate) fn write_local_symbol(
        &mut self,
        b: &mut Builder,
        i: usize,
    ) -> Result<(), SchematicError> {
        let s = &self.local_symbols[i];
        if let Some(text) = &s.box_text {
            let doc =
                Document::parse(text.as_bytes()).map_err(|e| SchematicError::new(e.to_string()))?;
            copy(&doc, 0, b, None);
            Ok(())
        } else {
            let (lib, lib_name, name) = (s.lib.clone(), s.lib_name.clone(), s.name.clone());
            self.libs.write(b, &lib, &lib_name, &name)
        }
    }

    // ---- symbols ----

    fn resolve_symbols(&mut self) -> Result<(), SchematicError> {
        let nl = self.nl;
        let mut taken: HashSet<String> = HashSet::new();
        let mut boxes: Vec<(usize, BoxSymbol)> = Vec::new();
        let mut builtin_names: HashMap<String, String> = HashMap::new();
        let mut slots: Vec<Option<PartSymbol>> = Vec::with_capacity(nl.parts.len());
        for part in &nl.parts {
            let mut by_number = HashMap::new();
            for (i, pin) in part.pins.iter().enumerate() {
                by_number.entry(pin.number.clone()).or_insert(i);
            }
            self.by_number.push(by_number);
            if part.from_library && !self.libs.is_builtin(&part.lib) {
                let symbol = self
                    .index
                    .lookup(&part.lib, &part.name)
                    .ok_or_else(|| {
                        SchematicError::new(format!(
                            "symbol {}:{} vanished from the index",
                            part.lib, part.name
                        ))
                    })?
                    .to_symbol();
                let bytes = self.libs.bytes(&part.lib)?;
                let geometry = geometry(&symbol, &bytes)?;
                slots.push(Some(PartSymbol {
                    lib_id: format!("{}:{}", part.lib, part.name),
                    lib: part.lib.clone(),
                    name: part.name.clone(),
                    symbol,
                    geometry,
                }));
                continue;
            }
            if part.from_library {
                let key = format!("{}:{}", part.lib, part.name);
                let local = match builtin_names.get(&key) {
                    Some(l) => l.clone(),
                    None => {
                        let l = unique(&symbol_name(&part.name), &mut taken);
                        builtin_names.insert(key, l.clone());
                        self.local_symbols.push(LocalSymbol {
                            name: l.clone(),
                            lib: part.lib.clone(),
                            lib_name: part.name.clone(),
                            box_text: None,
                        });
                        l
                    }
                };
                let symbol = self
                    .index
                    .lookup(&part.lib, &part.name)
                    .expect("finalize found it")
                    .to_symbol();
                let bytes = self.libs.bytes(&part.lib)?;
                let geometry = geometry(&symbol, &bytes)?;
                slots.push(Some(PartSymbol {
                    lib_id: format!("{}:{}", self.local_lib, local),
                    lib: self.local_lib.clone(),
                    name: local,
                    symbol,
                    geometry,
                }));
                continue;
            }
            let pins: Vec<box_symbol::Pin> = part
                .pins
                .iter()
                .map(|p| box_symbol::Pin::new(&p.number, &p.name, p.electrical_type.keyword()))
                .collect();
            let local = unique(&symbol_name(&part.name), &mut taken);
            let b = BoxSymbol::generate(&local, &pins)
                .map_err(|e| SchematicError::new(e.to_string()))?;
            self.local_symbols.push(LocalSymbol {
                name: local.clone(),
                lib: String::new(),
                lib_name: String::new(),
                box_text: Some(b.symbol_text()),
            });
            boxes.push((slots.len(), b));
            slots.push(None);
        }
        if !boxes.is_empty() {
            let mut b = library_header();
            for (_, bx) in &boxes {
                let text = bx.symbol_text();
                let doc = Document::parse(text.as_bytes())
                    .map_err(|e| SchematicError::new(e.to_string()))?;
                copy(&doc, 0, &mut b, None);
            }
            let text = b.finish().print();
            let symbols = read_symbols(&text).map_err(|e| SchematicError::new(e.to_string()))?;
            for (slot, bx) in &boxes {
                let symbol = symbols
                    .iter()
                    .find(|s| s.name == bx.name())
                    .expect("the box library holds every box")
                    .clone();
                let geometry = geometry(&symbol, &text)?;
                slots[*slot] = Some(PartSymbol {
                    lib_id: format!("{}:{}", self.local_lib, bx.name()),
                    lib: self.local_lib.clone(),
                    name: bx.name().to_string(),
                    symbol,
                    geometry,
                });
            }
        }
        self.part_symbols = slots
            .into_iter()
            .map(|s| s.expect("every part resolved"))
            .collect();
        Ok(())
    }

    /// The power symbol drawing rail `name`: `power:NAME` if the library has it, else a generic one.
    fn power_symbol(&mut self, name: &str) -> Result<usize, SchematicError> {
        let symbol_name = if name != "PWR_FLAG" && self.index.lookup("power", name).is_some() {
            name.to_string()
        } else if is_ground(name) {
            "GND".to_string()
        } else {
            "VCC".to_string()
        };
        self.library_symbol("power", &symbol_name)
    }

    /// A library symbol drawn by the writer itself (power symbols, flags), once per project.
    fn library_symbol(&mut self, lib: &str, name: &str) -> Result<usize, SchematicError> {
        let key = format!("{lib}:{name}");
        if let Some(&i) = self.lib_symbol_keys.get(&key) {
            return Ok(i);
        }
        let symbol = self
            .index
            .lookup(lib, name)
            .ok_or_else(|| {
                SchematicError::new(format!(
                    "no symbol {key} in the symbol libraries; power symbols and flags come from KiCad's power library (or the built-in one), add it to the libraries"
                ))
            })?
            .to_symbol();
        let bytes = self.libs.bytes(lib)?;
        let geometry = geometry(&symbol, &bytes)?;
        let ps = if self.libs.is_builtin(lib) {
            let mut local = None;
            for s in &self.local_symbols {
                if s.lib == lib && s.lib_name == name && s.box_text.is_none() {
                    local = Some(s.name.clone());
                }
            }
            let local = match local {
                Some(l) => l,
                None => {
                    let mut taken: HashSet<String> =
                        self.local_symbols.iter().map(|s| s.name.clone()).collect();
                    let l = unique(&symbol_name(name), &mut taken);
                    self.local_symbols.push(LocalSymbol {
                        name: l.clone(),
                        lib: lib.to_string(),
                        lib_name: name.to_string(),
                        box_text: None,
                    });
                    l
                }
            };
            PartSymbol {
                lib_id: format!("{}:{}", self.local_lib, local),
                lib: self.local_lib.clone(),
                name: local,
                symbol,
                geometry,
            }
        } else {
            PartSymbol {
                lib_id: key.clone(),
                lib: lib.to_string(),
                name: name.to_string(),
                symbol,
                geometry,
            }
        };
        self.lib_symbols.push(ps);
        self.lib_symbol_keys.insert(key, self.lib_symbols.len() - 1);
        Ok(self.lib_symbols.len() - 1)
    }

    // ---- nets ----

    fn index_nets(&mut self) {
        let nl = self.nl;
        for (g, net) in nl.nets.iter().enumerate() {
            for ns in &net.sheets {
                if let Some(port) = ns.port {
                    self.port_nets
                        .entry((ns.sheet as usize, port.to_string()))
                        .or_insert(g);
                }
            }
            if self.is_rail(g) {
                self.power_names.insert(unescape(&net.name));
            }
        }
        for (s, sheet) in nl.sheets.iter().enumerate().skip(1) {
            self.child_sheets
                .insert((sheet.parent as usize, sheet.name.to_string()), s);
        }
        let mut power_in = vec![false; nl.nets.len()];
        let mut power_out = vec![false; nl.nets.len()];
        for c in 0..nl.components.len() {
            let part = nl.part_of(c as u32);
            for (p, pin) in part.pins.iter().enumerate() {
                let g = nl.net_of(c as u32, p as u32) as usize;
                if pin.electrical_type == ElectricalType::PowerIn {
                    power_in[g] = true;
                } else if pin.electrical_type == ElectricalType::PowerOut {
                    power_out[g] = true;
                }
            }
        }
        self.needs_flag = (0..nl.nets.len())
            .map(|g| !power_out[g] && (power_in[g] || self.is_rail(g)))
            .collect();
    }

    /// Whether net `g` is drawn with power symbols: a power net, or a net read from a `.net`
    /// under a power name (KiCad wrote it for a power symbol).
    pub(crate) fn is_rail(&self, g: usize) -> bool {
        let net = &self.nl.nets[g];
        net.power || names::is_power_name(&net.name)
    }

    // ---- planning ----

    fn definition(&self, name: &str) -> (usize, &'a Definition) {
        let design = self.design;
        let i = design
            .definitions
            .iter()
            .position(|d| d.name == name)
            .expect("finalize checked every definition");
        (i, &design.definitions[i])
    }

    fn plan_definitions(&mut self) -> Result<(), SchematicError> {
        let nl = self.nl;
        // Children first: a parent's sheet symbols show the ports its children draw.
        let mut post: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut stack: Vec<(String, usize)> = vec![(self.design.root.clone(), 0)];
        seen.insert(self.design.root.clone());
        while let Some(top) = stack.last_mut() {
            let (_, d) = self.definition(&top.0);
            let k = top.1;
            if k == d.instances.len() {
                post.push(d.name.clone());
                stack.pop();
                continue;
            }
            top.1 = k + 1;
            let child = d.instances[k].definition.clone();
            if seen.insert(child.clone()) {
                stack.push((child, 0));
            }
        }
        let mut instances: HashMap<&str, Vec<usize>> = HashMap::new();
        for s in &nl.sheets {
            instances
                .entry(s.definition)
                .or_default()
                .push(s.page as usize - 1);
        }
        let mut files: HashSet<String> = HashSet::new();
        files.insert(ascii_lower(&format!("{}.kicad_sch", self.project)));
        // File names in page order, so that they do not depend on the planning order.
        for s in &nl.sheets {
            if self.plan_of.contains_key(s.definition) {
                continue;
            }
            let (def_index, _) = self.definition(s.definition);
            let (file, uuid) = if s.page == 1 {
                (format!("{}.kicad_sch", self.project), s.uuid.clone())
            } else {
                let stem = file_stem(s.definition);
                let mut file = format!("{stem}.kicad_sch");
                let mut k = 2;
                while !files.insert(ascii_lower(&file)) {
                    file = format!("{stem}_{k}.kicad_sch");
                    k += 1;
                }
                (
                    file,
                    uuid_v5(&format!("circuitsynth:file:{}", s.definition)),
                )
            };
            self.plan_of
                .insert(s.definition.to_string(), self.plans.len());
            self.plans.push(Plan {
                definition: s.definition.to_string(),
                def_index,
                file,
                uuid,
                instances: instances[s.definition].clone(),
                items: Vec::new(),
                pieces: Vec::new(),
                port_text: Vec::new(),
                port_piece: HashMap::new(),
                paper: String::new(),
                paper_width: 0,
                paper_height: 0,
            });
        }
        for d in &post {
            let p = self.plan_of[d.as_str()];
            self.plan(p)?;
        }
        self.add_rail_flags()
    }

    fn key_of(&self, instances: &[usize], component: usize, pin: usize) -> Vec<i64> {
        instances
            .iter()
            .map(|&s| {
                let first = self.nl.sheets[s].first_component as usize;
                i64::from(self.nl.net_of((first + component) as u32, pin as u32))
            })
            .collect()
    }

    fn port_key(&self, sheets: &[usize], port: &str) -> Vec<i64> {
        sheets
            .iter()
            .map(|&s| {
                self.port_nets
                    .get(&(s, port.to_string()))
                    .map_or(-1, |&g| g as i64)
            })
            .collect()
    }

    fn plan(&mut self, p: usize) -> Result<(), SchematicError> {
        let nl = self.nl;
        let d = &self.design.definitions[self.plans[p].def_index];
        let instances = self.plans[p].instances.clone();
        let rep = &nl.sheets[instances[0]];
        let mut items: Vec<Item> = Vec::new();
        // Units.
        for c in 0..d.components.len() {
            let comp = &nl.components[rep.first_component as usize + c];
            let part = &nl.parts[comp.part as usize];
            let ps = &self.part_symbols[comp.part as usize];
            for u in 1..=ps.geometry.unit_count() {
                let mut item = Item::new(ItemKind::Unit, c);
                item.unit = u;
                item.symbol = Some(SymbolRef::Part(comp.part as usize));
                item.uuid = comp
                    .uuids
                    .get(u as usize - 1)
                    .cloned()
                    .unwrap_or_else(|| symbol_uuid(&rep.path, &comp.spec.id, u));
                let placed = ps
                    .geometry
                    .place(u, 1, &Placement::new(0, 0, Rotation::R0, Mirror::None))
                    .map_err(pin_error)?;
                for pp in &placed.pins {
                    let Some(&pi) = self.by_number[comp.part as usize].get(pp.number) else {
                        continue;
                    };
                    let pin = &part.pins[pi];
                    let key = self.key_of(&instances, c, pi);
                    if pp.hidden {
                        let implicit = pin.electrical_type == ElectricalType::PowerIn
                            && !part.power
                            && !pin.name.is_empty();
                        if implicit || nl.nets[key[0] as usize].nodes.len() < 2 {
                            continue;
                        }
                    }
                    if let Some(twin) = item
                        .members
                        .iter()
                        .rev()
                        .find(|m| m.x == pp.x && m.y == pp.y)
                    {
                        if twin.key != key {
                            return Err(SchematicError::new(format!(
                                "pins {}.{} and {}.{} of {} sit on one point, which KiCad connects; put them in one net, or leave both unconnected",
                                comp.reference, twin.pin, comp.reference, pp.number, ps.lib_id
                            )));
                        }
                        continue;
                    }
                    item.members.push(Member {
                        pin: pp.number.to_string(),
                        electrical_type: pin.electrical_type,
                        x: pp.x,
                        y: pp.y,
                        dx: pp.dx,
                        dy: pp.dy,
                        key,
                        piece: 0,
                        draw: Draw::Nc,
                        stub: 0,
                        text: String::new(),
                        power: None,
                        label_box: None,
                    });
                }
                item.placed = Some(Placed::of(&placed.pins, placed.body));
                items.push(item);
            }
        }
        // Sheet symbols, showing the ports their definitions draw.
        for (i, inst) in d.instances.iter().enumerate() {
            let child = self.plan_of[inst.definition.as_str()];
            let sheets: Vec<usize> = instances
                .iter()
                .map(|&s| self.child_sheets[&(s, inst.name.clone())])
                .collect();
            let mut item = Item::new(ItemKind::Sheet, i);
            item.uuid = nl.sheets[sheets[0]].uuid.clone();
            item.sheet_name = inst.name.clone();
            item.sheet_file = self.plans[child].file.clone();
            for (port, text) in &self.plans[child].port_text {
                item.members.push(Member {
                    pin: text.clone(),
                    electrical_type: ElectricalType::Passive,
                    x: 0,
                    y: 0,
                    dx: 0,
                    dy: 0,
                    key: self.port_key(&sheets, port),
                    piece: 0,
                    draw: Draw::Nc,
                    stub: 0,
                    text: String::new(),
                    power: None,
                    label_box: None,
                });
            }
            sheet_geometry(&mut item)?;
            items.push(item);
        }
        // Pieces: connection points that are in the same net in every instance.
        let mut pieces: Vec<Piece> = Vec::new();
        for (it, item) in items.iter_mut().enumerate() {
            for (mi, m) in item.members.iter_mut().enumerate() {
                join(&mut pieces, it, mi, m);
            }
        }
        // Ports: a piece that leaves through a port draws hierarchical labels, unless it is a rail.
        let mut port_piece = HashMap::new();
        for port in &d.ports {
            let key = self.port_key(&instances, port);
            for (pi, piece) in pieces.iter_mut().enumerate() {
                if piece.key == key && piece.port.is_none() {
                    piece.port = Some(port.clone());
                    port_piece.insert(port.clone(), pi);
                }
            }
        }
        for piece in &mut pieces {
            let g = constant(&piece.key);
            if g >= 0 && self.is_rail(g as usize) {
                let name = &nl.nets[g as usize].name;
                let own = match piece.port.as_deref() {
                    None => true,
                    Some(port) => *name == escape(port),
                };
                if own {
                    piece.rail = true;
                    piece.port = None;
                    piece.draw = Draw::Power;
                    piece.text = Some(unescape(name));
                }
            }
        }
        // Power flags on the nets this file is the top of.
        #[allow(clippy::needless_range_loop)] // pieces grows a member while it is walked
        for pi in 0..pieces.len() {
            let piece = &pieces[pi];
            if !piece.rail
                && piece.port.is_none()
                && piece.key[0] >= 0
                && self.needs_flag[piece.key[0] as usize]
                && nl.nets[piece.key[0] as usize].nodes.len() > 1
            {
                let mut flag = self.flag_item(p, piece.key[0] as usize, false)?;
                flag.members[0].key = pieces[pi].key.clone();
                flag.members[0].piece = pi;
                pieces[pi].members.push((items.len(), 0));
                items.push(flag);
            }
        }
        let plan = &mut self.plans[p];
        plan.items = items;
        plan.pieces = pieces;
        plan.port_piece = port_piece;
        self.assign_texts(p)
    }

    /// A PWR_FLAG with its pin at the origin, for net `net`.
    fn flag_item(&mut self, p: usize, net: usize, rail: bool) -> Result<Item, SchematicError> {
        let flag = self.library_symbol("power", "PWR_FLAG")?;
        let name = &self.nl.nets[net].name;
        let up = !rail || is_ground(&unescape(name));
        let mut item = Item::new(ItemKind::Flag, net);
        item.symbol = Some(SymbolRef::Library(flag));
        item.rotation = if up { Rotation::R0 } else { Rotation::R180 };
        item.uuid = uuid_v5(&format!(
            "circuitsynth:flag:{}:{}",
            self.plans[p].definition, name
        ));
        let placed = self.lib_symbols[flag]
            .geometry
            .place(1, 1, &Placement::new(0, 0, item.rotation, Mirror::None))
            .map_err(pin_error)?;
        let pin = placed
            .pins
            .first()
            .map_or_else(|| "1".to_string(), |p| p.number.to_string());
        item.placed = Some(Placed::of(&placed.pins, placed.body));
        item.members.push(Member {
            pin,
            electrical_type: ElectricalType::PowerOut,
            x: 0,
            y: 0,
            dx: 0,
            dy: if up { 1 } else { -1 },
            key: Vec::new(),
            piece: 0,
            draw: Draw::Nc,
            stub: 0,
            text: String::new(),
            power: None,
            label_box: None,
        });
        Ok(item)
    }

    /// One PWR_FLAG per power net that nothing drives, in the first file (page order) drawn
    /// once that has a pin on the rail, else in the root.
    fn add_rail_flags(&mut self) -> Result<(), SchematicError> {
        for g in 0..self.nl.nets.len() {
            if !self.is_rail(g) || !self.needs_flag[g] {
                continue;
            }
            let mut target = 0;
            'search: for (pi, plan) in self.plans.iter().enumerate() {
                if plan.instances.len() != 1 {
                    continue;
                }
                for piece in &plan.pieces {
                    if piece.rail && piece.key[0] == g as i64 {
                        for &(it, _) in &piece.members {
                            if plan.items[it].kind == ItemKind::Unit {
                                target = pi;
                                break 'search;
                            }
                        }
                    }
                }
            }
            let mut flag = self.flag_item(target, g, true)?;
            let text = unescape(&self.nl.nets[g].name);
            {
                let m = &mut flag.members[0];
                m.key = vec![g as i64];
                m.piece = self.plans[target].pieces.len();
                m.draw = Draw::Power;
                m.text = text.clone();
            }
            let it = self.plans[target].items.len();
            self.plans[target].pieces.push(Piece {
                key: vec![g as i64],
                members: vec![(it, 0)],
                port: None,
                rail: true,
                text: Some(text),
                draw: Draw::Power,
            });
            self.annotate(target, &mut flag)?;
            self.plans[target].items.push(flag);
        }
        Ok(())
    }

    /// Label texts: ports, then named nets, then the rest; none twice, none a power net's name.
    fn assign_texts(&mut self, p: usize) -> Result<(), SchematicError> {
        let nl = self.nl;
        let mut used: HashSet<String> = self.power_names.clone();
        let d = &self.design.definitions[self.plans[p].def_index];
        let mut port_text = Vec::new();
        {
            let plan = &mut self.plans[p];
            for port in &d.ports {
                let Some(&pi) = plan.port_piece.get(port) else {
                    continue;
                };
                if plan.pieces[pi].port.is_none() {
                    continue;
                }
                let text = unique_text(&last_segment(port), &mut used);
                port_text.push((port.clone(), text.clone()));
                plan.pieces[pi].text = Some(text);
                plan.pieces[pi].draw = Draw::Hier;
            }
            plan.port_text = port_text;
            // A lone point is left unconnected on purpose. A named net keeps its name as a local
            // label. In a file drawn once, any other net takes a global label with its very name,
            // which KiCad gives back unchanged; in a file drawn several times, a local label after
            // its name.
            let rep = &nl.sheets[plan.instances[0]];
            let once = plan.instances.len() == 1;
            for pass in 0..2 {
                for pi in 0..plan.pieces.len() {
                    let piece = &plan.pieces[pi];
                    if piece.rail || piece.port.is_some() || piece.text.is_some() {
                        continue;
                    }
                    let name: &str = if piece.key[0] >= 0 {
                        &nl.nets[piece.key[0] as usize].name
                    } else {
                        "N"
                    };
                    let pin_driven = piece.key[0] < 0
                        || name.starts_with("Net-(")
                        || name.starts_with("unconnected-(");
                    let lone = piece.members.len() == 1;
                    let (it0, _) = piece.members[0];
                    if lone && (pin_driven || plan.items[it0].kind != ItemKind::Unit) {
                        let piece = &mut plan.pieces[pi];
                        piece.draw = Draw::Nc;
                        piece.text = Some(String::new());
                        continue;
                    }
                    let mut label: Option<&str> = None;
                    if piece.key[0] >= 0 {
                        for ns in &nl.nets[piece.key[0] as usize].sheets {
                            if ns.sheet as usize == plan.instances[0] && ns.label.is_some() {
                                label = ns.label;
                            }
                        }
                    }
                    let local = label.is_some_and(|l| {
                        name.starts_with(rep.path.as_str())
                            && name == format!("{}{}", rep.path, escape(&last_segment(l)))
                    });
                    let piece = &mut plan.pieces[pi];
                    if pass == 0 && local {
                        piece.text =
                            Some(unique_text(&last_segment(label.unwrap_or("")), &mut used));
                        piece.draw = Draw::Label;
                    } else if pass == 1
                        && once
                        && !name.starts_with('/')
                        && used.insert(unescape(name))
                    {
                        piece.text = Some(unescape(name));
                        piece.draw = Draw::Global;
                    } else if pass == 1 && lone && !local {
                        piece.draw = Draw::Nc;
                        piece.text = Some(String::new());
                    } else if pass == 1 {
                        piece.text =
                            Some(unique_text(&last_segment(label.unwrap_or(name)), &mut used));
                        piece.draw = Draw::Label;
                    }
                }
            }
            for pi in 0..plan.pieces.len() {
                let draw = plan.pieces[pi].draw;
                let text = plan.pieces[pi].text.clone().unwrap_or_default();
                for k in 0..plan.pieces[pi].members.len() {
                    let (it, mi) = plan.pieces[pi].members[k];
                    let m = &mut plan.items[it].members[mi];
                    m.draw = draw;
                    m.text = text.clone();
                }
            }
        }
        let mut items = std::mem::take(&mut self.plans[p].items);
        for item in &mut items {
            self.annotate(p, item)?;
        }
        self.plans[p].items = items;
        Ok(())
    }

    // ---- geometry of one item ----

    /// The reference as KiCad shows it in instance `k`: with the unit letter when the symbol has units.
    pub(crate) fn reference_text(&self, instances: &[usize], item: &Item, k: usize) -> String {
        let reference = &self.component(instances, item, k).reference;
        let symbol = self.symbol(item.symbol.expect("units have symbols"));
        if symbol.geometry.unit_count() > 1 {
            let mut out = reference.clone();
            names::push_unit_letter(&mut out, item.unit);
            out
        } else {
            reference.clone()
        }
    }

    pub(crate) fn component(
        &self,
        instances: &[usize],
        item: &Item,
        k: usize,
    ) -> &'a circuitsynth_netlist::finalize::Component<'a> {
        let nl = self.nl;
        &nl.components[nl.sheets[instances[k]].first_component as usize + item.index]
    }

    /// Stubs, labels, power symbols and no-connect flags of one item, then its boxes.
    fn annotate(&mut self, p: usize, item: &mut Item) -> Result<(), SchematicError> {
        item.boxes.clear();
        let instances = self.plans[p].instances.clone();
        match item.kind {
            ItemKind::Unit => {
                let placed = item.placed.as_ref().expect("units are placed");
                item.boxes.push(placed.body);
                let value = &self.component(&instances, item, 0).spec.value;
                let pins: Vec<circuitsynth_pin_calculator::PlacedPin<'_>> = placed
                    .pins
                    .iter()
                    .enumerate()
                    .map(|(i, pp)| circuitsynth_pin_calculator::PlacedPin {
                        index: i,
                        number: &pp.number,
                        name: "",
                        electrical_type: ElectricalType::Passive,
                        hidden: pp.hidden,
                        x: pp.x,
                        y: pp.y,
                        dx: pp.dx,
                        dy: pp.dy,
                    })
                    .collect();
                let fields = place_fields(
                    &placed.body,
                    &pins,
                    &Placement::new(0, 0, Rotation::R0, Mirror::None),
                    &self.reference_text(&instances, item, 0),
                    value,
                    TEXT,
                )
                .map_err(pin_error)?;
                item.boxes.push(fields.reference.bbox);
                if !value.is_empty() {
                    item.boxes.push(fields.value.bbox);
                }
                item.fields = Some(fields);
            }
            ItemKind::Sheet => {
                item.boxes.push(rect(0, 0, item.width, item.height));
                item.boxes
                    .push(item.name_field.as_ref().expect("sized").bbox);
                item.boxes
                    .push(item.file_field.as_ref().expect("sized").bbox);
            }
            ItemKind::Flag => {
                let body = item.placed.as_ref().expect("flags are placed").body;
                item.boxes.push(body);
                let symbol = self.symbol(item.symbol.expect("flags have symbols"));
                let value = symbol.symbol.value().to_string();
                let m = &item.members[0];
                let field = value_field(
                    &value,
                    &body,
                    -m.dx,
                    -m.dy,
                    &Placement::new(0, 0, item.rotation, Mirror::None),
                    0,
                    0,
                )?;
                item.boxes.push(field.bbox);
                item.value_field = Some(field);
            }
        }
        // Lanes per side: walking along the side, each annotation (label, power symbol) takes
        // the first lane whose last annotation it clears; lane k starts one grid step beyond the
        // farthest reach of lane k - 1. Pins 2.54 mm apart mostly share lane 0.
        let sides: [(i32, i32); 4] = [(1, 0), (0, -1), (0, 1), (-1, 0)];
        for (sx, sy) in sides {
            let mut on: Vec<usize> = (0..item.members.len())
                .filter(|&i| {
                    let m = &item.members[i];
                    m.dx == sx && m.dy == sy && m.draw != Draw::Nc
                })
                .collect();
            if on.is_empty() {
                continue;
            }
            let vertical = sx == 0;
            on.sort_by_key(|&i| {
                if vertical {
                    item.members[i].x
                } else {
                    item.members[i].y
                }
            });
            let base = if item.kind == ItemKind::Flag {
                GRID
            } else {
                STUB
            };
            let mut lane = vec![0usize; on.len()];
            let mut lane_end: Vec<i64> = Vec::new();
            let mut lane_reach: Vec<i64> = Vec::new();
            for (n, &i) in on.iter().enumerate() {
                item.members[i].stub = base;
                let b = self.annotation_box(item, i)?;
                let m = &item.members[i];
                let (lo, hi) = if vertical {
                    (i64::from(b.min_x), i64::from(b.max_x))
                } else {
                    (i64::from(b.min_y), i64::from(b.max_y))
                };
                let end_x = i64::from(m.x) + i64::from(m.dx) * i64::from(m.stub);
                let end_y = i64::from(m.y) + i64::from(m.dy) * i64::from(m.stub);
                let reach = if m.dx == 1 {
                    i64::from(b.max_x) - end_x
                } else if m.dx == -1 {
                    end_x - i64::from(b.min_x)
                } else if m.dy == 1 {
                    i64::from(b.max_y) - end_y
                } else {
                    end_y - i64::from(b.min_y)
                };
                let mut k = 0;
                while k < lane_end.len() && lane_end[k] >= lo {
                    k += 1;
                }
                if k == lane_end.len() {
                    lane_end.push(hi);
                    lane_reach.push(reach);
                } else {
                    lane_end[k] = hi;
                    lane_reach[k] = lane_reach[k].max(reach);
                }
                lane[n] = k;
            }
            let mut stubs = vec![base; lane_end.len()];
            for k in 1..stubs.len() {
                stubs[k] = ceil_grid(i64::from(stubs[k - 1]) + lane_reach[k - 1]) + GRID;
            }
            for (n, &i) in on.iter().enumerate() {
                item.members[i].stub = stubs[lane[n]];
                self.annotation_box(item, i)?;
                let m = &item.members[i];
                if m.draw == Draw::Power {
                    let power = m.power.as_ref().expect("placed");
                    let (body, value) = (power.body, power.value_field.bbox);
                    item.boxes.push(body);
                    item.boxes.push(value);
                } else {
                    let label = m.label_box.expect("measured");
                    item.boxes.push(label);
                }
            }
        }
        let mut min_x = i32::MAX;
        let mut min_y = i32::MAX;
        let mut max_x = i32::MIN;
        let mut max_y = i32::MIN;
        for r in &item.boxes {
            min_x = min_x.min(r.min_x);
            min_y = min_y.min(r.min_y);
            max_x = max_x.max(r.max_x);
            max_y = max_y.max(r.max_y);
        }
        // A no-connect cross sits on its pin's end, so it is part of the pin, not a box of its own.
        for m in &item.members {
            let half = if m.draw == Draw::Nc { NC_HALF } else { 0 };
            min_x = min_x.min(m.x - half);
            min_y = min_y.min(m.y - half);
            max_x = max_x.max(m.x + half);
            max_y = max_y.max(m.y + half);
            min_x = min_x.min(m.x.min(m.x + m.dx * m.stub));
            max_x = max_x.max(m.x.max(m.x + m.dx * m.stub));
            min_y = min_y.min(m.y.min(m.y + m.dy * m.stub));
            max_y = max_y.max(m.y.max(m.y + m.dy * m.stub));
        }
        item.min_x = min_x;
        item.min_y = min_y;
        item.max_x = max_x;
        item.max_y = max_y;
        Ok(())
    }

    /// Draws member `i`'s annotation at the end of its stub; returns the box of all it draws.
    fn annotation_box(&mut self, item: &mut Item, i: usize) -> Result<Rect, SchematicError> {
        if item.members[i].draw == Draw::Power {
            self.place_power(item, i)?;
            let power = item.members[i].power.as_ref().expect("just placed");
            return Ok(union(&power.body, &power.value_field.bbox));
        }
        let b = label_box(&item.members[i])?;
        item.members[i].label_box = Some(b);
        Ok(b)
    }

    fn place_power(&mut self, item: &mut Item, i: usize) -> Result<(), SchematicError> {
        let text = item.members[i].text.clone();
        let symbol = self.power_symbol(&text)?;
        let ps = &self.lib_symbols[symbol];
        let m = &item.members[i];
        let ground = ps.symbol.name == "GND" || is_ground(&text);
        let rotation = power_rotation(ground, m.dx, m.dy);
        let x = m.x + m.dx * m.stub;
        let y = m.y + m.dy * m.stub;
        let at = Placement::new(x, y, rotation, Mirror::None);
        let placed = ps.geometry.place(1, 1, &at).map_err(pin_error)?;
        let value = value_field(&text, &placed.body, m.dx, m.dy, &at, x, y)?;
        let power = Power {
            symbol,
            value: text,
            rotation,
            x,
            y,
            body: placed.body,
            value_field: value,
            uuid: uuid_v5(&format!("circuitsynth:power:{}:{i}", item.uuid)),
            references: Vec::new(),
        };
        item.members[i].power = Some(power);
        Ok(())
    }

    // ---- power symbol references ----

    fn number_power_symbols(&mut self) {
        let mut pwr = 0;
        let mut flg = 0;
        for s in &self.nl.sheets {
            let p = self.plan_of[s.definition];
            for item in &mut self.plans[p].items {
                if item.kind == ItemKind::Flag {
                    flg += 1;
                    item.references.push(format!("#FLG{flg:02}"));
                }
                for m in &mut item.members {
                    if let Some(power) = m.power.as_mut() {
                        pwr += 1;
                        power.references.push(format!("#PWR{pwr:02}"));
                    }
                }
            }
        }
    }

    // ---- layout ----

    /// Interim shelf layout: items left to right in rows, one stub apart, then the smallest page.
    fn layout(&mut self, p: usize) {
        let plan = &mut self.plans[p];
        let grid = i64::from(GRID);
        let mut area: i64 = 0;
        let mut widest: i64 = 0;
        for item in &plan.items {
            let w = i64::from(item.max_x) - i64::from(item.min_x) + 2 * grid;
            let h = i64::from(item.max_y) - i64::from(item.min_y) + 2 * grid;
            area += w * h;
            widest = widest.max(w);
        }
        let limit = widest.max(((area as f64).sqrt() * 1.5).ceil() as i64);
        let mut x: i64 = 0;
        let mut row_top: i64 = 0;
        let mut row_bottom: i64 = 0;
        let mut extent_x: i64 = 0;
        for item in &mut plan.items {
            let w = i64::from(item.max_x) - i64::from(item.min_x);
            if x > 0 && x + w > limit {
                x = 0;
                row_top = row_bottom + 2 * grid;
            }
            let ax = i64::from(ceil_grid(x - i64::from(item.min_x)));
            let ay = i64::from(ceil_grid(row_top - i64::from(item.min_y)));
            item.x = ax as i32;
            item.y = ay as i32;
            x = ax + i64::from(item.max_x) + 2 * grid;
            row_bottom = row_bottom.max(ay + i64::from(item.max_y));
            extent_x = extent_x.max(ax + i64::from(item.max_x));
        }
        let margin = 20 * grid;
        let width = extent_x + 2 * margin;
        let height = row_bottom + margin + 40 * grid;
        const PAPERS: [(&str, i64, i64); 5] = [
            ("A4", 2_970_000, 2_100_000),
            ("A3", 4_200_000, 2_970_000),
            ("A2", 5_940_000, 4_200_000),
            ("A1", 8_410_000, 5_940_000),
            ("A0", 11_890_000, 8_410_000),
        ];
        match PAPERS.iter().find(|(_, w, h)| width <= *w && height <= *h) {
            Some((name, w, h)) => {
                plan.paper = name.to_string();
                plan.paper_width = *w;
                plan.paper_height = *h;
            }
            None => {
                plan.paper = "User".to_string();
                plan.paper_width = (width + 99_999) / 100_000 * 100_000;
                plan.paper_height = (height + 99_999) / 100_000 * 100_000;
            }
        }
        for item in &mut plan.items {
            item.x += margin as i32;
            item.y += margin as i32;
        }
    }
}

fn join(pieces: &mut Vec<Piece>, it: usize, mi: usize, m: &mut Member) {
    for (p, piece) in pieces.iter_mut().enumerate() {
        if piece.key == m.key {
            m.piece = p;
            piece.members.push((it, mi));
            return;
        }
    }
    m.piece = pieces.len();
    pieces.push(Piece {
        key: m.key.clone(),
        members: vec![(it, mi)],
        port: None,
        rail: false,
        text: None,
        draw: Draw::Nc,
    });
}

/// A sheet symbol: size from its pin names, pins half left, half right, name above, file below.
fn sheet_geometry(item: &mut Item) -> Result<(), SchematicError> {
    let n = item.members.len();
    let left = n.div_ceil(2);
    let right = n - left;
    let mut left_width: i64 = 0;
    let mut right_width: i64 = 0;
    for (i, m) in item.members.iter().enumerate() {
        let w = text_box(
            &m.pin,
            0,
            0,
            &style(Rotation::R0, HAlign::Left, VAlign::Center),
        )
        .map_err(pin_error)?
        .width();
        if i < left {
            left_width = left_width.max(w);
        } else {
            right_width = right_width.max(w);
        }
    }
    let name_width = text_box(
        &item.sheet_name,
        0,
        0,
        &style(Rotation::R0, HAlign::Left, VAlign::Bottom),
    )
    .map_err(pin_error)?
    .width();
    let file_width = text_box(
        &item.sheet_file,
        0,
        0,
        &style(Rotation::R0, HAlign::Left, VAlign::Top),
    )
    .map_err(pin_error)?
    .width();
    let grid = i64::from(GRID);
    item.width = ceil_grid(
        (left_width + right_width + 4 * grid)
            .max(12 * grid)
            .max(name_width.max(file_width)),
    );
    item.height = (4 * GRID).max((left.max(right) as i32 + 1) * 2 * GRID);
    let width = item.width;
    for (i, m) in item.members.iter_mut().enumerate() {
        if i < left {
            m.x = 0;
            m.y = (i as i32 + 1) * 2 * GRID;
            m.dx = -1;
        } else {
            m.x = width;
            m.y = ((i - left) as i32 + 1) * 2 * GRID;
            m.dx = 1;
        }
        m.dy = 0;
    }
    let at = Placement::new(0, 0, Rotation::R0, Mirror::None);
    item.name_field = Some(
        place_field(
            &item.sheet_name,
            &style(Rotation::R0, HAlign::Left, VAlign::Bottom),
            0,
            -GRID / 2,
            &at,
        )
        .map_err(pin_error)?,
    );
    item.file_field = Some(
        place_field(
            &item.sheet_file,
            &style(Rotation::R0, HAlign::Left, VAlign::Top),
            0,
            item.height + GRID / 2,
            &at,
        )
        .map_err(pin_error)?,
    );
    Ok(())
}
