//! Separately allocated item storage: a list's `ob_item` array is a block
//! of its own (`PyMem_Malloc`/`PyMem_Realloc`/`PyMem_Free` of 8 bytes per
//! allocated slot), served by pymalloc like any object, so it takes part
//! in address reuse, `sys.getallocatedblocks()` and tracemalloc's numbers
//! as in CPython.
//!
//! The list's capacity (CPython's `allocated`, see `semantics::list_size`)
//! is the `Vec`'s capacity. Code that may change it marks the list
//! ([`Vm::storage_touched`]); the recorded block is brought up to date
//! lazily, just before the next allocator operation ([`Vm::sync_storage`]).
//! Nothing else touches the allocator in between, so the order of
//! allocator operations — and hence every address — is the same as if the
//! `realloc` had happened at the mutation itself. A list's storage is freed
//! after its items and before the list object (`list_dealloc`).

use crate::runtime::heap::{GcHead, ObjRef};
use crate::runtime::object::Payload;
use crate::runtime::vm::Vm;

/// Bytes of a payload's separately allocated storage (0: none).
fn storage_bytes(payload: &Payload) -> u32 {
    match payload {
        Payload::List(v) => (8 * v.capacity()).min(u32::MAX as usize) as u32,
        _ => 0,
    }
}

impl Vm {
    /// Notes that `o`'s storage may have changed size.
    #[inline]
    pub fn storage_touched(&mut self, o: ObjRef) {
        let dirty = &mut self.allocator.storage_dirty;
        if dirty.last() != Some(&o) {
            dirty.push(o);
        }
    }

    /// Applies the pending storage changes (before any allocator operation
    /// and before memory is reported).
    #[inline]
    pub(crate) fn sync_storage(&mut self) {
        if !self.allocator.storage_dirty.is_empty() {
            self.sync_storage_slow();
        }
    }

    #[cold]
    fn sync_storage_slow(&mut self) {
        let dirty = std::mem::take(&mut self.allocator.storage_dirty);
        for o in dirty {
            self.sync_storage_of(o);
        }
    }

    /// `PyMem_Realloc` of `o`'s storage to its current size.
    fn sync_storage_of(&mut self, o: ObjRef) {
        let Some(obj) = self.heap.objects.get(o) else {
            return;
        };
        let want = storage_bytes(&obj.payload);
        let key = obj.addr;
        let (old, have) = self.allocator.storage.get(&key).copied().unwrap_or((0, 0));
        if want == have {
            return;
        }
        let new = self.allocator.realloc(old, have, want);
        if self.tracemalloc.is_some() {
            if old != 0 {
                self.trace_free(old);
            }
            if new != 0 {
                self.trace_alloc(new, want);
            }
        }
        let head = &mut self.heap.objects[o].gc;
        if new == 0 {
            self.allocator.storage.remove(&key);
            head.flags &= !GcHead::F_HAS_STORAGE;
        } else {
            self.allocator.storage.insert(key, (new, want));
            head.flags |= GcHead::F_HAS_STORAGE;
        }
    }

    /// `PyMem_Free` of the storage of the object at `addr` being freed.
    pub(crate) fn free_storage_of(&mut self, addr: u64) {
        if let Some((block, size)) = self.allocator.storage.remove(&addr) {
            self.allocator.free(block, size);
            if self.tracemalloc.is_some() {
                self.trace_free(block);
            }
        }
    }
}
