//! `str % args` (printf-style formatting) as CPython 3.11's
//! `PyUnicode_Format`: `%s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%`,
//! flags `-+ #0`, `*` width/precision, `%(key)s` lookups, the ignored
//! `h`/`l`/`L` length modifiers, and every error message.
//!
//! Values stay opaque: the VM implements [`PrintfArg`] so that `__str__`,
//! `__repr__`, `__index__`, `__float__` … run as Python code.

use super::float_fmt::{FloatFmt, double_to_string};
use super::{ExcKind, PyExcSpec, PyResult, int_ops, str_ops};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// One formatting argument, as the VM sees it.
pub trait PrintfArg {
    /// `type(v).__name__`, for error messages.
    fn type_name(&self) -> String;
    /// `str(v)`.
    fn to_str(&mut self) -> PyResult<String>;
    /// `repr(v)`.
    fn to_repr(&mut self) -> PyResult<String>;
    /// `ascii(v)`; the default escapes the non-ASCII characters of `repr(v)`.
    fn to_ascii(&mut self) -> PyResult<String> {
        Ok(str_ops::ascii_escape(&self.to_repr()?))
    }
    /// The value when `v` is an `int` instance (bool included), else `None`.
    fn as_int(&self) -> Option<BigInt>;
    /// The text when `v` is a `str` instance, else `None`.
    fn as_str(&self) -> Option<String>;
    /// `int(v)` for `%d %i %u`; `Ok(None)` when `v` is not a number
    /// (or `int(v)` raised TypeError).
    fn number_to_int(&mut self) -> PyResult<Option<BigInt>>;
    /// `operator.index(v)` for `%x %o %X %c`; `Ok(None)` when unsupported.
    fn index(&mut self) -> PyResult<Option<BigInt>>;
    /// `float(v)` as `PyFloat_AsDouble` (float, `__float__`, `__index__`);
    /// `Ok(None)` when unsupported.
    fn to_float(&mut self) -> PyResult<Option<f64>>;
}

/// `mapping[key]` for `%(key)s`.
pub type KeyLookup<'a, A> = dyn FnMut(&str) -> PyResult<A> + 'a;

/// The right operand of `%`.
pub enum PrintfArgs<'a, A> {
    /// `fmt % (a, b, ...)`.
    Tuple(&'a mut [A]),
    /// `fmt % v` for a non-tuple `v`; `lookup` is `Some` when `v` is a
    /// mapping (and not a str), giving `v[key]` for `%(key)s`.
    Single {
        arg: &'a mut A,
        lookup: Option<&'a mut KeyLookup<'a, A>>,
    },
}

fn type_err(msg: impl Into<String>) -> PyExcSpec {
    PyExcSpec::type_error(msg)
}

/// Which argument a conversion takes.
enum Cur<A> {
    Main(usize),
    Owned(A),
}

struct Ctx<'a, 'b, A> {
    args: &'b mut PrintfArgs<'a, A>,
    arglen: i64,
    argidx: i64,
    /// The value looked up by a `%(key)` spec: it replaces the arguments
    /// (as `ctx->args` does in CPython) until consumed.
    keyed: Option<A>,
}

impl<A> Ctx<'_, '_, A> {
    fn next(&mut self) -> PyResult<Cur<A>> {
        if self.argidx < self.arglen {
            self.argidx += 1;
            if self.arglen >= 0 {
                return Ok(Cur::Main((self.argidx - 1) as usize));
            }
            return Ok(match self.keyed.take() {
                Some(v) => Cur::Owned(v),
                None => Cur::Main(0),
            });
        }
        Err(type_err("not enough arguments for format string"))
    }

    fn get<'c>(&'c mut self, cur: &'c mut Cur<A>) -> &'c mut A {
        match cur {
            Cur::Owned(a) => a,
            Cur::Main(i) => match self.args {
                PrintfArgs::Tuple(t) => &mut t[*i],
                PrintfArgs::Single { arg, .. } => arg,
            },
        }
    }
}

fn star_value<A: PrintfArg>(ctx: &mut Ctx<'_, '_, A>) -> PyResult<BigInt> {
    let mut cur = ctx.next()?;
    ctx.get(&mut cur)
        .as_int()
        .ok_or_else(|| type_err("* wants int"))
}

