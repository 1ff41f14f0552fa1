//! `tp_traverse` and `tp_clear` of every payload, in CPython 3.11's orders.
//!
//! `traverse` visits the references an object holds to other objects, as
//! the type's `tp_traverse` does (lists and tuples last item first, dicts
//! value then key — only values when every key is a str —, instances their
//! inline values or `__dict__` then their type). It is what the collector's
//! subtract_refs/move_unreachable and `gc.get_referents` see.
//!
//! `clear` is `tp_clear`, which `delete_garbage` calls to break cycles:
//! containers drop their items, instances their attributes, functions their
//! fields, cells their contents; types without `tp_clear` (tuples, bound
//! methods, iterators, generators) are left alone, as in CPython.

use crate::runtime::events::Holder;
use crate::runtime::heap::{GcHead, ObjRef};
use crate::runtime::object::{KeyRepr, Payload};
use crate::runtime::vm::Vm;

impl Vm {
    /// Calls `f` with every object `o` refers to, in `tp_traverse` order.
    pub fn gc_traverse(&self, o: ObjRef, f: &mut dyn FnMut(ObjRef)) {
        let Some(obj) = self.heap.objects.get(o) else {
            return;
        };
        let heap_type = self.is_heap_type(obj.ty);
        if heap_type {
            // subtype_traverse: inline values or the dict, the type, then the base's traverse.
            if let Some(d) = obj.dict {
                self.visit_dict_or_values(d, f);
            }
            f(obj.ty);
        }
        match &obj.payload {
            Payload::List(items) => items.iter().rev().for_each(|&r| f(r)),
            Payload::Tuple(items) => items.iter().rev().for_each(|&r| f(r)),
            Payload::Dict(d) => {
                let all_str = d.map.keys().all(|k| matches!(k.repr, KeyRepr::Str(_)));
                for &(k, v) in d.map.values() {
                    f(v);
                    if !all_str {
                        f(k);
                    }
                }
            }
            Payload::Function(func) => {
                // func_traverse.
                f(func.code);
                f(func.globals);
                f(func.builtins);
                if let Some(m) = func.module {
                    f(m);
                }
                for r in [func.defaults, func.kwdefaults, func.doc]
                    .into_iter()
                    .flatten()
                {
                    f(r);
                }
                f(func.name);
                if let Some(d) = obj.dict {
                    f(d);
                }
                for r in [func.closure, func.annotations].into_iter().flatten() {
                    f(r);
                }
                f(func.qualname);
            }
            Payload::Type(t) => {
                f(t.dict);
                t.mro.iter().for_each(|&r| f(r));
                t.bases.iter().for_each(|&r| f(r));
            }
            Payload::Module { .. } => {
                if let Some(d) = obj.dict {
                    f(d);
                }
            }
            Payload::BaseException(e) => {
                if !heap_type && let Some(d) = obj.dict {
                    f(d);
                }
                for r in [e.args, e.traceback, e.context, e.cause]
                    .into_iter()
                    .flatten()
                {
                    f(r);
                }
            }
            other => other.for_each_ref(o, |r, _| f(r)),
        }
    }

    /// An instance's attributes: the values themselves while they are
    /// inline (no dict object in CPython 3.11), else the dict.
    fn visit_dict_or_values(&self, d: ObjRef, f: &mut dyn FnMut(ObjRef)) {
        match self.heap.objects.get(d) {
            Some(dobj) if dobj.gc.has(GcHead::F_INLINE_VALUES) => {
                if let Payload::Dict(dd) = &dobj.payload {
                    dd.map.values().for_each(|&(_, v)| f(v));
                }
            }
            Some(_) => f(d),
            None => {}
        }
    }

