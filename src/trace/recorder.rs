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
use super::fxhash::FxHashMap as HashMap;
use super::model::*;
use super::store::{STEP_MARK_EVERY, StepMark, SymTable, Trace};
use crate::bytecode::CodeObject;
use crate::runtime::events::{self, Event, EventSink, FrameId, Holder};
use crate::runtime::heap::{ObjRef, Object};
use crate::runtime::inspect::{Inspector, Slot, frame_refs};
use crate::runtime::object::Payload;
use crate::runtime::vm::frame::Frame;
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

    // ---- inspection

    fn code_id(&mut self, code: &Rc<CodeObject>) -> CodeId {
        let key = Rc::as_ptr(code);
        if let Some(&id) = self.code_ids.get(&key) {
            return id;
        }
        let id = CodeId(self.codes.len() as u32);
        let meta = CodeMeta {
            name: self.syms.intern(&code.name),
            qualname: self.syms.intern(&code.qualname),
            filename: self.syms.intern(&code.filename),
            firstlineno: code.firstlineno,
            slot_names: code
                .localsplusnames
                .iter()
                .map(|n| self.syms.intern(n))
                .collect(),
            slot_kinds: code.localspluskinds.clone(),
        };
        self.codes.push(meta);
        // Keep the code alive so the pointer key is never reused.
        self.code_keep.push(code.clone());
        self.code_ids.insert(key, id);
        id
    }

    /// Fills in what an object that existed before the trace looks like.
    fn describe(&mut self, vm: &dyn Inspector, id: ObjId) {
        let r = self.tracked[id.0 as usize].key;
        let Some(obj) = vm.heap().objects.get(r) else {
            return;
        };
        let meta = &self.objects[id.0 as usize];
        if meta.born.is_none() && meta.addr == 0 {
            let ty = vm.type_name(r);
            let type_name = self.syms.intern(&ty);
            let value = vm.value_text(r).map(String::into_boxed_str);
            let m = &mut self.objects[id.0 as usize];
            m.type_name = type_name;
            m.addr = obj.addr;
            m.size = obj.size;
            m.value = value;
        } else if meta.value.is_none() && meta.born.is_some() {
            self.objects[id.0 as usize].value = vm.value_text(r).map(String::into_boxed_str);
        }
    }

    /// Writes an object's refcount (when it differs from what the story
    /// says) and references (when they changed).
    fn capture_object(&mut self, vm: &dyn Inspector, id: ObjId, on_stack: bool) {
        if self.tracked[id.0 as usize].stamp == self.stamp {
            return;
        }
        self.tracked[id.0 as usize].stamp = self.stamp;
        let r = self.tracked[id.0 as usize].key;
        let Some(obj) = vm.heap().objects.get(r) else {
            self.tracked[id.0 as usize].shadow.flags = 0;
            return;
        };
        let atomic = matches!(
            obj.payload,
            Payload::Int(_)
                | Payload::Float(_)
                | Payload::Str(_)
                | Payload::Bool(_)
                | Payload::Bytes(_)
        );
        if self.started
            && atomic
            && self.tracked[id.0 as usize].count == obj.refcount
            && !vm.owns_refs(r)
        {
            // Atomic values own no references (a subclass instance with a
            // `__dict__` takes the general path).
            return;
        }
        let refcount = obj.refcount;
        if self.tracked[id.0 as usize].count != refcount {
            self.tracked[id.0 as usize].count = refcount;
            self.enc.record(&Record::SetCount {
                obj: id,
                count: refcount,
            });
        }
        if self.started && self.capture_big(vm, id, obj) {
            return;
        }
        let mut vm_refs = std::mem::take(&mut self.vm_refs);
        vm_refs.clear();
        vm.refs(r, &mut vm_refs);
        let mut refs = std::mem::take(&mut self.trace_refs);
        refs.clear();
        for &(t, slot) in &vm_refs {
            let t = self.id(t);
            let slot = self.slot(slot);
            refs.push((t, slot));
        }
        self.vm_refs = vm_refs;
        let shadow = self.tracked[id.0 as usize].shadow;
        let n = refs.len() as u32;
        let append_only = shadow.flags & DIRTY_FULL == 0
            && self.started
            && n > shadow.len
            && !matches!(obj.payload, Payload::Set(_))
            && extends(&refs, shadow.len)
            && self.tail_matches_appends(id, &refs[shadow.len as usize..], on_stack);
        if append_only {
            let mut h = shadow.hash;
            for &(t, s) in &refs[shadow.len as usize..] {
                h = hash_step(h, t, s);
            }
            self.enc.record(&Record::RefsAppend {
                obj: id,
                refs: &refs[shadow.len as usize..],
            });
            self.tracked[id.0 as usize].shadow = Shadow {
                len: n,
                hash: h,
                ..Shadow::default()
            };
        } else {
            let h = refs.iter().fold(0, |h, &(t, s)| hash_step(h, t, s));
            if h != shadow.hash || n != shadow.len || !self.started {
                self.enc.record(&Record::Refs {
                    obj: id,
                    refs: &refs,
                });
            }
            self.tracked[id.0 as usize].shadow = Shadow {
                len: n,
                hash: h,
                ..Shadow::default()
            };
        }
        self.trace_refs = refs;
        let owns_frame = matches!(obj.payload, Payload::Generator(_) | Payload::Frame(_));
        if let Some(frame) = owns_frame.then(|| vm.owned_frame(r)).flatten() {
            self.capture_frame(frame, Some(id));
        } else if let Some(&f) = self.owned_by.get(&id)
            && !self.running.contains(&f)
        {
            // The owner dropped its frame (finished generator, cleared frame object).
            self.owned_by.remove(&id);
            self.frame_owners.remove(&f);
            self.frames.remove(&f);
            self.enc.record(&Record::FrameGone { frame: f });
        }
    }

    /// Big lists, tuples and dicts are compared slot by slot with a copy of
    /// what was last written (the VM's keys, no id lookups), so that a step
    /// that replaces one value or appends one item writes just that.
    /// False when `obj` is not such a container (the general path applies).
    fn capture_big(&mut self, vm: &dyn Inspector, id: ObjId, obj: &Object) -> bool {
        let (len, is_dict) = match &obj.payload {
            Payload::List(v) => (v.len(), false),
            Payload::Tuple(v) => (v.len(), false),
            Payload::Dict(d) => (2 * d.map.len(), true),
            _ => return false,
        };
        let known = self.big.contains_key(&id);
        if obj.dict.is_some() || (!known && len <= BIG_CONTAINER) {
            return false;
        }
        if !known
            && !matches!(
                &*vm.type_name(self.tracked[id.0 as usize].key),
                "list" | "tuple" | "dict"
            )
        {
            return false;
        }
        let slot = |p: usize| {
            if is_dict {
                if p.is_multiple_of(2) {
                    TraceSlot::Key((p / 2) as u32)
                } else {
                    TraceSlot::Value((p / 2) as u32)
                }
            } else {
                TraceSlot::Index(p as u32)
            }
        };
        // Compare in place with what was written last.
        let mut shadow = self.big.remove(&id).unwrap_or_default();
        let mut changed = std::mem::take(&mut self.big_changed);
        changed.clear();
        let old_len = shadow.len();
        let mut full = !known || len < old_len;
        if !full {
            let mut note = |p: usize, r: ObjRef| {
                if p < old_len {
                    if shadow[p] != r {
                        changed.push(p as u32);
                    }
                } else {
                    shadow.push(r);
                }
            };
            match &obj.payload {
                Payload::List(v) => v.iter().enumerate().for_each(|(p, &r)| note(p, r)),
                Payload::Tuple(v) => v.iter().enumerate().for_each(|(p, &r)| note(p, r)),
                Payload::Dict(d) => {
                    for (e, &(k, v)) in d.map.values().enumerate() {
                        note(2 * e, k);
                        note(2 * e + 1, v);
                    }
                }
                _ => {}
            }
            full = changed.len() > old_len / 4 + 1;
        }
        if full {
            shadow.clear();
            match &obj.payload {
                Payload::List(v) => shadow.extend_from_slice(v),
                Payload::Tuple(v) => shadow.extend_from_slice(v),
                Payload::Dict(d) => {
                    for &(k, v) in d.map.values() {
                        shadow.push(k);
                        shadow.push(v);
                    }
                }
                _ => {}
            }
            let mut refs = std::mem::take(&mut self.trace_refs);
            refs.clear();
            for (p, &r) in shadow.iter().enumerate() {
                let t = self.id(r);
                refs.push((t, slot(p)));
            }
            self.enc.record(&Record::Refs {
                obj: id,
                refs: &refs,
            });
            self.trace_refs = refs;
        } else {
            if !changed.is_empty() {
                let mut changes = std::mem::take(&mut self.big_changes);
                changes.clear();
                for &p in &changed {
                    let r = match &obj.payload {
                        Payload::List(v) => v[p as usize],
                        Payload::Tuple(v) => v[p as usize],
                        _ => {
                            let (k, v) = d_entry(obj, p as usize / 2);
                            if p % 2 == 0 { k } else { v }
                        }
                    };
                    shadow[p as usize] = r;
                    changes.push((p, self.id(r)));
                }
                self.enc.record(&Record::RefsPatch {
                    obj: id,
                    changes: &changes,
                });
                self.big_changes = changes;
            }
            if shadow.len() > old_len {
                let mut refs = std::mem::take(&mut self.trace_refs);
                refs.clear();
                for (p, &r) in shadow.iter().enumerate().skip(old_len) {
                    let t = self.id(r);
                    refs.push((t, slot(p)));
                }
                self.enc.record(&Record::RefsAppend {
                    obj: id,
                    refs: &refs,
                });
                self.trace_refs = refs;
            }
        }
        self.tracked[id.0 as usize].shadow = Shadow {
            len: shadow.len() as u32,
            hash: 0,
            flags: 0,
        };
        self.big.insert(id, shadow);
        self.big_changed = changed;
        true
    }

    /// Whether the new tail of a container is what was appended to it since
    /// the last boundary: the items of its item increfs, in order, or — when
    /// none were reported and the container sits on the running frame's
    /// stack (a comprehension's result) — references it stole silently.
    fn tail_matches_appends(&self, id: ObjId, tail: &[(ObjId, TraceSlot)], on_stack: bool) -> bool {
        let mut appended = self
            .appends
            .iter()
            .filter(|(c, _)| *c == id)
            .map(|(_, o)| *o);
        let mut tail_items = tail.iter().map(|(o, _)| *o);
        let mut any = false;
        loop {
            match (appended.next(), tail_items.next()) {
                (None, None) => return true,
                (Some(a), Some(t)) if a == t => any = true,
                (None, Some(_)) if !any => return on_stack,
                _ => return false,
            }
        }
    }

    fn slot(&mut self, s: Slot) -> TraceSlot {
        match s {
            Slot::Index(i) => TraceSlot::Index(i),
            Slot::Key(i) => TraceSlot::Key(i),
            Slot::Value(i) => TraceSlot::Value(i),
            Slot::Field(n) => TraceSlot::Field(self.static_sym(n)),
            Slot::Cell => TraceSlot::Cell,
            Slot::Dict => TraceSlot::Dict,
            Slot::Type => TraceSlot::Type,
            Slot::Local(i) => TraceSlot::Local(i),
            Slot::Stack => TraceSlot::Stack,
            Slot::FrameField(n) => TraceSlot::FrameField(self.static_sym(n)),
        }
    }

    /// Writes what changed in a frame since the recorder last wrote it.
    fn capture_frame(&mut self, frame: &Frame, owner: Option<ObjId>) {
        let fid = frame.id;
        // Compare the VM's keys first: nothing to map or write when the
        // frame is as it was (the common case for callers up the stack).
        let code_ptr = Rc::as_ptr(&frame.code);
        let raw_fields = if owner.is_none() {
            [
                frame.frame_obj,
                frame.locals,
                frame.func,
                Some(frame.code_obj),
            ]
        } else {
            [None; 4]
        };
        let unchanged = self.frames.get(&fid).is_some_and(|shadow| {
            shadow.written
                && shadow.code_ptr == code_ptr
                && shadow.raw_globals == Some(frame.globals)
                && shadow.raw_locals == frame.fast
                && (owner.is_some() || shadow.raw_stack == frame.stack)
                && shadow.raw_fields == raw_fields
                && (owner.is_none() || shadow.owner == owner)
        });
        if unchanged {
            return;
        }
        let mut shadow = self.frames.remove(&fid).unwrap_or_default();
        let same = shadow.written
            && shadow.code_ptr == code_ptr
            && shadow.raw_globals == Some(frame.globals)
            && shadow.raw_locals == frame.fast
            && (owner.is_some() || shadow.raw_stack == frame.stack)
            && shadow.raw_fields == raw_fields
            && (owner.is_none() || shadow.owner == owner);
        if same {
            self.frames.insert(fid, shadow);
            return;
        }
        let code = self.code_id(&frame.code);
        let globals = self.id(frame.globals);
        if shadow.code != Some(code) || shadow.globals != Some(globals) {
            self.enc.record(&Record::FrameInfo {
                frame: fid,
                code,
                globals,
            });
            shadow.code = Some(code);
            shadow.globals = Some(globals);
        }
        let mut slots = std::mem::take(&mut self.slots);
        slots.clear();
        for &r in &frame.fast {
            let id = self.opt_id(r);
            slots.push(id);
        }
        if !shadow.written || slots != shadow.locals {
            self.enc.record(&Record::FrameLocals {
                frame: fid,
                slots: &slots,
            });
            shadow.locals.clone_from(&slots);
        }
        slots.clear();
        if owner.is_none() {
            for &r in &frame.stack {
                let id = self.opt_id(r);
                slots.push(id);
            }
        }
        if !shadow.written || slots != shadow.stack {
            self.enc.record(&Record::FrameStack {
                frame: fid,
                items: &slots,
            });
            shadow.stack.clone_from(&slots);
        }
        self.slots = slots;
        let mut fields = std::mem::take(&mut self.fields);
        fields.clear();
        if owner.is_none() {
            let mut refs = std::mem::take(&mut self.vm_refs);
            refs.clear();
            frame_refs(frame, &mut refs);
            for &(r, slot) in &refs {
                if let Slot::FrameField(name) = slot {
                    let name = self.static_sym(name);
                    let r = self.id(r);
                    fields.push((name, r));
                }
            }
            self.vm_refs = refs;
        }
        if !shadow.written || fields != shadow.fields {
            self.enc.record(&Record::FrameFields {
                frame: fid,
                fields: &fields,
            });
            shadow.fields.clone_from(&fields);
        }
        self.fields = fields;
        if let Some(o) = owner
            && shadow.owner != owner
        {
            self.enc.record(&Record::FrameOwner {
                frame: fid,
                owner: o,
            });
            self.frame_owners.insert(fid, o);
            self.owned_by.insert(o, fid);
        }
        shadow.owner = owner;
        shadow.written = true;
        shadow.code_ptr = code_ptr;
        shadow.raw_globals = Some(frame.globals);
        shadow.raw_locals.clone_from(&frame.fast);
        shadow.raw_stack.clear();
        if owner.is_none() {
            shadow.raw_stack.extend_from_slice(&frame.stack);
        }
        shadow.raw_fields = raw_fields;
        self.frames.insert(fid, shadow);
    }

    /// The first inspection: everything alive, every frame, the roots.
    fn full_snapshot(&mut self, vm: &dyn Inspector) {
        let keys: Vec<ObjRef> = vm.heap().objects.keys().collect();
        for &r in &keys {
            let id = self.id(r);
            self.describe(vm, id);
            self.capture_object(vm, id, false);
        }
        // Name the namespaces of modules and types by their owner
        // (`dict:builtins.__dict__`) so their labels do not depend on how
        // many objects the interpreter made before them.
        let dict_field = self.static_sym("__dict__");
        let mut refs = Vec::new();
        for &r in &keys {
            let owner = self.id(r);
            let Some(name) = self.objects[owner.0 as usize].value.clone() else {
                continue;
            };
            if !matches!(&*vm.type_name(r), "module" | "type") {
                continue;
            }
            refs.clear();
            vm.refs(r, &mut refs);
            for &(t, slot) in &refs {
                let is_ns = match slot {
                    Slot::Dict => true,
                    Slot::Field(f) => self.static_sym(f) == dict_field,
                    _ => false,
                };
                let t = self.id(t);
                let meta = &mut self.objects[t.0 as usize];
                if is_ns && meta.value.is_none() && meta.born.is_none() {
                    meta.value = Some(format!("{name}.__dict__").into_boxed_str());
                }
            }
        }
        // Small tuples by their items' values (`tuple:(object,)`).
        for &r in &keys {
            let id = self.id(r);
            if self.objects[id.0 as usize].value.is_some() || &*vm.type_name(r) != "tuple" {
                continue;
            }
            refs.clear();
            vm.refs(r, &mut refs);
            if refs.len() > 3 {
                continue;
            }
            let items: Option<Vec<String>> = refs
                .iter()
                .map(|&(t, _)| {
                    let t = self.id(t);
                    self.objects[t.0 as usize]
                        .value
                        .as_deref()
                        .map(str::to_string)
                })
                .collect();
            if let Some(items) = items {
                let text = if items.len() == 1 {
                    format!("({},)", items[0])
                } else {
                    format!("({})", items.join(", "))
                };
                self.objects[id.0 as usize].value = Some(text.into_boxed_str());
            }
        }
        self.capture_roots(vm);
    }

    fn capture_roots(&mut self, vm: &dyn Inspector) {
        let mut roots = Vec::new();
        vm.for_each_root(&mut |r, why| roots.push((r, why)));
        let roots: Vec<(ObjId, Sym)> = roots
            .into_iter()
            .map(|(r, why)| {
                let id = self.id(r);
                self.objects[id.0 as usize].shared = true;
                (id, self.static_sym(why))
            })
            .collect();
        let h = roots
            .iter()
            .fold(1, |h, &(o, why)| hash_step(h, o, TraceSlot::Field(why)));
        if h != self.roots_hash {
            self.enc.record(&Record::Roots { roots: &roots });
            self.roots_hash = h;
        }
    }

    fn inspect_now(&mut self, vm: &dyn Inspector) {
        self.inspected = true;
        self.stamp = self.stamp.wrapping_add(1).max(1);
        if !self.started {
            self.dirty.clear();
            self.full_snapshot(vm);
            for t in &mut self.tracked {
                t.shadow.flags = 0;
            }
            self.started = true;
        } else {
            // What the running frame works on changes without events: the
            // containers a comprehension fills, the iterators it advances,
            // the cells `STORE_DEREF` fills.
            if let Some(top) = vm.frames().last() {
                for r in top.stack.iter().flatten() {
                    let id = self.id(*r);
                    self.capture_object(vm, id, true);
                }
                // Cells are filled by STORE_DEREF without an event.
                for r in top.fast.iter().flatten() {
                    if let Some(Payload::Cell(_)) = vm.heap().objects.get(*r).map(|o| &o.payload) {
                        let id = self.id(*r);
                        self.capture_object(vm, id, false);
                    }
                }
            }
            let dirty = std::mem::take(&mut self.dirty);
            for &id in &dirty {
                if self.objects[id.0 as usize].died.is_none() {
                    self.describe(vm, id);
                    self.capture_object(vm, id, false);
                }
                self.tracked[id.0 as usize].shadow.flags = 0;
            }
            self.dirty = dirty;
            self.dirty.clear();
            if self.roots_dirty {
                self.capture_roots(vm);
            }
        }
        if !self.orphans.is_empty() {
            self.adopt_orphans(vm);
        }
        self.appends.clear();
        self.roots_dirty = false;
        self.capture_temp_roots(vm);
        // Frames: the running one always (its stack changes silently), and
        // any other frame an event touched.
        let frames = vm.frames();
        if let Some(top) = frames.last() {
            self.capture_frame(top, None);
        }
        let mut dirty_frames = std::mem::take(&mut self.dirty_frames);
        dirty_frames.sort_unstable();
        dirty_frames.dedup();
        for &fid in &dirty_frames {
            if frames.last().is_some_and(|f| f.id == fid) {
                continue;
            }
            if let Some(f) = frames.iter().rev().find(|f| f.id == fid) {
                self.capture_frame(f, None);
            } else if let Some(&owner) = self.frame_owners.get(&fid)
                && self.objects[owner.0 as usize].died.is_none()
            {
                self.capture_object(vm, owner, false);
            }
        }
        dirty_frames.clear();
        self.dirty_frames = dirty_frames;
    }

    /// Finds the generators now holding frames that yielded before the
    /// recorder saw who owns them, and captures them.
    fn adopt_orphans(&mut self, vm: &dyn Inspector) {
        let orphans = std::mem::take(&mut self.orphans);
        self.generators
            .retain(|g| self.objects[g.0 as usize].died.is_none());
        let mut adopted = Vec::new();
        for g in self.generators.clone() {
            let r = self.tracked[g.0 as usize].key;
            if let Some(f) = vm.owned_frame(r)
                && orphans.contains(&f.id)
            {
                adopted.push(f.id);
                self.frame_owners.insert(f.id, g);
                self.tracked[g.0 as usize].stamp = 0;
                self.capture_object(vm, g, false);
            }
        }
        // A generator made and dropped within one step took its frame with it.
        for f in orphans {
            if !adopted.contains(&f) && !self.running.contains(&f) {
                self.frames.remove(&f);
                self.enc.record(&Record::FrameGone { frame: f });
            }
        }
    }

    fn capture_temp_roots(&mut self, vm: &dyn Inspector) {
        let mut found = std::mem::take(&mut self.temp_scratch);
        found.clear();
        vm.for_each_temp_root(&mut |r, why| found.push((r, why)));
        if found.is_empty() && self.temp_roots.is_empty() {
            self.temp_scratch = found;
            return;
        }
        let roots: Vec<(ObjId, Sym)> = found
            .iter()
            .map(|&(r, why)| (self.id(r), self.static_sym(why)))
            .collect();
        if roots != self.temp_roots {
            self.enc.record(&Record::TempRoots { roots: &roots });
            self.temp_roots = roots;
        }
        self.temp_scratch = found;
    }
}

