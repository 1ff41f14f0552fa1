//! Code objects as heap objects: `new_code` materialises a compiled
//! [`CodeObject`]'s constants (nested code objects recursively) and names as
//! heap objects, interning names and identifier-like string constants as
//! CPython's compiler does.

use super::intern::is_identifier_like;
use crate::bytecode::{CodeObject, Const};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{CodeData, Payload};
use crate::runtime::vm::Vm;
use crate::semantics::set_table::SetTable;
use std::rc::Rc;

impl Vm {
    /// A new code object for `code` (a new reference).
    pub fn new_code(&mut self, code: Rc<CodeObject>) -> ObjRef {
        let consts = code.consts.iter().map(|c| self.new_const(c)).collect();
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

    /// A heap object for one constant (a new reference).
    pub fn new_const(&mut self, c: &Const) -> ObjRef {
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
                let items = items.iter().map(|c| self.new_const(c)).collect();
                self.new_tuple(items)
            }
            Const::Code(code) => self.new_code(code.clone()),
            Const::FrozenSet(items) => {
                let ty = self.types.frozenset;
                let items: Vec<ObjRef> = items.iter().map(|c| self.new_const(c)).collect();
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
