//! Loading: `_find_and_load`, `_load_unlocked`, `module_from_spec` and
//! `_init_module_attrs` of CPython's `importlib._bootstrap`, and reload.
//!
//! The new module enters `sys.modules` *before* its body runs, so a
//! circular import finds the partly initialised module; while the body runs
//! its spec's `_initializing` is True (the "partially initialized module"
//! messages test it). When the body raises, the entry is deleted again.
//! Afterwards the entry is popped and re-inserted (so it moves to the end of
//! `sys.modules`, as in CPython) and whatever is there then — a module may
//! replace itself — is the result.

use super::find::{self, Origin};
use super::spec;
use super::with_temps;
use crate::runtime::events::{Event, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyErr, PyResult, Vm};

/// Reports an import event when a sink is attached.
pub(super) fn emit(vm: &mut Vm, event: Event<'_>) {
    if let Some(sink) = vm.sink.as_mut() {
        sink.event(&event);
    }
}

/// An ImportError (or subclass `ty`) with CPython's `msg`, `name` and
/// `path` attributes.
pub fn import_error(
    vm: &mut Vm,
    ty: ObjRef,
    msg: String,
    name: Option<&str>,
    path: Option<&str>,
) -> PyErr {
    let err = vm.new_exception(ty, msg);
    if let PyErr::Exception(exc) = err {
        for (key, value) in [("name", name), ("path", path)] {
            if let Some(v) = value {
                let s = vm.new_str(v);
                let d = vm.instance_dict(exc);
                let _ = vm.dict_set_str(d, key, s);
                vm.decref(s, Holder::Temp);
            }
        }
    }
    err
}

/// `ModuleNotFoundError: No module named 'x'`.
pub fn not_found(vm: &mut Vm, msg: String, name: &str) -> PyErr {
    let t = vm.types.module_not_found_error;
    import_error(vm, t, msg, Some(name), None)
}

/// `sys.modules[name]` (borrowed).
pub fn cached(vm: &Vm, name: &str) -> Option<ObjRef> {
    vm.dict_get_str(vm.types.modules, name)
}

/// `_find_and_load`: the module `name` (absolute) from `sys.modules`, or
/// found and loaded (new reference). Loads the parent packages first.
pub fn find_and_load(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = cached(vm, name) {
        if m == vm.types.none {
            let msg = format!("import of {name} halted; None in sys.modules");
            return Err(not_found(vm, msg, name));
        }
        emit(vm, Event::ImportCacheHit { name, module: m });
        return Ok(vm.new_ref(m));
    }
    let mut search = None;
    let mut parent_name = None;
    if let Some((parent, _)) = name.rsplit_once('.') {
        if cached(vm, parent).is_none() {
            let p = find_and_load(vm, parent)?;
            vm.decref(p, Holder::Temp);
        }
        // Importing the parent may have imported the child.
        if let Some(m) = cached(vm, name) {
            return Ok(vm.new_ref(m));
        }
        let parent_module = cached(vm, parent).unwrap_or(vm.types.none);
        match vm.getattr_opt(parent_module, "__path__")? {
            Some(p) => {
                search = Some(path_entries(vm, p));
                vm.decref(p, Holder::Temp);
            }
            None => {
                let msg = format!("No module named '{name}'; '{parent}' is not a package");
                return Err(not_found(vm, msg, name));
            }
        }
        parent_name = Some(parent);
    }
    emit(vm, Event::ImportSearch { name });
    let Some(origin) = find::find(vm, name, search)? else {
        return Err(not_found(vm, format!("No module named '{name}'"), name));
    };
    let module = load_unlocked(vm, name, &origin)?;
    if let Some(parent) = parent_name
        && let Some(p) = cached(vm, parent)
    {
        let child = name.rsplit('.').next().unwrap_or(name);
        vm.incref(p, Holder::Temp);
        let r = vm.setattr_str(p, child, module);
        vm.decref(p, Holder::Temp);
        if let Err(e) = r {
            vm.discard_err(e);
        }
    }
    Ok(module)
}

