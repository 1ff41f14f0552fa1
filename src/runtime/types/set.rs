//! `set` and `frozenset` storage and algebra on CPython's hash table layout
//! (`semantics::set_table`), so iteration order, `pop()` order and table
//! sizes equal CPython's. Membership is hash then identity-or-`==` (which
//! may run Python `__eq__`): single lookups resolve the equal member among
//! [`SetTable::candidates`] first; whole-table algorithms get an equality
//! closure over cloned tables (see [`with_eq`]). The methods and operators
//! built on this are in `set_methods`.

use super::compare::CompareOp;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{DictViewKind, Payload, SetData};
use crate::runtime::vm::{PyErr, PyResult, Vm};
use crate::semantics::set_table::SetTable;

/// The set's table (an empty table for non-sets).
pub(super) fn table_ref(vm: &Vm, s: ObjRef) -> Option<&SetTable<ObjRef>> {
    match vm.heap.payload(s) {
        Payload::Set(d) => Some(&d.table),
        _ => None,
    }
}

/// A copy of the set's table (the keys stay owned by the set).
pub(super) fn table_of(vm: &Vm, s: ObjRef) -> SetTable<ObjRef> {
    table_ref(vm, s).cloned().unwrap_or_default()
}

/// `len(s)` for a set.
pub(super) fn set_len(vm: &Vm, s: ObjRef) -> usize {
    table_ref(vm, s).map_or(0, SetTable::len)
}

pub(super) fn is_set(vm: &Vm, o: ObjRef) -> bool {
    matches!(vm.heap.payload(o), Payload::Set(_))
}

