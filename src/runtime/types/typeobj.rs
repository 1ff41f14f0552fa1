//! Type objects: MRO walks, subtype tests, `type(x)` / `type(name, bases,
//! dict)`, calling a type (`type_call`: `__new__` then `__init__`), and the
//! methods of `type` itself.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Layout, NativeDef, Payload, TypeData};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

impl Vm {
    #[inline]
    pub fn type_data(&self, ty: ObjRef) -> Option<&TypeData> {
        match self.heap.payload(ty) {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn type_of(&self, o: ObjRef) -> ObjRef {
        self.heap.type_of(o)
    }

    #[inline]
    pub fn is_type(&self, o: ObjRef) -> bool {
        matches!(self.heap.payload(o), Payload::Type(_))
    }

    /// `ty.__name__`.
    pub fn type_name(&self, ty: ObjRef) -> String {
        self.type_data(ty)
            .map_or_else(|| "?".into(), |t| t.name.to_string())
    }

    /// `type(o).__name__`.
    pub fn type_name_of(&self, o: ObjRef) -> String {
        self.type_name(self.heap.type_of(o))
    }

    pub fn layout_of(&self, ty: ObjRef) -> Layout {
        self.type_data(ty).map_or(Layout::Other, |t| t.layout)
    }

    /// Whether `a` is `b` or a subclass of it (MRO membership).
    #[inline]
    pub fn is_subtype(&self, a: ObjRef, b: ObjRef) -> bool {
        a == b || self.type_data(a).is_some_and(|t| t.mro.contains(&b))
    }

    /// `isinstance(o, ty)` without `__instancecheck__`.
    #[inline]
    pub fn isinstance_of(&self, o: ObjRef, ty: ObjRef) -> bool {
        self.is_subtype(self.heap.type_of(o), ty)
    }

    /// `_PyType_Lookup`: `name` in the dicts along `ty`'s MRO (borrowed).
    pub fn lookup_type_attr(&self, ty: ObjRef, name: &str) -> Option<ObjRef> {
        self.lookup_type_attr_owner(ty, name).map(|(v, _)| v)
    }

    /// `lookup_type_attr` that also says which class defined it.
    pub fn lookup_type_attr_owner(&self, ty: ObjRef, name: &str) -> Option<(ObjRef, ObjRef)> {
        if let Some(found) = self.type_cache.get(ty, name) {
            return found;
        }
        let epoch = crate::runtime::dict_table::watched_epoch();
        let hash = super::hash::hash_str(name);
        let t = self.type_data(ty)?;
        let mut found = None;
        for &m in &t.mro {
            let Some(mt) = self.type_data(m) else {
                continue;
            };
            // The cached result depends on this dict from now on.
            if let Some(dd) = super::dictobj::dict_data(&self.heap, mt.dict) {
                dd.map.watch();
            }
            if let Some(v) = super::dictobj::get_str_hashed(&self.heap, mt.dict, name, hash) {
                found = Some((v, m));
                break;
            }
        }
        self.type_cache.put(epoch, ty, name, found);
        found
    }

    /// Whether `name` resolves, along `ty`'s MRO, to something defined by a
    /// class statement (a heap type) rather than a builtin.
    pub fn has_python_override(&self, ty: ObjRef, name: &str) -> bool {
        match self.lookup_type_attr_owner(ty, name) {
            Some((_, owner)) => self.is_heap_type(owner),
            None => false,
        }
    }

    /// Whether `o` is a native function or method descriptor.
    pub fn is_native_callable(&self, o: ObjRef) -> bool {
        matches!(
            self.heap.payload(o),
            Payload::Builtin { .. } | Payload::MethodDescr { .. }
        )
    }

    /// The most derived builtin (static) type in `ty`'s MRO.
    pub fn builtin_base(&self, ty: ObjRef) -> ObjRef {
        if let Some(t) = self.type_data(ty) {
            for &m in &t.mro {
                if !self.is_heap_type(m) {
                    return m;
                }
            }
        }
        self.types.object
    }

    /// `type.__repr__`: `<class 'int'>` / `<class '__main__.A'>`.
    pub fn type_repr(&mut self, ty: ObjRef) -> String {
        let Some(t) = self.type_data(ty) else {
            return "<class '?'>".into();
        };
        let qual = t.qualname.clone();
        let dict = t.dict;
        let module = self
            .dict_get_str(dict, "__module__")
            .and_then(|m| self.str_value(m).map(str::to_string));
        match module {
            Some(m) if m != "builtins" => format!("<class '{m}.{qual}'>"),
            _ if self.is_heap_type(ty) => format!("<class '{qual}'>"),
            _ => format!("<class '{}'>", self.type_name(ty)),
        }
    }

    /// Calls a type: metaclass `__call__` override, or `__new__` then `__init__`.
    pub fn type_call(
        &mut self,
        ty: ObjRef,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        let meta = self.heap.type_of(ty);
        if meta != self.types.type_
            && let Some(call) = self.lookup_type_attr(meta, "__call__")
            && !self.is_native_callable(call)
        {
            self.incref(call, Holder::Temp);
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(ty);
            full.extend_from_slice(args);
            let r = self.call(call, &full, kwnames);
            self.decref_temp(call);
            return r;
        }
        self.default_type_call(ty, args, kwnames)
    }

    /// `type.__call__`'s default behaviour (`type_call` in CPython).
    pub fn default_type_call(
        &mut self,
        ty: ObjRef,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        let nkw = kwnames.map_or(0, |k| k.len());
        if ty == self.types.type_ && args.len() == 1 && nkw == 0 {
            let t = self.heap.type_of(args[0]);
            return Ok(self.new_ref(t));
        }
        if ty == self.types.type_ && args.len() - nkw != 3 {
            return Err(self.type_error("type() takes 1 or 3 arguments"));
        }
        let obj = self.call_new(ty, args, kwnames)?;
        let oty = self.heap.type_of(obj);
        if !self.is_subtype(oty, ty) {
            return Ok(obj);
        }
        if let Err(e) = self.call_init(obj, oty, args, kwnames) {
            self.decref_temp(obj);
            return Err(e);
        }
        Ok(obj)
    }

    /// Runs `ty.__new__(ty, *args)`.
    fn call_new(&mut self, ty: ObjRef, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
        let Some(new) = self.lookup_type_attr(ty, "__new__") else {
            let n = self.type_name(ty);
            return Err(self.type_error(format!("cannot create '{n}' instances")));
        };
        let new = match self.heap.payload(new) {
            Payload::StaticMethod(f) => *f,
            _ => new,
        };
        if let Payload::Builtin { def, self_ } = self.heap.payload(new) {
            // A builtin __new__: call it directly with (ty, *args).
            let (def, owner) = (*def, *self_);
            let mut full = Vec::with_capacity(args.len() + 2);
            if let Some(o) = owner {
                full.push(o);
            }
            full.push(ty);
            full.extend_from_slice(args);
            return (def.func)(self, &full, kwnames);
        }
        self.incref(new, Holder::Temp);
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(ty);
        full.extend_from_slice(args);
        let r = self.call(new, &full, kwnames);
        self.decref_temp(new);
        r
    }

    /// Runs `type(obj).__init__(obj, *args)`, checking it returns None.
    fn call_init(
        &mut self,
        obj: ObjRef,
        ty: ObjRef,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult<()> {
        let Some(init) = self.lookup_type_attr(ty, "__init__") else {
            return Ok(());
        };
        if let Payload::MethodDescr { def, .. } = self.heap.payload(init) {
            let def = *def;
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj);
            full.extend_from_slice(args);
            let r = (def.func)(self, &full, kwnames)?;
            self.decref_temp(r);
            return Ok(());
        }
        self.incref(init, Holder::Temp);
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj);
        full.extend_from_slice(args);
        // slot_tp_init's `_PyObject_Call_Prepend` unpacks keyword arguments
        // with `_PyStack_UnpackDict`, whose copy of the stack owns `self` too.
        let unpacked = kwnames.is_some_and(|k| !k.is_empty());
        if unpacked {
            self.incref(obj, Holder::Temp);
        }
        let r = self.call_bound_like(init, obj, &full, kwnames);
        if unpacked {
            self.decref_temp(obj);
        }
        self.decref_temp(init);
        let r = r?;
        if r != self.types.none {
            let tn = self.type_name_of(r);
            self.decref_temp(r);
            return Err(self.type_error(format!("__init__() should return None, not '{tn}'")));
        }
        self.decref_temp(r);
        Ok(())
    }

    /// Calls a class attribute `f` found for instance `obj`, binding it as
    /// `__get__` would (functions get `obj` first; others via the descriptor).
    fn call_bound_like(
        &mut self,
        f: ObjRef,
        obj: ObjRef,
        full: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        if matches!(self.heap.payload(f), Payload::Function(_)) {
            return self.call(f, full, kwnames);
        }
        let ty = self.heap.type_of(obj);
        let bound = self.descr_get(f, Some(obj), ty)?;
        let r = self.call(bound, &full[1..], kwnames);
        self.decref_temp(bound);
        r
    }
}

/// `type.__new__(meta, name, bases, dict)` and `type.__call__`.
fn type_new_native(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    // args[0] is `type` (the owner), args[1] the metatype.
    let (pos, kw) = super::native::split_kwargs(args, kwnames);
    if pos.len() == 3 && pos[1] == vm.types.type_ && kw.is_empty() {
        let t = vm.heap.type_of(pos[2]);
        return Ok(vm.new_ref(t));
    }
    if pos.len() != 5 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments (0 given)"));
    }
    let bases_v: Vec<ObjRef> = match vm.heap.payload(pos[3]) {
        Payload::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    };
    // type_new: the most derived metaclass of the bases wins; when it has its
    // own `__new__`, that does the work (`type("X", (Base,), {})` runs Meta).
    let meta = super::build_class::calculate_metaclass(vm, pos[1], &bases_v)?;
    if meta != pos[1] {
        let own_new = vm.lookup_type_attr(meta, "__new__");
        let type_new = vm.lookup_type_attr(vm.types.type_, "__new__");
        if let Some(own) = own_new
            && own_new != type_new
        {
            let mut a = vec![meta];
            a.extend_from_slice(&pos[2..]);
            a.extend(kw.iter().map(|&(_, v)| v));
            let new = match vm.heap.payload(own) {
                Payload::StaticMethod(f) => *f,
                _ => own,
            };
            vm.incref(new, Holder::Temp);
            let r = vm.call(new, &a, kwnames);
            vm.decref_temp(new);
            return r;
        }
    }
    super::build_class::create_class(vm, meta, pos[2], pos[3], pos[4], &kw)
}

