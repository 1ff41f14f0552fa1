//! Python `int` arithmetic on `BigInt`: floor division and modulo with the
//! divisor's sign, `**` and three-argument `pow`, shifts, correctly rounded
//! true division and int→float conversion, `int(str, base)` parsing,
//! `str`/`bin`/`oct`/`hex`, `bit_length` and `to_bytes`/`from_bytes`, all with
//! CPython 3.11's exceptions and messages (including the 4300-digit limit on
//! decimal conversions).

use super::{ExcKind, PyExcSpec, PyResult, float_ops, str_ops};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The result of an operation that yields an `int` or a `float` depending on
/// its operands (`int ** int` with a negative exponent is a float).
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(BigInt),
    Float(f64),
}

/// CPython's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

fn zero_div(msg: &str) -> PyExcSpec {
    PyExcSpec::zero_div(msg)
}

/// `a // b`.
pub fn floordiv(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_floor(b))
}

/// `a % b` (result has the sign of `b`).
pub fn modulo(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if b.is_zero() {
        return Err(zero_div("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn divmod(a: &BigInt, b: &BigInt) -> PyResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}

/// `float(a)`: correctly rounded, OverflowError when out of range.
pub fn to_f64(a: &BigInt) -> PyResult<f64> {
    match a.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyExcSpec::overflow("int too large to convert to float")),
    }
}

fn ldexp(m: f64, mut e: i64) -> f64 {
    let mut x = m;
    while e > 600 {
        x *= 2f64.powi(600);
        e -= 600;
    }
    while e < -600 {
        x *= 2f64.powi(-600);
        e += 600;
    }
    x * 2f64.powi(e as i32)
}

/// The correctly rounded (half-even) value of `num / den` for `den != 0`, or
/// `None` when it overflows a float. Zero results carry the XOR of the signs.
pub fn ratio_to_f64(num: &BigInt, den: &BigInt) -> Option<f64> {
    let negate = num.is_negative() != den.is_negative();
    let n = num.magnitude();
    let d = den.magnitude();
    let signed = |x: f64| if negate { -x } else { x };
    if n.is_zero() {
        return Some(signed(0.0));
    }
    // q2 = floor(n * 2^s / d) with 56..57 bits, plus a sticky bit.
    let e = n.bits() as i64 - d.bits() as i64;
    let s = 55 - e;
    let (q, r) = if s >= 0 {
        (n << s as u64).div_rem(d)
    } else {
        n.div_rem(&(d << (-s) as u64))
    };
    let q2: u64 = ((q << 1u8).to_u64().unwrap()) | u64::from(!r.is_zero());
    let s2 = s + 1;
    let qbits = 64 - i64::from(q2.leading_zeros());
    let top = qbits - 1 - s2; // value in [2^top, 2^(top+1))
    if top > 1023 {
        return None;
    }
    let keep = if top < -1022 { 53 + top + 1022 } else { 53 };
    if keep < 0 {
        return Some(signed(0.0));
    }
    let drop = qbits - keep;
    let (mut mant, rem, half) = if drop > 0 {
        (q2 >> drop, q2 & ((1u64 << drop) - 1), 1u64 << (drop - 1))
    } else {
        (q2, 0, 1)
    };
    if drop > 0 && (rem > half || (rem == half && mant & 1 == 1)) {
        mant += 1;
    }
    let v = ldexp(mant as f64, drop.max(0) - s2);
    if v.is_infinite() {
        None
    } else {
        Some(signed(v))
    }
}

/// `a / b` for ints: a correctly rounded float.
pub fn true_div(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_div("division by zero"));
    }
    const LIM: u64 = 1 << 53;
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
        && x.unsigned_abs() <= LIM
        && y.unsigned_abs() <= LIM
    {
        return Ok(x as f64 / y as f64);
    }
    ratio_to_f64(a, b)
        .ok_or_else(|| PyExcSpec::overflow("integer division result too large for a float"))
}

