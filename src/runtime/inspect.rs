//! Read-only inspection of the interpreter, for the trace recorder and tests.
//!
//! The VM reports changes as [`Event`](super::events::Event)s, but some
//! changes carry no event of their own (a reference moved from the stack into
//! a new list, a list sorted in place). So at every step boundary the VM calls
//! [`Vm::offer_inspection`](super::vm::Vm), and a sink that asked for it
//! reads what it needs through [`Inspector`]: the objects the events since the
//! last boundary touched, the running frames, the interpreter's roots. Nothing
//! here can change the interpreter.
//!
//! An object's outgoing references come with a [`Slot`] saying where in the
//! object each one sits (list index, dict entry, named field…), in the order a
//! picture should show them.

use super::events::Holder;
use super::heap::{Heap, ObjRef};
use super::object::{Payload, PyInt};
use super::vm::Vm;
use super::vm::frame::Frame;
use std::rc::Rc;

/// Where an outgoing reference sits inside the object that owns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// Item `i` of a list or tuple, member `i` of a set in table order.
    Index(u32),
    /// The key of dict entry `i` (insertion order).
    Key(u32),
    /// The value of dict entry `i`.
    Value(u32),
    /// A named field (`__code__`, `__self__`, `it_seq`…).
    Field(&'static str),
    /// The contents of a cell.
    Cell,
    /// The instance `__dict__`.
    Dict,
    /// `ob_type` (instances of heap types own a reference to their class).
    Type,
    /// Fast-local slot `i` of a frame the object owns (generator, frame object).
    Local(u32),
    /// The evaluation stack of a frame the object owns.
    Stack,
    /// Another field of a frame the object owns (`f_func`, `f_code`…).
    FrameField(&'static str),
}

/// Read-only access to the interpreter state at a step boundary.
pub trait Inspector {
    /// The object store.
    fn heap(&self) -> &Heap;
    /// The call stack, the running frame last.
    fn frames(&self) -> &[Frame];
    /// Every reference the interpreter itself owns, with a short reason
    /// (`builtin type`, `small int cache`, `exc_info`…).
    fn for_each_root(&self, f: &mut dyn FnMut(ObjRef, &'static str));
    /// References held for a while by native code and the exception state:
    /// these change without events, so a sink reads them at every boundary.
    fn for_each_temp_root(&self, _f: &mut dyn FnMut(ObjRef, &'static str)) {}
    /// The name of the object's type (`list`, `Node`).
    fn type_name(&self, obj: ObjRef) -> Rc<str>;
    /// A short display of the value of an atomic object (`42`, `'abc'`,
    /// `None`, `<function f>`), None for containers and plain instances.
    fn value_text(&self, obj: ObjRef) -> Option<String>;
    /// Every reference `obj` owns, with its slot, in display order. Their
    /// number is what `obj` contributes to the refcounts of its targets.
    fn refs(&self, obj: ObjRef, out: &mut Vec<(ObjRef, Slot)>);
    /// The frame a generator or frame object owns, if any (its references are
    /// also reported by [`Inspector::refs`] with `Local`/`Stack`/`FrameField` slots).
    fn owned_frame(&self, obj: ObjRef) -> Option<&Frame>;
    /// False when `obj` can never own a reference (an int, a str…): a
    /// quick test that lets a sink skip [`Inspector::refs`].
    fn owns_refs(&self, _obj: ObjRef) -> bool {
        true
    }
}

/// The references a frame owns, with the holder kind of each: `Local(i)`,
/// `Stack`, or `FrameField(name)`. Module frames own their locals dict
/// (the globals); function frames own their function; every frame owns its code.
pub fn frame_refs(frame: &Frame, out: &mut Vec<(ObjRef, Slot)>) {
    for (i, r) in frame.fast.iter().enumerate() {
        if let Some(r) = r {
            out.push((*r, Slot::Local(i as u32)));
        }
    }
    for r in frame.stack.iter().flatten() {
        out.push((*r, Slot::Stack));
    }
    if let Some(r) = frame.frame_obj {
        out.push((r, Slot::FrameField("frame_obj")));
    }
    if let Some(r) = frame.locals {
        out.push((r, Slot::FrameField("f_locals")));
    }
    if let Some(r) = frame.func {
        out.push((r, Slot::FrameField("f_func")));
    }
    out.push((frame.code_obj, Slot::FrameField("f_code")));
}

/// A short display of an atomic value (int, float, bool, str, bytes), as
/// Python's `repr` shows it, strings cut to 40 characters; None otherwise.
pub fn atomic_value(payload: &Payload) -> Option<String> {
    Some(match payload {
        Payload::Int(PyInt::Small(v)) => v.to_string(),
        Payload::Int(PyInt::Big(b)) => {
            let s = b.to_string();
            if s.len() > 40 {
                format!("{}…{}", &s[..18], &s[s.len() - 18..])
            } else {
                s
            }
        }
        Payload::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Payload::Float(f) => float_text(*f),
        Payload::Str(s) => str_repr(&s.text, 40),
        Payload::Bytes(b) => {
            let mut out = String::from("b'");
            for &c in b.iter().take(40) {
                match c {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    0x20..=0x7e => out.push(c as char),
                    _ => out.push_str(&format!("\\x{c:02x}")),
                }
            }
            if b.len() > 40 {
                out.push('…');
            }
            out.push('\'');
            out
        }
        _ => return None,
    })
}

/// `repr(f)` for the common cases (CPython switches to exponent notation
/// below 1e-4 and from 1e16).
pub fn float_text(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let a = f.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let s = format!("{f:e}");
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mant}e{sign}{:02}", exp.abs());
    }
    let s = format!("{f:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

/// `repr(s)` cut to `max` characters (an ellipsis marks the cut).
pub fn str_repr(s: &str, max: usize) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The references of the container payloads (list, tuple, dict, set, cell)
/// with their slots; false for other payloads.
pub fn container_refs(payload: &Payload, out: &mut Vec<(ObjRef, Slot)>) -> bool {
    match payload {
        Payload::List(items) => {
            out.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, &r)| (r, Slot::Index(i as u32))),
            );
        }
        Payload::Tuple(items) => {
            out.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, &r)| (r, Slot::Index(i as u32))),
            );
        }
        Payload::Dict(d) => {
            for (i, &(k, v)) in d.map.values().enumerate() {
                out.push((k, Slot::Key(i as u32)));
                out.push((v, Slot::Value(i as u32)));
            }
        }
        Payload::Set(s) => {
            out.extend(
                s.table
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r, Slot::Index(i as u32))),
            );
        }
        Payload::Cell(c) => out.extend(c.iter().map(|&r| (r, Slot::Cell))),
        _ => return false,
    }
    true
}

