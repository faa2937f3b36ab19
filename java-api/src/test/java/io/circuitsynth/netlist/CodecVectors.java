package io.circuitsynth.netlist;

import io.circuitsynth.netlist.ComponentSpec.Field;
import io.circuitsynth.netlist.ComponentSpec.PinSpec;
import io.circuitsynth.netlist.ComponentSpec.ReferenceKind;
import io.circuitsynth.netlist.NetSpec.Power;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The vectors of {@code conformance/netlist/codec/} (see its README): the design behind
 * {@code small.hex}, the hex format, and the refused-bytes vectors. Shared by the codec's tests in
 * both engines' packages.
 */
public final class CodecVectors {
    private CodecVectors() {}

    public static Path dir() {
        String root = System.getProperty("circuitsynth.projectRoot");
        Path dir = root != null ? Path.of(root, "conformance", "netlist", "codec")
                : Path.of("..", "conformance", "netlist", "codec");
        return dir.toAbsolutePath().normalize();
    }

    /** Hex pairs; whitespace and {@code #} comments ignored. */
    public static byte[] readHex(Path file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder digits = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String data = hash < 0 ? line : line.substring(0, hash);
                for (char c : data.toCharArray()) {
                    if (!Character.isWhitespace(c)) {
                        digits.append(c);
                    }
                }
            }
            if (digits.length() % 2 != 0) {
                throw new IllegalStateException(file + ": odd number of hex digits");
            }
            for (int i = 0; i < digits.length(); i += 2) {
                out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refused-bytes vector: its name, bytes and expected message. */
    public record Refused(String name, byte[] bytes, String message) {}

    public static List<Refused> refused() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bad.hex")).sorted().map(p -> {
                String name = p.getFileName().toString().replaceFirst("\\.bad\\.hex$", "");
                try {
                    String message = Files.readString(p.resolveSibling(name + ".err"), StandardCharsets.UTF_8);
                    return new Refused(name, readHex(p), message);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The twin of {@code small_design()} in {@code rust-crates/netlist/tests/codec.rs}. */
    public static Design smallDesign() {
        ComponentSpec u1 = new ComponentSpec("U1", "Amplifier_Operational:OpAmp_Dual", ReferenceKind.FIXED, "U1",
                "OpAmp_Dual", "Package_SO:SOIC-8_3.9x4.9mm_P1.27mm", "", "Dual op amp",
                List.of(new Field("MPN", "LM358DR"), new Field("Note", "")), false, true, true, null, List.of(),
                "$.definitions.Main.components[0]");
        ComponentSpec r = new ComponentSpec("Rin", "Device:R", ReferenceKind.PREFIX, "R", "10k", "", "~", "",
                List.of(), true, false, true, List.of(), List.of("00000000-0000-0000-0000-0000322d3011"), null);
        ComponentSpec j = new ComponentSpec("J1", "Custom:Box", ReferenceKind.ABSOLUTE, "J1",
                "\u03a9 \u00b5\uD83D\uDD0C", "", "", "", List.of(), false, true, false,
                List.of(new PinSpec("1", "IN", "input", 0, false), new PinSpec("2", "", "power_in", 200, true)),
                List.of(), "");
        NetSpec vin = new NetSpec("VIN", null, Power.AUTO, "Default",
                List.of(new PinRef("Rin", "1", 0, "$.definitions.Main.nets[0].nodes[0]")), false,
                "$.definitions.Main.nets[0]");
        NetSpec n1 = new NetSpec(null, "n1", Power.YES, "Power",
                List.of(new PinRef("Rin", "2", 0, null), new PinRef("U1", "-", 1, null)), true, null);
        NetSpec empty = new NetSpec("", "", Power.NO, "Default", List.of(), false, null);
        InstanceSpec ch1 = new InstanceSpec("ch1", "Channel",
                List.of(new InstanceSpec.Binding("IN", "VIN"), new InstanceSpec.Binding("OUT", "n1")),
                "$.definitions.Main.instances[0]");
        Definition main = new Definition("Main", List.of(), List.of(u1, r, j), List.of(vin, n1, empty),
                List.of(new PinRef("U1", "7", 0, null)), List.of(ch1), "$.definitions.Main");
        Definition channel = new Definition("Channel", List.of("IN", "OUT"), List.of(), List.of(), List.of(),
                List.of(), null);
        return new Design("amp", "Main", List.of(main, channel),
                List.of(new Design.SheetUuid("/ch1/", "6ba7b811-9dad-11d1-80b4-00c04fd430c8")));
    }
}
