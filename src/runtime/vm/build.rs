//! Opcodes that build containers and strings or unpack sequences, with
//! CPython 3.11's ownership (items are stolen from the stack where CPython
//! steals them) and error messages.

use super::{PyErr, PyResult, Vm};
use crate::bytecode::{Instruction, Opcode};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;

impl Vm {
    /// Pops `n` values (bottom first).
    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<ObjRef> {
        let s = &mut self.frame().stack;
        let at = s.len().saturating_sub(n);
        s.split_off(at)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect()
    }

    pub(crate) fn exec_build_op(&mut self, instr: Instruction) -> PyResult<()> {
        use Opcode::*;
        let arg = instr.arg as usize;
        match instr.op {
            BUILD_TUPLE => {
                let items = self.pop_n(arg);
                let t = self.new_tuple(items);
                self.push(t);
            }
            BUILD_LIST => {
                let items = self.pop_n(arg);
                let l = self.new_list(items);
                self.push(l);
            }
            BUILD_SET => {
                let items = self.pop_n(arg);
                let set = self.new_set();
                let mut result = Ok(());
                for item in items {
                    if result.is_ok() {
                        result = self.set_add(set, item);
                    }
                    self.drop_stack(item);
                }
                match result {
                    Ok(()) => self.push(set),
                    Err(e) => {
                        self.decref(set, Holder::Temp);
                        return Err(e);
                    }
                }
            }
            BUILD_MAP => {
                let items = self.pop_n(2 * arg);
                let d = self.new_dict();
                let mut result = Ok(());
                for pair in items.chunks(2) {
                    result = self.dict_set(d, pair[0], pair[1]);
                    if result.is_err() {
                        break;
                    }
                }
                for &v in items.iter().rev() {
                    self.drop_stack(v);
                }
                match result {
                    Ok(()) => self.push(d),
                    Err(e) => {
                        self.decref(d, Holder::Temp);
                        return Err(e);
                    }
                }
            }
            BUILD_CONST_KEY_MAP => {
                let keys = self.pop();
                let values = self.pop_n(arg);
                let key_items = self.seq_items(keys).unwrap_or_default();
                let d = self.new_dict();
                let mut result = Ok(());
                for (&k, &v) in key_items.iter().zip(&values) {
                    result = self.dict_set(d, k, v);
                    if result.is_err() {
                        break;
                    }
                }
                self.drop_stack(keys);
                for &v in values.iter().rev() {
                    self.drop_stack(v);
                }
                match result {
                    Ok(()) => self.push(d),
                    Err(e) => {
                        self.decref(d, Holder::Temp);
                        return Err(e);
                    }
                }
            }
            BUILD_STRING => {
                let parts = self.pop_n(arg);
                let mut text = String::new();
                for &p in &parts {
                    if let Some(s) = self.str_value(p) {
                        text.push_str(s);
                    }
                }
                let s = self.new_string(text);
                for &p in parts.iter().rev() {
                    self.drop_stack(p);
                }
                self.push(s);
            }
            BUILD_SLICE => {
                let step = if arg == 3 { Some(self.pop()) } else { None };
                let stop = self.pop();
                let start = self.pop();
                let step_obj = step.unwrap_or(self.types.none);
                let slice_ty = self.types.slice;
                for o in [start, stop, step_obj] {
                    self.incref(o, Holder::Temp);
                }
                let s = self.alloc(
                    slice_ty,
                    Payload::Slice {
                        start,
                        stop,
                        step: step_obj,
                    },
                );
                self.drop_stack(start);
                self.drop_stack(stop);
                if let Some(st) = step {
                    self.drop_stack(st);
                }
                self.push(s);
            }
            LIST_TO_TUPLE => {
                let l = self.pop();
                let items = self.seq_items(l).unwrap_or_default();
                let t = self.new_tuple_from(&items);
                self.drop_stack(l);
                self.push(t);
            }
            LIST_APPEND => {
                let v = self.pop();
                let list = self.peek(arg - 1).unwrap_or_default();
                self.list_append_owned(list, v);
            }
            SET_ADD => {
                let v = self.pop();
                let set = self.peek(arg - 1).unwrap_or_default();
                let r = self.set_add(set, v);
                self.drop_stack(v);
                r?;
            }
            MAP_ADD => {
                let value = self.pop();
                let key = self.pop();
                let d = self.peek(arg - 1).unwrap_or_default();
                let r = self.dict_set(d, key, value);
                self.drop_stack(value);
                self.drop_stack(key);
                r?;
            }
            LIST_EXTEND => {
                let iterable = self.pop();
                let list = self.peek(arg - 1).unwrap_or_default();
                let r = self.list_extend(list, iterable);
                if let Err(e) = r {
                    let e = self.star_arg_error(e, iterable);
                    self.drop_stack(iterable);
                    return Err(e);
                }
                self.drop_stack(iterable);
            }
            SET_UPDATE => {
                let iterable = self.pop();
                let set = self.peek(arg - 1).unwrap_or_default();
                let r = self.set_update_from(set, iterable);
                self.drop_stack(iterable);
                r?;
            }
            DICT_UPDATE => {
                let update = self.pop();
                let d = self.peek(arg - 1).unwrap_or_default();
                let r = self.merge_mapping(d, update, false);
                if let Err(e) = r {
                    let e = if self.err_matches(&e, self.types.attribute_error) {
                        self.discard_err(e);
                        let n = self.type_name_of(update);
                        self.type_error(format!("'{n}' object is not a mapping"))
                    } else {
                        e
                    };
                    self.drop_stack(update);
                    return Err(e);
                }
                self.drop_stack(update);
            }
            DICT_MERGE => {
                let update = self.pop();
                let d = self.peek(arg - 1).unwrap_or_default();
                let r = self.merge_mapping(d, update, true);
                if let Err(e) = r {
                    let func = self.peek(arg + 1).unwrap_or_default();
                    let e = self.kwargs_error(e, func, update);
                    self.drop_stack(update);
                    return Err(e);
                }
                self.drop_stack(update);
            }
            UNPACK_SEQUENCE => {
                let seq = self.pop();
                let r = self.unpack(seq, arg, None);
                self.drop_stack(seq);
                let items = r?;
                for v in items.into_iter().rev() {
                    self.push(v);
                }
            }
            UNPACK_EX => {
                let seq = self.pop();
                let r = self.unpack(seq, arg & 0xff, Some(arg >> 8));
                self.drop_stack(seq);
                let items = r?;
                for v in items.into_iter().rev() {
                    self.push(v);
                }
            }
            FORMAT_VALUE => {
                let spec = if arg & 0x04 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let mut value = self.pop();
                let conv = match arg & 0x03 {
                    1 => Some(self.str_(value)),
                    2 => Some(self.repr(value)),
                    3 => Some(self.ascii(value)),
                    _ => None,
                };
                if let Some(r) = conv {
                    self.drop_stack(value);
                    match r {
                        Ok(v) => value = v,
                        Err(e) => {
                            if let Some(s) = spec {
                                self.drop_stack(s);
                            }
                            return Err(e);
                        }
                    }
                }
                let is_exact_str = self.heap.type_of(value) == self.types.str;
                if is_exact_str && spec.is_none() {
                    self.push(value);
                } else {
                    let spec_text = spec.and_then(|s| self.str_rc(s)).unwrap_or_default();
                    let r = self.format(value, &spec_text);
                    self.drop_stack(value);
                    if let Some(s) = spec {
                        self.drop_stack(s);
                    }
                    self.push(r?);
                }
            }
            _ => return Err(super::internal("not a build opcode")),
        }
        Ok(())
    }

