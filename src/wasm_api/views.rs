//! The per-step views that come from the trace engine (`crate::trace`).
//!
//! | view | source | status |
//! | --- | --- | --- |
//! | `state_json` | `Trace::state_at` → `scene::build_scene` → `state_view` | real |
//! | `state_svg` | `svg::scene_svg` of the same scene | real |
//! | `narration` | `narrate::narrate`, split per step | real (runs up to [`NARRATE_MAX_BYTES`] of trace) |
//! | `explain` | `explain::explain` | real |
//! | `modules_view` | `sys.modules` in the replayed state | real |
//! | `gc_view` | objects freed by the cycle collector (`gc_view.rs`) | real; phases once the trace records them |
//!
//! Without a trace (the program did not compile) a view answers JSON with
//! `"stub": true`, which the page shows as unavailable.
//!
//! Step `s` of the page is the trace's step `s` (the state when that line or
//! instruction begins); the page's extra last step is the state after every
//! record (the program finished). The narration shown at step `s` is what
//! happened during step `s - 1` ("what just ran"). The last state asked for
//! is cached: the page asks several views of one step at once.

use super::Session;
use super::json::JsonOut;
use super::state_view;
use crate::trace::narrate::{NarrateOptions, narrate, quiet_objects};
use crate::trace::scene::build_scene;
use crate::trace::{State, Trace};
use std::rc::Rc;

/// Narration is prepared for traces up to this size (the whole story is
/// told once and split per step); longer runs get a note instead.
pub const NARRATE_MAX_BYTES: usize = 4 << 20;

/// The exact "quiet objects" scan reads the whole trace; above this size the
/// scene uses the cheaper rule (shared or made before the program ran).
pub const QUIET_SCAN_MAX_BYTES: usize = 8 << 20;

/// Lazily computed, per-session view data.
#[derive(Debug, Default)]
pub struct ViewCache {
    state: Option<(u32, Rc<State>)>,
    quiet: Option<Rc<Vec<bool>>>,
    deaths: Option<Rc<Vec<(u64, crate::trace::ObjId)>>>,
    /// Narration per page step.
    narration: Option<Rc<Vec<String>>>,
}

fn stub(session: &Session, step: u32, view: &str) -> String {
    let reason = "this run has no trace (it did not compile).";
    let s = &session.collected.steps;
    let i = (step as usize).min(s.len().saturating_sub(1));
    let mut j = JsonOut::new();
    j.begin_obj();
    j.key("stub").bool(true);
    j.kv_str("view", view);
    j.kv_str("reason", reason);
    j.kv_num("step", i);
    j.kv_num("line", s.lines.get(i).copied().unwrap_or(0));
    j.end_obj();
    j.finish()
}

/// Splits the story into the page's steps: the text before the first step
/// goes to step 0, "step k · …" to step k + 1, the exit and totals to the last.
fn split_story(story: &str, page_steps: usize) -> Vec<String> {
    let mut out = vec![String::new(); page_steps.max(1)];
    let last = out.len() - 1;
    let mut at = 0usize;
    for line in story.lines() {
        if !line.starts_with(' ') {
            if let Some(rest) = line.strip_prefix("step ") {
                let n: Option<usize> = rest
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|d| d.parse().ok());
                if let Some(n) = n {
                    at = (n + 1).min(last);
                }
            } else if line.starts_with("interpreter exit") || line.starts_with('—') {
                at = last;
            }
        }
        out[at].push_str(line);
        out[at].push('\n');
    }
    out
}

impl Session {
    /// Whether `step` is the synthetic "program finished" step.
    fn is_final(&self, step: u32) -> bool {
        let s = &self.collected.steps;
        s.finished && step as usize + 1 >= s.len()
    }

    fn clamp_step(&self, step: u32) -> u32 {
        (step as usize).min(self.collected.steps.len().saturating_sub(1)) as u32
    }

    /// The replayed state at `step` (cached), or None without a trace.
    pub fn state_at(&self, step: u32) -> Option<Rc<State>> {
        let trace = self.collected.trace.as_ref()?;
        let step = self.clamp_step(step);
        if let Some((s, st)) = self.views.borrow().state.as_ref()
            && *s == step
        {
            return Some(st.clone());
        }
        let state = if self.is_final(step) || step as u64 >= trace.steps {
            end_state(trace)
        } else {
            trace.state_at(step as u64)
        };
        let state = Rc::new(state);
        self.views.borrow_mut().state = Some((step, state.clone()));
        Some(state)
    }

    fn quiet(&self, trace: &Trace) -> Rc<Vec<bool>> {
        if let Some(q) = &self.views.borrow().quiet {
            return q.clone();
        }
        let q = if trace.bytes.len() <= QUIET_SCAN_MAX_BYTES {
            quiet_objects(trace)
        } else {
            trace
                .objects
                .iter()
                .map(|m| m.shared || m.born.is_some_and(|(_, line)| line == 0))
                .collect()
        };
        let q = Rc::new(q);
        self.views.borrow_mut().quiet = Some(q.clone());
        q
    }

