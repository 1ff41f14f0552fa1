//! [`Trace`]: a finished recording — the encoded records, the symbol table,
//! the object and code tables — and random access to the state at any step
//! through checkpoints plus replay.

use super::codec::{Cursors, Decoder};
use super::model::*;
use super::state::State;
use std::collections::HashMap;

/// Interned strings.
#[derive(Debug, Default, Clone)]
pub struct SymTable {
    strings: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl SymTable {
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&i) = self.index.get(s) {
            return Sym(i);
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.into());
        self.index.insert(s.into(), i);
        Sym(i)
    }

    pub fn get(&self, s: Sym) -> &str {
        self.strings.get(s.0 as usize).map_or("?", |b| b)
    }

    /// The symbol for `s` if it was interned.
    pub fn lookup(&self, s: &str) -> Option<Sym> {
        self.index.get(s).map(|&i| Sym(i))
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }

    /// Bytes the table occupies (strings only).
    pub fn bytes(&self) -> usize {
        self.strings.iter().map(|s| s.len()).sum()
    }
}

/// Where step `n * STEP_MARK_EVERY` starts in the byte stream.
#[derive(Debug, Clone, Copy)]
pub struct StepMark {
    pub offset: usize,
    pub cursors: Cursors,
}

/// Steps between two [`StepMark`]s.
pub const STEP_MARK_EVERY: u64 = 64;

/// A full state saved during indexing, to replay from.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    pub state: State,
    /// Offset of the record after the state's last one (the next boundary).
    pub offset: usize,
    pub cursors: Cursors,
}

/// A finished recording.
#[derive(Debug, Clone)]
pub struct Trace {
    pub version: u32,
    pub mode: StepMode,
    pub bytes: Vec<u8>,
    pub syms: SymTable,
    pub objects: Vec<ObjMeta>,
    pub codes: Vec<CodeMeta>,
    /// Step boundaries recorded.
    pub steps: u64,
    /// Story records (VM events) recorded.
    pub events: u64,
    pub step_marks: Vec<StepMark>,
    /// The main program's file name and source, for views that quote lines.
    pub main_file: String,
    pub source: String,
    /// Whether the VM offered inspection (without it, states lack contents).
    pub inspected: bool,
    /// Built on first use by [`Trace::checkpoints`].
    pub checkpoints: std::cell::OnceCell<Vec<Checkpoint>>,
}

/// Records between checkpoints: replaying this many takes about 10 ms.
pub const CHECKPOINT_EVERY_RECORDS: u64 = 200_000;

impl Trace {
    pub fn sym(&self, s: Sym) -> &str {
        self.syms.get(s)
    }

    pub fn meta(&self, id: ObjId) -> Option<&ObjMeta> {
        self.objects.get(id.0 as usize)
    }

    pub fn type_name(&self, id: ObjId) -> &str {
        self.meta(id).map_or("?", |m| self.sym(m.type_name))
    }

    /// The stable short label of an object: `list#3` for the third list born
    /// during the run; for objects that existed before, their value or name
    /// (`None`, `int:5`, `str:'a'`, `type:list`).
    pub fn label(&self, id: ObjId) -> String {
        let Some(m) = self.meta(id) else {
            return format!("?#{}", id.0);
        };
        let ty = short_type(self.sym(m.type_name));
        if m.ordinal > 0 {
            return format!("{ty}#{}", m.ordinal);
        }
        match m.value.as_deref() {
            Some(v) if matches!(ty, "NoneType" | "bool" | "ellipsis" | "NotImplementedType") => {
                v.to_string()
            }
            Some(v) if v.chars().count() <= 32 => format!("{ty}:{v}"),
            _ => format!("{ty}~{}", id.0),
        }
    }

