#!/usr/bin/env python3
"""Writes the synthetic vectors of this folder (the kicad_* ones come from extract_kicad.py).

Every expected output and error below was worked out by hand from the specification in
../README.md; the comments show the arithmetic for the column rules. Nothing here runs a parser or
a printer, so the vectors stay an independent contract for both engines. Run from this folder:
`python3 generate.py`.
"""
from pathlib import Path

HERE = Path(__file__).parent
VECTORS = {}

ESCAPES = r"valid escapes are \" \\ \n \r \t \a \b \f \v \xHH \NNN"
NUL = "NUL byte in input; KiCad files are text, is this a binary file?"
NESTED = "lists nested more than 1000 deep; KiCad files nest far less, is this a KiCad file?"


def out(name, data, expected, nodes=None):
    VECTORS[name] = (data, ("out", expected), nodes)


def err(name, data, message):
    VECTORS[name] = (data, ("err", message.encode()), None)


def utf8(byte):
    return f"invalid UTF-8 (byte 0x{byte:02X}); KiCad files are UTF-8 encoded"


def no_root(found):
    return f"expected '(' to start the root list, found {found}"


def unclosed(pos):
    return f"expected ')' to close the list opened at {pos}, found end of input"


def after_root(pos, found):
    return f"expected end of input after the root list closed at {pos}, found {found}"


def bad_escape(ch):
    return f"invalid escape sequence '\\{ch}' in string; {ESCAPES}"


UNTERMINATED = "unterminated string; expected a closing '\"' before end of input"

# Basic layout: atom-only lists stay on one line, child lists go one tab deeper, a list closes on
# its own line after a child list, and a single LF ends the output.
out("print_atoms_one_line", b"(a b c)", b"(a b c)\n",
    [(0, 0, 7, 4), (1, 1, 2, 2), (1, 3, 4, 3), (1, 5, 6, 4)])
out("print_nested", b"(a (b c) (d (e f)))",
    b"(a\n\t(b c)\n\t(d\n\t\t(e f)\n\t)\n)\n",
    [(0, 0, 19, 10), (1, 1, 2, 2), (0, 3, 8, 5), (1, 4, 5, 4), (1, 6, 7, 5),
     (0, 9, 18, 10), (1, 10, 11, 7), (0, 12, 17, 10), (1, 13, 14, 9), (1, 15, 16, 10)])
out("print_nested_roundtrip", b"(a\n\t(b c)\n\t(d\n\t\t(e f)\n\t)\n)\n",
    b"(a\n\t(b c)\n\t(d\n\t\t(e f)\n\t)\n)\n")
out("print_root_only_empty", b"()", b"()\n", [(0, 0, 2, 1)])
out("print_empty_lists", b"(a () (()))", b"(a\n\t()\n\t(\n\t\t()\n\t)\n)\n",
    [(0, 0, 11, 5), (1, 1, 2, 2), (0, 3, 5, 3), (0, 6, 10, 5), (0, 7, 9, 5)])
out("print_first_child_list", b"((a) b)", b"(\n\t(a) b)\n")
out("print_whitespace_normalized", b"  \r\n\t( a\t\tb \r\n c )\n\n  ", b"(a b c)\n",
    [(0, 5, 18, 4), (1, 7, 8, 2), (1, 10, 11, 3), (1, 15, 16, 4)])
# An atom after a child list stays on that list's line; the list then closes right after it,
# because `)` only breaks the line after a close or a wrap.
out("print_atom_after_list", b"(a (b) c)", b"(a\n\t(b) c)\n")
out("print_atom_after_list_then_list", b"(a (b) c (d))", b"(a\n\t(b) c\n\t(d)\n)\n")
# Tokens need no whitespace between them; `"` and parens end a symbol.
out("print_adjacent_tokens", b'(a"b"c(d)e)', b'(a "b" c\n\t(d) e)\n',
    [(0, 0, 11, 7), (1, 1, 2, 2), (2, 2, 5, 3), (1, 5, 6, 4), (0, 6, 9, 6), (1, 7, 8, 6),
     (1, 9, 10, 7)])
