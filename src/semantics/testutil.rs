//! Test helpers: decoding the tables in `testdata/` (written by the scripts in
//! `gen/` from python3's own results) and encoding our results the same way.

use super::PyResult;
use num_bigint::BigInt;

pub fn unhex_bytes(h: &str) -> Vec<u8> {
    (0..h.len() / 2)
        .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

pub fn unhex(h: &str) -> String {
    String::from_utf8(unhex_bytes(h)).unwrap()
}

pub fn int(s: &str) -> BigInt {
    let h = s.strip_prefix("i:").expect("int field");
    BigInt::parse_bytes(h.as_bytes(), 16).unwrap()
}

pub fn float(s: &str) -> f64 {
    let h = s.strip_prefix("f:").expect("float field");
    f64::from_bits(u64::from_str_radix(h, 16).unwrap())
}

pub fn string(s: &str) -> String {
    unhex(s.strip_prefix("s:").expect("str field"))
}

pub fn enc_int(v: &BigInt) -> String {
    format!("i:{}", v.to_str_radix(16))
}

pub fn enc_float(v: f64) -> String {
    if v.is_nan() {
        "f:nan".to_string()
    } else {
        format!("f:{:016x}", v.to_bits())
    }
}

pub fn enc_str(v: &str) -> String {
    let h: String = v.bytes().map(|b| format!("{b:02x}")).collect();
    format!("s:{h}")
}

/// Normalises an expected field (NaN payloads and signs are not compared).
pub fn norm(expected: &str) -> String {
    expected
        .split(',')
        .map(|f| {
            if f.starts_with("f:") && float(f).is_nan() {
                "f:nan".to_string()
            } else {
                f.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub fn enc_res<T>(r: PyResult<T>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => format!("!{}:{}", e.kind.name(), e.msg),
    }
}
