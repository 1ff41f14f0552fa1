//! Python `complex` arithmetic, text and parsing with CPython 3.11's
//! algorithms (`Objects/complexobject.c`): Smith's division (`_Py_c_quot`),
//! `**` by repeated squaring for small integral exponents (`c_powi`) and by
//! polar form otherwise (`_Py_c_pow`), `abs` by `hypot`, the hash
//! `hash(re) + 1000003 * hash(im)`, `repr` and `complex(str)` parsing.

use super::float_fmt::{FloatFmt, double_to_string};
use super::{PyExcSpec, PyResult};

/// A complex value (CPython's `Py_complex`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub const fn new(re: f64, im: f64) -> Self {
        Complex { re, im }
    }
}

impl std::ops::Add for Complex {
    type Output = Complex;
    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;
    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
}

/// `_Py_c_prod`.
impl std::ops::Mul for Complex {
    type Output = Complex;
    fn mul(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
}

const ZERO_DIVISION: &str = "complex division by zero";
const POW_ZERO: &str = "0.0 to a negative or complex power";

/// `_Py_c_quot`: None when the divisor is zero (CPython's `EDOM`).
fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_breal, abs_bimag) = (b.re.abs(), b.im.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex::new(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex::new(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        // At least one of b.real, b.imag is a NaN.
        Some(Complex::new(f64::NAN, f64::NAN))
    }
}

/// `a / b`.
pub fn div(a: Complex, b: Complex) -> PyResult<Complex> {
    quot(a, b).ok_or_else(|| PyExcSpec::zero_div(ZERO_DIVISION))
}

/// `c_powu`: `x ** n` for `n >= 0` by repeated squaring.
fn powu(x: Complex, n: i64) -> Complex {
    let mut r = Complex::new(1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = r * p;
        }
        mask <<= 1;
        p = p * p;
    }
    r
}

/// Errors of `complex_pow` (CPython's errno after the computation).
enum PowErr {
    Domain,
    Range,
}

/// `_Py_c_pow`.
fn c_pow(a: Complex, b: Complex) -> Result<Complex, PowErr> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(Complex::new(1.0, 0.0));
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowErr::Domain);
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(Complex::new(len * phase.cos(), len * phase.sin()))
}

/// `a ** b` (`complex_pow`).
pub fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            Ok(powu(a, n))
        } else {
            quot(Complex::new(1.0, 0.0), powu(a, -n)).ok_or(PowErr::Domain)
        }
    } else {
        c_pow(a, b)
    };
    let r = r.and_then(|p| {
        // _Py_ADJUST_ERANGE2: an infinite part means overflow.
        if p.re.is_infinite() || p.im.is_infinite() {
            Err(PowErr::Range)
        } else {
            Ok(p)
        }
    });
    match r {
        Ok(p) => Ok(p),
        Err(PowErr::Domain) => Err(PyExcSpec::zero_div(POW_ZERO)),
        Err(PowErr::Range) => Err(PyExcSpec::overflow("complex exponentiation")),
    }
}

