//! Weak references (CPython's `Objects/weakrefobject.c`): `weakref.ref`,
//! proxies, the per-object weakref lists and their clearing.
//!
//! A weak reference does not own its referent: `WeakRefData::referent` is
//! not reported by `Payload::for_each_ref`, so the heap audit does not count
//! it. Each referent's weakrefs are kept in [`Vm::weaklists`] in CPython's
//! list order: the shared callback-less ref first, then the shared proxy,
//! then refs with callbacks newest first (`insert_head`/`insert_after`).
//!
//! At refcount death (`PyObject_ClearWeakRefs`), after `__del__`, every
//! weakref is cleared first and the callbacks are called afterwards, in list
//! order. During a collection the collector clears weakrefs to garbage
//! before finalizers run (see `gc/collect.rs`).

use crate::runtime::events::Holder;
use crate::runtime::heap::{GcHead, ObjRef};
use crate::runtime::object::Payload;
use crate::runtime::vm::{PyResult, Vm};

/// Which weakref type an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// A weakref's fields (`PyWeakReference`).
#[derive(Debug)]
pub struct WeakRefData {
    /// The referent (not owned); None once cleared (CPython's `Py_None`).
    pub referent: Option<ObjRef>,
    /// The callback (owned), kept after clearing until the weakref dies.
    pub callback: Option<ObjRef>,
    /// `wr_hash`, cached.
    pub hash: Option<i64>,
    pub kind: WeakKind,
}

impl Vm {
    /// Whether objects like `o` can be weakly referenced (`tp_weaklistoffset`).
    pub fn supports_weakrefs(&self, o: ObjRef) -> bool {
        let obj = self.heap.get(o);
        if self.is_heap_type(obj.ty) {
            return true;
        }
        matches!(
            obj.payload,
            Payload::Function(_)
                | Payload::Set(_)
                | Payload::Type(_)
                | Payload::Generator(_)
                | Payload::Method { .. }
                | Payload::Builtin { .. }
                | Payload::Code(_)
                | Payload::Module { .. }
        )
    }

    /// `weakref.ref(o, callback)` / `weakref.proxy(o, callback)`: reuses the
    /// shared callback-less ref (or proxy) when there is one. `subclass`: a
    /// subclass of `ref` to instantiate (never shared, placed like a ref
    /// with a callback).
    pub fn weakref_new(
        &mut self,
        o: ObjRef,
        callback: Option<ObjRef>,
        proxy: bool,
        subclass: Option<ObjRef>,
    ) -> PyResult {
        if !self.supports_weakrefs(o) {
            let tn = self.type_name_of(o);
            return Err(self.type_error(format!("cannot create weak reference to '{tn}' object")));
        }
        let callback = callback.filter(|&c| c != self.types.none);
        let list = self.weaklists.get(&o).cloned().unwrap_or_default();
        let (basic_ref, basic_proxy) = self.basic_refs(&list);
        if callback.is_none() && subclass.is_none() {
            let shared = if proxy { basic_proxy } else { basic_ref };
            if let Some(r) = shared {
                return Ok(self.new_ref(r));
            }
        }
        let kind = match (proxy, self.is_callable(o)) {
            (false, _) => WeakKind::Ref,
            (true, false) => WeakKind::Proxy,
            (true, true) => WeakKind::CallableProxy,
        };
        if let Some(cb) = callback {
            self.incref(cb, Holder::Temp);
        }
        let ty = subclass.unwrap_or_else(|| self.memory_types.weakref_type(kind));
        let wr = self.alloc(
            ty,
            Payload::WeakRef(Box::new(WeakRefData {
                referent: Some(o),
                callback,
                hash: None,
                kind,
            })),
        );
        let list = self.weaklists.entry(o).or_default();
        let position = match (callback.or(subclass), proxy) {
            (None, false) => 0,
            (None, true) => usize::from(basic_ref.is_some()),
            (Some(_), _) => usize::from(basic_ref.is_some()) + usize::from(basic_proxy.is_some()),
        };
        list.insert(position.min(list.len()), wr);
        self.heap.get_mut(o).gc.flags |= GcHead::F_HAS_WEAKREFS;
        Ok(wr)
    }

    /// `get_basic_refs`: the shared ref and proxy at the head of a list.
    fn basic_refs(&self, list: &[ObjRef]) -> (Option<ObjRef>, Option<ObjRef>) {
        let info = |r: ObjRef| match self.heap.objects.get(r).map(|o| &o.payload) {
            Some(Payload::WeakRef(w)) if w.callback.is_none() => Some(w.kind),
            _ => None,
        };
        let mut it = list.iter().copied().peekable();
        let mut basic_ref = None;
        if let Some(&h) = it.peek()
            && info(h) == Some(WeakKind::Ref)
            && !self.is_heap_type(self.heap.type_of(h))
        {
            basic_ref = Some(h);
            it.next();
        }
        let basic_proxy = it
            .next()
            .filter(|&h| matches!(info(h), Some(WeakKind::Proxy | WeakKind::CallableProxy)));
        (basic_ref, basic_proxy)
    }