    /// `set.update(iterable)` for SET_UPDATE.
    fn set_update_from(&mut self, set: ObjRef, iterable: ObjRef) -> PyResult<()> {
        self.set_update(set, iterable)
    }

    /// `ascii(o)`: `repr(o)` with non-ASCII characters escaped.
    pub(crate) fn ascii(&mut self, o: ObjRef) -> PyResult {
        let r = self.repr(o)?;
        let text = self.str_value(r).unwrap_or("").to_string();
        if text.is_ascii() {
            return Ok(r);
        }
        self.decref(r, Holder::Temp);
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            let n = c as u32;
            match n {
                0..=0x7f => out.push(c),
                0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
                0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
                _ => out.push_str(&format!("\\U{n:08x}")),
            }
        }
        Ok(self.new_string(out))
    }

    /// Appends, taking over `v`'s reference (`_PyList_AppendTakeRef`).
    fn list_append_owned(&mut self, list: ObjRef, v: ObjRef) {
        self.list_append(list, v);
        self.drop_stack(v);
    }

    /// `unpack_iterable`: `before` items, then (for starred targets) a list
    /// of the middle and `after` items. Returns new references, first item first.
    fn unpack(
        &mut self,
        seq: ObjRef,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<ObjRef>> {
        if after.is_none() {
            let exact = {
                let ty = self.heap.type_of(seq);
                ty == self.types.tuple || ty == self.types.list
            };
            if exact
                && let Some(items) = self.seq_items(seq)
                && items.len() == before
            {
                for &i in &items {
                    self.incref(i, Holder::Temp);
                }
                return Ok(items);
            }
        }
        let it = match self.get_iter(seq) {
            Ok(it) => it,
            Err(e) => {
                if self.err_matches(&e, self.types.type_error) && !self.is_iterable_type(seq) {
                    self.discard_err(e);
                    let n = self.type_name_of(seq);
                    return Err(self.type_error(format!("cannot unpack non-iterable {n} object")));
                }
                return Err(e);
            }
        };
        let mut out = Vec::with_capacity(before + 1);
        let result = self.unpack_from_iter(it, before, after, &mut out);
        self.decref(it, Holder::Temp);
        match result {
            Ok(()) => Ok(out),
            Err(e) => {
                for v in out.into_iter().rev() {
                    self.decref(v, Holder::Temp);
                }
                Err(e)
            }
        }
    }

    fn unpack_from_iter(
        &mut self,
        it: ObjRef,
        before: usize,
        after: Option<usize>,
        out: &mut Vec<ObjRef>,
    ) -> PyResult<()> {
        for i in 0..before {
            match self.iter_next(it)? {
                Some(v) => out.push(v),
                None => {
                    let msg = match after {
                        None => format!("not enough values to unpack (expected {before}, got {i})"),
                        Some(a) => format!(
                            "not enough values to unpack (expected at least {}, got {i})",
                            before + a
                        ),
                    };
                    return Err(self.value_error(msg));
                }
            }
        }
        let Some(after) = after else {
            if let Some(extra) = self.iter_next(it)? {
                self.decref(extra, Holder::Temp);
                return Err(
                    self.value_error(format!("too many values to unpack (expected {before})"))
                );
            }
            return Ok(());
        };
        let mut rest = Vec::new();
        while let Some(v) = self.iter_next(it)? {
            rest.push(v);
        }
        if rest.len() < after {
            let got = before + rest.len();
            let list = self.new_list(rest);
            self.decref(list, Holder::Temp);
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {got})",
                before + after
            )));
        }
        let tail = rest.split_off(rest.len() - after);
        let list = self.new_list(rest);
        out.push(list);
        out.extend(tail);
        Ok(())
    }

    /// Whether `o`'s type supports iteration (`tp_iter` or the sequence protocol).
    pub(crate) fn is_iterable_type(&self, o: ObjRef) -> bool {
        let ty = self.heap.type_of(o);
        !matches!(
            self.heap.payload(o),
            Payload::Int(_)
                | Payload::Bool(_)
                | Payload::Float(_)
                | Payload::Plain
                | Payload::Function(_)
        ) || self.lookup_type_attr(ty, "__iter__").is_some()
            || self.lookup_type_attr(ty, "__getitem__").is_some()
    }

    /// "Value after * must be an iterable, not int".
    fn star_arg_error(&mut self, e: PyErr, iterable: ObjRef) -> PyErr {
        if self.err_matches(&e, self.types.type_error) && !self.is_iterable_type(iterable) {
            self.discard_err(e);
            let n = self.type_name_of(iterable);
            return self.type_error(format!("Value after * must be an iterable, not {n}"));
        }
        e
    }

    /// `format_kwargs_error` for `f(**x)`.
    pub(crate) fn kwargs_error(&mut self, e: PyErr, func: ObjRef, kwargs: ObjRef) -> PyErr {
        if self.err_matches(&e, self.types.attribute_error) {
            self.discard_err(e);
            let f = self.function_str(func);
            let n = self.type_name_of(kwargs);
            return self.type_error(format!("{f} argument after ** must be a mapping, not {n}"));
        }
        if self.err_matches(&e, self.types.key_error)
            && let PyErr::Exception(exc) = &e
        {
            let args = self.exception_args(*exc).and_then(|a| self.seq_items(a));
            if let Some(args) = args
                && args.len() == 1
            {
                let key = args[0];
                let f = self.function_str(func);
                let k = match self.str_(key) {
                    Ok(s) => {
                        let t = self.str_value(s).unwrap_or("").to_string();
                        self.decref(s, Holder::Temp);
                        t
                    }
                    Err(e2) => {
                        self.discard_err(e2);
                        String::new()
                    }
                };
                self.discard_err(e);
                return self.type_error(format!(
                    "{f} got multiple values for keyword argument '{k}'"
                ));
            }
        }
        e
    }

    /// `_PyObject_FunctionStr`: "mod.qualname()" or "qualname()".
    pub(crate) fn function_str(&mut self, func: ObjRef) -> String {
        let qual = match self.getattr_opt(func, "__qualname__") {
            Ok(Some(q)) => q,
            Ok(None) => return self.str_lossy(func),
            Err(e) => {
                self.discard_err(e);
                return self.str_lossy(func);
            }
        };
        let qual_text = self.str_lossy(qual);
        self.decref(qual, Holder::Temp);
        let module = match self.getattr_opt(func, "__module__") {
            Ok(m) => m,
            Err(e) => {
                self.discard_err(e);
                None
            }
        };
        match module {
            Some(m) if m != self.types.none => {
                let mt = self.str_lossy(m);
                self.decref(m, Holder::Temp);
                if mt != "builtins" {
                    format!("{mt}.{qual_text}()")
                } else {
                    format!("{qual_text}()")
                }
            }
            Some(m) => {
                self.decref(m, Holder::Temp);
                format!("{qual_text}()")
            }
            None => format!("{qual_text}()"),
        }
    }

    /// `str(o)` as Rust text, never failing (errors give "").
    pub(crate) fn str_lossy(&mut self, o: ObjRef) -> String {
        if let Some(s) = self.str_value(o) {
            return s.to_string();
        }
        match self.str_(o) {
            Ok(s) => {
                let t = self.str_value(s).unwrap_or("").to_string();
                self.decref(s, Holder::Temp);
                t
            }
            Err(e) => {
                self.discard_err(e);
                String::new()
            }
        }
    }

    /// `dict.update(d, other)` (`PyDict_Update`) or, with `merge`, CPython's
    /// `_PyDict_MergeEx(d, other, 2)` which raises KeyError on a duplicate key.
    pub(crate) fn merge_mapping(&mut self, d: ObjRef, other: ObjRef, merge: bool) -> PyResult<()> {
        let pairs: Vec<(ObjRef, ObjRef)> = if matches!(self.heap.payload(other), Payload::Dict(_)) {
            let items = self.dict_items(other);
            for &(k, v) in &items {
                self.incref(k, Holder::Temp);
                self.incref(v, Holder::Temp);
            }
            items
        } else {
            let keys = self.call_method(other, "keys", &[])?;
            let it = self.get_iter(keys);
            self.decref(keys, Holder::Temp);
            let it = it?;
            let mut out = Vec::new();
            loop {
                let k = match self.iter_next(it) {
                    Ok(Some(k)) => k,
                    Ok(None) => break,
                    Err(e) => {
                        self.decref(it, Holder::Temp);
                        self.release_pairs(out);
                        return Err(e);
                    }
                };
                match self.getitem(other, k) {
                    Ok(v) => out.push((k, v)),
                    Err(e) => {
                        self.decref(k, Holder::Temp);
                        self.decref(it, Holder::Temp);
                        self.release_pairs(out);
                        return Err(e);
                    }
                }
            }
            self.decref(it, Holder::Temp);
            out
        };
        let mut result = Ok(());
        for &(k, v) in &pairs {
            if merge {
                match self.dict_get(d, k) {
                    Ok(Some(_)) => {
                        self.incref(k, Holder::Temp);
                        result = Err(self.key_error(k));
                        self.decref(k, Holder::Temp);
                        break;
                    }
                    Ok(None) => {}
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            if let Err(e) = self.dict_set(d, k, v) {
                result = Err(e);
                break;
            }
        }
        self.release_pairs(pairs);
        result
    }

    fn release_pairs(&mut self, pairs: Vec<(ObjRef, ObjRef)>) {
        for (k, v) in pairs {
            self.decref(k, Holder::Temp);
            self.decref(v, Holder::Temp);
        }
    }
}