    fn deaths(&self, trace: &Trace) -> Rc<Vec<(u64, crate::trace::ObjId)>> {
        if let Some(d) = &self.views.borrow().deaths {
            return d.clone();
        }
        let d = Rc::new(state_view::deaths_index(trace));
        self.views.borrow_mut().deaths = Some(d.clone());
        d
    }

    /// The state at `step`: frames, objects with refcounts and slots, objects
    /// freed since the previous step (see `state_view.rs`).
    pub fn state_json(&self, step: u32) -> String {
        let (Some(trace), Some(state)) = (self.collected.trace.as_ref(), self.state_at(step))
        else {
            return stub(self, step, "state");
        };
        let step = self.clamp_step(step);
        let scene = build_scene(trace, &state, &self.quiet(trace), false);
        let deaths = self.deaths(trace);
        state_view::state_json(trace, &scene, &deaths, step as u64, self.is_final(step))
    }

    /// The heap diagram at `step` as an SVG document (the trace's renderer).
    pub fn state_svg(&self, step: u32) -> String {
        let (Some(trace), Some(state)) = (self.collected.trace.as_ref(), self.state_at(step))
        else {
            return String::new();
        };
        let scene = build_scene(trace, &state, &self.quiet(trace), false);
        crate::trace::svg::scene_svg(trace, &scene)
    }

    /// What just happened (during the previous step), in words:
    /// `{lines: [text]}`.
    pub fn narration(&self, step: u32) -> String {
        let Some(trace) = self.collected.trace.as_ref() else {
            return stub(self, step, "narration");
        };
        let step = self.clamp_step(step) as usize;
        let mut j = JsonOut::new();
        j.begin_obj();
        j.key("lines").begin_arr();
        if trace.bytes.len() > NARRATE_MAX_BYTES {
            j.str("This run is too long to narrate step by step; the diagram and explanations still work.");
        } else {
            let cached = self.views.borrow().narration.clone();
            let story = match cached {
                Some(s) => s,
                None => {
                    let opts = NarrateOptions {
                        instructions: self.config.kind == super::StepKind::Instruction,
                        ..NarrateOptions::default()
                    };
                    let s = Rc::new(split_story(
                        &narrate(trace, &opts),
                        self.collected.steps.len(),
                    ));
                    self.views.borrow_mut().narration = Some(s.clone());
                    s
                }
            };
            for line in story.get(step).map(String::as_str).unwrap_or("").lines() {
                j.str(line);
            }
        }
        j.end_arr();
        j.end_obj();
        j.finish()
    }

    /// Who holds `object_label` at `step`: `{label, lines: [text]}`.
    pub fn explain(&self, step: u32, object_label: &str) -> String {
        let (Some(trace), Some(state)) = (self.collected.trace.as_ref(), self.state_at(step))
        else {
            return stub(self, step, "explain");
        };
        let text = match state
            .live()
            .find(|(id, _)| trace.label(*id) == object_label)
        {
            Some((id, _)) => crate::trace::explain::explain(trace, &state, id),
            None => match trace.find_label(object_label) {
                Some(id) => crate::trace::explain::explain(trace, &state, id),
                None => format!("No object is labelled {object_label}.\n"),
            },
        };
        let mut j = JsonOut::new();
        j.begin_obj();
        j.kv_str("label", object_label);
        j.key("lines").begin_arr();
        for line in text.lines() {
            j.str(line);
        }
        j.end_arr();
        j.end_obj();
        j.finish()
    }

    /// The cycle collections that ran before `step` (see `gc_view.rs`).
    pub fn gc_view(&self, step: u32) -> String {
        let Some(trace) = self.collected.trace.as_ref() else {
            return stub(self, step, "gc");
        };
        let step = self.clamp_step(step);
        let deaths = self.deaths(trace);
        super::gc_view::gc_json(trace, &deaths, step as u64, self.is_final(step))
    }

    /// `sys.modules` at `step`.
    pub fn modules_view(&self, step: u32) -> String {
        let (Some(trace), Some(state)) = (self.collected.trace.as_ref(), self.state_at(step))
        else {
            return stub(self, step, "modules");
        };
        state_view::modules_json(trace, &state)
    }
}

/// The state after every record: from the last checkpoint to the end.
fn end_state(trace: &Trace) -> State {
    let (mut st, mut dec) = match trace.checkpoints().last() {
        Some(c) => (
            c.state.clone(),
            crate::trace::codec::Decoder::new(&trace.bytes, c.offset, c.cursors),
        ),
        None => (State::default(), trace.decoder()),
    };
    while let Some(r) = dec.next() {
        st.apply(&r, trace.mode);
    }
    st
}

#[cfg(test)]
mod tests {
    use super::split_story;

    #[test]
    fn the_story_is_split_per_page_step() {
        let story = "before the first line: 3 objects\nstep 0 · line 1 · a = 1\n  x\nstep 1 · line 2 · b\n  y\ninterpreter exit\n  z\n— 2 steps\n";
        let parts = split_story(story, 3);
        assert_eq!(parts[0], "before the first line: 3 objects\n");
        assert_eq!(parts[1], "step 0 · line 1 · a = 1\n  x\n");
        assert_eq!(
            parts[2],
            "step 1 · line 2 · b\n  y\ninterpreter exit\n  z\n— 2 steps\n"
        );
    }
}
