//! `posix`: the little of CPython's `posix` module that pysim's `os` needs.
//! The working directory comes from the host (the core never asks the
//! operating system): the CLI reports the real one, the browser an empty
//! string (paths are then relative to the lesson's folder).

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn posix_getcwd(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("getcwd", args.len(), 0, 0)?;
    let cwd = vm.host.cwd();
    Ok(vm.new_string(cwd))
}

fn posix_fspath(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("fspath", args.len(), 1, 1)?;
    if vm.heap.type_of(args[0]) == vm.types.str || vm.heap.type_of(args[0]) == vm.types.bytes {
        return Ok(vm.new_ref(args[0]));
    }
    let tn = vm.type_name_of(args[0]);
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {tn}"
    )))
}

static FUNCTIONS: &[NativeDef] = &[
    native!("getcwd", posix_getcwd),
    native!("fspath", posix_fspath),
];

/// Fills the `posix` module.
pub fn init(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    vm.add_module_functions(dict, dict, FUNCTIONS);
    Ok(())
}
