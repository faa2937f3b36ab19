package io.circuitsynth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Tells a KiCad {@code .net}, circuit JSON and circuit-synth JSON apart by their content: an
 * S-expression starts with {@code (}; a JSON object with a top-level {@code format} member is
 * circuit JSON; one without {@code format} but with {@code components} is circuit-synth's
 * (netlist specification, section 6). Anything else goes to the circuit JSON reader, whose syntax
 * and shape errors then say what is wrong, at which line and column.
 */
final class InputDetection {
    private static final JsonFactory JSON = new JsonFactory();

    private InputDetection() {}

    static CircuitFiles.Format detect(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '(') {
            return CircuitFiles.Format.NET;
        }
        return topLevelMembers(bytes);
    }

    /**
     * Reads only the top-level member names, skipping their values. Malformed JSON goes to the
     * circuit JSON reader: both JSON readers share one syntax checker, so the error is the same.
     */
    private static CircuitFiles.Format topLevelMembers(byte[] bytes) {
        boolean components = false;
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return CircuitFiles.Format.CIRCUIT_JSON;
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String name = parser.currentName();
                if (name.equals("format")) {
                    return CircuitFiles.Format.CIRCUIT_JSON;
                }
                components |= name.equals("components");
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException malformed) {
            return CircuitFiles.Format.CIRCUIT_JSON;
        }
        return components ? CircuitFiles.Format.CIRCUIT_SYNTH_JSON : CircuitFiles.Format.CIRCUIT_JSON;
    }
}
