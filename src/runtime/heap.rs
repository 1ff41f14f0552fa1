//! The heap: every Python value lives here as an [`Object`] with a type, a
//! reference count and a simulated address.
//!
//! The heap only stores objects; it does not know Python semantics. Reference
//! counting that can free objects (and so run `__del__`) lives on the VM
//! (`Vm::incref`/`Vm::decref` in `vm/refcount.rs`), because freeing may call Python code.
//!
//! Invariant (checked by the heap audit): for every live object, `refcount`
//! equals the number of references that really point at it from holders
//! (frames, cells, containers, fields, namespaces, interpreter roots).

use super::object::Payload;
use slotmap::{SlotMap, new_key_type};

new_key_type! {
    /// A reference to a heap object. Copying an `ObjRef` does not change any
    /// reference count: owning a reference is a convention, as in CPython's C code.
    pub struct ObjRef;
}

/// A Python object: CPython's `PyObject` header plus the type-specific payload.
#[derive(Debug)]
pub struct Object {
    /// `ob_refcnt`.
    pub refcount: u64,
    /// `ob_type` (a reference the object owns).
    pub ty: ObjRef,
    /// Instance `__dict__` for objects of classes that have one (owned), created lazily.
    pub dict: Option<ObjRef>,
    /// Simulated address (`id()`), from the allocator model.
    pub addr: u64,
    /// Bytes this object occupies in the allocator model (`sys.getsizeof` basis).
    pub size: u32,
    /// Set once `__del__` has run (PEP 442: at most once).
    pub finalized: bool,
    pub payload: Payload,
}

/// The object store. Slot keys carry a version, so a stale `ObjRef` to a freed
/// object is detected instead of silently reading another object.
#[derive(Debug, Default)]
pub struct Heap {
    pub objects: SlotMap<ObjRef, Object>,
}

impl Heap {
    pub fn new() -> Self {
        Heap {
            objects: SlotMap::with_key(),
        }
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Object {
        &self.objects[r]
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        &mut self.objects[r]
    }

    #[inline]
    pub fn payload(&self, r: ObjRef) -> &Payload {
        &self.objects[r].payload
    }

    #[inline]
    pub fn payload_mut(&mut self, r: ObjRef) -> &mut Payload {
        &mut self.objects[r].payload
    }

    #[inline]
    pub fn type_of(&self, r: ObjRef) -> ObjRef {
        self.objects[r].ty
    }

    #[inline]
    pub fn refcount(&self, r: ObjRef) -> u64 {
        self.objects[r].refcount
    }

    pub fn contains(&self, r: ObjRef) -> bool {
        self.objects.contains_key(r)
    }

    pub fn len(&self) -> usize {
        self.objects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}
