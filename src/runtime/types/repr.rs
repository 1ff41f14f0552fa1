//! `repr()` and `str()`: builtin representations exactly as CPython prints
//! them (float repr, quoted strings, `[...]` for recursive containers,
//! `<__main__.A object at 0x...>`), and dispatch to `__repr__`/`__str__`.

use crate::runtime::heap::ObjRef;
use crate::runtime::object::{DictViewKind, Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::{float_fmt, str_ops};

impl Vm {
    /// `repr(o)` as a str object.
    pub fn repr(&mut self, o: ObjRef) -> PyResult {
        if self.heap.type_of(o) == self.types.str {
            let s = self.repr_string(o)?;
            return Ok(self.new_string(s));
        }
        let s = self.repr_string(o)?;
        Ok(self.new_string(s))
    }

    /// `str(o)` as a str object (`o` itself for exact strs).
    pub fn str_(&mut self, o: ObjRef) -> PyResult {
        if self.heap.type_of(o) == self.types.str {
            return Ok(self.new_ref(o));
        }
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__str__") {
            return self.call_special_str(o, "__str__");
        }
        let s = self.str_string(o)?;
        Ok(self.new_string(s))
    }

    fn call_special_str(&mut self, o: ObjRef, name: &str) -> PyResult {
        let r = self.call_method(o, name, &[])?;
        if self.str_value(r).is_none() {
            let tn = self.type_name_of(r);
            self.decref_temp(r);
            return Err(self.type_error(format!("{name} returned non-string (type {tn})")));
        }
        Ok(r)
    }

    /// `str(o)` as a Rust string.
    pub fn str_string(&mut self, o: ObjRef) -> PyResult<String> {
        let ty = self.heap.type_of(o);
        if let Payload::Str(s) = self.heap.payload(o)
            && (!self.is_heap_type(ty) || !self.has_python_override(ty, "__str__"))
        {
            return Ok(s.text.to_string());
        }
        if self.is_heap_type(ty) {
            if self.has_python_override(ty, "__str__") {
                let r = self.call_special_str(o, "__str__")?;
                let s = self.str_value(r).unwrap_or("").to_string();
                self.decref_temp(r);
                return Ok(s);
            }
            if self.has_python_override(ty, "__repr__") {
                return self.repr_string(o);
            }
        }
        if matches!(self.heap.payload(o), Payload::BaseException(_)) {
            return self.exception_str(o);
        }
        if let Some(r) = self.with_proxy_referent(o, |vm, x| vm.str_string(x)) {
            return r;
        }
        self.repr_string(o)
    }

    /// `repr(o)` as a Rust string.
    pub fn repr_string(&mut self, o: ObjRef) -> PyResult<String> {
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__repr__") {
            let r = self.call_special_str(o, "__repr__")?;
            let s = self.str_value(r).unwrap_or("").to_string();
            self.decref_temp(r);
            return Ok(s);
        }
        self.repr_native(o)
    }

    /// `repr(o)` by the builtin layout of `o` (`object.__repr__` for plain objects).
    pub fn repr_native(&mut self, o: ObjRef) -> PyResult<String> {
        let t = &self.types;
        if o == t.none {
            return Ok("None".into());
        }
        if o == t.not_implemented {
            return Ok("NotImplemented".into());
        }
        if o == t.ellipsis {
            return Ok("Ellipsis".into());
        }
        match self.heap.payload(o) {
            Payload::Int(PyInt::Small(i)) => Ok(i.to_string()),
            Payload::Int(PyInt::Big(b)) => {
                let b = (**b).clone();
                crate::semantics::int_ops::to_str(&b).map_err(|e| self.exc_from_spec(e))
            }
            Payload::Bool(b) => Ok(if *b { "True" } else { "False" }.into()),
            Payload::Float(f) => Ok(float_fmt::float_repr(*f)),
            Payload::Complex(c) => Ok(crate::semantics::complex_ops::repr(*c)),
            Payload::Str(s) => Ok(str_ops::str_repr(&s.text)),
            Payload::Bytes(b) => Ok(str_ops::bytes_repr(b)),
            Payload::ByteArray(b) => {
                let tn = self.type_name_of(o);
                Ok(format!("{tn}({})", str_ops::bytes_repr(&b.data)))
            }
            Payload::Tuple(_) | Payload::List(_) | Payload::Dict(_) | Payload::Set(_) => {
                self.container_repr(o)
            }
            Payload::Type(_) => Ok(self.type_repr(o)),
            Payload::BaseException(_) => self.exception_repr(o),
            Payload::Function(f) => {
                let q = self.str_value(f.qualname).unwrap_or("?").to_string();
                Ok(format!("<function {q} at {}>", self.addr_str(o)))
            }
            Payload::Method { func, self_ } => {
                let (func, self_) = (*func, *self_);
                let q = match self.heap.payload(func) {
                    Payload::Function(f) => self.str_value(f.qualname).unwrap_or("?").to_string(),
                    Payload::Builtin { def, .. } => def.name.to_string(),
                    _ => "?".into(),
                };
                let sr = self.repr_string(self_)?;
                Ok(format!("<bound method {q} of {sr}>"))
            }
            Payload::Builtin { def, self_ } => match self_ {
                Some(s) if !matches!(self.heap.payload(*s), Payload::Module { .. }) => {
                    let s = *s;
                    let name = def.name;
                    if self.is_type(s) {
                        return Ok(format!(
                            "<built-in method {name} of type object at {}>",
                            self.addr_str(s)
                        ));
                    }
                    let tn = self.type_name_of(s);
                    Ok(format!(
                        "<built-in method {name} of {tn} object at {}>",
                        self.addr_str(s)
                    ))
                }
                _ => Ok(format!("<built-in function {}>", def.name)),
            },
            Payload::MethodDescr { def, owner } => {
                let tn = self.type_name(*owner);
                Ok(format!("<method '{}' of '{tn}' objects>", def.name))
            }
            Payload::Module { name } => {
                let n = self.str_value(*name).unwrap_or("?").to_string();
                if let Some(r) = crate::runtime::imports::repr::module_repr_from_spec(self, o)? {
                    Ok(r)
                } else if n == "sys" || n == "builtins" {
                    Ok(format!("<module '{n}' (built-in)>"))
                } else {
                    let file = self
                        .heap
                        .get(o)
                        .dict
                        .and_then(|d| self.dict_get_str(d, "__file__"))
                        .and_then(|f| self.str_value(f).map(str::to_string));
                    match file {
                        Some(f) => Ok(format!("<module '{n}' from '{f}'>")),
                        None => Ok(format!("<module '{n}'>")),
                    }
                }
            }
            Payload::Range { start, stop, step } => {
                let (start, stop, step) = (*start, *stop, *step);
                let a = self.repr_string(start)?;
                let b = self.repr_string(stop)?;
                if self.small_int_value(step) == Some(1) {
                    Ok(format!("range({a}, {b})"))
                } else {
                    let c = self.repr_string(step)?;
                    Ok(format!("range({a}, {b}, {c})"))
                }
            }
            Payload::Slice { start, stop, step } => {
                let (start, stop, step) = (*start, *stop, *step);
                let a = self.repr_string(start)?;
                let b = self.repr_string(stop)?;
                let c = self.repr_string(step)?;
                Ok(format!("slice({a}, {b}, {c})"))
            }
            Payload::Cell(c) => {
                let c = *c;
                Ok(match c {
                    None => format!("<cell at {}: empty>", self.addr_str(o)),
                    Some(v) => {
                        let tn = self.type_name_of(v);
                        format!(
                            "<cell at {}: {tn} object at {}>",
                            self.addr_str(o),
                            self.addr_str(v)
                        )
                    }
                })
            }
            Payload::Code(c) => {
                let c = c.code.clone();
                Ok(format!(
                    "<code object {} at {}, file \"{}\", line {}>",
                    c.name,
                    self.addr_str(o),
                    c.filename,
                    c.firstlineno
                ))
            }
            Payload::DictView { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                let name = match kind {
                    DictViewKind::Keys => "dict_keys",
                    DictViewKind::Values => "dict_values",
                    DictViewKind::Items => "dict_items",
                };
                let items = self.dict_items(dict);
                let mut parts = Vec::new();
                for (k, v) in items {
                    parts.push(match kind {
                        DictViewKind::Keys => self.repr_string(k)?,
                        DictViewKind::Values => self.repr_string(v)?,
                        DictViewKind::Items => {
                            format!("({}, {})", self.repr_string(k)?, self.repr_string(v)?)
                        }
                    });
                }
                Ok(format!("{name}([{}])", parts.join(", ")))
            }
            Payload::Generator(f) => {
                let q = self.str_value(f.qualname).unwrap_or("?").to_string();
                Ok(format!("<generator object {q} at {}>", self.addr_str(o)))
            }
            Payload::WeakRef(_) => Ok(self.weakref_repr(o)),
            _ => Ok(self.default_repr(o)),
        }
    }

    /// `object.__repr__`: `<module.Qualname object at 0x...>`.
    pub fn default_repr(&mut self, o: ObjRef) -> String {
        let ty = self.heap.type_of(o);
        let qual = self
            .type_data(ty)
            .map_or("?".into(), |t| t.qualname.to_string());
        let module = self
            .type_data(ty)
            .map(|t| t.dict)
            .and_then(|d| self.dict_get_str(d, "__module__"))
            .and_then(|m| self.str_value(m).map(str::to_string));
        let name = match module {
            Some(m) if m != "builtins" => format!("{m}.{qual}"),
            _ => qual,
        };
        format!("<{name} object at {}>", self.addr_str(o))
    }

    /// The simulated address as CPython's `%p` prints it.
    pub fn addr_str(&self, o: ObjRef) -> String {
        format!("{:#x}", self.heap.get(o).addr)
    }

    /// Lists, tuples, dicts and sets, with `Py_ReprEnter` recursion detection.
    fn container_repr(&mut self, o: ObjRef) -> PyResult<String> {
        let ty = self.heap.type_of(o);
        let is_list = matches!(self.heap.payload(o), Payload::List(_));
        let is_dict = matches!(self.heap.payload(o), Payload::Dict(_));
        let is_set = matches!(self.heap.payload(o), Payload::Set(_));
        if self.types.repr_stack.contains(&o) {
            return Ok(if is_list {
                "[...]".into()
            } else if is_dict {
                "{...}".into()
            } else {
                format!("{}(...)", self.type_name(ty))
            });
        }
        self.types.repr_stack.push(o);
        let r = self.container_repr_inner(o, ty, is_dict, is_set);
        self.types.repr_stack.retain(|&x| x != o);
        r
    }

    fn container_repr_inner(
        &mut self,
        o: ObjRef,
        ty: ObjRef,
        is_dict: bool,
        is_set: bool,
    ) -> PyResult<String> {
        if is_dict {
            let items = self.dict_items(o);
            let mut parts = Vec::with_capacity(items.len());
            for (k, v) in items {
                self.incref(k, crate::runtime::events::Holder::Temp);
                self.incref(v, crate::runtime::events::Holder::Temp);
                let r = (|| -> PyResult<String> {
                    Ok(format!(
                        "{}: {}",
                        self.repr_string(k)?,
                        self.repr_string(v)?
                    ))
                })();
                self.decref_temp(k);
                self.decref_temp(v);
                parts.push(r?);
            }
            let body = format!("{{{}}}", parts.join(", "));
            return Ok(self.wrap_subclass_repr(ty, body, self.types.dict));
        }
        let items: Vec<ObjRef> = match self.heap.payload(o) {
            Payload::Tuple(t) => t.to_vec(),
            Payload::List(l) => l.clone(),
            Payload::Set(s) => s.table.iter().collect(),
            _ => Vec::new(),
        };
        let mut parts = Vec::with_capacity(items.len());
        for it in items {
            self.incref(it, crate::runtime::events::Holder::Temp);
            let r = self.repr_string(it);
            self.decref_temp(it);
            parts.push(r?);
        }
        let body = parts.join(", ");
        Ok(match self.heap.payload(o) {
            Payload::Tuple(t) if t.len() == 1 => format!("({body},)"),
            Payload::Tuple(_) => format!("({body})"),
            Payload::List(_) => {
                let r = format!("[{body}]");
                self.wrap_subclass_repr(ty, r, self.types.list)
            }
            _ if is_set => {
                let base = if self.is_subtype(ty, self.types.frozenset) {
                    "frozenset"
                } else {
                    "set"
                };
                let name = if self.is_heap_type(ty) {
                    self.type_name(ty)
                } else {
                    base.to_string()
                };
                if parts.is_empty() {
                    format!("{name}()")
                } else if name == "set" {
                    format!("{{{body}}}")
                } else {
                    format!("{name}({{{body}}})")
                }
            }
            _ => body,
        })
    }

    /// list/dict subclasses print like their base (CPython does not name them).
    fn wrap_subclass_repr(&self, _ty: ObjRef, body: String, _base: ObjRef) -> String {
        body
    }
}
