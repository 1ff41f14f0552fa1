//! `object`'s methods (`__new__`/`__init__` argument checks, default
//! `__repr__`, `__eq__`/`__ne__`, identity `__hash__`, generic attribute
//! methods, `__init_subclass__`, `__format__`, `__dir__`), and the native
//! dunder wrappers builtin containers expose (`list.__len__`…), which call the
//! builtin layout directly so `super().__getitem__(i)` works in subclasses.

use super::compare::CompareOp;
use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// Whether `ty`'s `name` resolves to `object`'s own entry.
fn is_objects(vm: &Vm, ty: ObjRef, name: &str) -> bool {
    match vm.lookup_type_attr_owner(ty, name) {
        Some((_, owner)) => owner == vm.types.object,
        None => true,
    }
}

/// `object.__new__(cls, *args)` with CPython's excess-argument checks.
fn object_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    // args[0]: object (owner), args[1]: cls.
    let Some(&cls) = args.get(1) else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if !vm.is_type(cls) {
        let tn = vm.type_name_of(cls);
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({tn})")));
    }
    let excess = args.len() > 2 || _k.is_some_and(|k| !k.is_empty());
    if excess {
        if !is_objects(vm, cls, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if is_objects(vm, cls, "__init__") {
            let tn = vm.type_name(cls);
            return Err(vm.type_error(format!("{tn}() takes no arguments")));
        }
    }
    new_instance(vm, cls)
}

/// A new instance of `cls` with the payload its builtin base dictates.
pub fn new_instance(vm: &mut Vm, cls: ObjRef) -> PyResult {
    let base = vm.builtin_base(cls);
    if base != vm.types.object {
        let bn = vm.type_name(base);
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!(
            "object.__new__({tn}) is not safe, use {bn}.__new__()"
        )));
    }
    // _PyObject_InitializeDict → init_inline_values.
    if let Some(keys) = vm.type_data(cls).and_then(|t| t.shared_keys.clone()) {
        keys.borrow_mut().on_new_instance();
    }
    Ok(vm.alloc(cls, Payload::Plain))
}

fn object_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let excess = args.len() > 1 || k.is_some_and(|k| !k.is_empty());
    if excess {
        let ty = vm.heap.type_of(args[0]);
        if !is_objects(vm, ty, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_objects(vm, ty, "__new__") {
            let tn = vm.type_name(ty);
            return Err(vm.type_error(format!("{tn}() takes no arguments")));
        }
    }
    Ok(vm.none())
}

fn object_repr(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = vm.repr_native(args[0])?;
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = vm.repr_string(args[0])?;
    Ok(vm.new_string(s))
}

fn object_eq(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__eq__", args.len() - 1, 1, 1)?;
    if args[0] == args[1] {
        return Ok(vm.true_());
    }
    Ok(vm.not_implemented())
}

fn object_ne(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__ne__", args.len() - 1, 1, 1)?;
    let r = vm.rich_compare(args[0], args[1], CompareOp::Eq)?;
    if r == vm.types.not_implemented {
        return Ok(r);
    }
    let t = vm.is_true(r);
    vm.decref_temp(r);
    let t = t?;
    Ok(vm.bool(!t))
}

fn object_hash(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let addr = vm.heap.get(args[0]).addr;
    Ok(vm.new_int(super::hash::hash_pointer(addr)))
}

fn object_getattribute(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__getattribute__", args.len() - 1, 1, 1)?;
    let name = vm.expect_str(args[1], "attribute name")?;
    let o = args[0];
    if vm.is_type(o) {
        return vm.type_getattr(o, &name);
    }
    vm.generic_getattr(o, &name)
}

fn object_setattr(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__setattr__", args.len() - 1, 2, 2)?;
    let name = vm.expect_str(args[1], "attribute name")?;
    vm.generic_setattr(args[0], args[1], &name, Some(args[2]))?;
    Ok(vm.none())
}

fn object_delattr(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__delattr__", args.len() - 1, 1, 1)?;
    let name = vm.expect_str(args[1], "attribute name")?;
    vm.generic_setattr(args[0], args[1], &name, None)?;
    Ok(vm.none())
}

