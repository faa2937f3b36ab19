//! Finalize (specification section 2): flattening, pins, ports, references, net names.
//!
//! The steps run in the specification's order and stop at the first error: 2.1 flattens the
//! hierarchy into sheet instances, 2.2 resolves every reachable definition's pins and nodes into
//! local nets ("slots"), 2.3 checks the port bindings and merges slots of all sheets with one
//! union-find, 2.4 numbers references and 2.5 names the merged nets. Everything per sheet
//! instance is an array indexed by (sheet, slot) or (component, pin); maps of strings are only
//! built per definition. The Java twin is `io.circuitsynth.netlist.Finalizer`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use circuitsynth_symbol_cache::{ElectricalType, Symbol, SymbolIndex};

use crate::json_text::plain;
use crate::model::{
    self, Definition, Design, Outline, OutlineComponent, OutlineDefinition, Power, ReferenceKind,
};
use crate::names::{
    escape_net_name, is_power_name, pin_driven_name, pin_twins, NamingPin, TwinPin,
};
use crate::strnum::{decimal, decimal_len, str_num_cmp_total, write_decimal};
use crate::uuid;

/// Marks "none" in index fields.
pub const NONE: u32 = u32::MAX;

/// A finalized design: the flat netlist. It borrows the design's texts it does not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Netlist<'a> {
    /// The project name (`PROJECT.kicad_sch`, `PROJECT.net`).
    pub project: &'a str,
    /// Sheet instances in page order (index = page − 1); the root is first.
    pub sheets: Vec<Sheet<'a>>,
    /// Resolved symbols: one per library symbol used, and one per distinct (symbol id, reference
    /// prefix, pin table) of the components whose symbol is in no library.
    pub parts: Vec<Part>,
    /// Every component of every sheet instance, in page order then component order.
    pub components: Vec<Component<'a>>,
    /// Nets with at least one pin, sorted by name (`StrNumCmp`, the `.net` order).
    pub nets: Vec<Net<'a>>,
    /// Pins marked not connected on purpose, in sheet then definition order.
    pub no_connects: Vec<PinAt>,
    /// `(nickname, absolute file)` of every library a board component's symbol comes from that
    /// resolves to a file, by nickname in code-point order (the `.net` libraries section).
    pub libraries: Vec<(String, String)>,
    /// The net (index into `nets`) of every component pin, at `Component::pin_base + pin`.
    pin_nets: Vec<u32>,
}

/// One sheet instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet<'a> {
    /// 1 for the root, then pre-order.
    pub page: u32,
    /// `/` for the root, else the parent's path + name + `/`.
    pub path: String,
    /// The instance name; empty for the root.
    pub name: &'a str,
    /// The definition it instantiates.
    pub definition: &'a str,
    /// The parent sheet's index, `NONE` for the root.
    pub parent: u32,
    /// 0 for the root.
    pub depth: u32,
    pub uuid: String,
    /// `/` then the UUID of every sheet from the root's child down to this one, each followed
    /// by `/`; the root's is `/`.
    pub tstamps: String,
    /// Its components: `components[first_component .. first_component + component_count]`.
    pub first_component: u32,
    pub component_count: u32,
}

/// A resolved symbol as the netlist needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The library nickname (before the first `:` of the symbol id; empty without one).
    pub lib: String,
    /// The symbol name.
    pub name: String,
    /// Whether it came from a library (else from a component's pin table).
    pub from_library: bool,
    pub description: String,
    pub datasheet: String,
    /// `ki_keywords`, words joined by one space.
    pub keywords: String,
    pub footprint_filters: Vec<String>,
    /// The libpart fields: Reference, Value, Footprint, Datasheet, Description, then the other
    /// non-`ki_` properties in order. The five fixed names are borrowed: a part per component
    /// with its own pin table is common, and each owned name was an allocation.
    pub fields: Vec<(Cow<'static, str>, String)>,
    /// One per number (the first in symbol order wins), units all, body styles 1 and 0.
    pub pins: Vec<Pin>,
    /// `pins` indices in libpart order (`StrNumCmp` ignoring case, ties by code points).
    pub libpart_order: Vec<u32>,
    pub unit_count: u32,
    /// A power symbol: its hidden power pins do not join nets by name.
    pub power: bool,
    by_number: HashMap<String, u32, FxBuild>,
}

/// One pin of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    pub number: String,
    /// Empty for `~`.
    pub name: String,
    pub electrical_type: ElectricalType,
    /// 0 = every unit.
    pub unit: u32,
    pub hidden: bool,
    /// Another pin of the same unit (or unit 0) has this name, another number and type
    /// `no_connect` (for the pin-driven net name).
    pub twin_no_connect: bool,
    /// Likewise with a type other than `no_connect`.
    pub twin_connectable: bool,
}

impl Pin {
    /// The power net a hidden power pin of a non-power symbol joins, as KiCad connects it.
    fn implicit_power_net(&self, part: &Part) -> Option<&str> {
        (self.hidden
            && self.electrical_type == ElectricalType::PowerIn
            && !part.power
            && !self.name.is_empty())
        .then_some(self.name.as_str())
    }
}

/// A component placed in one sheet instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component<'a> {
    /// Index into `Netlist::sheets`.
    pub sheet: u32,
    /// The component as the design gives it (id, value, footprint, fields, flags).
    pub spec: &'a model::Component,
    /// The final reference.
    pub reference: String,
    /// Index into `Netlist::parts`.
    pub part: u32,
    /// The symbol UUID of every unit (index = unit − 1).
    pub uuids: Vec<String>,
    /// The UUIDs were all kept from a `.net`, so they are written in the order read.
    pub uuids_kept: bool,
    /// Where its pins' nets start in the netlist's pin table.
    pub pin_base: u32,
}

/// A pin of a placed component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PinAt {
    /// Index into `Netlist::components`.
    pub component: u32,
    /// Index into the component's part's `pins`.
    pub pin: u32,
}

/// A net after finalize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Net<'a> {
    pub name: String,
    pub class: &'a str,
    pub power: bool,
    /// Its pins, by reference then pin number (code-point order).
    pub nodes: Vec<PinAt>,
    /// The sheet instances it appears in, by page.
    pub sheets: Vec<NetSheet<'a>>,
    /// The net is one pin marked no-connect (`pintype` gets `+no_connect`).
    pub single_no_connect: bool,
}

/// How a net appears in one sheet instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetSheet<'a> {
    /// Index into `Netlist::sheets`.
    pub sheet: u32,
    /// The port of that sheet the net enters through, if it does.
    pub port: Option<&'a str>,
    /// The net's (unescaped) local name in that sheet, if it has one there.
    pub label: Option<&'a str>,
}

impl<'a> Netlist<'a> {
    /// The pin at `at`.
    pub fn pin(&self, at: PinAt) -> &Pin {
        let c = &self.components[at.component as usize];
        &self.parts[c.part as usize].pins[at.pin as usize]
    }

    /// The part of component `component`.
    pub fn part_of(&self, component: u32) -> &Part {
        &self.parts[self.components[component as usize].part as usize]
    }

    /// The net (index into `nets`) of pin `pin` of component `component`.
    pub fn net_of(&self, component: u32, pin: u32) -> u32 {
        self.pin_nets[(self.components[component as usize].pin_base + pin) as usize]
    }

    /// The components of sheet `sheet`.
    pub fn sheet_components(&self, sheet: u32) -> &[Component<'a>] {
        let s = &self.sheets[sheet as usize];
        &self.components
            [s.first_component as usize..(s.first_component + s.component_count) as usize]
    }
}

/// Finalizes `design` against `symbols`; the error is the specification's one-line message.
pub fn finalize<'a>(design: &'a Design, symbols: &SymbolIndex) -> Result<Netlist<'a>, String> {
    let outline = Outline::of(design);
    let by_name = definitions_by_name(&outline);
    let sheets = flatten(&outline, &by_name)?;
    let reachable = reachable_definitions(outline.definitions.len(), &sheets);
    let mut parts = PartTable::default();
    let mut defs: Vec<Option<DefData<'a>>> = (0..design.definitions.len()).map(|_| None).collect();
    for &d in &reachable {
        defs[d] = Some(resolve_definition(
            &design.definitions[d],
            symbols,
            &mut parts,
        )?);
    }
    let defs: Vec<DefData<'a>> = defs
        .into_iter()
        .map(|d| d.unwrap_or_else(DefData::empty))
        .collect();
    let layout = Layout::new(design, &sheets, &defs);
    let mut union = UnionFind::new(layout.slot_count);
    connect_ports(design, &sheets, &defs, &layout, &mut union)?;
    let roots = merge_power(&sheets, &defs, &layout, &mut union)?;
    let references = number_references(&outline, &sheets, &reachable, &layout.comp_base)?;
    Ok(assemble(
        design, symbols, sheets, defs, parts, layout, &roots, references,
    ))
}