/// Lists, tuples and dicts with more references than this are compared
/// slot by slot (see `capture_big`).
const BIG_CONTAINER: usize = 16;

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

impl Recorder {
    /// The id the trace gives `r`, if it has seen it.
    pub fn id_of(&self, r: ObjRef) -> Option<ObjId> {
        let ffi = r.data().as_ffi();
        let (idx, version) = ((ffi & 0xffff_ffff) as usize, (ffi >> 32) as u32);
        match self.by_slot.get(idx) {
            Some(&(v, id)) if v == version && (id as usize) < self.objects.len() => Some(ObjId(id)),
            _ => None,
        }
    }

    /// The state read straight from the VM (not replayed), with this
    /// recorder's ids: what [`Trace::state_at`] must reproduce at this step.
    pub fn live_state(&mut self, vm: &dyn Inspector) -> super::state::State {
        use super::state::{FrameState, FrameStatus, ObjState, State};
        let mut state = State {
            step: self.current_step(),
            started: true,
            ..State::default()
        };
        let keys: Vec<ObjRef> = vm.heap().objects.keys().collect();
        let mut refs = Vec::new();
        for r in keys {
            let id = self.id(r);
            refs.clear();
            vm.refs(r, &mut refs);
            let mut o = ObjState {
                refcount: vm.heap().get(r).refcount,
                refs: Vec::with_capacity(refs.len()),
            };
            for &(t, s) in &refs {
                let t = self.id(t);
                let s = self.slot(s);
                o.refs.push((t, s));
            }
            let i = id.0 as usize;
            if state.objects.len() <= i {
                state.objects.resize(i + 1, None);
            }
            state.objects[i] = Some(o);
            if let Some(frame) = vm.owned_frame(r) {
                let mut fs = self.frame_state(frame);
                fs.status = FrameStatus::Owned;
                fs.owner = Some(id);
                fs.stack.clear();
                fs.fields.clear();
                state.frames.insert(frame.id, fs);
            }
        }
        for frame in vm.frames() {
            let fs: FrameState = self.frame_state(frame);
            state.stack.push(frame.id);
            state.frames.insert(frame.id, fs);
        }
        let mut roots = Vec::new();
        vm.for_each_root(&mut |r, why| roots.push((r, why)));
        for (r, why) in roots {
            let id = self.id(r);
            let why = self.static_sym(why);
            state.roots.push((id, why));
        }
        let mut temps = Vec::new();
        vm.for_each_temp_root(&mut |r, why| temps.push((r, why)));
        for (r, why) in temps {
            let id = self.id(r);
            let why = self.static_sym(why);
            state.temp_roots.push((id, why));
        }
        state
    }

