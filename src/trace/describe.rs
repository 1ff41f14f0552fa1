//! Words for things: what to call a holder, a frame, a namespace — shared by
//! the narration, `explain` and the state text.
//!
//! [`Namer`] follows the story records as they stream by and remembers what
//! it needs to name things: which dict is which module's globals or which
//! object's `__dict__`, what each frame runs, the text of name keys.

use super::model::*;
use super::state::{HolderRef, SlotKey, State};
use super::store::Trace;
use crate::runtime::events::FrameId;
use std::collections::HashMap;

/// What a frame runs.
#[derive(Debug, Clone, Default)]
pub struct FrameName {
    pub code_name: Sym,
    pub filename: Sym,
    pub code: Option<CodeId>,
}

/// Remembers names while records stream by.
#[derive(Debug, Default, Clone)]
pub struct Namer {
    pub frames: HashMap<FrameId, FrameName>,
    /// Dict → the object whose `__dict__` it is.
    pub dict_owner: HashMap<ObjId, ObjId>,
    /// Dicts that are some frame's globals.
    pub globals: HashMap<ObjId, FrameId>,
    /// (namespace, key) → name text, from `Bind` records.
    pub names: HashMap<(ObjId, ObjId), Sym>,
    /// Names bound by `Bind` in each namespace, waiting for their key's incref.
    pending_names: Vec<(ObjId, Sym)>,
    /// The symbol of `__dict__` in this trace.
    dict_sym: Option<Sym>,
}

impl Namer {
    /// Learns from one record.
    pub fn observe(&mut self, r: &Record<'_>) {
        match *r {
            Record::FramePush {
                frame,
                code_name,
                filename,
            } => {
                self.frames.insert(
                    frame,
                    FrameName {
                        code_name,
                        filename,
                        code: None,
                    },
                );
            }
            Record::FrameInfo {
                frame,
                code,
                globals,
            } => {
                self.frames.entry(frame).or_default().code = Some(code);
                self.globals.entry(globals).or_insert(frame);
            }
            Record::Incref {
                obj,
                holder: TraceHolder::Field(owner, field),
                ..
            } if owner.0 != u32::MAX && Some(field) == self.dict_sym => {
                // Instance dicts made lazily are named before any Refs record.
                self.dict_owner.insert(obj, owner);
            }
            Record::Refs { obj, refs } | Record::RefsAppend { obj, refs } => {
                for &(t, s) in refs {
                    if s == TraceSlot::Dict {
                        self.dict_owner.insert(t, obj);
                    }
                }
            }
            Record::Bind { ns, name, .. } => self.pending_names.push((ns, name)),
            Record::Incref {
                holder: TraceHolder::Name { ns, key },
                ..
            }
            | Record::Decref {
                holder: TraceHolder::Name { ns, key },
                ..
            } => {
                if let Some(i) = self.pending_names.iter().rposition(|(n, _)| *n == ns) {
                    let (_, name) = self.pending_names.remove(i);
                    self.names.insert((ns, key), name);
                }
            }
            Record::Line { .. } | Record::Instruction { .. } => self.pending_names.clear(),
            _ => {}
        }
    }

    pub fn new(trace: &Trace) -> Self {
        Namer {
            dict_sym: trace.syms.lookup("__dict__"),
            ..Namer::default()
        }
    }

    /// A namer that has seen the whole trace (names do not change meaning
    /// over time: a frame runs one code, a dict belongs to one object).
    pub fn scan(trace: &Trace) -> Self {
        let mut namer = Namer::new(trace);
        let mut dec = trace.decoder();
        while let Some(r) = dec.next() {
            namer.observe(&r);
        }
        namer
    }

    /// `f()` for a function frame, `<module>` for a module body.
    pub fn frame_label(&self, trace: &Trace, frame: FrameId) -> String {
        match self.frames.get(&frame) {
            Some(f) => {
                let name = trace.sym(f.code_name);
                if name.starts_with('<') {
                    name.to_string()
                } else {
                    format!("{name}()")
                }
            }
            None => format!("frame {frame}"),
        }
    }

