//! What a picture of one step shows, independent of how it is drawn: the
//! frames with their variables on one side, the objects they reach on the
//! other, each object with its refcount and its slots. The text view, the
//! SVG and the DOT pictures all draw a [`Scene`].
//!
//! As in Python Tutor, small shared values (None, small ints, interned
//! strings) are written inside the slot that refers to them rather than
//! drawn as boxes; every other object reachable from a frame gets a box, a
//! refcount badge and one arrow per reference.

use super::describe::str_text;
use super::model::*;
use super::state::{FrameStatus, State};
use super::store::Trace;
use crate::runtime::events::FrameId;
use std::collections::HashMap;

/// A slot's content: a value written in place, or an arrow to an object box.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Inline(String),
    Ref(ObjId),
}

/// One frame with its variables.
#[derive(Debug, Clone)]
pub struct SceneFrame {
    pub id: FrameId,
    pub title: String,
    pub line: u32,
    /// The frame running at this step.
    pub current: bool,
    pub vars: Vec<(String, Value)>,
}

/// How an object is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjKind {
    List,
    Tuple,
    Set,
    Dict,
    Instance,
    Class,
    Function,
    Cell,
    Generator,
    Other,
}

/// One object box.
#[derive(Debug, Clone)]
pub struct SceneObject {
    pub id: ObjId,
    pub label: String,
    pub type_name: String,
    pub kind: ObjKind,
    pub refcount: u64,
    /// The value of an atomic object, or the name of a function or class.
    pub value: Option<String>,
    pub rows: Vec<(String, Value)>,
    /// Distance from the frames (1: referenced by a variable).
    pub depth: u32,
    /// Freed during this step (before the next one).
    pub dying: bool,
    /// How, when `dying`.
    pub fate: Option<FreeCause>,
}

/// A step, ready to draw.
#[derive(Debug, Clone)]
pub struct Scene {
    pub step: u64,
    pub line: u32,
    pub source: Option<String>,
    pub frames: Vec<SceneFrame>,
    pub objects: Vec<SceneObject>,
}

/// The most boxes a scene draws.
pub const MAX_OBJECTS: usize = 300;

const ATOMIC: &[&str] = &[
    "int", "float", "str", "bool", "NoneType", "bytes", "complex",
];

/// Builds the scene of `state` (all objects reachable from the running
/// frames; `all` adds every other live object the program created).
pub fn build_scene(trace: &Trace, state: &State, quiet: &[bool], all: bool) -> Scene {
    let mut b = Builder {
        trace,
        state,
        quiet,
        index: HashMap::new(),
        objects: Vec::new(),
        queue: Vec::new(),
    };
    let mut frames = Vec::new();
    for (id, f) in state.running() {
        let vars = b.frame_vars(id);
        frames.push(SceneFrame {
            id,
            title: frame_title(trace, state, id),
            line: f.line,
            current: state.frame == Some(id),
            vars,
        });
    }
    if all {
        for (id, _) in state.live() {
            if !b.is_quiet(id) {
                b.reach(id, 1);
            }
        }
    }
    while let Some((id, depth)) = b.queue.pop() {
        b.describe(id, depth);
    }
    let mut objects = b.objects;
    objects.sort_by_key(|o| (o.depth, o.id));
    Scene {
        step: state.step,
        line: state.line,
        source: trace.source_line(state.line).map(str::to_string),
        frames,
        objects,
    }
}

/// `<module>` or `f()` for a frame of `state`.
pub fn frame_title(trace: &Trace, state: &State, id: FrameId) -> String {
    let Some(f) = state.frames.get(&id) else {
        return format!("frame {id}");
    };
    let name = match f.code.and_then(|c| trace.codes.get(c.0 as usize)) {
        Some(c) => trace.sym(c.name),
        None => trace.sym(f.code_name),
    };
    if name.starts_with('<') {
        name.to_string()
    } else {
        format!("{name}()")
    }
}

