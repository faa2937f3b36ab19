//! The placement algorithm, step by step as `conformance/placement/README.md` gives it. The Java
//! twin is `io.circuitsynth.placement.Placer`; keep the two in the same order, operation for
//! operation, or the engines stop agreeing bit for bit.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use crate::{Layout, Metrics, NetKind, PageSize, PlacementError, Sheet, COORDINATE_LIMIT, GRID};

/// The smallest gap between two boxes of a returned layout.
const CLEARANCE: i64 = GRID;
/// Half the gap the force loop aims for: more than half the clearance, so that the snap to the
/// grid (up to half a step per axis and item) rarely leaves the legalizer anything to do.
const PAD: f64 = 13_000.0;
const ITERATIONS: usize = 60;
/// Collision-only rounds after the attraction rounds, to settle what the last pulls overlapped.
const SETTLE: usize = 30;

const LARGE_FACTOR: f64 = 0.2;
const ALPHA: f64 = 0.2;
/// Gravity toward the layout's centre, stronger vertically so layouts come out landscape, like
/// the pages.
const GRAVITY_X: f64 = 0.1;
const GRAVITY_Y: f64 = 0.15;
/// In the settling rounds a pair is pushed sideways unless that is 1 / 0.7 times deeper than
/// pushing it up or down: labels make boxes wide and flat, and without the bias the layout would
/// grow into a tall column that no landscape page holds.
const SETTLE_X_BIAS: f64 = 0.7;
const GUEST_WEIGHT: f64 = 1.0;
/// The gap between items in the initial shelf layout: above `2 * PAD`, so it starts overlap-free.
const SHELF_GAP: i64 = 2 * GRID;
const MAX_EXPANSIONS: usize = 64;
/// Keep-out of KiCad's default drawing sheet: a 10 mm margin and a 2 mm border strip, plus a
/// gap of 3.24 mm so labels never touch the frame (15.24 mm, a whole number of grid steps).
const FRAME_MARGIN: i64 = 152_400;
/// The title block spans 110 mm by 34 mm inside the bottom-right corner, 10 mm from the page
/// edge; with a 2.54 mm gap, content stays left of `width - 122.54 mm` or above
/// `height - 46.54 mm`.
const TITLE_BLOCK_WIDTH: i64 = 1_225_400;
const TITLE_BLOCK_HEIGHT: i64 = 465_400;

/// Places one sheet; see the crate documentation.
pub fn place(sheet: &Sheet) -> Result<Layout, PlacementError> {
    validate(sheet)?;
    let model = Model::build(sheet);
    let (ix, iy) = initial_layout(&model);
    let (sx, sy) = force_layout(&model, &ix, &iy);
    let (lx, ly) = legalize(&model, &sx, &sy);
    let (page, positions) = fit_page(&model, &lx, &ly)?;
    let metrics = measure(&model, sheet, &positions);
    Ok(Layout {
        positions,
        page,
        metrics,
    })
}

fn out_of_range(v: i64) -> bool {
    !(-COORDINATE_LIMIT..=COORDINATE_LIMIT).contains(&v)
}

fn range_message(place: &str, v: i64) -> PlacementError {
    PlacementError::new(format!(
        "{place}: coordinate {v} is out of range; box corners, pin offsets and fixed positions \
         must lie within -{COORDINATE_LIMIT}..{COORDINATE_LIMIT} IU (2 m)"
    ))
}

fn validate(sheet: &Sheet) -> Result<(), PlacementError> {
    let nets = sheet.nets.len();
    for (i, item) in sheet.items.iter().enumerate() {
        let place = format!("item {i}");
        for v in [item.min_x, item.min_y, item.max_x, item.max_y] {
            if out_of_range(v) {
                return Err(range_message(&place, v));
            }
        }
        if item.min_x > item.max_x || item.min_y > item.max_y {
            return Err(PlacementError::new(format!(
                "item {i}: box min ({}, {}) exceeds max ({}, {}); give min <= max on both axes",
                item.min_x, item.min_y, item.max_x, item.max_y
            )));
        }
        if item.stubs < 0 || item.labels < 0 {
            return Err(PlacementError::new(format!(
                "item {i}: stub and label counts must not be negative (found {} and {})",
                item.stubs, item.labels
            )));
        }
        if let Some((x, y)) = item.fixed {
            for v in [x, y] {
                if out_of_range(v) {
                    return Err(range_message(&place, v));
                }
            }
            if x.rem_euclid(GRID) != 0 || y.rem_euclid(GRID) != 0 {
                return Err(PlacementError::new(format!(
                    "item {i}: fixed position ({x}, {y}) is off the {GRID} IU (1.27 mm) grid; \
                     fixed items must sit on the grid"
                )));
            }
        }
        for (j, pin) in item.pins.iter().enumerate() {
            for v in [pin.dx, pin.dy] {
                if out_of_range(v) {
                    return Err(range_message(&format!("item {i} pin {j}"), v));
                }
            }
            if pin.net < -1 || pin.net as i64 >= nets as i64 {
                return Err(PlacementError::new(format!(
                    "item {i} pin {j}: net {} does not exist; the sheet has {nets} nets (use -1 \
                     for an unconnected pin)",
                    pin.net
                )));
            }
        }
    }
    let fixed: Vec<usize> = (0..sheet.items.len())
        .filter(|&i| sheet.items[i].fixed.is_some())
        .collect();
    for (a, &i) in fixed.iter().enumerate() {
        for &j in &fixed[a + 1..] {
            let bi = absolute_box(&sheet.items[i], sheet.items[i].fixed.unwrap_or((0, 0)));
            let bj = absolute_box(&sheet.items[j], sheet.items[j].fixed.unwrap_or((0, 0)));
            if conflict(&bi, &bj) {
                return Err(PlacementError::new(format!(
                    "fixed items {i} and {j} are closer than the {GRID} IU (1.27 mm) clearance; \
                     move one of them"
                )));
            }
        }
    }
    Ok(())
}