/// Converts a holder reported by `for_each_ref` into the slot it names.
fn holder_slot(h: Holder) -> Slot {
    match h {
        Holder::Local(_, i) => Slot::Local(i),
        Holder::Stack(_) => Slot::Stack,
        Holder::FrameField(_, name) => Slot::FrameField(name),
        Holder::Cell(_) => Slot::Cell,
        Holder::Field(_, name) => Slot::Field(name),
        Holder::Name { .. } | Holder::Item(_) => Slot::Field("item"),
        Holder::Root(name) => Slot::Field(name),
        Holder::Temp => Slot::Field("temp"),
    }
}

impl Inspector for Vm {
    fn heap(&self) -> &Heap {
        &self.heap
    }

    fn frames(&self) -> &[Frame] {
        &self.frames
    }

    fn for_each_root(&self, f: &mut dyn FnMut(ObjRef, &'static str)) {
        crate::runtime::types::for_each_root(self, &mut |r, h| {
            if let Holder::Root(why) = h {
                f(r, why)
            }
        });
    }

    fn for_each_temp_root(&self, f: &mut dyn FnMut(ObjRef, &'static str)) {
        let mut root = |r: ObjRef, h: Holder| {
            let why = match h {
                Holder::Root(why) => why,
                _ => "native temporary",
            };
            f(r, why)
        };
        for &o in &self.types.native_temps {
            root(o, Holder::Temp);
        }
        if let Some(e) = self.handled_exception {
            root(e, Holder::Root("exc_info"));
        }
        for e in self.exc_info_stack.iter().flatten() {
            root(*e, Holder::Root("exc_info"));
        }
        if let Some(frame) = &self.yielded_frame {
            frame.for_each_ref(|r, _| root(r, Holder::Root("yielded frame")));
        }
    }

    fn type_name(&self, obj: ObjRef) -> Rc<str> {
        let ty = self.heap.objects.get(obj).map(|o| o.ty).unwrap_or_default();
        match self.heap.objects.get(ty).map(|t| &t.payload) {
            Some(Payload::Type(t)) => t.name.clone(),
            _ if matches!(
                self.heap.objects.get(obj).map(|o| &o.payload),
                Some(Payload::Type(_))
            ) =>
            {
                "type".into()
            }
            _ => "?".into(),
        }
    }

    fn value_text(&self, obj: ObjRef) -> Option<String> {
        let t = &self.types;
        if obj == t.none {
            return Some("None".into());
        }
        if obj == t.ellipsis {
            return Some("Ellipsis".into());
        }
        if obj == t.not_implemented {
            return Some("NotImplemented".into());
        }
        let o = self.heap.objects.get(obj)?;
        let name_of = |r: ObjRef| match self.heap.objects.get(r).map(|o| &o.payload) {
            Some(Payload::Str(s)) => s.text.to_string(),
            _ => "?".into(),
        };
        match &o.payload {
            Payload::Float(f) => Some(crate::semantics::float_fmt::float_repr(*f)),
            Payload::Type(t) => Some(t.qualname.to_string()),
            Payload::Function(fd) => Some(name_of(fd.qualname)),
            Payload::Code(c) => Some(c.code.name.to_string()),
            Payload::Module { name } => Some(name_of(*name)),
            Payload::Builtin { def, .. } | Payload::MethodDescr { def, .. } => {
                Some(def.name.to_string())
            }
            other => atomic_value(other),
        }
    }

    fn refs(&self, obj: ObjRef, out: &mut Vec<(ObjRef, Slot)>) {
        let Some(o) = self.heap.objects.get(obj) else {
            return;
        };
        if let Some(d) = o.dict {
            out.push((d, Slot::Dict));
        }
        if !container_refs(&o.payload, out) {
            o.payload
                .for_each_ref(obj, |r, h| out.push((r, holder_slot(h))));
        }
        if self.is_heap_type(o.ty) {
            out.push((o.ty, Slot::Type));
        }
    }

    fn owns_refs(&self, obj: ObjRef) -> bool {
        let Some(o) = self.heap.objects.get(obj) else {
            return false;
        };
        let atomic = matches!(
            o.payload,
            Payload::Int(_)
                | Payload::Float(_)
                | Payload::Str(_)
                | Payload::Bool(_)
                | Payload::Bytes(_)
        );
        !atomic || o.dict.is_some() || self.is_heap_type(o.ty)
    }

    fn owned_frame(&self, obj: ObjRef) -> Option<&Frame> {
        match &self.heap.objects.get(obj)?.payload {
            Payload::Generator(g) => g.frame.as_ref(),
            Payload::Frame(f) => f.owned.as_ref(),
            _ => None,
        }
    }
}

impl Vm {
    /// Reports that `obj`'s contents changed without refcount traffic
    /// (sorted, reversed, an item inserted before the end): [`Event::Mutated`].
    pub fn report_mutated(&mut self, obj: ObjRef) {
        if let Some(sink) = self.sink.as_mut() {
            sink.event(&super::events::Event::Mutated { obj });
        }
    }

    /// A step boundary: lets the sink read the interpreter through
    /// [`Inspector`] when it asked to. Called by the eval loop after the
    /// `Line` event (`new_line`) and the `Instruction` event of each instruction.
    pub fn offer_inspection(&mut self, new_line: bool) {
        let Some(sink) = self.sink.as_ref() else {
            return;
        };
        if !(new_line || sink.wants_instructions()) || !sink.wants_inspection() {
            return;
        }
        if let Some(mut sink) = self.sink.take() {
            sink.inspect(self);
            self.sink = Some(sink);
        }
    }
}
