//! The trace in Python Tutor's JSON format (`{"code": …, "trace": [ … ]}`,
//! the output of its `generate_json_trace.py`), so its front end can draw a
//! pysim run. One entry per line step (`step_line`, or `call` for the first
//! step of a new frame), plus `return` and `exception` entries where frames
//! return or exceptions are raised during a step.
//!
//! As in Python Tutor's encoder: None, ints, floats, strings and bools are
//! written inline; other objects go in `heap` by id, as `["LIST", …]`,
//! `["TUPLE", …]`, `["SET", …]`, `["DICT", [k, v], …]`,
//! `["INSTANCE", class, [attr, v], …]`, `["CLASS", name, [supers], …]`,
//! `["FUNCTION", name, null]`, `["module", name]` or `[type, text]`,
//! referred to as `["REF", id]`. Cells are shown by their contents.
//!
//! A `return` entry shows the returning frame with its return value as the
//! local `__return__`, as Python Tutor does. The value is the last object the
//! frame pushed on its stack (an incref by its stack, an object born while it
//! ran, or what a frame it called returned). Python Tutor's own tracer stops
//! at 1000 steps; this export has no limit unless [`PytutorOptions::max_steps`]
//! sets one.

use crate::runtime::events::FrameId;
use crate::trace::describe::str_text;
use crate::trace::json::Json;
use crate::trace::model::*;
use crate::trace::narrate::quiet_objects;
use crate::trace::state::State;
use crate::trace::store::Trace;
use std::collections::HashMap;

/// Options of the export.
#[derive(Debug, Clone, Copy, Default)]
pub struct PytutorOptions {
    /// Stop after this many entries (Python Tutor's tracer stops at 1000);
    /// None: every step.
    pub max_steps: Option<usize>,
}

struct Encoder<'a> {
    trace: &'a Trace,
    state: &'a State,
    heap: Vec<(String, Json)>,
    seen: HashMap<ObjId, ()>,
    quiet: &'a [bool],
}

impl Encoder<'_> {
    fn value(&mut self, id: ObjId) -> Json {
        let t = self.trace;
        let ty = t.type_name(id);
        let text = t.meta(id).and_then(|m| m.value.as_deref());
        match (ty, text) {
            ("NoneType", _) => return Json::Null,
            ("bool", Some(v)) => return Json::Bool(v == "True"),
            ("int", Some(v)) => {
                if let Ok(i) = v.parse::<i64>() {
                    return Json::Int(i);
                }
            }
            ("float", Some(v)) => {
                if let Ok(f) = v.parse::<f64>() {
                    return Json::Float(f);
                }
            }
            ("str", Some(_)) => return Json::str(str_text(t, id)),
            _ => {}
        }
        if ty == "cell" {
            let inner = self
                .state
                .object(id)
                .and_then(|o| o.refs.first().map(|(r, _)| *r));
            return match inner {
                Some(r) => self.value(r),
                None => Json::Null,
            };
        }
        let key = (id.0 + 1).to_string();
        if self.seen.insert(id, ()).is_none() {
            let encoded = self.encode(id);
            self.heap.push((key.clone(), encoded));
        }
        Json::Arr(vec![Json::str("REF"), Json::Int(id.0 as i64 + 1)])
    }

    fn dict_entries(&self, d: ObjId) -> Vec<(ObjId, ObjId)> {
        let Some(o) = self.state.object(d) else {
            return Vec::new();
        };
        let mut keys = HashMap::new();
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

    fn encode(&mut self, id: ObjId) -> Json {
        let t = self.trace;
        let ty = t.type_name(id).to_string();
        let value = t
            .meta(id)
            .and_then(|m| m.value.as_deref())
            .unwrap_or("")
            .to_string();
        let refs: Vec<(ObjId, TraceSlot)> = self
            .state
            .object(id)
            .map(|o| o.refs.clone())
            .unwrap_or_default();
        let items = |enc: &mut Self, tag: &str| {
            let mut v = vec![Json::str(tag)];
            for &(r, s) in &refs {
                if matches!(s, TraceSlot::Index(_)) {
                    v.push(enc.value(r));
                }
            }
            Json::Arr(v)
        };
        let dict_sym = t.syms.lookup("__dict__");
        match ty.as_str() {
            "list" => items(self, "LIST"),
            "tuple" => items(self, "TUPLE"),
            "set" | "frozenset" => items(self, "SET"),
            "dict" => {
                let mut v = vec![Json::str("DICT")];
                for (k, val) in self.dict_entries(id) {
                    let k = self.value(k);
                    let val = self.value(val);
                    v.push(Json::Arr(vec![k, val]));
                }
                Json::Arr(v)
            }
            "function" => Json::Arr(vec![
                Json::str("FUNCTION"),
                Json::str(format!("{value}(...)")),
                Json::Null,
            ]),
            "builtin_function_or_method" => Json::Arr(vec![
                Json::str("FUNCTION"),
                Json::str(format!("{value}(...)")),
                Json::Null,
            ]),
            "module" => Json::Arr(vec![Json::str("module"), Json::str(value)]),
            "type" => {
                let mut v = vec![Json::str("CLASS"), Json::str(value), Json::Arr(Vec::new())];
                let dict = refs
                    .iter()
                    .find(|(_, s)| matches!(s, TraceSlot::Field(n) if Some(*n) == dict_sym))
                    .map(|(r, _)| *r);
                if let Some(d) = dict {
                    for (k, val) in self.dict_entries(d) {
                        let name = str_text(t, k);
                        if name.starts_with("__") && name.ends_with("__") {
                            continue;
                        }
                        let val = self.value(val);
                        v.push(Json::Arr(vec![Json::str(name), val]));
                    }
                }
                Json::Arr(v)
            }
            _ => {
                let dict = refs
                    .iter()
                    .find(|(_, s)| *s == TraceSlot::Dict)
                    .map(|(r, _)| *r);
                match dict {
                    Some(d) => {
                        let mut v = vec![Json::str("INSTANCE"), Json::str(ty.clone())];
                        for (k, val) in self.dict_entries(d) {
                            let name = str_text(t, k);
                            let val = self.value(val);
                            v.push(Json::Arr(vec![Json::str(name), val]));
                        }
                        Json::Arr(v)
                    }
                    None => {
                        let text = if value.is_empty() { t.label(id) } else { value };
                        Json::Arr(vec![Json::str(ty), Json::str(text)])
                    }
                }
            }
        }
    }

    fn is_hidden(&self, name: &str) -> bool {
        let _ = self.quiet;
        name.starts_with("__") && name.ends_with("__")
    }
}

