//! Running an exercise and reading the answers off the run.
//!
//! The exercise is run with every standalone marker line replaced by `pass`
//! (line numbers unchanged). A [`ProbeSink`] attached to the VM follows the
//! events (frames, lines, output, frees, bindings) and, at the first line
//! event of each marker line, inspects the interpreter: it resolves names as
//! the running code would, reads reference counts, lists holders, and
//! remembers labelled objects so their death can be reported later.

use super::format::{Ask, Exercise, ExerciseError};
use super::holders::{describe, holders, summarise};
use crate::bytecode::{CO_FAST_CELL, CO_FAST_FREE};
use crate::error::CompileError;
use crate::host::Host;
use crate::runtime::events::{Event, EventSink, FrameId, FreeCause, Holder};
use crate::runtime::heap::{ObjRef, Object};
use crate::runtime::inspect::Inspector;
use crate::runtime::object::Payload;
use crate::runtime::vm::{Limits, RunOptions, Vm};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// How and where a labelled object died.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Death {
    /// The line running when it was freed (0 if outside the exercise file).
    pub line: u32,
    /// What released its last reference, in words.
    pub how: String,
}

/// What the run says about one question: the correct answer and the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// Everything the line printed (final newline removed).
    Output(String),
    Refcount {
        value: u64,
        object: String,
        holders: Vec<String>,
    },
    Alive {
        alive: bool,
        object: String,
        holders: Vec<String>,
        death: Option<Death>,
    },
    Same {
        same: bool,
        a: String,
        b: String,
    },
    /// Execution never reached the marker.
    NotReached,
    /// The question cannot be answered there (e.g. the name is unbound).
    Problem(String),
}

/// One step of the recorded run (for the HTML export's step-through viewer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub line: u32,
    /// Function names, outermost first.
    pub stack: Vec<String>,
    /// Variables of the running frame: name, description, refcount.
    pub vars: Vec<(String, String, u64)>,
    /// Bytes of stdout written before this step.
    pub output_len: usize,
}

/// The result of running an exercise.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// One fact per question, in the exercise's order.
    pub facts: Vec<Fact>,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub steps: Vec<Step>,
}

/// Most steps kept for the export viewer.
const MAX_STEPS: usize = 5000;

#[derive(Default)]
struct Probe {
    filename: String,
    exercise: Exercise,
    /// Marker lines not yet evaluated.
    pending: Vec<u32>,
    output_lines: Vec<u32>,
    /// Frames on the call stack: id and whether it runs the exercise file.
    stack: Vec<(FrameId, bool)>,
    frame_names: HashMap<FrameId, (String, bool)>,
    lines: HashMap<FrameId, u32>,
    /// Lines of the exercise file that ran at least once.
    reached: std::collections::HashSet<u32>,
    labels: HashMap<String, ObjRef>,
    label_desc: HashMap<String, String>,
    labelled: HashMap<ObjRef, String>,
    last_unbind: HashMap<ObjRef, String>,
    deaths: HashMap<ObjRef, Death>,
    facts: BTreeMap<usize, Fact>,
    outputs: BTreeMap<u32, String>,
    stdout: String,
    stderr: String,
    record_steps: bool,
    steps: Vec<Step>,
}

/// The VM's sink: a shared handle so the results can be read after the run.
#[derive(Clone, Default)]
struct ProbeSink(Rc<RefCell<Probe>>);

fn release_phrase(holder: Holder, names: &HashMap<FrameId, (String, bool)>) -> String {
    match holder {
        Holder::Local(f, _) | Holder::Stack(f) | Holder::FrameField(f, _) => {
            let name = names.get(&f).map(|(n, _)| n.as_str()).unwrap_or("?");
            if name == "<module>" {
                "the module's frame released it".into()
            } else {
                format!("the frame of {name}() released it as it finished or moved on")
            }
        }
        Holder::Item(_) => "it was removed from a container (or the container died)".into(),
        Holder::Field(_, n) => format!("its owner released its `{n}` field (the owner died)"),
        Holder::Cell(_) => "a closure cell released it".into(),
        Holder::Name { .. } => "a namespace dropped its name".into(),
        Holder::Root(why) => format!("the interpreter released it ({why})"),
        Holder::Temp => "a temporary reference inside the interpreter was dropped".into(),
    }
}

