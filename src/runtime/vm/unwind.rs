//! Raising and handling exceptions in the eval loop: traceback entries,
//! implicit context chaining, the exception table (unwind the stack to the
//! handler's depth, push lasti, push the exception, jump), and the opcodes
//! RAISE_VARARGS, RERAISE, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH,
//! BEFORE_WITH and WITH_EXCEPT_START.

use super::eval::Exit;
use super::{PyErr, PyResult, Vm};
use crate::runtime::events::{Event, FrameExit, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;

impl Vm {
    /// The `error:`/`exception_unwind:` labels of CPython's loop. Returns
    /// `Ok(None)` when a handler in a frame at or above `base` took the
    /// exception, `Err` when it propagates out of the entry frame.
    pub(crate) fn handle_error(&mut self, err: PyErr, base: usize) -> PyResult<Option<Exit>> {
        let PyErr::Exception(exc) = err else {
            return Err(err);
        };
        let mut add_traceback = !std::mem::take(&mut self.reraising);
        let mut chain = add_traceback;
        loop {
            let top = self.frames.len() - 1;
            if add_traceback {
                if chain {
                    if self.exception_context(exc).is_none() {
                        self.chain_context(exc);
                    }
                    if let Some(sink) = self.sink.as_mut() {
                        sink.event(&Event::ExceptionRaised {
                            exc,
                            frame: self.frames[top].id,
                        });
                    }
                }
                self.add_traceback_entry(exc, top);
            }
            let lasti = self.frames[top].lasti as u32;
            let entry = self.frames[top]
                .code
                .exception_table
                .iter()
                .find(|e| e.start <= lasti && lasti < e.end)
                .copied();
            if let Some(entry) = entry {
                let id = self.frames[top].id;
                while self.frames[top].stack.len() > entry.depth as usize {
                    if let Some(v) = self.pop_opt() {
                        self.decref(v, Holder::Stack(id));
                    }
                }
                if entry.push_lasti {
                    let l = self.new_int(i64::from(lasti));
                    self.push(l);
                }
                self.push(exc);
                self.frames[top].pc = entry.target as usize;
                if let Some(sink) = self.sink.as_mut() {
                    sink.event(&Event::ExceptionCaught { exc, frame: id });
                }
                return Ok(None);
            }
            let frame = self.pop_frame(FrameExit::Exception);
            self.clear_frame(frame);
            if self.frames.len() == base {
                return Err(PyErr::Exception(exc));
            }
            add_traceback = true;
            chain = false;
        }
    }

    /// `PyTraceBack_Here`: prepends an entry for the frame at `index`.
    pub(crate) fn add_traceback_entry(&mut self, exc: ObjRef, index: usize) {
        let frame_obj = self.frame_object(index);
        let lasti = self.frames[index].lasti;
        let lineno = self.frames[index].code.line_of(lasti);
        let old = match self.heap.objects.get_mut(exc).map(|o| &mut o.payload) {
            Some(Payload::BaseException(e)) => e.traceback.take(),
            _ => return,
        };
        self.incref(frame_obj, Holder::Temp);
        let ty = self.types.traceback;
        let tb = self.alloc(
            ty,
            Payload::Traceback {
                next: old,
                frame: frame_obj,
                lasti: lasti as u32,
                lineno,
            },
        );
        if let Some(Payload::BaseException(e)) =
            self.heap.objects.get_mut(exc).map(|o| &mut o.payload)
        {
            e.traceback = Some(tb);
        }
    }

    pub(crate) fn exception_context(&self, exc: ObjRef) -> Option<ObjRef> {
        match self.heap.objects.get(exc).map(|o| &o.payload) {
            Some(Payload::BaseException(e)) => e.context,
            _ => None,
        }
    }

    /// Replaces `exc.__context__` (taking over `ctx`'s reference).
    pub(crate) fn set_exception_context(&mut self, exc: ObjRef, ctx: Option<ObjRef>) {
        let old = match self.heap.objects.get_mut(exc).map(|o| &mut o.payload) {
            Some(Payload::BaseException(e)) => std::mem::replace(&mut e.context, ctx),
            _ => ctx,
        };
        self.xdecref(old, Holder::Field(exc, "__context__"));
    }

    /// Implicit chaining as `_PyErr_SetObject` does it: the exception being
    /// handled becomes `exc.__context__`, cutting any cycle through `exc`.
    pub(crate) fn chain_context(&mut self, exc: ObjRef) {
        let Some(handled) = self.handled_exception else {
            return;
        };
        if handled == self.types.none || handled == exc {
            return;
        }
        let mut o = handled;
        let mut steps = 0;
        while let Some(ctx) = self.exception_context(o) {
            if ctx == exc {
                self.set_exception_context(o, None);
                break;
            }
            o = ctx;
            steps += 1;
            if steps > 100_000 {
                break;
            }
        }
        self.incref(handled, Holder::Field(exc, "__context__"));
        self.set_exception_context(exc, Some(handled));
    }

    /// The handled exception, if any (borrowed; None for "no exception").
    pub fn current_handled_exception(&self) -> Option<ObjRef> {
        self.handled_exception.filter(|&e| e != self.types.none)
    }

    fn is_exception_class(&self, o: ObjRef) -> bool {
        matches!(self.heap.payload(o), Payload::Type(_))
            && self.is_subtype(o, self.types.base_exception)
    }

    fn is_exception_instance(&self, o: ObjRef) -> bool {
        matches!(self.heap.payload(o), Payload::BaseException(_))
    }

    /// RAISE_VARARGS (`do_raise`): always returns the error to raise.
    pub(crate) fn raise_varargs(&mut self, argc: usize) -> PyErr {
        let cause = if argc == 2 { Some(self.pop()) } else { None };
        let exc = if argc >= 1 { Some(self.pop()) } else { None };
        let Some(exc) = exc else {
            return match self.current_handled_exception() {
                Some(e) => {
                    self.incref(e, Holder::Temp);
                    self.reraising = true;
                    PyErr::Exception(e)
                }
                None => self.runtime_error("No active exception to reraise"),
            };
        };
        let value = if self.is_exception_class(exc) {
            let v = self.call(exc, &[], None);
            self.drop_stack(exc);
            match v {
                Ok(v) if self.is_exception_instance(v) => v,
                Ok(v) => {
                    let tr = self.type_repr(exc);
                    let vt = self.heap.type_of(v);
                    let vr = self.type_repr(vt);
                    self.decref(v, Holder::Temp);
                    if let Some(c) = cause {
                        self.drop_stack(c);
                    }
                    return self.type_error(format!(
                        "calling {tr} should have returned an instance of BaseException, not {vr}"
                    ));
                }
                Err(e) => {
                    if let Some(c) = cause {
                        self.drop_stack(c);
                    }
                    return e;
                }
            }
        } else if self.is_exception_instance(exc) {
            exc
        } else {
            self.drop_stack(exc);
            if let Some(c) = cause {
                self.drop_stack(c);
            }
            return self.type_error("exceptions must derive from BaseException");
        };
        if let Some(cause) = cause {
            let fixed = if self.is_exception_class(cause) {
                let c = self.call(cause, &[], None);
                self.drop_stack(cause);
                match c {
                    Ok(c) => Some(c),
                    Err(e) => {
                        self.decref(value, Holder::Temp);
                        return e;
                    }
                }
            } else if self.is_exception_instance(cause) {
                Some(cause)
            } else if cause == self.types.none {
                self.drop_stack(cause);
                None
            } else {
                self.drop_stack(cause);
                self.decref(value, Holder::Temp);
                return self.type_error("exception causes must derive from BaseException");
            };
            if let Some(Payload::BaseException(e)) =
                self.heap.objects.get_mut(value).map(|o| &mut o.payload)
            {
                let old = std::mem::replace(&mut e.cause, fixed);
                e.suppress_context = true;
                self.xdecref(old, Holder::Field(value, "__cause__"));
            }
        }
        self.chain_context(value);
        PyErr::Exception(value)
    }

    /// RERAISE: re-raises TOS without a new traceback entry. (With an
    /// operand, CPython restores `prev_instr` from the saved lasti below; that
    /// only affects `f_lineno`, not the handler lookup, which uses the
    /// RERAISE itself — so nothing to do here.)
    pub(crate) fn reraise_op(&mut self, _oparg: usize) -> PyErr {
        let val = self.pop();
        self.reraising = true;
        PyErr::Exception(val)
    }

    /// PUSH_EXC_INFO: `exc -- prev_exc exc`.
    pub(crate) fn push_exc_info(&mut self) {
        let value = self.pop();
        let prev = match self.handled_exception.take() {
            Some(p) => p,
            None => {
                let n = self.types.none;
                self.incref(n, Holder::Temp);
                n
            }
        };
        self.push(prev);
        self.incref(value, Holder::Root("exc_info"));
        self.handled_exception = Some(value);
        self.push(value);
    }

    /// POP_EXCEPT: `prev_exc --` restores the previously handled exception.
    pub(crate) fn pop_except(&mut self) {
        let prev = self.pop();
        let old = self.handled_exception.replace(prev);
        self.xdecref(old, Holder::Root("exc_info"));
    }

    /// CHECK_EXC_MATCH: `exc type -- exc bool`.
    pub(crate) fn check_exc_match(&mut self) -> PyResult<()> {
        let right = self.pop();
        let left = self.peek(0).unwrap_or_default();
        let r = self.exception_matches(left, right);
        self.drop_stack(right);
        let b = self.bool(r?);
        self.push(b);
        Ok(())
    }

    /// `_PyObject_LookupSpecial`: the attribute on the type, bound to `obj` (new reference).
    pub(crate) fn lookup_special_bound(
        &mut self,
        obj: ObjRef,
        name: &str,
    ) -> PyResult<Option<ObjRef>> {
        let Some(attr) = self.lookup_special_ref(obj, name) else {
            return Ok(None);
        };
        let ty = self.heap.type_of(obj);
        let r = self.descr_get(attr, Some(obj), ty);
        self.decref(attr, Holder::Temp);
        r.map(Some)
    }

    /// BEFORE_WITH: `mgr -- exit enter_result`.
    pub(crate) fn before_with(&mut self) -> PyResult<()> {
        let mgr = self.peek(0).unwrap_or_default();
        let Some(enter) = self.lookup_special_bound(mgr, "__enter__")? else {
            let n = self.type_name_of(mgr);
            return Err(self.type_error(format!(
                "'{n}' object does not support the context manager protocol"
            )));
        };
        let exit = match self.lookup_special_bound(mgr, "__exit__") {
            Ok(Some(e)) => e,
            Ok(None) => {
                self.decref(enter, Holder::Temp);
                let n = self.type_name_of(mgr);
                return Err(self.type_error(format!(
                    "'{n}' object does not support the context manager protocol (missed __exit__ method)"
                )));
            }
            Err(e) => {
                self.decref(enter, Holder::Temp);
                return Err(e);
            }
        };
        let len = self.frame().stack.len();
        self.frame().stack[len - 1] = Some(exit);
        self.drop_stack(mgr);
        let res = self.call(enter, &[], None);
        self.decref(enter, Holder::Temp);
        self.push(res?);
        Ok(())
    }

    /// WITH_EXCEPT_START: `exit lasti prev_exc exc -- … exc result`.
    pub(crate) fn with_except_start(&mut self) -> PyResult<()> {
        let val = self.peek(0).unwrap_or_default();
        let exit = self.peek(3).unwrap_or_default();
        let exc_ty = self.heap.type_of(val);
        let tb = match self.heap.payload(val) {
            Payload::BaseException(e) => e.traceback,
            _ => None,
        }
        .unwrap_or(self.types.none);
        let res = self.call(exit, &[exc_ty, val, tb], None)?;
        self.push(res);
        Ok(())
    }
}
