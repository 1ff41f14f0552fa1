//! Finding a module: CPython's meta path (`BuiltinImporter`, then
//! `PathFinder` over `sys.path` or a package's `__path__`, with
//! `FileFinder`'s order inside each folder).
//!
//! In each folder, a regular package (`name/__init__.py`) wins over a module
//! file (`name.py`), which wins over a folder without `__init__.py`; such
//! folders are remembered as namespace-package portions and only used when
//! no entry has anything better. Files come from the host, except under the
//! virtual library folders (`stdlib.rs`, `runtime::modules`), which are
//! served from the binary. Only identifiers are appended to folder names
//! (`paths::is_name_component`), so no search leaves its folder.

use super::paths::{is_name_component, join};
use super::stdlib::{self, DYNLOAD_DIR};
use crate::runtime::modules::{self, ModuleInit};
use crate::runtime::object::Payload;
use crate::runtime::vm::{PyResult, Vm};

/// Where a found module's code comes from.
pub enum Origin {
    /// Compiled into the interpreter (`sys.builtin_module_names`): native,
    /// or Python source embedded in the binary.
    Builtin(BuiltinCode),
    /// A `.py` file: its path, its text, whether it is a package's `__init__.py`.
    Source {
        path: String,
        text: String,
        is_package: bool,
    },
    /// A native extension module in `lib-dynload`.
    Extension { path: String, init: ModuleInit },
    /// A namespace package: the folders that make up its `__path__`.
    Namespace(Vec<String>),
}

/// The code of a builtin module.
pub enum BuiltinCode {
    Native(ModuleInit),
    Python(&'static str),
}

impl Origin {
    /// The module file (`__file__`), if it has one.
    pub fn file(&self) -> Option<&str> {
        match self {
            Origin::Source { path, .. } | Origin::Extension { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The package search path, for packages.
    pub fn package_path(&self) -> Option<Vec<String>> {
        match self {
            Origin::Source {
                path,
                is_package: true,
                ..
            } => Some(vec![super::paths::dirname(path)]),
            Origin::Namespace(portions) => Some(portions.clone()),
            _ => None,
        }
    }
}

/// `importlib._bootstrap._find_spec`: searches for the module `fullname`
/// (already absolute). `search` is the parent package's `__path__` for a
/// submodule, None for a top-level module (then builtins, then `sys.path`).
pub fn find(vm: &mut Vm, fullname: &str, search: Option<Vec<String>>) -> PyResult<Option<Origin>> {
    let last = fullname.rsplit('.').next().unwrap_or(fullname);
    let entries = match search {
        Some(path) => path,
        None => {
            if let Some(init) = modules::builtin(fullname) {
                return Ok(Some(Origin::Builtin(BuiltinCode::Native(init))));
            }
            if let Some(src) = stdlib::builtin_source(fullname) {
                return Ok(Some(Origin::Builtin(BuiltinCode::Python(src))));
            }
            sys_path(vm)
        }
    };
    if !is_name_component(last) {
        return Ok(None);
    }
    let mut portions = Vec::new();
    for entry in entries {
        if entry == DYNLOAD_DIR {
            if let Some(init) = modules::extension(last) {
                let path = join(&entry, &format!("{last}.cpython-311-x86_64-linux-gnu.so"));
                return Ok(Some(Origin::Extension { path, init }));
            }
            continue;
        }
        let dir = join(&entry, last);
        let is_dir = is_dir(vm, &dir);
        if is_dir {
            let init = join(&dir, "__init__.py");
            if let Some(text) = read(vm, &init) {
                return Ok(Some(Origin::Source {
                    path: init,
                    text,
                    is_package: true,
                }));
            }
        }
        let file = join(&entry, &format!("{last}.py"));
        if let Some(text) = read(vm, &file) {
            return Ok(Some(Origin::Source {
                path: file,
                text,
                is_package: false,
            }));
        }
        if is_dir {
            portions.push(dir);
        }
    }
    Ok((!portions.is_empty()).then_some(Origin::Namespace(portions)))
}

/// The string entries of `sys.path` (others are skipped, as CPython's
/// `PathFinder` skips entries that are not str).
fn sys_path(vm: &mut Vm) -> Vec<String> {
    let sys_dict = vm.types.sys_dict;
    let Some(path) = vm.dict_get_str(sys_dict, "path") else {
        return Vec::new();
    };
    str_entries(vm, path)
}

/// The str items of a list (or list subclass) as Rust strings.
pub fn str_entries(vm: &Vm, list: crate::runtime::heap::ObjRef) -> Vec<String> {
    match vm.heap.objects.get(list).map(|o| &o.payload) {
        Some(Payload::List(items)) => items
            .iter()
            .filter_map(|&i| vm.str_value(i).map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn read(vm: &mut Vm, path: &str) -> Option<String> {
    if stdlib::is_library_path(path) {
        return stdlib::library_source(path).map(str::to_string);
    }
    vm.host.read_source(path)
}

fn is_dir(vm: &mut Vm, path: &str) -> bool {
    if stdlib::is_library_path(path) {
        return stdlib::library_is_dir(path);
    }
    vm.host.is_dir(path)
}
