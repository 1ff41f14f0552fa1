//! The trace recorder: an [`EventSink`] that encodes every VM event compactly
//! and, at step boundaries, reads what changed through the [`Inspector`].
//!
//! Cost model. Each event becomes a few bytes appended to a `Vec<u8>`
//! (see `codec.rs`); objects get dense ids through a table indexed by slot
//! number, strings are interned. Events also mark what they touched as
//! *dirty*: a new object, the owner of a holder (the list an item was
//! appended to, the cell, the namespace), a frame. At the next boundary the
//! recorder reads only the dirty objects' references, and writes them when
//! they differ from what it wrote last (compared by a rolling hash; a list
//! that only grew by appends is written as its new tail). The running frame's
//! locals and stack are compared at every boundary, since the VM moves
//! references between stack slots without events.
//!
//! The VM owns its sink, so [`Recorder`] is used through a shared
//! [`RecorderHandle`]; after the run, [`RecorderHandle::finish`] yields the [`Trace`].

use super::codec::Encoder;
use super::model::*;
use super::store::{STEP_MARK_EVERY, StepMark, SymTable, Trace};
use crate::bytecode::CodeObject;
use crate::runtime::events::{self, Event, EventSink, FrameId, Holder};
use crate::runtime::heap::{ObjRef, Object};
use crate::runtime::inspect::{Inspector, Slot, frame_refs};
use crate::runtime::object::Payload;
use crate::runtime::vm::frame::Frame;
use rustc_hash::FxHashMap as HashMap;
use slotmap::Key;
use std::cell::RefCell;
use std::rc::Rc;

/// What to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecordOptions {
    /// Record instruction events and make each instruction a step.
    pub instructions: bool,
}

/// Dirty flags of an object.
const DIRTY: u8 = 1;
/// Something other than item appends happened (decref of an item, a field
/// change, `Mutated`): compare the whole contents.
const DIRTY_FULL: u8 = 2;

/// What the recorder last wrote about an object's references.
#[derive(Debug, Clone, Copy, Default)]
struct Shadow {
    len: u32,
    hash: u64,
    flags: u8,
}

/// The recorder's per-object state, kept together for locality.
#[derive(Debug, Clone, Copy)]
struct Tracked {
    /// The VM's key.
    key: ObjRef,
    /// The refcount last written (u64::MAX: unknown).
    count: u64,
    shadow: Shadow,
    /// The boundary at which it was last captured.
    stamp: u32,
}

/// What the recorder last wrote about a frame.
#[derive(Debug)]
struct FrameShadow {
    code: Option<CodeId>,
    globals: Option<ObjId>,
    locals: Vec<Option<ObjId>>,
    stack: Vec<Option<ObjId>>,
    fields: Vec<(Sym, ObjId)>,
    owner: Option<ObjId>,
    written: bool,
    /// The same, as the VM's keys, for a quick comparison.
    code_ptr: *const CodeObject,
    raw_globals: Option<ObjRef>,
    raw_locals: Vec<Option<ObjRef>>,
    raw_stack: Vec<Option<ObjRef>>,
    raw_fields: [Option<ObjRef>; 4],
}

impl Default for FrameShadow {
    fn default() -> Self {
        FrameShadow {
            code: None,
            globals: None,
            locals: Vec::new(),
            stack: Vec::new(),
            fields: Vec::new(),
            owner: None,
            written: false,
            code_ptr: std::ptr::null(),
            raw_globals: None,
            raw_locals: Vec::new(),
            raw_stack: Vec::new(),
            raw_fields: [None; 4],
        }
    }
}

const HASH_MUL: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn hash_step(h: u64, id: ObjId, slot: TraceSlot) -> u64 {
    let s = match slot {
        TraceSlot::Index(_) => 1,
        TraceSlot::Key(i) => 2 + ((i as u64) << 8),
        TraceSlot::Value(i) => 3 + ((i as u64) << 8),
        TraceSlot::Field(n) => 4 + ((n.0 as u64) << 8),
        TraceSlot::Cell => 5,
        TraceSlot::Dict => 6,
        TraceSlot::Type => 7,
        TraceSlot::Local(i) => 8 + ((i as u64) << 8),
        TraceSlot::Stack => 9,
        TraceSlot::FrameField(n) => 10 + ((n.0 as u64) << 8),
    };
    (h ^ (id.0 as u64) ^ (s << 32))
        .wrapping_mul(HASH_MUL)
        .rotate_left(23)
}

