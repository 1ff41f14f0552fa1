//! `range`: construction, length, indexing and slicing, `in`, iteration
//! (forward and reversed), equality; and the `slice()` constructor.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

fn bounds(vm: &Vm, r: ObjRef) -> (BigInt, BigInt, BigInt) {
    match vm.heap.payload(r) {
        Payload::Range { start, stop, step } => (
            vm.bigint_value(*start).unwrap_or_default(),
            vm.bigint_value(*stop).unwrap_or_default(),
            vm.bigint_value(*step).unwrap_or_default(),
        ),
        _ => (BigInt::zero(), BigInt::zero(), BigInt::from(1)),
    }
}

fn len_big(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u8).div_floor(step) + 1u8
    } else if step.is_negative() && start > stop {
        (start - stop - 1u8).div_floor(&-step) + 1u8
    } else {
        BigInt::zero()
    }
}

pub fn range_len(vm: &mut Vm, r: ObjRef) -> PyResult<usize> {
    let (a, b, c) = bounds(vm, r);
    len_big(&a, &b, &c)
        .to_usize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

pub fn range_iter(vm: &mut Vm, r: ObjRef) -> PyResult {
    let (a, b, c) = bounds(vm, r);
    match (a.to_i64(), b.to_i64(), c.to_i64()) {
        (Some(next), Some(stop), Some(step)) => {
            let ty = vm.types.range_iterator;
            Ok(vm.alloc(ty, Payload::RangeIter { next, stop, step }))
        }
        _ => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

pub fn range_reversed(vm: &mut Vm, r: ObjRef) -> PyResult {
    let (a, b, c) = bounds(vm, r);
    let n = len_big(&a, &b, &c);
    let last = &a + (&n - 1u8) * &c;
    let before_first = &a - &c;
    match (last.to_i64(), before_first.to_i64(), c.to_i64()) {
        (Some(next), Some(stop), Some(step)) => {
            let ty = vm.types.range_iterator;
            let (next, stop) = if n.is_zero() { (0, 0) } else { (next, stop) };
            Ok(vm.alloc(
                ty,
                Payload::RangeIter {
                    next,
                    stop,
                    step: -step,
                },
            ))
        }
        _ => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

pub fn range_contains(vm: &mut Vm, r: ObjRef, x: ObjRef) -> PyResult<bool> {
    if let (Payload::Int(_) | Payload::Bool(_), false) =
        (vm.heap.payload(x), vm.is_heap_type(vm.heap.type_of(x)))
    {
        let v = vm.bigint_value(x).unwrap_or_default();
        let (a, b, c) = bounds(vm, r);
        let inside = if c.is_positive() {
            a <= v && v < b
        } else {
            b < v && v <= a
        };
        return Ok(inside && (&v - &a).mod_floor(&c).is_zero());
    }
    let it = range_iter(vm, r)?;
    let res = loop {
        match vm.iter_next(it) {
            Ok(Some(y)) => {
                let eq = vm.eq_bool(y, x);
                vm.decref_temp(y);
                match eq {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                }
            }
            Ok(None) => break Ok(false),
            Err(e) => break Err(e),
        }
    };
    vm.decref_temp(it);
    res
}

pub fn range_equal(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    let (a0, a1, a2) = bounds(vm, a);
    let (b0, b1, b2) = bounds(vm, b);
    let (la, lb) = (len_big(&a0, &a1, &a2), len_big(&b0, &b1, &b2));
    if la != lb {
        return Ok(false);
    }
    if la.is_zero() {
        return Ok(true);
    }
    if a0 != b0 {
        return Ok(false);
    }
    Ok(la == BigInt::from(1) || a2 == b2)
}

pub fn range_getitem(vm: &mut Vm, r: ObjRef, key: ObjRef) -> PyResult {
    let (a, b, c) = bounds(vm, r);
    let n = len_big(&a, &b, &c).to_usize().unwrap_or(usize::MAX);
    if matches!(vm.heap.payload(key), Payload::Slice { .. }) {
        let span = vm.slice_span(key, n)?;
        let start = &a + BigInt::from(span.start) * &c;
        let step = &c * BigInt::from(span.step);
        let stop = &start + BigInt::from(span.len as i64) * &step;
        return new_range(vm, start, stop, step);
    }
    match vm.seq_index(key, n, "range")? {
        Some(i) => {
            let v = &a + BigInt::from(i) * &c;
            Ok(vm.new_bigint(v))
        }
        None => Err(vm.index_error("range object index out of range")),
    }
}

fn new_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> PyResult {
    let start = vm.new_bigint(start);
    let stop = vm.new_bigint(stop);
    let step = vm.new_bigint(step);
    let ty = vm.types.range;
    Ok(vm.alloc(ty, Payload::Range { start, stop, step }))
}

fn range_arg(vm: &mut Vm, o: ObjRef) -> PyResult<BigInt> {
    if let Some(v) = vm.bigint_value(o) {
        return Ok(v);
    }
    Ok(BigInt::from(vm.index_value(o)?))
}

fn range_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("range", k)?;
    let a = &args[2..];
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), range_arg(vm, a[0])?, BigInt::from(1)),
        2 => (range_arg(vm, a[0])?, range_arg(vm, a[1])?, BigInt::from(1)),
        3 => (
            range_arg(vm, a[0])?,
            range_arg(vm, a[1])?,
            range_arg(vm, a[2])?,
        ),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    new_range(vm, start, stop, step)
}

fn range_index(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("index", args.len() - 1, 1, 1)?;
    let r = args[0];
    if range_contains(vm, r, args[1])? {
        let (a, _, c) = bounds(vm, r);
        let v = vm.bigint_value(args[1]).unwrap_or_default();
        return Ok(vm.new_bigint((v - a) / c));
    }
    let s = vm.repr_string(args[1])?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("count", args.len() - 1, 1, 1)?;
    let c = range_contains(vm, args[0], args[1])?;
    Ok(vm.new_int(i64::from(c)))
}

fn range_reversed_m(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    range_reversed(vm, args[0])
}

static RANGE_NEW: NativeDef = native!("__new__", range_new);
static RANGE_METHODS: &[NativeDef] = &[
    native!("index", range_index),
    native!("count", range_count),
    native!("__reversed__", range_reversed_m),
];

/// `slice(stop)` / `slice(start, stop[, step])`.
fn slice_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    if k.is_some_and(|k| !k.is_empty()) {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let a = &args[2..];
    let none = vm.types.none;
    let (start, stop, step) = match a.len() {
        1 => (none, a[0], none),
        2 => (a[0], a[1], none),
        3 => (a[0], a[1], a[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(vm.new_slice(start, stop, step))
}

static SLICE_NEW: NativeDef = native!("__new__", slice_new);

pub(super) fn install(vm: &mut Vm) {
    let s = vm.types.slice;
    vm.add_bound_builtin(s, &SLICE_NEW);
    let r = vm.types.range;
    vm.add_bound_builtin(r, &RANGE_NEW);
    vm.add_methods(r, RANGE_METHODS);
}
