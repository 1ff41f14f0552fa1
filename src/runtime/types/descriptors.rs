//! Descriptor types: `property` (with getter/setter/deleter decorators),
//! `staticmethod`, `classmethod`, and `super` (zero-argument form from the
//! calling frame's first argument and `__class__` cell, and two-argument form).

use crate::bytecode::{CO_FAST_CELL, CO_FAST_FREE};
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn none_to_opt(vm: &Vm, o: Option<ObjRef>) -> Option<ObjRef> {
    o.filter(|&x| x != vm.types.none)
}

/// A new property object (borrowed parts).
fn new_property(
    vm: &mut Vm,
    ty: ObjRef,
    fget: Option<ObjRef>,
    fset: Option<ObjRef>,
    fdel: Option<ObjRef>,
    doc: Option<ObjRef>,
) -> ObjRef {
    for o in [fget, fset, fdel, doc].into_iter().flatten() {
        vm.incref(o, Holder::Temp);
    }
    vm.alloc(
        ty,
        Payload::Property {
            fget,
            fset,
            fdel,
            doc,
        },
    )
}

fn property_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    let a = vm.parse_args(
        "property",
        &args[2..],
        k,
        &["fget", "fset", "fdel", "doc"],
        0,
    )?;
    let (g, s, d, doc) = (
        none_to_opt(vm, a[0]),
        none_to_opt(vm, a[1]),
        none_to_opt(vm, a[2]),
        none_to_opt(vm, a[3]),
    );
    Ok(new_property(vm, cls, g, s, d, doc))
}

fn property_init(vm: &mut Vm, _args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.none())
}

fn property_copy(vm: &mut Vm, args: &[ObjRef], which: u8) -> PyResult {
    vm.check_nargs("property", args.len() - 1, 1, 1)?;
    let Payload::Property {
        fget,
        fset,
        fdel,
        doc,
    } = vm.heap.payload(args[0])
    else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let (mut g, mut s, mut d, doc) = (*fget, *fset, *fdel, *doc);
    let f = none_to_opt(vm, Some(args[1]));
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    let ty = vm.heap.type_of(args[0]);
    Ok(new_property(vm, ty, g, s, d, doc))
}

fn property_getter(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    property_copy(vm, a, 0)
}
fn property_setter(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    property_copy(vm, a, 1)
}
fn property_deleter(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    property_copy(vm, a, 2)
}

fn descr_get_native(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__get__", args.len() - 1, 1, 2)?;
    let none = vm.types.none;
    let obj = Some(args[1]).filter(|&o| o != none);
    let ty = match args.get(2) {
        Some(&t) if t != none => t,
        _ => match obj {
            Some(o) => vm.heap.type_of(o),
            None => return Err(vm.type_error("__get__(None, None) is invalid")),
        },
    };
    vm.descr_get(args[0], obj, ty)
}

fn property_set(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__set__", args.len() - 1, 2, 2)?;
    let fset = match vm.heap.payload(args[0]) {
        Payload::Property { fset, .. } => *fset,
        _ => None,
    };
    match fset {
        Some(f) => vm.call(f, &[args[1], args[2]], None),
        None => Err(vm.attribute_error("can't set attribute")),
    }
}

fn wrapper_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>, cm: bool) -> PyResult {
    let name = if cm { "classmethod" } else { "staticmethod" };
    vm.no_kwargs(name, k)?;
    vm.check_nargs(name, args.len() - 2, 1, 1)?;
    let f = vm.new_ref(args[2]);
    let cls = args[1];
    Ok(vm.alloc(
        cls,
        if cm {
            Payload::ClassMethod(f)
        } else {
            Payload::StaticMethod(f)
        },
    ))
}
fn staticmethod_new(vm: &mut Vm, a: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    wrapper_new(vm, a, k, false)
}
fn classmethod_new(vm: &mut Vm, a: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    wrapper_new(vm, a, k, true)
}

fn staticmethod_call(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let f = match vm.heap.payload(args[0]) {
        Payload::StaticMethod(f) => *f,
        _ => return Err(vm.type_error("not a staticmethod")),
    };
    vm.call(f, &args[1..], k)
}