/// The reference finalize gives every component (specification section 2.4), in the order of
/// [`Netlist::components`]: page order, then component order. Only the hierarchy and the
/// references are checked, so a design whose symbols or nets finalize refuses still gets its
/// references here; every error it gives is the one finalize gives.
pub fn references(design: &Design) -> Result<Vec<String>, String> {
    let references = outline_references(&Outline::of(design))?;
    Ok(references.into_iter().map(Reference::into_string).collect())
}

/// [`references`] of an outline, each as finalize makes it, without a copy of any reference the
/// design writes out: what the JNI bridge answers from a design it has not decoded whole.
pub fn outline_references<'a>(outline: &Outline<'a>) -> Result<Vec<Reference<'a>>, String> {
    let by_name = definitions_by_name(outline);
    let sheets = flatten(outline, &by_name)?;
    let reachable = reachable_definitions(outline.definitions.len(), &sheets);
    let mut comp_base = Vec::with_capacity(sheets.len());
    let mut count = 0u32;
    for s in &sheets {
        comp_base.push(count);
        count += outline.definitions[s.def].components.len() as u32;
    }
    number_references(outline, &sheets, &reachable, &comp_base)
}

/// Copies `from` to the start of `to` and answers its length. The prefixes of most references
/// are one or two letters, copied without a call to `memcpy` (a byte loop would become one).
fn copy_short(to: &mut [u8], from: &[u8]) -> usize {
    match *from {
        [a] => to[0] = a,
        [a, b] => {
            to[0] = a;
            to[1] = b;
        }
        _ => to[..from.len()].copy_from_slice(from),
    }
    from.len()
}

/// One reference finalize gives ([`outline_references`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference<'a> {
    /// As the design writes it: absolute, or fixed in the root.
    Written(&'a str),
    /// A root prefix and the number it takes.
    Numbered(&'a str, u64),
    /// Made for a component of a subcircuit instance.
    Made(String),
}

impl Reference<'_> {
    /// Writes the reference's UTF-8 at the start of `out`, which holds at least [`Reference::len`]
    /// bytes, and answers that length.
    pub fn write_to(&self, out: &mut [u8]) -> usize {
        match self {
            Reference::Written(text) => copy_short(out, text.as_bytes()),
            Reference::Numbered(prefix, n) => {
                let at = copy_short(out, prefix.as_bytes());
                let end = at + decimal_len(*n);
                write_decimal(&mut out[at..end], *n);
                end
            }
            Reference::Made(text) => copy_short(out, text.as_bytes()),
        }
    }

    /// The length of its UTF-8.
    pub fn len(&self) -> usize {
        match self {
            Reference::Written(text) => text.len(),
            Reference::Numbered(prefix, n) => prefix.len() + decimal_len(*n),
            Reference::Made(text) => text.len(),
        }
    }

    /// Whether the reference is empty; finalize never gives an empty one.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The reference as a string of its own.
    pub fn into_string(self) -> String {
        match self {
            Reference::Written(text) => text.to_owned(),
            Reference::Numbered(prefix, n) => {
                let mut out = String::with_capacity(prefix.len() + decimal_len(n));
                out.push_str(prefix);
                push_decimal(&mut out, n);
                out
            }
            Reference::Made(text) => text,
        }
    }

    /// The text, unless it is a root prefix's number (those are never looked up).
    fn text(&self) -> Option<&str> {
        match self {
            Reference::Written(text) => Some(text),
            Reference::Made(text) => Some(text),
            Reference::Numbered(..) => None,
        }
    }
}

fn at<O: AsRef<str>>(origin: &Option<O>, message: String) -> String {
    match origin {
        Some(o) => format!("{}: {message}", o.as_ref()),
        None => message,
    }
}

fn definitions_by_name<'a>(design: &Outline<'a>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity(design.definitions.len());
    for (i, d) in design.definitions.iter().enumerate() {
        map.entry(d.name).or_insert(i);
    }
    map
}

/// A sheet instance while finalizing.
struct SheetInfo<'a> {
    def: usize,
    parent: u32,
    /// The instance (in the parent's definition) that placed it; `NONE` for the root.
    instance: u32,
    depth: u32,
    name: &'a str,
    path: String,
}

// ---- 2.1 Flattening ----

fn flatten<'a>(
    design: &Outline<'a>,
    by_name: &HashMap<&str, usize>,
) -> Result<Vec<SheetInfo<'a>>, String> {
    let root = *by_name.get(design.root).ok_or_else(|| {
        format!(
            "the root definition {} is not one of the design's definitions",
            plain(design.root)
        )
    })?;
    let root_def = &design.definitions[root];
    if root_def.has_ports {
        return Err(at(
            &root_def.origin,
            format!(
                "the root definition {} cannot have ports",
                plain(root_def.name)
            ),
        ));
    }
    let mut checked = vec![false; design.definitions.len()];
    let mut on_path = vec![false; design.definitions.len()];
    let mut sheets = vec![SheetInfo {
        def: root,
        parent: NONE,
        instance: NONE,
        depth: 0,
        name: "",
        path: "/".to_string(),
    }];
    // (sheet, next instance to expand); the definitions on the stack form the current chain.
    let mut stack: Vec<(u32, usize)> = vec![(0, 0)];
    on_path[root] = true;
    while let Some(top) = stack.last_mut() {
        let sheet = top.0;
        let def = sheets[sheet as usize].def;
        let definition = &design.definitions[def];
        if top.1 == 0 && !checked[def] {
            check_instances(definition, by_name)?;
            checked[def] = true;
        }
        if top.1 == definition.instances.len() {
            on_path[def] = false;
            stack.pop();
            continue;
        }
        let k = top.1;
        top.1 += 1;
        let instance = &definition.instances[k];
        let child = by_name[instance.definition];
        if on_path[child] {
            let from = stack
                .iter()
                .position(|&(s, _)| sheets[s as usize].def == child)
                .expect("a definition on the path has a sheet on the stack");
            let mut through: Vec<String> = stack[from + 1..]
                .iter()
                .map(|&(s, _)| plain(design.definitions[sheets[s as usize].def].name))
                .collect();
            through.push(plain(design.definitions[child].name));
            return Err(at(
                &instance.origin,
                format!(
                    "definition {} instantiates itself through {}",
                    plain(design.definitions[child].name),
                    through.join(" -> ")
                ),
            ));
        }
        let parent = &sheets[sheet as usize];
        let path = format!("{}{}/", parent.path, instance.name);
        let depth = parent.depth + 1;
        sheets.push(SheetInfo {
            def: child,
            parent: sheet,
            instance: k as u32,
            depth,
            name: instance.name,
            path,
        });
        on_path[child] = true;
        stack.push((sheets.len() as u32 - 1, 0));
    }
    Ok(sheets)
}

fn check_instances(
    definition: &OutlineDefinition<'_>,
    by_name: &HashMap<&str, usize>,
) -> Result<(), String> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(definition.instances.len());
    for instance in &definition.instances {
        if !by_name.contains_key(instance.definition) {
            return Err(at(
                &instance.origin,
                format!(
                    "instance {} in definition {}: no definition called {}",
                    plain(instance.name),
                    plain(definition.name),
                    plain(instance.definition)
                ),
            ));
        }
        if !seen.insert(instance.name) {
            return Err(at(
                &instance.origin,
                format!(
                    "instance {} appears twice in definition {}; sheet names must be unique among siblings",
                    plain(instance.name),
                    plain(definition.name)
                ),
            ));
        }
        if instance.name.contains('/') {
            return Err(at(
                &instance.origin,
                format!(
                    "instance name '{}' in definition {} contains '/'",
                    plain(instance.name),
                    plain(definition.name)
                ),
            ));
        }
        if instance.name.is_empty() {
            return Err(at(
                &instance.origin,
                format!(
                    "an instance of {} in definition {} has an empty name",
                    plain(instance.definition),
                    plain(definition.name)
                ),
            ));
        }
    }
    Ok(())
}

/// Definitions that have a sheet instance, in definition order.
fn reachable_definitions(definitions: usize, sheets: &[SheetInfo<'_>]) -> Vec<usize> {
    let mut used = vec![false; definitions];
    for s in sheets {
        used[s.def] = true;
    }
    (0..definitions).filter(|&d| used[d]).collect()
}

// ---- 2.2 Pins and nodes ----

/// What a local net of a definition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlotKind {
    /// A port (and any net of its name).
    Port,
    /// Nets with a name (all nets of one name are one slot).
    Named,
    /// One unnamed net.
    Unnamed,
    /// A global power net that only hidden power pins join.
    Power,
    /// A pin in no net.
    Lone,
}