struct Builder<'a> {
    trace: &'a Trace,
    state: &'a State,
    quiet: &'a [bool],
    index: HashMap<ObjId, usize>,
    objects: Vec<SceneObject>,
    queue: Vec<(ObjId, u32)>,
}

impl Builder<'_> {
    fn is_quiet(&self, id: ObjId) -> bool {
        self.quiet.get(id.0 as usize).copied().unwrap_or(true)
    }

    /// What a slot referring to `id` shows; queues `id` for a box.
    fn value(&mut self, id: ObjId, depth: u32) -> Value {
        let trace = self.trace;
        let ty = trace.type_name(id);
        let meta = trace.meta(id);
        if ATOMIC.contains(&ty) && (self.is_quiet(id) || ty == "NoneType" || ty == "bool") {
            return Value::Inline(
                meta.and_then(|m| m.value.as_deref())
                    .unwrap_or("?")
                    .to_string(),
            );
        }
        if self.is_quiet(id) {
            let v = meta.and_then(|m| m.value.as_deref()).unwrap_or("");
            return Value::Inline(match ty {
                "type" => format!("class {v}"),
                "builtin_function_or_method" => format!("builtin {v}"),
                "module" => format!("module {v}"),
                _ => trace.label(id),
            });
        }
        self.reach(id, depth);
        Value::Ref(id)
    }

    fn reach(&mut self, id: ObjId, depth: u32) {
        if self.index.contains_key(&id) || self.objects.len() + self.queue.len() >= MAX_OBJECTS {
            return;
        }
        self.index.insert(id, usize::MAX);
        self.queue.insert(0, (id, depth));
    }

    /// A frame's variables: a module's globals (without the dunder names)
    /// or a function's fast locals (cells shown as cells).
    fn frame_vars(&mut self, id: FrameId) -> Vec<(String, Value)> {
        let state = self.state;
        let trace = self.trace;
        let Some(f) = state.frames.get(&id) else {
            return Vec::new();
        };
        let code = f.code.and_then(|c| trace.codes.get(c.0 as usize));
        let is_module = code.is_some_and(|c| trace.sym(c.name) == "<module>");
        let mut vars = Vec::new();
        if is_module {
            if let Some(g) = f.globals {
                for (k, v) in self.dict_entries(g) {
                    let name = str_text(trace, k);
                    if name.starts_with("__") && name.ends_with("__") {
                        continue;
                    }
                    let value = self.value(v, 1);
                    vars.push((name, value));
                }
            }
        } else {
            for (i, slot) in f.locals.iter().enumerate() {
                let Some(v) = slot else { continue };
                let name = code
                    .and_then(|c| c.slot_names.get(i))
                    .map_or_else(|| format!("#{i}"), |s| trace.sym(*s).to_string());
                let value = self.value(*v, 1);
                vars.push((name, value));
            }
        }
        vars
    }

    /// The (key, value) entries of a dict, in order.
    fn dict_entries(&self, d: ObjId) -> Vec<(ObjId, ObjId)> {
        let Some(o) = self.state.object(d) else {
            return Vec::new();
        };
        let mut keys: HashMap<u32, ObjId> = HashMap::new();
        let mut out = Vec::new();
        for &(t, s) in &o.refs {
            match s {
                TraceSlot::Key(i) => {
                    keys.insert(i, t);
                }
                TraceSlot::Value(i) => {
                    if let Some(&k) = keys.get(&i) {
                        out.push((k, t));
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn key_text(&mut self, k: ObjId) -> String {
        let trace = self.trace;
        if trace.type_name(k) == "str" {
            return trace
                .meta(k)
                .and_then(|m| m.value.as_deref())
                .unwrap_or("?")
                .to_string();
        }
        match self.value(k, u32::MAX) {
            Value::Inline(s) => s,
            Value::Ref(id) => trace.label(id),
        }
    }

    fn describe(&mut self, id: ObjId, depth: u32) {
        let trace = self.trace;
        let state = self.state;
        let Some(o) = state.object(id) else { return };
        let ty = trace.type_name(id).to_string();
        let meta = trace.meta(id);
        let next = depth.saturating_add(1);
        let mut rows = Vec::new();
        let has_dict = o
            .refs
            .iter()
            .find(|(_, s)| *s == TraceSlot::Dict)
            .map(|(t, _)| *t);
        let kind = match ty.as_str() {
            "list" => ObjKind::List,
            "tuple" => ObjKind::Tuple,
            "set" | "frozenset" => ObjKind::Set,
            "dict" => ObjKind::Dict,
            "cell" => ObjKind::Cell,
            "function" => ObjKind::Function,
            "type" => ObjKind::Class,
            "generator" | "coroutine" => ObjKind::Generator,
            _ if has_dict.is_some() => ObjKind::Instance,
            _ => ObjKind::Other,
        };
        match kind {
            ObjKind::List | ObjKind::Tuple | ObjKind::Set => {
                for &(t, s) in &o.refs {
                    if let TraceSlot::Index(i) = s {
                        let v = self.value(t, next);
                        rows.push((i.to_string(), v));
                    }
                }
            }
            ObjKind::Dict => {
                for (k, v) in self.dict_entries(id) {
                    let key = self.key_text(k);
                    let value = self.value(v, next);
                    rows.push((key, value));
                }
            }
            ObjKind::Cell => {
                for &(t, s) in &o.refs {
                    if s == TraceSlot::Cell {
                        let v = self.value(t, next);
                        rows.push((String::new(), v));
                    }
                }
            }
            ObjKind::Instance | ObjKind::Class => {
                let dict = if kind == ObjKind::Class {
                    let dict_sym = trace.syms.lookup("__dict__");
                    o.refs
                        .iter()
                        .find(|(_, s)| matches!(s, TraceSlot::Field(n) if Some(*n) == dict_sym))
                        .map(|(t, _)| *t)
                } else {
                    has_dict
                };
                if let Some(d) = dict {
                    for (k, v) in self.dict_entries(d) {
                        let name = str_text(trace, k);
                        if kind == ObjKind::Class && name.starts_with("__") && name.ends_with("__")
                        {
                            continue;
                        }
                        let value = self.value(v, next);
                        rows.push((name, value));
                    }
                }
            }
            ObjKind::Function => {
                let closure = trace.syms.lookup("__closure__");
                let cells = o
                    .refs
                    .iter()
                    .find(|(_, s)| matches!(s, TraceSlot::Field(n) if Some(*n) == closure))
                    .and_then(|(t, _)| state.object(*t))
                    .map(|t| t.refs.iter().map(|(c, _)| *c).collect::<Vec<_>>())
                    .unwrap_or_default();
                for (i, c) in cells.into_iter().enumerate() {
                    let v = self.value(c, next);
                    rows.push((format!("closure {i}"), v));
                }
            }
            ObjKind::Generator => {
                let frame = state
                    .frames
                    .iter()
                    .find(|(_, f)| f.owner == Some(id) && f.status == FrameStatus::Owned);
                if let Some((fid, _)) = frame {
                    for &(t, s) in &o.refs {
                        if let TraceSlot::Local(i) = s {
                            let name = state
                                .slot_name(&trace.codes, *fid, i)
                                .map_or_else(|| format!("#{i}"), |n| trace.sym(n).to_string());
                            let v = self.value(t, next);
                            rows.push((name, v));
                        }
                    }
                }
            }
            ObjKind::Other => {}
        }
        let fate = meta
            .and_then(|m| m.died)
            .filter(|(s, _, _)| *s == state.step)
            .map(|(_, _, cause)| cause);
        let dying = fate.is_some();
        self.index.insert(id, self.objects.len());
        self.objects.push(SceneObject {
            id,
            label: trace.label(id),
            type_name: ty,
            kind,
            refcount: o.refcount,
            value: meta.and_then(|m| m.value.as_deref()).map(str::to_string),
            rows,
            depth,
            dying,
            fate,
        });
    }
}
