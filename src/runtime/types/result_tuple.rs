//! CPython's result-tuple reuse: `enumerate`, `zip` and dict item iterators
//! keep the tuple they returned last (created full of `None` with the
//! iterator) and, when nobody else holds it any more (refcount 1), refill
//! it in place instead of allocating a new one. This is visible: the
//! tuple's `id()` repeats, and the old items lose a reference only when the
//! next item arrives.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::vm::Vm;

impl Vm {
    /// A tuple of `n` Nones to be an iterator's cached result (a new reference).
    pub(crate) fn new_result_tuple(&mut self, n: usize) -> ObjRef {
        let none = self.types.none;
        let items = (0..n).map(|_| self.new_ref(none)).collect();
        self.new_tuple(items)
    }

    /// The next result holding `items` (new references): the cached tuple
    /// refilled when only its iterator holds it, else a new tuple.
    pub(crate) fn reuse_result_tuple(
        &mut self,
        cached: Option<ObjRef>,
        items: Vec<ObjRef>,
    ) -> ObjRef {
        let Some(r) = cached.filter(|&r| {
            self.heap.objects.get(r).is_some_and(|o| {
                o.refcount == 1 && matches!(&o.payload, Payload::Tuple(t) if t.len() == items.len())
            })
        }) else {
            return self.new_tuple(items);
        };
        self.incref(r, Holder::Temp);
        let old = match self.heap.payload_mut(r) {
            Payload::Tuple(t) => std::mem::replace(t, items.into_boxed_slice()),
            _ => Box::default(),
        };
        self.report_mutated(r);
        for o in old.iter().copied() {
            self.decref(o, Holder::Item(r));
        }
        // bpo-42536: the collector may have untracked the tuple.
        if !self.gc_is_tracked(r) {
            self.gc_track(r);
        }
        r
    }
}