fn frame_name(trace: &Trace, state: &State, f: FrameId) -> String {
    state
        .frames
        .get(&f)
        .and_then(|fs| fs.code)
        .and_then(|c| trace.codes.get(c.0 as usize))
        .map_or_else(|| "?".to_string(), |c| trace.sym(c.name).to_string())
}

/// One trace entry for `state`, without the frames in `gone`.
#[allow(clippy::too_many_arguments)]
fn entry(
    trace: &Trace,
    state: &State,
    quiet: &[bool],
    event: &str,
    line: u32,
    extra: Option<(&str, Json)>,
    returning: Option<(FrameId, ObjId)>,
    gone: &[FrameId],
) -> Json {
    let mut enc = Encoder {
        trace,
        state,
        heap: Vec::new(),
        seen: HashMap::new(),
        quiet,
    };
    let mut globals = Vec::new();
    let mut ordered_globals = Vec::new();
    let module = state.stack.first().copied();
    if let Some(g) = module
        .and_then(|m| state.frames.get(&m))
        .and_then(|f| f.globals)
    {
        for (k, v) in enc.dict_entries(g) {
            let name = str_text(trace, k);
            if enc.is_hidden(&name) {
                continue;
            }
            let value = enc.value(v);
            ordered_globals.push(Json::str(name.clone()));
            globals.push((name, value));
        }
    }
    let mut stack = Vec::new();
    let top = state
        .stack
        .iter()
        .rev()
        .find(|f| !gone.contains(f))
        .copied();
    for &f in state.stack.iter().skip(1).filter(|f| !gone.contains(f)) {
        let Some(fs) = state.frames.get(&f) else {
            continue;
        };
        let code = fs.code.and_then(|c| trace.codes.get(c.0 as usize));
        let mut locals = Vec::new();
        let mut names = Vec::new();
        for (i, slot) in fs.locals.iter().enumerate() {
            let Some(v) = slot else { continue };
            let name = code
                .and_then(|c| c.slot_names.get(i))
                .map_or_else(|| format!("#{i}"), |s| trace.sym(*s).to_string());
            let value = enc.value(*v);
            names.push(Json::str(name.clone()));
            locals.push((name, value));
        }
        if let Some((rf, value)) = returning
            && rf == f
        {
            let value = enc.value(value);
            names.push(Json::str("__return__"));
            locals.push(("__return__".to_string(), value));
        }
        let func = frame_name(trace, state, f);
        stack.push(Json::obj([
            ("func_name", Json::str(func.clone())),
            ("is_parent", Json::Bool(false)),
            ("frame_id", Json::Int(f as i64)),
            ("parent_frame_id_list", Json::Arr(Vec::new())),
            ("encoded_locals", Json::Obj(locals)),
            ("ordered_varnames", Json::Arr(names)),
            ("is_zombie", Json::Bool(false)),
            ("is_highlighted", Json::Bool(Some(f) == top)),
            ("unique_hash", Json::str(format!("{func}_f{f}"))),
        ]));
    }
    let func_name = top.map_or_else(|| "<module>".to_string(), |f| frame_name(trace, state, f));
    let mut pairs = vec![
        ("ordered_globals".to_string(), Json::Arr(ordered_globals)),
        ("stdout".to_string(), Json::str(state.stdout.clone())),
        ("func_name".to_string(), Json::str(func_name)),
        ("stack_to_render".to_string(), Json::Arr(stack)),
        ("globals".to_string(), Json::Obj(globals)),
        ("heap".to_string(), Json::Obj(enc.heap)),
        ("line".to_string(), Json::Int(line as i64)),
        ("event".to_string(), Json::str(event)),
    ];
    if let Some((k, v)) = extra {
        pairs.push((k.to_string(), v));
    }
    Json::Obj(pairs)
}

