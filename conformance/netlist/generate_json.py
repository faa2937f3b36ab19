#!/usr/bin/env python3
"""Writes the hand-made vectors of this folder: json_err_NAME.json with json_err_NAME.err (circuit
JSON, section 5), cs_err_NAME.cs.json with cs_err_NAME.err and cs_NAME.cs.json (circuit-synth
import, section 6; the real circuit-synth files come from generate_circuit_synth.py).

The expected messages are written here by hand from the specification, never copied from an
engine's output. Run from this folder: python3 generate_json.py
"""

import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

FORMAT = '"format": "circuitsynth-circuit", "version": 1'


def doc(main='{"components": [{"id": "R1", "symbol": "Device:R", "prefix": "R"}]}', top="", root="Main"):
    """A small circuit JSON text; `main` is the Main definition's text, `top` extra members."""
    extra = (", " + top) if top else ""
    return '{%s, "name": "t", "root": "%s", "definitions": {"Main": %s}%s}' % (FORMAT, root, main, extra)


def component(members):
    return '{"components": [%s]}' % members


R1 = '{"id": "R1", "symbol": "Device:R", "prefix": "R"}'
R2 = '{"id": "R2", "symbol": "Device:R", "prefix": "R"}'


def with_nets(nets, extra=""):
    return '{"components": [%s, %s], "nets": [%s]%s}' % (R1, R2, nets, extra)


EXPECTED_ONE_OF_COMPONENT = ("id, symbol, reference, prefix, absolute, value, footprint, datasheet, "
                             "description, fields, dnp, inBom, onBoard, pins, uuids")
PIN_TYPES = ("input, output, bidirectional, tri_state, passive, free, unspecified, power_in, power_out, "
             "open_collector, open_emitter, no_connect")
C = "$.definitions.Main.components[0]"
N = "$.definitions.Main.nets[0]"

