//! The per-step views that come from the trace engine (branch `trace`).
//!
//! STUBS — the trace recorder and its renderers are not merged into this
//! branch yet. Until they are, each view below answers with a JSON object
//! holding `"stub": true` and what the step log already knows (step, line),
//! and the page shows the view as "not available yet". Each is replaced by
//! the engine's real view when `trace` is merged:
//!
//! | view | real source (trace branch) | now |
//! | --- | --- | --- |
//! | `state_json` | `Trace::state_at(step)`: frames, objects, refcounts, holders | stub |
//! | `state_svg` | the SVG heap diagram renderer | stub (empty SVG) |
//! | `narration` | the narration of the step's records | stub |
//! | `explain` | who holds an object and why it is alive | stub |
//! | `gc_view` | gc events (collections and their phases) | stub: the VM has no gc events yet |
//! | `modules_view` | `sys.modules` from the state | stub |

use super::Session;
use super::json::JsonOut;

fn stub(session: &Session, step: u32, view: &str) -> String {
    let s = &session.collected.steps;
    let i = (step as usize).min(s.len().saturating_sub(1));
    let mut j = JsonOut::new();
    j.begin_obj();
    j.key("stub").bool(true);
    j.kv_str("view", view);
    j.kv_num("step", i);
    j.kv_num("line", s.lines.get(i).copied().unwrap_or(0));
    j.kv_num("depth", s.depths.get(i).copied().unwrap_or(0));
    j.end_obj();
    j.finish()
}

impl Session {
    /// The state at `step`: frames with their locals, every live object with
    /// its refcount, outgoing references and holders. STUB (see above).
    pub fn state_json(&self, step: u32) -> String {
        stub(self, step, "state")
    }

    /// The heap diagram at `step` as an SVG document. STUB (see above).
    pub fn state_svg(&self, _step: u32) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" data-stub=\"true\" width=\"0\" height=\"0\"></svg>"
            .to_string()
    }

    /// What happened during `step`, in words. STUB (see above).
    pub fn narration(&self, step: u32) -> String {
        stub(self, step, "narration")
    }

    /// Who holds `object_label` at `step` and why it is alive. STUB (see above).
    pub fn explain(&self, step: u32, _object_label: &str) -> String {
        stub(self, step, "explain")
    }

    /// The cycle collector at `step`. STUB (see above).
    pub fn gc_view(&self, step: u32) -> String {
        stub(self, step, "gc")
    }

    /// `sys.modules` at `step`. STUB (see above).
    pub fn modules_view(&self, step: u32) -> String {
        stub(self, step, "modules")
    }
}
