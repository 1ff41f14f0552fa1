//! `list`: storage with CPython's over-allocation (the Vec's capacity is
//! kept equal to CPython's `allocated`, which `sys.getsizeof` reports), slice
//! assignment, and the list methods with CPython's messages.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::list_size::ListSizeModel;
use std::rc::Rc;

/// A Vec whose capacity is exactly its length (a list built from known items).
pub fn with_cpython_capacity(mut items: Vec<ObjRef>) -> Vec<ObjRef> {
    items.shrink_to_fit();
    items
}

/// `list_resize`: grows or shrinks the capacity as CPython's over-allocation does.
pub fn resize_for(items: &mut Vec<ObjRef>, newsize: usize) {
    let allocated = items.capacity();
    if allocated >= newsize && newsize >= allocated >> 1 {
        return;
    }
    let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
    if newsize - items.len().min(newsize) > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    if new_allocated > allocated {
        items.reserve_exact(new_allocated - items.len());
    } else {
        items.shrink_to(new_allocated);
    }
}

/// The size model of a list's storage (`items_null` when nothing is allocated).
fn size_model(items: &[ObjRef], capacity: usize) -> ListSizeModel {
    ListSizeModel {
        len: items.len(),
        allocated: capacity,
        items_null: capacity == 0,
    }
}

/// Sets the Vec's capacity to the model's `allocated` (never below its length).
fn apply_capacity(items: &mut Vec<ObjRef>, allocated: usize) {
    let target = allocated.max(items.len());
    if target > items.capacity() {
        items.reserve_exact(target - items.len());
    } else if target < items.capacity() {
        items.shrink_to(target);
    }
}

/// `operator.length_hint(o, 8)` without calling `__length_hint__` on
/// Python classes: the length of sized objects, the remaining items of
/// builtin iterators, else 8.
fn length_hint(vm: &mut Vm, o: ObjRef) -> PyResult<usize> {
    let ty = vm.heap.type_of(o);
    if vm.lookup_type_attr(ty, "__len__").is_some() {
        return vm.len(o);
    }
    let remaining = |n: usize, i: usize| n.saturating_sub(i);
    Ok(match vm.heap.payload(o) {
        Payload::SeqIter { seq: None, .. } => 0,
        Payload::SeqIter {
            seq: Some(s),
            index,
        } => match vm.heap.payload(*s) {
            Payload::List(l) => remaining(l.len(), *index),
            Payload::Tuple(t) => remaining(t.len(), *index),
            Payload::Bytes(b) => remaining(b.len(), *index),
            Payload::ByteArray(b) => remaining(b.data.len(), *index),
            _ => 8,
        },
        Payload::RangeIter { next, stop, step } => {
            let (next, stop, step) = (*next as i128, *stop as i128, *step as i128);
            let n = if step > 0 && next < stop {
                (stop - next - 1) / step + 1
            } else if step < 0 && next > stop {
                (next - stop - 1) / -step + 1
            } else {
                0
            };
            n as usize
        }
        _ => 8,
    })
}

