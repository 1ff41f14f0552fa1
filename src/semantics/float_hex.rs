//! `float.hex()` and `float.fromhex()` exactly as CPython 3.11's
//! `float_hex` / `float_fromhex`: 13 hex digits after the point, exponent
//! in decimal; parsing rounds half-to-even to the nearest double,
//! subnormals included.

use super::{PyExcSpec, PyResult};
use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

/// `x.hex()`.
pub fn to_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::float_fmt::float_repr(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .to_string();
    }
    // frexp: |x| = m * 2**e with 0.5 <= m < 1.
    let (mut m, mut e) = frexp(x.abs());
    let shift = 1 - (-1021 - e).max(0);
    m *= 2f64.powi(shift);
    e -= shift;
    let digit = |d: f64| char::from_digit(d as u32, 16).unwrap_or('0');
    let mut s = String::new();
    s.push(digit(m));
    m -= m.trunc();
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        s.push(digit(m));
        m -= m.trunc();
    }
    let (esign, e) = if e < 0 { ('-', -e) } else { ('+', e) };
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}0x{s}p{esign}{e}")
}

fn frexp(v: f64) -> (f64, i32) {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `m * 2**n` for an exactly representable result.
fn scale(mut x: f64, mut n: i64) -> f64 {
    while n > 1000 {
        x *= 2f64.powi(1000);
        n -= 1000;
    }
    while n < -1000 {
        x *= 2f64.powi(-1000);
        n += 1000;
    }
    x * 2f64.powi(n as i32)
}

/// `float.fromhex(s)`.
pub fn from_hex(text: &str) -> PyResult<f64> {
    let invalid = || PyExcSpec::value_error("invalid hexadecimal floating-point string");
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(if negative { -f64::NAN } else { f64::NAN });
    }
    let b = lower.as_bytes();
    let mut i = if lower.starts_with("0x") { 2 } else { 0 };
    let mut mant = BigUint::zero();
    let mut exp: i64 = 0;
    let mut ndigits = 0;
    while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(16)) {
        mant = mant * 16u32 + d;
        ndigits += 1;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(16)) {
            mant = mant * 16u32 + d;
            exp -= 4;
            ndigits += 1;
            i += 1;
        }
    }
    if ndigits == 0 {
        return Err(invalid());
    }
    if b.get(i) == Some(&b'p') {
        i += 1;
        let start = i;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let digits_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == digits_start {
            return Err(invalid());
        }
        // Huge exponents saturate: the result is 0 or an overflow either way.
        let e: i64 = lower[start..i].parse().unwrap_or(if b[start] == b'-' {
            -1_000_000
        } else {
            1_000_000
        });
        exp += e.clamp(-1_000_000, 1_000_000);
    }
    if i != b.len() {
        return Err(invalid());
    }
    let sign = |v: f64| if negative { -v } else { v };
    if mant.is_zero() {
        return Ok(sign(0.0));
    }
    let top = mant.bits() as i64 + exp;
    let lsb = (top - 53).max(-1074);
    let shift = lsb - exp;
    let mut m = if shift > 0 {
        let shift = shift as u64;
        let kept = &mant >> shift;
        let rem = &mant - (&kept << shift);
        let half = BigUint::from(1u8) << (shift - 1);
        if rem > half || rem == half && kept.bit(0) {
            kept + 1u8
        } else {
            kept
        }
    } else {
        mant << ((-shift) as u64)
    };
    let mut lsb = lsb;
    if m.bits() > 53 {
        m >>= 1u8;
        lsb += 1;
    }
    if lsb + m.bits() as i64 > 1024 {
        return Err(PyExcSpec::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    let m = m.to_f64().unwrap_or(0.0);
    Ok(sign(scale(m, lsb)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        assert_eq!(to_hex(3.5), "0x1.c000000000000p+1");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(from_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(from_hex("0x0.0000000000001p-1022"), Ok(5e-324));
        assert_eq!(from_hex(" -0X1P-1 "), Ok(-0.5));
        assert!(from_hex("0x1p2000").is_err());
        assert!(from_hex("0x").is_err());
    }
}
