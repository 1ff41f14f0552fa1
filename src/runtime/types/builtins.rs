//! The `builtins` module: its functions (print, len, id, isinstance, getattr,
//! iter/next, min/max/sum/sorted, …), its types and exception classes, and
//! the module object itself. More builtins live in `builtins_more`.

use crate::native;
use crate::runtime::events::{Event, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// Writes program output to stdout (host and event).
    pub fn write_stdout(&mut self, text: &str) {
        self.host.write_stdout(text);
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::Stdout { text });
        }
    }

    /// Writes program output to stderr (host and event).
    pub fn write_stderr(&mut self, text: &str) {
        self.host.write_stderr(text);
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::Stderr { text });
        }
    }

    /// Writes `text` to a file object (sys.stdout/sys.stderr or anything with `write`).
    pub fn write_to_file(&mut self, file: ObjRef, text: &str) -> PyResult<()> {
        if file == self.types.stdout {
            self.write_stdout(text);
            return Ok(());
        }
        if file == self.types.stderr {
            self.write_stderr(text);
            return Ok(());
        }
        let s = self.new_str(text);
        let r = self.call_method(file, "write", &[s]);
        self.decref_temp(s);
        self.decref_temp(r?);
        Ok(())
    }

    /// A new module object with a fresh dict holding `__name__` and friends.
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let n = self.intern(name);
        let ty = self.types.module;
        let m = self.alloc(ty, Payload::Module { name: n });
        let d = self.instance_dict(m);
        let _ = self.dict_set_str(d, "__name__", n);
        let none = self.types.none;
        for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
            let _ = self.dict_set_str(d, k, none);
        }
        m
    }

    /// The dict of a module (borrowed).
    pub fn module_dict(&mut self, m: ObjRef) -> ObjRef {
        self.instance_dict(m)
    }
}

fn b_print(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let (pos, kw) = super::native::split_kwargs(args, kwnames);
    let none = vm.types.none;
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    for (k, v) in kw {
        match &*k {
            "sep" => sep = Some(v),
            "end" => end = Some(v),
            "file" => file = Some(v),
            "flush" => flush = Some(v),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                );
            }
        }
    }
    let text_of = |vm: &mut Vm, o: Option<ObjRef>, what: &str, dflt: &str| -> PyResult<String> {
        match o {
            None => Ok(dflt.to_string()),
            Some(o) if o == none => Ok(dflt.to_string()),
            Some(o) => match vm.str_value(o) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let tn = vm.type_name_of(o);
                    Err(vm.type_error(format!("{what} must be None or a string, not {tn}")))
                }
            },
        }
    };
    let sep = text_of(vm, sep, "sep", " ")?;
    let end = text_of(vm, end, "end", "\n")?;
    // The default is whatever `sys.stdout` is now (contextlib.redirect_stdout).
    let file = match file.filter(|&f| f != none) {
        Some(f) => f,
        None => match vm.dict_get_str(vm.types.sys_dict, "stdout") {
            Some(f) if f == none => return Ok(vm.none()),
            Some(f) => f,
            None => return Err(vm.runtime_error("lost sys.stdout")),
        },
    };
    vm.incref(file, crate::runtime::events::Holder::Temp);
    let r = print_to(vm, file, pos, &sep, &end, flush);
    vm.decref_temp(file);
    r?;
    Ok(vm.none())
}

/// Writes the pieces of a print() call: in one go to the real streams, one
/// `write` call per piece (as CPython does) to any other file object.
fn print_to(
    vm: &mut Vm,
    file: ObjRef,
    items: &[ObjRef],
    sep: &str,
    end: &str,
    flush: Option<ObjRef>,
) -> PyResult<()> {
    if file == vm.types.stdout || file == vm.types.stderr {
        let mut out = String::new();
        for (i, &a) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(&vm.str_string(a)?);
        }
        out.push_str(end);
        return vm.write_to_file(file, &out);
    }
    for (i, &a) in items.iter().enumerate() {
        if i > 0 {
            vm.write_to_file(file, sep)?;
        }
        let s = vm.str_string(a)?;
        vm.write_to_file(file, &s)?;
    }
    vm.write_to_file(file, end)?;
    if let Some(f) = flush
        && vm.is_true(f)?
    {
        let r = vm.call_method(file, "flush", &[])?;
        vm.decref_temp(r);
    }
    Ok(())
}