fn list_items(vm: &Vm, l: ObjRef) -> Vec<ObjRef> {
    match vm.heap.payload(l) {
        Payload::List(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn list_len(vm: &Vm, l: ObjRef) -> usize {
    match vm.heap.payload(l) {
        Payload::List(v) => v.len(),
        _ => 0,
    }
}

fn list_mut(vm: &mut Vm, l: ObjRef) -> Option<&mut Vec<ObjRef>> {
    // The caller may resize `ob_item` (see `runtime::memory_storage`).
    vm.storage_touched(l);
    match vm.heap.payload_mut(l) {
        Payload::List(v) => Some(v),
        _ => None,
    }
}

impl Vm {
    /// `list.append(item)` (borrowed item).
    pub fn list_append(&mut self, l: ObjRef, item: ObjRef) {
        self.incref(item, Holder::Item(l));
        if let Some(v) = list_mut(self, l) {
            let n = v.len() + 1;
            resize_for(v, n);
            v.push(item);
        }
    }

    /// `list.extend(iterable)` with CPython's allocation: a list or tuple
    /// grows by `list_resize` (or an exact preallocation of an empty list),
    /// any other iterable by its length hint, appends, then a final shrink.
    pub fn list_extend(&mut self, l: ObjRef, iterable: ObjRef) -> PyResult<()> {
        let sequence = l == iterable
            || matches!(
                self.heap.payload(iterable),
                Payload::List(_) | Payload::Tuple(_)
            );
        let hint = if sequence {
            0
        } else {
            length_hint(self, iterable)?
        };
        let items = self.collect_iterable(iterable)?;
        if let Some(v) = list_mut(self, l) {
            let mut m = size_model(v, v.capacity());
            if sequence {
                m.extend_sequence(items.len());
            } else {
                m.extend_iter(hint, items.len());
            }
            apply_capacity(v, m.allocated);
            v.extend(items.iter().copied());
            apply_capacity(v, m.allocated);
        }
        // The temporaries' references now belong to the list.
        if self.sink.is_some() {
            for &i in &items {
                self.incref(i, Holder::Item(l));
                self.decref_temp(i);
            }
        }
        Ok(())
    }

    /// `list(iterable)` as a new list (`list___init__`: an exact, even
    /// preallocation for sized iterables, then `list_extend`).
    pub fn list_from_iterable(&mut self, iterable: ObjRef) -> PyResult {
        let ty = self.types.list;
        let l = self.alloc(ty, Payload::List(Vec::new()));
        if let Err(e) = list_fill(self, l, iterable) {
            self.decref_temp(l);
            return Err(e);
        }
        Ok(l)
    }
}

/// The body of `list.__init__(iterable)` on an empty list.
fn list_fill(vm: &mut Vm, l: ObjRef, iterable: ObjRef) -> PyResult<()> {
    let ty = vm.heap.type_of(iterable);
    if vm.lookup_type_attr(ty, "__len__").is_some() {
        let n = vm.len(iterable)?;
        if let Some(v) = list_mut(vm, l)
            && n > 0
            && v.capacity() == 0
        {
            apply_capacity(v, ListSizeModel::preallocated(n).allocated);
        }
    }
    vm.list_extend(l, iterable)
}

/// `PySequence_Fast(v, msg)`: the items of `v`; `msg` replaces the
/// TypeError of a non-iterable.
fn sequence_fast(vm: &mut Vm, v: ObjRef, msg: &str) -> PyResult<Vec<ObjRef>> {
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.types.type_error) => {
            vm.discard_err(e);
            return Err(vm.type_error(msg));
        }
        Err(e) => return Err(e),
    };
    let r = vm.collect_iterable(it);
    vm.decref_temp(it);
    r
}

/// `l[slice] = value` / `del l[slice]`.
pub fn list_set_slice(vm: &mut Vm, l: ObjRef, key: ObjRef, value: Option<ObjRef>) -> PyResult<()> {
    let len = list_len(vm, l);
    let span = vm.slice_span(key, len)?;
    let new_items = match value {
        Some(v) if span.step == 1 => sequence_fast(vm, v, "can only assign an iterable")?,
        Some(v) => sequence_fast(vm, v, "must assign iterable to extended slice")?,
        None => Vec::new(),
    };
    if span.step == 1 {
        let start = span.start as usize;
        let stop = (span.start as usize + span.len).max(start);
        let removed: Vec<ObjRef> = match list_mut(vm, l) {
            Some(v) => {
                let mut m = size_model(v, v.capacity());
                m.ass_slice(stop - start, new_items.len());
                let removed: Vec<ObjRef> =
                    v.splice(start..stop, new_items.iter().copied()).collect();
                apply_capacity(v, m.allocated);
                removed
            }
            None => Vec::new(),
        };
        if vm.sink.is_some() {
            for &i in &new_items {
                vm.incref(i, Holder::Item(l));
                vm.decref_temp(i);
            }
        }
        // list_ass_slice releases the replaced items last-to-first.
        for r in removed.into_iter().rev() {
            vm.decref(r, Holder::Item(l));
        }
        return Ok(());
    }
    if value.is_none() {
        // Extended-slice deletion releases the items front to back (a
        // negative step is normalised to a positive one first).
        let mut order: Vec<usize> = span.positions().collect();
        order.sort_unstable();
        let removed: Vec<ObjRef> = match list_mut(vm, l) {
            Some(v) => {
                let removed: Vec<ObjRef> = order.iter().map(|&p| v[p]).collect();
                let mut drop = vec![false; v.len()];
                order.iter().for_each(|&p| drop[p] = true);
                let mut i = 0;
                v.retain(|_| {
                    i += 1;
                    !drop[i - 1]
                });
                let n = v.len();
                resize_for(v, n);
                removed
            }
            None => Vec::new(),
        };
        for r in removed {
            vm.decref(r, Holder::Item(l));
        }
        return Ok(());
    }
    if new_items.len() != span.len {
        let n = new_items.len();
        vm.decref_all(new_items);
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {n} to extended slice of size {}",
            span.len
        )));
    }
    let mut olds = Vec::new();
    for (p, &item) in span.positions().zip(new_items.iter()) {
        if let Some(v) = list_mut(vm, l) {
            olds.push(std::mem::replace(&mut v[p], item));
        }
    }
    for o in olds {
        vm.decref(o, Holder::Item(l));
    }
    Ok(())
}

