//! Python `float` arithmetic and conversions with CPython 3.11's special
//! cases and messages: `//`, `%`, `divmod`, `**`, `round()` (banker's, and the
//! correctly rounded `round(x, n)`), `float(str)` parsing, float→int, and
//! `is_integer`/`as_integer_ratio`. Text output lives in `float_fmt`.

use super::{ExcKind, PyExcSpec, PyResult, int_ops, str_ops};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Zero};

pub use super::float_fmt::float_repr;

/// The result of `float ** float` for a negative base and a non-integral
/// exponent is complex, which this library does not model: `float_pow`
/// reports it as this kind (with message [`COMPLEX_RESULT`]); the VM must
/// build the complex number itself or raise.
pub const COMPLEX_RESULT_KIND: ExcKind = ExcKind::ValueError;
/// Message of the pseudo-exception returned for a complex `**` result.
pub const COMPLEX_RESULT: &str = "complex result";

fn c_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyExcSpec::zero_div("float floor division by zero"));
    }
    Ok(c_divmod(a, b).0)
}

/// `a % b` for floats (sign of `b`).
pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyExcSpec::zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats.
pub fn divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyExcSpec::zero_div("float divmod()"));
    }
    Ok(c_divmod(a, b))
}

/// `a / b` for floats.
pub fn true_div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyExcSpec::zero_div("float division by zero"));
    }
    Ok(a / b)
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x % 2.0 != 0.0 && x.fract() == 0.0
}

fn range_error() -> PyExcSpec {
    PyExcSpec::overflow("(34, 'Numerical result out of range')")
}

/// `a ** b` for floats (CPython's `float_pow`). A negative base with a
/// non-integral exponent yields the [`COMPLEX_RESULT`] pseudo-error.
pub fn float_pow(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyExcSpec::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(PyExcSpec::new(COMPLEX_RESULT_KIND, COMPLEX_RESULT));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(if negate { -r } else { r })
}

/// `int(x)` / `math.trunc(x)` for a float.
pub fn to_int(x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(PyExcSpec::value_error(
            "cannot convert float NaN to integer",
        ));
    }
    if x.is_infinite() {
        return Err(PyExcSpec::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    Ok(BigInt::from_f64(x.trunc()).expect("finite"))
}

/// `round(x)` with no ndigits: half-even to an int.
pub fn round_to_int(x: f64) -> PyResult<BigInt> {
    to_int(x.round_ties_even())
}

/// Exact `x * 10^n` rounded half-even to an integer (`x` finite).
fn scaled_round(x: f64, n: i64) -> BigInt {
    let bits = x.abs().to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    let p10 = num_traits::pow(BigInt::from(10), n.unsigned_abs() as usize);
    if n >= 0 {
        num *= p10;
    } else {
        den *= p10;
    }
    if exp >= 0 {
        num <<= exp as u64;
    } else {
        den <<= (-exp) as u64;
    }
    let (q, r) = num.div_rem(&den);
    let twice = r << 1u8;
    if twice > den || (twice == den && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(x, ndigits)` for a float (correctly rounded, half-even on the exact value).
pub fn round_ndigits(x: f64, ndigits: i64) -> PyResult<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let q = scaled_round(x, ndigits);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{q}e{}", -ndigits);
    let r: f64 = text.parse().expect("decimal literal");
    if r.is_infinite() {
        return Err(PyExcSpec::overflow("rounded value too large to represent"));
    }
    Ok(r)
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `float.as_integer_ratio()` in lowest terms.
pub fn as_integer_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(PyExcSpec::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(PyExcSpec::value_error(
            "cannot convert NaN to integer ratio",
        ));
    }
    let mut m = x;
    let mut e: i64 = 0;
    while m.fract() != 0.0 {
        m *= 2.0;
        e += 1;
    }
    let num = BigInt::from_f64(m).expect("finite");
    let den = BigInt::one() << e as u64;
    let g = num.gcd(&den);
    if g.is_zero() {
        return Ok((num, BigInt::one()));
    }
    Ok((&num / &g, &den / &g))
}

fn parse_body(s: &[u8]) -> Option<f64> {
    // [sign] (digits [. digits?] | . digits) [e [sign] digits] | inf | infinity | nan
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower = rest.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" || lower == b"nan" {
        let v = if lower == b"nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Some(if s[0] == b'-' { -v } else { v });
    }
    let digits = |j: &mut usize| {
        let st = *j;
        while *j < s.len() && s[*j].is_ascii_digit() {
            *j += 1;
        }
        *j - st
    };
    let mut n = digits(&mut i);
    if i < s.len() && s[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    std::str::from_utf8(s).ok()?.parse().ok()
}

fn strip_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != b'_').then_some(out)
}

/// `float(s)` for a str `s`.
pub fn parse_float(s: &str) -> PyResult<f64> {
    let buf = int_ops::transform_decimal_and_space(s);
    let is_sp = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let start = buf.iter().position(|b| !is_sp(b)).unwrap_or(buf.len());
    let end = buf.iter().rposition(|b| !is_sp(b)).map_or(start, |e| e + 1);
    let body = &buf[start..end];
    let parsed = if body.contains(&b'_') {
        strip_underscores(body).and_then(|b| parse_body(&b))
    } else {
        parse_body(body)
    };
    parsed.ok_or_else(|| {
        PyExcSpec::value_error(format!(
            "could not convert string to float: {}",
            str_ops::str_repr(s)
        ))
    })
}

/// Python's comparison `int == float` etc. need exactness: compares `a` with `x` exactly.
pub fn cmp_int_float(a: &BigInt, x: f64) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    let t = BigInt::from_f64(x.trunc()).expect("finite");
    Some(match a.cmp(&t) {
        std::cmp::Ordering::Equal if x.fract() > 0.0 => std::cmp::Ordering::Less,
        std::cmp::Ordering::Equal if x.fract() < 0.0 => std::cmp::Ordering::Greater,
        o => o,
    })
}

#[cfg(test)]
#[path = "float_ops_tests.rs"]
mod tests;
