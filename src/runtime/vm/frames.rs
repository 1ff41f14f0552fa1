//! Frame lifecycle: creating a frame for a function, pushing it (with the
//! recursion check), popping it, and clearing it (`_PyFrame_Clear`),
//! including handing its contents to a frame object that outlives it.

use super::eval::Exit;
use super::frame::{Frame, FrameObject};
use super::{PyResult, Vm};
use crate::bytecode::{CO_OPTIMIZED, CodeObject};
use crate::runtime::events::{Event, FrameExit, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use std::rc::Rc;

/// A frame's `localsplus` and evaluation stack storage.
pub type FrameBuffers = (Vec<Option<ObjRef>>, Vec<Option<ObjRef>>);

/// What `Vm::frame_parts` prepares for a new frame.
struct FrameParts {
    id: crate::runtime::events::FrameId,
    code_obj: ObjRef,
    code: Rc<CodeObject>,
    globals: ObjRef,
    builtins: ObjRef,
    fast: Vec<Option<ObjRef>>,
    stack: Vec<Option<ObjRef>>,
}

impl FrameParts {
    /// The frame running `func` (its reference is the frame's) with `locals`.
    #[inline(always)]
    fn into_frame(self, func: ObjRef, locals: Option<ObjRef>) -> Frame {
        Frame {
            id: self.id,
            code_obj: self.code_obj,
            code: self.code,
            func: Some(func),
            globals: self.globals,
            builtins: self.builtins,
            locals,
            fast: self.fast,
            stack: self.stack,
            pc: 0,
            lasti: 0,
            last_line: 0,
            kwnames: None,
            frame_obj: None,
        }
    }
}

/// Finished frames' buffers kept for reuse (enough for deep-ish recursion
/// without holding on to much memory).
const FRAME_POOL_MAX: usize = 64;

impl Vm {
    /// A new frame running `func` (whose reference the frame takes over),
    /// with empty locals. `locals` (owned) is the namespace for module and
    /// class bodies. Globals and builtins are borrowed from the function.
    pub(crate) fn new_frame(&mut self, func: ObjRef, locals: Option<ObjRef>) -> PyResult<Frame> {
        let p = self.frame_parts(func)?;
        Ok(p.into_frame(func, locals))
    }

    /// Everything a new frame for `func` needs besides its locals dict: a
    /// new frame id, the code (a reference taken for the frame), and empty
    /// buffers sized for the code.
    fn frame_parts(&mut self, func: ObjRef) -> PyResult<FrameParts> {
        let (code_obj, globals, builtins) = match self.heap.objects.get(func).map(|o| &o.payload) {
            Some(Payload::Function(f)) => (f.code, f.globals, f.builtins),
            _ => return Err(super::internal("new_frame on a non-function")),
        };
        let code = match self.heap.objects.get(code_obj).map(|o| &o.payload) {
            Some(Payload::Code(c)) => c.code.clone(),
            _ => return Err(super::internal("function without code")),
        };
        let id = self.next_frame_id;
        self.next_frame_id += 1;
        self.incref(code_obj, Holder::FrameField(id, "f_code"));
        let n = code.localsplusnames.len();
        let stacksize = code.stacksize as usize;
        let (mut fast, mut stack) = self.frame_pool.pop().unwrap_or_default();
        fast.clear();
        fast.resize(n, None);
        stack.clear();
        stack.reserve(stacksize);
        Ok(FrameParts {
            id,
            code_obj,
            code,
            globals,
            builtins,
            fast,
            stack,
        })
    }

    /// `new_frame` + `push_frame` for an optimized function's frame,
    /// built directly on the frame stack (no `Frame` moves) when nothing can
    /// fail and no sink watches; returns false (having done nothing) otherwise.
    pub(crate) fn push_new_frame_in_place(&mut self, func: ObjRef) -> bool {
        if self.sink.is_some() || self.recursion_depth >= self.options.limits.recursion_limit {
            return false;
        }
        let Ok(p) = self.frame_parts(func) else {
            return false;
        };
        self.recursion_depth += 1;
        self.frames.push(p.into_frame(func, None));
        true
    }

    /// Pushes a frame after the recursion check (CPython's
    /// `_Py_EnterRecursivePy`). On failure the frame is cleared.
    pub(crate) fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        if self.recursion_depth >= self.options.limits.recursion_limit {
            self.clear_frame(frame);
            let t = self.types.recursion_error;
            return Err(self.new_exception(t, "maximum recursion depth exceeded"));
        }
        self.recursion_depth += 1;
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::FramePush {
                frame: frame.id,
                code_name: &frame.code.name,
                filename: &frame.code.filename,
            });
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Pops the running frame (its contents are still owned by the returned frame).
    // Inlined so that the frame is moved once, straight to the caller's local.
    #[inline(always)]
    pub(crate) fn pop_frame(&mut self, exit: FrameExit) -> Frame {
        self.recursion_depth = self.recursion_depth.saturating_sub(1);
        let frame = self.frames.pop().unwrap_or_else(unreachable_frame);
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::FramePop {
                frame: frame.id,
                exit,
            });
        }
        frame
    }

    /// `_PyFrame_Clear`: when a frame object still referenced elsewhere (by a
    /// traceback) represents this frame, it takes the frame's contents;
    /// otherwise locals (slot order), stack, locals dict, function and code
    /// are released.
    pub(crate) fn clear_frame(&mut self, mut frame: Frame) {
        if let Some(fo) = frame.frame_obj.take() {
            let shared = self.heap.objects.get(fo).is_some_and(|o| o.refcount > 1);
            if shared {
                let lineno = frame.current_line();
                if let Some(Payload::Frame(data)) =
                    self.heap.objects.get_mut(fo).map(|o| &mut o.payload)
                {
                    data.lineno = lineno;
                    data.owned = Some(frame);
                    let id = data.frame_id;
                    self.decref(fo, Holder::FrameField(id, "frame_obj"));
                    return;
                }
            }
            self.decref(fo, Holder::FrameField(frame.id, "frame_obj"));
        }
        self.release_frame_contents(&mut frame);
    }

    /// Releases everything a frame owns, in `_PyFrame_Clear`'s order, and
    /// keeps its buffers for reuse. (By reference: moving a `Frame` costs a
    /// `memcpy` call, and this runs on every return.)
    pub(crate) fn release_frame_contents(&mut self, frame: &mut Frame) {
        let id = frame.id;
        for (i, r) in frame.fast.iter().enumerate() {
            if let Some(r) = r {
                self.decref(*r, Holder::Local(id, i as u32));
            }
        }
        for r in frame.stack.iter().flatten() {
            self.decref(*r, Holder::Stack(id));
        }
        if let Some(r) = frame.locals {
            self.decref(r, Holder::FrameField(id, "f_locals"));
        }
        if let Some(r) = frame.func {
            self.decref(r, Holder::FrameField(id, "f_func"));
        }
        self.decref(frame.code_obj, Holder::FrameField(id, "f_code"));
        if self.frame_pool.len() < FRAME_POOL_MAX {
            let fast = std::mem::take(&mut frame.fast);
            let stack = std::mem::take(&mut frame.stack);
            self.frame_pool.push((fast, stack));
        }
    }

    /// The frame object for the running frame at `index`, created on first
    /// use (`_PyFrame_GetFrameObject`). Borrowed: the frame owns it.
    pub(crate) fn frame_object(&mut self, index: usize) -> ObjRef {
        if let Some(fo) = self.frames[index].frame_obj {
            return fo;
        }
        let id = self.frames[index].id;
        let ty = self.types.frame;
        let fo = self.alloc(
            ty,
            Payload::Frame(Box::new(FrameObject {
                frame_id: id,
                owned: None,
                lineno: 0,
            })),
        );
        self.frames[index].frame_obj = Some(fo);
        fo
    }

    /// Runs a new frame for `func` (an owned reference the frame takes over)
    /// on a nested loop, with `args` borrowed (`_PyEval_Vector`).
    pub(crate) fn run_function(
        &mut self,
        func: ObjRef,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        let code = self.function_code(func)?;
        let locals = if code.flags & CO_OPTIMIZED == 0 {
            let g = self.function_globals(func)?;
            self.incref(g, Holder::Temp);
            Some(g)
        } else {
            None
        };
        let mut frame = self.new_frame(func, locals)?;
        for &a in args {
            self.incref(a, Holder::Local(frame.id, 0));
        }
        let owned_kw =
            kwnames.map(|names| names.iter().map(|n| self.intern_rc(n)).collect::<Vec<_>>());
        let bound = self.bind_arguments(&mut frame, func, &code, args, owned_kw.as_deref());
        if let Some(names) = owned_kw {
            for n in names {
                self.decref(n, Holder::Temp);
            }
        }
        if let Err(e) = bound {
            self.clear_frame(frame);
            return Err(e);
        }
        self.run_frame(frame)
    }

    /// Runs a class body function with `ns` (borrowed) as its locals, as
    /// `__build_class__` does; returns the body's result (the `__class__`
    /// cell or None) as a new reference.
    pub fn run_class_body(&mut self, func: ObjRef, ns: ObjRef) -> PyResult {
        self.incref(func, Holder::Temp);
        self.incref(ns, Holder::Temp);
        let frame = self.new_frame(func, Some(ns))?;
        self.run_frame(frame)
    }

    /// Pushes `frame` and runs it to completion on a nested loop.
    pub(crate) fn run_frame(&mut self, frame: Frame) -> PyResult {
        let base = self.frames.len();
        self.push_frame(frame)?;
        match self.eval_loop(base)? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        }
    }

    /// The compiled code of a function object.
    pub(crate) fn function_code(&self, func: ObjRef) -> PyResult<Rc<CodeObject>> {
        let code_obj = match self.heap.objects.get(func).map(|o| &o.payload) {
            Some(Payload::Function(f)) => f.code,
            _ => return Err(super::internal("not a function")),
        };
        match self.heap.objects.get(code_obj).map(|o| &o.payload) {
            Some(Payload::Code(c)) => Ok(c.code.clone()),
            _ => Err(super::internal("function without code")),
        }
    }

    pub(crate) fn function_globals(&self, func: ObjRef) -> PyResult<ObjRef> {
        match self.heap.objects.get(func).map(|o| &o.payload) {
            Some(Payload::Function(f)) => Ok(f.globals),
            _ => Err(super::internal("not a function")),
        }
    }
}

#[cold]
fn unreachable_frame() -> Frame {
    // Only reachable through an internal bug; never from a program.
    panic!("pysim internal error: frame stack underflow")
}