/// The recorder itself (use it through [`RecorderHandle`]).
pub struct Recorder {
    opts: RecordOptions,
    enc: Encoder,
    syms: SymTable,
    /// `&'static str` names (holders, fields) by address, to skip hashing.
    static_syms: HashMap<(usize, usize), Sym>,
    objects: Vec<ObjMeta>,
    /// Per object: the VM's key and what the recorder last wrote about it.
    /// Slot index → (version, ObjId) of the object living there.
    by_slot: Vec<(u32, u32)>,
    tracked: Vec<Tracked>,
    dirty: Vec<ObjId>,
    /// What was last written of each big list, tuple and dict (VM keys).
    big: HashMap<ObjId, Vec<ObjRef>>,
    big_changed: Vec<u32>,
    big_changes: Vec<(u32, ObjId)>,
    /// Names by the address of their (long-lived) text, to skip hashing.
    name_cache: HashMap<(usize, usize), Sym>,
    /// (container, item) of every item incref since the last boundary.
    appends: Vec<(ObjId, ObjId)>,
    /// The current boundary's stamp (see [`Tracked::stamp`]).
    stamp: u32,
    /// Frames running now, from the story (outermost first).
    running: Vec<FrameId>,
    roots_hash: u64,
    temp_roots: Vec<(ObjId, Sym)>,
    temp_scratch: Vec<(ObjRef, &'static str)>,
    type_ordinals: HashMap<Sym, u32>,
    codes: Vec<CodeMeta>,
    code_ids: HashMap<*const CodeObject, CodeId>,
    code_keep: Vec<Rc<CodeObject>>,
    frames: HashMap<FrameId, FrameShadow>,
    dirty_frames: Vec<FrameId>,
    /// Owners of frames that are not running (kept while they run again).
    frame_owners: HashMap<FrameId, ObjId>,
    /// The frame each owner object was last seen owning.
    owned_by: HashMap<ObjId, FrameId>,
    /// Generator-like objects, to find the owner of a frame that yields
    /// before its generator was ever seen holding it.
    generators: Vec<ObjId>,
    orphans: Vec<FrameId>,
    steps: u64,
    events: u64,
    step_marks: Vec<StepMark>,
    line: u32,
    started: bool,
    inspected: bool,
    roots_dirty: bool,
    /// The main module's frame has ended.
    exiting: bool,
    // Scratch buffers.
    vm_refs: Vec<(ObjRef, Slot)>,
    trace_refs: Vec<(ObjId, TraceSlot)>,
    slots: Vec<Option<ObjId>>,
    fields: Vec<(Sym, ObjId)>,
}

impl Recorder {
    pub fn new(opts: RecordOptions) -> Self {
        Recorder {
            opts,
            enc: Encoder::default(),
            syms: SymTable::default(),
            static_syms: HashMap::default(),
            objects: Vec::new(),

            by_slot: Vec::new(),
            tracked: Vec::new(),
            dirty: Vec::new(),
            big: HashMap::default(),
            big_changed: Vec::new(),
            big_changes: Vec::new(),
            name_cache: HashMap::default(),
            appends: Vec::new(),
            stamp: 1,
            running: Vec::new(),
            roots_hash: 0,
            temp_roots: Vec::new(),
            temp_scratch: Vec::new(),
            type_ordinals: HashMap::default(),
            codes: Vec::new(),
            code_ids: HashMap::default(),
            code_keep: Vec::new(),
            frames: HashMap::default(),
            dirty_frames: Vec::new(),
            frame_owners: HashMap::default(),
            owned_by: HashMap::default(),
            generators: Vec::new(),
            orphans: Vec::new(),
            steps: 0,
            events: 0,
            step_marks: Vec::new(),
            line: 0,
            started: false,
            inspected: false,
            roots_dirty: false,
            exiting: false,
            vm_refs: Vec::new(),
            trace_refs: Vec::new(),
            slots: Vec::new(),
            fields: Vec::new(),
        }
    }

