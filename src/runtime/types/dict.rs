//! `dict` methods and views (`keys()`/`values()`/`items()`), `dict(...)`
//! construction, `|`, equality, and the helpers views need.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{DictData, DictViewKind, NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn dict_update_from(vm: &mut Vm, d: ObjRef, other: ObjRef) -> PyResult<()> {
    if matches!(vm.heap.payload(other), Payload::Dict(_)) {
        for (k, v) in vm.dict_items(other) {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    if vm
        .lookup_type_attr(vm.heap.type_of(other), "keys")
        .is_some()
    {
        let keys = vm.call_method(other, "keys", &[])?;
        let keys_v = vm.collect_iterable(keys);
        vm.decref_temp(keys);
        let keys_v = keys_v?;
        for &k in &keys_v {
            let v = match vm.getitem(other, k) {
                Ok(v) => v,
                Err(e) => {
                    vm.decref_all(keys_v);
                    return Err(e);
                }
            };
            let r = vm.dict_set(d, k, v);
            vm.decref_temp(v);
            if let Err(e) = r {
                vm.decref_all(keys_v);
                return Err(e);
            }
        }
        vm.decref_all(keys_v);
        return Ok(());
    }
    let items = vm.collect_iterable(other)?;
    let mut result = Ok(());
    for (n, &item) in items.iter().enumerate() {
        let pair = match vm.collect_iterable(item) {
            Ok(p) => p,
            Err(e) => {
                vm.discard_err(e);
                let tn = vm.type_name_of(item);
                result = Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                )));
                let _ = tn;
                break;
            }
        };
        if pair.len() != 2 {
            let l = pair.len();
            vm.decref_all(pair);
            result = Err(vm.value_error(format!(
                "dictionary update sequence element #{n} has length {l}; 2 is required"
            )));
            break;
        }
        let r = vm.dict_set(d, pair[0], pair[1]);
        vm.decref_all(pair);
        if let Err(e) = r {
            result = Err(e);
            break;
        }
    }
    vm.decref_all(items);
    result
}

/// Keyword arguments into a dict.
fn update_from_kwargs(
    vm: &mut Vm,
    d: ObjRef,
    args: &[ObjRef],
    kwnames: Option<&[Rc<str>]>,
) -> PyResult<()> {
    let (_, kw) = super::native::split_kwargs(args, kwnames);
    for (k, v) in kw {
        let key = vm.new_str_rc(k);
        let r = vm.dict_set(d, key, v);
        vm.decref_temp(key);
        r?;
    }
    Ok(())
}

