//! The import system's native entry points: `builtins.__import__`, and
//! `_frozen_importlib._gcd_import` / `_reload`, on which the library's
//! `importlib.import_module` and `importlib.reload` are built.

use super::level::import_module_level;
use super::load;
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn b_import(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args(
        "__import__",
        args,
        kwnames,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = a[0].unwrap_or_default();
    let Some(name_s) = vm.str_value(name).map(str::to_string) else {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(format!("module name must be str, not {tn}")));
    };
    let level = match a[4] {
        Some(l) => vm.index_value(l)?,
        None => 0,
    };
    import_module_level(vm, &name_s, a[1], a[3], level)
}

/// `_gcd_import(name, package=None, level=0)`: imports and returns the
/// module itself (not the top-level package), as `importlib.import_module`.
fn gcd_import(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args(
        "_gcd_import",
        args,
        kwnames,
        &["name", "package", "level"],
        1,
    )?;
    let name = a[0].unwrap_or_default();
    let Some(name_s) = vm.str_value(name).map(str::to_string) else {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(format!("module name must be str, not {tn}")));
    };
    let level = match a[2] {
        Some(l) => vm.index_value(l)?,
        None => 0,
    };
    let abs = if level > 0 {
        let package = a[1].unwrap_or(vm.types.none);
        let globals = vm.new_dict();
        let r = vm.dict_set_str(globals, "__package__", package);
        let r = r.and_then(|_| {
            super::with_temps(vm, &[globals], |vm| {
                import_module_level(vm, "", Some(globals), None, level)
            })
        });
        vm.decref(globals, Holder::Temp);
        let base = r?;
        let base_name = vm.getattr_str(base, "__name__");
        vm.decref(base, Holder::Temp);
        let base_name = base_name?;
        let s = vm.str_value(base_name).unwrap_or("").to_string();
        vm.decref(base_name, Holder::Temp);
        if name_s.is_empty() {
            s
        } else {
            format!("{s}.{name_s}")
        }
    } else {
        if name_s.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name_s
    };
    load::find_and_load(vm, &abs)
}

/// `_reload(module)`: `importlib.reload`.
fn reload(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("reload", args.len(), 1, 1)?;
    load::reload(vm, args[0])
}

static IMPORT: NativeDef = native!("__import__", b_import);
static BOOTSTRAP_FUNCTIONS: &[NativeDef] = &[
    native!("_gcd_import", gcd_import),
    native!("_reload", reload),
];

/// Installs `builtins.__import__` (remembered as the original).
pub fn install(vm: &mut Vm) {
    let f = vm.new_builtin(&IMPORT, None);
    let b = vm.types.builtins_dict;
    let _ = vm.dict_set_str(b, "__import__", f);
    vm.imports.import_func = Some(f);
    let e = vm.new_builtin(&super::exec::EXEC, None);
    let _ = vm.dict_set_str(b, "exec", e);
    vm.decref(e, Holder::Temp);
    let o = vm.new_builtin(&crate::runtime::modules::io_mod::OPEN, None);
    let _ = vm.dict_set_str(b, "open", o);
    vm.decref(o, Holder::Temp);
    let c = vm.new_builtin(&super::exec::COMPILE, None);
    let _ = vm.dict_set_str(b, "compile", c);
    vm.decref(c, Holder::Temp);
    // CPython has `_frozen_importlib` in sys.modules from the start; its
    // body runs when the import system first needs its classes.
    let m = vm.new_module("_frozen_importlib");
    let modules = vm.types.modules;
    let _ = vm.dict_set_str(modules, "_frozen_importlib", m);
    vm.imports.bootstrap = Some(m);
}

/// Adds the native functions of `_frozen_importlib` to its dict.
pub fn add_bootstrap_functions(vm: &mut Vm, dict: ObjRef) {
    vm.add_module_functions(dict, dict, BOOTSTRAP_FUNCTIONS);
}