/// `l *= n`.
pub fn list_inplace_repeat(vm: &mut Vm, l: ObjRef, n: ObjRef) -> PyResult<()> {
    let n = vm.index_value(n)?;
    let items = list_items(vm, l);
    if n <= 0 {
        if let Some(v) = list_mut(vm, l) {
            v.clear();
            v.shrink_to(0);
        }
        for i in items.into_iter().rev() {
            vm.decref(i, Holder::Item(l));
        }
        return Ok(());
    }
    if let Some(v) = list_mut(vm, l) {
        // One `list_resize` to the final size.
        resize_for(v, items.len() * n as usize);
    }
    for _ in 1..n {
        for &i in &items {
            vm.incref(i, Holder::Item(l));
        }
        if let Some(v) = list_mut(vm, l) {
            v.extend(items.iter().copied());
        }
    }
    Ok(())
}

fn self_list(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<ObjRef> {
    match args.first() {
        Some(&l) if matches!(vm.heap.payload(l), Payload::List(_)) => Ok(l),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply"
        ))),
    }
}

fn list_append_m(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("list.append", k)?;
    let l = self_list(vm, args, "append")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    vm.list_append(l, args[1]);
    Ok(vm.none())
}

fn list_extend_m(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("list.extend", k)?;
    let l = self_list(vm, args, "extend")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.extend() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    vm.list_extend(l, args[1])?;
    Ok(vm.none())
}

fn list_insert(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("insert", k)?;
    let l = self_list(vm, args, "insert")?;
    vm.check_nargs("insert", args.len() - 1, 2, 2)?;
    let i = vm.index_value(args[1])?;
    let item = args[2];
    vm.incref(item, Holder::Item(l));
    if let Some(v) = list_mut(vm, l) {
        let n = v.len() as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        let newlen = v.len() + 1;
        resize_for(v, newlen);
        v.insert(i, item);
    }
    vm.report_mutated(l);
    Ok(vm.none())
}

fn list_pop(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("pop", k)?;
    let l = self_list(vm, args, "pop")?;
    vm.check_nargs("pop", args.len() - 1, 0, 1)?;
    let len = list_len(vm, l);
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&i) => vm.index_value(i)?,
        None => -1,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let item = match list_mut(vm, l) {
        Some(v) => {
            let item = v.remove(j as usize);
            let n = v.len();
            resize_for(v, n);
            item
        }
        None => return Ok(vm.none()),
    };
    // The list's reference becomes the caller's.
    if vm.sink.is_some() {
        vm.incref(item, Holder::Temp);
        vm.decref(item, Holder::Item(l));
    }
    Ok(item)
}

