//! Iteration: `iter()` (`__iter__`, builtin container iterators, the old
//! `__getitem__` protocol), `next()` returning `Ok(None)` at exhaustion
//! without creating a StopIteration for builtin iterators, and the iterator
//! types (list/tuple/str/range/dict/set iterators, enumerate, zip, map,
//! filter, reversed).

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{DictViewKind, NativeDef, Payload};
use crate::runtime::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// `iter(o)`: a new reference to an iterator.
    pub fn get_iter(&mut self, o: ObjRef) -> PyResult {
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__iter__") {
            let it = self.call_method(o, "__iter__", &[])?;
            let ity = self.heap.type_of(it);
            if self.lookup_type_attr(ity, "__next__").is_none() && !self.is_builtin_iterator(it) {
                let tn = self.type_name(ity);
                self.decref_temp(it);
                return Err(self.type_error(format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(it);
        }
        self.iter_native(o)
    }

    /// `iter(o)` by the builtin layout of `o`.
    pub fn iter_native(&mut self, o: ObjRef) -> PyResult {
        let ty = self.heap.type_of(o);
        let t = &self.types;
        let (ity, payload) = match self.heap.payload(o) {
            Payload::List(_) => (
                t.list_iterator,
                Payload::SeqIter {
                    seq: Some(o),
                    index: 0,
                },
            ),
            Payload::Tuple(_) => (
                t.tuple_iterator,
                Payload::SeqIter {
                    seq: Some(o),
                    index: 0,
                },
            ),
            Payload::Str(_) => (
                t.str_iterator,
                Payload::SeqIter {
                    seq: Some(o),
                    index: 0,
                },
            ),
            Payload::Bytes(_) => (
                t.bytes_iterator,
                Payload::SeqIter {
                    seq: Some(o),
                    index: 0,
                },
            ),
            Payload::ByteArray(_) => (
                t.bytearray_iterator,
                Payload::SeqIter {
                    seq: Some(o),
                    index: 0,
                },
            ),
            Payload::Dict(d) => (
                t.dict_keyiterator,
                Payload::DictIter {
                    dict: Some(o),
                    index: 0,
                    kind: DictViewKind::Keys,
                    version: d.version,
                    len: d.map.len(),
                    result: None,
                },
            ),
            Payload::DictView { dict, kind } => {
                let (dict, kind) = (*dict, *kind);
                let (version, len) = match self.heap.payload(dict) {
                    Payload::Dict(d) => (d.version, d.map.len()),
                    _ => (0, 0),
                };
                let t = &self.types;
                let ity = match kind {
                    DictViewKind::Keys => t.dict_keyiterator,
                    DictViewKind::Values => t.dict_valueiterator,
                    DictViewKind::Items => t.dict_itemiterator,
                };
                self.incref(dict, Holder::Temp);
                let it = self.alloc(
                    ity,
                    Payload::DictIter {
                        dict: Some(dict),
                        index: 0,
                        kind,
                        version,
                        len,
                        result: None,
                    },
                );
                if kind == DictViewKind::Items {
                    let r = self.new_result_tuple(2);
                    if let Payload::DictIter { result, .. } = self.heap.payload_mut(it) {
                        *result = Some(r);
                    }
                }
                return Ok(it);
            }
            Payload::Set(s) => (
                t.set_iterator,
                Payload::SetIter {
                    set: Some(o),
                    index: 0,
                    len: s.table.len(),
                },
            ),
            Payload::Range { .. } => return super::range::range_iter(self, o),
            _ => {
                if let Some(r) = self.with_proxy_referent(o, |vm, x| vm.get_iter(x)) {
                    return r;
                }
                if self.is_builtin_iterator(o)
                    || self.lookup_type_attr(ty, "__next__").is_some()
                        && self.lookup_type_attr(ty, "__iter__").is_some()
                {
                    if let Some(f) = self.lookup_type_attr(ty, "__iter__")
                        && !self.is_native_callable(f)
                    {
                        return self.call_method(o, "__iter__", &[]);
                    }
                    return Ok(self.new_ref(o));
                }
                if self.lookup_type_attr(ty, "__getitem__").is_some() {
                    self.incref(o, Holder::Temp);
                    let ity = self.types.iterator;
                    return Ok(self.alloc(
                        ity,
                        Payload::CallIter {
                            seq: Some(o),
                            index: 0,
                        },
                    ));
                }
                let tn = self.type_name(ty);
                return Err(self.type_error(format!("'{tn}' object is not iterable")));
            }
        };
        self.incref(o, Holder::Temp);
        Ok(self.alloc(ity, payload))
    }

    fn is_builtin_iterator(&self, o: ObjRef) -> bool {
        matches!(
            self.heap.payload(o),
            Payload::SeqIter { .. }
                | Payload::SetIter { .. }
                | Payload::RangeIter { .. }
                | Payload::DictIter { .. }
                | Payload::Enumerate { .. }
                | Payload::Zip { .. }
                | Payload::Map { .. }
                | Payload::Filter { .. }
                | Payload::Reversed { .. }
                | Payload::CallIter { .. }
                | Payload::CallableIter { .. }
                | Payload::Generator(_)
        )
    }

    /// `next(it)`: Ok(None) when exhausted.
    pub fn iter_next(&mut self, it: ObjRef) -> PyResult<Option<ObjRef>> {
        match self.heap.payload_mut(it) {
            Payload::SeqIter {
                seq: Some(seq),
                index,
            } => {
                let (seq, i) = (*seq, *index);
                enum Next {
                    Obj(ObjRef),
                    Char(char),
                    Byte(u8),
                    End,
                }
                let next = match self.heap.payload(seq) {
                    Payload::List(l) => l.get(i).copied().map_or(Next::End, Next::Obj),
                    Payload::Tuple(t) => t.get(i).copied().map_or(Next::End, Next::Obj),
                    Payload::Str(s) => s
                        .text
                        .get(i..)
                        .and_then(|t| t.chars().next())
                        .map_or(Next::End, Next::Char),
                    Payload::Bytes(b) => b.get(i).map_or(Next::End, |&v| Next::Byte(v)),
                    Payload::ByteArray(b) => b.data.get(i).map_or(Next::End, |&v| Next::Byte(v)),
                    _ => Next::End,
                };
                let (r, step) = match next {
                    Next::Obj(x) => (self.new_ref(x), 1),
                    Next::Char(c) => (self.new_str(c.encode_utf8(&mut [0; 4])), c.len_utf8()),
                    Next::Byte(v) => (self.new_int(i64::from(v)), 1),
                    Next::End => {
                        if let Payload::SeqIter { seq, .. } = self.heap.payload_mut(it) {
                            *seq = None;
                        }
                        self.decref(seq, Holder::Field(it, "it_seq"));
                        return Ok(None);
                    }
                };
                if let Payload::SeqIter { index, .. } = self.heap.payload_mut(it) {
                    *index += step;
                }
                Ok(Some(r))
            }
            Payload::SeqIter { seq: None, .. }
            | Payload::DictIter { dict: None, .. }
            | Payload::SetIter { set: None, .. }
            | Payload::Reversed { seq: None, .. }
            | Payload::CallIter { seq: None, .. }
            | Payload::CallableIter { func: None, .. } => Ok(None),
            Payload::CallableIter {
                func: Some(func),
                sentinel: Some(sentinel),
            } => {
                let (func, sentinel) = (*func, *sentinel);
                self.callable_iter_next(it, func, sentinel)
            }
            Payload::RangeIter { next, stop, step } => {
                let v = *next;
                if (*step > 0 && v < *stop) || (*step < 0 && v > *stop) {
                    *next = v.saturating_add(*step);
                    if (*step > 0 && *next < v) || (*step < 0 && *next > v) {
                        *next = *stop;
                    }
                    Ok(Some(self.new_int(v)))
                } else {
                    Ok(None)
                }
            }
            Payload::DictIter { .. } => self.dict_iter_next(it),
            Payload::SetIter { .. } => self.set_iter_next(it),
            Payload::Enumerate {
                iter,
                count,
                result,
            } => {
                let (iter, count, result) = (*iter, *count, *result);
                let Some(x) = self.iter_next(iter)? else {
                    return Ok(None);
                };
                let one = self.new_int(1);
                let next = self.binary_op(count, one, crate::ast::Operator::Add, false);
                self.decref_temp(one);
                let next = match next {
                    Ok(n) => n,
                    Err(e) => {
                        self.decref_temp(x);
                        return Err(e);
                    }
                };
                if let Payload::Enumerate { count: c, .. } = self.heap.payload_mut(it) {
                    *c = next;
                }
                self.report_mutated(it);
                // The old count moves into the result tuple.
                Ok(Some(self.reuse_result_tuple(Some(result), vec![count, x])))
            }
            Payload::Zip {
                iters,
                strict,
                result,
            } => {
                let (iters, strict, result) = (iters.to_vec(), *strict, *result);
                let mut out = Vec::with_capacity(iters.len());
                for (n, &i) in iters.iter().enumerate() {
                    match self.iter_next(i) {
                        Ok(Some(x)) => out.push(x),
                        Ok(None) => {
                            self.decref_all(out);
                            if strict {
                                return self.zip_strict_check(&iters, n);
                            }
                            return Ok(None);
                        }
                        Err(e) => {
                            self.decref_all(out);
                            return Err(e);
                        }
                    }
                }
                if out.is_empty() {
                    return Ok(None);
                }
                Ok(Some(self.reuse_result_tuple(Some(result), out)))
            }
            Payload::Map { func, iters } => {
                let (func, iters) = (*func, iters.to_vec());
                let mut args = Vec::with_capacity(iters.len());
                for i in iters {
                    match self.iter_next(i) {
                        Ok(Some(x)) => args.push(x),
                        Ok(None) => {
                            self.decref_all(args);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.decref_all(args);
                            return Err(e);
                        }
                    }
                }
                let r = self.call(func, &args, None);
                self.decref_all(args);
                r.map(Some)
            }
            Payload::Filter { func, iter } => {
                let (func, iter) = (*func, *iter);
                loop {
                    let Some(x) = self.iter_next(iter)? else {
                        return Ok(None);
                    };
                    let keep = if func == self.types.none || func == self.types.bool {
                        self.is_true(x)
                    } else {
                        match self.call(func, &[x], None) {
                            Ok(r) => {
                                let t = self.is_true(r);
                                self.decref_temp(r);
                                t
                            }
                            Err(e) => Err(e),
                        }
                    };
                    match keep {
                        Ok(true) => return Ok(Some(x)),
                        Ok(false) => self.decref_temp(x),
                        Err(e) => {
                            self.decref_temp(x);
                            return Err(e);
                        }
                    }
                }
            }
            Payload::Reversed {
                seq: Some(seq),
                index,
            } => {
                let (seq, i) = (*seq, *index);
                if i >= 0 {
                    let x = match self.heap.payload(seq) {
                        Payload::List(l) => l.get(i as usize).copied(),
                        Payload::Tuple(t) => t.get(i as usize).copied(),
                        _ => None,
                    };
                    let x = match x {
                        Some(x) => Some(self.new_ref(x)),
                        None if !matches!(
                            self.heap.payload(seq),
                            Payload::List(_) | Payload::Tuple(_)
                        ) =>
                        {
                            let idx = self.new_int(i as i64);
                            let r = self.getitem(seq, idx);
                            self.decref_temp(idx);
                            Some(r?)
                        }
                        None => None,
                    };
                    if let Some(x) = x {
                        if let Payload::Reversed { index, .. } = self.heap.payload_mut(it) {
                            *index -= 1;
                        }
                        return Ok(Some(x));
                    }
                }
                if let Payload::Reversed { seq: s, index } = self.heap.payload_mut(it) {
                    *s = None;
                    *index = -1;
                }
                self.decref(seq, Holder::Field(it, "it_seq"));
                Ok(None)
            }
            Payload::CallIter {
                seq: Some(seq),
                index,
            } => {
                let (seq, i) = (*seq, *index);
                let idx = self.new_int(i as i64);
                let r = self.getitem(seq, idx);
                self.decref_temp(idx);
                match r {
                    Ok(x) => {
                        if let Payload::CallIter { index, .. } = self.heap.payload_mut(it) {
                            *index += 1;
                        }
                        Ok(Some(x))
                    }
                    Err(e)
                        if self.err_matches(&e, self.types.index_error)
                            || self.err_matches(&e, self.types.stop_iteration) =>
                    {
                        self.discard_err(e);
                        if let Payload::CallIter { seq: s, .. } = self.heap.payload_mut(it) {
                            *s = None;
                        }
                        self.decref(seq, Holder::Field(it, "it_seq"));
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            _ => self.call_next_method(it),
        }
    }

    /// `zip(strict=True)` after iterator `n` ran out: an error unless every
    /// iterator ends together (CPython's messages).
    fn zip_strict_check(&mut self, iters: &[ObjRef], n: usize) -> PyResult<Option<ObjRef>> {
        let plural = |i: usize| {
            if i == 1 {
                " ".to_string()
            } else {
                "s 1-".to_string()
            }
        };
        if n > 0 {
            return Err(self.value_error(format!(
                "zip() argument {} is shorter than argument{}{n}",
                n + 1,
                plural(n)
            )));
        }
        for (i, &it) in iters.iter().enumerate().skip(1) {
            if let Some(x) = self.iter_next(it)? {
                self.decref_temp(x);
                return Err(self.value_error(format!(
                    "zip() argument {} is longer than argument{}{i}",
                    i + 1,
                    plural(i)
                )));
            }
        }
        Ok(None)
    }

    /// `iter(callable, sentinel)`: a new iterator (borrowed arguments).
    pub fn new_callable_iter(&mut self, func: ObjRef, sentinel: ObjRef) -> ObjRef {
        self.incref(func, Holder::Temp);
        self.incref(sentinel, Holder::Temp);
        let ty = self.types.callable_iterator;
        self.alloc(
            ty,
            Payload::CallableIter {
                func: Some(func),
                sentinel: Some(sentinel),
            },
        )
    }

    /// `calliter_iternext`: the call's result, or exhaustion (releasing the
    /// callable and sentinel) when it equals the sentinel or raises StopIteration.
    fn callable_iter_next(
        &mut self,
        it: ObjRef,
        func: ObjRef,
        sentinel: ObjRef,
    ) -> PyResult<Option<ObjRef>> {
        let r = match self.call(func, &[], None) {
            Ok(r) => r,
            Err(e) if self.err_matches(&e, self.types.stop_iteration) => {
                self.discard_err(e);
                self.exhaust_callable_iter(it);
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        match self.eq_bool(r, sentinel) {
            Ok(false) => Ok(Some(r)),
            Ok(true) => {
                self.decref_temp(r);
                self.exhaust_callable_iter(it);
                Ok(None)
            }
            Err(e) => {
                self.decref_temp(r);
                Err(e)
            }
        }
    }

    fn exhaust_callable_iter(&mut self, it: ObjRef) {
        let (f, s) = match self.heap.payload_mut(it) {
            Payload::CallableIter { func, sentinel } => (func.take(), sentinel.take()),
            _ => return,
        };
        if let Some(f) = f {
            self.decref(f, Holder::Field(it, "it_callable"));
        }
        if let Some(s) = s {
            self.decref(s, Holder::Field(it, "it_sentinel"));
        }
    }

    /// `it.__next__()` for Python iterators and generators; StopIteration → None.
    fn call_next_method(&mut self, it: ObjRef) -> PyResult<Option<ObjRef>> {
        let ty = self.heap.type_of(it);
        if self.lookup_type_attr(ty, "__next__").is_none() {
            let tn = self.type_name(ty);
            return Err(self.type_error(format!("'{tn}' object is not an iterator")));
        }
        match self.call_method(it, "__next__", &[]) {
            Ok(x) => Ok(Some(x)),
            Err(e) if self.err_matches(&e, self.types.stop_iteration) => {
                self.discard_err(e);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn dict_iter_next(&mut self, it: ObjRef) -> PyResult<Option<ObjRef>> {
        let Payload::DictIter {
            dict: Some(dict),
            index,
            kind,
            len,
            result,
            ..
        } = self.heap.payload(it)
        else {
            return Ok(None);
        };
        let (dict, i, kind, len, result) = (*dict, *index, *kind, *len, *result);
        let cur_len = self.dict_len(dict);
        if cur_len != len {
            if let Payload::DictIter { len: l, .. } = self.heap.payload_mut(it) {
                *l = usize::MAX;
            }
            return Err(self.runtime_error("dictionary changed size during iteration"));
        }
        let Some(pos) = self.dict_next_position(dict, i) else {
            if let Payload::DictIter { dict: d, .. } = self.heap.payload_mut(it) {
                *d = None;
            }
            self.decref(dict, Holder::Field(it, "di_dict"));
            return Ok(None);
        };
        let (k, v) = self.dict_entry(dict, pos);
        if let Payload::DictIter { index, .. } = self.heap.payload_mut(it) {
            *index = pos + 1;
        }
        Ok(Some(match kind {
            DictViewKind::Keys => self.new_ref(k),
            DictViewKind::Values => self.new_ref(v),
            DictViewKind::Items => {
                let k = self.new_ref(k);
                let v = self.new_ref(v);
                self.reuse_result_tuple(result, vec![k, v])
            }
        }))
    }

    fn set_iter_next(&mut self, it: ObjRef) -> PyResult<Option<ObjRef>> {
        let Payload::SetIter {
            set: Some(set),
            index,
            len,
        } = self.heap.payload(it)
        else {
            return Ok(None);
        };
        let (set, i, len) = (*set, *index, *len);
        let members = match self.heap.payload(set) {
            Payload::Set(s) => s.table.len(),
            _ => 0,
        };
        if members != len {
            if let Payload::SetIter { len: l, .. } = self.heap.payload_mut(it) {
                *l = usize::MAX;
            }
            return Err(self.runtime_error("Set changed size during iteration"));
        }
        let x = match self.heap.payload(set) {
            Payload::Set(s) => s.table.entry_at(i),
            _ => None,
        };
        match x {
            Some((slot, x)) => {
                if let Payload::SetIter { index, .. } = self.heap.payload_mut(it) {
                    *index = slot + 1;
                }
                Ok(Some(self.new_ref(x)))
            }
            None => {
                if let Payload::SetIter { set: s, .. } = self.heap.payload_mut(it) {
                    *s = None;
                }
                self.decref(set, Holder::Field(it, "si_set"));
                Ok(None)
            }
        }
    }

    /// `next(it)` raising StopIteration at the end (for `__next__` methods).
    pub fn next_or_stop(&mut self, it: ObjRef) -> PyResult {
        match self.iter_next(it)? {
            Some(x) => Ok(x),
            None => Err(self.stop_iteration(None)),
        }
    }
}

fn iter_self(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.new_ref(args[0]))
}

fn iter_next_native(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.next_or_stop(args[0])
}

fn enumerate_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args("enumerate", &args[2..], kwnames, &["iterable", "start"], 1)?;
    let it = vm.get_iter(a[0].unwrap_or(vm.types.none))?;
    let count = match a[1] {
        Some(s) => {
            if vm.bigint_value(s).is_none() {
                let tn = vm.type_name_of(s);
                vm.decref_temp(it);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
            vm.new_ref(s)
        }
        None => vm.new_int(0),
    };
    let ty = args[1];
    let none = vm.new_ref(vm.types.none);
    let en = vm.alloc(
        ty,
        Payload::Enumerate {
            iter: it,
            count,
            result: none,
        },
    );
    // enum_new: the cached result is made after the enumerate object.
    let r = vm.new_result_tuple(2);
    if let Payload::Enumerate { result, .. } = vm.heap.payload_mut(en) {
        *result = r;
    }
    vm.decref(none, Holder::Field(en, "en_result"));
    Ok(en)
}

fn zip_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let (pos, kw) = super::native::split_kwargs(&args[2..], kwnames);
    let mut strict = false;
    for (name, v) in kw {
        if &*name != "strict" {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{name}'")));
        }
        strict = vm.is_true(v)?;
    }
    let mut iters = Vec::with_capacity(pos.len());
    for &p in pos {
        match vm.get_iter(p) {
            Ok(i) => iters.push(i),
            Err(e) => {
                vm.decref_all(iters);
                let e = zip_arg_error(vm, e, "zip", iters_len_hint(pos, p));
                return Err(e);
            }
        }
    }
    let ty = args[1];
    // zip_new: the cached result tuple is made before the zip object.
    let result = vm.new_result_tuple(iters.len());
    Ok(vm.alloc(
        ty,
        Payload::Zip {
            iters: iters.into_boxed_slice(),
            strict,
            result,
        },
    ))
}

fn iters_len_hint(pos: &[ObjRef], p: ObjRef) -> usize {
    pos.iter().position(|&x| x == p).unwrap_or(0) + 1
}

fn zip_arg_error(vm: &mut Vm, e: PyErr, _name: &str, _n: usize) -> PyErr {
    let _ = vm;
    e
}

fn map_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("map", kwnames)?;
    let rest = &args[2..];
    if rest.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(rest.len() - 1);
    for &p in &rest[1..] {
        match vm.get_iter(p) {
            Ok(i) => iters.push(i),
            Err(e) => {
                vm.decref_all(iters);
                return Err(e);
            }
        }
    }
    let func = vm.new_ref(rest[0]);
    let ty = args[1];
    Ok(vm.alloc(
        ty,
        Payload::Map {
            func,
            iters: iters.into_boxed_slice(),
        },
    ))
}

fn filter_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("filter", kwnames)?;
    let rest = &args[2..];
    if rest.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", rest.len())));
    }
    let it = vm.get_iter(rest[1])?;
    let func = vm.new_ref(rest[0]);
    let ty = args[1];
    Ok(vm.alloc(ty, Payload::Filter { func, iter: it }))
}

fn reversed_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("reversed", kwnames)?;
    vm.check_nargs("reversed", args.len() - 2, 1, 1)?;
    let seq = args[2];
    let sty = vm.heap.type_of(seq);
    if vm.is_heap_type(sty) && vm.has_python_override(sty, "__reversed__") {
        return vm.call_method(seq, "__reversed__", &[]);
    }
    match vm.heap.payload(seq) {
        Payload::Range { .. } => return super::range::range_reversed(vm, seq),
        Payload::Dict(_) | Payload::DictView { .. } => {
            let items = super::dict::reversed_items(vm, seq)?;
            let l = vm.new_list(items);
            let it = vm.get_iter(l);
            vm.decref_temp(l);
            return it;
        }
        _ => {}
    }
    let n = match vm.heap.payload(seq) {
        Payload::List(l) => l.len(),
        Payload::Tuple(t) => t.len(),
        Payload::Str(_) => {
            let chars: Vec<ObjRef> = {
                let s = vm.str_value(seq).unwrap_or("").to_string();
                s.chars()
                    .rev()
                    .map(|c| vm.new_str(c.encode_utf8(&mut [0; 4])))
                    .collect()
            };
            let t = vm.new_list(chars);
            let it = vm.get_iter(t);
            vm.decref_temp(t);
            return it;
        }
        _ => {
            if vm.lookup_type_attr(sty, "__len__").is_none()
                || vm.lookup_type_attr(sty, "__getitem__").is_none()
            {
                let tn = vm.type_name(sty);
                return Err(vm.type_error(format!("'{tn}' object is not reversible")));
            }
            vm.len(seq)?
        }
    };
    let ty = if matches!(vm.heap.payload(seq), Payload::List(_)) {
        vm.types.list_reverseiterator
    } else {
        vm.types.reversed
    };
    vm.incref(seq, Holder::Temp);
    Ok(vm.alloc(
        ty,
        Payload::Reversed {
            seq: Some(seq),
            index: n as isize - 1,
        },
    ))
}

static ITER_METHODS: &[NativeDef] = &[
    native!("__iter__", iter_self),
    native!("__next__", iter_next_native),
];
static ENUMERATE_NEW: NativeDef = native!("__new__", enumerate_new);
static ZIP_NEW: NativeDef = native!("__new__", zip_new);
static MAP_NEW: NativeDef = native!("__new__", map_new);
static FILTER_NEW: NativeDef = native!("__new__", filter_new);
static REVERSED_NEW: NativeDef = native!("__new__", reversed_new);

pub(super) fn install(vm: &mut Vm) {
    let t = &vm.types;
    let iter_types = [
        t.list_iterator,
        t.list_reverseiterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
        t.callable_iterator,
        t.iterator,
    ];
    let (e, z, m, f, r) = (t.enumerate, t.zip, t.map, t.filter, t.reversed);
    for ty in iter_types {
        vm.add_methods(ty, ITER_METHODS);
    }
    vm.add_bound_builtin(e, &ENUMERATE_NEW);
    vm.add_bound_builtin(z, &ZIP_NEW);
    vm.add_bound_builtin(m, &MAP_NEW);
    vm.add_bound_builtin(f, &FILTER_NEW);
    vm.add_bound_builtin(r, &REVERSED_NEW);
}
