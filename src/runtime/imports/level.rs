//! `PyImport_ImportModuleLevelObject` and the import opcodes' helpers
//! (`Python/import.c`, `Python/ceval.c`'s `import_from`/`import_all_from`,
//! `importlib._bootstrap._handle_fromlist`), with CPython 3.11's messages.

use super::load::{cached, find_and_load, import_error};
use super::with_temps;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::vm::{PyResult, Vm};

/// `__import__(name, globals, locals, fromlist, level)` without the
/// override check: the module to bind (new reference).
pub fn import_module_level(
    vm: &mut Vm,
    name: &str,
    globals: Option<ObjRef>,
    fromlist: Option<ObjRef>,
    level: i64,
) -> PyResult {
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name.to_string()
    };
    let module = find_and_load(vm, &abs_name)?;
    let has_from = match fromlist {
        Some(f) if f != vm.types.none => {
            let t = vm.is_true(f);
            match t {
                Ok(t) => t,
                Err(e) => {
                    vm.decref(module, Holder::Temp);
                    return Err(e);
                }
            }
        }
        _ => false,
    };
    if !has_from {
        if level == 0 || !name.is_empty() {
            let Some(dot) = name.find('.') else {
                return Ok(module);
            };
            vm.decref(module, Holder::Temp);
            if level == 0 {
                return import_module_level(vm, &name[..dot], None, None, 0);
            }
            let cut_off = name.len() - dot;
            let to_return = &abs_name[..abs_name.len() - cut_off];
            return match cached(vm, to_return) {
                Some(m) => Ok(vm.new_ref(m)),
                None => {
                    let t = vm.types.key_error;
                    let msg =
                        vm.new_string(format!("'{to_return}' not in sys.modules as expected"));
                    Err(vm.new_exception_args(t, vec![msg]))
                }
            };
        }
        return Ok(module);
    }
    let fromlist = fromlist.unwrap_or(vm.types.none);
    let is_package = match vm.getattr_opt(module, "__path__") {
        Ok(p) => {
            vm.xdecref(p, Holder::Temp);
            p.is_some()
        }
        Err(e) => {
            vm.decref(module, Holder::Temp);
            return Err(e);
        }
    };
    if is_package
        && let Err(e) = with_temps(vm, &[module], |vm| {
            handle_fromlist(vm, module, fromlist, false)
        })
    {
        vm.decref(module, Holder::Temp);
        return Err(e);
    }
    Ok(module)
}

