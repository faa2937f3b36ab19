package io.circuitsynth;

import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.Design;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A circuit described in code: components, the nets that connect their pins, pins left
 * unconnected on purpose, and subcircuits placed as hierarchical sheets. The circuit a design is
 * written from is its root; any circuit can also be placed in others as a subcircuit, with nets
 * passed in through its ports.
 *
 * <pre>{@code
 * Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");  // an RC low-pass filter
 * Component r = channel.component("Device:R", "R1", "10k");      // local R1: R201, R301...
 * Component c = channel.component("Device:C", "C1", "100n");
 * channel.port("IN").connect(r.pin(1));
 * channel.port("OUT").connect(r.pin(2), c.pin(1));
 * channel.net("GND").connect(c.pin(2));                          // GND: a power net, global
 *
 * Circuit board = Circuit.create("filter");
 * Component j1 = board.component("Connector_Generic:Conn_01x04", "J1")
 *         .footprint("Connector_PinHeader_2.54mm:PinHeader_1x04_P2.54mm_Vertical");
 * Net in = board.net("IN").connect(j1.pin(1));
 * board.instantiate(channel, "ch1").bind("IN", in).bind("OUT", board.net("OUT1"));
 * board.instantiate(channel, "ch2").bind("IN", in).bind("OUT", board.net("OUT2"));
 * board.net("OUT1").connect(j1.pin(2));
 * board.net("OUT2").connect(j1.pin(3));
 * board.net("GND").connect(j1.pin(4));
 *
 * Design design = board.toDesign();                              // the model finalize reads
 * try (SymbolLibraries libs = SymbolLibraries.discover()) {
 *     Circuits.writeNet(board, libs, Path.of("filter.net"));     // KiCad netlist, written atomically
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> Mistakes visible at the call (a null or empty argument, a pin or net of another
 * circuit, a port the subcircuit lacks) throw {@link IllegalArgumentException} or
 * {@link NullPointerException} right there. Mistakes that need the symbol libraries or the whole
 * design (a pin the symbol lacks, a duplicate reference, a net connected to itself through a
 * port) are reported by finalize, when the netlist is written, as a
 * {@link io.circuitsynth.netlist.NetlistException}. Its message names each item with the source
 * line of the call that created it ({@code Board.java:42}): every component, net, connection,
 * no-connect mark and instance records the first stack frame outside this API as its origin.
 *
 * <p>Not thread-safe: build a circuit on one thread (or guard it), then write it from any.
 */
public final class Circuit {
    private final String name;
    private String project;
    private final List<String> ports;
    final List<Component> components = new ArrayList<>();
    private final Map<String, Component> componentsById = new HashMap<>();
    final List<Net> nets = new ArrayList<>();
    private final Map<String, Net> netsByName = new HashMap<>();
    final List<Net.Node> noConnects = new ArrayList<>();
    final List<Instance> instances = new ArrayList<>();
    final String origin;
    /** The first net each pin was connected to, for {@link Pin#net()} and {@link Pin#connect(Pin...)}. */
    private final Map<Pin, Net> pinNets = new HashMap<>();
    /** The next number tried for each generated id's stem ({@code R?}, {@code R1#}). */
    private final Map<String, Integer> nextIdNumber = new HashMap<>();
    /**
     * Set on the root of a circuit read from a design: the design's definitions in their order and
     * its sheet UUIDs, so that {@link #toDesign()} gives the design back as it was read.
     */
    List<Circuit> designOrder = List.of();
    List<Design.SheetUuid> sheetUuids = List.of();
    /** The file a read circuit came from, which messages about its content name; else null. */
    String source;

    Circuit(String name, String project, List<String> ports, String origin) {
        this.name = name;
        this.project = project;
        this.ports = List.copyOf(ports);
        this.origin = origin;
    }

    /**
     * A new circuit without ports: the root of a design, whose {@code name} is also the project's
     * name ({@code NAME.net}, {@code NAME.kicad_sch}).
     */
    public static Circuit create(String name) {
        Args.text(name, "Circuit.create(name): name");
        return new Circuit(name, name, List.of(), CallSite.caller());
    }

    /**
     * A new circuit with ports, to be placed in other circuits with
     * {@link #instantiate(Circuit, String)}. Inside it, each port is a net of that name
     * ({@link #port(String)}).
     *
     * @param name the circuit's name, unique among the circuits of a design (the sheet file is
     *     {@code NAME.kicad_sch})
     * @param ports the port names, in order
     */
    public static Circuit subcircuit(String name, String... ports) {
        Args.text(name, "Circuit.subcircuit(name, ports): name");
        Args.notNull(ports, "Circuit.subcircuit(name, ports): ports");
        List<String> list = new ArrayList<>();
        for (String port : ports) {
            Args.text(port, "Circuit.subcircuit(name, ports): a port name");
            if (list.contains(port)) {
                throw new IllegalArgumentException("Circuit.subcircuit(name, ports): port " + port
                        + " of " + name + " is listed twice");
            }
            list.add(port);
        }
        return new Circuit(name, name, list, CallSite.caller());
    }

    /**
     * The circuit of a design (read from circuit JSON, a KiCad {@code .net} or circuit-synth JSON):
     * its root definition, with every subcircuit it places. {@link #toDesign()} gives
     * {@code design} back, equal to it.
     *
     * @throws io.circuitsynth.netlist.NetlistException when the design refers to something it
     *     lacks: a definition, a component, a net
     */
    public static Circuit from(Design design) {
        Args.notNull(design, "Circuit.from(design): design");
        return DesignConversion.fromDesign(design);
    }

    /**
     * This circuit as the root of a design: the model that finalize, the writers and the native
     * engine read. Circuits placed in it (at any depth) become its other definitions.
     *
     * @throws io.circuitsynth.netlist.NetlistException when two different circuits of the design
     *     have the same name
     */
    public Design toDesign() {
        return DesignConversion.toDesign(this);
    }

    /**
     * Adds a component. A {@code reference} that ends in a digit is fixed ({@code R5}), else it is
     * a prefix finalize numbers ({@code R}); see {@link Component}.
     *
     * @param symbol {@code LIB:NAME}, such as {@code Device:R}
     */
    public Component component(String symbol, String reference) {
        return addComponent(symbol, reference, "component(symbol, reference)");
    }

    /** Adds a component with a value: {@code component("Device:R", "R", "10k")}. */
    public Component component(String symbol, String reference, String value) {
        Args.notNull(value, "Circuit.component(symbol, reference, value): value");
        return addComponent(symbol, reference, "component(symbol, reference, value)").value(value);
    }

    private Component addComponent(String symbol, String reference, String call) {
        Args.text(symbol, "Circuit." + call + ": symbol");
        Args.text(reference, "Circuit." + call + ": reference");
        int colon = symbol.indexOf(':');
        if (colon <= 0 || colon == symbol.length() - 1) {
            throw new IllegalArgumentException("Circuit." + call + ": symbol \"" + symbol
                    + "\" is not LIB:NAME; write it with its library, such as Device:R");
        }
        ReferenceKind kind = Component.kindOf(reference);
        String id = kind == ReferenceKind.PREFIX ? newId(reference + "?", true) : newId(reference, false);
        Component c = new Component(this, id, symbol, kind, reference, CallSite.caller());
        add(c);
        return c;
    }

    /**
     * An id not used in this circuit: {@code stem} itself unless numbered, else the stem followed
     * by the lowest free number (from 1 when numbered, else from 2 after {@code #}).
     */
    private String newId(String stem, boolean numbered) {
        if (!numbered && !componentsById.containsKey(stem)) {
            return stem;
        }
        String base = numbered ? stem : stem + "#";
        int n = nextIdNumber.getOrDefault(base, numbered ? 1 : 2);
        while (componentsById.containsKey(base + n)) {
            n++;
        }
        nextIdNumber.put(base, n + 1);
        return base + n;
    }

    void add(Component c) {
        components.add(c);
        componentsById.putIfAbsent(c.id(), c);
    }

    void rename(Component c, String id) {
        Component other = componentsById.get(id);
        if (other == c) {
            return;
        }
        if (other != null) {
            throw new IllegalArgumentException("Component.id(id): circuit " + name + " already has a component "
                    + id + (other.origin == null ? "" : " (made at " + other.origin + ")") + "; ids are unique in"
                    + " a circuit");
        }
        componentsById.remove(c.id(), c);
        componentsById.put(id, c);
        releaseGenerated(c.id());
    }

    /**
     * Gives back a generated id's number when it was the last one drawn, so that naming a part
     * right after creating it ({@code component("Device:R", "R").id("Rtop")}) leaves the numbering
     * of the others as if it had never had one.
     */
    private void releaseGenerated(String oldId) {
        int digits = oldId.length();
        while (digits > 0 && oldId.charAt(digits - 1) >= '0' && oldId.charAt(digits - 1) <= '9') {
            digits--;
        }
        if (digits == oldId.length() || digits == 0) {
            return;
        }
        String base = oldId.substring(0, digits);
        Integer next = nextIdNumber.get(base);
        if (next != null && oldId.substring(digits).equals(Integer.toString(next - 1))) {
            nextIdNumber.put(base, next - 1);
        }
    }

    Component componentById(String id) {
        return componentsById.get(id);
    }

    /** The net called {@code name}, made on first use. A port's name gives the port's net. */
    public Net net(String name) {
        Args.text(name, "Circuit.net(name): name");
        Net net = netsByName.get(name);
        if (net == null) {
            net = new Net(this, name, null, false, CallSite.caller(), false);
            add(net);
        }
        return net;
    }

    /** A new unnamed net; finalize names it from its pins ({@code Net-(R1-Pad2)}), as KiCad does. */
    public Net net() {
        return newNet(CallSite.caller());
    }

    Net newNet(String origin) {
        Net net = new Net(this, null, null, false, origin, false);
        add(net);
        return net;
    }

    void add(Net net) {
        nets.add(net);
        if (net.name() != null) {
            netsByName.putIfAbsent(net.name(), net);
        }
    }

    Net netByName(String name) {
        return netsByName.get(name);
    }

    /**
     * The net called {@code name}, made on first use, declared a power net whatever its name:
     * global across the design, like KiCad's power symbols.
     */
    public Net power(String name) {
        Args.text(name, "Circuit.power(name): name");
        return net(name).power(true);
    }

    /**
     * The net of the port {@code name}: inside the circuit, the port is that net; outside, each
     * instance binds it to a net of the placing circuit.
     *
     * @throws IllegalArgumentException if the circuit has no such port
     */
    public Net port(String name) {
        Args.text(name, "Circuit.port(name): name");
        if (!ports.contains(name)) {
            throw new IllegalArgumentException("circuit " + this.name + " has no port " + name + "; "
                    + (ports.isEmpty() ? "it has no ports (declare them with Circuit.subcircuit(name, ports...))"
                            : "its ports are " + String.join(", ", ports)));
        }
        return net(name);
    }

    /**
     * Places {@code subcircuit} here as a hierarchical sheet called {@code name}; bind its ports
     * with {@link Instance#bind(String, Net)}. The same subcircuit can be placed any number of
     * times, here and in other circuits.
     *
     * @throws IllegalArgumentException if {@code name} contains {@code /} or another instance of
     *     this circuit has it
     */
    public Instance instantiate(Circuit subcircuit, String name) {
        Args.notNull(subcircuit, "Circuit.instantiate(subcircuit, name): subcircuit");
        Args.text(name, "Circuit.instantiate(subcircuit, name): name");
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("instance name '" + name + "' contains '/', which separates"
                    + " sheets in a path; choose another name");
        }
        for (Instance other : instances) {
            if (other.name().equals(name)) {
                throw new IllegalArgumentException("circuit " + this.name + " already has an instance called "
                        + name + "; sheet names must be unique among siblings");
            }
        }
        Instance instance = new Instance(this, subcircuit, name, CallSite.caller());
        instances.add(instance);
        return instance;
    }

    void addNoConnect(Pin pin, String origin) {
        for (Net.Node node : noConnects) {
            if (node.pin().equals(pin)) {
                return;
            }
        }
        noConnects.add(new Net.Node(pin, origin));
    }

    Net netOf(Pin pin) {
        return pinNets.get(pin);
    }

    void pinConnected(Pin pin, Net net) {
        pinNets.putIfAbsent(pin, net);
    }

    /** The name, unique among the circuits of a design. */
    public String name() {
        return name;
    }

    /** The project name, used for output files when this circuit is the root; its name unless set. */
    public String project() {
        return project;
    }

    /**
     * Sets the project name.
     *
     * @return this circuit
     */
    public Circuit project(String project) {
        this.project = Args.text(project, "Circuit.project(project): project");
        return this;
    }

    /** The port names, in order. */
    public List<String> ports() {
        return ports;
    }

    /** The components, in the order they were added (which drives reference numbering). */
    public List<Component> components() {
        return Collections.unmodifiableList(components);
    }

    /** The nets, in the order they were made. */
    public List<Net> nets() {
        return Collections.unmodifiableList(nets);
    }

    /** The subcircuit instances, in the order they were placed (which drives sheet numbers). */
    public List<Instance> instances() {
        return Collections.unmodifiableList(instances);
    }

    /** The pins marked not connected on purpose. */
    public List<Pin> noConnects() {
        List<Pin> pins = new ArrayList<>(noConnects.size());
        for (Net.Node node : noConnects) {
            pins.add(node.pin());
        }
        return Collections.unmodifiableList(pins);
    }

    @Override
    public String toString() {
        return name;
    }
}
