//! The bytecode evaluation loop (CPython 3.11's `_PyEval_EvalFrameDefault`).
//!
//! Every opcode keeps CPython's stack effect and reference behaviour: values
//! on the stack are owned references; an instruction that consumes operands
//! releases them in the order CPython's C code does (for example BINARY_OP
//! releases the left operand before the right one, after computing the
//! result). Python-to-Python calls made by CALL do not recurse in Rust: they
//! push a frame and continue this loop, as 3.11 does; only native code that
//! calls back into Python (`Vm::call`) starts a nested loop.
//!
//! Opcodes that build containers or unpack them live in `build.rs`; calls in
//! `call.rs`; exception handling opcodes in `unwind.rs`.

use super::frame::Frame;
use super::{Fatal, PyErr, PyResult, Vm};
use crate::ast::UnaryOperator;
use crate::bytecode::{Instruction, Opcode};
use crate::runtime::events::{Event, FrameExit, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::types::ops::operator_from_arg;

/// How the entry frame of an eval loop finished.
#[derive(Debug)]
pub enum Exit {
    Return(ObjRef),
    Yield(ObjRef),
}

/// What an instruction asks the loop to do next.
pub(crate) enum Flow {
    Next,
    /// The entry frame finished.
    Exit(Exit),
}

impl Vm {
    // ---- stack helpers on the running frame

    #[inline(always)]
    pub(crate) fn frame(&mut self) -> &mut Frame {
        let n = self.frames.len();
        &mut self.frames[n - 1]
    }

    #[inline(always)]
    pub(crate) fn frame_ref(&self) -> &Frame {
        &self.frames[self.frames.len() - 1]
    }

    #[inline(always)]
    pub(crate) fn push(&mut self, v: ObjRef) {
        self.frame().stack.push(Some(v));
    }

    #[inline(always)]
    pub(crate) fn push_opt(&mut self, v: Option<ObjRef>) {
        self.frame().stack.push(v);
    }

    /// Pops a value that must not be NULL.
    #[inline(always)]
    pub(crate) fn pop(&mut self) -> ObjRef {
        self.frame().stack.pop().flatten().unwrap_or_default()
    }

    #[inline(always)]
    pub(crate) fn pop_opt(&mut self) -> Option<ObjRef> {
        self.frame().stack.pop().flatten()
    }

    /// The value `i` slots below the top (0 = top).
    #[inline(always)]
    pub(crate) fn peek(&self, i: usize) -> Option<ObjRef> {
        let s = &self.frame_ref().stack;
        s.get(s.len().wrapping_sub(1 + i)).copied().flatten()
    }

    #[inline(always)]
    pub(crate) fn stack_id(&self) -> Holder {
        // Panic-free, so that it costs nothing when no sink uses the holder.
        Holder::Stack(self.frames.last().map_or(0, |f| f.id))
    }

    /// The top of the stack (borrowed; it stays there).
    #[inline(always)]
    pub(crate) fn top(&self) -> ObjRef {
        self.peek(0).unwrap_or_default()
    }

    /// The top `N` values, deepest first, left on the stack while an
    /// operation that may run Python code uses them (so the heap audit
    /// sees them, as they are still on CPython's stack too).
    #[inline(always)]
    pub(crate) fn peek_n<const N: usize>(&self) -> [ObjRef; N] {
        let s = &self.frame_ref().stack;
        let mut out = [ObjRef::default(); N];
        let base = s.len().wrapping_sub(N);
        for (i, slot) in out.iter_mut().enumerate() {
            if let Some(&Some(v)) = s.get(base.wrapping_add(i)) {
                *slot = v;
            }
        }
        out
    }

    /// Pops `values.len()` values and releases them in the given order.
    #[inline(always)]
    pub(crate) fn pop_release(&mut self, values: &[ObjRef]) {
        let s = &mut self.frame().stack;
        let n = s.len().saturating_sub(values.len());
        s.truncate(n);
        for &v in values {
            self.drop_stack(v);
        }
    }

    /// Releases a value taken off the stack.
    #[inline(always)]
    pub(crate) fn drop_stack(&mut self, v: ObjRef) {
        let h = self.stack_id();
        self.decref(v, h);
    }

    /// The running code object's constant `i` (borrowed).
    pub(crate) fn code_const(&self, i: usize) -> ObjRef {
        match self
            .heap
            .objects
            .get(self.frame_ref().code_obj)
            .map(|o| &o.payload)
        {
            Some(Payload::Code(c)) => c.consts.get(i).copied().unwrap_or_default(),
            _ => ObjRef::default(),
        }
    }

    /// The running code object's name `i` (an interned str, borrowed).
    pub(crate) fn code_name(&self, i: usize) -> ObjRef {
        match self
            .heap
            .objects
            .get(self.frame_ref().code_obj)
            .map(|o| &o.payload)
        {
            Some(Payload::Code(c)) => c.names.get(i).copied().unwrap_or_default(),
            _ => ObjRef::default(),
        }
    }

    /// The text of the running code's name `i`.
    pub(crate) fn code_name_str(&self, i: usize) -> std::rc::Rc<str> {
        self.frame_ref()
            .code
            .names
            .get(i)
            .cloned()
            .unwrap_or_else(|| "?".into())
    }

    // ---- the loop

    /// Runs the frames from the current top (index `base`) until the frame
    /// at `base` returns or yields.
    pub fn eval_loop(&mut self, base: usize) -> PyResult<Exit> {
        self.eval_depth += 1;
        let r = self.run_loop(base);
        self.eval_depth -= 1;
        r
    }

    fn run_loop(&mut self, base: usize) -> PyResult<Exit> {
        loop {
            match self.step(base) {
                Ok(Flow::Next) => {}
                Ok(Flow::Exit(exit)) => return Ok(exit),
                Err(err) => {
                    if let Some(exit) = self.handle_error(err, base)? {
                        return Ok(exit);
                    }
                }
            }
        }
    }

    /// Fetches, accounts for and executes one instruction.
    #[inline]
    fn step(&mut self, base: usize) -> PyResult<Flow> {
        let n = self.frames.len();
        let f = &mut self.frames[n - 1];
        let pc = f.pc;
        let Some(&instr) = f.code.code.get(pc) else {
            return Err(PyErr::Fatal(Fatal::Internal(format!(
                "ran past the end of {}",
                f.code.qualname
            ))));
        };
        let prev = f.lasti;
        f.lasti = pc;
        f.pc = pc + 1;
        self.steps += 1;
        // One predictable branch when no limit, sink, audit or pending work is set.
        let checks = self.options.limits.max_steps.is_some()
            | self.options.limits.max_heap.is_some()
            | self.pending_fatal.is_some()
            | self.gc.pending
            | self.pending_internal_error.is_some()
            | self.sink.is_some()
            | self.options.audit;
        if checks {
            self.step_checks(pc, prev, instr)?;
        }
        self.execute(instr, base)
    }

    /// The per-instruction checks of `step`, when one of them may apply.
    #[cold]
    #[inline(never)]
    fn step_checks(&mut self, pc: usize, prev: usize, instr: Instruction) -> PyResult<()> {
        if let Some(max) = self.options.limits.max_steps
            && self.steps > max
        {
            return Err(PyErr::Fatal(Fatal::StepLimit(max)));
        }
        if let Some(max) = self.options.limits.max_heap
            && self.allocator.live_bytes > max
        {
            return Err(PyErr::Fatal(Fatal::HeapLimit(max)));
        }
        if let Some(f) = self.pending_fatal.take() {
            return Err(PyErr::Fatal(f));
        }
        if self.gc.pending {
            self.gc_collect_pending();
        }
        if self.pending_internal_error.is_some() {
            let msg = self.pending_internal_error.take().unwrap_or_default();
            return Err(PyErr::Fatal(Fatal::Internal(msg)));
        }
        if self.sink.is_some() || self.options.audit {
            self.trace_instruction(pc, prev, instr)?;
        }
        Ok(())
    }

    /// Line events (and the heap audit at each line boundary), instruction events.
    fn trace_instruction(&mut self, pc: usize, prev: usize, instr: Instruction) -> PyResult<()> {
        let f = self.frame_ref();
        let line = f.code.line_of(pc);
        let new_line =
            line != 0 && (line != f.last_line || (pc < prev && instr.op != Opcode::RESUME));
        let id = f.id;
        if new_line {
            self.frame().last_line = line;
            if let Some(sink) = self.sink.as_mut() {
                sink.event(&Event::Line { frame: id, line });
            }
            if self.options.audit {
                self.audit_at_line()?;
            }
        }
        if let Some(sink) = self.sink.as_mut()
            && sink.wants_instructions()
        {
            let opname = instr.op.name();
            sink.event(&Event::Instruction {
                frame: id,
                index: pc as u32,
                opname: &opname,
            });
        }
        self.offer_inspection(new_line);
        Ok(())
    }

    /// Executes one instruction of the running frame.
    fn execute(&mut self, instr: Instruction, base: usize) -> PyResult<Flow> {
        use Opcode::*;
        let arg = instr.arg as usize;
        match instr.op {
            NOP | RESUME => {}
            POP_TOP => {
                if let Some(v) = self.pop_opt() {
                    self.drop_stack(v);
                }
            }
            PUSH_NULL => self.push_opt(None),
            COPY => {
                let v = self.peek(arg - 1).unwrap_or_default();
                let h = self.stack_id();
                self.incref(v, h);
                self.push(v);
            }
            SWAP => {
                let s = &mut self.frame().stack;
                let len = s.len();
                if arg >= 2 && arg <= len {
                    s.swap(len - 1, len - arg);
                }
            }
            UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_INVERT => {
                let v = self.top();
                let op = match instr.op {
                    UNARY_POSITIVE => UnaryOperator::UAdd,
                    UNARY_NEGATIVE => UnaryOperator::USub,
                    _ => UnaryOperator::Invert,
                };
                let r = self.unary_op(v, op);
                self.pop_release(&[v]);
                self.push(r?);
            }
            UNARY_NOT => {
                let v = self.top();
                let t = self.is_true(v);
                self.pop_release(&[v]);
                let r = self.bool(!t?);
                self.push(r);
            }
            BINARY_OP => {
                let [lhs, rhs] = self.peek_n();
                let (op, inplace) = operator_from_arg(instr.arg);
                let r = match self.fast_binary_op(lhs, rhs, op) {
                    Some(r) => Ok(r),
                    None => self.binary_op(lhs, rhs, op, inplace),
                };
                self.pop_release(&[lhs, rhs]);
                self.push(r?);
            }
            BINARY_SUBSCR => {
                let [container, sub] = self.peek_n();
                let r = self.getitem(container, sub);
                self.pop_release(&[container, sub]);
                self.push(r?);
            }
            STORE_SUBSCR => {
                let [v, container, sub] = self.peek_n();
                let r = self.setitem(container, sub, v);
                self.pop_release(&[v, container, sub]);
                r?;
            }
            DELETE_SUBSCR => {
                let [container, sub] = self.peek_n();
                let r = self.delitem(container, sub);
                self.pop_release(&[container, sub]);
                r?;
            }
            COMPARE_OP => {
                let [lhs, rhs] = self.peek_n();
                let r = match self.fast_compare_op(lhs, rhs, instr.arg) {
                    Some(r) => Ok(r),
                    None => self.compare_op_arg(lhs, rhs, instr.arg),
                };
                self.pop_release(&[lhs, rhs]);
                self.push(r?);
            }
            IS_OP => {
                let rhs = self.pop();
                let lhs = self.pop();
                let r = self.bool((lhs == rhs) != (arg == 1));
                self.push(r);
                self.drop_stack(lhs);
                self.drop_stack(rhs);
            }
            CONTAINS_OP => {
                let [item, container] = self.peek_n();
                let r = self.contains(container, item);
                self.pop_release(&[item, container]);
                let b = self.bool(r? != (arg == 1));
                self.push(b);
            }
            GET_ITER => {
                let v = self.top();
                let r = self.get_iter(v);
                self.pop_release(&[v]);
                self.push(r?);
            }
            FOR_ITER => {
                let it = self.peek(0).unwrap_or_default();
                match self.iter_next(it)? {
                    Some(v) => self.push(v),
                    None => {
                        let it = self.pop();
                        self.drop_stack(it);
                        self.frame().pc = arg;
                    }
                }
            }
            RETURN_VALUE => {
                let v = self.pop();
                return Ok(self.return_from_frame(v, base));
            }
            GET_YIELD_FROM_ITER => self.get_yield_from_iter()?,
            YIELD_VALUE => {
                let v = self.pop();
                return Ok(self.yield_from_frame(v, base));
            }
            RETURN_GENERATOR => return self.return_generator(base),
            SEND => self.send_op(arg)?,

            // The most frequent opcodes, handled here without a second dispatch.
            LOAD_FAST => {
                let f = self.frame();
                let Some(v) = f.fast.get(arg).copied().flatten() else {
                    return Err(self.unbound_local(arg));
                };
                let h = self.stack_id();
                self.incref(v, h);
                self.push(v);
            }
            STORE_FAST => {
                let v = self.pop();
                self.store_fast(arg, Some(v));
            }
            LOAD_CONST => {
                let c = self.code_const(arg);
                let h = self.stack_id();
                self.incref(c, h);
                self.push(c);
            }
            STORE_NAME | DELETE_NAME | LOAD_NAME | LOAD_GLOBAL | STORE_GLOBAL | DELETE_GLOBAL
            | DELETE_FAST => self.exec_name_op(instr)?,
            MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF
            | LOAD_CLASSDEREF | COPY_FREE_VARS => self.exec_cell_op(instr)?,

            LOAD_ATTR => {
                let name = self.code_name(arg);
                let owner = self.top();
                let r = self.getattr(owner, name);
                if let Err(e) = &r {
                    self.set_attribute_error_context(e, owner, name);
                }
                self.pop_release(&[owner]);
                self.push(r?);
            }
            STORE_ATTR => {
                let name = self.code_name(arg);
                let [v, owner] = self.peek_n();
                let r = self.setattr(owner, name, v);
                self.pop_release(&[v, owner]);
                r?;
            }
            DELETE_ATTR => {
                let name = self.code_name(arg);
                let owner = self.top();
                let r = self.delattr(owner, name);
                self.pop_release(&[owner]);
                r?;
            }
            LOAD_METHOD => {
                let name = self.code_name(arg);
                let obj = self.peek(0).unwrap_or_default();
                // Both results are new references; the stack's reference to obj is released.
                let (meth, second) = match self.load_method(obj, name) {
                    Ok(pair) => pair,
                    Err(e) => {
                        self.set_attribute_error_context(&e, obj, name);
                        return Err(e);
                    }
                };
                let len = self.frame().stack.len();
                self.frame().stack[len - 1] = meth;
                self.push(second);
                self.drop_stack(obj);
            }

            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_MAP | BUILD_CONST_KEY_MAP
            | BUILD_STRING | BUILD_SLICE | LIST_TO_TUPLE | LIST_APPEND | SET_ADD | MAP_ADD
            | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE | UNPACK_SEQUENCE | UNPACK_EX
            | FORMAT_VALUE => self.exec_build_op(instr)?,

            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => self.frame().pc = arg,
            POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE => {
                let c = self.top();
                let t = self.truth_of_stack_value(c)?;
                if !t {
                    self.frame().pc = arg;
                }
            }
            POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE => {
                let c = self.top();
                let t = self.truth_of_stack_value(c)?;
                if t {
                    self.frame().pc = arg;
                }
            }
            POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE => {
                let v = self.pop();
                if v == self.types.none {
                    self.frame().pc = arg;
                }
                self.drop_stack(v);
            }
            POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                let v = self.pop();
                if v != self.types.none {
                    self.frame().pc = arg;
                }
                self.drop_stack(v);
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                let c = self.peek(0).unwrap_or_default();
                let t = self.is_true(c)?;
                if t == (instr.op == JUMP_IF_TRUE_OR_POP) {
                    self.frame().pc = arg;
                } else {
                    let c = self.pop();
                    self.drop_stack(c);
                }
            }

            PRECALL => self.precall(arg),
            CALL => self.call_op(arg)?,
            KW_NAMES => {
                let names = self.code_const(arg);
                self.frame().kwnames = Some(names);
            }
            CALL_FUNCTION_EX => self.call_function_ex(arg)?,
            MAKE_FUNCTION => self.make_function(instr.arg)?,
            LOAD_BUILD_CLASS => {
                let builtins = self.frame_ref().builtins;
                match self.dict_get_str(builtins, "__build_class__") {
                    Some(bc) => {
                        let h = self.stack_id();
                        self.incref(bc, h);
                        self.push(bc);
                    }
                    None => return Err(self.name_error("__build_class__ not found")),
                }
            }
            SETUP_ANNOTATIONS => {
                let Some(locals) = self.frame_ref().locals else {
                    return Err(self.new_exception(
                        self.types.system_error,
                        "no locals found when setting up annotations",
                    ));
                };
                if self.dict_get_str(locals, "__annotations__").is_none() {
                    let d = self.new_dict();
                    let r = self.dict_set_str(locals, "__annotations__", d);
                    self.decref(d, Holder::Temp);
                    r?;
                }
            }

            RAISE_VARARGS => return Err(self.raise_varargs(arg)),
            RERAISE => return Err(self.reraise_op(arg)),
            PUSH_EXC_INFO => self.push_exc_info(),
            POP_EXCEPT => self.pop_except(),
            CHECK_EXC_MATCH => self.check_exc_match()?,
            LOAD_ASSERTION_ERROR => {
                let a = self.types.assertion_error;
                let h = self.stack_id();
                self.incref(a, h);
                self.push(a);
            }
            BEFORE_WITH => self.before_with()?,
            WITH_EXCEPT_START => self.with_except_start()?,

            IMPORT_NAME => self.import_name(arg)?,
            IMPORT_FROM => self.import_from(arg)?,
            IMPORT_STAR => self.import_star()?,
        }
        Ok(Flow::Next)
    }

    /// `POP_JUMP_IF_*`'s test: True/False directly, else `bool()`; the value is released.
    fn truth_of_stack_value(&mut self, c: ObjRef) -> PyResult<bool> {
        if c == self.types.true_ {
            self.pop_release(&[c]);
            return Ok(true);
        }
        if c == self.types.false_ {
            self.pop_release(&[c]);
            return Ok(false);
        }
        let t = self.is_true(c);
        self.pop_release(&[c]);
        t
    }

    /// RETURN_VALUE: pops the frame, releases its contents and hands the
    /// value to the caller (or out of the loop for the entry frame).
    fn return_from_frame(&mut self, v: ObjRef, base: usize) -> Flow {
        let frame = self.pop_frame(FrameExit::Return);
        self.clear_frame(frame);
        if self.frames.len() == base {
            return Flow::Exit(Exit::Return(v));
        }
        self.push(v);
        Flow::Next
    }
}
