//! Literal scanning and decoding for the lexer: numeric literals (int with
//! radix prefixes and underscores, float, imaginary) and string literals
//! (finding the end of a quoted body, prefix handling, escape decoding).
//! F-string bodies are handed to [`crate::fstring`].

use crate::error::{CompileError, SyntaxErrorKind};
use crate::lexer::{StrLit, Tok};
use crate::source::{Pos, syntax_error};
use num_bigint::BigInt;

/// Error from number scanning: message and the 0-based column offset (from
/// the number's start) that CPython reports, plus an optional end offset.
pub struct NumError {
    pub msg: String,
    pub at: usize,
    pub end: Option<usize>,
}

fn nerr(msg: impl Into<String>, at: usize) -> NumError {
    NumError {
        msg: msg.into(),
        at: at.saturating_sub(1),
        end: None,
    }
}

/// Keywords that may directly follow a number (`1if x else y`).
const NUM_FOLLOWERS: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && c.is_alphanumeric())
}

/// Scans digits allowing single underscores between them. Returns the end
/// index, or an error at the offending position.
fn digits(s: &[u8], mut i: usize, ok: impl Fn(u8) -> bool, kind: &str) -> Result<usize, NumError> {
    let start = i;
    while i < s.len() {
        if ok(s[i]) {
            i += 1;
        } else if s[i] == b'_' && i > start {
            i += 1;
            if i >= s.len() || !ok(s[i]) {
                return Err(nerr(format!("invalid {kind} literal"), i));
            }
        } else {
            break;
        }
    }
    Ok(i)
}

/// Scans a numeric literal at the start of `text`; returns the token and its byte length.
pub fn scan_number(text: &str) -> Result<(Tok, usize), NumError> {
    let s = text.as_bytes();
    let clean = |a: usize, b: usize| text[a..b].replace('_', "");
    if s.len() > 1 && s[0] == b'0' && matches!(s[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        let (radix, kind) = match s[1] {
            b'x' | b'X' => (16, "hexadecimal"),
            b'o' | b'O' => (8, "octal"),
            _ => (2, "binary"),
        };
        let mut i = 2;
        if i < s.len() && s[i] == b'_' {
            i += 1;
        }
        let start = i;
        let end = digits(s, i, |c| (c as char).is_digit(radix), kind)?;
        if end == start {
            return Err(nerr(format!("invalid {kind} literal"), end));
        }
        if end < s.len() && (s[end] as char).is_ascii_digit() {
            return Err(nerr(
                format!("invalid digit '{}' in {kind} literal", s[end] as char),
                end + 1,
            ));
        }
        check_end(text, end, kind)?;
        let v = BigInt::parse_bytes(clean(start, end).as_bytes(), radix).unwrap_or_default();
        return Ok((Tok::Int(v), end));
    }
    let mut i = 0;
    let mut is_float = false;
    if s[0] != b'.' {
        i = digits(s, 0, |c| c.is_ascii_digit(), "decimal")?;
    }
    if i < s.len() && s[i] == b'.' {
        is_float = true;
        i += 1;
        if i < s.len() && s[i].is_ascii_digit() {
            i = digits(s, i, |c| c.is_ascii_digit(), "decimal")?;
        }
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
            if j >= s.len() || !s[j].is_ascii_digit() {
                return Err(nerr("invalid decimal literal", j));
            }
        }
        if j < s.len() && s[j].is_ascii_digit() {
            i = digits(s, j, |c| c.is_ascii_digit(), "decimal")?;
            is_float = true;
        } else {
            // `1e` / `1else`: the 'e' is not part of the number.
            check_end(text, i, "decimal")?;
        }
    }
    if i < s.len() && (s[i] == b'j' || s[i] == b'J') {
        let v: f64 = clean(0, i).parse().unwrap_or(0.0);
        check_end(text, i + 1, "imaginary")?;
        return Ok((Tok::Imag(v), i + 1));
    }
    check_end(text, i, "decimal")?;
    if is_float {
        let v: f64 = clean(0, i).parse().unwrap_or(0.0);
        return Ok((Tok::Float(v), i));
    }
    let digits_only = clean(0, i);
    if digits_only.len() > 1
        && digits_only.starts_with('0')
        && digits_only.bytes().any(|b| b != b'0')
    {
        return Err(NumError {
            msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
            at: 0,
            end: None,
        });
    }
    let v = BigInt::parse_bytes(digits_only.as_bytes(), 10).unwrap_or_default();
    Ok((Tok::Int(v), i))
}

/// A number directly followed by a name character is an error, unless the
/// name is one of the keywords CPython tolerates there.
fn check_end(text: &str, end: usize, kind: &str) -> Result<(), NumError> {
    let rest = &text[end..];
    if let Some(c) = rest.chars().next()
        && is_name_char(c)
        && !NUM_FOLLOWERS.iter().any(|k| rest.starts_with(k))
    {
        return Err(nerr(format!("invalid {kind} literal"), end));
    }
    Ok(())
}

