//! Running a program for the browser: the VM with an in-memory host and the
//! façade's event sink attached, under a step budget.

use super::json::{self, Json};
use super::memory::MemoryModel;
use super::steps::{StepKind, StepLog};
use crate::error::CompileError;
use crate::host::{Host, MemoryHost};
use crate::runtime::events::{Event, EventSink};
use crate::runtime::heap::{ObjRef, Object};
use crate::runtime::inspect::Inspector;
use crate::runtime::vm::{Limits, RunOptions, Vm};
use crate::trace::{RecordOptions, RecorderHandle, Trace};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Default instruction budget when the page gives none: more than three
/// times what the longest lesson needs, small enough that an endless loop
/// stops (recorded) in about a second.
pub const DEFAULT_MAX_STEPS: u64 = 1_000_000;

/// What the page asks for (`options_json`).
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub kind: StepKind,
    /// Instruction budget (`RunOptions::limits.max_steps`).
    pub max_steps: u64,
    /// The file run as `__main__`.
    pub main: String,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            kind: StepKind::Line,
            max_steps: DEFAULT_MAX_STEPS,
            main: "main.py".into(),
        }
    }
}

impl RunConfig {
    /// Reads `{"mode": "line"|"instruction", "max_steps": N, "main": "main.py"}`;
    /// missing keys keep their defaults.
    pub fn from_json(text: &str) -> Result<RunConfig, String> {
        let mut c = RunConfig::default();
        if text.trim().is_empty() {
            return Ok(c);
        }
        let v = json::parse(text).map_err(|e| format!("options: {e}"))?;
        match v.get("mode").and_then(Json::as_str) {
            None | Some("line") => {}
            Some("instruction") => c.kind = StepKind::Instruction,
            Some(m) => return Err(format!("options: unknown mode {m:?}")),
        }
        if let Some(n) = v.get("max_steps").and_then(Json::as_f64)
            && n >= 1.0
        {
            c.max_steps = n as u64;
        }
        if let Some(m) = v.get("main").and_then(Json::as_str) {
            c.main = m.to_string();
        }
        Ok(c)
    }
}

/// Reads `{"path": "source", ...}`: the other files of a multi-file program.
pub fn files_from_json(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    if text.trim().is_empty() {
        return Ok(out);
    }
    match json::parse(text).map_err(|e| format!("files: {e}"))? {
        Json::Obj(m) => {
            for (k, v) in m {
                match v {
                    Json::Str(s) => {
                        out.insert(k, s);
                    }
                    _ => return Err(format!("files: {k:?} is not a string")),
                }
            }
            Ok(out)
        }
        _ => Err("files: expected an object".into()),
    }
}

/// Everything collected during a run.
#[derive(Default)]
pub struct Collected {
    pub steps: StepLog,
    pub memory: MemoryModel,
    /// The trace engine's recording: states, scenes, narration, explanations.
    pub trace: Option<Trace>,
}

impl std::fmt::Debug for Collected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collected")
            .field("steps", &self.steps.len())
            .field("trace_steps", &self.trace.as_ref().map(|t| t.steps))
            .finish()
    }
}

/// The façade's sink: the trace recorder, plus the step log and the
/// allocator model that only the page needs.
struct WebSink {
    kind: StepKind,
    data: Rc<RefCell<Collected>>,
    recorder: RecorderHandle,
}

impl EventSink for WebSink {
    fn event(&mut self, event: &Event<'_>) {
        self.recorder.event(event);
        let mut d = self.data.borrow_mut();
        match *event {
            Event::Alloc { obj, size, .. } => d.memory.alloc(obj, size),
            Event::Free { obj, .. } => d.memory.free(obj),
            _ => {}
        }
        if d.steps.event(self.kind, event) {
            let step = d.steps.len() as u32 - 1;
            d.memory.step(step);
        }
    }

    fn wants_instructions(&self) -> bool {
        self.kind == StepKind::Instruction
    }

    fn allocated(&mut self, obj: ObjRef, object: &Object) {
        self.recorder.allocated(obj, object);
    }

    fn wants_inspection(&self) -> bool {
        self.recorder.wants_inspection()
    }

    fn inspect(&mut self, vm: &dyn Inspector) {
        self.recorder.inspect(vm);
    }
}

