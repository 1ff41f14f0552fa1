//! Weak proxies forwarding to their referent (`proxy_*` slots of CPython's
//! `Objects/weakrefobject.c`) and the rich comparison and hash of `ref`.
//!
//! A proxy unwraps itself (and a proxy operand) and applies the generic
//! operation to the referent: `p + 1` is `referent + 1`, `len(p)` is
//! `len(referent)`, `p.x = 1` sets the referent's attribute. A dead proxy
//! raises `ReferenceError: weakly-referenced object no longer exists`.
//! The protocol functions of `types/` call the hooks here on their slow
//! paths, so the common cases pay nothing.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::types::compare::CompareOp;
use crate::runtime::vm::{PyResult, Vm};
use crate::runtime::weakref::WeakKind;

impl Vm {
    /// Whether `o` is a weak proxy (`weakref.ProxyType`/`CallableProxyType`).
    #[inline]
    pub fn is_weak_proxy(&self, o: ObjRef) -> bool {
        matches!(self.heap.payload(o), Payload::WeakRef(w) if w.kind != WeakKind::Ref)
    }

    /// `UNWRAP`: a proxy's referent (a new reference; ReferenceError when
    /// dead), any other object itself (a new reference).
    fn proxy_unwrap(&mut self, o: ObjRef) -> PyResult {
        if self.is_weak_proxy(o) {
            let r = self.proxy_referent(o)?;
            return Ok(self.new_ref(r));
        }
        Ok(self.new_ref(o))
    }

    /// Applies `f` to the referent of the proxy `o`; None when `o` is not a proxy.
    pub fn with_proxy_referent<T>(
        &mut self,
        o: ObjRef,
        f: impl FnOnce(&mut Vm, ObjRef) -> PyResult<T>,
    ) -> Option<PyResult<T>> {
        if !self.is_weak_proxy(o) {
            return None;
        }
        Some(self.proxy_unwrap(o).and_then(|r| {
            let res = f(self, r);
            self.decref(r, Holder::Temp);
            res
        }))
    }

    /// A binary operation with a proxy operand: both operands unwrapped
    /// (`WRAP_BINARY`); None when neither is a proxy.
    pub fn with_proxy_operands<T>(
        &mut self,
        a: ObjRef,
        b: ObjRef,
        f: impl FnOnce(&mut Vm, ObjRef, ObjRef) -> PyResult<T>,
    ) -> Option<PyResult<T>> {
        if !self.is_weak_proxy(a) && !self.is_weak_proxy(b) {
            return None;
        }
        let x = match self.proxy_unwrap(a) {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let y = match self.proxy_unwrap(b) {
            Ok(y) => y,
            Err(e) => {
                self.decref(x, Holder::Temp);
                return Some(Err(e));
            }
        };
        let res = f(self, x, y);
        self.decref(y, Holder::Temp);
        self.decref(x, Holder::Temp);
        Some(res)
    }

    /// `proxy_setattr` / deletion: on the referent. None when not a proxy.
    pub fn proxy_setattr(
        &mut self,
        p: ObjRef,
        name: ObjRef,
        value: Option<ObjRef>,
    ) -> Option<PyResult<()>> {
        self.with_proxy_referent(p, |vm, o| match value {
            Some(v) => vm.setattr(o, name, v),
            None => vm.delattr(o, name),
        })
    }

    /// `weakref_richcompare` for two `ref`s (`==`/`!=` only): live refs
    /// compare their referents, a dead one compares by identity. None
    /// (NotImplemented) for anything else.
    pub fn weakref_compare(
        &mut self,
        a: ObjRef,
        b: ObjRef,
        op: CompareOp,
    ) -> PyResult<Option<bool>> {
        let is_ref = |vm: &Vm, o: ObjRef| matches!(vm.heap.payload(o), Payload::WeakRef(w) if w.kind == WeakKind::Ref);
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !is_ref(self, a) || !is_ref(self, b) {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.weakref_referent(a), self.weakref_referent(b)) else {
            return Ok(Some((a == b) == (op == CompareOp::Eq)));
        };
        self.incref(x, Holder::Temp);
        self.incref(y, Holder::Temp);
        let r = self.compare_bool(x, y, op);
        self.decref(y, Holder::Temp);
        self.decref(x, Holder::Temp);
        r.map(Some)
    }

    /// `weakref_hash`: the referent's hash, computed once and cached; a
    /// ref that died before it was hashed raises TypeError.
    pub fn weakref_hash(&mut self, wr: ObjRef) -> PyResult<i64> {
        if let Payload::WeakRef(w) = self.heap.payload(wr)
            && let Some(h) = w.hash
        {
            return Ok(h);
        }
        let Some(o) = self.weakref_referent(wr) else {
            return Err(self.type_error("weak object has gone away"));
        };
        self.incref(o, Holder::Temp);
        let h = self.hash(o);
        self.decref(o, Holder::Temp);
        let h = h?;
        if let Payload::WeakRef(w) = self.heap.payload_mut(wr) {
            w.hash = Some(h);
        }
        Ok(h)
    }
}
