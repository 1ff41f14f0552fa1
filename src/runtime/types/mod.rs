//! The builtin types and the abstract object protocol.
//!
//! - `registry`: the builtin type objects, singletons, caches (a [`TypeRegistry`]
//!   stored as `Vm::types`), created by [`bootstrap`], which `Vm::new` calls.
//! - `constructors`, `intern`, `code`: new references to builtin values,
//!   interning, code-object materialisation.
//! - `exceptions`: creating and describing exception instances.
//! - the protocol: `attr` (getattr/setattr with descriptors), `ops` (binary
//!   and unary operators), `compare`, `subscript`, `iter`, `repr`, `hash`,
//!   `protocol` (len, truth, contains, calling special methods).
//! - classes: `typeobj` (type objects, MRO walks, `type()`), `build_class`,
//!   `descriptors` (property, staticmethod, classmethod, super).
//! - one file per builtin type's methods, `builtins` and `sys`.
//!
//! Contract with the VM core (`runtime::vm`): the core provides `Vm::alloc`,
//! `incref`/`decref`, `call`, `run_class_body`; this module provides everything
//! object-specific. Instances of static (builtin) types do not own a reference
//! to their type; instances of heap types do, as in CPython. Dealloc must call
//! [`intern::forget_interned`] for every freed str.

/// Defines a number type's binary dunder (`__add__`, `__radd__`, …) as a
/// native method over the type's `binary` function, which returns None for
/// NotImplemented; `rev` swaps the operands for the reflected form.
macro_rules! number_dunder {
    ($binary:ident: $fname:ident, $op:expr, $rev:expr) => {
        fn $fname(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
            vm.check_nargs(stringify!($fname), args.len() - 1, 1, 1)?;
            let (a, b) = if $rev {
                (args[1], args[0])
            } else {
                (args[0], args[1])
            };
            match $binary(vm, a, b, $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented()),
            }
        }
    };
}

pub mod attr;
pub mod build_class;
pub mod builtins;
pub mod builtins_more;
pub mod bytearray;
pub mod bytes;
pub mod code;
pub mod compare;
pub mod complex;
pub mod constructors;
pub mod descriptors;
pub mod dict;
pub mod dictobj;
pub mod exceptions;
pub mod fast_arith;
pub mod float;
pub mod format;
pub mod frame_methods;
pub mod function;
pub mod hash;
pub mod int;
pub mod intern;
pub mod iter;
pub mod list;
pub mod module_type;
pub mod native;
pub mod native_attrs;
pub mod object;
pub mod object_reduce;
pub mod ops;
pub mod oserror;
pub mod protocol;
pub mod range;
pub mod registry;
pub mod repr;
pub mod result_tuple;
pub mod set;
pub mod set_methods;
pub mod sizeof;
pub mod str;
pub mod str_format;
pub mod str_translate;
pub mod subscript;
pub mod sys;
pub mod tuple;
pub mod type_cache;
pub mod typeobj;

pub use registry::TypeRegistry;

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt, PyStr};
use crate::runtime::vm::Vm;
use registry::static_alloc;
use std::rc::Rc;

/// Creates every builtin type, singleton, cache and the `builtins` and `sys`
/// modules. Called once by `Vm::new`.
pub fn bootstrap(vm: &mut Vm) {
    registry::create_core_types(vm);
    TypeRegistry::create_builtin_types(vm);
    create_singletons(vm);
    object::install(vm);
    typeobj::install(vm);
    int::install(vm);
    float::install(vm);
    complex::install(vm);
    str::install(vm);
    str_translate::install(vm);
    bytes::install(vm);
    bytearray::install(vm);
    tuple::install(vm);
    list::install(vm);
    dict::install(vm);
    set_methods::install(vm);
    range::install(vm);
    function::install(vm);
    frame_methods::install(vm);
    module_type::install(vm);
    descriptors::install(vm);
    iter::install(vm);
    exceptions::install(vm);
    oserror::install(vm);
    builtins::install(vm);
    sys::install(vm);
    crate::runtime::imports::install(vm);
}

fn create_singletons(vm: &mut Vm) {
    let t = &vm.types;
    let (none_t, ni_t, ell_t, bool_t, int_t, str_t, tuple_t, bytes_t) = (
        t.none_type,
        t.not_implemented_type,
        t.ellipsis_type,
        t.bool,
        t.int,
        t.str,
        t.tuple,
        t.bytes,
    );
    vm.types.none = static_alloc(vm, none_t, Payload::Plain, 16);
    vm.types.not_implemented = static_alloc(vm, ni_t, Payload::Plain, 16);
    vm.types.ellipsis = static_alloc(vm, ell_t, Payload::Plain, 16);
    vm.types.false_ = static_alloc(vm, bool_t, Payload::Bool(false), 28);
    vm.types.true_ = static_alloc(vm, bool_t, Payload::Bool(true), 28);
    vm.types.empty_tuple = static_alloc(vm, tuple_t, Payload::Tuple(Box::new([])), 40);
    vm.types.empty_bytes = static_alloc(vm, bytes_t, Payload::Bytes(Rc::from(&b""[..])), 33);
    let small: Vec<ObjRef> = (constructors::SMALL_INT_MIN..=constructors::SMALL_INT_MAX)
        .map(|i| static_alloc(vm, int_t, Payload::Int(PyInt::Small(i)), 28))
        .collect();
    vm.types.small_ints = small;
    vm.types.empty_str = static_alloc(
        vm,
        str_t,
        Payload::Str(constructors::make_pystr(Rc::from(""))),
        49,
    );
    let latin1: Vec<ObjRef> = (0u32..256)
        .map(|c| {
            let ch = char::from_u32(c).unwrap_or('\0');
            let s: PyStr = constructors::make_pystr(Rc::from(ch.to_string()));
            static_alloc(vm, str_t, Payload::Str(s), if c < 128 { 50 } else { 74 })
        })
        .collect();
    vm.types.latin1 = latin1;
}

/// Calls `f` with every reference the interpreter itself holds (the registry's
/// types, singletons, caches and modules), for the heap audit.
pub fn for_each_root(vm: &Vm, f: &mut dyn FnMut(ObjRef, Holder)) {
    let t = &vm.types;
    for ty in t.all_types() {
        f(ty, Holder::Root("builtin type"));
    }
    for o in [
        t.none,
        t.true_,
        t.false_,
        t.not_implemented,
        t.ellipsis,
        t.empty_tuple,
        t.empty_str,
        t.empty_bytes,
    ] {
        f(o, Holder::Root("singleton"));
    }
    for &o in &t.small_ints {
        f(o, Holder::Root("small int cache"));
    }
    for &o in &t.latin1 {
        f(o, Holder::Root("latin-1 character cache"));
    }
    for o in [t.builtins, t.sys, t.modules, t.stdout, t.stderr] {
        f(o, Holder::Root("interpreter state"));
    }
    for &o in &t.native_temps {
        f(o, Holder::Temp);
    }
    crate::runtime::imports::for_each_root(vm, f);
    crate::runtime::modules::memory::for_each_root(vm, f);
}

/// Looks `name` up on the type of `obj` (not on the instance), as CPython's
/// `_PyObject_LookupSpecial` without binding: a new reference to the
/// attribute found in the MRO (e.g. the `__del__` function), or None.
pub fn lookup_special(vm: &mut Vm, obj: ObjRef, name: &str) -> Option<ObjRef> {
    vm.lookup_special_ref(obj, name)
}
