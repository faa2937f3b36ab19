//! circuit-synth JSON import (specification section 6): the file circuit-synth's
//! `Circuit.generate_json_netlist()` writes. The Java twin is `io.circuitsynth.netlist.CircuitSynthJson`.
//!
//! Unlike circuit JSON, members this import does not use are ignored: circuit-synth adds members
//! from release to release. The syntax check is the same (`json_scan`).

use std::collections::HashMap;

use crate::circuit_json::{pin_type, Binder};
use crate::json_scan::{scan, Kind};
use crate::json_text::{index_path, member_path, quote};
use crate::model::{Component, Definition, Design, Instance, Net, PinRef, PinSpec, ReferenceKind};
use crate::names::is_power_name;

/// Field names KiCad keeps as members of their own; `_extra_fields` copies of them are skipped.
const RESERVED_FIELDS: [&str; 5] = [
    "Reference",
    "Value",
    "Footprint",
    "Datasheet",
    "Description",
];

/// Whether `json` looks like circuit-synth JSON: a top-level object without `format` that has
/// `components`. Invalid JSON is not.
pub fn is_circuit_synth(json: &[u8]) -> bool {
    match scan(json) {
        Ok(t) => {
            t.kind(0) == Kind::Object
                && t.member(0, "format").is_none()
                && t.member(0, "components").is_some()
        }
        Err(_) => false,
    }
}

/// One circuit object of the file: a definition of its own.
struct Circuit {
    /// Its JSON path.
    path: String,
    parent: Option<usize>,
    depth: usize,
    /// Its `name` member.
    name: String,
    definition: String,
    instance: String,
    components: Vec<Component>,
    /// Nets it lists, in document order: (name, nodes, path of the net).
    nets: Vec<(String, Vec<PinRef>, String)>,
    children: Vec<usize>,
}

/// Reads circuit-synth JSON into a design, or gives the first error: `LINE:COLUMN: DETAIL` for
/// syntax, `JSONPATH: DETAIL` for binding.
pub fn read(json: &[u8]) -> Result<Design, String> {
    let tree = scan(json)?;
    let b = Binder { t: &tree };
    b.expect(0, Kind::Object, "$", "an object")?;
    if tree.member(0, "components").is_none() {
        return Err("$: missing member \"components\"".to_string());
    }
    // Pre-order, without recursion: a child is bound after its parent and before the parent's
    // later siblings.
    let mut circuits: Vec<Circuit> = Vec::new();
    let mut pending: Vec<(usize, String, Option<usize>)> = vec![(0, "$".to_string(), None)];
    while let Some((node, path, parent)) = pending.pop() {
        let index = circuits.len();
        let depth = parent.map_or(0, |p| circuits[p].depth + 1);
        let circuit = bind_circuit(&b, node, path, parent, depth)?;
        let mut children = Vec::new();
        if let Some(list) = present(&b, node, "subcircuits") {
            let list_path = member_path(&circuit.path, "subcircuits");
            b.expect(list, Kind::Array, &list_path, "an array")?;
            for (i, element) in tree.elements(list).enumerate() {
                let element_path = index_path(&list_path, i);
                b.expect(element, Kind::Object, &element_path, "an object")?;
                children.push((element, element_path));
            }
        }
        circuits.push(circuit);
        if let Some(p) = parent {
            circuits[p].children.push(index);
        }
        for (element, element_path) in children.into_iter().rev() {
            pending.push((element, element_path, Some(index)));
        }
    }
    name_definitions(&mut circuits);
    Ok(assemble(circuits))
}

/// The value of member `name`, unless absent or `null`.
fn present(b: &Binder, object: usize, name: &str) -> Option<usize> {
    b.t.member(object, name)
        .filter(|&v| b.t.kind(v) != Kind::Null)
}

/// A string member, or `None` when absent or `null`.
fn text(b: &Binder, object: usize, path: &str, name: &str) -> Result<Option<String>, String> {
    match present(b, object, name) {
        Some(v) => Ok(Some(b.string(v, &member_path(path, name))?)),
        None => Ok(None),
    }
}

/// A pin number or identifier: a string, or a number as written.
fn pin_text(b: &Binder, object: usize, path: &str, name: &str) -> Result<Option<String>, String> {
    match present(b, object, name) {
        Some(v) if b.t.kind(v) == Kind::Number => Ok(Some(b.t.source(v).to_string())),
        Some(v) => Ok(Some(b.string(v, &member_path(path, name))?)),
        None => Ok(None),
    }
}

