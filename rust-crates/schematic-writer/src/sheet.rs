//! Writes the planned project: every `.kicad_sch`, the project library and its `sym-lib-table`,
//! the `.kicad_pro`; and the report (the names KiCad will give the nets, each sheet's counts and
//! overlaps). The Java twin is `io.circuitsynth.schematic.SheetWriter`.

use std::collections::BTreeMap;

use circuitsynth_io::build::Builder;
use circuitsynth_netlist::uuid::uuid_v5;
use circuitsynth_pin_calculator::{FieldPlacement, HAlign, Rect, VAlign};

use crate::drawing::{Draw, Item, ItemKind, SymbolRef};
use crate::writer::{escape, label_angle, library_header, Plan, Writer, TEXT};
use crate::{GeneratedProject, NetReport, ProjectFile, SchematicError, SheetReport};

const VERSION: &str = "20250114";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    NoConnect,
    Wire,
    Label,
    Global,
    Hier,
    Symbol,
    Sheet,
}

/// One element of a sheet file, before sorting by UUID within its kind: what it draws is the
/// item's member `member` (a no-connect, wire, label or power symbol), or the item itself.
struct Element {
    kind: Kind,
    uuid: String,
    item: usize,
    member: Option<usize>,
}

pub(crate) fn files(w: &mut Writer<'_, '_>) -> Result<GeneratedProject, SchematicError> {
    let kicad_names = kicad_names(w);
    let mut local_library = None;
    if !w.local_symbols.is_empty() {
        let mut b = library_header();
        for i in 0..w.local_symbols.len() {
            w.write_local_symbol(&mut b, i)?;
        }
        let bytes = b.finish().print();
        let lib = w.local_lib.clone();
        w.libs.register(&lib, bytes.clone())?;
        local_library = Some(bytes);
    }
    let paths = instance_paths(w);
    let mut files = Vec::new();
    let mut reports = Vec::new();
    for p in 0..w.plans.len() {
        let mut counts = [0usize; 6];
        let bytes = write_sheet(w, p, &paths, &mut counts)?;
        let plan = &w.plans[p];
        files.push(ProjectFile {
            path: plan.file.clone(),
            bytes,
        });
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
        let mut boxes = Vec::new();
        for item in &plan.items {
            min_x = min_x.min(i64::from(item.x) + i64::from(item.min_x));
            min_y = min_y.min(i64::from(item.y) + i64::from(item.min_y));
            max_x = max_x.max(i64::from(item.x) + i64::from(item.max_x));
            max_y = max_y.max(i64::from(item.y) + i64::from(item.max_y));
            for r in &item.boxes {
                boxes.push(Rect {
                    min_x: r.min_x + item.x,
                    min_y: r.min_y + item.y,
                    max_x: r.max_x + item.x,
                    max_y: r.max_y + item.y,
                });
            }
        }
        if plan.items.is_empty() {
            (min_x, min_y, max_x, max_y) = (0, 0, 0, 0);
        }
        reports.push(SheetReport {
            file: plan.file.clone(),
            definition: plan.definition.clone(),
            page: plan.paper.clone(),
            symbols: counts[0],
            sheets: counts[1],
            power_symbols: counts[2],
            labels: counts[3],
            wires: counts[4],
            no_connects: counts[5],
            width: max_x - min_x,
            height: max_y - min_y,
            overlaps: overlaps(&mut boxes),
        });
    }
    if let Some(bytes) = local_library {
        files.push(ProjectFile {
            path: format!("{}.kicad_sym", w.local_lib),
            bytes,
        });
        files.push(ProjectFile {
            path: "sym-lib-table".to_string(),
            bytes: sym_lib_table(&w.local_lib),
        });
    }
    files.push(ProjectFile {
        path: format!("{}.kicad_pro", w.project),
        bytes: project_file(w, &kicad_names, &paths),
    });
    let nets =
        w.nl.nets
            .iter()
            .enumerate()
            .map(|(g, n)| NetReport {
                name: n.name.clone(),
                kicad_name: kicad_names[g].clone(),
            })
            .collect();
    Ok(GeneratedProject {
        name: w.project.clone(),
        files,
        sheets: reports,
        nets,
        components: w.nl.components.len(),
    })
}

