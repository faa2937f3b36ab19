package io.circuitsynth.netlist;

/**
 * A design as text, every member in model order, so the two engines' designs can be compared
 * through a hash table ({@code kicad_designs.txt}) that both test suites check. The Rust twin is
 * {@code rust-crates/netlist/tests/net_read_support/dump.rs}.
 */
final class DesignDump {
    private DesignDump() {}

    private static String q(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '"': out.append("\\\""); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                default: out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String dump(Design design) {
        StringBuilder out = new StringBuilder();
        out.append("design ").append(q(design.name())).append(" root ").append(q(design.root())).append('\n');
        for (Design.SheetUuid s : design.sheetUuids()) {
            out.append("sheet ").append(q(s.path())).append(' ').append(q(s.uuid())).append('\n');
        }
        for (Definition d : design.definitions()) {
            out.append("definition ").append(q(d.name())).append('\n');
            for (String p : d.ports()) {
                out.append("  port ").append(q(p)).append('\n');
            }
            for (ComponentSpec c : d.components()) {
                out.append("  component ").append(q(c.id())).append(' ').append(q(c.symbol())).append(' ')
                        .append(c.referenceKind().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(q(c.reference())).append(' ').append(q(c.value())).append(' ')
                        .append(q(c.footprint())).append(' ').append(q(c.datasheet())).append(' ')
                        .append(q(c.description())).append(' ').append(c.dnp()).append(' ').append(c.inBom())
                        .append(' ').append(c.onBoard()).append('\n');
                for (ComponentSpec.Field f : c.fields()) {
                    out.append("    field ").append(q(f.name())).append(' ').append(q(f.value())).append('\n');
                }
                if (c.pins() == null) {
                    out.append("    pins none\n");
                } else {
                    for (ComponentSpec.PinSpec p : c.pins()) {
                        out.append("    pin ").append(q(p.number())).append(' ').append(q(p.name())).append(' ')
                                .append(q(p.type())).append(' ').append(p.unit()).append(' ').append(p.hidden())
                                .append('\n');
                    }
                }
                for (String u : c.uuids()) {
                    out.append("    uuid ").append(q(u)).append('\n');
                }
            }
            for (NetSpec n : d.nets()) {
                out.append("  net ").append(n.name() == null ? "-" : q(n.name())).append(' ')
                        .append(n.id() == null ? "-" : q(n.id())).append(' ')
                        .append(n.power().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(q(n.netClass())).append(' ').append(n.absolute()).append('\n');
                for (PinRef p : n.nodes()) {
                    out.append("    node ").append(q(p.component())).append(' ').append(q(p.pin())).append(' ')
                            .append(p.unit()).append('\n');
                }
            }
            for (PinRef p : d.noConnects()) {
                out.append("  noconnect ").append(q(p.component())).append(' ').append(q(p.pin())).append(' ')
                        .append(p.unit()).append('\n');
            }
            for (InstanceSpec i : d.instances()) {
                out.append("  instance ").append(q(i.name())).append(' ').append(q(i.definition())).append('\n');
                for (InstanceSpec.Binding b : i.bindings()) {
                    out.append("    bind ").append(q(b.port())).append(' ').append(q(b.net())).append('\n');
                }
            }
        }
        return out.toString();
    }
}
