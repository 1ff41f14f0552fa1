//! A frame: one activation of a code object (CPython's `_PyInterpreterFrame`).
//!
//! Frames normally live on the VM's call stack. A generator owns its frame
//! while suspended (`Payload::Generator`), and a frame object
//! (`Payload::Frame`) takes ownership of a finished frame's locals when a
//! traceback still refers to it — as CPython's `take_ownership` does — which is
//! how exceptions keep locals alive.

use crate::bytecode::CodeObject;
use crate::runtime::events::{FrameId, Holder};
use crate::runtime::heap::ObjRef;
use std::rc::Rc;

/// One activation. Every `ObjRef` here is an owned reference except
/// `globals` and `builtins`, which are borrowed from `func` (CPython 3.11's
/// frames borrow them too: the function keeps them alive), and `kwnames`,
/// which is borrowed from the code object's constants.
#[derive(Debug)]
pub struct Frame {
    /// Unique for the run; used by events and holders.
    pub id: FrameId,
    /// The code object (heap) and a shortcut to its compiled form.
    pub code_obj: ObjRef,
    pub code: Rc<CodeObject>,
    /// The function being run (module and class bodies run through a function too, as in 3.11).
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

impl Frame {
    /// Every reference the frame owns, in `_PyFrame_Clear`'s release order:
    /// `localsplus` in slot order, then the stack bottom to top, then the
    /// frame object, the locals dict, the function and the code.
    pub fn for_each_ref(&self, mut f: impl FnMut(ObjRef, Holder)) {
        for (i, r) in self.fast.iter().enumerate() {
            if let Some(r) = r {
                f(*r, Holder::Local(self.id, i as u32));
            }
        }
        for r in self.stack.iter().flatten() {
            f(*r, Holder::Stack(self.id));
        }
        if let Some(r) = self.frame_obj {
            f(r, Holder::FrameField(self.id, "frame_obj"));
        }
        if let Some(r) = self.locals {
            f(r, Holder::FrameField(self.id, "f_locals"));
        }
        if let Some(r) = self.func {
            f(r, Holder::FrameField(self.id, "f_func"));
        }
        f(self.code_obj, Holder::FrameField(self.id, "f_code"));
    }

    /// The source line of the instruction being executed.
    pub fn current_line(&self) -> u32 {
        self.code.line_of(self.lasti)
    }
}

/// A frame object (`types.FrameType`). While its frame runs it only names it
/// (`frame_id`); once the frame finished while the object was still
/// referenced (by a traceback), it owns the frame's contents (`owned`).
#[derive(Debug)]
pub struct FrameObject {
    pub frame_id: FrameId,
    pub owned: Option<Frame>,
    /// `f_lineno` when the frame finished (0 while it runs).
    pub lineno: u32,
}

impl FrameObject {
    pub fn for_each_ref(&self, f: impl FnMut(ObjRef, Holder)) {
        if let Some(frame) = &self.owned {
            frame.for_each_ref(f);
        }
    }
}
