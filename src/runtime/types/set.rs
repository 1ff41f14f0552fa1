//! `set` and `frozenset`: membership by hash then equality, the set algebra
//! (methods and operators), comparisons (subset/superset), and dict views'
//! set operations. Members are kept in insertion order until the
//! `semantics::set_table` emulation of CPython's table order is wired in.

use crate::ast::Operator;
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload, SetData};
use crate::runtime::vm::{PyResult, Vm};
use super::compare::CompareOp;
use std::rc::Rc;

fn members(vm: &Vm, s: ObjRef) -> Vec<(i64, ObjRef)> {
    match vm.heap.payload(s) {
        Payload::Set(d) => d.members.clone(),
        _ => Vec::new(),
    }
}

impl Vm {
    /// Position of `item` (with hash `h`) in set `s`.
    fn set_find(&mut self, s: ObjRef, item: ObjRef, h: i64) -> PyResult<Option<usize>> {
        let cands: Vec<(usize, ObjRef)> = match self.heap.payload(s) {
            Payload::Set(d) => d
                .members
                .iter()
                .enumerate()
                .filter(|(_, (mh, _))| *mh == h)
                .map(|(i, &(_, m))| (i, m))
                .collect(),
            _ => return Ok(None),
        };
        for (i, m) in cands {
            if m == item || self.eq_bool(m, item)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// `item in s`.
    pub fn set_contains(&mut self, s: ObjRef, item: ObjRef) -> PyResult<bool> {
        let h = match self.hash(item) {
            Ok(h) => h,
            Err(e) if matches!(self.heap.payload(item), Payload::Set(_)) => {
                // A set is looked up as the equal frozenset.
                self.discard_err(e);
                frozenset_hash(self, item)?
            }
            Err(e) => return Err(e),
        };
        Ok(self.set_find(s, item, h)?.is_some())
    }

    /// `s.add(item)` (borrowed item).
    pub fn set_add(&mut self, s: ObjRef, item: ObjRef) -> PyResult<()> {
        let h = self.hash(item)?;
        if self.set_find(s, item, h)?.is_some() {
            return Ok(());
        }
        self.incref(item, Holder::Item(s));
        if let Payload::Set(d) = self.heap.payload_mut(s) {
            d.members.push((h, item));
        }
        Ok(())
    }

    /// Removes `item`; false when absent.
    pub fn set_discard(&mut self, s: ObjRef, item: ObjRef) -> PyResult<bool> {
        let h = self.hash(item)?;
        let Some(i) = self.set_find(s, item, h)? else {
            return Ok(false);
        };
        let m = match self.heap.payload_mut(s) {
            Payload::Set(d) => d.members.remove(i).1,
            _ => return Ok(false),
        };
        self.decref(m, Holder::Item(s));
        Ok(true)
    }

    /// A new set (or frozenset when `ty` says so) from an iterable.
    pub fn set_from_iterable(&mut self, ty: ObjRef, it: Option<ObjRef>) -> PyResult {
        let s = self.alloc(ty, Payload::Set(Box::<SetData>::default()));
        if let Some(it) = it {
            if let Err(e) = set_update(self, s, it) {
                self.decref_temp(s);
                return Err(e);
            }
        }
        Ok(s)
    }
}

fn set_update(vm: &mut Vm, s: ObjRef, it: ObjRef) -> PyResult<()> {
    let items = vm.collect_iterable(it)?;
    let mut r = Ok(());
    for &i in &items {
        r = vm.set_add(s, i);
        if r.is_err() {
            break;
        }
    }
    vm.decref_all(items);
    r
}

/// The members of any iterable as (borrowed-by-list) objects: a temporary set.
fn as_set(vm: &mut Vm, o: ObjRef) -> PyResult<ObjRef> {
    if matches!(vm.heap.payload(o), Payload::Set(_)) {
        return Ok(vm.new_ref(o));
    }
    let ty = vm.types.set;
    vm.set_from_iterable(ty, Some(o))
}

fn result_type(vm: &Vm, a: ObjRef) -> ObjRef {
    if vm.is_subtype(vm.heap.type_of(a), vm.types.frozenset) {
        vm.types.frozenset
    } else {
        vm.types.set
    }
}

/// `a op b` for two sets, computed into a new set of `a`'s kind.
fn set_algebra(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult {
    let ty = result_type(vm, a);
    let out = vm.set_from_iterable(ty, None)?;
    let r = (|| -> PyResult<()> {
        match op {
            Operator::BitOr => {
                for (_, m) in members(vm, a).into_iter().chain(members(vm, b)) {
                    vm.set_add(out, m)?;
                }
            }
            Operator::BitAnd => {
                for (_, m) in members(vm, a) {
                    if vm.set_contains(b, m)? {
                        vm.set_add(out, m)?;
                    }
                }
            }
            Operator::Sub => {
                for (_, m) in members(vm, a) {
                    if !vm.set_contains(b, m)? {
                        vm.set_add(out, m)?;
                    }
                }
            }
            _ => {
                for (_, m) in members(vm, a) {
                    if !vm.set_contains(b, m)? {
                        vm.set_add(out, m)?;
                    }
                }
                for (_, m) in members(vm, b) {
                    if !vm.set_contains(a, m)? {
                        vm.set_add(out, m)?;
                    }
                }
            }
        }
        Ok(())
    })();
    match r {
        Ok(()) => Ok(out),
        Err(e) => {
            vm.decref_temp(out);
            Err(e)
        }
    }
}

/// Set operators between two sets. None: NotImplemented.
pub fn set_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    match op {
        Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor => {
            set_algebra(vm, a, b, op).map(Some)
        }
        _ => Ok(None),
    }
}

/// `s |= t` etc. on a mutable set.
pub fn set_inplace(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    if !matches!(vm.heap.payload(b), Payload::Set(_)) {
        return Ok(None);
    }
    match op {
        Operator::BitOr => {
            for (_, m) in members(vm, b) {
                vm.set_add(a, m)?;
            }
        }
        Operator::BitAnd | Operator::Sub | Operator::BitXor => {
            let r = set_algebra(vm, a, b, op)?;
            replace_members(vm, a, r);
            vm.decref_temp(r);
        }
        _ => return Ok(None),
    }
    Ok(Some(vm.new_ref(a)))
}

/// Moves the members of `src` into `dst` (old members released).
fn replace_members(vm: &mut Vm, dst: ObjRef, src: ObjRef) {
    let new = members(vm, src);
    for &(_, m) in &new {
        vm.incref(m, Holder::Item(dst));
    }
    let old = match vm.heap.payload_mut(dst) {
        Payload::Set(d) => std::mem::replace(&mut d.members, new),
        _ => Vec::new(),
    };
    for (_, m) in old {
        vm.decref(m, Holder::Item(dst));
    }
}

fn is_subset(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    for (_, m) in members(vm, a) {
        if !vm.set_contains(b, m)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparisons: subset/superset ordering and equality.
pub fn set_compare(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult<bool> {
    let (la, lb) = (members(vm, a).len(), members(vm, b).len());
    Ok(match op {
        CompareOp::Eq => la == lb && is_subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CompareOp::Le => la <= lb && is_subset(vm, a, b)?,
        CompareOp::Lt => la < lb && is_subset(vm, a, b)?,
        CompareOp::Ge => la >= lb && is_subset(vm, b, a)?,
        CompareOp::Gt => la > lb && is_subset(vm, b, a)?,
    })
}

/// `keys() & other` etc.: views behave as sets.
pub fn view_binary(vm: &mut Vm, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
    if !matches!(op, Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor) {
        return Ok(None);
    }
    let sa = as_set(vm, a)?;
    let sb = match as_set(vm, b) {
        Ok(s) => s,
        Err(e) => {
            vm.decref_temp(sa);
            return Err(e);
        }
    };
    let r = set_algebra(vm, sa, sb, op);
    vm.decref_temp(sa);
    vm.decref_temp(sb);
    r.map(Some)
}

/// `keys() == {...}`.
pub fn view_compare(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult<Option<bool>> {
    let set_like = |vm: &Vm, o: ObjRef| {
        matches!(vm.heap.payload(o), Payload::Set(_))
            || matches!(vm.heap.payload(o), Payload::DictView { kind, .. } if *kind != crate::runtime::object::DictViewKind::Values)
    };
    if !set_like(vm, a) || !set_like(vm, b) {
        return Ok(if a == b && matches!(op, CompareOp::Eq | CompareOp::Ne) {
            Some(op == CompareOp::Eq)
        } else if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            Some(op == CompareOp::Ne)
        } else {
            None
        });
    }
    let sa = as_set(vm, a)?;
    let sb = as_set(vm, b)?;
    let r = set_compare(vm, sa, sb, op);
    vm.decref_temp(sa);
    vm.decref_temp(sb);
    r.map(Some)
}

/// `hash(frozenset)`.
pub fn frozenset_hash(vm: &mut Vm, s: ObjRef) -> PyResult<i64> {
    let hs: Vec<i64> = members(vm, s).iter().map(|&(h, _)| h).collect();
    Ok(crate::semantics::hash::hash_frozenset(&hs))
}

fn self_set(vm: &mut Vm, args: &[ObjRef]) -> PyResult<ObjRef> {
    match args.first() {
        Some(&s) if matches!(vm.heap.payload(s), Payload::Set(_)) => Ok(s),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}

fn set_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    if vm.is_subtype(cls, vm.types.frozenset) {
        if args.len() > 3 {
            return Err(vm.type_error(format!("frozenset expected at most 1 argument, got {}", args.len() - 2)));
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
    if let Some(&it) = args.get(1) {
        set_update(vm, s, it)?;
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
        Payload::Set(d) if !d.members.is_empty() => Some(d.members.remove(0).1),
        _ => None,
    };
    match m {
        Some(m) => Ok(m),
        None => Err(vm.key_error_msg("pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    let old = match vm.heap.payload_mut(s) {
        Payload::Set(d) => std::mem::take(&mut d.members),
        _ => Vec::new(),
    };
    for (_, m) in old {
        vm.decref(m, Holder::Item(s));
    }
    Ok(vm.none())
}

fn set_copy(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, args)?;
    let ty = result_type(vm, s);
    if ty == vm.types.frozenset && vm.heap.type_of(s) == ty {
        return Ok(vm.new_ref(s));
    }
    vm.set_from_iterable(ty, Some(s))
}

/// `s.union(*others)` etc.: folds the operator over the arguments.
fn set_multi(vm: &mut Vm, args: &[ObjRef], op: Operator) -> PyResult {
    let s = self_set(vm, args)?;
    let mut acc = {
        let ty = result_type(vm, s);
        vm.set_from_iterable(ty, Some(s))?
    };
    for &o in &args[1..] {
        let other = match as_set(vm, o) {
            Ok(x) => x,
            Err(e) => {
                vm.decref_temp(acc);
                return Err(e);
            }
        };
        let r = set_algebra(vm, acc, other, op);
        vm.decref_temp(other);
        vm.decref_temp(acc);
        acc = r?;
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_multi(vm, a, Operator::BitOr)
}
fn set_intersection(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_multi(vm, a, Operator::BitAnd)
}
fn set_difference(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_multi(vm, a, Operator::Sub)
}
fn set_symdiff(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("symmetric_difference", a.len() - 1, 1, 1)?;
    set_multi(vm, a, Operator::BitXor)
}

fn set_update_with(vm: &mut Vm, args: &[ObjRef], op: Operator) -> PyResult {
    let s = self_set(vm, args)?;
    let r = set_multi(vm, args, op)?;
    replace_members(vm, s, r);
    vm.decref_temp(r);
    Ok(vm.none())
}

fn set_update_m(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = self_set(vm, a)?;
    for &o in &a[1..] {
        set_update(vm, s, o)?;
    }
    Ok(vm.none())
}
fn set_intersection_update(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_update_with(vm, a, Operator::BitAnd)
}
fn set_difference_update(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_update_with(vm, a, Operator::Sub)
}
fn set_symdiff_update(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    set_update_with(vm, a, Operator::BitXor)
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
    let other = as_set(vm, a[1])?;
    let mut disjoint = true;
    for (_, m) in members(vm, s) {
        match vm.set_contains(other, m) {
            Ok(true) => {
                disjoint = false;
                break;
            }
            Ok(false) => {}
            Err(e) => {
                vm.decref_temp(other);
                return Err(e);
            }
        }
    }
    vm.decref_temp(other);
    Ok(vm.bool(disjoint))
}

static SET_NEW: NativeDef = native!("__new__", set_new);
static FROZENSET_METHODS: &[NativeDef] = &[
    native!("__init__", set_init),
    native!("copy", set_copy),
    native!("union", set_union),
    native!("intersection", set_intersection),
    native!("difference", set_difference),
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
    native!("intersection_update", set_intersection_update),
    native!("difference_update", set_difference_update),
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
