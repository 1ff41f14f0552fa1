//! `math` (placeholder, filled in below).
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyResult, Vm};

/// Fills the `math` module.
pub fn init(_vm: &mut Vm, _dict: ObjRef) -> PyResult<()> {
    Ok(())
}
