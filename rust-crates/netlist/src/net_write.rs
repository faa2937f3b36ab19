//! The KiCad `.net` writer (specification section 3).

use crate::finalize::Netlist;

/// The `.net` bytes of a finalized design.
pub fn write_net(_netlist: &Netlist) -> Vec<u8> {
    Vec::new()
}
