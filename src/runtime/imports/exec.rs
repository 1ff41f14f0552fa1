//! `exec(source, globals=None, locals=None)`: runs source text as
//! module-level code, the way the import system runs a module's body
//! (`spec::run_source`), under the filename `<string>`.
//!
//! pysim supports one namespace: `globals` (a dict; `__builtins__` is added
//! when missing) doubles as the locals. Separate locals, and `exec` called
//! without globals from inside a function, are outside the subset.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn b_exec(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args("exec", args, kwnames, &["source", "globals", "locals"], 1)?;
    let source = a[0].unwrap_or_default();
    let is_code = matches!(vm.heap.payload(source), Payload::Code(_));
    let text = vm.str_rc(source);
    if text.is_none() && !is_code {
        let tn = vm.type_name_of(source);
        return Err(vm.type_error(format!(
            "exec() arg 1 must be a string, bytes or code object, not {tn}"
        )));
    }
    let none = vm.types.none;
    let globals = match a[1].filter(|&g| g != none) {
        Some(g) => {
            if !matches!(vm.heap.payload(g), Payload::Dict(_)) {
                let tn = vm.type_name_of(g);
                return Err(vm.type_error(format!("exec() globals must be a dict, not {tn}")));
            }
            g
        }
        None => {
            let Some(f) = vm.frames.last() else {
                return Err(vm.type_error("exec() needs globals outside of any frame"));
            };
            if f.locals != Some(f.globals) {
                return Err(vm.not_implemented_error(
                    "pysim: exec() without globals is only supported at module level",
                ));
            }
            f.globals
        }
    };
    if let Some(l) = a[2].filter(|&l| l != none && l != globals) {
        let _ = l;
        return Err(vm.not_implemented_error("pysim: exec() with separate locals is not supported"));
    }
    super::with_temps(vm, &[globals], |vm| match &text {
        Some(text) => super::spec::run_source(vm, text, "<string>", globals, true),
        None => super::spec::run_code(vm, source, globals, true),
    })?;
    Ok(vm.none())
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`: module source to a code object (the `exec` mode; the
/// expression modes are outside the subset).
fn b_compile(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = vm.parse_args("compile", args, kwnames, &names, 3)?;
    let (source, filename, mode) = (
        a[0].unwrap_or_default(),
        a[1].unwrap_or_default(),
        a[2].unwrap_or_default(),
    );
    let text = match vm.heap.payload(source) {
        Payload::Str(s) => s.text.to_string(),
        Payload::Bytes(_) | Payload::ByteArray(_) => {
            let b = vm.buffer_bytes(source).unwrap_or_default();
            String::from_utf8_lossy(&b).into_owned()
        }
        _ => {
            let tn = vm.type_name_of(source);
            return Err(vm.type_error(format!(
                "compile() arg 1 must be a string, bytes or AST object, not {tn}"
            )));
        }
    };
    let Some(filename) = vm.str_rc(filename) else {
        let tn = vm.type_name_of(filename);
        return Err(vm.type_error(format!(
            "compile() argument 'filename' must be str, not {tn}"
        )));
    };
    let mode = vm.expect_str(mode, "compile() argument 'mode'")?;
    match &*mode {
        "exec" => super::spec::compile_source(vm, &text, &filename),
        "eval" | "single" => Err(vm.not_implemented_error(format!(
            "pysim: compile() in '{mode}' mode is outside the modelled subset"
        ))),
        _ => Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
}

/// The `compile` builtin.
pub static COMPILE: NativeDef = native!("compile", b_compile);

/// The `exec` builtin.
pub static EXEC: NativeDef = native!("exec", b_exec);