    /// Ends the recording.
    pub fn finish(self, main_file: &str, source: &str) -> Trace {
        Trace {
            version: TRACE_FORMAT_VERSION,
            mode: if self.opts.instructions {
                StepMode::Instruction
            } else {
                StepMode::Line
            },
            bytes: self.enc.buf,
            syms: self.syms,
            objects: self.objects,
            codes: self.codes,
            steps: self.steps,
            events: self.events,
            step_marks: self.step_marks,
            main_file: main_file.to_string(),
            source: source.to_string(),
            inspected: self.inspected,
            checkpoints: std::cell::OnceCell::new(),
        }
    }

    /// Bytes recorded so far (records only).
    pub fn bytes(&self) -> usize {
        self.enc.buf.len()
    }

    /// Story records so far.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// Interns a name whose text usually lives long at the same address (a
    /// code object's names, a type's name): the address finds it without
    /// hashing the text, which is then compared to be sure.
    fn intern_fast(&mut self, s: &str) -> Sym {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&sym) = self.name_cache.get(&key)
            && self.syms.get(sym) == s
        {
            return sym;
        }
        let sym = self.syms.intern(s);
        self.name_cache.insert(key, sym);
        sym
    }

    fn static_sym(&mut self, s: &'static str) -> Sym {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&sym) = self.static_syms.get(&key) {
            return sym;
        }
        let sym = self.syms.intern(s);
        self.static_syms.insert(key, sym);
        sym
    }

    /// The id of `r`, giving one (as an object that existed before) when new.
    #[inline]
    fn id(&mut self, r: ObjRef) -> ObjId {
        let ffi = r.data().as_ffi();
        let (idx, version) = ((ffi & 0xffff_ffff) as usize, (ffi >> 32) as u32);
        if let Some(&(v, id)) = self.by_slot.get(idx)
            && v == version
        {
            return ObjId(id);
        }
        self.new_id(
            r,
            ObjMeta {
                shared: true,
                ..ObjMeta::default()
            },
        )
    }

    fn new_id(&mut self, r: ObjRef, meta: ObjMeta) -> ObjId {
        let ffi = r.data().as_ffi();
        let (idx, version) = ((ffi & 0xffff_ffff) as usize, (ffi >> 32) as u32);
        let id = self.objects.len() as u32;
        if self.by_slot.len() <= idx {
            self.by_slot.resize(idx + 1, (0, 0));
        }
        self.by_slot[idx] = (version, id);
        self.objects.push(meta);
        self.tracked.push(Tracked {
            key: r,
            count: u64::MAX,
            shadow: Shadow::default(),
            stamp: 0,
        });
        ObjId(id)
    }

    #[inline]
    fn mark(&mut self, id: ObjId, flags: u8) {
        let s = &mut self.tracked[id.0 as usize].shadow;
        if s.flags == 0 {
            self.dirty.push(id);
        }
        s.flags |= DIRTY | flags;
    }

    #[inline]
    fn mark_frame(&mut self, f: FrameId) {
        if self.dirty_frames.last() != Some(&f) {
            self.dirty_frames.push(f);
        }
    }

    #[inline]
    fn holder(&mut self, h: Holder, increment: bool, obj: ObjId) -> TraceHolder {
        match h {
            Holder::Stack(f) => TraceHolder::Stack(f),
            Holder::Local(f, slot) => {
                self.mark_frame(f);
                TraceHolder::Local(f, slot)
            }
            Holder::Cell(c) => {
                let c = self.id(c);
                self.mark(c, DIRTY_FULL);
                TraceHolder::Cell(c)
            }
            Holder::Name { ns, key } => {
                let ns = self.id(ns);
                let key = self.id(key);
                self.mark(ns, DIRTY_FULL);
                TraceHolder::Name { ns, key }
            }
            Holder::Item(c) => {
                let c = self.id(c);
                if increment {
                    self.appends.push((c, obj));
                    self.mark(c, 0);
                } else {
                    self.mark(c, DIRTY_FULL);
                }
                TraceHolder::Item(c)
            }
            Holder::Field(o, name) => {
                let name = self.static_sym(name);
                if o.is_null() {
                    return TraceHolder::Field(ObjId(u32::MAX), name);
                }
                let o = self.id(o);
                self.mark(o, DIRTY_FULL);
                TraceHolder::Field(o, name)
            }
            Holder::Root(why) => {
                self.roots_dirty = true;
                TraceHolder::Root(self.static_sym(why))
            }
            Holder::FrameField(f, name) => {
                self.mark_frame(f);
                TraceHolder::FrameField(f, self.static_sym(name))
            }
            Holder::Temp => TraceHolder::Temp,
        }
    }

    fn refcount_event(&mut self, obj: ObjRef, holder: Holder, count: u64, increment: bool) {
        // Each record carries the new count, so silent changes in between
        // (around `__del__`) need no record here; boundaries check them.
        let id = self.id(obj);
        self.tracked[id.0 as usize].count = count;
        let holder = self.holder(holder, increment, id);
        let r = if increment {
            Record::Incref {
                obj: id,
                holder,
                count,
            }
        } else {
            Record::Decref {
                obj: id,
                holder,
                count,
            }
        };
        self.enc.record(&r);
    }

    fn import(
        &mut self,
        phase: ImportPhase,
        name: &str,
        module: Option<ObjRef>,
        file: Option<&str>,
    ) {
        let name = self.syms.intern(name);
        let module = self.opt_id(module);
        let file = file.map(|f| self.syms.intern(f));
        self.enc.record(&Record::Import {
            phase,
            name,
            module,
            file,
        });
    }

    fn opt_id(&mut self, r: Option<ObjRef>) -> Option<ObjId> {
        r.map(|r| self.id(r))
    }

    fn boundary(&mut self) {
        if self.steps.is_multiple_of(STEP_MARK_EVERY) {
            self.step_marks.push(StepMark {
                offset: self.enc.buf.len(),
                cursors: self.enc.cursors,
            });
        }
        self.steps += 1;
    }

    fn current_step(&self) -> u64 {
        self.steps.saturating_sub(1)
    }
}

