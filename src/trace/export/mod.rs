//! Exports of a trace for other tools: the JSONL event schema, Chrome's
//! Trace Event format (Perfetto, `chrome://tracing`), Python Tutor's trace.

pub mod chrome;
pub mod jsonl;
pub mod pytutor;
