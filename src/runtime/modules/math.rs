//! `math`: CPython 3.11's `Modules/mathmodule.c` for floats (the integer
//! functions are in `math_int.rs`), with its argument conversion and errors:
//! "math domain error" (ValueError) when a finite input gives NaN or a pole,
//! "math range error" (OverflowError) when a finite input overflows.

use super::math_int;
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use num_traits::{FromPrimitive, Signed, ToPrimitive};
use std::rc::Rc;

type Kw<'a> = Option<&'a [Rc<str>]>;

/// `PyFloat_AsDouble` as math uses it: float, int, bool, or `__float__`.
pub(super) fn to_f64(vm: &mut Vm, o: ObjRef) -> PyResult<f64> {
    match vm.heap.payload(o) {
        Payload::Float(f) => return Ok(*f),
        Payload::Bool(b) => return Ok(if *b { 1.0 } else { 0.0 }),
        _ => {}
    }
    if let Some(i) = vm.small_int_value(o) {
        return Ok(i as f64);
    }
    if let Some(b) = vm.bigint_value(o) {
        return match b.to_f64().filter(|f| f.is_finite()) {
            Some(f) => Ok(f),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    if vm.lookup_special_ref(o, "__float__").is_some_and(|f| {
        vm.decref(f, Holder::Temp);
        true
    }) {
        let r = vm.call_method(o, "__float__", &[])?;
        let v = vm.float_value(r);
        vm.decref(r, Holder::Temp);
        if let Some(v) = v {
            return Ok(v);
        }
    }
    let tn = vm.type_name_of(o);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

fn domain_error(vm: &mut Vm) -> crate::runtime::vm::PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> crate::runtime::vm::PyErr {
    vm.overflow_error("math range error")
}

/// `math_1`: applies `f`, mapping NaN-from-non-NaN to a domain error and
/// infinity-from-finite to a range error (`can_overflow`) or domain error.
fn math_1(
    vm: &mut Vm,
    args: &[ObjRef],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let x = to_f64(vm, args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(vm.new_float(r))
}

/// Two float arguments, with CPython's "NAME expected 2 arguments, got N".
fn two_floats(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<(f64, f64)> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((to_f64(vm, args[0])?, to_f64(vm, args[1])?))
}

/// A float that is a whole number as a Python int (floor/ceil/trunc).
pub(super) fn float_to_int(vm: &mut Vm, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(vm.new_int(f as i64));
    }
    match num_bigint::BigInt::from_f64(f) {
        Some(b) => Ok(vm.new_bigint(b)),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

macro_rules! unary {
    ($fname:ident, $name:literal, $f:expr, $overflow:expr) => {
        fn $fname(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
            math_1(vm, args, $name, $f, $overflow)
        }
    };
}

unary!(m_sqrt, "sqrt", f64::sqrt, false);
unary!(m_exp, "exp", f64::exp, true);
unary!(m_exp2, "exp2", f64::exp2, true);
unary!(m_expm1, "expm1", f64::exp_m1, true);
unary!(m_sin, "sin", f64::sin, false);
unary!(m_cos, "cos", f64::cos, false);
unary!(m_tan, "tan", f64::tan, false);
unary!(m_asin, "asin", f64::asin, false);
unary!(m_acos, "acos", f64::acos, false);
unary!(m_atan, "atan", f64::atan, false);
unary!(m_sinh, "sinh", f64::sinh, true);
unary!(m_cosh, "cosh", f64::cosh, true);
unary!(m_tanh, "tanh", f64::tanh, false);
unary!(m_fabs, "fabs", f64::abs, false);
unary!(m_cbrt, "cbrt", f64::cbrt, false);
unary!(m_degrees, "degrees", f64::to_degrees, true);
unary!(m_radians, "radians", f64::to_radians, false);
unary!(
    m_log1p,
    "log1p",
    |x: f64| if x <= -1.0 { f64::NAN } else { x.ln_1p() },
    false
);

/// `_PyLong_Frexp`: a positive int as `m * 2**e` with `m` in [0.5, 1),
/// correctly rounded.
fn bigint_frexp(b: &num_bigint::BigInt) -> (f64, u64) {
    let bits = b.bits();
    if bits <= 64 {
        let v = b.to_u64().unwrap_or(0) as f64;
        return (v / 2f64.powi(bits as i32), bits);
    }
    let shift = bits - 64;
    let top = (b >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit keeps the rounding of the discarded low bits correct.
    let low_mask = (num_bigint::BigInt::from(1) << shift) - 1;
    let sticky = (b & low_mask) != num_bigint::BigInt::from(0);
    let top = if sticky { top | 1 } else { top };
    let m = top as f64 / 2f64.powi(64);
    if m == 1.0 { (0.5, bits + 1) } else { (m, bits) }
}

/// `loghelper`: `func` of an int or float argument; ints too big for a
/// float are split as `m * 2**e` and give `func(m) + func(2.0) * e`.
fn log_of(vm: &mut Vm, o: ObjRef, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = vm.bigint_value(o)
        && !matches!(vm.heap.payload(o), Payload::Bool(_))
    {
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(func(f));
        }
        let (m, e) = bigint_frexp(&b);
        return Ok(func(m) + func(2.0) * e as f64);
    }
    let x = to_f64(vm, o)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(func(x))
}

fn ln_of(vm: &mut Vm, o: ObjRef) -> PyResult<f64> {
    log_of(vm, o, f64::ln)
}

fn m_log(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = ln_of(vm, args[0])?;
    if args.len() == 1 {
        return Ok(vm.new_float(num));
    }
    let den = ln_of(vm, args[1])?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(vm.new_float(num / den))
}

fn m_log2(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("log2", args.len(), 1, 1)?;
    let r = log_of(vm, args[0], f64::log2)?;
    Ok(vm.new_float(r))
}

fn m_log10(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("log10", args.len(), 1, 1)?;
    let r = log_of(vm, args[0], f64::log10)?;
    Ok(vm.new_float(r))
}

fn m_pow(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let (x, y) = two_floats(vm, args, "pow")?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(r))
}

fn m_atan2(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let (y, x) = two_floats(vm, args, "atan2")?;
    Ok(vm.new_float(y.atan2(x)))
}

fn m_copysign(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let (x, y) = two_floats(vm, args, "copysign")?;
    Ok(vm.new_float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let (x, y) = two_floats(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(vm.new_float(r))
}

fn m_hypot(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let mut coords = Vec::with_capacity(args.len());
    for &a in args {
        coords.push(to_f64(vm, a)?);
    }
    let r = if coords.iter().any(|c| c.is_infinite()) {
        f64::INFINITY
    } else if coords.iter().any(|c| c.is_nan()) {
        f64::NAN
    } else {
        coords.iter().fold(0.0f64, |acc, &c| acc.hypot(c))
    };
    Ok(vm.new_float(r))
}

fn m_dist(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!("dist expected 2 arguments, got {}", args.len())));
    }
    let (p, q) = (vm.seq_items(args[0]), vm.seq_items(args[1]));
    let (Some(p), Some(q)) = (p, q) else {
        return Err(vm.type_error("dist(): both points must be sequences"));
    };
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.into_iter().zip(q) {
        let d = to_f64(vm, a)? - to_f64(vm, b)?;
        acc = acc.hypot(d);
    }
    Ok(vm.new_float(acc))
}

/// floor/ceil: ints come back unchanged; floats become ints.
fn round_with(vm: &mut Vm, args: &[ObjRef], name: &str, f: fn(f64) -> f64) -> PyResult {
    vm.check_nargs(name, args.len(), 1, 1)?;
    let o = args[0];
    if let Some(b) = vm.bigint_value(o) {
        return Ok(if matches!(vm.heap.payload(o), Payload::Bool(_)) {
            vm.new_bigint(b)
        } else {
            vm.new_ref(o)
        });
    }
    let x = to_f64(vm, o)?;
    float_to_int(vm, f(x))
}

fn m_floor(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    round_with(vm, args, "floor", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    round_with(vm, args, "ceil", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("trunc", args.len(), 1, 1)?;
    let o = args[0];
    match vm.heap.payload(o) {
        Payload::Float(f) => {
            let f = *f;
            float_to_int(vm, f.trunc())
        }
        _ if vm.bigint_value(o).is_some() => round_with(vm, args, "trunc", f64::trunc),
        _ => {
            let tn = vm.type_name_of(o);
            Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")))
        }
    }
}

fn float_predicate(vm: &mut Vm, args: &[ObjRef], name: &str, p: fn(f64) -> bool) -> PyResult {
    vm.check_nargs(name, args.len(), 1, 1)?;
    let x = to_f64(vm, args[0])?;
    Ok(vm.bool(p(x)))
}

fn m_isinf(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    float_predicate(vm, args, "isinf", f64::is_infinite)
}

fn m_isnan(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    float_predicate(vm, args, "isnan", f64::is_nan)
}

fn m_isfinite(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    float_predicate(vm, args, "isfinite", f64::is_finite)
}

fn m_isclose(vm: &mut Vm, args: &[ObjRef], kwnames: Kw) -> PyResult {
    let a = vm.parse_args(
        "isclose",
        args,
        kwnames,
        &["a", "b", "rel_tol", "abs_tol"],
        2,
    )?;
    let x = to_f64(vm, a[0].unwrap_or_default())?;
    let y = to_f64(vm, a[1].unwrap_or_default())?;
    let rel = match a[2] {
        Some(r) => to_f64(vm, r)?,
        None => 1e-9,
    };
    let abs = match a[3] {
        Some(r) => to_f64(vm, r)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(vm.bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.bool(false));
    }
    let diff = (y - x).abs();
    let close = (diff <= (rel * y).abs()) || (diff <= (rel * x).abs()) || diff <= abs;
    Ok(vm.bool(close))
}

fn m_modf(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("modf", args.len(), 1, 1)?;
    let x = to_f64(vm, args[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        (x.fract(), x.trunc())
    };
    let (a, b) = (vm.new_float(frac), vm.new_float(int));
    Ok(vm.new_tuple(vec![a, b]))
}

fn m_frexp(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("frexp", args.len(), 1, 1)?;
    let x = to_f64(vm, args[0])?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        let bits = x.abs().log2().floor() as i32 + 1;
        let mut m = x / 2f64.powi(bits);
        let mut e = bits;
        if m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        } else if m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        (m, e)
    };
    let (a, b) = (vm.new_float(m), vm.new_int(e as i64));
    Ok(vm.new_tuple(vec![a, b]))
}

fn m_ldexp(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!("ldexp expected 2 arguments, got {}", args.len())));
    }
    let x = to_f64(vm, args[0])?;
    let e = math_int::to_int(vm, args[1])?;
    let e = e
        .to_i32()
        .unwrap_or(if e.is_negative() { i32::MIN } else { i32::MAX });
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else {
        let mut r = x;
        let mut left = e;
        while left != 0 {
            let step = left.clamp(-1000, 1000);
            r *= 2f64.powi(step);
            left -= step;
            if r == 0.0 || r.is_infinite() {
                break;
            }
        }
        r
    };
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(r))
}

