//! Binary and unary operators with CPython's dispatch: fast paths for exact
//! builtin types, then `__op__`/`__rop__` (a subclass's reflected method
//! first), in-place `__iop__` falling back to `__op__`, `NotImplemented`, and
//! CPython's error messages.

use crate::ast::{Operator, UnaryOperator};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};

/// `(__op__, __rop__, __iop__, symbol)` for each operator.
pub fn op_names(op: Operator) -> (&'static str, &'static str, &'static str, &'static str) {
    use Operator::*;
    match op {
        Add => ("__add__", "__radd__", "__iadd__", "+"),
        Sub => ("__sub__", "__rsub__", "__isub__", "-"),
        Mult => ("__mul__", "__rmul__", "__imul__", "*"),
        MatMult => ("__matmul__", "__rmatmul__", "__imatmul__", "@"),
        Div => ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
        FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
        Mod => ("__mod__", "__rmod__", "__imod__", "%"),
        Pow => ("__pow__", "__rpow__", "__ipow__", "**"),
        LShift => ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
        RShift => ("__rshift__", "__rrshift__", "__irshift__", ">>"),
        BitAnd => ("__and__", "__rand__", "__iand__", "&"),
        BitOr => ("__or__", "__ror__", "__ior__", "|"),
        BitXor => ("__xor__", "__rxor__", "__ixor__", "^"),
    }
}

/// The operator for a BINARY_OP operand (in-place forms are +13).
pub fn operator_from_arg(arg: u32) -> (Operator, bool) {
    use Operator::*;
    let inplace = arg >= 13;
    let op = match arg % 13 {
        0 => Add,
        1 => BitAnd,
        2 => FloorDiv,
        3 => LShift,
        4 => MatMult,
        5 => Mult,
        6 => Mod,
        7 => BitOr,
        8 => Pow,
        9 => RShift,
        10 => Sub,
        11 => Div,
        _ => BitXor,
    };
    (op, inplace)
}

impl Vm {
    /// BINARY_OP with its operand.
    pub fn binary_op_arg(&mut self, a: ObjRef, b: ObjRef, arg: u32) -> PyResult {
        let (op, inplace) = operator_from_arg(arg);
        self.binary_op(a, b, op, inplace)
    }

    /// `a op b` (or `a op= b`); a new reference.
    pub fn binary_op(&mut self, a: ObjRef, b: ObjRef, op: Operator, inplace: bool) -> PyResult {
        // Fast path: small exact ints (an int subclass may override the
        // operator).
        let int = self.types.int;
        if let (Payload::Int(PyInt::Small(x)), Payload::Int(PyInt::Small(y))) =
            (self.heap.payload(a), self.heap.payload(b))
            && self.heap.type_of(a) == int
            && self.heap.type_of(b) == int
        {
            let (x, y) = (*x, *y);
            let r = match op {
                Operator::Add => x.checked_add(y),
                Operator::Sub => x.checked_sub(y),
                Operator::Mult => x.checked_mul(y),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(self.new_int(r));
            }
        }
        if let Some(r) = self.with_proxy_operands(a, b, |vm, x, y| vm.binary_op(x, y, op, inplace))
        {
            return r;
        }
        let ta = self.heap.type_of(a);
        let tb = self.heap.type_of(b);
        let a_heap = self.is_heap_type(ta);
        let b_heap = self.is_heap_type(tb);
        if inplace {
            let (_, _, iname, _) = op_names(op);
            if a_heap && self.has_python_override(ta, iname) {
                let r = self.call_method(a, iname, &[b])?;
                if r != self.types.not_implemented {
                    return Ok(r);
                }
                self.decref_temp(r);
            } else if let Some(r) = self.native_inplace(a, b, op)? {
                return Ok(r);
            }
        }
        if !a_heap && !b_heap {
            if let Some(r) = self.native_binary(a, b, op)? {
                return Ok(r);
            }
            return Err(self.binop_type_error(a, b, op, inplace));
        }
        let r = self.binary_op1(a, b, op, ta, tb)?;
        if r != self.types.not_implemented {
            return Ok(r);
        }
        self.decref_temp(r);
        Err(self.binop_type_error(a, b, op, inplace))
    }

