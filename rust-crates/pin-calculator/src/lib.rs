//! The `pin-calculator` stage of CircuitSynth: library pins to sheet coordinates exactly as
//! eeschema places them, and the boxes a placed unit and its fields occupy.
//!
//! **For:** the schematic writer and placement. A [`SymbolGeometry`] is a resolved symbol read
//! once (pins kept, drawings reduced to one library-space box per unit and body style); placing
//! it with a [`Placement`] (`(at X Y ANGLE) (mirror x|y)` of a `.kicad_sch`) gives every pin of
//! the unit and body style (shared ones included) with its connection point and outward
//! direction, and the body box; [`place_fields`] puts Reference and Value beside that box and
//! says how to write them; [`text_box`] is the box of any text in KiCad's stroke font.
//!
//! **Not for:** reading libraries (`symbol-cache`), choosing positions (`placement`) or writing
//! files (`schematic-writer`). Geometry is integer IU (1 IU = 100 nm); Java's
//! `io.circuitsynth.pins` implements the same specification, `conformance/pins/README.md`, to
//! the unit, and the vectors there are run by `tests/conformance.rs`.
//!
//! ```
//! use circuitsynth_pin_calculator::{Mirror, Placement, Rotation, SymbolGeometry};
//! use circuitsynth_symbol_cache::read_symbols;
//!
//! let library = br#"(kicad_symbol_lib (version 20241209)
//!   (symbol "R" (property "Reference" "R")
//!     (symbol "R_0_1" (rectangle (start -1.016 -2.54) (end 1.016 2.54)
//!       (stroke (width 0.254)) (fill (type none))))
//!     (symbol "R_1_1"
//!       (pin passive line (at 0 3.81 270) (length 1.27) (name "~") (number "1"))
//!       (pin passive line (at 0 -3.81 90) (length 1.27) (name "~") (number "2")))))"#;
//! let symbols = read_symbols(library).expect("valid");
//! let r = &symbols[0];
//! let texts = circuitsynth_pin_calculator::graphics_texts(r, library).expect("in range");
//! let geometry = SymbolGeometry::new(r, &texts).expect("drawings read");
//! let placed = geometry
//!     .place(1, 1, &Placement::new(254_000, 254_000, Rotation::R90, Mirror::None))
//!     .expect("unit 1 exists");
//! // Pin 1 sat above the body; turned a quarter counter-clockwise it points left.
//! assert_eq!((placed.pins[0].x, placed.pins[0].y), (254_000 - 38_100, 254_000));
//! assert_eq!((placed.pins[0].dx, placed.pins[0].dy), (-1, 0));
//! assert_eq!(placed.body.min_x, 254_000 - 38_100);
//! ```

mod error;
mod fields;
mod geometry;
mod graphics;
mod rect;
mod text;
mod transform;

pub use error::PinError;
pub use fields::{place_field, place_fields, text_box, FieldLayout, FieldPlacement};
pub use geometry::{graphics_texts, LibraryPin, PlacedPin, PlacedUnit, SymbolGeometry};
pub use graphics::{DEFAULT_LINE_WIDTH, DEFAULT_TEXT_SIZE};
pub use rect::Rect;
pub use text::{HAlign, TextStyle, VAlign};
pub use transform::{Mirror, Placement, Rotation};