impl Probe {
    fn current_line(&self) -> u32 {
        self.stack
            .iter()
            .rev()
            .find(|(_, ours)| *ours)
            .and_then(|(f, _)| self.lines.get(f).copied())
            .unwrap_or(0)
    }

    fn on_event(&mut self, event: &Event<'_>) {
        match *event {
            Event::FramePush {
                frame,
                code_name,
                filename,
            } => {
                let ours = filename == self.filename;
                self.frame_names
                    .insert(frame, (code_name.to_string(), ours));
                self.stack.push((frame, ours));
            }
            Event::FrameResume { frame } => {
                let ours = self.frame_names.get(&frame).is_some_and(|(_, o)| *o);
                self.stack.push((frame, ours));
            }
            Event::FramePop { frame, .. } => {
                if let Some(i) = self.stack.iter().rposition(|(f, _)| *f == frame) {
                    self.stack.truncate(i);
                }
            }
            Event::Line { frame, line } => {
                self.lines.insert(frame, line);
                if self.frame_names.get(&frame).is_some_and(|(_, ours)| *ours) {
                    self.reached.insert(line);
                }
            }
            Event::Stdout { text } => {
                self.stdout.push_str(text);
                let mut seen = Vec::new();
                for (f, ours) in &self.stack {
                    let Some(&line) = self.lines.get(f) else {
                        continue;
                    };
                    if *ours && self.output_lines.contains(&line) && !seen.contains(&line) {
                        seen.push(line);
                        self.outputs.entry(line).or_default().push_str(text);
                    }
                }
            }
            Event::Stderr { text } => self.stderr.push_str(text),
            Event::Bind {
                name,
                old: Some(old),
                new,
                ..
            }
            | Event::BindLocal {
                name,
                old: Some(old),
                new,
                ..
            } if self.labelled.contains_key(&old) => {
                let what = if new.is_some() { "rebound" } else { "unbound" };
                self.last_unbind
                    .insert(old, format!("the name `{name}` was {what}"));
            }
            Event::Decref {
                obj,
                holder,
                new_count: 0,
            } if self.labelled.contains_key(&obj) => {
                let phrase = match holder {
                    Holder::Name { .. } | Holder::Local(..) => self
                        .last_unbind
                        .get(&obj)
                        .cloned()
                        .unwrap_or_else(|| release_phrase(holder, &self.frame_names)),
                    _ => release_phrase(holder, &self.frame_names),
                };
                self.last_unbind.insert(obj, phrase);
            }
            Event::Free { obj, cause } if self.labelled.contains_key(&obj) => {
                let mut how = self
                    .last_unbind
                    .remove(&obj)
                    .unwrap_or_else(|| "its last reference went away".into());
                match cause {
                    FreeCause::RefcountZero => how.push_str(", which was its last reference"),
                    FreeCause::CycleCollection => how = "the cycle collector freed it".into(),
                    FreeCause::InterpreterExit => how = "the interpreter shut down".into(),
                }
                let line = self.current_line();
                self.deaths.insert(obj, Death { line, how });
            }
            _ => {}
        }
    }

