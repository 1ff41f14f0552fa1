//! tracemalloc's tracer: while tracing, every allocation the memory model
//! makes for an object is recorded with the Python stack that made it (up to
//! `nframe` frames, most recent first), and freed blocks drop their trace.
//! The sizes traced are the model's requests (CPython 3.11 object sizes).

use crate::runtime::vm::Vm;
use std::collections::HashMap;
use std::rc::Rc;

/// One frame of a traceback: (filename, line number).
pub type TraceFrame = (Rc<str>, u32);

/// The tracer's state (`_PyTraceMalloc` globals).
#[derive(Debug, Default)]
pub struct Tracer {
    /// Frames kept per trace (`tracemalloc.start(nframe)`).
    pub nframe: usize,
    /// Block address → (size, traceback).
    pub traces: HashMap<u64, (u32, Rc<[TraceFrame]>)>,
    /// Insertion order of the traces (for deterministic snapshots).
    pub order: Vec<u64>,
    pub current: u64,
    pub peak: u64,
}

impl Tracer {
    pub fn new(nframe: usize) -> Tracer {
        Tracer {
            nframe,
            ..Tracer::default()
        }
    }
}

impl Vm {
    /// Records an allocation of `size` bytes at block `addr` (tracing only).
    pub(crate) fn trace_alloc(&mut self, addr: u64, size: u32) {
        let nframe = match &self.tracemalloc {
            Some(t) => t.nframe,
            None => return,
        };
        let frames: Rc<[TraceFrame]> = self
            .frames
            .iter()
            .rev()
            .take(nframe)
            .map(|f| (f.code.filename.clone(), f.code.line_of(f.lasti)))
            .collect();
        if let Some(t) = self.tracemalloc.as_mut() {
            if let Some((old, _)) = t.traces.insert(addr, (size, frames)) {
                t.current -= u64::from(old);
            } else {
                t.order.push(addr);
            }
            t.current += u64::from(size);
            t.peak = t.peak.max(t.current);
        }
    }

    /// Drops the trace of a freed block.
    pub(crate) fn trace_free(&mut self, addr: u64) {
        if let Some(t) = self.tracemalloc.as_mut()
            && let Some((size, _)) = t.traces.remove(&addr)
        {
            t.current -= u64::from(size);
            if t.order.len() > 64 && t.order.len() > 2 * t.traces.len() {
                t.order = live_order(&t.order, &t.traces);
            }
        }
    }

    /// The live traces in allocation order: (size, traceback).
    pub fn traces(&self) -> Vec<(u32, Rc<[TraceFrame]>)> {
        let Some(t) = &self.tracemalloc else {
            return Vec::new();
        };
        live_order(&t.order, &t.traces)
            .iter()
            .filter_map(|a| t.traces.get(a).cloned())
            .collect()
    }
}

/// The live addresses of `order`, each once, at its latest allocation (a
/// reused address appears once per allocation in `order`).
fn live_order<V>(order: &[u64], traces: &HashMap<u64, V>) -> Vec<u64> {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<u64> = order
        .iter()
        .rev()
        .filter(|a| traces.contains_key(a) && seen.insert(**a))
        .copied()
        .collect();
    kept.reverse();
    kept
}
