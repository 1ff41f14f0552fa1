//! CPython 3.11's `hash()` for the builtin value types: the numeric hash
//! modulo the Mersenne prime 2**61-1 shared by int, bool and float (so
//! `hash(1.0) == hash(1)`), the identity hash `_Py_HashPointer`, the
//! xxHash-based tuple hash and the order-independent frozenset hash.
//!
//! str and bytes use SipHash-1-3 over CPython's internal representation
//! (Latin-1, UCS-2 or UCS-4 code units, so `hash('abc') == hash(b'abc')`).
//! CPython keys it with a random per-process secret; we use the all-zero key,
//! which is exactly what CPython does under `PYTHONHASHSEED=0`, so our values
//! equal `PYTHONHASHSEED=0 python3`'s.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// Number of bits in the numeric hash modulus.
pub const HASH_BITS: u32 = 61;
/// `sys.hash_info.modulus`: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314159;

fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(n)` for an int that fits in an i64.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % HASH_MODULUS) as i64;
    fix(if n < 0 { -m } else { m })
}

/// `hash(n)` for an int.
pub fn hash_int(n: &BigInt) -> i64 {
    if let Some(v) = n.to_i64() {
        return hash_i64(v);
    }
    let m = n
        .abs()
        .mod_floor(&BigInt::from(HASH_MODULUS))
        .to_i64()
        .expect("reduced");
    fix(if n.is_negative() { -m } else { m })
}

/// `hash(b)` for a bool.
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `_Py_HashPointer`: the identity hash of an object at address `addr`
/// (also `hash(None)` and `object.__hash__` in 3.11).
pub fn hash_pointer(addr: usize) -> i64 {
    let y = (addr as u64).rotate_right(4);
    fix(y as i64)
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(x)` for a float; `identity` is the object's address, used for NaN
/// (3.10+ hashes NaNs by identity).
pub fn hash_float(v: f64, identity: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(identity);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    fix((x as i64).wrapping_mul(sign))
}

/// `hash(t)` for a tuple given its items' hashes (3.8+ xxHash-based `tuplehash`).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(fs)` for a frozenset given its elements' hashes (any order).
pub fn hash_frozenset(elem_hashes: &[i64]) -> i64 {
    let mut hash: u64 = 0;
    for &h in elem_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (elem_hashes.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

fn siphash13(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    h.write(data);
    fix(h.finish() as i64)
}

/// `hash(b)` for bytes (and the hash of a str whose characters are all < 256).
pub fn hash_bytes(b: &[u8]) -> i64 {
    siphash13(b)
}

/// `hash(s)` for a str: SipHash-1-3 over CPython's compact representation.
pub fn hash_str(s: &str) -> i64 {
    // ASCII (the common case) is its own latin-1 representation.
    if s.is_ascii() {
        return siphash13(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let data: Vec<u8> = if max < 0x100 {
        s.chars().map(|c| c as u8).collect()
    } else if max < 0x10000 {
        s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect()
    } else {
        s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
    };
    siphash13(&data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantics::testutil::{float, int, unhex};

    #[test]
    fn hashes_match_cpython() {
        for line in include_str!("testdata/hash.txt").lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let want: i64 = f[2].parse().unwrap();
            let got = match f[0] {
                "int" => hash_int(&int(f[1])),
                "float" => hash_float(float(f[1]), 0),
                "str" => hash_str(&unhex(f[1])),
                "bytes" => hash_bytes(&crate::semantics::testutil::unhex_bytes(f[1])),
                "tuple" | "frozenset" => {
                    let hs: Vec<i64> = if f[1].is_empty() {
                        vec![]
                    } else {
                        f[1].split(',').map(|h| h.parse().unwrap()).collect()
                    };
                    if f[0] == "tuple" {
                        hash_tuple(&hs)
                    } else {
                        hash_frozenset(&hs)
                    }
                }
                k => panic!("{k}"),
            };
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn identity_and_specials() {
        assert_eq!(hash_pointer(0x7f00_0000_1230), 0x07f0_0000_0123);
        assert_eq!(hash_float(f64::INFINITY, 0), 314159);
        assert_eq!(hash_float(f64::NAN, 0x100), 0x10);
        assert_eq!(hash_bool(true), 1);
    }
}
