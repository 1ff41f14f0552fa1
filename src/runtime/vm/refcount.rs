//! Reference counting: allocation, incref, decref and deallocation.
//!
//! Type references: as in CPython 3.11, an instance of a *heap type* (a class
//! made by a `class` statement) owns a reference to its type
//! (`Holder::Field(obj, "ob_type")`), taken in `alloc` and released last in
//! `dealloc` — that is why `sys.getrefcount(MyClass)` rises with each
//! instance. Instances of builtin (static) types do not count their type:
//! those types are immortal-ish roots.
//!
//! Deallocation follows CPython: `__del__` first (at most once, PEP 442;
//! the object may be resurrected), then the instance `__dict__`, then the
//! payload's references in the order `Payload::for_each_ref` yields them, then
//! the type, and finally the address goes back to the allocator. Container
//! deallocations go through CPython's trashcan: beyond 50 nested
//! deallocations, objects are deferred and freed LIFO when the outermost
//! deallocation finishes, so deep chains never overflow the Rust stack.

use super::Vm;
use crate::runtime::events::{Event, FreeCause, Holder};
use crate::runtime::heap::{GcHead, ObjRef, Object};
use crate::runtime::object::{Payload, PyInt};

/// CPython's `_PyTrash_UNWIND_LEVEL`.
const TRASH_UNWIND_LEVEL: u32 = 50;

impl Vm {
    /// Creates an object with refcount 1 (the caller owns that reference).
    /// `ty` may be the null key only while bootstrapping the type objects.
    pub fn alloc(&mut self, ty: ObjRef, payload: Payload) -> ObjRef {
        let (size, heap_type, gc_type) = self.alloc_size(ty, &payload);
        let (block, recycled) = self.allocate_object_block(ty, &payload, size);
        // A GC object's address (`id()`) is just after its `PyGC_Head`
        // (and a heap-type instance's after its managed-dict pointers).
        let mut head = GcHead::new(gc_type);
        if heap_type && !matches!(payload, Payload::Type(_)) {
            head.flags |= GcHead::F_MANAGED_DICT;
        }
        let addr = block + head.preheader();
        // Dicts start untracked (tracked on their first container item).
        let track = gc_type && (heap_type || !matches!(payload, Payload::Dict(_)));
        let obj = self.heap.objects.insert(Object {
            refcount: 1,
            ty,
            dict: None,
            addr,
            size,
            finalized: false,
            gc: head,
            payload,
        });
        if gc_type {
            self.gc_on_alloc(obj, track, !recycled);
            if matches!(self.heap.objects[obj].payload, Payload::List(_)) {
                // Its `ob_item` comes right after the object (`PyList_New`).
                self.storage_touched(obj);
            }
        }
        if heap_type {
            self.incref(ty, Holder::Field(obj, "ob_type"));
            self.instances.push(obj);
            if self.instances.len() >= 1024 && self.instances.len() > 2 * self.heap.len() / 3 {
                let heap = &self.heap;
                self.instances.retain(|&r| heap.contains(r));
            }
        }
        if let Some(sink) = self.sink.as_mut() {
            let type_name = match self.heap.objects.get(ty).map(|t| &t.payload) {
                Some(Payload::Type(t)) => t.name.clone(),
                _ => "?".into(),
            };
            sink.event(&Event::Alloc {
                obj,
                type_name: &type_name,
                addr,
                size,
            });
            sink.allocated(obj, &self.heap.objects[obj]);
        }
        obj
    }

    /// Whether `ty` is a heap type (its instances own a reference to it).
    #[inline]
    pub fn is_heap_type(&self, ty: ObjRef) -> bool {
        matches!(self.heap.objects.get(ty).map(|t| &t.payload), Some(Payload::Type(t)) if t.heap_type)
    }

    /// The allocation size of an object: CPython 3.11's `tp_basicsize` plus
    /// its items, plus the GC header for container objects and the managed
    /// dict pointers of heap-type instances. Also says whether `ty` is a heap
    /// type and whether the object is a GC object.
    fn alloc_size(&self, ty: ObjRef, payload: &Payload) -> (u32, bool, bool) {
        let (basic, item, heap_type) = match self.heap.objects.get(ty).map(|t| &t.payload) {
            Some(Payload::Type(t)) => (t.basicsize, t.itemsize, t.heap_type),
            _ => (16, 0, false),
        };
        let nitems: u32 = match payload {
            Payload::Tuple(items) => items.len() as u32,
            Payload::Int(PyInt::Small(v)) => match v.unsigned_abs() {
                // `_PyLong_New` allocates at least one digit (also for 0).
                0 => 1,
                n => (64 - n.leading_zeros()).div_ceil(30),
            },
            Payload::Int(PyInt::Big(b)) => b.bits().div_ceil(30) as u32,
            Payload::Str(s) => {
                // Compact ASCII / latin-1 / UCS-2 / UCS-4 layouts.
                let max = s.text.chars().map(|c| c as u32).max().unwrap_or(0);
                let n = s.char_len as u32 + 1;
                let size = match max {
                    // PyASCIIObject is 48 bytes, PyCompactUnicodeObject 72.
                    0..=0x7f => 48 + n,
                    0x80..=0xff => 72 + n,
                    0x100..=0xffff => 72 + 2 * n,
                    _ => 72 + 4 * n,
                };
                return (size, heap_type, heap_type);
            }
            Payload::Bytes(b) => return (33 + b.len() as u32, heap_type, heap_type),
            _ => 0,
        };
        let gc = heap_type || crate::runtime::gc::is_gc_payload(payload);
        if nitems == 1 && !heap_type && matches!(payload, Payload::Int(_)) {
            // `_PyLong_FromMedium` allocates `sizeof(PyLongObject)`: 32
            // bytes with padding (`sys.getsizeof` still says 28).
            return (32, false, false);
        }
        let mut size = basic + item * nitems;
        if gc {
            size += crate::runtime::memory::GC_HEADER;
        }
        if heap_type {
            size += 16;
        }
        (size, heap_type, gc)
    }

