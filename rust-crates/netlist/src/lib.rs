//! The `netlist` stage: connectivity, reference designators, net naming, KiCad `.net` read and
//! write. Filled by the circuits-as-code work; empty until then.
