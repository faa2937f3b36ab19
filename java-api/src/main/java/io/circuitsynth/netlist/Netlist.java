package io.circuitsynth.netlist;

/** A finalized design: the flat netlist (specification section 2). Filled by the finalize work. */
public final class Netlist {
    Netlist() {}
}
