//! Function-like objects' shared behaviour (function, method, builtin,
//! method descriptor, code, cell): their native attributes live in
//! `native_attrs`; this file installs what their types expose, such as the
//! `method(func, obj)` constructor (`types.MethodType`).

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `method(func, instance)` (`method_new`).
fn method_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("method", k)?;
    vm.check_nargs("method", args.len() - 2, 2, 2)?;
    let (func, obj) = (args[2], args[3]);
    if !vm.is_callable(func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj == vm.types.none {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_method(func, obj))
}

static METHOD_NEW: NativeDef = native!("__new__", method_new);

pub(super) fn install(vm: &mut Vm) {
    let m = vm.types.method;
    vm.add_bound_builtin(m, &METHOD_NEW);
}
