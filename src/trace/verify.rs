//! Replay completeness: a sink that records a trace and, at every step,
//! also reads the live state from the VM, so that a test can check that
//! [`Trace::state_at`] rebuilds exactly what the VM had.
//!
//! Keeping a full live state per step costs steps × heap memory: a program
//! that sorts 3,000 objects with a Python `__lt__` would need tens of
//! gigabytes. So the sink keeps every step's state while the kept states
//! hold fewer than [`LIVE_BUDGET`] object slots, and past that keeps every
//! 2nd, then every 4th step…, dropping the others it kept (the replay still
//! runs through every step; only the comparison is sampled). Every test
//! program's ordinary run stays within the budget.

use super::model::{ObjId, Sym};
use super::recorder::RecorderHandle;
use super::state::State;
use super::store::Trace;
use crate::runtime::events::{Event, EventSink};
use crate::runtime::heap::{ObjRef, Object};
use crate::runtime::inspect::Inspector;
use std::cell::RefCell;
use std::rc::Rc;

/// Object slots the kept live states may hold together (see the module
/// documentation).
pub const LIVE_BUDGET: usize = 20_000_000;

/// The live state of the steps kept: `states[i]` is step `i`'s, or None
/// when the step was not kept.
#[derive(Clone, Default)]
pub struct LiveStates {
    pub states: Vec<Option<State>>,
    /// Object slots held by the kept states.
    slots: usize,
    /// Steps kept: every `stride`th.
    stride: usize,
}

impl LiveStates {
    fn push(&mut self, state: State) {
        let step = self.states.len();
        if !step.is_multiple_of(self.stride.max(1)) {
            self.states.push(None);
            return;
        }
        self.slots += state.objects.len();
        self.states.push(Some(state));
        while self.slots > LIVE_BUDGET {
            self.stride = self.stride.max(1) * 2;
            for (i, s) in self.states.iter_mut().enumerate() {
                if !i.is_multiple_of(self.stride)
                    && let Some(dropped) = s.take()
                {
                    self.slots -= dropped.objects.len();
                }
            }
        }
    }

    /// How many steps have a kept state.
    pub fn kept(&self) -> usize {
        self.states.iter().filter(|s| s.is_some()).count()
    }
}

/// Records like [`RecorderHandle`] and keeps the live state of every step
/// (within [`LIVE_BUDGET`]).
#[derive(Clone)]
pub struct VerifyingSink {
    pub recorder: RecorderHandle,
    pub live: Rc<RefCell<LiveStates>>,
}

impl VerifyingSink {
    pub fn new(recorder: RecorderHandle) -> Self {
        VerifyingSink {
            recorder,
            live: Rc::new(RefCell::new(LiveStates {
                stride: 1,
                ..LiveStates::default()
            })),
        }
    }
}

impl EventSink for VerifyingSink {
    fn event(&mut self, event: &Event<'_>) {
        self.recorder.event(event)
    }
    fn wants_instructions(&self) -> bool {
        self.recorder.wants_instructions()
    }
    fn allocated(&mut self, obj: ObjRef, object: &Object) {
        self.recorder.allocated(obj, object)
    }
    fn wants_inspection(&self) -> bool {
        true
    }
    fn inspect(&mut self, vm: &dyn Inspector) {
        self.recorder.inspect(vm);
        let state = self.recorder.0.borrow_mut().live_state(vm);
        self.live.borrow_mut().push(state);
    }
}

