//! Subscripts: `o[k]`, `o[k] = v`, `del o[k]` for sequences (negative
//! indices, slices incl. extended slices and slice assignment), mappings and
//! objects with `__getitem__`/`__setitem__`/`__delitem__`, with CPython's messages.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::slice as sl;

/// A resolved slice: start, step and number of items.
#[derive(Debug, Clone, Copy)]
pub struct SliceSpan {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceSpan {
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

impl Vm {
    /// Resolves a slice object against a sequence length.
    pub fn slice_span(&mut self, slice: ObjRef, len: usize) -> PyResult<SliceSpan> {
        let Payload::Slice { start, stop, step } = self.heap.payload(slice) else {
            return Err(self.type_error("expected a slice"));
        };
        let (start, stop, step) = (*start, *stop, *step);
        let a = self.slice_bound(start)?;
        let b = self.slice_bound(stop)?;
        let c = self.slice_bound(step)?;
        match sl::slice_indices(len, a.as_ref(), b.as_ref(), c.as_ref()) {
            Ok((start, stop, step, n)) => Ok(SliceSpan {
                start,
                stop,
                step,
                len: n,
            }),
            Err(e) => Err(self.exc_from_spec(e)),
        }
    }

    fn slice_bound(&mut self, o: ObjRef) -> PyResult<Option<num_bigint::BigInt>> {
        if o == self.types.none {
            return Ok(None);
        }
        if let Some(b) = self.bigint_value(o) {
            return Ok(Some(b));
        }
        if self
            .lookup_type_attr(self.heap.type_of(o), "__index__")
            .is_some()
        {
            let v = self.index_value(o)?;
            return Ok(Some(v.into()));
        }
        Err(self.type_error("slice indices must be integers or None or have an __index__ method"))
    }

    /// Normalises a sequence index (negative from the end); None when out of range.
    pub fn seq_index(&mut self, key: ObjRef, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match self.heap.payload(key) {
            Payload::Int(PyInt::Small(i)) => *i,
            Payload::Bool(b) => i64::from(*b),
            Payload::Int(PyInt::Big(_)) => {
                return Err(self.index_error("cannot fit 'int' into an index-sized integer"));
            }
            _ => {
                if self
                    .lookup_type_attr(self.heap.type_of(key), "__index__")
                    .is_some()
                {
                    self.index_value(key)?
                } else {
                    let tn = self.type_name_of(key);
                    return Err(self.type_error(if what == "string" {
                        format!("string indices must be integers, not '{tn}'")
                    } else {
                        format!("{what} indices must be integers or slices, not {tn}")
                    }));
                }
            }
        };
        let i = if i < 0 { i + len as i64 } else { i };
        Ok(if i < 0 || i >= len as i64 {
            None
        } else {
            Some(i as usize)
        })
    }

    /// `o[key]`.
    pub fn getitem(&mut self, o: ObjRef, key: ObjRef) -> PyResult {
        // Fast path: list[int].
        if let (Payload::List(l), Payload::Int(PyInt::Small(i))) =
            (self.heap.payload(o), self.heap.payload(key))
        {
            let n = l.len() as i64;
            let j = if *i < 0 { *i + n } else { *i };
            if j >= 0 && j < n {
                let x = l[j as usize];
                return Ok(self.new_ref(x));
            }
        }
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__getitem__") {
            return self.call_method(o, "__getitem__", &[key]);
        }
        self.getitem_native(o, key)
    }

