//! The state at one step as text (`pysim show`): the frames with their
//! variables, then every object they reach with its refcount, its holders
//! and its contents.
//!
//! ```text
//! step 2 · line 3 · del l1
//! Frames:
//!   <module>, line 3 (running)
//!     l1 → list#1
//!     l2 → list#1
//! Objects:
//!   list#1 · list · refcount 2 ← global `l1`, global `l2`
//!     [0] 1
//!     [1] 2
//! ```

use super::describe::holder_ref_phrase;
use super::model::{FreeCause, ObjId};
use super::scene::{ObjKind, Scene, Value, build_scene};
use super::state::{HolderRef, State};
use super::store::Trace;
use std::collections::HashMap;
use std::fmt::Write;

/// Every holder of every live object at this state, one inversion pass.
pub fn holder_index(state: &State) -> HashMap<ObjId, Vec<HolderRef>> {
    let mut index: HashMap<ObjId, Vec<HolderRef>> = HashMap::new();
    state.for_each_reference(|h, r| index.entry(r).or_default().push(h));
    for v in index.values_mut() {
        v.sort();
    }
    index
}

fn value_text(trace: &Trace, v: &Value) -> String {
    match v {
        Value::Inline(s) => s.clone(),
        Value::Ref(id) => trace.label(*id),
    }
}

/// The state at `state.step` as text.
pub fn state_text(trace: &Trace, state: &State, quiet: &[bool], all: bool) -> String {
    let scene = build_scene(trace, state, quiet, all);
    render_scene(trace, state, &scene)
}

/// Renders a built scene as text.
pub fn render_scene(trace: &Trace, state: &State, scene: &Scene) -> String {
    let mut out = String::new();
    let _ = write!(out, "step {} · line {}", scene.step, scene.line);
    if let Some(src) = &scene.source {
        let _ = write!(out, " · {src}");
    }
    out.push('\n');
    out.push_str("Frames:\n");
    for f in &scene.frames {
        let running = if f.current { " (running)" } else { "" };
        let _ = writeln!(out, "  {}, line {}{running}", f.title, f.line);
        if f.vars.is_empty() {
            out.push_str("    (no variables)\n");
        }
        for (name, v) in &f.vars {
            let _ = writeln!(out, "    {name} → {}", value_text(trace, v));
        }
    }
    let holders = holder_index(state);
    out.push_str("Objects:\n");
    if scene.objects.is_empty() {
        out.push_str("  (none besides shared values)\n");
    }
    for o in &scene.objects {
        let mut head = format!("  {} · {}", o.label, o.type_name);
        if let Some(v) = &o.value
            && matches!(o.kind, ObjKind::Other | ObjKind::Function | ObjKind::Class)
        {
            let _ = write!(head, " {v}");
        }
        let _ = write!(head, " · refcount {}", o.refcount);
        let hs = holders.get(&o.id).map(Vec::as_slice).unwrap_or(&[]);
        if !hs.is_empty() {
            let phrases: Vec<String> = hs
                .iter()
                .map(|h| holder_ref_phrase(trace, state, *h))
                .collect();
            let _ = write!(head, " ← {}", phrases.join(", "));
        }
        let missing = o.refcount.saturating_sub(hs.len() as u64);
        if missing > 0 {
            let _ = write!(head, " (+{missing} held by native code)");
        }
        out.push_str(&head);
        out.push('\n');
        if let Some(fate) = o.fate {
            out.push_str(fate_text(fate));
            out.push('\n');
        }
        for (k, v) in &o.rows {
            let v = value_text(trace, v);
            match o.kind {
                ObjKind::List | ObjKind::Tuple | ObjKind::Set => {
                    let _ = writeln!(out, "    [{k}] {v}");
                }
                ObjKind::Cell => {
                    let _ = writeln!(out, "    contents → {v}");
                }
                ObjKind::Dict => {
                    let _ = writeln!(out, "    {k}: {v}");
                }
                _ => {
                    let _ = writeln!(out, "    .{k} → {v}");
                }
            }
        }
    }
    if !state.stdout.is_empty() {
        out.push_str("Output so far:\n");
        for line in state.stdout.lines() {
            let _ = writeln!(out, "  | {line}");
        }
    }
    out
}

/// How an object that dies during the step dies, in words.
pub fn fate_text(cause: FreeCause) -> &'static str {
    match cause {
        FreeCause::RefcountZero => "    ✝ freed during this step",
        FreeCause::CycleCollection => "    ✝ collected by the gc during this step",
        FreeCause::InterpreterExit => "    ✝ freed when the interpreter exits",
    }
}