/// Compares a rebuilt state with the live one; the differences, one per line.
pub fn compare(trace: &Trace, rebuilt: &State, live: &State) -> Result<(), String> {
    let mut diffs = Vec::new();
    let n = rebuilt.objects.len().max(live.objects.len());
    for i in 0..n {
        let a = rebuilt.objects.get(i).and_then(Option::as_ref);
        let b = live.objects.get(i).and_then(Option::as_ref);
        let id = super::model::ObjId(i as u32);
        match (a, b) {
            (None, None) => {}
            (Some(_), None) => {
                diffs.push(format!("{} is alive in the replay only", trace.label(id)))
            }
            (None, Some(_)) => {
                diffs.push(format!("{} is missing from the replay", trace.label(id)))
            }
            (Some(a), Some(b)) => {
                if a.refcount != b.refcount {
                    diffs.push(format!(
                        "{}: refcount {} replayed, {} live",
                        trace.label(id),
                        a.refcount,
                        b.refcount
                    ));
                }
                if a.refs != b.refs {
                    diffs.push(format!(
                        "{}: references {:?} replayed, {:?} live",
                        trace.label(id),
                        a.refs,
                        b.refs
                    ));
                }
            }
        }
        if diffs.len() > 12 {
            break;
        }
    }
    if rebuilt.stack != live.stack {
        diffs.push(format!(
            "call stack {:?} replayed, {:?} live",
            rebuilt.stack, live.stack
        ));
    }
    for (id, b) in &live.frames {
        let Some(a) = rebuilt.frames.get(id) else {
            diffs.push(format!("frame {id} missing from the replay"));
            continue;
        };
        if a.locals != b.locals || a.code != b.code || a.globals != b.globals {
            diffs.push(format!(
                "frame {id}: locals {:?} replayed, {:?} live",
                a.locals, b.locals
            ));
        }
        if a.status != b.status || a.owner != b.owner {
            diffs.push(format!(
                "frame {id}: status {:?}/{:?} replayed, {:?}/{:?} live",
                a.status, a.owner, b.status, b.owner
            ));
        }
        if b.status == super::state::FrameStatus::Active
            && (a.stack != b.stack || a.fields != b.fields)
        {
            diffs.push(format!(
                "frame {id}: stack {:?} fields {:?} replayed, stack {:?} fields {:?} live",
                a.stack, a.fields, b.stack, b.fields
            ));
        }
    }
    for id in rebuilt.frames.keys() {
        if !live.frames.contains_key(id) {
            diffs.push(format!("frame {id} exists in the replay only"));
        }
    }
    let mut ra: Vec<_> = rebuilt
        .roots
        .iter()
        .chain(&rebuilt.temp_roots)
        .copied()
        .collect();
    let mut rb: Vec<_> = live.roots.iter().chain(&live.temp_roots).copied().collect();
    ra.sort();
    rb.sort();
    if ra != rb {
        let only = |x: &[(ObjId, Sym)], y: &[(ObjId, Sym)]| {
            x.iter()
                .filter(|e| !y.contains(e))
                .map(|(o, why)| format!("{} ({})", trace.label(*o), trace.sym(*why)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        diffs.push(format!(
            "roots differ: replay only [{}], live only [{}]",
            only(&ra, &rb),
            only(&rb, &ra)
        ));
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs.join("\n"))
    }
}

/// Rebuilds every step of `trace` (one sequential replay, and
/// [`Trace::state_at`] for every 7th step) and compares it with the live
/// state of every step that has one.
pub fn check_all_steps(trace: &Trace, live: &LiveStates) -> Result<(), String> {
    let live = &live.states[..];
    if trace.steps != live.len() as u64 {
        return Err(format!(
            "{} steps recorded, {} seen live",
            trace.steps,
            live.len()
        ));
    }
    let mut result = Ok(());
    let mut step = 0usize;
    trace.for_each_step(|rebuilt, _| {
        if result.is_ok() {
            result = match live.get(step) {
                Some(Some(l)) => compare(trace, rebuilt, l)
                    .map_err(|e| format!("step {step} (line {}):\n{e}", rebuilt.line)),
                Some(None) => Ok(()),
                None => Err(format!("step {step} was not seen live")),
            };
        }
        step += 1;
    });
    result?;
    for (step, l) in live.iter().enumerate().step_by(7) {
        let Some(l) = l else { continue };
        let rebuilt = trace.state_at(step as u64);
        if rebuilt.step != step as u64 {
            return Err(format!(
                "step {step}: replay stopped at step {}",
                rebuilt.step
            ));
        }
        compare(trace, &rebuilt, l)
            .map_err(|e| format!("state_at({step}) (line {}):\n{e}", rebuilt.line))?;
    }
    Ok(())
}