/// The trace in Python Tutor's format, every step.
pub fn to_pytutor(trace: &Trace) -> String {
    to_pytutor_with(trace, PytutorOptions::default())
}

/// The trace in Python Tutor's format.
pub fn to_pytutor_with(trace: &Trace, opts: PytutorOptions) -> String {
    let quiet = quiet_objects(trace);
    let max = opts.max_steps.unwrap_or(usize::MAX);
    let mut entries = Vec::new();
    let mut seen_frames: Vec<FrameId> = Vec::new();
    let main = trace.syms.lookup(&trace.main_file);
    // The last object each frame pushed, and the frames running (for `__return__`).
    let mut pushed: HashMap<FrameId, ObjId> = HashMap::new();
    let mut running: Vec<FrameId> = Vec::new();
    trace.for_each_step(|state, story| {
        let returns = return_values(story, &mut pushed, &mut running);
        if entries.len() >= max {
            return;
        }
        // Steps in other files (imported modules) are not shown.
        let in_main = state
            .frame
            .and_then(|f| state.frames.get(&f))
            .is_none_or(|f| {
                main.is_none() || Some(f.filename) == main || f.filename == Sym::default()
            });
        if !in_main {
            return;
        }
        let new_frame = state.frame.is_some_and(|f| !seen_frames.contains(&f));
        if let Some(f) = state.frame
            && new_frame
        {
            seen_frames.push(f);
        }
        let event = if new_frame && state.stack.len() > 1 {
            "call"
        } else {
            "step_line"
        };
        entries.push(entry(
            trace,
            state,
            &quiet,
            event,
            state.line,
            None,
            None,
            &[],
        ));
        // Frames that returned earlier in the step are no longer drawn.
        let mut gone: Vec<FrameId> = Vec::new();
        for r in story {
            match *r {
                Record::FramePop {
                    frame,
                    exit: FrameExit::Return,
                } if state.stack.contains(&frame) => {
                    let line = state.frames.get(&frame).map_or(state.line, |f| f.line);
                    let value = returns.iter().find(|(f, _)| *f == frame).copied();
                    entries.push(entry(
                        trace, state, &quiet, "return", line, None, value, &gone,
                    ));
                    gone.push(frame);
                }
                Record::ExceptionRaised { exc, .. } => {
                    let msg = format!("{}: raised", trace.type_name(exc));
                    entries.push(entry(
                        trace,
                        state,
                        &quiet,
                        "exception",
                        state.line,
                        Some(("exception_msg", Json::str(msg))),
                        None,
                        &gone,
                    ));
                }
                _ => {}
            }
        }
    });
    entries.truncate(max);
    Json::obj([
        ("code", Json::str(trace.source.clone())),
        ("trace", Json::Arr(entries)),
    ])
    .to_json()
}

/// Follows what each frame pushes through one step's story; returns the
/// (frame, value) of the frames that returned in it.
fn return_values(
    story: &[Record<'_>],
    pushed: &mut HashMap<FrameId, ObjId>,
    running: &mut Vec<FrameId>,
) -> Vec<(FrameId, ObjId)> {
    let mut out = Vec::new();
    for r in story {
        match *r {
            Record::FramePush { frame, .. } | Record::FrameResume { frame } => {
                running.push(frame);
                pushed.remove(&frame);
            }
            Record::Incref {
                obj,
                holder: TraceHolder::Stack(f),
                ..
            } => {
                pushed.insert(f, obj);
            }
            Record::Alloc { obj } => {
                if let Some(&f) = running.last() {
                    pushed.insert(f, obj);
                }
            }
            Record::FramePop { frame, exit } => {
                if let Some(i) = running.iter().rposition(|&f| f == frame) {
                    running.remove(i);
                }
                let value = pushed.remove(&frame);
                if exit != FrameExit::Exception
                    && let Some(v) = value
                {
                    if exit == FrameExit::Return {
                        out.push((frame, v));
                    }
                    // The caller receives the value on its stack.
                    if let Some(&caller) = running.last() {
                        pushed.insert(caller, v);
                    }
                }
            }
            _ => {}
        }
    }
    out
}