fn one_arg(vm: &mut Vm, name: &str, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult<ObjRef> {
    vm.no_kwargs(name, k)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(args[0])
}

fn b_len(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let o = one_arg(vm, "len", args, k)?;
    let n = vm.len(o)?;
    Ok(vm.new_int(n as i64))
}

fn b_id(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let o = one_arg(vm, "id", args, k)?;
    let a = vm.heap.get(o).addr;
    Ok(vm.new_bigint(num_bigint::BigInt::from(a)))
}

fn b_repr(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let o = one_arg(vm, "repr", args, k)?;
    vm.repr(o)
}

fn b_ascii(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let o = one_arg(vm, "ascii", args, k)?;
    let r = vm.repr_string(o)?;
    Ok(vm.new_string(crate::semantics::str_ops::ascii_escape(&r)))
}

fn b_hash(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let o = one_arg(vm, "hash", args, k)?;
    let h = vm.hash(o)?;
    Ok(vm.new_int(h))
}

/// `isinstance`/`issubclass` with a class or tuple of classes; `__instancecheck__` on metaclasses.
fn check_class_spec(vm: &mut Vm, o: ObjRef, spec: ObjRef, sub: bool) -> PyResult<bool> {
    if let Payload::Tuple(items) = vm.heap.payload(spec) {
        for it in items.clone() {
            if check_class_spec(vm, o, it, sub)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let meta = vm.heap.type_of(spec);
    let hook = if sub {
        "__subclasscheck__"
    } else {
        "__instancecheck__"
    };
    if vm.is_heap_type(meta) && vm.has_python_override(meta, hook) {
        let r = vm.call_method(spec, hook, &[o])?;
        let t = vm.is_true(r);
        vm.decref_temp(r);
        return t;
    }
    if !vm.is_type(spec) {
        let what = if sub {
            "issubclass() arg 2"
        } else {
            "isinstance() arg 2"
        };
        return Err(vm.type_error(format!(
            "{what} must be a type, a tuple of types, or a union"
        )));
    }
    if sub {
        if !vm.is_type(o) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        Ok(vm.is_subtype(o, spec))
    } else {
        Ok(vm.isinstance_of(o, spec))
    }
}

fn b_isinstance(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("isinstance", k)?;
    vm.check_nargs("isinstance", args.len(), 2, 2)?;
    let r = check_class_spec(vm, args[0], args[1], false)?;
    Ok(vm.bool(r))
}

fn b_issubclass(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("issubclass", k)?;
    vm.check_nargs("issubclass", args.len(), 2, 2)?;
    let r = check_class_spec(vm, args[0], args[1], true)?;
    Ok(vm.bool(r))
}

fn b_getattr(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("getattr", k)?;
    vm.check_nargs("getattr", args.len(), 2, 3)?;
    if vm.str_value(args[1]).is_none() {
        return Err(vm.type_error("attribute name must be string"));
    }
    match vm.getattr(args[0], args[1]) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.err_matches(&e, vm.types.attribute_error) => {
            vm.discard_err(e);
            Ok(vm.new_ref(args[2]))
        }
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("setattr", k)?;
    vm.check_nargs("setattr", args.len(), 3, 3)?;
    vm.setattr(args[0], args[1], args[2])?;
    Ok(vm.none())
}

fn b_delattr(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("delattr", k)?;
    vm.check_nargs("delattr", args.len(), 2, 2)?;
    vm.delattr(args[0], args[1])?;
    Ok(vm.none())
}

fn b_hasattr(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("hasattr", k)?;
    vm.check_nargs("hasattr", args.len(), 2, 2)?;
    let Some(name) = vm.str_rc(args[1]) else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let r = vm.hasattr(args[0], &name)?;
    Ok(vm.bool(r))
}

fn b_iter(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("iter", k)?;
    vm.check_nargs("iter", args.len(), 1, 2)?;
    if args.len() == 2 {
        if !vm.is_callable(args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(vm.new_callable_iter(args[0], args[1]));
    }
    vm.get_iter(args[0])
}

fn b_next(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("next", k)?;
    vm.check_nargs("next", args.len(), 1, 2)?;
    let it = args[0];
    let ity = vm.heap.type_of(it);
    if vm.lookup_type_attr(ity, "__next__").is_none() {
        let tn = vm.type_name(ity);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    if matches!(vm.heap.payload(it), Payload::Generator(_)) {
        // gen_iternext: a return value travels in StopIteration.
        return match (vm.generator_iternext(it), args.get(1)) {
            (Err(e), Some(&d)) if vm.err_matches(&e, vm.types.stop_iteration) => {
                vm.discard_err(e);
                Ok(vm.new_ref(d))
            }
            (r, _) => r,
        };
    }
    match vm.iter_next(it)? {
        Some(x) => Ok(x),
        None => match args.get(1) {
            Some(&d) => Ok(vm.new_ref(d)),
            None => Err(vm.stop_iteration(None)),
        },
    }
}

fn b_callable(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let o = one_arg(vm, "callable", args, k)?;
    let r = vm.is_callable(o);
    Ok(vm.bool(r))
}

fn b_build_class(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    super::build_class::build_class(vm, args, k)
}

fn b_input(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    if let Some(&p) = args.first() {
        let s = vm.str_string(p)?;
        vm.write_stdout(&s);
    }
    let t = vm.types.eof_error;
    Err(vm.new_exception(t, "EOF when reading a line"))
}

/// `dir(o)`: sorted attribute names.
pub fn dir_of(vm: &mut Vm, o: ObjRef) -> PyResult {
    let mut names: Vec<Rc<str>> = Vec::new();
    let add_dict = |vm: &Vm, d: ObjRef, names: &mut Vec<Rc<str>>| {
        for (k, _) in vm.dict_items(d) {
            if let Some(s) = vm.str_rc(k)
                && !names.contains(&s)
            {
                names.push(s);
            }
        }
    };
    if let Some(d) = vm.heap.get(o).dict {
        add_dict(vm, d, &mut names);
    }
    if !matches!(vm.heap.payload(o), Payload::Module { .. }) {
        let ty = if vm.is_type(o) { o } else { vm.heap.type_of(o) };
        let mro = vm.type_data(ty).map(|t| t.mro.clone()).unwrap_or_default();
        for m in mro {
            if let Some(d) = vm.type_data(m).map(|t| t.dict) {
                add_dict(vm, d, &mut names);
            }
        }
        if !vm.is_type(o) {
            for extra in ["__class__", "__dict__"] {
                let e: Rc<str> = Rc::from(extra);
                if (extra == "__class__" || vm.has_instance_dict(o)) && !names.contains(&e) {
                    names.push(e);
                }
            }
        }
    }
    names.sort();
    let items = names.iter().map(|n| vm.new_str_rc(n.clone())).collect();
    Ok(vm.new_list(items))
}

fn b_dir(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("dir", k)?;
    vm.check_nargs("dir", args.len(), 0, 1)?;
    match args.first() {
        Some(&o) => dir_of(vm, o),
        None => {
            let l = super::builtins_more::current_locals(vm)?;
            let r = dir_of_dict(vm, l);
            vm.decref_temp(l);
            r
        }
    }
}

fn dir_of_dict(vm: &mut Vm, d: ObjRef) -> PyResult {
    let mut names: Vec<Rc<str>> = vm
        .dict_items(d)
        .into_iter()
        .filter_map(|(k, _)| vm.str_rc(k))
        .collect();
    names.sort();
    let items = names.iter().map(|n| vm.new_str_rc(n.clone())).collect();
    Ok(vm.new_list(items))
}

static BUILTIN_FUNCTIONS: &[NativeDef] = &[
    native!("print", b_print),
    native!("len", b_len),
    native!("id", b_id),
    native!("repr", b_repr),
    native!("ascii", b_ascii),
    native!("hash", b_hash),
    native!("isinstance", b_isinstance),
    native!("issubclass", b_issubclass),
    native!("getattr", b_getattr),
    native!("setattr", b_setattr),
    native!("delattr", b_delattr),
    native!("hasattr", b_hasattr),
    native!("iter", b_iter),
    native!("next", b_next),
    native!("callable", b_callable),
    native!("__build_class__", b_build_class),
    native!("input", b_input),
    native!("dir", b_dir),
];

pub(super) fn install(vm: &mut Vm) {
    let m = vm.new_module("builtins");
    let d = vm.module_dict(m);
    vm.types.builtins = m;
    vm.types.builtins_dict = d;
    vm.add_module_functions(d, m, BUILTIN_FUNCTIONS);
    super::builtins_more::install(vm, d, m);
    let t = vm.types.all_types();
    for ty in t {
        let name = vm.type_name(ty);
        let public = !name.contains("iterator")
            && !matches!(
                name.as_str(),
                "NoneType"
                    | "NotImplementedType"
                    | "ellipsis"
                    | "function"
                    | "builtin_function_or_method"
                    | "method"
                    | "method_descriptor"
                    | "code"
                    | "cell"
                    | "module"
                    | "generator"
                    | "frame"
                    | "traceback"
                    | "dict_keys"
                    | "dict_values"
                    | "dict_items"
                    | "TextIOWrapper"
                    | "callable_iterator"
                    | "UnraisableHookArgs"
                    | "iterator"
            );
        if public {
            let _ = vm.dict_set_str(d, &name, ty);
        }
    }
    let (ni, el, none) = (vm.types.not_implemented, vm.types.ellipsis, vm.types.none);
    let _ = vm.dict_set_str(d, "NotImplemented", ni);
    let _ = vm.dict_set_str(d, "Ellipsis", el);
    let _ = vm.dict_set_str(d, "None", none);
    let os_error = vm.types.os_error;
    for alias in ["IOError", "EnvironmentError"] {
        let _ = vm.dict_set_str(d, alias, os_error);
    }
    let (t, f) = (vm.types.true_, vm.types.false_);
    let _ = vm.dict_set_str(d, "True", t);
    let _ = vm.dict_set_str(d, "False", f);
    let err = vm.types.os_error;
    let _ = vm.dict_set_str(d, "EnvironmentError", err);
    let _ = vm.dict_set_str(d, "IOError", err);
    let _ = Holder::Temp;
}

impl Vm {
    /// `callable(o)`.
    pub fn is_callable(&self, o: ObjRef) -> bool {
        matches!(
            self.heap.payload(o),
            Payload::Function(_)
                | Payload::Method { .. }
                | Payload::Builtin { .. }
                | Payload::MethodDescr { .. }
                | Payload::Type(_)
        ) || self
            .lookup_type_attr(self.heap.type_of(o), "__call__")
            .is_some()
    }
}