/// The str entries of a `__path__` value (a list, `_NamespacePath`, or any
/// iterable of str).
fn path_entries(vm: &mut Vm, path: ObjRef) -> Vec<String> {
    let direct = find::str_entries(vm, path);
    if !direct.is_empty() {
        return direct;
    }
    vm.seq_items(path)
        .unwrap_or_default()
        .iter()
        .filter_map(|&i| vm.str_value(i).map(str::to_string))
        .collect()
}

/// `_load_unlocked`: creates the module, registers it, runs its body.
pub fn load_unlocked(vm: &mut Vm, name: &str, origin: &Origin) -> PyResult {
    let spec = spec::make_spec(vm, name, origin)?;
    let module = vm.new_module(name);
    let r = with_temps(vm, &[module, spec], |vm| {
        init_module_attrs(vm, module, spec, origin)?;
        exec_registered(vm, name, module, spec, origin, true)
    });
    vm.decref(module, Holder::Temp);
    vm.decref(spec, Holder::Temp);
    r
}

/// Puts `module` into `sys.modules` (when `register`), runs the body with
/// the spec marked initialising, and returns `sys.modules[name]` after
/// moving it to the end (new reference).
fn exec_registered(
    vm: &mut Vm,
    name: &str,
    module: ObjRef,
    spec: ObjRef,
    origin: &Origin,
    register: bool,
) -> PyResult {
    let modules = vm.types.modules;
    set_initializing(vm, spec, true)?;
    if register {
        vm.dict_set_str(modules, name, module)?;
        emit(
            vm,
            Event::ModuleCreated {
                name,
                module,
                file: origin.file(),
            },
        );
    }
    emit(vm, Event::ModuleExec { name, module });
    let dict = vm.module_dict(module);
    if let Err(e) = spec::exec_origin(vm, name, origin, dict) {
        let key = vm.new_str(name);
        if let Err(e2) = vm.dict_del(modules, key) {
            vm.discard_err(e2);
        }
        vm.decref(key, Holder::Temp);
        emit(vm, Event::ModuleFailed { name, module });
        let _ = set_initializing(vm, spec, false);
        return Err(e);
    }
    let key = vm.new_str(name);
    let popped = vm.dict_pop(modules, key);
    vm.decref(key, Holder::Temp);
    let result = match popped {
        Ok(Some(m)) => {
            let r = vm.dict_set_str(modules, name, m);
            r.map(|_| m)
        }
        Ok(None) => {
            let t = vm.types.key_error;
            let k = vm.new_str(name);
            Err(vm.new_exception_args(t, vec![k]))
        }
        Err(e) => Err(e),
    };
    let _ = set_initializing(vm, spec, false);
    let m = result?;
    emit(vm, Event::ModuleDone { name, module: m });
    Ok(m)
}

fn set_initializing(vm: &mut Vm, spec: ObjRef, on: bool) -> PyResult<()> {
    let b = vm.bool(on);
    let r = vm.setattr_str(spec, "_initializing", b);
    vm.decref(b, Holder::Temp);
    r
}

/// `_init_module_attrs`: `__name__`, `__loader__`, `__package__`,
/// `__spec__`, `__path__` (packages), `__file__`, `__cached__`.
fn init_module_attrs(vm: &mut Vm, module: ObjRef, spec: ObjRef, origin: &Origin) -> PyResult<()> {
    let d = vm.module_dict(module);
    let loader = vm.getattr_str(spec, "loader")?;
    let r = vm.dict_set_str(d, "__loader__", loader);
    vm.decref(loader, Holder::Temp);
    r?;
    let parent = vm.getattr_str(spec, "parent")?;
    let r = vm.dict_set_str(d, "__package__", parent);
    vm.decref(parent, Holder::Temp);
    r?;
    vm.dict_set_str(d, "__spec__", spec)?;
    if matches!(origin, Origin::Namespace(_)) {
        let none = vm.types.none;
        vm.dict_set_str(d, "__file__", none)?;
    }
    if origin.package_path().is_some() {
        let locations = vm.getattr_str(spec, "submodule_search_locations")?;
        let r = vm.dict_set_str(d, "__path__", locations);
        vm.decref(locations, Holder::Temp);
        r?;
    }
    if let Some(file) = origin.file() {
        let f = vm.new_str(file);
        let r = vm.dict_set_str(d, "__file__", f);
        vm.decref(f, Holder::Temp);
        r?;
        if matches!(origin, Origin::Source { .. }) {
            let cached = vm.getattr_str(spec, "cached")?;
            let r = vm.dict_set_str(d, "__cached__", cached);
            vm.decref(cached, Holder::Temp);
            r?;
        }
    }
    Ok(())
}