# Anything that is not whitespace, a paren or a quote is symbol text: a backslash, a form feed,
# a vertical tab, a UTF-8 byte order mark inside a list.
out("print_symbol_bytes", b"(a b'c {d} [e] #f ;g \\h \x0c\x0b \xef\xbb\xbfz)",
    b"(a b'c {d} [e] #f ;g \\h \x0c\x0b \xef\xbb\xbfz)\n")
# Offsets are bytes: µ and Ω are two bytes, the emoji four, ünïcödé eleven.
out("print_utf8_symbols", "(µ Ω 😀 ünïcödé)".encode(), "(µ Ω 😀 ünïcödé)\n".encode(),
    [(0, 0, 24, 5), (1, 1, 3, 2), (1, 4, 6, 3), (1, 7, 11, 4), (1, 12, 23, 5)])

# Strings keep their exact text, escapes included; parens and quotes inside do not count.
out("print_strings_escapes",
    b'(a "he said \\"hi\\"" "back\\\\slash" "(paren)" ")" "(" "tab\\there" "multi\\nline")',
    b'(a "he said \\"hi\\"" "back\\\\slash" "(paren)" ")" "(" "tab\\there" "multi\\nline")\n',
    [(0, 0, 78, 9), (1, 1, 2, 2), (2, 3, 19, 3), (2, 20, 33, 4), (2, 34, 43, 5), (2, 44, 47, 6),
     (2, 48, 51, 7), (2, 52, 63, 8), (2, 64, 77, 9)])
out("print_all_escapes", b'(a "\\"\\\\\\a\\b\\f\\n\\r\\t\\v\\x4\\x41\\x4g\\7\\07\\101\\1012")',
    b'(a "\\"\\\\\\a\\b\\f\\n\\r\\t\\v\\x4\\x41\\x4g\\7\\07\\101\\1012")\n')
# Numeric escapes right before the closing quote: the quote ends the digits, not the string.
out("print_numeric_escapes_before_quote", b'(a "\\7" "\\77" "\\777" "\\0" "\\x4" "\\x41" "\\xfF")',
    b'(a "\\7" "\\77" "\\777" "\\0" "\\x4" "\\x41" "\\xfF")\n')
out("print_raw_bytes_in_string", b'(a "tab\there" "cr\rlf" ")(")', b'(a "tab\there" "cr\rlf" ")(")\n')
out("print_empty_string", b'(a "" b)', b'(a "" b)\n', [(0, 0, 8, 4), (1, 1, 2, 2), (2, 3, 5, 3), (1, 6, 7, 4)])

# A raw LF inside a string resets the printer's column: after `"` the column is 1, so `b` follows
# with a space although the string started at column 3 and is 73 bytes long.
out("print_string_raw_lf_resets_column", b'(a "' + b"x" * 70 + b'\n" b)',
    b'(a "' + b"x" * 70 + b'\n" b)\n')
# The printer counts bytes: 35 e-acutes are 70 bytes, so after the string the column is
# 3 + 1 + 70 + 1 = 75 >= 72 and `b` wraps (40 characters would not have wrapped).
E35 = "é".encode() * 35
out("print_utf8_string_counts_bytes", b'(a "' + E35 + b'" b)', b'(a "' + E35 + b'"\n\tb\n)\n')
# Symbols too: the euro sign is three bytes. `(a` is column 2; symbol k (1-based) is preceded by
# column 2 + 4 (k - 1); it goes on the same line while that is < 72, i.e. k <= 18 (column 70
# before it, 74 after), so symbol 19 wraps.
EURO = "€".encode()
out("print_utf8_symbols_wrap", b"(a " + b" ".join([EURO] * 20) + b")",
    b"(a " + b" ".join([EURO] * 18) + b"\n\t" + EURO + b" " + EURO + b"\n)\n")