fn bind_circuit(
    b: &Binder,
    node: usize,
    path: String,
    parent: Option<usize>,
    depth: usize,
) -> Result<Circuit, String> {
    let t = b.t;
    let name = match text(b, node, &path, "name")? {
        Some(name) => name,
        None => return Err(format!("{path}: missing member \"name\"")),
    };
    let mut components = Vec::new();
    let mut refs: HashMap<String, String> = HashMap::new();
    if let Some(list) = present(b, node, "components") {
        let list_path = member_path(&path, "components");
        match t.kind(list) {
            Kind::Object => {
                for (key, value) in t.members(list) {
                    let key = t.string(key);
                    let component_path = member_path(&list_path, &key);
                    let component =
                        bind_component(b, value, component_path, Some(&key), &mut refs)?;
                    components.push(component);
                }
            }
            Kind::Array => {
                for (i, element) in t.elements(list).enumerate() {
                    let component_path = index_path(&list_path, i);
                    let component = bind_component(b, element, component_path, None, &mut refs)?;
                    components.push(component);
                }
            }
            _ => {
                return Err(format!(
                    "{list_path}: expected an object or an array, found {}",
                    t.type_name(list)
                ))
            }
        }
    }
    let mut nets = Vec::new();
    if let Some(object) = present(b, node, "nets") {
        let nets_path = member_path(&path, "nets");
        b.expect(object, Kind::Object, &nets_path, "an object")?;
        for (key, value) in t.members(object) {
            let net_name = t.string(key).into_owned();
            let net_path = member_path(&nets_path, &net_name);
            let (list, list_path) = match t.kind(value) {
                Kind::Array => (value, net_path.clone()),
                Kind::Object => match present(b, value, "nodes") {
                    Some(list) => {
                        let list_path = member_path(&net_path, "nodes");
                        b.expect(list, Kind::Array, &list_path, "an array")?;
                        (list, list_path)
                    }
                    None => return Err(format!("{net_path}: missing member \"nodes\"")),
                },
                _ => {
                    return Err(format!(
                        "{net_path}: expected an array or an object, found {}",
                        t.type_name(value)
                    ))
                }
            };
            let mut nodes: Vec<PinRef> = Vec::new();
            for (i, element) in t.elements(list).enumerate() {
                let pin = bind_node(b, element, index_path(&list_path, i), &name, &refs)?;
                // circuit-synth lists a pin once per key it is known by (number and name).
                if !nodes
                    .iter()
                    .any(|n| n.component == pin.component && n.pin == pin.pin)
                {
                    nodes.push(pin);
                }
            }
            if nodes.is_empty() && net_name.starts_with("unconnected-") {
                continue;
            }
            nets.push((net_name, nodes, net_path));
        }
    }
    Ok(Circuit {
        path,
        parent,
        depth,
        name,
        definition: String::new(),
        instance: String::new(),
        components,
        nets,
        children: Vec::new(),
    })
}

fn bind_component(
    b: &Binder,
    node: usize,
    path: String,
    key: Option<&str>,
    refs: &mut HashMap<String, String>,
) -> Result<Component, String> {
    let t = b.t;
    b.expect(node, Kind::Object, &path, "an object")?;
    let reference = match (text(b, node, &path, "ref")?, key) {
        (Some(reference), _) => reference,
        (None, Some(key)) => key.to_string(),
        (None, None) => return Err(format!("{path}: missing member \"ref\"")),
    };
    if let Some(first) = refs.get(&reference) {
        return Err(format!(
            "{path}: duplicate component {} (first at {first})",
            quote(&reference)
        ));
    }
    refs.insert(reference.clone(), path.clone());
    let Some(symbol) = text(b, node, &path, "symbol")? else {
        return Err(format!("{path}: missing member \"symbol\""));
    };
    let value = match text(b, node, &path, "value")? {
        Some(value) => value,
        None => symbol.rsplit(':').next().unwrap_or_default().to_string(),
    };
    let footprint = text(b, node, &path, "footprint")?.unwrap_or_default();
    let datasheet = text(b, node, &path, "datasheet")?.unwrap_or_default();
    let description = text(b, node, &path, "description")?.unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(object) = present(b, node, "_extra_fields") {
        let fields_path = member_path(&path, "_extra_fields");
        b.expect(object, Kind::Object, &fields_path, "an object")?;
        for (key, value) in t.members(object) {
            let field = t.string(key);
            if field.starts_with("ki_") || RESERVED_FIELDS.contains(&field.as_ref()) {
                continue;
            }
            let text = match t.kind(value) {
                Kind::String => t.string(value).into_owned(),
                Kind::Number => t.source(value).to_string(),
                _ => continue,
            };
            fields.push((field.into_owned(), text));
        }
    }
    let mut pins = None;
    if let Some(list) = present(b, node, "pins") {
        let pins_path = member_path(&path, "pins");
        b.expect(list, Kind::Array, &pins_path, "an array")?;
        let mut table: Vec<PinSpec> = Vec::new();
        for (i, element) in t.elements(list).enumerate() {
            let pin_path = index_path(&pins_path, i);
            let pin = bind_pin(b, element, &pin_path)?;
            // The same pin appears under each key circuit-synth knows it by; the first wins.
            if !table.iter().any(|p| p.number == pin.number) {
                table.push(pin);
            }
        }
        pins = Some(table);
    }
    let ends_in_digit = reference.bytes().last().is_some_and(|c| c.is_ascii_digit());
    Ok(Component {
        id: reference.clone(),
        symbol,
        reference_kind: if ends_in_digit {
            ReferenceKind::Absolute
        } else {
            ReferenceKind::Prefix
        },
        reference,
        value,
        footprint,
        datasheet,
        description,
        fields,
        pins,
        origin: Some(path),
        ..Component::default()
    })
}

