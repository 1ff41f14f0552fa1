//! The compact byte encoding of trace records (see `docs/trace-format.md`).
//!
//! Each record is a tag byte followed by LEB128 varints. Object ids, holder
//! owners, frame ids, lines and instruction indexes are delta-encoded
//! (zigzag) against the previous value of the same kind, so the common case —
//! the same few objects touched again and again — costs one byte per operand.
//! [`Cursors`] is that delta state; a decoder started in the middle of a
//! trace needs the cursors saved at that point.

use super::model::*;
use crate::runtime::events::FrameId;

// Tags. INCREF/DECREF carry the holder kind in their low nibble.
const INCREF: u8 = 0x00;
const DECREF: u8 = 0x10;
const ALLOC: u8 = 0x20;
const FREE: u8 = 0x21;
const FINALIZE: u8 = 0x22;
const BIND: u8 = 0x23;
const BIND_LOCAL: u8 = 0x24;
const CELL_CREATED: u8 = 0x25;
const FRAME_PUSH: u8 = 0x26;
const FRAME_POP: u8 = 0x27;
const FRAME_RESUME: u8 = 0x28;
const LINE: u8 = 0x29;
const INSTRUCTION: u8 = 0x2a;
const EXC_RAISED: u8 = 0x2b;
const EXC_CAUGHT: u8 = 0x2c;
const STDOUT: u8 = 0x2d;
const STDERR: u8 = 0x2e;
const MUTATED: u8 = 0x2f;
const SET_COUNT: u8 = 0x30;
const REFS: u8 = 0x31;
const REFS_APPEND: u8 = 0x32;
const FRAME_INFO: u8 = 0x33;
const FRAME_LOCALS: u8 = 0x34;
const FRAME_STACK: u8 = 0x35;
const FRAME_FIELDS: u8 = 0x36;
const FRAME_OWNER: u8 = 0x37;
const ROOTS: u8 = 0x38;
const TEMP_ROOTS: u8 = 0x39;
const FRAME_GONE: u8 = 0x3a;
const REFS_PATCH: u8 = 0x3b;
/// Tags from here on are followed by their byte length, so that readers skip
/// record kinds added by later schema versions (GC phases, imports…).
pub const EXTENSION_FIRST: u8 = 0x40;
/// Extension: an import step. Its operands are absolute (extension records
/// never touch the delta cursors, so skipping one is safe).
const IMPORT: u8 = 0x40;

// Holder kinds (low nibble of INCREF/DECREF).
const H_STACK: u8 = 0;
const H_LOCAL: u8 = 1;
const H_FRAME_FIELD: u8 = 2;
const H_CELL: u8 = 3;
const H_NAME: u8 = 4;
const H_ITEM: u8 = 5;
const H_FIELD: u8 = 6;
const H_ROOT: u8 = 7;
const H_TEMP: u8 = 8;

// Shapes of a REFS record.
const SHAPE_SEQ: u8 = 0;
const SHAPE_DICT: u8 = 1;
const SHAPE_ANY: u8 = 2;

/// The delta-encoding state shared by the encoder and the decoder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursors {
    obj: u32,
    owner: u32,
    frame: u32,
    line: u32,
    index: u32,
}

#[inline]
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

#[inline]
fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Appends records to a byte buffer.
#[derive(Debug, Default)]
pub struct Encoder {
    pub buf: Vec<u8>,
    pub cursors: Cursors,
}

impl Encoder {
    #[inline]
    fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    #[inline]
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    #[inline]
    fn delta(&mut self, prev: u32, v: u32) {
        self.varint(zigzag(v as i64 - prev as i64));
    }

    #[inline]
    fn obj(&mut self, id: ObjId) {
        self.delta(self.cursors.obj, id.0);
        self.cursors.obj = id.0;
    }

    #[inline]
    fn opt_obj(&mut self, id: Option<ObjId>) {
        match id {
            None => self.byte(0),
            Some(id) => {
                let d = zigzag(id.0 as i64 - self.cursors.obj as i64);
                self.varint(d + 1);
                self.cursors.obj = id.0;
            }
        }
    }

    #[inline]
    fn owner(&mut self, id: ObjId) {
        self.delta(self.cursors.owner, id.0);
        self.cursors.owner = id.0;
    }

    #[inline]
    fn frame(&mut self, f: FrameId) {
        self.delta(self.cursors.frame, f);
        self.cursors.frame = f;
    }

