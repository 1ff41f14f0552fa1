//! Float → text exactly as CPython's `PyOS_double_to_string`: `repr(float)`
//! (shortest round-trip digits, exponent form when the decimal point position
//! is `<= -4` or `> 16`) and the `e`/`f`/`g`/`r` conversions used by
//! `format()`, f-strings and `%`-formatting. Digit generation relies on Rust's
//! float formatting, which is correctly rounded (half-even on exact ties) like
//! David Gay's dtoa that CPython uses; only the layout is reimplemented.

/// How to lay out a float (CPython's `format_code` plus flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloatFmt {
    /// One of `e`, `f`, `g`, `r` (shortest repr); upper-casing is `upper`.
    pub code: char,
    /// Digits after the point (`e`, `f`) or significant digits (`g`); ignored by `r`.
    pub precision: usize,
    /// Print `E`, `INF`, `NAN` (for `E`, `F`, `G`).
    pub upper: bool,
    /// The `#` flag: keep trailing zeros and the decimal point.
    pub alt: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral results get `.0` (repr and the empty format type).
    pub add_dot_0: bool,
    /// `Py_DTSF_SIGN`: a `+` for non-negative values.
    pub always_sign: bool,
}

impl FloatFmt {
    /// A plain conversion with the given code and precision.
    pub fn new(code: char, precision: usize) -> Self {
        FloatFmt {
            code,
            precision,
            upper: false,
            alt: false,
            add_dot_0: false,
            always_sign: false,
        }
    }
}

/// Splits Rust's `{:e}` output (`d.ddde-7`) into digits and CPython's `decpt`.
fn split_exp(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let exp: i64 = exp.parse().expect("exponent");
    let mut digits: Vec<u8> = mant.bytes().filter(|b| *b != b'.').collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits == b"0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

/// Shortest round-trip digits of `|x|` (dtoa mode 0) and the decimal point position.
pub fn shortest_digits(x: f64) -> (Vec<u8>, i64) {
    split_exp(&format!("{:e}", x.abs()))
}

/// `n >= 1` significant digits of `|x|`, correctly rounded (dtoa mode 2), trailing zeros stripped.
pub fn sig_digits(x: f64, n: usize) -> (Vec<u8>, i64) {
    // A double has at most 767 significant decimal digits: beyond, only zeros.
    split_exp(&format!("{:.*e}", n.clamp(1, 800) - 1, x.abs()))
}

/// `|x|` rounded to `n` places after the point (dtoa mode 3), trailing zeros stripped.
pub fn fixed_digits(x: f64, n: usize) -> (Vec<u8>, i64) {
    // A double has at most 1074 digits after the point: beyond, only zeros.
    let s = format!("{:.*}", n.min(1100), x.abs());
    let int_len = s.find('.').unwrap_or(s.len()) as i64;
    let mut digits: Vec<u8> = s.bytes().filter(|b| *b != b'.').collect();
    let lead = digits.iter().take_while(|b| **b == b'0').count();
    if lead == digits.len() {
        return (b"0".to_vec(), 1);
    }
    digits.drain(..lead);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, int_len - lead as i64)
}

/// `PyOS_double_to_string(x, code, precision, flags)`.
pub fn double_to_string(x: f64, f: FloatFmt) -> String {
    let mut out = String::new();
    if x.is_nan() {
        if f.always_sign {
            out.push('+');
        }
        out.push_str(if f.upper { "NAN" } else { "nan" });
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if f.always_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str(if f.upper { "INF" } else { "inf" });
        return out;
    }
    let mut precision = f.precision as i64;
    let (digits, mut decpt) = match f.code {
        'e' => {
            precision += 1;
            sig_digits(x, precision as usize)
        }
        'f' => fixed_digits(x, f.precision),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            sig_digits(x, precision as usize)
        }
        'r' => shortest_digits(x),
        other => panic!("bad float format code {other:?}"),
    };
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match f.code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let lim = if f.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > lim {
                use_exp = true;
            }
            if f.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && f.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let ds = std::str::from_utf8(&digits).expect("ascii digits");
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&ds[..decpt as usize]);
        out.push('.');
        out.push_str(&ds[decpt as usize..]);
    } else {
        out.push_str(ds);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !f.alt {
        out.pop();
    }
    if use_exp {
        out.push(if f.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    let mut f = FloatFmt::new('r', 0);
    f.add_dot_0 = true;
    double_to_string(x, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cases() -> Vec<(f64, String)> {
        include_str!("testdata/float_repr.txt")
            .lines()
            .map(|l| {
                let (bits, r) = l.split_once(' ').unwrap();
                (
                    f64::from_bits(u64::from_str_radix(bits, 16).unwrap()),
                    r.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn repr_matches_cpython() {
        for (x, want) in cases() {
            assert_eq!(float_repr(x), want, "bits {:x}", x.to_bits());
        }
    }
}