fn bind_pin(b: &Binder, node: usize, path: &str) -> Result<PinSpec, String> {
    b.expect(node, Kind::Object, path, "an object")?;
    let number = match pin_text(b, node, path, "num")? {
        Some(number) => number,
        None => match pin_text(b, node, path, "pin_id")? {
            Some(number) => number,
            None => return Err(format!("{path}: missing member \"num\"")),
        },
    };
    let name = text(b, node, path, "name")?.unwrap_or_default();
    let electrical_type = text(b, node, path, "func")?.unwrap_or_else(|| "passive".to_string());
    pin_type(&electrical_type, &member_path(path, "func"))?;
    let unit = match present(b, node, "unit") {
        Some(v) => b.unit(v, &member_path(path, "unit"), 0)?,
        None => 0,
    };
    Ok(PinSpec {
        number,
        name,
        electrical_type,
        unit,
        hidden: false,
    })
}

fn bind_node(
    b: &Binder,
    node: usize,
    path: String,
    circuit: &str,
    refs: &HashMap<String, String>,
) -> Result<PinRef, String> {
    b.expect(node, Kind::Object, &path, "an object")?;
    let Some(component) = text(b, node, &path, "component")? else {
        return Err(format!("{path}: missing member \"component\""));
    };
    if !refs.contains_key(&component) {
        return Err(format!(
            "{}: no component {} in circuit {}",
            member_path(&path, "component"),
            quote(&component),
            quote(circuit)
        ));
    }
    let Some(pin_node) = present(b, node, "pin") else {
        return Err(format!("{path}: missing member \"pin\""));
    };
    let pin_path = member_path(&path, "pin");
    b.expect(pin_node, Kind::Object, &pin_path, "an object")?;
    let pin = match pin_text(b, pin_node, &pin_path, "number")? {
        Some(pin) => pin,
        None => match pin_text(b, pin_node, &pin_path, "pin_id")? {
            Some(pin) => pin,
            None => match text(b, pin_node, &pin_path, "name")? {
                Some(pin) => pin,
                None => return Err(format!("{pin_path}: missing member \"number\"")),
            },
        },
    };
    Ok(PinRef {
        component,
        pin,
        unit: 0,
        origin: Some(path),
    })
}

/// Definition names are unique in the design and instance names among siblings: a repeated name
/// takes the first free `_2`, `_3`, … in pre-order.
fn name_definitions(circuits: &mut [Circuit]) {
    let mut taken: Vec<String> = Vec::new();
    for circuit in circuits.iter_mut() {
        circuit.definition = free_name(&circuit.name, &taken);
        taken.push(circuit.definition.clone());
    }
    for index in 0..circuits.len() {
        let mut siblings: Vec<String> = Vec::new();
        for k in 0..circuits[index].children.len() {
            let child = circuits[index].children[k];
            let name = free_name(&circuits[child].name, &siblings);
            siblings.push(name.clone());
            circuits[child].instance = name;
        }
    }
}

