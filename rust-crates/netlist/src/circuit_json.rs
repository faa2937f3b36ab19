//! Circuit JSON read and write (specification section 5). The Java twin is
//! `io.circuitsynth.netlist.CircuitJson`; both read alike, step by step.
//!
//! Reading is two passes: `json_scan` checks the syntax of the whole text (so a syntax error wins
//! over any binding error), then the binder walks its value table. Every object's members are
//! checked for unknown names first, then bound in the order of the specification's table, so the
//! first error is the same in both engines. Every item's `origin` is its JSON path.

use std::collections::HashMap;

use crate::json_scan::{scan, JsonTree, Kind};
use crate::json_text::{index_path, member_path, plain, quote, JsonOut};
use crate::model::{
    Component, Definition, Design, Instance, Net, PinRef, PinSpec, Power, ReferenceKind,
};

/// The value of the top-level `format` member.
pub const FORMAT: &str = "circuitsynth-circuit";
/// The one version this library reads and writes.
pub const VERSION: i64 = 1;

/// The twelve KiCad pin electrical types, in the order messages list them.
pub const PIN_TYPES: [&str; 12] = [
    "input",
    "output",
    "bidirectional",
    "tri_state",
    "passive",
    "free",
    "unspecified",
    "power_in",
    "power_out",
    "open_collector",
    "open_emitter",
    "no_connect",
];

/// Field names KiCad keeps as members of their own.
const RESERVED_FIELDS: [&str; 5] = [
    "Reference",
    "Value",
    "Footprint",
    "Datasheet",
    "Description",
];

// Members of each object, in the order of the specification's table: the order they are bound,
// written and listed in `unknown member` messages.
const TOP: &[&str] = &[
    "format",
    "version",
    "name",
    "root",
    "definitions",
    "sheetUuids",
];
const DEFINITION: &[&str] = &["ports", "components", "nets", "noConnects", "instances"];
const COMPONENT: &[&str] = &[
    "id",
    "symbol",
    "reference",
    "prefix",
    "absolute",
    "value",
    "footprint",
    "datasheet",
    "description",
    "fields",
    "dnp",
    "inBom",
    "onBoard",
    "pins",
    "uuids",
];
const PIN: &[&str] = &["name", "type", "unit", "hidden"];
const NET: &[&str] = &["name", "id", "power", "class", "absolute", "nodes"];
const NODE: &[&str] = &["component", "pin", "unit"];
const INSTANCE: &[&str] = &["name", "definition", "bindings"];

/// The largest unit number (Java's `int` range, so both engines accept the same files).
const MAX_UNIT: i64 = i32::MAX as i64;

/// Reads circuit JSON into a design, or gives the first error: `LINE:COLUMN: DETAIL` for syntax,
/// `JSONPATH: DETAIL` for binding.
pub fn read(json: &[u8]) -> Result<Design, String> {
    let tree = scan(json)?;
    Binder { t: &tree }.design()
}

/// The value node of each member of a specification table, by slot (no table has more than 16).
type Slots = [Option<usize>; 16];

/// Where a net name, net id or port was first given in a definition.
#[derive(Default)]
struct NetNames {
    /// Port and net names, to the path of their first use.
    names: HashMap<String, String>,
    /// Net ids, to the path of their use.
    ids: HashMap<String, String>,
}

pub(crate) struct Binder<'t, 'a> {
    pub(crate) t: &'t JsonTree<'a>,
}

