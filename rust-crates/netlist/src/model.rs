//! The circuit model before finalize (specification section 1): the common form of every input.
//! Mirrors the Java records of `io.circuitsynth.netlist` field for field.

/// A set of definitions and the name of the root one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Design {
    /// The project name.
    pub name: String,
    /// The name of the root definition.
    pub root: String,
    /// Every definition, in document order; names are unique.
    pub definitions: Vec<Definition>,
    /// Sheet instance UUIDs read from a `.net`, as (sheet path `/a/b/`, UUID).
    pub sheet_uuids: Vec<(String, String)>,
}

impl Design {
    /// The definition called `name`, if any.
    pub fn definition(&self, name: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| d.name == name)
    }
}

/// One circuit: ports, components, nets, no-connect marks and the instances it places.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Definition {
    pub name: String,
    /// Port names in order; inside the definition each is a net of that name.
    pub ports: Vec<String>,
    pub components: Vec<Component>,
    pub nets: Vec<Net>,
    pub no_connects: Vec<PinRef>,
    pub instances: Vec<Instance>,
    /// Where it came from, for messages (a JSON path).
    pub origin: Option<String>,
}

/// How a component's reference is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReferenceKind {
    /// A prefix numbered by finalize.
    #[default]
    Prefix,
    /// Used as is in the root; local and numbered per instance in a subcircuit.
    Fixed,
    /// Used as written wherever it is.
    Absolute,
}

/// One pin of a component's own pin table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PinSpec {
    pub number: String,
    /// `~` reads as empty.
    pub name: String,
    /// One of the twelve KiCad electrical type keywords.
    pub electrical_type: String,
    /// 0 for every unit.
    pub unit: u32,
    pub hidden: bool,
}

/// A component before finalize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// Unique in its definition.
    pub id: String,
    /// `LIB:NAME`.
    pub symbol: String,
    pub reference_kind: ReferenceKind,
    pub reference: String,
    pub value: String,
    pub footprint: String,
    pub datasheet: String,
    pub description: String,
    /// User fields in order, as (name, value).
    pub fields: Vec<(String, String)>,
    pub dnp: bool,
    pub in_bom: bool,
    pub on_board: bool,
    /// The pin table for a symbol found in no library; `None` takes the symbol's pins.
    pub pins: Option<Vec<PinSpec>>,
    /// Placed units' UUIDs kept from a `.net`, in `tstamps` order.
    pub uuids: Vec<String>,
    pub origin: Option<String>,
}

impl Default for Component {
    fn default() -> Self {
        Component {
            id: String::new(),
            symbol: String::new(),
            reference_kind: ReferenceKind::Prefix,
            reference: String::new(),
            value: String::new(),
            footprint: String::new(),
            datasheet: String::new(),
            description: String::new(),
            fields: Vec::new(),
            dnp: false,
            in_bom: true,
            on_board: true,
            pins: None,
            uuids: Vec::new(),
            origin: None,
        }
    }
}

/// Whether a net is a global power net.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Power {
    /// Decided by the name.
    #[default]
    Auto,
    Yes,
    No,
}

/// A net before finalize.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Net {
    pub name: Option<String>,
    /// Lets bindings reach an unnamed net.
    pub id: Option<String>,
    pub power: Power,
    /// `Default` unless set.
    pub class: String,
    pub nodes: Vec<PinRef>,
    /// The name is used verbatim (a `.net` import).
    pub absolute: bool,
    pub origin: Option<String>,
}

impl Default for Net {
    fn default() -> Self {
        Net {
            name: None,
            id: None,
            power: Power::Auto,
            class: "Default".to_string(),
            nodes: Vec::new(),
            absolute: false,
            origin: None,
        }
    }
}

/// A net's node or a no-connect mark: pins of a component.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PinRef {
    /// The component's id in the same definition.
    pub component: String,
    /// A pin number, else every pin of that name.
    pub pin: String,
    /// Restricts a name selector to one unit; 0 for none.
    pub unit: u32,
    pub origin: Option<String>,
}

/// A subcircuit instance: a hierarchical sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Instance {
    /// Unique among siblings, no `/`.
    pub name: String,
    pub definition: String,
    /// (port of `definition`, net name or id of the placing definition), in order.
    pub bindings: Vec<(String, String)>,
    pub origin: Option<String>,
}

/// What flattening and reference numbering read of a design (specification sections 2.1 and
/// 2.4), borrowed: the root's name, and of every definition its name, whether it has ports, its
/// instances (without bindings), its origin, and its components' ids, references and origins.
///
/// `finalize` takes it from a [`Design`] ([`Outline::of`]); the JNI bridge decodes it straight
/// from the design codec's bytes ([`crate::codec::decode_outline`]), so reference generation
/// copies no string of the design.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline<'a> {
    pub root: &'a str,
    pub definitions: Vec<OutlineDefinition<'a>>,
}

/// One definition of an [`Outline`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineDefinition<'a> {
    pub name: &'a str,
    pub has_ports: bool,
    pub components: Vec<OutlineComponent<'a>>,
    pub instances: Vec<OutlineInstance<'a>>,
    pub origin: Option<&'a str>,
}

/// One component of an [`OutlineDefinition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlineComponent<'a> {
    pub id: &'a str,
    pub reference_kind: ReferenceKind,
    pub reference: &'a str,
    pub origin: Option<&'a str>,
}

/// One instance of an [`OutlineDefinition`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlineInstance<'a> {
    pub name: &'a str,
    pub definition: &'a str,
    pub origin: Option<&'a str>,
}

impl<'a> Outline<'a> {
    /// The outline of `design`.
    pub fn of(design: &'a Design) -> Self {
        Outline {
            root: &design.root,
            definitions: design
                .definitions
                .iter()
                .map(|d| OutlineDefinition {
                    name: &d.name,
                    has_ports: !d.ports.is_empty(),
                    components: d
                        .components
                        .iter()
                        .map(|c| OutlineComponent {
                            id: &c.id,
                            reference_kind: c.reference_kind,
                            reference: &c.reference,
                            origin: c.origin.as_deref(),
                        })
                        .collect(),
                    instances: d
                        .instances
                        .iter()
                        .map(|i| OutlineInstance {
                            name: &i.name,
                            definition: &i.definition,
                            origin: i.origin.as_deref(),
                        })
                        .collect(),
                    origin: d.origin.as_deref(),
                })
                .collect(),
        }
    }
}