impl EventSink for Recorder {
    fn event(&mut self, event: &Event<'_>) {
        self.events += 1;
        match *event {
            Event::Alloc {
                obj,
                type_name,
                addr,
                size,
            } => {
                let ty = self.intern_fast(type_name);
                let ordinal = self.type_ordinals.entry(ty).or_insert(0);
                *ordinal += 1;
                let meta = ObjMeta {
                    type_name: ty,
                    ordinal: *ordinal,
                    addr,
                    size,
                    value: None,
                    born: Some((self.current_step(), self.line)),
                    died: None,
                    shared: false,
                };
                // A heap type's instance takes its `ob_type` reference before
                // its Alloc event: that holder already gave the key an id.
                let id = match self.id_of(obj) {
                    Some(id) if self.objects[id.0 as usize].born.is_none() => {
                        self.objects[id.0 as usize] = meta;
                        id
                    }
                    _ => self.new_id(obj, meta),
                };
                self.tracked[id.0 as usize].count = 1;
                self.mark(id, DIRTY_FULL);
                if matches!(type_name, "generator" | "coroutine" | "async_generator") {
                    self.generators.push(id);
                }
                self.enc.record(&Record::Alloc { obj: id });
            }
            Event::Incref {
                obj,
                holder,
                new_count,
            } => self.refcount_event(obj, holder, new_count, true),
            Event::Decref {
                obj,
                holder,
                new_count,
            } => self.refcount_event(obj, holder, new_count, false),
            Event::Free { obj, cause } => {
                let id = self.id(obj);
                let cause = match cause {
                    events::FreeCause::RefcountZero => FreeCause::RefcountZero,
                    events::FreeCause::CycleCollection => FreeCause::CycleCollection,
                    events::FreeCause::InterpreterExit => FreeCause::InterpreterExit,
                };
                // Once the main module's frame has ended, the interpreter is
                // shutting down: what it frees now dies of interpreter exit.
                let cause = if self.exiting && cause == FreeCause::RefcountZero {
                    FreeCause::InterpreterExit
                } else {
                    cause
                };
                self.objects[id.0 as usize].died = Some((self.current_step(), self.line, cause));
                self.tracked[id.0 as usize].count = 0;
                self.big.remove(&id);
                self.enc.record(&Record::Free { obj: id, cause });
            }
            Event::Finalize { obj } => {
                let id = self.id(obj);
                // The VM resurrects the object to refcount 1 while `__del__` runs.
                self.tracked[id.0 as usize].count = 1;
                self.mark(id, DIRTY_FULL);
                self.enc.record(&Record::Finalize { obj: id });
            }
            Event::Bind { ns, name, old, new } => {
                let ns = self.id(ns);
                let name = self.intern_fast(name);
                let old = self.opt_id(old);
                let new = self.opt_id(new);
                self.mark(ns, DIRTY_FULL);
                self.enc.record(&Record::Bind { ns, name, old, new });
            }
            Event::BindLocal {
                frame,
                slot,
                name,
                old,
                new,
            } => {
                let name = self.intern_fast(name);
                let old = self.opt_id(old);
                let new = self.opt_id(new);
                self.mark_frame(frame);
                self.enc.record(&Record::BindLocal {
                    frame,
                    slot,
                    name,
                    old,
                    new,
                });
            }
            Event::CellCreated { cell, frame, name } => {
                let cell = self.id(cell);
                let name = self.intern_fast(name);
                self.mark_frame(frame);
                self.enc.record(&Record::CellCreated { cell, frame, name });
            }
            Event::FramePush {
                frame,
                code_name,
                filename,
            } => {
                // The VM pushes a resumed generator's frame again.
                if self.frame_owners.contains_key(&frame) {
                    self.event(&Event::FrameResume { frame });
                    self.events -= 1;
                    return;
                }
                let code_name = self.intern_fast(code_name);
                let filename = self.intern_fast(filename);
                self.frames.remove(&frame);
                // The caller's stack changed since the last boundary (the
                // call's arguments), and it will not be the running frame there.
                if let Some(&caller) = self.running.last() {
                    self.mark_frame(caller);
                }
                self.running.push(frame);
                self.mark_frame(frame);
                self.enc.record(&Record::FramePush {
                    frame,
                    code_name,
                    filename,
                });
            }
            Event::FramePop { frame, exit } => {
                let exit = match exit {
                    events::FrameExit::Return => FrameExit::Return,
                    events::FrameExit::Exception => FrameExit::Exception,
                    events::FrameExit::Yield => FrameExit::Yield,
                };
                if let Some(i) = self.running.iter().rposition(|&f| f == frame) {
                    self.running.remove(i);
                }
                if self.running.is_empty() && exit != FrameExit::Yield {
                    self.exiting = true;
                }
                if let Some(&caller) = self.running.last() {
                    self.mark_frame(caller);
                }
                if exit == FrameExit::Yield {
                    if let Some(&owner) = self.frame_owners.get(&frame) {
                        self.mark(owner, DIRTY_FULL);
                    } else {
                        self.orphans.push(frame);
                    }
                    if let Some(s) = self.frames.get_mut(&frame) {
                        s.stack.clear();
                        s.fields.clear();
                        s.written = false;
                    }
                } else {
                    // A frame object that outlives the frame takes its contents.
                    let frame_obj = self.static_sym("frame_obj");
                    if let Some(s) = self.frames.remove(&frame)
                        && let Some(&(_, o)) = s.fields.iter().find(|(n, _)| *n == frame_obj)
                    {
                        self.mark(o, DIRTY_FULL);
                        self.frame_owners.insert(frame, o);
                    } else {
                        self.frame_owners.remove(&frame);
                    }
                }
                self.enc.record(&Record::FramePop { frame, exit });
            }
            Event::FrameResume { frame } => {
                if let Some(s) = self.frames.get_mut(&frame) {
                    s.owner = None;
                }
                // The generator gives its frame to the running stack.
                if let Some(&owner) = self.frame_owners.get(&frame) {
                    self.mark(owner, DIRTY_FULL);
                }
                if let Some(&caller) = self.running.last() {
                    self.mark_frame(caller);
                }
                self.running.push(frame);
                self.mark_frame(frame);
                self.enc.record(&Record::FrameResume { frame });
            }
            Event::Line { frame, line } => {
                self.line = line;
                if !self.opts.instructions {
                    self.boundary();
                }
                self.enc.record(&Record::Line { frame, line });
            }
            Event::Instruction {
                frame,
                index,
                opname,
            } => {
                if self.opts.instructions {
                    self.boundary();
                }
                let opname = self.intern_fast(opname);
                self.enc.record(&Record::Instruction {
                    frame,
                    index,
                    opname,
                });
            }
            Event::ExceptionRaised { exc, frame } => {
                let exc = self.id(exc);
                self.enc.record(&Record::ExceptionRaised { exc, frame });
            }
            Event::ExceptionCaught { exc, frame } => {
                let exc = self.id(exc);
                self.enc.record(&Record::ExceptionCaught { exc, frame });
            }
            Event::Stdout { text } => self.enc.record(&Record::Stdout { text }),
            Event::Stderr { text } => self.enc.record(&Record::Stderr { text }),
            Event::Mutated { obj } => {
                let id = self.id(obj);
                self.mark(id, DIRTY_FULL);
                self.enc.record(&Record::Mutated { obj: id });
            }
            Event::ImportSearch { name } => self.import(ImportPhase::Search, name, None, None),
            Event::ImportCacheHit { name, module } => {
                self.import(ImportPhase::CacheHit, name, Some(module), None)
            }
            Event::ModuleCreated { name, module, file } => {
                self.import(ImportPhase::Created, name, Some(module), file)
            }
            Event::ModuleExec { name, module } => {
                self.import(ImportPhase::Exec, name, Some(module), None)
            }
            Event::ModuleDone { name, module } => {
                self.import(ImportPhase::Done, name, Some(module), None)
            }
            Event::ModuleFailed { name, module } => {
                self.import(ImportPhase::Failed, name, Some(module), None)
            }
            // Cycle-collector phases (runtime::gc) are not recorded yet;
            // the frees they cause are.
            Event::GcStart { .. }
            | Event::GcTentativeDecref { .. }
            | Event::GcUnreachable { .. }
            | Event::GcFinalize { .. }
            | Event::GcResurrected { .. }
            | Event::GcClear { .. }
            | Event::GcDone { .. } => {}
        }
    }