/// `a | b` for dicts.
pub fn dict_or(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult {
    let d = dict_copy_of(vm, a)?;
    if let Err(e) = dict_update_from(vm, d, b) {
        vm.decref_temp(d);
        return Err(e);
    }
    Ok(d)
}

fn dict_copy_of(vm: &mut Vm, a: ObjRef) -> PyResult {
    let d = vm.new_dict();
    for (k, v) in vm.dict_items(a) {
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

/// `a == b` for two dicts.
pub fn dict_equal(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    if vm.dict_len(a) != vm.dict_len(b) {
        return Ok(false);
    }
    for (k, v) in vm.dict_items(a) {
        vm.incref(k, Holder::Temp);
        vm.incref(v, Holder::Temp);
        let other = vm.dict_get(b, k);
        let r = match other {
            Ok(Some(w)) => {
                vm.incref(w, Holder::Temp);
                let r = vm.eq_bool(v, w);
                vm.decref_temp(w);
                r
            }
            Ok(None) => Ok(false),
            Err(e) => Err(e),
        };
        vm.decref_temp(k);
        vm.decref_temp(v);
        if !r? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `x in d.keys()/values()/items()`.
pub fn view_contains(vm: &mut Vm, d: ObjRef, kind: DictViewKind, x: ObjRef) -> PyResult<bool> {
    match kind {
        DictViewKind::Keys => Ok(vm.dict_get(d, x)?.is_some()),
        DictViewKind::Values => {
            for (_, v) in vm.dict_items(d) {
                if vm.eq_bool(v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        DictViewKind::Items => {
            let Some(pair) = vm
                .seq_items(x)
                .filter(|p| p.len() == 2 && matches!(vm.heap.payload(x), Payload::Tuple(_)))
            else {
                return Ok(false);
            };
            match vm.dict_get(d, pair[0])? {
                Some(v) => vm.eq_bool(v, pair[1]),
                None => Ok(false),
            }
        }
    }
}

/// Keys (or view items) of a dict/view in reverse order, as new references.
pub fn reversed_items(vm: &mut Vm, o: ObjRef) -> PyResult<Vec<ObjRef>> {
    let (d, kind) = match vm.heap.payload(o) {
        Payload::DictView { dict, kind } => (*dict, *kind),
        _ => (o, DictViewKind::Keys),
    };
    let mut out = Vec::new();
    for (k, v) in vm.dict_items(d).into_iter().rev() {
        out.push(match kind {
            DictViewKind::Keys => vm.new_ref(k),
            DictViewKind::Values => vm.new_ref(v),
            DictViewKind::Items => vm.new_tuple_from(&[k, v]),
        });
    }
    Ok(out)
}

fn self_dict(vm: &mut Vm, args: &[ObjRef]) -> PyResult<ObjRef> {
    match args.first() {
        Some(&d) if matches!(vm.heap.payload(d), Payload::Dict(_)) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    if cls == vm.types.dict {
        return Ok(vm.new_dict());
    }
    Ok(vm.alloc(cls, Payload::Dict(Box::<DictData>::default())))
}

fn dict_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let d = self_dict(vm, args)?;
    let (pos, _) = super::native::split_kwargs(&args[1..], k);
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(&src) = pos.first() {
        dict_update_from(vm, d, src)?;
    }
    update_from_kwargs(vm, d, &args[1..], k)?;
    Ok(vm.none())
}

fn dict_get(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("get", k)?;
    let d = self_dict(vm, args)?;
    vm.check_nargs("get", args.len() - 1, 1, 2)?;
    match vm.dict_get(d, args[1])? {
        Some(v) => Ok(vm.new_ref(v)),
        None => {
            let dflt = args.get(2).copied().unwrap_or(vm.types.none);
            Ok(vm.new_ref(dflt))
        }
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("setdefault", k)?;
    let d = self_dict(vm, args)?;
    vm.check_nargs("setdefault", args.len() - 1, 1, 2)?;
    if let Some(v) = vm.dict_get(d, args[1])? {
        return Ok(vm.new_ref(v));
    }
    let dflt = args.get(2).copied().unwrap_or(vm.types.none);
    vm.dict_set(d, args[1], dflt)?;
    Ok(vm.new_ref(dflt))
}

fn dict_pop(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("pop", k)?;
    let d = self_dict(vm, args)?;
    vm.check_nargs("pop", args.len() - 1, 1, 2)?;
    match vm.dict_pop(d, args[1])? {
        Some(v) => {
            if vm.sink.is_some() {
                vm.incref(v, Holder::Temp);
                vm.decref(v, Holder::Item(d));
            }
            Ok(v)
        }
        None => match args.get(2) {
            Some(&dflt) => Ok(vm.new_ref(dflt)),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let d = self_dict(vm, args)?;
    let Some(last) = vm.dict_last_position(d) else {
        return Err(vm.key_error_msg("popitem(): dictionary is empty"));
    };
    let (k, _) = vm.dict_entry(d, last);
    vm.incref(k, Holder::Temp);
    let v = vm.dict_remove_index(d, last)?;
    Ok(vm.new_tuple(vec![k, v]))
}

fn dict_view(vm: &mut Vm, args: &[ObjRef], kind: DictViewKind) -> PyResult {
    let d = self_dict(vm, args)?;
    vm.incref(d, Holder::Temp);
    let t = &vm.types;
    let ty = match kind {
        DictViewKind::Keys => t.dict_keys,
        DictViewKind::Values => t.dict_values,
        DictViewKind::Items => t.dict_items,
    };
    Ok(vm.alloc(ty, Payload::DictView { dict: d, kind }))
}

fn dict_keys(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    dict_view(vm, args, DictViewKind::Keys)
}
fn dict_values(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    dict_view(vm, args, DictViewKind::Values)
}
fn dict_items_m(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    dict_view(vm, args, DictViewKind::Items)
}

fn dict_update(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let d = self_dict(vm, args)?;
    let (pos, _) = super::native::split_kwargs(&args[1..], k);
    if pos.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(&src) = pos.first() {
        dict_update_from(vm, d, src)?;
    }
    update_from_kwargs(vm, d, &args[1..], k)?;
    Ok(vm.none())
}

fn dict_copy(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let d = self_dict(vm, args)?;
    dict_copy_of(vm, d)
}

fn dict_clear(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let d = self_dict(vm, args)?;
    vm.dict_clear(d)?;
    Ok(vm.none())
}

fn dict_fromkeys(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("fromkeys", k)?;
    // args[0]: the class (classmethod).
    vm.check_nargs("fromkeys", args.len() - 1, 1, 2)?;
    let cls = args[0];
    let d = vm.call(cls, &[], None)?;
    let value = args.get(2).copied().unwrap_or(vm.types.none);
    let keys = match vm.collect_iterable(args[1]) {
        Ok(k) => k,
        Err(e) => {
            vm.decref_temp(d);
            return Err(e);
        }
    };
    let mut r = Ok(());
    for &key in &keys {
        r = vm.setitem(d, key, value);
        if r.is_err() {
            break;
        }
    }
    vm.decref_all(keys);
    match r {
        Ok(()) => Ok(d),
        Err(e) => {
            vm.decref_temp(d);
            Err(e)
        }
    }
}

impl Vm {
    /// A KeyError with a message (not a key).
    pub fn key_error_msg(&mut self, msg: &str) -> crate::runtime::vm::PyErr {
        let t = self.types.key_error;
        self.new_exception(t, msg)
    }
}

fn view_len(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let n = vm.len(args[0])?;
    Ok(vm.new_int(n as i64))
}

static DICT_NEW: NativeDef = native!("__new__", dict_new);
static DICT_FROMKEYS: NativeDef = native!("fromkeys", dict_fromkeys);
static DICT_METHODS: &[NativeDef] = &[
    native!("__init__", dict_init),
    native!("get", dict_get),
    native!("setdefault", dict_setdefault),
    native!("pop", dict_pop),
    native!("popitem", dict_popitem),
    native!("keys", dict_keys),
    native!("values", dict_values),
    native!("items", dict_items_m),
    native!("update", dict_update),
    native!("copy", dict_copy),
    native!("clear", dict_clear),
];
static VIEW_METHODS: &[NativeDef] = &[native!("__len__", view_len)];

pub(super) fn install(vm: &mut Vm) {
    let d = vm.types.dict;
    vm.add_bound_builtin(d, &DICT_NEW);
    vm.add_classmethod(d, &DICT_FROMKEYS);
    vm.add_methods(d, DICT_METHODS);
    for t in [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ] {
        vm.add_methods(t, VIEW_METHODS);
    }
}
