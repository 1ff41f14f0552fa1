//! `complex` (`Objects/complexobject.c`): the constructor with its argument
//! rules, arithmetic mixed with ints and floats, `==` (no ordering), hash,
//! `abs`, `real`/`imag`, `conjugate` and `__format__`. The numeric
//! algorithms and the text forms live in `semantics::complex_ops`.
//! A complex is an atomic object (not GC-tracked, 32 bytes, no free list).

use super::float::{as_f64, float_from_obj};
use crate::ast::Operator;
use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::complex_ops::{self, Complex};
use std::rc::Rc;

/// The value of a complex object (or of a complex subclass instance).
pub fn complex_value(vm: &Vm, o: ObjRef) -> Option<Complex> {
    match vm.heap.payload(o) {
        Payload::Complex(c) => Some(*c),
        _ => None,
    }
}

/// An arithmetic operand as a complex: complex, float, int or bool.
fn as_complex(vm: &mut Vm, o: ObjRef) -> PyResult<Option<Complex>> {
    if let Some(c) = complex_value(vm, o) {
        return Ok(Some(c));
    }
    Ok(as_f64(vm, o)?.map(|re| Complex::new(re, 0.0)))
}

impl Vm {
    /// A new exact complex.
    pub fn new_complex(&mut self, c: Complex) -> ObjRef {
        let ty = self.types.complex;
        self.alloc(ty, Payload::Complex(c))
    }
}

