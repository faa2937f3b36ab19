package io.circuitsynth.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text form of sheets and layouts used by the conformance vectors ({@code NAME.in},
 * {@code NAME.out}), the benchmarks and debugging; the Rust twin is
 * {@code rust-crates/placement/src/text.rs}, and {@code conformance/placement/README.md} gives
 * the grammar.
 */
public final class PlacementText {
    private PlacementText() {}

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }

    private static int integer(String[] tokens, int index, int line, String what) {
        if (index >= tokens.length) {
            throw error(line, "missing " + what);
        }
        try {
            return Integer.parseInt(tokens[index]);
        } catch (NumberFormatException e) {
            throw error(line, what + " '" + tokens[index] + "' is not a 32-bit integer");
        }
    }

    private record Draft(int minX, int minY, int maxX, int maxY, int stubs, int labels, boolean fixed, int fixedX,
            int fixedY, List<Pin> pins) {}

    /**
     * Reads a sheet.
     *
     * @throws IllegalArgumentException naming the line, for text that is not a sheet
     */
    public static Sheet parseSheet(String text) {
        List<NetKind> nets = null;
        List<Draft> drafts = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int line = index + 1;
            String trimmed = lines[index].strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] tokens = trimmed.split("\\s+");
            String keyword = tokens[0];
            if (nets == null && !keyword.equals("nets")) {
                throw error(line, "expected 'nets COUNT' first");
            }
            int used;
            switch (keyword) {
                case "nets" -> {
                    if (nets != null) {
                        throw error(line, "'nets' given twice");
                    }
                    int count = integer(tokens, 1, line, "net count");
                    if (count < 0) {
                        throw error(line, "net count " + count + " is negative");
                    }
                    nets = new ArrayList<>(Collections.nCopies(count, NetKind.SIGNAL));
                    used = 2;
                }
                case "power", "ground", "large" -> {
                    NetKind kind = keyword.equals("power") ? NetKind.POWER
                            : keyword.equals("ground") ? NetKind.GROUND : NetKind.LARGE;
                    for (int t = 1; t < tokens.length; t++) {
                        int k = integer(tokens, t, line, "net");
                        if (k < 0 || k >= nets.size()) {
                            throw error(line, "net " + k + " is not below the net count");
                        }
                        nets.set(k, kind);
                    }
                    used = tokens.length;
                }
                case "item" -> {
                    int minX = integer(tokens, 1, line, "min x");
                    int minY = integer(tokens, 2, line, "min y");
                    int maxX = integer(tokens, 3, line, "max x");
                    int maxY = integer(tokens, 4, line, "max y");
                    int stubs = integer(tokens, 5, line, "stub count");
                    int labels = integer(tokens, 6, line, "label count");
                    boolean fixed = false;
                    int fx = 0;
                    int fy = 0;
                    used = 7;
                    if (tokens.length > 7) {
                        if (!tokens[7].equals("fixed")) {
                            throw error(line, "expected 'fixed X Y', found '" + tokens[7] + "'");
                        }
                        fixed = true;
                        fx = integer(tokens, 8, line, "fixed x");
                        fy = integer(tokens, 9, line, "fixed y");
                        used = 10;
                    }
                    drafts.add(new Draft(minX, minY, maxX, maxY, stubs, labels, fixed, fx, fy, new ArrayList<>()));
                }
                case "pin" -> {
                    int dx = integer(tokens, 1, line, "pin dx");
                    int dy = integer(tokens, 2, line, "pin dy");
                    int net = integer(tokens, 3, line, "pin net");
                    if (drafts.isEmpty()) {
                        throw error(line, "a pin before any item");
                    }
                    drafts.get(drafts.size() - 1).pins().add(new Pin(dx, dy, net));
                    used = 4;
                }
                default -> throw error(line, "unknown record '" + keyword + "'");
            }
            if (used < tokens.length) {
                throw error(line, "unexpected '" + tokens[used] + "' at the end");
            }
        }
        if (nets == null) {
            throw error(1, "expected 'nets COUNT' first");
        }
        List<Item> items = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            items.add(new Item(d.minX(), d.minY(), d.maxX(), d.maxY(), d.pins(), d.fixed(), d.fixedX(), d.fixedY(),
                    d.stubs(), d.labels()));
        }
        return new Sheet(items, nets);
    }

    /** A layout as the vectors' {@code NAME.out} holds it. */
    public static String formatLayout(Layout layout) {
        StringBuilder out = new StringBuilder();
        out.append("page ").append(layout.page().name()).append(' ').append(layout.page().width()).append(' ')
                .append(layout.page().height()).append('\n');
        List<Layout.Position> positions = layout.positions();
        for (int i = 0; i < positions.size(); i++) {
            out.append("at ").append(i).append(' ').append(positions.get(i).x()).append(' ')
                    .append(positions.get(i).y()).append('\n');
        }
        Metrics m = layout.metrics();
        String[] names = {"overlaps", "stubs", "labels", "width", "height", "area", "wire_edges", "wire_length",
            "mean_wire", "guest_edges", "mean_guest"};
        long[] values = {m.overlaps(), m.stubs(), m.labels(), m.width(), m.height(), m.area(), m.wireEdges(),
            m.wireLength(), m.meanWire(), m.guestEdges(), m.meanGuest()};
        for (int k = 0; k < names.length; k++) {
            out.append(names[k]).append(' ').append(values[k]).append('\n');
        }
        return out.toString();
    }
}
