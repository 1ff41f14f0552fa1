//! The `str` methods whose CPython 3.11 semantics differ from Rust's
//! (character indices, Python's whitespace and line-boundary sets, Unicode
//! 14 case mappings with the final-sigma rule, padding rules, edge cases of
//! empty separators and out-of-range `start`/`end`).
//!
//! `start`/`end` arguments are `Option<i64>` (None = omitted); callers clamp
//! huge ints to the i64 range first, as CPython's `_PyEval_SliceIndex` does.

use super::str_ops::{byte_offset, char_len};
use super::unicode as u;
use super::{PyExcSpec, PyResult};

fn empty_sep() -> PyExcSpec {
    PyExcSpec::value_error("empty separator")
}

/// CPython's `ADJUST_INDICES`: clamps to `0..=len` (start may exceed len).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Char index of byte offset `b` in `s`.
fn char_index(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// The byte range of chars `start..end` (both within `0..=len`).
fn byte_range(s: &str, start: i64, end: i64) -> (usize, usize) {
    let b0 = byte_offset(s, start as usize);
    let b1 = b0 + byte_offset(&s[b0..], (end - start) as usize);
    (b0, b1)
}

fn find_impl(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, rev: bool) -> i64 {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end - start < char_len(sub) as i64 {
        return -1;
    }
    let (b0, b1) = byte_range(s, start, end);
    let hay = &s[b0..b1];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    found.map_or(-1, |b| start + char_index(hay, b) as i64)
}

/// `s.find(sub, start, end)`.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_impl(s, sub, start, end, false)
}
/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_impl(s, sub, start, end, true)
}
/// `s.index(sub, start, end)`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match find(s, sub, start, end) {
        -1 => Err(PyExcSpec::value_error("substring not found")),
        i => Ok(i),
    }
}
/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(PyExcSpec::value_error("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end - start < char_len(sub) as i64 {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let (b0, b1) = byte_range(s, start, end);
    s[b0..b1].matches(sub).count() as i64
}

/// `s.startswith(prefix, start, end)` for one prefix (tuples: caller loops).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}
/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

fn tailmatch(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, tail: bool) -> bool {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end - (char_len(sub) as i64) < start {
        return false;
    }
    let (b0, b1) = byte_range(s, start, end);
    if tail {
        s[b0..b1].ends_with(sub)
    } else {
        s[b0..b1].starts_with(sub)
    }
}

/// `s.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut max = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let Some(sep) = sep else {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let n = chars.len();
        let at = |k: usize| if k < n { chars[k].0 } else { s.len() };
        let mut out = Vec::new();
        let mut i = 0;
        while max > 0 {
            max -= 1;
            while i < n && u::is_space(chars[i].1) {
                i += 1;
            }
            if i == n {
                break;
            }
            let j = i;
            i += 1;
            while i < n && !u::is_space(chars[i].1) {
                i += 1;
            }
            out.push(s[at(j)..at(i)].to_string());
        }
        if i < n {
            while i < n && u::is_space(chars[i].1) {
                i += 1;
            }
            if i != n {
                out.push(s[at(i)..].to_string());
            }
        }
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(empty_sep());
    }
    let mut out = Vec::new();
    let mut rest = s;
    while max > 0 {
        let Some(p) = rest.find(sep) else { break };
        out.push(rest[..p].to_string());
        rest = &rest[p + sep.len()..];
        max -= 1;
    }
    out.push(rest.to_string());
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut max = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let Some(sep) = sep else {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let end_of = |k: usize| chars[k].0 + chars[k].1.len_utf8();
        let mut out = Vec::new();
        let mut i = chars.len() as i64 - 1;
        while max > 0 {
            max -= 1;
            while i >= 0 && u::is_space(chars[i as usize].1) {
                i -= 1;
            }
            if i < 0 {
                break;
            }
            let j = i;
            i -= 1;
            while i >= 0 && !u::is_space(chars[i as usize].1) {
                i -= 1;
            }
            out.push(s[chars[(i + 1) as usize].0..end_of(j as usize)].to_string());
        }
        if i >= 0 {
            while i >= 0 && u::is_space(chars[i as usize].1) {
                i -= 1;
            }
            if i >= 0 {
                out.push(s[..end_of(i as usize)].to_string());
            }
        }
        out.reverse();
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(empty_sep());
    }
    let mut out = Vec::new();
    let mut rest = s;
    while max > 0 {
        let Some(p) = rest.rfind(sep) else { break };
        out.push(rest[p + sep.len()..].to_string());
        rest = &rest[..p];
        max -= 1;
    }
    out.push(rest.to_string());
    out.reverse();
    Ok(out)
}

/// Python's line boundaries (`str.splitlines`).
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut eol = b + c.len_utf8();
        if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
            it.next();
            eol += 1;
        }
        out.push(s[start..if keepends { eol } else { b }].to_string());
        start = eol;
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

fn strip_set(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => u::is_space(c),
        Some(set) => set.contains(c),
    }
}

/// `s.strip(chars)`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(strip_set(chars))
}
/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(strip_set(chars))
}
/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(strip_set(chars))
}

/// `s.replace(old, new, count)`; `count < 0` replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < max {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, max)
}

/// `s.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match s.find(sep) {
        Some(p) => (s[..p].into(), sep.into(), s[p + sep.len()..].into()),
        None => (s.into(), String::new(), String::new()),
    })
}
/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match s.rfind(sep) {
        Some(p) => (s[..p].into(), sep.into(), s[p + sep.len()..].into()),
        None => (String::new(), String::new(), s.into()),
    })
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fillchar)` (the odd extra goes left when `width` is odd).
pub fn center(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    padded(s, left as usize, (marg - left) as usize, fill)
}
/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    padded(s, 0, (width - len).max(0) as usize, fill)
}
/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    padded(s, (width - len).max(0) as usize, 0, fill)
}
/// `s.zfill(width)`.
pub fn zfill(s: &str, width: i64) -> String {
    let len = char_len(s) as i64;
    if len >= width {
        return s.to_string();
    }
    let fill = (width - len) as usize;
    match s.chars().next() {
        Some(c @ ('+' | '-')) => {
            let mut out = String::from(c);
            out.push_str(&"0".repeat(fill));
            out.push_str(&s[1..]);
            out
        }
        _ => padded(s, fill, 0, '0'),
    }
}

/// `s.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    out
}

/// `s * n`.
pub fn repeat(s: &str, n: i64) -> String {
    if n <= 0 {
        String::new()
    } else {
        s.repeat(n as usize)
    }
}

/// `s.removeprefix(p)`.
pub fn removeprefix<'a>(s: &'a str, p: &str) -> &'a str {
    s.strip_prefix(p).unwrap_or(s)
}
/// `s.removesuffix(p)`.
pub fn removesuffix<'a>(s: &'a str, p: &str) -> &'a str {
    s.strip_suffix(p).unwrap_or(s)
}

#[path = "str_case.rs"]
mod case;
pub use case::*;

#[cfg(test)]
#[path = "str_methods_tests.rs"]
mod tests;
