//! Net names (specification sections 1 and 2.5): which names are power nets, KiCad's net-name
//! escape, unit letters and the pin-driven names KiCad gives nets that carry no label.

/// Names that are power nets by themselves, and the stems of `STEM_SUFFIX` power names.
const POWER_NAMES: [&str; 18] = [
    "GND", "AGND", "DGND", "PGND", "SGND", "GNDA", "GNDD", "GNDPWR", "GNDREF", "Earth", "VCC",
    "VDD", "VEE", "VSS", "VAA", "VBUS", "VBAT", "VPP",
];

/// Whether a net called `name` is a power net when its `power` is `auto`: `GND`, `VDD_IO`,
/// `+3V3`, `-12V`.
pub fn is_power_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if let [b'+' | b'-', first, rest @ ..] = bytes {
        return first.is_ascii_digit()
            && rest.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'.');
    }
    POWER_NAMES
        .iter()
        .any(|stem| match name.strip_prefix(stem) {
            Some("") => true,
            Some(rest) => {
                rest.len() > 1
                    && rest.as_bytes()[0] == b'_'
                    && rest.as_bytes()[1..].iter().all(u8::is_ascii_alphanumeric)
            }
            None => false,
        })
}

/// KiCad's net-name escape of user text: `/` becomes `{slash}`, CR and LF are dropped.
pub fn escape_net_name(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '/' => out.push_str("{slash}"),
            '\r' | '\n' => {}
            _ => out.push(c),
        }
    }
}

/// The letter KiCad appends to a reference for `unit` (1 → `A`, 26 → `Z`, 27 → `AA`: bijective
/// base 26). Unit 0 (a pin shared by every unit) takes unit 1's letter.
pub fn push_unit_letter(out: &mut String, unit: u32) {
    let mut n = unit.max(1);
    let mut letters = [0u8; 8];
    let mut len = 0;
    while n > 0 {
        n -= 1;
        letters[len] = b'A' + (n % 26) as u8;
        len += 1;
        n /= 26;
    }
    for &l in letters[..len].iter().rev() {
        out.push(l as char);
    }
}

/// One pin as the pin-driven name sees it.
#[derive(Debug, Clone, Copy)]
pub struct NamingPin<'a> {
    /// The component's final reference.
    pub reference: &'a str,
    /// The pin's unit (0 = every unit).
    pub unit: u32,
    /// Whether the symbol has more than one unit, so names carry the unit letter.
    pub multi_unit: bool,
    /// The pin name, empty for `~`.
    pub name: &'a str,
    pub number: &'a str,
    /// The pin's electrical type is `no_connect`.
    pub no_connect_type: bool,
    /// Another pin of the same unit (or unit 0) has the same name, a different number and is of
    /// type `no_connect`.
    pub twin_no_connect: bool,
    /// Likewise, a twin that is not of type `no_connect`.
    pub twin_connectable: bool,
}

/// `N(q)` of section 2.5 for pin `q` of a net with `pin_count` pins, appended to `out`.
pub fn push_pin_name(out: &mut String, q: &NamingPin<'_>, pin_count: usize) {
    let unconnected = pin_count == 1 || q.no_connect_type;
    out.push_str(if unconnected {
        "unconnected-("
    } else {
        "Net-("
    });
    out.push_str(q.reference);
    if !q.name.is_empty() && q.name != q.number {
        if q.multi_unit {
            push_unit_letter(out, q.unit);
        }
        out.push('-');
        escape_net_name(out, q.name);
        let twin = if unconnected {
            q.twin_no_connect
        } else {
            q.twin_connectable
        };
        if unconnected || twin {
            out.push_str("-Pad");
            escape_net_name(out, q.number);
        }
    } else {
        out.push_str("-Pad");
        escape_net_name(out, q.number);
    }
    out.push(')');
}

/// KiCad's name for a net of `pin_count` pins and no label: among the `N(q)` of `pins` (the
/// net's pins that take part, not empty), the smallest one without `-Pad`, else the smallest
/// of all (code-point order).
pub fn pin_driven_name(pins: &[NamingPin<'_>], pin_count: usize) -> String {
    let mut best = String::new();
    let mut best_has_pad = true;
    let mut candidate = String::new();
    for (i, q) in pins.iter().enumerate() {
        candidate.clear();
        push_pin_name(&mut candidate, q, pin_count);
        let has_pad = candidate.contains("-Pad");
        let better = i == 0
            || (best_has_pad && !has_pad)
            || (best_has_pad == has_pad && candidate.as_str() < best.as_str());
        if better {
            std::mem::swap(&mut best, &mut candidate);
            best_has_pad = has_pad;
        }
    }
    best
}

/// A part's pin as [`pin_twins`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct TwinPin<'a> {
    /// Empty for `~`.
    pub name: &'a str,
    pub number: &'a str,
    /// 0 = every unit.
    pub unit: u32,
    pub no_connect_type: bool,
}

