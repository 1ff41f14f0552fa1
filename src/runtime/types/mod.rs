//! Builtin types and the abstract object protocol (owned by the VM-objects engineer).
//!
//! STUB committed by VM-core so the refcount core compiles: the functions
//! below are the hooks the VM core calls; replace their bodies freely, keep
//! the signatures (or change the call sites in src/runtime/vm/ with them).

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::Vm;

/// Creates the builtin types, singletons, builtins and `sys`.
pub fn bootstrap(_vm: &mut Vm) {}

/// Looks `name` up on the type of `obj` (not on the instance), as CPython's
/// `_PyObject_LookupSpecial` without binding: returns a new reference to the
/// attribute found in the MRO (e.g. the `__del__` function), or None.
pub fn lookup_special(_vm: &mut Vm, _obj: ObjRef, _name: &str) -> Option<ObjRef> {
    None
}

/// Reports every reference the interpreter's own roots own (builtin types,
/// singletons, interned strings, the small-int cache, `sys.modules`, …) for the heap audit.
pub fn for_each_root(_vm: &Vm, _f: &mut dyn FnMut(ObjRef, Holder)) {}
