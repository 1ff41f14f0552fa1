//! One collection (`gc_collect_main` of CPython 3.11), phase by phase:
//!
//! 1. merge the younger generations into the one collected (list order:
//!    the collected generation, then gen 0, gen 1, …);
//! 2. `update_refs`: `gc_refs = refcount` for each object;
//! 3. `subtract_refs`: minus one for every reference from inside the set;
//! 4. `move_unreachable`: objects with `gc_refs > 0` are reachable, and so is
//!    everything they reach (moved back to the end of the young list);
//! 5. `untrack_tuples` (and `untrack_dicts` in full collections); the
//!    reachable objects move to the next generation;
//! 6. `handle_weakrefs`: weakrefs to garbage are cleared, callbacks of
//!    weakrefs that are not garbage themselves are called;
//! 7. `finalize_garbage`: `__del__` once per object (PEP 442), in list order;
//! 8. `handle_resurrected_objects`: steps 2–4 again on the garbage, so
//!    objects a finalizer made reachable (and what they reach) survive;
//! 9. `delete_garbage`: `tp_clear` on each object, which breaks the cycles
//!    and lets reference counting free them.
//!
//! Each phase reports events ([`Event::GcStart`] …) so the trace can
//! animate the collection; objects freed while the collector clears report
//! `FreeCause::CycleCollection`.

use super::NUM_GENERATIONS;
use crate::runtime::events::{Event, Holder};
use crate::runtime::heap::{GcHead, ObjRef};
use crate::runtime::object::Payload;
use crate::runtime::vm::Vm;

/// What one collection found.
#[derive(Debug, Default, Clone, Copy)]
pub struct CollectResult {
    pub collected: usize,
    pub uncollectable: usize,
}

impl Vm {
    /// The automatic collection requested by an allocation
    /// (`gc_collect_generations`): the oldest generation whose count
    /// exceeds its threshold, gen 2 only when enough long-lived objects are pending.
    pub fn gc_collect_pending(&mut self) {
        self.gc.pending = false;
        if self.gc.collecting || !self.gc.enabled {
            return;
        }
        for i in (0..NUM_GENERATIONS).rev() {
            if self.gc.counts[i] > self.gc.thresholds[i] {
                if i == NUM_GENERATIONS - 1
                    && self.gc.long_lived_pending < self.gc.long_lived_total / 4
                {
                    continue;
                }
                self.gc_collect_with_callback(i);
                break;
            }
        }
    }

    /// `gc_collect_with_callback`: the "start"/"stop" callbacks around a collection.
    pub fn gc_collect_with_callback(&mut self, generation: usize) -> usize {
        self.gc.collecting = true;
        self.gc_invoke_callbacks("start", generation, CollectResult::default());
        let r = self.gc_collect_main(generation);
        self.gc_invoke_callbacks("stop", generation, r);
        self.gc.collecting = false;
        r.collected + r.uncollectable
    }