# Column-72 wrap of an atom-only list. `(data` is column 5; two-character atom k (1-based) is
# preceded by column 5 + 3 (k - 1), which is < 72 for k <= 23 (71 before atom 23, 74 after it).
# Atom 24 wraps to a continuation line one tab deeper (column 1 + 2 = 3 after it); atom 24 + j
# follows while 3 + 3 (j - 1) < 72, i.e. j <= 23: atoms 24..47, ending at column 72 exactly, so
# atom 48 wraps. The close paren goes on its own line because the list wrapped.
DATA = [b"%02d" % i for i in range(50)]
out("print_wrap_at_72", b"(data " + b" ".join(DATA) + b")",
    b"(data " + b" ".join(DATA[:23]) + b"\n\t" + b" ".join(DATA[23:47]) + b"\n\t"
    + b" ".join(DATA[47:]) + b"\n)\n")
out("print_wrap_at_72_roundtrip", b"(data " + b" ".join(DATA[:23]) + b"\n\t" + b" ".join(DATA[23:47])
    + b"\n\t" + b" ".join(DATA[47:]) + b"\n)\n",
    b"(data " + b" ".join(DATA[:23]) + b"\n\t" + b" ".join(DATA[23:47]) + b"\n\t"
    + b" ".join(DATA[47:]) + b"\n)\n")
# Nested: `\t(members` is column 9; three-character atom k is preceded by 9 + 4 (k - 1) < 72 for
# k <= 16 (column 73 after m15). m16 wraps to two tabs (column 5); the remaining 14 atoms end at
# column 5 + 4 * 13 = 57. The list closes on its own line at its own depth, the next sibling
# starts a new line as usual.
M = [b"m%02d" % i for i in range(30)]
out("print_wrap_nested", b"(a (members " + b" ".join(M) + b") (b))",
    b"(a\n\t(members " + b" ".join(M[:16]) + b"\n\t\t" + b" ".join(M[16:]) + b"\n\t)\n\t(b)\n)\n")
# The wrapped flag is one flag, not one per list: set by a wrap in the root, it is consumed by the
# first `)` that follows, here the one of `(b c)`. `(a` is column 2; atom k is preceded by column
# 2 + 4 (k - 1) < 72 for k <= 18, so n18 wraps (column 4 after it) and n19 follows (column 8).
# After `(b c` the close sees the flag: LF, one tab, `)`, flag cleared. `d` follows the close with
# a space (column 2 < 72), and the root closes right after the atom because the flag is clear.
N = [b"n%02d" % i for i in range(20)]
out("print_wrap_flag_is_global", b"(a " + b" ".join(N) + b" (b c) d)",
    b"(a " + b" ".join(N[:18]) + b"\n\t" + b" ".join(N[18:]) + b"\n\t(b c\n\t) d)\n")
# An atom after a child list that ends at column >= 72 wraps: `\t(` + 70 b + `)` is column 73.
B70 = b"b" * 70
out("print_wrap_after_list", b"(a (" + B70 + b") z)", b"(a\n\t(" + B70 + b")\n\tz\n)\n")
# One column less: `\t(` + 68 b + `)` is column 71 < 72, so `z` stays on the line.
B68 = b"b" * 68
out("print_no_wrap_after_list_71", b"(a (" + B68 + b") z)", b"(a\n\t(" + B68 + b") z)\n")

# XY packing: consecutive (xy ...) lists share a line while the column is < 99.
out("print_xy_packed", b"(pts (xy 1 2) (xy 3 4) (xy 5 6))", b"(pts\n\t(xy 1 2) (xy 3 4) (xy 5 6)\n)\n")
# Item widths: `(xy ` + X + ` ` + Y + `)` = 6 + len(X) + len(Y). Three items of 24 (X and Y nine
# characters each) and one of 23: after `\t` and four items the column is 1 + 24 * 3 + 23 + 3 = 99,
# not < 99, so the fifth item starts a new line.
X9, Y9, X8, Y8 = b"100.00000", b"200.00000", b"100.0000", b"200.0000"


def xy(x, y):
    return b"(xy " + x + b" " + y + b")"