/// `super()` / `super(type, obj)`.
fn super_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("super", k)?;
    let cls = args[1];
    let rest = &args[2..];
    let (ty, obj) = match rest.len() {
        0 => zero_arg_super(vm)?,
        1 => (rest[0], None),
        2 => (rest[0], Some(rest[1])),
        n => return Err(vm.type_error(format!("super() takes at most 2 arguments ({n} given)"))),
    };
    if !vm.is_type(ty) {
        let tn = vm.type_name_of(ty);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
    }
    let obj_type = match obj {
        None => None,
        Some(o) => {
            if vm.is_type(o) && vm.is_subtype(o, ty) {
                Some(o)
            } else if vm.isinstance_of(o, ty) {
                Some(vm.heap.type_of(o))
            } else {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
        }
    };
    vm.incref(ty, Holder::Temp);
    if let Some(o) = obj {
        vm.incref(o, Holder::Temp);
    }
    if let Some(t) = obj_type {
        vm.incref(t, Holder::Temp);
    }
    Ok(vm.alloc(cls, Payload::Super { ty, obj, obj_type }))
}

/// The class and instance for zero-argument `super()`, from the calling frame.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(ObjRef, Option<ObjRef>)> {
    let Some(frame) = vm.frames.last() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let code = frame.code.clone();
    if code.argcount == 0 && code.flags & crate::bytecode::CO_VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = frame.fast.first().copied().flatten();
    if let (Some(f), Some(kind)) = (first, code.localspluskinds.first())
        && kind & CO_FAST_CELL != 0
        && let Payload::Cell(c) = vm.heap.payload(f)
    {
        first = *c;
    }
    let Some(first) = first else {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    };
    let class_slot = code
        .localsplusnames
        .iter()
        .zip(&code.localspluskinds)
        .position(|(n, k)| &**n == "__class__" && k & CO_FAST_FREE != 0);
    let Some(i) = class_slot else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    let cell = frame.fast.get(i).copied().flatten();
    let cls = match cell.map(|c| vm.heap.payload(c)) {
        Some(Payload::Cell(Some(c))) => *c,
        _ => return Err(vm.runtime_error("super(): empty __class__ cell")),
    };
    Ok((cls, Some(first)))
}

impl Vm {
    /// Attribute lookup on a super object: the MRO after `ty`.
    pub fn super_getattr(&mut self, sup: ObjRef, name: &str) -> PyResult {
        let Payload::Super { ty, obj, obj_type } = self.heap.payload(sup) else {
            return self.generic_getattr(sup, name);
        };
        let (ty, obj, obj_type) = (*ty, *obj, *obj_type);
        if name != "__class__"
            && let Some(start) = obj_type
        {
            let mro = self
                .type_data(start)
                .map(|t| t.mro.clone())
                .unwrap_or_default();
            let pos = mro
                .iter()
                .position(|&m| m == ty)
                .map_or(mro.len(), |p| p + 1);
            for &m in &mro[pos..] {
                let dict = self.type_data(m).map(|t| t.dict);
                if let Some(d) = dict
                    && let Some(v) = self.dict_get_str(d, name)
                {
                    self.incref(v, Holder::Temp);
                    // A type as obj means an unbound lookup (super(C, C).f).
                    let inst = obj.filter(|&o| o != start);
                    let r = self.descr_get(v, inst, start);
                    self.decref_temp(v);
                    return r;
                }
            }
        }
        self.generic_getattr(sup, name)
    }
}

static PROPERTY_NEW: NativeDef = native!("__new__", property_new);
static PROPERTY_METHODS: &[NativeDef] = &[
    native!("__init__", property_init),
    native!("getter", property_getter),
    native!("setter", property_setter),
    native!("deleter", property_deleter),
    native!("__get__", descr_get_native),
    native!("__set__", property_set),
];
static STATICMETHOD_NEW: NativeDef = native!("__new__", staticmethod_new);
static CLASSMETHOD_NEW: NativeDef = native!("__new__", classmethod_new);
static WRAPPER_METHODS: &[NativeDef] = &[native!("__get__", descr_get_native)];
static STATICMETHOD_CALL: &[NativeDef] = &[native!("__call__", staticmethod_call)];
static SUPER_NEW: NativeDef = native!("__new__", super_new);
static FUNCTION_METHODS: &[NativeDef] = &[native!("__get__", descr_get_native)];

pub(super) fn install(vm: &mut Vm) {
    let t = &vm.types;
    let (p, s, c, sup, f) = (
        t.property,
        t.staticmethod,
        t.classmethod,
        t.super_,
        t.function,
    );
    vm.add_bound_builtin(p, &PROPERTY_NEW);
    vm.add_methods(p, PROPERTY_METHODS);
    vm.add_bound_builtin(s, &STATICMETHOD_NEW);
    vm.add_methods(s, WRAPPER_METHODS);
    vm.add_methods(s, STATICMETHOD_CALL);
    vm.add_bound_builtin(c, &CLASSMETHOD_NEW);
    vm.add_methods(c, WRAPPER_METHODS);
    vm.add_bound_builtin(sup, &SUPER_NEW);
    vm.add_methods(f, FUNCTION_METHODS);
}