/// `resolve_name`: the absolute name of a relative import from the
/// module whose globals are given.
fn resolve_name(vm: &mut Vm, name: &str, globals: Option<ObjRef>, level: i64) -> PyResult<String> {
    let Some(globals) = globals.filter(|&g| matches!(vm.heap.payload(g), Payload::Dict(_))) else {
        let t = vm.types.key_error;
        let msg = vm.new_str("'__name__' not in globals");
        return Err(vm.new_exception_args(t, vec![msg]));
    };
    let none = vm.types.none;
    let package = vm
        .dict_get_str(globals, "__package__")
        .filter(|&p| p != none);
    let spec = vm.dict_get_str(globals, "__spec__").filter(|&s| s != none);
    let package: String = if let Some(p) = package {
        match vm.str_value(p) {
            Some(s) => s.to_string(),
            None => return Err(vm.type_error("package must be a string")),
        }
    } else if let Some(s) = spec {
        let parent = vm.getattr_str(s, "parent")?;
        let r = vm.str_value(parent).map(str::to_string);
        vm.decref(parent, Holder::Temp);
        match r {
            Some(p) => p,
            None => return Err(vm.type_error("__spec__.parent must be a string")),
        }
    } else {
        let Some(n) = vm.dict_get_str(globals, "__name__") else {
            let t = vm.types.key_error;
            let msg = vm.new_str("'__name__' not in globals");
            return Err(vm.new_exception_args(t, vec![msg]));
        };
        let Some(n) = vm.str_value(n).map(str::to_string) else {
            return Err(vm.type_error("__name__ must be a string"));
        };
        if vm.dict_get_str(globals, "__path__").is_some() {
            n
        } else {
            n.rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default()
        }
    };
    if package.is_empty() {
        let t = vm.types.import_error;
        let msg = "attempted relative import with no known parent package".to_string();
        return Err(import_error(vm, t, msg, None, None));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => {
                let t = vm.types.import_error;
                let msg = "attempted relative import beyond top-level package".to_string();
                return Err(import_error(vm, t, msg, None, None));
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// `_handle_fromlist`: imports the submodules a `from package import …`
/// names that are not attributes yet (`*` follows `__all__`).
fn handle_fromlist(vm: &mut Vm, module: ObjRef, fromlist: ObjRef, recursive: bool) -> PyResult<()> {
    let items = match vm.seq_items(fromlist) {
        Some(i) => i,
        None => {
            let t = vm.sequence_tuple(fromlist)?;
            let items = vm.seq_items(t).unwrap_or_default();
            vm.decref(t, Holder::Temp);
            items
        }
    };
    for x in items {
        let Some(x_s) = vm.str_value(x).map(str::to_string) else {
            let where_ = if recursive {
                format!("{}.__all__", module_name(vm, module))
            } else {
                "``from list''".to_string()
            };
            let tn = vm.type_name_of(x);
            return Err(vm.type_error(format!("Item in {where_} must be str, not {tn}")));
        };
        if x_s == "*" {
            if !recursive && let Some(all) = vm.getattr_opt(module, "__all__")? {
                let r = with_temps(vm, &[all], |vm| handle_fromlist(vm, module, all, true));
                vm.decref(all, Holder::Temp);
                r?;
            }
            continue;
        }
        if vm.hasattr(module, &x_s)? {
            continue;
        }
        let from_name = format!("{}.{x_s}", module_name(vm, module));
        match find_and_load(vm, &from_name) {
            Ok(m) => vm.decref(m, Holder::Temp),
            Err(e) => {
                let missing = vm.err_matches(&e, vm.types.module_not_found_error)
                    && error_name_is(vm, &e, &from_name)
                    && cached(vm, &from_name) != Some(vm.types.none);
                if missing {
                    vm.discard_err(e);
                } else {
                    return Err(e);
                }
            }
        }
    }
    Ok(())
}

/// Whether an ImportError's `name` attribute is `name`.
fn error_name_is(vm: &Vm, e: &crate::runtime::vm::PyErr, name: &str) -> bool {
    let crate::runtime::vm::PyErr::Exception(exc) = e else {
        return false;
    };
    vm.heap
        .get(*exc)
        .dict
        .and_then(|d| vm.dict_get_str(d, "name"))
        .and_then(|n| vm.str_value(n))
        == Some(name)
}

/// A module's `__name__` as a string ("?" when it has none).
fn module_name(vm: &Vm, module: ObjRef) -> String {
    vm.heap
        .get(module)
        .dict
        .and_then(|d| vm.dict_get_str(d, "__name__"))
        .and_then(|n| vm.str_value(n))
        .unwrap_or("?")
        .to_string()
}

/// Whether a module's spec says its body is still running.
pub fn is_initializing(vm: &mut Vm, module: ObjRef) -> bool {
    let Some(spec) = vm
        .heap
        .get(module)
        .dict
        .and_then(|d| vm.dict_get_str(d, "__spec__"))
    else {
        return false;
    };
    if spec == vm.types.none {
        return false;
    }
    match vm.getattr_opt(spec, "_initializing") {
        Ok(Some(v)) => {
            let t = v == vm.types.true_;
            vm.decref(v, Holder::Temp);
            t
        }
        Ok(None) => false,
        Err(e) => {
            vm.discard_err(e);
            false
        }
    }
}

/// IMPORT_FROM's `import_from`: `getattr(module, name)`, else the
/// submodule `sys.modules[f"{module.__name__}.{name}"]`, else ImportError
/// "cannot import name …" (new reference).
pub fn import_from(vm: &mut Vm, module: ObjRef, name: ObjRef) -> PyResult {
    match vm.getattr(module, name) {
        Ok(v) => return Ok(v),
        Err(e) if vm.err_matches(&e, vm.types.attribute_error) => vm.discard_err(e),
        Err(e) => return Err(e),
    }
    let name_s = vm.str_value(name).unwrap_or("?").to_string();
    let pkgname = match vm.getattr_opt(module, "__name__")? {
        Some(n) => {
            let s = vm.str_value(n).map(str::to_string);
            vm.decref(n, Holder::Temp);
            s
        }
        None => None,
    };
    if let Some(pkg) = &pkgname
        && let Some(m) = cached(vm, &format!("{pkg}.{name_s}"))
    {
        return Ok(vm.new_ref(m));
    }
    let shown = pkgname
        .clone()
        .unwrap_or_else(|| "<unknown module name>".into());
    let path = module_file(vm, module);
    let t = vm.types.import_error;
    let Some(path) = path else {
        let msg = format!("cannot import name '{name_s}' from '{shown}' (unknown location)");
        return Err(import_error(vm, t, msg, pkgname.as_deref(), None));
    };
    let msg = if is_initializing(vm, module) {
        format!(
            "cannot import name '{name_s}' from partially initialized module '{shown}' \
             (most likely due to a circular import) ({path})"
        )
    } else {
        format!("cannot import name '{name_s}' from '{shown}' ({path})")
    };
    Err(import_error(vm, t, msg, pkgname.as_deref(), Some(&path)))
}

/// `PyModule_GetFilenameObject`: the module's `__file__` when it is a str.
fn module_file(vm: &Vm, module: ObjRef) -> Option<String> {
    if !matches!(vm.heap.payload(module), Payload::Module { .. }) {
        return None;
    }
    vm.heap
        .get(module)
        .dict
        .and_then(|d| vm.dict_get_str(d, "__file__"))
        .and_then(|f| vm.str_value(f))
        .map(str::to_string)
}

/// IMPORT_STAR's `import_all_from`: binds `module.__all__`'s names (or its
/// public names) in `locals`.
pub fn import_all_from(vm: &mut Vm, locals: ObjRef, module: ObjRef) -> PyResult<()> {
    let (all, skip_private) = match vm.getattr_opt(module, "__all__")? {
        Some(a) => (a, false),
        None => match vm.getattr_opt(module, "__dict__")? {
            Some(d) => {
                let keys: Vec<ObjRef> = vm.dict_items(d).iter().map(|(k, _)| *k).collect();
                vm.decref(d, Holder::Temp);
                for &k in &keys {
                    vm.incref(k, Holder::Temp);
                }
                (vm.new_list(keys), true)
            }
            None => {
                let t = vm.types.import_error;
                let msg = "from-import-* object has no __dict__ and no __all__".to_string();
                return Err(import_error(vm, t, msg, None, None));
            }
        },
    };
    let r = with_temps(vm, &[all], |vm| {
        bind_all(vm, locals, module, all, skip_private)
    });
    vm.decref(all, Holder::Temp);
    r
}

fn bind_all(
    vm: &mut Vm,
    locals: ObjRef,
    module: ObjRef,
    all: ObjRef,
    skip_private: bool,
) -> PyResult<()> {
    let it = vm.get_iter(all)?;
    let r = (|| {
        while let Some(name) = vm.iter_next(it)? {
            let r = bind_one(vm, locals, module, name, skip_private);
            vm.decref(name, Holder::Temp);
            r?;
        }
        Ok(())
    })();
    vm.decref(it, Holder::Temp);
    r
}

fn bind_one(
    vm: &mut Vm,
    locals: ObjRef,
    module: ObjRef,
    name: ObjRef,
    skip_private: bool,
) -> PyResult<()> {
    let Some(n) = vm.str_value(name).map(str::to_string) else {
        let modname = module_name(vm, module);
        let tn = vm.type_name_of(name);
        let msg = if skip_private {
            format!("Key in {modname}.__dict__ must be str, not {tn}")
        } else {
            format!("Item in {modname}.__all__ must be str, not {tn}")
        };
        return Err(vm.type_error(msg));
    };
    if skip_private && n.starts_with('_') {
        return Ok(());
    }
    let value = vm.getattr(module, name)?;
    let r = vm.ns_store(locals, name, value);
    vm.decref(value, Holder::Temp);
    r
}