/// Index of the first item equal to `x` in `l[start..stop]`.
fn find_index(
    vm: &mut Vm,
    l: ObjRef,
    x: ObjRef,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = match vm.heap.payload(l) {
            Payload::List(v) if i < v.len().min(stop) => v[i],
            Payload::Tuple(v) if i < v.len().min(stop) => v[i],
            _ => return Ok(None),
        };
        vm.incref(item, Holder::Temp);
        let eq = vm.eq_bool(item, x);
        vm.decref_temp(item);
        if eq? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_remove(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("list.remove", k)?;
    let l = self_list(vm, args, "remove")?;
    vm.check_nargs("list.remove", args.len() - 1, 1, 1)?;
    match find_index(vm, l, args[1], 0, usize::MAX)? {
        Some(i) => {
            let item = match list_mut(vm, l) {
                Some(v) => {
                    let item = v.remove(i);
                    let n = v.len();
                    resize_for(v, n);
                    item
                }
                None => return Ok(vm.none()),
            };
            vm.decref(item, Holder::Item(l));
            Ok(vm.none())
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// Resolves optional start/stop arguments of `index` against `len`.
pub fn start_stop(vm: &mut Vm, args: &[ObjRef], len: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let start = match args.first() {
        Some(&s) => norm(vm.index_value(s)?),
        None => 0,
    };
    let stop = match args.get(1) {
        Some(&s) => norm(vm.index_value(s)?),
        None => len,
    };
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("index", k)?;
    let l = args[0];
    vm.check_nargs("index", args.len() - 1, 1, 3)?;
    let len = vm.len(l)?;
    let (start, stop) = start_stop(vm, &args[2..], len)?;
    match find_index(vm, l, args[1], start, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            if matches!(vm.heap.payload(l), Payload::Tuple(_)) {
                Err(vm.value_error("tuple.index(x): x not in tuple"))
            } else {
                let r = vm.repr_string(args[1])?;
                Err(vm.value_error(format!("{r} is not in list")))
            }
        }
    }
}

fn list_count(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("count", k)?;
    vm.check_nargs("count", args.len() - 1, 1, 1)?;
    let l = args[0];
    let mut n = 0;
    let mut i = 0;
    while let Some(found) = find_index(vm, l, args[1], i, usize::MAX)? {
        n += 1;
        i = found + 1;
    }
    Ok(vm.new_int(n))
}

fn list_reverse(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let l = self_list(vm, args, "reverse")?;
    if let Some(v) = list_mut(vm, l) {
        v.reverse();
    }
    vm.report_mutated(l);
    Ok(vm.none())
}

fn list_copy(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let l = self_list(vm, args, "copy")?;
    let items = list_items(vm, l);
    for &i in &items {
        vm.incref(i, Holder::Temp);
    }
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let l = self_list(vm, args, "clear")?;
    let items = match list_mut(vm, l) {
        Some(v) => std::mem::take(v),
        None => Vec::new(),
    };
    for i in items.into_iter().rev() {
        vm.decref(i, Holder::Item(l));
    }
    Ok(vm.none())
}

fn list_sort(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let l = self_list(vm, args, "sort")?;
    if args.len() - k.map_or(0, |k| k.len()) > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let a = vm.parse_args("sort", &args[1..], k, &["key", "reverse"], 0)?;
    let key = a[0].filter(|&f| f != vm.types.none);
    let reverse = match a[1] {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    // CPython empties the list while sorting.
    let items = match list_mut(vm, l) {
        Some(v) => std::mem::take(v),
        None => Vec::new(),
    };
    vm.report_mutated(l);
    let r = sort_items(vm, items, key, reverse);
    let (sorted, err) = match r {
        Ok(s) => (s, None),
        Err((s, e)) => (s, Some(e)),
    };
    let modified = list_items(vm, l);
    if let Some(v) = list_mut(vm, l) {
        *v = sorted;
    }
    vm.report_mutated(l);
    for m in modified {
        vm.decref(m, Holder::Item(l));
    }
    match err {
        Some(e) => Err(e),
        None => Ok(vm.none()),
    }
}

/// Stable sort of owned `items` by `key` (or the items), comparing with `<`.
/// On error returns the items (in some order) with the error.
pub fn sort_items(
    vm: &mut Vm,
    items: Vec<ObjRef>,
    key: Option<ObjRef>,
    reverse: bool,
) -> Result<Vec<ObjRef>, (Vec<ObjRef>, crate::runtime::vm::PyErr)> {
    let mut keys = Vec::with_capacity(items.len());
    if let Some(f) = key {
        for &i in &items {
            match vm.call(f, &[i], None) {
                Ok(k) => keys.push(k),
                Err(e) => {
                    vm.decref_all(keys);
                    return Err((items, e));
                }
            }
        }
    } else {
        keys = items.clone();
    }
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    // CPython's timsort on indices: the same `<` calls in the same order.
    let mut lt =
        |a: usize, b: usize| vm.compare_bool(keys[a], keys[b], super::compare::CompareOp::Lt);
    let err = crate::semantics::timsort::sort(&mut idx, &mut lt).err();
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<ObjRef> = idx.iter().map(|&i| items[i]).collect();
    if key.is_some() {
        vm.decref_all(keys);
    }
    match err {
        Some(e) => Err((sorted, e)),
        None => Ok(sorted),
    }
}

fn list_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    if cls == vm.types.list {
        return Ok(vm.new_list(Vec::new()));
    }
    Ok(vm.alloc(cls, Payload::List(Vec::new())))
}

fn list_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("list", k)?;
    let l = self_list(vm, args, "__init__")?;
    vm.check_nargs("list", args.len() - 1, 0, 1)?;
    list_clear(vm, &[l], None).map(|n| vm.decref_temp(n))?;
    if let Some(&it) = args.get(1) {
        list_fill(vm, l, it)?;
    }
    Ok(vm.none())
}

static LIST_NEW: NativeDef = native!("__new__", list_new);
static LIST_METHODS: &[NativeDef] = &[
    native!("__init__", list_init),
    native!("append", list_append_m),
    native!("extend", list_extend_m),
    native!("insert", list_insert),
    native!("pop", list_pop),
    native!("remove", list_remove),
    native!("index", list_index),
    native!("count", list_count),
    native!("reverse", list_reverse),
    native!("copy", list_copy),
    native!("clear", list_clear),
    native!("sort", list_sort),
];
static TUPLE_SHARED: &[NativeDef] = &[native!("index", list_index), native!("count", list_count)];

pub(super) fn install(vm: &mut Vm) {
    let l = vm.types.list;
    vm.add_bound_builtin(l, &LIST_NEW);
    vm.add_methods(l, LIST_METHODS);
    super::object::add_container_dunders(vm, l);
    let t = vm.types.tuple;
    vm.add_methods(t, TUPLE_SHARED);
}