    /// `binary_op1`: `a.__op__(b)`, `b.__rop__(a)` in CPython's order; may
    /// return NotImplemented.
    fn binary_op1(
        &mut self,
        a: ObjRef,
        b: ObjRef,
        op: Operator,
        ta: ObjRef,
        tb: ObjRef,
    ) -> PyResult {
        let (name, rname, _, _) = op_names(op);
        let a_py = self.has_python_override(ta, name);
        let b_py = ta != tb && self.has_python_override(tb, rname);
        if b_py && self.is_subtype(tb, ta) {
            let r = self.call_method(b, rname, &[a])?;
            if r != self.types.not_implemented {
                return Ok(r);
            }
            self.decref_temp(r);
            return self.left_op(a, b, op, a_py, name);
        }
        if b_py && !a_py && !self.native_left_handles(a, b) {
            // CPython tries the left type's number slot first, but a builtin
            // slot that does not take the right operand's type (int + float,
            // or a sequence's concatenation, which comes after the number
            // slots) returns NotImplemented: the right operand's reflected
            // method runs first.
            let r = self.call_method(b, rname, &[a])?;
            if r != self.types.not_implemented {
                return Ok(r);
            }
            self.decref_temp(r);
            if numeric_rank(self.heap.payload(a)).is_some() {
                return Ok(self.not_implemented());
            }
            return match self.native_binary(a, b, op)? {
                Some(r) => Ok(r),
                None => Ok(self.not_implemented()),
            };
        }
        let r = self.left_op(a, b, op, a_py, name)?;
        if r != self.types.not_implemented || ta == tb {
            return Ok(r);
        }
        self.decref_temp(r);
        if b_py {
            return self.call_method(b, rname, &[a]);
        }
        if a_py && let Some(r) = self.native_binary(a, b, op)? {
            return Ok(r);
        }
        Ok(self.not_implemented())
    }

    /// Whether the left operand's builtin number slot takes the right
    /// operand (int takes ints, float ints and floats, complex all three).
    fn native_left_handles(&self, a: ObjRef, b: ObjRef) -> bool {
        match (
            numeric_rank(self.heap.payload(a)),
            numeric_rank(self.heap.payload(b)),
        ) {
            (Some(x), Some(y)) => x >= y,
            _ => false,
        }
    }

    fn left_op(&mut self, a: ObjRef, b: ObjRef, op: Operator, a_py: bool, name: &str) -> PyResult {
        if a_py {
            return self.call_method(a, name, &[b]);
        }
        match self.native_binary(a, b, op)? {
            Some(r) => Ok(r),
            None => Ok(self.not_implemented()),
        }
    }