    /// `tp_clear`: drops the references that can form cycles.
    pub fn gc_clear(&mut self, o: ObjRef) {
        let Some(obj) = self.heap.objects.get(o) else {
            return;
        };
        let heap_type = self.is_heap_type(obj.ty);
        if heap_type
            || matches!(
                obj.payload,
                Payload::Module { .. } | Payload::BaseException(_)
            )
        {
            // subtype_clear / module_clear: the attributes (not the type).
            if let Some(d) = self.heap.objects[o].dict.take() {
                self.decref(d, Holder::Field(o, "__dict__"));
            }
        }
        let Some(obj) = self.heap.objects.get(o) else {
            return;
        };
        match &obj.payload {
            Payload::Dict(_) => {
                if let Err(e) = self.dict_clear(o) {
                    self.discard_err(e);
                }
            }
            Payload::Type(t) if self.is_heap_type(o) => {
                let d = t.dict;
                if let Err(e) = self.dict_clear(d) {
                    self.discard_err(e);
                }
            }
            Payload::WeakRef(_) => {
                self.weakref_clear_ref(o);
                let cb = match &mut self.heap.objects[o].payload {
                    Payload::WeakRef(w) => w.callback.take(),
                    _ => None,
                };
                self.xdecref(cb, Holder::Field(o, "__callback__"));
            }
            Payload::Function(_) => self.clear_function(o),
            _ => {
                let released = self.take_clearable_refs(o);
                for (r, h) in released {
                    self.decref(r, h);
                }
                // `_list_clear` frees `ob_item` after the items.
                if self.heap.contains(o) {
                    self.storage_touched(o);
                    self.sync_storage();
                }
            }
        }
    }

    /// The references `tp_clear` drops from containers, cells, exceptions,
    /// tracebacks and properties, taken out of the payload in release order.
    fn take_clearable_refs(&mut self, o: ObjRef) -> Vec<(ObjRef, Holder)> {
        let mut released: Vec<(ObjRef, Holder)> = Vec::new();
        let mut fields = |pairs: Vec<(Option<ObjRef>, &'static str)>| {
            for (r, n) in pairs {
                if let Some(r) = r {
                    released.push((r, Holder::Field(o, n)));
                }
            }
        };
        match &mut self.heap.objects[o].payload {
            Payload::List(items) => {
                let items = std::mem::take(items);
                return items
                    .into_iter()
                    .rev()
                    .map(|r| (r, Holder::Item(o)))
                    .collect();
            }
            Payload::Set(s) => {
                let members: Vec<ObjRef> = s.table.iter().collect();
                s.table.clear();
                return members.into_iter().map(|r| (r, Holder::Item(o))).collect();
            }
            Payload::Cell(c) => {
                return c.take().map(|r| (r, Holder::Cell(o))).into_iter().collect();
            }
            Payload::BaseException(e) => fields(vec![
                (e.args.take(), "args"),
                (e.traceback.take(), "__traceback__"),
                (e.context.take(), "__context__"),
                (e.cause.take(), "__cause__"),
            ]),
            Payload::Traceback { next, .. } => fields(vec![(next.take(), "tb_next")]),
            Payload::Property {
                fget,
                fset,
                fdel,
                doc,
            } => fields(vec![
                (fget.take(), "fget"),
                (fset.take(), "fset"),
                (fdel.take(), "fdel"),
                (doc.take(), "__doc__"),
            ]),
            _ => {}
        }
        released
    }

    /// func_clear: globals and builtins become None (CPython leaves NULL),
    /// name and qualname the empty string; the code stays.
    fn clear_function(&mut self, o: ObjRef) {
        let none = self.types.none;
        let empty = self.types.empty_str;
        self.incref(none, Holder::Field(o, "__globals__"));
        self.incref(none, Holder::Field(o, "__builtins__"));
        self.incref(empty, Holder::Field(o, "__name__"));
        self.incref(empty, Holder::Field(o, "__qualname__"));
        let obj = &mut self.heap.objects[o];
        let dict = obj.dict.take();
        let Payload::Function(func) = &mut obj.payload else {
            return;
        };
        let pairs = [
            (
                Some(std::mem::replace(&mut func.globals, none)),
                "__globals__",
            ),
            (
                Some(std::mem::replace(&mut func.builtins, none)),
                "__builtins__",
            ),
            (func.module.take(), "__module__"),
            (func.defaults.take(), "__defaults__"),
            (func.kwdefaults.take(), "__kwdefaults__"),
            (func.doc.take(), "__doc__"),
            (dict, "__dict__"),
            (func.closure.take(), "__closure__"),
            (func.annotations.take(), "__annotations__"),
            (Some(std::mem::replace(&mut func.name, empty)), "__name__"),
            (
                Some(std::mem::replace(&mut func.qualname, empty)),
                "__qualname__",
            ),
        ];
        for (r, n) in pairs {
            if let Some(r) = r {
                self.decref(r, Holder::Field(o, n));
            }
        }
    }
}