    /// The name of fast-local `slot` of `frame`.
    pub fn local_name(&self, trace: &Trace, frame: FrameId, slot: u32) -> String {
        self.frames
            .get(&frame)
            .and_then(|f| f.code)
            .and_then(|c| trace.codes.get(c.0 as usize))
            .and_then(|c| c.slot_names.get(slot as usize))
            .map_or_else(|| format!("#{slot}"), |s| trace.sym(*s).to_string())
    }

    /// The text of a name key in a namespace.
    pub fn key_text(&self, trace: &Trace, ns: ObjId, key: ObjId) -> String {
        if let Some(s) = self.names.get(&(ns, key)) {
            return trace.sym(*s).to_string();
        }
        str_text(trace, key)
    }

    /// What a namespace dict is: `global` (module globals), `attribute … of
    /// Node#1`, `class attribute … of Foo`, or a plain dict key.
    pub fn name_phrase(&self, trace: &Trace, ns: ObjId, key: ObjId) -> String {
        let name = self.key_text(trace, ns, key);
        if self.globals.contains_key(&ns) {
            return format!("name `{name}`");
        }
        match self.dict_owner.get(&ns) {
            Some(&owner) if trace.type_name(owner) == "type" => {
                format!("class attribute `{name}` of {}", trace.label(owner))
            }
            Some(&owner) => format!("attribute `{name}` of {}", trace.label(owner)),
            None => format!("key `{name}` of {}", trace.label(ns)),
        }
    }

    /// A holder in words: `name \`a\``, `local \`x\` of f()`, `item of list#2`…
    pub fn holder_phrase(&self, trace: &Trace, h: TraceHolder, current: Option<FrameId>) -> String {
        match h {
            TraceHolder::Stack(_) => "the evaluation stack".into(),
            TraceHolder::Temp => "a temporary".into(),
            TraceHolder::Local(f, slot) => {
                let name = self.local_name(trace, f, slot);
                if Some(f) == current {
                    format!("local `{name}`")
                } else {
                    format!("local `{name}` of {}", self.frame_label(trace, f))
                }
            }
            TraceHolder::FrameField(f, field) => {
                format!(
                    "{} of the frame of {}",
                    trace.sym(field),
                    self.frame_label(trace, f)
                )
            }
            TraceHolder::Cell(c) => format!("{} (cell)", trace.label(c)),
            TraceHolder::Name { ns, key } => self.name_phrase(trace, ns, key),
            TraceHolder::Item(c) => format!("item of {}", trace.label(c)),
            TraceHolder::Field(o, field) if o.0 == u32::MAX => {
                format!("field `{}`", trace.sym(field))
            }
            TraceHolder::Field(o, field) => {
                format!("`{}` of {}", trace.sym(field), trace.label(o))
            }
            TraceHolder::Root(why) => format!("the interpreter ({})", trace.sym(why)),
        }
    }
}

/// The text of a str object from its recorded value (quotes removed).
pub fn str_text(trace: &Trace, key: ObjId) -> String {
    match trace.meta(key).and_then(|m| m.value.as_deref()) {
        Some(v) if v.len() >= 2 && (v.starts_with('\'') || v.starts_with('"')) => {
            v[1..v.len() - 1].to_string()
        }
        Some(v) => v.to_string(),
        None => trace.label(key),
    }
}

/// Describes one reference found in a state (for `explain` and the state text).
pub fn holder_ref_phrase(trace: &Trace, state: &State, h: HolderRef) -> String {
    let frame_label = |f: FrameId| -> String {
        match state.frames.get(&f) {
            Some(fs) => {
                let name = trace.sym(fs.code_name);
                if name.starts_with('<') || name == "?" {
                    let code = fs.code.and_then(|c| trace.codes.get(c.0 as usize));
                    code.map_or(name.to_string(), |c| {
                        let n = trace.sym(c.name);
                        if n.starts_with('<') {
                            n.to_string()
                        } else {
                            format!("{n}()")
                        }
                    })
                } else {
                    format!("{name}()")
                }
            }
            None => format!("frame {f}"),
        }
    };
    let slot_name = |f: FrameId, slot: u32| -> String {
        state
            .slot_name(&trace.codes, f, slot)
            .map_or_else(|| format!("#{slot}"), |s| trace.sym(s).to_string())
    };
    match h {
        HolderRef::Local(f, slot) => {
            format!("local `{}` of {}", slot_name(f, slot), frame_label(f))
        }
        HolderRef::Stack(f) => format!("the evaluation stack of {}", frame_label(f)),
        HolderRef::FrameField(f, field) => {
            format!("{} of the frame of {}", trace.sym(field), frame_label(f))
        }
        HolderRef::Root(why) => format!("the interpreter ({})", trace.sym(why)),
        HolderRef::Object(owner, slot) => object_slot_phrase(trace, state, owner, slot),
    }
}