/// Pairs of boxes that share a point, by a sweep over their left edges.
pub(crate) fn overlaps(boxes: &mut [Rect]) -> usize {
    boxes.sort_by_key(|r| r.min_x);
    let mut count = 0;
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            if boxes[j].min_x > boxes[i].max_x {
                break;
            }
            if boxes[i].intersects(&boxes[j]) {
                count += 1;
            }
        }
    }
    count
}

// ---- names KiCad gives the nets ----

/// A candidate name of a net: the driver's strength (KiCad's priority), the sheet's depth, the name.
struct Driver {
    priority: u32,
    depth: u32,
    name: String,
}

fn better(a: &Driver, b: &Driver) -> bool {
    if a.priority != b.priority {
        return a.priority > b.priority;
    }
    if a.depth != b.depth {
        return a.depth < b.depth;
    }
    a.name < b.name
}

fn kicad_names(w: &Writer<'_, '_>) -> Vec<String> {
    let nl = w.nl;
    let mut best: Vec<Option<Driver>> = (0..nl.nets.len()).map(|_| None).collect();
    for plan in &w.plans {
        for piece in &plan.pieces {
            for (k, &s) in plan.instances.iter().enumerate() {
                let g = piece.key[k];
                if g < 0 {
                    continue;
                }
                let sheet = &nl.sheets[s];
                let text = piece.text.as_deref().unwrap_or("");
                let d = if piece.rail {
                    Driver {
                        priority: 4,
                        depth: 0,
                        name: nl.nets[g as usize].name.clone(),
                    }
                } else if piece.draw == Draw::Global {
                    Driver {
                        priority: 5,
                        depth: 0,
                        name: escape(text),
                    }
                } else if piece.draw == Draw::Label {
                    Driver {
                        priority: 3,
                        depth: sheet.depth,
                        name: format!("{}{}", sheet.path, escape(text)),
                    }
                } else if piece.draw == Draw::Hier {
                    Driver {
                        priority: 2,
                        depth: sheet.depth,
                        name: format!("{}{}", sheet.path, escape(text)),
                    }
                } else {
                    continue;
                };
                let slot = &mut best[g as usize];
                let wins = match slot.as_ref() {
                    None => true,
                    Some(old) => better(&d, old),
                };
                if wins {
                    *slot = Some(d);
                }
            }
        }
    }
    best.into_iter()
        .enumerate()
        .map(|(g, d)| d.map_or_else(|| nl.nets[g].name.clone(), |d| d.name))
        .collect()
}

// ---- the sheet file ----

fn mm(b: &mut Builder, iu: i64) {
    b.decimal(iu, 4);
}

fn at(b: &mut Builder, x: i64, y: i64, angle: i32) {
    b.open("at");
    mm(b, x);
    mm(b, y);
    b.symbol(&angle.to_string()).close();
}

fn yes_no(b: &mut Builder, key: &str, value: bool) {
    b.open(key).symbol(if value { "yes" } else { "no" }).close();
}

fn effects(b: &mut Builder, h: HAlign, v: VAlign, hide: bool) {
    b.open("effects").open("font").open("size");
    mm(b, i64::from(TEXT));
    mm(b, i64::from(TEXT));
    b.close().close();
    if h != HAlign::Center || v != VAlign::Center {
        b.open("justify");
        if h != HAlign::Center {
            b.symbol(h.keyword());
        }
        if v != VAlign::Center {
            b.symbol(v.keyword());
        }
        b.close();
    }
    if hide {
        yes_no(b, "hide", true);
    }
    b.close();
}

fn property(b: &mut Builder, key: &str, value: &str, f: &FieldPlacement, dx: i32, dy: i32) {
    b.open("property").string(key).string(value);
    at(
        b,
        i64::from(f.x) + i64::from(dx),
        i64::from(f.y) + i64::from(dy),
        f.file_angle.degrees(),
    );
    effects(b, f.file_h, f.file_v, false);
    b.close();
}

fn hidden_property(b: &mut Builder, key: &str, value: &str, x: i64, y: i64) {
    b.open("property").string(key).string(value);
    at(b, x, y, 0);
    effects(b, HAlign::Center, VAlign::Center, true);
    b.close();
}

