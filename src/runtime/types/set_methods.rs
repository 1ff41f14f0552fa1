//! The `set`/`frozenset` methods and operators, and dict views' set
//! operations, following `Objects/setobject.c` (which helper each operation
//! uses decides the resulting table layout, hence the iteration order).

use super::compare::CompareOp;
use super::set::{
    for_each_item, is_set, is_set_like, set_clear_internal, set_compare, set_copy_of,
    set_difference, set_difference_update_internal, set_intersection, set_len,
    set_symmetric_difference, set_symmetric_difference_update, set_update_internal, table_of,
};
use crate::ast::Operator;
use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `a | b` for a set `a`: a copy of `a` updated with `b`.
fn set_or(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult {
    let result = set_copy_of(vm, a);
    if a == b {
        return Ok(result);
    }
    match set_update_internal(vm, result, b) {
        Ok(()) => Ok(result),
        Err(e) => {
            vm.decref_temp(result);
            Err(e)
        }
    }
}

/// Set operators between two sets. None: NotImplemented.
pub fn set_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    if !is_set(vm, a) || !is_set(vm, b) {
        return Ok(None);
    }
    match op {
        Operator::BitOr => set_or(vm, a, b).map(Some),
        Operator::BitAnd => set_intersection(vm, a, b).map(Some),
        Operator::Sub => set_difference(vm, a, b).map(Some),
        Operator::BitXor => set_symmetric_difference(vm, a, b).map(Some),
        _ => Ok(None),
    }
}

/// `set_intersection_update`: `a` takes the body of `a & b`.
fn set_intersection_update(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<()> {
    let tmp = set_intersection(vm, a, b)?;
    let t = table_of(vm, tmp);
    vm.set_replace_table(a, t);
    vm.decref_temp(tmp);
    Ok(())
}

/// `s |= t` etc. on a mutable set.
pub fn set_inplace(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    if !is_set(vm, b) {
        return Ok(None);
    }
    match op {
        Operator::BitOr => set_update_internal(vm, a, b)?,
        Operator::BitAnd => set_intersection_update(vm, a, b)?,
        Operator::Sub => set_difference_update_internal(vm, a, b)?,
        Operator::BitXor => set_symmetric_difference_update(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(vm.new_ref(a)))
}

/// `keys() & other` etc.: dict views (or a set with a view) as sets.
pub fn view_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    let update: fn(&mut Vm, ObjRef, ObjRef) -> PyResult<()> = match op {
        Operator::BitOr => set_update_internal,
        Operator::Sub => set_difference_update_internal,
        Operator::BitXor => set_symmetric_difference_update,
        Operator::BitAnd => return view_intersect(vm, a, b).map(Some),
        _ => return Ok(None),
    };
    let ty = vm.types.set;
    let result = vm.set_from_iterable(ty, Some(a))?;
    match update(vm, result, b) {
        Ok(()) => Ok(Some(result)),
        Err(e) => {
            vm.decref_temp(result);
            Err(e)
        }
    }
}

/// `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult {
    let is_view = |vm: &Vm, o: ObjRef| matches!(vm.heap.payload(o), Payload::DictView { .. });
    let (mut view, mut other) = if is_view(vm, a) { (a, b) } else { (b, a) };
    let len_view = vm.len(view)?;
    if vm.heap.type_of(other) == vm.types.set && len_view <= set_len(vm, other) {
        return set_intersection(vm, other, view);
    }
    if is_view(vm, other) && vm.len(other)? > len_view {
        std::mem::swap(&mut view, &mut other);
    }
    let ty = vm.types.set;
    let result = vm.set_from_iterable(ty, None)?;
    let r = for_each_item(vm, other, |vm, item| {
        if vm.contains(view, item)? {
            vm.set_add(result, item)?;
        }
        Ok(())
    });
    match r {
        Ok(()) => Ok(result),
        Err(e) => {
            vm.decref_temp(result);
            Err(e)
        }
    }
}