    /// `o[key]` by the builtin layout of `o` (no Python override lookup).
    pub fn getitem_native(&mut self, o: ObjRef, key: ObjRef) -> PyResult {
        let ty = self.heap.type_of(o);
        let is_slice = matches!(self.heap.payload(key), Payload::Slice { .. });
        match self.heap.payload(o) {
            Payload::List(l) => {
                let len = l.len();
                if is_slice {
                    let span = self.slice_span(key, len)?;
                    let items: Vec<ObjRef> = match self.heap.payload(o) {
                        Payload::List(l) => span.positions().map(|p| l[p]).collect(),
                        _ => Vec::new(),
                    };
                    for &i in &items {
                        self.incref(i, Holder::Temp);
                    }
                    return Ok(self.new_list(items));
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        let x = match self.heap.payload(o) {
                            Payload::List(l) => l[i],
                            _ => return Err(self.index_error("list index out of range")),
                        };
                        Ok(self.new_ref(x))
                    }
                    None => Err(self.index_error("list index out of range")),
                }
            }
            Payload::Tuple(t) => {
                let len = t.len();
                if is_slice {
                    let span = self.slice_span(key, len)?;
                    if span.start == 0
                        && span.step == 1
                        && span.len == len
                        && ty == self.types.tuple
                    {
                        return Ok(self.new_ref(o));
                    }
                    let items: Vec<ObjRef> = match self.heap.payload(o) {
                        Payload::Tuple(t) => span.positions().map(|p| t[p]).collect(),
                        _ => Vec::new(),
                    };
                    return Ok(self.new_tuple_from(&items));
                }
                match self.seq_index(key, len, "tuple")? {
                    Some(i) => {
                        let x = match self.heap.payload(o) {
                            Payload::Tuple(t) => t[i],
                            _ => return Err(self.index_error("tuple index out of range")),
                        };
                        Ok(self.new_ref(x))
                    }
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            Payload::Str(s) => {
                let text = s.text.clone();
                let len = s.char_len;
                let ascii = text.len() == len;
                if is_slice {
                    let span = self.slice_span(key, len)?;
                    if span.start == 0 && span.step == 1 && span.len == len && ty == self.types.str
                    {
                        return Ok(self.new_ref(o));
                    }
                    let out: String = if ascii {
                        span.positions()
                            .map(|p| text.as_bytes()[p] as char)
                            .collect()
                    } else {
                        let chars: Vec<char> = text.chars().collect();
                        span.positions().map(|p| chars[p]).collect()
                    };
                    return Ok(self.new_string(out));
                }
                match self.seq_index(key, len, "string")? {
                    Some(i) => {
                        let c = if ascii {
                            text.as_bytes()[i] as char
                        } else {
                            text.chars().nth(i).unwrap_or('\0')
                        };
                        Ok(self.new_str(c.encode_utf8(&mut [0; 4])))
                    }
                    None => Err(self.index_error("string index out of range")),
                }
            }
            Payload::ByteArray(_) => super::bytearray::bytearray_getitem(self, o, key),
            Payload::Bytes(b) => {
                let b = b.clone();
                if is_slice {
                    let span = self.slice_span(key, b.len())?;
                    let out: Vec<u8> = span.positions().map(|p| b[p]).collect();
                    return Ok(self.new_bytes(&out));
                }
                match self.seq_index(key, b.len(), "byte")? {
                    Some(i) => Ok(self.new_int(i64::from(b[i]))),
                    None => Err(self.index_error("index out of range")),
                }
            }
            Payload::Dict(_) => match self.dict_get(o, key)? {
                Some(v) => Ok(self.new_ref(v)),
                None => {
                    if self.is_heap_type(ty) && self.lookup_type_attr(ty, "__missing__").is_some() {
                        return self.call_method(o, "__missing__", &[key]);
                    }
                    Err(self.key_error(key))
                }
            },
            Payload::Range { .. } => super::range::range_getitem(self, o, key),
            Payload::Type(_) => {
                if let Some(cg) = self.lookup_type_attr(o, "__class_getitem__") {
                    self.incref(cg, Holder::Temp);
                    let b = self.descr_get(cg, None, o);
                    self.decref_temp(cg);
                    let b = b?;
                    let r = self.call(b, &[key], None);
                    self.decref_temp(b);
                    return r;
                }
                let tn = self.type_name(o);
                Err(self.type_error(format!("type '{tn}' is not subscriptable")))
            }
            _ => {
                if let Some(r) = self.with_proxy_operands(o, key, |vm, x, k| vm.getitem(x, k)) {
                    return r;
                }
                if self.lookup_type_attr(ty, "__getitem__").is_some() {
                    return self.call_method(o, "__getitem__", &[key]);
                }
                let tn = self.type_name(ty);
                Err(self.type_error(format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    /// `o[key] = value`.
    pub fn setitem(&mut self, o: ObjRef, key: ObjRef, value: ObjRef) -> PyResult<()> {
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__setitem__") {
            let r = self.call_method(o, "__setitem__", &[key, value])?;
            self.decref_temp(r);
            return Ok(());
        }
        self.setitem_native(o, key, value)
    }

    /// `o[key] = value` by the builtin layout of `o`.
    pub fn setitem_native(&mut self, o: ObjRef, key: ObjRef, value: ObjRef) -> PyResult<()> {
        let ty = self.heap.type_of(o);
        match self.heap.payload(o) {
            Payload::List(l) => {
                let len = l.len();
                if matches!(self.heap.payload(key), Payload::Slice { .. }) {
                    return super::list::list_set_slice(self, o, key, Some(value));
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        self.incref(value, Holder::Item(o));
                        let old = match self.heap.payload_mut(o) {
                            Payload::List(l) => std::mem::replace(&mut l[i], value),
                            _ => value,
                        };
                        self.decref(old, Holder::Item(o));
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Payload::Dict(_) => self.dict_set(o, key, value),
            Payload::ByteArray(_) => super::bytearray::bytearray_setitem(self, o, key, Some(value)),
            _ => {
                if let Some(r) = self.with_proxy_referent(o, |vm, x| vm.setitem(x, key, value)) {
                    return r;
                }
                if self.lookup_type_attr(ty, "__setitem__").is_some() {
                    let r = self.call_method(o, "__setitem__", &[key, value])?;
                    self.decref_temp(r);
                    return Ok(());
                }
                let tn = self.type_name(ty);
                Err(self.type_error(format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    /// `del o[key]`.
    pub fn delitem(&mut self, o: ObjRef, key: ObjRef) -> PyResult<()> {
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__delitem__") {
            let r = self.call_method(o, "__delitem__", &[key])?;
            self.decref_temp(r);
            return Ok(());
        }
        self.delitem_native(o, key)
    }

    /// `del o[key]` by the builtin layout of `o`.
    pub fn delitem_native(&mut self, o: ObjRef, key: ObjRef) -> PyResult<()> {
        let ty = self.heap.type_of(o);
        match self.heap.payload(o) {
            Payload::List(l) => {
                let len = l.len();
                if matches!(self.heap.payload(key), Payload::Slice { .. }) {
                    return super::list::list_set_slice(self, o, key, None);
                }
                match self.seq_index(key, len, "list")? {
                    Some(i) => {
                        let old = match self.heap.payload_mut(o) {
                            Payload::List(l) => l.remove(i),
                            _ => return Ok(()),
                        };
                        self.decref(old, Holder::Item(o));
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Payload::ByteArray(_) => super::bytearray::bytearray_setitem(self, o, key, None),
            Payload::Dict(_) => {
                if self.dict_del(o, key)? {
                    Ok(())
                } else {
                    Err(self.key_error(key))
                }
            }
            _ => {
                if let Some(r) = self.with_proxy_referent(o, |vm, x| vm.delitem(x, key)) {
                    return r;
                }
                if self.lookup_type_attr(ty, "__delitem__").is_some() {
                    let r = self.call_method(o, "__delitem__", &[key])?;
                    self.decref_temp(r);
                    return Ok(());
                }
                let tn = self.type_name(ty);
                Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    /// A new slice object (borrowed bounds).
    pub fn new_slice(&mut self, start: ObjRef, stop: ObjRef, step: ObjRef) -> ObjRef {
        self.incref(start, Holder::Temp);
        self.incref(stop, Holder::Temp);
        self.incref(step, Holder::Temp);
        let ty = self.types.slice;
        self.alloc(ty, Payload::Slice { start, stop, step })
    }
}
