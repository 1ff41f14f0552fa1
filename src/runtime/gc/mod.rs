//! The cycle collector, as CPython 3.11's `Modules/gcmodule.c` has it.
//!
//! - `mod.rs` (this file): the collector's state ([`GcState`]) and object
//!   tracking: which objects are on which generation list, the allocation
//!   counting that triggers automatic collections (`_PyObject_GC_Link`,
//!   `PyObject_GC_Del`), dict tracking (`MAINTAIN_TRACKING`) and 3.11's
//!   inline instance values (an instance's attribute dict is not a GC object
//!   of its own until `obj.__dict__` materialises it).
//! - `collect.rs`: one collection, phase by phase (update_refs, subtract_refs,
//!   move_unreachable, weakrefs, finalizers, resurrection, delete_garbage),
//!   with events for the trace.
//! - `traverse.rs`: `tp_traverse` and `tp_clear` of each payload.
//! - `module.rs`: the `gc` module.
//!
//! Generation lists: CPython keeps doubly linked lists whose order decides
//! the order of `__del__` calls and weakref callbacks. Here each list is a
//! vector of (object, stamp) entries in list order; untracking leaves a
//! stale entry behind (its stamp no longer matches the object's), skipped
//! and compacted away lazily, so tracking and untracking stay O(1).

pub mod collect;
pub mod debug;
pub mod module;
pub mod shutdown;
pub mod traverse;

use crate::runtime::events::Holder;
use crate::runtime::heap::{GcHead, ObjRef};
use crate::runtime::object::Payload;
use crate::runtime::vm::Vm;

/// Number of generations (`NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;

/// One generation's list (or the permanent generation's).
#[derive(Debug, Default, Clone)]
pub struct GenList {
    /// (object, stamp) in list order; entries whose stamp is stale are skipped.
    pub entries: Vec<(ObjRef, u32)>,
    /// Objects really on the list.
    pub live: usize,
}

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Debug, Default, Clone, Copy)]
pub struct GenStats {
    pub collections: u64,
    pub collected: u64,
    pub uncollectable: u64,
}

/// The collector's state (`struct _gc_runtime_state`).
#[derive(Debug)]
pub struct GcState {
    pub gens: [GenList; NUM_GENERATIONS],
    pub permanent: GenList,
    pub thresholds: [i64; NUM_GENERATIONS],
    /// `generations[i].count`: allocations minus deallocations for gen 0,
    /// collections of the younger generation for the others.
    pub counts: [i64; NUM_GENERATIONS],
    pub enabled: bool,
    pub debug: i64,
    /// A collection is running (`gcstate->collecting`).
    pub collecting: bool,
    /// The gen-0 threshold was exceeded: the eval loop runs an automatic
    /// collection at the next instruction boundary.
    pub pending: bool,
    pub long_lived_total: usize,
    pub long_lived_pending: usize,
    pub stats: [GenStats; NUM_GENERATIONS],
    next_stamp: u32,
    /// `gc.garbage` and `gc.callbacks` (lists owned by the gc module's roots).
    pub garbage: Option<ObjRef>,
    pub callbacks: Option<ObjRef>,
}

impl Default for GcState {
    fn default() -> Self {
        GcState {
            gens: Default::default(),
            permanent: GenList::default(),
            thresholds: [700, 10, 10],
            counts: [0; NUM_GENERATIONS],
            enabled: true,
            debug: 0,
            collecting: false,
            pending: false,
            long_lived_total: 0,
            long_lived_pending: 0,
            stats: Default::default(),
            next_stamp: 1,
            garbage: None,
            callbacks: None,
        }
    }
}

impl GcState {
    fn list_mut(&mut self, list_gen: u8) -> &mut GenList {
        if list_gen == GcHead::PERMANENT {
            &mut self.permanent
        } else {
            &mut self.gens[list_gen as usize]
        }
    }

    fn stamp(&mut self) -> u32 {
        let s = self.next_stamp;
        self.next_stamp = self.next_stamp.wrapping_add(1).max(1);
        s
    }
}