/// `object.__init_subclass__` (a METH_NOARGS classmethod): class keywords
/// that no `__init_subclass__` consumed end here as an error.
fn object_init_subclass(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let nkw = k.map_or(0, |k| k.len());
    let npos = args.len().saturating_sub(1 + nkw);
    if nkw > 0 || npos > 0 {
        let who = match args.first() {
            Some(&c) => match vm.type_data(c) {
                Some(t) => t.qualname.to_string(),
                None => vm.type_name_of(c),
            },
            None => "object".to_string(),
        };
        return Err(vm.type_error(if nkw > 0 {
            format!("{who}.__init_subclass__() takes no keyword arguments")
        } else {
            format!("{who}.__init_subclass__() takes no arguments ({npos} given)")
        }));
    }
    Ok(vm.none())
}

fn object_format(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__format__", args.len() - 1, 1, 1)?;
    let spec = vm.expect_str(args[1], "format spec")?;
    if !spec.is_empty() {
        let tn = vm.type_name_of(args[0]);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    vm.str_(args[0])
}

fn object_dir(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    super::builtins::dir_of(vm, args[0])
}

fn object_sizeof(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let n = super::sizeof::getsizeof(vm, args[0]);
    Ok(vm.new_int(n as i64))
}

fn object_subclasshook(vm: &mut Vm, _args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.not_implemented())
}

/// `NoneType()`, `type(NotImplemented)()`, `type(...)()`: the singletons.
fn singleton_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    let tn = vm.type_name(cls);
    if args.len() > 2 || k.is_some_and(|k| !k.is_empty()) {
        return Err(vm.type_error(format!("{tn} takes no arguments")));
    }
    let t = &vm.types;
    let o = if cls == t.none_type {
        t.none
    } else if cls == t.not_implemented_type {
        t.not_implemented
    } else {
        t.ellipsis
    };
    Ok(vm.new_ref(o))
}

static SINGLETON_NEW: NativeDef = native!("__new__", singleton_new);
static OBJECT_NEW: NativeDef = native!("__new__", object_new);
static OBJECT_INIT_SUBCLASS: NativeDef = native!("__init_subclass__", object_init_subclass);
static OBJECT_SUBCLASSHOOK: NativeDef = native!("__subclasshook__", object_subclasshook);
static OBJECT_METHODS: &[NativeDef] = &[
    native!("__init__", object_init),
    native!("__repr__", object_repr),
    native!("__str__", object_str),
    native!("__eq__", object_eq),
    native!("__ne__", object_ne),
    native!("__hash__", object_hash),
    native!("__getattribute__", object_getattribute),
    native!("__setattr__", object_setattr),
    native!("__delattr__", object_delattr),
    native!("__format__", object_format),
    native!("__dir__", object_dir),
    native!("__sizeof__", object_sizeof),
];

// ---- native dunders of builtin containers and values

fn d_len(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let n = vm.len_native(args[0])?;
    Ok(vm.new_int(n as i64))
}
fn d_getitem(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__getitem__", args.len() - 1, 1, 1)?;
    vm.getitem_native(args[0], args[1])
}
fn d_setitem(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__setitem__", args.len() - 1, 2, 2)?;
    vm.setitem_native(args[0], args[1], args[2])?;
    Ok(vm.none())
}
fn d_delitem(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__delitem__", args.len() - 1, 1, 1)?;
    vm.delitem_native(args[0], args[1])?;
    Ok(vm.none())
}
fn d_contains(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__contains__", args.len() - 1, 1, 1)?;
    let b = vm.contains_native(args[0], args[1])?;
    Ok(vm.bool(b))
}
fn d_iter(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.iter_native(args[0])
}
fn d_repr(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = vm.repr_native(args[0])?;
    Ok(vm.new_string(s))
}
fn d_hash(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let ty = vm.heap.type_of(args[0]);
    let base = vm.builtin_base(ty);
    if base == vm.types.list || base == vm.types.dict || base == vm.types.set {
        let tn = vm.type_name(ty);
        return Err(vm.type_error(format!("unhashable type: '{tn}'")));
    }
    let h = vm.hash(args[0])?;
    Ok(vm.new_int(h))
}
fn compare_wrapper(vm: &mut Vm, args: &[ObjRef], op: CompareOp) -> PyResult {
    vm.check_nargs(op.dunder(), args.len() - 1, 1, 1)?;
    match vm.native_compare(args[0], args[1], op)? {
        Some(b) => Ok(vm.bool(b)),
        None => Ok(vm.not_implemented()),
    }
}
fn d_eq(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    compare_wrapper(vm, a, CompareOp::Eq)
}
fn d_ne(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    compare_wrapper(vm, a, CompareOp::Ne)
}
fn d_lt(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    compare_wrapper(vm, a, CompareOp::Lt)
}
fn d_le(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    compare_wrapper(vm, a, CompareOp::Le)
}
fn d_gt(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    compare_wrapper(vm, a, CompareOp::Gt)
}
fn d_ge(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    compare_wrapper(vm, a, CompareOp::Ge)
}
fn d_add(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__add__", a.len() - 1, 1, 1)?;
    match vm.native_binary(a[0], a[1], crate::ast::Operator::Add)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}