fn write_sheet(
    w: &mut Writer<'_, '_>,
    p: usize,
    paths: &[String],
    counts: &mut [usize; 6],
) -> Result<Vec<u8>, SchematicError> {
    let plan = &w.plans[p];
    let root = plan.instances[0] == 0;
    let mut b = Builder::new("kicad_sch");
    b.open("version").symbol(VERSION).close();
    b.open("generator").string("circuitsynth").close();
    b.open("generator_version").string("9.0").close();
    b.open("uuid").string(&plan.uuid).close();
    b.open("paper").string(&plan.paper);
    if plan.paper == "User" {
        mm(&mut b, plan.paper_width);
        mm(&mut b, plan.paper_height);
    }
    b.close();
    b.open("title_block")
        .open("title")
        .string(if root { &w.project } else { &plan.definition })
        .close()
        .close();
    // lib_symbols: every symbol the file places, by id.
    let mut used: BTreeMap<String, SymbolRef> = BTreeMap::new();
    for item in &plan.items {
        if let Some(r) = item.symbol {
            used.insert(w.symbol(r).lib_id.clone(), r);
        }
        for m in &item.members {
            if let Some(power) = &m.power {
                let r = SymbolRef::Library(power.symbol);
                used.insert(w.symbol(r).lib_id.clone(), r);
            }
        }
    }
    b.open("lib_symbols");
    for r in used.values() {
        let ps = w.symbol(*r);
        let (lib, name, id) = (ps.lib.clone(), ps.name.clone(), ps.lib_id.clone());
        w.libs.write(&mut b, &lib, &name, &id)?;
    }
    b.close();
    let plan = &w.plans[p];
    let mut elements = Vec::new();
    for (it, item) in plan.items.iter().enumerate() {
        elements_of(it, item, &mut elements, counts);
    }
    elements.sort_by(|a, c| a.kind.cmp(&c.kind).then_with(|| a.uuid.cmp(&c.uuid)));
    for e in &elements {
        write_element(w, plan, e, paths, &mut b);
    }
    if root {
        b.open("sheet_instances")
            .open("path")
            .string("/")
            .open("page")
            .string("1")
            .close()
            .close()
            .close();
    }
    b.open("embedded_fonts").symbol("no").close();
    Ok(b.finish().print())
}

/// KiCad's instance path of every sheet instance: the root file's UUID, then each sheet symbol's.
fn instance_paths(w: &Writer<'_, '_>) -> Vec<String> {
    let nl = w.nl;
    let mut paths = vec![format!("/{}", nl.sheets[0].uuid)];
    for s in 1..nl.sheets.len() {
        let sheet = &nl.sheets[s];
        let parent = &w.plans[w.plan_index(nl.sheets[sheet.parent as usize].definition)];
        let mut written = "";
        for item in &parent.items {
            if item.kind == ItemKind::Sheet && item.sheet_name == sheet.name {
                written = &item.uuid;
            }
        }
        let path = format!("{}/{}", paths[sheet.parent as usize], written);
        paths.push(path);
    }
    paths
}

fn elements_of(it: usize, item: &Item, out: &mut Vec<Element>, counts: &mut [usize; 6]) {
    for (i, m) in item.members.iter().enumerate() {
        let owner = format!("{}:{i}", item.uuid);
        if m.draw == Draw::Nc {
            out.push(Element {
                kind: Kind::NoConnect,
                uuid: uuid_v5(&format!("circuitsynth:noconnect:{owner}")),
                item: it,
                member: Some(i),
            });
            counts[5] += 1;
            continue;
        }
        if m.stub > 0 {
            out.push(Element {
                kind: Kind::Wire,
                uuid: uuid_v5(&format!("circuitsynth:wire:{owner}")),
                item: it,
                member: Some(i),
            });
            counts[4] += 1;
        }
        match m.draw {
            Draw::Label | Draw::Hier | Draw::Global => {
                let kind = match m.draw {
                    Draw::Label => Kind::Label,
                    Draw::Hier => Kind::Hier,
                    _ => Kind::Global,
                };
                out.push(Element {
                    kind,
                    uuid: uuid_v5(&format!("circuitsynth:label:{owner}")),
                    item: it,
                    member: Some(i),
                });
                counts[3] += 1;
            }
            Draw::Power => {
                if let Some(power) = &m.power {
                    out.push(Element {
                        kind: Kind::Symbol,
                        uuid: power.uuid.clone(),
                        item: it,
                        member: Some(i),
                    });
                    counts[2] += 1;
                }
            }
            Draw::Nc => {}
        }
    }
    let (kind, count) = match item.kind {
        ItemKind::Unit => (Kind::Symbol, 0),
        ItemKind::Flag => (Kind::Symbol, 2),
        ItemKind::Sheet => (Kind::Sheet, 1),
    };
    out.push(Element {
        kind,
        uuid: item.uuid.clone(),
        item: it,
        member: None,
    });
    counts[count] += 1;
}

