//! Function-like objects' shared behaviour (function, method, builtin,
//! method descriptor, code, cell): their native attributes live in
//! `native_attrs`; this file installs what their types expose.

use crate::runtime::vm::Vm;

pub(super) fn install(vm: &mut Vm) {
    let _ = vm;
}