fn type_init(vm: &mut Vm, _args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.none())
}

fn type_call_native(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let Some((&ty, rest)) = args.split_first() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    vm.default_type_call(ty, rest, kwnames)
}

/// `type.__setattr__(cls, name, value)` / `type.__delattr__(cls, name)`.
fn type_setattr_native(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__setattr__", args.len().saturating_sub(1), 2, 2)?;
    type_set_or_del(vm, args[0], args[1], Some(args[2]))
}

fn type_delattr_native(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__delattr__", args.len().saturating_sub(1), 1, 1)?;
    type_set_or_del(vm, args[0], args[1], None)
}

fn type_set_or_del(vm: &mut Vm, cls: ObjRef, name: ObjRef, value: Option<ObjRef>) -> PyResult {
    if !vm.is_type(cls) {
        let tn = vm.type_name_of(cls);
        return Err(vm.type_error(format!(
            "descriptor '__setattr__' requires a 'type' object but received a '{tn}'"
        )));
    }
    let Some(n) = vm.str_rc(name) else {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    };
    vm.type_setattr(cls, name, &n, value)?;
    Ok(vm.none())
}

fn type_mro(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let mro = vm
        .type_data(args[0])
        .map(|t| t.mro.clone())
        .unwrap_or_default();
    for &m in &mro {
        vm.incref(m, Holder::Temp);
    }
    Ok(vm.new_list(mro))
}

