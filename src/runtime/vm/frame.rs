//! A frame: one activation of a code object (CPython's `_PyInterpreterFrame`).
//!
//! Frames normally live on the VM's call stack. A generator owns its frame
//! while suspended (`Payload::Generator`), and a frame object
//! (`Payload::Frame`) takes ownership of a finished frame's locals when a
//! traceback still refers to it — as CPython's `take_ownership` does — which is
//! how exceptions keep locals alive.

use crate::bytecode::CodeObject;
use crate::runtime::events::FrameId;
use crate::runtime::heap::ObjRef;
use std::rc::Rc;

/// One activation. Every `ObjRef` here is an owned reference.
#[derive(Debug)]
pub struct Frame {
    /// Unique for the run; used by events and holders.
    pub id: FrameId,
    /// The code object (heap) and a shortcut to its compiled form.
    pub code_obj: ObjRef,
    pub code: Rc<CodeObject>,
    /// The function being run (None for module and class bodies run by exec).
    pub func: Option<ObjRef>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// The locals dict for module and class bodies (`LOAD_NAME`/`STORE_NAME`).
    pub locals: Option<ObjRef>,
    /// `localsplus`: fast locals, then cells, then free variables.
    pub fast: Vec<Option<ObjRef>>,
    /// The evaluation stack; `None` is CPython's NULL.
    pub stack: Vec<Option<ObjRef>>,
    /// Index of the next instruction.
    pub pc: usize,
    /// Index of the instruction being executed (CPython's `prev_instr`), for tracebacks.
    pub lasti: usize,
    /// The line of the last line event (to emit one per new line).
    pub last_line: u32,
    /// Keyword names set by KW_NAMES for the next CALL.
    pub kwnames: Option<ObjRef>,
    /// The frame object representing this frame, once materialised (owned).
    pub frame_obj: Option<ObjRef>,
}