    fn frame_state(&mut self, frame: &Frame) -> super::state::FrameState {
        let mut refs = Vec::new();
        frame_refs(frame, &mut refs);
        let code = self.code_id(&frame.code);
        let globals = self.id(frame.globals);
        let locals = frame.fast.iter().map(|r| r.map(|r| self.id(r))).collect();
        let stack = frame.stack.iter().map(|r| r.map(|r| self.id(r))).collect();
        let fields = refs
            .iter()
            .filter_map(|&(r, s)| match s {
                Slot::FrameField(name) => Some((self.static_sym(name), self.id(r))),
                _ => None,
            })
            .collect();
        super::state::FrameState {
            code: Some(code),
            globals: Some(globals),
            line: frame.last_line,
            locals,
            stack,
            fields,
            ..Default::default()
        }
    }
}

/// Whether `refs[len..]` continues the numbering of a sequence or a dict.
fn extends(refs: &[(ObjId, TraceSlot)], len: u32) -> bool {
    let tail = &refs[len as usize..];
    match refs.get(len as usize).map(|r| r.1) {
        Some(TraceSlot::Index(i)) if i == len => tail
            .iter()
            .enumerate()
            .all(|(k, (_, s))| *s == TraceSlot::Index(len + k as u32)),
        Some(TraceSlot::Key(e)) if len.is_multiple_of(2) && e == len / 2 => {
            tail.len().is_multiple_of(2)
                && tail.chunks(2).enumerate().all(|(k, p)| {
                    p[0].1 == TraceSlot::Key(e + k as u32)
                        && p[1].1 == TraceSlot::Value(e + k as u32)
                })
        }
        _ => false,
    }
}

/// Entry `e` (key, value) of a dict payload, in order.
fn d_entry(obj: &Object, e: usize) -> (ObjRef, ObjRef) {
    match &obj.payload {
        Payload::Dict(d) => d.map.values().nth(e).copied().unwrap_or_default(),
        _ => (ObjRef::default(), ObjRef::default()),
    }
}
