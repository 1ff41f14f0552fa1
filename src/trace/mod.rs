//! The trace: what a learner sees of a run.
//!
//! [`recorder`] turns the VM's events into a compact [`Trace`] ([`codec`]
//! encodes the [`model`] records); [`state`] rebuilds the complete state at
//! any step from checkpoints plus replay. The views — narration, state as
//! text, SVG and DOT pictures, lifetimes, explanations — and the exports
//! (JSONL, Chrome trace, Python Tutor) all read a finished [`Trace`] and
//! produce strings: nothing here touches files or clocks, so the browser
//! build reuses all of it.

pub mod codec;
pub mod describe;
pub mod dot;
pub mod explain;
pub mod export;
#[doc(hidden)]
pub mod fake;
pub mod json;
pub mod lifetimes;
pub mod model;
pub mod narrate;
mod narrate_gc;
pub mod quiet;
pub mod recorder;
pub mod run;
pub mod scene;
pub mod state;
pub mod state_text;
pub mod store;
pub mod svg;
pub mod verify;

pub use model::{ObjId, Record, StepMode, Sym, TRACE_FORMAT_VERSION};
pub use recorder::{RecordOptions, Recorder, RecorderHandle};
pub use state::State;
pub use store::Trace;