FOUR_99 = [xy(X9, Y9)] * 3 + [xy(X8, Y9)]
FIFTH = xy(b"5", b"5")
out("print_xy_wrap_at_99", b"(pts " + b" ".join(FOUR_99 + [FIFTH]) + b")",
    b"(pts\n\t" + b" ".join(FOUR_99) + b"\n\t" + FIFTH + b"\n)\n")
# The last of the four is 22 wide: column 98 < 99, so the fifth joins the line (column 105).
FOUR_98 = [xy(X9, Y9)] * 3 + [xy(X8, Y8)]
out("print_xy_no_wrap_at_98", b"(pts " + b" ".join(FOUR_98 + [FIFTH]) + b")",
    b"(pts\n\t" + b" ".join(FOUR_98 + [FIFTH]) + b"\n)\n")
# 5 items of 20 columns at depth 1: columns 21, 42, 63, 84 are < 99, so five share a line
# (ending at 105); the sixth starts the next line.
XY20 = xy(b"100.000", b"200.000")
out("print_xy_five_per_line", b"(pts " + b" ".join([XY20] * 7) + b")",
    b"(pts\n\t" + b" ".join([XY20] * 5) + b"\n\t" + b" ".join([XY20] * 2) + b"\n)\n")
# An XY list needs at least two children, and its head must be the symbol xy, not a string.
out("print_xy_needs_two_children", b"(pts (xy) (xy) (xy 1) (xy 2))",
    b"(pts\n\t(xy)\n\t(xy)\n\t(xy 1) (xy 2)\n)\n")
out("print_xy_string_head", b'(pts ("xy" 1 2) ("xy" 3 4) (XY 5 6) (XY 7 8))',
    b'(pts\n\t("xy" 1 2)\n\t("xy" 3 4)\n\t(XY 5 6)\n\t(XY 7 8)\n)\n')
# A non-XY list in between ends the run; the next XY list starts a new line and a new run.
out("print_xy_interrupted", b"(pts (xy 1 2) (foo 3) (xy 4 5) (xy 6 7))",
    b"(pts\n\t(xy 1 2)\n\t(foo 3)\n\t(xy 4 5) (xy 6 7)\n)\n")
# Inside an XY list atoms never wrap, whatever the column (the second list ends at column 94),
# and an atom after an XY list gets a space as long as inXY holds (`tail` ends at column 99).
A20, B20, C20, D20 = b"1" * 20, b"2" * 20, b"3" * 20, b"4" * 20
out("print_xy_atoms_never_wrap", b"(pts (xy " + A20 + b" " + B20 + b") (xy " + C20 + b" " + D20 + b") tail)",
    b"(pts\n\t(xy " + A20 + b" " + B20 + b") (xy " + C20 + b" " + D20 + b") tail)\n")
L80 = b"9" * 80
out("print_xy_long_atoms", b"(pts (xy " + L80 + b" " + L80 + b"))",
    b"(pts\n\t(xy " + L80 + b" " + L80 + b")\n)\n")
# A child list inside an XY list: it is not XY, so it goes on its own line and clears inXY; the
# XY list then closes on its own line, and the next XY list starts a new line.
out("print_xy_with_child_list", b"(pts (xy 1 (z)) (xy 2 3))",
    b"(pts\n\t(xy 1\n\t\t(z)\n\t)\n\t(xy 2 3)\n)\n")
# The real shape: polyline > pts > xy at depth 3 (three tabs, column 3 before the first item).
# Items of 20: columns 23, 44, 65, 86 < 99, so five items per line.
out("print_xy_polyline", b"(symbol (polyline (pts " + b" ".join([XY20] * 6) + b") (stroke (width 0))))",
    b"(symbol\n\t(polyline\n\t\t(pts\n\t\t\t" + b" ".join([XY20] * 5) + b"\n\t\t\t" + XY20
    + b"\n\t\t)\n\t\t(stroke\n\t\t\t(width 0)\n\t\t)\n\t)\n)\n")

