package io.circuitsynth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.io.JavaIoStage;
import io.circuitsynth.netlist.JavaNetlistStage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A circuit built in code, written as circuit JSON and read back through the facade. */
class CircuitJsonFileTest {
    @TempDir
    Path dir;

    final CircuitFiles files = new CircuitFiles(new JavaNetlistStage(), new JavaIoStage());

    static Circuit board() {
        Circuit channel = Circuit.subcircuit("Channel", "IN", "OUT");
        Component r = channel.component("Device:R", "R1", "10k");
        channel.port("IN").connect(r.pin(1));
        channel.port("OUT").connect(r.pin(2));
        Circuit board = Circuit.create("board");
        Component j = board.component("Connector_Generic:Conn_01x02", "J", "IN").field("MPN", "X").dnp();
        Net mid = board.net();
        board.net("VIN").connect(j.pin(1));
        mid.connect(j.pin(2));
        board.instantiate(channel, "ch1").bind("IN", board.net("VIN")).bind("OUT", mid);
        j.unit(1).pin("3").noConnect();
        return board;
    }

    /** Checked by hand against section 5's writing rules: table order, defaults left out. */
    static final String JSON = """
            {
              "format": "circuitsynth-circuit",
              "version": 1,
              "name": "board",
              "root": "board",
              "definitions": {
                "board": {
                  "components": [
                    {
                      "id": "J?1",
                      "symbol": "Connector_Generic:Conn_01x02",
                      "prefix": "J",
                      "value": "IN",
                      "fields": {
                        "MPN": "X"
                      },
                      "dnp": true
                    }
                  ],
                  "nets": [
                    {
                      "id": "#0",
                      "nodes": [
                        {
                          "component": "J?1",
                          "pin": "2"
                        }
                      ]
                    },
                    {
                      "name": "VIN",
                      "nodes": [
                        {
                          "component": "J?1",
                          "pin": "1"
                        }
                      ]
                    }
                  ],
                  "noConnects": [
                    {
                      "component": "J?1",
                      "pin": "3",
                      "unit": 1
                    }
                  ],
                  "instances": [
                    {
                      "name": "ch1",
                      "definition": "Channel",
                      "bindings": {
                        "IN": "VIN",
                        "OUT": "#0"
                      }
                    }
                  ]
                },
                "Channel": {
                  "ports": [
                    "IN",
                    "OUT"
                  ],
                  "components": [
                    {
                      "id": "R1",
                      "symbol": "Device:R",
                      "reference": "R1",
                      "value": "10k"
                    }
                  ],
                  "nets": [
                    {
                      "name": "IN",
                      "nodes": [
                        {
                          "component": "R1",
                          "pin": "1"
                        }
                      ]
                    },
                    {
                      "name": "OUT",
                      "nodes": [
                        {
                          "component": "R1",
                          "pin": "2"
                        }
                      ]
                    }
                  ]
                }
              }
            }
            """;

    @Test
    void writtenJsonIsTheCanonicalLayoutAndReadsBackToTheSameBytes() throws Exception {
        Path file = dir.resolve("board.json");
        assertThat(files.writeJson(board(), file)).isTrue();
        assertThat(Files.readString(file, UTF_8)).isEqualTo(JSON);
        Circuit read = files.readAny(file);
        assertThat(read.name()).isEqualTo("board");
        assertThat(read.nets().get(0).pins()).containsExactly(read.components().get(0).pin(2));
        assertThat(files.writeJson(read, file)).isFalse();
        assertThat(files.json(read)).isEqualTo(JSON.getBytes(UTF_8));
    }
}
