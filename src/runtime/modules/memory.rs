//! Native modules of the memory model: `gc`, `_weakref`, `weakref`,
//! `atexit`, `_tracemalloc`, `tracemalloc` (listed in `modules::BUILTIN`).
//!
//! [`MemoryTypes`] holds the static types these modules define (the weakref
//! types) and the `atexit` callbacks (interpreter roots, so the heap audit
//! counts them). The pure-Python parts (weakref's `finalize`,
//! `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`; tracemalloc's
//! snapshots) are embedded Python source run into the module's namespace
//! when it is created; in CPython they are `Lib/weakref.py` and
//! `Lib/tracemalloc.py`.

use super::{atexit, tracemalloc_mod, weakref_mod};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyResult, Vm};
use crate::runtime::weakref::WeakKind;

/// Static types and state of the memory-model modules.
#[derive(Debug, Default)]
pub struct MemoryTypes {
    pub ref_type: ObjRef,
    pub proxy_type: ObjRef,
    pub callable_proxy_type: ObjRef,
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

/// Creates the static types, `sys._debugmallocstats` and
/// `sys.getallocatedblocks` (at bootstrap).
pub fn install(vm: &mut Vm) {
    weakref_mod::install_types(vm);
    let sys_dict = vm.types.sys_dict;
    for def in [
        &crate::runtime::memory::DEBUGMALLOCSTATS,
        &crate::runtime::memory::GETALLOCATEDBLOCKS,
    ] {
        let f = vm.new_builtin(def, None);
        let _ = vm.dict_set_str(sys_dict, def.name, f);
        vm.decref(f, Holder::Temp);
    }
}

/// Calls `f` with every reference [`MemoryTypes`] and the collector own (for the audit).
pub fn for_each_root(vm: &Vm, f: &mut dyn FnMut(ObjRef, Holder)) {
    let t = &vm.memory_types;
    for ty in [t.ref_type, t.proxy_type, t.callable_proxy_type] {
        f(ty, Holder::Root("builtin type"));
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

/// `gc`'s init.
pub fn init_gc(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    crate::runtime::gc::module::fill(vm, d)
}

/// `_weakref`'s init.
pub fn init_native_weakref(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    weakref_mod::fill_native(vm, d)
}

/// `weakref`'s init: `_weakref` plus the embedded Python half.
pub fn init_weakref(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    weakref_mod::fill_native(vm, d)?;
    run_embedded(vm, d, weakref_mod::WEAKREF_PY, "<frozen weakref>")
}

/// `atexit`'s init.
pub fn init_atexit(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    atexit::fill(vm, d)
}

/// `_tracemalloc`'s init.
pub fn init_native_tracemalloc(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    tracemalloc_mod::fill(vm, d)
}

/// `tracemalloc`'s init: `_tracemalloc` plus the embedded Python half.
pub fn init_tracemalloc(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    tracemalloc_mod::fill(vm, d)?;
    run_embedded(
        vm,
        d,
        tracemalloc_mod::TRACEMALLOC_PY,
        "<frozen tracemalloc>",
    )
}

/// Runs embedded Python `source` in the namespace `globals`.
pub fn run_embedded(vm: &mut Vm, globals: ObjRef, source: &str, filename: &str) -> PyResult<()> {
    let code = crate::parser::parse_module(source, filename)
        .and_then(|a| crate::compiler::compile_module_with_source(&a, filename, source))
        .map_err(|e| {
            crate::runtime::vm::PyErr::Fatal(crate::runtime::vm::Fatal::Internal(format!(
                "embedded module {filename} does not compile: {e:?}"
            )))
        })?;
    if vm.dict_get_str(globals, "__builtins__").is_none() {
        let builtins = vm.types.builtins;
        vm.dict_set_str(globals, "__builtins__", builtins)?;
    }
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
