//! The heap audit: recounts every reference from every holder and compares
//! the totals with the objects' reference counts.
//!
//! Holders: every frame on the stack (locals, stack, function, code, locals
//! dict, frame object), frames owned by generators and frame objects (via
//! `Payload::for_each_ref`), every object's payload, its `__dict__` and, for
//! instances of heap types, its type; the handled-exception states; the
//! interpreter's roots (`runtime::types::for_each_root`).
//!
//! Values an instruction is working on stay on the evaluation stack while
//! it calls out (as on CPython's stack), so the outermost loop sees every
//! reference; nested loops (started by native code) are checked leniently.

use super::Vm;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use std::collections::HashMap;

/// The slot index of a key (slotmap keys are index + version).
fn slot(r: ObjRef) -> usize {
    (slotmap::Key::data(&r).as_ffi() & 0xffff_ffff) as usize
}

impl Vm {
    /// Calls `f` with every reference every holder owns.
    fn for_each_holder_ref(&self, f: &mut dyn FnMut(ObjRef, Holder)) {
        for frame in &self.frames {
            frame.for_each_ref(&mut *f);
        }
        if let Some(fr) = &self.yielded_frame {
            fr.for_each_ref(&mut *f);
        }
        for (r, obj) in &self.heap.objects {
            obj.payload.for_each_ref(r, &mut *f);
            if let Some(d) = obj.dict {
                f(d, Holder::Field(r, "__dict__"));
            }
            if self.is_heap_type(obj.ty) {
                f(obj.ty, Holder::Field(r, "ob_type"));
            }
        }
        if let Some(e) = self.handled_exception {
            f(e, Holder::Root("exc_info"));
        }
        for e in self.exc_info_stack.iter().flatten() {
            f(*e, Holder::Root("exc_info"));
        }
        crate::runtime::types::for_each_root(self, f);
    }

    /// Ok when every live object's refcount equals the references found;
    /// otherwise a report of the first mismatches.
    pub fn audit(&self) -> Result<(), String> {
        let mut counts: Vec<u64> = Vec::new();
        self.for_each_holder_ref(&mut |r, _| {
            let i = slot(r);
            if i >= counts.len() {
                counts.resize(i + 1, 0);
            }
            counts[i] += 1;
        });
        // Inside a nested loop, native code up the stack may hold temporary
        // references the audit cannot see (CPython's C locals): there only
        // references beyond the refcount are errors.
        let strict = self.eval_depth <= 1;
        let bad: Vec<(ObjRef, u64)> = self
            .heap
            .objects
            .iter()
            .filter_map(|(r, obj)| {
                let n = counts.get(slot(r)).copied().unwrap_or(0);
                (n > obj.refcount || (strict && n != obj.refcount)).then_some((r, n))
            })
            .take(10)
            .collect();
        if bad.is_empty() {
            return Ok(());
        }
        let mut holders: HashMap<ObjRef, Vec<Holder>> = HashMap::new();
        self.for_each_holder_ref(&mut |r, h| {
            if bad.iter().any(|&(b, _)| b == r) {
                let v = holders.entry(r).or_default();
                if v.len() < 8 {
                    v.push(h);
                }
            }
        });
        let report: Vec<String> = bad
            .iter()
            .map(|&(r, n)| {
                let obj = self.heap.get(r);
                let ty = self.type_name(obj.ty);
                format!(
                    "`{ty}` at {:#x} refcount {} but {n} references found (holders: {:?})",
                    obj.addr,
                    obj.refcount,
                    holders.get(&r).map_or(&[][..], |v| &v[..])
                )
            })
            .collect();
        Err(report.join("\n"))
    }
}