/// How a run ended.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub exit_code: i32,
    /// The step budget stopped the program.
    pub hit_step_limit: bool,
    /// The program did not compile (nothing ran).
    pub compile_error: bool,
    pub stdout: String,
    pub stderr: String,
}

/// A host whose buffers outlive the VM.
struct SharedHost(Rc<RefCell<MemoryHost>>);

impl Host for SharedHost {
    fn write_stdout(&mut self, text: &str) {
        self.0.borrow_mut().write_stdout(text)
    }
    fn write_stderr(&mut self, text: &str) {
        self.0.borrow_mut().write_stderr(text)
    }
    fn read_source(&mut self, path: &str) -> Option<String> {
        self.0.borrow_mut().read_source(path)
    }
    fn write_file(&mut self, path: &str, text: &str) -> Result<(), String> {
        self.0.borrow_mut().write_file(path, text)
    }
    fn is_dir(&mut self, path: &str) -> bool {
        self.0.borrow_mut().is_dir(path)
    }
}

/// Compiles and runs `source` as `cfg.main`, with `files` readable by imports.
pub fn run(source: &str, files: BTreeMap<String, String>, cfg: &RunConfig) -> (Collected, Outcome) {
    let host = Rc::new(RefCell::new(MemoryHost {
        files,
        ..Default::default()
    }));
    host.borrow_mut()
        .files
        .insert(cfg.main.clone(), source.to_string());
    let data = Rc::new(RefCell::new(Collected::default()));
    let recorder = RecorderHandle::new(RecordOptions {
        instructions: cfg.kind == StepKind::Instruction,
    });
    let mut outcome = Outcome::default();
    let code = crate::parser::parse_module(source, &cfg.main)
        .and_then(|m| crate::compiler::compile_module_with_source(&m, &cfg.main, source));
    match code {
        Ok(code) => {
            let options = RunOptions {
                limits: Limits {
                    max_steps: Some(cfg.max_steps),
                    ..Limits::default()
                },
                audit: false,
                argv: vec![cfg.main.clone()],
            };
            let mut vm = Vm::new(Box::new(SharedHost(host.clone())), options);
            vm.sink = Some(Box::new(WebSink {
                kind: cfg.kind,
                data: data.clone(),
                recorder: recorder.clone(),
            }));
            vm.sources.insert(cfg.main.as_str().into(), source.into());
            outcome.exit_code = vm.run_main(code, &cfg.main);
            outcome.hit_step_limit = outcome.exit_code == crate::runtime::vm::run::EXIT_STEP_LIMIT
                && vm.steps >= cfg.max_steps;
            drop(vm);
        }
        Err(CompileError::Syntax(e)) => {
            host.borrow_mut().write_stderr(&e.render());
            outcome.exit_code = 1;
            outcome.compile_error = true;
        }
        Err(CompileError::Unsupported(u)) => {
            host.borrow_mut().write_stderr(&format!("{u}\n"));
            outcome.exit_code = crate::runtime::vm::run::EXIT_UNSUPPORTED;
            outcome.compile_error = true;
        }
    }
    {
        let h = host.borrow();
        outcome.stdout = h.stdout.clone();
        outcome.stderr = h.stderr.clone();
    }
    let mut collected = Rc::try_unwrap(data)
        .map(RefCell::into_inner)
        .unwrap_or_else(|rc| std::mem::take(&mut *rc.borrow_mut()));
    // Output the VM wrote without an event (e.g. compile errors) still shows at the end.
    if collected.steps.stdout.len() < outcome.stdout.len() {
        collected.steps.stdout = outcome.stdout.clone();
    }
    if collected.steps.stderr.len() < outcome.stderr.len() {
        collected.steps.stderr = outcome.stderr.clone();
    }
    collected.steps.finish();
    let last = collected.steps.len() as u32 - 1;
    collected.memory.step(last);
    // Index the trace now (its checkpoints are otherwise built on the first
    // `state_at`): the run is explorable at any step as soon as it returns,
    // and the page's timing of a run includes this.
    let trace = recorder.finish(&cfg.main, source);
    let _ = trace.checkpoints();
    collected.trace = Some(trace);
    (collected, outcome)
}
