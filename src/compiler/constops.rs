//! Python semantics of operations on compile-time constants, for constant
//! folding (CPython's `ast_opt.c` calls the real number/sequence protocols;
//! these mirror them for the constant types, including CPython's size
//! limits on folded results). `None` means "CPython would not fold this"
//! (the operation raises, or the result is too large).

#![allow(clippy::manual_checked_ops)]

use crate::ast::{CmpOp, Constant as C, Operator, UnaryOperator};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Python truthiness of a constant.
pub fn truthy(c: &C) -> bool {
    match c {
        C::None => false,
        C::Bool(b) => *b,
        C::Int(i) => !i.is_zero(),
        C::Float(f) => *f != 0.0,
        C::Complex(i) => *i != 0.0,
        C::ComplexPair { real, imag } => *real != 0.0 || *imag != 0.0,
        C::Str(s) => !s.is_empty(),
        C::Bytes(b) => !b.is_empty(),
        C::Ellipsis => true,
        C::Tuple(t) | C::FrozenSet(t) => !t.is_empty(),
    }
}

fn as_int(c: &C) -> Option<BigInt> {
    match c {
        C::Int(i) => Some(i.clone()),
        C::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn int_to_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    if f.is_finite() { Some(f) } else { None }
}

fn as_float(c: &C) -> Option<f64> {
    match c {
        C::Float(f) => Some(*f),
        _ => as_int(c).and_then(|i| int_to_f64(&i)),
    }
}

fn as_complex(c: &C) -> Option<(f64, f64)> {
    match c {
        C::Complex(i) => Some((0.0, *i)),
        C::ComplexPair { real, imag } => Some((*real, *imag)),
        _ => as_float(c).map(|f| (f, 0.0)),
    }
}

fn is_complex(c: &C) -> bool {
    matches!(c, C::Complex(_) | C::ComplexPair { .. })
}

fn is_intlike(c: &C) -> bool {
    matches!(c, C::Int(_) | C::Bool(_))
}

fn is_numeric(c: &C) -> bool {
    matches!(
        c,
        C::Int(_) | C::Bool(_) | C::Float(_) | C::Complex(_) | C::ComplexPair { .. }
    )
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn complex(real: f64, imag: f64) -> C {
    C::ComplexPair { real, imag }
}

/// Fold a unary operator.
pub fn unary(op: UnaryOperator, v: &C) -> Option<C> {
    match op {
        UnaryOperator::Not => Some(C::Bool(!truthy(v))),
        UnaryOperator::Invert => as_int(v).map(|i| C::Int(-i - 1)),
        UnaryOperator::USub => match v {
            C::Float(f) => Some(C::Float(-f)),
            C::Complex(_) | C::ComplexPair { .. } => {
                let (r, i) = as_complex(v)?;
                Some(complex(-r, -i))
            }
            _ => as_int(v).map(|i| C::Int(-i)),
        },
        UnaryOperator::UAdd => match v {
            C::Float(_) => Some(v.clone()),
            C::Complex(_) | C::ComplexPair { .. } => {
                let (r, i) = as_complex(v)?;
                Some(complex(r, i))
            }
            _ => as_int(v).map(C::Int),
        },
    }
}

fn float_floordiv_mod(a: f64, b: f64) -> Option<(f64, f64)> {
    if b == 0.0 {
        return None;
    }
    // CPython's float_divmod.
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    Some((floordiv, m))
}

fn float_pow(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return Some(1.0);
    }
    if a.is_nan() || b.is_nan() {
        return Some(f64::NAN);
    }
    if a == 0.0 && b < 0.0 {
        return None; // ZeroDivisionError
    }
    if a < 0.0 && b.is_finite() && b.floor() != b {
        return None; // complex result
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return None; // OverflowError
    }
    Some(r)
}

fn seq_repeat(v: &C, n: &BigInt) -> Option<C> {
    let size = match v {
        C::Str(s) => s.chars().count(),
        C::Bytes(b) => b.len(),
        C::Tuple(t) => t.len(),
        _ => return None,
    };
    let n_i64 = n.to_i64()?;
    if size > 0 {
        match v {
            C::Tuple(t) => {
                if n_i64 < 0 || n_i64 as usize > MAX_COLLECTION_SIZE / size {
                    return None;
                }
                if n_i64 > 0 && check_complexity_tuple(t, MAX_TOTAL_ITEMS / n_i64) < 0 {
                    return None;
                }
            }
            _ => {
                if n_i64 < 0 || n_i64 as usize > MAX_STR_SIZE / size {
                    return None;
                }
            }
        }
    }
    let n = n_i64.max(0) as usize;
    Some(match v {
        C::Str(s) => C::Str(s.repeat(n)),
        C::Bytes(b) => C::Bytes(b.repeat(n)),
        C::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            C::Tuple(out)
        }
        _ => unreachable!(),
    })
}