/// For every pin of a part (numbers unique), whether another pin of its unit (or of unit 0;
/// a unit-0 pin counts as unit 1) has the same non-empty name and another number, split by
/// that twin's type: `[twin of type no_connect, twin of another type]`.
pub fn pin_twins(pins: &[TwinPin<'_>]) -> Vec<[bool; 2]> {
    let mut twins = vec![[false; 2]; pins.len()];
    // Only pins that share a name can be twins: group them by name, then compare within groups.
    let mut by_name: Vec<usize> = (0..pins.len())
        .filter(|&p| !pins[p].name.is_empty())
        .collect();
    by_name.sort_by(|&a, &b| pins[a].name.cmp(pins[b].name).then(a.cmp(&b)));
    let mut start = 0;
    while start < by_name.len() {
        let name = pins[by_name[start]].name;
        let mut end = start + 1;
        while end < by_name.len() && pins[by_name[end]].name == name {
            end += 1;
        }
        if end - start > 1 {
            for &q in &by_name[start..end] {
                let unit = pins[q].unit.max(1);
                for &t in &by_name[start..end] {
                    let twin = &pins[t];
                    if twin.number != pins[q].number && (twin.unit == 0 || twin.unit == unit) {
                        twins[q][usize::from(!twin.no_connect_type)] = true;
                    }
                }
            }
        }
        start = end;
    }
    twins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_names_follow_the_rule() {
        for yes in [
            "GND", "Earth", "VDD_IO", "VCC_3V3", "+3V3", "-12V", "+3.3V", "+5", "VPP_1",
        ] {
            assert!(is_power_name(yes), "{yes}");
        }
        for no in [
            "gnd", "GND_", "VDD_", "VDD_I/O", "VDDIO", "+", "+A", "-", "+3V3/", "EARTH", "V+", "",
            "GND-", "12V",
        ] {
            assert!(!is_power_name(no), "{no}");
        }
    }

    #[test]
    fn unit_letters_are_bijective_base_26() {
        let letter = |u| {
            let mut s = String::new();
            push_unit_letter(&mut s, u);
            s
        };
        assert_eq!(letter(0), "A");
        assert_eq!(letter(1), "A");
        assert_eq!(letter(26), "Z");
        assert_eq!(letter(27), "AA");
        assert_eq!(letter(52), "AZ");
        assert_eq!(letter(53), "BA");
        assert_eq!(letter(702), "ZZ");
        assert_eq!(letter(703), "AAA");
    }

    #[test]
    fn escape_replaces_slashes_and_drops_line_breaks() {
        let mut s = String::new();
        escape_net_name(&mut s, "OSC1/CLKI\r\nx");
        assert_eq!(s, "OSC1{slash}CLKIx");
    }

    fn pin<'a>(reference: &'a str, name: &'a str, number: &'a str) -> NamingPin<'a> {
        NamingPin {
            reference,
            unit: 1,
            multi_unit: false,
            name,
            number,
            no_connect_type: false,
            twin_no_connect: false,
            twin_connectable: false,
        }
    }

    #[test]
    fn pin_names_match_kicads_examples() {
        assert_eq!(
            pin_driven_name(&[pin("C201", "", "2"), pin("R201", "", "1")], 2),
            "Net-(C201-Pad2)"
        );
        assert_eq!(
            pin_driven_name(&[pin("R1", "", "1"), pin("D203", "K", "1")], 2),
            "Net-(D203-K)"
        );
        let mut minus = pin("U201", "-", "2");
        minus.multi_unit = true;
        assert_eq!(
            pin_driven_name(&[pin("RV201", "2", "2"), minus], 2),
            "Net-(U201A--)"
        );
        assert_eq!(
            pin_driven_name(&[pin("U102", "LV", "6")], 1),
            "unconnected-(U102-LV-Pad6)"
        );
        assert_eq!(
            pin_driven_name(&[pin("J1", "", "1")], 1),
            "unconnected-(J1-Pad1)"
        );
        assert_eq!(
            pin_driven_name(&[pin("U5", "OSC1/CLKI", "16")], 1),
            "unconnected-(U5-OSC1{slash}CLKI-Pad16)"
        );
        let mut twin = pin("U9", "GND", "4");
        twin.twin_connectable = true;
        assert_eq!(
            pin_driven_name(&[twin, pin("R1", "", "1")], 2),
            "Net-(R1-Pad1)"
        );
        let mut nc = pin("U3", "NC", "5");
        nc.no_connect_type = true;
        assert_eq!(
            pin_driven_name(&[nc, pin("R1", "", "1")], 2),
            "Net-(R1-Pad1)"
        );
    }

    #[test]
    fn twins_are_other_pins_of_one_name_in_one_unit() {
        let pin = |name, number, unit, no_connect_type| TwinPin {
            name,
            number,
            unit,
            no_connect_type,
        };
        let twins = pin_twins(&[
            pin("-", "2", 1, false),
            pin("-", "6", 2, false),
            pin("GND", "4", 0, false),
            pin("GND", "9", 1, true),
            pin("", "1", 1, false),
            pin("", "7", 1, false),
        ]);
        assert_eq!(
            twins,
            [
                [false, false],
                [false, false],
                [true, false],
                [false, true],
                [false, false],
                [false, false]
            ]
        );
    }
}
