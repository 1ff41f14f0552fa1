//! Module specs and loaders as Python objects, and running module code.
//!
//! The classes come from `_frozen_importlib` (`bootstrap.py`), a module
//! pysim creates the first time a module is loaded (CPython creates it at
//! start-up; doing it lazily keeps programs that import nothing free of its
//! objects). It is held by the import state and registered in
//! `sys.modules`.

use super::find::{BuiltinCode, Origin};
use super::paths;
use super::with_temps;
use crate::error::CompileError;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{Fatal, PyErr, PyResult, Vm};
use std::rc::Rc;

/// The filename of the import machinery's own code (as CPython's frozen module).
pub const BOOTSTRAP_FILENAME: &str = "<frozen importlib._bootstrap>";

/// The `_frozen_importlib` module (borrowed), created on first use.
pub fn bootstrap(vm: &mut Vm) -> PyResult<ObjRef> {
    let Some(m) = vm.imports.bootstrap else {
        return Err(PyErr::Fatal(Fatal::Internal(
            "the import system is not installed".into(),
        )));
    };
    if !vm.imports.bootstrap_ran {
        vm.imports.bootstrap_ran = true;
        let d = vm.module_dict(m);
        super::natives::add_bootstrap_functions(vm, d);
        run_source(
            vm,
            include_str!("bootstrap.py"),
            BOOTSTRAP_FILENAME,
            d,
            false,
        )?;
    }
    Ok(m)
}

/// A class defined by `_frozen_importlib` (new reference).
fn bootstrap_class(vm: &mut Vm, name: &str) -> PyResult {
    let m = bootstrap(vm)?;
    vm.getattr_str(m, name)
}

/// Calls a bootstrap class with positional string arguments and keyword
/// arguments (values borrowed).
fn construct(vm: &mut Vm, class: &str, pos: &[ObjRef], kw: &[(&str, ObjRef)]) -> PyResult {
    let cls = bootstrap_class(vm, class)?;
    let mut args: Vec<ObjRef> = pos.to_vec();
    args.extend(kw.iter().map(|(_, v)| *v));
    let names: Vec<Rc<str>> = kw.iter().map(|(k, _)| Rc::from(*k)).collect();
    let mut temps = args.clone();
    temps.push(cls);
    let r = with_temps(vm, &temps, |vm| {
        vm.call(cls, &args, (!names.is_empty()).then_some(&names[..]))
    });
    vm.decref(cls, Holder::Temp);
    r
}

/// The loader object for what was found (new reference).
fn make_loader(vm: &mut Vm, name: ObjRef, origin: &Origin) -> PyResult {
    match origin {
        Origin::Builtin(_) => bootstrap_class(vm, "BuiltinImporter"),
        Origin::Source { path, .. } | Origin::Extension { path, .. } => {
            let class = if matches!(origin, Origin::Source { .. }) {
                "SourceFileLoader"
            } else {
                "ExtensionFileLoader"
            };
            let p = vm.new_str(path);
            let r = construct(vm, class, &[name, p], &[]);
            vm.decref(p, Holder::Temp);
            r
        }
        Origin::Namespace(_) => {
            let path = namespace_path(vm, origin)?;
            let r = construct(vm, "NamespaceLoader", &[name, path], &[]);
            vm.decref(path, Holder::Temp);
            r
        }
    }
}

/// `_NamespacePath([...])` for a namespace package (new reference).
fn namespace_path(vm: &mut Vm, origin: &Origin) -> PyResult {
    let items: Vec<ObjRef> = origin
        .package_path()
        .unwrap_or_default()
        .iter()
        .map(|p| vm.new_str(p))
        .collect();
    let list = vm.new_list(items);
    let r = construct(vm, "_NamespacePath", &[list], &[]);
    vm.decref(list, Holder::Temp);
    r
}

/// `ModuleSpec` for what was found (new reference), with
/// `submodule_search_locations`, `cached` and `has_location` set as
/// CPython's `spec_from_file_location` sets them.
pub fn make_spec(vm: &mut Vm, fullname: &str, origin: &Origin) -> PyResult {
    let name = vm.new_str(fullname);
    let loader = make_loader(vm, name, origin);
    let loader = match loader {
        Ok(l) => l,
        Err(e) => {
            vm.decref(name, Holder::Temp);
            return Err(e);
        }
    };
    let origin_str = match origin {
        Origin::Builtin(_) => Some("built-in".to_string()),
        _ => origin.file().map(str::to_string),
    };
    let origin_obj = match &origin_str {
        Some(s) => vm.new_str(s),
        None => vm.none(),
    };
    let spec = construct(vm, "ModuleSpec", &[name, loader], &[("origin", origin_obj)]);
    vm.decref(origin_obj, Holder::Temp);
    vm.decref(loader, Holder::Temp);
    vm.decref(name, Holder::Temp);
    let spec = spec?;
    let r = finish_spec(vm, spec, origin);
    if let Err(e) = r {
        vm.decref(spec, Holder::Temp);
        return Err(e);
    }
    Ok(spec)
}