/// A local net of a definition.
#[derive(Debug, Clone)]
struct Slot<'a> {
    kind: SlotKind,
    /// The port, net or power name; empty for unnamed and lone slots. Owned only for the power
    /// nets hidden pins name, whose names come from a symbol.
    name: Cow<'a, str>,
    power: bool,
    absolute: bool,
    class: &'a str,
    /// The first net of the definition in this slot, `NONE` if none.
    net: u32,
}

/// A definition's resolved components and local nets, shared by all its sheet instances.
struct DefData<'a> {
    comp_part: Vec<u32>,
    comp_pin_base: Vec<u32>,
    pin_count: u32,
    slots: Vec<Slot<'a>>,
    pin_slot: Vec<u32>,
    /// Net names and port names → slot.
    slot_by_name: HashMap<&'a str, u32, FxBuild>,
    /// Net ids → slot.
    slot_by_id: HashMap<&'a str, u32, FxBuild>,
    /// Pins marked no-connect as (component, pin), in mark order, each once.
    no_connect_pins: Vec<(u32, u32)>,
    no_connect_marked: Vec<bool>,
}

impl DefData<'_> {
    fn empty() -> Self {
        DefData {
            comp_part: Vec::new(),
            comp_pin_base: Vec::new(),
            pin_count: 0,
            slots: Vec::new(),
            pin_slot: Vec::new(),
            slot_by_name: HashMap::default(),
            slot_by_id: HashMap::default(),
            no_connect_pins: Vec::new(),
            no_connect_marked: Vec::new(),
        }
    }
}

/// The net's name in messages: its name, else its id, else `#k`.
fn net_label(definition: &Definition, k: usize) -> String {
    let net = &definition.nets[k];
    match (&net.name, &net.id) {
        (Some(name), _) => plain(name),
        (None, Some(id)) => plain(id),
        (None, None) => format!("#{k}"),
    }
}

/// Parts by symbol id, so every component of a library symbol shares one; `NONE` marks a
/// symbol found in no library. Components that give a symbol found in no library the same pin
/// table and reference prefix share one part too (every component of a `.net` read without its
/// libraries gives its libpart's table), so a design has one box symbol per distinct table.
#[derive(Default)]
struct PartTable<'a> {
    parts: Vec<Part>,
    by_symbol: HashMap<String, u32, FxBuild>,
    by_table: HashMap<TableKey<'a>, u32, FxBuild>,
}

/// What a part made from a pin table depends on: the symbol id, the reference prefix and the
/// table.
type TableKey<'a> = (&'a str, &'a str, &'a [model::PinSpec]);

fn split_symbol(symbol: &str) -> (&str, &str) {
    symbol.split_once(':').unwrap_or(("", symbol))
}

fn resolve_definition<'a>(
    definition: &'a Definition,
    symbols: &SymbolIndex,
    parts: &mut PartTable<'a>,
) -> Result<DefData<'a>, String> {
    let mut data = DefData::empty();
    let mut comp_by_id: HashMap<&str, u32, FxBuild> =
        HashMap::with_capacity_and_hasher(definition.components.len(), FxBuild::default());
    for (i, c) in definition.components.iter().enumerate() {
        comp_by_id.entry(c.id.as_str()).or_insert(i as u32);
        let part = resolve_part(definition, c, symbols, parts)?;
        data.comp_part.push(part);
        data.comp_pin_base.push(data.pin_count);
        data.pin_count += parts.parts[part as usize].pins.len() as u32;
    }
    data.pin_slot = vec![NONE; data.pin_count as usize];
    data.no_connect_marked = vec![false; data.pin_count as usize];

    for port in &definition.ports {
        let slot = data.slots.len() as u32;
        data.slots.push(Slot {
            kind: SlotKind::Port,
            name: Cow::Borrowed(port),
            power: false,
            absolute: false,
            class: "Default",
            net: NONE,
        });
        data.slot_by_name.entry(port).or_insert(slot);
    }
    let mut net_slot = Vec::with_capacity(definition.nets.len());
    for (k, net) in definition.nets.iter().enumerate() {
        let slot = match &net.name {
            Some(name) => match data.slot_by_name.get(name.as_str()) {
                Some(&s) => {
                    let existing = &mut data.slots[s as usize];
                    // A port is a power net only when a net of its name says so outright:
                    // port names are hierarchical labels, whatever they look like.
                    if existing.kind == SlotKind::Port && net.power == Power::Yes {
                        existing.power = true;
                    }
                    if existing.net == NONE {
                        existing.net = k as u32;
                        existing.class = &net.class;
                    }
                    s
                }
                None => {
                    let s = data.slots.len() as u32;
                    let power = match net.power {
                        Power::Yes => true,
                        Power::No => false,
                        Power::Auto => is_power_name(name),
                    };
                    data.slots.push(Slot {
                        kind: SlotKind::Named,
                        name: Cow::Borrowed(name),
                        power,
                        absolute: net.absolute,
                        class: &net.class,
                        net: k as u32,
                    });
                    data.slot_by_name.insert(name, s);
                    s
                }
            },
            None => {
                let s = data.slots.len() as u32;
                data.slots.push(Slot {
                    kind: SlotKind::Unnamed,
                    name: Cow::Borrowed(""),
                    power: false,
                    absolute: false,
                    class: &net.class,
                    net: k as u32,
                });
                s
            }
        };
        if let Some(id) = &net.id {
            data.slot_by_id.entry(id).or_insert(slot);
        }
        net_slot.push(slot);
    }

    // Nodes: each selected pin joins its net's slot.
    let mut first_net = vec![NONE; data.pin_count as usize];
    let mut slot_pins = vec![0u32; data.slots.len()];
    let mut selected: Vec<Vec<u32>> = Vec::with_capacity(definition.nets.len());
    let mut scratch = Vec::new();
    for (k, net) in definition.nets.iter().enumerate() {
        let slot = net_slot[k];
        let mut net_pins = Vec::with_capacity(net.nodes.len());
        for node in &net.nodes {
            let origin = if node.origin.is_some() {
                &node.origin
            } else {
                &net.origin
            };
            let Some(&c) = comp_by_id.get(node.component.as_str()) else {
                return Err(at(
                    origin,
                    format!(
                        "net {} in definition {}: no component \"{}\"",
                        net_label(definition, k),
                        plain(&definition.name),
                        plain(&node.component)
                    ),
                ));
            };
            let part = &parts.parts[data.comp_part[c as usize] as usize];
            select_pins(part, &node.pin, node.unit, &mut scratch);
            if scratch.is_empty() {
                return Err(at(
                    origin,
                    no_pin_message(definition, c as usize, part, &node.pin, node.unit),
                ));
            }
            for &p in &scratch {
                let pin = &part.pins[p as usize];
                let flat = data.comp_pin_base[c as usize] + p;
                let component = &definition.components[c as usize];
                if let Some(power_net) = pin.implicit_power_net(part) {
                    let s = &data.slots[slot as usize];
                    if !(s.power && s.name == power_net) {
                        return Err(at(
                            origin,
                            format!(
                                "pin {}.{} ({}) is a hidden power pin that KiCad connects to {}; it cannot join net {}",
                                plain(&component.id),
                                plain(&pin.number),
                                plain(&pin.name),
                                plain(power_net),
                                net_label(definition, k)
                            ),
                        ));
                    }
                }
                let current = data.pin_slot[flat as usize];
                if current == NONE {
                    data.pin_slot[flat as usize] = slot;
                    first_net[flat as usize] = k as u32;
                    slot_pins[slot as usize] += 1;
                } else if current != slot {
                    return Err(at(
                        origin,
                        format!(
                            "pin {}.{} is in two nets: {} and {}",
                            plain(&component.id),
                            plain(&pin.number),
                            net_label(definition, first_net[flat as usize] as usize),
                            net_label(definition, k)
                        ),
                    ));
                }
                net_pins.push(flat);
            }
        }
        selected.push(net_pins);
    }
    let (pin_comp, pin_index) = pin_owners(&data);
    for (k, net_pins) in selected.iter().enumerate() {
        for &flat in net_pins {
            let (c, p) = (pin_comp[flat as usize], pin_index[flat as usize]);
            let part = &parts.parts[data.comp_part[c as usize] as usize];
            let pin = &part.pins[p as usize];
            if pin.electrical_type == ElectricalType::NoConnect
                && slot_pins[data.pin_slot[flat as usize] as usize] > 1
            {
                let net = &definition.nets[k];
                return Err(at(
                    &net.origin,
                    format!(
                        "pin {}.{} has electrical type no_connect and cannot join net {}",
                        plain(&definition.components[c as usize].id),
                        plain(&pin.number),
                        net_label(definition, k)
                    ),
                ));
            }
        }
    }
    for mark in &definition.no_connects {
        let Some(&c) = comp_by_id.get(mark.component.as_str()) else {
            return Err(at(
                &mark.origin,
                format!(
                    "no-connect in definition {}: no component \"{}\"",
                    plain(&definition.name),
                    plain(&mark.component)
                ),
            ));
        };
        let part = &parts.parts[data.comp_part[c as usize] as usize];
        select_pins(part, &mark.pin, mark.unit, &mut scratch);
        if scratch.is_empty() {
            return Err(at(
                &mark.origin,
                no_pin_message(definition, c as usize, part, &mark.pin, mark.unit),
            ));
        }
        for &p in &scratch {
            let flat = data.comp_pin_base[c as usize] + p;
            let slot = data.pin_slot[flat as usize];
            if slot != NONE && slot_pins[slot as usize] > 1 {
                return Err(at(
                    &mark.origin,
                    format!(
                        "pin {}.{} is marked no-connect but is connected to net {}",
                        plain(&definition.components[c as usize].id),
                        plain(&part.pins[p as usize].number),
                        net_label(definition, first_net[flat as usize] as usize)
                    ),
                ));
            }
            if !data.no_connect_marked[flat as usize] {
                data.no_connect_marked[flat as usize] = true;
                data.no_connect_pins.push((c, p));
            }
        }
    }

    // Pins in no net: hidden power pins join their power net, the others are nets of their own.
    let mut power_slot: HashMap<String, u32, FxBuild> = HashMap::default();
    for (c, &part_index) in data.comp_part.iter().enumerate() {
        let part = &parts.parts[part_index as usize];
        for (p, pin) in part.pins.iter().enumerate() {
            let flat = (data.comp_pin_base[c] + p as u32) as usize;
            if data.pin_slot[flat] != NONE {
                continue;
            }
            let slot = match pin.implicit_power_net(part) {
                Some(name) => {
                    let existing = data
                        .slot_by_name
                        .get(name)
                        .copied()
                        .filter(|&s| data.slots[s as usize].power)
                        .or_else(|| power_slot.get(name).copied());
                    match existing {
                        Some(s) => s,
                        None => {
                            let s = data.slots.len() as u32;
                            data.slots.push(Slot {
                                kind: SlotKind::Power,
                                name: Cow::Owned(name.to_string()),
                                power: true,
                                absolute: false,
                                class: "Default",
                                net: NONE,
                            });
                            power_slot.insert(name.to_string(), s);
                            s
                        }
                    }
                }
                None => {
                    let s = data.slots.len() as u32;
                    data.slots.push(Slot {
                        kind: SlotKind::Lone,
                        name: Cow::Borrowed(""),
                        power: false,
                        absolute: false,
                        class: "Default",
                        net: NONE,
                    });
                    s
                }
            };
            data.pin_slot[flat] = slot;
        }
    }
    Ok(data)
}

