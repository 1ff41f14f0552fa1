//! Native modules of the memory model, created on first import: `gc`,
//! `_weakref`/`weakref`, `atexit`, `tracemalloc`/`_tracemalloc`.
//!
//! [`MemoryTypes`] holds the static types these modules define (the weakref
//! types) and the modules once created (interpreter roots, so the heap audit
//! counts them). Pure-Python parts (weakref's `finalize`,
//! `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`; tracemalloc's
//! snapshots) are embedded Python source run into the module's namespace.

pub mod atexit;
pub mod tracemalloc_mod;
pub mod weakref_mod;

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyResult, Vm};
use crate::runtime::weakref::WeakKind;

/// Static types and created modules of the memory-model modules.
#[derive(Debug, Default)]
pub struct MemoryTypes {
    pub ref_type: ObjRef,
    pub proxy_type: ObjRef,
    pub callable_proxy_type: ObjRef,
    /// Modules created so far, by name (owned: interpreter roots).
    pub modules: Vec<(&'static str, ObjRef)>,
    /// `atexit` callbacks: (func, args tuple, kwargs dict or None), owned.
    pub atexit: Vec<(ObjRef, ObjRef, Option<ObjRef>)>,
}

impl MemoryTypes {
    /// The type of weakrefs of `kind`.
    pub fn weakref_type(&self, kind: WeakKind) -> ObjRef {
        match kind {
            WeakKind::Ref => self.ref_type,
            WeakKind::Proxy => self.proxy_type,
            WeakKind::CallableProxy => self.callable_proxy_type,
        }
    }
}

/// Creates the static types (at bootstrap).
pub fn install(vm: &mut Vm) {
    weakref_mod::install_types(vm);
}

/// Calls `f` with every reference [`MemoryTypes`] owns (for the audit).
pub fn for_each_root(vm: &Vm, f: &mut dyn FnMut(ObjRef, Holder)) {
    let t = &vm.memory_types;
    for ty in [t.ref_type, t.proxy_type, t.callable_proxy_type] {
        f(ty, Holder::Root("builtin type"));
    }
    for &(_, m) in &t.modules {
        f(m, Holder::Root("builtin module"));
    }
    for &(func, args, kw) in &t.atexit {
        f(func, Holder::Root("atexit"));
        f(args, Holder::Root("atexit"));
        if let Some(k) = kw {
            f(k, Holder::Root("atexit"));
        }
    }
    vm.gc_for_each_root(f);
}

/// The module `name` if it is one of these native modules: created on the
/// first import and registered in `sys.modules` (a new reference).
pub fn import_builtin(vm: &mut Vm, name: &str) -> Option<PyResult> {
    let name: &'static str = match name {
        "gc" => "gc",
        "_weakref" => "_weakref",
        "weakref" => "weakref",
        "atexit" => "atexit",
        "tracemalloc" => "tracemalloc",
        "_tracemalloc" => "_tracemalloc",
        _ => return None,
    };
    if let Some(&(_, m)) = vm.memory_types.modules.iter().find(|(n, _)| *n == name) {
        return Some(Ok(vm.new_ref(m)));
    }
    let created = match name {
        "gc" => Ok(crate::runtime::gc::module::create(vm)),
        "_weakref" => Ok(weakref_mod::create_native(vm)),
        "weakref" => weakref_mod::create_weakref(vm),
        "atexit" => Ok(atexit::create(vm)),
        "_tracemalloc" => Ok(tracemalloc_mod::create_native(vm)),
        _ => tracemalloc_mod::create_tracemalloc(vm),
    };
    let m = match created {
        Ok(m) => m,
        Err(e) => return Some(Err(e)),
    };
    vm.memory_types.modules.push((name, m));
    let modules = vm.types.modules;
    if let Err(e) = vm.dict_set_str(modules, name, m) {
        return Some(Err(e));
    }
    Some(Ok(vm.new_ref(m)))
}

/// Runs embedded Python `source` in module `m`'s namespace.
pub fn run_embedded(vm: &mut Vm, m: ObjRef, source: &str, filename: &str) -> PyResult<()> {
    let code = crate::parser::parse_module(source, filename)
        .and_then(|a| crate::compiler::compile_module_with_source(&a, filename, source))
        .map_err(|e| {
            crate::runtime::vm::PyErr::Fatal(crate::runtime::vm::Fatal::Internal(format!(
                "embedded module {filename} does not compile: {e:?}"
            )))
        })?;
    let globals = vm.module_dict(m);
    let builtins = vm.types.builtins;
    vm.dict_set_str(globals, "__builtins__", builtins)?;
    let code_obj = vm.new_code(code);
    let func = vm.new_function(code_obj, globals, None, None, None, None);
    vm.decref(code_obj, Holder::Temp);
    let func = func?;
    let r = vm.run_function(func, &[], None)?;
    vm.decref(r, Holder::Temp);
    Ok(())
}

/// `True`/`False` as a new reference.
pub fn py_bool(vm: &mut Vm, b: bool) -> ObjRef {
    let o = if b { vm.types.true_ } else { vm.types.false_ };
    vm.new_ref(o)
}
