//! Native modules: the ones CPython writes in C that pysim writes in Rust.
//!
//! A module is an init function that fills a fresh module's dict. Two
//! kinds, as in CPython: *builtin* modules are compiled into the
//! interpreter (`sys.builtin_module_names`) and found before `sys.path` is
//! searched; *extension* modules live in `lib-dynload`
//! (`imports::stdlib::DYNLOAD_DIR`, the last `sys.path` entry) so a module
//! of the same name in the script's folder shadows them (CPython's `math`
//! is one). `sys` and `builtins` are created at start-up by
//! `runtime::types`. To add a module: write `fn init(vm, dict)` in its own
//! file and list it in [`BUILTIN`] or [`EXTENSION`].

pub mod atexit;
pub mod io_mod;
pub mod math;
pub mod math_int;
pub mod memory;
pub mod posix;
pub mod tracemalloc_mod;
pub mod weakref_mod;

use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyResult, Vm};

/// Fills a new module's dict (borrowed).
pub type ModuleInit = fn(&mut Vm, ObjRef) -> PyResult<()>;

/// Builtin native modules (found before `sys.path`).
pub static BUILTIN: &[(&str, ModuleInit)] = &[
    ("_io", io_mod::init),
    ("_tracemalloc", memory::init_native_tracemalloc),
    ("_weakref", memory::init_native_weakref),
    ("atexit", memory::init_atexit),
    ("gc", memory::init_gc),
    ("posix", posix::init),
    ("tracemalloc", memory::init_tracemalloc),
    ("weakref", memory::init_weakref),
];

/// Extension modules (found in `lib-dynload`, after the library folder).
pub static EXTENSION: &[(&str, ModuleInit)] = &[("math", math::init)];

/// The init function of a builtin native module.
pub fn builtin(name: &str) -> Option<ModuleInit> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// The init function of an extension module.
pub fn extension(name: &str) -> Option<ModuleInit> {
    EXTENSION.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// `sys.builtin_module_names`: native builtins, Python-written builtins,
/// `sys` and `builtins`, sorted as CPython sorts them.
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    names.extend(
        crate::runtime::imports::stdlib::BUILTIN_SOURCES
            .iter()
            .map(|(n, _)| *n),
    );
    names.extend(["builtins", "sys"]);
    names.sort_unstable();
    names
}
