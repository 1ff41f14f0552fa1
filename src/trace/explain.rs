//! Why object X has refcount N at step S: every holder of one of its
//! references, one per line (`pysim explain`).
//!
//! ```text
//! list#1 has refcount 2 at step 2 (line 3 · del l1):
//!   1. global `l1` (module main.py)
//!   2. global `l2` (module main.py)
//! ```

use super::describe::holder_ref_phrase;
use super::model::ObjId;
use super::state::State;
use super::store::Trace;
use std::fmt::Write;

/// Explains the refcount of `obj` in `state`.
pub fn explain(trace: &Trace, state: &State, obj: ObjId) -> String {
    let label = trace.label(obj);
    let mut out = String::new();
    let at = match trace.source_line(state.line) {
        Some(src) => format!("step {} (line {} · {src})", state.step, state.line),
        None => format!("step {} (line {})", state.step, state.line),
    };
    let Some(o) = state.object(obj) else {
        let _ = write!(out, "{label} is not alive at {at}");
        if let Some(m) = trace.meta(obj) {
            if let Some((step, line)) = m.born
                && step > state.step
            {
                let _ = write!(out, ": it is created at step {step} (line {line})");
            } else if let Some((step, line, cause)) = m.died {
                let how = match cause {
                    super::model::FreeCause::RefcountZero => "its refcount reached 0",
                    super::model::FreeCause::CycleCollection => "the cycle collector freed it",
                    super::model::FreeCause::InterpreterExit => "the interpreter exited",
                };
                let _ = write!(
                    out,
                    ": it was freed at step {step} (line {line}) when {how}"
                );
            }
        }
        out.push('\n');
        return out;
    };
    let holders = state.holders(obj);
    let plural = if o.refcount == 1 { "" } else { "s" };
    let _ = writeln!(
        out,
        "{label} has refcount {} at {at}; {} reference{plural} held by:",
        o.refcount, o.refcount
    );
    for (i, h) in holders.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, holder_ref_phrase(trace, state, *h));
    }
    let found = holders.len() as u64;
    if found < o.refcount {
        let n = o.refcount - found;
        let _ = writeln!(
            out,
            "  +{n} held by native code that is running (CPython's C local variables)"
        );
    } else if found > o.refcount {
        let _ = writeln!(
            out,
            "  ({} more references found than counted: the trace is incomplete here)",
            found - o.refcount
        );
    }
    out
}

impl Trace {
    /// The object with this label (`list#1`, `None`, `int:5`).
    pub fn find_label(&self, label: &str) -> Option<ObjId> {
        (0..self.objects.len() as u32)
            .map(ObjId)
            .find(|&id| self.label(id) == label)
    }
}
