//! `repr()` of `str` and `bytes` exactly as CPython 3.11 prints them, plus the
//! small character-index helpers the str methods share (Python indexes str by
//! code point, Rust by byte).

use super::unicode;

/// The quote CPython picks: `'` unless the text contains `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// `repr(s)` for a str.
pub fn str_repr(s: &str) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let cp = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if cp < 0x20 || cp == 0x7f => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x7f => out.push(c),
            _ if unicode::is_printable(c) => out.push(c),
            _ if cp <= 0xff => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp <= 0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for bytes (`b'...'`); `bytearray` wraps this as `bytearray(b'...')`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `ascii()` from a repr: non-ASCII characters become `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN` (backslashreplace).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp <= 0xff {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp <= 0xffff {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// Number of code points (Python's `len(s)`).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point index `i` (clamped to `s.len()`).
pub fn byte_offset(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// The substring between code point indices `start..end` (already clamped).
pub fn char_slice(s: &str, start: usize, end: usize) -> &str {
    if end <= start {
        return "";
    }
    let b0 = byte_offset(s, start);
    let b1 = b0 + byte_offset(&s[b0..], end - start);
    &s[b0..b1]
}

/// `s[start:stop:step]` given indices already adjusted by [`super::slice::slice_indices`].
pub fn str_slice(s: &str, start: i64, step: i64, slicelength: usize) -> String {
    if step == 1 {
        return char_slice(s, start as usize, start as usize + slicelength).to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    (0..slicelength)
        .map(|k| chars[(start + k as i64 * step) as usize])
        .collect()
}

/// `s[i]` for an index already made non-negative and in range.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    if s.is_ascii() {
        return s.as_bytes().get(i).map(|b| *b as char);
    }
    s.chars().nth(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        for line in include_str!("testdata/str_repr.txt").lines() {
            let (input, want) = line.split_once('\t').unwrap();
            let input = super::super::testutil::unhex(input);
            assert_eq!(str_repr(&input), want, "input {input:?}");
        }
    }

    #[test]
    fn bytes_repr_matches_cpython() {
        for line in include_str!("testdata/bytes_repr.txt").lines() {
            let (input, want) = line.split_once('\t').unwrap();
            let bytes = super::super::testutil::unhex_bytes(input);
            assert_eq!(bytes_repr(&bytes), want);
        }
    }
}
