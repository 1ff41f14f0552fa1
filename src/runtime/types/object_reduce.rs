//! `object.__reduce_ex__(protocol)` and `object.__reduce__()`
//! (`Objects/typeobject.c`'s `object___reduce_ex___impl`, `_common_reduce`,
//! `reduce_newobj`): protocols below 2 defer to `copyreg._reduce_ex`, later
//! ones build `(copyreg.__newobj__, (cls, *args), state, listitems,
//! dictitems)` as CPython does.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::imports::level::import_module_level;
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `copyreg.<name>` (new reference), importing `copyreg` on first use.
fn copyreg_attr(vm: &mut Vm, name: &str) -> PyResult {
    let m = import_module_level(vm, "copyreg", None, None, 0)?;
    let r = vm.getattr_str(m, name);
    vm.decref(m, Holder::Temp);
    r
}

/// `_common_reduce(self, proto)`.
fn common_reduce(vm: &mut Vm, obj: ObjRef, proto: i64) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let f = copyreg_attr(vm, "_reduce_ex")?;
    let p = vm.new_int(proto);
    let r = vm.call(f, &[obj, p], None);
    vm.decref(p, Holder::Temp);
    vm.decref(f, Holder::Temp);
    r
}

/// The arguments `__getnewargs__` gives (new tuple), or `()`.
fn newargs(vm: &mut Vm, obj: ObjRef) -> PyResult {
    let ty = vm.heap.type_of(obj);
    if vm.lookup_type_attr_owner(ty, "__getnewargs__").is_none() {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let a = vm.call_method(obj, "__getnewargs__", &[])?;
    if !matches!(
        vm.heap.payload(a),
        crate::runtime::object::Payload::Tuple(_)
    ) {
        let tn = vm.type_name_of(a);
        vm.decref(a, Holder::Temp);
        return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{tn}'")));
    }
    Ok(a)
}

/// The object's state: its non-empty `__dict__`, else `None`.
fn state_of(vm: &mut Vm, obj: ObjRef) -> ObjRef {
    match vm.heap.get(obj).dict {
        Some(d) if vm.dict_len(d) > 0 => vm.new_ref(d),
        _ => vm.none(),
    }
}

/// `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: ObjRef) -> PyResult {
    let ty = vm.heap.type_of(obj);
    let args = newargs(vm, obj)?;
    let newobj = match copyreg_attr(vm, "__newobj__") {
        Ok(f) => f,
        Err(e) => {
            vm.decref(args, Holder::Temp);
            return Err(e);
        }
    };
    let mut cls_args = vec![vm.new_ref(ty)];
    if let crate::runtime::object::Payload::Tuple(items) = vm.heap.payload(args) {
        cls_args.extend(items.iter().copied());
    }
    for &a in &cls_args[1..] {
        vm.incref(a, Holder::Temp);
    }
    vm.decref(args, Holder::Temp);
    let cls_args = vm.new_tuple(cls_args);
    let state = state_of(vm, obj);
    let list_items = if vm.isinstance_of(obj, vm.types.list) {
        vm.get_iter(obj)
    } else {
        Ok(vm.none())
    };
    let dict_items = match &list_items {
        Ok(_) if vm.isinstance_of(obj, vm.types.dict) => match vm.call_method(obj, "items", &[]) {
            Ok(items) => {
                let it = vm.get_iter(items);
                vm.decref(items, Holder::Temp);
                it
            }
            Err(e) => Err(e),
        },
        _ => Ok(vm.none()),
    };
    match (list_items, dict_items) {
        (Ok(l), Ok(d)) => Ok(vm.new_tuple(vec![newobj, cls_args, state, l, d])),
        (l, d) => {
            for o in [l.ok(), d.as_ref().ok().copied()].into_iter().flatten() {
                vm.decref(o, Holder::Temp);
            }
            for o in [newobj, cls_args, state] {
                vm.decref(o, Holder::Temp);
            }
            Err(d.err().unwrap_or_else(|| vm.type_error("reduce failed")))
        }
    }
}

fn object_reduce_ex(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__reduce_ex__", args.len() - 1, 1, 1)?;
    let Some(proto) = vm.small_int_value(args[1]) else {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let ty = vm.heap.type_of(args[0]);
    let overridden = vm
        .lookup_type_attr_owner(ty, "__reduce__")
        .is_some_and(|(_, owner)| owner != vm.types.object);
    if overridden {
        return vm.call_method(args[0], "__reduce__", &[]);
    }
    common_reduce(vm, args[0], proto)
}

fn object_reduce(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__reduce__", args.len() - 1, 0, 0)?;
    common_reduce(vm, args[0], 0)
}

pub(super) static OBJECT_REDUCE_METHODS: &[NativeDef] = &[
    native!("__reduce_ex__", object_reduce_ex),
    native!("__reduce__", object_reduce),
];
