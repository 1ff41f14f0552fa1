//! Exception instances (`Payload::BaseException`): creating them from native
//! code, `BaseException`'s methods and attributes (`args`, `__str__` and
//! `__repr__` as CPython prints them, `__traceback__`, `__context__`,
//! `__cause__`, `with_traceback`, `StopIteration.value`, `SystemExit.code`),
//! and `except` matching.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{ExceptionData, NativeDef, Payload};
use crate::runtime::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// A new exception instance of `ty` with `args` (owned refs), as a new reference.
    pub fn new_exception_obj(&mut self, ty: ObjRef, args: Vec<ObjRef>) -> ObjRef {
        let args = self.new_tuple(args);
        self.alloc(
            ty,
            Payload::BaseException(Box::new(ExceptionData {
                args: Some(args),
                ..Default::default()
            })),
        )
    }

    /// An exception of builtin type `ty` with one str argument, ready to raise.
    pub fn new_exception(&mut self, ty: ObjRef, msg: impl Into<String>) -> PyErr {
        let s = self.new_string(msg.into());
        PyErr::Exception(self.new_exception_obj(ty, vec![s]))
    }

    /// An exception of `ty` with the given (owned) args, ready to raise.
    pub fn new_exception_args(&mut self, ty: ObjRef, args: Vec<ObjRef>) -> PyErr {
        PyErr::Exception(self.new_exception_obj(ty, args))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.type_error;
        self.new_exception(t, msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.value_error;
        self.new_exception(t, msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.index_error;
        self.new_exception(t, msg)
    }
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.attribute_error;
        self.new_exception(t, msg)
    }
    pub fn name_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.name_error;
        self.new_exception(t, msg)
    }
    pub fn zero_division(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.zero_division_error;
        self.new_exception(t, msg)
    }
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.overflow_error;
        self.new_exception(t, msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.runtime_error;
        self.new_exception(t, msg)
    }
    pub fn not_implemented_error(&mut self, msg: impl Into<String>) -> PyErr {
        let t = self.types.not_implemented_error;
        self.new_exception(t, msg)
    }
    /// `KeyError(key)` (borrowed key).
    pub fn key_error(&mut self, key: ObjRef) -> PyErr {
        self.incref(key, Holder::Temp);
        let t = self.types.key_error;
        self.new_exception_args(t, vec![key])
    }
    /// `StopIteration(value)` (borrowed value; None gives a bare StopIteration).
    pub fn stop_iteration(&mut self, value: Option<ObjRef>) -> PyErr {
        let t = self.types.stop_iteration;
        match value {
            Some(v) => {
                self.incref(v, Holder::Temp);
                self.new_exception_args(t, vec![v])
            }
            None => self.new_exception_args(t, vec![]),
        }
    }

    /// Converts a semantics-layer error into a raised exception.
    pub fn exc_from_spec(&mut self, e: crate::semantics::PyExcSpec) -> PyErr {
        use crate::semantics::ExcKind;
        let t = match e.kind {
            ExcKind::ValueError => self.types.value_error,
            ExcKind::TypeError => self.types.type_error,
            ExcKind::ZeroDivisionError => self.types.zero_division_error,
            ExcKind::OverflowError => self.types.overflow_error,
            ExcKind::IndexError => self.types.index_error,
            ExcKind::KeyError => self.types.key_error,
            ExcKind::MemoryError => self.types.memory_error,
        };
        self.new_exception(t, e.msg)
    }

    /// Whether the raised `err` is an instance of `ty` (for native code that
    /// catches e.g. StopIteration or AttributeError).
    pub fn err_matches(&self, err: &PyErr, ty: ObjRef) -> bool {
        matches!(err, PyErr::Exception(e) if self.isinstance_of(*e, ty))
    }

    /// Drops a caught exception.
    pub fn discard_err(&mut self, err: PyErr) {
        if let PyErr::Exception(e) = err {
            self.decref_temp(e);
        }
    }

    /// The exception's args tuple (borrowed).
    pub fn exception_args(&self, exc: ObjRef) -> Option<ObjRef> {
        match self.heap.payload(exc) {
            Payload::BaseException(e) => e.args,
            _ => None,
        }
    }

    /// `str(exc)` as BaseException.__str__ (KeyError: repr of its key).
    pub fn exception_str(&mut self, exc: ObjRef) -> PyResult<String> {
        if let Some(s) = super::oserror::str(self, exc)? {
            return Ok(s);
        }
        let args = self
            .exception_args(exc)
            .and_then(|a| self.seq_items(a))
            .unwrap_or_default();
        match args.len() {
            0 => Ok(String::new()),
            1 if self.isinstance_of(exc, self.types.key_error) => self.repr_string(args[0]),
            1 => self.str_string(args[0]),
            _ => {
                let a = self.exception_args(exc).unwrap_or(self.types.empty_tuple);
                self.repr_string(a)
            }
        }
    }

    /// `repr(exc)`: `ValueError('x')`.
    pub fn exception_repr(&mut self, exc: ObjRef) -> PyResult<String> {
        let name = self.type_name_of(exc);
        let args = self.exception_args(exc).unwrap_or(self.types.empty_tuple);
        let items = self.seq_items(args).unwrap_or_default();
        if items.len() == 1 {
            let r = self.repr_string(items[0])?;
            Ok(format!("{name}({r})"))
        } else {
            let r = self.repr_string(args)?;
            Ok(format!("{name}{r}"))
        }
    }

    /// CHECK_EXC_MATCH / `except T:`: `exc` matches a class or a tuple of classes.
    pub fn exception_matches(&mut self, exc: ObjRef, spec: ObjRef) -> PyResult<bool> {
        if let Some(items) = match self.heap.payload(spec) {
            Payload::Tuple(t) => Some(t.to_vec()),
            _ => None,
        } {
            for it in items {
                if self.exception_matches(exc, it)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !self.is_type(spec) || !self.is_subtype(spec, self.types.base_exception) {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(self.isinstance_of(exc, spec))
    }

    /// Native attributes of exception instances (None when `name` is not one).
    pub fn exception_getattr(&mut self, exc: ObjRef, name: &str) -> Option<PyResult> {
        if let Some(r) = super::oserror::getattr(self, exc, name) {
            return Some(r);
        }
        let Payload::BaseException(e) = self.heap.payload(exc) else {
            return None;
        };
        let field = match name {
            "args" => Some(e.args.unwrap_or(self.types.empty_tuple)),
            "__traceback__" => Some(e.traceback.unwrap_or(self.types.none)),
            "__context__" => Some(e.context.unwrap_or(self.types.none)),
            "__cause__" => Some(e.cause.unwrap_or(self.types.none)),
            "__suppress_context__" => {
                let b = e.suppress_context;
                return Some(Ok(self.bool(b)));
            }
            "value" if self.isinstance_of(exc, self.types.stop_iteration) => {
                Some(self.first_arg_or_none(e.args))
            }
            "code" if self.isinstance_of(exc, self.types.system_exit) => {
                Some(self.first_arg_or_none(e.args))
            }
            "name"
                if self.isinstance_of(exc, self.types.name_error)
                    || self.isinstance_of(exc, self.types.attribute_error) =>
            {
                Some(self.types.none)
            }
            "msg" if self.isinstance_of(exc, self.types.syntax_error) => {
                Some(self.first_arg_or_none(e.args))
            }
            "filename"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "print_file_and_line"
                if self.isinstance_of(exc, self.types.syntax_error) =>
            {
                Some(self.syntax_error_detail(e.args, name))
            }
            _ => None,
        }?;
        Some(Ok(self.new_ref(field)))
    }

    /// A field of `SyntaxError(msg, (filename, lineno, offset, text,
    /// end_lineno, end_offset))` (borrowed; None when not given).
    fn syntax_error_detail(&self, args: Option<ObjRef>, name: &str) -> ObjRef {
        let none = self.types.none;
        let index = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ]
        .iter()
        .position(|n| *n == name);
        let details = args
            .and_then(|a| self.seq_items(a))
            .filter(|a| a.len() == 2)
            .and_then(|a| self.seq_items(a[1]))
            .filter(|d| (4..=6).contains(&d.len()));
        match (index, details) {
            (Some(i), Some(d)) => d.get(i).copied().unwrap_or(none),
            _ => none,
        }
    }

    fn first_arg_or_none(&self, args: Option<ObjRef>) -> ObjRef {
        args.and_then(|a| match self.heap.payload(a) {
            Payload::Tuple(t) => t.first().copied(),
            _ => None,
        })
        .unwrap_or(self.types.none)
    }

    /// Stores a native exception attribute; None when `name` is not one.
    pub fn exception_setattr(
        &mut self,
        exc: ObjRef,
        name: &str,
        value: Option<ObjRef>,
    ) -> Option<PyResult<()>> {
        if !matches!(self.heap.payload(exc), Payload::BaseException(_)) {
            return None;
        }
        if let Some(r) = super::oserror::setattr(self, exc, name, value) {
            return Some(r);
        }
        let none = self.types.none;
        let r = match name {
            "args" => {
                let v = match value {
                    Some(v) => v,
                    None => return Some(Err(self.type_error("args may not be deleted"))),
                };
                let t = match self.tuple_from_iterable(v) {
                    Ok(t) => t,
                    Err(e) => return Some(Err(e)),
                };
                self.replace_exc_field(exc, |e| &mut e.args, Some(t), "args");
                Ok(())
            }
            "__traceback__" => {
                let v = value.filter(|&v| v != none);
                if let Some(v) = v {
                    self.incref(v, Holder::Field(exc, "__traceback__"));
                }
                self.replace_exc_field(exc, |e| &mut e.traceback, v, "__traceback__");
                Ok(())
            }
            "__context__" | "__cause__" => {
                let v = value.filter(|&v| v != none);
                if let Some(v) = v {
                    self.incref(v, Holder::Field(exc, "__cause__"));
                }
                if name == "__cause__" {
                    if let Payload::BaseException(e) = self.heap.payload_mut(exc) {
                        e.suppress_context = true;
                    }
                    self.replace_exc_field(exc, |e| &mut e.cause, v, "__cause__");
                } else {
                    self.replace_exc_field(exc, |e| &mut e.context, v, "__context__");
                }
                Ok(())
            }
            "__suppress_context__" => {
                let b = value.is_some_and(|v| self.is_truthy_simple(v));
                if let Payload::BaseException(e) = self.heap.payload_mut(exc) {
                    e.suppress_context = b;
                }
                Ok(())
            }
            _ => return None,
        };
        Some(r)
    }

    pub(crate) fn replace_exc_field(
        &mut self,
        exc: ObjRef,
        field: impl FnOnce(&mut ExceptionData) -> &mut Option<ObjRef>,
        value: Option<ObjRef>,
        name: &'static str,
    ) {
        let old = match self.heap.payload_mut(exc) {
            Payload::BaseException(e) => std::mem::replace(field(e), value),
            _ => None,
        };
        self.xdecref(old, Holder::Field(exc, name));
    }

    /// A truth test that never calls Python code (for flags).
    fn is_truthy_simple(&self, v: ObjRef) -> bool {
        !(v == self.types.none
            || v == self.types.false_
            || matches!(
                self.heap.payload(v),
                Payload::Int(crate::runtime::object::PyInt::Small(0))
            ))
    }
}

/// `BaseException.__new__(cls, *args)`.
fn exc_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    // args[0]: the owner (BaseException), args[1]: cls.
    let (pos, _) = super::native::split_kwargs(args, kwnames);
    if pos.len() < 2 {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments"));
    }
    let cls = pos[1];
    if !vm.is_type(cls) || !vm.is_subtype(cls, vm.types.base_exception) {
        return Err(vm.type_error("BaseException.__new__(X): X is not a subtype of BaseException"));
    }
    let rest: Vec<ObjRef> = pos[2..].to_vec();
    for &a in &rest {
        vm.incref(a, Holder::Temp);
    }
    Ok(vm.new_exception_obj(cls, rest))
}

