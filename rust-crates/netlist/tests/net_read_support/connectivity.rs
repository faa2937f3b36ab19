//! Connectivity of a `.net` and of a design, compared with a readable diff: which nets hold
//! which (reference, pin), and each component's value and footprint. The `.net` side reads the
//! file with the `io` parser alone and the design side follows ports and bindings itself, so
//! neither shares code with the reader under test.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use circuitsynth_io::{Document, Kind};
use circuitsynth_netlist::model::Design;

/// Nets by name, each the set of its (reference, pin); components by reference.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Connectivity {
    pub nets: BTreeMap<String, BTreeSet<(String, String)>>,
    /// reference -> (value, footprint).
    pub components: BTreeMap<String, (String, String)>,
}

fn text(doc: &Document, node: usize) -> String {
    String::from_utf8_lossy(&doc.value(node).unwrap_or_default()).into_owned()
}

fn head(doc: &Document, list: usize) -> Option<String> {
    let first = doc.children(list).next()?;
    (doc.kind(first) != Kind::List).then(|| text(doc, first))
}

fn child(doc: &Document, list: usize, key: &str) -> Option<usize> {
    doc.children(list)
        .skip(1)
        .find(|&c| doc.kind(c) == Kind::List && head(doc, c).as_deref() == Some(key))
}

fn children<'d>(doc: &'d Document, list: usize, key: &'d str) -> impl Iterator<Item = usize> + 'd {
    doc.children(list)
        .skip(1)
        .filter(move |&c| doc.kind(c) == Kind::List && head(doc, c).as_deref() == Some(key))
}

fn value_of(doc: &Document, list: usize, key: &str) -> Option<String> {
    let element = child(doc, list, key)?;
    doc.children(element).nth(1).map(|v| text(doc, v))
}

impl Connectivity {
    /// From a KiCad `.net` (components' `~` value reads as empty, as the reader maps it).
    pub fn of_net(bytes: &[u8]) -> Connectivity {
        let doc = Document::parse(bytes).expect("the .net parses");
        let mut out = Connectivity::default();
        if let Some(components) = child(&doc, 0, "components") {
            for comp in children(&doc, components, "comp") {
                let reference = value_of(&doc, comp, "ref").expect("comp ref");
                let mut value = value_of(&doc, comp, "value").unwrap_or_default();
                if value == "~" {
                    value.clear();
                }
                let footprint = value_of(&doc, comp, "footprint").unwrap_or_default();
                out.components.insert(reference, (value, footprint));
            }
        }
        if let Some(nets) = child(&doc, 0, "nets") {
            for net in children(&doc, nets, "net") {
                let name = value_of(&doc, net, "name").expect("net name");
                let members = out.nets.entry(name).or_default();
                for node in children(&doc, net, "node") {
                    members.insert((
                        value_of(&doc, node, "ref").expect("node ref"),
                        value_of(&doc, node, "pin").expect("node pin"),
                    ));
                }
            }
        }
        out
    }