fn d_mul(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__mul__", a.len() - 1, 1, 1)?;
    match vm.native_binary(a[0], a[1], crate::ast::Operator::Mult)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}

static CONTAINER_DUNDERS: &[NativeDef] = &[
    native!("__len__", d_len),
    native!("__getitem__", d_getitem),
    native!("__contains__", d_contains),
    native!("__iter__", d_iter),
    native!("__repr__", d_repr),
    native!("__eq__", d_eq),
    native!("__ne__", d_ne),
    native!("__lt__", d_lt),
    native!("__le__", d_le),
    native!("__gt__", d_gt),
    native!("__ge__", d_ge),
    native!("__add__", d_add),
    native!("__mul__", d_mul),
    native!("__hash__", d_hash),
];
static MUTABLE_DUNDERS: &[NativeDef] = &[
    native!("__setitem__", d_setitem),
    native!("__delitem__", d_delitem),
];
static VALUE_DUNDERS: &[NativeDef] = &[
    native!("__repr__", d_repr),
    native!("__eq__", d_eq),
    native!("__ne__", d_ne),
    native!("__lt__", d_lt),
    native!("__le__", d_le),
    native!("__gt__", d_gt),
    native!("__ge__", d_ge),
    native!("__hash__", d_hash),
];

/// Adds the native container dunders to a builtin container type.
pub fn add_container_dunders(vm: &mut Vm, ty: ObjRef) {
    vm.add_methods(ty, CONTAINER_DUNDERS);
    let mutable_seq = ty == vm.types.list || ty == vm.types.bytearray;
    if mutable_seq || ty == vm.types.dict {
        vm.add_methods(ty, MUTABLE_DUNDERS);
    }
    if mutable_seq || ty == vm.types.dict || ty == vm.types.set {
        // Mutable containers are unhashable: `__hash__ = None`.
        let none = vm.none();
        vm.set_type_dict_item(ty, "__hash__", none);
    }
}

/// Adds comparison/repr/hash dunders to a builtin value type (int, float…).
pub fn add_value_dunders(vm: &mut Vm, ty: ObjRef) {
    vm.add_methods(ty, VALUE_DUNDERS);
}

pub(super) fn install(vm: &mut Vm) {
    let o = vm.types.object;
    vm.add_bound_builtin(o, &OBJECT_NEW);
    vm.add_classmethod(o, &OBJECT_INIT_SUBCLASS);
    vm.add_classmethod(o, &OBJECT_SUBCLASSHOOK);
    vm.add_methods(o, OBJECT_METHODS);
    vm.add_methods(o, super::object_reduce::OBJECT_REDUCE_METHODS);
    for t in [
        vm.types.none_type,
        vm.types.not_implemented_type,
        vm.types.ellipsis_type,
    ] {
        vm.add_bound_builtin(t, &SINGLETON_NEW);
    }
    for ty in [
        vm.types.int,
        vm.types.float,
        vm.types.complex,
        vm.types.bool,
    ] {
        add_value_dunders(vm, ty);
    }
    for ty in [
        vm.types.tuple,
        vm.types.str,
        vm.types.bytes,
        vm.types.bytearray,
        vm.types.dict,
        vm.types.set,
        vm.types.frozenset,
        vm.types.range,
    ] {
        add_container_dunders(vm, ty);
    }
}