    /// A decoder from the start of the trace.
    pub fn decoder(&self) -> Decoder<'_> {
        Decoder::new(&self.bytes, 0, Cursors::default())
    }

    /// The source text of `line` of the main file (trimmed), if known.
    pub fn source_line(&self, line: u32) -> Option<&str> {
        if line == 0 {
            return None;
        }
        self.source.lines().nth(line as usize - 1).map(str::trim)
    }

    /// The checkpoints, built on first use: one replay of the whole trace
    /// keeping a full state every [`CHECKPOINT_EVERY_RECORDS`] records (at
    /// step boundaries), so that [`Trace::state_at`] replays at most that many.
    pub fn checkpoints(&self) -> &[Checkpoint] {
        self.checkpoints.get_or_init(|| self.build_checkpoints())
    }

    fn build_checkpoints(&self) -> Vec<Checkpoint> {
        let mut checkpoints = Vec::new();
        let mut state = State::default();
        let mut dec = self.decoder();
        let mut since = 0u64;
        let mut seen_boundary = false;
        loop {
            if dec.at_boundary(self.mode) {
                if seen_boundary && since >= CHECKPOINT_EVERY_RECORDS {
                    checkpoints.push(Checkpoint {
                        state: state.clone(),
                        offset: dec.pos(),
                        cursors: dec.cursors,
                    });
                    since = 0;
                }
                seen_boundary = true;
            }
            let Some(r) = dec.next() else { break };
            state.apply(&r, self.mode);
            since += 1;
        }
        checkpoints
    }

    /// The complete state at step `step` (0-based; clamped to the last step):
    /// frames, namespaces, cells, every live object with its refcount and
    /// references, as they were when that step began.
    pub fn state_at(&self, step: u64) -> State {
        let step = step.min(self.steps.saturating_sub(1));
        // A checkpoint holds the state at the end of the step before it.
        let start = self
            .checkpoints()
            .iter()
            .rev()
            .find(|c| c.state.started && c.state.step < step);
        let (mut state, mut dec) = match start {
            Some(c) => (
                c.state.clone(),
                Decoder::new(&self.bytes, c.offset, c.cursors),
            ),
            None => (State::default(), self.decoder()),
        };
        while let Some(r) = dec.next() {
            // Stop at the first story record after the state records that
            // follow the step's boundary.
            if state.started && state.step == step && r.is_story() {
                break;
            }
            state.apply(&r, self.mode);
        }
        state
    }

    /// The step at which execution first reached `line` of the main program.
    pub fn step_of_line(&self, line: u32) -> Option<u64> {
        let main = self.syms.lookup(&self.main_file);
        let mut frame_files: HashMap<u32, Sym> = HashMap::new();
        let mut dec = self.decoder();
        let mut boundaries = 0u64;
        while let Some(r) = dec.next() {
            match r {
                Record::FramePush {
                    frame, filename, ..
                } => {
                    frame_files.insert(frame, filename);
                }
                Record::Line { frame, line: l } if l == line => {
                    let file = frame_files.get(&frame).copied();
                    if main.is_none() || file.is_none() || file == main {
                        return Some(boundaries);
                    }
                }
                _ => {}
            }
            if is_boundary(&r, self.mode) {
                boundaries += 1;
            }
        }
        None
    }

    /// Total encoded size: records plus side tables (objects, symbols, codes).
    pub fn total_bytes(&self) -> usize {
        self.bytes.len()
            + self.objects.len() * std::mem::size_of::<ObjMeta>()
            + self.syms.bytes()
            + self.codes.len() * std::mem::size_of::<CodeMeta>()
    }
}

/// Shorter names for long builtin type names in labels.
pub fn short_type(ty: &str) -> &str {
    match ty {
        "builtin_function_or_method" => "builtin",
        "method_descriptor" => "method",
        "wrapper_descriptor" => "wrapper",
        "getset_descriptor" => "getset",
        "member_descriptor" => "member",
        other => other,
    }
}

/// Whether `r` starts a step in `mode`.
pub fn is_boundary(r: &Record<'_>, mode: StepMode) -> bool {
    matches!(
        (r, mode),
        (Record::Line { .. }, StepMode::Line) | (Record::Instruction { .. }, StepMode::Instruction)
    )
}

impl Trace {
    /// Replays the whole trace once, calling `f` with the state at every
    /// step in order (faster than [`Trace::state_at`] for each step), and
    /// with the story records of the step that follows it.
    pub fn for_each_step(&self, mut f: impl FnMut(&State, &[Record<'_>])) {
        let mut state = State::default();
        let mut dec = self.decoder();
        // The state is complete at the first story record after a boundary's
        // state records; that record starts the step's story.
        let mut pending: Option<State> = None;
        let mut story: Vec<Record<'static>> = Vec::new();
        while let Some(r) = dec.next() {
            if is_boundary(&r, self.mode) {
                if let Some(p) = pending.take() {
                    let s = if p.started { p } else { state.clone() };
                    f(&s, &story);
                }
                story.clear();
                story.extend(owned_story(&r));
                state.apply(&r, self.mode);
                pending = Some(State::default());
                continue;
            }
            if r.is_story() {
                if let Some(p) = pending.as_mut()
                    && !p.started
                {
                    *p = state.clone();
                }
                if let Some(owned) = owned_story(&r) {
                    story.push(owned);
                }
            }
            state.apply(&r, self.mode);
        }
        if let Some(mut s) = pending.take() {
            if !s.started {
                s = state.clone();
            }
            f(&s, &story);
        }
    }
}

/// A story record that borrows nothing (output text dropped), for
/// [`Trace::for_each_step`].
fn owned_story(r: &Record<'_>) -> Option<Record<'static>> {
    Some(match *r {
        Record::Alloc { obj } => Record::Alloc { obj },
        Record::Free { obj, cause } => Record::Free { obj, cause },
        Record::Incref { obj, holder, count } => Record::Incref { obj, holder, count },
        Record::Decref { obj, holder, count } => Record::Decref { obj, holder, count },
        Record::Finalize { obj } => Record::Finalize { obj },
        Record::Bind { ns, name, old, new } => Record::Bind { ns, name, old, new },
        Record::BindLocal {
            frame,
            slot,
            name,
            old,
            new,
        } => Record::BindLocal {
            frame,
            slot,
            name,
            old,
            new,
        },
        Record::CellCreated { cell, frame, name } => Record::CellCreated { cell, frame, name },
        Record::FramePush {
            frame,
            code_name,
            filename,
        } => Record::FramePush {
            frame,
            code_name,
            filename,
        },
        Record::FramePop { frame, exit } => Record::FramePop { frame, exit },
        Record::FrameResume { frame } => Record::FrameResume { frame },
        Record::Line { frame, line } => Record::Line { frame, line },
        Record::Instruction {
            frame,
            index,
            opname,
        } => Record::Instruction {
            frame,
            index,
            opname,
        },
        Record::ExceptionRaised { exc, frame } => Record::ExceptionRaised { exc, frame },
        Record::ExceptionCaught { exc, frame } => Record::ExceptionCaught { exc, frame },
        Record::Mutated { obj } => Record::Mutated { obj },
        _ => return None,
    })
}