/// For every pin of a definition, its component and its index in the component's part.
fn pin_owners(data: &DefData<'_>) -> (Vec<u32>, Vec<u32>) {
    let mut comp = vec![0u32; data.pin_count as usize];
    let mut index = vec![0u32; data.pin_count as usize];
    for c in 0..data.comp_pin_base.len() {
        let start = data.comp_pin_base[c];
        let end = data
            .comp_pin_base
            .get(c + 1)
            .copied()
            .unwrap_or(data.pin_count);
        for flat in start..end {
            comp[flat as usize] = c as u32;
            index[flat as usize] = flat - start;
        }
    }
    (comp, index)
}

/// The pins `selector` picks: the pin with that number, else every pin of that name (within
/// `unit` when it is not 0).
fn select_pins(part: &Part, selector: &str, unit: u32, out: &mut Vec<u32>) {
    out.clear();
    if let Some(&p) = part.by_number.get(selector) {
        out.push(p);
        return;
    }
    if selector.is_empty() {
        return;
    }
    for (p, pin) in part.pins.iter().enumerate() {
        if pin.name == selector && (unit == 0 || pin.unit == unit) {
            out.push(p as u32);
        }
    }
}

fn no_pin_message(
    definition: &Definition,
    c: usize,
    part: &Part,
    selector: &str,
    unit: u32,
) -> String {
    let component = &definition.components[c];
    let mut message = format!(
        "component {} of {} ({}) has no pin \"{}\"",
        plain(&component.id),
        plain(&definition.name),
        plain(&component.symbol),
        plain(selector)
    );
    if unit != 0 {
        message.push_str(&format!(" in unit {unit}"));
    }
    message.push_str("; ");
    if part.pins.is_empty() {
        message.push_str("it has no pins");
        return message;
    }
    message.push_str("its pins are ");
    const SHOWN: usize = 50;
    for (i, &p) in part.libpart_order.iter().take(SHOWN).enumerate() {
        let pin = &part.pins[p as usize];
        if i > 0 {
            message.push_str(", ");
        }
        message.push_str(&plain(&pin.number));
        if !pin.name.is_empty() && pin.name != pin.number {
            message.push('/');
            message.push_str(&plain(&pin.name));
        }
    }
    if part.pins.len() > SHOWN {
        message.push_str(&format!(", … and {} more", part.pins.len() - SHOWN));
    }
    message
}

fn resolve_part<'a>(
    definition: &Definition,
    component: &'a model::Component,
    symbols: &SymbolIndex,
    parts: &mut PartTable<'a>,
) -> Result<u32, String> {
    let known = parts.by_symbol.get(component.symbol.as_str()).copied();
    if let Some(p) = known.filter(|&p| p != NONE) {
        return Ok(p);
    }
    let (lib, name) = split_symbol(&component.symbol);
    let found = if known.is_none() && component.symbol.contains(':') {
        symbols.lookup(lib, name)
    } else {
        None
    };
    if found.is_none() && known.is_none() {
        // Remembered as in no library, so a symbol that many components give pin tables for
        // is looked up once.
        parts.by_symbol.insert(component.symbol.clone(), NONE);
    }
    let (part, key) = match (found, &component.pins) {
        (Some(symbol), _) => {
            let part = part_from_symbol(lib, name, &symbol.decode());
            let index = parts.parts.len() as u32;
            parts.parts.push(part);
            parts.by_symbol.insert(component.symbol.clone(), index);
            return Ok(index);
        }
        (None, Some(table)) => {
            let key = (
                component.symbol.as_str(),
                table_prefix(component),
                table.as_slice(),
            );
            if let Some(&p) = parts.by_table.get(&key) {
                return Ok(p);
            }
            (
                part_from_table(definition, component, lib, name, table)?,
                key,
            )
        }
        (None, None) => {
            let suggestions = symbols.suggestions(lib, name);
            let mut message = format!("unknown symbol {}", plain(&component.symbol));
            if !suggestions.is_empty() {
                message.push_str("; did you mean ");
                let shown: Vec<String> = suggestions.iter().map(|s| plain(s)).collect();
                message.push_str(&shown.join(", "));
            }
            return Err(at(&component.origin, message));
        }
    };
    let index = parts.parts.len() as u32;
    parts.parts.push(part);
    parts.by_table.insert(key, index);
    Ok(index)
}

/// The reference prefix a part made from `component`'s pin table carries.
fn table_prefix(component: &model::Component) -> &str {
    match component.reference_kind {
        ReferenceKind::Prefix => component.reference.as_str(),
        _ => split_reference(&component.reference).0,
    }
}

