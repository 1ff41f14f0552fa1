//! Constructors returning new references to builtin values, and readers of
//! builtin values. Cached objects (small ints, singletons, one-character
//! strings, the empty tuple/str) are shared exactly where CPython shares them.

use super::hash::hash_str;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{DictData, Payload, PyInt, PyStr, SetData};
use crate::runtime::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

/// Smallest and largest cached ints (`_PY_NSMALLNEGINTS`, `_PY_NSMALLPOSINTS - 1`).
pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

/// A `PyStr` for `text` with its length and hash computed.
pub fn make_pystr(text: Rc<str>) -> PyStr {
    let char_len = text.chars().count();
    let hash = Some(hash_str(&text));
    PyStr {
        text,
        char_len,
        hash,
    }
}

impl Vm {
    /// A new reference to a cached or static object.
    #[inline]
    pub fn new_ref(&mut self, o: ObjRef) -> ObjRef {
        self.incref(o, Holder::Temp);
        o
    }

    /// Releases a temporary reference.
    #[inline]
    pub fn decref_temp(&mut self, o: ObjRef) {
        self.decref(o, Holder::Temp);
    }

    pub fn none(&mut self) -> ObjRef {
        let n = self.types.none;
        self.new_ref(n)
    }

    pub fn true_(&mut self) -> ObjRef {
        let t = self.types.true_;
        self.new_ref(t)
    }

    pub fn false_(&mut self) -> ObjRef {
        let f = self.types.false_;
        self.new_ref(f)
    }

    pub fn bool(&mut self, b: bool) -> ObjRef {
        if b { self.true_() } else { self.false_() }
    }

    pub fn not_implemented(&mut self) -> ObjRef {
        let n = self.types.not_implemented;
        self.new_ref(n)
    }

