//! Calling objects: Python functions, bound methods, native functions, types.

use super::{PyResult, Vm};
use crate::runtime::heap::ObjRef;
use std::rc::Rc;

impl Vm {
    /// Calls `callable` with borrowed `args` (keyword arguments last, named by
    /// `kwnames`). Returns a new reference.
    pub fn call(
        &mut self,
        callable: ObjRef,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        let _ = (callable, args, kwnames);
        Err(super::PyErr::Fatal(super::Fatal::Internal(
            "call not implemented yet".into(),
        )))
    }
}