VECTORS = {
    # Syntax: LINE:COLUMN: DETAIL.
    "syntax_empty": (b"", "1:1: unexpected end of input"),
    "syntax_whitespace_only": (b" \n\t ", "2:3: unexpected end of input"),
    "syntax_bom": (b"\xef\xbb\xbf{}", "1:1: unexpected byte order mark; save the file as UTF-8 without BOM"),
    "syntax_invalid_utf8": (b'{"a": "\xc3("}', "1:8: invalid UTF-8 (byte 0xC3)"),
    "syntax_invalid_utf8_wins": (b'{x\n "\xe2\x82\xac" \xff}', "2:6: invalid UTF-8 (byte 0xFF)"),
    "syntax_surrogate_bytes": (b'["\xed\xa0\x80"]', "1:3: invalid UTF-8 (byte 0xED)"),
    "syntax_missing_colon": (b'{"a" 1}', "1:6: unexpected character '1'"),
    "syntax_trailing_comma_object": (b'{"a": 1,}', "1:9: unexpected character '}'"),
    "syntax_trailing_comma_array": (b"[1, 2,\n]", "2:1: unexpected character ']'"),
    "syntax_single_quotes": (b"{'a': 1}", "1:2: unexpected character '''"),
    "syntax_missing_comma": (b'{"a": 1 "b": 2}', "1:9: unexpected character '\"'"),
    "syntax_unclosed_object": (b'{"a": [1, 2]', "1:13: unexpected end of input"),
    "syntax_unclosed_after_name": (b'{"a":', "1:6: unexpected end of input"),
    "syntax_unterminated_string": (b'{"a": "abc', "1:11: unexpected end of input"),
    "syntax_raw_newline_in_string": (b'{"a": "ab\ncd"}', "1:10: control character U+000A in string"),
    "syntax_tab_in_string": (b'["a\tb"]', "1:4: control character U+0009 in string"),
    "syntax_nul_in_string": (b'["a\x00"]', "1:4: control character U+0000 in string"),
    "syntax_invalid_escape": (b'["a\\qb"]', "1:4: invalid escape '\\q' in string"),
    "syntax_invalid_escape_non_ascii": ('["é\\é"]'.encode(), "1:4: invalid escape '\\é' in string"),
    "syntax_escape_then_newline": (b'["\\\n"]', "1:4: control character U+000A in string"),
    "syntax_escape_at_end": (b'["\\', "1:4: unexpected end of input"),
    "syntax_invalid_unicode_escape": (b'["\\u12G4"]', "1:3: invalid escape '\\u' in string"),
    "syntax_unicode_escape_at_end": (b'["\\u12', "1:7: unexpected end of input"),
    "syntax_unpaired_high_surrogate": (b'["\\uD83Dx"]', "1:3: unpaired surrogate '\\uD83D' in string"),
    "syntax_unpaired_low_surrogate": (b'["ok", "\\ude00"]', "1:9: unpaired surrogate '\\ude00' in string"),
    "syntax_high_surrogate_then_other": (b'["\\ud83d\\u0041"]', "1:3: unpaired surrogate '\\ud83d' in string"),
    "syntax_leading_zero": (b"[01]", "1:2: invalid number"),
    "syntax_minus_alone": (b"[-]", "1:2: invalid number"),
    "syntax_point_without_digits": (b"[1.]", "1:2: invalid number"),
    "syntax_exponent_without_digits": (b"[1e+]", "1:2: invalid number"),
    "syntax_number_with_letters": (b"[12abc]", "1:2: invalid number"),
    "syntax_plus_sign": (b"[+1]", "1:2: unexpected character '+'"),
    "syntax_leading_point": (b"[.5]", "1:2: unexpected character '.'"),
    "syntax_python_true": (b'{"a": True}', "1:7: unexpected character 'T'"),
    "syntax_short_null": (b"[nul]", "1:2: unexpected character 'n'"),
    "syntax_literal_then_digit": (b"[true1]", "1:6: unexpected character '1'"),
    "syntax_control_outside_string": (b"[\x01]", "1:2: unexpected character U+0001"),
    "syntax_nbsp_outside_string": ("[\u00a01]".encode(), "1:2: unexpected character U+00A0"),
    "syntax_non_ascii_outside_string": ('["ü", é]'.encode(), "1:7: unexpected character 'é'"),
    "syntax_columns_count_characters": ('{\n  "name": "ÄÖÜ€😀", x\n}'.encode(), "2:20: unexpected character 'x'"),
    "syntax_content_after_value": (b"{}\n{}", "2:1: unexpected content after the JSON value"),
    "syntax_nul_after_value": (b"{}\x00", "1:3: unexpected content after the JSON value"),
    "syntax_duplicate_member": (b'{"a": 1, "b": {"a": 2}, "a": 3}', '1:25: duplicate member "a"'),
    "syntax_duplicate_member_escaped": (b'{"name": 1, "n\\u0061me": 2}', '1:13: duplicate member "name"'),
    "syntax_duplicate_member_shown_escaped": (b'{"a\\nb": 1, "a\\u000ab": 2}', '1:13: duplicate member "a\\nb"'),
    "syntax_duplicate_member_many": (
        ("{" + ", ".join('"k%d": %d' % (i, i) for i in range(40)) + ', "k17": 0}').encode(),
        '1:%d: duplicate member "k17"' % (2 + len(", ".join('"k%d": %d' % (i, i) for i in range(40))) + 2)),
    "syntax_nesting_1001": (b"[" * 1001 + b"]" * 1001, "1:1001: nesting deeper than 1000"),
    "syntax_nesting_100000": (b"[{\"a\":" * 50000, "1:3001: nesting deeper than 1000"),
    "syntax_wins_over_binding": (doc(top='"extra": 1').encode() + b" ,", "1:%d: unexpected content after the JSON value"
                                 % (len(doc(top='"extra": 1')) + 2)),

    # Binding: JSONPATH: DETAIL.
    "nesting_1000_accepted": (b"[" * 1000 + b"]" * 1000, "$: expected an object, found array"),
    "top_array": (b"[]", "$: expected an object, found array"),
    "missing_format": (b'{"version": 1}', '$: missing member "format"'),
    "circuit_synth_given": (b'{"name": "root", "components": {}, "nets": {}}',
                            '$: missing member "format"; this looks like circuit-synth JSON: read it with the '
                            'circuit-synth import'),
    "wrong_format": (b'{"format": "kicad", "version": 1}', '$.format: format must be "circuitsynth-circuit"'),
    "format_number": (b'{"version": 1, "format": 1}', '$.format: format must be "circuitsynth-circuit"'),
    "format_checked_first": (b'{"valeu": 1, "format": "circuitsynth", "version": 2}',
                             '$.format: format must be "circuitsynth-circuit"'),
    "missing_version": (b'{"format": "circuitsynth-circuit", "name": "x"}', '$: missing member "version"'),
    "version_string": (b'{"format": "circuitsynth-circuit", "version": "1"}',
                       "$.version: expected an integer, found string"),
    "version_2": (b'{"format": "circuitsynth-circuit", "version": 2}',
                  "$.version: version 2 is not supported; this library reads version 1"),
    "version_fraction": (b'{"format": "circuitsynth-circuit", "version": 1.5}',
                         "$.version: version 1.5 is not supported; this library reads version 1"),
    "unknown_top_member": (doc(top='"nmae": "x"').encode(),
                           '$.nmae: unknown member "nmae"; expected one of format, version, name, root, '
                           "definitions, sheetUuids"),
    "unknown_member_before_missing": (('{%s, "root": "Main", "x y": 1}' % FORMAT).encode(),
                                      '$["x y"]: unknown member "x y"; expected one of format, version, name, '
                                      "root, definitions, sheetUuids"),
    "missing_name": (('{%s, "root": "Main", "definitions": {}}' % FORMAT).encode(), '$: missing member "name"'),
    "missing_root": (('{%s, "name": "t", "definitions": {}}' % FORMAT).encode(), '$: missing member "root"'),
    "missing_definitions": (('{%s, "name": "t", "root": "Main"}' % FORMAT).encode(),
                            '$: missing member "definitions"'),
    "name_number": (('{%s, "name": 7, "root": "Main", "definitions": {}}' % FORMAT).encode(),
                    "$.name: expected a string, found number"),
    "root_null": (('{%s, "name": "t", "root": null, "definitions": {}}' % FORMAT).encode(),
                  "$.root: expected a string, found null"),
    "definitions_array": (('{%s, "name": "t", "root": "Main", "definitions": []}' % FORMAT).encode(),
                          "$.definitions: expected an object, found array"),
    "root_not_defined": (doc(root="Mian").encode(), '$.root: no definition "Mian"'),
    "definition_null": (doc(main="null").encode(), "$.definitions.Main: expected an object, found null"),
    "definition_unknown_member": (doc(main='{"compnents": []}').encode(),
                                  '$.definitions.Main.compnents: unknown member "compnents"; expected one of '
                                  "ports, components, nets, noConnects, instances"),
    "definition_path_quoted": (('{%s, "name": "t", "root": "my def", "definitions": {"my def": {"nets": {}}}}'
                                % FORMAT).encode(),
                               '$.definitions["my def"].nets: expected an array, found object'),
    "sheet_uuids_array": (doc(top='"sheetUuids": []').encode(), "$.sheetUuids: expected an object, found array"),
    "sheet_uuid_number": (doc(top='"sheetUuids": {"/": 1}').encode(),
                          '$.sheetUuids["/"]: expected a string, found number'),
    "ports_string": (doc(main='{"ports": "IN"}').encode(), "$.definitions.Main.ports: expected an array, found string"),
    "port_number": (doc(main='{"ports": ["IN", 2]}').encode(),
                    "$.definitions.Main.ports[1]: expected a string, found number"),
    "duplicate_port": (doc(main='{"ports": ["IN", "OUT", "IN"]}').encode(),
                       '$.definitions.Main.ports[2]: duplicate port "IN" (first at $.definitions.Main.ports[0])'),
    "components_object": (doc(main='{"components": {}}').encode(),
                          "$.definitions.Main.components: expected an array, found object"),
    "component_string": (doc(main='{"components": ["R1"]}').encode(),
                         "$.definitions.Main.components[0]: expected an object, found string"),
    "component_unknown_member": (doc(main='{"components": [%s, %s, %s, {"id": "R4", "symbol": "Device:R", '
                                           '"prefix": "R", "valeu": "1k"}]}' % (R1, R2, R1.replace("R1", "R3"))
                                      ).encode(),
                                 '$.definitions.Main.components[3].valeu: unknown member "valeu"; expected one of '
                                 + EXPECTED_ONE_OF_COMPONENT),
    "component_unknown_member_first": (doc(main=component('{"valeu": 1}')).encode(),
                                       C + '.valeu: unknown member "valeu"; expected one of '
                                       + EXPECTED_ONE_OF_COMPONENT),
    "component_missing_id": (doc(main=component('{"symbol": "Device:R", "prefix": "R"}')).encode(),
                             C + ': missing member "id"'),
    "component_missing_symbol": (doc(main=component('{"value": 5, "id": "R1", "prefix": "R"}')).encode(),
                                 C + ': missing member "symbol"'),
    "component_id_number": (doc(main=component('{"id": 1, "symbol": "Device:R", "prefix": "R"}')).encode(),
                            C + ".id: expected a string, found number"),
    "component_no_reference": (doc(main=component('{"id": "R1", "symbol": "Device:R"}')).encode(),
                               C + ": give exactly one of reference, prefix, absolute"),
    "component_two_references": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                                    '"absolute": "R1"}')).encode(),
                                 C + ": give exactly one of reference, prefix, absolute"),
    "component_reference_number": (doc(main=component('{"id": "R1", "symbol": "Device:R", "reference": 1}')
                                       ).encode(), C + ".reference: expected a string, found number"),
    "component_value_number": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                                  '"value": 10}')).encode(),
                               C + ".value: expected a string, found number"),
    "component_dnp_string": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                                '"dnp": "yes"}')).encode(),
                             C + ".dnp: expected a boolean, found string"),
    "component_on_board_null": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                                   '"onBoard": null}')).encode(),
                                C + ".onBoard: expected a boolean, found null"),
    "duplicate_component_id": (doc(main=component('%s, %s, %s' % (R1, R2, R1))).encode(),
                               '$.definitions.Main.components[2].id: duplicate component id "R1" (first at '
                               '$.definitions.Main.components[0].id)'),
    "fields_array": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", "fields": []}')
                         ).encode(), C + ".fields: expected an object, found array"),
    "field_value_number": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                              '"fields": {"MPN": "x", "Tolerance %": 5}}')).encode(),
                           C + '.fields["Tolerance %"]: expected a string, found number'),
    "field_reserved_value": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                                '"fields": {"Value": "1k"}}')).encode(),
                             C + '.fields.Value: field name "Value" is reserved; use the component member value'),
    "field_reserved_reference": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", '
                                                    '"fields": {"Reference": "R7"}}')).encode(),
                                 C + '.fields.Reference: field name "Reference" is reserved; use the component '
                                 "member reference, prefix or absolute"),
    "pins_array": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", "pins": []}')).encode(),
                   C + ".pins: expected an object, found array"),
    "pin_missing_type": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                            '"pins": {"1": {"name": "A"}}}')).encode(),
                         C + '.pins["1"]: missing member "type"'),
    "pin_unknown_type": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                            '"pins": {"1": {"type": "passive"}, "2": {"type": "pasive"}}}')
                             ).encode(),
                         C + ".pins[\"2\"].type: unknown pin electrical type 'pasive'; expected one of " + PIN_TYPES),
    "pin_unknown_member": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                              '"pins": {"A1": {"type": "input", "func": "input"}}}')).encode(),
                           C + '.pins.A1.func: unknown member "func"; expected one of name, type, unit, hidden'),
    "pin_unit_negative": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                             '"pins": {"1": {"type": "input", "unit": -1}}}')).encode(),
                          C + '.pins["1"].unit: expected an integer from 0 to 2147483647, found -1'),
    "pin_unit_fraction": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                             '"pins": {"1": {"type": "input", "unit": 1.5}}}')).encode(),
                          C + '.pins["1"].unit: expected an integer from 0 to 2147483647, found 1.5'),
    "pin_unit_too_large": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                              '"pins": {"1": {"type": "input", "unit": 2147483648}}}')).encode(),
                           C + '.pins["1"].unit: expected an integer from 0 to 2147483647, found 2147483648'),
    "pin_unit_string": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                           '"pins": {"1": {"type": "input", "unit": "1"}}}')).encode(),
                        C + '.pins["1"].unit: expected an integer, found string'),
    "pin_hidden_number": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                             '"pins": {"1": {"type": "input", "hidden": 1}}}')).encode(),
                          C + '.pins["1"].hidden: expected a boolean, found number'),
    "uuids_string": (doc(main=component('{"id": "R1", "symbol": "Device:R", "prefix": "R", "uuids": "u"}')
                         ).encode(), C + ".uuids: expected an array, found string"),
    "nets_object": (doc(main='{"nets": {"GND": []}}').encode(), "$.definitions.Main.nets: expected an array, found object"),
    "net_unknown_member": (doc(main=with_nets('{"name": "A", "pins": []}')).encode(),
                           N + '.pins: unknown member "pins"; expected one of name, id, power, class, absolute, nodes'),
    "net_name_null": (doc(main=with_nets('{"name": null}')).encode(), N + ".name: expected a string, found null"),
    "net_power_auto_string": (doc(main=with_nets('{"name": "GND", "power": "auto"}')).encode(),
                              N + ".power: expected a boolean, found string"),
    "net_class_number": (doc(main=with_nets('{"name": "A", "class": 1}')).encode(),
                         N + ".class: expected a string, found number"),
    "net_nodes_object": (doc(main=with_nets('{"name": "A", "nodes": {}}')).encode(),
                         N + ".nodes: expected an array, found object"),
    "net_duplicate_id": (doc(main=with_nets('{"id": "a"}, {"id": "b"}, {"id": "a"}')).encode(),
                         '$.definitions.Main.nets[2].id: duplicate net id "a" (first at $.definitions.Main.nets[0].id)'),
    "net_id_is_a_name": (doc(main=with_nets('{"name": "SIG"}, {"id": "SIG"}')).encode(),
                         '$.definitions.Main.nets[1].id: duplicate net id "SIG" (first at '
                         '$.definitions.Main.nets[0].name)'),
    "net_id_is_a_port": (doc(main=with_nets('{"id": "IN"}', ', "ports": ["IN"]')).encode(),
                         '$.definitions.Main.nets[0].id: duplicate net id "IN" (first at $.definitions.Main.ports[0])'),
    "net_name_is_an_id": (doc(main=with_nets('{"id": "n1"}, {"name": "n1"}')).encode(),
                          '$.definitions.Main.nets[1].name: net name "n1" is already a net id (first at '
                          '$.definitions.Main.nets[0].id)'),
    "node_dangling": (doc(main=with_nets('{"name": "A", "nodes": [{"component": "R1", "pin": "1"}, '
                                         '{"component": "R9", "pin": "1"}]}')).encode(),
                      N + '.nodes[1].component: no component "R9" in definition Main'),
    "node_component_later": (doc(main='{"nets": [{"nodes": [{"component": "R1", "pin": "1"}]}], '
                                      '"components": [%s]}' % R1).encode(), None),
    "node_missing_pin": (doc(main=with_nets('{"nodes": [{"component": "R1"}]}')).encode(),
                         N + '.nodes[0]: missing member "pin"'),
    "node_pin_number": (doc(main=with_nets('{"nodes": [{"component": "R1", "pin": 1}]}')).encode(),
                        N + ".nodes[0].pin: expected a string, found number"),
    "node_unit_zero": (doc(main=with_nets('{"nodes": [{"component": "R1", "pin": "A", "unit": 0}]}')).encode(),
                       N + ".nodes[0].unit: expected an integer from 1 to 2147483647, found 0"),
    "node_unit_exponent": (doc(main=with_nets('{"nodes": [{"component": "R1", "pin": "A", "unit": 1e10}]}')
                               ).encode(),
                           N + ".nodes[0].unit: expected an integer from 1 to 2147483647, found 1e10"),
    "node_array": (doc(main=with_nets('{"nodes": [["R1", "1"]]}')).encode(),
                   N + ".nodes[0]: expected an object, found array"),
    "no_connect_dangling": (doc(main=with_nets('{"name": "A"}', ', "noConnects": [{"component": "U1", "pin": "7"}]')
                                ).encode(),
                            '$.definitions.Main.noConnects[0].component: no component "U1" in definition Main'),
    "node_dangling_definition_name_shown_on_one_line": (
        ('{%s, "name": "t", "root": "a\\nb", "definitions": {"a\\nb": {"nets": [{"nodes": [{"component": "R1", '
         '"pin": "1"}]}]}}}' % FORMAT).encode(),
        '$.definitions["a\\nb"].nets[0].nodes[0].component: no component "R1" in definition a\\nb'),
    "pin_type_shown_on_one_line": (doc(main=component('{"id": "U1", "symbol": "X:U", "prefix": "U", '
                                                      '"pins": {"1": {"type": "in\\tput"}}}')).encode(),
                                   C + ".pins[\"1\"].type: unknown pin electrical type 'in\\tput'; expected one of "
                                   + PIN_TYPES),
    "instance_missing_definition": (doc(main='{"instances": [{"name": "ch1"}]}').encode(),
                                    '$.definitions.Main.instances[0]: missing member "definition"'),
    "instance_unknown_member": (doc(main='{"instances": [{"name": "ch1", "definition": "Main", "ports": {}}]}'
                                    ).encode(),
                                '$.definitions.Main.instances[0].ports: unknown member "ports"; expected one of '
                                "name, definition, bindings"),
    "binding_no_net": (('{%s, "name": "t", "root": "Main", "definitions": {"Main": {"nets": [{"name": "VIN"}], '
                        '"instances": [{"name": "ch1", "definition": "Ch", "bindings": {"IN": "VIN", "OUT": "VOUT"}}]}, '
                        '"Ch": {"ports": ["IN", "OUT"]}}}' % FORMAT).encode(),
                       '$.definitions.Main.instances[0].bindings.OUT: no net "VOUT" in definition Main'),
    "binding_number": (('{%s, "name": "t", "root": "Main", "definitions": {"Main": {"instances": '
                        '[{"name": "ch1", "definition": "Ch", "bindings": {"IN": 1}}]}, "Ch": {"ports": ["IN"]}}}'
                        % FORMAT).encode(),
                       "$.definitions.Main.instances[0].bindings.IN: expected a string, found number"),
    "binding_net_of_child": (('{%s, "name": "t", "root": "Main", "definitions": {"Main": {"instances": '
                              '[{"name": "ch1", "definition": "Ch", "bindings": {"IN": "X"}}]}, '
                              '"Ch": {"ports": ["IN"], "nets": [{"name": "X"}]}}}' % FORMAT).encode(),
                             '$.definitions.Main.instances[0].bindings.IN: no net "X" in definition Main'),
}