fn part_from_symbol(lib: &str, name: &str, symbol: &Symbol<'_>) -> Part {
    let mut pins = Vec::with_capacity(symbol.pins.len());
    let mut by_number = HashMap::with_capacity_and_hasher(symbol.pins.len(), FxBuild::default());
    for pin in &symbol.pins {
        if pin.body_style > 1 || by_number.contains_key(pin.number.as_ref()) {
            continue;
        }
        by_number.insert(pin.number.to_string(), pins.len() as u32);
        pins.push(Pin {
            number: pin.number.to_string(),
            name: if pin.name == "~" {
                String::new()
            } else {
                pin.name.to_string()
            },
            electrical_type: pin.electrical_type,
            unit: pin.unit,
            hidden: pin.hidden,
            twin_no_connect: false,
            twin_connectable: false,
        });
    }
    let mut fields: Vec<(Cow<'static, str>, String)> = vec![
        ("Reference".into(), symbol.reference_prefix().into()),
        ("Value".into(), symbol.value().into()),
        ("Footprint".into(), symbol.footprint().into()),
        ("Datasheet".into(), symbol.datasheet().into()),
        ("Description".into(), symbol.description().into()),
    ];
    for p in &symbol.properties {
        let key: &str = &p.key;
        if !matches!(
            key,
            "Reference" | "Value" | "Footprint" | "Datasheet" | "Description"
        ) && !key.starts_with("ki_")
        {
            fields.push((Cow::Owned(key.to_string()), p.value.to_string()));
        }
    }
    finish_part(Part {
        lib: lib.to_string(),
        name: name.to_string(),
        from_library: true,
        description: symbol.description().to_string(),
        datasheet: symbol.datasheet().to_string(),
        keywords: symbol.keywords().collect::<Vec<_>>().join(" "),
        footprint_filters: symbol.footprint_filters().map(str::to_string).collect(),
        fields,
        pins,
        libpart_order: Vec::new(),
        unit_count: symbol.unit_count.max(1),
        power: symbol.flags.power,
        by_number,
    })
}

fn part_from_table(
    definition: &Definition,
    component: &model::Component,
    lib: &str,
    name: &str,
    table: &[model::PinSpec],
) -> Result<Part, String> {
    let mut pins = Vec::with_capacity(table.len());
    let mut by_number = HashMap::with_capacity_and_hasher(table.len(), FxBuild::default());
    let mut units = 1;
    for spec in table {
        let Some(electrical_type) = ElectricalType::from_keyword(spec.electrical_type.as_bytes())
        else {
            let all: Vec<&str> = ElectricalType::ALL.iter().map(|t| t.keyword()).collect();
            return Err(at(
                &component.origin,
                format!(
                    "component {} of {}: pin {} has unknown electrical type '{}'; expected one of {}",
                    plain(&component.id),
                    plain(&definition.name),
                    plain(&spec.number),
                    plain(&spec.electrical_type),
                    all.join(", ")
                ),
            ));
        };
        if by_number.contains_key(spec.number.as_str()) {
            continue;
        }
        units = units.max(spec.unit);
        by_number.insert(spec.number.clone(), pins.len() as u32);
        pins.push(Pin {
            number: spec.number.clone(),
            name: if spec.name == "~" {
                String::new()
            } else {
                spec.name.clone()
            },
            electrical_type,
            unit: spec.unit,
            hidden: spec.hidden,
            twin_no_connect: false,
            twin_connectable: false,
        });
    }
    let fields = vec![
        ("Reference".into(), table_prefix(component).to_string()),
        ("Value".into(), name.to_string()),
        ("Footprint".into(), String::new()),
        ("Datasheet".into(), String::new()),
        ("Description".into(), String::new()),
    ];
    Ok(finish_part(Part {
        lib: lib.to_string(),
        name: name.to_string(),
        from_library: false,
        description: String::new(),
        datasheet: String::new(),
        keywords: String::new(),
        footprint_filters: Vec::new(),
        fields,
        pins,
        libpart_order: Vec::new(),
        unit_count: units,
        power: false,
        by_number,
    }))
}

/// Fills the libpart order and the twin flags the pin-driven net names need.
fn finish_part(mut part: Part) -> Part {
    let mut order: Vec<u32> = (0..part.pins.len() as u32).collect();
    order.sort_by(|&a, &b| {
        str_num_cmp_total(
            &part.pins[a as usize].number,
            &part.pins[b as usize].number,
            true,
        )
    });
    part.libpart_order = order;
    let twins = pin_twins(
        &part
            .pins
            .iter()
            .map(|p| TwinPin {
                name: &p.name,
                number: &p.number,
                unit: p.unit,
                no_connect_type: p.electrical_type == ElectricalType::NoConnect,
            })
            .collect::<Vec<_>>(),
    );
    for (pin, [no_connect, connectable]) in part.pins.iter_mut().zip(twins) {
        pin.twin_no_connect = no_connect;
        pin.twin_connectable = connectable;
    }
    part
}

/// A reference split into PREFIX and NUMBER (the longest trailing run of ASCII digits).
fn split_reference(reference: &str) -> (&str, &str) {
    let digits = reference
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    reference.split_at(reference.len() - digits)
}

// ---- Flat layout: sheets × slots, sheets × components ----

struct Layout {
    /// Flat slot of sheet `s`'s slot `k`: `slot_base[s] + k`.
    slot_base: Vec<u32>,
    /// The sheet of every flat slot.
    slot_sheet: Vec<u32>,
    /// Flat component of sheet `s`'s component `c`: `comp_base[s] + c`.
    comp_base: Vec<u32>,
    slot_count: usize,
    comp_count: usize,
}

impl Layout {
    fn new(design: &Design, sheets: &[SheetInfo<'_>], defs: &[DefData<'_>]) -> Layout {
        let mut slot_base = Vec::with_capacity(sheets.len());
        let mut comp_base = Vec::with_capacity(sheets.len());
        let (mut slots, mut comps) = (0u32, 0u32);
        for s in sheets {
            slot_base.push(slots);
            comp_base.push(comps);
            slots += defs[s.def].slots.len() as u32;
            comps += design.definitions[s.def].components.len() as u32;
        }
        let mut slot_sheet = Vec::with_capacity(slots as usize);
        for (i, s) in sheets.iter().enumerate() {
            slot_sheet.resize(slot_sheet.len() + defs[s.def].slots.len(), i as u32);
        }
        Layout {
            slot_base,
            slot_sheet,
            comp_base,
            slot_count: slots as usize,
            comp_count: comps as usize,
        }
    }
}

struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller index becomes the root, so roots do not
    /// depend on the order of unions.
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[high as usize] = low;
        }
    }
}

// ---- 2.3 Ports ----

