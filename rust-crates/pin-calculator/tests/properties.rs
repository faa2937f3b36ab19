//! Properties over every built-in symbol, unit, body style and placement: what the
//! specification promises beyond the vectors.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use circuitsynth_pin_calculator::{
    graphics_texts, place_fields, text_box, HAlign, Mirror, Placement, Rotation, SymbolGeometry,
    TextStyle, VAlign,
};
use circuitsynth_symbol_cache::read_symbols;
use proptest::prelude::*;

fn geometries() -> &'static [SymbolGeometry] {
    static ALL: OnceLock<Vec<SymbolGeometry>> = OnceLock::new();
    ALL.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../java-api/src/main/resources/io/circuitsynth/symbols/builtin");
        let mut files: Vec<_> = fs::read_dir(&dir)
            .expect("built-in libraries")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        let mut out = Vec::new();
        for file in files {
            let bytes = fs::read(&file).expect("readable");
            for s in read_symbols(&bytes).expect("reads") {
                let texts = graphics_texts(&s, &bytes).expect("ranges");
                out.push(SymbolGeometry::new(&s, &texts).expect("drawings read"));
            }
        }
        out
    })
}

fn placement() -> impl Strategy<Value = Placement> {
    (
        -100_000_000i32..100_000_000,
        -100_000_000i32..100_000_000,
        0usize..4,
        0usize..3,
    )
        .prop_map(|(x, y, r, m)| Placement::new(x, y, Rotation::ALL[r], Mirror::ALL[m]))
}

fn field_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z]{1,3}[0-9]{0,4}",
        "[ -~]{0,24}",
        "[a-zµΩ0-9.]{0,12}",
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Placing at (x, y) is placing at the origin moved by (x, y); pins keep their length along
    /// their outward direction and their lines lie in the body box.
    #[test]
    fn placed_pins_are_consistent(g in 0usize..1000, unit in 1u32..8, p in placement()) {
        let all = geometries();
        let geometry = &all[g % all.len()];
        let unit = 1 + (unit - 1) % geometry.unit_count();
        let placed = geometry.place(unit, 1, &p).expect("places");
        let origin = geometry
            .place(unit, 1, &Placement::new(0, 0, p.rotation, p.mirror))
            .expect("places");
        prop_assert_eq!(placed.pins.len(), origin.pins.len());
        prop_assert_eq!(placed.body.min_x - p.x, origin.body.min_x);
        prop_assert_eq!(placed.body.max_y - p.y, origin.body.max_y);
        for (a, b) in placed.pins.iter().zip(&origin.pins) {
            prop_assert_eq!((a.x - p.x, a.y - p.y), (b.x, b.y));
            prop_assert_eq!(a.dx.abs() + a.dy.abs(), 1);
            if !a.hidden {
                let length = geometry.pins()[a.index].length;
                let root = (a.x - a.dx * length, a.y - a.dy * length);
                let b = placed.body;
                prop_assert!(b.min_x <= a.x && a.x <= b.max_x && b.min_y <= a.y && a.y <= b.max_y);
                prop_assert!(b.min_x <= root.0 && root.0 <= b.max_x && b.min_y <= root.1 && root.1 <= b.max_y);
            }
        }
    }

    /// Reference and Value never touch the body box nor each other, Reference stands above
    /// Value, and the file form turned by the symbol's matrix gives back the drawn box.
    #[test]
    fn fields_stay_clear(
        g in 0usize..1000,
        unit in 1u32..8,
        p in placement(),
        reference in field_text(),
        value in field_text(),
        size in prop_oneof![Just(12_700), 5_000i32..30_000],
    ) {
        let all = geometries();
        let geometry = &all[g % all.len()];
        let unit = 1 + (unit - 1) % geometry.unit_count();
        let placed = geometry.place(unit, 1, &p).expect("places");
        let fields = place_fields(&placed.body, &placed.pins, &p, &reference, &value, size)
            .expect("fits");
        let (r, v) = (fields.reference, fields.value);
        prop_assert!(!r.bbox.intersects(&placed.body));
        prop_assert!(!v.bbox.intersects(&placed.body));
        prop_assert!(!r.bbox.intersects(&v.bbox));
        prop_assert!(r.bbox.max_y < v.bbox.min_y);
        for f in [r, v] {
            let text = if f.y == r.y && f.x == r.x { &reference } else { &value };
            let stored = TextStyle { size_x: size, size_y: size, angle: f.file_angle, h: f.file_h, v: f.file_v };
            let b = text_box(text, 0, 0, &stored).expect("fits");
            let [x1, y1, x2, y2] = p.matrix().map(i64::from);
            let corner = |x: i32, y: i32| {
                let (x, y) = (i64::from(x), i64::from(y));
                (x1 * x + y1 * y, x2 * x + y2 * y)
            };
            let (a, c) = (corner(b.min_x, b.min_y), corner(b.max_x, b.max_y));
            let drawn = (
                i64::from(f.bbox.min_x - f.x),
                i64::from(f.bbox.min_y - f.y),
                i64::from(f.bbox.max_x - f.x),
                i64::from(f.bbox.max_y - f.y),
            );
            prop_assert_eq!((a.0.min(c.0), a.1.min(c.1), a.0.max(c.0), a.1.max(c.1)), drawn);
        }
    }

    /// A text box holds its anchor and grows with the text.
    #[test]
    fn text_boxes_hold_their_anchor(
        text in "[ -~]{0,30}",
        extra in "[A-Za-z0-9]",
        x in -1_000_000i32..1_000_000,
        y in -1_000_000i32..1_000_000,
        angle in 0usize..4,
        h in 0usize..3,
        v in 0usize..3,
    ) {
        let style = TextStyle {
            size_x: 12_700,
            size_y: 12_700,
            angle: Rotation::ALL[angle],
            h: HAlign::ALL[h],
            v: VAlign::ALL[v],
        };
        let b = text_box(&text, x, y, &style).expect("fits");
        prop_assert!(b.min_x <= x && x <= b.max_x && b.min_y <= y && y <= b.max_y);
        let longer = text_box(&format!("{text}{extra}"), x, y, &style).expect("fits");
        prop_assert!(longer.width() + longer.height() > b.width() + b.height());
    }
}

/// KiCad's identities between placements: `(180, x)` is `(0, y)`, and so on round the circle.
#[test]
fn mirror_x_is_mirror_y_turned_half_round() {
    for (i, r) in Rotation::ALL.iter().enumerate() {
        let half = Rotation::ALL[(i + 2) % 4];
        assert_eq!(
            Placement::new(0, 0, *r, Mirror::X).matrix(),
            Placement::new(0, 0, half, Mirror::Y).matrix()
        );
    }
}