    /// `gc_collect_main`.
    pub fn gc_collect_main(&mut self, generation: usize) -> CollectResult {
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::GcStart { generation });
        }
        self.gc_debug_start(generation);
        if generation + 1 < NUM_GENERATIONS {
            self.gc.counts[generation + 1] += 1;
        }
        for i in 0..=generation {
            self.gc.counts[i] = 0;
        }
        // Merge the younger generations into the collected one.
        let mut young = self.gc_take_list(generation as u8);
        for i in 0..generation {
            young.extend(self.gc_take_list(i as u8));
        }
        let old_gen = if generation < NUM_GENERATIONS - 1 {
            generation + 1
        } else {
            generation
        } as u8;
        let (reachable, unreachable) = self.deduce_unreachable(young);
        // untrack_tuples (untrack_dicts in full collections), then the
        // survivors join the older generation in list order.
        if generation == NUM_GENERATIONS - 2 {
            self.gc.long_lived_pending += reachable.len();
        }
        let full = generation == NUM_GENERATIONS - 1;
        let mut survivors = Vec::with_capacity(reachable.len());
        for &o in &reachable {
            if self.gc_maybe_untrack(o, full) {
                self.heap.objects[o].gc.flags &= !GcHead::F_COLLECTING;
            } else {
                survivors.push(o);
            }
        }
        for o in survivors {
            self.heap.objects[o].gc.flags &= !GcHead::F_COLLECTING;
            self.gc_track_in(o, old_gen);
        }
        if full {
            self.gc.long_lived_pending = 0;
            self.gc.long_lived_total = self.gc.gens[NUM_GENERATIONS - 1].live;
        }
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::GcUnreachable { objs: &unreachable });
        }
        self.gc_debug_collectable(&unreachable);
        let mut collected = self.gc_handle_weakrefs(&unreachable, old_gen);
        self.gc_finalize_garbage(&unreachable);
        let final_unreachable = self.gc_handle_resurrected(&unreachable, old_gen);
        collected += final_unreachable.len();
        self.gc_delete_garbage(&final_unreachable, old_gen);
        self.gc_debug_done(collected, 0);
        if full {
            self.clear_type_free_lists();
        }
        let stats = &mut self.gc.stats[generation];
        stats.collections += 1;
        stats.collected += collected as u64;
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&Event::GcDone {
                generation,
                collected,
                uncollectable: 0,
            });
        }
        CollectResult {
            collected,
            uncollectable: 0,
        }
    }

    /// update_refs + subtract_refs + move_unreachable on `young` (objects
    /// taken off their lists). Returns (reachable, unreachable) in CPython's
    /// list orders; every object keeps `F_COLLECTING`, the unreachable ones
    /// also `F_UNREACHABLE`.
    fn deduce_unreachable(&mut self, young: Vec<ObjRef>) -> (Vec<ObjRef>, Vec<ObjRef>) {
        for &o in &young {
            let obj = &mut self.heap.objects[o];
            obj.gc.refs = obj.refcount as i64;
            obj.gc.flags |= GcHead::F_COLLECTING;
            obj.gc.flags &= !GcHead::F_UNREACHABLE;
        }
        let mut targets = Vec::new();
        for &o in &young {
            targets.clear();
            self.gc_traverse(o, &mut |r| targets.push(r));
            for &r in &targets {
                if let Some(t) = self.heap.objects.get_mut(r)
                    && t.gc.has(GcHead::F_COLLECTING)
                {
                    t.gc.refs -= 1;
                }
            }
        }
        if self.sink.is_some() {
            for &o in &young {
                let gc_refs = self.heap.objects[o].gc.refs;
                if let Some(sink) = self.sink.as_mut() {
                    sink.event(&Event::GcTentativeDecref { obj: o, gc_refs });
                }
            }
        }
        // move_unreachable: walk the list; reachable objects rescue what they reach.
        let mut work = young;
        let mut reachable = Vec::with_capacity(work.len());
        let mut unreachable = Vec::new();
        let mut i = 0;
        while i < work.len() {
            let o = work[i];
            i += 1;
            if self.heap.objects[o].gc.refs > 0 {
                targets.clear();
                self.gc_traverse(o, &mut |r| targets.push(r));
                for &r in &targets {
                    let Some(t) = self.heap.objects.get_mut(r) else {
                        continue;
                    };
                    if !t.gc.has(GcHead::F_COLLECTING) {
                        continue;
                    }
                    if t.gc.has(GcHead::F_UNREACHABLE) {
                        t.gc.flags &= !GcHead::F_UNREACHABLE;
                        t.gc.refs = 1;
                        work.push(r);
                    } else if t.gc.refs == 0 {
                        t.gc.refs = 1;
                    }
                }
                reachable.push(o);
            } else {
                self.heap.objects[o].gc.flags |= GcHead::F_UNREACHABLE;
                unreachable.push(o);
            }
        }
        let heap = &self.heap;
        unreachable.retain(|&o| heap.objects[o].gc.has(GcHead::F_UNREACHABLE));
        (reachable, unreachable)
    }

    /// `_PyTuple_MaybeUntrack` (every collection) and `_PyDict_MaybeUntrack`
    /// (full collections only): true when `o` was untracked.
    fn gc_maybe_untrack(&mut self, o: ObjRef, full: bool) -> bool {
        let obj = &self.heap.objects[o];
        if self.is_heap_type(obj.ty) {
            return false;
        }
        let untrack = match &obj.payload {
            Payload::Tuple(items) => items.iter().all(|&r| !self.gc_may_be_tracked(r)),
            Payload::Dict(d) if full => d
                .map
                .values()
                .all(|&(k, v)| !self.gc_may_be_tracked(k) && !self.gc_may_be_tracked(v)),
            _ => false,
        };
        if untrack {
            self.gc_untrack(o);
        }
        untrack
    }

    /// `handle_weakrefs`: clears weakrefs that are garbage and every weakref
    /// to garbage; then calls the callbacks of the cleared weakrefs that are
    /// not garbage. Returns how many of those weakrefs the callbacks freed.
    fn gc_handle_weakrefs(&mut self, unreachable: &[ObjRef], old_gen: u8) -> usize {
        let mut to_call = Vec::new();
        for &o in unreachable {
            if !self.heap.contains(o) {
                continue;
            }
            if matches!(self.heap.objects[o].payload, Payload::WeakRef(_)) {
                self.weakref_clear_ref(o);
            }
            if !self.heap.objects[o].gc.has(GcHead::F_HAS_WEAKREFS) {
                continue;
            }
            for wr in self.weakrefs_of(o) {
                self.weakref_clear_ref(wr);
                let Some(w) = self.heap.objects.get(wr) else {
                    continue;
                };
                let has_cb = matches!(&w.payload, Payload::WeakRef(d) if d.callback.is_some());
                if !has_cb || w.gc.has(GcHead::F_COLLECTING) {
                    continue;
                }
                self.incref(wr, Holder::Temp);
                self.gc_untrack(wr);
                to_call.push(wr);
            }
        }
        let mut freed = 0;
        for wr in to_call {
            let cb = match self.heap.objects.get(wr).map(|w| &w.payload) {
                Some(Payload::WeakRef(w)) => w.callback,
                _ => None,
            };
            if let Some(cb) = cb {
                self.incref(cb, Holder::Temp);
                match self.call(cb, &[wr], None) {
                    Ok(r) => self.decref(r, Holder::Temp),
                    Err(e) => self.write_unraisable(e, Some(cb)),
                }
                self.decref(cb, Holder::Temp);
            }
            if self.heap.objects.get(wr).is_none_or(|w| w.refcount == 1) {
                freed += 1;
            } else {
                self.gc_track_in(wr, old_gen);
            }
            self.decref(wr, Holder::Temp);
        }
        freed
    }

    /// `finalize_garbage`: `tp_finalize` (`__del__`, generator close) of
    /// each object not finalized yet, in list order.
    fn gc_finalize_garbage(&mut self, unreachable: &[ObjRef]) {
        for &o in unreachable {
            let Some(obj) = self.heap.objects.get(o) else {
                continue;
            };
            if obj.finalized {
                continue;
            }
            let is_gen = matches!(obj.payload, Payload::Generator(_));
            if !is_gen && !self.is_heap_type(obj.ty) {
                continue;
            }
            if let Some(sink) = self.sink.as_mut() {
                sink.event(&Event::GcFinalize { obj: o });
            }
            self.incref(o, Holder::Temp);
            if is_gen {
                self.heap.objects[o].finalized = true;
                self.gc_finalize_generator(o);
            } else if let Some(del) = self.lookup_special_ref(o, "__del__") {
                self.heap.objects[o].finalized = true;
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
            }
            self.decref(o, Holder::Temp);
        }
    }

    /// `gen_finalize` during a collection: a suspended generator is closed.
    fn gc_finalize_generator(&mut self, g: ObjRef) {
        let suspended = match self.heap.payload(g) {
            Payload::Generator(gd) => !gd.finished && gd.frame.is_some(),
            _ => false,
        };
        if !suspended {
            return;
        }
        let saved = self.take_current_exception_state();
        match self.generator_close(g) {
            Ok(r) => self.decref(r, Holder::Temp),
            Err(e) => self.write_unraisable(e, Some(g)),
        }
        self.restore_current_exception_state(saved);
    }

    /// `handle_resurrected_objects`: reachability again among the garbage;
    /// resurrected objects (and what they reach) move to the old generation.
    fn gc_handle_resurrected(&mut self, unreachable: &[ObjRef], old_gen: u8) -> Vec<ObjRef> {
        let alive: Vec<ObjRef> = unreachable
            .iter()
            .copied()
            .filter(|&o| self.heap.contains(o))
            .collect();
        let (resurrected, still) = self.deduce_unreachable(alive);
        for o in resurrected {
            self.heap.objects[o].gc.flags &= !(GcHead::F_COLLECTING | GcHead::F_UNREACHABLE);
            if let Some(sink) = self.sink.as_mut() {
                sink.event(&Event::GcResurrected { obj: o });
            }
            self.gc_track_in(o, old_gen);
        }
        still
    }

    /// `delete_garbage`: `tp_clear` each object (or, with DEBUG_SAVEALL,
    /// append it to `gc.garbage`); survivors go to the old generation.
    fn gc_delete_garbage(&mut self, garbage: &[ObjRef], old_gen: u8) {
        let save_all = self.gc.debug & super::module::DEBUG_SAVEALL != 0;
        self.gc_clearing += 1;
        for &o in garbage {
            if !self.heap.contains(o) {
                continue;
            }
            self.heap.objects[o].gc.flags &= !(GcHead::F_COLLECTING | GcHead::F_UNREACHABLE);
            if save_all {
                if let Some(g) = self.gc.garbage {
                    self.list_append(g, o);
                }
            } else {
                if let Some(sink) = self.sink.as_mut() {
                    sink.event(&Event::GcClear { obj: o });
                }
                self.incref(o, Holder::Temp);
                self.gc_clear(o);
                self.decref(o, Holder::Temp);
            }
            if self.heap.contains(o) {
                self.gc_track_in(o, old_gen);
            }
        }
        self.gc_clearing -= 1;
    }

    /// Calls `gc.callbacks` with the phase and the info dict.
    fn gc_invoke_callbacks(&mut self, phase: &str, generation: usize, r: CollectResult) {
        let Some(cbs) = self.gc.callbacks else {
            return;
        };
        let items = match self.heap.payload(cbs) {
            Payload::List(items) if !items.is_empty() => items.clone(),
            _ => return,
        };
        for &c in &items {
            self.incref(c, Holder::Temp);
        }
        let phase_obj = self.new_str(phase);
        let info = self.new_dict();
        for (k, v) in [
            ("generation", generation),
            ("collected", r.collected),
            ("uncollectable", r.uncollectable),
        ] {
            let v = self.new_int(v as i64);
            let k = self.new_str(k);
            if let Err(e) = self.dict_set(info, k, v) {
                self.discard_err(e);
            }
            self.decref(k, Holder::Temp);
            self.decref(v, Holder::Temp);
        }
        for &c in &items {
            match self.call(c, &[phase_obj, info], None) {
                Ok(v) => self.decref(v, Holder::Temp),
                Err(e) => self.write_unraisable(e, Some(c)),
            }
        }
        self.decref(info, Holder::Temp);
        self.decref(phase_obj, Holder::Temp);
        for &c in &items {
            self.decref(c, Holder::Temp);
        }
    }
}