fn type_repr_native(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let s = vm.type_repr(args[0]);
    Ok(vm.new_string(s))
}

fn type_subclasses(vm: &mut Vm, _args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.new_list(Vec::new()))
}

fn type_instancecheck(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__instancecheck__", args.len() - 1, 1, 1)?;
    let b = vm.isinstance_of(args[1], args[0]);
    Ok(vm.bool(b))
}

fn type_subclasscheck(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__subclasscheck__", args.len() - 1, 1, 1)?;
    let b = vm.is_subtype(args[1], args[0]);
    Ok(vm.bool(b))
}

fn type_prepare(vm: &mut Vm, _args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.new_dict())
}

static TYPE_NEW: NativeDef = native!("__new__", type_new_native);
static TYPE_PREPARE: NativeDef = native!("__prepare__", type_prepare);
static TYPE_METHODS: &[NativeDef] = &[
    native!("__init__", type_init),
    native!("__setattr__", type_setattr_native),
    native!("__delattr__", type_delattr_native),
    native!("__call__", type_call_native),
    native!("__repr__", type_repr_native),
    native!("mro", type_mro),
    native!("__subclasses__", type_subclasses),
    native!("__instancecheck__", type_instancecheck),
    native!("__subclasscheck__", type_subclasscheck),
];

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types.type_;
    vm.add_bound_builtin(t, &TYPE_NEW);
    vm.add_classmethod(t, &TYPE_PREPARE);
    vm.add_methods(t, TYPE_METHODS);
}
