//! Rich comparisons: fast paths for builtin values, then `__lt__`/`__gt__`…
//! with reflection (a subclass's reflected method first), identity defaults
//! for `==`/`!=`, and "'<' not supported between instances of 'A' and 'int'".

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};
use std::cmp::Ordering;

/// CPython's cmp_op order (COMPARE_OP's operand).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(arg: u32) -> CompareOp {
        match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
    pub fn reflected(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
            o => o,
        }
    }
    pub fn test(self, o: Ordering) -> bool {
        match self {
            CompareOp::Lt => o == Ordering::Less,
            CompareOp::Le => o != Ordering::Greater,
            CompareOp::Eq => o == Ordering::Equal,
            CompareOp::Ne => o != Ordering::Equal,
            CompareOp::Gt => o == Ordering::Greater,
            CompareOp::Ge => o != Ordering::Less,
        }
    }
}

impl Vm {
    /// COMPARE_OP with its operand.
    pub fn compare_op_arg(&mut self, a: ObjRef, b: ObjRef, arg: u32) -> PyResult {
        self.rich_compare(a, b, CompareOp::from_arg(arg))
    }

    /// `a op b`; a new reference (usually a bool).
    pub fn rich_compare(&mut self, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult {
        if let Some(r) = self.with_proxy_operands(a, b, |vm, x, y| vm.rich_compare(x, y, op)) {
            return r;
        }
        let ta = self.heap.type_of(a);
        let tb = self.heap.type_of(b);
        if !self.is_heap_type(ta) && !self.is_heap_type(tb) {
            if let Some(r) = self.native_compare(a, b, op)? {
                return Ok(self.bool(r));
            }
            return self.compare_fallback(a, b, op);
        }
        let name = op.dunder();
        let rname = op.reflected().dunder();
        let a_py = self.has_python_override(ta, name);
        let b_py = self.has_python_override(tb, rname);
        if ta != tb && b_py && self.is_subtype(tb, ta) {
            let r = self.call_method(b, rname, &[a])?;
            if r != self.types.not_implemented {
                return Ok(r);
            }
            self.decref_temp(r);
        }
        if a_py {
            let r = self.call_method(a, name, &[b])?;
            if r != self.types.not_implemented {
                return Ok(r);
            }
            self.decref_temp(r);
        } else if let Some(r) = self.native_compare(a, b, op)? {
            return Ok(self.bool(r));
        }
        if b_py {
            let r = self.call_method(b, rname, &[a])?;
            if r != self.types.not_implemented {
                return Ok(r);
            }
            self.decref_temp(r);
        } else if a_py && let Some(r) = self.native_compare(b, a, op.reflected())? {
            return Ok(self.bool(r));
        }
        if op == CompareOp::Ne
            && self.has_python_override(ta, "__eq__")
            && !self.has_python_override(ta, "__ne__")
        {
            // object.__ne__ inverts __eq__.
            let r = self.call_method(a, "__eq__", &[b])?;
            if r != self.types.not_implemented {
                let t = self.is_true(r);
                self.decref_temp(r);
                let t = t?;
                return Ok(self.bool(!t));
            }
            self.decref_temp(r);
        }
        self.compare_fallback(a, b, op)
    }

    fn compare_fallback(&mut self, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult {
        match op {
            CompareOp::Eq => Ok(self.bool(a == b)),
            CompareOp::Ne => Ok(self.bool(a != b)),
            _ => {
                let (ta, tb) = (self.type_name_of(a), self.type_name_of(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{ta}' and '{tb}'",
                    op.symbol()
                )))
            }
        }
    }

    /// `a op b` as a bool.
    pub fn compare_bool(&mut self, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult<bool> {
        if let (Payload::Int(PyInt::Small(x)), Payload::Int(PyInt::Small(y))) =
            (self.heap.payload(a), self.heap.payload(b))
        {
            return Ok(op.test(x.cmp(y)));
        }
        let r = self.rich_compare(a, b, op)?;
        if r == self.types.true_ || r == self.types.false_ {
            let v = r == self.types.true_;
            self.decref_temp(r);
            return Ok(v);
        }
        let t = self.is_true(r);
        self.decref_temp(r);
        t
    }

    /// Comparisons between builtin values (by payload). None: NotImplemented.
    pub fn native_compare(
        &mut self,
        a: ObjRef,
        b: ObjRef,
        op: CompareOp,
    ) -> PyResult<Option<bool>> {
        use Payload as P;
        let ord = match (self.heap.payload(a), self.heap.payload(b)) {
            (P::Complex(_), _) | (_, P::Complex(_)) => {
                if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                    return Ok(None);
                }
                let eq = super::complex::complex_equal(self, a, b)?;
                return Ok(eq.map(|eq| eq == (op == CompareOp::Eq)));
            }
            (P::Int(PyInt::Small(x)), P::Int(PyInt::Small(y))) => x.cmp(y),
            (P::Int(_) | P::Bool(_), P::Int(_) | P::Bool(_)) => {
                let (x, y) = (self.bigint_value(a), self.bigint_value(b));
                x.cmp(&y)
            }
            (P::Float(x), P::Float(y)) => match x.partial_cmp(y) {
                Some(o) => o,
                None => return Ok(Some(op == CompareOp::Ne)),
            },
            (P::Float(x), P::Int(_) | P::Bool(_)) => {
                let x = *x;
                let y = self.bigint_value(b).unwrap_or_default();
                match crate::semantics::float_ops::cmp_int_float(&y, x) {
                    Some(o) => o.reverse(),
                    None => return Ok(Some(op == CompareOp::Ne)),
                }
            }
            (P::Int(_) | P::Bool(_), P::Float(y)) => {
                let y = *y;
                let x = self.bigint_value(a).unwrap_or_default();
                match crate::semantics::float_ops::cmp_int_float(&x, y) {
                    Some(o) => o,
                    None => return Ok(Some(op == CompareOp::Ne)),
                }
            }
            (P::Str(x), P::Str(y)) => {
                if matches!(op, CompareOp::Eq | CompareOp::Ne) {
                    return Ok(Some((x.text == y.text) == (op == CompareOp::Eq)));
                }
                x.text.cmp(&y.text)
            }
            (P::Bytes(x), P::Bytes(y)) => x.cmp(y),
            (P::Bytes(_) | P::ByteArray(_), P::Bytes(_) | P::ByteArray(_)) => {
                let x = self.buffer_bytes(a).unwrap_or_default();
                let y = self.buffer_bytes(b).unwrap_or_default();
                x.cmp(&y)
            }
            (P::List(_), P::List(_)) | (P::Tuple(_), P::Tuple(_)) => {
                return self.seq_compare(a, b, op).map(Some);
            }
            (P::Dict(_), P::Dict(_)) => {
                if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                    return Ok(None);
                }
                let eq = super::dict::dict_equal(self, a, b)?;
                return Ok(Some(eq == (op == CompareOp::Eq)));
            }
            (P::Set(_), P::Set(_)) => return super::set::set_compare(self, a, b, op).map(Some),
            (P::DictView { .. }, _) | (_, P::DictView { .. }) => {
                return super::set_methods::view_compare(self, a, b, op);
            }
            (
                P::Method {
                    func: f1,
                    self_: s1,
                },
                P::Method {
                    func: f2,
                    self_: s2,
                },
            ) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                let eq = f1 == f2 && s1 == s2;
                return Ok(Some(eq == (op == CompareOp::Eq)));
            }
            (P::Builtin { def: d1, self_: s1 }, P::Builtin { def: d2, self_: s2 })
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                let eq = std::ptr::eq(*d1, *d2) && s1 == s2;
                return Ok(Some(eq == (op == CompareOp::Eq)));
            }
            (P::Range { .. }, P::Range { .. }) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
                let eq = super::range::range_equal(self, a, b)?;
                return Ok(Some(eq == (op == CompareOp::Eq)));
            }
            (P::WeakRef(_), P::WeakRef(_)) => return self.weakref_compare(a, b, op),
            _ => {
                if a == b && matches!(op, CompareOp::Eq | CompareOp::Ne) {
                    return Ok(Some(op == CompareOp::Eq));
                }
                return Ok(None);
            }
        };
        Ok(Some(op.test(ord)))
    }

    /// Lexicographic comparison of two lists or two tuples.
    fn seq_compare(&mut self, a: ObjRef, b: ObjRef, op: CompareOp) -> PyResult<bool> {
        let get = |vm: &Vm, o: ObjRef, i: usize| -> Option<ObjRef> {
            match vm.heap.payload(o) {
                Payload::List(l) => l.get(i).copied(),
                Payload::Tuple(t) => t.get(i).copied(),
                _ => None,
            }
        };
        let la = self.seq_len(a);
        let lb = self.seq_len(b);
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && la != lb {
            return Ok(op == CompareOp::Ne);
        }
        let mut i = 0;
        while let (Some(x), Some(y)) = (get(self, a, i), get(self, b, i)) {
            self.incref(x, Holder::Temp);
            self.incref(y, Holder::Temp);
            let eq = self.eq_bool(x, y);
            if !matches!(eq, Ok(true)) {
                let r = match eq {
                    Err(e) => Err(e),
                    Ok(_) => match op {
                        CompareOp::Eq => Ok(false),
                        CompareOp::Ne => Ok(true),
                        _ => self.compare_bool(x, y, op),
                    },
                };
                self.decref_temp(x);
                self.decref_temp(y);
                return r;
            }
            self.decref_temp(x);
            self.decref_temp(y);
            i += 1;
        }
        let (la, lb) = (self.seq_len(a), self.seq_len(b));
        Ok(op.test(la.cmp(&lb)))
    }

    fn seq_len(&self, o: ObjRef) -> usize {
        match self.heap.payload(o) {
            Payload::List(l) => l.len(),
            Payload::Tuple(t) => t.len(),
            _ => 0,
        }
    }
}
