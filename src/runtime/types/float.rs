//! `float`: arithmetic (mixed with ints) via `semantics::float_ops`,
//! `float(x)` parsing, and float methods (`is_integer`, `as_integer_ratio`, `hex`…).

use crate::ast::Operator;
use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::float_ops;
use std::rc::Rc;

/// A number operand as f64 (ints converted exactly-rounded; OverflowError if too big).
pub fn as_f64(vm: &mut Vm, o: ObjRef) -> PyResult<Option<f64>> {
    match vm.heap.payload(o) {
        Payload::Float(f) => Ok(Some(*f)),
        Payload::Int(crate::runtime::object::PyInt::Small(i)) => Ok(Some(*i as f64)),
        Payload::Bool(b) => Ok(Some(if *b { 1.0 } else { 0.0 })),
        Payload::Int(crate::runtime::object::PyInt::Big(b)) => {
            let b = (**b).clone();
            crate::semantics::int_ops::to_f64(&b)
                .map(Some)
                .map_err(|e| vm.exc_from_spec(e))
        }
        _ => Ok(None),
    }
}

/// `a op b` where one side is a float. None: NotImplemented.
pub fn float_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    let (Some(x), Some(y)) = (as_f64(vm, a)?, as_f64(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        Operator::Add => Ok(x + y),
        Operator::Sub => Ok(x - y),
        Operator::Mult => Ok(x * y),
        Operator::Div => float_ops::true_div(x, y),
        Operator::FloorDiv => float_ops::floordiv(x, y),
        Operator::Mod => float_ops::modulo(x, y),
        Operator::Pow => float_ops::float_pow(x, y),
        _ => return Ok(None),
    };
    match r {
        Ok(v) => Ok(Some(vm.new_float(v))),
        // A negative base to a fractional power: float_pow defers to complex.
        Err(e) if e.msg == float_ops::COMPLEX_RESULT => {
            use crate::semantics::complex_ops::{Complex, pow};
            match pow(Complex::new(x, 0.0), Complex::new(y, 0.0)) {
                Ok(c) => Ok(Some(vm.new_complex(c))),
                Err(e) => Err(vm.exc_from_spec(e)),
            }
        }
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

/// `float(x)`.
pub fn float_from_obj(vm: &mut Vm, x: ObjRef) -> PyResult<f64> {
    match vm.heap.payload(x) {
        Payload::Float(f) => return Ok(*f),
        Payload::Str(s) => {
            let s = s.text.clone();
            return float_ops::parse_float(&s).map_err(|e| vm.exc_from_spec(e));
        }
        Payload::Int(_) | Payload::Bool(_) => return Ok(as_f64(vm, x)?.unwrap_or(0.0)),
        _ => {}
    }
    for name in ["__float__", "__index__"] {
        if vm.lookup_type_attr(vm.heap.type_of(x), name).is_some() {
            let r = vm.call_method(x, name, &[])?;
            let v = as_f64(vm, r);
            vm.decref_temp(r);
            if let Some(v) = v? {
                return Ok(v);
            }
            let tn = vm.type_name_of(x);
            return Err(vm.type_error(format!("{tn}.{name} returned non-float")));
        }
    }
    let tn = vm.type_name_of(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{tn}'"
    )))
}

fn float_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("float", kwnames)?;
    let cls = args[1];
    vm.check_nargs("float", args.len() - 2, 0, 1)?;
    let v = match args.get(2) {
        None => 0.0,
        Some(&x) => float_from_obj(vm, x)?,
    };
    if cls == vm.types.float {
        return Ok(vm.new_float(v));
    }
    Ok(vm.alloc(cls, Payload::Float(v)))
}

fn fval(vm: &Vm, o: ObjRef) -> f64 {
    vm.float_value(o).unwrap_or(0.0)
}

fn float_is_integer(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let f = fval(vm, args[0]);
    Ok(vm.bool(float_ops::is_integer(f)))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let f = fval(vm, args[0]);
    match float_ops::as_integer_ratio(f) {
        Ok((n, d)) => {
            let n = vm.new_bigint(n);
            let d = vm.new_bigint(d);
            Ok(vm.new_tuple(vec![n, d]))
        }
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

fn float_conjugate(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let f = fval(vm, args[0]);
    Ok(vm.new_float(f))
}

fn float_int(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let f = fval(vm, args[0]);
    match float_ops::to_int(f) {
        Ok(i) => Ok(vm.new_bigint(i)),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

fn float_format(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__format__", args.len() - 1, 1, 1)?;
    let spec = vm.expect_str(args[1], "format spec")?;
    let s = super::format::format_builtin(vm, args[0], &spec)?;
    Ok(vm.new_string(s))
}

number_dunder!(float_binary: float_add, Operator::Add, false);
number_dunder!(float_binary: float_sub, Operator::Sub, false);
number_dunder!(float_binary: float_mul, Operator::Mult, false);
number_dunder!(float_binary: float_truediv, Operator::Div, false);
number_dunder!(float_binary: float_floordiv, Operator::FloorDiv, false);
number_dunder!(float_binary: float_mod, Operator::Mod, false);
number_dunder!(float_binary: float_pow, Operator::Pow, false);
number_dunder!(float_binary: float_radd, Operator::Add, true);
number_dunder!(float_binary: float_rsub, Operator::Sub, true);
number_dunder!(float_binary: float_rmul, Operator::Mult, true);
number_dunder!(float_binary: float_rtruediv, Operator::Div, true);

fn float_hex(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("hex", args.len() - 1, 0, 0)?;
    let f = fval(vm, args[0]);
    Ok(vm.new_string(crate::semantics::float_hex::to_hex(f)))
}

/// `float.fromhex(s)` (a classmethod: subclasses get `cls(value)`).
fn float_fromhex(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("fromhex", args.len() - 1, 1, 1)?;
    let cls = args[0];
    let s = vm.expect_str(args[1], "fromhex() argument")?;
    let v = crate::semantics::float_hex::from_hex(&s).map_err(|e| vm.exc_from_spec(e))?;
    let f = vm.new_float(v);
    if cls == vm.types.float {
        return Ok(f);
    }
    let r = vm.call(cls, &[f], None);
    vm.decref_temp(f);
    r
}

static FLOAT_FROMHEX: NativeDef = native!("fromhex", float_fromhex);
static FLOAT_NEW: NativeDef = native!("__new__", float_new);
static FLOAT_METHODS: &[NativeDef] = &[
    native!("is_integer", float_is_integer),
    native!("hex", float_hex),
    native!("as_integer_ratio", float_as_integer_ratio),
    native!("conjugate", float_conjugate),
    native!("__int__", float_int),
    native!("__trunc__", float_int),
    native!("__format__", float_format),
    native!("__add__", float_add),
    native!("__sub__", float_sub),
    native!("__mul__", float_mul),
    native!("__truediv__", float_truediv),
    native!("__floordiv__", float_floordiv),
    native!("__mod__", float_mod),
    native!("__pow__", float_pow),
    native!("__radd__", float_radd),
    native!("__rsub__", float_rsub),
    native!("__rmul__", float_rmul),
    native!("__rtruediv__", float_rtruediv),
];

pub(super) fn install(vm: &mut Vm) {
    let f = vm.types.float;
    vm.add_bound_builtin(f, &FLOAT_NEW);
    vm.add_methods(f, FLOAT_METHODS);
    vm.add_classmethod(f, &FLOAT_FROMHEX);
}
