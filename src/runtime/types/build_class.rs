//! Class creation: `__build_class__` (metaclass calculation, `__prepare__`,
//! running the body through the VM core's `run_class_body`, calling the
//! metaclass), `type.__new__` (`create_class`: C3 MRO with CPython's error
//! text, instance layout from the builtin base, `__classcell__`,
//! `__set_name__`, `__init_subclass__`, implicit staticmethod/classmethod
//! wrapping, `__hash__ = None` when `__eq__` is defined alone).

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Layout, Payload, TypeData};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `builtins.__build_class__(func, name, *bases, metaclass=..., **kwds)`.
pub fn build_class(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let (pos, kw) = super::native::split_kwargs(args, kwnames);
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0];
    let name = pos[1];
    if !matches!(vm.heap.payload(func), Payload::Function(_)) {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    if vm.str_value(name).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let bases_v: Vec<ObjRef> = pos[2..].to_vec();
    let mut meta = None;
    let mut extra: Vec<(Rc<str>, ObjRef)> = Vec::new();
    for (k, v) in kw {
        if &*k == "metaclass" {
            meta = Some(v);
        } else {
            extra.push((k, v));
        }
    }
    let bases = vm.new_tuple_from(&bases_v);
    let meta_is_class = meta.is_none_or(|m| vm.is_type(m));
    let mut meta = meta.unwrap_or(match bases_v.first() {
        Some(&b) => vm.heap.type_of(b),
        None => vm.types.type_,
    });
    if meta_is_class {
        match calculate_metaclass(vm, meta, &bases_v) {
            Ok(m) => meta = m,
            Err(e) => {
                vm.decref_temp(bases);
                return Err(e);
            }
        }
    }
    let r = build_with_meta(vm, func, name, bases, meta, &extra);
    vm.decref_temp(bases);
    r
}

fn build_with_meta(
    vm: &mut Vm,
    func: ObjRef,
    name: ObjRef,
    bases: ObjRef,
    meta: ObjRef,
    extra: &[(Rc<str>, ObjRef)],
) -> PyResult {
    let kwnames: Vec<Rc<str>> = extra.iter().map(|(k, _)| k.clone()).collect();
    let kwvals: Vec<ObjRef> = extra.iter().map(|&(_, v)| v).collect();
    let kwn = if kwnames.is_empty() {
        None
    } else {
        Some(&kwnames[..])
    };
    // __prepare__
    let ns = match vm.lookup_type_attr(meta, "__prepare__") {
        Some(p)
            if !vm.is_native_callable(p)
                && !matches!(vm.heap.payload(p), Payload::ClassMethod(f) if vm.is_native_callable(*f)) =>
        {
            vm.incref(p, Holder::Temp);
            let bound = vm.descr_get(p, None, meta);
            vm.decref_temp(p);
            let bound = bound?;
            let mut a = vec![name, bases];
            a.extend_from_slice(&kwvals);
            let r = vm.call(bound, &a, kwn);
            vm.decref_temp(bound);
            r?
        }
        _ => vm.new_dict(),
    };
    vm.types.native_temps.push(bases);
    vm.types.native_temps.push(ns);
    let cell = vm.run_class_body(func, ns);
    vm.types
        .native_temps
        .truncate(vm.types.native_temps.len().saturating_sub(2));
    let cell = match cell {
        Ok(c) => c,
        Err(e) => {
            vm.decref_temp(ns);
            return Err(e);
        }
    };
    let mut a = vec![name, bases, ns];
    a.extend_from_slice(&kwvals);
    let cls = vm.call(meta, &a, kwn);
    vm.decref_temp(ns);
    if let Ok(c) = cls
        && let Payload::Cell(Some(content)) = vm.heap.payload(cell)
        && *content != c
        && vm.is_type(c)
    {
        let _ = content;
    }
    vm.decref_temp(cell);
    cls
}

