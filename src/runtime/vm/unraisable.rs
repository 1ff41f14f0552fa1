//! `PyErr_WriteUnraisable`: errors nobody can receive (`__del__`, weakref
//! callbacks, atexit functions, generator finalisation) go to
//! `sys.unraisablehook` as an `UnraisableHookArgs` structseq
//! (`exc_type, exc_value, exc_traceback, err_msg, object`). The default hook
//! (also `sys.__unraisablehook__`) prints "Exception ignored in: <obj>" and
//! the traceback on stderr; it also runs when the hook is missing or None.
//! A hook that raises is itself reported as "Exception ignored in
//! sys.unraisablehook: <hook>".

use super::{PyErr, PyResult, Vm};
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use std::rc::Rc;

/// `sys.unraisablehook` / `sys.__unraisablehook__`.
pub static UNRAISABLEHOOK: NativeDef = native!("unraisablehook", sys_unraisablehook);

/// The fields of `UnraisableHookArgs`, in tuple order.
pub const HOOK_ARGS_FIELDS: [&str; 5] = [
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
];

impl Vm {
    /// `PyErr_WriteUnraisable(obj)`: hands the error to `sys.unraisablehook`.
    pub fn write_unraisable(&mut self, err: PyErr, obj: Option<ObjRef>) {
        let exc = match err {
            PyErr::Exception(e) => e,
            PyErr::Fatal(f) => {
                if self.pending_internal_error.is_none() {
                    self.pending_fatal = Some(f);
                }
                return;
            }
        };
        let sys_dict = self.types.sys_dict;
        let hook = self
            .dict_get_str(sys_dict, "unraisablehook")
            .filter(|&h| h != self.types.none && !self.is_default_hook(h));
        let Some(hook) = hook else {
            self.print_unraisable(exc, obj);
            self.decref(exc, Holder::Temp);
            return;
        };
        self.incref(hook, Holder::Temp);
        let args = self.new_hook_args(exc, obj);
        self.decref(exc, Holder::Temp);
        let r = self.call(hook, &[args], None);
        self.decref_temp(args);
        match r {
            Ok(v) => self.decref_temp(v),
            Err(PyErr::Exception(e)) => {
                let hook_repr = self.repr_or_placeholder(hook);
                let mut out = format!("Exception ignored in sys.unraisablehook: {hook_repr}\n");
                self.format_unraisable_exception(e, &mut out);
                self.write_stderr(&out);
                self.decref(e, Holder::Temp);
            }
            Err(fatal) => self.write_unraisable(fatal, None),
        }
        self.decref_temp(hook);
    }

    fn is_default_hook(&self, h: ObjRef) -> bool {
        matches!(self.heap.payload(h), Payload::Builtin { def, .. } if std::ptr::eq(*def, &UNRAISABLEHOOK))
    }

    /// The `UnraisableHookArgs` for `exc` raised while finalising `obj`.
    fn new_hook_args(&mut self, exc: ObjRef, obj: Option<ObjRef>) -> ObjRef {
        let none = self.types.none;
        let ty = self.heap.type_of(exc);
        let tb = self.exception_traceback(exc).unwrap_or(none);
        let items: Vec<ObjRef> = [ty, exc, tb, none, obj.unwrap_or(none)]
            .into_iter()
            .map(|o| self.new_ref(o))
            .collect();
        let t = self.new_tuple(items);
        if let Some(o) = self.heap.objects.get_mut(t) {
            o.ty = self.types.unraisable_hook_args;
        }
        t
    }

    fn repr_or_placeholder(&mut self, o: ObjRef) -> String {
        match self.repr(o) {
            Ok(s) => {
                let t = self.str_value(s).unwrap_or("").to_string();
                self.decref(s, Holder::Temp);
                t
            }
            Err(e) => {
                self.discard_err(e);
                "<object repr() failed>".into()
            }
        }
    }

    /// The default hook's text: "Exception ignored in: <obj>", then the
    /// traceback and "Type: message" (the ": " is written even when the
    /// message is empty, as `write_unraisable_exc_file` does).
    fn print_unraisable(&mut self, exc: ObjRef, obj: Option<ObjRef>) {
        let mut out = String::new();
        if let Some(o) = obj.filter(|&o| o != self.types.none) {
            let r = self.repr_or_placeholder(o);
            out.push_str(&format!("Exception ignored in: {r}\n"));
        }
        self.format_unraisable_exception(exc, &mut out);
        self.write_stderr(&out);
    }

    fn format_unraisable_exception(&mut self, exc: ObjRef, out: &mut String) {
        if let Some(tb) = self.exception_traceback(exc) {
            out.push_str("Traceback (most recent call last):\n");
            self.format_traceback(tb, out);
        }
        out.push_str(&self.exception_type_name(exc));
        let msg = self.exception_message(exc);
        out.push_str(": ");
        out.push_str(&msg);
        out.push('\n');
    }
}

/// `sys.__unraisablehook__(unraisable)`: the default report on stderr.
fn sys_unraisablehook(vm: &mut Vm, args: &[ObjRef], kw: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("unraisablehook", kw)?;
    vm.check_nargs("unraisablehook", args.len(), 1, 1)?;
    let fields = match vm.heap.payload(args[0]) {
        Payload::Tuple(t) if vm.heap.type_of(args[0]) == vm.types.unraisable_hook_args => {
            t.to_vec()
        }
        _ => {
            return Err(
                vm.type_error("sys.unraisablehook argument type must be UnraisableHookArgs")
            );
        }
    };
    let (exc, obj) = (fields[1], fields[4]);
    if matches!(vm.heap.payload(exc), Payload::BaseException(_)) {
        vm.print_unraisable(exc, Some(obj));
    }
    Ok(vm.none())
}