#[allow(clippy::too_many_arguments)]
fn symbol_header(
    b: &mut Builder,
    lib_id: &str,
    exclude_from_sim: bool,
    x: i64,
    y: i64,
    angle: i32,
    unit: u32,
    flags: (bool, bool, bool),
    uuid: &str,
) {
    b.open("symbol");
    b.open("lib_id").string(lib_id).close();
    at(b, x, y, angle);
    b.open("unit").symbol(&unit.to_string()).close();
    yes_no(b, "exclude_from_sim", exclude_from_sim);
    yes_no(b, "in_bom", flags.0);
    yes_no(b, "on_board", flags.1);
    yes_no(b, "dnp", flags.2);
    b.open("uuid").string(uuid).close();
}

/// `(pin "N" (uuid …))` for every pin number of the symbol, in library order.
fn pins(b: &mut Builder, w: &Writer<'_, '_>, r: SymbolRef, owner: &str) {
    let mut seen = std::collections::HashSet::new();
    for pin in &w.symbol(r).symbol.pins {
        if seen.insert(pin.number.as_ref()) {
            b.open("pin").string(&pin.number);
            b.open("uuid")
                .string(&uuid_v5(&format!(
                    "circuitsynth:pin:{owner}:{}",
                    pin.number
                )))
                .close();
            b.close();
        }
    }
}

fn instances(
    b: &mut Builder,
    w: &Writer<'_, '_>,
    plan: &Plan,
    paths: &[String],
    references: &[String],
    unit: u32,
) {
    b.open("instances").open("project").string(&w.project);
    for (k, &s) in plan.instances.iter().enumerate() {
        b.open("path").string(&paths[s]);
        b.open("reference").string(&references[k]).close();
        b.open("unit").symbol(&unit.to_string()).close();
        b.close();
    }
    b.close().close();
}