def cs(components='{"R1": {"symbol": "Device:R", "ref": "R1"}}', nets="{}", subcircuits="[]", name='"root"'):
    """A small circuit-synth object."""
    return '{"name": %s, "components": %s, "nets": %s, "subcircuits": %s}' % (name, components, nets, subcircuits)


def node(component, number):
    return '{"component": "%s", "pin": {"number": "%s", "name": "~", "func": "passive"}}' % (component, number)


POWER = cs(name='"power"', components='{"U1": {"symbol": "Regulator_Linear:AMS1117-3.3", "ref": "U1"}}',
           nets='{"VCC": [%s, %s, %s]}' % (node("U1", "3"), node("U1", "3"), node("R9", "1")))

CS_VECTORS = {
    "top_array": (b"[]", "$: expected an object, found array"),
    "missing_components": (b'{"name": "root", "nets": {}}', '$: missing member "components"'),
    "syntax": (b'{"name": "root", "components": {},}', "1:35: unexpected character '}'"),
    "missing_name": (b'{"components": {}}', '$: missing member "name"'),
    "name_number": (b'{"name": 1, "components": {}}', "$.name: expected a string, found number"),
    "components_string": (cs(components='"R1"').encode(),
                          "$.components: expected an object or an array, found string"),
    "component_string": (cs(components='{"R1": "Device:R"}').encode(),
                         "$.components.R1: expected an object, found string"),
    "missing_symbol": (cs(components='{"R1": {"ref": "R1", "value": "1k"}}').encode(),
                       '$.components.R1: missing member "symbol"'),
    "symbol_number": (cs(components='{"R1": {"symbol": 5}}').encode(),
                      "$.components.R1.symbol: expected a string, found number"),
    "array_missing_ref": (cs(components='[{"symbol": "Device:R"}]').encode(), '$.components[0]: missing member "ref"'),
    "array_duplicate_ref": (cs(components='[{"symbol": "Device:R", "ref": "R1"}, {"symbol": "Device:C", "ref": "R1"}]'
                               ).encode(),
                            '$.components[1]: duplicate component "R1" (first at $.components[0])'),
    "ref_overrides_key_duplicate": (cs(components='{"R1": {"symbol": "Device:R"}, "X": {"symbol": "Device:R", '
                                                  '"ref": "R1"}}').encode(),
                                    '$.components.X: duplicate component "R1" (first at $.components.R1)'),
    "footprint_number": (cs(components='{"R1": {"symbol": "Device:R", "footprint": 0603}}').encode(),
                         "1:75: invalid number"),
    "footprint_boolean": (cs(components='{"R1": {"symbol": "Device:R", "footprint": false}}').encode(),
                          "$.components.R1.footprint: expected a string, found boolean"),
    "extra_fields_array": (cs(components='{"R1": {"symbol": "Device:R", "_extra_fields": []}}').encode(),
                           "$.components.R1._extra_fields: expected an object, found array"),
    "pins_object": (cs(components='{"R1": {"symbol": "Device:R", "pins": {}}}').encode(),
                    "$.components.R1.pins: expected an array, found object"),
    "pin_without_number": (cs(components='{"R1": {"symbol": "Device:R", "pins": [{"num": "1"}, {"name": "A"}]}}'
                              ).encode(), '$.components.R1.pins[1]: missing member "num"'),
    "pin_unknown_func": (cs(components='{"U1": {"symbol": "X:U", "pins": [{"num": "1", "func": "tristate"}]}}'
                            ).encode(),
                         "$.components.U1.pins[0].func: unknown pin electrical type 'tristate'; expected one of "
                         + PIN_TYPES),
    "pin_unit_negative": (cs(components='{"U1": {"symbol": "X:U", "pins": [{"num": 1, "unit": -1}]}}').encode(),
                          "$.components.U1.pins[0].unit: expected an integer from 0 to 2147483647, found -1"),
    "nets_array": (cs(nets="[]").encode(), "$.nets: expected an object, found array"),
    "net_number": (cs(nets='{"VCC": 1}').encode(), "$.nets.VCC: expected an array or an object, found number"),
    "net_object_without_nodes": (cs(nets='{"VCC": {"is_hierarchical": true}}').encode(),
                                 '$.nets.VCC: missing member "nodes"'),
    "node_dangling": (cs(subcircuits='[%s, %s]' % (cs(name='"led"', components="{}"), POWER)).encode(),
                      '$.subcircuits[1].nets.VCC[2].component: no component "R9" in circuit "power"'),
    "node_of_other_circuit": (cs(nets='{"SIG": [%s]}' % node("U1", "1"),
                                 subcircuits='[%s]' % cs(name='"child"', components='{"U1": {"symbol": "X:U"}}')
                                 ).encode(),
                              '$.nets.SIG[0].component: no component "U1" in circuit "root"'),
    "node_in_nodes_member": (cs(nets='{"SIG": {"nodes": [%s, {"component": "R1"}]}}' % node("R1", "1")).encode(),
                             '$.nets.SIG.nodes[1]: missing member "pin"'),
    "node_pin_string": (cs(nets='{"SIG": [{"component": "R1", "pin": "1"}]}').encode(),
                        "$.nets.SIG[0].pin: expected an object, found string"),
    "node_pin_empty": (cs(nets='{"SIG": [{"component": "R1", "pin": {"func": "passive"}}]}').encode(),
                       '$.nets.SIG[0].pin: missing member "number"'),
    "node_missing_component": (cs(nets='{"a b": [{"pin": {"number": "1"}}]}').encode(),
                               '$.nets["a b"][0]: missing member "component"'),
    "subcircuits_object": (cs(subcircuits="{}").encode(), "$.subcircuits: expected an array, found object"),
    "subcircuit_string": (cs(subcircuits='["child"]').encode(), "$.subcircuits[0]: expected an object, found string"),
    "subcircuit_missing_name": (cs(subcircuits='[%s, {"components": {}}]' % cs(name='"a"', components="{}")).encode(),
                                '$.subcircuits[1]: missing member "name"'),
    "deep_error_after_sibling": (cs(subcircuits='[%s, %s]' % (
        cs(name='"a"', components="{}", subcircuits='[%s]' % cs(name='"a1"', components='{"C1": {"value": "1"}}')),
        cs(name='"b"', components='[1]'))).encode(),
        '$.subcircuits[0].subcircuits[0].components.C1: missing member "symbol"'),
}

