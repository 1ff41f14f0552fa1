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
    let Some(text) = vm.str_rc(source) else {
        let tn = vm.type_name_of(source);
        return Err(vm.type_error(format!(
            "exec() arg 1 must be a string, bytes or code object, not {tn}"
        )));
    };
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
    super::with_temps(vm, &[globals], |vm| {
        super::spec::run_source(vm, &text, "<string>", globals, true)
    })?;
    Ok(vm.none())
}

/// The `exec` builtin.
pub static EXEC: NativeDef = native!("exec", b_exec);
