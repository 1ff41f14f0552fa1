//! Per-character Unicode properties and case mappings exactly as CPython 3.11
//! sees them (Unicode 14.0), backed by tables generated from `unicodedata`
//! (see `gen/gen_unicode.py`). Rust's own `char` methods follow a newer
//! Unicode version and different definitions (e.g. `is_alphabetic`), so the
//! str methods use these instead.

use super::unicode_data as d;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    match table.binary_search_by(|&(lo, _)| lo.cmp(&c)) {
        Ok(_) => true,
        Err(0) => false,
        Err(i) => c < table[i - 1].1,
    }
}

fn mapping(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by(|&(k, _)| k.cmp(&(c as u32)))
        .ok()
        .map(|i| table[i].1)
}

/// `str.isprintable` for one character (also decides escaping in `repr`).
pub fn is_printable(c: char) -> bool {
    in_ranges(d::PRINTABLE, c)
}
/// `str.isalpha` for one character (categories Lm, Lt, Lu, Ll, Lo).
pub fn is_alpha(c: char) -> bool {
    in_ranges(d::ALPHA, c)
}
/// `str.isdecimal` for one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    in_ranges(d::DECIMAL, c)
}
/// `str.isdigit` for one character.
pub fn is_digit(c: char) -> bool {
    in_ranges(d::DIGIT, c)
}
/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    in_ranges(d::NUMERIC, c)
}
/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
/// `str.isspace` for one character; also the separator set of `str.split()`.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f'
        )
    } else {
        in_ranges(d::SPACE, c)
    }
}
/// `str.islower` for one character (Lowercase property).
pub fn is_lower(c: char) -> bool {
    in_ranges(d::LOWER, c)
}
/// `str.isupper` for one character (Uppercase property).
pub fn is_upper(c: char) -> bool {
    in_ranges(d::UPPER, c)
}
/// Titlecase letter (category Lt).
pub fn is_title(c: char) -> bool {
    in_ranges(d::TITLE, c)
}
/// The Unicode `Cased` property.
pub fn is_cased(c: char) -> bool {
    in_ranges(d::CASED, c)
}
/// The Unicode `Case_Ignorable` property.
pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(d::CASE_IGNORABLE, c)
}
/// May start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    in_ranges(d::XID_START, c)
}
/// May continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    in_ranges(d::XID_CONTINUE, c)
}
/// The decimal digit value of a character of category Nd (`unicodedata.decimal`).
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let t = d::DECIMAL_VALUE;
    let i = match t.binary_search_by(|&(lo, _, _)| lo.cmp(&cp)) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let (lo, hi, v) = t[i];
    (cp < hi).then(|| (v as u32 + (cp - lo)) % 10)
}

/// Pushes the full lowercase mapping of `c` (without the final-sigma rule).
pub fn push_lower(out: &mut String, c: char) {
    match mapping(d::TO_LOWER, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}
/// Pushes the full uppercase mapping of `c`.
pub fn push_upper(out: &mut String, c: char) {
    match mapping(d::TO_UPPER, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}
/// Pushes the full titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    match mapping(d::TO_TITLE, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}
/// Pushes the full case folding of `c` (`str.casefold`).
pub fn push_fold(out: &mut String, c: char) {
    match mapping(d::TO_FOLD, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_properties() {
        assert!(is_printable(' ') && !is_printable('\n') && !is_printable('\u{ad}'));
        assert!(is_alpha('é') && !is_alpha('1'));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('x'), None);
        assert!(is_space('\u{3000}') && is_space('\x1f') && !is_space('\u{200b}'));
        let mut s = String::new();
        push_upper(&mut s, 'ß');
        push_lower(&mut s, 'İ');
        push_title(&mut s, 'ǆ');
        assert_eq!(s, "SSi\u{307}ǅ");
        assert!(is_cased('a') && !is_cased('1') && is_case_ignorable('\''));
    }
}