/// `fmt % args`.
pub fn printf_format<A: PrintfArg>(fmt: &str, args: PrintfArgs<'_, A>) -> PyResult<String> {
    let mut args = args;
    let (arglen, is_dict) = match &args {
        PrintfArgs::Tuple(t) => (t.len() as i64, false),
        PrintfArgs::Single { lookup, .. } => (-1, lookup.is_some()),
    };
    let mut ctx = Ctx {
        args: &mut args,
        arglen,
        argidx: if arglen < 0 { -2 } else { 0 },
        keyed: None,
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut pos = 0;
    let incomplete = || PyExcSpec::value_error("incomplete format");
    while pos < chars.len() {
        if chars[pos] != '%' {
            out.push(chars[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        if chars.get(pos) == Some(&'(') {
            if !is_dict {
                return Err(type_err("format requires a mapping"));
            }
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while depth > 0 && pos < chars.len() {
                match chars[pos] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 || pos >= chars.len() {
                return Err(PyExcSpec::value_error("incomplete format key"));
            }
            let key: String = chars[start..pos - 1].iter().collect();
            let lookup = match ctx.args {
                PrintfArgs::Single {
                    lookup: Some(l), ..
                } => l,
                _ => unreachable!("mapping checked above"),
            };
            ctx.keyed = Some(lookup(&key)?);
            ctx.arglen = -1;
            ctx.argidx = -2;
        }
        let (mut ljust, mut sign, mut blank, mut alt, mut zero) =
            (false, false, false, false, false);
        let mut ch = *chars.get(pos).ok_or_else(incomplete)?;
        pos += 1;
        loop {
            match ch {
                '-' => ljust = true,
                '+' => sign = true,
                ' ' => blank = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            ch = *chars.get(pos).ok_or_else(incomplete)?;
            pos += 1;
        }
        let mut width: i64 = -1;
        let mut prec: i64 = -1;
        let mut at_end = false;
        let advance = |pos: &mut usize, ch: &mut char| {
            if let Some(c) = chars.get(*pos) {
                *ch = *c;
                *pos += 1;
                true
            } else {
                false
            }
        };
        if ch == '*' {
            let w = star_value(&mut ctx)?;
            width = w.to_i64().ok_or_else(|| {
                PyExcSpec::overflow("Python int too large to convert to C ssize_t")
            })?;
            if width < 0 {
                ljust = true;
                width = -width;
            }
            at_end = !advance(&mut pos, &mut ch);
        } else if ch.is_ascii_digit() {
            width = (ch as u8 - b'0') as i64;
            loop {
                if !advance(&mut pos, &mut ch) {
                    at_end = true;
                    break;
                }
                let Some(d) = ch.to_digit(10).filter(|_| ch.is_ascii_digit()) else {
                    break;
                };
                if width > (i64::MAX - d as i64) / 10 {
                    return Err(PyExcSpec::value_error("width too big"));
                }
                width = width * 10 + d as i64;
            }
        }
        if !at_end && ch == '.' {
            prec = 0;
            if !advance(&mut pos, &mut ch) {
                at_end = true;
            } else if ch == '*' {
                let p = star_value(&mut ctx)?;
                prec = p
                    .to_i32()
                    .ok_or_else(|| PyExcSpec::overflow("Python int too large to convert to C int"))?
                    .max(0) as i64;
                at_end = !advance(&mut pos, &mut ch);
            } else if ch.is_ascii_digit() {
                prec = (ch as u8 - b'0') as i64;
                loop {
                    if !advance(&mut pos, &mut ch) {
                        at_end = true;
                        break;
                    }
                    let Some(d) = ch.to_digit(10).filter(|_| ch.is_ascii_digit()) else {
                        break;
                    };
                    if prec > (i32::MAX as i64 - d as i64) / 10 {
                        return Err(PyExcSpec::value_error("precision too big"));
                    }
                    prec = prec * 10 + d as i64;
                }
            }
        }
        if !at_end && matches!(ch, 'h' | 'l' | 'L') {
            at_end = !advance(&mut pos, &mut ch);
        }
        if at_end {
            return Err(incomplete());
        }
        let spec = Spec {
            ch,
            ljust,
            sign,
            blank,
            alt,
            zero,
            width,
            prec,
        };
        let mut cur = ctx.next()?;
        let arg = ctx.get(&mut cur);
        let (text, numeric) = convert(arg, &spec, pos - 1)?;
        output(&mut out, &spec, &text, numeric);
    }
    if ctx.argidx < ctx.arglen && !is_dict {
        return Err(type_err(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

struct Spec {
    ch: char,
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: i64,
    prec: i64,
}

fn format_long(v: &BigInt, s: &Spec) -> PyResult<String> {
    let (digits, prefix) = match s.ch {
        'o' => (v.magnitude().to_str_radix(8), "0o"),
        'x' => (v.magnitude().to_str_radix(16), "0x"),
        'X' => (v.magnitude().to_str_radix(16).to_ascii_uppercase(), "0X"),
        _ => (int_ops::to_str(&v.abs())?, ""),
    };
    let mut out = String::new();
    if v.is_negative() {
        out.push('-');
    }
    if s.alt {
        out.push_str(prefix);
    }
    if s.prec > digits.len() as i64 {
        out.push_str(&"0".repeat(s.prec as usize - digits.len()));
    }
    out.push_str(&digits);
    Ok(out)
}

/// Converts one argument; returns the text and whether it is numeric (`arg->sign`).
fn convert<A: PrintfArg>(arg: &mut A, s: &Spec, at: usize) -> PyResult<(String, bool)> {
    match s.ch {
        's' => Ok((arg.as_str().map_or_else(|| arg.to_str(), Ok)?, false)),
        'r' => Ok((arg.to_repr()?, false)),
        'a' => Ok((arg.to_ascii()?, false)),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let v = if let Some(i) = arg.as_int() {
                Some(i)
            } else if arg.as_str().is_some() {
                None
            } else if matches!(s.ch, 'o' | 'x' | 'X') {
                arg.index()?
            } else {
                arg.number_to_int()?
            };
            let v = v.ok_or_else(|| {
                let what = if matches!(s.ch, 'o' | 'x' | 'X') {
                    "an integer"
                } else {
                    "a real number"
                };
                type_err(format!(
                    "%{} format: {what} is required, not {}",
                    s.ch,
                    arg.type_name()
                ))
            })?;
            Ok((format_long(&v, s)?, true))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg.as_int() {
                Some(i) => int_ops::to_f64(&i)?,
                None => arg.to_float()?.ok_or_else(|| {
                    type_err(format!("must be real number, not {}", arg.type_name()))
                })?,
            };
            let mut f = FloatFmt::new(s.ch.to_ascii_lowercase(), s.prec.max(0) as usize);
            if s.prec < 0 {
                f.precision = 6;
            }
            f.upper = s.ch.is_ascii_uppercase();
            f.alt = s.alt;
            Ok((double_to_string(x, f), true))
        }
        'c' => {
            let c = if let Some(text) = arg.as_str() {
                let mut it = text.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => return Err(type_err("%c requires int or char")),
                }
            } else {
                let i = arg
                    .index()?
                    .ok_or_else(|| type_err("%c requires int or char"))?;
                i.to_u32()
                    .filter(|v| *v <= 0x10ffff)
                    .and_then(char::from_u32)
                    .ok_or_else(|| {
                        PyExcSpec::new(ExcKind::OverflowError, "%c arg not in range(0x110000)")
                    })?
            };
            Ok((c.to_string(), false))
        }
        c => {
            let shown = if (31..=126).contains(&(c as u32)) {
                c
            } else {
                '?'
            };
            Err(PyExcSpec::value_error(format!(
                "unsupported format character '{shown}' ({:#x}) at index {at}",
                c as u32
            )))
        }
    }
}

/// `unicode_format_arg_output`: sign, `0x` prefix, padding and truncation.
fn output(out: &mut String, s: &Spec, text: &str, numeric: bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    if matches!(s.ch, 's' | 'r' | 'a') && s.prec >= 0 && len > s.prec {
        len = s.prec;
    }
    let fill = if numeric && s.zero { '0' } else { ' ' };
    let mut idx = 0usize;
    let mut signchar = None;
    if numeric {
        if chars[0] == '-' || chars[0] == '+' {
            signchar = Some(chars[0]);
            len -= 1;
            idx = 1;
        } else if s.sign {
            signchar = Some('+');
        } else if s.blank {
            signchar = Some(' ');
        }
    }
    let mut width = s.width.max(len);
    if let Some(sc) = signchar {
        if fill != ' ' {
            out.push(sc);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = s.alt && matches!(s.ch, 'x' | 'X' | 'o');
    if prefixed {
        if fill != ' ' {
            out.extend(&chars[idx..idx + 2]);
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !s.ljust {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        out.extend(signchar);
        if prefixed {
            out.extend(&chars[idx..idx + 2]);
        }
    }
    if prefixed {
        idx += 2;
    }
    out.extend(&chars[idx..idx + len as usize]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
}

#[cfg(test)]
#[path = "printf_tests.rs"]
mod tests;
