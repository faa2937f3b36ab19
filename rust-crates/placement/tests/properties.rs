//! Any valid sheet gives a layout with no two boxes closer than one grid step, every anchor on
//! the grid, everything inside the page frame and clear of the title block, fixed items kept
//! relative to each other, and metrics that match the positions.

use circuitsynth_placement::{place, Item, Layout, NetKind, Pin, Sheet, GRID};
use proptest::prelude::*;

fn sheets() -> impl Strategy<Value = Sheet> {
    let nets = prop::collection::vec(0..4i32, 1..12);
    nets.prop_flat_map(|kinds| {
        let m = kinds.len() as i32;
        let item = (
            1..40i64,
            1..40i64,
            -20..20i64,
            -20..20i64,
            prop::collection::vec((-25..25i64, -25..25i64, -1..m), 0..8),
            0..4i64,
        )
            .prop_map(|(w, h, ox, oy, pins, extra)| {
                // Box edges off the grid, as text extents are.
                let mut item = Item::new(
                    ox * 1000 - w * 6350,
                    oy * 1000 - h * 6350,
                    ox * 1000 + w * 6350 + 77,
                    oy * 1000 + h * 6350 + 33,
                );
                for (dx, dy, net) in pins {
                    item.pins.push(Pin::new(dx * GRID, dy * GRID, net));
                }
                item.stubs = item.pins.len() as i64;
                item.labels = extra;
                item
            });
        (
            Just(kinds),
            prop::collection::vec(item, 0..60),
            prop::collection::vec(any::<bool>(), 60),
        )
    })
    .prop_map(|(kinds, mut items, fixed)| {
        // Fixed items in a row far enough apart to be valid, starting within 750 mm: a fixed row
        // nearly as wide as A0's frame (1,158 mm) leaves the movable parts no room beside it, and
        // the placer reports such a sheet as too large rather than pack them under the row.
        let mut x = 0;
        for (item, &f) in items.iter_mut().zip(&fixed) {
            if f && x < 15 * 500_000 {
                let at = (x - item.min_x).div_euclid(GRID) * GRID + GRID;
                item.fixed = Some((at, 0));
                x = at + item.max_x + 2 * GRID;
            }
        }
        let nets = kinds
            .iter()
            .map(|&k| NetKind::from_code(k).unwrap())
            .collect();
        Sheet { items, nets }
    })
}

fn check(sheet: &Sheet, layout: &Layout) {
    let n = sheet.items.len();
    assert_eq!(layout.positions.len(), n);
    let (w, h) = (layout.page.width(), layout.page.height());
    let mut boxes = Vec::new();
    for (item, &(x, y)) in sheet.items.iter().zip(&layout.positions) {
        assert_eq!(x.rem_euclid(GRID), 0, "x {x} off grid");
        assert_eq!(y.rem_euclid(GRID), 0, "y {y} off grid");
        let b = [
            x + item.min_x,
            y + item.min_y,
            x + item.max_x,
            y + item.max_y,
        ];
        assert!(
            b[0] >= 152_400 && b[1] >= 152_400,
            "{b:?} outside the frame"
        );
        assert!(b[2] <= w - 152_400 && b[3] <= h - 152_400, "{b:?} outside");
        assert!(
            b[2] <= w - 1_225_400 || b[3] <= h - 465_400,
            "{b:?} in the title block"
        );
        boxes.push(b);
    }
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (boxes[i], boxes[j]);
            let apart = a[2] + GRID <= b[0]
                || b[2] + GRID <= a[0]
                || a[3] + GRID <= b[1]
                || b[3] + GRID <= a[1];
            assert!(apart, "items {i} and {j} closer than the clearance");
        }
    }
    let fixed: Vec<usize> = (0..n).filter(|&i| sheet.items[i].fixed.is_some()).collect();
    if let Some(&first) = fixed.first() {
        let (fx, fy) = sheet.items[first].fixed.unwrap();
        let (px, py) = layout.positions[first];
        for &i in &fixed {
            let (gx, gy) = sheet.items[i].fixed.unwrap();
            assert_eq!(layout.positions[i], (gx + px - fx, gy + py - fy));
        }
    }
    assert_eq!(layout.metrics.overlaps, 0);
    assert_eq!(
        layout.metrics.stubs,
        sheet.items.iter().map(|i| i.stubs).sum::<i64>()
    );
    assert_eq!(
        layout.metrics.area,
        layout.metrics.width * layout.metrics.height
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_sheet_places_cleanly(sheet in sheets()) {
        let layout = place(&sheet).expect("a valid sheet");
        check(&sheet, &layout);
        prop_assert_eq!(place(&sheet).unwrap(), layout);
    }
}