impl Binder<'_, '_> {
    fn design(&self) -> Result<Design, String> {
        let t = self.t;
        self.expect(0, Kind::Object, "$", "an object")?;
        match t.member(0, "format") {
            None if t.member(0, "components").is_some() => {
                return Err(
                    "$: missing member \"format\"; this looks like circuit-synth JSON: \
                            read it with the circuit-synth import"
                        .to_string(),
                )
            }
            None => return Err("$: missing member \"format\"".to_string()),
            Some(v) if t.kind(v) == Kind::String && t.string(v) == FORMAT => {}
            Some(_) => return Err(format!("$.format: format must be \"{FORMAT}\"")),
        }
        match t.member(0, "version") {
            None => return Err("$: missing member \"version\"".to_string()),
            Some(v) if t.kind(v) != Kind::Number => {
                return Err(format!(
                    "$.version: expected an integer, found {}",
                    t.type_name(v)
                ))
            }
            Some(v) if t.integer(v) == Some(VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "$.version: version {} is not supported; this library reads version {VERSION}",
                    t.source(v)
                ))
            }
        }
        let s = self.slots(0, "$", TOP)?;
        let name = self.required_string(&s, 2, "$", TOP)?;
        let root = self.required_string(&s, 3, "$", TOP)?;
        let definitions_node = self.required(&s, 4, "$", TOP)?;
        let path = "$.definitions";
        self.expect(definitions_node, Kind::Object, path, "an object")?;
        let mut definitions = Vec::new();
        for (key, value) in t.members(definitions_node) {
            let def_name = t.string(key).into_owned();
            let def_path = member_path(path, &def_name);
            definitions.push(self.definition(def_name, value, def_path)?);
        }
        let mut sheet_uuids = Vec::new();
        if let Some(node) = s[5] {
            let path = "$.sheetUuids";
            self.expect(node, Kind::Object, path, "an object")?;
            for (key, value) in t.members(node) {
                let sheet = t.string(key).into_owned();
                let uuid = self.string(value, &member_path(path, &sheet))?;
                sheet_uuids.push((sheet, uuid));
            }
        }
        if !definitions.iter().any(|d: &Definition| d.name == root) {
            return Err(format!("$.root: no definition {}", quote(&root)));
        }
        Ok(Design {
            name,
            root,
            definitions,
            sheet_uuids,
        })
    }

    fn definition(&self, name: String, node: usize, path: String) -> Result<Definition, String> {
        let t = self.t;
        let s = self.slots(node, &path, DEFINITION)?;
        let mut names = NetNames::default();
        let mut ports = Vec::new();
        if let Some(array) = self.array(&s, 0, &path, DEFINITION)? {
            let ports_path = member_path(&path, "ports");
            for (i, element) in t.elements(array).enumerate() {
                let element_path = index_path(&ports_path, i);
                let port = self.string(element, &element_path)?;
                if let Some(first) = names.names.get(&port) {
                    return Err(format!(
                        "{element_path}: duplicate port {} (first at {first})",
                        quote(&port)
                    ));
                }
                names.names.insert(port.clone(), element_path);
                ports.push(port);
            }
        }
        let mut components = Vec::new();
        // Component id to its index, for nodes and for the duplicate's message.
        let mut ids: HashMap<String, usize> = HashMap::new();
        if let Some(array) = self.array(&s, 1, &path, DEFINITION)? {
            let list_path = member_path(&path, "components");
            for (i, element) in t.elements(array).enumerate() {
                let component =
                    self.component(element, index_path(&list_path, i), &list_path, &mut ids)?;
                components.push(component);
            }
        }
        let mut nets = Vec::new();
        if let Some(array) = self.array(&s, 2, &path, DEFINITION)? {
            let list_path = member_path(&path, "nets");
            for (i, element) in t.elements(array).enumerate() {
                let net = self.net(element, index_path(&list_path, i), &name, &ids, &mut names)?;
                nets.push(net);
            }
        }
        let mut no_connects = Vec::new();
        if let Some(array) = self.array(&s, 3, &path, DEFINITION)? {
            let list_path = member_path(&path, "noConnects");
            for (i, element) in t.elements(array).enumerate() {
                no_connects.push(self.node(element, index_path(&list_path, i), &name, &ids)?);
            }
        }
        let mut instances = Vec::new();
        if let Some(array) = self.array(&s, 4, &path, DEFINITION)? {
            let list_path = member_path(&path, "instances");
            for (i, element) in t.elements(array).enumerate() {
                let instance = self.instance(element, index_path(&list_path, i), &name, &names)?;
                instances.push(instance);
            }
        }
        Ok(Definition {
            name,
            ports,
            components,
            nets,
            no_connects,
            instances,
            origin: Some(path),
        })
    }

    fn component(
        &self,
        node: usize,
        path: String,
        list_path: &str,
        ids: &mut HashMap<String, usize>,
    ) -> Result<Component, String> {
        let t = self.t;
        let s = self.slots(node, &path, COMPONENT)?;
        let id = self.required_string(&s, 0, &path, COMPONENT)?;
        if let Some(&first) = ids.get(&id) {
            return Err(format!(
                "{}: duplicate component id {} (first at {})",
                member_path(&path, "id"),
                quote(&id),
                member_path(&index_path(list_path, first), "id")
            ));
        }
        ids.insert(id.clone(), ids.len());
        let symbol = self.required_string(&s, 1, &path, COMPONENT)?;
        let given: Vec<usize> = (2..5).filter(|&k| s[k].is_some()).collect();
        if given.len() != 1 {
            return Err(format!(
                "{path}: give exactly one of reference, prefix, absolute"
            ));
        }
        let slot = given[0];
        let reference_kind = match slot {
            2 => ReferenceKind::Fixed,
            3 => ReferenceKind::Prefix,
            _ => ReferenceKind::Absolute,
        };
        let reference = self
            .optional_string(&s, slot, &path, COMPONENT)?
            .unwrap_or_default();
        let value = self
            .optional_string(&s, 5, &path, COMPONENT)?
            .unwrap_or_default();
        let footprint = self
            .optional_string(&s, 6, &path, COMPONENT)?
            .unwrap_or_default();
        let datasheet = self
            .optional_string(&s, 7, &path, COMPONENT)?
            .unwrap_or_default();
        let description = self
            .optional_string(&s, 8, &path, COMPONENT)?
            .unwrap_or_default();
        let mut fields = Vec::new();
        if let Some(object) = s[9] {
            let fields_path = member_path(&path, "fields");
            self.expect(object, Kind::Object, &fields_path, "an object")?;
            for (key, value) in t.members(object) {
                let field = t.string(key).into_owned();
                let field_path = member_path(&fields_path, &field);
                if RESERVED_FIELDS.contains(&field.as_str()) {
                    let member = if field == "Reference" {
                        "reference, prefix or absolute".to_string()
                    } else {
                        field.to_ascii_lowercase()
                    };
                    return Err(format!(
                        "{field_path}: field name {} is reserved; use the component member {member}",
                        quote(&field)
                    ));
                }
                let text = self.string(value, &field_path)?;
                fields.push((field, text));
            }
        }
        let dnp = self
            .optional_bool(&s, 10, &path, COMPONENT)?
            .unwrap_or(false);
        let in_bom = self
            .optional_bool(&s, 11, &path, COMPONENT)?
            .unwrap_or(true);
        let on_board = self
            .optional_bool(&s, 12, &path, COMPONENT)?
            .unwrap_or(true);
        let mut pins = None;
        if let Some(object) = s[13] {
            let pins_path = member_path(&path, "pins");
            self.expect(object, Kind::Object, &pins_path, "an object")?;
            let mut list = Vec::new();
            for (key, value) in t.members(object) {
                let number = t.string(key).into_owned();
                let pin_path = member_path(&pins_path, &number);
                list.push(self.pin(number, value, pin_path)?);
            }
            pins = Some(list);
        }
        let mut uuids = Vec::new();
        if let Some(array) = self.array(&s, 14, &path, COMPONENT)? {
            let uuids_path = member_path(&path, "uuids");
            for (i, element) in t.elements(array).enumerate() {
                uuids.push(self.string(element, &index_path(&uuids_path, i))?);
            }
        }
        Ok(Component {
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
            origin: Some(path),
        })
    }

    fn pin(&self, number: String, node: usize, path: String) -> Result<PinSpec, String> {
        let s = self.slots(node, &path, PIN)?;
        let name = self.optional_string(&s, 0, &path, PIN)?.unwrap_or_default();
        let electrical_type = self.required_string(&s, 1, &path, PIN)?;
        pin_type(&electrical_type, &member_path(&path, "type"))?;
        let unit = match s[2] {
            Some(v) => self.unit(v, &member_path(&path, "unit"), 0)?,
            None => 0,
        };
        let hidden = self.optional_bool(&s, 3, &path, PIN)?.unwrap_or(false);
        Ok(PinSpec {
            number,
            name,
            electrical_type,
            unit,
            hidden,
        })
    }

    fn net(
        &self,
        node: usize,
        path: String,
        definition: &str,
        components: &HashMap<String, usize>,
        names: &mut NetNames,
    ) -> Result<Net, String> {
        let t = self.t;
        let s = self.slots(node, &path, NET)?;
        let name = self.optional_string(&s, 0, &path, NET)?;
        if let Some(name) = &name {
            if let Some(first) = names.ids.get(name) {
                return Err(format!(
                    "{}: net name {} is already a net id (first at {first})",
                    member_path(&path, "name"),
                    quote(name)
                ));
            }
            if !names.names.contains_key(name) {
                names.names.insert(name.clone(), member_path(&path, "name"));
            }
        }
        let id = self.optional_string(&s, 1, &path, NET)?;
        if let Some(id) = &id {
            let id_path = member_path(&path, "id");
            if let Some(first) = names.ids.get(id).or_else(|| names.names.get(id)) {
                return Err(format!(
                    "{id_path}: duplicate net id {} (first at {first})",
                    quote(id)
                ));
            }
            names.ids.insert(id.clone(), id_path);
        }
        let power = match self.optional_bool(&s, 2, &path, NET)? {
            None => Power::Auto,
            Some(true) => Power::Yes,
            Some(false) => Power::No,
        };
        let class = self
            .optional_string(&s, 3, &path, NET)?
            .unwrap_or_else(|| "Default".to_string());
        let absolute = self.optional_bool(&s, 4, &path, NET)?.unwrap_or(false);
        let mut nodes = Vec::new();
        if let Some(array) = self.array(&s, 5, &path, NET)? {
            let nodes_path = member_path(&path, "nodes");
            for (i, element) in t.elements(array).enumerate() {
                nodes.push(self.node(
                    element,
                    index_path(&nodes_path, i),
                    definition,
                    components,
                )?);
            }
        }
        Ok(Net {
            name,
            id,
            power,
            class,
            nodes,
            absolute,
            origin: Some(path),
        })
    }

    fn node(
        &self,
        node: usize,
        path: String,
        definition: &str,
        components: &HashMap<String, usize>,
    ) -> Result<PinRef, String> {
        let s = self.slots(node, &path, NODE)?;
        let component = self.required_string(&s, 0, &path, NODE)?;
        if !components.contains_key(&component) {
            return Err(format!(
                "{}: no component {} in definition {}",
                member_path(&path, "component"),
                quote(&component),
                plain(definition)
            ));
        }
        let pin = self.required_string(&s, 1, &path, NODE)?;
        let unit = match s[2] {
            Some(v) => self.unit(v, &member_path(&path, "unit"), 1)?,
            None => 0,
        };
        Ok(PinRef {
            component,
            pin,
            unit,
            origin: Some(path),
        })
    }

    fn instance(
        &self,
        node: usize,
        path: String,
        definition: &str,
        names: &NetNames,
    ) -> Result<Instance, String> {
        let t = self.t;
        let s = self.slots(node, &path, INSTANCE)?;
        let name = self.required_string(&s, 0, &path, INSTANCE)?;
        let instantiated = self.required_string(&s, 1, &path, INSTANCE)?;
        let mut bindings = Vec::new();
        if let Some(object) = s[2] {
            let bindings_path = member_path(&path, "bindings");
            self.expect(object, Kind::Object, &bindings_path, "an object")?;
            for (key, value) in t.members(object) {
                let port = t.string(key).into_owned();
                let binding_path = member_path(&bindings_path, &port);
                let net = self.string(value, &binding_path)?;
                if !names.names.contains_key(&net) && !names.ids.contains_key(&net) {
                    return Err(format!(
                        "{binding_path}: no net {} in definition {}",
                        quote(&net),
                        plain(definition)
                    ));
                }
                bindings.push((port, net));
            }
        }
        Ok(Instance {
            name,
            definition: instantiated,
            bindings,
            origin: Some(path),
        })
    }

    /// Checks that `node` is an object with no member outside `table` and gives each table
    /// member's value node.
    pub(crate) fn slots(&self, node: usize, path: &str, table: &[&str]) -> Result<Slots, String> {
        self.expect(node, Kind::Object, path, "an object")?;
        let mut slots = [None; 16];
        for (key, value) in self.t.members(node) {
            let name = self.t.string(key);
            match table.iter().position(|m| *m == name) {
                Some(k) => slots[k] = Some(value),
                None => {
                    return Err(format!(
                        "{}: unknown member {}; expected one of {}",
                        member_path(path, &name),
                        quote(&name),
                        table.join(", ")
                    ))
                }
            }
        }
        Ok(slots)
    }

    pub(crate) fn expect(
        &self,
        node: usize,
        kind: Kind,
        path: &str,
        what: &str,
    ) -> Result<(), String> {
        if self.t.kind(node) == kind {
            Ok(())
        } else {
            Err(format!(
                "{path}: expected {what}, found {}",
                self.t.type_name(node)
            ))
        }
    }

    /// The string value of member `name` of the object at `path`; the member's path is only
    /// built for the message.
    pub(crate) fn member_string(
        &self,
        node: usize,
        path: &str,
        name: &str,
    ) -> Result<String, String> {
        if self.t.kind(node) == Kind::String {
            Ok(self.t.string(node).into_owned())
        } else {
            Err(format!(
                "{}: expected a string, found {}",
                member_path(path, name),
                self.t.type_name(node)
            ))
        }
    }

    pub(crate) fn string(&self, node: usize, path: &str) -> Result<String, String> {
        self.expect(node, Kind::String, path, "a string")?;
        Ok(self.t.string(node).into_owned())
    }

    fn required(
        &self,
        s: &Slots,
        slot: usize,
        path: &str,
        table: &[&str],
    ) -> Result<usize, String> {
        s[slot].ok_or_else(|| format!("{path}: missing member {}", quote(table[slot])))
    }

    fn required_string(
        &self,
        s: &Slots,
        slot: usize,
        path: &str,
        table: &[&str],
    ) -> Result<String, String> {
        let node = self.required(s, slot, path, table)?;
        self.member_string(node, path, table[slot])
    }

    fn optional_string(
        &self,
        s: &Slots,
        slot: usize,
        path: &str,
        table: &[&str],
    ) -> Result<Option<String>, String> {
        match s[slot] {
            Some(node) => Ok(Some(self.member_string(node, path, table[slot])?)),
            None => Ok(None),
        }
    }

    fn optional_bool(
        &self,
        s: &Slots,
        slot: usize,
        path: &str,
        table: &[&str],
    ) -> Result<Option<bool>, String> {
        match s[slot] {
            None => Ok(None),
            Some(node) => match self.t.kind(node) {
                Kind::True => Ok(Some(true)),
                Kind::False => Ok(Some(false)),
                _ => Err(format!(
                    "{}: expected a boolean, found {}",
                    member_path(path, table[slot]),
                    self.t.type_name(node)
                )),
            },
        }
    }

    /// The array at `slot`, if given.
    fn array(
        &self,
        s: &Slots,
        slot: usize,
        path: &str,
        table: &[&str],
    ) -> Result<Option<usize>, String> {
        match s[slot] {
            None => Ok(None),
            Some(node) => {
                self.expect(
                    node,
                    Kind::Array,
                    &member_path(path, table[slot]),
                    "an array",
                )?;
                Ok(Some(node))
            }
        }
    }

    /// A unit number from `min` to `MAX_UNIT`.
    pub(crate) fn unit(&self, node: usize, path: &str, min: i64) -> Result<u32, String> {
        if self.t.kind(node) != Kind::Number {
            return Err(format!(
                "{path}: expected an integer, found {}",
                self.t.type_name(node)
            ));
        }
        match self.t.integer(node) {
            Some(n) if (min..=MAX_UNIT).contains(&n) => Ok(n as u32),
            _ => Err(format!(
                "{path}: expected an integer from {min} to {MAX_UNIT}, found {}",
                self.t.source(node)
            )),
        }
    }
}

