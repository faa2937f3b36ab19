package io.circuitsynth.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The placement algorithm, step by step as {@code conformance/placement/README.md} gives it. The
 * Rust twin is {@code rust-crates/placement/src/placer.rs}; keep the two in the same order,
 * operation for operation, or the engines stop agreeing bit for bit.
 */
final class Placer {
    static final long GRID = 12_700;
    static final long COORDINATE_LIMIT = 20_000_000;
    /** The smallest gap between two boxes of a returned layout. */
    private static final long CLEARANCE = GRID;
    /**
     * Half the gap the force loop aims for: enough that the snap to the grid (up to half a step
     * per axis and item) never brings two separated boxes within the clearance.
     */
    private static final double PAD = 13_000.0;
    private static final int ITERATIONS = 60;
    /** Collision-only rounds after the attraction rounds, to settle what the last pulls overlapped. */
    private static final int SETTLE = 30;
    private static final double LARGE_FACTOR = 0.2;
    private static final double ALPHA = 0.2;
    /** Gravity toward the layout's centre, stronger vertically so layouts come out landscape. */
    private static final double GRAVITY_X = 0.1;
    private static final double GRAVITY_Y = 0.15;
    /**
     * In the settling rounds a pair is pushed sideways unless that is 1 / 0.7 times deeper than
     * pushing it up or down: labels make boxes wide and flat, and without the bias the layout
     * would grow into a tall column that no landscape page holds.
     */
    private static final double SETTLE_X_BIAS = 0.7;
    private static final double GUEST_WEIGHT = 1.0;
    /** The gap between items in the initial shelf layout. */
    private static final long SHELF_GAP = 2 * GRID;
    private static final int MAX_EXPANSIONS = 64;
    /** KiCad's default drawing sheet: 10 mm margin, 2 mm border strip, 3.24 mm more for labels. */
    private static final long FRAME_MARGIN = 152_400;
    /** The title block's 110 x 34 mm, 10 mm from the bottom-right corner, plus a 2.54 mm gap. */
    private static final long TITLE_BLOCK_WIDTH = 1_225_400;
    private static final long TITLE_BLOCK_HEIGHT = 465_400;
    private static final int NONE = -1;

    private Placer() {}

    static Layout place(Sheet sheet) {
        validate(sheet);
        Model model = new Model(sheet);
        long[][] initial = initialLayout(model);
        long[][] snapped = forceLayout(model, initial[0], initial[1]);
        long[][] legal = legalize(model, snapped[0], snapped[1]);
        PageSize page = PageSize.A4;
        long[] x = legal[0];
        long[] y = legal[1];
        if (model.n > 0) {
            long[] fit = fitPage(model, x, y);
            page = PageSize.values()[(int) fit[0]];
            for (int i = 0; i < model.n; i++) {
                x[i] += fit[1];
                y[i] += fit[2];
            }
        }
        List<Layout.Position> positions = new ArrayList<>(model.n);
        for (int i = 0; i < model.n; i++) {
            positions.add(new Layout.Position(x[i], y[i]));
        }
        return new Layout(page, positions, measure(model, sheet, x, y));
    }

    private static boolean outOfRange(long v) {
        return v < -COORDINATE_LIMIT || v > COORDINATE_LIMIT;
    }

    private static PlacementException rangeMessage(String place, long v) {
        return new PlacementException(place + ": coordinate " + v + " is out of range; box corners, pin offsets and"
                + " fixed positions must lie within -" + COORDINATE_LIMIT + ".." + COORDINATE_LIMIT + " IU (2 m)");
    }

