//! [`State`]: the interpreter as a learner sees it at one step — the call
//! stack, every live object with its refcount and outgoing references, the
//! interpreter's roots, the output so far — rebuilt by replaying records.
//!
//! Incoming references ("holders") are not stored: [`State::holders`] finds
//! them by inverting the outgoing ones, which is what makes them exact.

use super::model::*;
use crate::runtime::events::FrameId;
use std::collections::BTreeMap;

/// A live object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjState {
    pub refcount: u64,
    /// Outgoing references in display order.
    pub refs: Vec<(ObjId, TraceSlot)>,
}

/// Whether a frame runs, waits in a generator, or survives in a frame object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FrameStatus {
    #[default]
    Active,
    /// Not running; its references belong to its owner object.
    Owned,
}

/// One frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameState {
    pub code: Option<CodeId>,
    pub code_name: Sym,
    pub filename: Sym,
    pub globals: Option<ObjId>,
    /// The last line reached in this frame.
    pub line: u32,
    pub locals: Vec<Option<ObjId>>,
    pub stack: Vec<Option<ObjId>>,
    pub fields: Vec<(Sym, ObjId)>,
    pub status: FrameStatus,
    /// The generator or frame object that owns the frame while it is not running.
    pub owner: Option<ObjId>,
}

/// Who holds one reference to an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HolderRef {
    /// A fast local of a running frame.
    Local(FrameId, u32),
    /// The evaluation stack of a running frame.
    Stack(FrameId),
    /// A field of a running frame.
    FrameField(FrameId, Sym),
    /// A slot of another object.
    Object(ObjId, SlotKey),
    /// The interpreter.
    Root(Sym),
}

/// [`TraceSlot`] made orderable for [`HolderRef`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SlotKey {
    Index(u32),
    Key(u32),
    Value(u32),
    Field(Sym),
    Cell,
    Dict,
    Type,
    Local(u32),
    Stack,
    FrameField(Sym),
}

impl From<TraceSlot> for SlotKey {
    fn from(s: TraceSlot) -> Self {
        match s {
            TraceSlot::Index(i) => SlotKey::Index(i),
            TraceSlot::Key(i) => SlotKey::Key(i),
            TraceSlot::Value(i) => SlotKey::Value(i),
            TraceSlot::Field(n) => SlotKey::Field(n),
            TraceSlot::Cell => SlotKey::Cell,
            TraceSlot::Dict => SlotKey::Dict,
            TraceSlot::Type => SlotKey::Type,
            TraceSlot::Local(i) => SlotKey::Local(i),
            TraceSlot::Stack => SlotKey::Stack,
            TraceSlot::FrameField(n) => SlotKey::FrameField(n),
        }
    }
}

impl From<SlotKey> for TraceSlot {
    fn from(s: SlotKey) -> Self {
        match s {
            SlotKey::Index(i) => TraceSlot::Index(i),
            SlotKey::Key(i) => TraceSlot::Key(i),
            SlotKey::Value(i) => TraceSlot::Value(i),
            SlotKey::Field(n) => TraceSlot::Field(n),
            SlotKey::Cell => TraceSlot::Cell,
            SlotKey::Dict => TraceSlot::Dict,
            SlotKey::Type => TraceSlot::Type,
            SlotKey::Local(i) => TraceSlot::Local(i),
            SlotKey::Stack => TraceSlot::Stack,
            SlotKey::FrameField(n) => TraceSlot::FrameField(n),
        }
    }
}

/// The state at one step.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The step this state is at (0-based).
    pub step: u64,
    /// False until the first step boundary has been replayed.
    pub started: bool,
    /// The running frame and its line at this step.
    pub frame: Option<FrameId>,
    pub line: u32,
    /// The instruction index about to run (instruction mode).
    pub instruction: Option<u32>,
    /// Live objects, indexed by [`ObjId`].
    pub objects: Vec<Option<ObjState>>,
    /// Every known frame: running ones and those owned by objects.
    pub frames: BTreeMap<FrameId, FrameState>,
    /// Running frames, outermost first.
    pub stack: Vec<FrameId>,
    pub roots: Vec<(ObjId, Sym)>,
    /// References native code and the exception state hold at this step.
    pub temp_roots: Vec<(ObjId, Sym)>,
    pub stdout: String,
    pub stderr: String,
}