/// `[x0, y0, x1, y1]` of an item's box with its anchor at `at`.
fn absolute_box(item: &crate::Item, at: (i64, i64)) -> [i64; 4] {
    [
        at.0 + item.min_x,
        at.1 + item.min_y,
        at.0 + item.max_x,
        at.1 + item.max_y,
    ]
}

/// Whether two boxes are closer than the clearance on both axes (so neither separates them).
fn conflict(a: &[i64; 4], b: &[i64; 4]) -> bool {
    a[0] < b[2] + CLEARANCE
        && b[0] < a[2] + CLEARANCE
        && a[1] < b[3] + CLEARANCE
        && b[1] < a[3] + CLEARANCE
}

fn floor_grid(v: i64) -> i64 {
    v.div_euclid(GRID) * GRID
}

fn ceil_grid(v: i64) -> i64 {
    -floor_grid(-v)
}

fn min_f(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

fn max_f(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

/// The sheet in flat arrays: pins by item and by net, net weights, guests and their ties.
struct Model {
    n: usize,
    min_x: Vec<i64>,
    min_y: Vec<i64>,
    max_x: Vec<i64>,
    max_y: Vec<i64>,
    fixed: Vec<bool>,
    fixed_x: Vec<i64>,
    fixed_y: Vec<i64>,
    /// Pins of item `i` are `item_pin_start[i]..item_pin_start[i + 1]`.
    item_pin_start: Vec<usize>,
    pin_item: Vec<usize>,
    pin_dx: Vec<i64>,
    pin_dy: Vec<i64>,
    pin_net: Vec<i32>,
    /// Attraction weight of each pin: its net's, or 0 for supplies and unconnected pins.
    pin_weight: Vec<f64>,
    kinds: Vec<NetKind>,
    /// Pins (global indices) of net `k` are `net_pins[net_start[k]..net_start[k + 1]]`, in item
    /// order, then pin order.
    net_start: Vec<usize>,
    net_pins: Vec<usize>,
    net_weight: Vec<f64>,
    /// The host item of each guest, or `usize::MAX`.
    host: Vec<usize>,
    /// Ties of guest `i`: `(guest pin, host pin)` for `tie_start[i]..tie_start[i + 1]`.
    tie_start: Vec<usize>,
    ties: Vec<(usize, usize)>,
}

const NONE: usize = usize::MAX;

impl Model {
    fn build(sheet: &Sheet) -> Model {
        let n = sheet.items.len();
        let m = sheet.nets.len();
        let mut model = Model {
            n,
            min_x: sheet.items.iter().map(|it| it.min_x).collect(),
            min_y: sheet.items.iter().map(|it| it.min_y).collect(),
            max_x: sheet.items.iter().map(|it| it.max_x).collect(),
            max_y: sheet.items.iter().map(|it| it.max_y).collect(),
            fixed: sheet.items.iter().map(|it| it.fixed.is_some()).collect(),
            fixed_x: sheet
                .items
                .iter()
                .map(|it| it.fixed.map_or(0, |f| f.0))
                .collect(),
            fixed_y: sheet
                .items
                .iter()
                .map(|it| it.fixed.map_or(0, |f| f.1))
                .collect(),
            item_pin_start: Vec::with_capacity(n + 1),
            pin_item: Vec::new(),
            pin_dx: Vec::new(),
            pin_dy: Vec::new(),
            pin_net: Vec::new(),
            pin_weight: Vec::new(),
            kinds: sheet.nets.clone(),
            net_start: vec![0; m + 1],
            net_pins: Vec::new(),
            net_weight: vec![0.0; m],
            host: vec![NONE; n],
            tie_start: Vec::with_capacity(n + 1),
            ties: Vec::new(),
        };
        for (i, item) in sheet.items.iter().enumerate() {
            model.item_pin_start.push(model.pin_item.len());
            for pin in &item.pins {
                model.pin_item.push(i);
                model.pin_dx.push(pin.dx);
                model.pin_dy.push(pin.dy);
                model.pin_net.push(pin.net);
            }
        }
        model.item_pin_start.push(model.pin_item.len());
        for &net in &model.pin_net {
            if net >= 0 {
                model.net_start[net as usize + 1] += 1;
            }
        }
        for k in 0..m {
            model.net_start[k + 1] += model.net_start[k];
        }
        let mut fill = model.net_start.clone();
        model.net_pins = vec![0; model.net_start[m]];
        for (p, &net) in model.pin_net.iter().enumerate() {
            if net >= 0 {
                model.net_pins[fill[net as usize]] = p;
                fill[net as usize] += 1;
            }
        }
        for k in 0..m {
            let count = model.net_start[k + 1] - model.net_start[k];
            if count >= 2 {
                let share = (count - 1) as f64;
                model.net_weight[k] = match model.kinds[k] {
                    NetKind::Signal => 1.0 / share,
                    NetKind::Large => LARGE_FACTOR / share,
                    NetKind::Power | NetKind::Ground => 0.0,
                };
            }
        }
        model.pin_weight = model
            .pin_net
            .iter()
            .map(|&net| {
                if net >= 0 {
                    model.net_weight[net as usize]
                } else {
                    0.0
                }
            })
            .collect();
        model.find_guests();
        model
    }

    fn pins(&self, i: usize) -> std::ops::Range<usize> {
        self.item_pin_start[i]..self.item_pin_start[i + 1]
    }

    fn net(&self, k: usize) -> &[usize] {
        &self.net_pins[self.net_start[k]..self.net_start[k + 1]]
    }

    /// A guest has exactly two connected pins, both on supply nets (a decoupling capacitor, a
    /// ferrite between rails). Its host is the non-guest item sharing the most of its key nets
    /// (its power nets, or its ground nets when it has no power net), then the nearest by index,
    /// then the lower index; each guest pin on a key net is tied to the host's first pin on it.
    fn find_guests(&mut self) {
        let n = self.n;
        let mut guest = vec![false; n];
        for (i, is_guest) in guest.iter_mut().enumerate() {
            let mut connected = 0;
            let mut supplies = 0;
            for p in self.pins(i) {
                let net = self.pin_net[p];
                if net >= 0 {
                    connected += 1;
                    if self.kinds[net as usize].is_supply() {
                        supplies += 1;
                    }
                }
            }
            *is_guest = connected == 2 && supplies == 2;
        }
        let mut seen = vec![0usize; n];
        let mut count = vec![0usize; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut stamp = 0usize;
        self.tie_start.push(0);
        for i in 0..n {
            if guest[i] {
                let key = self.key_nets(i);
                for &k in &key {
                    stamp += 1;
                    for idx in self.net_start[k]..self.net_start[k + 1] {
                        let j = self.pin_item[self.net_pins[idx]];
                        if j == i || guest[j] || seen[j] == stamp {
                            continue;
                        }
                        seen[j] = stamp;
                        if count[j] == 0 {
                            touched.push(j);
                        }
                        count[j] += 1;
                    }
                }
                let mut best = NONE;
                for &j in &touched {
                    if best == NONE
                        || count[j] > count[best]
                        || (count[j] == count[best]
                            && (i.abs_diff(j) < i.abs_diff(best)
                                || (i.abs_diff(j) == i.abs_diff(best) && j < best)))
                    {
                        best = j;
                    }
                }
                for &j in &touched {
                    count[j] = 0;
                }
                touched.clear();
                self.host[i] = best;
                if best != NONE {
                    for p in self.pins(i) {
                        let net = self.pin_net[p];
                        if net < 0 || !key.contains(&(net as usize)) {
                            continue;
                        }
                        if let Some(q) = self.pins(best).find(|&q| self.pin_net[q] == net) {
                            self.ties.push((p, q));
                        }
                    }
                }
            }
            self.tie_start.push(self.ties.len());
        }
    }

    /// The distinct power nets of a guest's pins in pin order, or its ground nets if it has none.
    fn key_nets(&self, i: usize) -> Vec<usize> {
        let mut power = Vec::new();
        let mut ground = Vec::new();
        for p in self.pins(i) {
            let net = self.pin_net[p];
            if net < 0 {
                continue;
            }
            let k = net as usize;
            let list = if self.kinds[k] == NetKind::Power {
                &mut power
            } else {
                &mut ground
            };
            if !list.contains(&k) {
                list.push(k);
            }
        }
        if power.is_empty() {
            ground
        } else {
            power
        }
    }

    fn width(&self, i: usize) -> i64 {
        self.max_x[i] - self.min_x[i]
    }

    fn height(&self, i: usize) -> i64 {
        self.max_y[i] - self.min_y[i]
    }

    fn box_at(&self, i: usize, x: i64, y: i64) -> [i64; 4] {
        [
            x + self.min_x[i],
            y + self.min_y[i],
            x + self.max_x[i],
            y + self.max_y[i],
        ]
    }
}

/// Breadth-first order over signal and large nets, each guest right after its host, roots in
/// index order.
fn bfs_order(model: &Model) -> Vec<usize> {
    let n = model.n;
    let mut guests_start = vec![0usize; n + 1];
    for i in 0..n {
        if model.host[i] != NONE {
            guests_start[model.host[i] + 1] += 1;
        }
    }
    for i in 0..n {
        guests_start[i + 1] += guests_start[i];
    }
    let mut fill = guests_start.clone();
    let mut guests = vec![0usize; guests_start[n]];
    for i in 0..n {
        if model.host[i] != NONE {
            guests[fill[model.host[i]]] = i;
            fill[model.host[i]] += 1;
        }
    }
    let mut visited = vec![false; n];
    let mut expanded = vec![false; model.kinds.len()];
    let mut queue: Vec<usize> = Vec::with_capacity(n);
    let mut head = 0;
    for root in 0..n {
        if visited[root] || model.host[root] != NONE {
            continue;
        }
        visited[root] = true;
        queue.push(root);
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            for &g in &guests[guests_start[u]..guests_start[u + 1]] {
                if !visited[g] {
                    visited[g] = true;
                    queue.push(g);
                }
            }
            for p in model.pins(u) {
                let net = model.pin_net[p];
                if net < 0 || model.kinds[net as usize].is_supply() || expanded[net as usize] {
                    continue;
                }
                expanded[net as usize] = true;
                for &q in model.net(net as usize) {
                    let j = model.pin_item[q];
                    if !visited[j] {
                        visited[j] = true;
                        queue.push(j);
                    }
                }
            }
        }
    }
    queue
}

/// Movable items in breadth-first order, packed left to right into rows about 1.5 times as wide
/// as they are tall, to the right of the fixed items if there are any.
fn initial_layout(model: &Model) -> (Vec<i64>, Vec<i64>) {
    let n = model.n;
    let mut x = vec![0i64; n];
    let mut y = vec![0i64; n];
    let mut origin_x = 0i64;
    let mut origin_y = 0i64;
    let mut any_fixed = false;
    let mut fixed_max_x = 0i64;
    let mut fixed_min_y = 0i64;
    for i in 0..n {
        if model.fixed[i] {
            x[i] = model.fixed_x[i];
            y[i] = model.fixed_y[i];
            let b = model.box_at(i, x[i], y[i]);
            if !any_fixed || b[2] > fixed_max_x {
                fixed_max_x = b[2];
            }
            if !any_fixed || b[1] < fixed_min_y {
                fixed_min_y = b[1];
            }
            any_fixed = true;
        }
    }
    if any_fixed {
        origin_x = fixed_max_x + SHELF_GAP;
        origin_y = fixed_min_y;
    }
    let mut area = 0.0f64;
    let mut widest = 0i64;
    for i in 0..n {
        if !model.fixed[i] {
            let w = model.width(i) + SHELF_GAP;
            let h = model.height(i) + SHELF_GAP;
            area += w as f64 * h as f64;
            if model.width(i) > widest {
                widest = model.width(i);
            }
        }
    }
    let mut target = (area * 2.0).sqrt().floor() as i64;
    if target < widest {
        target = widest;
    }
    let mut cursor = 0i64;
    let mut row_y = 0i64;
    let mut row_h = 0i64;
    for i in bfs_order(model) {
        if model.fixed[i] {
            continue;
        }
        let w = model.width(i);
        let h = model.height(i);
        if cursor > 0 && cursor + w > target {
            row_y += row_h + SHELF_GAP;
            cursor = 0;
            row_h = 0;
        }
        x[i] = origin_x + cursor - model.min_x[i];
        y[i] = origin_y + row_y - model.min_y[i];
        cursor += w + SHELF_GAP;
        if h > row_h {
            row_h = h;
        }
    }
    (x, y)
}

/// The force loop: attraction rounds (pins toward their nets' centroids, guests toward their
/// host pins, everything gently toward the layout's centre, each move capped by a cooling
/// temperature), each followed by a collision round; then collision-only rounds; then the snap
/// to the grid. A collision round separates overlapping padded boxes along their shallower axis,
/// moving the one farther from the centre: pairs are taken from the centre outward, so one round
/// carries the pressure of a dense cluster all the way to its rim, where symmetric pushes would
/// need a round per layer.
fn force_layout(model: &Model, ix: &[i64], iy: &[i64]) -> (Vec<i64>, Vec<i64>) {
    let n = model.n;
    let m = model.kinds.len();
    let mut px: Vec<f64> = ix.iter().map(|&v| v as f64).collect();
    let mut py: Vec<f64> = iy.iter().map(|&v| v as f64).collect();
    let bx0: Vec<f64> = model.min_x.iter().map(|&v| v as f64 - PAD).collect();
    let bx1: Vec<f64> = model.max_x.iter().map(|&v| v as f64 + PAD).collect();
    let by0: Vec<f64> = model.min_y.iter().map(|&v| v as f64 - PAD).collect();
    let by1: Vec<f64> = model.max_y.iter().map(|&v| v as f64 + PAD).collect();
    let cx_off: Vec<f64> = (0..n)
        .map(|i| (model.min_x[i] + model.max_x[i]) as f64 * 0.5)
        .collect();
    let cy_off: Vec<f64> = (0..n)
        .map(|i| (model.min_y[i] + model.max_y[i]) as f64 * 0.5)
        .collect();
    let pdx: Vec<f64> = model.pin_dx.iter().map(|&v| v as f64).collect();
    let pdy: Vec<f64> = model.pin_dy.iter().map(|&v| v as f64).collect();
    let mut t0 = 0.0f64;
    let mut mean_span = 0.0f64;
    for i in 0..n {
        t0 += (model.width(i) + model.height(i)) as f64 * 0.5;
        mean_span += model.width(i).max(model.height(i)) as f64 + 2.0 * PAD;
    }
    if n > 0 {
        t0 = t0 / n as f64 + GRID as f64;
        mean_span /= n as f64;
    }
    let mut ncx = vec![0.0f64; m];
    let mut ncy = vec![0.0f64; m];
    let mut mx = vec![0.0f64; n];
    let mut my = vec![0.0f64; n];
    let mut ex0 = vec![0.0f64; n];
    let mut ex1 = vec![0.0f64; n];
    let mut ey0 = vec![0.0f64; n];
    let mut ey1 = vec![0.0f64; n];
    let mut eb = vec![[0.0f64; 4]; n];
    let mut dist = vec![0.0f64; n];
    let mut order: Vec<usize> = (0..n).collect();
    let mut rank = vec![0usize; n];
    let mut c0 = vec![0usize; n];
    let mut c1 = vec![0usize; n];
    let mut r0 = vec![0usize; n];
    let mut r1 = vec![0usize; n];
    let mut cell_start: Vec<usize> = Vec::new();
    let mut cell_fill: Vec<usize> = Vec::new();
    let mut cell_items: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut sorted: Vec<(usize, usize)> = Vec::new();
    let mut pair_start: Vec<usize> = Vec::new();
    let any_movable = model.fixed.iter().any(|&f| !f);
    let rounds = if any_movable { ITERATIONS + SETTLE } else { 0 };
    for t in 0..rounds {
        let mut gx = 0.0f64;
        let mut gy = 0.0f64;
        for i in 0..n {
            gx += px[i] + cx_off[i];
            gy += py[i] + cy_off[i];
        }
        gx /= n as f64;
        gy /= n as f64;
        if t < ITERATIONS {
            let temperature = t0 * (ITERATIONS - t) as f64 / ITERATIONS as f64;
            for k in 0..m {
                if model.net_weight[k] > 0.0 {
                    let mut sx = 0.0f64;
                    let mut sy = 0.0f64;
                    let pins = model.net(k);
                    for &q in pins {
                        let i = model.pin_item[q];
                        sx += px[i] + pdx[q];
                        sy += py[i] + pdy[q];
                    }
                    ncx[k] = sx / pins.len() as f64;
                    ncy[k] = sy / pins.len() as f64;
                }
            }
            for i in 0..n {
                if model.fixed[i] {
                    continue;
                }
                let mut fx = 0.0f64;
                let mut fy = 0.0f64;
                let mut w = 0.0f64;
                for p in model.pins(i) {
                    let wt = model.pin_weight[p];
                    if wt > 0.0 {
                        let k = model.pin_net[p] as usize;
                        fx += wt * (ncx[k] - (px[i] + pdx[p]));
                        fy += wt * (ncy[k] - (py[i] + pdy[p]));
                        w += wt;
                    }
                }
                for &(p, q) in &model.ties[model.tie_start[i]..model.tie_start[i + 1]] {
                    let h = model.pin_item[q];
                    fx += GUEST_WEIGHT * ((px[h] + pdx[q]) - (px[i] + pdx[p]));
                    fy += GUEST_WEIGHT * ((py[h] + pdy[q]) - (py[i] + pdy[p]));
                    w += GUEST_WEIGHT;
                }
                let mut dx = GRAVITY_X * (gx - (px[i] + cx_off[i]));
                let mut dy = GRAVITY_Y * (gy - (py[i] + cy_off[i]));
                if w > 0.0 {
                    dx += fx / w;
                    dy += fy / w;
                }
                let len = (dx * dx + dy * dy).sqrt();
                let mut step = ALPHA;
                if len * ALPHA > temperature {
                    step = temperature / len;
                }
                mx[i] = dx * step;
                my[i] = dy * step;
            }
            for i in 0..n {
                if !model.fixed[i] {
                    px[i] += mx[i];
                    py[i] += my[i];
                }
            }
        }
        for i in 0..n {
            ex0[i] = px[i] + bx0[i];
            ex1[i] = px[i] + bx1[i];
            ey0[i] = py[i] + by0[i];
            ey1[i] = py[i] + by1[i];
            eb[i] = [ex0[i], ey0[i], ex1[i], ey1[i]];
            let dcx = px[i] + cx_off[i] - gx;
            let dcy = py[i] + cy_off[i] - gy;
            dist[i] = dcx * dcx + dcy * dcy;
        }
        // Positions move little between rounds, so the previous order is nearly sorted and an
        // insertion sort is close to linear. Ties by index make the order total: any correct
        // sort finds this same permutation.
        for a in 1..n {
            let v = order[a];
            let mut b = a;
            while b > 0 {
                let u = order[b - 1];
                if dist[v] < dist[u] || (dist[v] == dist[u] && v < u) {
                    order[b] = u;
                    b -= 1;
                } else {
                    break;
                }
            }
            order[b] = v;
        }
        for (a, &i) in order.iter().enumerate() {
            rank[i] = a;
        }
        // Candidate pairs come from a uniform grid over the padded boxes; a pair is found in
        // the one cell holding the top-left corner of its intersection, so exactly once, from
        // its lower index; it is then taken in the order of its inner item's rank.
        let mut gx0 = ex0[0];
        let mut gy0 = ey0[0];
        let mut gx1 = ex1[0];
        let mut gy1 = ey1[0];
        for i in 1..n {
            gx0 = min_f(gx0, ex0[i]);
            gy0 = min_f(gy0, ey0[i]);
            gx1 = max_f(gx1, ex1[i]);
            gy1 = max_f(gy1, ey1[i]);
        }
        // Cells about as large as a typical box, so a dense cluster inside a sparse sheet does
        // not crowd into a few cells; coarser only if that would make many more cells than
        // items.
        let mut cell = mean_span;
        let spread = ((gx1 - gx0) * (gy1 - gy0) / (16.0 * n as f64)).sqrt();
        if spread > cell {
            cell = spread;
        }
        // Offsets from the grid's corner are never negative, so truncation is the floor.
        let cols = ((gx1 - gx0) / cell) as usize + 1;
        let rows = ((gy1 - gy0) / cell) as usize + 1;
        cell_start.clear();
        cell_start.resize(cols * rows + 1, 0);
        for i in 0..n {
            c0[i] = ((ex0[i] - gx0) / cell) as usize;
            c1[i] = ((ex1[i] - gx0) / cell) as usize;
            r0[i] = ((ey0[i] - gy0) / cell) as usize;
            r1[i] = ((ey1[i] - gy0) / cell) as usize;
            for r in r0[i]..=r1[i] {
                for c in c0[i]..=c1[i] {
                    cell_start[r * cols + c + 1] += 1;
                }
            }
        }
        for k in 0..cols * rows {
            cell_start[k + 1] += cell_start[k];
        }
        cell_fill.clear();
        cell_fill.extend_from_slice(&cell_start[..cols * rows]);
        cell_items.clear();
        cell_items.resize(cell_start[cols * rows], 0);
        for i in 0..n {
            for r in r0[i]..=r1[i] {
                for c in c0[i]..=c1[i] {
                    cell_items[cell_fill[r * cols + c]] = i;
                    cell_fill[r * cols + c] += 1;
                }
            }
        }
        pairs.clear();
        for i in 0..n {
            let bi = eb[i];
            for r in r0[i]..=r1[i] {
                for c in c0[i]..=c1[i] {
                    let k = r * cols + c;
                    // Each cell lists items by index, so those above `i` come last.
                    for &j in cell_items[cell_start[k]..cell_start[k + 1]].iter().rev() {
                        if j <= i {
                            break;
                        }
                        let bj = eb[j];
                        if bj[0] >= bi[2] || bi[0] >= bj[2] || bj[1] >= bi[3] || bi[1] >= bj[3] {
                            continue;
                        }
                        // The intersection's top-left corner lies in the cell of the larger
                        // left edge and the larger top edge.
                        if c0[i].max(c0[j]) == c
                            && r0[i].max(r0[j]) == r
                            && !(model.fixed[i] && model.fixed[j])
                        {
                            pairs.push(if rank[i] < rank[j] { (i, j) } else { (j, i) });
                        }
                    }
                }
            }
        }
        // Pairs by the rank of their inner item, keeping the order found (a counting sort).
        pair_start.clear();
        pair_start.resize(n + 1, 0);
        for &(i, _) in &pairs {
            pair_start[rank[i] + 1] += 1;
        }
        for a in 0..n {
            pair_start[a + 1] += pair_start[a];
        }
        sorted.clear();
        sorted.resize(pairs.len(), (0, 0));
        for &(i, j) in &pairs {
            sorted[pair_start[rank[i]]] = (i, j);
            pair_start[rank[i]] += 1;
        }
        let x_bias = if t < ITERATIONS { 1.0 } else { SETTLE_X_BIAS };
        for &(i, j) in &sorted {
            let ix0 = px[i] + bx0[i];
            let ix1 = px[i] + bx1[i];
            let iy0 = py[i] + by0[i];
            let iy1 = py[i] + by1[i];
            let jx0 = px[j] + bx0[j];
            let jx1 = px[j] + bx1[j];
            let jy0 = py[j] + by0[j];
            let jy1 = py[j] + by1[j];
            let ox = min_f(ix1, jx1) - max_f(ix0, jx0);
            let oy = min_f(iy1, jy1) - max_f(iy0, jy0);
            if ox <= 0.0 || oy <= 0.0 {
                continue;
            }
            // While attraction runs, both items give way equally: moving only the outer one
            // would let every pull-and-push cycle carry the pair outward. Once it has stopped,
            // only the outer item moves, unless it is fixed.
            let (si, sj) = if model.fixed[i] {
                (0.0, 1.0)
            } else if model.fixed[j] {
                (1.0, 0.0)
            } else if t < ITERATIONS {
                (0.5, 0.5)
            } else {
                (0.0, 1.0)
            };
            if ox * x_bias < oy {
                let away = if jx0 + jx1 < ix0 + ix1 { -1.0 } else { 1.0 };
                px[i] -= away * ox * si;
                px[j] += away * ox * sj;
            } else {
                let away = if jy0 + jy1 < iy0 + iy1 { -1.0 } else { 1.0 };
                py[i] -= away * oy * si;
                py[j] += away * oy * sj;
            }
        }
    }
    let g = GRID as f64;
    let mut sx = vec![0i64; n];
    let mut sy = vec![0i64; n];
    for i in 0..n {
        if model.fixed[i] {
            sx[i] = model.fixed_x[i];
            sy[i] = model.fixed_y[i];
        } else {
            sx[i] = (px[i] / g + 0.5).floor() as i64 * GRID;
            sy[i] = (py[i] / g + 0.5).floor() as i64 * GRID;
        }
    }
    (sx, sy)
}

/// Placed boxes in square buckets, for "which placed boxes come within the clearance of this
/// one". Found boxes are reported once each, buckets in row-major order, each bucket in
/// insertion order.
struct Buckets {
    size: i64,
    cells: HashMap<(i64, i64), Vec<usize>>,
    boxes: Vec<[i64; 4]>,
    stamp: Vec<usize>,
    query: usize,
}

impl Buckets {
    fn insert(&mut self, i: usize, b: [i64; 4]) {
        self.boxes[i] = b;
        for cy in b[1].div_euclid(self.size)..=b[3].div_euclid(self.size) {
            for cx in b[0].div_euclid(self.size)..=b[2].div_euclid(self.size) {
                self.cells.entry((cx, cy)).or_default().push(i);
            }
        }
    }

    fn conflicts(&mut self, b: &[i64; 4], out: &mut Vec<usize>) {
        out.clear();
        self.query += 1;
        let y0 = (b[1] - CLEARANCE).div_euclid(self.size);
        let y1 = (b[3] + CLEARANCE).div_euclid(self.size);
        let x0 = (b[0] - CLEARANCE).div_euclid(self.size);
        let x1 = (b[2] + CLEARANCE).div_euclid(self.size);
        for cy in y0..=y1 {
            for cx in x0..=x1 {
                if let Some(list) = self.cells.get(&(cx, cy)) {
                    for &j in list {
                        if self.stamp[j] != self.query {
                            self.stamp[j] = self.query;
                            if conflict(b, &self.boxes[j]) {
                                out.push(j);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Fixed items first, then movable ones from the layout's centre outward (squared distance of
/// box centres, ties by index), each at the free grid position nearest (Manhattan, then y, then
/// x) to its snapped position among those reached by stepping clear of the boxes it meets. Inner
/// items are placed first, so the free room an item needs lies outward, where the search finds it
/// within a few steps. After `MAX_EXPANSIONS` steps, the item walks from its snapped position
/// straight away from the centre, jumping past each box in its way, which ends because every
/// jump passes a placed box for good.
fn legalize(model: &Model, sx: &[i64], sy: &[i64]) -> (Vec<i64>, Vec<i64>) {
    let n = model.n;
    let mut x = sx.to_vec();
    let mut y = sy.to_vec();
    if n == 0 {
        return (x, y);
    }
    let mut span = 0i64;
    let mut sum_x = 0i64;
    let mut sum_y = 0i64;
    for i in 0..n {
        span += model.width(i).max(model.height(i));
        sum_x += 2 * x[i] + model.min_x[i] + model.max_x[i];
        sum_y += 2 * y[i] + model.min_y[i] + model.max_y[i];
    }
    // Doubled coordinates keep box centres integral.
    let centre_x = sum_x.div_euclid(n as i64);
    let centre_y = sum_y.div_euclid(n as i64);
    let mut size = 8 * GRID;
    let mean = ceil_grid(span / n as i64);
    if mean > size {
        size = mean;
    }
    let mut buckets = Buckets {
        size,
        cells: HashMap::new(),
        boxes: vec![[0; 4]; n],
        stamp: vec![0; n],
        query: 0,
    };
    let offsets: Vec<(i64, i64)> = (0..n)
        .map(|i| {
            (
                2 * x[i] + model.min_x[i] + model.max_x[i] - centre_x,
                2 * y[i] + model.min_y[i] + model.max_y[i] - centre_y,
            )
        })
        .collect();
    let mut order: Vec<usize> = (0..n).filter(|&i| model.fixed[i]).collect();
    let mut movable: Vec<(i64, usize)> = (0..n)
        .filter(|&i| !model.fixed[i])
        .map(|i| {
            let (ox, oy) = offsets[i];
            (ox * ox + oy * oy, i)
        })
        .collect();
    movable.sort_unstable();
    order.extend(movable.iter().map(|&(_, i)| i));
    let mut found: Vec<usize> = Vec::new();
    let mut heap: BinaryHeap<Reverse<(i64, i64, i64)>> = BinaryHeap::new();
    let mut visited: HashSet<(i64, i64)> = HashSet::new();
    for i in order {
        if !model.fixed[i] {
            let (ax, ay) = (x[i], y[i]);
            heap.clear();
            visited.clear();
            heap.push(Reverse((0, ay, ax)));
            visited.insert((ax, ay));
            let mut expansions = 0;
            let mut spot = None;
            while let Some(Reverse((_, cy, cx))) = heap.pop() {
                let b = model.box_at(i, cx, cy);
                buckets.conflicts(&b, &mut found);
                if found.is_empty() {
                    spot = Some((cx, cy));
                    break;
                }
                expansions += 1;
                if expansions >= MAX_EXPANSIONS {
                    break;
                }
                for &j in &found {
                    let o = buckets.boxes[j];
                    let left = floor_grid(o[0] - CLEARANCE - model.max_x[i]);
                    let right = ceil_grid(o[2] + CLEARANCE - model.min_x[i]);
                    let up = floor_grid(o[1] - CLEARANCE - model.max_y[i]);
                    let down = ceil_grid(o[3] + CLEARANCE - model.min_y[i]);
                    for (nx, ny) in [(left, cy), (right, cy), (cx, up), (cx, down)] {
                        if visited.insert((nx, ny)) {
                            heap.push(Reverse(((nx - ax).abs() + (ny - ay).abs(), ny, nx)));
                        }
                    }
                }
            }
            let (fx, fy) = match spot {
                Some(s) => s,
                None => walk_outward(model, &mut buckets, &mut found, i, ax, ay, offsets[i]),
            };
            x[i] = fx;
            y[i] = fy;
        }
        buckets.insert(i, model.box_at(i, x[i], y[i]));
    }
    (x, y)
}

/// Steps item `i` from `(x, y)` along the axis where its offset from the centre is larger (x on
/// a tie), away from the centre, past every box it meets, until it meets none.
fn walk_outward(
    model: &Model,
    buckets: &mut Buckets,
    found: &mut Vec<usize>,
    i: usize,
    mut x: i64,
    mut y: i64,
    offset: (i64, i64),
) -> (i64, i64) {
    let along_x = offset.0.abs() >= offset.1.abs();
    let forward = if along_x {
        offset.0 >= 0
    } else {
        offset.1 >= 0
    };
    loop {
        buckets.conflicts(&model.box_at(i, x, y), found);
        if found.is_empty() {
            return (x, y);
        }
        let mut next = if along_x { x } else { y };
        for &j in found.iter() {
            let o = buckets.boxes[j];
            let jump = match (along_x, forward) {
                (true, true) => ceil_grid(o[2] + CLEARANCE - model.min_x[i]),
                (true, false) => floor_grid(o[0] - CLEARANCE - model.max_x[i]),
                (false, true) => ceil_grid(o[3] + CLEARANCE - model.min_y[i]),
                (false, false) => floor_grid(o[1] - CLEARANCE - model.max_y[i]),
            };
            if (forward && jump > next) || (!forward && jump < next) {
                next = jump;
            }
        }
        if along_x {
            x = next;
        } else {
            y = next;
        }
    }
}

/// The smallest page, A4 first, on which the layout fits, shifted by whole grid steps, inside
/// the frame with no box in the title block's keep-out: centred in the frame if that clears the
/// title block, else pushed to the frame's top-left corner if that does.
fn fit_page(
    model: &Model,
    x: &[i64],
    y: &[i64],
) -> Result<(PageSize, Vec<(i64, i64)>), PlacementError> {
    let n = model.n;
    if n == 0 {
        return Ok((PageSize::A4, Vec::new()));
    }
    let (x0, y0, x1, y1) = bounds(model, x, y);
    for page in PageSize::ALL {
        let (w, h) = (page.width(), page.height());
        let frame = [
            FRAME_MARGIN,
            FRAME_MARGIN,
            w - FRAME_MARGIN,
            h - FRAME_MARGIN,
        ];
        let tx_min = ceil_grid(frame[0] - x0);
        let ty_min = ceil_grid(frame[1] - y0);
        if x1 + tx_min > frame[2] || y1 + ty_min > frame[3] {
            continue;
        }
        let tx_max = floor_grid(frame[2] - x1);
        let ty_max = floor_grid(frame[3] - y1);
        let centred = (
            tx_min + (tx_max - tx_min) / GRID / 2 * GRID,
            ty_min + (ty_max - ty_min) / GRID / 2 * GRID,
        );
        let keep_out_x = w - TITLE_BLOCK_WIDTH;
        let keep_out_y = h - TITLE_BLOCK_HEIGHT;
        for (tx, ty) in [centred, (tx_min, ty_min)] {
            let clear = (0..n).all(|i| {
                let b = model.box_at(i, x[i] + tx, y[i] + ty);
                b[2] <= keep_out_x || b[3] <= keep_out_y
            });
            if clear {
                let positions = (0..n).map(|i| (x[i] + tx, y[i] + ty)).collect();
                return Ok((page, positions));
            }
        }
    }
    Err(PlacementError::new(format!(
        "the layout needs {} x {} mm, more than an A0 sheet holds beside its title block; split \
         the sheet into subcircuits",
        millimetres(x1 - x0),
        millimetres(y1 - y0)
    )))
}

fn bounds(model: &Model, x: &[i64], y: &[i64]) -> (i64, i64, i64, i64) {
    let mut r = model.box_at(0, x[0], y[0]);
    for i in 1..model.n {
        let b = model.box_at(i, x[i], y[i]);
        r[0] = r[0].min(b[0]);
        r[1] = r[1].min(b[1]);
        r[2] = r[2].max(b[2]);
        r[3] = r[3].max(b[3]);
    }
    (r[0], r[1], r[2], r[3])
}

/// IU as millimetres: no exponent, no trailing zeros, no point when nothing follows it.
pub(crate) fn millimetres(iu: i64) -> String {
    let sign = if iu < 0 { "-" } else { "" };
    let a = iu.unsigned_abs();
    let whole = a / 10_000;
    let frac = a % 10_000;
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{frac:04}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

fn measure(model: &Model, sheet: &Sheet, positions: &[(i64, i64)]) -> Metrics {
    let n = model.n;
    let mut metrics = Metrics::default();
    for item in &sheet.items {
        metrics.stubs += item.stubs;
        metrics.labels += item.labels;
    }
    if n == 0 {
        return metrics;
    }
    let x: Vec<i64> = positions.iter().map(|p| p.0).collect();
    let y: Vec<i64> = positions.iter().map(|p| p.1).collect();
    let boxes: Vec<[i64; 4]> = (0..n).map(|i| model.box_at(i, x[i], y[i])).collect();
    let mut by_left: Vec<usize> = (0..n).collect();
    by_left.sort_by(|&a, &b| boxes[a][0].cmp(&boxes[b][0]).then(a.cmp(&b)));
    for (a, &i) in by_left.iter().enumerate() {
        for &j in &by_left[a + 1..] {
            if boxes[j][0] >= boxes[i][2] {
                break;
            }
            if boxes[j][1] < boxes[i][3] && boxes[i][1] < boxes[j][3] {
                metrics.overlaps += 1;
            }
        }
    }
    let (x0, y0, x1, y1) = bounds(model, &x, &y);
    metrics.width = x1 - x0;
    metrics.height = y1 - y0;
    metrics.area = metrics.width * metrics.height;
    let pin_x = |p: usize| x[model.pin_item[p]] + model.pin_dx[p];
    let pin_y = |p: usize| y[model.pin_item[p]] + model.pin_dy[p];
    let mut best: Vec<i64> = Vec::new();
    let mut done: Vec<bool> = Vec::new();
    for k in 0..model.kinds.len() {
        let pins = model.net(k);
        if model.kinds[k] != NetKind::Signal || pins.len() < 2 {
            continue;
        }
        // Prim's algorithm; the tree's length is the same whichever of equal edges it takes.
        best.clear();
        best.resize(pins.len(), i64::MAX);
        done.clear();
        done.resize(pins.len(), false);
        best[0] = 0;
        for _ in 0..pins.len() {
            let mut u = NONE;
            for v in 0..pins.len() {
                if !done[v] && (u == NONE || best[v] < best[u]) {
                    u = v;
                }
            }
            done[u] = true;
            metrics.wire_length += best[u];
            let (ux, uy) = (pin_x(pins[u]), pin_y(pins[u]));
            for v in 0..pins.len() {
                if !done[v] {
                    let d = (pin_x(pins[v]) - ux).abs() + (pin_y(pins[v]) - uy).abs();
                    if d < best[v] {
                        best[v] = d;
                    }
                }
            }
        }
        metrics.wire_edges += pins.len() as i64 - 1;
    }
    if metrics.wire_edges > 0 {
        metrics.mean_wire = metrics.wire_length / metrics.wire_edges;
    }
    let mut guest_length = 0i64;
    for &(p, q) in &model.ties {
        guest_length += (pin_x(p) - pin_x(q)).abs() + (pin_y(p) - pin_y(q)).abs();
    }
    metrics.guest_edges = model.ties.len() as i64;
    if metrics.guest_edges > 0 {
        metrics.mean_guest = guest_length / metrics.guest_edges;
    }
    metrics
}