/// Checks a pin electrical type keyword.
pub(crate) fn pin_type(keyword: &str, path: &str) -> Result<(), String> {
    if PIN_TYPES.contains(&keyword) {
        Ok(())
    } else {
        Err(format!(
            "{path}: unknown pin electrical type '{}'; expected one of {}",
            plain(keyword),
            PIN_TYPES.join(", ")
        ))
    }
}

/// Writes a design as circuit JSON in the canonical layout: members in table order, defaults
/// left out. Reading the result gives the design back (origins aside).
pub fn write(design: &Design) -> Vec<u8> {
    let mut o = JsonOut::new();
    o.begin_object();
    o.name("format").string(FORMAT);
    o.name("version").integer(VERSION);
    o.name("name").string(&design.name);
    o.name("root").string(&design.root);
    o.name("definitions").begin_object();
    for definition in &design.definitions {
        o.name(&definition.name);
        write_definition(&mut o, definition);
    }
    o.end_object();
    if !design.sheet_uuids.is_empty() {
        o.name("sheetUuids").begin_object();
        for (sheet, uuid) in &design.sheet_uuids {
            o.name(sheet).string(uuid);
        }
        o.end_object();
    }
    o.end_object();
    o.finish()
}

fn write_definition(o: &mut JsonOut, d: &Definition) {
    o.begin_object();
    if !d.ports.is_empty() {
        o.name("ports").begin_array();
        for port in &d.ports {
            o.element().string(port);
        }
        o.end_array();
    }
    if !d.components.is_empty() {
        o.name("components").begin_array();
        for c in &d.components {
            o.element();
            write_component(o, c);
        }
        o.end_array();
    }
    if !d.nets.is_empty() {
        o.name("nets").begin_array();
        for net in &d.nets {
            o.element();
            write_net(o, net);
        }
        o.end_array();
    }
    if !d.no_connects.is_empty() {
        o.name("noConnects").begin_array();
        for pin in &d.no_connects {
            o.element();
            write_node(o, pin);
        }
        o.end_array();
    }
    if !d.instances.is_empty() {
        o.name("instances").begin_array();
        for instance in &d.instances {
            o.element().begin_object();
            o.name("name").string(&instance.name);
            o.name("definition").string(&instance.definition);
            if !instance.bindings.is_empty() {
                o.name("bindings").begin_object();
                for (port, net) in &instance.bindings {
                    o.name(port).string(net);
                }
                o.end_object();
            }
            o.end_object();
        }
        o.end_array();
    }
    o.end_object();
}