impl State {
    pub fn object(&self, id: ObjId) -> Option<&ObjState> {
        self.objects.get(id.0 as usize).and_then(Option::as_ref)
    }

    pub fn is_live(&self, id: ObjId) -> bool {
        self.object(id).is_some()
    }

    fn object_mut(&mut self, id: ObjId) -> &mut ObjState {
        let i = id.0 as usize;
        if self.objects.len() <= i {
            self.objects.resize(i + 1, None);
        }
        self.objects[i].get_or_insert_with(ObjState::default)
    }

    /// Live objects in id order.
    pub fn live(&self) -> impl Iterator<Item = (ObjId, &ObjState)> {
        self.objects
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().map(|o| (ObjId(i as u32), o)))
    }

    /// Running frames, outermost first.
    pub fn running(&self) -> impl Iterator<Item = (FrameId, &FrameState)> {
        self.stack
            .iter()
            .filter_map(|f| self.frames.get(f).map(|s| (*f, s)))
    }

    /// Applies one record.
    pub fn apply(&mut self, r: &Record<'_>, mode: StepMode) {
        match *r {
            Record::Alloc { obj } => {
                *self.object_mut(obj) = ObjState {
                    refcount: 1,
                    refs: Vec::new(),
                };
            }
            Record::Free { obj, .. } => {
                if let Some(slot) = self.objects.get_mut(obj.0 as usize) {
                    *slot = None;
                }
                self.frames
                    .retain(|_, f| f.owner != Some(obj) || f.status == FrameStatus::Active);
            }
            Record::Incref { obj, count, .. }
            | Record::Decref { obj, count, .. }
            | Record::SetCount { obj, count } => {
                if count == 0 {
                    // Freed right after (its Free record follows); keep it until then.
                    if let Some(o) = self
                        .objects
                        .get_mut(obj.0 as usize)
                        .and_then(Option::as_mut)
                    {
                        o.refcount = 0;
                    }
                } else {
                    self.object_mut(obj).refcount = count;
                }
            }
            Record::FramePush {
                frame,
                code_name,
                filename,
            } => {
                self.frames.insert(
                    frame,
                    FrameState {
                        code_name,
                        filename,
                        ..FrameState::default()
                    },
                );
                self.stack.push(frame);
            }
            Record::FramePop { frame, exit } => {
                if let Some(i) = self.stack.iter().rposition(|&f| f == frame) {
                    self.stack.remove(i);
                }
                if exit == FrameExit::Yield {
                    if let Some(f) = self.frames.get_mut(&frame) {
                        f.status = FrameStatus::Owned;
                        f.stack.clear();
                        f.fields.clear();
                    }
                } else {
                    self.frames.remove(&frame);
                }
            }
            Record::FrameResume { frame } => {
                let f = self.frames.entry(frame).or_default();
                f.status = FrameStatus::Active;
                f.owner = None;
                self.stack.push(frame);
            }
            Record::Line { frame, line } => {
                if let Some(f) = self.frames.get_mut(&frame) {
                    f.line = line;
                }
                self.line = line;
                self.frame = Some(frame);
                if mode == StepMode::Line {
                    self.boundary();
                }
            }
            Record::Instruction { frame, index, .. } => {
                self.frame = Some(frame);
                self.instruction = Some(index);
                if mode == StepMode::Instruction {
                    self.boundary();
                }
            }
            Record::Stdout { text } => self.stdout.push_str(text),
            Record::Stderr { text } => self.stderr.push_str(text),
            Record::Refs { obj, refs } => {
                let o = self.object_mut(obj);
                o.refs.clear();
                o.refs.extend_from_slice(refs);
            }
            Record::RefsAppend { obj, refs } => self.object_mut(obj).refs.extend_from_slice(refs),
            Record::RefsPatch { obj, changes } => {
                let o = self.object_mut(obj);
                for &(pos, t) in changes {
                    if let Some(r) = o.refs.get_mut(pos as usize) {
                        r.0 = t;
                    }
                }
            }
            Record::FrameInfo {
                frame,
                code,
                globals,
            } => {
                let f = self.frames.entry(frame).or_default();
                f.code = Some(code);
                f.globals = Some(globals);
            }
            Record::FrameLocals { frame, slots } => {
                let f = self.frames.entry(frame).or_default();
                f.locals.clear();
                f.locals.extend_from_slice(slots);
            }
            Record::FrameStack { frame, items } => {
                let f = self.frames.entry(frame).or_default();
                f.stack.clear();
                f.stack.extend_from_slice(items);
            }
            Record::FrameFields { frame, fields } => {
                let f = self.frames.entry(frame).or_default();
                f.fields.clear();
                f.fields.extend_from_slice(fields);
            }
            Record::FrameOwner { frame, owner } => {
                let f = self.frames.entry(frame).or_default();
                f.owner = Some(owner);
                f.status = FrameStatus::Owned;
                f.stack.clear();
                f.fields.clear();
            }
            Record::FrameGone { frame } => {
                self.frames.remove(&frame);
            }
            Record::Roots { roots } => {
                self.roots.clear();
                self.roots.extend_from_slice(roots);
            }
            Record::TempRoots { roots } => {
                self.temp_roots.clear();
                self.temp_roots.extend_from_slice(roots);
            }
            Record::Finalize { .. }
            | Record::Bind { .. }
            | Record::BindLocal { .. }
            | Record::CellCreated { .. }
            | Record::ExceptionRaised { .. }
            | Record::ExceptionCaught { .. }
            | Record::Mutated { .. }
            | Record::Import { .. }
            | Record::GcStart { .. }
            | Record::GcRefs { .. }
            | Record::GcUnreachable { .. }
            | Record::GcFinalize { .. }
            | Record::GcResurrected { .. }
            | Record::GcClear { .. }
            | Record::GcDone { .. } => {}
        }
    }

    fn boundary(&mut self) {
        if self.started {
            self.step += 1;
        }
        self.started = true;
    }

    /// Calls `f` with every reference counted in refcounts: running frames'
    /// locals, stacks and fields, every live object's outgoing references,
    /// and the roots. Frames owned by objects are covered by their owners.
    pub fn for_each_reference(&self, mut f: impl FnMut(HolderRef, ObjId)) {
        for (id, fr) in self.running() {
            for (i, r) in fr.locals.iter().enumerate() {
                if let Some(r) = r {
                    f(HolderRef::Local(id, i as u32), *r);
                }
            }
            for r in fr.stack.iter().flatten() {
                f(HolderRef::Stack(id), *r);
            }
            for &(name, r) in &fr.fields {
                f(HolderRef::FrameField(id, name), r);
            }
        }
        for (id, o) in self.live() {
            for &(r, slot) in &o.refs {
                f(HolderRef::Object(id, slot.into()), r);
            }
        }
        for &(r, why) in self.roots.iter().chain(&self.temp_roots) {
            f(HolderRef::Root(why), r);
        }
    }

    /// Everyone holding a reference to `target`, one entry per reference.
    pub fn holders(&self, target: ObjId) -> Vec<HolderRef> {
        let mut out = Vec::new();
        self.for_each_reference(|h, r| {
            if r == target {
                out.push(h);
            }
        });
        out.sort();
        out
    }

    /// For every live object, the number of references found (index = ObjId).
    pub fn reference_counts(&self) -> Vec<u64> {
        let mut counts = vec![0u64; self.objects.len()];
        self.for_each_reference(|_, r| {
            if let Some(c) = counts.get_mut(r.0 as usize) {
                *c += 1;
            }
        });
        counts
    }

    /// The name of fast-local slot `slot` of a frame, from its code.
    pub fn slot_name<'a>(&self, codes: &'a [CodeMeta], frame: FrameId, slot: u32) -> Option<Sym> {
        let code = self.frames.get(&frame)?.code?;
        let meta: &'a CodeMeta = codes.get(code.0 as usize)?;
        meta.slot_names.get(slot as usize).copied()
    }
}