/// A slot of an object in words: `item 0 of list#1`, `name \`x\` (globals of <module>)`.
pub fn object_slot_phrase(trace: &Trace, state: &State, owner: ObjId, slot: SlotKey) -> String {
    let label = trace.label(owner);
    match slot {
        SlotKey::Index(i) => format!("item {i} of {label}"),
        SlotKey::Key(i) => {
            let value = entry(state, owner, i, false);
            format!(
                "key of entry {i} of {label}{}",
                value
                    .map(|v| format!(" (→ {})", trace.label(v)))
                    .unwrap_or_default()
            )
        }
        SlotKey::Value(i) => match entry(state, owner, i, true) {
            Some(k) if trace.type_name(k) == "str" => {
                let name = str_text(trace, k);
                match namespace_owner(trace, state, owner) {
                    Namespace::Globals(frame) => format!("global `{name}` ({frame})"),
                    Namespace::Of(o) if trace.type_name(o) == "type" => {
                        format!("class attribute `{name}` of {}", trace.label(o))
                    }
                    Namespace::Of(o) => format!("attribute `{name}` of {}", trace.label(o)),
                    Namespace::Plain => format!("value of key '{name}' in {label}"),
                }
            }
            Some(k) => format!("value of key {} in {label}", trace.label(k)),
            None => format!("value {i} of {label}"),
        },
        SlotKey::Field(f) => format!("`{}` of {label}", trace.sym(f)),
        SlotKey::Cell => format!("{label} (cell contents)"),
        SlotKey::Dict => format!("`__dict__` of {label}"),
        SlotKey::Type => format!("`__class__` of {label} (instances hold their class)"),
        SlotKey::Local(i) => {
            let frame = state
                .frames
                .iter()
                .find(|(_, f)| f.owner == Some(owner))
                .map(|(id, _)| *id);
            let name = frame
                .and_then(|f| state.slot_name(&trace.codes, f, i))
                .map_or_else(|| format!("#{i}"), |s| trace.sym(s).to_string());
            format!("local `{name}` of the suspended frame in {label}")
        }
        SlotKey::Stack => format!("the stack of the suspended frame in {label}"),
        SlotKey::FrameField(f) => format!("{} of the frame in {label}", trace.sym(f)),
    }
}

/// The key (`want_key`) or value of dict entry `i`.
fn entry(state: &State, dict: ObjId, i: u32, want_key: bool) -> Option<ObjId> {
    let o = state.object(dict)?;
    let slot = if want_key {
        TraceSlot::Key(i)
    } else {
        TraceSlot::Value(i)
    };
    o.refs.iter().find(|(_, s)| *s == slot).map(|(t, _)| *t)
}

/// What a dict is, for naming its entries.
pub enum Namespace {
    /// The globals of a module (named by its frame).
    Globals(String),
    /// Some object's `__dict__`.
    Of(ObjId),
    Plain,
}

/// Whether `dict` is a module's globals or an object's `__dict__` in `state`.
pub fn namespace_owner(trace: &Trace, state: &State, dict: ObjId) -> Namespace {
    for f in state.frames.values() {
        if f.globals == Some(dict) {
            let code = f.code.and_then(|c| trace.codes.get(c.0 as usize));
            let file = code.map_or("?", |c| trace.sym(c.filename));
            return Namespace::Globals(format!("module {file}"));
        }
    }
    for (id, o) in state.live() {
        if o.refs
            .iter()
            .any(|&(t, s)| t == dict && s == TraceSlot::Dict)
        {
            return Namespace::Of(id);
        }
    }
    Namespace::Plain
}
