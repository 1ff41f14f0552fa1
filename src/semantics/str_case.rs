//! Case conversions and character-class predicates of `str` (CPython 3.11,
//! Unicode 14): `upper`, `lower` (with the final-sigma rule), `casefold`,
//! `title`, `capitalize`, `swapcase` and the `is*` methods.

use super::u;

/// `handle_capital_sigma`: σ or ς for the capital sigma at `i`.
fn sigma(chars: &[char], i: usize) -> char {
    let mut j = i;
    let mut before = None;
    while j > 0 {
        j -= 1;
        if !u::is_case_ignorable(chars[j]) {
            before = Some(chars[j]);
            break;
        }
    }
    let mut final_sigma = before.is_some_and(u::is_cased);
    if final_sigma {
        let after = chars[i + 1..].iter().find(|c| !u::is_case_ignorable(**c));
        final_sigma = after.is_none_or(|c| !u::is_cased(*c));
    }
    if final_sigma { '\u{3c2}' } else { '\u{3c3}' }
}

fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == '\u{3a3}' {
        out.push(sigma(chars, i));
    } else {
        u::push_lower(out, chars[i]);
    }
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| u::push_upper(&mut out, c));
    out
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    (0..chars.len()).for_each(|i| push_lower_at(&mut out, &chars, i));
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| u::push_fold(&mut out, c));
    out
}

/// `s.title()`.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            u::push_title(&mut out, c);
        }
        prev_cased = u::is_cased(c);
    }
    out
}

/// `s.capitalize()` (3.8+: the first character is titlecased).
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            u::push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if u::is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if u::is_lower(c) {
            u::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, u::is_space)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, u::is_alpha)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, u::is_alnum)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, u::is_decimal)
}
/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, u::is_digit)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, u::is_numeric)
}
/// `s.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// `s.isprintable()`.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(u::is_printable)
}
/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || u::is_xid_start(c) => it.all(u::is_xid_continue),
        _ => false,
    }
}
/// `s.isupper()`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_lower(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_upper(c);
    }
    cased
}
/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_upper(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_lower(c);
    }
    cased
}
/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if u::is_upper(c) || u::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if u::is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}
