package io.circuitsynth.netlist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A circuit before finalize: a set of definitions (circuits) and the name of the root one. This is
 * the model of {@code conformance/netlist/README.md} section 1, the common form of every input
 * (the Java API, circuit JSON, KiCad {@code .net}, circuit-synth JSON). Immutable.
 *
 * @param name the project name (output files are {@code NAME.kicad_sch}, {@code NAME.net}, ...)
 * @param root the name of the root definition
 * @param definitions every definition, in document order; names are unique
 * @param sheetUuids UUIDs of sheet instances read from a {@code .net}, keyed by sheet path
 *     ({@code /a/b/}); empty for designs that did not come from a {@code .net}
 */
public record Design(String name, String root, List<Definition> definitions, List<SheetUuid> sheetUuids) {

    /** A sheet instance's UUID kept from a {@code .net} ({@code (sheet (tstamps "/…/"))}). */
    public record SheetUuid(String path, String uuid) {
        public SheetUuid {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(uuid, "uuid");
        }
    }

    public Design {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        definitions = List.copyOf(definitions);
        sheetUuids = List.copyOf(sheetUuids);
    }

    public Design(String name, String root, List<Definition> definitions) {
        this(name, root, definitions, List.of());
    }

    /** The definition called {@code definitionName}, if any. */
    public Optional<Definition> definition(String definitionName) {
        for (Definition d : definitions) {
            if (d.name().equals(definitionName)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