fn finish_spec(vm: &mut Vm, spec: ObjRef, origin: &Origin) -> PyResult<()> {
    let locations = match origin {
        Origin::Namespace(_) => Some(namespace_path(vm, origin)?),
        _ => origin.package_path().map(|dirs| {
            let items: Vec<ObjRef> = dirs.iter().map(|p| vm.new_str(p)).collect();
            vm.new_list(items)
        }),
    };
    if let Some(l) = locations {
        let r = with_temps(vm, &[spec, l], |vm| {
            vm.setattr_str(spec, "submodule_search_locations", l)
        });
        vm.decref(l, Holder::Temp);
        r?;
    }
    if let Origin::Source { path, .. } = origin {
        let cached = vm.new_string(paths::cached_path(path));
        let r = with_temps(vm, &[spec, cached], |vm| {
            vm.setattr_str(spec, "cached", cached)
        });
        vm.decref(cached, Holder::Temp);
        r?;
    }
    if origin.file().is_some() {
        let t = vm.true_();
        let r = with_temps(vm, &[spec, t], |vm| vm.setattr_str(spec, "has_location", t));
        vm.decref(t, Holder::Temp);
        r?;
    }
    Ok(())
}

/// Compiles `source` and runs it with `globals` as its namespace (CPython's
/// `exec(code, module.__dict__)`, which adds `__builtins__` first — not for
/// modules that stand for CPython's C modules, whose dicts have none).
pub fn run_source(
    vm: &mut Vm,
    source: &str,
    filename: &str,
    globals: ObjRef,
    add_builtins: bool,
) -> PyResult<()> {
    let code_obj = compile_source(vm, source, filename)?;
    let r = run_code(vm, code_obj, globals, add_builtins);
    vm.decref(code_obj, Holder::Temp);
    r
}

/// Compiles module source into a new code object (`compile(source,
/// filename, 'exec')`): a SyntaxError exception for a syntax error, a fatal
/// stop (exit 2) for a construct outside the subset.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str) -> PyResult {
    let code = crate::parser::parse_module(source, filename)
        .and_then(|m| crate::compiler::compile_module_with_source(&m, filename, source));
    let code = match code {
        Ok(c) => c,
        Err(CompileError::Syntax(e)) => return Err(syntax_error(vm, &e)),
        Err(CompileError::Unsupported(u)) => {
            return Err(PyErr::Fatal(Fatal::Unsupported(u.to_string())));
        }
    };
    if !filename.starts_with('<') {
        vm.sources.insert(filename.into(), source.into());
    }
    Ok(vm.new_code(code))
}

/// Runs a module-level code object (borrowed) in `globals`.
pub fn run_code(
    vm: &mut Vm,
    code_obj: ObjRef,
    globals: ObjRef,
    add_builtins: bool,
) -> PyResult<()> {
    if add_builtins && vm.dict_get_str(globals, "__builtins__").is_none() {
        let b = vm.types.builtins_dict;
        vm.dict_set_str(globals, "__builtins__", b)?;
    }
    vm.incref(code_obj, Holder::Temp);
    let func = vm.new_function(code_obj, globals, None, None, None, None);
    vm.decref(code_obj, Holder::Temp);
    let result = vm.run_function(func?, &[], None)?;
    vm.decref(result, Holder::Temp);
    Ok(())
}

/// The code of a builtin module written in Python runs under this filename.
pub fn builtin_filename(name: &str) -> String {
    format!("<builtin {name}>")
}

/// Runs a found module's code in its namespace.
pub fn exec_origin(vm: &mut Vm, name: &str, origin: &Origin, dict: ObjRef) -> PyResult<()> {
    match origin {
        Origin::Builtin(BuiltinCode::Native(init)) | Origin::Extension { init, .. } => {
            init(vm, dict)
        }
        Origin::Builtin(BuiltinCode::Python(src)) => {
            run_source(vm, src, &builtin_filename(name), dict, false)
        }
        Origin::Source { path, text, .. } => run_source(vm, text, path, dict, true),
        Origin::Namespace(_) => Ok(()),
    }
}

/// A SyntaxError (or IndentationError, TabError) instance for a compile
/// error in an imported module: `args = (msg, (filename, lineno, offset,
/// text, end_lineno, end_offset))` as CPython builds it.
fn syntax_error(vm: &mut Vm, e: &crate::error::SyntaxError) -> PyErr {
    use crate::error::SyntaxErrorKind;
    let ty = match e.kind {
        SyntaxErrorKind::SyntaxError => vm.types.syntax_error,
        SyntaxErrorKind::IndentationError => vm.types.indentation_error,
        SyntaxErrorKind::TabError => vm
            .dict_get_str(vm.types.builtins_dict, "TabError")
            .unwrap_or(vm.types.indentation_error),
    };
    let msg = vm.new_str(&e.msg);
    let filename = vm.new_str(&e.filename);
    let line = vm.new_int(e.line as i64);
    let col = vm.new_int(e.col as i64);
    let text = vm.new_string(format!("{}\n", e.source_line));
    let end_line = vm.new_int(e.line as i64);
    let end_col = vm.new_int(e.end_col as i64);
    let details = vm.new_tuple(vec![filename, line, col, text, end_line, end_col]);
    vm.new_exception_args(ty, vec![msg, details])
}