fn check_complexity(c: &C, mut limit: i64) -> i64 {
    match c {
        C::Tuple(t) | C::FrozenSet(t) => {
            limit -= t.len() as i64;
            for x in t {
                if limit < 0 {
                    break;
                }
                limit = check_complexity(x, limit);
            }
            limit
        }
        _ => limit,
    }
}

fn check_complexity_tuple(t: &[C], limit: i64) -> i64 {
    check_complexity(&C::Tuple(t.to_vec()), limit)
}

fn complex_div(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    // CPython's _Py_c_quot.
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_breal = br.abs();
    let abs_bimag = bi.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// CPython's `complex_pow` (integer exponents by repeated squaring).
fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            let d = c_powu(a, -n);
            complex_div((1.0, 0.0), d)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if !r.0.is_finite() || !r.1.is_finite() {
        return None;
    }
    Some(r)
}

/// Correctly rounded `a / b` for integers (CPython's `long_true_divide`);
/// None on overflow.
fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    let lim = BigInt::from(1u64 << 53);
    if a.abs() <= lim && b.abs() <= lim {
        return Some(a.to_f64()? / b.to_f64()?);
    }
    if a.is_zero() {
        return Some(if b.is_negative() { -0.0 } else { 0.0 });
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (q, r) = if shift >= 0 {
        a.div_rem(&(b << shift as usize))
    } else {
        (a << (-shift) as usize).div_rem(&b)
    };
    let mut q = q.to_u64()?;
    if !r.is_zero() {
        q |= 1;
    }
    let mut x = q as f64;
    // x * 2**shift, exactly (barring overflow/underflow).
    let mut e = shift;
    while e > 0 {
        let step = e.min(1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        x /= 2f64.powi(step as i32);
        e += step;
    }
    if x.is_infinite() {
        return None;
    }
    Some(if negative { -x } else { x })
}

/// Fold a binary operator (CPython's `fold_binop` with its safe_* limits).
pub fn binary(op: Operator, l: &C, r: &C) -> Option<C> {
    use Operator::*;
    // Sequences first.
    match (op, l, r) {
        (Add, C::Str(a), C::Str(b)) => return Some(C::Str(format!("{a}{b}"))),
        (Add, C::Bytes(a), C::Bytes(b)) => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            return Some(C::Bytes(v));
        }
        (Add, C::Tuple(a), C::Tuple(b)) => {
            let mut v = a.clone();
            v.extend(b.iter().cloned());
            return Some(C::Tuple(v));
        }
        (Mult, C::Str(_) | C::Bytes(_) | C::Tuple(_), n) if is_intlike(n) => {
            return seq_repeat(l, &as_int(n)?);
        }
        (Mult, n, C::Str(_) | C::Bytes(_) | C::Tuple(_)) if is_intlike(n) => {
            return seq_repeat(r, &as_int(n)?);
        }
        _ => {}
    }
    if !is_numeric(l) || !is_numeric(r) {
        return None;
    }
    if is_intlike(l) && is_intlike(r) {
        let a = as_int(l)?;
        let b = as_int(r)?;
        let both_bool = matches!(l, C::Bool(_)) && matches!(r, C::Bool(_));
        return match op {
            Add => Some(C::Int(a + b)),
            Sub => Some(C::Int(a - b)),
            Mult => {
                if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                Some(C::Int(a * b))
            }
            FloorDiv => (!b.is_zero()).then(|| C::Int(a.div_floor(&b))),
            Mod => (!b.is_zero()).then(|| C::Int(a.mod_floor(&b))),
            Div => {
                if b.is_zero() {
                    return None;
                }
                int_true_divide(&a, &b).map(C::Float)
            }
            Pow => {
                if b.is_negative() {
                    let fa = int_to_f64(&a)?;
                    let fb = int_to_f64(&b)?;
                    return float_pow(fa, fb).map(C::Float);
                }
                if !a.is_zero() && b.is_positive() {
                    let wbits = b.to_u64()?;
                    if bits(&a) > MAX_INT_SIZE / wbits {
                        return None;
                    }
                }
                let e = b.to_u32()?;
                Some(C::Int(num_traits::pow(a, e as usize)))
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                if !a.is_zero() && !b.is_zero() {
                    let wbits = b.to_u64()?;
                    if wbits > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - wbits {
                        return None;
                    }
                }
                Some(C::Int(a << b.to_usize()?))
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let sh = b.to_usize().unwrap_or(usize::MAX);
                if sh >= 1 << 20 {
                    return Some(C::Int(if a.is_negative() {
                        -BigInt::one()
                    } else {
                        BigInt::zero()
                    }));
                }
                // Python's >> floors.
                Some(C::Int(a.div_floor(&(BigInt::one() << sh))))
            }
            BitAnd if both_bool => Some(C::Bool(!(a & b).is_zero())),
            BitOr if both_bool => Some(C::Bool(!(a | b).is_zero())),
            BitXor if both_bool => Some(C::Bool(!(a ^ b).is_zero())),
            BitAnd => Some(C::Int(a & b)),
            BitOr => Some(C::Int(a | b)),
            BitXor => Some(C::Int(a ^ b)),
            MatMult => None,
        };
    }
    if is_complex(l) || is_complex(r) {
        let (ar, ai) = as_complex(l)?;
        let (br, bi) = as_complex(r)?;
        return match op {
            Add => Some(complex(ar + br, ai + bi)),
            Sub => Some(complex(ar - br, ai - bi)),
            Mult => Some(complex(ar * br - ai * bi, ar * bi + ai * br)),
            Div => complex_div((ar, ai), (br, bi)).map(|(x, y)| complex(x, y)),
            Pow => complex_pow((ar, ai), (br, bi)).map(|(x, y)| complex(x, y)),
            _ => None,
        };
    }
    let a = as_float(l)?;
    let b = as_float(r)?;
    match op {
        Add => Some(C::Float(a + b)),
        Sub => Some(C::Float(a - b)),
        Mult => Some(C::Float(a * b)),
        Div => (b != 0.0).then(|| C::Float(a / b)),
        FloorDiv => float_floordiv_mod(a, b).map(|(d, _)| C::Float(d)),
        Mod => float_floordiv_mod(a, b).map(|(_, m)| C::Float(m)),
        Pow => float_pow(a, b).map(C::Float),
        _ => None,
    }
}

/// Fold `value[index]` for constant sequences and an integer index.
pub fn subscript(v: &C, idx: &C) -> Option<C> {
    let i = as_int(idx)?;
    let len = match v {
        C::Str(s) => s.chars().count(),
        C::Bytes(b) => b.len(),
        C::Tuple(t) => t.len(),
        _ => return None,
    } as i64;
    let mut i = i.to_i64()?;
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    Some(match v {
        C::Str(s) => C::Str(s.chars().nth(i)?.to_string()),
        C::Bytes(b) => C::Int(BigInt::from(b[i])),
        C::Tuple(t) => t[i].clone(),
        _ => return None,
    })
}

/// The comparison that `not (a op b)` becomes, for the ops CPython inverts.
pub fn invert_cmp(op: CmpOp) -> Option<CmpOp> {
    match op {
        CmpOp::Is => Some(CmpOp::IsNot),
        CmpOp::IsNot => Some(CmpOp::Is),
        CmpOp::In => Some(CmpOp::NotIn),
        CmpOp::NotIn => Some(CmpOp::In),
        _ => None,
    }
}
