//! Code objects as heap objects: `new_code` materialises a compiled
//! [`CodeObject`]'s constants (nested code objects recursively) and names as
//! heap objects, interning names and identifier-like string constants as
//! CPython's compiler does. Equal constants of one compilation are one
//! object (the compiler's `c_const_cache`, `merge_consts_recursive`): the
//! module's `1000` is the function's `1000`, and a tuple constant's items
//! are the same objects as the equal standalone constants.

use super::intern::is_identifier_like;
use crate::bytecode::{CodeObject, Const};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{CodeData, Payload};
use crate::runtime::vm::Vm;
use crate::semantics::set_table::SetTable;
use std::collections::HashMap;
use std::rc::Rc;

/// The objects made for the constants of one compilation, by constant key
/// (`_PyCode_ConstantKey`: type and value, `-0.0` apart from `0.0`). The
/// cache borrows: each object is owned by the code objects listing it.
type ConstCache = HashMap<String, ObjRef>;

/// The cache key of a constant; code objects and NaNs are never merged.
fn const_key(c: &Const) -> Option<String> {
    fn has_unmergeable(c: &Const) -> bool {
        match c {
            Const::Code(_) => true,
            Const::Float(f) => f.is_nan(),
            Const::Complex { real, imag } => real.is_nan() || imag.is_nan(),
            Const::Tuple(items) | Const::FrozenSet(items) => items.iter().any(has_unmergeable),
            _ => false,
        }
    }
    if has_unmergeable(c) {
        return None;
    }
    let key = match c {
        // Debug of f64 keeps the sign of zero and every digit of the value.
        Const::FrozenSet(items) => {
            let mut keys: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
            keys.sort();
            format!("frozenset{keys:?}")
        }
        _ => format!("{c:?}"),
    };
    Some(key)
}

impl Vm {
    /// A new code object for `code` (a new reference); equal constants of
    /// all its nested code objects are shared.
    pub fn new_code(&mut self, code: Rc<CodeObject>) -> ObjRef {
        let mut cache = ConstCache::new();
        self.new_code_cached(code, &mut cache)
    }

    fn new_code_cached(&mut self, code: Rc<CodeObject>, cache: &mut ConstCache) -> ObjRef {
        let consts = code
            .consts
            .iter()
            .map(|c| self.new_const_cached(c, cache))
            .collect();
        let names = code.names.iter().map(|n| self.intern_rc(n)).collect();
        let localsplusnames = code
            .localsplusnames
            .iter()
            .map(|n| self.intern_rc(n))
            .collect();
        let ty = self.types.code;
        self.alloc(
            ty,
            Payload::Code(Box::new(CodeData {
                code,
                consts,
                names,
                localsplusnames,
            })),
        )
    }

    /// A heap object for one constant (a new reference), shared with an
    /// equal constant made before in the same compilation.
    fn new_const_cached(&mut self, c: &Const, cache: &mut ConstCache) -> ObjRef {
        let key = const_key(c);
        if let Some(k) = &key
            && let Some(&o) = cache.get(k)
            && self.heap.objects.contains_key(o)
        {
            return self.new_ref(o);
        }
        let o = self.new_const_uncached(c, cache);
        if let Some(k) = key {
            cache.insert(k, o);
        }
        o
    }

    /// A heap object for one constant (a new reference).
    pub fn new_const(&mut self, c: &Const) -> ObjRef {
        let mut cache = ConstCache::new();
        self.new_const_cached(c, &mut cache)
    }

    fn new_const_uncached(&mut self, c: &Const, cache: &mut ConstCache) -> ObjRef {
        match c {
            Const::None => self.none(),
            Const::Bool(b) => self.bool(*b),
            Const::Int(i) => self.new_bigint(i.clone()),
            Const::Float(f) => self.new_float(*f),
            Const::Str(s) => {
                if is_identifier_like(s) {
                    self.intern_rc(s)
                } else {
                    self.new_str_rc(s.clone())
                }
            }
            Const::Bytes(b) => self.new_bytes(b),
            Const::Ellipsis => {
                let e = self.types.ellipsis;
                self.new_ref(e)
            }
            Const::Tuple(items) => {
                let items = items
                    .iter()
                    .map(|c| self.new_const_cached(c, cache))
                    .collect();
                self.new_tuple(items)
            }
            Const::Code(code) => self.new_code_cached(code.clone(), cache),
            Const::FrozenSet(items) => {
                let ty = self.types.frozenset;
                let items: Vec<ObjRef> = items
                    .iter()
                    .map(|c| self.new_const_cached(c, cache))
                    .collect();
                let order = self.const_frozenset_order(&items);
                let s = self.alloc(ty, crate::runtime::object::Payload::Set(Box::default()));
                for &i in &order {
                    if let Err(e) = self.set_add(s, items[i]) {
                        self.discard_err(e);
                    }
                }
                for item in items {
                    self.decref_temp(item);
                }
                s
            }
            Const::Complex { real, imag } => {
                self.new_complex(crate::semantics::complex_ops::Complex::new(*real, *imag))
            }
        }
    }

    /// The order in which a frozenset constant's items enter the runtime
    /// object: CPython's compiler builds the frozenset from the items, then
    /// `merge_consts_recursive` rebuilds it from that set's iteration order.
    fn const_frozenset_order(&mut self, items: &[ObjRef]) -> Vec<usize> {
        let mut keys = Vec::with_capacity(items.len());
        for &it in items {
            match self.dict_key(it) {
                Ok(k) => keys.push(k),
                Err(e) => {
                    self.discard_err(e);
                    return (0..items.len()).collect();
                }
            }
        }
        let mut first = SetTable::new();
        for (i, k) in keys.iter().enumerate() {
            first.insert(k.hash, i, |j| keys[j].repr == k.repr);
        }
        first.iter().collect()
    }
}
