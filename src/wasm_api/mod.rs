//! The browser façade: everything the playground page asks of pysim, as
//! plain Rust returning strings and numbers, so it is tested natively;
//! `bindings` (wasm32 only) exposes the same calls to JavaScript through
//! wasm-bindgen.
//!
//! A [`Session`] is one recorded run: [`Session::run`] compiles and runs the
//! program under a step budget (a runaway program stops at the limit and its
//! partial trace stays explorable), then every view is asked per step:
//!
//! | call | answer |
//! | --- | --- |
//! | `step_count`, `lines`, `depths`, `files` | the step log (`steps.rs`) |
//! | `stdout_until`, `stderr_until` | output written before a step |
//! | `summary_json` | exit code, limit hit, output, files, mode |
//! | `memory_view` | pymalloc arenas/pools/bytes at a step (`memory.rs`) |
//! | `state_json`, `state_svg`, `narration`, `explain`, `gc_view`, `modules_view` | `views.rs` |
//!
//! Quiz mode needs no session: [`quiz::quiz_json`] checks an exercise's
//! answers the way `pysim check` does.
//!
//! The trace engine (`crate::trace`) records every run; `views.rs` asks it
//! for states, scenes, narration and explanations, and `state_view.rs` turns
//! a scene into the page's JSON. Views the engine has no data for yet answer
//! JSON marked `"stub": true` (the table atop `views.rs`); the page shows them
//! as unavailable rather than inventing content.

pub mod gc_view;
pub mod json;
pub mod memory;
pub mod quiz;
pub mod runner;
pub mod state_view;
pub mod steps;
pub mod views;

#[cfg(target_arch = "wasm32")]
mod bindings;

use json::JsonOut;
pub use runner::{DEFAULT_MAX_STEPS, Outcome, RunConfig};
pub use steps::StepKind;

/// One recorded run and the views of its steps.
#[derive(Debug)]
pub struct Session {
    pub config: RunConfig,
    pub collected: runner::Collected,
    pub outcome: Outcome,
    /// States, scenes and narration computed on demand (`views.rs`).
    views: std::cell::RefCell<views::ViewCache>,
}

impl Session {
    /// Runs `source` with the other files of the program (`files_json`:
    /// `{"path": "text"}`) and the options (`options_json`: `{"mode":
    /// "line"|"instruction", "max_steps": N, "main": "main.py"}`).
    pub fn run(source: &str, files_json: &str, options_json: &str) -> Result<Session, String> {
        let config = RunConfig::from_json(options_json)?;
        let files = runner::files_from_json(files_json)?;
        let (collected, outcome) = runner::run(source, files, &config);
        Ok(Session {
            config,
            collected,
            outcome,
            views: Default::default(),
        })
    }

    /// Number of steps, the final "finished" step included (always ≥ 1).
    pub fn step_count(&self) -> u32 {
        self.collected.steps.len() as u32
    }

    fn clamp(&self, step: u32) -> usize {
        (step as usize).min(self.collected.steps.len().saturating_sub(1))
    }

    /// The source line of every step.
    pub fn lines(&self) -> Vec<u32> {
        self.collected.steps.lines.clone()
    }

    /// The call depth of every step (1 in module code; 0 at the end).
    pub fn depths(&self) -> Vec<u32> {
        self.collected.steps.depths.clone()
    }

    /// The file index (into `summary_json().files`) of every step.
    pub fn step_files(&self) -> Vec<u32> {
        self.collected.steps.file_of_step.clone()
    }

    /// In instruction mode, the instruction a step is about to run
    /// (`"LOAD_CONST"` at byte offset 4: `"4 LOAD_CONST"`); empty in line mode.
    pub fn instruction(&self, step: u32) -> String {
        let s = &self.collected.steps;
        let i = self.clamp(step);
        if self.config.kind != StepKind::Instruction || (s.finished && i + 1 == s.len()) {
            return String::new();
        }
        match s.opname(i) {
            Some(op) => format!("{} {op}", s.instr[i] * 2),
            None => String::new(),
        }
    }

    pub fn stdout_until(&self, step: u32) -> String {
        self.collected
            .steps
            .stdout_until(self.clamp(step))
            .to_string()
    }

    pub fn stderr_until(&self, step: u32) -> String {
        self.collected
            .steps
            .stderr_until(self.clamp(step))
            .to_string()
    }

    /// How the run went, for the page's status line.
    pub fn summary_json(&self) -> String {
        let o = &self.outcome;
        let s = &self.collected.steps;
        let mut j = JsonOut::new();
        j.begin_obj();
        j.kv_num("steps", s.len());
        j.kv_num("exit_code", o.exit_code);
        j.key("hit_step_limit").bool(o.hit_step_limit);
        j.key("compile_error").bool(o.compile_error);
        j.kv_num("max_steps", self.config.max_steps);
        j.kv_str(
            "mode",
            match self.config.kind {
                StepKind::Line => "line",
                StepKind::Instruction => "instruction",
            },
        );
        j.kv_str("main", &self.config.main);
        if o.hit_step_limit {
            j.kv_str(
                "message",
                &format!(
                    "Stopped after {} instructions: the step limit. The program may loop forever; \
                     the steps recorded so far can still be explored.",
                    self.config.max_steps
                ),
            );
        }
        j.kv_str("stdout", &o.stdout);
        j.kv_str("stderr", &o.stderr);
        j.key("files").begin_arr();
        for f in &s.files {
            j.str(f);
        }
        j.end_arr();
        j.end_obj();
        j.finish()
    }

    /// The memory view at `step` (see `memory.rs`).
    pub fn memory_view(&self, step: u32) -> String {
        let step = self.clamp(step) as u32;
        self.collected.memory.view_json(step, self.step_count())
    }
}

#[cfg(test)]
mod tests;