/// Runs `f` with an equality over members: identity, else `==` (which may run
/// Python code). After the first error every comparison answers false and
/// the error is returned once `f` is done.
pub(super) fn with_eq<R>(
    vm: &mut Vm,
    f: impl FnOnce(&mut dyn FnMut(ObjRef, ObjRef) -> bool) -> R,
) -> PyResult<R> {
    let mut err: Option<PyErr> = None;
    let r = {
        let mut eq = |a: ObjRef, b: ObjRef| -> bool {
            if a == b {
                return true;
            }
            if err.is_some() {
                return false;
            }
            match vm.eq_bool(a, b) {
                Ok(x) => x,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        };
        f(&mut eq)
    };
    match err {
        Some(e) => Err(e),
        None => Ok(r),
    }
}

/// The type of a result computed from `a` (`make_new_set_basetype`).
pub(super) fn result_type(vm: &Vm, a: ObjRef) -> ObjRef {
    if vm.is_subtype(vm.heap.type_of(a), vm.types.frozenset) {
        vm.types.frozenset
    } else {
        vm.types.set
    }
}

impl Vm {
    /// A new set of type `ty` owning the keys of `table`.
    pub(super) fn new_set_with_table(&mut self, ty: ObjRef, table: SetTable<ObjRef>) -> ObjRef {
        let s = self.alloc(ty, Payload::Set(Box::<SetData>::default()));
        for k in table.iter() {
            self.incref(k, Holder::Item(s));
        }
        if let Payload::Set(d) = self.heap.payload_mut(s) {
            d.table = table;
        }
        s
    }

    /// Replaces the body of `s` by `table` (CPython's `set_swap_bodies` then
    /// releasing the old body): the new keys are counted first, then the old
    /// ones released in old table order.
    pub(super) fn set_replace_table(&mut self, s: ObjRef, table: SetTable<ObjRef>) {
        for k in table.iter() {
            self.incref(k, Holder::Item(s));
        }
        let old = match self.heap.payload_mut(s) {
            Payload::Set(d) => std::mem::replace(&mut d.table, table),
            _ => return,
        };
        for k in old.iter() {
            self.decref(k, Holder::Item(s));
        }
    }

    /// The hash used to look `item` up in a set: an unhashable set is looked
    /// up as the equal frozenset (`set_contains`/`set_discard`).
    fn set_probe_hash(&mut self, item: ObjRef) -> PyResult<i64> {
        match self.hash(item) {
            Ok(h) => Ok(h),
            Err(e) if is_set(self, item) && self.err_matches(&e, self.types.type_error) => {
                self.discard_err(e);
                frozenset_hash(self, item)
            }
            Err(e) => Err(e),
        }
    }

    /// The member of `s` equal to `item` (hash `h`), borrowed.
    fn set_lookup(&mut self, s: ObjRef, item: ObjRef, h: i64) -> PyResult<Option<ObjRef>> {
        let cands = match table_ref(self, s) {
            Some(t) => t.candidates(h),
            None => return Ok(None),
        };
        for c in cands {
            if c == item || self.eq_bool(c, item)? {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    /// `item in s`.
    pub fn set_contains(&mut self, s: ObjRef, item: ObjRef) -> PyResult<bool> {
        let h = self.set_probe_hash(item)?;
        Ok(self.set_lookup(s, item, h)?.is_some())
    }

    /// `s.add(item)` (borrowed item).
    pub fn set_add(&mut self, s: ObjRef, item: ObjRef) -> PyResult<()> {
        let h = self.hash(item)?;
        self.set_add_hashed(s, item, h)
    }

    /// `set_add_entry`: adds `item` with a known hash unless an equal member exists.
    pub(super) fn set_add_hashed(&mut self, s: ObjRef, item: ObjRef, h: i64) -> PyResult<()> {
        if self.set_lookup(s, item, h)?.is_some() {
            return Ok(());
        }
        self.incref(item, Holder::Item(s));
        if let Payload::Set(d) = self.heap.payload_mut(s) {
            d.table.insert(h, item, |_| false);
        }
        Ok(())
    }

    /// Removes `item`; false when absent.
    pub fn set_discard(&mut self, s: ObjRef, item: ObjRef) -> PyResult<bool> {
        let h = self.set_probe_hash(item)?;
        self.set_discard_hashed(s, item, h)
    }

    /// `set_discard_entry` with a known hash.
    pub(super) fn set_discard_hashed(&mut self, s: ObjRef, item: ObjRef, h: i64) -> PyResult<bool> {
        let Some(found) = self.set_lookup(s, item, h)? else {
            return Ok(false);
        };
        let removed = match self.heap.payload_mut(s) {
            Payload::Set(d) => d.table.remove(h, |k| k == found),
            _ => None,
        };
        if let Some(m) = removed {
            self.decref(m, Holder::Item(s));
        }
        Ok(removed.is_some())
    }

    /// `s.update(iterable)` (`_PySet_Update`, used by SET_UPDATE): a set
    /// operand is merged with CPython's table-copy strategy.
    pub fn set_update(&mut self, s: ObjRef, iterable: ObjRef) -> PyResult<()> {
        set_update_internal(self, s, iterable)
    }

    /// A new set (or frozenset when `ty` says so) from an iterable.
    pub fn set_from_iterable(&mut self, ty: ObjRef, it: Option<ObjRef>) -> PyResult {
        let s = self.alloc(ty, Payload::Set(Box::<SetData>::default()));
        if let Some(it) = it
            && let Err(e) = set_update_internal(self, s, it)
        {
            self.decref_temp(s);
            return Err(e);
        }
        Ok(s)
    }
}

/// `set_update_internal(s, other)`: `s.update(other)`, `s |= other`, `set(other)`.
pub(super) fn set_update_internal(vm: &mut Vm, s: ObjRef, other: ObjRef) -> PyResult<()> {
    if is_set(vm, other) {
        if other == s {
            return Ok(());
        }
        let mut t = table_of(vm, s);
        let o = table_of(vm, other);
        with_eq(vm, |eq| t.merge(&o, eq))?;
        vm.set_replace_table(s, t);
        return Ok(());
    }
    if vm.heap.type_of(other) == vm.types.dict {
        let entries: Vec<(i64, ObjRef)> = match vm.heap.payload(other) {
            Payload::Dict(d) => d.map.iter().map(|(k, &(key, _))| (k.hash, key)).collect(),
            _ => Vec::new(),
        };
        let mut t = table_of(vm, s);
        with_eq(vm, |eq| t.update_from_dict(&entries, eq))?;
        vm.set_replace_table(s, t);
        return Ok(());
    }
    for_each_item(vm, other, |vm, item| vm.set_add(s, item))
}

/// Calls `f` with each item of the iterable `o` (borrowed for the call).
pub(super) fn for_each_item(
    vm: &mut Vm,
    o: ObjRef,
    mut f: impl FnMut(&mut Vm, ObjRef) -> PyResult<()>,
) -> PyResult<()> {
    let it = vm.get_iter(o)?;
    let r = loop {
        match vm.iter_next(it) {
            Ok(Some(item)) => {
                let r = f(vm, item);
                vm.decref_temp(item);
                if let Err(e) = r {
                    break Err(e);
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.decref_temp(it);
    r
}

/// `set_copy`: a new set of `a`'s base kind with `a`'s keys (`set_merge` layout).
pub(super) fn set_copy_of(vm: &mut Vm, a: ObjRef) -> ObjRef {
    let ty = result_type(vm, a);
    let t = table_of(vm, a).copy();
    vm.new_set_with_table(ty, t)
}

/// `set_intersection(so, other)`: a new set.
pub(super) fn set_intersection(vm: &mut Vm, so: ObjRef, other: ObjRef) -> PyResult {
    if so == other {
        return Ok(set_copy_of(vm, so));
    }
    let ty = result_type(vm, so);
    if is_set(vm, other) {
        let (a, b) = (table_of(vm, so), table_of(vm, other));
        let t = with_eq(vm, |eq| SetTable::intersection(&a, &b, eq))?;
        return Ok(vm.new_set_with_table(ty, t));
    }
    let result = vm.alloc(ty, Payload::Set(Box::<SetData>::default()));
    let r = for_each_item(vm, other, |vm, item| {
        let h = vm.hash(item)?;
        if vm.set_lookup(so, item, h)?.is_some() {
            vm.set_add_hashed(result, item, h)?;
        }
        Ok(())
    });
    finish(vm, result, r)
}

/// Returns `result` when `r` is Ok, else releases it.
fn finish(vm: &mut Vm, result: ObjRef, r: PyResult<()>) -> PyResult {
    match r {
        Ok(()) => Ok(result),
        Err(e) => {
            vm.decref_temp(result);
            Err(e)
        }
    }
}

/// `set_difference_update_internal(so, other)`: `s -= other`, `s.difference_update(other)`.
pub(super) fn set_difference_update_internal(
    vm: &mut Vm,
    so: ObjRef,
    other: ObjRef,
) -> PyResult<()> {
    if so == other {
        set_clear_internal(vm, so);
        return Ok(());
    }
    if is_set(vm, other) {
        let o = table_of(vm, other);
        let o = if (o.len() >> 3) > set_len(vm, so) {
            let a = table_of(vm, so);
            with_eq(vm, |eq| SetTable::intersection(&a, &o, eq))?
        } else {
            o
        };
        for (h, k) in o.entries() {
            vm.set_discard_hashed(so, k, h)?;
        }
    } else {
        for_each_item(vm, other, |vm, item| vm.set_discard(so, item).map(drop))?;
    }
    if let Payload::Set(d) = vm.heap.payload_mut(so) {
        d.table.shrink_dummies();
    }
    Ok(())
}

/// `set_difference(so, other)`: a new set.
pub(super) fn set_difference(vm: &mut Vm, so: ObjRef, other: ObjRef) -> PyResult {
    let other_size = if is_set(vm, other) {
        Some(set_len(vm, other))
    } else if vm.heap.type_of(other) == vm.types.dict {
        Some(vm.dict_len(other))
    } else {
        None
    };
    let copy_and_difference = match other_size {
        Some(n) => (set_len(vm, so) >> 2) > n,
        None => true,
    };
    if copy_and_difference {
        let result = set_copy_of(vm, so);
        let r = set_difference_update_internal(vm, result, other);
        return finish(vm, result, r);
    }
    let ty = result_type(vm, so);
    if is_set(vm, other) {
        let (a, b) = (table_of(vm, so), table_of(vm, other));
        let t = with_eq(vm, |eq| SetTable::difference(&a, &b, eq))?;
        return Ok(vm.new_set_with_table(ty, t));
    }
    // An exact dict: iterate `so`, keeping keys the dict lacks.
    let result = vm.alloc(ty, Payload::Set(Box::<SetData>::default()));
    let entries: Vec<(i64, ObjRef)> = table_of(vm, so).entries().collect();
    let mut r = Ok(());
    for (h, k) in entries {
        r = match vm.dict_get(other, k) {
            Ok(Some(_)) => Ok(()),
            Ok(None) => vm.set_add_hashed(result, k, h),
            Err(e) => Err(e),
        };
        if r.is_err() {
            break;
        }
    }
    finish(vm, result, r)
}

/// `set_symmetric_difference_update(so, other)`.
pub(super) fn set_symmetric_difference_update(
    vm: &mut Vm,
    so: ObjRef,
    other: ObjRef,
) -> PyResult<()> {
    if so == other {
        set_clear_internal(vm, so);
        return Ok(());
    }
    let (entries, temp) = if is_set(vm, other) {
        (table_of(vm, other).entries().collect::<Vec<_>>(), None)
    } else {
        let ty = result_type(vm, so);
        let t = vm.set_from_iterable(ty, Some(other))?;
        (table_of(vm, t).entries().collect(), Some(t))
    };
    let mut r = Ok(());
    for (h, k) in entries {
        r = match vm.set_discard_hashed(so, k, h) {
            Ok(true) => Ok(()),
            Ok(false) => vm.set_add_hashed(so, k, h),
            Err(e) => Err(e),
        };
        if r.is_err() {
            break;
        }
    }
    if let Some(t) = temp {
        vm.decref_temp(t);
    }
    r
}

/// `set_symmetric_difference(so, other)`: a copy of `other` (as `so`'s kind)
/// updated with `so`.
pub(super) fn set_symmetric_difference(vm: &mut Vm, so: ObjRef, other: ObjRef) -> PyResult {
    let ty = result_type(vm, so);
    let result = vm.set_from_iterable(ty, Some(other))?;
    let r = set_symmetric_difference_update(vm, result, so);
    finish(vm, result, r)
}

/// `set_clear_internal`: releases every key in table order.
pub(super) fn set_clear_internal(vm: &mut Vm, s: ObjRef) {
    vm.set_replace_table(s, SetTable::new());
}

/// `set_issubset(a, b)` for two sets.
fn is_subset(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    if set_len(vm, a) > set_len(vm, b) {
        return Ok(false);
    }
    for (h, k) in table_of(vm, a).entries() {
        if vm.set_lookup(b, k, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparisons: subset/superset ordering and equality.
pub fn set_compare(vm: &mut Vm, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult<bool> {
    let (la, lb) = (set_len(vm, a), set_len(vm, b));
    Ok(match op {
        CompareOp::Eq => la == lb && is_subset(vm, a, b)?,
        CompareOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CompareOp::Le => is_subset(vm, a, b)?,
        CompareOp::Lt => la < lb && is_subset(vm, a, b)?,
        CompareOp::Ge => is_subset(vm, b, a)?,
        CompareOp::Gt => la > lb && is_subset(vm, b, a)?,
    })
}

/// `hash(frozenset)` (order-independent, so table order does not matter).
pub fn frozenset_hash(vm: &mut Vm, s: ObjRef) -> PyResult<i64> {
    let hs: Vec<i64> =
        table_ref(vm, s).map_or_else(Vec::new, |t| t.entries().map(|(h, _)| h).collect());
    Ok(crate::semantics::hash::hash_frozenset(&hs))
}

/// Is `o` a set or a keys/items view (set-like for comparisons)?
pub(super) fn is_set_like(vm: &Vm, o: ObjRef) -> bool {
    is_set(vm, o)
        || matches!(vm.heap.payload(o), Payload::DictView { kind, .. } if *kind != DictViewKind::Values)
}
