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

impl Vm {
    /// Ok when every live object's refcount equals the references found;
    /// otherwise a report of the first mismatches.
    pub fn audit(&self) -> Result<(), String> {
        let mut found: HashMap<ObjRef, (u64, Vec<Holder>)> =
            HashMap::with_capacity(self.heap.len());
        let mut add = |r: ObjRef, h: Holder| {
            let e = found.entry(r).or_default();
            e.0 += 1;
            if e.1.len() < 8 {
                e.1.push(h);
            }
        };
        for frame in &self.frames {
            frame.for_each_ref(&mut add);
        }
        if let Some(f) = &self.yielded_frame {
            f.for_each_ref(&mut add);
        }
        for (r, obj) in &self.heap.objects {
            obj.payload.for_each_ref(r, &mut add);
            if let Some(d) = obj.dict {
                add(d, Holder::Field(r, "__dict__"));
            }
            if self.is_heap_type(obj.ty) {
                add(obj.ty, Holder::Field(r, "ob_type"));
            }
        }
        if let Some(e) = self.handled_exception {
            add(e, Holder::Root("exc_info"));
        }
        for e in self.exc_info_stack.iter().flatten() {
            add(*e, Holder::Root("exc_info"));
        }
        crate::runtime::types::for_each_root(self, &mut add);

        // Inside a nested loop, native code up the stack may hold temporary
        // references the audit cannot see (CPython's C locals): there only
        // references beyond the refcount are errors.
        let strict = self.eval_depth <= 1;
        let mut report = Vec::new();
        for (r, obj) in &self.heap.objects {
            let (n, holders) = found.get(&r).map_or((0, &[][..]), |(n, h)| (*n, &h[..]));
            if n > obj.refcount || (strict && n != obj.refcount) {
                let ty = self.type_name(obj.ty);
                report.push(format!(
                    "`{ty}` at {:#x} refcount {} but {n} references found (holders: {holders:?})",
                    obj.addr, obj.refcount
                ));
                if report.len() >= 10 {
                    break;
                }
            }
        }
        if report.is_empty() {
            Ok(())
        } else {
            Err(report.join("\n"))
        }
    }
}