    fn on_line(&mut self, vm: &dyn Inspector) {
        let Some(frame) = vm.frames().last() else {
            return;
        };
        if *frame.code.filename != *self.filename {
            return;
        }
        let line = frame.last_line;
        if self.record_steps && self.steps.len() < MAX_STEPS {
            let step = self.step(vm, line);
            self.steps.push(step);
        }
        let Some(pos) = self.pending.iter().position(|&l| l == line) else {
            return;
        };
        self.pending.remove(pos);
        let labels: Vec<(String, String)> = self
            .exercise
            .labels
            .iter()
            .filter(|l| l.line == line)
            .map(|l| (l.label.clone(), l.name.clone()))
            .collect();
        for (label, name) in labels {
            if let Ok(obj) = resolve(vm, &name) {
                self.labels.insert(label.clone(), obj);
                self.label_desc.insert(label.clone(), describe(vm, obj));
                self.labelled.insert(obj, label);
            }
        }
        let asks: Vec<(usize, Ask)> = self
            .exercise
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.line == line && q.ask != Ask::Output)
            .map(|(i, q)| (i, q.ask.clone()))
            .collect();
        for (i, ask) in asks {
            let fact = self.evaluate(vm, &ask);
            self.facts.insert(i, fact);
        }
    }

    fn evaluate(&self, vm: &dyn Inspector, ask: &Ask) -> Fact {
        match ask {
            Ask::Output => Fact::NotReached,
            Ask::Refcount(name) => match resolve(vm, name) {
                Ok(obj) => Fact::Refcount {
                    value: vm.heap().get(obj).refcount,
                    object: describe(vm, obj),
                    holders: summarise(&holders(vm, obj)),
                },
                Err(e) => Fact::Problem(e),
            },
            Ask::Same(a, b) => match (resolve(vm, a), resolve(vm, b)) {
                (Ok(x), Ok(y)) => Fact::Same {
                    same: x == y,
                    a: describe(vm, x),
                    b: describe(vm, y),
                },
                (Err(e), _) | (_, Err(e)) => Fact::Problem(e),
            },
            Ask::Alive(label) => match self.labels.get(label) {
                None => Fact::Problem(format!(
                    "the label `{label}` was never set (its name was unbound there)"
                )),
                Some(&obj) => {
                    let alive = vm.heap().contains(obj);
                    Fact::Alive {
                        alive,
                        object: self.label_desc.get(label).cloned().unwrap_or_default(),
                        holders: if alive {
                            summarise(&holders(vm, obj))
                        } else {
                            Vec::new()
                        },
                        death: self.deaths.get(&obj).cloned(),
                    }
                }
            },
        }
    }

    fn step(&self, vm: &dyn Inspector, line: u32) -> Step {
        let stack = vm
            .frames()
            .iter()
            .map(|f| f.code.name.to_string())
            .collect();
        let mut vars = Vec::new();
        if let Some(f) = vm.frames().last() {
            for (i, name) in f.code.localsplusnames.iter().enumerate() {
                if let Some(Ok(obj)) = f.fast.get(i).map(|_| resolve(vm, name)) {
                    vars.push((
                        name.to_string(),
                        describe(vm, obj),
                        vm.heap().get(obj).refcount,
                    ));
                }
            }
            for ns in [f.locals, Some(f.globals)].into_iter().flatten() {
                if f.locals.is_some() && ns == f.globals && f.locals != Some(f.globals) {
                    continue;
                }
                for (k, v) in dict_entries(vm, ns) {
                    let ty = vm.type_name(v);
                    if k.starts_with("__")
                        || &*ty == "module"
                        || vars.iter().any(|(n, _, _)| *n == k)
                    {
                        continue;
                    }
                    vars.push((k, describe(vm, v), vm.heap().get(v).refcount));
                }
            }
        }
        Step {
            line,
            stack,
            vars,
            output_len: self.stdout.len(),
        }
    }
}

/// The (string key, value) entries of a dict.
fn dict_entries(vm: &dyn Inspector, dict: ObjRef) -> Vec<(String, ObjRef)> {
    let Some(Payload::Dict(d)) = vm.heap().objects.get(dict).map(|o| &o.payload) else {
        return Vec::new();
    };
    d.map
        .values()
        .filter_map(|&(k, v)| match &vm.heap().objects.get(k)?.payload {
            Payload::Str(s) => Some((s.text.to_string(), v)),
            _ => None,
        })
        .collect()
}