    fn wants_instructions(&self) -> bool {
        self.opts.instructions
    }

    fn allocated(&mut self, obj: ObjRef, object: &Object) {
        let id = self.id(obj);
        if let Some(meta) = self.objects.get_mut(id.0 as usize)
            && meta.value.is_none()
        {
            meta.value =
                crate::runtime::inspect::atomic_value(&object.payload).map(String::into_boxed_str);
        }
    }

    fn wants_inspection(&self) -> bool {
        true
    }

    fn inspect(&mut self, vm: &dyn Inspector) {
        self.inspect_now(vm);
    }
}

/// A shared handle to a [`Recorder`]: give one clone to the VM as its sink,
/// keep the other to [`finish`](RecorderHandle::finish) after the run.
#[derive(Clone)]
pub struct RecorderHandle(pub Rc<RefCell<Recorder>>);

impl RecorderHandle {
    pub fn new(opts: RecordOptions) -> Self {
        RecorderHandle(Rc::new(RefCell::new(Recorder::new(opts))))
    }

    /// Takes the recording out (the VM's clone becomes an empty recorder).
    pub fn finish(&self, main_file: &str, source: &str) -> Trace {
        let opts = self.0.borrow().opts;
        let rec = std::mem::replace(&mut *self.0.borrow_mut(), Recorder::new(opts));
        rec.finish(main_file, source)
    }
}

impl EventSink for RecorderHandle {
    #[inline]
    fn event(&mut self, event: &Event<'_>) {
        self.0.borrow_mut().event(event)
    }
    fn wants_instructions(&self) -> bool {
        self.0.borrow().opts.instructions
    }
    fn allocated(&mut self, obj: ObjRef, object: &Object) {
        self.0.borrow_mut().allocated(obj, object)
    }
    fn wants_inspection(&self) -> bool {
        true
    }
    fn inspect(&mut self, vm: &dyn Inspector) {
        self.0.borrow_mut().inspect_now(vm)
    }
}

mod capture;
mod live;