# Errors. Positions are LINE:COLUMN, columns count characters (bytes that are not 0x80..0xBF).
err("err_empty", b"", "1:1: " + no_root("end of input"))
# Whitespace-only: the end is offset 6, after two LFs, one byte after the last LF.
err("err_whitespace_only", b" \n\t\r\n ", "3:2: " + no_root("end of input"))
err("err_symbol_first", b"abc (a)", "1:1: " + no_root("a symbol"))
err("err_string_first", b'  "x" (a)', "1:3: " + no_root("a string"))
err("err_close_first", b"\n)", "2:1: " + no_root("')'"))
# The structure check looks at the token's first byte: an unterminated or malformed string that
# is not allowed there at all is reported as a misplaced string, the earliest error.
err("err_unterminated_string_first", b'"abc', "1:1: " + no_root("a string"))
# A UTF-8 byte order mark is not whitespace: it starts a symbol.
err("err_bom", b"\xef\xbb\xbf(a)", "1:1: " + no_root("a symbol"))
err("err_unclosed_root", b"(a b", "1:5: " + unclosed("1:1"))
err("err_unclosed_after_children", b"(a (b) (c)", "1:11: " + unclosed("1:1"))
err("err_unclosed_depth3", b"(a\n\t(b\n\t\t(c d)\n\t\t(e\n", "5:1: " + unclosed("4:3"))
err("err_unclosed_depth2_utf8", "(a\n\t(é ü".encode(), "2:6: " + unclosed("2:2"))
err("err_extra_close", b"(a))", "1:4: " + after_root("1:3", "')'"))
err("err_extra_list", b"(a) (b)", "1:5: " + after_root("1:3", "'('"))
err("err_extra_symbol", b"(a)\nb", "2:1: " + after_root("1:3", "a symbol"))
err("err_extra_string", b'(a) "s"', "1:5: " + after_root("1:3", "a string"))
err("err_extra_bad_string", b'(a) "\\q"', "1:5: " + after_root("1:3", "a string"))
err("err_extra_unterminated_string", b'(a)\n\n   "abc', "3:4: " + after_root("1:3", "a string"))
err("err_extra_after_utf8", "(é € 😀))".encode(), "1:8: " + after_root("1:7", "')'"))
err("err_extra_tabs_count_one", b"\t\t(a) b", "1:7: " + after_root("1:5", "a symbol"))
err("err_extra_crlf", b"(a\r\n\tb\r\n)\r\n)", "4:1: " + after_root("3:1", "')'"))
err("err_bad_escape", b'(a "x\\qy")', "1:6: " + bad_escape("q"))
err("err_bad_escape_line2_utf8", '(a\n  "ü\\q")'.encode(), "2:5: " + bad_escape("q"))
err("err_bad_escape_x_without_hex", b'(a "\\xg")', "1:5: " + bad_escape("x"))
err("err_bad_escape_digit_8", b'(a "\\8")', "1:5: " + bad_escape("8"))
err("err_bad_escape_utf8_char", '(a "\\é")'.encode(), "1:5: " + bad_escape("é"))
err("err_bad_escape_space", b'(a "\\ ")', "1:5: " + bad_escape(" "))
err("err_bad_escape_capital_n", b'(a "ok\\n\\N")', "1:9: " + bad_escape("N"))
err("err_unterminated_string", b'(a "abc)\n', "1:4: " + UNTERMINATED)
err("err_unterminated_string_escaped_quote", b'(a (b "x\\"))', "1:7: " + UNTERMINATED)
err("err_unterminated_string_backslash_at_end", b'(a "abc\\', "1:4: " + UNTERMINATED)
err("err_unterminated_string_multiline", b'(a\n\t"x\ny\n', "2:2: " + UNTERMINATED)