/// `a ** b` (two-argument form): an int for `b >= 0`, else `float(a) ** float(b)`.
pub fn pow(a: &BigInt, b: &BigInt) -> PyResult<Number> {
    if b.is_negative() {
        let fa = to_f64(a)?;
        let fb = to_f64(b)?;
        return float_ops::float_pow(fa, fb).map(Number::Float);
    }
    if a.is_zero() || a.is_one() {
        return Ok(Number::Int(if b.is_zero() {
            BigInt::one()
        } else {
            a.clone()
        }));
    }
    if *a == BigInt::from(-1) {
        return Ok(Number::Int(if b.is_even() {
            BigInt::one()
        } else {
            a.clone()
        }));
    }
    match b.to_u32() {
        Some(e) if (a.bits() as u128) * (e as u128) < (1u128 << 36) => {
            Ok(Number::Int(num_traits::pow(a.clone(), e as usize)))
        }
        _ => Err(PyExcSpec::new(ExcKind::MemoryError, "")),
    }
}

/// Modular inverse of `a` modulo `m > 0`, if it exists.
fn invmod(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut r0, mut r1) = (a.mod_floor(m), m.clone());
    let (mut s0, mut s1) = (BigInt::one(), BigInt::zero());
    while !r1.is_zero() {
        let q = r0.div_floor(&r1);
        let r2 = &r0 - &q * &r1;
        r0 = std::mem::replace(&mut r1, r2);
        let s2 = &s0 - &q * &s1;
        s0 = std::mem::replace(&mut s1, s2);
    }
    r0.is_one().then(|| s0.mod_floor(m))
}

/// `pow(a, b, m)` including negative exponents (modular inverse).
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    if m.is_zero() {
        return Err(PyExcSpec::value_error("pow() 3rd argument cannot be 0"));
    }
    let negative_output = m.is_negative();
    let m = m.abs();
    let (base, exp) = if b.is_negative() {
        let inv = invmod(a, &m).ok_or_else(|| {
            PyExcSpec::value_error("base is not invertible for the given modulus")
        })?;
        (inv, -b)
    } else {
        (a.mod_floor(&m), b.clone())
    };
    if m.is_one() {
        return Ok(BigInt::zero());
    }
    let r = base.modpow(&exp, &m);
    Ok(if negative_output && !r.is_zero() {
        r - m
    } else {
        r
    })
}

fn shift_count(b: &BigInt) -> PyResult<Option<u64>> {
    if b.is_negative() {
        return Err(PyExcSpec::value_error("negative shift count"));
    }
    match b.to_i64() {
        Some(n) => Ok(Some(n as u64)),
        None => Ok(None),
    }
}

/// `a << b`.
pub fn lshift(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    let n = shift_count(b)?;
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    match n {
        None => Err(PyExcSpec::overflow("too many digits in integer")),
        Some(n) if n > (1 << 33) => Err(PyExcSpec::new(ExcKind::MemoryError, "")),
        Some(n) => Ok(a << n),
    }
}

/// `a >> b` (floor semantics for negative `a`).
pub fn rshift(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    match shift_count(b)? {
        Some(n) if n < a.bits() + 1 => Ok(a >> n),
        _ => Ok(if a.is_negative() {
            BigInt::from(-1)
        } else {
            BigInt::zero()
        }),
    }
}

/// `int.bit_length()`.
pub fn bit_length(a: &BigInt) -> u64 {
    a.bits()
}