/// Whether objects with this payload (of a static type) are GC objects.
pub fn is_gc_payload(payload: &Payload) -> bool {
    !matches!(
        payload,
        Payload::Plain
            | Payload::Int(_)
            | Payload::Bool(_)
            | Payload::Float(_)
            | Payload::Complex(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range { .. }
            | Payload::RangeIter { .. }
            | Payload::Code(_)
    )
}

impl Vm {
    /// `_PyObject_GC_Link` plus the tracking the constructor does: counts the
    /// allocation (`counted`: false for an object taken from its type's free
    /// list, which CPython reuses without `_PyObject_GC_Link`), tracks the
    /// object unless it starts untracked (dicts), and asks for an automatic
    /// collection when gen 0's count passes its threshold.
    pub(crate) fn gc_on_alloc(&mut self, o: ObjRef, track: bool, counted: bool) {
        let gc = &mut self.gc;
        if counted {
            gc.counts[0] += 1;
            if gc.counts[0] > gc.thresholds[0]
                && gc.enabled
                && gc.thresholds[0] != 0
                && !gc.collecting
            {
                gc.pending = true;
            }
        }
        if track {
            self.gc_track(o);
        }
    }

    /// `PyObject_GC_Del`'s bookkeeping for a freed GC object (`counted`:
    /// false when its block went to a free list instead).
    pub(crate) fn gc_on_free(&mut self, head: GcHead, counted: bool) {
        if head.is_tracked() {
            let list = self.gc.list_mut(head.generation);
            list.live = list.live.saturating_sub(1);
        }
        if counted && !head.has(GcHead::F_INLINE_VALUES) && self.gc.counts[0] > 0 {
            self.gc.counts[0] -= 1;
        }
    }

    /// `_PyObject_GC_TRACK`: appends `o` to generation 0's list.
    pub fn gc_track(&mut self, o: ObjRef) {
        self.gc_track_in(o, 0);
    }

    /// Appends `o` to the end of `list_gen`'s list (untracking it first if needed).
    pub(crate) fn gc_track_in(&mut self, o: ObjRef, list_gen: u8) {
        let Some(obj) = self.heap.objects.get(o) else {
            return;
        };
        if !obj.gc.has(GcHead::F_GC_TYPE) {
            return;
        }
        let old = obj.gc;
        if old.is_tracked() {
            let l = self.gc.list_mut(old.generation);
            l.live = l.live.saturating_sub(1);
        }
        let stamp = self.gc.stamp();
        let list = self.gc.list_mut(list_gen);
        list.entries.push((o, stamp));
        list.live += 1;
        let needs_compact = list.entries.len() > 64 && list.entries.len() > 2 * list.live;
        let head = &mut self.heap.objects[o].gc;
        head.generation = list_gen;
        head.stamp = stamp;
        if needs_compact {
            self.gc_compact(list_gen);
        }
    }

    /// `_PyObject_GC_UNTRACK`.
    pub fn gc_untrack(&mut self, o: ObjRef) {
        let Some(obj) = self.heap.objects.get_mut(o) else {
            return;
        };
        if !obj.gc.is_tracked() {
            return;
        }
        let list_gen = obj.gc.generation;
        obj.gc.generation = GcHead::UNTRACKED;
        let l = self.gc.list_mut(list_gen);
        l.live = l.live.saturating_sub(1);
    }

    /// `gc.is_tracked(o)`.
    pub fn gc_is_tracked(&self, o: ObjRef) -> bool {
        self.heap
            .objects
            .get(o)
            .is_some_and(|ob| ob.gc.is_tracked())
    }

    /// Drops the stale entries of a generation list.
    fn gc_compact(&mut self, list_gen: u8) {
        let heap = &self.heap;
        let list = self.gc.list_mut(list_gen);
        list.entries.retain(|&(r, s)| {
            heap.objects
                .get(r)
                .is_some_and(|o| o.gc.generation == list_gen && o.gc.stamp == s)
        });
        list.live = list.entries.len();
    }

    /// The objects on `list_gen`'s list, in list order.
    pub fn gc_list(&self, list_gen: u8) -> Vec<ObjRef> {
        let list = if list_gen == GcHead::PERMANENT {
            &self.gc.permanent
        } else {
            &self.gc.gens[list_gen as usize]
        };
        list.entries
            .iter()
            .filter(|&&(r, s)| {
                self.heap
                    .objects
                    .get(r)
                    .is_some_and(|o| o.gc.generation == list_gen && o.gc.stamp == s)
            })
            .map(|&(r, _)| r)
            .collect()
    }

    /// Takes every object off `list_gen`'s list (in order), leaving it empty.
    pub(crate) fn gc_take_list(&mut self, list_gen: u8) -> Vec<ObjRef> {
        let objs = self.gc_list(list_gen);
        let list = self.gc.list_mut(list_gen);
        list.entries.clear();
        list.live = 0;
        for &o in &objs {
            self.heap.objects[o].gc.generation = GcHead::UNTRACKED;
        }
        objs
    }

    /// `_PyObject_GC_MAY_BE_TRACKED`: a GC object, and for tuples a tracked one.
    pub fn gc_may_be_tracked(&self, o: ObjRef) -> bool {
        let Some(obj) = self.heap.objects.get(o) else {
            return false;
        };
        if !obj.gc.has(GcHead::F_GC_TYPE) {
            return false;
        }
        if matches!(obj.payload, Payload::Tuple(_)) && !self.is_heap_type(obj.ty) {
            return obj.gc.is_tracked() || obj.gc.has(GcHead::F_COLLECTING);
        }
        true
    }

    /// `MAINTAIN_TRACKING` on a dict insertion: an untracked dict starts
    /// being tracked when a key or value that may be tracked is stored.
    #[inline]
    pub fn gc_maintain_dict_tracking(&mut self, d: ObjRef, key: ObjRef, value: ObjRef) {
        let Some(obj) = self.heap.objects.get(d) else {
            return;
        };
        if obj.gc.is_tracked()
            || obj.gc.has(GcHead::F_INLINE_VALUES)
            || !obj.gc.has(GcHead::F_GC_TYPE)
        {
            return;
        }
        if self.gc_may_be_tracked(value) || self.gc_may_be_tracked(key) {
            self.gc_track(d);
        }
    }

    /// Marks a new instance attribute dict as 3.11's inline values: not a GC
    /// object of its own (not tracked, not counted) until materialised.
    /// `counted`: its allocation was counted (it did not come from the
    /// dict free list), so the count is taken back.
    pub fn gc_mark_inline_values(&mut self, d: ObjRef, counted: bool) {
        self.gc_untrack(d);
        let head = &mut self.heap.objects[d].gc;
        if !head.has(GcHead::F_INLINE_VALUES) {
            head.flags |= GcHead::F_INLINE_VALUES;
            if counted {
                self.gc.counts[0] = (self.gc.counts[0] - 1).max(0);
            }
        }
    }

    /// `obj.__dict__` materialises the inline values as a dict object
    /// (`make_dict_from_instance_attributes`): it is counted as a GC
    /// allocation and tracked if any value may be tracked.
    pub fn gc_materialise_dict(&mut self, d: ObjRef) {
        let Some(obj) = self.heap.objects.get_mut(d) else {
            return;
        };
        if !obj.gc.has(GcHead::F_INLINE_VALUES) {
            return;
        }
        obj.gc.flags &= !GcHead::F_INLINE_VALUES;
        let track = self
            .dict_items(d)
            .into_iter()
            .any(|(_, v)| self.gc_may_be_tracked(v));
        self.gc_on_alloc(d, track, true);
    }

    /// After bootstrap: the interpreter's own objects go to the oldest
    /// generation and the counts restart, as after CPython's startup.
    pub(crate) fn gc_after_bootstrap(&mut self) {
        // gc_list_merge order: the old generation first, then gen 0, gen 1.
        let mut all = self.gc_take_list(2);
        for g in 0..(NUM_GENERATIONS - 1) as u8 {
            all.extend(self.gc_take_list(g));
        }
        for o in all {
            self.gc_track_in(o, 2);
        }
        self.gc.counts = [0; NUM_GENERATIONS];
        self.allocator.seed_startup_free_lists();
        self.gc.long_lived_total = self.gc.gens[2].live;
        self.gc.pending = false;
    }

    /// Calls `f` with the references the collector's state owns (for the audit).
    pub(crate) fn gc_for_each_root(&self, f: &mut dyn FnMut(ObjRef, Holder)) {
        for o in [self.gc.garbage, self.gc.callbacks].into_iter().flatten() {
            f(o, Holder::Root("gc module"));
        }
    }
}