err("err_nul_symbol", b"(a \x00)", "1:4: " + NUL)
err("err_nul_in_string", b'(a "x\x00y")', "1:6: " + NUL)
err("err_nul_after_syntax_error", b")(\x00", "1:3: " + NUL)
err("err_nul_before_invalid_utf8", b"(a \x00 \xff)", "1:4: " + NUL)
err("err_invalid_utf8_before_nul", b"(a \xff \x00)", "1:4: " + utf8(0xFF))
err("err_utf8_after_syntax_error", b") \xff", "1:3: " + utf8(0xFF))
err("err_utf8_stray_continuation", b"(a \x80)", "1:4: " + utf8(0x80))
err("err_utf8_continuation_after_char", "(a é".encode() + b"\xa9)", "1:5: " + utf8(0xA9))
err("err_utf8_overlong_2", b"(a \xc0\xaf)", "1:4: " + utf8(0xC0))
err("err_utf8_overlong_2_c1", b"(a \xc1\xbf)", "1:4: " + utf8(0xC1))
err("err_utf8_overlong_3", b"(a \xe0\x80\xaf)", "1:4: " + utf8(0xE0))
err("err_utf8_overlong_4", b"(a \xf0\x80\x80\xaf)", "1:4: " + utf8(0xF0))
err("err_utf8_surrogate_high", b'(a "\xed\xa0\x80")', "1:5: " + utf8(0xED))
err("err_utf8_surrogate_low", b"(a \xed\xbf\xbf)", "1:4: " + utf8(0xED))
err("err_utf8_above_10ffff", b"(a \xf4\x90\x80\x80)", "1:4: " + utf8(0xF4))
err("err_utf8_f5", b"(a \xf5\x80\x80\x80)", "1:4: " + utf8(0xF5))
err("err_utf8_ff", b"(a \xfe)", "1:4: " + utf8(0xFE))
err("err_utf8_truncated_at_end", b'(a "\xe2\x82', "1:5: " + utf8(0xE2))
err("err_utf8_truncated_before_ascii", b"(a \xe2\x82)", "1:4: " + utf8(0xE2))
err("err_utf8_truncated_4_byte", b"(a \xf0\x9f\x98 b)", "1:4: " + utf8(0xF0))
err("err_utf8_line2_after_multibyte", '(a\n"é'.encode() + b'\xfe")', "2:3: " + utf8(0xFE))
# Valid maximal sequences right before the invalid byte: U+10FFFF and U+FFFF are fine.
err("err_utf8_after_max_code_points", b"(a \xf4\x8f\xbf\xbf \xef\xbf\xbf \xc2)", "1:8: " + utf8(0xC2))

# Depth: the root is depth 1; the `(` that would open depth 1001 is offset 1000, column 1001.
err("err_nesting_1001", b"(" * 1001 + b")" * 1001, "1:1001: " + NESTED)
# 1000 deep is accepted: the root closes at offset 1999 (column 2000) and the extra symbol is
# at offset 2001.
err("err_nesting_1000_accepted", b"(" * 1000 + b")" * 1000 + b" x", "1:2002: " + after_root("1:2000", "a symbol"))
err("err_nesting_1000_unclosed", b"(" * 1000, "1:1001: " + unclosed("1:1000"))
err("err_nesting_100000", b"(" * 100000, "1:1001: " + NESTED)
err("err_nesting_100000_lines", b"(\n" * 100000, "1001:1: " + NESTED)
# Encoding errors win wherever they are, even behind 100,000 open lists.
err("err_nesting_100000_then_invalid_utf8", b"(" * 100000 + b"\xff", "1:100001: " + utf8(0xFF))


def main():
    for old in HERE.glob("*"):
        if old.suffix in (".in", ".out", ".err", ".nodes") and not old.name.startswith("kicad_"):
            old.unlink()
    for name, (data, (kind, expected), nodes) in sorted(VECTORS.items()):
        (HERE / f"{name}.in").write_bytes(data)
        (HERE / f"{name}.{kind}").write_bytes(expected)
        if nodes is not None:
            (HERE / f"{name}.nodes").write_text("".join(" ".join(map(str, n)) + "\n" for n in nodes))
    print(f"{len(VECTORS)} vectors")


if __name__ == "__main__":
    main()
