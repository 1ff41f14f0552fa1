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
    /// The cycle collector's per-object state (CPython's `PyGC_Head`), see `runtime::gc`.
    pub gc: GcHead,
    pub payload: Payload,
}

/// CPython's `PyGC_Head` plus a few flag bits: which generation list the
/// object is on (or none), and the collector's scratch `gc_refs`.
#[derive(Debug, Clone, Copy)]
pub struct GcHead {
    /// 0..=2 for the generations, [`GcHead::PERMANENT`] after `gc.freeze()`,
    /// [`GcHead::UNTRACKED`] when on no list.
    pub generation: u8,
    /// `GcHead::F_*` bits.
    pub flags: u8,
    /// Identifies this tracking of the object in its generation's list.
    pub stamp: u32,
    /// `gc_refs` during a collection.
    pub refs: i64,
}

impl GcHead {
    pub const UNTRACKED: u8 = 255;
    pub const PERMANENT: u8 = 3;
    /// The object's type supports GC (`Py_TPFLAGS_HAVE_GC`): it has the 16-byte header.
    pub const F_GC_TYPE: u8 = 1;
    /// Weak references to the object exist (`tp_weaklist` non-NULL).
    pub const F_HAS_WEAKREFS: u8 = 2;
    /// An instance `__dict__` that is only the instance's inline values
    /// (3.11's managed dict, not yet materialised by `obj.__dict__`).
    pub const F_INLINE_VALUES: u8 = 4;
    /// In the generation being collected (`PREV_MASK_COLLECTING`).
    pub const F_COLLECTING: u8 = 8;
    /// Tentatively unreachable (`NEXT_MASK_UNREACHABLE`).
    pub const F_UNREACHABLE: u8 = 16;
    /// A heap-type instance with 3.11's managed-dict pre-header (two
    /// pointers before the GC header): its address is 32 bytes into its block.
    pub const F_MANAGED_DICT: u8 = 32;
    /// Owns a separately allocated storage block (a list's `ob_item`),
    /// recorded in `MemoryModel::storage` (see `runtime::memory_storage`).
    pub const F_HAS_STORAGE: u8 = 64;

    /// Bytes between the start of the object's block and its address.
    #[inline]
    pub fn preheader(&self) -> u64 {
        let mut n = 0;
        if self.has(GcHead::F_GC_TYPE) {
            n += 16;
        }
        if self.has(GcHead::F_MANAGED_DICT) {
            n += 16;
        }
        n
    }

    /// The header of a new object: untracked, no flags.
    pub const fn new(gc_type: bool) -> GcHead {
        GcHead {
            generation: GcHead::UNTRACKED,
            flags: if gc_type { GcHead::F_GC_TYPE } else { 0 },
            stamp: 0,
            refs: 0,
        }
    }

    #[inline]
    pub fn is_tracked(&self) -> bool {
        self.generation != GcHead::UNTRACKED
    }

    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
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
