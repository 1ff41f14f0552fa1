//! Fast paths for BINARY_OP and COMPARE_OP when both operands are exact
//! `int`s (that fit in an `i64`) or exact `float`s — what CPython 3.11's
//! specialized instructions (`BINARY_OP_ADD_INT`, `COMPARE_OP_FLOAT_JUMP`…)
//! skip the generic protocol for.
//!
//! A fast path only answers when the result is certain and raises nothing
//! (no overflow out of `i64`, no division by zero, no int too large to
//! convert exactly); otherwise it returns `None` and the caller takes the
//! generic path, which computes the same result or raises the error. The
//! result object is created exactly as the generic path creates it
//! (`new_int`, `new_float`, `bool`), so refcounts and addresses are the same.

use crate::ast::Operator;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt};
use crate::runtime::vm::Vm;
use crate::semantics::float_ops;

/// An exact int or float operand.
#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

/// Ints up to this magnitude convert to float exactly (2**53).
const EXACT_FLOAT_INT: i64 = 1 << 53;

/// `x op y` on ints, when it fits in an `i64`.
#[inline]
fn int_op(x: i64, y: i64, op: Operator) -> Option<i64> {
    match op {
        Operator::Add => x.checked_add(y),
        Operator::Sub => x.checked_sub(y),
        Operator::Mult => x.checked_mul(y),
        Operator::FloorDiv => {
            let q = x.checked_div(y)?;
            // Python rounds towards negative infinity.
            Some(if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            })
        }
        Operator::Mod => {
            let r = x.checked_rem(y)?;
            // The result takes the sign of the divisor.
            Some(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            })
        }
        Operator::BitAnd => Some(x & y),
        Operator::BitOr => Some(x | y),
        Operator::BitXor => Some(x ^ y),
        Operator::RShift if y >= 0 => Some(x >> y.min(63)),
        _ => None,
    }
}

/// `x op y` on floats, when it raises nothing.
#[inline]
fn float_op(x: f64, y: f64, op: Operator) -> Option<f64> {
    match op {
        Operator::Add => Some(x + y),
        Operator::Sub => Some(x - y),
        Operator::Mult => Some(x * y),
        Operator::Div => float_ops::true_div(x, y).ok(),
        Operator::FloorDiv => float_ops::floordiv(x, y).ok(),
        Operator::Mod => float_ops::modulo(x, y).ok(),
        _ => None,
    }
}

/// An int as a float, when the conversion is exact.
#[inline]
fn exact_f64(v: i64) -> Option<f64> {
    (-EXACT_FLOAT_INT..=EXACT_FLOAT_INT)
        .contains(&v)
        .then_some(v as f64)
}

impl Vm {
    /// `o` as an exact int or float (not a subclass, not a bool).
    #[inline]
    fn exact_num(&self, o: ObjRef) -> Option<Num> {
        let obj = self.heap.objects.get(o)?;
        match obj.payload {
            Payload::Int(PyInt::Small(v)) if obj.ty == self.types.int => Some(Num::Int(v)),
            Payload::Float(f) if obj.ty == self.types.float => Some(Num::Float(f)),
            _ => None,
        }
    }

    /// BINARY_OP `op` on exact ints/floats: the result (a new reference),
    /// or `None` when the generic path must decide.
    #[inline]
    pub(crate) fn fast_binary_op(&mut self, a: ObjRef, b: ObjRef, op: Operator) -> Option<ObjRef> {
        let (x, y) = (self.exact_num(a)?, self.exact_num(b)?);
        let r = match (x, y) {
            (Num::Int(x), Num::Int(y)) => {
                if op == Operator::Div {
                    // int / int is correctly rounded; exact operands make it one division.
                    float_op(exact_f64(x)?, exact_f64(y)?, op).map(Num::Float)
                } else {
                    int_op(x, y, op).map(Num::Int)
                }
            }
            (Num::Float(x), Num::Float(y)) => float_op(x, y, op).map(Num::Float),
            (Num::Float(x), Num::Int(y)) => float_op(x, exact_f64(y)?, op).map(Num::Float),
            (Num::Int(x), Num::Float(y)) => float_op(exact_f64(x)?, y, op).map(Num::Float),
        }?;
        Some(match r {
            Num::Int(v) => self.new_int(v),
            Num::Float(v) => self.new_float(v),
        })
    }

    /// COMPARE_OP `arg` (`<`, `<=`, `==`, `!=`, `>`, `>=`) on exact
    /// ints/floats: the bool (a new reference), or `None`.
    #[inline]
    pub(crate) fn fast_compare_op(&mut self, a: ObjRef, b: ObjRef, arg: u32) -> Option<ObjRef> {
        let (x, y) = (self.exact_num(a)?, self.exact_num(b)?);
        let ord = match (x, y) {
            (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
            (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
            (Num::Float(x), Num::Int(y)) => x.partial_cmp(&exact_f64(y)?),
            (Num::Int(x), Num::Float(y)) => exact_f64(x)?.partial_cmp(&y),
        };
        use std::cmp::Ordering::*;
        // `None` is a NaN operand: only `!=` holds.
        let r = match arg {
            0 => ord == Some(Less),
            1 => matches!(ord, Some(Less | Equal)),
            2 => ord == Some(Equal),
            3 => ord != Some(Equal),
            4 => ord == Some(Greater),
            5 => matches!(ord, Some(Greater | Equal)),
            _ => return None,
        };
        Some(self.bool(r))
    }
}
