//! Attribute access with CPython's semantics: `PyObject_GenericGetAttr`
//! (data descriptors, then the instance `__dict__`, then non-data descriptors
//! and class attributes, then `__getattr__`), `type_getattro` for classes
//! (metaclass data descriptors, then the MRO), setattr/delattr with
//! `__setattr__`/`__delattr__` overrides, descriptor binding, and
//! `load_method` for LOAD_METHOD.

use super::native_attrs;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// `getattr(obj, name)` with `name` a str object (a new reference).
    pub fn getattr(&mut self, obj: ObjRef, name: ObjRef) -> PyResult {
        let Some(n) = self.str_rc(name) else {
            let tn = self.type_name_of(name);
            return Err(self.type_error(format!("attribute name must be string, not '{tn}'")));
        };
        self.getattr_str(obj, &n)
    }

    /// `getattr(obj, name)` with a Rust str name.
    pub fn getattr_str(&mut self, obj: ObjRef, name: &str) -> PyResult {
        let ty = self.heap.type_of(obj);
        if self.is_heap_type(ty) {
            if self.has_python_override(ty, "__getattribute__") {
                return self.getattr_via_getattribute(obj, name);
            }
            // A class whose metaclass is a Python class still gets
            // `type_getattro` (inherited from `type`).
            let r = if matches!(self.heap.payload(obj), Payload::Type(_)) {
                self.type_getattr(obj, name)
            } else {
                self.generic_getattr(obj, name)
            };
            return self.getattr_fallback(obj, ty, name, r);
        }
        match self.heap.payload(obj) {
            Payload::Type(_) => self.type_getattr(obj, name),
            Payload::Module { .. } => self.module_getattr(obj, name),
            Payload::Super { .. } => self.super_getattr(obj, name),
            Payload::WeakRef(w) if w.kind != crate::runtime::weakref::WeakKind::Ref => {
                self.proxy_getattr(obj, name)
            }
            _ => self.generic_getattr(obj, name),
        }
    }

    /// `getattr(obj, name, None)`-like: Ok(None) when AttributeError was raised.
    pub fn getattr_opt(&mut self, obj: ObjRef, name: &str) -> PyResult<Option<ObjRef>> {
        match self.getattr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, self.types.attribute_error) => {
                self.discard_err(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn getattr_via_getattribute(&mut self, obj: ObjRef, name: &str) -> PyResult {
        let n = self.new_str(name);
        let r = self.call_method(obj, "__getattribute__", &[n]);
        self.decref_temp(n);
        let ty = self.heap.type_of(obj);
        self.getattr_fallback(obj, ty, name, r)
    }

    /// `slot_tp_getattr_hook`: on AttributeError, try the class's `__getattr__`.
    fn getattr_fallback(&mut self, obj: ObjRef, ty: ObjRef, name: &str, r: PyResult) -> PyResult {
        match r {
            Err(e)
                if self.err_matches(&e, self.types.attribute_error)
                    && self.lookup_type_attr(ty, "__getattr__").is_some() =>
            {
                self.discard_err(e);
                let n = self.new_str(name);
                let r = self.call_method(obj, "__getattr__", &[n]);
                self.decref_temp(n);
                r
            }
            r => r,
        }
    }

    /// `PyObject_GenericGetAttr`.
    pub fn generic_getattr(&mut self, obj: ObjRef, name: &str) -> PyResult {
        let ty = self.heap.type_of(obj);
        let descr = self.lookup_type_attr(ty, name);
        if let Some(d) = descr
            && self.is_data_descriptor(d)
        {
            self.incref(d, Holder::Temp);
            let r = self.descr_get(d, Some(obj), ty);
            self.decref_temp(d);
            return r;
        }
        if let Some(r) = native_attrs::getattr(self, obj, name) {
            return r;
        }
        if let Some(dict) = self.heap.get(obj).dict
            && let Some(v) = self.dict_get_str(dict, name)
        {
            return Ok(self.new_ref(v));
        }
        if let Some(d) = descr {
            self.incref(d, Holder::Temp);
            let r = self.descr_get(d, Some(obj), ty);
            self.decref_temp(d);
            return r;
        }
        let tn = self.type_name(ty);
        Err(self.attribute_error(format!("'{tn}' object has no attribute '{name}'")))
    }

    /// `type_getattro`: attributes of a class object.
    pub fn type_getattr(&mut self, cls: ObjRef, name: &str) -> PyResult {
        let meta = self.heap.type_of(cls);
        let meta_attr = self.lookup_type_attr(meta, name);
        if let Some(d) = meta_attr
            && self.is_data_descriptor(d)
        {
            self.incref(d, Holder::Temp);
            let r = self.descr_get(d, Some(cls), meta);
            self.decref_temp(d);
            return r;
        }
        if let Some(r) = native_attrs::type_getattr_early(self, cls, name) {
            return r;
        }
        if let Some(a) = self.lookup_type_attr(cls, name) {
            self.incref(a, Holder::Temp);
            let r = self.descr_get(a, None, cls);
            self.decref_temp(a);
            return r;
        }
        if let Some(d) = meta_attr {
            self.incref(d, Holder::Temp);
            let r = self.descr_get(d, Some(cls), meta);
            self.decref_temp(d);
            return r;
        }
        if let Some(r) = native_attrs::type_getattr_late(self, cls, name) {
            return r;
        }
        let tn = self.type_name(cls);
        Err(self.attribute_error(format!("type object '{tn}' has no attribute '{name}'")))
    }

    fn module_getattr(&mut self, m: ObjRef, name: &str) -> PyResult {
        if let Some(dict) = self.heap.get(m).dict {
            if let Some(v) = self.dict_get_str(dict, name) {
                return Ok(self.new_ref(v));
            }
            if name == "__dict__" {
                return Ok(self.new_ref(dict));
            }
        }
        if name == "__class__" {
            let t = self.heap.type_of(m);
            return Ok(self.new_ref(t));
        }
        crate::runtime::imports::repr::module_getattr_missing(self, m, name)
    }

    /// Whether `d` (found on a type) is a data descriptor (`__set__` or `__delete__`).
    pub fn is_data_descriptor(&self, d: ObjRef) -> bool {
        match self.heap.payload(d) {
            Payload::Property { .. } => true,
            Payload::Function(_)
            | Payload::MethodDescr { .. }
            | Payload::Builtin { .. }
            | Payload::StaticMethod(_)
            | Payload::ClassMethod(_)
            | Payload::Int(_)
            | Payload::Str(_)
            | Payload::Float(_)
            | Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Dict(_)
            | Payload::Type(_) => false,
            _ => {
                let dt = self.heap.type_of(d);
                self.is_heap_type(dt)
                    && (self.lookup_type_attr(dt, "__set__").is_some()
                        || self.lookup_type_attr(dt, "__delete__").is_some())
            }
        }
    }

    /// `descr.__get__(obj, ty)`: binds functions, method descriptors,
    /// classmethods, staticmethods, properties and user descriptors; other
    /// objects are returned as they are. Returns a new reference.
    pub fn descr_get(&mut self, d: ObjRef, obj: Option<ObjRef>, ty: ObjRef) -> PyResult {
        match self.heap.payload(d) {
            Payload::Function(_) => match obj {
                Some(o) => Ok(self.new_method(d, o)),
                None => Ok(self.new_ref(d)),
            },
            Payload::MethodDescr { def, owner } => match obj {
                Some(o) => {
                    let (def, owner) = (*def, *owner);
                    if !self.isinstance_of(o, owner) {
                        let (on, tn) = (self.type_name(owner), self.type_name_of(o));
                        return Err(self.type_error(format!(
                            "descriptor '{}' for '{on}' objects doesn't apply to a '{tn}' object",
                            def.name
                        )));
                    }
                    Ok(self.new_builtin(def, Some(o)))
                }
                None => Ok(self.new_ref(d)),
            },
            Payload::ClassMethod(f) => {
                let f = *f;
                Ok(self.new_method(f, ty))
            }
            Payload::StaticMethod(f) => {
                let f = *f;
                Ok(self.new_ref(f))
            }
            Payload::Property { fget, .. } => {
                let Some(o) = obj else {
                    return Ok(self.new_ref(d));
                };
                match *fget {
                    Some(g) => self.call(g, &[o], None),
                    None => {
                        let pname = self.property_name(d);
                        let tn = self.type_name_of(o);
                        Err(self.attribute_error(format!(
                            "property {pname}of '{tn}' object has no getter"
                        )))
                    }
                }
            }
            Payload::Int(_) | Payload::Str(_) | Payload::Float(_) | Payload::Type(_) => {
                Ok(self.new_ref(d))
            }
            _ => {
                let dt = self.heap.type_of(d);
                if self.is_heap_type(dt)
                    && let Some(get) = self.lookup_type_attr(dt, "__get__")
                {
                    self.incref(get, Holder::Temp);
                    let none = self.types.none;
                    let r = self.call(get, &[d, obj.unwrap_or(none), ty], None);
                    self.decref_temp(get);
                    return r;
                }
                Ok(self.new_ref(d))
            }
        }
    }

    /// The `'x' ` part of property error messages (the name it was assigned to, when known).
    fn property_name(&self, prop: ObjRef) -> String {
        if let Payload::Property { fget, fset, .. } = self.heap.payload(prop)
            && let Some(f) = fget.or(*fset)
            && let Payload::Function(fd) = self.heap.payload(f)
            && let Some(n) = self.str_value(fd.name)
        {
            return format!("'{n}' ");
        }
        String::new()
    }

    /// A new bound method object.
    pub fn new_method(&mut self, func: ObjRef, self_: ObjRef) -> ObjRef {
        self.incref(func, Holder::Temp);
        self.incref(self_, Holder::Temp);
        let mty = self.types.method;
        self.alloc(mty, Payload::Method { func, self_ })
    }

    /// LOAD_METHOD: `(Some(unbound), self)` when the attribute is a plain
    /// function or method descriptor on the type and not shadowed by the
    /// instance dict; otherwise `(None, attribute)`. Both results are new references.
    pub fn load_method(&mut self, obj: ObjRef, name: ObjRef) -> PyResult<(Option<ObjRef>, ObjRef)> {
        let Some(n) = self.str_rc(name) else {
            return Ok((None, self.getattr(obj, name)?));
        };
        self.load_method_str(obj, &n)
    }

    /// `load_method` with a Rust str name.
    pub fn load_method_str(
        &mut self,
        obj: ObjRef,
        name: &str,
    ) -> PyResult<(Option<ObjRef>, ObjRef)> {
        let ty = self.heap.type_of(obj);
        let generic = !matches!(
            self.heap.payload(obj),
            // super's tp_getattro is not the generic one either.
            Payload::Type(_) | Payload::Module { .. } | Payload::Super { .. }
        ) && (!self.is_heap_type(ty)
            || !self.has_python_override(ty, "__getattribute__"));
        if generic
            && let Some(d) = self.lookup_type_attr(ty, name)
            && matches!(
                self.heap.payload(d),
                Payload::Function(_) | Payload::MethodDescr { .. }
            )
        {
            let shadowed = match self.heap.get(obj).dict {
                Some(dict) => self.dict_get_str(dict, name).is_some(),
                None => false,
            };
            if !shadowed {
                if let Payload::MethodDescr { owner, .. } = self.heap.payload(d)
                    && !self.isinstance_of(obj, *owner)
                {
                    let a = self.getattr_str(obj, name)?;
                    return Ok((None, a));
                }
                let d = self.new_ref(d);
                let s = self.new_ref(obj);
                return Ok((Some(d), s));
            }
        }
        let a = self.getattr_str(obj, name)?;
        Ok((None, a))
    }

    /// `_PyObject_LookupSpecial` without binding: the attribute on `type(obj)`'s MRO (new ref).
    pub fn lookup_special_ref(&mut self, obj: ObjRef, name: &str) -> Option<ObjRef> {
        let ty = self.heap.type_of(obj);
        let a = self.lookup_type_attr(ty, name)?;
        Some(self.new_ref(a))
    }

    /// Calls the special method `name` looked up on the type (not the
    /// instance), binding `obj` as CPython's `vectorcall_method` does.
    pub fn call_method(&mut self, obj: ObjRef, name: &str, args: &[ObjRef]) -> PyResult {
        self.call_method_kw(obj, name, args, None)
    }

    /// `call_method` with keyword names for the trailing args.
    pub fn call_method_kw(
        &mut self,
        obj: ObjRef,
        name: &str,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        let ty = self.heap.type_of(obj);
        let Some(f) = self.lookup_type_attr(ty, name) else {
            let tn = self.type_name(ty);
            return Err(self.attribute_error(format!("'{tn}' object has no attribute '{name}'")));
        };
        match self.heap.payload(f) {
            Payload::MethodDescr { def, .. } => {
                let def = *def;
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj);
                full.extend_from_slice(args);
                (def.func)(self, &full, kwnames)
            }
            Payload::Function(_) => {
                self.incref(f, Holder::Temp);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj);
                full.extend_from_slice(args);
                let r = self.call(f, &full, kwnames);
                self.decref_temp(f);
                r
            }
            _ => {
                self.incref(f, Holder::Temp);
                let bound = self.descr_get(f, Some(obj), ty);
                self.decref_temp(f);
                let bound = bound?;
                let r = self.call(bound, args, kwnames);
                self.decref_temp(bound);
                r
            }
        }
    }

    /// `setattr(obj, name, value)` (`value` borrowed); `name` a str object.
    pub fn setattr(&mut self, obj: ObjRef, name: ObjRef, value: ObjRef) -> PyResult<()> {
        self.setattr_impl(obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: ObjRef, name: ObjRef) -> PyResult<()> {
        self.setattr_impl(obj, name, None)
    }

    /// `setattr` with a Rust str name.
    pub fn setattr_str(&mut self, obj: ObjRef, name: &str, value: ObjRef) -> PyResult<()> {
        let n = self.intern(name);
        let r = self.setattr_impl(obj, n, Some(value));
        self.decref_temp(n);
        r
    }

    fn setattr_impl(&mut self, obj: ObjRef, name: ObjRef, value: Option<ObjRef>) -> PyResult<()> {
        let Some(n) = self.str_rc(name) else {
            let tn = self.type_name_of(name);
            return Err(self.type_error(format!("attribute name must be string, not '{tn}'")));
        };
        let ty = self.heap.type_of(obj);
        if self.is_heap_type(ty) {
            let hook = if value.is_some() {
                "__setattr__"
            } else {
                "__delattr__"
            };
            if self.has_python_override(ty, hook) {
                let r = match value {
                    Some(v) => self.call_method(obj, hook, &[name, v])?,
                    None => self.call_method(obj, hook, &[name])?,
                };
                self.decref_temp(r);
                return Ok(());
            }
        }
        if self.is_type(obj) {
            return self.type_setattr(obj, name, &n, value);
        }
        self.generic_setattr(obj, name, &n, value)
    }

    /// `PyObject_GenericSetAttr` (also `object.__setattr__`).
    pub fn generic_setattr(
        &mut self,
        obj: ObjRef,
        name: ObjRef,
        n: &str,
        value: Option<ObjRef>,
    ) -> PyResult<()> {
        let ty = self.heap.type_of(obj);
        if let Some(d) = self.lookup_type_attr(ty, n)
            && self.is_data_descriptor(d)
        {
            self.incref(d, Holder::Temp);
            let r = self.descr_set(d, obj, n, value);
            self.decref_temp(d);
            return r;
        }
        if let Some(r) = native_attrs::setattr(self, obj, n, value) {
            return r;
        }
        if !self.has_instance_dict(obj) {
            let tn = self.type_name(ty);
            return Err(
                self.attribute_error(if self.lookup_type_attr(ty, n).is_some() {
                    format!("'{tn}' object attribute '{n}' is read-only")
                } else {
                    format!("'{tn}' object has no attribute '{n}'")
                }),
            );
        }
        let dict = self.instance_dict(obj);
        match value {
            Some(v) => self.dict_set_name(dict, name, v),
            None => {
                if self.dict_del(dict, name)? {
                    Ok(())
                } else {
                    let tn = self.type_name(ty);
                    Err(self.attribute_error(format!("'{tn}' object has no attribute '{n}'")))
                }
            }
        }
    }

    /// `descr.__set__(obj, value)` / `__delete__(obj)`.
    fn descr_set(
        &mut self,
        d: ObjRef,
        obj: ObjRef,
        n: &str,
        value: Option<ObjRef>,
    ) -> PyResult<()> {
        if let Payload::Property { fset, fdel, .. } = self.heap.payload(d) {
            let (fset, fdel) = (*fset, *fdel);
            let (f, what) = match value {
                Some(_) => (fset, "setter"),
                None => (fdel, "deleter"),
            };
            let Some(f) = f else {
                let tn = self.type_name_of(obj);
                return Err(
                    self.attribute_error(format!("property '{n}' of '{tn}' object has no {what}"))
                );
            };
            let r = match value {
                Some(v) => self.call(f, &[obj, v], None)?,
                None => self.call(f, &[obj], None)?,
            };
            self.decref_temp(r);
            return Ok(());
        }
        let r = match value {
            Some(v) => self.call_method(d, "__set__", &[obj, v])?,
            None => self.call_method(d, "__delete__", &[obj])?,
        };
        self.decref_temp(r);
        Ok(())
    }

    /// `type.__setattr__`: heap types store into their dict; builtin types refuse.
    pub(crate) fn type_setattr(
        &mut self,
        cls: ObjRef,
        name: ObjRef,
        n: &str,
        value: Option<ObjRef>,
    ) -> PyResult<()> {
        if !self.is_heap_type(cls) {
            let tn = self.type_name(cls);
            return Err(self.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        let meta = self.heap.type_of(cls);
        if let Some(d) = self.lookup_type_attr(meta, n)
            && self.is_data_descriptor(d)
        {
            self.incref(d, Holder::Temp);
            let r = self.descr_set(d, cls, n, value);
            self.decref_temp(d);
            return r;
        }
        if let Some(r) = native_attrs::type_setattr(self, cls, n, value) {
            return r;
        }
        let Some(dict) = self.type_data(cls).map(|t| t.dict) else {
            return Ok(());
        };
        match value {
            Some(v) => self.dict_set_name(dict, name, v),
            None => {
                if self.dict_del(dict, name)? {
                    Ok(())
                } else {
                    let tn = self.type_name(cls);
                    Err(self.attribute_error(format!("type object '{tn}' has no attribute '{n}'")))
                }
            }
        }
    }

    /// Whether `obj` can have an instance `__dict__`.
    pub fn has_instance_dict(&self, obj: ObjRef) -> bool {
        let ty = self.heap.type_of(obj);
        self.is_heap_type(ty)
            || matches!(
                self.heap.payload(obj),
                Payload::Function(_) | Payload::Module { .. }
            )
    }

    /// The instance `__dict__` of `obj` (borrowed), created on first use.
    pub fn instance_dict(&mut self, obj: ObjRef) -> ObjRef {
        if let Some(d) = self.heap.get(obj).dict {
            return d;
        }
        let d = self.new_dict();
        if let Some(sink) = self.sink.as_mut() {
            // The new reference becomes the object's field.
            sink.event(&crate::runtime::events::Event::Incref {
                obj: d,
                holder: Holder::Field(obj, "__dict__"),
                new_count: 1,
            });
            sink.event(&crate::runtime::events::Event::Decref {
                obj: d,
                holder: Holder::Temp,
                new_count: 1,
            });
        }
        self.heap.get_mut(obj).dict = Some(d);
        if self.is_heap_type(self.heap.type_of(obj)) {
            self.gc_mark_inline_values(d);
        }
        d
    }

    /// `hasattr(obj, name)`.
    pub fn hasattr(&mut self, obj: ObjRef, name: &str) -> PyResult<bool> {
        match self.getattr_opt(obj, name)? {
            Some(v) => {
                self.decref_temp(v);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// Turns a PyErr from attribute lookup into Option, for callers that probe.
pub fn is_attribute_error(vm: &Vm, e: &PyErr) -> bool {
    vm.err_matches(e, vm.types.attribute_error)
}
