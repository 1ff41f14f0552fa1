//! `_weakref` (native) and `weakref` (`_weakref` plus embedded Python:
//! `finalize`, `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`).

use super::memory::py_bool;
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Layout, NativeDef, Payload};
use crate::runtime::types::registry::make_static_type;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

type Args<'a> = &'a [ObjRef];
type Kw<'a> = Option<&'a [Rc<str>]>;

/// The Python half of the `weakref` module.
pub const WEAKREF_PY: &str = include_str!("weakref_extras.py");

/// `ReferenceType.__new__(owner, cls, obj, callback=None)`.
/// Subclasses accept (and ignore) keyword arguments, for their `__init__`.
fn ref_new(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    let cls = args.get(1).copied().unwrap_or(vm.memory_types.ref_type);
    let subclass = cls != vm.memory_types.ref_type;
    if !subclass {
        vm.no_kwargs("ref", kw)?;
    }
    let nkw = kw.map_or(0, <[Rc<str>]>::len);
    let user = &args[2.min(args.len())..args.len().saturating_sub(nkw).max(2.min(args.len()))];
    if user.is_empty() || user.len() > 2 {
        return Err(vm.type_error(format!(
            "__new__ expected {} 1 argument{}, got {}",
            if user.is_empty() {
                "at least"
            } else {
                "at most"
            },
            if user.is_empty() { "" } else { "s" },
            user.len()
        )));
    }
    let ty = if subclass {
        if !vm.is_subtype(cls, vm.memory_types.ref_type) {
            let n = vm.type_name(cls);
            return Err(vm.type_error(format!(
                "ReferenceType.__new__({n}): {n} is not a subtype of ReferenceType"
            )));
        }
        Some(cls)
    } else {
        None
    };
    vm.weakref_new(user[0], user.get(1).copied(), false, ty)
}

fn accept_init(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    Ok(vm.none())
}

/// `ref.__call__()`: the referent, or None when dead.
fn ref_call(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    vm.no_kwargs("weakref", kw)?;
    vm.check_nargs("weakref", args.len() - 1, 0, 0)?;
    let o = vm.weakref_referent(args[0]).unwrap_or(vm.types.none);
    Ok(vm.new_ref(o))
}

/// The `__callback__` getter.
fn ref_callback(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    let cb = match vm.heap.payload(args[0]) {
        Payload::WeakRef(w) => w.callback,
        _ => None,
    }
    .unwrap_or(vm.types.none);
    Ok(vm.new_ref(cb))
}

/// A callable proxy's `__call__`: calls the referent.
fn proxy_call(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    let o = vm.proxy_referent(args[0])?;
    vm.incref(o, Holder::Temp);
    let r = vm.call(o, &args[1..], kw);
    vm.decref(o, Holder::Temp);
    r
}

fn w_proxy(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    vm.no_kwargs("_weakref.proxy", kw)?;
    vm.check_nargs("proxy", args.len(), 1, 2)?;
    vm.weakref_new(args[0], args.get(1).copied(), true, None)
}

fn w_getweakrefcount(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("getweakrefcount", args.len(), 1, 1)?;
    let n = vm.weakrefs_of(args[0]).len();
    Ok(vm.new_int(n as i64))
}

fn w_getweakrefs(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("getweakrefs", args.len(), 1, 1)?;
    let refs = vm.weakrefs_of(args[0]);
    for &r in &refs {
        vm.incref(r, Holder::Temp);
    }
    Ok(vm.new_list(refs))
}

fn w_remove_dead_weakref(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("_remove_dead_weakref", args.len(), 2, 2)?;
    if let Some(v) = vm.dict_get(args[0], args[1])?
        && matches!(vm.heap.payload(v), Payload::WeakRef(_))
        && vm.weakref_referent(v).is_none()
    {
        vm.dict_del(args[0], args[1])?;
    }
    Ok(vm.none())
}

/// `ref.__eq__`: live refs compare their referents, dead ones by identity.
fn ref_eq(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("__eq__", args.len() - 1, 1, 1)?;
    let (a, b) = (args[0], args[1]);
    if !matches!(vm.heap.payload(b), Payload::WeakRef(_)) {
        let ni = vm.types.not_implemented;
        return Ok(vm.new_ref(ni));
    }
    match (vm.weakref_referent(a), vm.weakref_referent(b)) {
        (Some(x), Some(y)) => {
            let eq = x == y || vm.eq_bool(x, y)?;
            Ok(py_bool(vm, eq))
        }
        _ => Ok(py_bool(vm, a == b)),
    }
}

static REF_NEW: NativeDef = native!("__new__", ref_new);
static REF_METHODS: &[NativeDef] = &[
    native!("__init__", accept_init),
    native!("__call__", ref_call),
    native!("__eq__", ref_eq),
];
static PROXY_METHODS: &[NativeDef] = &[native!("__call__", proxy_call)];
static CALLBACK_GETTER: NativeDef = native!("__callback__", ref_callback);

static WEAKREF_FUNCTIONS: &[NativeDef] = &[
    native!("proxy", w_proxy),
    native!("getweakrefcount", w_getweakrefcount),
    native!("getweakrefs", w_getweakrefs),
    native!("_remove_dead_weakref", w_remove_dead_weakref),
];

/// Creates `weakref.ReferenceType`, `ProxyType` and `CallableProxyType`.
pub fn install_types(vm: &mut Vm) {
    let object = vm.types.object;
    // `tp_name` is "weakref.ReferenceType" (error messages show it);
    // `__name__`/`__qualname__` are the part after the dot.
    let mk = |vm: &mut Vm, name: &str| {
        let tp_name = format!("weakref.{name}");
        let ty = make_static_type(vm, &tp_name, Some(object), Layout::Other, 64, 0);
        if let Payload::Type(t) = vm.heap.payload_mut(ty) {
            t.qualname = name.into();
        }
        let module = vm.new_str("weakref");
        vm.set_type_dict_item(ty, "__module__", module);
        ty
    };
    let r = mk(vm, "ReferenceType");
    vm.add_bound_builtin(r, &REF_NEW);
    vm.add_methods(r, REF_METHODS);
    let getter = vm.new_builtin(&CALLBACK_GETTER, None);
    let pty = vm.types.property;
    let prop = vm.alloc(
        pty,
        Payload::Property {
            fget: Some(getter),
            fset: None,
            fdel: None,
            doc: None,
        },
    );
    vm.set_type_dict_item(r, "__callback__", prop);
    let p = mk(vm, "ProxyType");
    let cp = mk(vm, "CallableProxyType");
    vm.add_methods(cp, PROXY_METHODS);
    let none = vm.types.none;
    for t in [p, cp] {
        vm.incref(none, Holder::Temp);
        vm.set_type_dict_item(t, "__hash__", none);
    }
    vm.memory_types.ref_type = r;
    vm.memory_types.proxy_type = p;
    vm.memory_types.callable_proxy_type = cp;
}

/// Fills `_weakref`'s namespace `d`.
pub fn fill_native(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    vm.add_module_functions(d, d, WEAKREF_FUNCTIONS);
    let t = &vm.memory_types;
    let (r, p, cp) = (t.ref_type, t.proxy_type, t.callable_proxy_type);
    for (name, ty) in [
        ("ref", r),
        ("ReferenceType", r),
        ("ProxyType", p),
        ("CallableProxyType", cp),
    ] {
        vm.dict_set_str(d, name, ty)?;
    }
    Ok(())
}
