//! The heap audit: recounts every reference from every holder and compares
//! the totals with the objects' reference counts.
//!
//! Holders: every frame on the stack (locals, stack, function, code, locals
//! dict, frame object), frames owned by generators and frame objects (via
//! `Payload::for_each_ref`), every object's payload, its `__dict__` and, for
//! instances of heap types, its type; the handled-exception states; the
//! interpreter's roots (`runtime::types::for_each_root`).
//!
//! At line boundaries the audit runs at every line while the program is
//! small: fewer than [`AUDIT_EVERY_LINE_BELOW`] objects (the interpreter
//! starts with ~1,600, the test programs peak at ~3,700) and within its
//! first [`AUDIT_EVERY_LINE_FOR`] line events (more than any test program
//! runs). Beyond that its cost is amortised: each line earns
//! [`AUDIT_CREDIT_PER_LINE`] object visits and the audit runs when the
//! credit covers the heap, so a lesson that loops 200,000 times or holds
//! 200,000 objects is still audited, every few hundred lines, and finishes
//! in seconds rather than hours.
//!
//! Values an instruction is working on stay on the evaluation stack while
//! it calls out (as on CPython's stack), so the outermost loop sees every
//! reference; nested loops (started by native code) are checked leniently.

use super::{Fatal, PyErr, PyResult, Vm};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use std::collections::HashMap;

/// The slot index of a key (slotmap keys are index + version).
fn slot(r: ObjRef) -> usize {
    (slotmap::Key::data(&r).as_ffi() & 0xffff_ffff) as usize
}

/// Heaps smaller than this are audited at every line boundary...
pub const AUDIT_EVERY_LINE_BELOW: u64 = 4_000;
/// ...during the program's first line events.
pub const AUDIT_EVERY_LINE_FOR: u64 = 50_000;
/// Object visits of audit credit a line boundary earns on a bigger heap.
pub const AUDIT_CREDIT_PER_LINE: u64 = 200;

impl Vm {
    /// The audit at a line boundary (`--audit`), amortised as the module
    /// documentation says: stops the program on a mismatch.
    pub(crate) fn audit_at_line(&mut self) -> PyResult<()> {
        let cost = self.heap.objects.len() as u64;
        self.audit_lines += 1;
        if cost >= AUDIT_EVERY_LINE_BELOW || self.audit_lines > AUDIT_EVERY_LINE_FOR {
            self.audit_credit += AUDIT_CREDIT_PER_LINE;
            if self.audit_credit < cost {
                return Ok(());
            }
            self.audit_credit = 0;
        }
        self.audit()
            .map_err(|report| PyErr::Fatal(Fatal::AuditFailed(report)))
    }

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
