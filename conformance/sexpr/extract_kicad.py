#!/usr/bin/env python3
"""Cuts the kicad_* vectors out of real KiCad 9 files (run once, with KiCad installed).

Each vector keeps the file's root list and a handful of its top-level children, byte for byte as
KiCad wrote them, so the printer must reproduce them exactly. Run from this folder:
`python3 extract_kicad.py /usr/share/kicad`.
"""
import sys
from pathlib import Path


def top_children(data):
    """Byte ranges of the root's child lists, found by counting parentheses outside strings."""
    out, depth, i, start = [], 0, 0, None
    while i < len(data):
        c = data[i]
        if c == 0x22:
            i += 1
            while data[i] != 0x22:
                i += 2 if data[i] == 0x5C else 1
        elif c == 0x28:
            depth += 1
            if depth == 2:
                start = i
        elif c == 0x29:
            if depth == 2:
                out.append((start, i + 1))
            depth -= 1
        i += 1
    return out


def cut(path, counts, trim=None):
    """Root line plus the `counts[kind]` smallest children of each kind (default 1), in file order."""
    data = Path(path).read_bytes()
    root_line = data[: data.index(b"\n")]
    parts = [root_line]
    children = [(s, e, data[s + 1 : s + 60].split()[0].rstrip(b")")) for s, e in top_children(data)]
    chosen = set()
    for kind in {k for _, _, k in children}:
        same = sorted((e - s, s) for s, e, k in children if k == kind)
        chosen.update(s for _, s in same[: counts.get(kind, 1)])
    for s, e, kind in children:
        if s in chosen:
            child = data[s:e]
            if trim:
                child = trim(kind, child)
            parts.append(b"\t" + child)
    return b"\n".join(parts) + b"\n)\n"


def trim_image(kind, child):
    """Keeps the first six base64 lines of an embedded image; the layout of the rest is the same."""
    if kind != b"image":
        return child
    lines = child.split(b"\n")
    first = next(i for i, l in enumerate(lines) if l.lstrip().startswith(b"(data"))
    return b"\n".join(lines[: first + 6] + [b"\t\t)", b"\t)"])


def main(root):
    root = Path(root)
    out = Path(__file__).parent
    sym = root / "symbols/Device.kicad_sym"
    data = sym.read_bytes()
    start = data.index(b'\n\t(symbol "R"\n') + 1
    end = data.index(b"\n\t)\n", start) + 3
    header_end = data.index(b"\n\t(symbol ")
    (out / "kicad_sym_device_r.in").write_bytes(data[:header_end] + b"\n" + data[start:end] + b"\n)\n")

    small_pcb = {b"net": 3, b"footprint": 1, b"segment": 2, b"via": 1, b"arc": 1, b"zone": 1,
                 b"gr_poly": 1, b"gr_line": 1, b"gr_arc": 1, b"gr_text": 1}
    (out / "kicad_pcb_stickhub.in").write_bytes(cut(
        root / "demos/stickhub/StickHub.kicad_pcb",
        small_pcb))

    small_sch = {b"lib_symbols": 0, b"symbol": 1, b"wire": 2, b"label": 2, b"junction": 1,
                 b"no_connect": 1, b"bus": 1, b"bus_entry": 1}
    (out / "kicad_sch_interf_u.in").write_bytes(cut(
        root / "demos/interf_u/interf_u.kicad_sch",
        small_sch, trim_image))

    (out / "kicad_sch_flat_hierarchy.in").write_bytes(
        (root / "demos/flat_hierarchy/flat_hierarchy.kicad_sch").read_bytes())
    (out / "kicad_mod_plain_hole.in").write_bytes(
        (root / "demos/stickhub/footprints.pretty/Plain_Hole_3mm.kicad_mod").read_bytes())
    (out / "kicad_mod_custom_pad.in").write_bytes(
        (root / "demos/custom_pads_test/custom_pads_test.pretty/1pin.kicad_mod").read_bytes())
    for p in out.glob("kicad_*.in"):
        p.with_suffix(".out").write_bytes(p.read_bytes())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/kicad")
