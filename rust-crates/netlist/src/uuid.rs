//! Name-based UUIDs (version 5, RFC 9562) for sheets and placed symbol units (specification
//! section 3.3): the same circuit always gets the same UUIDs, and the schematic writer derives
//! the same ones.

use crate::strnum::decimal;

/// The URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
const URL_NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// The version 5 UUID of `name` in the URL namespace, lower-case hex with dashes.
pub fn uuid_v5(name: &str) -> String {
    uuid_v5_of(&[name.as_bytes()])
}

/// The version 5 UUID of the name made of `pieces`, so callers need not build the name.
fn uuid_v5_of(pieces: &[&[u8]]) -> String {
    let mut sha = Sha1::new();
    sha.update(&URL_NAMESPACE);
    for piece in pieces {
        sha.update(piece);
    }
    let digest = sha.finish();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = [b'-'; 36];
    let mut at = 0;
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            at += 1;
        }
        text[at] = HEX[usize::from(b >> 4)];
        text[at + 1] = HEX[usize::from(b & 15)];
        at += 2;
    }
    std::str::from_utf8(&text)
        .expect("hex digits and dashes")
        .to_string()
}

/// The UUID of the sheet instance at `path` (`/`, `/ch1/`).
pub fn sheet_uuid(path: &str) -> String {
    uuid_v5_of(&[b"circuitsynth:sheet:", path.as_bytes()])
}

/// The UUID of unit `unit` of component `id` placed in the sheet instance at `path`.
pub fn symbol_uuid(path: &str, id: &str, unit: u32) -> String {
    let (digits, at) = decimal(u64::from(unit));
    uuid_v5_of(&[
        b"circuitsynth:symbol:",
        path.as_bytes(),
        b":",
        id.as_bytes(),
        b":",
        &digits[at..],
    ])
}

/// SHA-1 (FIPS 180-4), enough for UUID names: short inputs, no streaming API beyond `update`.
/// Kept here rather than as a dependency; the tests pin it to the standard's vectors.
struct Sha1 {
    state: [u32; 5],
    block: [u8; 64],
    filled: usize,
    length: u64,
}