/// `importlib.reload(module)`: finds the module again and re-runs its body
/// in the same module object (new reference to `sys.modules[name]`).
pub fn reload(vm: &mut Vm, module: ObjRef) -> PyResult {
    let name = match vm.getattr_opt(module, "__spec__")? {
        Some(s) if s != vm.types.none => {
            let n = vm.getattr_str(s, "name");
            vm.decref(s, Holder::Temp);
            n?
        }
        other => {
            vm.xdecref(other, Holder::Temp);
            match vm.getattr_opt(module, "__name__")? {
                Some(n) => n,
                None => return Err(vm.type_error("reload() argument must be a module")),
            }
        }
    };
    let name_s = vm.str_value(name).unwrap_or("").to_string();
    vm.decref(name, Holder::Temp);
    if cached(vm, &name_s) != Some(module) {
        let t = vm.types.import_error;
        let msg = format!("module {name_s} not in sys.modules");
        return Err(import_error(vm, t, msg, Some(&name_s), None));
    }
    let search = match name_s.rsplit_once('.') {
        Some((parent, _)) => {
            let Some(p) = cached(vm, parent) else {
                let t = vm.types.import_error;
                let msg = format!("parent '{parent}' not in sys.modules");
                return Err(import_error(vm, t, msg, Some(parent), None));
            };
            let path = vm.getattr_str(p, "__path__")?;
            let entries = path_entries(vm, path);
            vm.decref(path, Holder::Temp);
            Some(entries)
        }
        None => None,
    };
    emit(vm, Event::ImportSearch { name: &name_s });
    let Some(origin) = find::find(vm, &name_s, search)? else {
        let msg = format!("spec not found for the module '{name_s}'");
        return Err(not_found(vm, msg, &name_s));
    };
    let spec = spec::make_spec(vm, &name_s, &origin)?;
    let r = with_temps(vm, &[spec], |vm| {
        reload_into(vm, &name_s, module, spec, &origin)
    });
    vm.decref(spec, Holder::Temp);
    r
}

/// Re-initialises `module`'s attributes from a new spec and runs its body.
fn reload_into(
    vm: &mut Vm,
    name_s: &str,
    module: ObjRef,
    spec: ObjRef,
    origin: &Origin,
) -> PyResult {
    let r = init_module_attrs(vm, module, spec, origin);
    let r = r.and_then(|_| {
        let d = vm.module_dict(module);
        let n = vm.new_str(name_s);
        let r = vm.dict_set_str(d, "__name__", n);
        vm.decref(n, Holder::Temp);
        r
    });
    r.and_then(|_| exec_reloaded(vm, name_s, module, spec, origin))
}

/// Runs a reloaded module's body; the module stays in `sys.modules` even
/// when the body raises (CPython's `_exec`).
fn exec_reloaded(
    vm: &mut Vm,
    name: &str,
    module: ObjRef,
    spec: ObjRef,
    origin: &Origin,
) -> PyResult {
    emit(vm, Event::ModuleExec { name, module });
    let dict = vm.module_dict(module);
    let r = spec::exec_origin(vm, name, origin, dict);
    let _ = spec;
    let modules = vm.types.modules;
    let key = vm.new_str(name);
    let popped = vm.dict_pop(modules, key);
    vm.decref(key, Holder::Temp);
    if let Ok(Some(m)) = popped {
        let _ = vm.dict_set_str(modules, name, m);
        vm.decref(m, Holder::Temp);
    }
    r?;
    match cached(vm, name) {
        Some(m) => {
            emit(vm, Event::ModuleDone { name, module: m });
            Ok(vm.new_ref(m))
        }
        None => {
            let t = vm.types.key_error;
            let k = vm.new_str(name);
            Err(vm.new_exception_args(t, vec![k]))
        }
    }
}
