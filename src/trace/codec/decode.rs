//! Decoding: [`Decoder`] reads the records of `codec.rs`'s encoding back,
//! one at a time, skipping extension records it does not know.

use super::*;

/// Reads records back, one at a time.
pub struct Decoder<'t> {
    bytes: &'t [u8],
    pos: usize,
    pub cursors: Cursors,
    refs: Vec<(ObjId, TraceSlot)>,
    slots: Vec<Option<ObjId>>,
    fields: Vec<(Sym, ObjId)>,
    roots: Vec<(ObjId, Sym)>,
    patch: Vec<(u32, ObjId)>,
    gc_refs: Vec<(ObjId, i64)>,
    gc_objs: Vec<ObjId>,
}

impl<'t> Decoder<'t> {
    /// A decoder at byte `pos` with the delta state saved there.
    pub fn new(bytes: &'t [u8], pos: usize, cursors: Cursors) -> Self {
        Decoder {
            bytes,
            pos,
            cursors,
            refs: Vec::new(),
            slots: Vec::new(),
            fields: Vec::new(),
            roots: Vec::new(),
            patch: Vec::new(),
            gc_refs: Vec::new(),
            gc_objs: Vec::new(),
        }
    }

    /// Byte offset of the next record.
    pub fn pos(&self) -> usize {
        self.pos
    }

