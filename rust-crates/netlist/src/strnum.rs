//! KiCad's `StrNumCmp` (specification section 3.2): digit runs compare as numbers, so `D9`
//! sorts before `D10`.

use std::cmp::Ordering;

/// The number of decimal digits of `n`.
pub(crate) fn decimal_len(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Writes `n` in decimal into `out`, exactly [`decimal_len`]`(n)` bytes, without the formatting
/// machinery (a reference and a UUID are made per component).
pub(crate) fn write_decimal(out: &mut [u8], mut n: u64) {
    for d in out.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// `n` in decimal ASCII digits: `digits[at..]` of `(digits, at)`.
pub(crate) fn decimal(n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let at = digits.len() - decimal_len(n);
    write_decimal(&mut digits[at..], n);
    (digits, at)
}

/// Compares `a` and `b` the way KiCad's `StrNumCmp` does: by code point, except that two digit
/// runs met at the same time compare as (32-bit, wrapping) numbers. `ignore_case` upper-cases
/// ASCII letters before comparing; other characters compare as they are.
pub fn str_num_cmp(a: &str, b: &str, ignore_case: bool) -> Ordering {
    let a = a.as_bytes();
    let b = b.as_bytes();
    // Sorted names share long prefixes (`/ch12/`, `Net-(R12`): skip the identical bytes at once,
    // backing up to the start of a digit run the difference falls in, which must be read whole.
    let mut same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while same > 0 && a[same - 1].is_ascii_digit() {
        same -= 1;
    }
    let (mut i, mut j) = (same, same);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let (x, next_i) = digit_run(a, i);
            let (y, next_j) = digit_run(b, j);
            match x.cmp(&y) {
                Ordering::Equal => {
                    i = next_i;
                    j = next_j;
                }
                unequal => return unequal,
            }
            continue;
        }
        // UTF-8 byte order is code point order, so multi-byte characters compare byte by byte
        // with the same result as comparing whole code points.
        let (x, y) = if ignore_case {
            (a[i].to_ascii_uppercase(), b[j].to_ascii_uppercase())
        } else {
            (a[i], b[j])
        };
        match x.cmp(&y) {
            Ordering::Equal => {
                i += 1;
                j += 1;
            }
            unequal => return unequal,
        }
    }
    (a.len() - i).min(1).cmp(&(b.len() - j).min(1))
}

/// The value of the digit run starting at `start` (wrapping like KiCad's `int`) and where it ends.
fn digit_run(s: &[u8], start: usize) -> (u32, usize) {
    let mut value: u32 = 0;
    let mut k = start;
    while k < s.len() && s[k].is_ascii_digit() {
        value = value.wrapping_mul(10).wrapping_add(u32::from(s[k] - b'0'));
        k += 1;
    }
    (value, k)
}

/// `str_num_cmp`, ties broken by plain code-point order, so sorting is total.
pub fn str_num_cmp_total(a: &str, b: &str, ignore_case: bool) -> Ordering {
    str_num_cmp(a, b, ignore_case).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(str_num_cmp("D9", "D10", false), Less);
        assert_eq!(str_num_cmp("R201", "R3", false), Greater);
        assert_eq!(str_num_cmp("R01", "R1", false), Equal);
        assert_eq!(str_num_cmp("R1", "R1A", false), Less);
        assert_eq!(str_num_cmp("", "A", false), Less);
        assert_eq!(str_num_cmp("A", "", false), Greater);
        assert_eq!(str_num_cmp("A1B2", "A1B10", false), Less);
    }

    #[test]
    fn case_is_ignored_for_ascii_only_when_asked() {
        assert_eq!(str_num_cmp("r1", "R1", true), Equal);
        assert_eq!(str_num_cmp("r1", "R1", false), Greater);
        assert_eq!(str_num_cmp("é", "É", true), Greater);
        // '_' (0x5F) sorts after upper-case letters but before lower-case ones.
        assert_eq!(str_num_cmp("a", "_", false), Greater);
        assert_eq!(str_num_cmp("a", "_", true), Less);
    }

    #[test]
    fn net_names_sort_as_kicad_sorts_them() {
        let mut names = vec![
            "unconnected-(U1-Pad1)",
            "VCC",
            "Net-(D1-K)",
            "GND",
            "/ampli",
            "/12Vext",
            "-VAA",
            "+12V",
        ];
        names.sort_by(|a, b| str_num_cmp_total(a, b, false));
        assert_eq!(
            names,
            [
                "+12V",
                "-VAA",
                "/12Vext",
                "/ampli",
                "GND",
                "Net-(D1-K)",
                "VCC",
                "unconnected-(U1-Pad1)"
            ]
        );
    }

    #[test]
    fn digit_runs_wrap_at_32_bits() {
        // 4294967296 wraps to 0.
        assert_eq!(str_num_cmp("R4294967296", "R0", false), Equal);
        assert_eq!(str_num_cmp("R4294967297", "R2", false), Less);
    }
}