/// `a op b` where one side is a complex. None: NotImplemented.
pub fn complex_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    if !matches!(
        op,
        Operator::Add | Operator::Sub | Operator::Mult | Operator::Div | Operator::Pow
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (as_complex(vm, a)?, as_complex(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        Operator::Add => Ok(x + y),
        Operator::Sub => Ok(x - y),
        Operator::Mult => Ok(x * y),
        Operator::Div => complex_ops::div(x, y),
        _ => complex_ops::pow(x, y),
    };
    match r {
        Ok(v) => Ok(Some(vm.new_complex(v))),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

/// `a == b` / `a != b` with a complex on either side (`complex_richcompare`);
/// None: NotImplemented (ordering, or a non-number).
pub fn complex_equal(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<Option<bool>> {
    let (c, other) = match complex_value(vm, a) {
        Some(c) => (c, b),
        None => match complex_value(vm, b) {
            Some(c) => (c, a),
            None => return Ok(None),
        },
    };
    if let Some(d) = complex_value(vm, other) {
        return Ok(Some(c == d));
    }
    match vm.heap.payload(other) {
        Payload::Float(f) => Ok(Some(c.im == 0.0 && c.re == *f)),
        Payload::Int(_) | Payload::Bool(_) => {
            if c.im != 0.0 {
                return Ok(Some(false));
            }
            let i = vm.bigint_value(other).unwrap_or_default();
            Ok(Some(
                crate::semantics::float_ops::cmp_int_float(&i, c.re)
                    == Some(std::cmp::Ordering::Equal),
            ))
        }
        _ => Ok(None),
    }
}

/// `hash(z)`; `addr` identifies the object for NaN parts.
pub fn complex_hash(c: Complex, addr: u64) -> i64 {
    let part = |x: f64| crate::semantics::hash::hash_float(x, addr as usize);
    complex_ops::hash(part(c.re), part(c.im))
}

/// `-z` (`negate`) or `+z`: always a new exact complex.
pub fn complex_unary(vm: &mut Vm, c: Complex, negate: bool) -> ObjRef {
    if negate {
        vm.new_complex(Complex::new(-c.re, -c.im))
    } else {
        vm.new_complex(c)
    }
}

/// `abs(z)`.
pub fn complex_abs(vm: &mut Vm, c: Complex) -> PyResult {
    match complex_ops::abs(c) {
        Ok(v) => Ok(vm.new_float(v)),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

/// Whether `o` can be a part of a complex: a number (`nb_float`, `__index__`
/// or a complex).
fn is_number(vm: &Vm, o: ObjRef) -> bool {
    matches!(
        vm.heap.payload(o),
        Payload::Int(_) | Payload::Bool(_) | Payload::Float(_) | Payload::Complex(_)
    ) || {
        let ty = vm.heap.type_of(o);
        vm.lookup_type_attr(ty, "__float__").is_some()
            || vm.lookup_type_attr(ty, "__index__").is_some()
    }
}

/// `__complex__` of a non-complex object (`try_complex_special_method`).
fn complex_special(vm: &mut Vm, o: ObjRef) -> PyResult<Option<Complex>> {
    if complex_value(vm, o).is_some() {
        return Ok(None);
    }
    let ty = vm.heap.type_of(o);
    if vm.lookup_type_attr(ty, "__complex__").is_none() {
        return Ok(None);
    }
    let r = vm.call_method(o, "__complex__", &[])?;
    let v = complex_value(vm, r);
    let tn = vm.type_name_of(r);
    vm.decref_temp(r);
    match v {
        Some(c) => Ok(Some(c)),
        None => Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})"))),
    }
}

fn complex_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    let a = vm.parse_args("complex", &args[2..], k, &["real", "imag"], 0)?;
    let (r, i) = (a[0], a[1]);
    if let Some(r) = r
        && i.is_none()
        && cls == vm.types.complex
        && vm.heap.type_of(r) == vm.types.complex
    {
        return Ok(vm.new_ref(r));
    }
    let value = match r.map(|r| (r, vm.str_rc(r))) {
        Some((_, Some(text))) => {
            if i.is_some() {
                return Err(vm.type_error("complex() can't take second arg if first is a string"));
            }
            complex_ops::parse(&text).map_err(|e| vm.exc_from_spec(e))?
        }
        _ => complex_from_parts(vm, r, i)?,
    };
    if cls == vm.types.complex {
        return Ok(vm.new_complex(value));
    }
    Ok(vm.alloc(cls, Payload::Complex(value)))
}

/// `real + imag*1j` for numeric parts (`complex_new_impl`).
fn complex_from_parts(vm: &mut Vm, r: Option<ObjRef>, i: Option<ObjRef>) -> PyResult<Complex> {
    if let Some(i) = i
        && vm.str_value(i).is_some()
    {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let (cr, cr_is_complex) = match r {
        None => (Complex::new(0.0, 0.0), false),
        Some(r) => match complex_special(vm, r)? {
            Some(c) => (c, true),
            None => {
                if !is_number(vm, r) {
                    let tn = vm.type_name_of(r);
                    return Err(vm.type_error(format!(
                        "complex() first argument must be a string or a number, not '{tn}'"
                    )));
                }
                match complex_value(vm, r) {
                    Some(c) => (c, true),
                    None => (Complex::new(float_from_obj(vm, r)?, 0.0), false),
                }
            }
        },
    };
    if let Some(i) = i
        && !is_number(vm, i)
    {
        let tn = vm.type_name_of(i);
        return Err(vm.type_error(format!(
            "complex() second argument must be a number, not '{tn}'"
        )));
    }
    let (mut re, mut im) = (cr.re, cr.im);
    match i {
        None => {}
        Some(i) => {
            im = match complex_value(vm, i) {
                Some(ci) => {
                    re -= ci.im;
                    ci.re
                }
                None => float_from_obj(vm, i)?,
            };
            // Only a complex first argument contributes an imaginary part
            // (adding 0.0 would turn -0.0 into 0.0).
            if cr_is_complex {
                im += cr.im;
            }
        }
    }
    Ok(Complex::new(re, im))
}

fn cval(vm: &Vm, o: ObjRef) -> Complex {
    complex_value(vm, o).unwrap_or(Complex::new(0.0, 0.0))
}

fn complex_conjugate(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let c = cval(vm, args[0]);
    Ok(vm.new_complex(Complex::new(c.re, -c.im)))
}

fn complex_complex(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    if vm.heap.type_of(args[0]) == vm.types.complex {
        return Ok(vm.new_ref(args[0]));
    }
    let c = cval(vm, args[0]);
    Ok(vm.new_complex(c))
}

fn complex_getnewargs(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let c = cval(vm, args[0]);
    let re = vm.new_float(c.re);
    let im = vm.new_float(c.im);
    Ok(vm.new_tuple(vec![re, im]))
}

fn complex_format(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__format__", args.len() - 1, 1, 1)?;
    let spec = vm.expect_str(args[1], "format spec")?;
    if spec.is_empty() {
        return vm.str_(args[0]);
    }
    let c = cval(vm, args[0]);
    let tn = vm.type_name_of(args[0]);
    match complex_ops::format(c, &spec, &tn) {
        Ok(s) => Ok(vm.new_string(s)),
        Err(e) => Err(vm.exc_from_spec(e)),
    }
}

number_dunder!(complex_binary: complex_add, Operator::Add, false);
number_dunder!(complex_binary: complex_sub, Operator::Sub, false);
number_dunder!(complex_binary: complex_mul, Operator::Mult, false);
number_dunder!(complex_binary: complex_truediv, Operator::Div, false);
number_dunder!(complex_binary: complex_pow, Operator::Pow, false);
number_dunder!(complex_binary: complex_radd, Operator::Add, true);
number_dunder!(complex_binary: complex_rsub, Operator::Sub, true);
number_dunder!(complex_binary: complex_rmul, Operator::Mult, true);
number_dunder!(complex_binary: complex_rtruediv, Operator::Div, true);
number_dunder!(complex_binary: complex_rpow, Operator::Pow, true);

static COMPLEX_NEW: NativeDef = native!("__new__", complex_new);
static COMPLEX_METHODS: &[NativeDef] = &[
    native!("conjugate", complex_conjugate),
    native!("__complex__", complex_complex),
    native!("__getnewargs__", complex_getnewargs),
    native!("__format__", complex_format),
    native!("__add__", complex_add),
    native!("__sub__", complex_sub),
    native!("__mul__", complex_mul),
    native!("__truediv__", complex_truediv),
    native!("__pow__", complex_pow),
    native!("__radd__", complex_radd),
    native!("__rsub__", complex_rsub),
    native!("__rmul__", complex_rmul),
    native!("__rtruediv__", complex_rtruediv),
    native!("__rpow__", complex_rpow),
];

pub(super) fn install(vm: &mut Vm) {
    let c = vm.types.complex;
    vm.add_bound_builtin(c, &COMPLEX_NEW);
    vm.add_methods(c, COMPLEX_METHODS);
}
