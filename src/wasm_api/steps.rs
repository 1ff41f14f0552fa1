//! The step log: what the page needs for every step of a run, kept in flat
//! arrays so a million-step run stays small and any step is found at once.
//!
//! A *step* is a boundary the VM reports: a new source line (line mode) or an
//! instruction about to run (instruction mode). Step `s` shows the program
//! just before that line or instruction runs; one extra step at the end shows
//! the program after it finished (output complete, objects freed at exit).
//! For each step the log keeps the line, the call depth, the file, and how
//! much stdout/stderr had been written — enough for the page's stepping
//! (over / out / run to line / breakpoints) without asking for states.

use crate::runtime::events::{Event, FrameId};
use std::collections::HashMap;

/// Which boundaries are steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Line,
    Instruction,
}

/// Per-step facts, one entry per step in each vector.
#[derive(Debug, Default, Clone)]
pub struct StepLog {
    pub lines: Vec<u32>,
    pub depths: Vec<u32>,
    /// Index into [`StepLog::files`].
    pub file_of_step: Vec<u32>,
    /// Instruction index of the step (instruction mode; 0 in line mode).
    pub instr: Vec<u32>,
    /// Byte lengths of stdout / stderr when the step was reached.
    pub stdout_len: Vec<u32>,
    pub stderr_len: Vec<u32>,
    pub stdout: String,
    pub stderr: String,
    /// Filenames in order of first appearance.
    pub files: Vec<String>,
    /// Opnames in instruction mode: the name table and one index per step.
    pub opnames: Vec<String>,
    pub op_of_step: Vec<u16>,
    /// Whether the last step is the synthetic "program finished" step.
    pub finished: bool,
    /// Running frames, innermost last, with the file index and last line of each.
    stack: Vec<(FrameId, u32, u32)>,
    file_ids: HashMap<String, u32>,
    frame_files: HashMap<FrameId, u32>,
    op_ids: HashMap<String, u16>,
    last_line: u32,
}

impl StepLog {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn file_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.file_ids.get(name) {
            return id;
        }
        let id = self.files.len() as u32;
        self.files.push(name.to_string());
        self.file_ids.insert(name.to_string(), id);
        id
    }

    fn push_step(&mut self, line: u32, instr: u32, op: u16) {
        let file = self.stack.last().map_or(0, |&(_, f, _)| f);
        self.lines.push(line);
        self.depths.push(self.stack.len() as u32);
        self.file_of_step.push(file);
        self.instr.push(instr);
        self.op_of_step.push(op);
        self.stdout_len.push(self.stdout.len() as u32);
        self.stderr_len.push(self.stderr.len() as u32);
    }

    /// Records one VM event; returns true when it was a step boundary.
    pub fn event(&mut self, kind: StepKind, event: &Event<'_>) -> bool {
        match *event {
            Event::FramePush {
                frame, filename, ..
            } => {
                let f = self.file_id(filename);
                self.frame_files.insert(frame, f);
                self.stack.push((frame, f, 0));
            }
            Event::FrameResume { frame } if !self.stack.iter().any(|&(id, _, _)| id == frame) => {
                let f = self.frame_files.get(&frame).copied().unwrap_or(0);
                self.stack.push((frame, f, self.last_line));
            }
            Event::FramePop { frame, .. } => {
                if let Some(pos) = self.stack.iter().rposition(|&(id, _, _)| id == frame) {
                    let (_, _, line) = self.stack.remove(pos);
                    // Back in the caller, on the line it was running (no new
                    // line event comes for it, as in CPython's tracing).
                    self.last_line = self.stack.last().map_or(line, |&(_, _, l)| l);
                }
            }
            Event::Line { line, .. } => {
                self.last_line = line;
                if let Some(top) = self.stack.last_mut() {
                    top.2 = line;
                }
                if kind == StepKind::Line {
                    self.push_step(line, 0, 0);
                    return true;
                }
            }
            Event::Instruction { index, opname, .. } if kind == StepKind::Instruction => {
                let op = match self.op_ids.get(opname) {
                    Some(&op) => op,
                    None => {
                        let op = self.opnames.len() as u16;
                        self.opnames.push(opname.to_string());
                        self.op_ids.insert(opname.to_string(), op);
                        op
                    }
                };
                let line = self.last_line;
                self.push_step(line, index, op);
                return true;
            }
            Event::Stdout { text } => self.stdout.push_str(text),
            Event::Stderr { text } => self.stderr.push_str(text),
            _ => {}
        }
        false
    }

    /// Adds the final "program finished" step.
    pub fn finish(&mut self) {
        self.stack.clear();
        let line = self.last_line;
        self.push_step(line, 0, 0);
        self.finished = true;
    }

    /// Output written before `step` was reached (all of it at the last step).
    pub fn stdout_until(&self, step: usize) -> &str {
        let end = self
            .stdout_len
            .get(step)
            .map_or(self.stdout.len(), |&n| n as usize);
        &self.stdout[..end.min(self.stdout.len())]
    }

    pub fn stderr_until(&self, step: usize) -> &str {
        let end = self
            .stderr_len
            .get(step)
            .map_or(self.stderr.len(), |&n| n as usize);
        &self.stderr[..end.min(self.stderr.len())]
    }

    /// The opname of an instruction step.
    pub fn opname(&self, step: usize) -> Option<&str> {
        let op = *self.op_of_step.get(step)? as usize;
        self.opnames.get(op).map(String::as_str)
    }
}