    /// Takes a new reference to `o` on behalf of `holder`.
    // Always inlined: the eval loop increfs on nearly every instruction.
    #[inline(always)]
    pub fn incref(&mut self, o: ObjRef, holder: Holder) {
        let Some(obj) = self.heap.objects.get_mut(o) else {
            self.internal_error("incref of a freed object");
            return;
        };
        obj.refcount += 1;
        if self.sink.is_some() {
            let new_count = obj.refcount;
            self.report_incref(o, holder, new_count);
        }
    }

    #[cold]
    #[inline(never)]
    fn report_incref(&mut self, obj: ObjRef, holder: Holder, new_count: u64) {
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::Incref {
                obj,
                holder,
                new_count,
            });
        }
    }

    #[cold]
    #[inline(never)]
    fn report_decref(&mut self, obj: ObjRef, holder: Holder, new_count: u64) {
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::Decref {
                obj,
                holder,
                new_count,
            });
        }
    }

    /// Releases `holder`'s reference to `o`, freeing it at zero.
    #[inline(always)]
    pub fn decref(&mut self, o: ObjRef, holder: Holder) {
        let Some(obj) = self.heap.objects.get_mut(o) else {
            self.internal_error("decref of a freed object");
            return;
        };
        obj.refcount = obj.refcount.saturating_sub(1);
        let count = obj.refcount;
        if self.sink.is_some() {
            self.report_decref(o, holder, count);
        }
        if count == 0 {
            self.dealloc(o);
        }
    }

    /// `Py_XDECREF`.
    #[inline]
    pub fn xdecref(&mut self, o: Option<ObjRef>, holder: Holder) {
        if let Some(o) = o {
            self.decref(o, holder);
        }
    }

    /// Records an internal inconsistency; the eval loop stops with `Fatal::Internal`.
    #[cold]
    #[inline(never)]
    pub fn internal_error(&mut self, msg: &str) {
        if self.pending_internal_error.is_none() {
            self.pending_internal_error = Some(msg.to_string());
        }
    }

    /// Frees an object whose refcount reached zero.
    #[inline(never)]
    fn dealloc(&mut self, o: ObjRef) {
        if self.free_atomic(o) {
            return;
        }
        let (ty, finalized, uses_trashcan) = {
            let obj = &self.heap.objects[o];
            let container = matches!(
                obj.payload,
                Payload::Tuple(_) | Payload::List(_) | Payload::Dict(_) | Payload::Set(_)
            );
            (obj.ty, obj.finalized, container)
        };
        let heap_type = self.is_heap_type(ty);
        let uses_trashcan = uses_trashcan || heap_type;
        if let Payload::WeakRef(_) = self.heap.objects[o].payload {
            // weakref_dealloc: leave the referent's list.
            self.weakref_clear_ref(o);
        }
        if !heap_type && self.heap.objects[o].gc.has(GcHead::F_HAS_WEAKREFS) {
            // Builtin types clear their weakrefs first (func_dealloc, gen_dealloc…).
            self.weakref_clear_on_dealloc(o);
        }
        if uses_trashcan {
            if self.trash_nesting >= TRASH_UNWIND_LEVEL {
                self.trash_later.push(o);
                return;
            }
            self.trash_nesting += 1;
        }
        let resurrected = if heap_type && !finalized {
            self.finalize(o)
        } else if !finalized && matches!(self.heap.objects[o].payload, Payload::Generator(_)) {
            self.finalize_generator(o)
        } else {
            false
        };
        if !resurrected {
            if heap_type && self.heap.objects[o].gc.has(GcHead::F_HAS_WEAKREFS) {
                // subtype_dealloc: after __del__, before the attributes go.
                self.weakref_clear_on_dealloc(o);
            }
            self.release_contents(o, heap_type);
        }
        if uses_trashcan {
            self.trash_nesting -= 1;
            if self.trash_nesting == 0 && !self.trash_later.is_empty() {
                self.destroy_trash_chain();
            }
        }
    }

    /// The common case made cheap: an int, float or plain object of a
    /// builtin type, with no `__dict__`, owns nothing and has no finalizer,
    /// so freeing it is just returning its slot and its address.
    #[inline]
    fn free_atomic(&mut self, o: ObjRef) -> bool {
        let Some(obj) = self.heap.objects.get(o) else {
            return false;
        };
        // Exact ints and floats (most frees) need no look at their type.
        let exact = obj.ty == self.types.int || obj.ty == self.types.float;
        if obj.dict.is_some()
            || !matches!(
                obj.payload,
                Payload::Int(PyInt::Small(_)) | Payload::Float(_) | Payload::Plain
            )
            || (!exact && self.is_heap_type(obj.ty))
        {
            return false;
        }
        if let Some(obj) = self.heap.objects.remove(o) {
            let kind = self.free_list_kind(obj.ty, &obj.payload);
            let _ = self.free_object_block(&obj, kind);
        }
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::Free {
                obj: o,
                cause: FreeCause::RefcountZero,
            });
        }
        true
    }

    /// Runs `__del__` (PEP 442: once per object). Returns true when the
    /// object was resurrected by it.
    fn finalize(&mut self, o: ObjRef) -> bool {
        let Some(del) = self.lookup_special_ref(o, "__del__") else {
            return false;
        };
        self.heap.objects[o].finalized = true;
        // PyObject_CallFinalizerFromDealloc: temporarily resurrect.
        self.heap.objects[o].refcount = 1;
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::Finalize { obj: o });
        }
        let saved = self.take_current_exception_state();
        match self.call(del, &[o], None) {
            Ok(r) => self.decref(r, Holder::Temp),
            Err(err) => self.write_unraisable(err, Some(del)),
        }
        self.restore_current_exception_state(saved);
        self.decref(del, Holder::Temp);
        let obj = &mut self.heap.objects[o];
        obj.refcount -= 1;
        obj.refcount > 0
    }

    /// `_PyTrash_thread_destroy_chain`: frees the deferred objects, newest first.
    fn destroy_trash_chain(&mut self) {
        self.trash_nesting += 1;
        while let Some(o) = self.trash_later.pop() {
            let heap_type = self.is_heap_type(self.heap.objects[o].ty);
            let resurrected = heap_type && !self.heap.objects[o].finalized && self.finalize(o);
            if !resurrected {
                if self.heap.objects[o].gc.has(GcHead::F_HAS_WEAKREFS) {
                    self.weakref_clear_on_dealloc(o);
                }
                self.release_contents(o, heap_type);
            }
        }
        self.trash_nesting -= 1;
    }

    /// Releases everything `o` owns, then the object itself.
    fn release_contents(&mut self, o: ObjRef, heap_type: bool) {
        if matches!(self.heap.objects[o].payload, Payload::Str(_)) {
            crate::runtime::types::intern::forget_interned(self, o);
        }
        // A split dict releases its values in shared-key order, then the keys.
        let split = self.split_dict_order(o);
        let obj = &mut self.heap.objects[o];
        let payload = std::mem::replace(&mut obj.payload, Payload::Plain);
        let dict = obj.dict.take();
        let ty = obj.ty;
        let free_list = self.free_list_kind(ty, &payload);
        if let Some(d) = dict {
            self.decref(d, Holder::Field(o, "__dict__"));
        }
        match payload {
            // The common containers without an intermediate buffer.
            Payload::List(items) => {
                for &r in items.iter().rev() {
                    self.decref(r, Holder::Item(o));
                }
            }
            Payload::Tuple(items) => {
                for &r in items.iter().rev() {
                    self.decref(r, Holder::Item(o));
                }
            }
            Payload::Int(_)
            | Payload::Float(_)
            | Payload::Complex(_)
            | Payload::Str(_)
            | Payload::Plain => {}
            Payload::Dict(_) if split.is_some() => {
                let entries = split.unwrap_or_default();
                for &(_, v) in &entries {
                    self.decref(v, Holder::Item(o));
                }
                for &(k, _) in &entries {
                    self.decref(k, Holder::Item(o));
                }
            }
            other => {
                let mut refs = Vec::new();
                other.for_each_ref(o, |r, h| refs.push((r, h)));
                drop(other);
                for (r, h) in refs {
                    self.decref(r, h);
                }
            }
        }
        if heap_type {
            self.decref(ty, Holder::Field(o, "ob_type"));
        }
        if let Some(obj) = self.heap.objects.remove(o) {
            let recycled = self.free_object_block(&obj, free_list);
            if obj.gc.has(GcHead::F_GC_TYPE) {
                self.gc_on_free(obj.gc, !recycled);
            }
        }
        if let Some(sink) = self.sink.as_mut() {
            let cause = if self.gc_clearing > 0 {
                FreeCause::CycleCollection
            } else {
                FreeCause::RefcountZero
            };
            sink.event(&Event::Free { obj: o, cause });
        }
    }

    /// Bytes live in the allocator model.
    pub fn live_bytes(&self) -> u64 {
        self.allocator.live_bytes
    }
}