    private static void validate(Sheet sheet) {
        int nets = sheet.nets().size();
        List<Item> items = sheet.items();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String place = "item " + i;
            for (long v : new long[] {item.minX(), item.minY(), item.maxX(), item.maxY()}) {
                if (outOfRange(v)) {
                    throw rangeMessage(place, v);
                }
            }
            if (item.minX() > item.maxX() || item.minY() > item.maxY()) {
                throw new PlacementException("item " + i + ": box min (" + item.minX() + ", " + item.minY()
                        + ") exceeds max (" + item.maxX() + ", " + item.maxY()
                        + "); give min <= max on both axes");
            }
            if (item.stubs() < 0 || item.labels() < 0) {
                throw new PlacementException("item " + i + ": stub and label counts must not be negative (found "
                        + item.stubs() + " and " + item.labels() + ")");
            }
            if (item.fixed()) {
                for (long v : new long[] {item.fixedX(), item.fixedY()}) {
                    if (outOfRange(v)) {
                        throw rangeMessage(place, v);
                    }
                }
                if (Math.floorMod(item.fixedX(), GRID) != 0 || Math.floorMod(item.fixedY(), GRID) != 0) {
                    throw new PlacementException("item " + i + ": fixed position (" + item.fixedX() + ", "
                            + item.fixedY() + ") is off the " + GRID + " IU (1.27 mm) grid; fixed items must sit"
                            + " on the grid");
                }
            }
            List<Pin> pins = item.pins();
            for (int j = 0; j < pins.size(); j++) {
                Pin pin = pins.get(j);
                for (long v : new long[] {pin.dx(), pin.dy()}) {
                    if (outOfRange(v)) {
                        throw rangeMessage("item " + i + " pin " + j, v);
                    }
                }
                if (pin.net() < -1 || pin.net() >= nets) {
                    throw new PlacementException("item " + i + " pin " + j + ": net " + pin.net()
                            + " does not exist; the sheet has " + nets + " nets (use -1 for an unconnected pin)");
                }
            }
        }
        List<Integer> fixed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).fixed()) {
                fixed.add(i);
            }
        }
        for (int a = 0; a < fixed.size(); a++) {
            for (int b = a + 1; b < fixed.size(); b++) {
                Item p = items.get(fixed.get(a));
                Item q = items.get(fixed.get(b));
                long[] bp = {(long) p.fixedX() + p.minX(), (long) p.fixedY() + p.minY(), (long) p.fixedX() + p.maxX(),
                    (long) p.fixedY() + p.maxY()};
                long[] bq = {(long) q.fixedX() + q.minX(), (long) q.fixedY() + q.minY(), (long) q.fixedX() + q.maxX(),
                    (long) q.fixedY() + q.maxY()};
                if (conflict(bp, bq)) {
                    throw new PlacementException("fixed items " + fixed.get(a) + " and " + fixed.get(b)
                            + " are closer than the " + GRID + " IU (1.27 mm) clearance; move one of them");
                }
            }
        }
    }

    /** Whether two boxes are closer than the clearance on both axes (so neither separates them). */
    private static boolean conflict(long[] a, long[] b) {
        return a[0] < b[2] + CLEARANCE && b[0] < a[2] + CLEARANCE && a[1] < b[3] + CLEARANCE
                && b[1] < a[3] + CLEARANCE;
    }

    private static long floorGrid(long v) {
        return Math.floorDiv(v, GRID) * GRID;
    }

    private static long ceilGrid(long v) {
        return -floorGrid(-v);
    }

    private static double minF(double a, double b) {
        return a < b ? a : b;
    }

    private static double maxF(double a, double b) {
        return a > b ? a : b;
    }

    /** The sheet in flat arrays: pins by item and by net, net weights, guests and their ties. */
    static final class Model {
        final int n;
        final long[] minX;
        final long[] minY;
        final long[] maxX;
        final long[] maxY;
        final boolean[] fixed;
        final long[] fixedX;
        final long[] fixedY;
        /** Pins of item {@code i} are {@code itemPinStart[i]..itemPinStart[i + 1]}. */
        final int[] itemPinStart;
        final int[] pinItem;
        final long[] pinDx;
        final long[] pinDy;
        final int[] pinNet;
        /** Attraction weight of each pin: its net's, or 0 for supplies and unconnected pins. */
        final double[] pinWeight;
        final NetKind[] kinds;
        /** Pins of net {@code k} are {@code netPins[netStart[k]..netStart[k + 1]]}, by item, then pin. */
        final int[] netStart;
        final int[] netPins;
        final double[] netWeight;
        /** The host item of each guest, or {@code NONE}. */
        final int[] host;
        /** Ties of guest {@code i}: guest pin and host pin, for {@code tieStart[i]..tieStart[i + 1]}. */
        final int[] tieStart;
        int[] tiePin = new int[8];
        int[] tieTarget = new int[8];
        int ties;

        Model(Sheet sheet) {
            List<Item> items = sheet.items();
            n = items.size();
            int m = sheet.nets().size();
            minX = new long[n];
            minY = new long[n];
            maxX = new long[n];
            maxY = new long[n];
            fixed = new boolean[n];
            fixedX = new long[n];
            fixedY = new long[n];
            itemPinStart = new int[n + 1];
            int pinCount = 0;
            for (Item item : items) {
                pinCount += item.pins().size();
            }
            pinItem = new int[pinCount];
            pinDx = new long[pinCount];
            pinDy = new long[pinCount];
            pinNet = new int[pinCount];
            int p = 0;
            for (int i = 0; i < n; i++) {
                Item item = items.get(i);
                minX[i] = item.minX();
                minY[i] = item.minY();
                maxX[i] = item.maxX();
                maxY[i] = item.maxY();
                fixed[i] = item.fixed();
                fixedX[i] = item.fixed() ? item.fixedX() : 0;
                fixedY[i] = item.fixed() ? item.fixedY() : 0;
                itemPinStart[i] = p;
                for (Pin pin : item.pins()) {
                    pinItem[p] = i;
                    pinDx[p] = pin.dx();
                    pinDy[p] = pin.dy();
                    pinNet[p] = pin.net();
                    p++;
                }
            }
            itemPinStart[n] = p;
            kinds = sheet.nets().toArray(new NetKind[0]);
            netStart = new int[m + 1];
            for (int net : pinNet) {
                if (net >= 0) {
                    netStart[net + 1]++;
                }
            }
            for (int k = 0; k < m; k++) {
                netStart[k + 1] += netStart[k];
            }
            int[] fill = netStart.clone();
            netPins = new int[netStart[m]];
            for (int q = 0; q < pinCount; q++) {
                if (pinNet[q] >= 0) {
                    netPins[fill[pinNet[q]]++] = q;
                }
            }
            netWeight = new double[m];
            for (int k = 0; k < m; k++) {
                int count = netStart[k + 1] - netStart[k];
                if (count >= 2) {
                    double share = (double) (count - 1);
                    netWeight[k] = switch (kinds[k]) {
                        case SIGNAL -> 1.0 / share;
                        case LARGE -> LARGE_FACTOR / share;
                        case POWER, GROUND -> 0.0;
                    };
                }
            }
            pinWeight = new double[pinCount];
            for (int q = 0; q < pinCount; q++) {
                pinWeight[q] = pinNet[q] >= 0 ? netWeight[pinNet[q]] : 0.0;
            }
            host = new int[n];
            Arrays.fill(host, NONE);
            tieStart = new int[n + 1];
            findGuests();
        }

        /**
         * A guest has exactly two connected pins, both on supply nets (a decoupling capacitor, a
         * ferrite between rails). Its host is the non-guest item sharing the most of its key nets
         * (its power nets, or its ground nets when it has no power net), then the nearest by
         * index, then the lower index; each guest pin on a key net is tied to the host's first pin
         * on it.
         */
        private void findGuests() {
            boolean[] guest = new boolean[n];
            for (int i = 0; i < n; i++) {
                int connected = 0;
                int supplies = 0;
                for (int p = itemPinStart[i]; p < itemPinStart[i + 1]; p++) {
                    int net = pinNet[p];
                    if (net >= 0) {
                        connected++;
                        if (kinds[net].isSupply()) {
                            supplies++;
                        }
                    }
                }
                guest[i] = connected == 2 && supplies == 2;
            }
            int[] seen = new int[n];
            int[] count = new int[n];
            int[] touched = new int[n];
            int stamp = 0;
            tieStart[0] = 0;
            for (int i = 0; i < n; i++) {
                if (guest[i]) {
                    List<Integer> key = keyNets(i);
                    int touchedCount = 0;
                    for (int k : key) {
                        stamp++;
                        for (int idx = netStart[k]; idx < netStart[k + 1]; idx++) {
                            int j = pinItem[netPins[idx]];
                            if (j == i || guest[j] || seen[j] == stamp) {
                                continue;
                            }
                            seen[j] = stamp;
                            if (count[j] == 0) {
                                touched[touchedCount++] = j;
                            }
                            count[j]++;
                        }
                    }
                    int best = NONE;
                    for (int t = 0; t < touchedCount; t++) {
                        int j = touched[t];
                        if (best == NONE || count[j] > count[best] || (count[j] == count[best]
                                && (Math.abs(i - j) < Math.abs(i - best)
                                        || (Math.abs(i - j) == Math.abs(i - best) && j < best)))) {
                            best = j;
                        }
                    }
                    for (int t = 0; t < touchedCount; t++) {
                        count[touched[t]] = 0;
                    }
                    host[i] = best;
                    if (best != NONE) {
                        for (int p = itemPinStart[i]; p < itemPinStart[i + 1]; p++) {
                            int net = pinNet[p];
                            if (net < 0 || !key.contains(net)) {
                                continue;
                            }
                            for (int q = itemPinStart[best]; q < itemPinStart[best + 1]; q++) {
                                if (pinNet[q] == net) {
                                    addTie(p, q);
                                    break;
                                }
                            }
                        }
                    }
                }
                tieStart[i + 1] = ties;
            }
        }

        private void addTie(int p, int q) {
            if (ties == tiePin.length) {
                tiePin = Arrays.copyOf(tiePin, ties * 2);
                tieTarget = Arrays.copyOf(tieTarget, ties * 2);
            }
            tiePin[ties] = p;
            tieTarget[ties] = q;
            ties++;
        }

        /** The distinct power nets of a guest's pins in pin order, or its ground nets if it has none. */
        private List<Integer> keyNets(int i) {
            List<Integer> power = new ArrayList<>();
            List<Integer> ground = new ArrayList<>();
            for (int p = itemPinStart[i]; p < itemPinStart[i + 1]; p++) {
                int net = pinNet[p];
                if (net < 0) {
                    continue;
                }
                List<Integer> list = kinds[net] == NetKind.POWER ? power : ground;
                if (!list.contains(net)) {
                    list.add(net);
                }
            }
            return power.isEmpty() ? ground : power;
        }

        long width(int i) {
            return maxX[i] - minX[i];
        }

        long height(int i) {
            return maxY[i] - minY[i];
        }

        long[] boxAt(int i, long x, long y) {
            return new long[] {x + minX[i], y + minY[i], x + maxX[i], y + maxY[i]};
        }
    }

    /** Breadth-first order over signal and large nets, each guest right after its host, roots in index order. */
    static int[] bfsOrder(Model model) {
        int n = model.n;
        int[] guestsStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (model.host[i] != NONE) {
                guestsStart[model.host[i] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            guestsStart[i + 1] += guestsStart[i];
        }
        int[] fill = guestsStart.clone();
        int[] guests = new int[guestsStart[n]];
        for (int i = 0; i < n; i++) {
            if (model.host[i] != NONE) {
                guests[fill[model.host[i]]++] = i;
            }
        }
        boolean[] visited = new boolean[n];
        boolean[] expanded = new boolean[model.kinds.length];
        int[] queue = new int[n];
        int tail = 0;
        int head = 0;
        for (int root = 0; root < n; root++) {
            if (visited[root] || model.host[root] != NONE) {
                continue;
            }
            visited[root] = true;
            queue[tail++] = root;
            while (head < tail) {
                int u = queue[head++];
                for (int g = guestsStart[u]; g < guestsStart[u + 1]; g++) {
                    if (!visited[guests[g]]) {
                        visited[guests[g]] = true;
                        queue[tail++] = guests[g];
                    }
                }
                for (int p = model.itemPinStart[u]; p < model.itemPinStart[u + 1]; p++) {
                    int net = model.pinNet[p];
                    if (net < 0 || model.kinds[net].isSupply() || expanded[net]) {
                        continue;
                    }
                    expanded[net] = true;
                    for (int idx = model.netStart[net]; idx < model.netStart[net + 1]; idx++) {
                        int j = model.pinItem[model.netPins[idx]];
                        if (!visited[j]) {
                            visited[j] = true;
                            queue[tail++] = j;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(queue, tail);
    }

    /**
     * Movable items in breadth-first order, packed left to right into rows about twice as wide as
     * they are tall, to the right of the fixed items if there are any.
     */
    static long[][] initialLayout(Model model) {
        int n = model.n;
        long[] x = new long[n];
        long[] y = new long[n];
        long originX = 0;
        long originY = 0;
        boolean anyFixed = false;
        long fixedMaxX = 0;
        long fixedMinY = 0;
        for (int i = 0; i < n; i++) {
            if (model.fixed[i]) {
                x[i] = model.fixedX[i];
                y[i] = model.fixedY[i];
                long[] b = model.boxAt(i, x[i], y[i]);
                if (!anyFixed || b[2] > fixedMaxX) {
                    fixedMaxX = b[2];
                }
                if (!anyFixed || b[1] < fixedMinY) {
                    fixedMinY = b[1];
                }
                anyFixed = true;
            }
        }
        if (anyFixed) {
            originX = fixedMaxX + SHELF_GAP;
            originY = fixedMinY;
        }
        double area = 0.0;
        long widest = 0;
        for (int i = 0; i < n; i++) {
            if (!model.fixed[i]) {
                long w = model.width(i) + SHELF_GAP;
                long h = model.height(i) + SHELF_GAP;
                area += (double) w * (double) h;
                if (model.width(i) > widest) {
                    widest = model.width(i);
                }
            }
        }
        long target = (long) Math.floor(Math.sqrt(area * 2.0));
        if (target < widest) {
            target = widest;
        }
        long cursor = 0;
        long rowY = 0;
        long rowH = 0;
        for (int i : bfsOrder(model)) {
            if (model.fixed[i]) {
                continue;
            }
            long w = model.width(i);
            long h = model.height(i);
            if (cursor > 0 && cursor + w > target) {
                rowY += rowH + SHELF_GAP;
                cursor = 0;
                rowH = 0;
            }
            x[i] = originX + cursor - model.minX[i];
            y[i] = originY + rowY - model.minY[i];
            cursor += w + SHELF_GAP;
            if (h > rowH) {
                rowH = h;
            }
        }
        return new long[][] {x, y};
    }

    /**
     * The force loop: attraction rounds (pins toward their nets' centroids, guests toward their
     * host pins, everything gently toward the layout's centre, each move capped by a cooling
     * temperature), each followed by a collision round; then collision-only rounds; then the snap
     * to the grid. A collision round separates overlapping padded boxes along their shallower
     * axis; pairs are taken from the centre outward, and once attraction has stopped only the
     * item farther from the centre moves, so one round carries the pressure of a dense cluster
     * all the way to its rim.
     */
    static long[][] forceLayout(Model model, long[] ix, long[] iy) {
        int n = model.n;
        int m = model.kinds.length;
        double[] px = new double[n];
        double[] py = new double[n];
        double[] bx0 = new double[n];
        double[] bx1 = new double[n];
        double[] by0 = new double[n];
        double[] by1 = new double[n];
        double[] cxOff = new double[n];
        double[] cyOff = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = (double) ix[i];
            py[i] = (double) iy[i];
            bx0[i] = (double) model.minX[i] - PAD;
            bx1[i] = (double) model.maxX[i] + PAD;
            by0[i] = (double) model.minY[i] - PAD;
            by1[i] = (double) model.maxY[i] + PAD;
            cxOff[i] = (double) (model.minX[i] + model.maxX[i]) * 0.5;
            cyOff[i] = (double) (model.minY[i] + model.maxY[i]) * 0.5;
        }
        int pinCount = model.pinDx.length;
        double[] pdx = new double[pinCount];
        double[] pdy = new double[pinCount];
        for (int p = 0; p < pinCount; p++) {
            pdx[p] = (double) model.pinDx[p];
            pdy[p] = (double) model.pinDy[p];
        }
        double t0 = 0.0;
        double meanSpan = 0.0;
        for (int i = 0; i < n; i++) {
            t0 += (double) (model.width(i) + model.height(i)) * 0.5;
            meanSpan += (double) Math.max(model.width(i), model.height(i)) + 2.0 * PAD;
        }
        if (n > 0) {
            t0 = t0 / (double) n + (double) GRID;
            meanSpan /= (double) n;
        }
        double[] ncx = new double[m];
        double[] ncy = new double[m];
        double[] mx = new double[n];
        double[] my = new double[n];
        double[] ex0 = new double[n];
        double[] ex1 = new double[n];
        double[] ey0 = new double[n];
        double[] ey1 = new double[n];
        double[] dist = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] rank = new int[n];
        int[] c0 = new int[n];
        int[] c1 = new int[n];
        int[] r0 = new int[n];
        int[] r1 = new int[n];
        int[] cellStart = new int[0];
        int[] cellFill = new int[0];
        int[] cellItems = new int[0];
        int[] pairI = new int[16];
        int[] pairJ = new int[16];
        int[] sortedI = new int[16];
        int[] sortedJ = new int[16];
        int[] pairStart = new int[n + 1];
        boolean anyMovable = false;
        for (int i = 0; i < n; i++) {
            anyMovable |= !model.fixed[i];
        }
        int rounds = anyMovable ? ITERATIONS + SETTLE : 0;
        for (int t = 0; t < rounds; t++) {
            double gx = 0.0;
            double gy = 0.0;
            for (int i = 0; i < n; i++) {
                gx += px[i] + cxOff[i];
                gy += py[i] + cyOff[i];
            }
            gx /= (double) n;
            gy /= (double) n;
            if (t < ITERATIONS) {
                double temperature = t0 * (double) (ITERATIONS - t) / (double) ITERATIONS;
                for (int k = 0; k < m; k++) {
                    if (model.netWeight[k] > 0.0) {
                        double sx = 0.0;
                        double sy = 0.0;
                        for (int idx = model.netStart[k]; idx < model.netStart[k + 1]; idx++) {
                            int q = model.netPins[idx];
                            int i = model.pinItem[q];
                            sx += px[i] + pdx[q];
                            sy += py[i] + pdy[q];
                        }
                        double count = (double) (model.netStart[k + 1] - model.netStart[k]);
                        ncx[k] = sx / count;
                        ncy[k] = sy / count;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (model.fixed[i]) {
                        continue;
                    }
                    double fx = 0.0;
                    double fy = 0.0;
                    double w = 0.0;
                    for (int p = model.itemPinStart[i]; p < model.itemPinStart[i + 1]; p++) {
                        double wt = model.pinWeight[p];
                        if (wt > 0.0) {
                            int k = model.pinNet[p];
                            fx += wt * (ncx[k] - (px[i] + pdx[p]));
                            fy += wt * (ncy[k] - (py[i] + pdy[p]));
                            w += wt;
                        }
                    }
                    for (int s = model.tieStart[i]; s < model.tieStart[i + 1]; s++) {
                        int p = model.tiePin[s];
                        int q = model.tieTarget[s];
                        int h = model.pinItem[q];
                        fx += GUEST_WEIGHT * ((px[h] + pdx[q]) - (px[i] + pdx[p]));
                        fy += GUEST_WEIGHT * ((py[h] + pdy[q]) - (py[i] + pdy[p]));
                        w += GUEST_WEIGHT;
                    }
                    double dx = GRAVITY_X * (gx - (px[i] + cxOff[i]));
                    double dy = GRAVITY_Y * (gy - (py[i] + cyOff[i]));
                    if (w > 0.0) {
                        dx += fx / w;
                        dy += fy / w;
                    }
                    double len = Math.sqrt(dx * dx + dy * dy);
                    double step = ALPHA;
                    if (len * ALPHA > temperature) {
                        step = temperature / len;
                    }
                    mx[i] = dx * step;
                    my[i] = dy * step;
                }
                for (int i = 0; i < n; i++) {
                    if (!model.fixed[i]) {
                        px[i] += mx[i];
                        py[i] += my[i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                ex0[i] = px[i] + bx0[i];
                ex1[i] = px[i] + bx1[i];
                ey0[i] = py[i] + by0[i];
                ey1[i] = py[i] + by1[i];
                double dcx = px[i] + cxOff[i] - gx;
                double dcy = py[i] + cyOff[i] - gy;
                dist[i] = dcx * dcx + dcy * dcy;
            }
            // Positions move little between rounds, so the previous order is nearly sorted and an
            // insertion sort is close to linear. Ties by index make the order total: any correct
            // sort finds this same permutation.
            for (int a = 1; a < n; a++) {
                int v = order[a];
                int b = a;
                while (b > 0) {
                    int u = order[b - 1];
                    if (dist[v] < dist[u] || (dist[v] == dist[u] && v < u)) {
                        order[b] = u;
                        b--;
                    } else {
                        break;
                    }
                }
                order[b] = v;
            }
            for (int a = 0; a < n; a++) {
                rank[order[a]] = a;
            }
            // Candidate pairs come from a uniform grid over the padded boxes; a pair is found in
            // the one cell holding the top-left corner of its intersection, so exactly once, from
            // its lower index; it is then taken in the order of its inner item's rank.
            double gx0 = ex0[0];
            double gy0 = ey0[0];
            double gx1 = ex1[0];
            double gy1 = ey1[0];
            for (int i = 1; i < n; i++) {
                gx0 = minF(gx0, ex0[i]);
                gy0 = minF(gy0, ey0[i]);
                gx1 = maxF(gx1, ex1[i]);
                gy1 = maxF(gy1, ey1[i]);
            }
            // Cells about as large as a typical box, so a dense cluster inside a sparse sheet does
            // not crowd into a few cells; coarser only if that would make many more cells than items.
            double cell = meanSpan;
            double spread = Math.sqrt((gx1 - gx0) * (gy1 - gy0) / (16.0 * (double) n));
            if (spread > cell) {
                cell = spread;
            }
            // Offsets from the grid's corner are never negative, so truncation is the floor.
            int cols = (int) ((gx1 - gx0) / cell) + 1;
            int rows = (int) ((gy1 - gy0) / cell) + 1;
            int cells = cols * rows;
            if (cellStart.length < cells + 1) {
                cellStart = new int[cells + 1];
                cellFill = new int[cells];
            } else {
                Arrays.fill(cellStart, 0, cells + 1, 0);
            }
            for (int i = 0; i < n; i++) {
                c0[i] = (int) ((ex0[i] - gx0) / cell);
                c1[i] = (int) ((ex1[i] - gx0) / cell);
                r0[i] = (int) ((ey0[i] - gy0) / cell);
                r1[i] = (int) ((ey1[i] - gy0) / cell);
                for (int r = r0[i]; r <= r1[i]; r++) {
                    for (int c = c0[i]; c <= c1[i]; c++) {
                        cellStart[r * cols + c + 1]++;
                    }
                }
            }
            for (int k = 0; k < cells; k++) {
                cellStart[k + 1] += cellStart[k];
            }
            System.arraycopy(cellStart, 0, cellFill, 0, cells);
            if (cellItems.length < cellStart[cells]) {
                cellItems = new int[cellStart[cells]];
            }
            for (int i = 0; i < n; i++) {
                for (int r = r0[i]; r <= r1[i]; r++) {
                    for (int c = c0[i]; c <= c1[i]; c++) {
                        cellItems[cellFill[r * cols + c]++] = i;
                    }
                }
            }
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int r = r0[i]; r <= r1[i]; r++) {
                    for (int c = c0[i]; c <= c1[i]; c++) {
                        int k = r * cols + c;
                        // Each cell lists items by index, so those above i come last.
                        for (int e = cellStart[k + 1] - 1; e >= cellStart[k]; e--) {
                            int j = cellItems[e];
                            if (j <= i) {
                                break;
                            }
                            if (ex0[j] >= ex1[i] || ex0[i] >= ex1[j] || ey0[j] >= ey1[i] || ey0[i] >= ey1[j]) {
                                continue;
                            }
                            // The intersection's top-left corner lies in the cell of the larger
                            // left edge and the larger top edge.
                            if (Math.max(c0[i], c0[j]) == c && Math.max(r0[i], r0[j]) == r
                                    && !(model.fixed[i] && model.fixed[j])) {
                                if (pairs == pairI.length) {
                                    pairI = Arrays.copyOf(pairI, pairs * 2);
                                    pairJ = Arrays.copyOf(pairJ, pairs * 2);
                                    sortedI = new int[pairs * 2];
                                    sortedJ = new int[pairs * 2];
                                }
                                boolean iInner = rank[i] < rank[j];
                                pairI[pairs] = iInner ? i : j;
                                pairJ[pairs] = iInner ? j : i;
                                pairs++;
                            }
                        }
                    }
                }
            }
            // Pairs by the rank of their inner item, keeping the order found (a counting sort).
            Arrays.fill(pairStart, 0);
            for (int e = 0; e < pairs; e++) {
                pairStart[rank[pairI[e]] + 1]++;
            }
            for (int a = 0; a < n; a++) {
                pairStart[a + 1] += pairStart[a];
            }
            for (int e = 0; e < pairs; e++) {
                int slot = pairStart[rank[pairI[e]]]++;
                sortedI[slot] = pairI[e];
                sortedJ[slot] = pairJ[e];
            }
            double xBias = t < ITERATIONS ? 1.0 : SETTLE_X_BIAS;
            for (int e = 0; e < pairs; e++) {
                int i = sortedI[e];
                int j = sortedJ[e];
                double ix0 = px[i] + bx0[i];
                double ix1 = px[i] + bx1[i];
                double iy0 = py[i] + by0[i];
                double iy1 = py[i] + by1[i];
                double jx0 = px[j] + bx0[j];
                double jx1 = px[j] + bx1[j];
                double jy0 = py[j] + by0[j];
                double jy1 = py[j] + by1[j];
                double ox = minF(ix1, jx1) - maxF(ix0, jx0);
                double oy = minF(iy1, jy1) - maxF(iy0, jy0);
                if (ox <= 0.0 || oy <= 0.0) {
                    continue;
                }
                // While attraction runs, both items give way equally: moving only the outer one
                // would let every pull-and-push cycle carry the pair outward. Once it has stopped,
                // only the outer item moves, unless it is fixed.
                double si;
                double sj;
                if (model.fixed[i]) {
                    si = 0.0;
                    sj = 1.0;
                } else if (model.fixed[j]) {
                    si = 1.0;
                    sj = 0.0;
                } else if (t < ITERATIONS) {
                    si = 0.5;
                    sj = 0.5;
                } else {
                    si = 0.0;
                    sj = 1.0;
                }
                if (ox * xBias < oy) {
                    double away = jx0 + jx1 < ix0 + ix1 ? -1.0 : 1.0;
                    px[i] -= away * ox * si;
                    px[j] += away * ox * sj;
                } else {
                    double away = jy0 + jy1 < iy0 + iy1 ? -1.0 : 1.0;
                    py[i] -= away * oy * si;
                    py[j] += away * oy * sj;
                }
            }
        }
        double g = (double) GRID;
        long[] sx = new long[n];
        long[] sy = new long[n];
        for (int i = 0; i < n; i++) {
            if (model.fixed[i]) {
                sx[i] = model.fixedX[i];
                sy[i] = model.fixedY[i];
            } else {
                sx[i] = (long) Math.floor(px[i] / g + 0.5) * GRID;
                sy[i] = (long) Math.floor(py[i] / g + 0.5) * GRID;
            }
        }
        return new long[][] {sx, sy};
    }

    private record Cell(long x, long y) {}

    /**
     * Placed boxes in square buckets, for "which placed boxes come within the clearance of this
     * one". Found boxes are reported once each, buckets in row-major order, each bucket in
     * insertion order.
     */
    private static final class Buckets {
        final long size;
        final Map<Cell, List<Integer>> cells = new HashMap<>();
        final long[][] boxes;
        final int[] stamp;
        int query;

        Buckets(long size, int n) {
            this.size = size;
            this.boxes = new long[n][];
            this.stamp = new int[n];
        }

        void insert(int i, long[] b) {
            boxes[i] = b;
            for (long cy = Math.floorDiv(b[1], size); cy <= Math.floorDiv(b[3], size); cy++) {
                for (long cx = Math.floorDiv(b[0], size); cx <= Math.floorDiv(b[2], size); cx++) {
                    cells.computeIfAbsent(new Cell(cx, cy), c -> new ArrayList<>()).add(i);
                }
            }
        }

        void conflicts(long[] b, List<Integer> out) {
            out.clear();
            query++;
            long y0 = Math.floorDiv(b[1] - CLEARANCE, size);
            long y1 = Math.floorDiv(b[3] + CLEARANCE, size);
            long x0 = Math.floorDiv(b[0] - CLEARANCE, size);
            long x1 = Math.floorDiv(b[2] + CLEARANCE, size);
            for (long cy = y0; cy <= y1; cy++) {
                for (long cx = x0; cx <= x1; cx++) {
                    List<Integer> list = cells.get(new Cell(cx, cy));
                    if (list == null) {
                        continue;
                    }
                    for (int j : list) {
                        if (stamp[j] != query) {
                            stamp[j] = query;
                            if (conflict(b, boxes[j])) {
                                out.add(j);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Fixed items first, then movable ones from the layout's centre outward (squared distance of
     * box centres, ties by index), each at the free grid position nearest (Manhattan, then y, then
     * x) to its snapped position among those reached by stepping clear of the boxes it meets.
     * Inner items are placed first, so the free room an item needs lies outward, where the search
     * finds it within a few steps. After {@code MAX_EXPANSIONS} steps, the item walks from its
     * snapped position straight away from the centre, jumping past each box in its way.
     */
    static long[][] legalize(Model model, long[] sx, long[] sy) {
        int n = model.n;
        long[] x = sx.clone();
        long[] y = sy.clone();
        if (n == 0) {
            return new long[][] {x, y};
        }
        long span = 0;
        long sumX = 0;
        long sumY = 0;
        for (int i = 0; i < n; i++) {
            span += Math.max(model.width(i), model.height(i));
            sumX += 2 * x[i] + model.minX[i] + model.maxX[i];
            sumY += 2 * y[i] + model.minY[i] + model.maxY[i];
        }
        // Doubled coordinates keep box centres integral.
        long centreX = Math.floorDiv(sumX, (long) n);
        long centreY = Math.floorDiv(sumY, (long) n);
        long size = 8 * GRID;
        long mean = ceilGrid(span / n);
        if (mean > size) {
            size = mean;
        }
        Buckets buckets = new Buckets(size, n);
        long[] offsetX = new long[n];
        long[] offsetY = new long[n];
        for (int i = 0; i < n; i++) {
            offsetX[i] = 2 * x[i] + model.minX[i] + model.maxX[i] - centreX;
            offsetY[i] = 2 * y[i] + model.minY[i] + model.maxY[i] - centreY;
        }
        List<Integer> movable = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (model.fixed[i]) {
                order.add(i);
            } else {
                movable.add(i);
            }
        }
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = offsetX[i] * offsetX[i] + offsetY[i] * offsetY[i];
        }
        movable.sort((a, b) -> key[a] != key[b] ? Long.compare(key[a], key[b]) : Integer.compare(a, b));
        order.addAll(movable);
        List<Integer> found = new ArrayList<>();
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        Set<Cell> visited = new HashSet<>();
        for (int i : order) {
            if (!model.fixed[i]) {
                long ax = x[i];
                long ay = y[i];
                heap.clear();
                visited.clear();
                heap.add(new long[] {0, ay, ax});
                visited.add(new Cell(ax, ay));
                int expansions = 0;
                long[] spot = null;
                while (!heap.isEmpty()) {
                    long[] top = heap.poll();
                    long cy = top[1];
                    long cx = top[2];
                    buckets.conflicts(model.boxAt(i, cx, cy), found);
                    if (found.isEmpty()) {
                        spot = new long[] {cx, cy};
                        break;
                    }
                    expansions++;
                    if (expansions >= MAX_EXPANSIONS) {
                        break;
                    }
                    for (int j : found) {
                        long[] o = buckets.boxes[j];
                        long left = floorGrid(o[0] - CLEARANCE - model.maxX[i]);
                        long right = ceilGrid(o[2] + CLEARANCE - model.minX[i]);
                        long up = floorGrid(o[1] - CLEARANCE - model.maxY[i]);
                        long down = ceilGrid(o[3] + CLEARANCE - model.minY[i]);
                        long[][] next = {{left, cy}, {right, cy}, {cx, up}, {cx, down}};
                        for (long[] c : next) {
                            if (visited.add(new Cell(c[0], c[1]))) {
                                heap.add(new long[] {Math.abs(c[0] - ax) + Math.abs(c[1] - ay), c[1], c[0]});
                            }
                        }
                    }
                }
                if (spot == null) {
                    spot = walkOutward(model, buckets, found, i, ax, ay, offsetX[i], offsetY[i]);
                }
                x[i] = spot[0];
                y[i] = spot[1];
            }
            buckets.insert(i, model.boxAt(i, x[i], y[i]));
        }
        return new long[][] {x, y};
    }

    /**
     * Steps item {@code i} from {@code (x, y)} along the axis where its offset from the centre is
     * larger (x on a tie), away from the centre, past every box it meets, until it meets none;
     * this ends because every jump passes a placed box for good.
     */
    private static long[] walkOutward(Model model, Buckets buckets, List<Integer> found, int i, long x, long y,
            long offsetX, long offsetY) {
        boolean alongX = Math.abs(offsetX) >= Math.abs(offsetY);
        boolean forward = alongX ? offsetX >= 0 : offsetY >= 0;
        while (true) {
            buckets.conflicts(model.boxAt(i, x, y), found);
            if (found.isEmpty()) {
                return new long[] {x, y};
            }
            long next = alongX ? x : y;
            for (int j : found) {
                long[] o = buckets.boxes[j];
                long jump;
                if (alongX) {
                    jump = forward ? ceilGrid(o[2] + CLEARANCE - model.minX[i])
                            : floorGrid(o[0] - CLEARANCE - model.maxX[i]);
                } else {
                    jump = forward ? ceilGrid(o[3] + CLEARANCE - model.minY[i])
                            : floorGrid(o[1] - CLEARANCE - model.maxY[i]);
                }
                if ((forward && jump > next) || (!forward && jump < next)) {
                    next = jump;
                }
            }
            if (alongX) {
                x = next;
            } else {
                y = next;
            }
        }
    }

    /**
     * The smallest page, A4 first, on which the layout fits, shifted by whole grid steps, inside
     * the frame with no box in the title block's keep-out: centred in the frame if that clears
     * the title block, else pushed to the frame's top-left corner if that does. Returns the page
     * index and the shift.
     */
    static long[] fitPage(Model model, long[] x, long[] y) {
        int n = model.n;
        long[] r = bounds(model, x, y);
        long x0 = r[0];
        long y0 = r[1];
        long x1 = r[2];
        long y1 = r[3];
        for (PageSize page : PageSize.values()) {
            long w = page.width();
            long h = page.height();
            long[] frame = {FRAME_MARGIN, FRAME_MARGIN, w - FRAME_MARGIN, h - FRAME_MARGIN};
            long txMin = ceilGrid(frame[0] - x0);
            long tyMin = ceilGrid(frame[1] - y0);
            if (x1 + txMin > frame[2] || y1 + tyMin > frame[3]) {
                continue;
            }
            long txMax = floorGrid(frame[2] - x1);
            long tyMax = floorGrid(frame[3] - y1);
            long[][] shifts = {
                {txMin + (txMax - txMin) / GRID / 2 * GRID, tyMin + (tyMax - tyMin) / GRID / 2 * GRID},
                {txMin, tyMin}};
            long keepOutX = w - TITLE_BLOCK_WIDTH;
            long keepOutY = h - TITLE_BLOCK_HEIGHT;
            for (long[] shift : shifts) {
                boolean clear = true;
                for (int i = 0; i < n && clear; i++) {
                    long[] b = model.boxAt(i, x[i] + shift[0], y[i] + shift[1]);
                    clear = b[2] <= keepOutX || b[3] <= keepOutY;
                }
                if (clear) {
                    return new long[] {page.ordinal(), shift[0], shift[1]};
                }
            }
        }
        throw new PlacementException("the layout needs " + millimetres(x1 - x0) + " x " + millimetres(y1 - y0)
                + " mm, more than an A0 sheet holds beside its title block; split the sheet into subcircuits");
    }

    private static long[] bounds(Model model, long[] x, long[] y) {
        long[] r = model.boxAt(0, x[0], y[0]);
        for (int i = 1; i < model.n; i++) {
            long[] b = model.boxAt(i, x[i], y[i]);
            r[0] = Math.min(r[0], b[0]);
            r[1] = Math.min(r[1], b[1]);
            r[2] = Math.max(r[2], b[2]);
            r[3] = Math.max(r[3], b[3]);
        }
        return r;
    }

    /** IU as millimetres: no exponent, no trailing zeros, no point when nothing follows it. */
    static String millimetres(long iu) {
        String sign = iu < 0 ? "-" : "";
        long a = Math.abs(iu);
        long whole = a / 10_000;
        long frac = a % 10_000;
        if (frac == 0) {
            return sign + whole;
        }
        String digits = String.format("%04d", frac).replaceFirst("0+$", "");
        return sign + whole + "." + digits;
    }

    static Metrics measure(Model model, Sheet sheet, long[] x, long[] y) {
        int n = model.n;
        long stubs = 0;
        long labels = 0;
        for (Item item : sheet.items()) {
            stubs += item.stubs();
            labels += item.labels();
        }
        if (n == 0) {
            return new Metrics(0, stubs, labels, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[][] boxes = new long[n][];
        Integer[] byLeft = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxes[i] = model.boxAt(i, x[i], y[i]);
            byLeft[i] = i;
        }
        Arrays.sort(byLeft, (a, b) -> boxes[a][0] != boxes[b][0] ? Long.compare(boxes[a][0], boxes[b][0])
                : Integer.compare(a, b));
        long overlaps = 0;
        for (int a = 0; a < n; a++) {
            long[] bi = boxes[byLeft[a]];
            for (int b = a + 1; b < n; b++) {
                long[] bj = boxes[byLeft[b]];
                if (bj[0] >= bi[2]) {
                    break;
                }
                if (bj[1] < bi[3] && bi[1] < bj[3]) {
                    overlaps++;
                }
            }
        }
        long[] r = bounds(model, x, y);
        long width = r[2] - r[0];
        long height = r[3] - r[1];
        long wireEdges = 0;
        long wireLength = 0;
        for (int k = 0; k < model.kinds.length; k++) {
            int start = model.netStart[k];
            int count = model.netStart[k + 1] - start;
            if (model.kinds[k] != NetKind.SIGNAL || count < 2) {
                continue;
            }
            // Prim's algorithm; the tree's length is the same whichever of equal edges it takes.
            long[] best = new long[count];
            boolean[] done = new boolean[count];
            Arrays.fill(best, Long.MAX_VALUE);
            best[0] = 0;
            for (int step = 0; step < count; step++) {
                int u = NONE;
                for (int v = 0; v < count; v++) {
                    if (!done[v] && (u == NONE || best[v] < best[u])) {
                        u = v;
                    }
                }
                done[u] = true;
                wireLength += best[u];
                int pu = model.netPins[start + u];
                long ux = x[model.pinItem[pu]] + model.pinDx[pu];
                long uy = y[model.pinItem[pu]] + model.pinDy[pu];
                for (int v = 0; v < count; v++) {
                    if (!done[v]) {
                        int pv = model.netPins[start + v];
                        long d = Math.abs(x[model.pinItem[pv]] + model.pinDx[pv] - ux)
                                + Math.abs(y[model.pinItem[pv]] + model.pinDy[pv] - uy);
                        if (d < best[v]) {
                            best[v] = d;
                        }
                    }
                }
            }
            wireEdges += count - 1;
        }
        long meanWire = wireEdges > 0 ? wireLength / wireEdges : 0;
        long guestLength = 0;
        for (int s = 0; s < model.ties; s++) {
            int p = model.tiePin[s];
            int q = model.tieTarget[s];
            guestLength += Math.abs(x[model.pinItem[p]] + model.pinDx[p] - (x[model.pinItem[q]] + model.pinDx[q]))
                    + Math.abs(y[model.pinItem[p]] + model.pinDy[p] - (y[model.pinItem[q]] + model.pinDy[q]));
        }
        long meanGuest = model.ties > 0 ? guestLength / model.ties : 0;
        return new Metrics(overlaps, stubs, labels, width, height, width * height, wireEdges, wireLength, meanWire,
                model.ties, meanGuest);
    }
}