/// `abs(z)` (`_Py_c_abs` plus `complex_abs`'s overflow check).
pub fn abs(z: Complex) -> PyResult<f64> {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() || z.im.is_infinite() {
            return Ok(f64::INFINITY);
        }
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(PyExcSpec::overflow("absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)` from the hashes of its parts.
pub fn hash(re_hash: i64, im_hash: i64) -> i64 {
    let combined = (re_hash as u64).wrapping_add(1_000_003u64.wrapping_mul(im_hash as u64)) as i64;
    if combined == -1 { -2 } else { combined }
}

/// `repr(z)` / `str(z)`: `1j`, `(1+2j)`, `(-0-0j)`.
pub fn repr(z: Complex) -> String {
    let part = |x: f64, sign: bool| {
        let mut f = FloatFmt::new('r', 0);
        f.always_sign = sign;
        double_to_string(x, f)
    };
    if z.re == 0.0 && z.re.is_sign_positive() {
        format!("{}j", part(z.im, false))
    } else {
        format!("({}{}j)", part(z.re, false), part(z.im, true))
    }
}

/// `format(z, spec)` (`format_complex_internal`): each part formatted as a
/// float without padding, the imaginary one always signed unless the real
/// part is omitted, then the whole padded.
pub fn format(z: Complex, spec: &str, type_name: &str) -> PyResult<String> {
    use super::format_spec::{apply_float, pad, parse as parse_spec, unknown_code};
    let f = parse_spec(spec, None, '>', type_name)?;
    if let Some(t) = f.ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')
    {
        return Err(unknown_code(t, type_name));
    }
    if f.fill == '0' {
        return Err(PyExcSpec::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == '=' {
        return Err(PyExcSpec::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (mut skip_re, mut parens) = (false, false);
    if f.ty.is_none() {
        if z.re == 0.0 && z.re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let mut part = f.clone();
    part.width = None;
    part.fill = ' ';
    part.align = '<';
    part.ty = Some(f.ty.unwrap_or('r'));
    let re = if skip_re {
        String::new()
    } else {
        apply_float(z.re, &part)?
    };
    if !skip_re {
        part.sign = Some('+');
    }
    let im = apply_float(z.im, &part)?;
    let text = if parens {
        format!("({re}{im}j)")
    } else {
        format!("{re}{im}j")
    };
    let len = text.chars().count();
    Ok(pad(&text, len, f.width.unwrap_or(0), f.align, f.fill))
}

/// The longest prefix of `s` that `PyOS_string_to_double` accepts: its
/// value and length (None when no float starts here).
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(u8::to_ascii_lowercase).collect();
    for word in [&b"infinity"[..], b"inf", b"nan"] {
        if lower.starts_with(word) {
            let v = if word == b"nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            let v = if s[0] == b'-' { -v } else { v };
            return Some((v, i + word.len()));
        }
    }
    let digits = |s: &[u8], mut i: usize| {
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let int_end = digits(s, i);
    let mut end = int_end;
    let mut frac_digits = 0;
    if end < s.len() && s[end] == b'.' {
        let f = digits(s, end + 1);
        frac_digits = f - end - 1;
        end = f;
    }
    if int_end == i && frac_digits == 0 {
        return None;
    }
    if end < s.len() && matches!(s[end], b'e' | b'E') {
        let mut e = end + 1;
        if e < s.len() && matches!(s[e], b'+' | b'-') {
            e += 1;
        }
        let d = digits(s, e);
        if d > e {
            end = d;
        }
    }
    let text = std::str::from_utf8(&s[..end]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, end))
}

/// Removes the underscores of a numeric literal, or None when one is not
/// between two digits (`_Py_string_to_number_with_underscores`).
fn strip_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !prev_digit || !next_digit {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// `complex(s)` for a str argument.
pub fn parse(text: &str) -> PyResult<Complex> {
    let malformed = || PyExcSpec::value_error("complex() arg is a malformed string");
    let owned;
    let text = if text.contains('_') {
        owned = strip_underscores(text).ok_or_else(|| {
            PyExcSpec::value_error(format!(
                "could not convert string to complex: {}",
                super::str_ops::str_repr(text)
            ))
        })?;
        owned.as_str()
    } else {
        text
    };
    let s = text.as_bytes();
    let is_space = |c: u8| c.is_ascii_whitespace() || c == 0x0b;
    let skip = |s: &[u8], mut i: usize| {
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        i
    };
    let mut i = skip(s, 0);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i = skip(s, i + 1);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            match s.get(i) {
                Some(&sign @ (b'+' | b'-')) => {
                    x = z;
                    match float_prefix(&s[i..]) {
                        Some((v, n)) => {
                            y = v;
                            i += n;
                        }
                        None => {
                            y = if sign == b'+' { 1.0 } else { -1.0 };
                            i += 1;
                        }
                    }
                    if !is_j(s.get(i)) {
                        return Err(malformed());
                    }
                    i += 1;
                }
                c if is_j(c) => {
                    y = z;
                    i += 1;
                }
                _ => x = z,
            }
        }
        None => {
            match s.get(i) {
                Some(b'+') => {
                    y = 1.0;
                    i += 1;
                }
                Some(b'-') => {
                    y = -1.0;
                    i += 1;
                }
                _ => y = 1.0,
            }
            if !is_j(s.get(i)) {
                return Err(malformed());
            }
            i += 1;
        }
    }
    i = skip(s, i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i = skip(s, i + 1);
    }
    if i != s.len() {
        return Err(malformed());
    }
    Ok(Complex::new(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(repr(Complex::new(1.0, 2.0)), "(1+2j)");
        assert_eq!(repr(Complex::new(0.0, 1.0)), "1j");
        assert_eq!(repr(Complex::new(-0.0, -0.0)), "(-0-0j)");
        assert_eq!(repr(Complex::new(0.0, -0.0)), "-0j");
        assert_eq!(repr(Complex::new(1e16, 1.0)), "(1e+16+1j)");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse("  ( 1+2j ) "), Ok(Complex::new(1.0, 2.0)));
        assert_eq!(parse("-j"), Ok(Complex::new(0.0, -1.0)));
        assert_eq!(parse("1.5e-3-2.25J"), Ok(Complex::new(0.0015, -2.25)));
        assert_eq!(parse("-1_000j"), Ok(Complex::new(0.0, -1000.0)));
        assert!(parse("1+").is_err());
        assert!(parse("1 + 2j").is_err());
        assert!(parse("1__0j").is_err());
    }

    #[test]
    fn arithmetic() {
        let r = div(Complex::new(1.0, 0.0), Complex::new(1.0, 1.0));
        assert_eq!(r, Ok(Complex::new(0.5, -0.5)));
        assert_eq!(
            pow(Complex::new(0.0, 1.0), Complex::new(2.0, 0.0)),
            Ok(Complex::new(-1.0, 0.0))
        );
        assert!(pow(Complex::new(0.0, 0.0), Complex::new(-1.0, 0.0)).is_err());
        assert_eq!(hash(0, 1), 1_000_003);
    }
}