fn limit_error() -> PyExcSpec {
    PyExcSpec::value_error(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(a)` / `repr(a)`, with the 4300-digit limit.
pub fn to_str(a: &BigInt) -> PyResult<String> {
    // digits >= floor((bits-1) * log10(2)) + 1
    if a.bits() > 1 && ((a.bits() - 1) as f64) * std::f64::consts::LOG10_2 >= MAX_STR_DIGITS as f64
    {
        return Err(limit_error());
    }
    let s = a.to_str_radix(10);
    let digits = s.len() - usize::from(a.is_negative());
    if digits > MAX_STR_DIGITS {
        return Err(limit_error());
    }
    Ok(s)
}

fn prefixed(a: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = a.magnitude().to_str_radix(radix);
    let sign = if a.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `bin(a)`, e.g. `-0b101`.
pub fn bin(a: &BigInt) -> String {
    prefixed(a, 2, "0b")
}
/// `oct(a)`, e.g. `0o17`.
pub fn oct(a: &BigInt) -> String {
    prefixed(a, 8, "0o")
}
/// `hex(a)`, e.g. `-0x1f`.
pub fn hex(a: &BigInt) -> String {
    prefixed(a, 16, "0x")
}

/// Maps a str to the ASCII buffer CPython parses numbers from
/// (`_PyUnicode_TransformDecimalAndSpaceToASCII`): Unicode spaces become
/// `' '`, Unicode decimal digits their ASCII digit, other non-ASCII `'?'`.
pub fn transform_decimal_and_space(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if (c as u32) < 127 {
                c as u8
            } else if super::unicode::is_space(c) {
                b' '
            } else if let Some(v) = super::unicode::decimal_value(c) {
                b'0' + v as u8
            } else {
                b'?'
            }
        })
        .collect()
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

enum ParseFail {
    Invalid,
    Limit(usize),
}

fn parse_ascii(s: &[u8], mut base: u32) -> Result<BigInt, ParseFail> {
    let mut i = 0;
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        i += 1;
        negative = true;
    }
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(ParseFail::Invalid);
    }
    let start = i;
    let mut digits = 0usize;
    let mut prev = 0u8;
    let mut clean = Vec::new();
    while i < s.len() && (digit_value(s[i]) < base || s[i] == b'_') {
        if s[i] == b'_' {
            if prev == b'_' {
                return Err(ParseFail::Invalid);
            }
        } else {
            digits += 1;
            clean.push(s[i]);
        }
        prev = s[i];
        i += 1;
    }
    if prev == b'_' {
        return Err(ParseFail::Invalid);
    }
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS {
        return Err(ParseFail::Limit(digits));
    }
    if i == start {
        return Err(ParseFail::Invalid);
    }
    let mut v = BigInt::parse_bytes(&clean, base).ok_or(ParseFail::Invalid)?;
    if error_if_nonzero && !v.is_zero() {
        return Err(ParseFail::Invalid);
    }
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(ParseFail::Invalid);
    }
    if negative {
        v = -v;
    }
    Ok(v)
}

/// `int(s, base)` for a str `s`; `base` is 0 or 2..=36 (otherwise ValueError).
pub fn parse_int(s: &str, base: i64) -> PyResult<BigInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyExcSpec::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    match parse_ascii(&transform_decimal_and_space(s), base as u32) {
        Ok(v) => Ok(v),
        Err(ParseFail::Limit(n)) => Err(PyExcSpec::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
        Err(ParseFail::Invalid) => {
            let r: String = str_ops::str_repr(s).chars().take(200).collect();
            Err(PyExcSpec::value_error(format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
    }
}

/// `int.to_bytes(length, byteorder, signed=...)`.
pub fn to_bytes(a: &BigInt, length: i64, big_endian: bool, signed: bool) -> PyResult<Vec<u8>> {
    if length < 0 {
        return Err(PyExcSpec::value_error(
            "length argument must be non-negative",
        ));
    }
    if !signed && a.is_negative() {
        return Err(PyExcSpec::overflow(
            "can't convert negative int to unsigned",
        ));
    }
    let length = length as usize;
    let mut bytes = a.to_signed_bytes_le();
    if !signed || !a.is_negative() {
        // Unsigned magnitude may need one byte less than the signed form.
        if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
            bytes.pop();
        }
        if a.is_zero() {
            bytes.clear();
        }
    }
    let fill = if a.is_negative() { 0xff } else { 0 };
    if bytes.len() > length {
        return Err(PyExcSpec::overflow("int too big to convert"));
    }
    bytes.resize(length, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=...)`.
pub fn from_bytes(bytes: &[u8], big_endian: bool, signed: bool) -> BigInt {
    let mut b = bytes.to_vec();
    if big_endian {
        b.reverse();
    }
    if signed {
        BigInt::from_signed_bytes_le(&b)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &b)
    }
}

#[cfg(test)]
#[path = "int_ops_tests.rs"]
mod tests;