# Valid hand-made circuit-synth inputs (their .out.json is written by the engines, checked by eye).
CS_VALID = {
    "cs_older_net_objects": cs(
        components='[{"symbol": "Device:R", "ref": "R1", "value": "1k", "pins": [{"pin_id": "1", "num": 1, '
                   '"name": "~", "func": "passive", "unit": 1}, {"pin_id": 2, "name": "~", "func": "passive"}]}, '
                   '{"symbol": "Device:LED", "ref": "D"}]',
        nets='{"N$7": {"nodes": [%s, {"component": "D", "pin": {"pin_id": "2"}}], "is_hierarchical": false, '
             '"original_name": "N$7"}, "unconnected-(D-K)": {"nodes": []}, "EMPTY": {"nodes": []}, '
             '"K": [{"component": "D", "pin": {"name": "K"}}, {"component": "D", "pin": {"number": 1}}]}'
             % node("R1", "2")),
    "cs_names_repeat": cs(
        name='"top"', components="{}",
        nets='{"BUS": []}',
        subcircuits='[%s, %s, %s]' % (
            cs(name='"ch"', components='{"R1": {"symbol": "Device:R"}}', nets='{"BUS": [%s]}' % node("R1", "1")),
            cs(name='"ch_2"', components='{"R2": {"symbol": "Device:R"}}', nets='{"N$1": [%s]}' % node("R2", "1"),
               subcircuits='[%s]' % cs(name='"ch"', components='{"R3": {"symbol": "Device:R"}}',
                                       nets='{"N$1": [%s], "BUS": [%s]}' % (node("R3", "1"), node("R3", "2")))),
            cs(name='"ch"', components='{"R4": {"symbol": "Device:R"}}', nets='{"BUS": [%s]}' % node("R4", "1")))),
}


def main():
    for name, (data, expected) in VECTORS.items():
        stem = "json_err_" + name if expected is not None else "json_" + name
        (HERE / (stem + ".json")).write_bytes(data)
        if expected is not None:
            assert "\n" not in expected
            (HERE / (stem + ".err")).write_bytes(expected.encode())
    for name, (data, expected) in CS_VECTORS.items():
        (HERE / ("cs_err_" + name + ".cs.json")).write_bytes(data)
        assert "\n" not in expected
        (HERE / ("cs_err_" + name + ".err")).write_bytes(expected.encode())
    for stem, text in CS_VALID.items():
        (HERE / (stem + ".cs.json")).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
