//! The import system: CPython 3.11's `importlib._bootstrap` and
//! `Python/import.c`, natively.
//!
//! - `level.rs`: `import_module_level` (IMPORT_NAME and `__import__`),
//!   relative-name resolution, `from`-lists, IMPORT_FROM and IMPORT_STAR,
//!   with CPython's messages.
//! - `find.rs`: the search (builtins, then `sys.path` or a package's
//!   `__path__`); `paths.rs`: path strings; `stdlib.rs`: the embedded
//!   library folder.
//! - `load.rs`: creating a module from what was found, registering it in
//!   `sys.modules` before its body runs (circular imports see the partial
//!   module), running it, removing it again when the body raises;
//!   `importlib.reload`.
//! - `spec.rs`: the Python-visible spec and loader objects, from the
//!   `_frozen_importlib` module (`bootstrap.py`) created on first use.
//! - `natives.rs`: `builtins.__import__`, `_frozen_importlib._gcd_import`
//!   (behind `importlib.import_module`) and `_reload`.
//!
//! Module objects are ordinary heap objects: `sys.modules` holds one
//! reference, every importer's name another, a parent package's attribute
//! another. Sources come only through the host (`crate::host::Host`) or the
//! binary (the library); the core reads no files. Every step is reported to
//! the event sink (`Event::ImportSearch` … `Event::ModuleFailed`).

pub mod exec;
pub mod find;
pub mod level;
pub mod load;
pub mod natives;
pub mod paths;
pub mod repr;
pub mod spec;
pub mod stdlib;

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::Vm;

/// Interpreter-wide import state (CPython's `interp->importlib` and
/// `interp->import_func`): owned references, reported as roots.
#[derive(Debug, Default)]
pub struct ImportState {
    /// The `_frozen_importlib` module (created at start-up).
    pub bootstrap: Option<ObjRef>,
    /// Whether its body (`bootstrap.py`) has run.
    pub bootstrap_ran: bool,
    /// The original `builtins.__import__`: IMPORT_NAME calls the import
    /// system directly unless a program replaced it.
    pub import_func: Option<ObjRef>,
}

/// Start-up: `builtins.__import__`, `sys.path` (without the script's
/// folder, added by [`set_script_path`]), `sys.builtin_module_names`.
pub fn install(vm: &mut Vm) {
    natives::install(vm);
    let sys = vm.types.sys_dict;
    let entries = [stdlib::STDLIB_DIR, stdlib::DYNLOAD_DIR];
    let items: Vec<ObjRef> = entries.iter().map(|e| vm.new_str(e)).collect();
    let path = vm.new_list(items);
    let _ = vm.dict_set_str(sys, "path", path);
    vm.decref(path, Holder::Temp);
    let names: Vec<ObjRef> = crate::runtime::modules::builtin_module_names()
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    let names = vm.new_tuple(names);
    let _ = vm.dict_set_str(sys, "builtin_module_names", names);
    vm.decref(names, Holder::Temp);
}

/// Puts the folder of the script `filename` first on `sys.path`, as
/// `python3 script.py` does ("" for `-` and other pseudo-files).
pub fn set_script_path(vm: &mut Vm, filename: &str) {
    let dir = if filename.starts_with('<') {
        String::new()
    } else {
        paths::dirname(filename)
    };
    let sys = vm.types.sys_dict;
    let Some(path) = vm.dict_get_str(sys, "path") else {
        return;
    };
    let d = vm.new_string(dir);
    if let crate::runtime::object::Payload::List(items) = vm.heap.payload_mut(path) {
        items.insert(0, d);
        // The list now owns the new string (its creation reference).
        return;
    }
    vm.decref(d, Holder::Temp);
}

/// Runs `f` with `temps` (references native code holds in Rust locals)
/// reported to the heap audit, which runs while `f` runs Python code.
pub(crate) fn with_temps<T>(vm: &mut Vm, temps: &[ObjRef], f: impl FnOnce(&mut Vm) -> T) -> T {
    let n = vm.types.native_temps.len();
    vm.types.native_temps.extend_from_slice(temps);
    let r = f(vm);
    vm.types.native_temps.truncate(n);
    r
}

/// Calls `f` with every reference the import system holds, for the heap audit.
pub fn for_each_root(vm: &Vm, f: &mut dyn FnMut(ObjRef, Holder)) {
    let s = &vm.imports;
    for o in [s.bootstrap, s.import_func].into_iter().flatten() {
        f(o, Holder::Root("import system"));
    }
}

pub use stdlib::is_library_file;
