//! Generators: RETURN_GENERATOR turns the running frame into a generator
//! object that owns it while suspended; `send`/`next` resume it on a nested
//! loop until YIELD_VALUE hands the frame back; `throw` raises inside it;
//! `close` throws GeneratorExit; a generator freed while suspended is closed
//! (its `finally` blocks run), as CPython's `_PyGen_Finalize` does.
//! `yield from` is SEND plus the delegation in `throw`/`close`.

use super::eval::{Exit, Flow};
use super::frame::Frame;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::Opcode;
use crate::runtime::events::{FrameExit, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use std::rc::Rc;

/// A generator's state (CPython's `PyGenObject`).
#[derive(Debug)]
pub struct GeneratorData {
    /// The suspended frame; None while it runs and once it finished.
    pub frame: Option<Frame>,
    /// True while the generator's frame is executing (`gi_running`).
    pub running: bool,
    /// Whether the frame has run at all (FRAME_CREATED when false).
    pub started: bool,
    /// True once the generator finished (returned, raised or was closed).
    pub finished: bool,
    pub code: ObjRef,
    pub name: ObjRef,
    pub qualname: ObjRef,
    /// The exception the generator was handling when it last yielded (`gi_exc_state`).
    pub exc_state: Option<ObjRef>,
}

impl GeneratorData {
    pub fn for_each_ref(&self, owner: ObjRef, mut f: impl FnMut(ObjRef, Holder)) {
        if let Some(frame) = &self.frame {
            frame.for_each_ref(&mut f);
        }
        if let Some(e) = self.exc_state {
            f(e, Holder::Field(owner, "gi_exc_state"));
        }
        f(self.name, Holder::Field(owner, "__name__"));
        f(self.qualname, Holder::Field(owner, "__qualname__"));
        f(self.code, Holder::Field(owner, "gi_code"));
    }
}

/// How a resumed generator stopped.
pub enum GenResult {
    Yielded(ObjRef),
    Returned(ObjRef),
}

impl Vm {
    fn gen_data(&mut self, generator: ObjRef) -> Option<&mut GeneratorData> {
        match self.heap.objects.get_mut(generator).map(|o| &mut o.payload) {
            Some(Payload::Generator(g)) => Some(g),
            _ => None,
        }
    }

    /// RETURN_GENERATOR: the running frame becomes the new generator's frame.
    pub(crate) fn return_generator(&mut self, base: usize) -> PyResult<Flow> {
        let frame = self.pop_frame(FrameExit::Yield);
        let (name, qualname) = match frame.func.map(|f| self.heap.payload(f)) {
            Some(Payload::Function(fd)) => (fd.name, fd.qualname),
            _ => (self.types.empty_str, self.types.empty_str),
        };
        let code = frame.code_obj;
        for o in [name, qualname, code] {
            self.incref(o, Holder::Temp);
        }
        let ty = self.types.generator;
        let generator = self.alloc(
            ty,
            Payload::Generator(Box::new(GeneratorData {
                frame: Some(frame),
                running: false,
                started: false,
                finished: false,
                code,
                name,
                qualname,
                exc_state: None,
            })),
        );
        if self.frames.len() == base {
            return Ok(Flow::Exit(Exit::Return(generator)));
        }
        self.push(generator);
        Ok(Flow::Next)
    }

    /// YIELD_VALUE in a generator frame (always the entry frame of its loop).
    pub(crate) fn yield_from_frame(&mut self, v: ObjRef, _base: usize) -> Flow {
        let frame = self.pop_frame(FrameExit::Yield);
        self.yielded_frame = Some(frame);
        Flow::Exit(Exit::Yield(v))
    }

    /// Resumes `generator`, sending `value` (borrowed; None means `None`), or
    /// raising `throw` (an owned exception) at the point where it is suspended.
    pub fn resume_generator(
        &mut self,
        generator: ObjRef,
        value: Option<ObjRef>,
        throw: Option<ObjRef>,
    ) -> PyResult<GenResult> {
        let none = self.types.none;
        let Some(g) = self.gen_data(generator) else {
            return Err(super::internal("resume of a non-generator"));
        };
        if g.running {
            if let Some(t) = throw {
                self.decref(t, Holder::Temp);
            }
            return Err(self.value_error("generator already executing"));
        }
        if g.finished || g.frame.is_none() {
            if let Some(t) = throw {
                return Err(PyErr::Exception(t));
            }
            return Ok(GenResult::Returned(self.new_ref(none)));
        }
        if !g.started && throw.is_none() && value.is_some_and(|v| v != none) {
            return Err(self.type_error("can't send non-None value to a just-started generator"));
        }
        g.started = true;
        g.running = true;
        let exc_state = g.exc_state.take();
        let Some(mut frame) = g.frame.take() else {
            return Err(super::internal("generator without a frame"));
        };
        if throw.is_none() {
            let v = value.unwrap_or(none);
            self.incref(v, Holder::Stack(frame.id));
            frame.stack.push(Some(v));
        }
        // The generator's own handled-exception state becomes the current one.
        let outer = std::mem::replace(&mut self.handled_exception, exc_state);
        self.exc_info_stack.push(outer);
        let base = self.frames.len();
        let result = match self.push_frame(frame) {
            Err(e) => Err(e),
            Ok(()) => match throw {
                Some(exc) => match self.handle_error(PyErr::Exception(exc), base) {
                    Ok(_) => self.eval_loop(base),
                    Err(e) => Err(e),
                },
                None => self.eval_loop(base),
            },
        };
        let inner = std::mem::replace(
            &mut self.handled_exception,
            self.exc_info_stack.pop().flatten(),
        );
        let suspended = matches!(result, Ok(Exit::Yield(_)));
        if let Some(Payload::Generator(g)) =
            self.heap.objects.get_mut(generator).map(|o| &mut o.payload)
        {
            g.running = false;
            if suspended {
                // A swap moves the frame without a `memcpy` call (`g.frame` is
                // None: the frame was taken out to run).
                std::mem::swap(&mut g.frame, &mut self.yielded_frame);
                g.exc_state = inner;
            } else {
                g.finished = true;
            }
        }
        self.yielded_frame = None;
        if !suspended {
            self.xdecref(inner, Holder::Root("exc_info"));
        }
        match result {
            Ok(Exit::Yield(v)) => Ok(GenResult::Yielded(v)),
            Ok(Exit::Return(v)) => Ok(GenResult::Returned(v)),
            Err(e) => Err(self.convert_stop_iteration(e)),
        }
    }

    /// "generator raised StopIteration": PEP 479's conversion.
    fn convert_stop_iteration(&mut self, e: PyErr) -> PyErr {
        if !self.err_matches(&e, self.types.stop_iteration) {
            return e;
        }
        let PyErr::Exception(cause) = e else {
            return e;
        };
        let new = self.runtime_error("generator raised StopIteration");
        if let PyErr::Exception(n) = &new {
            let n = *n;
            self.incref(cause, Holder::Field(n, "__context__"));
            self.set_exception_context(n, Some(cause));
            if let Some(Payload::BaseException(d)) =
                self.heap.objects.get_mut(n).map(|o| &mut o.payload)
            {
                d.cause = Some(cause);
                d.suppress_context = true;
            }
        } else {
            self.decref(cause, Holder::Temp);
        }
        new
    }

    /// The subiterator of a generator suspended in `yield from` (borrowed).
    fn yield_from_target(&self, generator: ObjRef) -> Option<ObjRef> {
        let Payload::Generator(g) = self.heap.payload(generator) else {
            return None;
        };
        let frame = g.frame.as_ref()?;
        if !g.started || frame.lasti == 0 {
            return None;
        }
        let prev = frame.code.code.get(frame.lasti - 1)?;
        if frame.code.code.get(frame.lasti)?.op != Opcode::YIELD_VALUE || prev.op != Opcode::SEND {
            return None;
        }
        frame.stack.last().copied().flatten()
    }

    /// `next(generator)`: the next value, or None when exhausted (its return value dropped).
    pub fn generator_next(&mut self, generator: ObjRef) -> PyResult<Option<ObjRef>> {
        match self.resume_generator(generator, None, None)? {
            GenResult::Yielded(v) => Ok(Some(v)),
            GenResult::Returned(v) => {
                self.decref(v, Holder::Temp);
                Ok(None)
            }
        }
    }

    /// `gen_iternext` as `next(gen)` sees it: StopIteration carries a
    /// non-None return value.
    pub fn generator_iternext(&mut self, g: ObjRef) -> PyResult {
        match self.resume_generator(g, None, None)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(r) => Err(self.stop_iteration_with(r)),
        }
    }

    /// `gen.send(v)`: StopIteration carries the return value.
    pub fn generator_send(&mut self, generator: ObjRef, v: ObjRef) -> PyResult {
        match self.resume_generator(generator, Some(v), None)? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(r) => Err(self.stop_iteration_with(r)),
        }
    }

    /// StopIteration(value) (None: no args), consuming `r`.
    fn stop_iteration_with(&mut self, r: ObjRef) -> PyErr {
        if r == self.types.none {
            self.decref(r, Holder::Temp);
            self.stop_iteration(None)
        } else {
            let e = self.stop_iteration(Some(r));
            self.decref(r, Holder::Temp);
            e
        }
    }

    /// `generator.throw(exc)` with an exception instance (owned).
    pub fn generator_throw(&mut self, generator: ObjRef, exc: ObjRef) -> PyResult {
        if let Some(yf) = self.yield_from_target(generator) {
            self.incref(yf, Holder::Temp);
            let is_genexit = self.isinstance_of(exc, self.types.generator_exit);
            let r = if is_genexit {
                let r = self.close_iter(yf);
                self.decref(yf, Holder::Temp);
                match r {
                    Ok(()) => None,
                    Err(e) => {
                        self.decref(exc, Holder::Temp);
                        Some(self.resume_with_error(generator, e))
                    }
                }
            } else {
                let is_gen = matches!(self.heap.payload(yf), Payload::Generator(_));
                let ret = if is_gen {
                    self.set_running(generator, true);
                    let r = self.generator_throw(yf, exc);
                    self.set_running(generator, false);
                    Some(r)
                } else {
                    match self.getattr_opt(yf, "throw") {
                        Ok(Some(meth)) => {
                            self.set_running(generator, true);
                            let ty = self.heap.type_of(exc);
                            let r = self.call(meth, &[ty, exc], None);
                            self.set_running(generator, false);
                            self.decref(meth, Holder::Temp);
                            self.decref(exc, Holder::Temp);
                            Some(r)
                        }
                        Ok(None) => None,
                        Err(e) => {
                            self.decref(exc, Holder::Temp);
                            Some(Err(e))
                        }
                    }
                };
                match ret {
                    None => {
                        self.decref(yf, Holder::Temp);
                        None
                    }
                    Some(Ok(v)) => {
                        self.decref(yf, Holder::Temp);
                        return Ok(v);
                    }
                    Some(Err(e)) => {
                        self.decref(yf, Holder::Temp);
                        Some(self.finish_yield_from_after_error(generator, e))
                    }
                }
            };
            if let Some(r) = r {
                return r;
            }
            if !is_genexit {
                // The subiterator had no throw(): raise in the generator itself.
            }
        }
        match self.resume_generator(generator, None, Some(exc))? {
            GenResult::Yielded(v) => Ok(v),
            GenResult::Returned(r) => Err(self.stop_iteration_with(r)),
        }
    }

    fn set_running(&mut self, generator: ObjRef, running: bool) {
        if let Some(g) = self.gen_data(generator) {
            g.running = running;
        }
    }

    /// After the delegate of `yield from` raised: pop it and leave the SEND
    /// loop, then send its StopIteration value (or raise the error) into `generator`.
    fn finish_yield_from_after_error(&mut self, generator: ObjRef, e: PyErr) -> PyResult {
        let popped = {
            let Some(g) = self.gen_data(generator) else {
                return Err(e);
            };
            let Some(frame) = g.frame.as_mut() else {
                return Err(e);
            };
            let sub = frame.stack.pop().flatten();
            let send_at = frame.lasti.wrapping_sub(1);
            if let Some(send) = frame.code.code.get(send_at).copied() {
                frame.pc = send.arg as usize;
                frame.lasti = send_at;
            }
            sub.map(|s| (s, frame.id))
        };
        if let Some((sub, id)) = popped {
            self.decref(sub, Holder::Stack(id));
        }
        if self.err_matches(&e, self.types.stop_iteration) {
            let PyErr::Exception(exc) = e else {
                return Err(e);
            };
            let value = self.stop_iteration_value(exc);
            self.decref(exc, Holder::Temp);
            let r = self.resume_generator(generator, Some(value), None);
            self.decref(value, Holder::Temp);
            return match r? {
                GenResult::Yielded(v) => Ok(v),
                GenResult::Returned(r) => Err(self.stop_iteration_with(r)),
            };
        }
        self.resume_with_error(generator, e)
    }

    fn resume_with_error(&mut self, generator: ObjRef, e: PyErr) -> PyResult {
        match e {
            PyErr::Exception(exc) => match self.resume_generator(generator, None, Some(exc))? {
                GenResult::Yielded(v) => Ok(v),
                GenResult::Returned(r) => Err(self.stop_iteration_with(r)),
            },
            fatal => Err(fatal),
        }
    }

    /// `StopIteration.value` (new reference).
    fn stop_iteration_value(&mut self, exc: ObjRef) -> ObjRef {
        let arg = self
            .exception_args(exc)
            .and_then(|a| self.seq_items(a))
            .and_then(|items| items.first().copied());
        let v = arg.unwrap_or(self.types.none);
        self.new_ref(v)
    }

    /// `gen_close_iter`: closes a `yield from` delegate.
    fn close_iter(&mut self, yf: ObjRef) -> PyResult<()> {
        if matches!(self.heap.payload(yf), Payload::Generator(_)) {
            return self
                .generator_close(yf)
                .map(|r| self.decref(r, Holder::Temp));
        }
        match self.getattr_opt(yf, "close")? {
            Some(meth) => {
                let r = self.call(meth, &[], None);
                self.decref(meth, Holder::Temp);
                self.decref(r?, Holder::Temp);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// `generator.close()`.
    pub fn generator_close(&mut self, generator: ObjRef) -> PyResult {
        let (started, finished) = match self.heap.payload(generator) {
            Payload::Generator(g) => (g.started, g.finished || g.frame.is_none()),
            _ => return Err(super::internal("close of a non-generator")),
        };
        if finished {
            return Ok(self.none());
        }
        if !started {
            // Never started: nothing can observe GeneratorExit; just release the frame.
            let frame = self.gen_data(generator).and_then(|g| {
                g.finished = true;
                g.frame.take()
            });
            if let Some(frame) = frame {
                self.clear_frame(frame);
            }
            return Ok(self.none());
        }
        let mut err = None;
        if let Some(yf) = self.yield_from_target(generator) {
            self.incref(yf, Holder::Temp);
            self.set_running(generator, true);
            if let Err(e) = self.close_iter(yf) {
                err = Some(e);
            }
            self.set_running(generator, false);
            self.decref(yf, Holder::Temp);
        }
        let exc = match err {
            Some(PyErr::Exception(e)) => e,
            Some(fatal) => return Err(fatal),
            None => match self.new_exception_args(self.types.generator_exit, Vec::new()) {
                PyErr::Exception(e) => e,
                fatal => return Err(fatal),
            },
        };
        match self.resume_generator(generator, None, Some(exc)) {
            Ok(GenResult::Yielded(v)) => {
                self.decref(v, Holder::Temp);
                Err(self.runtime_error("generator ignored GeneratorExit"))
            }
            Ok(GenResult::Returned(v)) => {
                self.decref(v, Holder::Temp);
                Ok(self.none())
            }
            Err(e) => {
                if self.err_matches(&e, self.types.stop_iteration)
                    || self.err_matches(&e, self.types.generator_exit)
                {
                    self.discard_err(e);
                    Ok(self.none())
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `_PyGen_Finalize`, run when a generator is freed: closes it if it is
    /// suspended. Returns true when it was resurrected.
    pub fn finalize_generator(&mut self, generator: ObjRef) -> bool {
        let suspended = match self.heap.payload(generator) {
            Payload::Generator(g) => !g.finished && g.frame.is_some(),
            _ => false,
        };
        if !suspended {
            return false;
        }
        self.heap.objects[generator].finalized = true;
        self.heap.objects[generator].refcount = 1;
        let saved = self.take_current_exception_state();
        match self.generator_close(generator) {
            Ok(r) => self.decref(r, Holder::Temp),
            Err(e) => self.write_unraisable(e, Some(generator)),
        }
        self.restore_current_exception_state(saved);
        let obj = &mut self.heap.objects[generator];
        obj.refcount -= 1;
        obj.refcount > 0
    }

    /// GET_YIELD_FROM_ITER: generators pass through, other iterables become iterators.
    pub(crate) fn get_yield_from_iter(&mut self) -> PyResult<()> {
        let iterable = self.peek(0).unwrap_or_default();
        if matches!(self.heap.payload(iterable), Payload::Generator(_)) {
            return Ok(());
        }
        let it = self.pop();
        let r = self.get_iter(it);
        self.drop_stack(it);
        self.push(r?);
        Ok(())
    }

    /// SEND: `receiver value -- receiver result`, or on return pop the
    /// receiver, push the return value and jump.
    pub(crate) fn send_op(&mut self, target: usize) -> PyResult<()> {
        let v = self.pop();
        let receiver = self.peek(0).unwrap_or_default();
        let none = self.types.none;
        let result = if matches!(self.heap.payload(receiver), Payload::Generator(_)) {
            self.resume_generator(receiver, Some(v), None)
        } else if v == none {
            match self.iter_next(receiver) {
                Ok(Some(x)) => Ok(GenResult::Yielded(x)),
                Ok(None) => Ok(GenResult::Returned(self.none())),
                Err(e) if self.err_matches(&e, self.types.stop_iteration) => {
                    let PyErr::Exception(exc) = e else {
                        return Err(e);
                    };
                    let val = self.stop_iteration_value(exc);
                    self.decref(exc, Holder::Temp);
                    Ok(GenResult::Returned(val))
                }
                Err(e) => Err(e),
            }
        } else {
            match self.call_method(receiver, "send", &[v]) {
                Ok(x) => Ok(GenResult::Yielded(x)),
                Err(e) if self.err_matches(&e, self.types.stop_iteration) => {
                    let PyErr::Exception(exc) = e else {
                        return Err(e);
                    };
                    let val = self.stop_iteration_value(exc);
                    self.decref(exc, Holder::Temp);
                    Ok(GenResult::Returned(val))
                }
                Err(e) => Err(e),
            }
        };
        self.drop_stack(v);
        match result? {
            GenResult::Yielded(x) => self.push(x),
            GenResult::Returned(r) => {
                let receiver = self.pop();
                self.drop_stack(receiver);
                self.push(r);
                self.frame().pc = target;
            }
        }
        Ok(())
    }

    /// Registers the generator type's methods (called once after bootstrap).
    pub(crate) fn install_generator_methods(&mut self) {
        let ty = self.types.generator;
        self.add_methods(ty, &GENERATOR_METHODS);
    }
}

fn gen_arg(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<ObjRef> {
    match args.first() {
        Some(&g) if matches!(vm.heap.payload(g), Payload::Generator(_)) => Ok(g),
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'generator' object"))),
    }
}

fn gen_send(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let g = gen_arg(vm, args, "send")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    vm.generator_send(g, args[1])
}

fn gen_next(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let g = gen_arg(vm, args, "__next__")?;
    vm.generator_iternext(g)
}

fn gen_iter(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let g = gen_arg(vm, args, "__iter__")?;
    Ok(vm.new_ref(g))
}

fn gen_close(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let g = gen_arg(vm, args, "close")?;
    vm.generator_close(g)
}

fn gen_throw(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let g = gen_arg(vm, args, "throw")?;
    let Some(&typ) = args.get(1) else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    let val = args.get(2).copied().filter(|&v| v != vm.types.none);
    let is_class = matches!(vm.heap.payload(typ), Payload::Type(_))
        && vm.is_subtype(typ, vm.types.base_exception);
    let exc = if is_class {
        let call_args: Vec<ObjRef> = val.into_iter().collect();
        let e = vm.call(typ, &call_args, None)?;
        if !matches!(vm.heap.payload(e), Payload::BaseException(_)) {
            vm.decref(e, Holder::Temp);
            return Err(vm.type_error(
                "exceptions must be classes or instances deriving from BaseException",
            ));
        }
        e
    } else if matches!(vm.heap.payload(typ), Payload::BaseException(_)) {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        vm.new_ref(typ)
    } else {
        let n = vm.type_name_of(typ);
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {n}"
        )));
    };
    vm.generator_throw(g, exc)
}

static GENERATOR_METHODS: [NativeDef; 5] = [
    NativeDef {
        name: "send",
        func: gen_send,
        doc: "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.",
    },
    NativeDef {
        name: "throw",
        func: gen_throw,
        doc: "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.",
    },
    NativeDef {
        name: "close",
        func: gen_close,
        doc: "close() -> raise GeneratorExit inside generator.",
    },
    NativeDef {
        name: "__next__",
        func: gen_next,
        doc: "Implement next(self).",
    },
    NativeDef {
        name: "__iter__",
        func: gen_iter,
        doc: "Implement iter(self).",
    },
];
