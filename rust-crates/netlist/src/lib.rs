//! The `netlist` stage: connectivity, reference designators, net naming, KiCad `.net` read and
//! write, circuit JSON and circuit-synth import. The specification is
//! `conformance/netlist/README.md`; the Java twin is `io.circuitsynth.netlist`.

pub mod circuit_json;
pub mod circuit_synth;
pub mod codec;
pub mod finalize;
pub mod json_scan;
pub mod json_text;
pub mod model;
pub mod names;
pub mod net_read;
pub mod net_write;
pub mod strnum;
pub mod synthetic;
pub mod uuid;
