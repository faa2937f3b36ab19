package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code io/circuitsynth/circuit.schema.json} matches the format the readers accept: every vector
 * that reads validates, and every binding error the schema can express is one it rejects.
 */
class CircuitSchemaTest {
    private static final String RESOURCE = "/io/circuitsynth/circuit.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Binding errors no JSON Schema can state (references between members, and which of two
     * equal names came first); the readers alone reject these.
     */
    private static final Set<String> BEYOND_A_SCHEMA = Set.of("json_err_duplicate_component_id",
            "json_err_node_dangling", "json_err_node_dangling_definition_name_shown_on_one_line",
            "json_err_no_connect_dangling", "json_err_binding_no_net",
            "json_err_binding_net_of_child", "json_err_net_duplicate_id", "json_err_net_id_is_a_name",
            "json_err_net_id_is_a_port", "json_err_net_name_is_an_id", "json_err_root_not_defined");

    private static JsonSchema schema;
    private static JsonNode schemaNode;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CircuitSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            schemaNode = JSON.readTree(in);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    private static Set<ValidationMessage> validate(byte[] json) throws IOException {
        return schema.validate(JSON.readTree(json));
    }

    @Test
    void theShippedSchemaIsTheSourceFile() throws IOException {
        // The jar's resources pass through Maven filtering: the schema must come out unchanged.
        String root = System.getProperty("circuitsynth.projectRoot", "..");
        Path source = Path.of(root, "java-api", "src", "main", "resources", "io", "circuitsynth",
                "circuit.schema.json");
        try (InputStream in = CircuitSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(source));
        }
    }

    @Test
    void theSchemaIsAValid2020_12Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));
        assertThat(meta.validate(schemaNode)).isEmpty();
    }

    @Test
    void everyVectorThatReadsValidates() throws IOException {
        Path dir = JsonVectorsTest.dir();
        List<String> checked = new ArrayList<>();
        for (String input : JsonVectorsTest.inputs(dir)) {
            String stem = JsonVectorsTest.stem(input);
            Path out = dir.resolve(stem + ".out.json");
            if (Files.exists(out)) {
                assertThat(validate(Files.readAllBytes(out))).as(stem + ".out.json").isEmpty();
                checked.add(stem + ".out.json");
            }
            if (input.endsWith(".cs.json")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(dir.resolve(input));
            try {
                CircuitJson.read(bytes);
            } catch (NetlistException e) {
                continue;
            }
            assertThat(validate(bytes)).as(input).isEmpty();
            checked.add(input);
        }
        assertThat(checked).hasSizeGreaterThan(10);
    }

    @Test
    void randomDesignsValidate() throws IOException {
        for (long seed = 1; seed <= 150; seed++) {
            assertThat(validate(CircuitJson.write(RandomDesigns.design(seed)))).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsEveryBindingErrorItCanExpress() throws IOException {
        Path dir = JsonVectorsTest.dir();
        List<String> rejected = new ArrayList<>();
        for (String input : JsonVectorsTest.inputs(dir)) {
            String stem = JsonVectorsTest.stem(input);
            Path err = dir.resolve(stem + ".err");
            if (input.endsWith(".cs.json") || !Files.exists(err)
                    || !Files.readString(err, StandardCharsets.UTF_8).startsWith("$")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(dir.resolve(input));
            try {
                CircuitJson.read(bytes);
                continue; // a finalize vector: it reads
            } catch (NetlistException e) {
                // a binding error, as the .err says
            }
            Set<ValidationMessage> messages = validate(bytes);
            if (BEYOND_A_SCHEMA.contains(stem)) {
                assertThat(messages).as(stem + " is valid as far as a schema can tell").isEmpty();
            } else {
                assertThat(messages).as(stem).isNotEmpty();
                rejected.add(stem);
            }
        }
        assertThat(rejected).hasSizeGreaterThan(50);
    }

    @Test
    void typicalMistakesAreRejected() throws IOException {
        String valid = "{\"format\": \"circuitsynth-circuit\", \"version\": 1, \"name\": \"t\", \"root\": \"M\", "
                + "\"definitions\": {\"M\": {\"components\": [%s]}}}";
        String[] bad = {
            "{\"id\": \"R1\", \"symbol\": \"Device:R\"}",
            "{\"id\": \"R1\", \"symbol\": \"Device:R\", \"prefix\": \"R\", \"reference\": \"R1\"}",
            "{\"id\": \"R1\", \"symbol\": \"Device:R\", \"prefix\": \"R\", \"valeu\": \"1k\"}",
            "{\"id\": \"R1\", \"symbol\": \"Device:R\", \"prefix\": \"R\", \"fields\": {\"Footprint\": \"x\"}}",
            "{\"id\": \"U1\", \"symbol\": \"X:U\", \"prefix\": \"U\", \"pins\": {\"1\": {\"type\": \"pasive\"}}}",
            "{\"id\": \"U1\", \"symbol\": \"X:U\", \"prefix\": \"U\", \"pins\": {\"1\": {\"type\": \"input\", "
                + "\"unit\": -1}}}",
            "{\"id\": \"R1\", \"symbol\": \"Device:R\", \"prefix\": \"R\", \"dnp\": \"yes\"}",
        };
        assertThat(validate(String.format(valid, "{\"id\": \"R1\", \"symbol\": \"Device:R\", \"prefix\": \"R\"}")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        for (String component : bad) {
            byte[] json = String.format(valid, component).getBytes(StandardCharsets.UTF_8);
            assertThat(validate(json)).as(component).isNotEmpty();
        }
        String version2 = "{\"format\": \"circuitsynth-circuit\", \"version\": 2, \"name\": \"t\", \"root\": \"M\", "
                + "\"definitions\": {}}";
        assertThat(validate(version2.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
