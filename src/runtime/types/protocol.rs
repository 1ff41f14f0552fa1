//! Generic protocols: truth (`__bool__`, `__len__`), `len()`, `in`
//! (`__contains__`, then iteration), equality as a bool, and calling special
//! methods looked up on the type.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};

impl Vm {
    /// `bool(o)`.
    pub fn is_true(&mut self, o: ObjRef) -> PyResult<bool> {
        let t = &self.types;
        if o == t.true_ {
            return Ok(true);
        }
        if o == t.false_ || o == t.none {
            return Ok(false);
        }
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) {
            if self.has_python_override(ty, "__bool__") {
                let r = self.call_method(o, "__bool__", &[])?;
                let v = match self.heap.payload(r) {
                    Payload::Bool(b) => Some(*b),
                    _ => None,
                };
                let tn = self.type_name_of(r);
                self.decref_temp(r);
                return v.ok_or_else(|| {
                    self.type_error(format!("__bool__ should return bool, returned {tn}"))
                });
            }
            if self.has_python_override(ty, "__len__") {
                return Ok(self.len(o)? > 0);
            }
        }
        Ok(match self.heap.payload(o) {
            Payload::Int(PyInt::Small(i)) => *i != 0,
            Payload::Int(PyInt::Big(_)) => true,
            Payload::Bool(b) => *b,
            Payload::Float(f) => *f != 0.0,
            Payload::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Payload::Str(s) => !s.text.is_empty(),
            Payload::Bytes(b) => !b.is_empty(),
            Payload::ByteArray(b) => !b.data.is_empty(),
            Payload::Tuple(t) => !t.is_empty(),
            Payload::List(l) => !l.is_empty(),
            Payload::Dict(d) => !d.map.is_empty(),
            Payload::Set(s) => !s.table.is_empty(),
            Payload::Range { .. } | Payload::DictView { .. } => self.len(o)? > 0,
            Payload::WeakRef(_) => match self.with_proxy_referent(o, |vm, x| vm.is_true(x)) {
                Some(r) => r?,
                None => true,
            },
            _ => true,
        })
    }

    /// `len(o)`.
    pub fn len(&mut self, o: ObjRef) -> PyResult<usize> {
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__len__") {
            let r = self.call_method(o, "__len__", &[])?;
            let v = match self.heap.payload(r) {
                Payload::Int(PyInt::Small(i)) => Ok(*i),
                Payload::Bool(b) => Ok(i64::from(*b)),
                Payload::Int(PyInt::Big(_)) => Err(true),
                _ => Err(false),
            };
            let tn = self.type_name_of(r);
            self.decref_temp(r);
            return match v {
                Ok(i) if i >= 0 => Ok(i as usize),
                Ok(_) => Err(self.value_error("__len__() should return >= 0")),
                Err(true) => {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
                Err(false) => {
                    Err(self
                        .type_error(format!("'{tn}' object cannot be interpreted as an integer")))
                }
            };
        }
        self.len_native(o)
    }

    /// `len(o)` by the builtin layout of `o`.
    pub fn len_native(&mut self, o: ObjRef) -> PyResult<usize> {
        let ty = self.heap.type_of(o);
        match self.heap.payload(o) {
            Payload::Str(s) => Ok(s.char_len),
            Payload::Bytes(b) => Ok(b.len()),
            Payload::ByteArray(b) => Ok(b.data.len()),
            Payload::Tuple(t) => Ok(t.len()),
            Payload::List(l) => Ok(l.len()),
            Payload::Dict(d) => Ok(d.map.len()),
            Payload::Set(s) => Ok(s.table.len()),
            Payload::DictView { dict, .. } => Ok(self.dict_len(*dict)),
            Payload::Range { .. } => super::range::range_len(self, o),
            _ => {
                if let Some(r) = self.with_proxy_referent(o, |vm, x| vm.len(x)) {
                    return r;
                }
                let tn = self.type_name(ty);
                Err(self.type_error(format!("object of type '{tn}' has no len()")))
            }
        }
    }

    /// `a == b` as a bool, with the identity shortcut of `PyObject_RichCompareBool`.
    pub fn eq_bool(&mut self, a: ObjRef, b: ObjRef) -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        self.compare_bool(a, b, super::compare::CompareOp::Eq)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: ObjRef, item: ObjRef) -> PyResult<bool> {
        let ty = self.heap.type_of(container);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__contains__") {
            let r = self.call_method(container, "__contains__", &[item])?;
            let b = self.is_true(r);
            self.decref_temp(r);
            return b;
        }
        self.contains_native(container, item)
    }

    /// `item in container` by the builtin layout of `container`.
    pub fn contains_native(&mut self, container: ObjRef, item: ObjRef) -> PyResult<bool> {
        match self.heap.payload(container) {
            Payload::Str(s) => {
                let hay = s.text.clone();
                match self.str_value(item) {
                    Some(n) => Ok(hay.contains(n)),
                    None => {
                        let tn = self.type_name_of(item);
                        Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {tn}"
                        )))
                    }
                }
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let hay = self.buffer_bytes(container).unwrap_or_default();
                match self.heap.payload(item) {
                    Payload::Bytes(_) | Payload::ByteArray(_) => {
                        let n = self.buffer_bytes(item).unwrap_or_default();
                        Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..]))
                    }
                    Payload::Int(PyInt::Small(i)) => Ok(hay.contains(&(*i as u8))),
                    _ => Err(self.type_error("a bytes-like object is required")),
                }
            }
            Payload::List(_) | Payload::Tuple(_) => {
                let mut i = 0;
                loop {
                    let x = match self.heap.payload(container) {
                        Payload::List(l) => l.get(i).copied(),
                        Payload::Tuple(t) => t.get(i).copied(),
                        _ => None,
                    };
                    let Some(x) = x else { return Ok(false) };
                    self.incref(x, Holder::Temp);
                    let r = self.eq_bool(x, item);
                    self.decref_temp(x);
                    if r? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Payload::Dict(_) => Ok(self.dict_get(container, item)?.is_some()),
            Payload::DictView { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                super::dict::view_contains(self, dict, kind, item)
            }
            Payload::Set(_) => self.set_contains(container, item),
            Payload::Range { .. } => super::range::range_contains(self, container, item),
            Payload::WeakRef(_) => {
                match self.with_proxy_referent(container, |vm, c| vm.contains(c, item)) {
                    Some(r) => r,
                    None => self.contains_by_iteration(container, item),
                }
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    fn contains_by_iteration(&mut self, container: ObjRef, item: ObjRef) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if self.err_matches(&e, self.types.type_error) => {
                self.discard_err(e);
                let tn = self.type_name_of(container);
                return Err(self.type_error(format!("argument of type '{tn}' is not iterable")));
            }
            Err(e) => return Err(e),
        };
        let r = (|| loop {
            match self.iter_next(it)? {
                None => return Ok(false),
                Some(x) => {
                    let eq = self.eq_bool(x, item);
                    self.decref_temp(x);
                    if eq? {
                        return Ok(true);
                    }
                }
            }
        })();
        self.decref_temp(it);
        r
    }

    /// Collects any iterable into a Vec of new references.
    pub fn collect_iterable(&mut self, o: ObjRef) -> PyResult<Vec<ObjRef>> {
        if let Some(items) = match self.heap.payload(o) {
            Payload::List(l) => Some(l.clone()),
            Payload::Tuple(t) => Some(t.to_vec()),
            _ => None,
        } {
            for &i in &items {
                self.incref(i, Holder::Temp);
            }
            return Ok(items);
        }
        let it = self.get_iter(o)?;
        let mut out = Vec::new();
        loop {
            match self.iter_next(it) {
                Ok(Some(x)) => out.push(x),
                Ok(None) => break,
                Err(e) => {
                    self.decref_temp(it);
                    for x in out {
                        self.decref_temp(x);
                    }
                    return Err(e);
                }
            }
        }
        self.decref_temp(it);
        Ok(out)
    }

    /// `tuple(iterable)` (returns `o` itself for an exact tuple).
    pub fn tuple_from_iterable(&mut self, o: ObjRef) -> PyResult {
        if self.heap.type_of(o) == self.types.tuple {
            return Ok(self.new_ref(o));
        }
        let items = self.collect_iterable(o)?;
        Ok(self.new_tuple(items))
    }

    /// Releases a Vec of owned temporaries.
    pub fn decref_all(&mut self, items: Vec<ObjRef>) {
        for i in items {
            self.decref_temp(i);
        }
    }
}
