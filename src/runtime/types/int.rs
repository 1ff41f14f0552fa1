//! `int` and `bool`: arithmetic with Python semantics (floor division and
//! modulo signs, `**` with negative exponents giving floats, big ints via
//! `semantics::int_ops`), `int(x, base)`, and the methods of int and bool.

use crate::ast::Operator;
use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::int_ops::{self, Number};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::rc::Rc;

/// A `PyInt` from a BigInt, `Small` when it fits.
pub fn normalize(v: BigInt) -> PyInt {
    match v.to_i64() {
        Some(i) => PyInt::Small(i),
        None => PyInt::Big(Box::new(v)),
    }
}

pub fn to_big(v: &PyInt) -> BigInt {
    match v {
        PyInt::Small(i) => BigInt::from(*i),
        PyInt::Big(b) => (**b).clone(),
    }
}

/// `a op b` for two ints (bools count as ints). None: NotImplemented.
pub fn int_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    if let (Some(x), Some(y)) = (vm.small_int_value(a), vm.small_int_value(b))
        && let Some(r) = small_binary(vm, x, y, op)?
    {
        return Ok(Some(r));
    }
    let (Some(x), Some(y)) = (vm.bigint_value(a), vm.bigint_value(b)) else {
        return Ok(None);
    };
    let r = match op {
        Operator::Add => Ok(x + y),
        Operator::Sub => Ok(x - y),
        Operator::Mult => Ok(x * y),
        Operator::FloorDiv => int_ops::floordiv(&x, &y),
        Operator::Mod => int_ops::modulo(&x, &y),
        Operator::Div => {
            return match int_ops::true_div(&x, &y) {
                Ok(f) => Ok(Some(vm.new_float(f))),
                Err(e) => Err(vm.exc_from_spec(e)),
            };
        }
        Operator::Pow => match int_ops::pow(&x, &y) {
            Ok(Number::Int(i)) => Ok(i),
            Ok(Number::Float(f)) => return Ok(Some(vm.new_float(f))),
            Err(e) => Err(e),
        },
        Operator::LShift => int_ops::lshift(&x, &y),
        Operator::RShift => int_ops::rshift(&x, &y),
        Operator::BitAnd => Ok(x & y),
        Operator::BitOr => Ok(x | y),
        Operator::BitXor => Ok(x ^ y),
        Operator::MatMult => return Ok(None),
    };
    match r {
        Ok(v) => Ok(Some(vm.new_bigint(v))),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

/// Machine-int fast path; None when the result needs big ints or a float path.
fn small_binary(vm: &mut Vm, x: i64, y: i64, op: Operator) -> PyResult<Option<ObjRef>> {
    let r = match op {
        Operator::Add => x.checked_add(y),
        Operator::Sub => x.checked_sub(y),
        Operator::Mult => x.checked_mul(y),
        Operator::FloorDiv | Operator::Mod => {
            if y == 0 {
                return Err(vm.zero_division(if op == Operator::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            if x == i64::MIN && y == -1 {
                None
            } else {
                let (q, r) = (x / y, x % y);
                let (q, r) = if r != 0 && ((r < 0) != (y < 0)) {
                    (q - 1, r + y)
                } else {
                    (q, r)
                };
                Some(if op == Operator::Mod { r } else { q })
            }
        }
        Operator::BitAnd => Some(x & y),
        Operator::BitOr => Some(x | y),
        Operator::BitXor => Some(x ^ y),
        Operator::RShift if y >= 0 => Some(if y >= 64 {
            if x < 0 { -1 } else { 0 }
        } else {
            x >> y
        }),
        Operator::LShift if (0..63).contains(&y) => x.checked_shl(y as u32).filter(|r| r >> y == x),
        Operator::Pow if y >= 0 => {
            if y > u32::MAX as i64 {
                None
            } else {
                x.checked_pow(y as u32)
            }
        }
        Operator::Div => {
            if y == 0 {
                return Err(vm.zero_division("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Some(vm.new_float(x as f64 / y as f64)));
            }
            None
        }
        _ => None,
    };
    Ok(r.map(|v| vm.new_int(v)))
}

/// `int(x)` / `int(s, base)`.
pub fn int_from_obj(vm: &mut Vm, x: ObjRef, base: Option<ObjRef>) -> PyResult<BigInt> {
    if let Some(b) = base {
        let base = vm.index_value(b)?;
        let Some(s) = vm.str_rc(x) else {
            if let Payload::Bytes(bs) = vm.heap.payload(x) {
                let s = String::from_utf8_lossy(bs).to_string();
                return int_ops::parse_int(&s, base).map_err(|e| vm.exc_from_spec(e));
            }
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return int_ops::parse_int(&s, base).map_err(|e| vm.exc_from_spec(e));
    }
    match vm.heap.payload(x) {
        Payload::Int(i) => return Ok(to_big(i)),
        Payload::Bool(b) => return Ok(BigInt::from(i64::from(*b))),
        Payload::Float(f) => {
            let f = *f;
            return crate::semantics::float_ops::to_int(f).map_err(|e| vm.exc_from_spec(e));
        }
        Payload::Str(s) => {
            let s = s.text.clone();
            return int_ops::parse_int(&s, 10).map_err(|e| vm.exc_from_spec(e));
        }
        Payload::Bytes(bs) => {
            let s = String::from_utf8_lossy(bs).to_string();
            return int_ops::parse_int(&s, 10).map_err(|e| vm.exc_from_spec(e));
        }
        _ => {}
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if vm.lookup_type_attr(vm.heap.type_of(x), name).is_some() {
            let r = vm.call_method(x, name, &[])?;
            let v = vm.bigint_value(r);
            vm.decref_temp(r);
            return match v {
                Some(v) => Ok(v),
                None => {
                    let tn = vm.type_name_of(r);
                    Err(vm.type_error(format!("{name} returned non-int (type {tn})")))
                }
            };
        }
    }
    let tn = vm.type_name_of(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    )))
}

fn int_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    // args[0]: int (owner), args[1]: cls.
    let cls = args[1];
    let a = vm.parse_args("int", &args[2..], kwnames, &["x", "base"], 0)?;
    if let (Some(x), None) = (a[0], a[1])
        && cls == vm.types.int
        && vm.heap.type_of(x) == vm.types.int
    {
        // int(x) of an exact int is x itself.
        return Ok(vm.new_ref(x));
    }
    let v = match a[0] {
        None => BigInt::zero(),
        Some(x) => int_from_obj(vm, x, a[1])?,
    };
    if cls == vm.types.int {
        return Ok(vm.new_bigint(v));
    }
    Ok(vm.alloc(cls, Payload::Int(normalize(v))))
}

fn bool_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("bool", kwnames)?;
    vm.check_nargs("bool", args.len() - 2, 0, 1)?;
    match args.get(2) {
        None => Ok(vm.false_()),
        Some(&x) => {
            let t = vm.is_true(x)?;
            Ok(vm.bool(t))
        }
    }
}

fn self_big(vm: &Vm, o: ObjRef) -> BigInt {
    vm.bigint_value(o).unwrap_or_default()
}

fn int_bit_length(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.new_int(int_ops::bit_length(&v) as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    let n: u64 = v
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(vm.new_int(n as i64))
}

fn int_conjugate(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.new_bigint(v))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    let a = vm.new_bigint(v);
    let b = vm.new_int(1);
    Ok(vm.new_tuple(vec![a, b]))
}

fn int_to_bytes(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args(
        "to_bytes",
        &args[1..],
        kwnames,
        &["length", "byteorder", "signed"],
        0,
    )?;
    let length = match a[0] {
        Some(l) => vm.index_value(l)?,
        None => 1,
    };
    let big = match a[1] {
        Some(b) => match vm.str_value(b) {
            Some("big") => true,
            Some("little") => false,
            _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        None => true,
    };
    let signed = match a[2] {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let v = self_big(vm, args[0]);
    match int_ops::to_bytes(&v, length, big, signed) {
        Ok(b) => Ok(vm.new_bytes(&b)),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

fn int_from_bytes(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args(
        "from_bytes",
        &args[1..],
        kwnames,
        &["bytes", "byteorder", "signed"],
        1,
    )?;
    let bytes: Vec<u8> = match a[0].map(|b| vm.heap.payload(b)) {
        Some(Payload::Bytes(b)) => b.to_vec(),
        _ => return Err(vm.type_error("cannot convert object to bytes")),
    };
    let big = !matches!(a[1].and_then(|b| vm.str_value(b)), Some("little"));
    let signed = match a[2] {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let v = int_ops::from_bytes(&bytes, big, signed);
    Ok(vm.new_bigint(v))
}

fn int_index(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.new_bigint(v))
}

fn int_format(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__format__", args.len() - 1, 1, 1)?;
    let spec = vm.expect_str(args[1], "format spec")?;
    let s = super::format::format_builtin(vm, args[0], &spec)?;
    Ok(vm.new_string(s))
}

macro_rules! int_dunder {
    ($fname:ident, $op:expr) => {
        fn $fname(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
            vm.check_nargs(stringify!($fname), args.len() - 1, 1, 1)?;
            match int_binary(vm, args[0], args[1], $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented()),
            }
        }
    };
}
int_dunder!(int_add, Operator::Add);
int_dunder!(int_sub, Operator::Sub);
int_dunder!(int_mul, Operator::Mult);
int_dunder!(int_floordiv, Operator::FloorDiv);
int_dunder!(int_truediv, Operator::Div);
int_dunder!(int_mod, Operator::Mod);
int_dunder!(int_pow, Operator::Pow);
int_dunder!(int_and, Operator::BitAnd);
int_dunder!(int_or, Operator::BitOr);
int_dunder!(int_xor, Operator::BitXor);
int_dunder!(int_lshift, Operator::LShift);
int_dunder!(int_rshift, Operator::RShift);

macro_rules! int_rdunder {
    ($fname:ident, $op:expr) => {
        fn $fname(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
            vm.check_nargs(stringify!($fname), args.len() - 1, 1, 1)?;
            match int_binary(vm, args[1], args[0], $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented()),
            }
        }
    };
}
int_rdunder!(int_radd, Operator::Add);
int_rdunder!(int_rsub, Operator::Sub);
int_rdunder!(int_rmul, Operator::Mult);
int_rdunder!(int_rfloordiv, Operator::FloorDiv);
int_rdunder!(int_rtruediv, Operator::Div);
int_rdunder!(int_rmod, Operator::Mod);
int_rdunder!(int_rpow, Operator::Pow);

fn int_neg(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.new_bigint(-v))
}
fn int_abs(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.new_bigint(if v < BigInt::zero() { -v } else { v }))
}
fn int_bool(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.bool(!v.is_zero()))
}
fn int_float(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    match int_ops::to_f64(&v) {
        Ok(f) => Ok(vm.new_float(f)),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}
fn int_hash(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let v = self_big(vm, args[0]);
    Ok(vm.new_int(super::hash::hash_bigint(&v)))
}

static INT_NEW: NativeDef = native!("__new__", int_new);
static BOOL_NEW: NativeDef = native!("__new__", bool_new);
static INT_FROM_BYTES: NativeDef = native!("from_bytes", int_from_bytes);
static INT_METHODS: &[NativeDef] = &[
    native!("bit_length", int_bit_length),
    native!("bit_count", int_bit_count),
    native!("conjugate", int_conjugate),
    native!("as_integer_ratio", int_as_integer_ratio),
    native!("to_bytes", int_to_bytes),
    native!("__index__", int_index),
    native!("__int__", int_index),
    native!("__trunc__", int_index),
    native!("__float__", int_float),
    native!("__format__", int_format),
    native!("__add__", int_add),
    native!("__sub__", int_sub),
    native!("__mul__", int_mul),
    native!("__floordiv__", int_floordiv),
    native!("__truediv__", int_truediv),
    native!("__mod__", int_mod),
    native!("__pow__", int_pow),
    native!("__and__", int_and),
    native!("__or__", int_or),
    native!("__xor__", int_xor),
    native!("__lshift__", int_lshift),
    native!("__rshift__", int_rshift),
    native!("__radd__", int_radd),
    native!("__rsub__", int_rsub),
    native!("__rmul__", int_rmul),
    native!("__rfloordiv__", int_rfloordiv),
    native!("__rtruediv__", int_rtruediv),
    native!("__rmod__", int_rmod),
    native!("__rpow__", int_rpow),
    native!("__neg__", int_neg),
    native!("__abs__", int_abs),
    native!("__bool__", int_bool),
    native!("__hash__", int_hash),
];

pub(super) fn install(vm: &mut Vm) {
    let (i, b) = (vm.types.int, vm.types.bool);
    vm.add_bound_builtin(i, &INT_NEW);
    vm.add_classmethod(i, &INT_FROM_BYTES);
    vm.add_methods(i, INT_METHODS);
    vm.add_bound_builtin(b, &BOOL_NEW);
}