fn write_component(o: &mut JsonOut, c: &Component) {
    o.begin_object();
    o.name("id").string(&c.id);
    o.name("symbol").string(&c.symbol);
    let reference = match c.reference_kind {
        ReferenceKind::Fixed => "reference",
        ReferenceKind::Prefix => "prefix",
        ReferenceKind::Absolute => "absolute",
    };
    o.name(reference).string(&c.reference);
    for (member, text) in [
        ("value", &c.value),
        ("footprint", &c.footprint),
        ("datasheet", &c.datasheet),
        ("description", &c.description),
    ] {
        if !text.is_empty() {
            o.name(member).string(text);
        }
    }
    if !c.fields.is_empty() {
        o.name("fields").begin_object();
        for (name, value) in &c.fields {
            o.name(name).string(value);
        }
        o.end_object();
    }
    if c.dnp {
        o.name("dnp").boolean(true);
    }
    if !c.in_bom {
        o.name("inBom").boolean(false);
    }
    if !c.on_board {
        o.name("onBoard").boolean(false);
    }
    if let Some(pins) = &c.pins {
        o.name("pins").begin_object();
        for pin in pins {
            o.name(&pin.number).begin_object();
            if !pin.name.is_empty() {
                o.name("name").string(&pin.name);
            }
            o.name("type").string(&pin.electrical_type);
            if pin.unit != 0 {
                o.name("unit").integer(i64::from(pin.unit));
            }
            if pin.hidden {
                o.name("hidden").boolean(true);
            }
            o.end_object();
        }
        o.end_object();
    }
    if !c.uuids.is_empty() {
        o.name("uuids").begin_array();
        for uuid in &c.uuids {
            o.element().string(uuid);
        }
        o.end_array();
    }
    o.end_object();
}

fn write_net(o: &mut JsonOut, net: &Net) {
    o.begin_object();
    if let Some(name) = &net.name {
        o.name("name").string(name);
    }
    if let Some(id) = &net.id {
        o.name("id").string(id);
    }
    match net.power {
        Power::Auto => {}
        Power::Yes => o.name("power").boolean(true),
        Power::No => o.name("power").boolean(false),
    }
    if net.class != "Default" {
        o.name("class").string(&net.class);
    }
    if net.absolute {
        o.name("absolute").boolean(true);
    }
    if !net.nodes.is_empty() {
        o.name("nodes").begin_array();
        for node in &net.nodes {
            o.element();
            write_node(o, node);
        }
        o.end_array();
    }
    o.end_object();
}

fn write_node(o: &mut JsonOut, pin: &PinRef) {
    o.begin_object();
    o.name("component").string(&pin.component);
    o.name("pin").string(&pin.pin);
    if pin.unit != 0 {
        o.name("unit").integer(i64::from(pin.unit));
    }
    o.end_object();
}