    fn text(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// The holder kind (for the tag) and its operands.
    #[inline]
    fn holder_operands(&mut self, h: TraceHolder) {
        match h {
            TraceHolder::Stack(f) => self.frame(f),
            TraceHolder::Local(f, slot) => {
                self.frame(f);
                self.varint(slot as u64);
            }
            TraceHolder::FrameField(f, name) => {
                self.frame(f);
                self.varint(name.0 as u64);
            }
            TraceHolder::Cell(o) | TraceHolder::Item(o) => self.owner(o),
            TraceHolder::Name { ns, key } => {
                self.owner(ns);
                self.obj(key);
            }
            TraceHolder::Field(o, name) => {
                self.owner(o);
                self.varint(name.0 as u64);
            }
            TraceHolder::Root(name) => self.varint(name.0 as u64),
            TraceHolder::Temp => {}
        }
    }

    fn holder_kind(h: TraceHolder) -> u8 {
        match h {
            TraceHolder::Stack(_) => H_STACK,
            TraceHolder::Local(..) => H_LOCAL,
            TraceHolder::FrameField(..) => H_FRAME_FIELD,
            TraceHolder::Cell(_) => H_CELL,
            TraceHolder::Name { .. } => H_NAME,
            TraceHolder::Item(_) => H_ITEM,
            TraceHolder::Field(..) => H_FIELD,
            TraceHolder::Root(_) => H_ROOT,
            TraceHolder::Temp => H_TEMP,
        }
    }

    /// Writes one record.
    pub fn record(&mut self, r: &Record<'_>) {
        match *r {
            Record::Incref { obj, holder, count } | Record::Decref { obj, holder, count } => {
                let base = if matches!(r, Record::Incref { .. }) {
                    INCREF
                } else {
                    DECREF
                };
                self.byte(base | Self::holder_kind(holder));
                self.obj(obj);
                self.varint(count);
                self.holder_operands(holder);
            }
            Record::Alloc { obj } => {
                self.byte(ALLOC);
                self.obj(obj);
            }
            Record::Free { obj, cause } => {
                self.byte(FREE);
                self.obj(obj);
                self.byte(cause as u8);
            }
            Record::Finalize { obj } => {
                self.byte(FINALIZE);
                self.obj(obj);
            }
            Record::Bind { ns, name, old, new } => {
                self.byte(BIND);
                self.owner(ns);
                self.varint(name.0 as u64);
                self.opt_obj(old);
                self.opt_obj(new);
            }
            Record::BindLocal {
                frame,
                slot,
                name,
                old,
                new,
            } => {
                self.byte(BIND_LOCAL);
                self.frame(frame);
                self.varint(slot as u64);
                self.varint(name.0 as u64);
                self.opt_obj(old);
                self.opt_obj(new);
            }
            Record::CellCreated { cell, frame, name } => {
                self.byte(CELL_CREATED);
                self.obj(cell);
                self.frame(frame);
                self.varint(name.0 as u64);
            }
            Record::FramePush {
                frame,
                code_name,
                filename,
            } => {
                self.byte(FRAME_PUSH);
                self.frame(frame);
                self.varint(code_name.0 as u64);
                self.varint(filename.0 as u64);
            }
            Record::FramePop { frame, exit } => {
                self.byte(FRAME_POP);
                self.frame(frame);
                self.byte(exit as u8);
            }
            Record::FrameResume { frame } => {
                self.byte(FRAME_RESUME);
                self.frame(frame);
            }
            Record::FrameGone { frame } => {
                self.byte(FRAME_GONE);
                self.frame(frame);
            }
            Record::Import {
                phase,
                name,
                module,
                file,
            } => {
                let mut body = Encoder::default();
                body.byte(phase as u8);
                body.varint(name.0 as u64);
                body.varint(module.map_or(0, |m| m.0 as u64 + 1));
                body.varint(file.map_or(0, |f| f.0 as u64 + 1));
                self.byte(IMPORT);
                self.varint(body.buf.len() as u64);
                self.buf.extend_from_slice(&body.buf);
            }
            Record::RefsPatch { obj, changes } => {
                self.byte(REFS_PATCH);
                self.owner(obj);
                self.varint(changes.len() as u64);
                let mut prev = 0;
                for &(pos, target) in changes {
                    self.delta(prev, pos);
                    prev = pos;
                    self.obj(target);
                }
            }
            Record::Line { frame, line } => {
                self.byte(LINE);
                self.frame(frame);
                self.delta(self.cursors.line, line);
                self.cursors.line = line;
            }
            Record::Instruction {
                frame,
                index,
                opname,
            } => {
                self.byte(INSTRUCTION);
                self.frame(frame);
                self.delta(self.cursors.index, index);
                self.cursors.index = index;
                self.varint(opname.0 as u64);
            }
            Record::ExceptionRaised { exc, frame } | Record::ExceptionCaught { exc, frame } => {
                let tag = if matches!(r, Record::ExceptionRaised { .. }) {
                    EXC_RAISED
                } else {
                    EXC_CAUGHT
                };
                self.byte(tag);
                self.obj(exc);
                self.frame(frame);
            }
            Record::Stdout { text } => {
                self.byte(STDOUT);
                self.text(text);
            }
            Record::Stderr { text } => {
                self.byte(STDERR);
                self.text(text);
            }
            Record::Mutated { obj } => {
                self.byte(MUTATED);
                self.obj(obj);
            }
            Record::SetCount { obj, count } => {
                self.byte(SET_COUNT);
                self.obj(obj);
                self.varint(count);
            }
            Record::Refs { obj, refs } => {
                self.byte(REFS);
                self.owner(obj);
                self.refs(refs, 0);
            }
            Record::RefsAppend { obj, refs } => {
                self.byte(REFS_APPEND);
                self.owner(obj);
                let first = match refs.first() {
                    Some((_, TraceSlot::Index(i) | TraceSlot::Key(i))) => *i,
                    _ => 0,
                };
                self.refs(refs, first);
            }
            Record::FrameInfo {
                frame,
                code,
                globals,
            } => {
                self.byte(FRAME_INFO);
                self.frame(frame);
                self.varint(code.0 as u64);
                self.obj(globals);
            }
            Record::FrameLocals { frame, slots } => {
                self.byte(FRAME_LOCALS);
                self.frame(frame);
                self.varint(slots.len() as u64);
                for &s in slots {
                    self.opt_obj(s);
                }
            }
            Record::FrameStack { frame, items } => {
                self.byte(FRAME_STACK);
                self.frame(frame);
                self.varint(items.len() as u64);
                for &s in items {
                    self.opt_obj(s);
                }
            }
            Record::FrameFields { frame, fields } => {
                self.byte(FRAME_FIELDS);
                self.frame(frame);
                self.varint(fields.len() as u64);
                for &(name, o) in fields {
                    self.varint(name.0 as u64);
                    self.obj(o);
                }
            }
            Record::FrameOwner { frame, owner } => {
                self.byte(FRAME_OWNER);
                self.frame(frame);
                self.owner(owner);
            }
            Record::Roots { roots } | Record::TempRoots { roots } => {
                let tag = if matches!(r, Record::Roots { .. }) {
                    ROOTS
                } else {
                    TEMP_ROOTS
                };
                self.byte(tag);
                self.varint(roots.len() as u64);
                for &(o, why) in roots {
                    self.obj(o);
                    self.varint(why.0 as u64);
                }
            }
        }
    }

    /// Outgoing references: a shape byte, then targets (and slots when the
    /// shape does not imply them). `first` is the index a sequence starts at.
    fn refs(&mut self, refs: &[(ObjId, TraceSlot)], first: u32) {
        let seq = refs
            .iter()
            .enumerate()
            .all(|(i, (_, s))| *s == TraceSlot::Index(first + i as u32));
        let dict = !seq
            && refs.len().is_multiple_of(2)
            && refs.chunks(2).enumerate().all(|(i, p)| {
                let i = first + i as u32;
                p[0].1 == TraceSlot::Key(i) && p[1].1 == TraceSlot::Value(i)
            });
        if seq {
            self.byte(SHAPE_SEQ);
            self.varint(first as u64);
            self.varint(refs.len() as u64);
        } else if dict {
            self.byte(SHAPE_DICT);
            self.varint(first as u64);
            self.varint(refs.len() as u64 / 2);
        } else {
            self.byte(SHAPE_ANY);
            self.varint(refs.len() as u64);
        }
        for &(o, slot) in refs {
            self.obj(o);
            if !seq && !dict {
                self.slot(slot);
            }
        }
    }

    fn slot(&mut self, s: TraceSlot) {
        match s {
            TraceSlot::Index(i) => {
                self.byte(0);
                self.varint(i as u64);
            }
            TraceSlot::Key(i) => {
                self.byte(1);
                self.varint(i as u64);
            }
            TraceSlot::Value(i) => {
                self.byte(2);
                self.varint(i as u64);
            }
            TraceSlot::Field(name) => {
                self.byte(3);
                self.varint(name.0 as u64);
            }
            TraceSlot::Cell => self.byte(4),
            TraceSlot::Dict => self.byte(5),
            TraceSlot::Type => self.byte(6),
            TraceSlot::Local(i) => {
                self.byte(7);
                self.varint(i as u64);
            }
            TraceSlot::Stack => self.byte(8),
            TraceSlot::FrameField(name) => {
                self.byte(9);
                self.varint(name.0 as u64);
            }
        }
    }
}

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
