//! The format-spec mini-language of `format()`, `str.format` and f-strings
//! (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`),
//! parsed and applied to int, float and str exactly as CPython 3.11's
//! `Python/formatter_unicode.c` does, errors included. The C locale is
//! assumed for the `n` type (no grouping, `.` as decimal point).
//!
//! An empty spec means `str(value)`; callers handle that before calling here
//! (the functions below also accept it and produce the same text).

use super::float_fmt::{FloatFmt, double_to_string};
use super::{PyExcSpec, PyResult, int_ops, unicode};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec (`InternalFormatSpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`.
    pub align: char,
    /// `+`, `-`, ` ` or `None`.
    pub sign: Option<char>,
    /// The `z` flag.
    pub no_neg_0: bool,
    /// The `#` flag.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_` (`_` every four digits for b/o/x/X).
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type (the caller's default when omitted).
    pub ty: Option<char>,
}

fn verr(msg: impl Into<String>) -> PyExcSpec {
    PyExcSpec::value_error(msg)
}

fn code_repr(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

fn get_integer(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let mut acc: i64 = 0;
    let mut n = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| unicode::decimal_value(*c)) {
        if acc > (i64::MAX - d as i64) / 10 {
            return Err(verr("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as i64;
        *pos += 1;
        n += 1;
    }
    Ok((n > 0).then_some(acc as usize))
}

/// Parses `spec` (`parse_internal_render_format_spec`). `default_type` is
/// `Some('s')` for str, `Some('d')` for int, `None` for float;
/// `default_align` is `'<'` for str and `'>'` for numbers; `type_name` names
/// the formatted object's type in error messages.
pub fn parse(
    spec: &str,
    default_type: Option<char>,
    default_align: char,
    type_name: &str,
) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '^' | '='));
    let mut f = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    let mut align_specified = false;
    if chars.len() >= 2 && is_align(chars.get(1)) {
        f.align = chars[1];
        f.fill = chars[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if is_align(chars.first()) {
        f.align = chars[0];
        align_specified = true;
        pos = 1;
    }
    if let Some(c @ ('+' | '-' | ' ')) = chars.get(pos) {
        f.sign = Some(*c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        f.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    let both = || verr("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        f.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if f.grouping.is_some() {
            return Err(both());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && f.grouping == Some('_') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(verr("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(verr(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    f.ty = chars.get(pos).copied().or(default_type);
    if let Some(g) = f.grouping {
        match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => {
                return Err(verr(format!(
                    "Cannot specify '{g}' with '{}'.",
                    code_repr(t)
                )));
            }
        }
    }
    Ok(f)
}

pub(crate) fn unknown_code(t: char, type_name: &str) -> PyExcSpec {
    verr(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_repr(t)
    ))
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right,
/// zero-extending to `min_width` (zeros are grouped too).
fn group_digits(digits: &[char], min_width: i64, group: Option<(i64, char)>) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut end = digits.len();
    let mut chunks: Vec<String> = Vec::new();
    let mut take = |len: i64, remaining: &mut i64, chunks: &mut Vec<String>| {
        let n_zeros = (len - *remaining).max(0);
        let n_chars = (*remaining).min(len).max(0);
        let mut chunk: String = "0".repeat(n_zeros as usize);
        chunk.extend(&digits[end - n_chars as usize..end]);
        end -= n_chars as usize;
        chunks.push(chunk);
        *remaining -= n_chars;
    };
    let sep = match group {
        Some((size, sep)) => {
            loop {
                let len = size.min(remaining.max(min_width).max(1));
                take(len, &mut remaining, &mut chunks);
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
            sep.to_string()
        }
        None => {
            take(remaining.max(min_width).max(1), &mut remaining, &mut chunks);
            String::new()
        }
    };
    chunks.reverse();
    chunks.join(&sep)
}

/// The pieces of a formatted number before padding (`calc_number_widths` + `fill_number`).
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: Vec<char>,
    /// Decimal point and everything after the digits (fraction, exponent, `%`).
    remainder: &'a str,
}

fn layout_number(p: NumberParts<'_>, f: &FormatSpec, group: Option<(i64, char)>) -> String {
    let sign = match (f.sign, p.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let rem_len = p.remainder.chars().count() as i64;
    let non_digit = sign.is_some() as i64 + p.prefix.len() as i64 + rem_len;
    let width = f.width.map_or(-1, |w| w as i64);
    let min_width = if f.fill == '0' && f.align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(&p.digits, min_width, group)
    };
    let n_padding = width - (non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match f.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let fill = |n: i64| f.fill.to_string().repeat(n as usize);
    let mut out = fill(lpad);
    out.extend(sign);
    out.push_str(p.prefix);
    out.push_str(&fill(spad));
    out.push_str(&grouped);
    out.push_str(p.remainder);
    out.push_str(&fill(rpad));
    out
}

/// `format(v, spec)` for an int (`type_name` is `int` or `bool` etc.).
pub fn format_int(v: &BigInt, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return int_ops::to_str(v);
    }
    let f = parse(spec, Some('d'), '>', type_name)?;
    match f.ty {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return apply_float(int_ops::to_f64(v)?, &f);
        }
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if f.precision.is_some() {
        return Err(verr("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(verr(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if f.ty == Some('c') {
        if f.sign.is_some() {
            return Err(verr("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(verr(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = v
            .to_u32()
            .and_then(char::from_u32)
            .filter(|_| *v <= BigInt::from(0x10ffff))
            .ok_or_else(|| PyExcSpec::overflow("%c arg not in range(0x110000)"))?;
        let s = c.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: vec![],
            remainder: &s,
        };
        return Ok(layout_number(parts, &f, None));
    }
    let (radix, prefix) = match f.ty {
        Some('b') => (2, "0b"),
        Some('o') => (8, "0o"),
        Some('x') => (16, "0x"),
        Some('X') => (16, "0X"),
        _ => (10, ""),
    };
    let text = if radix == 10 {
        let s = int_ops::to_str(v)?;
        s.trim_start_matches('-').to_string()
    } else {
        v.magnitude().to_str_radix(radix)
    };
    let text = if f.ty == Some('X') {
        text.to_ascii_uppercase()
    } else {
        text
    };
    let group = match (f.grouping, radix) {
        (Some(','), _) => Some((3, ',')),
        (Some(_), 10) => Some((3, '_')),
        (Some(_), _) => Some((4, '_')),
        _ => None,
    };
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: text.chars().collect(),
        remainder: "",
    };
    Ok(layout_number(parts, &f, group))
}

pub(crate) fn apply_float(v: f64, f: &FormatSpec) -> PyResult<String> {
    let mut ty = f.ty.unwrap_or('r');
    let mut fmt = FloatFmt::new('r', 0);
    fmt.alt = f.alternate;
    let mut default_precision = 6;
    if f.ty.is_none() {
        fmt.add_dot_0 = true;
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = v;
    let add_pct = ty == '%';
    if add_pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if p > i32::MAX as usize {
                return Err(verr("precision too big"));
            }
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    fmt.upper = ty.is_ascii_uppercase();
    fmt.code = ty.to_ascii_lowercase();
    fmt.precision = precision;
    let mut s = double_to_string(val, fmt);
    if f.no_neg_0 && val.is_finite() && s.starts_with('-') {
        let mantissa = s.split(['e', 'E']).next().unwrap_or("");
        if mantissa.bytes().all(|b| !(b'1'..=b'9').contains(&b)) {
            s.remove(0);
        }
    }
    if add_pct {
        s.push('%');
    }
    let negative = s.starts_with('-');
    let body = if negative { &s[1..] } else { &s[..] };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let group = f.grouping.map(|g| (3, g));
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: body[..n_digits].chars().collect(),
        remainder: &body[n_digits..],
    };
    Ok(layout_number(parts, f, group))
}

/// `format(v, spec)` for a float.
pub fn format_float(v: f64, spec: &str, type_name: &str) -> PyResult<String> {
    let f = parse(spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => apply_float(v, &f),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str, type_name: &str) -> PyResult<String> {
    let f = parse(spec, Some('s'), '<', type_name)?;
    match f.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if let Some(sign) = f.sign {
        return Err(verr(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if f.no_neg_0 {
        return Err(verr(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(verr(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == '=' {
        return Err(verr("'=' alignment not allowed in string format specifier"));
    }
    let mut len = super::str_ops::char_len(s);
    let mut text = s;
    if let Some(p) = f.precision
        && len >= p
    {
        len = p;
        text = super::str_ops::char_slice(s, 0, p);
    }
    Ok(pad(text, len, f.width.unwrap_or(0), f.align, f.fill))
}

/// Pads `text` (of `len` chars) to `width` as `calc_padding` does.
pub fn pad(text: &str, len: usize, width: usize, align: char, fill: char) -> String {
    let total = width.max(len);
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + total - len);
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::testutil::*;

    #[test]
    fn format_matches_cpython() {
        let mut n = 0;
        for line in include_str!("testdata/format_spec.txt").lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let spec = string(f[1]);
            let got = if f[0].starts_with("i:") {
                format_int(&int(f[0]), &spec, "int")
            } else if f[0].starts_with("f:") {
                format_float(float(f[0]), &spec, "float")
            } else {
                format_str(&string(f[0]), &spec, "str")
            };
            assert_eq!(enc_res(got, |s| enc_str(&s)), f[2], "{line} spec {spec:?}");
            n += 1;
        }
        assert!(n > 1000);
    }
}