fn connect_ports(
    design: &Design,
    sheets: &[SheetInfo<'_>],
    defs: &[DefData<'_>],
    layout: &Layout,
    union: &mut UnionFind,
) -> Result<(), String> {
    let mut bound_slots: Vec<u32> = Vec::new();
    let mut port_bound: Vec<bool> = Vec::new();
    for (s, sheet) in sheets.iter().enumerate().skip(1) {
        let parent = &sheets[sheet.parent as usize];
        let placing = &design.definitions[parent.def];
        let instance = &placing.instances[sheet.instance as usize];
        let child = &design.definitions[sheet.def];
        let child_data = &defs[sheet.def];
        let parent_data = &defs[parent.def];
        port_bound.clear();
        port_bound.resize(child.ports.len(), false);
        for (port, _) in &instance.bindings {
            let slot = child_data
                .slot_by_name
                .get(port.as_str())
                .copied()
                .filter(|&k| child_data.slots[k as usize].kind == SlotKind::Port);
            let Some(slot) = slot else {
                let ports = if child.ports.is_empty() {
                    "it has no ports".to_string()
                } else {
                    let shown: Vec<String> = child.ports.iter().map(|p| plain(p)).collect();
                    format!("its ports are {}", shown.join(", "))
                };
                return Err(at(
                    &instance.origin,
                    format!(
                        "instance {} (definition {}) has no port {}; {}",
                        plain(&sheet.path),
                        plain(&child.name),
                        plain(port),
                        ports
                    ),
                ));
            };
            if std::mem::replace(&mut port_bound[slot as usize], true) {
                return Err(at(
                    &instance.origin,
                    format!(
                        "port {} of instance {} (definition {}) is bound twice",
                        plain(port),
                        plain(&sheet.path),
                        plain(&child.name)
                    ),
                ));
            }
        }
        if let Some(k) = port_bound.iter().position(|b| !b) {
            return Err(at(
                &instance.origin,
                format!(
                    "port {} of instance {} (definition {}) is not connected; bind it to a net or remove the port",
                    plain(&child.ports[k]),
                    plain(&sheet.path),
                    plain(&child.name)
                ),
            ));
        }
        bound_slots.clear();
        for (port, net) in &instance.bindings {
            let target = parent_data
                .slot_by_name
                .get(net.as_str())
                .or_else(|| parent_data.slot_by_id.get(net.as_str()))
                .copied();
            let Some(target) = target else {
                return Err(at(
                    &instance.origin,
                    format!(
                        "port {} of instance {} must be bound to a net of {}, the definition that places it",
                        plain(port),
                        plain(&sheet.path),
                        plain(&placing.name)
                    ),
                ));
            };
            if let Some(earlier) = bound_slots.iter().position(|&t| t == target) {
                return Err(at(
                    &instance.origin,
                    format!(
                        "net {} is connected to itself through ports {} and {} of instance {} (definition {}); make them one port if they are one net",
                        slot_label(placing, parent_data, target),
                        plain(&instance.bindings[earlier].0),
                        plain(port),
                        plain(&sheet.path),
                        plain(&child.name)
                    ),
                ));
            }
            bound_slots.push(target);
            let port_slot = child_data.slot_by_name[port.as_str()];
            union.union(
                layout.slot_base[s] + port_slot,
                layout.slot_base[sheet.parent as usize] + target,
            );
        }
    }
    Ok(())
}

/// A slot's name in messages: its port or net name, else its first net's id or `#k`.
fn slot_label(definition: &Definition, data: &DefData<'_>, slot: u32) -> String {
    let s = &data.slots[slot as usize];
    if !s.name.is_empty() {
        plain(&s.name)
    } else {
        net_label(definition, s.net as usize)
    }
}

/// Joins every power slot with the others of its name and returns each flat slot's root;
/// two power names in one merged net are an error.
fn merge_power(
    sheets: &[SheetInfo<'_>],
    defs: &[DefData<'_>],
    layout: &Layout,
    union: &mut UnionFind,
) -> Result<Vec<u32>, String> {
    let mut first: HashMap<&str, u32> = HashMap::new();
    for (s, sheet) in sheets.iter().enumerate() {
        for (k, slot) in defs[sheet.def].slots.iter().enumerate() {
            if slot.power {
                let flat = layout.slot_base[s] + k as u32;
                let f = *first.entry(slot.name.as_ref()).or_insert(flat);
                union.union(f, flat);
            }
        }
    }
    let roots: Vec<u32> = (0..layout.slot_count as u32)
        .map(|i| union.find(i))
        .collect();
    let mut root_power: Vec<u32> = vec![NONE; layout.slot_count];
    for (s, sheet) in sheets.iter().enumerate() {
        for (k, slot) in defs[sheet.def].slots.iter().enumerate() {
            if !slot.power {
                continue;
            }
            let flat = layout.slot_base[s] + k as u32;
            let r = roots[flat as usize] as usize;
            if root_power[r] == NONE {
                root_power[r] = flat;
                continue;
            }
            let earlier = flat_slot(sheets, defs, layout, root_power[r]);
            if earlier.name != slot.name {
                return Err(format!(
                    "power nets {} and {} are connected to each other",
                    plain(&earlier.name),
                    plain(&slot.name)
                ));
            }
        }
    }
    Ok(roots)
}

fn flat_slot<'s, 'a>(
    sheets: &[SheetInfo<'_>],
    defs: &'s [DefData<'a>],
    layout: &Layout,
    flat: u32,
) -> &'s Slot<'a> {
    let s = layout.slot_sheet[flat as usize] as usize;
    &defs[sheets[s].def].slots[(flat - layout.slot_base[s]) as usize]
}

// ---- 2.4 References ----

/// A subcircuit component's local number.
#[derive(Clone, Copy)]
enum Local<'a> {
    /// Not numbered per instance (absolute, or in the root).
    None,
    /// A fixed reference's number, without leading zeros (`0` for zero).
    Digits(&'a str),
    /// A number given to a prefix.
    Number(u64),
}

fn is_reference_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

fn valid_prefix(prefix: &str, numbered: bool) -> bool {
    let forbidden = |c: char| is_reference_space(c) || c == '"' || c == '?';
    let ends_in_digit = prefix.as_bytes().last().is_some_and(u8::is_ascii_digit);
    let invalid = prefix.is_empty() || prefix.chars().any(forbidden) || (numbered && ends_in_digit);
    !invalid
}

fn place(sheet: &SheetInfo<'_>, component: &OutlineComponent<'_>) -> String {
    let (path, id) = (plain(&sheet.path), plain(component.id));
    match &component.origin {
        Some(o) => format!("{path} {id} (at {o})"),
        None => format!("{path} {id}"),
    }
}

/// References in flat component order; `comp_base[s]` is sheet `s`'s first flat component.
fn number_references<'a>(
    design: &Outline<'a>,
    sheets: &[SheetInfo<'_>],
    reachable: &[usize],
    comp_base: &[u32],
) -> Result<Vec<Reference<'a>>, String> {
    let comp_count = sheets
        .iter()
        .map(|s| design.definitions[s.def].components.len())
        .sum();
    let root = sheets[0].def;
    let mut root_prefixes = 0;
    for &d in reachable {
        let definition = &design.definitions[d];
        for c in &definition.components {
            if d == root && c.reference_kind == ReferenceKind::Prefix {
                root_prefixes += 1;
            }
            if c.reference.starts_with('#') {
                return Err(at(
                    &c.origin,
                    format!(
                        "reference '{}' of component {} starts with #, which KiCad reserves for power symbols",
                        plain(c.reference),
                        plain(c.id)
                    ),
                ));
            }
            let (prefix, number) = match c.reference_kind {
                ReferenceKind::Prefix => (c.reference, ""),
                _ => split_reference(c.reference),
            };
            if !valid_prefix(prefix, c.reference_kind == ReferenceKind::Prefix) {
                return Err(at(
                    &c.origin,
                    format!(
                        "invalid reference prefix '{}' for component {}",
                        plain(prefix),
                        plain(c.id)
                    ),
                ));
            }
            if d != root && c.reference_kind == ReferenceKind::Fixed && number.is_empty() {
                return Err(at(
                    &c.origin,
                    format!(
                        "fixed reference '{}' of component {} in subcircuit {} has no number; write it as PREFIX + NUMBER, or make it absolute",
                        plain(c.reference),
                        plain(c.id),
                        plain(definition.name)
                    ),
                ));
            }
        }
    }

    // 1. Local numbers, and 2. the multiplier's width (M = 10^width).
    let mut locals: Vec<Vec<Local<'_>>> = vec![Vec::new(); design.definitions.len()];
    let mut width = 2;
    for &d in reachable {
        if d == root {
            continue;
        }
        let definition = &design.definitions[d];
        let mut local = vec![Local::None; definition.components.len()];
        let mut used: HashMap<Caseless<'_>, (HashSet<u64, FxBuild>, u64), FxBuild> =
            HashMap::default();
        for (i, c) in definition.components.iter().enumerate() {
            if c.reference_kind != ReferenceKind::Fixed {
                continue;
            }
            let (prefix, number) = split_reference(c.reference);
            let trimmed = number.trim_start_matches('0');
            let digits = if trimmed.is_empty() { "0" } else { trimmed };
            width = width.max(digits.len());
            let entry = used
                .entry(Caseless(prefix))
                .or_insert_with(|| (HashSet::default(), 1));
            // Numbers given to prefixes are small; longer fixed numbers can never collide.
            if digits.len() <= 18 {
                entry.0.insert(digits.parse::<u64>().expect("ASCII digits"));
            }
            local[i] = Local::Digits(digits);
        }
        for (i, c) in definition.components.iter().enumerate() {
            if c.reference_kind != ReferenceKind::Prefix {
                continue;
            }
            let entry = used
                .entry(Caseless(c.reference))
                .or_insert_with(|| (HashSet::default(), 1));
            let mut n = entry.1;
            while entry.0.contains(&n) {
                n += 1;
            }
            entry.0.insert(n);
            entry.1 = n + 1;
            width = width.max(decimal_len(n));
            local[i] = Local::Number(n);
        }
        locals[d] = local;
    }

    // 3. Instance references and 4. uniqueness, in page then component order. Every number a
    // taken reference ends in is kept under its prefix for step 5: PREFIX + n (a prefix never
    // ends in a digit) equals a taken reference, ignoring case, only when that one splits into
    // the same prefix and n's own digits, so those numbers are all step 5 has to check.
    let mut references = vec![Reference::Written(""); comp_count];
    let mut taken = Taken::new(comp_count, comp_count - root_prefixes);
    let mut prefixes = PrefixNumbers::default();
    for (s, sheet) in sheets.iter().enumerate() {
        let definition = &design.definitions[sheet.def];
        let page = s + 1;
        for (c, component) in definition.components.iter().enumerate() {
            let (reference, prefix) =
                match (s == 0, component.reference_kind, locals[sheet.def].get(c)) {
                    (true, ReferenceKind::Prefix, _) => continue,
                    (true, _, _) | (_, ReferenceKind::Absolute, _) => (
                        Reference::Written(component.reference),
                        split_reference(component.reference).0,
                    ),
                    (false, kind, Some(&local)) => {
                        let prefix = match kind {
                            ReferenceKind::Prefix => component.reference,
                            _ => split_reference(component.reference).0,
                        };
                        let made = instance_reference(prefix, page, local, width);
                        (Reference::Made(made), prefix)
                    }
                    (false, _, None) => {
                        unreachable!("every subcircuit component has a local number")
                    }
                };
            let fc = comp_base[s] + c as u32;
            let text = reference.text().expect("written or made");
            let hash = caseless_hash(text);
            if let Some(earlier) = taken.find(&references, text, hash) {
                // The sheet of flat component `earlier`: the last whose first component is not
                // after it (an empty sheet shares its first with the next one).
                let es = comp_base.partition_point(|&first| first <= earlier) - 1;
                let ec = (earlier - comp_base[es]) as usize;
                let first = &design.definitions[sheets[es].def].components[ec];
                return Err(format!(
                    "duplicate reference {}: {} and {}",
                    plain(text),
                    place(&sheets[es], first),
                    place(sheet, component)
                ));
            }
            // `text` is `prefix` and then its digits, as `split_reference` would split it.
            let digits = &text[prefix.len()..];
            if !digits.is_empty() && !digits.starts_with('0') && digits.len() <= 18 {
                prefixes
                    .state(prefix)
                    .1
                    .insert(digits.parse::<u64>().expect("ASCII digits"));
            }
            references[fc as usize] = reference;
            taken.insert(hash, fc);
        }
    }

    // 5. Root prefixes take the lowest free number.
    let root_def = &design.definitions[root];
    for (c, component) in root_def.components.iter().enumerate() {
        if component.reference_kind != ReferenceKind::Prefix {
            continue;
        }
        let (n, taken) = prefixes.state(component.reference);
        if !taken.is_empty() {
            while taken.contains(n) {
                *n += 1;
            }
        }
        references[comp_base[0] as usize + c] = Reference::Numbered(component.reference, *n);
        *n += 1;
    }
    Ok(references)
}

/// Per reference prefix (ASCII case ignored): the next number to try and the numbers taken.
/// Designs cycle through a handful of short prefixes (R, C, U…), so a small direct-mapped cache
/// keyed by the upper-cased bytes of prefixes up to eight bytes long finds most of them before
/// the map is hashed.
#[derive(Default)]
struct PrefixNumbers<'a> {
    states: Vec<(u64, HashSet<u64, FxBuild>)>,
    by_prefix: HashMap<Caseless<'a>, usize, FxBuild>,
    /// (packed prefix, its length + 1, index into `states`); length 0 marks an empty slot.
    recent: [(u64, u32, u32); 16],
}

impl<'a> PrefixNumbers<'a> {
    fn state(&mut self, prefix: &'a str) -> &mut (u64, HashSet<u64, FxBuild>) {
        let bytes = prefix.as_bytes();
        if bytes.len() > 8 {
            let at = self.index(prefix);
            return &mut self.states[at];
        }
        let mut packed = 0u64;
        for (i, b) in bytes.iter().enumerate() {
            packed |= u64::from(b.to_ascii_uppercase()) << (8 * i);
        }
        let tag = bytes.len() as u32 + 1;
        let slot = (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60) as usize;
        let (key, len, at) = self.recent[slot];
        // Equal upper-cased bytes are exactly `eq_ignore_ascii_case`.
        let at = if key == packed && len == tag {
            at as usize
        } else {
            let at = self.index(prefix);
            self.recent[slot] = (packed, tag, at as u32);
            at
        };
        &mut self.states[at]
    }

    fn index(&mut self, prefix: &'a str) -> usize {
        let states = &mut self.states;
        *self.by_prefix.entry(Caseless(prefix)).or_insert_with(|| {
            states.push((1, HashSet::default()));
            states.len() - 1
        })
    }
}

/// rustc's FxHash: a multiply and a rotate per word, much faster than SipHash on the short keys
/// here (prefixes, references); these maps never face a hostile peer.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.write_u64(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        for &b in words.remainder() {
            self.write_u8(b);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write_u64(u64::from(b));
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;

/// A text compared ASCII case-insensitively (KiCad's `CmpNoCase` on references).
#[derive(Clone, Copy)]
struct Caseless<'a>(&'a str);

impl Hash for Caseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for &b in self.0.as_bytes() {
            state.write_u8(b.to_ascii_uppercase());
        }
    }
}

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