fn write_element(w: &Writer<'_, '_>, plan: &Plan, e: &Element, paths: &[String], b: &mut Builder) {
    let nl = w.nl;
    let item = &plan.items[e.item];
    let (ox, oy) = (item.x, item.y);
    if let Some(mi) = e.member {
        let m = &item.members[mi];
        let ex = i64::from(ox) + i64::from(m.x) + i64::from(m.dx) * i64::from(m.stub);
        let ey = i64::from(oy) + i64::from(m.y) + i64::from(m.dy) * i64::from(m.stub);
        let (px0, py0) = (
            i64::from(ox) + i64::from(m.x),
            i64::from(oy) + i64::from(m.y),
        );
        match e.kind {
            Kind::NoConnect => {
                b.open("no_connect").open("at");
                mm(b, px0);
                mm(b, py0);
                b.close();
                b.open("uuid").string(&e.uuid).close();
                b.close();
            }
            Kind::Wire => {
                b.open("wire").open("pts").open("xy");
                mm(b, px0);
                mm(b, py0);
                b.close().open("xy");
                mm(b, ex);
                mm(b, ey);
                b.close().close();
                b.open("stroke")
                    .open("width")
                    .symbol("0")
                    .close()
                    .open("type")
                    .symbol("default")
                    .close()
                    .close();
                b.open("uuid").string(&e.uuid).close();
                b.close();
            }
            Kind::Label | Kind::Hier | Kind::Global => {
                let angle = label_angle(m.dx, m.dy).degrees();
                let forward = m.dx == 1 || m.dy == -1;
                let h = if forward { HAlign::Left } else { HAlign::Right };
                match e.kind {
                    Kind::Label => {
                        b.open("label").string(&m.text);
                        at(b, ex, ey, angle);
                        effects(b, h, VAlign::Bottom, false);
                        b.open("uuid").string(&e.uuid).close();
                    }
                    Kind::Hier => {
                        b.open("hierarchical_label").string(&m.text);
                        b.open("shape").symbol("passive").close();
                        at(b, ex, ey, angle);
                        effects(b, h, VAlign::Center, false);
                        b.open("uuid").string(&e.uuid).close();
                    }
                    _ => {
                        b.open("global_label").string(&m.text);
                        b.open("shape").symbol("passive").close();
                        at(b, ex, ey, angle);
                        yes_no(b, "fields_autoplaced", true);
                        effects(b, h, VAlign::Center, false);
                        b.open("uuid").string(&e.uuid).close();
                        b.open("property")
                            .string("Intersheetrefs")
                            .string("${INTERSHEET_REFS}");
                        at(b, ex, ey, 0);
                        effects(b, h, VAlign::Center, true);
                        b.close();
                    }
                }
                b.close();
            }
            _ => {
                let p = m.power.as_ref().expect("power members carry their symbol");
                let r = SymbolRef::Library(p.symbol);
                let ps = w.symbol(r);
                let (px, py) = (
                    i64::from(ox) + i64::from(p.x),
                    i64::from(oy) + i64::from(p.y),
                );
                symbol_header(
                    b,
                    &ps.lib_id,
                    ps.symbol.flags.exclude_from_sim,
                    px,
                    py,
                    p.rotation.degrees(),
                    1,
                    (true, true, false),
                    &p.uuid,
                );
                b.open("property")
                    .string("Reference")
                    .string(&p.references[0]);
                at(b, px, py, 0);
                effects(b, HAlign::Center, VAlign::Center, true);
                b.close();
                property(b, "Value", &p.value, &p.value_field, ox, oy);
                hidden_property(b, "Footprint", "", px, py);
                hidden_property(b, "Datasheet", ps.symbol.datasheet(), px, py);
                hidden_property(b, "Description", ps.symbol.description(), px, py);
                pins(b, w, r, &p.uuid);
                instances(b, w, plan, paths, &p.references, 1);
                b.close();
            }
        }
        return;
    }
    let (x, y) = (i64::from(ox), i64::from(oy));
    match item.kind {
        ItemKind::Unit => {
            let r = item.symbol.expect("units have symbols");
            let ps = w.symbol(r);
            let comp = w.component(&plan.instances, item, 0);
            let spec = comp.spec;
            symbol_header(
                b,
                &ps.lib_id,
                ps.symbol.flags.exclude_from_sim,
                x,
                y,
                0,
                item.unit,
                (spec.in_bom, spec.on_board, spec.dnp),
                &item.uuid,
            );
            let fields = item.fields.as_ref().expect("annotated");
            property(b, "Reference", &comp.reference, &fields.reference, ox, oy);
            property(b, "Value", &spec.value, &fields.value, ox, oy);
            hidden_property(b, "Footprint", &spec.footprint, x, y);
            hidden_property(b, "Datasheet", &spec.datasheet, x, y);
            hidden_property(b, "Description", &spec.description, x, y);
            for (name, value) in &spec.fields {
                hidden_property(b, name, value, x, y);
            }
            pins(b, w, r, &item.uuid);
            let references: Vec<String> = (0..plan.instances.len())
                .map(|k| w.component(&plan.instances, item, k).reference.clone())
                .collect();
            instances(b, w, plan, paths, &references, item.unit);
            b.close();
        }
        ItemKind::Flag => {
            let r = item.symbol.expect("flags have symbols");
            let ps = w.symbol(r);
            symbol_header(
                b,
                &ps.lib_id,
                ps.symbol.flags.exclude_from_sim,
                x,
                y,
                item.rotation.degrees(),
                1,
                (true, true, false),
                &item.uuid,
            );
            b.open("property")
                .string("Reference")
                .string(&item.references[0]);
            at(b, x, y, 0);
            effects(b, HAlign::Center, VAlign::Center, true);
            b.close();
            property(
                b,
                "Value",
                ps.symbol.value(),
                item.value_field.as_ref().expect("annotated"),
                ox,
                oy,
            );
            hidden_property(b, "Footprint", "", x, y);
            hidden_property(b, "Datasheet", ps.symbol.datasheet(), x, y);
            hidden_property(b, "Description", ps.symbol.description(), x, y);
            pins(b, w, r, &item.uuid);
            instances(b, w, plan, paths, &item.references, 1);
            b.close();
        }
        ItemKind::Sheet => {
            b.open("sheet").open("at");
            mm(b, x);
            mm(b, y);
            b.close().open("size");
            mm(b, i64::from(item.width));
            mm(b, i64::from(item.height));
            b.close();
            yes_no(b, "exclude_from_sim", false);
            yes_no(b, "in_bom", true);
            yes_no(b, "on_board", true);
            yes_no(b, "dnp", false);
            b.open("stroke").open("width");
            mm(b, 1524);
            b.close().open("type").symbol("solid").close().close();
            b.open("fill")
                .open("color")
                .symbol("0")
                .symbol("0")
                .symbol("0")
                .symbol("0.0000")
                .close()
                .close();
            b.open("uuid").string(&item.uuid).close();
            property(
                b,
                "Sheetname",
                &item.sheet_name,
                item.name_field.as_ref().expect("sized"),
                ox,
                oy,
            );
            property(
                b,
                "Sheetfile",
                &item.sheet_file,
                item.file_field.as_ref().expect("sized"),
                ox,
                oy,
            );
            for m in &item.members {
                let left = m.dx == -1;
                b.open("pin").string(&m.pin).symbol("passive");
                at(
                    b,
                    x + i64::from(m.x),
                    y + i64::from(m.y),
                    if left { 180 } else { 0 },
                );
                b.open("uuid")
                    .string(&uuid_v5(&format!(
                        "circuitsynth:sheetpin:{}:{}",
                        item.uuid, m.pin
                    )))
                    .close();
                effects(
                    b,
                    if left { HAlign::Left } else { HAlign::Right },
                    VAlign::Center,
                    false,
                );
                b.close();
            }
            b.open("instances").open("project").string(&w.project);
            for &s in &plan.instances {
                let child = nl
                    .sheets
                    .iter()
                    .find(|c| c.parent as usize == s && c.name == item.sheet_name)
                    .expect("every sheet symbol has its instance");
                b.open("path").string(&paths[s]);
                b.open("page").string(&child.page.to_string()).close();
                b.close();
            }
            b.close().close();
            b.close();
        }
    }
}