/// The object `name` refers to in the running frame: fast locals (through
/// cells), the locals dict, globals, builtins — as the running code would look it up.
fn resolve(vm: &dyn Inspector, name: &str) -> Result<ObjRef, String> {
    let frame = vm
        .frames()
        .last()
        .ok_or_else(|| "no frame is running".to_string())?;
    let heap = vm.heap();
    if let Some(i) = frame.code.localsplusnames.iter().position(|n| &**n == name) {
        let kind = frame.code.localspluskinds.get(i).copied().unwrap_or(0);
        let slot = frame.fast.get(i).copied().flatten();
        let value = match slot {
            Some(cell) if kind & (CO_FAST_CELL | CO_FAST_FREE) != 0 => {
                match heap.objects.get(cell).map(|o| &o.payload) {
                    Some(Payload::Cell(c)) => *c,
                    _ => Some(cell),
                }
            }
            other => other,
        };
        return value.ok_or_else(|| format!("`{name}` is not bound at that point"));
    }
    for ns in [frame.locals, Some(frame.globals), Some(frame.builtins)]
        .into_iter()
        .flatten()
    {
        if let Some((_, v)) = dict_entries(vm, ns).into_iter().find(|(k, _)| k == name) {
            return Ok(v);
        }
    }
    Err(format!("`{name}` is not bound at that point"))
}

impl EventSink for ProbeSink {
    fn event(&mut self, event: &Event<'_>) {
        self.0.borrow_mut().on_event(event);
    }
    fn allocated(&mut self, _obj: ObjRef, _object: &Object) {}
    fn wants_inspection(&self) -> bool {
        true
    }
    fn inspect(&mut self, vm: &dyn Inspector) {
        self.0.borrow_mut().on_line(vm);
    }
}

/// Runs the exercise under pysim and reads every question's answer off the
/// run. `host` serves module sources (imports) and receives nothing: output is
/// captured in the [`Run`]. `record_steps` keeps a snapshot per line for the viewer.
pub fn run_exercise(
    exercise: &Exercise,
    filename: &str,
    host: Box<dyn Host>,
    record_steps: bool,
) -> Result<Run, ExerciseError> {
    let source = exercise.instrumented();
    let code = crate::parser::parse_module(&source, filename)
        .and_then(|m| crate::compiler::compile_module_with_source(&m, filename, &source));
    let code = match code {
        Ok(c) => c,
        Err(CompileError::Syntax(e)) => {
            return Err(ExerciseError {
                line: e.line,
                message: format!(
                    "the exercise does not compile (is a marker indented to match its block?): {}",
                    e.render().lines().last().unwrap_or("syntax error")
                ),
            });
        }
        Err(CompileError::Unsupported(u)) => {
            return Err(ExerciseError {
                line: 0,
                message: format!("pysim cannot run this program yet: {u}"),
            });
        }
    };
    let probe = ProbeSink::default();
    {
        let mut p = probe.0.borrow_mut();
        p.filename = filename.to_string();
        p.pending = exercise.probe_lines();
        p.output_lines = exercise
            .questions
            .iter()
            .filter(|q| q.ask == Ask::Output)
            .map(|q| q.line)
            .collect();
        p.exercise = exercise.clone();
        p.record_steps = record_steps;
    }
    let options = RunOptions {
        limits: Limits {
            max_steps: Some(100_000_000),
            ..Limits::default()
        },
        audit: false,
        argv: vec![filename.to_string()],
    };
    let mut vm = Vm::new(host, options);
    vm.sources
        .insert(filename.into(), exercise.source.as_str().into());
    vm.sink = Some(Box::new(probe.clone()));
    let exit_code = vm.run_main(code, filename);
    vm.sink = None;
    drop(vm);
    let mut p = probe.0.borrow_mut();
    let facts = exercise
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| match &q.ask {
            Ask::Output => match p.outputs.get(&q.line) {
                Some(text) => Fact::Output(text.strip_suffix('\n').unwrap_or(text).to_string()),
                None if p.reached.contains(&q.line) => Fact::Output(String::new()),
                None => Fact::NotReached,
            },
            _ => p.facts.get(&i).cloned().unwrap_or(Fact::NotReached),
        })
        .collect();
    Ok(Run {
        facts,
        stdout: std::mem::take(&mut p.stdout),
        stderr: std::mem::take(&mut p.stderr),
        exit_code,
        steps: std::mem::take(&mut p.steps),
    })
}
