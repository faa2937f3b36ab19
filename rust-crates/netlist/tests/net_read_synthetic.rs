//! The synthetic `.net` of the benchmark reads with its connectivity, and the generator writes
//! the bytes its Java twin writes.

mod net_read_support;

use circuitsynth_netlist::net_read::read;
use net_read_support::connectivity::Connectivity;
use net_read_support::synthetic::synthetic_net;

#[test]
fn synthetic_netlists_read_with_their_connectivity() {
    for count in [0, 1, 7, 60, 1500] {
        let bytes = synthetic_net(count);
        let design = read(&bytes).unwrap_or_else(|e| panic!("{count} components: {e}"));
        let components: usize = design.definitions.iter().map(|d| d.components.len()).sum();
        assert_eq!(components, count);
        let diff = Connectivity::of_net(&bytes).diff(&Connectivity::of_design(&design));
        assert!(diff.is_empty(), "{count} components:\n{diff}");
    }
}

#[test]
fn the_generator_matches_its_java_twin() {
    // SyntheticNetTest (Java) asserts the same size and hash.
    let bytes = synthetic_net(1500);
    let hash = circuitsynth_io::hash_bytes(&bytes);
    assert_eq!(
        (bytes.len(), format!("{hash:016x}")),
        (1_776_653, "0cc78e066ac0d6e7".to_string())
    );
}