    /// The referent of a live weakref (borrowed), None when dead.
    pub fn weakref_referent(&self, wr: ObjRef) -> Option<ObjRef> {
        match self.heap.objects.get(wr).map(|o| &o.payload) {
            Some(Payload::WeakRef(w)) => w.referent.filter(|&r| self.heap.contains(r)),
            _ => None,
        }
    }

    /// `clear_weakref` without touching the callback: the weakref goes
    /// dead and leaves its referent's list.
    pub fn weakref_clear_ref(&mut self, wr: ObjRef) {
        let referent = match self.heap.objects.get_mut(wr).map(|o| &mut o.payload) {
            Some(Payload::WeakRef(w)) => w.referent.take(),
            _ => None,
        };
        let Some(o) = referent else {
            return;
        };
        if let Some(list) = self.weaklists.get_mut(&o) {
            list.retain(|&r| r != wr);
            if list.is_empty() {
                self.weaklists.remove(&o);
                if let Some(obj) = self.heap.objects.get_mut(o) {
                    obj.gc.flags &= !GcHead::F_HAS_WEAKREFS;
                }
            }
        }
    }

    /// The weakrefs to `o`, in list order.
    pub fn weakrefs_of(&self, o: ObjRef) -> Vec<ObjRef> {
        self.weaklists.get(&o).cloned().unwrap_or_default()
    }

    /// `PyObject_ClearWeakRefs` at refcount death: clears every weakref to
    /// `o`, then calls the callbacks in list order.
    pub(crate) fn weakref_clear_on_dealloc(&mut self, o: ObjRef) {
        let list = self.weaklists.remove(&o).unwrap_or_default();
        if let Some(obj) = self.heap.objects.get_mut(o) {
            obj.gc.flags &= !GcHead::F_HAS_WEAKREFS;
        }
        let mut calls: Vec<(ObjRef, ObjRef)> = Vec::new();
        for wr in list {
            let cb = match self.heap.objects.get_mut(wr).map(|ob| &mut ob.payload) {
                Some(Payload::WeakRef(w)) => {
                    w.referent = None;
                    w.callback.take()
                }
                _ => None,
            };
            if let Some(cb) = cb {
                // The callback's reference moved out of the weakref silently.
                self.report_mutated(wr);
                self.incref(wr, Holder::Temp);
                calls.push((wr, cb));
            }
        }
        if calls.is_empty() {
            return;
        }
        let saved = self.take_current_exception_state();
        for &(wr, cb) in &calls {
            match self.call(cb, &[wr], None) {
                Ok(r) => self.decref(r, Holder::Temp),
                Err(e) => self.write_unraisable(e, Some(cb)),
            }
        }
        self.restore_current_exception_state(saved);
        for (wr, cb) in calls.into_iter().rev() {
            self.decref(cb, Holder::Temp);
            self.decref(wr, Holder::Temp);
        }
    }

    /// `repr()` of a weakref or proxy.
    pub fn weakref_repr(&mut self, wr: ObjRef) -> String {
        let kind = match self.heap.payload(wr) {
            Payload::WeakRef(w) => w.kind,
            _ => WeakKind::Ref,
        };
        let at = self.addr_str(wr);
        let Some(o) = self.weakref_referent(wr) else {
            // A dead proxy's referent is None (`proxy_repr` prints it).
            let none = self.addr_str(self.types.none);
            return match kind {
                WeakKind::Ref => format!("<weakref at {at}; dead>"),
                _ => format!("<weakproxy at {at} to NoneType at {none}>"),
            };
        };
        let tn = self.type_name_of(o);
        let oat = self.addr_str(o);
        if kind != WeakKind::Ref {
            return format!("<weakproxy at {at} to {tn} at {oat}>");
        }
        // A referent with a str `__name__` (functions, classes) shows it.
        self.incref(o, Holder::Temp);
        let name = match self.getattr_opt(o, "__name__") {
            Ok(Some(n)) => {
                let s = self.str_value(n).map(str::to_string);
                self.decref(n, Holder::Temp);
                s
            }
            Ok(None) => None,
            Err(e) => {
                self.discard_err(e);
                None
            }
        };
        self.decref(o, Holder::Temp);
        match name {
            Some(n) => format!("<weakref at {at}; to '{tn}' at {oat} ({n})>"),
            None => format!("<weakref at {at}; to '{tn}' at {oat}>"),
        }
    }

    /// The referent of a proxy, or ReferenceError when it is dead.
    pub fn proxy_referent(&mut self, p: ObjRef) -> PyResult {
        match self.weakref_referent(p) {
            Some(o) => Ok(o),
            None => {
                let t = self.types.reference_error;
                Err(self.new_exception(t, "weakly-referenced object no longer exists".to_string()))
            }
        }
    }

    /// Attribute access on a proxy goes to the referent.
    pub fn proxy_getattr(&mut self, p: ObjRef, name: &str) -> PyResult {
        let o = self.proxy_referent(p)?;
        self.incref(o, Holder::Temp);
        let r = self.getattr_str(o, name);
        self.decref(o, Holder::Temp);
        r
    }
}
