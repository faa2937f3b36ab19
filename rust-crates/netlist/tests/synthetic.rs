//! The benchmark designs are what they claim: the synthetic design finalizes with every net it
//! was built with, and the absolute twin of the prefix-only design writes the same `.net` (so the
//! difference of their finalize times is the numbering alone).

use circuitsynth_netlist::{finalize, net_write, synthetic};

mod support;

#[test]
fn the_synthetic_design_finalizes_with_all_its_components_and_nets() {
    let index = support::builtin_index();
    let design = synthetic::design(1_000, 1_200);
    let netlist = finalize::finalize(&design, &index).expect("finalizes");
    assert_eq!(netlist.components.len(), 1_000);
    assert_eq!(netlist.nets.len(), 1_200);
}

#[test]
fn prefix_only_and_its_absolute_twin_write_the_same_net() {
    let index = support::builtin_index();
    let prefixed = synthetic::prefix_only(60);
    let absolute = synthetic::absolute_only(60);
    let a = net_write::write_net(&finalize::finalize(&prefixed, &index).expect("finalizes"));
    let b = net_write::write_net(&finalize::finalize(&absolute, &index).expect("finalizes"));
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    assert!(String::from_utf8_lossy(&a).contains("(comp (ref \"U12\")"));
}