// ---- project files ----

fn sym_lib_table(nickname: &str) -> Vec<u8> {
    format!(
        "(sym_lib_table\n  (version 7)\n  (lib (name \"{nickname}\")(type \"KiCad\")(uri \"${{KIPRJMOD}}/{nickname}.kicad_sym\")(options \"\")(descr \"Symbols of this project (generated by circuitsynth)\"))\n)\n"
    )
    .into_bytes()
}

/// KiCad's JSON layout: two-space indents, one member or element per line, empty ones inline.
struct Json {
    out: String,
    first: Vec<bool>,
    after_key: bool,
}

impl Json {
    fn separate(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if let Some(top) = self.first.last_mut() {
            if !*top {
                self.out.push(',');
            }
            *top = false;
            self.out.push('\n');
            let depth = self.first.len();
            self.out.push_str(&"  ".repeat(depth));
        }
    }

    fn open(&mut self, c: char) -> &mut Self {
        self.separate();
        self.out.push(c);
        self.first.push(true);
        self
    }

    fn close(&mut self, c: char) -> &mut Self {
        let empty = self.first.pop().expect("open before close");
        if !empty {
            self.out.push('\n');
            let depth = self.first.len();
            self.out.push_str(&"  ".repeat(depth));
        }
        self.out.push(c);
        self
    }