/// `keys() == {...}`.
pub fn view_compare(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult<Option<bool>> {
    if !is_set_like(vm, a) || !is_set_like(vm, b) {
        return Ok(match op {
            CompareOp::Eq => Some(a == b),
            CompareOp::Ne => Some(a != b),
            _ => None,
        });
    }
    let ty = vm.types.set;
    let sa = vm.set_from_iterable(ty, Some(a))?;
    let sb = match vm.set_from_iterable(ty, Some(b)) {
        Ok(s) => s,
        Err(e) => {
            vm.decref_temp(sa);
            return Err(e);
        }
    };
    let r = set_compare(vm, sa, sb, op);
    vm.decref_temp(sa);
    vm.decref_temp(sb);
    r.map(Some)
}

fn self_set(vm: &mut Vm, args: &[ObjRef]) -> PyResult<ObjRef> {
    match args.first() {
        Some(&s) if is_set(vm, s) => Ok(s),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}

fn set_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    if vm.is_subtype(cls, vm.types.frozenset) {
        if args.len() > 3 {
            return Err(vm.type_error(format!(
                "frozenset expected at most 1 argument, got {}",
                args.len() - 2
            )));
        }
        if let Some(&it) = args.get(2)
            && vm.heap.type_of(it) == vm.types.frozenset
            && cls == vm.types.frozenset
        {
            return Ok(vm.new_ref(it));
        }
        return vm.set_from_iterable(cls, args.get(2).copied());
    }
    vm.set_from_iterable(cls, None)
}

fn set_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("set", k)?;
    let s = self_set(vm, args)?;
    if vm.is_subtype(vm.heap.type_of(s), vm.types.frozenset) {
        return Ok(vm.none());
    }
    vm.check_nargs("set", args.len() - 1, 0, 1)?;
    if set_len(vm, s) > 0 {
        set_clear_internal(vm, s);
    }
    if let Some(&it) = args.get(1) {
        set_update_internal(vm, s, it)?;
    }
    Ok(vm.none())
}

fn set_add_m(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    vm.check_nargs("set.add", args.len() - 1, 1, 1)?;
    vm.set_add(s, args[1])?;
    Ok(vm.none())
}

fn set_remove(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    vm.check_nargs("set.remove", args.len() - 1, 1, 1)?;
    if !vm.set_discard(s, args[1])? {
        return Err(vm.key_error(args[1]));
    }
    Ok(vm.none())
}

fn set_discard_m(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    vm.check_nargs("set.discard", args.len() - 1, 1, 1)?;
    vm.set_discard(s, args[1])?;
    Ok(vm.none())
}