/// Finds the end of a string body that starts right after the opening quote.
/// Returns (length through the closing quote(s), is_triple), or Err(is_triple)
/// when unterminated.
pub fn scan_string(rest: &str, quote: u8) -> Result<(usize, bool), bool> {
    let b = rest.as_bytes();
    let triple = b.len() >= 2 && b[0] == quote && b[1] == quote;
    if triple {
        let mut i = 2;
        while i < b.len() {
            if b[i] == b'\\' {
                i += 2;
                continue;
            }
            if b[i] == quote && i + 2 < b.len() && b[i + 1] == quote && b[i + 2] == quote {
                return Ok((i + 3, true));
            }
            i += 1;
        }
        Err(true)
    } else {
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\\' => {
                    i += 2;
                    continue;
                }
                b'\n' => return Err(false),
                c if c == quote => return Ok((i + 1, false)),
                _ => i += 1,
            }
        }
        Err(false)
    }
}

/// Decodes one string literal: `prefix` as written, `content` between the quotes.
pub fn decode_literal(
    prefix: &str,
    content: &str,
    content_pos: Pos,
    tok_start: Pos,
) -> Result<StrLit, CompileError> {
    let p = prefix.to_ascii_lowercase();
    let raw = p.contains('r');
    if p.contains('b') {
        if !content.is_ascii() {
            let end = Pos::new(
                tok_start.line,
                tok_start.col + prefix.chars().count() as u32 + content.chars().count() as u32 + 2,
            );
            return Err(syntax_error(
                SyntaxErrorKind::SyntaxError,
                "bytes can only contain ASCII literal characters",
                tok_start,
                end,
            )
            .into());
        }
        if raw {
            return Ok(StrLit::Bytes(content.as_bytes().to_vec()));
        }
        return decode_escapes(content, true, content_pos)
            .map(|v| StrLit::Bytes(v.into_iter().map(|c| c as u8).collect()));
    }
    if p.contains('f') {
        return crate::fstring::parse_fstring(content, raw, content_pos).map(StrLit::FStr);
    }
    if raw {
        return Ok(StrLit::Str(content.to_string()));
    }
    decode_escapes(content, false, content_pos).map(|v| StrLit::Str(v.into_iter().collect()))
}

/// The character a `\N{NAME}` escape names, as CPython's `unicodedata`
/// lookup finds it: case-insensitive, formal aliases included. Builds
/// without the `unicode-names` feature (the browser playground, where the
/// name table would be 40% of the download) answer `Err` with the
/// unsupported construct instead of guessing.
fn lookup_char_name(name: &str, pos: Pos) -> Result<Option<char>, CompileError> {
    let well_formed = name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ");
    if !well_formed {
        return Ok(None);
    }
    #[cfg(feature = "unicode-names")]
    {
        let _ = pos;
        Ok(unicode_names2::character(&name.to_ascii_uppercase()))
    }
    #[cfg(not(feature = "unicode-names"))]
    Err(CompileError::Unsupported(crate::error::Unsupported {
        construct: format!(
            "the escape \\N{{{name}}} (this build has no Unicode name table: \
             write the character itself or \\u/\\U with its code point)"
        ),
        filename: String::new(),
        line: pos.line,
        col: pos.col,
    }))
}

/// Decodes backslash escapes; for bytes every result char is < 256.
pub fn decode_escapes(s: &str, bytes: bool, pos: Pos) -> Result<Vec<char>, CompileError> {
    let mut out = Vec::with_capacity(s.len());
    let mut it = s.char_indices().peekable();
    let uerr = |msg: String| -> CompileError {
        let codec = if bytes {
            "(value error)"
        } else {
            "(unicode error) 'unicodeescape' codec can't decode bytes in position"
        };
        let m = format!("{codec} {msg}");
        syntax_error(SyntaxErrorKind::SyntaxError, m, pos, pos).into()
    };
    while let Some((i, c)) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = it.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match it.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            it.next();
                        }
                        _ => break,
                    }
                }
                if bytes {
                    v &= 0xff;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if e == 'x' || !bytes => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                let mut got = 0;
                while got < n {
                    match it.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            it.next();
                            got += 1;
                        }
                        _ => break,
                    }
                }
                let end = i + 1 + got;
                if got < n {
                    if bytes {
                        return Err(uerr(format!("invalid \\x escape at position {i}")));
                    }
                    let what = match e {
                        'x' => "truncated \\xXX escape",
                        'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err(uerr(format!("{i}-{end}: {what}")));
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => return Err(uerr(format!("{i}-{}: illegal Unicode character", end))),
                }
            }
            'N' if !bytes => {
                // CPython's unicodeescape decoder: `\N{NAME}` with the name
                // looked up case-insensitively (aliases included, named
                // sequences not); the error end is where the scan stopped.
                let after = i + 2;
                let rest = &s[after..];
                let (end, ch) = match rest.strip_prefix('{') {
                    None => (after, None),
                    Some(body) => match body.find('}') {
                        None => (s.len(), None),
                        Some(0) => (after + 1, None),
                        Some(n) => {
                            let name = &body[..n];
                            let end = after + n + 2;
                            match lookup_char_name(name, pos)? {
                                Some(ch) => (end, Some(ch)),
                                None => {
                                    let last = end - 1;
                                    return Err(uerr(format!(
                                        "{i}-{last}: unknown Unicode character name"
                                    )));
                                }
                            }
                        }
                    },
                };
                match ch {
                    Some(ch) => {
                        out.push(ch);
                        while it.peek().is_some_and(|&(j, _)| j < end) {
                            it.next();
                        }
                    }
                    None => {
                        let last = end - 1;
                        return Err(uerr(format!("{i}-{last}: malformed \\N character escape")));
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
