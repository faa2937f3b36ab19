//! The KiCad `.net` reader (specification section 4).

use crate::model::Design;

/// Reads a `.net` into a design.
pub fn read(_net: &[u8]) -> Result<Design, String> {
    Err("the .net reader is not built yet".to_string())
}