fn caseless_hash(text: &str) -> u64 {
    let mut h = FxHasher::default();
    Caseless(text).hash(&mut h);
    h.finish()
}

/// The references taken so far, compared ASCII case-insensitively without upper-cased copies:
/// the first component of each hash, then a chain through the others of that hash.
struct Taken {
    first: HashMap<u64, u32, FxBuild>,
    next: Vec<u32>,
}

impl Taken {
    /// For `components` flat components, of which at most `given` are inserted.
    fn new(components: usize, given: usize) -> Self {
        Taken {
            first: HashMap::with_capacity_and_hasher(given, FxBuild::default()),
            next: vec![NONE; components],
        }
    }

    /// The component whose reference (in `references`) equals `reference` ignoring case.
    fn find(&self, references: &[Reference<'_>], reference: &str, hash: u64) -> Option<u32> {
        let mut at = *self.first.get(&hash)?;
        while at != NONE {
            let taken = references[at as usize]
                .text()
                .expect("taken references are texts");
            if taken.eq_ignore_ascii_case(reference) {
                return Some(at);
            }
            at = self.next[at as usize];
        }
        None
    }

    fn insert(&mut self, hash: u64, component: u32) {
        self.next[component as usize] = self.first.insert(hash, component).unwrap_or(NONE);
    }
}

fn push_zeros(out: &mut String, count: usize) {
    for _ in 0..count {
        out.push('0');
    }
}

fn push_decimal(out: &mut String, n: u64) {
    let (digits, at) = decimal(n);
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// `PREFIX` + decimal(page × 10^width + local).
fn instance_reference(prefix: &str, page: usize, local: Local<'_>, width: usize) -> String {
    let mut out = String::with_capacity(prefix.len() + 4 + width);
    out.push_str(prefix);
    push_decimal(&mut out, page as u64);
    match local {
        Local::Digits(digits) => {
            push_zeros(&mut out, width - digits.len());
            out.push_str(digits);
        }
        Local::Number(n) => {
            push_zeros(&mut out, width - decimal_len(n));
            push_decimal(&mut out, n);
        }
        Local::None => unreachable!("only numbered components get instance references"),
    }
    out
}

// ---- 2.5 Net names, and the netlist ----

#[allow(clippy::too_many_arguments)]
fn assemble<'a>(
    design: &'a Design,
    symbols: &SymbolIndex,
    infos: Vec<SheetInfo<'a>>,
    defs: Vec<DefData<'a>>,
    parts: PartTable,
    layout: Layout,
    roots: &[u32],
    references: Vec<Reference<'_>>,
) -> Netlist<'a> {
    let parts = parts.parts;
    let kept: HashMap<&str, &str> = design
        .sheet_uuids
        .iter()
        .map(|(p, u)| (p.as_str(), u.as_str()))
        .collect();
    let mut sheets: Vec<Sheet<'a>> = Vec::with_capacity(infos.len());
    for (i, info) in infos.iter().enumerate() {
        let uuid = kept
            .get(info.path.as_str())
            .map_or_else(|| uuid::sheet_uuid(&info.path), |u| u.to_string());
        let tstamps = if i == 0 {
            "/".to_string()
        } else {
            format!("{}{}/", sheets[info.parent as usize].tstamps, uuid)
        };
        sheets.push(Sheet {
            page: i as u32 + 1,
            path: info.path.clone(),
            name: info.name,
            definition: &design.definitions[info.def].name,
            parent: info.parent,
            depth: info.depth,
            uuid,
            tstamps,
            first_component: layout.comp_base[i],
            component_count: design.definitions[info.def].components.len() as u32,
        });
    }

    let mut components: Vec<Component<'a>> = Vec::with_capacity(layout.comp_count);
    let mut references = references.into_iter();
    let mut pin_total = 0u32;
    for (s, info) in infos.iter().enumerate() {
        let definition = &design.definitions[info.def];
        for (c, spec) in definition.components.iter().enumerate() {
            let part = defs[info.def].comp_part[c];
            let units = parts[part as usize].unit_count as usize;
            let count = units.max(spec.uuids.len());
            let uuids = (0..count)
                .map(|u| {
                    spec.uuids
                        .get(u)
                        .cloned()
                        .unwrap_or_else(|| uuid::symbol_uuid(&info.path, &spec.id, u as u32 + 1))
                })
                .collect();
            components.push(Component {
                sheet: s as u32,
                spec,
                reference: references
                    .next()
                    .map_or_else(String::new, Reference::into_string),
                part,
                uuids,
                uuids_kept: !spec.uuids.is_empty() && spec.uuids.len() >= units,
                pin_base: pin_total,
            });
            pin_total += parts[part as usize].pins.len() as u32;
        }
    }

