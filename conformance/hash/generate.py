#!/usr/bin/env python3
"""Writes the hash vectors: inputs of sizes that exercise every XXH64 code path (under 32 bytes,
whole 32-byte stripes, and 8-, 4- and 1-byte tails) and hashes.txt, `NAME SIZE XXH64HEX`.

XXH64 is written out here from its specification so the expected hashes do not come from either
engine. Run from this folder: `python3 generate.py`.
"""
from pathlib import Path

M = (1 << 64) - 1
P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                      0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5)


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M


def rnd(acc, lane):
    return (rotl((acc + lane * P2) & M, 31) * P1) & M


def merge(acc, v):
    return ((acc ^ rnd(0, v)) * P1 + P4) & M


def xxh64(data, seed=0):
    n, i = len(data), 0
    u64 = lambda k: int.from_bytes(data[k:k + 8], "little")
    u32 = lambda k: int.from_bytes(data[k:k + 4], "little")
    if n >= 32:
        v = [(seed + P1 + P2) & M, (seed + P2) & M, seed, (seed - P1) & M]
        while i + 32 <= n:
            v = [rnd(v[j], u64(i + 8 * j)) for j in range(4)]
            i += 32
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & M
        for x in v:
            h = merge(h, x)
    else:
        h = (seed + P5) & M
    h = (h + n) & M
    while i + 8 <= n:
        h = (rotl(h ^ rnd(0, u64(i)), 27) * P1 + P4) & M
        i += 8
    if i + 4 <= n:
        h = (rotl(h ^ (u32(i) * P1 & M), 23) * P2 + P3) & M
        i += 4
    while i < n:
        h = (rotl(h ^ (data[i] * P5 & M), 11) * P1) & M
        i += 1
    h ^= h >> 33
    h = h * P2 & M
    h ^= h >> 29
    h = h * P3 & M
    return h ^ (h >> 32)


def pattern(n):
    """Deterministic bytes without a library: a 32-bit LCG's high bytes."""
    x, out = 1, bytearray()
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        out.append(x >> 24)
    return bytes(out)


INPUTS = {
    "empty": b"",
    "one_byte": b"a",
    "abc": b"abc",
    "four": b"abcd",
    "eight": b"abcdefgh",
    "thirty_one": pattern(31),
    "thirty_two": pattern(32),
    "thirty_three": pattern(33),
    "tails_8_4_1": pattern(32 + 8 + 4 + 3),
    "all_bytes": bytes(range(256)),
    "kicad_text": b'(kicad_symbol_lib\n\t(version 20241209)\n\t(generator "kicad_symbol_editor")\n)\n',
    "pattern_65543": pattern(65543),
}

if __name__ == "__main__":
    assert xxh64(b"") == 0xEF46DB3751D8E999  # the published XXH64 of the empty input
    here = Path(__file__).parent
    lines = []
    for name, data in sorted(INPUTS.items()):
        (here / f"{name}.bin").write_bytes(data)
        lines.append(f"{name} {len(data)} {xxh64(data):016x}\n")
    (here / "hashes.txt").write_text("".join(lines))