    pub fn new_int(&mut self, v: i64) -> ObjRef {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            let o = self.types.small_ints[(v - SMALL_INT_MIN) as usize];
            return self.new_ref(o);
        }
        let ty = self.types.int;
        self.alloc(ty, Payload::Int(PyInt::Small(v)))
    }

    /// A new int from a big value, normalised to `Small` when it fits.
    pub fn new_bigint(&mut self, v: BigInt) -> ObjRef {
        match v.to_i64() {
            Some(i) => self.new_int(i),
            None => {
                let ty = self.types.int;
                self.alloc(ty, Payload::Int(PyInt::Big(Box::new(v))))
            }
        }
    }

    pub fn new_pyint(&mut self, v: PyInt) -> ObjRef {
        match v {
            PyInt::Small(i) => self.new_int(i),
            PyInt::Big(b) => self.new_bigint(*b),
        }
    }

    pub fn new_float(&mut self, v: f64) -> ObjRef {
        let ty = self.types.float;
        self.alloc(ty, Payload::Float(v))
    }

    /// A new str (the shared empty string and one-character latin-1
    /// strings are returned for those values, as CPython does).
    pub fn new_str(&mut self, s: &str) -> ObjRef {
        if let Some(o) = self.cached_str(s) {
            return self.new_ref(o);
        }
        self.alloc_str(Rc::from(s))
    }

    /// `new_str` taking an owned string.
    pub fn new_string(&mut self, s: String) -> ObjRef {
        if let Some(o) = self.cached_str(&s) {
            return self.new_ref(o);
        }
        self.alloc_str(Rc::from(s))
    }

    /// `new_str` for text already in an `Rc` (no copy).
    pub fn new_str_rc(&mut self, s: Rc<str>) -> ObjRef {
        if let Some(o) = self.cached_str(&s) {
            return self.new_ref(o);
        }
        self.alloc_str(s)
    }

    fn alloc_str(&mut self, s: Rc<str>) -> ObjRef {
        let ty = self.types.str;
        self.alloc(ty, Payload::Str(make_pystr(s)))
    }

    /// The static object for "" and one-character latin-1 strings.
    #[inline]
    pub(crate) fn cached_str(&self, s: &str) -> Option<ObjRef> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Some(self.types.empty_str),
            (Some(c), None) if (c as u32) < 256 => Some(self.types.latin1[c as usize]),
            _ => None,
        }
    }

    pub fn new_bytes(&mut self, b: &[u8]) -> ObjRef {
        if b.is_empty() {
            let e = self.types.empty_bytes;
            return self.new_ref(e);
        }
        let ty = self.types.bytes;
        self.alloc(ty, Payload::Bytes(Rc::from(b)))
    }

    /// A new tuple taking ownership of `items` (the empty tuple is shared).
    pub fn new_tuple(&mut self, items: Vec<ObjRef>) -> ObjRef {
        if items.is_empty() {
            let e = self.types.empty_tuple;
            return self.new_ref(e);
        }
        let ty = self.types.tuple;
        self.alloc(ty, Payload::Tuple(items.into_boxed_slice()))
    }

    /// A new tuple holding new references to borrowed `items`.
    pub fn new_tuple_from(&mut self, items: &[ObjRef]) -> ObjRef {
        for &i in items {
            self.incref(i, Holder::Temp);
        }
        self.new_tuple(items.to_vec())
    }

    /// A new list taking ownership of `items`.
    pub fn new_list(&mut self, items: Vec<ObjRef>) -> ObjRef {
        let ty = self.types.list;
        let items = super::list::with_cpython_capacity(items);
        self.alloc(ty, Payload::List(items))
    }

    pub fn new_dict(&mut self) -> ObjRef {
        let ty = self.types.dict;
        self.alloc(ty, Payload::Dict(Box::<DictData>::default()))
    }

    pub fn new_set(&mut self) -> ObjRef {
        let ty = self.types.set;
        self.alloc(ty, Payload::Set(Box::<SetData>::default()))
    }

    // ---- readers

    #[inline]
    pub fn int_value(&self, o: ObjRef) -> Option<&PyInt> {
        match self.heap.payload(o) {
            Payload::Int(i) => Some(i),
            _ => None,
        }
    }

    /// An int or bool as i64 (None for big ints and other types).
    #[inline]
    pub fn small_int_value(&self, o: ObjRef) -> Option<i64> {
        match self.heap.payload(o) {
            Payload::Int(PyInt::Small(i)) => Some(*i),
            Payload::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }

    /// An int or bool as a BigInt.
    pub fn bigint_value(&self, o: ObjRef) -> Option<BigInt> {
        match self.heap.payload(o) {
            Payload::Int(PyInt::Small(i)) => Some(BigInt::from(*i)),
            Payload::Int(PyInt::Big(b)) => Some((**b).clone()),
            Payload::Bool(b) => Some(BigInt::from(i64::from(*b))),
            _ => None,
        }
    }

    #[inline]
    pub fn float_value(&self, o: ObjRef) -> Option<f64> {
        match self.heap.payload(o) {
            Payload::Float(f) => Some(*f),
            _ => None,
        }
    }

    #[inline]
    pub fn str_value(&self, o: ObjRef) -> Option<&str> {
        match self.heap.payload(o) {
            Payload::Str(s) => Some(&s.text),
            _ => None,
        }
    }

    /// The `Rc` text of a str object (cheap to clone).
    #[inline]
    pub fn str_rc(&self, o: ObjRef) -> Option<Rc<str>> {
        match self.heap.payload(o) {
            Payload::Str(s) => Some(s.text.clone()),
            _ => None,
        }
    }

    /// Items of a tuple or list (a copy of the refs, borrowed).
    pub fn seq_items(&self, o: ObjRef) -> Option<Vec<ObjRef>> {
        match self.heap.payload(o) {
            Payload::Tuple(t) => Some(t.to_vec()),
            Payload::List(l) => Some(l.clone()),
            _ => None,
        }
    }

    pub fn is_none(&self, o: ObjRef) -> bool {
        o == self.types.none
    }

    /// The str value of `o` or a TypeError naming `what`.
    pub fn expect_str(&mut self, o: ObjRef, what: &str) -> PyResult<Rc<str>> {
        match self.str_rc(o) {
            Some(s) => Ok(s),
            None => {
                let tn = self.type_name_of(o);
                Err(self.type_error(format!("{what} must be str, not {tn}")))
            }
        }
    }
}
