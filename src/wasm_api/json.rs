//! A tiny JSON writer and reader for the browser façade.
//!
//! The façade talks to JavaScript in JSON strings; pulling in serde would
//! double the size of the wasm module for a handful of flat objects, so this
//! writes JSON by hand ([`JsonOut`]) and parses the small inputs the page
//! sends (file maps, run options) with [`parse`].

use std::collections::BTreeMap;
use std::fmt::Write;

/// Appends `s` to `out` as a JSON string literal (with quotes).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON string literal for `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str(&mut out, s);
    out
}

/// Builds one JSON object or array incrementally, handling the commas.
#[derive(Debug, Default)]
pub struct JsonOut {
    pub buf: String,
    /// One entry per open container: whether it already has an element.
    open: Vec<bool>,
    /// A key was just written: the next value needs no comma.
    after_key: bool,
}

impl JsonOut {
    pub fn new() -> Self {
        JsonOut::default()
    }

    /// Writes the comma before a new element when one is needed.
    fn value_sep(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if let Some(has) = self.open.last_mut() {
            if *has {
                self.buf.push(',');
            }
            *has = true;
        }
    }

    /// Writes `"key":` inside an object (the value follows).
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.value_sep();
        write_str(&mut self.buf, k);
        self.buf.push(':');
        self.after_key = true;
        self
    }

    pub fn begin_obj(&mut self) -> &mut Self {
        self.value_sep();
        self.buf.push('{');
        self.open.push(false);
        self
    }

    pub fn end_obj(&mut self) -> &mut Self {
        self.open.pop();
        self.buf.push('}');
        self
    }

    pub fn begin_arr(&mut self) -> &mut Self {
        self.value_sep();
        self.buf.push('[');
        self.open.push(false);
        self
    }

    pub fn end_arr(&mut self) -> &mut Self {
        self.open.pop();
        self.buf.push(']');
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.value_sep();
        write_str(&mut self.buf, s);
        self
    }

    pub fn num(&mut self, n: impl std::fmt::Display) -> &mut Self {
        self.value_sep();
        let _ = write!(self.buf, "{n}");
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.value_sep();
        self.buf.push_str(if b { "true" } else { "false" });
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.value_sep();
        self.buf.push_str("null");
        self
    }

    /// A value that is already JSON text.
    pub fn raw(&mut self, json: &str) -> &mut Self {
        self.value_sep();
        self.buf.push_str(json);
        self
    }

    /// `"key": "value"` in one call.
    pub fn kv_str(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k).str(v)
    }

    /// `"key": number` in one call.
    pub fn kv_num(&mut self, k: &str, v: impl std::fmt::Display) -> &mut Self {
        self.key(k).num(v)
    }

    pub fn finish(self) -> String {
        self.buf
    }
}

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.get(key),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// Parses a JSON document; the error says where it went wrong.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(format!("trailing characters at byte {}", p.i));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.i))
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > 64 {
            return self.err("nesting too deep");
        }
        self.ws();
        match self.s.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'{') => {
                self.i += 1;
                let mut m = BTreeMap::new();
                self.ws();
                if self.eat("}") {
                    return Ok(Json::Obj(m));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(":") {
                        return self.err("expected ':'");
                    }
                    let v = self.value(depth + 1)?;
                    m.insert(k, v);
                    self.ws();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("}") {
                        return Ok(Json::Obj(m));
                    }
                    return self.err("expected ',' or '}'");
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut a = Vec::new();
                self.ws();
                if self.eat("]") {
                    return Ok(Json::Arr(a));
                }
                loop {
                    a.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(",") {
                        continue;
                    }
                    if self.eat("]") {
                        return Ok(Json::Arr(a));
                    }
                    return self.err("expected ',' or ']'");
                }
            }
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(_) => self.number(),
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        while self.i < self.s.len()
            && matches!(
                self.s[self.i],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
        match text.parse::<f64>() {
            Ok(n) if !text.is_empty() => Ok(Json::Num(n)),
            _ => {
                self.i = start;
                self.err("invalid value")
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or("truncated \\u escape")?;
        let h = std::str::from_utf8(h).map_err(|_| "bad \\u escape")?;
        let v = u32::from_str_radix(h, 16).map_err(|_| "bad \\u escape")?;
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        if !self.eat("\"") {
            return self.err("expected a string");
        }
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.s.get(self.i) else {
                return self.err("unterminated string");
            };
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else {
                        return self.err("unterminated escape");
                    };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let cp = if (0xD800..0xDC00).contains(&hi) && self.eat("\\u") {
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                            } else {
                                hi
                            };
                            char::from_u32(cp).unwrap_or('\u{FFFD}')
                        }
                        _ => return self.err("bad escape"),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|_| "invalid UTF-8 in string".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_values_with_commas() {
        let mut j = JsonOut::new();
        j.begin_obj();
        j.kv_str("a", "x\"y\n");
        j.key("b")
            .begin_arr()
            .num(1)
            .num(2)
            .bool(true)
            .null()
            .end_arr();
        j.key("c").begin_obj().kv_num("d", 3).end_obj();
        j.end_obj();
        assert_eq!(
            j.finish(),
            r#"{"a":"x\"y\n","b":[1,2,true,null],"c":{"d":3}}"#
        );
    }

    #[test]
    fn parses_what_the_page_sends() {
        let v = parse(r#" {"main.py": "print('\u00e9')\n", "n": 1e3, "ok": false, "l": [null, "\ud83d\ude00"]} "#)
            .unwrap();
        assert_eq!(
            v.get("main.py").and_then(Json::as_str),
            Some("print('é')\n")
        );
        assert_eq!(v.get("n").and_then(Json::as_f64), Some(1000.0));
        assert_eq!(v.get("ok").and_then(Json::as_bool), Some(false));
        assert_eq!(
            v.get("l"),
            Some(&Json::Arr(vec![Json::Null, Json::Str("😀".into())]))
        );
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "1 2"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