    #[inline]
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    #[inline]
    fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte();
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 || shift > 63 {
                return v;
            }
            shift += 7;
        }
    }

    #[inline]
    fn delta(&mut self, prev: u32) -> u32 {
        (prev as i64 + unzigzag(self.varint())) as u32
    }

    #[inline]
    fn obj(&mut self) -> ObjId {
        self.cursors.obj = self.delta(self.cursors.obj);
        ObjId(self.cursors.obj)
    }

    #[inline]
    fn opt_obj(&mut self) -> Option<ObjId> {
        let v = self.varint();
        if v == 0 {
            return None;
        }
        self.cursors.obj = (self.cursors.obj as i64 + unzigzag(v - 1)) as u32;
        Some(ObjId(self.cursors.obj))
    }

    #[inline]
    fn owner(&mut self) -> ObjId {
        self.cursors.owner = self.delta(self.cursors.owner);
        ObjId(self.cursors.owner)
    }

    #[inline]
    fn frame(&mut self) -> FrameId {
        self.cursors.frame = self.delta(self.cursors.frame);
        self.cursors.frame
    }

    fn sym(&mut self) -> Sym {
        Sym(self.varint() as u32)
    }

    fn text(&mut self) -> &'t str {
        let n = self.varint() as usize;
        let end = (self.pos + n).min(self.bytes.len());
        let s = std::str::from_utf8(&self.bytes[self.pos.min(end)..end]).unwrap_or("");
        self.pos = end;
        s
    }

    fn holder(&mut self, kind: u8) -> TraceHolder {
        match kind {
            H_STACK => TraceHolder::Stack(self.frame()),
            H_LOCAL => {
                let f = self.frame();
                TraceHolder::Local(f, self.varint() as u32)
            }
            H_FRAME_FIELD => {
                let f = self.frame();
                TraceHolder::FrameField(f, self.sym())
            }
            H_CELL => TraceHolder::Cell(self.owner()),
            H_NAME => {
                let ns = self.owner();
                TraceHolder::Name {
                    ns,
                    key: self.obj(),
                }
            }
            H_ITEM => TraceHolder::Item(self.owner()),
            H_FIELD => {
                let o = self.owner();
                TraceHolder::Field(o, self.sym())
            }
            H_ROOT => TraceHolder::Root(self.sym()),
            _ => TraceHolder::Temp,
        }
    }

    fn read_refs(&mut self) {
        self.refs.clear();
        let shape = self.byte();
        match shape {
            SHAPE_SEQ => {
                let first = self.varint() as u32;
                let n = self.varint() as u32;
                for i in 0..n {
                    let o = self.obj();
                    self.refs.push((o, TraceSlot::Index(first + i)));
                }
            }
            SHAPE_DICT => {
                let first = self.varint() as u32;
                let n = self.varint() as u32;
                for i in first..first + n {
                    let k = self.obj();
                    let v = self.obj();
                    self.refs.push((k, TraceSlot::Key(i)));
                    self.refs.push((v, TraceSlot::Value(i)));
                }
            }
            _ => {
                let n = self.varint();
                for _ in 0..n {
                    let o = self.obj();
                    let s = self.slot();
                    self.refs.push((o, s));
                }
            }
        }
    }

    fn slot(&mut self) -> TraceSlot {
        match self.byte() {
            0 => TraceSlot::Index(self.varint() as u32),
            1 => TraceSlot::Key(self.varint() as u32),
            2 => TraceSlot::Value(self.varint() as u32),
            3 => TraceSlot::Field(self.sym()),
            4 => TraceSlot::Cell,
            5 => TraceSlot::Dict,
            6 => TraceSlot::Type,
            7 => TraceSlot::Local(self.varint() as u32),
            8 => TraceSlot::Stack,
            _ => TraceSlot::FrameField(self.sym()),
        }
    }

    fn read_slots(&mut self) {
        self.slots.clear();
        let n = self.varint();
        for _ in 0..n {
            let o = self.opt_obj();
            self.slots.push(o);
        }
    }

    /// Peeks whether the next record is a step boundary of `mode`.
    pub fn at_boundary(&self, mode: StepMode) -> bool {
        let tag = self.bytes.get(self.pos).copied();
        match mode {
            StepMode::Line => tag == Some(LINE),
            StepMode::Instruction => tag == Some(INSTRUCTION),
        }
    }

    /// The next record, or None at the end.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Record<'_>> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let tag = self.byte();
        Some(match tag {
            0x00..=0x1f => {
                let obj = self.obj();
                let count = self.varint();
                let holder = self.holder(tag & 0x0f);
                if tag < DECREF {
                    Record::Incref { obj, holder, count }
                } else {
                    Record::Decref { obj, holder, count }
                }
            }
            ALLOC => Record::Alloc { obj: self.obj() },
            FREE => {
                let obj = self.obj();
                let cause = match self.byte() {
                    0 => FreeCause::RefcountZero,
                    1 => FreeCause::CycleCollection,
                    _ => FreeCause::InterpreterExit,
                };
                Record::Free { obj, cause }
            }
            FINALIZE => Record::Finalize { obj: self.obj() },
            BIND => {
                let ns = self.owner();
                let name = self.sym();
                let old = self.opt_obj();
                let new = self.opt_obj();
                Record::Bind { ns, name, old, new }
            }
            BIND_LOCAL => {
                let frame = self.frame();
                let slot = self.varint() as u32;
                let name = self.sym();
                let old = self.opt_obj();
                let new = self.opt_obj();
                Record::BindLocal {
                    frame,
                    slot,
                    name,
                    old,
                    new,
                }
            }
            CELL_CREATED => {
                let cell = self.obj();
                let frame = self.frame();
                Record::CellCreated {
                    cell,
                    frame,
                    name: self.sym(),
                }
            }
            FRAME_PUSH => {
                let frame = self.frame();
                let code_name = self.sym();
                Record::FramePush {
                    frame,
                    code_name,
                    filename: self.sym(),
                }
            }
            FRAME_POP => {
                let frame = self.frame();
                let exit = match self.byte() {
                    0 => FrameExit::Return,
                    1 => FrameExit::Exception,
                    _ => FrameExit::Yield,
                };
                Record::FramePop { frame, exit }
            }
            REFS_PATCH => {
                let obj = self.owner();
                self.patch.clear();
                let n = self.varint();
                let mut prev = 0;
                for _ in 0..n {
                    prev = self.delta(prev);
                    let t = self.obj();
                    self.patch.push((prev, t));
                }
                Record::RefsPatch {
                    obj,
                    changes: &self.patch,
                }
            }
            FRAME_GONE => Record::FrameGone {
                frame: self.frame(),
            },
            FRAME_RESUME => Record::FrameResume {
                frame: self.frame(),
            },
            LINE => {
                let frame = self.frame();
                self.cursors.line = self.delta(self.cursors.line);
                Record::Line {
                    frame,
                    line: self.cursors.line,
                }
            }
            INSTRUCTION => {
                let frame = self.frame();
                self.cursors.index = self.delta(self.cursors.index);
                let index = self.cursors.index;
                Record::Instruction {
                    frame,
                    index,
                    opname: self.sym(),
                }
            }
            EXC_RAISED | EXC_CAUGHT => {
                let exc = self.obj();
                let frame = self.frame();
                if tag == EXC_RAISED {
                    Record::ExceptionRaised { exc, frame }
                } else {
                    Record::ExceptionCaught { exc, frame }
                }
            }
            STDOUT => Record::Stdout { text: self.text() },
            STDERR => Record::Stderr { text: self.text() },
            MUTATED => Record::Mutated { obj: self.obj() },
            SET_COUNT => {
                let obj = self.obj();
                Record::SetCount {
                    obj,
                    count: self.varint(),
                }
            }
            REFS | REFS_APPEND => {
                let obj = self.owner();
                self.read_refs();
                if tag == REFS {
                    Record::Refs {
                        obj,
                        refs: &self.refs,
                    }
                } else {
                    Record::RefsAppend {
                        obj,
                        refs: &self.refs,
                    }
                }
            }
            FRAME_INFO => {
                let frame = self.frame();
                let code = CodeId(self.varint() as u32);
                Record::FrameInfo {
                    frame,
                    code,
                    globals: self.obj(),
                }
            }
            FRAME_LOCALS | FRAME_STACK => {
                let frame = self.frame();
                self.read_slots();
                if tag == FRAME_LOCALS {
                    Record::FrameLocals {
                        frame,
                        slots: &self.slots,
                    }
                } else {
                    Record::FrameStack {
                        frame,
                        items: &self.slots,
                    }
                }
            }
            FRAME_FIELDS => {
                let frame = self.frame();
                self.fields.clear();
                let n = self.varint();
                for _ in 0..n {
                    let name = self.sym();
                    let o = self.obj();
                    self.fields.push((name, o));
                }
                Record::FrameFields {
                    frame,
                    fields: &self.fields,
                }
            }
            FRAME_OWNER => {
                let frame = self.frame();
                Record::FrameOwner {
                    frame,
                    owner: self.owner(),
                }
            }
            ROOTS | TEMP_ROOTS => {
                self.roots.clear();
                let n = self.varint();
                for _ in 0..n {
                    let o = self.obj();
                    let why = self.sym();
                    self.roots.push((o, why));
                }
                if tag == ROOTS {
                    Record::Roots { roots: &self.roots }
                } else {
                    Record::TempRoots { roots: &self.roots }
                }
            }
            IMPORT => {
                let n = self.varint() as usize;
                let end = (self.pos + n).min(self.bytes.len());
                let phase = match self.byte() {
                    0 => ImportPhase::Search,
                    1 => ImportPhase::CacheHit,
                    2 => ImportPhase::Created,
                    3 => ImportPhase::Exec,
                    4 => ImportPhase::Done,
                    _ => ImportPhase::Failed,
                };
                let name = self.sym();
                let module = self.varint().checked_sub(1).map(|m| ObjId(m as u32));
                let file = self.varint().checked_sub(1).map(|f| Sym(f as u32));
                self.pos = end;
                Record::Import {
                    phase,
                    name,
                    module,
                    file,
                }
            }
            GC_START..=GC_DONE => {
                let n = self.varint() as usize;
                let end = (self.pos + n).min(self.bytes.len());
                self.gc_record(tag, end)
            }
            t if t >= EXTENSION_FIRST => {
                // A record kind from a newer writer: skip it by its length.
                let n = self.varint() as usize;
                self.pos = (self.pos + n).min(self.bytes.len());
                return self.next();
            }
            _ => {
                // An unknown tag below the extension range: the bytes are not a trace we can read.
                self.pos = self.bytes.len();
                return None;
            }
        })
    }
}