/// `BaseException.__init__(self, *args)`: replaces `args`.
fn exc_init(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let (pos, kw) = super::native::split_kwargs(args, kwnames);
    if !kw.is_empty() {
        let n = vm.type_name_of(args[0]);
        return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
    }
    let exc = pos[0];
    let t = vm.new_tuple_from(&pos[1..]);
    vm.replace_exc_field(exc, |e| &mut e.args, Some(t), "args");
    Ok(vm.none())
}

fn exc_str(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let s = vm.exception_str(args[0])?;
    Ok(vm.new_string(s))
}

fn exc_repr(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    let s = vm.exception_repr(args[0])?;
    Ok(vm.new_string(s))
}

fn exc_with_traceback(vm: &mut Vm, args: &[ObjRef], _kw: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("with_traceback", args.len() - 1, 1, 1)?;
    if let Some(Err(e)) = vm.exception_setattr(args[0], "__traceback__", Some(args[1])) {
        return Err(e);
    }
    Ok(vm.new_ref(args[0]))
}

static EXC_NEW: NativeDef = native!("__new__", exc_new);
static EXC_METHODS: &[NativeDef] = &[
    native!("__init__", exc_init),
    native!("__str__", exc_str),
    native!("__repr__", exc_repr),
    native!("with_traceback", exc_with_traceback),
];

pub(super) fn install(vm: &mut Vm) {
    let b = vm.types.base_exception;
    vm.add_bound_builtin(b, &EXC_NEW);
    vm.add_methods(b, EXC_METHODS);
}