    // Merged nets ("groups"), numbered by their first flat slot.
    let mut group_of_root = vec![NONE; layout.slot_count];
    let mut slot_group = vec![0u32; layout.slot_count];
    let mut group_count = 0u32;
    for i in 0..layout.slot_count {
        let r = roots[i] as usize;
        if group_of_root[r] == NONE {
            group_of_root[r] = group_count;
            group_count += 1;
        }
        slot_group[i] = group_of_root[r];
    }
    let groups = group_count as usize;
    let members = bucket(
        groups,
        (0..layout.slot_count as u32).map(|i| (slot_group[i as usize], i)),
    );
    let mut pin_group = vec![0u32; pin_total as usize];
    let mut marked = vec![false; pin_total as usize];
    for (fc, component) in components.iter().enumerate() {
        let s = component.sheet as usize;
        let data = &defs[infos[s].def];
        let c = fc as u32 - layout.comp_base[s];
        let base = data.comp_pin_base[c as usize];
        let count = parts[component.part as usize].pins.len() as u32;
        for p in 0..count {
            let slot = layout.slot_base[s] + data.pin_slot[(base + p) as usize];
            pin_group[(component.pin_base + p) as usize] = slot_group[slot as usize];
        }
    }
    let mut no_connects = Vec::new();
    for (s, info) in infos.iter().enumerate() {
        for &(c, p) in &defs[info.def].no_connect_pins {
            let at = PinAt {
                component: layout.comp_base[s] + c,
                pin: p,
            };
            marked[(components[at.component as usize].pin_base + p) as usize] = true;
            no_connects.push(at);
        }
    }
    let pins = bucket(
        groups,
        components.iter().enumerate().flat_map(|(fc, component)| {
            let count = parts[component.part as usize].pins.len() as u32;
            let pin_group = &pin_group;
            (0..count).map(move |p| {
                (
                    pin_group[(component.pin_base + p) as usize],
                    PinAt {
                        component: fc as u32,
                        pin: p,
                    },
                )
            })
        }),
    );

    let mut nets: Vec<Net<'a>> = Vec::new();
    let mut net_of_group = vec![NONE; groups];
    let mut full = String::new();
    let mut naming: Vec<NamingPin<'_>> = Vec::new();
    for (g, net_index) in net_of_group.iter_mut().enumerate() {
        let group_pins = pins.get(g);
        if group_pins.is_empty() {
            continue;
        }
        let mut absolute: Option<&str> = None;
        let mut power: Option<&str> = None;
        let mut named: Option<(u32, String)> = None;
        let mut port: Option<(u32, String)> = None;
        let mut class: &'a str = "Default";
        let mut net_sheets: Vec<NetSheet<'a>> = Vec::new();
        for &flat in members.get(g) {
            let s = layout.slot_sheet[flat as usize];
            let sheet = &sheets[s as usize];
            let slot =
                &defs[infos[s as usize].def].slots[(flat - layout.slot_base[s as usize]) as usize];
            if class == "Default" {
                class = slot.class;
            }
            if net_sheets.last().map(|e| e.sheet) != Some(s) {
                net_sheets.push(NetSheet {
                    sheet: s,
                    port: None,
                    label: None,
                });
            }
            let entry = net_sheets.last_mut().expect("pushed above");
            let borrowed = match &slot.name {
                Cow::Borrowed(name) => Some(*name),
                Cow::Owned(_) => None,
            };
            match slot.kind {
                SlotKind::Port => {
                    entry.port = entry.port.or(borrowed);
                    if slot.power {
                        power = power.or(Some(&slot.name));
                    } else {
                        candidate(&mut port, sheet, &slot.name, &mut full);
                    }
                }
                SlotKind::Named => {
                    entry.label = entry.label.or(borrowed);
                    if slot.absolute {
                        absolute = absolute.or(Some(&slot.name));
                    } else if slot.power {
                        power = power.or(Some(&slot.name));
                    } else {
                        candidate(&mut named, sheet, &slot.name, &mut full);
                    }
                }
                SlotKind::Power => power = power.or(Some(&slot.name)),
                SlotKind::Unnamed | SlotKind::Lone => {}
            }
        }
        let is_power = power.is_some();
        let name = if let Some(name) = absolute {
            name.to_string()
        } else if let Some(name) = power {
            let mut out = String::with_capacity(name.len());
            escape_net_name(&mut out, name);
            out
        } else if let Some((_, name)) = named {
            name
        } else if let Some((_, name)) = port {
            name
        } else {
            naming.clear();
            let on_board = group_pins
                .iter()
                .any(|at| components[at.component as usize].spec.on_board);
            for &at in group_pins {
                let component = &components[at.component as usize];
                if on_board && !component.spec.on_board {
                    continue;
                }
                let part = &parts[component.part as usize];
                let pin = &part.pins[at.pin as usize];
                naming.push(NamingPin {
                    reference: &component.reference,
                    unit: pin.unit,
                    multi_unit: part.unit_count > 1,
                    name: &pin.name,
                    number: &pin.number,
                    no_connect_type: pin.electrical_type == ElectricalType::NoConnect,
                    twin_no_connect: pin.twin_no_connect,
                    twin_connectable: pin.twin_connectable,
                });
            }
            pin_driven_name(&naming, group_pins.len())
        };
        let mut nodes = group_pins.to_vec();
        nodes.sort_by(|a, b| {
            let ca = &components[a.component as usize];
            let cb = &components[b.component as usize];
            ca.reference.cmp(&cb.reference).then_with(|| {
                parts[ca.part as usize].pins[a.pin as usize]
                    .number
                    .cmp(&parts[cb.part as usize].pins[b.pin as usize].number)
            })
        });
        let single_no_connect = group_pins.len() == 1
            && marked[(components[group_pins[0].component as usize].pin_base + group_pins[0].pin)
                as usize];
        *net_index = nets.len() as u32;
        nets.push(Net {
            name,
            class,
            power: is_power,
            nodes,
            sheets: net_sheets,
            single_no_connect,
        });
    }
    let mut order: Vec<u32> = (0..nets.len() as u32).collect();
    order
        .sort_by(|&a, &b| str_num_cmp_total(&nets[a as usize].name, &nets[b as usize].name, false));
    let mut rank = vec![0u32; nets.len()];
    for (r, &n) in order.iter().enumerate() {
        rank[n as usize] = r as u32;
    }
    let mut slots: Vec<Option<Net<'a>>> = nets.into_iter().map(Some).collect();
    let nets: Vec<Net<'a>> = order
        .iter()
        .map(|&n| slots[n as usize].take().expect("each net once"))
        .collect();
    let pin_nets = pin_group
        .iter()
        .map(|&g| rank[net_of_group[g as usize] as usize])
        .collect();

    let mut libraries: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for component in &components {
        let part = &parts[component.part as usize];
        if component.spec.on_board && !part.lib.is_empty() && seen.insert(&part.lib) {
            if let Some(file) = symbols.library_file(&part.lib) {
                libraries.push((part.lib.clone(), file.display().to_string()));
            }
        }
    }
    libraries.sort();

    Netlist {
        project: &design.name,
        sheets,
        parts,
        components,
        nets,
        no_connects,
        libraries,
        pin_nets,
    }
}

/// Keeps in `best` the (depth, full name) that sorts first: shallowest sheet, then the
/// smaller `PATH` + escaped name.
fn candidate(best: &mut Option<(u32, String)>, sheet: &Sheet<'_>, name: &str, full: &mut String) {
    full.clear();
    full.push_str(&sheet.path);
    escape_net_name(full, name);
    let better = match best {
        None => true,
        Some((depth, current)) => {
            sheet.depth < *depth || (sheet.depth == *depth && full.as_str() < current.as_str())
        }
    };
    if better {
        *best = Some((sheet.depth, full.clone()));
    }
}

/// Items grouped by key `0..keys`, in input order within a key (a counting sort).
struct Buckets<T> {
    start: Vec<u32>,
    items: Vec<T>,
}

impl<T> Buckets<T> {
    fn get(&self, key: usize) -> &[T] {
        &self.items[self.start[key] as usize..self.start[key + 1] as usize]
    }
}

fn bucket<T: Copy + Default>(
    keys: usize,
    pairs: impl Iterator<Item = (u32, T)> + Clone,
) -> Buckets<T> {
    let mut start = vec![0u32; keys + 1];
    for (k, _) in pairs.clone() {
        start[k as usize + 1] += 1;
    }
    for k in 0..keys {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut items = vec![T::default(); start[keys] as usize];
    for (k, item) in pairs {
        items[fill[k as usize] as usize] = item;
        fill[k as usize] += 1;
    }
    Buckets { start, items }
}