    /// The builtin types' implementations (symmetric: either operand may be
    /// the builtin one). None means NotImplemented.
    pub fn native_binary(
        &mut self,
        a: ObjRef,
        b: ObjRef,
        op: Operator,
    ) -> PyResult<Option<ObjRef>> {
        use Payload as P;
        match (self.heap.payload(a), self.heap.payload(b)) {
            (P::Int(_) | P::Bool(_), P::Int(_) | P::Bool(_)) => {
                if matches!(op, Operator::BitAnd | Operator::BitOr | Operator::BitXor)
                    && let (P::Bool(x), P::Bool(y)) = (self.heap.payload(a), self.heap.payload(b))
                {
                    let (x, y) = (*x, *y);
                    let r = match op {
                        Operator::BitAnd => x & y,
                        Operator::BitOr => x | y,
                        _ => x ^ y,
                    };
                    return Ok(Some(self.bool(r)));
                }
                super::int::int_binary(self, a, b, op)
            }
            (P::Complex(_), P::Complex(_) | P::Float(_) | P::Int(_) | P::Bool(_))
            | (P::Float(_) | P::Int(_) | P::Bool(_), P::Complex(_)) => {
                super::complex::complex_binary(self, a, b, op)
            }
            (P::Float(_), P::Float(_) | P::Int(_) | P::Bool(_))
            | (P::Int(_) | P::Bool(_), P::Float(_)) => super::float::float_binary(self, a, b, op),
            (P::Str(_), _) if op == Operator::Mod => {
                super::format::percent_format_obj(self, a, b).map(Some)
            }
            (P::Str(x), P::Str(y)) if op == Operator::Add => {
                let exact = |vm: &Vm, o: ObjRef| vm.heap.type_of(o) == vm.types.str;
                if y.text.is_empty() && exact(self, a) {
                    return Ok(Some(self.new_ref(a)));
                }
                if x.text.is_empty() && exact(self, b) {
                    return Ok(Some(self.new_ref(b)));
                }
                let mut s = String::with_capacity(x.text.len() + y.text.len());
                s.push_str(&x.text);
                s.push_str(&y.text);
                Ok(Some(self.new_string(s)))
            }
            (P::Bytes(x), P::Bytes(y)) if op == Operator::Add => {
                let v = [&x[..], &y[..]].concat();
                Ok(Some(self.new_bytes(&v)))
            }
            (P::Bytes(_) | P::ByteArray(_), P::Bytes(_) | P::ByteArray(_))
                if op == Operator::Add =>
            {
                let x = self.buffer_bytes(a).unwrap_or_default();
                let y = self.buffer_bytes(b).unwrap_or_default();
                let v = [&x[..], &y[..]].concat();
                Ok(Some(if matches!(self.heap.payload(a), P::ByteArray(_)) {
                    self.new_bytearray(&v)
                } else {
                    self.new_bytes(&v)
                }))
            }
            (P::List(x), P::List(y)) if op == Operator::Add => {
                let items: Vec<ObjRef> = x.iter().chain(y.iter()).copied().collect();
                for &i in &items {
                    self.incref(i, Holder::Temp);
                }
                Ok(Some(self.new_list(items)))
            }
            (P::Tuple(x), P::Tuple(y)) if op == Operator::Add => {
                if y.is_empty() && self.heap.type_of(a) == self.types.tuple {
                    return Ok(Some(self.new_ref(a)));
                }
                if x.is_empty() && self.heap.type_of(b) == self.types.tuple {
                    return Ok(Some(self.new_ref(b)));
                }
                let items: Vec<ObjRef> = x.iter().chain(y.iter()).copied().collect();
                Ok(Some(self.new_tuple_from(&items)))
            }
            (
                P::Str(_) | P::List(_) | P::Tuple(_) | P::Bytes(_) | P::ByteArray(_),
                P::Int(_) | P::Bool(_),
            ) if op == Operator::Mult => self.seq_repeat(a, b).map(Some),
            (
                P::Int(_) | P::Bool(_),
                P::Str(_) | P::List(_) | P::Tuple(_) | P::Bytes(_) | P::ByteArray(_),
            ) if op == Operator::Mult => self.seq_repeat(b, a).map(Some),
            (P::Set(_), P::Set(_)) => super::set_methods::set_binary(self, a, b, op),
            (P::Dict(_), P::Dict(_)) if op == Operator::BitOr => {
                super::dict::dict_or(self, a, b).map(Some)
            }
            (P::DictView { .. }, _) | (_, P::DictView { .. }) => {
                super::set_methods::view_binary(self, a, b, op)
            }
            _ => Ok(None),
        }
    }

    /// In-place forms that mutate the left operand (list `+=`/`*=`, set `|=`…).
    fn native_inplace(&mut self, a: ObjRef, b: ObjRef, op: Operator) -> PyResult<Option<ObjRef>> {
        match (self.heap.payload(a), op) {
            (Payload::List(_), Operator::Add) => {
                self.list_extend(a, b)?;
                Ok(Some(self.new_ref(a)))
            }
            (Payload::List(_), Operator::Mult) => {
                super::list::list_inplace_repeat(self, a, b)?;
                Ok(Some(self.new_ref(a)))
            }
            (Payload::Set(_), _) if self.heap.type_of(a) != self.types.frozenset => {
                super::set_methods::set_inplace(self, a, b, op)
            }
            (Payload::ByteArray(_), Operator::Add) if self.buffer_bytes(b).is_some() => {
                super::bytearray::bytearray_extend(self, a, b)?;
                Ok(Some(self.new_ref(a)))
            }
            (Payload::Dict(_), Operator::BitOr) => {
                super::dict::dict_update_from(self, a, b)?;
                Ok(Some(self.new_ref(a)))
            }
            _ => Ok(None),
        }
    }

