//! Attributes implemented natively (CPython's getset and member descriptors):
//! `__class__`, `__dict__`, function/method/code/cell/range/slice/int fields,
//! exception fields, and class attributes like `__name__`, `__mro__`, `__bases__`.
//! They behave as data descriptors: consulted before the instance dict.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};

/// A borrowed-or-None value turned into a new reference.
fn opt_ref(vm: &mut Vm, o: Option<ObjRef>) -> PyResult {
    let o = o.unwrap_or(vm.types.none);
    Ok(vm.new_ref(o))
}

/// Native attributes of instances; None when `name` is not one of them.
pub fn getattr(vm: &mut Vm, obj: ObjRef, name: &str) -> Option<PyResult> {
    if name == "__class__" {
        let t = vm.heap.type_of(obj);
        return Some(Ok(vm.new_ref(t)));
    }
    if name == "__dict__" && vm.has_instance_dict(obj) {
        let d = vm.instance_dict(obj);
        vm.gc_materialise_dict(d);
        return Some(Ok(vm.new_ref(d)));
    }
    if vm.heap.type_of(obj) == vm.types.unraisable_hook_args
        && let Some(i) = crate::runtime::vm::unraisable::HOOK_ARGS_FIELDS
            .iter()
            .position(|&f| f == name)
        && let Payload::Tuple(t) = vm.heap.payload(obj)
    {
        let v = t.get(i).copied();
        return Some(opt_ref(vm, v));
    }
    let r = match vm.heap.payload(obj) {
        Payload::Function(f) => {
            let v = match name {
                "__name__" => Some(f.name),
                "__qualname__" => Some(f.qualname),
                "__code__" => Some(f.code),
                "__globals__" => Some(f.globals),
                "__builtins__" => Some(f.builtins),
                "__module__" => f.module,
                "__doc__" => f.doc,
                "__defaults__" => f.defaults,
                "__kwdefaults__" => f.kwdefaults,
                "__closure__" => f.closure,
                "__annotations__" => {
                    if f.annotations.is_none() {
                        let d = vm.new_dict();
                        if let Payload::Function(f) = vm.heap.payload_mut(obj) {
                            f.annotations = Some(d);
                        }
                        return Some(Ok(vm.new_ref(d)));
                    }
                    f.annotations
                }
                _ => return None,
            };
            if v.is_none()
                && !matches!(
                    name,
                    "__module__" | "__doc__" | "__defaults__" | "__kwdefaults__" | "__closure__"
                )
            {
                return None;
            }
            opt_ref(vm, v)
        }
        Payload::Method { func, self_ } => {
            let (func, self_) = (*func, *self_);
            match name {
                "__func__" => opt_ref(vm, Some(func)),
                "__self__" => opt_ref(vm, Some(self_)),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    return Some(vm.getattr_str(func, name));
                }
                _ => return None,
            }
        }
        Payload::Builtin { def, self_ } => {
            let (def, self_) = (*def, *self_);
            match name {
                "__name__" => Ok(vm.new_str(def.name)),
                "__qualname__" => {
                    let q = match self_ {
                        Some(s) if !matches!(vm.heap.payload(s), Payload::Module { .. }) => {
                            let t = if vm.is_type(s) { s } else { vm.heap.type_of(s) };
                            format!("{}.{}", vm.type_name(t), def.name)
                        }
                        _ => def.name.to_string(),
                    };
                    Ok(vm.new_string(q))
                }
                "__self__" => opt_ref(vm, self_),
                "__doc__" => opt_ref(vm, None),
                "__module__" => Ok(vm.new_str("builtins")),
                _ => return None,
            }
        }
        Payload::MethodDescr { def, owner } => {
            let (def, owner) = (*def, *owner);
            match name {
                "__name__" => Ok(vm.new_str(def.name)),
                "__qualname__" => {
                    let q = format!("{}.{}", vm.type_name(owner), def.name);
                    Ok(vm.new_string(q))
                }
                "__objclass__" => opt_ref(vm, Some(owner)),
                "__doc__" => opt_ref(vm, None),
                _ => return None,
            }
        }
        Payload::BaseException(_) => return vm.exception_getattr(obj, name),
        Payload::Property {
            fget,
            fset,
            fdel,
            doc,
        } => {
            // A subclass's own class attribute (abc.abstractproperty) wins
            // over property's getset, as in the MRO lookup CPython does.
            let ty = vm.heap.type_of(obj);
            if name == "__isabstractmethod__" && !vm.has_python_override(ty, name) {
                let parts = [*fget, *fset, *fdel];
                return Some(any_abstract(vm, &parts));
            }
            let v = match name {
                "fget" => *fget,
                "fset" => *fset,
                "fdel" => *fdel,
                "__doc__" => doc.or(fget.and_then(|g| match vm.heap.payload(g) {
                    Payload::Function(f) => f.doc,
                    _ => None,
                })),
                _ => return None,
            };
            opt_ref(vm, v)
        }
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => {
            let f = *f;
            match name {
                "__func__" | "__wrapped__" => opt_ref(vm, Some(f)),
                "__name__" | "__qualname__" | "__doc__" => return Some(vm.getattr_str(f, name)),
                "__isabstractmethod__" => return Some(any_abstract(vm, &[Some(f)])),
                _ => return None,
            }
        }
        Payload::Code(c) => {
            let code = c.code.clone();
            match name {
                "co_name" => Ok(vm.new_str_rc(code.name.clone())),
                "co_qualname" => Ok(vm.new_str_rc(code.qualname.clone())),
                "co_filename" => Ok(vm.new_str_rc(code.filename.clone())),
                "co_firstlineno" => Ok(vm.new_int(i64::from(code.firstlineno))),
                "co_argcount" => Ok(vm.new_int(i64::from(code.argcount))),
                "co_posonlyargcount" => Ok(vm.new_int(i64::from(code.posonlyargcount))),
                "co_kwonlyargcount" => Ok(vm.new_int(i64::from(code.kwonlyargcount))),
                "co_flags" => Ok(vm.new_int(i64::from(code.flags))),
                "co_nlocals" => Ok(vm.new_int(code.varnames().count() as i64)),
                "co_stacksize" => Ok(vm.new_int(i64::from(code.stacksize))),
                "co_consts" | "co_names" | "co_varnames" | "co_cellvars" | "co_freevars" => {
                    let items: Vec<ObjRef> = match (name, vm.heap.payload(obj)) {
                        ("co_consts", Payload::Code(c)) => c.consts.clone(),
                        ("co_names", Payload::Code(c)) => c.names.clone(),
                        (_, Payload::Code(c)) => {
                            let kind = match name {
                                "co_varnames" => crate::bytecode::CO_FAST_LOCAL,
                                "co_cellvars" => crate::bytecode::CO_FAST_CELL,
                                _ => crate::bytecode::CO_FAST_FREE,
                            };
                            c.localsplusnames
                                .iter()
                                .zip(&code.localspluskinds)
                                .filter(|(_, k)| **k & kind != 0)
                                .map(|(n, _)| *n)
                                .collect()
                        }
                        _ => Vec::new(),
                    };
                    Ok(vm.new_tuple_from(&items))
                }
                _ => return None,
            }
        }
        Payload::Cell(c) => {
            let c = *c;
            match name {
                "cell_contents" => match c {
                    Some(v) => Ok(vm.new_ref(v)),
                    None => Err(vm.value_error("Cell is empty")),
                },
                _ => return None,
            }
        }
        Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
            let v = match name {
                "start" => *start,
                "stop" => *stop,
                "step" => *step,
                _ => return None,
            };
            opt_ref(vm, Some(v))
        }
        Payload::Int(_) | Payload::Bool(_) => match name {
            "real" | "numerator" => {
                let v = vm.bigint_value(obj).unwrap_or_default();
                Ok(vm.new_bigint(v))
            }
            "imag" => Ok(vm.new_int(0)),
            "denominator" => Ok(vm.new_int(1)),
            _ => return None,
        },
        Payload::Float(f) => {
            let f = *f;
            match name {
                "real" => Ok(vm.new_float(f)),
                "imag" => Ok(vm.new_float(0.0)),
                _ => return None,
            }
        }
        Payload::Complex(c) => {
            let c = *c;
            match name {
                "real" => Ok(vm.new_float(c.re)),
                "imag" => Ok(vm.new_float(c.im)),
                _ => return None,
            }
        }
        Payload::Module { name: n } if name == "__name__" => {
            let n = *n;
            opt_ref(vm, Some(n))
        }
        Payload::Frame(_) => return super::frame_methods::frame_getattr(vm, obj, name),
        Payload::Traceback {
            next,
            frame,
            lasti,
            lineno,
        } => {
            let (next, frame, lasti, lineno) = (*next, *frame, *lasti, *lineno);
            match name {
                "tb_next" => opt_ref(vm, next),
                "tb_frame" => opt_ref(vm, Some(frame)),
                "tb_lasti" => Ok(vm.new_int(i64::from(lasti) * 2)),
                "tb_lineno" => Ok(vm.new_int(i64::from(lineno))),
                _ => return None,
            }
        }
        Payload::Super {
            ty,
            obj: so,
            obj_type,
        } => {
            let (ty, so, obj_type) = (*ty, *so, *obj_type);
            match name {
                "__thisclass__" => opt_ref(vm, Some(ty)),
                "__self__" => opt_ref(vm, so),
                "__self_class__" => opt_ref(vm, obj_type),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(r)
}

/// Native settable attributes; None when `name` is not one of them.
pub fn setattr(
    vm: &mut Vm,
    obj: ObjRef,
    name: &str,
    value: Option<ObjRef>,
) -> Option<PyResult<()>> {
    if name == "__class__" {
        return Some(Err(
            vm.type_error("__class__ assignment is not supported by pysim")
        ));
    }
    match vm.heap.payload(obj) {
        Payload::BaseException(_) => vm.exception_setattr(obj, name, value),
        Payload::Function(_) => {
            let field: fn(&mut crate::runtime::object::FunctionData) -> &mut Option<ObjRef> =
                match name {
                    "__doc__" => |f| &mut f.doc,
                    "__defaults__" => |f| &mut f.defaults,
                    "__kwdefaults__" => |f| &mut f.kwdefaults,
                    "__module__" => |f| &mut f.module,
                    "__annotations__" => |f| &mut f.annotations,
                    "__name__" | "__qualname__" => {
                        let Some(v) = value.filter(|&v| vm.str_value(v).is_some()) else {
                            return Some(Err(
                                vm.type_error(format!("{name} must be set to a string object"))
                            ));
                        };
                        vm.incref(v, Holder::Field(obj, "__name__"));
                        let old = match vm.heap.payload_mut(obj) {
                            Payload::Function(f) if name == "__name__" => {
                                std::mem::replace(&mut f.name, v)
                            }
                            Payload::Function(f) => std::mem::replace(&mut f.qualname, v),
                            _ => v,
                        };
                        vm.decref(old, Holder::Field(obj, "__name__"));
                        return Some(Ok(()));
                    }
                    _ => return None,
                };
            let none = vm.types.none;
            let v = value.filter(|&v| v != none || name == "__doc__" || name == "__module__");
            if let Some(v) = v {
                vm.incref(v, Holder::Field(obj, "field"));
            }
            let old = match vm.heap.payload_mut(obj) {
                Payload::Function(f) => std::mem::replace(field(f), v),
                _ => None,
            };
            vm.xdecref(old, Holder::Field(obj, "field"));
            Some(Ok(()))
        }
        Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex(_)
        | Payload::Builtin { .. }
        | Payload::Method { .. }
        | Payload::Range { .. }
        | Payload::Slice { .. }
        | Payload::Code(_) => {
            if getattr_exists(vm, obj, name) {
                let tn = vm.type_name_of(obj);
                return Some(Err(vm.attribute_error(format!(
                    "attribute '{name}' of '{tn}' objects is not writable"
                ))));
            }
            None
        }
        _ => None,
    }
}

fn getattr_exists(vm: &mut Vm, obj: ObjRef, name: &str) -> bool {
    match getattr(vm, obj, name) {
        Some(Ok(v)) => {
            vm.decref_temp(v);
            true
        }
        Some(Err(e)) => {
            vm.discard_err(e);
            true
        }
        None => false,
    }
}

/// Class attributes that take precedence over the class dict.
pub fn type_getattr_early(vm: &mut Vm, cls: ObjRef, name: &str) -> Option<PyResult> {
    let t = vm.type_data(cls)?;
    let r = match name {
        "__name__" => {
            // A static type's `__name__` is its `tp_name` after the last dot.
            let n = t.name.clone();
            match n.rsplit_once('.') {
                Some((_, short)) if !t.heap_type => Ok(vm.new_str(short)),
                _ => Ok(vm.new_str_rc(n)),
            }
        }
        "__qualname__" => {
            let n = t.qualname.clone();
            Ok(vm.new_str_rc(n))
        }
        "__mro__" => {
            let m = t.mro.clone();
            Ok(vm.new_tuple_from(&m))
        }
        "__bases__" => {
            let b = t.bases.clone();
            Ok(vm.new_tuple_from(&b))
        }
        "__base__" => {
            let b = t.bases.first().copied();
            opt_ref(vm, b)
        }
        "__dict__" => {
            let d = t.dict;
            Ok(vm.new_ref(d))
        }
        "__class__" => {
            let m = vm.heap.type_of(cls);
            Ok(vm.new_ref(m))
        }
        "__basicsize__" => {
            let b = t.basicsize;
            Ok(vm.new_int(i64::from(b)))
        }
        "__itemsize__" => {
            let b = t.itemsize;
            Ok(vm.new_int(i64::from(b)))
        }
        _ => return None,
    };
    Some(r)
}

/// Class attributes used when nothing in the MRO defines them.
pub fn type_getattr_late(vm: &mut Vm, cls: ObjRef, name: &str) -> Option<PyResult> {
    match name {
        "__doc__" => Some(Ok(vm.none())),
        "__module__" => Some(Ok(vm.new_str("builtins"))),
        "__abstractmethods__" => None,
        _ => {
            let _ = cls;
            None
        }
    }
}

/// `__name__`/`__qualname__`/`__bases__` assignment on heap types.
pub fn type_setattr(
    vm: &mut Vm,
    cls: ObjRef,
    name: &str,
    value: Option<ObjRef>,
) -> Option<PyResult<()>> {
    match name {
        "__name__" | "__qualname__" => {
            let Some(s) = value.and_then(|v| vm.str_rc(v)) else {
                let tn = vm.type_name(cls);
                return Some(Err(vm.type_error(format!(
                    "can only assign string to {tn}.{name}, not 'NoneType'"
                ))));
            };
            if let Payload::Type(t) = vm.heap.payload_mut(cls) {
                if name == "__name__" {
                    t.name = s;
                } else {
                    t.qualname = s;
                }
            }
            Some(Ok(()))
        }
        "__mro__" | "__bases__" | "__dict__" => {
            let tn = vm.type_name(cls);
            Some(Err(vm.attribute_error(format!(
                "attribute '{name}' of 'type' objects is not writable (class {tn})"
            ))))
        }
        _ => None,
    }
}

/// Whether `o` is the int 0 (used by flags).
pub fn is_zero(vm: &Vm, o: ObjRef) -> bool {
    matches!(vm.heap.payload(o), Payload::Int(PyInt::Small(0)))
}

/// `_PyObject_IsAbstract` over `parts` (property's fget/fset/fdel, a
/// classmethod's or staticmethod's function): whether any has a true
/// `__isabstractmethod__`, as a bool object.
fn any_abstract(vm: &mut Vm, parts: &[Option<ObjRef>]) -> PyResult {
    for &p in parts.iter().flatten() {
        if let Some(v) = vm.getattr_opt(p, "__isabstractmethod__")? {
            let t = vm.is_true(v);
            vm.decref(v, crate::runtime::events::Holder::Temp);
            if t? {
                return Ok(vm.true_());
            }
        }
    }
    Ok(vm.bool(false))
}