/// `_PyType_CalculateMetaclass`: the most derived metaclass.
pub(super) fn calculate_metaclass(vm: &mut Vm, meta: ObjRef, bases: &[ObjRef]) -> PyResult<ObjRef> {
    let mut winner = meta;
    for &b in bases {
        let bt = vm.heap.type_of(b);
        if vm.is_subtype(winner, bt) {
            continue;
        }
        if vm.is_subtype(bt, winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// C3 linearization with CPython's error message.
fn c3_mro(vm: &mut Vm, cls: ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|&b| vm.type_data(b).map(|t| t.mro.clone()).unwrap_or_default())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|&c| !seqs.iter().any(|s| s[1..].contains(&c)));
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = vm.type_name(s[0]);
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// `type.__new__(meta, name, bases, ns)`.
pub fn create_class(
    vm: &mut Vm,
    meta: ObjRef,
    name: ObjRef,
    bases: ObjRef,
    ns: ObjRef,
    kw: &[(Rc<str>, ObjRef)],
) -> PyResult {
    let Some(name_s) = vm.str_rc(name) else {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let mut bases_v = match vm.heap.payload(bases) {
        Payload::Tuple(t) => t.to_vec(),
        _ => return Err(vm.type_error("type.__new__() argument 2 must be tuple")),
    };
    if !matches!(vm.heap.payload(ns), Payload::Dict(_)) {
        return Err(vm.type_error("type.__new__() argument 3 must be dict"));
    }
    for &b in &bases_v {
        if !vm.is_type(b) {
            return Err(vm.type_error("bases must be types"));
        }
        if b == vm.types.bool
            || b == vm.types.range
            || b == vm.types.slice
            || b == vm.types.function
            || b == vm.types.none_type
        {
            let bn = vm.type_name(b);
            return Err(vm.type_error(format!("type '{bn}' is not an acceptable base type")));
        }
    }
    if bases_v.is_empty() {
        bases_v.push(vm.types.object);
    }
    // The builtin base that fixes the instance layout.
    let mut layout_base = vm.types.object;
    for &b in &bases_v {
        let bb = vm.builtin_base(b);
        if bb == vm.types.object || vm.is_subtype(layout_base, bb) {
            continue;
        }
        if vm.is_subtype(bb, layout_base) {
            layout_base = bb;
        } else {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    let (layout, base_basic, itemsize) = match vm.type_data(layout_base) {
        Some(t) => (t.layout, t.basicsize, t.itemsize),
        None => (Layout::Object, 16, 0),
    };
    let first_basic = vm.type_data(bases_v[0]).map_or(16, |t| t.basicsize);
    let basicsize = if bases_v.iter().all(|&b| !vm.is_heap_type(b)) {
        base_basic.max(first_basic) + 8
    } else {
        first_basic.max(base_basic + 8)
    };
    // The class dict: a copy of the namespace.
    let dict = vm.new_dict();
    for (k, v) in vm.dict_items(ns) {
        vm.dict_set_name(dict, k, v)?;
    }
    let qualname = match vm.dict_get_str(dict, "__qualname__") {
        Some(q) => match vm.str_rc(q) {
            Some(q) => {
                let key = vm.new_str("__qualname__");
                vm.dict_del(dict, key)?;
                vm.decref_temp(key);
                q
            }
            None => {
                vm.decref_temp(dict);
                return Err(vm.type_error("type __qualname__ must be a str, not int"));
            }
        },
        None => name_s.clone(),
    };
    if vm.dict_get_str(dict, "__module__").is_none()
        && let Some(frame) = vm.frames.last()
    {
        let g = frame.globals;
        if let Some(m) = vm.dict_get_str(g, "__name__") {
            vm.dict_set_str(dict, "__module__", m)?;
        }
    }
    if vm.dict_get_str(dict, "__doc__").is_none() {
        let none = vm.types.none;
        vm.dict_set_str(dict, "__doc__", none)?;
    }
    // Implicit wrappers.
    for (n, cm) in [
        ("__new__", false),
        ("__init_subclass__", true),
        ("__class_getitem__", true),
    ] {
        if let Some(f) = vm.dict_get_str(dict, n)
            && matches!(vm.heap.payload(f), Payload::Function(_))
        {
            vm.incref(f, Holder::Temp);
            let t = if cm {
                vm.types.classmethod
            } else {
                vm.types.staticmethod
            };
            let w = vm.alloc(
                t,
                if cm {
                    Payload::ClassMethod(f)
                } else {
                    Payload::StaticMethod(f)
                },
            );
            vm.dict_set_str(dict, n, w)?;
            vm.decref_temp(w);
        }
    }
    if vm.dict_get_str(dict, "__eq__").is_some() && vm.dict_get_str(dict, "__hash__").is_none() {
        let none = vm.types.none;
        vm.dict_set_str(dict, "__hash__", none)?;
    }
    // __classcell__ is consumed here.
    let classcell = vm.dict_get_str(dict, "__classcell__");
    if let Some(c) = classcell {
        vm.incref(c, Holder::Temp);
        let key = vm.new_str("__classcell__");
        vm.dict_del(dict, key)?;
        vm.decref_temp(key);
    }
    for &b in &bases_v {
        vm.incref(b, Holder::Temp);
    }
    let data = TypeData {
        name: name_s,
        qualname,
        bases: bases_v.clone(),
        mro: Vec::new(),
        dict,
        layout,
        heap_type: true,
        basicsize,
        itemsize,
        // Instances with a managed dict share one key table (not those of
        // variable-size bases or of exceptions, which keep their own dict).
        shared_keys: (itemsize == 0 && layout != Layout::BaseException)
            .then(crate::runtime::shared_keys::SharedKeys::new_for_class),
    };
    let cls = vm.alloc(meta, Payload::Type(Box::new(data)));
    let mro = match c3_mro(vm, cls, &bases_v) {
        Ok(m) => m,
        Err(e) => {
            if let Some(c) = classcell {
                vm.decref_temp(c);
            }
            vm.decref_temp(cls);
            return Err(e);
        }
    };
    // The MRO's first entry is the class itself: a reference cycle, as in CPython.
    for &m in &mro {
        vm.incref(m, Holder::Field(cls, "__mro__"));
    }
    if let Payload::Type(t) = vm.heap.payload_mut(cls) {
        t.mro = mro;
    }
    // Lookups made while the MRO was still empty are stale now.
    crate::runtime::dict_table::bump_watched_epoch();
    if let Some(c) = classcell {
        if let Payload::Cell(old) = vm.heap.payload(c) {
            let old = *old;
            vm.incref(cls, Holder::Cell(c));
            if let Payload::Cell(slot) = vm.heap.payload_mut(c) {
                *slot = Some(cls);
            }
            vm.xdecref(old, Holder::Cell(c));
        }
        vm.decref_temp(c);
    }
    if let Err(e) = set_names(vm, cls) {
        vm.decref_temp(cls);
        return Err(e);
    }
    if let Err(e) = init_subclass(vm, cls, kw) {
        vm.decref_temp(cls);
        return Err(e);
    }
    Ok(cls)
}

/// Calls `__set_name__(cls, name)` on attributes that define it.
fn set_names(vm: &mut Vm, cls: ObjRef) -> PyResult<()> {
    let Some(dict) = vm.type_data(cls).map(|t| t.dict) else {
        return Ok(());
    };
    for (k, v) in vm.dict_items(dict) {
        let vt = vm.heap.type_of(v);
        if vm.is_heap_type(vt) && vm.lookup_type_attr(vt, "__set_name__").is_some() {
            let r = vm.call_method(v, "__set_name__", &[cls, k])?;
            vm.decref_temp(r);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kw)` (the class keywords).
fn init_subclass(vm: &mut Vm, cls: ObjRef, kw: &[(Rc<str>, ObjRef)]) -> PyResult<()> {
    let kwnames: Vec<Rc<str>> = kw.iter().map(|(k, _)| k.clone()).collect();
    let kwvals: Vec<ObjRef> = kw.iter().map(|&(_, v)| v).collect();
    let kwn = (!kwnames.is_empty()).then_some(&kwnames[..]);
    let mro = vm.type_data(cls).map(|t| t.mro.clone()).unwrap_or_default();
    for &m in mro.iter().skip(1) {
        let Some(d) = vm.type_data(m).map(|t| t.dict) else {
            continue;
        };
        if let Some(f) = vm.dict_get_str(d, "__init_subclass__") {
            vm.incref(f, Holder::Temp);
            let bound = vm.descr_get(f, None, cls);
            vm.decref_temp(f);
            let bound = bound?;
            let r = vm.call(bound, &kwvals, kwn);
            vm.decref_temp(bound);
            vm.decref_temp(r?);
            return Ok(());
        }
    }
    Ok(())
}
