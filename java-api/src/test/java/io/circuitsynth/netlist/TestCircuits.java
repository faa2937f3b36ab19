package io.circuitsynth.netlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.circuitsynth.symbols.BuiltinLibraries;
import io.circuitsynth.symbols.LibrarySource;
import io.circuitsynth.symbols.SymbolIndex;
import io.circuitsynth.symbols.SymbolStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Test support: the built-in symbol libraries, and circuit JSON (specification section 5) read
 * into a design by a small test-only reader, so vectors can be run before the real reader
 * ({@code CircuitJson.read}) is in. It sets every item's origin to its JSON path, as the real
 * reader does, and checks nothing the vectors do not need. The Rust twin is
 * {@code rust-crates/netlist/tests/support/mod.rs}.
 */
final class TestCircuits {
    private TestCircuits() {}

    static Path vectorDir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist") : Path.of("..", "conformance", "netlist");
        return dir.toAbsolutePath().normalize();
    }

    /** The libraries shipped in the jar, held in memory. */
    static SymbolIndex builtinIndex(SymbolStage stage) {
        List<LibrarySource> sources = new ArrayList<>();
        for (BuiltinLibraries.Library library : BuiltinLibraries.sources()) {
            sources.add(LibrarySource.inMemory(library.nickname(),
                    "circuitsynth-builtin/" + library.nickname() + ".kicad_sym", library.content()));
        }
        SymbolIndex index = stage.open(sources, null);
        if (!index.warnings().isEmpty()) {
            throw new AssertionError(index.warnings().toString());
        }
        return index;
    }

    /** {@code .key} for identifier-like keys, else {@code ["key"]}. */
    private static String member(String path, String key) {
        if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static String str(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null ? "" : v.textValue();
    }

    private static <T> List<T> list(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** The design circuit JSON {@code bytes} describes. */
    static Design designFromJson(byte[] bytes) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Definition> definitions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : list(root.get("definitions").fields())) {
            String name = entry.getKey();
            JsonNode d = entry.getValue();
            String path = member("$.definitions", name);
            List<String> ports = new ArrayList<>();
            if (d.has("ports")) {
                d.get("ports").forEach(p -> ports.add(p.textValue()));
            }
            List<ComponentSpec> components = new ArrayList<>();
            List<JsonNode> cs = d.has("components") ? list(d.get("components").elements()) : List.of();
            for (int i = 0; i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                ComponentSpec.ReferenceKind kind;
                String reference;
                if (c.has("reference")) {
                    kind = ComponentSpec.ReferenceKind.FIXED;
                    reference = c.get("reference").textValue();
                } else if (c.has("prefix")) {
                    kind = ComponentSpec.ReferenceKind.PREFIX;
                    reference = c.get("prefix").textValue();
                } else {
                    kind = ComponentSpec.ReferenceKind.ABSOLUTE;
                    reference = c.get("absolute").textValue();
                }
                List<ComponentSpec.PinSpec> pins = null;
                if (c.has("pins")) {
                    pins = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> p : list(c.get("pins").fields())) {
                        JsonNode pin = p.getValue();
                        pins.add(new ComponentSpec.PinSpec(p.getKey(), str(pin, "name"), pin.get("type").textValue(),
                                pin.has("unit") ? pin.get("unit").intValue() : 0,
                                pin.has("hidden") && pin.get("hidden").booleanValue()));
                    }
                }
                List<ComponentSpec.Field> fields = new ArrayList<>();
                if (c.has("fields")) {
                    for (Map.Entry<String, JsonNode> f : list(c.get("fields").fields())) {
                        fields.add(new ComponentSpec.Field(f.getKey(), f.getValue().textValue()));
                    }
                }
                components.add(new ComponentSpec(c.get("id").textValue(), c.get("symbol").textValue(), kind, reference,
                        str(c, "value"), str(c, "footprint"), str(c, "datasheet"), str(c, "description"), fields,
                        c.has("dnp") && c.get("dnp").booleanValue(),
                        !c.has("inBom") || c.get("inBom").booleanValue(),
                        !c.has("onBoard") || c.get("onBoard").booleanValue(), pins, List.of(),
                        path + ".components[" + i + "]"));
            }
            List<NetSpec> nets = new ArrayList<>();
            List<JsonNode> ns = d.has("nets") ? list(d.get("nets").elements()) : List.of();
            for (int i = 0; i < ns.size(); i++) {
                JsonNode n = ns.get(i);
                String npath = path + ".nets[" + i + "]";
                List<PinRef> nodes = new ArrayList<>();
                List<JsonNode> nodeList = n.has("nodes") ? list(n.get("nodes").elements()) : List.of();
                for (int k = 0; k < nodeList.size(); k++) {
                    nodes.add(pinRef(nodeList.get(k), npath + ".nodes[" + k + "]"));
                }
                NetSpec.Power power = !n.has("power") ? NetSpec.Power.AUTO
                        : n.get("power").booleanValue() ? NetSpec.Power.YES : NetSpec.Power.NO;
                nets.add(new NetSpec(n.has("name") ? n.get("name").textValue() : null,
                        n.has("id") ? n.get("id").textValue() : null, power,
                        n.has("class") ? n.get("class").textValue() : "Default", nodes, false, npath));
            }
            List<PinRef> noConnects = new ArrayList<>();
            List<JsonNode> ncs = d.has("noConnects") ? list(d.get("noConnects").elements()) : List.of();
            for (int i = 0; i < ncs.size(); i++) {
                noConnects.add(pinRef(ncs.get(i), path + ".noConnects[" + i + "]"));
            }
            List<InstanceSpec> instances = new ArrayList<>();
            List<JsonNode> is = d.has("instances") ? list(d.get("instances").elements()) : List.of();
            for (int i = 0; i < is.size(); i++) {
                JsonNode inst = is.get(i);
                List<InstanceSpec.Binding> bindings = new ArrayList<>();
                if (inst.has("bindings")) {
                    for (Map.Entry<String, JsonNode> b : list(inst.get("bindings").fields())) {
                        bindings.add(new InstanceSpec.Binding(b.getKey(), b.getValue().textValue()));
                    }
                }
                instances.add(new InstanceSpec(inst.get("name").textValue(), inst.get("definition").textValue(),
                        bindings, path + ".instances[" + i + "]"));
            }
            definitions.add(new Definition(name, ports, components, nets, noConnects, instances, path));
        }
        return new Design(root.get("name").textValue(), root.get("root").textValue(), definitions);
    }

    private static PinRef pinRef(JsonNode node, String origin) {
        JsonNode pin = node.get("pin");
        return new PinRef(node.get("component").textValue(), pin.isTextual() ? pin.textValue() : pin.asText(),
                node.has("unit") ? node.get("unit").intValue() : 0, origin);
    }
}