/// `math.fsum`: Shewchuk's exact summation with CPython's final rounding
/// and its messages for infinities and overflow.
fn m_fsum(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("fsum", args.len(), 1, 1)?;
    let it = vm.get_iter(args[0])?;
    let mut values = Vec::new();
    let r = (|| {
        while let Some(v) = vm.iter_next(it)? {
            let f = to_f64(vm, v);
            vm.decref(v, Holder::Temp);
            values.push(f?);
        }
        Ok(())
    })();
    vm.decref(it, Holder::Temp);
    r?;
    match fsum(&values) {
        Ok(s) => Ok(vm.new_float(s)),
        Err(FsumError::InfMinusInf) => Err(vm.value_error("-inf + inf in fsum")),
        Err(FsumError::Overflow) => Err(vm.overflow_error("intermediate overflow in fsum")),
    }
}

enum FsumError {
    InfMinusInf,
    Overflow,
}

fn fsum(values: &[f64]) -> Result<f64, FsumError> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &v in values {
        let mut x = v;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        return if inf_sum.is_nan() {
            Err(FsumError::InfMinusInf)
        } else {
            Ok(special_sum)
        };
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `math.prod(iterable, *, start=1)`, multiplying with `*` as Python does.
fn m_prod(vm: &mut Vm, args: &[ObjRef], kwnames: Kw) -> PyResult {
    let a = vm.parse_args("prod", args, kwnames, &["iterable", "start"], 1)?;
    let it = vm.get_iter(a[0].unwrap_or_default())?;
    let mut acc = match a[1] {
        Some(s) => vm.new_ref(s),
        None => vm.new_int(1),
    };
    let r = (|| {
        while let Some(v) = vm.iter_next(it)? {
            let r = super::super::imports::with_temps(vm, &[acc, v], |vm| {
                vm.binary_op(acc, v, crate::ast::Operator::Mult, false)
            });
            vm.decref(v, Holder::Temp);
            vm.decref(acc, Holder::Temp);
            acc = r?;
        }
        Ok(())
    })();
    vm.decref(it, Holder::Temp);
    match r {
        Ok(()) => Ok(acc),
        Err(e) => Err(e),
    }
}

static FUNCTIONS: &[NativeDef] = &[
    native!("sqrt", m_sqrt),
    native!("exp", m_exp),
    native!("exp2", m_exp2),
    native!("expm1", m_expm1),
    native!("sin", m_sin),
    native!("cos", m_cos),
    native!("tan", m_tan),
    native!("asin", m_asin),
    native!("acos", m_acos),
    native!("atan", m_atan),
    native!("sinh", m_sinh),
    native!("cosh", m_cosh),
    native!("tanh", m_tanh),
    native!("fabs", m_fabs),
    native!("cbrt", m_cbrt),
    native!("degrees", m_degrees),
    native!("radians", m_radians),
    native!("log", m_log),
    native!("log1p", m_log1p),
    native!("log2", m_log2),
    native!("log10", m_log10),
    native!("pow", m_pow),
    native!("atan2", m_atan2),
    native!("copysign", m_copysign),
    native!("fmod", m_fmod),
    native!("hypot", m_hypot),
    native!("dist", m_dist),
    native!("floor", m_floor),
    native!("ceil", m_ceil),
    native!("trunc", m_trunc),
    native!("isinf", m_isinf),
    native!("isnan", m_isnan),
    native!("isfinite", m_isfinite),
    native!("isclose", m_isclose),
    native!("modf", m_modf),
    native!("frexp", m_frexp),
    native!("ldexp", m_ldexp),
    native!("fsum", m_fsum),
    native!("prod", m_prod),
];

/// Fills the `math` module: functions and constants.
pub fn init(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    vm.add_module_functions(dict, dict, FUNCTIONS);
    math_int::add_functions(vm, dict);
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, value) in consts {
        let v = vm.new_float(value);
        let r = vm.dict_set_str(dict, name, v);
        vm.decref(v, Holder::Temp);
        r?;
    }
    Ok(())
}
