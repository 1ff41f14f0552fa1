//! String interning as CPython 3.11 does it: identifier-like constants and all
//! names in code objects are interned, `sys.intern` interns on request. The
//! table does not own references ("mortal" interned strings): when an
//! interned string is freed, dealloc calls [`forget_interned`] to remove it.

use super::constructors::make_pystr;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::vm::Vm;
use std::rc::Rc;

/// Whether CPython's compiler would intern a string constant
/// (`all_name_chars`: only ASCII letters, digits and underscores).
pub fn is_identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

impl Vm {
    /// A new reference to the interned string equal to `s`.
    pub fn intern(&mut self, s: &str) -> ObjRef {
        if let Some(o) = self.cached_str(s) {
            return self.new_ref(o);
        }
        if let Some(&o) = self.types.interned.get(s) {
            return self.new_ref(o);
        }
        let rc: Rc<str> = Rc::from(s);
        self.intern_new(rc)
    }

    /// `intern` for text already in an `Rc`.
    pub fn intern_rc(&mut self, s: &Rc<str>) -> ObjRef {
        if let Some(o) = self.cached_str(s) {
            return self.new_ref(o);
        }
        if let Some(&o) = self.types.interned.get(s) {
            return self.new_ref(o);
        }
        self.intern_new(s.clone())
    }

    fn intern_new(&mut self, rc: Rc<str>) -> ObjRef {
        let ty = self.types.str;
        let o = self.alloc(ty, Payload::Str(make_pystr(rc.clone())));
        self.types.interned.insert(rc, o);
        o
    }

    /// `sys.intern(o)`: interns an existing str object in place (returns a
    /// new reference to the interned one, which may be `o` itself).
    pub fn intern_obj(&mut self, o: ObjRef) -> ObjRef {
        let Some(text) = self.str_rc(o) else {
            return self.new_ref(o);
        };
        if let Some(c) = self.cached_str(&text) {
            return self.new_ref(c);
        }
        if let Some(&i) = self.types.interned.get(&text) {
            return self.new_ref(i);
        }
        if self.heap.type_of(o) == self.types.str {
            self.types.interned.insert(text, o);
        }
        self.new_ref(o)
    }

    /// Whether `o` is the interned string for its text.
    pub fn is_interned(&self, o: ObjRef) -> bool {
        match self.str_value(o) {
            Some(t) => self.types.interned.get(t) == Some(&o),
            None => false,
        }
    }
}

/// Called by dealloc for every freed str: an interned string leaves the table.
pub fn forget_interned(vm: &mut Vm, o: ObjRef) {
    if let Payload::Str(s) = vm.heap.payload(o)
        && vm.types.interned.get(&s.text) == Some(&o)
    {
        let t = s.text.clone();
        vm.types.interned.remove(&t);
    }
}