    fn key(&mut self, k: &str) -> &mut Self {
        self.separate();
        self.quote(k);
        self.out.push_str(": ");
        self.after_key = true;
        self
    }

    fn string(&mut self, s: &str) -> &mut Self {
        self.separate();
        self.quote(s);
        self
    }

    fn raw(&mut self, s: &str) -> &mut Self {
        self.separate();
        self.out.push_str(s);
        self
    }

    fn quote(&mut self, s: &str) {
        self.out.push('"');
        // UTF-16 code units below 0x20 are the same code points: escape them as Java does.
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

fn project_file(w: &Writer<'_, '_>, kicad_names: &[String], paths: &[String]) -> Vec<u8> {
    let nl = w.nl;
    let mut j = Json {
        out: String::new(),
        first: Vec::new(),
        after_key: false,
    };
    j.open('{');
    j.key("board").open('{').key("design_settings").open('{');
    j.key("defaults")
        .raw("{}")
        .key("diff_pair_dimensions")
        .raw("[]");
    j.key("drc_exclusions").raw("[]");
    j.key("rules").raw("{}").key("track_widths").raw("[]");
    j.key("via_dimensions").raw("[]");
    j.close('}').close('}');
    j.key("boards").raw("[]");
    j.key("libraries")
        .open('{')
        .key("pinned_footprint_libs")
        .raw("[]")
        .key("pinned_symbol_libs")
        .raw("[]")
        .close('}');
    j.key("meta")
        .open('{')
        .key("filename")
        .string(&format!("{}.kicad_pro", w.project))
        .key("version")
        .raw("3")
        .close('}');
    let mut classes: Vec<(String, i64)> = vec![("Default".to_string(), i64::from(i32::MAX))];
    for net in &nl.nets {
        if !classes.iter().any(|(c, _)| c == net.class) {
            let priority = classes.len() as i64 - 1;
            classes.push((net.class.to_string(), priority));
        }
    }
    j.key("net_settings").open('{').key("classes").open('[');
    for (name, priority) in &classes {
        j.open('{');
        j.key("bus_width").raw("12").key("clearance").raw("0.2");
        j.key("diff_pair_gap").raw("0.25");
        j.key("diff_pair_via_gap")
            .raw("0.25")
            .key("diff_pair_width")
            .raw("0.2");
        j.key("line_style").raw("0");
        j.key("microvia_diameter")
            .raw("0.3")
            .key("microvia_drill")
            .raw("0.1");
        j.key("name").string(name);
        j.key("pcb_color")
            .string("rgba(0, 0, 0, 0.000)")
            .key("priority")
            .raw(&priority.to_string());
        j.key("schematic_color")
            .string("rgba(0, 0, 0, 0.000)")
            .key("track_width")
            .raw("0.2");
        j.key("via_diameter").raw("0.6").key("via_drill").raw("0.3");
        j.key("wire_width").raw("6");
        j.close('}');
    }
    j.close(']');
    j.key("meta").open('{').key("version").raw("4").close('}');
    j.key("net_colors")
        .raw("null")
        .key("netclass_assignments")
        .raw("null");
    j.key("netclass_patterns").open('[');
    for (g, net) in nl.nets.iter().enumerate() {
        if net.class != "Default" {
            j.open('{')
                .key("netclass")
                .string(net.class)
                .key("pattern")
                .string(&kicad_names[g])
                .close('}');
        }
    }
    j.close(']');
    j.close('}');
    j.key("pcbnew")
        .open('{')
        .key("page_layout_descr_file")
        .string("")
        .close('}');
    j.key("schematic")
        .open('{')
        .key("legacy_lib_dir")
        .string("")
        .key("legacy_lib_list")
        .raw("[]")
        .close('}');
    j.key("sheets").open('[');
    for s in &nl.sheets {
        let path = &paths[s.page as usize - 1];
        let last = &path[path.rfind('/').map_or(0, |i| i + 1)..];
        j.open('[')
            .string(last)
            .string(if s.page == 1 { "Root" } else { s.name })
            .close(']');
    }
    j.close(']');
    j.key("text_variables").raw("{}");
    j.close('}');
    j.out.push('\n');
    j.out.into_bytes()
}