fn set_pop(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    let m = match vm.heap.payload_mut(s) {
        Payload::Set(d) => d.table.pop(),
        _ => None,
    };
    vm.report_mutated(s);
    match m {
        // The set's reference becomes the caller's.
        Some(m) => Ok(m),
        None => Err(vm.key_error_msg("pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    set_clear_internal(vm, s);
    Ok(vm.none())
}

fn set_copy(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    if vm.heap.type_of(s) == vm.types.frozenset {
        return Ok(vm.new_ref(s));
    }
    Ok(set_copy_of(vm, s))
}

/// Folds `step(acc, other)` over the arguments, starting from `start`
/// (a new reference); each step returns the new accumulator.
fn fold_others(
    vm: &mut Vm,
    start: ObjRef,
    others: &[ObjRef],
    step: fn(&mut Vm, ObjRef, ObjRef) -> PyResult,
) -> PyResult {
    let mut acc = start;
    for &o in others {
        let r = step(vm, acc, o);
        vm.decref_temp(acc);
        acc = r?;
    }
    Ok(acc)
}

/// Applies `update(acc, other)` for each argument to the new set `acc`.
fn update_each(
    vm: &mut Vm,
    acc: ObjRef,
    others: &[ObjRef],
    update: fn(&mut Vm, ObjRef, ObjRef) -> PyResult<()>,
) -> PyResult {
    for &o in others {
        if let Err(e) = update(vm, acc, o) {
            vm.decref_temp(acc);
            return Err(e);
        }
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    let result = set_copy_of(vm, s);
    let others: Vec<ObjRef> = a[1..].iter().copied().filter(|&o| o != s).collect();
    update_each(vm, result, &others, set_update_internal)
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, a: &[ObjRef]) -> PyResult {
    let s = self_set(vm, a)?;
    if a.len() == 1 {
        return Ok(set_copy_of(vm, s));
    }
    let start = vm.new_ref(s);
    fold_others(vm, start, &a[1..], set_intersection)
}

fn set_intersection_m(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    intersection_multi(vm, a)
}

fn set_difference_m(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    if a.len() == 1 {
        return Ok(set_copy_of(vm, s));
    }
    let result = set_difference(vm, s, a[1])?;
    update_each(vm, result, &a[2..], set_difference_update_internal)
}

fn set_symdiff(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    vm.check_nargs("symmetric_difference", a.len() - 1, 1, 1)?;
    set_symmetric_difference(vm, s, a[1])
}

fn set_update_m(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    for &o in &a[1..] {
        set_update_internal(vm, s, o)?;
    }
    Ok(vm.none())
}

fn set_intersection_update_m(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    let tmp = intersection_multi(vm, a)?;
    let t = table_of(vm, tmp);
    vm.set_replace_table(s, t);
    vm.decref_temp(tmp);
    Ok(vm.none())
}

fn set_difference_update_m(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    for &o in &a[1..] {
        set_difference_update_internal(vm, s, o)?;
    }
    Ok(vm.none())
}

fn set_symdiff_update(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    vm.check_nargs("symmetric_difference_update", a.len() - 1, 1, 1)?;
    set_symmetric_difference_update(vm, s, a[1])?;
    Ok(vm.none())
}

/// `other` as a set: a new reference to it when it is one, else a temporary set.
fn as_set(vm: &mut Vm, o: ObjRef) -> PyResult {
    if is_set(vm, o) {
        return Ok(vm.new_ref(o));
    }
    let ty = vm.types.set;
    vm.set_from_iterable(ty, Some(o))
}

fn set_relation(vm: &mut Vm, args: &[ObjRef], name: &str, op: CompareOp) -> PyResult {
    let s = self_set(vm, args)?;
    vm.check_nargs(name, args.len() - 1, 1, 1)?;
    let other = as_set(vm, args[1])?;
    let r = set_compare(vm, s, other, op);
    vm.decref_temp(other);
    let r = r?;
    Ok(vm.bool(r))
}
fn set_issubset(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_relation(vm, a, "issubset", CompareOp::Le)
}
fn set_issuperset(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_relation(vm, a, "issuperset", CompareOp::Ge)
}
fn set_isdisjoint(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    vm.check_nargs("isdisjoint", a.len() - 1, 1, 1)?;
    let other = a[1];
    let (small, big) = if is_set(vm, other) && set_len(vm, other) < set_len(vm, s) {
        (other, s)
    } else {
        (s, other)
    };
    let (probe, container) = if is_set(vm, other) {
        (small, big)
    } else {
        (other, s)
    };
    let mut disjoint = true;
    let r = for_each_item(vm, probe, |vm, item| {
        if disjoint && vm.set_contains(container, item)? {
            disjoint = false;
        }
        Ok(())
    });
    r?;
    Ok(vm.bool(disjoint))
}

static SET_NEW: NativeDef = native!("__new__", set_new);
static FROZENSET_METHODS: &[NativeDef] = &[
    native!("__init__", set_init),
    native!("copy", set_copy),
    native!("union", set_union),
    native!("intersection", set_intersection_m),
    native!("difference", set_difference_m),
    native!("symmetric_difference", set_symdiff),
    native!("issubset", set_issubset),
    native!("issuperset", set_issuperset),
    native!("isdisjoint", set_isdisjoint),
];
static SET_METHODS: &[NativeDef] = &[
    native!("add", set_add_m),
    native!("remove", set_remove),
    native!("discard", set_discard_m),
    native!("pop", set_pop),
    native!("clear", set_clear),
    native!("update", set_update_m),
    native!("intersection_update", set_intersection_update_m),
    native!("difference_update", set_difference_update_m),
    native!("symmetric_difference_update", set_symdiff_update),
];

pub(super) fn install(vm: &mut Vm) {
    let (s, f) = (vm.types.set, vm.types.frozenset);
    vm.add_bound_builtin(s, &SET_NEW);
    vm.add_bound_builtin(f, &SET_NEW);
    vm.add_methods(s, FROZENSET_METHODS);
    vm.add_methods(f, FROZENSET_METHODS);
    vm.add_methods(s, SET_METHODS);
}
