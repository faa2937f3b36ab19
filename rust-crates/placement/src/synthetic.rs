//! Synthetic sheets with the connectivity of real ones, for the conformance vectors
//! (`conformance/placement/synthetic_*.in`, written by `examples/vectors.rs`) and the benchmarks:
//! ICs with one to three decoupling capacitors declared right after them, resistor chains
//! (some ending in a pull-down), connectors that bring in supplies and signals, and lone pull-down
//! resistors. Signal nets join recently created ones, so connectivity is local, as in a real
//! design; a reset net shared by many ICs becomes a large net.
//!
//! The generator is driven by SplitMix64 and is part of no engine's contract: the vectors it
//! wrote are the contract.

use crate::{Item, NetKind, Pin, Sheet, GRID};

/// SplitMix64 (Steele, Lea and Flood): small, fast, and the same numbers everywhere.
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const GND: i32 = 0;
const V3V3: i32 = 1;
const V5: i32 = 2;
const RESET: i32 = 3;

struct Builder {
    rng: SplitMix64,
    sheet: Sheet,
    recent: Vec<i32>,
}

impl Builder {
    fn new_net(&mut self) -> i32 {
        self.sheet.nets.push(NetKind::Signal);
        let net = self.sheet.nets.len() as i32 - 1;
        self.recent.push(net);
        net
    }

    /// Mostly a recently created net, so parts declared together connect.
    fn signal(&mut self) -> i32 {
        if !self.recent.is_empty() && self.rng.chance(55) {
            let window = self.recent.len().min(8) as u64;
            let back = self.rng.below(window) as usize;
            return self.recent[self.recent.len() - 1 - back];
        }
        self.new_net()
    }

    fn push(&mut self, mut item: Item) {
        let mut stubs = 0;
        let mut labels = 0;
        for pin in &item.pins {
            if pin.net >= 0 {
                stubs += 1;
                if !self.sheet.nets[pin.net as usize].is_supply() {
                    labels += 1;
                }
            }
        }
        item.stubs = stubs;
        item.labels = labels;
        self.sheet.items.push(item);
    }

    fn ic(&mut self, remaining: usize) {
        let g = GRID;
        let side = 2 + self.rng.below(5) as i64;
        let half_w = 4 + self.rng.below(4) as i64;
        let half_h = side + 1;
        let label = 4 + self.rng.below(5) as i64;
        let rail = if self.rng.chance(70) { V3V3 } else { V5 };
        let mut item = Item::new(
            -(half_w + 3 + label) * g,
            -(half_h + 8) * g,
            (half_w + 3 + label) * g,
            (half_h + 6) * g,
        );
        for x in [-(half_w + 3), half_w + 3] {
            for k in 0..side {
                let net = if x < 0 && k == 0 && self.rng.chance(40) {
                    RESET
                } else if self.rng.chance(85) {
                    self.signal()
                } else {
                    -1
                };
                item.pins
                    .push(Pin::new(x * g, (2 * k - (side - 1)) * g, net));
            }
        }
        item.pins.push(Pin::new(0, -(half_h + 3) * g, rail));
        item.pins.push(Pin::new(0, (half_h + 3) * g, GND));
        self.push(item);
        let caps = (1 + self.rng.below(3) as usize).min(remaining - 1);
        for _ in 0..caps {
            let cap = Item::new(-2 * g, -7 * g, 7 * g, 7 * g)
                .pin(Pin::new(0, -3 * g, rail))
                .pin(Pin::new(0, 3 * g, GND));
            self.push(cap);
        }
    }

    fn resistor(&mut self, left: i32, right: i32) {
        let g = GRID;
        let label = 3 + self.rng.below(5) as i64;
        let item = Item::new(-(3 + label) * g, -4 * g, (3 + label) * g, 2 * g)
            .pin(Pin::new(-3 * g, 0, left))
            .pin(Pin::new(3 * g, 0, right));
        self.push(item);
    }

    fn chain(&mut self, length: usize) {
        let mut left = self.signal();
        for k in 0..length {
            let right = if k + 1 < length {
                self.new_net()
            } else if self.rng.chance(40) {
                GND
            } else {
                self.signal()
            };
            self.resistor(left, right);
            left = right;
        }
    }

    fn connector(&mut self) {
        let g = GRID;
        let count = 2 + self.rng.below(9) as i64;
        let label = 4 + self.rng.below(5) as i64;
        let mut item = Item::new(-6 * g, -4 * g, (5 + label) * g, (2 * (count - 1) + 3) * g);
        for k in 0..count {
            let net = if k == 0 && self.rng.chance(30) {
                V5
            } else if k == 1 && self.rng.chance(30) {
                GND
            } else if self.rng.chance(90) {
                self.signal()
            } else {
                -1
            };
            item.pins.push(Pin::new(5 * g, 2 * k * g, net));
        }
        self.push(item);
    }
}

/// A sheet of exactly `items` items; the same `(items, seed)` always gives the same sheet.
pub fn generate(items: usize, seed: u64) -> Sheet {
    let mut b = Builder {
        rng: SplitMix64::new(seed),
        sheet: Sheet {
            items: Vec::new(),
            nets: vec![
                NetKind::Ground,
                NetKind::Power,
                NetKind::Power,
                NetKind::Signal,
            ],
        },
        recent: Vec::new(),
    };
    while b.sheet.items.len() < items {
        let remaining = items - b.sheet.items.len();
        let roll = b.rng.below(100);
        if remaining >= 2 && roll < 40 {
            b.ic(remaining);
        } else if remaining >= 2 && roll < 70 {
            let length = (2 + b.rng.below(5) as usize).min(remaining);
            b.chain(length);
        } else if roll < 88 {
            b.connector();
        } else {
            let net = b.signal();
            b.resistor(net, GND);
        }
    }
    let reset_pins = b
        .sheet
        .items
        .iter()
        .flat_map(|it| it.pins.iter())
        .filter(|p| p.net == RESET)
        .count();
    if reset_pins >= 10 {
        b.sheet.nets[RESET as usize] = NetKind::Large;
    }
    b.sheet
}