    /// From a design of absolute references and absolute net names: instances expand from the
    /// root, each binding joins a port to its parent's net, and every joined net must carry one
    /// name. Panics with the reason when the design is not of that shape.
    pub fn of_design(design: &Design) -> Connectivity {
        let mut out = Connectivity::default();
        // Union-find over (instance path, net or port name).
        let mut ids: HashMap<(String, String), usize> = HashMap::new();
        let mut parent: Vec<usize> = Vec::new();
        let mut names: Vec<Option<String>> = Vec::new();
        let mut pins: Vec<(usize, String, String)> = Vec::new();
        fn id(
            ids: &mut HashMap<(String, String), usize>,
            parent: &mut Vec<usize>,
            names: &mut Vec<Option<String>>,
            path: &str,
            net: &str,
        ) -> usize {
            *ids.entry((path.to_string(), net.to_string()))
                .or_insert_with(|| {
                    parent.push(parent.len());
                    names.push(None);
                    parent.len() - 1
                })
        }
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut stack = vec![(design.root.clone(), "/".to_string())];
        while let Some((definition, path)) = stack.pop() {
            let def = design
                .definition(&definition)
                .unwrap_or_else(|| panic!("no definition {definition}"));
            for c in &def.components {
                let previous = out
                    .components
                    .insert(c.reference.clone(), (c.value.clone(), c.footprint.clone()));
                assert!(previous.is_none(), "component {} placed twice", c.reference);
            }
            for net in &def.nets {
                let name = net.name.clone().expect("every net is named");
                assert!(net.absolute, "net {name} of {definition} is not absolute");
                let n = id(&mut ids, &mut parent, &mut names, &path, &name);
                names[n] = Some(name.clone());
                for node in &net.nodes {
                    assert!(
                        def.components.iter().any(|c| c.id == node.component),
                        "net {name} of {definition} refers to {}, not a component of it",
                        node.component
                    );
                    pins.push((n, node.component.clone(), node.pin.clone()));
                }
            }
            for port in &def.ports {
                id(&mut ids, &mut parent, &mut names, &path, port);
            }
            for instance in &def.instances {
                let child_path = format!("{path}{}/", instance.name);
                let child = design
                    .definition(&instance.definition)
                    .unwrap_or_else(|| panic!("no definition {}", instance.definition));
                let mut bound: Vec<&str> = Vec::new();
                for (port, net) in &instance.bindings {
                    assert!(child.ports.contains(port), "{child_path}: no port {port}");
                    assert!(
                        def.ports.contains(net)
                            || def.nets.iter().any(|n| n.name.as_ref() == Some(net)),
                        "{child_path}: binding to {net}, no net of {definition}"
                    );
                    bound.push(port);
                    let a = id(&mut ids, &mut parent, &mut names, &child_path, port);
                    let b = id(&mut ids, &mut parent, &mut names, &path, net);
                    let (a, b) = (find(&mut parent, a), find(&mut parent, b));
                    parent[a] = b;
                }
                for port in &child.ports {
                    assert!(
                        bound.contains(&port.as_str()),
                        "{child_path}: port {port} unbound"
                    );
                }
                stack.push((instance.definition.clone(), child_path));
            }
        }
        let mut class_name: HashMap<usize, String> = HashMap::new();
        for &n in ids.values() {
            let root = find(&mut parent, n);
            if let Some(name) = &names[n] {
                if let Some(previous) = class_name.insert(root, name.clone()) {
                    assert_eq!(&previous, name, "two nets are joined through ports");
                }
            }
        }
        for (n, reference, pin) in pins {
            let root = find(&mut parent, n);
            let name = class_name[&root].clone();
            out.nets.entry(name).or_default().insert((reference, pin));
        }
        // Nets without pins are kept by name, as the .net lists them.
        for &n in ids.values() {
            let root = find(&mut parent, n);
            if let Some(name) = class_name.get(&root) {
                out.nets.entry(name.clone()).or_default();
            }
        }
        out
    }

    /// Empty when equal; else what differs, one line per fact.
    pub fn diff(&self, other: &Connectivity) -> String {
        let mut out = String::new();
        for (name, members) in &self.nets {
            match other.nets.get(name) {
                None => {
                    writeln!(out, "net {name}: only on the left ({} pins)", members.len()).unwrap()
                }
                Some(theirs) if theirs != members => {
                    let gone: Vec<String> = members
                        .difference(theirs)
                        .map(|(r, p)| format!("{r}.{p}"))
                        .collect();
                    let new: Vec<String> = theirs
                        .difference(members)
                        .map(|(r, p)| format!("{r}.{p}"))
                        .collect();
                    writeln!(out, "net {name}: left only {gone:?}, right only {new:?}").unwrap();
                }
                Some(_) => {}
            }
        }
        for (name, members) in &other.nets {
            if !self.nets.contains_key(name) {
                writeln!(
                    out,
                    "net {name}: only on the right ({} pins)",
                    members.len()
                )
                .unwrap();
            }
        }
        for (reference, ours) in &self.components {
            match other.components.get(reference) {
                None => writeln!(out, "component {reference}: only on the left").unwrap(),
                Some(theirs) if theirs != ours => writeln!(
                    out,
                    "component {reference}: left {ours:?}, right {theirs:?}"
                )
                .unwrap(),
                Some(_) => {}
            }
        }
        for reference in other.components.keys() {
            if !self.components.contains_key(reference) {
                writeln!(out, "component {reference}: only on the right").unwrap();
            }
        }
        out
    }
}
