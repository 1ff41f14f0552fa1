//! Calling objects: the CALL family of opcodes and `Vm::call`, which
//! dispatches on the callable (Python functions, bound methods, native
//! functions and method descriptors, types, objects with `__call__`).
//!
//! CALL on a Python function does not recurse in Rust: the argument
//! references move from the caller's stack into the new frame's locals
//! (3.11's `_PyEvalFramePushAndInit` steals them) and the loop continues in
//! the new frame. Native callers use `Vm::call`, which borrows its
//! arguments; calling a Python function from there increfs them into the new
//! frame and runs a nested loop (`_PyEval_Vector`).

use super::{PyResult, Vm};
use crate::bytecode::{CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{FunctionData, Payload};
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
        match self.heap.objects.get(callable).map(|o| &o.payload) {
            Some(Payload::Function(_)) => {
                self.incref(callable, Holder::Temp);
                self.run_function(callable, args, kwnames)
            }
            Some(Payload::Method { func, self_ }) => {
                let (func, self_) = (*func, *self_);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(self_);
                full.extend_from_slice(args);
                self.call(func, &full, kwnames)
            }
            Some(Payload::Builtin { def, self_ }) => {
                let (def, self_) = (*def, *self_);
                match self_ {
                    Some(s) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(s);
                        full.extend_from_slice(args);
                        self.call_native(def.func, &full, kwnames)
                    }
                    None => self.call_native(def.func, args, kwnames),
                }
            }
            Some(Payload::MethodDescr { def, owner }) => {
                let (def, owner) = (*def, *owner);
                if args.is_empty() || !self.isinstance_of(args[0], owner) {
                    let owner_name = self.type_name(owner);
                    let msg = match args.first() {
                        None => format!(
                            "unbound method {owner_name}.{}() needs an argument",
                            def.name
                        ),
                        Some(&a) => {
                            let an = self.type_name_of(a);
                            format!(
                                "descriptor '{}' for '{owner_name}' objects doesn't apply to a '{an}' object",
                                def.name
                            )
                        }
                    };
                    return Err(self.type_error(msg));
                }
                self.call_native(def.func, args, kwnames)
            }
            Some(Payload::Type(_)) => {
                self.enter_recursive_call(" while calling a Python object")?;
                let held = self.hold_tp_call_args(args, kwnames);
                let r = self.type_call(callable, args, kwnames);
                self.release_tp_call_args(held);
                self.leave_recursive_call();
                r
            }
            Some(_) => {
                let ty = self.heap.type_of(callable);
                let Some(call) = self.lookup_type_attr(ty, "__call__") else {
                    let n = self.type_name(ty);
                    return Err(self.type_error(format!("'{n}' object is not callable")));
                };
                self.incref(call, Holder::Temp);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(callable);
                full.extend_from_slice(args);
                let r = match self.enter_recursive_call(" while calling a Python object") {
                    Ok(()) => {
                        let held = self.hold_tp_call_args(args, kwnames);
                        let unpacked = self.hold_unpacked_stack(&full, kwnames);
                        let r = self.call(call, &full, kwnames);
                        self.release_tp_call_args(unpacked);
                        self.release_tp_call_args(held);
                        self.leave_recursive_call();
                        r
                    }
                    Err(e) => Err(e),
                };
                self.decref(call, Holder::Temp);
                r
            }
            None => Err(super::internal("call of a freed object")),
        }
    }

    /// `_PyObject_MakeTpCall`: callables without vectorcall (classes,
    /// instances with `__call__`) receive their positional arguments as a
    /// new tuple and keyword arguments as a new dict, each holding a
    /// reference to every argument for the duration of the call. The
    /// returned objects are released by `release_tp_call_args`.
    fn hold_tp_call_args(&mut self, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> Vec<ObjRef> {
        let nkw = kwnames.map_or(0, |k| k.len());
        let npos = args.len() - nkw;
        let tuple = self.new_tuple_from(&args[..npos]);
        let mut held = vec![tuple];
        if nkw > 0 {
            let d = self.new_dict();
            for (i, name) in kwnames.unwrap_or(&[]).iter().enumerate() {
                let key = self.intern_rc(name);
                if let Err(e) = self.dict_set(d, key, args[npos + i]) {
                    self.discard_err(e);
                }
                self.decref(key, Holder::Temp);
            }
            held.push(d);
            // slot_tp_init/slot_tp_call pass the dict on through
            // `_PyStack_UnpackDict`, which copies every argument with a new reference.
            held.extend(self.hold_unpacked_stack(&args[..npos], kwnames));
            for &v in &args[npos..] {
                self.incref(v, Holder::Temp);
                held.push(v);
            }
        }
        held
    }

    /// `_PyStack_UnpackDict`'s copies of the positional arguments (only when
    /// keyword arguments are present).
    fn hold_unpacked_stack(
        &mut self,
        positional: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> Vec<ObjRef> {
        if kwnames.is_none_or(|k| k.is_empty()) {
            return Vec::new();
        }
        for &a in positional {
            self.incref(a, Holder::Temp);
        }
        positional.to_vec()
    }

    fn release_tp_call_args(&mut self, held: Vec<ObjRef>) {
        for o in held.into_iter().rev() {
            self.decref(o, Holder::Temp);
        }
    }

    #[inline]
    fn call_native(
        &mut self,
        f: crate::runtime::object::NativeFn,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
    ) -> PyResult {
        f(self, args, kwnames)
    }

    /// `_Py_EnterRecursiveCall`: counts native re-entry against the recursion limit.
    pub fn enter_recursive_call(&mut self, where_: &str) -> PyResult<()> {
        if self.recursion_depth >= self.options.limits.recursion_limit {
            let t = self.types.recursion_error;
            return Err(self.new_exception(t, format!("maximum recursion depth exceeded{where_}")));
        }
        self.recursion_depth += 1;
        Ok(())
    }

    pub fn leave_recursive_call(&mut self) {
        self.recursion_depth = self.recursion_depth.saturating_sub(1);
    }

    // ---- opcodes

    /// PRECALL: unpacks a bound method on the stack into function + self.
    pub(crate) fn precall(&mut self, argc: usize) {
        let is_meth = self.peek(argc + 1).is_some();
        if is_meth {
            return;
        }
        let Some(func) = self.peek(argc) else {
            return;
        };
        if let Some(Payload::Method { func: f, self_ }) =
            self.heap.objects.get(func).map(|o| &o.payload)
        {
            let (f, s) = (*f, *self_);
            let h = self.stack_id();
            self.incref(f, h);
            self.incref(s, h);
            let len = self.frame().stack.len();
            let stack = &mut self.frame().stack;
            stack[len - 1 - argc] = Some(s);
            stack[len - 2 - argc] = Some(f);
            self.drop_stack(func);
        }
    }

    /// CALL argc: `NULL|method callable|self args… -- result`.
    pub(crate) fn call_op(&mut self, argc: usize) -> PyResult<()> {
        let kwnames_obj = self.frame().kwnames.take();
        let is_meth = self.peek(argc + 1).is_some();
        let total = argc + usize::from(is_meth);
        let function = self.peek(total).unwrap_or_default();
        let is_py_function = matches!(
            self.heap.objects.get(function).map(|o| &o.payload),
            Some(Payload::Function(_))
        );
        let kw: Vec<ObjRef> = kwnames_obj
            .and_then(|k| self.seq_items(k))
            .unwrap_or_default();
        if is_py_function {
            if kw.is_empty() && self.function_takes_exactly(function, total) {
                return self.push_simple_frame(function, total, is_meth);
            }
            // Steal the function and the arguments from the stack.
            let args = self.pop_n(total);
            let _function = self.pop_opt();
            if !is_meth {
                self.pop_opt();
            }
            return self.push_function_frame(function, args, &kw);
        }
        let mut args = self.arg_pool.pop().unwrap_or_default();
        {
            let s = &mut self.frame().stack;
            let at = s.len().saturating_sub(total);
            args.extend(s.drain(at..).map(Option::unwrap_or_default));
        }
        let _function = self.pop_opt();
        if !is_meth {
            self.pop_opt();
        }
        let res = if kw.is_empty() {
            self.call(function, &args, None)
        } else {
            let kwtext: Vec<Rc<str>> = kw
                .iter()
                .map(|&k| self.str_rc(k).unwrap_or_default())
                .collect();
            self.call(function, &args, Some(&kwtext))
        };
        self.drop_stack(function);
        for &a in &args {
            self.drop_stack(a);
        }
        args.clear();
        self.arg_pool.push(args);
        self.push(res?);
        Ok(())
    }

    /// Whether a Python function takes exactly `n` positional arguments and
    /// nothing else (no defaults needed, no `*args`/`**kwargs`/keyword-only
    /// parameters, an optimized frame): the arguments then go straight into
    /// its first `n` locals.
    fn function_takes_exactly(&self, function: ObjRef, n: usize) -> bool {
        let code_obj = match self.heap.objects.get(function).map(|o| &o.payload) {
            Some(Payload::Function(f)) => f.code,
            _ => return false,
        };
        match self.heap.objects.get(code_obj).map(|o| &o.payload) {
            Some(Payload::Code(c)) => {
                let code = &c.code;
                code.argcount as usize == n
                    && code.kwonlyargcount == 0
                    && code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
                    && code.flags & CO_OPTIMIZED != 0
            }
            _ => false,
        }
    }

    /// CALL of a function that `function_takes_exactly(total)`: moves the
    /// function and the arguments off the caller's stack into a new frame
    /// (`_PyEvalFramePushAndInit` stealing them), without any buffer.
    fn push_simple_frame(&mut self, function: ObjRef, total: usize, is_meth: bool) -> PyResult<()> {
        if self.push_new_frame_in_place(function) {
            let n = self.frames.len();
            let (callers, new) = self.frames.split_at_mut(n - 1);
            if let (Some(caller), Some(frame)) = (callers.last_mut(), new.first_mut()) {
                let at = caller.stack.len().saturating_sub(total);
                for (slot, v) in frame.fast.iter_mut().zip(caller.stack.drain(at..)) {
                    *slot = v;
                }
                caller.stack.pop();
                if !is_meth {
                    caller.stack.pop();
                }
            }
            return Ok(());
        }
        let mut frame = self.new_frame(function, None)?;
        let caller = self.frame();
        let at = caller.stack.len().saturating_sub(total);
        for (slot, v) in frame.fast.iter_mut().zip(caller.stack.drain(at..)) {
            *slot = v;
        }
        // The function's stack reference is now the frame's; then the NULL.
        caller.stack.pop();
        if !is_meth {
            caller.stack.pop();
        }
        self.push_frame(frame)
    }

    /// Pushes a frame for a Python function called by CALL: `function` and
    /// `args` are owned references the new frame takes over.
    fn push_function_frame(
        &mut self,
        function: ObjRef,
        args: Vec<ObjRef>,
        kw: &[ObjRef],
    ) -> PyResult<()> {
        let code = self.function_code(function)?;
        let locals = if code.flags & CO_OPTIMIZED == 0 {
            let g = self.function_globals(function)?;
            self.incref(g, Holder::Temp);
            Some(g)
        } else {
            None
        };
        let mut frame = self.new_frame(function, locals)?;
        if let Err(e) = self.bind_arguments(&mut frame, function, &code, &args, Some(kw)) {
            self.clear_frame(frame);
            return Err(e);
        }
        self.push_frame(frame)
    }

    /// CALL_FUNCTION_EX: `NULL func args_tuple [kwargs_dict] -- result`.
    pub(crate) fn call_function_ex(&mut self, flags: usize) -> PyResult<()> {
        let mut kwargs = if flags & 1 != 0 {
            Some(self.pop())
        } else {
            None
        };
        if let Some(k) = kwargs
            && self.heap.type_of(k) != self.types.dict
        {
            let d = self.new_dict();
            if let Err(e) = self.merge_mapping(d, k, true) {
                self.decref(d, Holder::Temp);
                let func = self.peek(1).unwrap_or_default();
                let e = self.kwargs_error(e, func, k);
                self.drop_stack(k);
                return Err(e);
            }
            self.drop_stack(k);
            kwargs = Some(d);
        }
        let mut callargs = self.pop();
        let func = self.peek(0).unwrap_or_default();
        if self.heap.type_of(callargs) != self.types.tuple {
            if !self.is_iterable_type(callargs) {
                let f = self.function_str(func);
                let n = self.type_name_of(callargs);
                self.drop_stack(callargs);
                if let Some(k) = kwargs {
                    self.drop_stack(k);
                }
                return Err(
                    self.type_error(format!("{f} argument after * must be an iterable, not {n}"))
                );
            }
            let t = self.sequence_tuple(callargs);
            self.drop_stack(callargs);
            match t {
                Ok(t) => callargs = t,
                Err(e) => {
                    if let Some(k) = kwargs {
                        self.drop_stack(k);
                    }
                    return Err(e);
                }
            }
        }
        let mut args = self.seq_items(callargs).unwrap_or_default();
        let mut kwtext: Vec<Rc<str>> = Vec::new();
        if let Some(k) = kwargs {
            for (key, value) in self.dict_items(k) {
                kwtext.push(self.str_rc(key).unwrap_or_default());
                args.push(value);
            }
        }
        // `_PyVectorcall_Call` unpacks a kwargs dict into a new argument
        // array holding its own reference to every argument.
        if kwargs.is_some() {
            for &a in &args {
                self.incref(a, Holder::Temp);
            }
        }
        let res = self.call(func, &args, kwargs.map(|_| kwtext.as_slice()));
        if kwargs.is_some() {
            for &a in &args {
                self.decref(a, Holder::Temp);
            }
        }
        let func = self.pop();
        self.drop_stack(func);
        self.drop_stack(callargs);
        if let Some(k) = kwargs {
            self.drop_stack(k);
        }
        // The NULL below the function.
        self.pop_opt();
        self.push(res?);
        Ok(())
    }

    /// `tuple(iterable)` as a new reference.
    pub(crate) fn sequence_tuple(&mut self, iterable: ObjRef) -> PyResult {
        let it = self.get_iter(iterable)?;
        let mut items = Vec::new();
        loop {
            match self.iter_next(it) {
                Ok(Some(v)) => items.push(v),
                Ok(None) => break,
                Err(e) => {
                    self.decref(it, Holder::Temp);
                    for v in items.into_iter().rev() {
                        self.decref(v, Holder::Temp);
                    }
                    return Err(e);
                }
            }
        }
        self.decref(it, Holder::Temp);
        Ok(self.new_tuple(items))
    }

    /// MAKE_FUNCTION: `[defaults] [kwdefaults] [annotations] [closure] code -- function`.
    pub(crate) fn make_function(&mut self, flags: u32) -> PyResult<()> {
        let code_obj = self.pop();
        let closure = if flags & 0x08 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let annotations = if flags & 0x04 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let kwdefaults = if flags & 0x02 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let defaults = if flags & 0x01 != 0 {
            Some(self.pop())
        } else {
            None
        };
        let globals = self.frame_ref().globals;
        let func = self.new_function(
            code_obj,
            globals,
            defaults,
            kwdefaults,
            annotations,
            closure,
        )?;
        self.drop_stack(code_obj);
        self.push(func);
        Ok(())
    }

    /// `PyFunction_New` plus the optional parts (whose references it takes over).
    pub fn new_function(
        &mut self,
        code_obj: ObjRef,
        globals: ObjRef,
        defaults: Option<ObjRef>,
        kwdefaults: Option<ObjRef>,
        annotations: Option<ObjRef>,
        closure: Option<ObjRef>,
    ) -> PyResult {
        let (code, doc_const) = match self.heap.objects.get(code_obj).map(|o| &o.payload) {
            Some(Payload::Code(c)) => (c.code.clone(), c.consts.first().copied()),
            _ => return Err(super::internal("MAKE_FUNCTION without a code object")),
        };
        let name = self.intern_rc(&code.name);
        let qualname = self.intern_rc(&code.qualname);
        self.incref(code_obj, Holder::Temp);
        self.incref(globals, Holder::Temp);
        let doc = match doc_const {
            Some(d) if matches!(self.heap.payload(d), Payload::Str(_)) => d,
            _ => self.types.none,
        };
        self.incref(doc, Holder::Temp);
        let module = self.dict_get_str(globals, "__name__");
        if let Some(m) = module {
            self.incref(m, Holder::Temp);
        }
        let builtins = self.builtins_for(globals);
        self.incref(builtins, Holder::Temp);
        let ty = self.types.function;
        Ok(self.alloc(
            ty,
            Payload::Function(Box::new(FunctionData {
                code: code_obj,
                globals,
                builtins,
                name,
                qualname,
                module,
                doc: Some(doc),
                defaults,
                kwdefaults,
                closure,
                annotations,
            })),
        ))
    }

    /// `_PyEval_BuiltinsFromGlobals`: `globals['__builtins__']` (a module's
    /// dict or a dict), else the interpreter's builtins dict. Borrowed.
    pub(crate) fn builtins_for(&self, globals: ObjRef) -> ObjRef {
        if let Some(b) = self.dict_get_str(globals, "__builtins__") {
            match self.heap.objects.get(b).map(|o| &o.payload) {
                Some(Payload::Dict(_)) => return b,
                Some(Payload::Module { .. }) => {
                    if let Some(d) = self.heap.objects.get(b).and_then(|o| o.dict) {
                        return d;
                    }
                }
                _ => {}
            }
        }
        self.types.builtins_dict
    }
}