impl<'t> Decoder<'t> {
    /// The body of a GC extension record (schema 2).
    /// `end`: where the record ends (the decoder moves there).
    fn gc_record(&mut self, tag: u8, end: usize) -> Record<'_> {
        let r = self.gc_body(tag);
        self.pos = end;
        match r {
            GcBody::Refs => Record::GcRefs {
                entries: &self.gc_refs,
            },
            GcBody::Unreachable => Record::GcUnreachable {
                objs: &self.gc_objs,
            },
            GcBody::Other(r) => r,
        }
    }

    fn gc_body(&mut self, tag: u8) -> GcBody {
        GcBody::Other(match tag {
            GC_START => Record::GcStart {
                generation: self.varint() as u32,
            },
            GC_REFS => {
                self.gc_refs.clear();
                let n = self.varint();
                let mut prev = 0;
                for _ in 0..n {
                    prev = self.delta(prev);
                    let refs = unzigzag(self.varint());
                    self.gc_refs.push((ObjId(prev), refs));
                }
                return GcBody::Refs;
            }
            GC_UNREACHABLE => {
                self.gc_objs.clear();
                let n = self.varint();
                let mut prev = 0;
                for _ in 0..n {
                    prev = self.delta(prev);
                    self.gc_objs.push(ObjId(prev));
                }
                return GcBody::Unreachable;
            }
            GC_FINALIZE => Record::GcFinalize {
                obj: ObjId(self.varint() as u32),
            },
            GC_RESURRECTED => Record::GcResurrected {
                obj: ObjId(self.varint() as u32),
            },
            GC_CLEAR => Record::GcClear {
                obj: ObjId(self.varint() as u32),
            },
            _ => Record::GcDone {
                generation: self.varint() as u32,
                collected: self.varint(),
                uncollectable: self.varint(),
            },
        })
    }
}

/// A decoded GC record body (the borrowed ones point into the decoder).
enum GcBody {
    Refs,
    Unreachable,
    Other(Record<'static>),
}
