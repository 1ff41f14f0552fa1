//! The JavaScript face of the façade (wasm32 only): `run` returns a
//! [`Trace`] handle whose methods are the [`Session`] calls.
//!
//! JSON travels as strings and per-step arrays as `Uint32Array`s; the page's
//! worker (`web/src/worker.js`) is the only caller.

use super::Session;
use wasm_bindgen::prelude::*;

/// One recorded run, owned by JavaScript (free it with `.free()`).
#[wasm_bindgen]
pub struct Trace(Session);

/// Compiles and runs `source`; `files_json` maps other paths to their text,
/// `options_json` is `{"mode", "max_steps", "main"}`. Throws on bad JSON.
#[wasm_bindgen]
pub fn run(source: &str, files_json: &str, options_json: &str) -> Result<Trace, JsError> {
    Session::run(source, files_json, options_json)
        .map(Trace)
        .map_err(|e| JsError::new(&e))
}

/// Grades an exercise's `# predict:` answers (`answers_json`: `["2", null]`);
/// see `quiz::quiz_json`.
#[wasm_bindgen]
pub fn quiz(source: &str, filename: &str, files_json: &str, answers_json: &str) -> String {
    super::quiz::quiz_json(source, filename, files_json, answers_json)
}

/// The crate version, for the page's footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen]
impl Trace {
    pub fn step_count(&self) -> u32 {
        self.0.step_count()
    }
    pub fn lines(&self) -> Vec<u32> {
        self.0.lines()
    }
    pub fn depths(&self) -> Vec<u32> {
        self.0.depths()
    }
    pub fn step_files(&self) -> Vec<u32> {
        self.0.step_files()
    }
    pub fn summary_json(&self) -> String {
        self.0.summary_json()
    }
    pub fn instruction(&self, step: u32) -> String {
        self.0.instruction(step)
    }
    pub fn stdout_until(&self, step: u32) -> String {
        self.0.stdout_until(step)
    }
    pub fn stderr_until(&self, step: u32) -> String {
        self.0.stderr_until(step)
    }
    pub fn state_json(&self, step: u32) -> String {
        self.0.state_json(step)
    }
    pub fn state_svg(&self, step: u32) -> String {
        self.0.state_svg(step)
    }
    pub fn narration(&self, step: u32) -> String {
        self.0.narration(step)
    }
    pub fn explain(&self, step: u32, object_label: &str) -> String {
        self.0.explain(step, object_label)
    }
    pub fn gc_view(&self, step: u32) -> String {
        self.0.gc_view(step)
    }
    pub fn memory_view(&self, step: u32) -> String {
        self.0.memory_view(step)
    }
    pub fn modules_view(&self, step: u32) -> String {
        self.0.modules_view(step)
    }
}