fn free_name(name: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == name) {
        return name.to_string();
    }
    (2..)
        .map(|k| format!("{name}_{k}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("a free name")
}

/// circuit-synth's names for unnamed nets: `N$` and a number.
fn is_auto_name(name: &str) -> bool {
    name.strip_prefix("N$")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

/// The design: one definition per circuit object, nets shared across the hierarchy resolved
/// into ports and bindings.
fn assemble(mut circuits: Vec<Circuit>) -> Design {
    // Every net name, in order of first listing (pre-order, then listing order), with the
    // circuits that list it.
    let mut order: Vec<String> = Vec::new();
    let mut listers: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, circuit) in circuits.iter().enumerate() {
        for (name, _, _) in &circuit.nets {
            let entry = listers.entry(name.clone()).or_insert_with(|| {
                order.push(name.clone());
                Vec::new()
            });
            entry.push(index);
        }
    }
    let count = circuits.len();
    let mut ports: Vec<Vec<String>> = vec![Vec::new(); count];
    // Nets a circuit owns without listing them: (name, path of the first listing).
    let mut owned: Vec<Vec<(String, String)>> = vec![Vec::new(); count];
    for name in &order {
        let list = &listers[name];
        if is_power_name(name) {
            // Power nets are global by name: every circuit keeps its own, no ports.
            continue;
        }
        let mut owner = list[0];
        for &c in &list[1..] {
            owner = common_ancestor(&circuits, owner, c);
        }
        if !list.contains(&owner) {
            let path = circuits[list[0]]
                .nets
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, _, p)| p.clone())
                .expect("a lister lists the net");
            owned[owner].push((name.clone(), path));
        }
        for &c in list {
            let mut at = c;
            while at != owner && !ports[at].contains(name) {
                ports[at].push(name.clone());
                at = circuits[at]
                    .parent
                    .expect("a circuit below the owner has a parent");
            }
        }
    }
    // Ports in order of first listing.
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    for list in &mut ports {
        list.sort_by_key(|n| rank[n.as_str()]);
    }
    let mut definitions = Vec::with_capacity(count);
    for index in 0..count {
        let instances = circuits[index]
            .children
            .iter()
            .map(|&child| Instance {
                name: circuits[child].instance.clone(),
                definition: circuits[child].definition.clone(),
                bindings: ports[child]
                    .iter()
                    .map(|p| (p.clone(), p.clone()))
                    .collect(),
                origin: Some(circuits[child].path.clone()),
            })
            .collect();
        let circuit = &mut circuits[index];
        let mut nets = Vec::new();
        for (name, nodes, path) in std::mem::take(&mut circuit.nets) {
            let is_port = ports[index].contains(&name);
            nets.push(make_net(&name, nodes, path, is_port));
        }
        for (name, path) in &owned[index] {
            nets.push(make_net(name, Vec::new(), path.clone(), false));
        }
        definitions.push(Definition {
            name: circuit.definition.clone(),
            ports: std::mem::take(&mut ports[index]),
            components: std::mem::take(&mut circuit.components),
            nets,
            no_connects: Vec::new(),
            instances,
            origin: Some(circuit.path.clone()),
        });
    }
    Design {
        name: circuits[0].name.clone(),
        root: circuits[0].definition.clone(),
        definitions,
        sheet_uuids: Vec::new(),
    }
}

/// A net as a definition holds it: an auto-named net is unnamed (its name stays as `id`, for
/// bindings) unless it is a port's net, which carries the port's name.
fn make_net(name: &str, nodes: Vec<PinRef>, path: String, is_port: bool) -> Net {
    let unnamed = is_auto_name(name) && !is_port;
    Net {
        name: if unnamed {
            None
        } else {
            Some(name.to_string())
        },
        id: if unnamed {
            Some(name.to_string())
        } else {
            None
        },
        nodes,
        origin: Some(path),
        ..Net::default()
    }
}

fn common_ancestor(circuits: &[Circuit], mut a: usize, mut b: usize) -> usize {
    while circuits[a].depth > circuits[b].depth {
        a = circuits[a].parent.expect("a parent");
    }
    while circuits[b].depth > circuits[a].depth {
        b = circuits[b].parent.expect("a parent");
    }
    while a != b {
        a = circuits[a].parent.expect("a parent");
        b = circuits[b].parent.expect("a parent");
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert!(is_circuit_synth(br#"{"name": "r", "components": {}}"#));
        assert!(!is_circuit_synth(
            br#"{"format": "circuitsynth-circuit", "components": {}}"#
        ));
        assert!(!is_circuit_synth(br#"{"components": {},}"#));
        assert!(!is_circuit_synth(b"[]"));
    }

    #[test]
    fn auto_names() {
        assert!(is_auto_name("N$12"));
        assert!(!is_auto_name("N$"));
        assert!(!is_auto_name("N$1a"));
        assert!(!is_auto_name("NET1"));
    }
}
