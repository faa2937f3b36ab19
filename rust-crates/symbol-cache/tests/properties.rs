//! Properties: records round-trip, and no input makes reading panic.

use std::borrow::Cow;

use circuitsynth_symbol_cache::{
    read_symbols, record, Alternate, ElectricalType, Flags, Graphic, GraphicStyle, LibrarySource,
    Pin, Property, Symbol, SymbolIndex,
};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = Cow<'static, str>> {
    "\\PC{0,12}".prop_map(Cow::Owned)
}

fn electrical_type() -> impl Strategy<Value = ElectricalType> {
    (0u8..12).prop_map(|i| ElectricalType::from_index(i).expect("in range"))
}

fn style() -> impl Strategy<Value = GraphicStyle> {
    (0u8..9).prop_map(|i| GraphicStyle::from_index(i).expect("in range"))
}

fn pin() -> impl Strategy<Value = Pin<'static>> {
    (
        (text(), text(), electrical_type(), style()),
        (
            any::<i32>(),
            any::<i32>(),
            prop::sample::select(vec![0u16, 90, 180, 270]),
        ),
        (any::<i32>(), any::<u32>(), 0u32..3, any::<bool>()),
        prop::collection::vec(
            (text(), electrical_type(), style()).prop_map(|(name, electrical_type, style)| {
                Alternate {
                    name,
                    electrical_type,
                    style,
                }
            }),
            0..3,
        ),
    )
        .prop_map(
            |(
                (number, name, electrical_type, style),
                (x, y, rotation),
                (length, unit, body_style, hidden),
                alternates,
            )| Pin {
                number,
                name,
                electrical_type,
                style,
                x,
                y,
                rotation,
                length,
                unit,
                body_style,
                hidden,
                alternates,
            },
        )
}

fn graphic() -> impl Strategy<Value = Graphic<'static>> {
    prop_oneof![
        (any::<u32>(), any::<u32>())
            .prop_map(|(s, l)| Graphic::FileRange(u64::from(s)..u64::from(s) + u64::from(l))),
        text().prop_map(Graphic::Inline),
    ]
}

fn symbol() -> impl Strategy<Value = Symbol<'static>> {
    (
        (
            text(),
            text(),
            0u8..64,
            any::<i32>(),
            any::<u32>(),
            any::<u32>(),
        ),
        prop::collection::vec((any::<u32>(), text()), 0..3),
        prop::collection::vec(
            (text(), text(), any::<bool>()).prop_map(|(key, value, hidden)| Property {
                key,
                value,
                hidden,
            }),
            0..5,
        ),
        prop::collection::vec(pin(), 0..6),
        prop::collection::vec(graphic(), 0..3),
    )
        .prop_map(
            |(
                (name, extends, flags, offset, units, bodies),
                unit_names,
                properties,
                pins,
                graphics,
            )| Symbol {
                name,
                extends,
                flags: Flags::from_bits(flags).expect("six bits"),
                pin_name_offset: offset,
                unit_count: units,
                body_style_count: bodies,
                unit_names,
                properties,
                pins,
                graphics,
            },
        )
}

fn vector(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../conformance/symbols")
            .join(format!("{name}.kicad_sym")),
    )
    .expect("read a vector library")
}

/// Atoms and lists that look like a symbol library, so random trees reach deep into the reader.
fn library_text() -> impl Strategy<Value = String> {
    let atom = prop::sample::select(vec![
        "symbol",
        "\"A\"",
        "\"A_1_1\"",
        "\"A_0_1\"",
        "pin",
        "input",
        "passive",
        "line",
        "clock",
        "at",
        "0",
        "1.27",
        "-2.54",
        "90",
        "180",
        "45",
        "length",
        "name",
        "number",
        "\"1\"",
        "hide",
        "yes",
        "no",
        "extends",
        "property",
        "\"Reference\"",
        "\"U\"",
        "effects",
        "alternate",
        "unit_name",
        "power",
        "pin_names",
        "offset",
        "pin_numbers",
        "in_bom",
        "private",
        "\"\\x ff\"",
        "1e3",
        "version",
        "20241209",
    ]);
    let leaf = atom.prop_map(str::to_string);
    let tree = leaf.prop_recursive(5, 64, 6, |inner| {
        prop::collection::vec(inner, 0..6).prop_map(|items| format!("({})", items.join(" ")))
    });
    prop::collection::vec(tree, 0..8).prop_map(|symbols| {
        format!(
            "(kicad_symbol_lib (version 20241209) (symbol \"A\" {}) {})",
            symbols.join(" "),
            "(symbol \"B\" (extends \"A\"))"
        )
    })
}

proptest! {
    #[test]
    fn records_round_trip(symbol in symbol()) {
        let bytes = record::encode_to_vec(&symbol);
        prop_assert_eq!(record::decode(&bytes).expect("decodes"), symbol);
        prop_assert_eq!(record::validate_prefix(&bytes), Ok(bytes.len()));
    }

    #[test]
    fn truncated_records_are_refused(symbol in symbol(), cut in any::<prop::sample::Index>()) {
        let bytes = record::encode_to_vec(&symbol);
        let cut = cut.index(bytes.len());
        prop_assert!(record::decode(&bytes[..cut]).is_err());
        prop_assert!(record::validate_prefix(&bytes[..cut]).is_err());
    }

    #[test]
    fn random_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = record::decode(&bytes);
        let _ = record::validate_prefix(&bytes);
        let _ = circuitsynth_symbol_cache::cache::parse(&bytes);
    }

    #[test]
    fn random_library_text_never_panics(text in library_text()) {
        let _ = read_symbols(text.as_bytes());
        let index = SymbolIndex::open(&[LibrarySource::memory("r", "r", text.into_bytes())], None);
        let _ = index.dump_library("r");
        let _ = index.search("a 1 pin", 20);
        let _ = index.suggestions("r", "A");
    }

    #[test]
    fn mutated_vectors_never_panic(
        name in prop::sample::select(vec!["derived", "multi_unit", "alternates", "escapes", "numbers", "k6_basic"]),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = vector(name);
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = read_symbols(&bytes);
        let keep = cut.index(bytes.len() + 1);
        let _ = read_symbols(&bytes[..keep]);
    }
}