    /// `seq * n`.
    fn seq_repeat(&mut self, seq: ObjRef, n: ObjRef) -> PyResult {
        let n = match self.small_int_value(n) {
            Some(n) => n.max(0) as usize,
            None => return Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        match self.heap.payload(seq) {
            Payload::Str(s) => {
                if n == 1 && self.heap.type_of(seq) == self.types.str {
                    return Ok(self.new_ref(seq));
                }
                let r = s.text.repeat(n);
                Ok(self.new_string(r))
            }
            Payload::Bytes(b) => {
                let r = b.repeat(n);
                Ok(self.new_bytes(&r))
            }
            Payload::ByteArray(b) => {
                let r = b.data.repeat(n);
                Ok(self.new_bytearray(&r))
            }
            Payload::List(l) => {
                let items: Vec<ObjRef> = l.iter().copied().cycle().take(l.len() * n).collect();
                for &i in &items {
                    self.incref(i, Holder::Temp);
                }
                Ok(self.new_list(items))
            }
            Payload::Tuple(t) => {
                if n == 1 && self.heap.type_of(seq) == self.types.tuple {
                    return Ok(self.new_ref(seq));
                }
                let items: Vec<ObjRef> = t.iter().copied().cycle().take(t.len() * n).collect();
                Ok(self.new_tuple_from(&items))
            }
            _ => Ok(self.not_implemented()),
        }
    }

    fn binop_type_error(
        &mut self,
        a: ObjRef,
        b: ObjRef,
        op: Operator,
        inplace: bool,
    ) -> crate::runtime::vm::PyErr {
        let (ta, tb) = (self.type_name_of(a), self.type_name_of(b));
        let seq = |p: &Payload| {
            matches!(
                p,
                Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
            )
        };
        if op == Operator::Add
            && seq(self.heap.payload(a))
            && !self.is_heap_type(self.heap.type_of(a))
        {
            return self.type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
        if op == Operator::Mult && (seq(self.heap.payload(a)) || seq(self.heap.payload(b))) {
            let other = if seq(self.heap.payload(a)) { tb } else { ta };
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{other}'"
            ));
        }
        let (_, _, _, sym) = op_names(op);
        let sym = if op == Operator::Pow && !inplace {
            "** or pow()".to_string()
        } else if inplace {
            format!("{sym}=")
        } else {
            sym.to_string()
        };
        self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
        ))
    }

    /// Unary `-x`, `+x`, `~x`, `not x`.
    pub fn unary_op(&mut self, a: ObjRef, op: UnaryOperator) -> PyResult {
        if op == UnaryOperator::Not {
            let t = self.is_true(a)?;
            return Ok(self.bool(!t));
        }
        let (name, sym) = match op {
            UnaryOperator::USub => ("__neg__", "-"),
            UnaryOperator::UAdd => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        let ta = self.heap.type_of(a);
        if self.is_heap_type(ta) && self.has_python_override(ta, name) {
            return self.call_method(a, name, &[]);
        }
        match self.heap.payload(a) {
            Payload::Int(_) | Payload::Bool(_) => {
                let v = self.bigint_value(a).unwrap_or_default();
                let r = match op {
                    UnaryOperator::USub => -v,
                    UnaryOperator::UAdd => v,
                    _ => -v - 1,
                };
                Ok(self.new_bigint(r))
            }
            Payload::Float(f) if op != UnaryOperator::Invert => {
                let f = *f;
                Ok(self.new_float(if op == UnaryOperator::USub { -f } else { f }))
            }
            Payload::Complex(c) if op != UnaryOperator::Invert => {
                let c = *c;
                let neg = op == UnaryOperator::USub;
                Ok(super::complex::complex_unary(self, c, neg))
            }
            _ => {
                if let Some(r) = self.with_proxy_referent(a, |vm, x| vm.unary_op(x, op)) {
                    return r;
                }
                let tn = self.type_name(ta);
                Err(self.type_error(format!("bad operand type for unary {sym}: '{tn}'")))
            }
        }
    }
}

/// The numeric tower level of a builtin number payload (None otherwise).
fn numeric_rank(p: &Payload) -> Option<u8> {
    match p {
        Payload::Bool(_) | Payload::Int(_) => Some(0),
        Payload::Float(_) => Some(1),
        Payload::Complex(_) => Some(2),
        _ => None,
    }
}
