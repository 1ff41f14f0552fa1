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
/// Extensions (schema 2): the cycle collector's phases.
const GC_START: u8 = 0x41;
const GC_REFS: u8 = 0x42;
const GC_UNREACHABLE: u8 = 0x43;
const GC_FINALIZE: u8 = 0x44;
const GC_RESURRECTED: u8 = 0x45;
const GC_CLEAR: u8 = 0x46;
const GC_DONE: u8 = 0x47;

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
    /// The body of an extension record being written.
    scratch: Vec<u8>,
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
            } => self.extension(IMPORT, |body| {
                body.byte(phase as u8);
                body.varint(name.0 as u64);
                body.varint(module.map_or(0, |m| m.0 as u64 + 1));
                body.varint(file.map_or(0, |f| f.0 as u64 + 1));
            }),
            Record::GcStart { generation } => {
                self.extension(GC_START, |body| body.varint(generation as u64))
            }
            Record::GcRefs { entries } => self.extension(GC_REFS, |body| {
                // Ids as deltas within the record (extensions leave the
                // cursors alone).
                body.varint(entries.len() as u64);
                let mut prev = 0;
                for &(o, refs) in entries {
                    body.delta(prev, o.0);
                    prev = o.0;
                    body.varint(zigzag(refs));
                }
            }),
            Record::GcUnreachable { objs } => self.extension(GC_UNREACHABLE, |body| {
                body.varint(objs.len() as u64);
                let mut prev = 0;
                for &o in objs {
                    body.delta(prev, o.0);
                    prev = o.0;
                }
            }),
            Record::GcFinalize { obj } => {
                self.extension(GC_FINALIZE, |body| body.varint(obj.0 as u64))
            }
            Record::GcResurrected { obj } => {
                self.extension(GC_RESURRECTED, |body| body.varint(obj.0 as u64))
            }
            Record::GcClear { obj } => self.extension(GC_CLEAR, |body| body.varint(obj.0 as u64)),
            Record::GcDone {
                generation,
                collected,
                uncollectable,
            } => self.extension(GC_DONE, |body| {
                body.varint(generation as u64);
                body.varint(collected);
                body.varint(uncollectable);
            }),
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

    /// An extension record: its tag, its body's length, its body (written
    /// by `body` with absolute operands or deltas local to the record).
    fn extension(&mut self, tag: u8, body: impl FnOnce(&mut Encoder)) {
        let mut b = Encoder {
            buf: std::mem::take(&mut self.scratch),
            cursors: Cursors::default(),
            scratch: Vec::new(),
        };
        b.buf.clear();
        body(&mut b);
        self.byte(tag);
        self.varint(b.buf.len() as u64);
        self.buf.extend_from_slice(&b.buf);
        self.scratch = b.buf;
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

mod decode;
pub use decode::Decoder;