impl Sha1 {
    fn new() -> Self {
        Sha1 {
            state: [
                0x6745_2301,
                0xEFCD_AB89,
                0x98BA_DCFE,
                0x1032_5476,
                0xC3D2_E1F0,
            ],
            block: [0; 64],
            filled: 0,
            length: 0,
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.length = self.length.wrapping_add(data.len() as u64);
        while !data.is_empty() {
            let take = (64 - self.filled).min(data.len());
            self.block[self.filled..self.filled + take].copy_from_slice(&data[..take]);
            self.filled += take;
            data = &data[take..];
            if self.filled == 64 {
                let block = self.block;
                self.compress(&block);
                self.filled = 0;
            }
        }
    }

    fn finish(mut self) -> [u8; 20] {
        let bits = self.length.wrapping_mul(8);
        self.block[self.filled] = 0x80;
        self.block[self.filled + 1..].fill(0);
        if self.filled >= 56 {
            let block = self.block;
            self.compress(&block);
            self.block = [0; 64];
        }
        // The length must not count the padding, so it goes in directly.
        self.block[56..].copy_from_slice(&bits.to_be_bytes());
        let block = self.block;
        self.compress(&block);
        let mut out = [0u8; 20];
        for (chunk, word) in out.chunks_exact_mut(4).zip(self.state) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    fn compress(&mut self, block: &[u8; 64]) {
        #[cfg(target_arch = "x86_64")]
        if sha_ni::available() {
            // SAFETY: the CPU has the SHA extensions and SSE4.1, checked just above.
            unsafe { sha_ni::compress(&mut self.state, block) };
            return;
        }
        compress_portable(&mut self.state, block);
    }
}

fn compress_portable(state: &mut [u32; 5], block: &[u8; 64]) {
    // The message schedule kept as a 16-word ring instead of all 80 words.
    let mut w = [0u32; 16];
    for (i, chunk) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    let [mut a, mut b, mut c, mut d, mut e] = *state;
    for i in 0..80 {
        if i >= 16 {
            w[i & 15] =
                (w[(i + 13) & 15] ^ w[(i + 8) & 15] ^ w[(i + 2) & 15] ^ w[i & 15]).rotate_left(1);
        }
        let (f, k) = match i {
            0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
            20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
            40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
            _ => (b ^ c ^ d, 0xCA62_C1D6),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(w[i & 15]);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = t;
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e]) {
        *s = s.wrapping_add(v);
    }
}

/// One block on the SHA extensions (Intel SHA-NI, also on AMD since Zen): a name-based UUID is
/// a single block, and the portable rounds were a third of finalize's time.
#[cfg(target_arch = "x86_64")]
mod sha_ni {
    use std::arch::x86_64::*;
    use std::sync::atomic::{AtomicU8, Ordering};

    /// 0 unknown, 1 absent, 2 present: the feature test once, not per block.
    static DETECTED: AtomicU8 = AtomicU8::new(0);

    pub fn available() -> bool {
        match DETECTED.load(Ordering::Relaxed) {
            0 => {
                let present = std::arch::is_x86_feature_detected!("sha")
                    && std::arch::is_x86_feature_detected!("sse4.1")
                    && std::arch::is_x86_feature_detected!("ssse3");
                DETECTED.store(if present { 2 } else { 1 }, Ordering::Relaxed);
                present
            }
            v => v == 2,
        }
    }

    /// Four rounds with the round function of group `group` (0..4, 20 rounds each).
    #[inline(always)]
    unsafe fn rounds(abcd: __m128i, e: __m128i, group: usize) -> __m128i {
        match group {
            0 => _mm_sha1rnds4_epu32::<0>(abcd, e),
            1 => _mm_sha1rnds4_epu32::<1>(abcd, e),
            2 => _mm_sha1rnds4_epu32::<2>(abcd, e),
            _ => _mm_sha1rnds4_epu32::<3>(abcd, e),
        }
    }

    /// # Safety
    /// The CPU must support SHA, SSSE3 and SSE4.1 ([`available`]).
    #[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
    pub unsafe fn compress(state: &mut [u32; 5], block: &[u8; 64]) {
        // Words are big-endian and the instructions want word 0 in the top lane.
        let reverse = _mm_set_epi64x(0x0001_0203_0405_0607, 0x0809_0a0b_0c0d_0e0f);
        let start_abcd = _mm_shuffle_epi32::<0x1B>(_mm_loadu_si128(state.as_ptr().cast()));
        let start_e = _mm_set_epi32(state[4] as i32, 0, 0, 0);
        let mut w = [_mm_setzero_si128(); 4];
        for (i, word) in w.iter_mut().enumerate() {
            let chunk = _mm_loadu_si128(block.as_ptr().add(16 * i).cast());
            *word = _mm_shuffle_epi8(chunk, reverse);
        }
        let mut abcd = start_abcd;
        let mut previous = start_abcd;
        for quad in 0..20 {
            if quad >= 4 {
                // W[t..t+4] from W[t-16..t]: msg1 and the xor give the first three terms,
                // msg2 the rotate and the dependency on the words of this same quad.
                let mixed = _mm_xor_si128(
                    _mm_sha1msg1_epu32(w[quad & 3], w[(quad + 1) & 3]),
                    w[(quad + 2) & 3],
                );
                w[quad & 3] = _mm_sha1msg2_epu32(mixed, w[(quad + 3) & 3]);
            }
            let e = if quad == 0 {
                _mm_add_epi32(start_e, w[0])
            } else {
                _mm_sha1nexte_epu32(previous, w[quad & 3])
            };
            previous = abcd;
            abcd = rounds(abcd, e, quad / 5);
        }
        let e = _mm_sha1nexte_epu32(previous, start_e);
        abcd = _mm_add_epi32(abcd, start_abcd);
        _mm_storeu_si128(state.as_mut_ptr().cast(), _mm_shuffle_epi32::<0x1B>(abcd));
        state[4] = _mm_extract_epi32::<3>(e) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha1_hex(data: &[u8]) -> String {
        let mut s = Sha1::new();
        s.update(data);
        s.finish().iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_matches_the_standard_vectors() {
        assert_eq!(sha1_hex(b""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(sha1_hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(
            sha1_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        assert_eq!(
            sha1_hex(&vec![b'a'; 1_000_000]),
            "34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        );
    }

    #[test]
    fn sha1_is_the_same_fed_in_pieces() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7) as u8).collect();
        let whole = sha1_hex(&data);
        for split in [0, 1, 55, 56, 63, 64, 65, 128, 299] {
            let mut s = Sha1::new();
            s.update(&data[..split]);
            s.update(&data[split..]);
            let hex: String = s.finish().iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(hex, whole, "split at {split}");
        }
    }

    #[test]
    fn the_accelerated_rounds_match_the_portable_ones() {
        let mut seed = 0x9E37_79B9_u32;
        for round in 0..2000u32 {
            let mut block = [0u8; 64];
            for b in &mut block {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                *b = seed as u8;
            }
            let start = [seed, seed.rotate_left(7), !seed, round, seed ^ round];
            let mut portable = start;
            compress_portable(&mut portable, &block);
            let mut dispatched = start;
            let mut sha = Sha1::new();
            sha.state = dispatched;
            sha.compress(&block);
            dispatched = sha.state;
            assert_eq!(dispatched, portable, "block {round}");
        }
    }

    #[test]
    fn uuid_v5_matches_known_values() {
        // Values from Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
        assert_eq!(
            uuid_v5("http://www.example.com"),
            "2d32a3f1-fac2-52a6-ac52-fe9e87e628ea"
        );
        assert_eq!(
            symbol_uuid("/ch1/", "R_fb", 2),
            "c6393a02-de33-5323-91a1-81c6204e3e7c"
        );
        assert_eq!(sheet_uuid("/"), "6cabe245-00af-5f89-ae87-68d1e80c5f2f");
    }
}
