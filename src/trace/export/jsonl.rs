//! The trace as JSON Lines, one event per line (schema in
//! `docs/trace-format.md`). The first line is a header; objects are named
//! by label and id; an object that existed before the trace is described
//! by an `object` line the first time it appears.

use crate::trace::json::Json;
use crate::trace::model::*;
use crate::trace::store::{Trace, is_boundary};

/// Options for the JSONL export.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonlOptions {
    /// Also write the state records (references read at step boundaries).
    pub state: bool,
}

struct Writer<'t> {
    trace: &'t Trace,
    out: String,
    described: Vec<bool>,
}

impl Writer<'_> {
    fn obj(&mut self, id: ObjId) -> Json {
        self.describe(id);
        Json::str(self.trace.label(id))
    }

    fn opt(&mut self, id: Option<ObjId>) -> Json {
        match id {
            Some(id) => self.obj(id),
            None => Json::Null,
        }
    }

    /// Writes an `object` line for an object that was not born in the trace.
    fn describe(&mut self, id: ObjId) {
        let i = id.0 as usize;
        if self.described.get(i).copied().unwrap_or(true) {
            return;
        }
        self.described[i] = true;
        let m = &self.trace.objects[i];
        if m.born.is_some() {
            return;
        }
        let line = Json::obj([
            ("type", Json::str("object")),
            ("obj", Json::str(self.trace.label(id))),
            ("id", Json::Int(id.0 as i64)),
            ("type_name", Json::str(self.trace.sym(m.type_name))),
            ("addr", Json::Int(m.addr as i64)),
            ("size", Json::Int(m.size as i64)),
            ("value", m.value.as_deref().map_or(Json::Null, Json::str)),
            ("shared", Json::Bool(m.shared)),
        ]);
        line.write(&mut self.out);
        self.out.push('\n');
    }

    fn holder(&mut self, h: TraceHolder) -> Json {
        let t = self.trace;
        match h {
            TraceHolder::Stack(f) => {
                Json::obj([("kind", Json::str("stack")), ("frame", Json::Int(f as i64))])
            }
            TraceHolder::Temp => Json::obj([("kind", Json::str("temp"))]),
            TraceHolder::Local(f, slot) => Json::obj([
                ("kind", Json::str("local")),
                ("frame", Json::Int(f as i64)),
                ("slot", Json::Int(slot as i64)),
            ]),
            TraceHolder::FrameField(f, field) => Json::obj([
                ("kind", Json::str("frame_field")),
                ("frame", Json::Int(f as i64)),
                ("field", Json::str(t.sym(field))),
            ]),
            TraceHolder::Cell(c) => {
                let c = self.obj(c);
                Json::obj([("kind", Json::str("cell")), ("cell", c)])
            }
            TraceHolder::Name { ns, key } => {
                let nsj = self.obj(ns);
                let name = crate::trace::describe::str_text(t, key);
                Json::obj([
                    ("kind", Json::str("name")),
                    ("ns", nsj),
                    ("name", Json::str(name)),
                ])
            }
            TraceHolder::Item(c) => {
                let c = self.obj(c);
                Json::obj([("kind", Json::str("item")), ("container", c)])
            }
            TraceHolder::Field(o, field) => {
                let owner = if o.0 == u32::MAX {
                    Json::Null
                } else {
                    self.obj(o)
                };
                Json::obj([
                    ("kind", Json::str("field")),
                    ("owner", owner),
                    ("field", Json::str(t.sym(field))),
                ])
            }
            TraceHolder::Root(why) => Json::obj([
                ("kind", Json::str("root")),
                ("reason", Json::str(t.sym(why))),
            ]),
        }
    }

    fn slot(&self, s: TraceSlot) -> Json {
        let t = self.trace;
        match s {
            TraceSlot::Index(i) => Json::obj([("index", Json::Int(i as i64))]),
            TraceSlot::Key(i) => Json::obj([("key_of", Json::Int(i as i64))]),
            TraceSlot::Value(i) => Json::obj([("value_of", Json::Int(i as i64))]),
            TraceSlot::Field(n) => Json::obj([("field", Json::str(t.sym(n)))]),
            TraceSlot::Cell => Json::str("cell"),
            TraceSlot::Dict => Json::str("__dict__"),
            TraceSlot::Type => Json::str("ob_type"),
            TraceSlot::Local(i) => Json::obj([("local", Json::Int(i as i64))]),
            TraceSlot::Stack => Json::str("stack"),
            TraceSlot::FrameField(n) => Json::obj([("frame_field", Json::str(t.sym(n)))]),
        }
    }

    fn record(&mut self, step: u64, r: &Record<'_>) -> Option<Json> {
        let t = self.trace;
        let mut fields: Vec<(&str, Json)> = vec![("step", Json::Int(step as i64))];
        let kind = match *r {
            Record::Alloc { obj } => {
                let m = &t.objects[obj.0 as usize];
                fields.push(("obj", Json::str(t.label(obj))));
                fields.push(("id", Json::Int(obj.0 as i64)));
                fields.push(("type_name", Json::str(t.sym(m.type_name))));
                fields.push(("addr", Json::Int(m.addr as i64)));
                fields.push(("size", Json::Int(m.size as i64)));
                fields.push(("value", m.value.as_deref().map_or(Json::Null, Json::str)));
                "alloc"
            }
            Record::Free { obj, cause } => {
                fields.push(("obj", self.obj(obj)));
                fields.push(("cause", Json::str(cause.name())));
                "free"
            }
            Record::Incref { obj, holder, count } | Record::Decref { obj, holder, count } => {
                fields.push(("obj", self.obj(obj)));
                fields.push(("count", Json::Int(count as i64)));
                let h = self.holder(holder);
                fields.push(("holder", h));
                if matches!(r, Record::Incref { .. }) {
                    "incref"
                } else {
                    "decref"
                }
            }
            Record::Finalize { obj } => {
                fields.push(("obj", self.obj(obj)));
                "finalize"
            }
            Record::Bind { ns, name, old, new } => {
                fields.push(("ns", self.obj(ns)));
                fields.push(("name", Json::str(t.sym(name))));
                fields.push(("old", self.opt(old)));
                fields.push(("new", self.opt(new)));
                match (old, new) {
                    (None, _) => "bind",
                    (Some(_), Some(_)) => "rebind",
                    (Some(_), None) => "unbind",
                }
            }
            Record::BindLocal {
                frame,
                slot,
                name,
                old,
                new,
            } => {
                fields.push(("frame", Json::Int(frame as i64)));
                fields.push(("slot", Json::Int(slot as i64)));
                fields.push(("name", Json::str(t.sym(name))));
                fields.push(("old", self.opt(old)));
                fields.push(("new", self.opt(new)));
                fields.push(("local", Json::Bool(true)));
                match (old, new) {
                    (None, _) => "bind",
                    (Some(_), Some(_)) => "rebind",
                    (Some(_), None) => "unbind",
                }
            }
            Record::CellCreated { cell, frame, name } => {
                fields.push(("cell", self.obj(cell)));
                fields.push(("frame", Json::Int(frame as i64)));
                fields.push(("name", Json::str(t.sym(name))));
                "cell"
            }
            Record::FramePush {
                frame,
                code_name,
                filename,
            } => {
                fields.push(("frame", Json::Int(frame as i64)));
                fields.push(("code", Json::str(t.sym(code_name))));
                fields.push(("file", Json::str(t.sym(filename))));
                "frame_push"
            }
            Record::FramePop { frame, exit } => {
                fields.push(("frame", Json::Int(frame as i64)));
                if exit == FrameExit::Yield {
                    "frame_suspend"
                } else {
                    fields.push(("exit", Json::str(exit.name())));
                    "frame_pop"
                }
            }
            Record::FrameResume { frame } => {
                fields.push(("frame", Json::Int(frame as i64)));
                "frame_resume"
            }
            Record::Line { frame, line } => {
                fields.push(("frame", Json::Int(frame as i64)));
                fields.push(("line", Json::Int(line as i64)));
                "line"
            }
            Record::Instruction {
                frame,
                index,
                opname,
            } => {
                fields.push(("frame", Json::Int(frame as i64)));
                fields.push(("index", Json::Int(index as i64)));
                fields.push(("opname", Json::str(t.sym(opname))));
                "instruction"
            }
            Record::ExceptionRaised { exc, frame } | Record::ExceptionCaught { exc, frame } => {
                fields.push(("exc", self.obj(exc)));
                fields.push(("frame", Json::Int(frame as i64)));
                if matches!(r, Record::ExceptionRaised { .. }) {
                    "exception_raised"
                } else {
                    "exception_caught"
                }
            }
            Record::Stdout { text } | Record::Stderr { text } => {
                fields.push(("text", Json::str(text)));
                if matches!(r, Record::Stdout { .. }) {
                    "stdout"
                } else {
                    "stderr"
                }
            }
            Record::Mutated { obj } => {
                fields.push(("obj", self.obj(obj)));
                "mutated"
            }
            Record::Import {
                phase,
                name,
                module,
                file,
            } => {
                fields.push(("phase", Json::str(phase.name())));
                fields.push(("name", Json::str(t.sym(name))));
                fields.push(("module", self.opt(module)));
                fields.push(("file", file.map_or(Json::Null, |f| Json::str(t.sym(f)))));
                "import"
            }
            Record::SetCount { obj, count } => {
                fields.push(("obj", self.obj(obj)));
                fields.push(("count", Json::Int(count as i64)));
                "set_count"
            }
            Record::Refs { obj, refs } | Record::RefsAppend { obj, refs } => {
                fields.push(("obj", self.obj(obj)));
                let items: Vec<Json> = refs
                    .iter()
                    .map(|&(o, s)| Json::Arr(vec![self.obj(o), self.slot(s)]))
                    .collect();
                fields.push(("refs", Json::Arr(items)));
                if matches!(r, Record::Refs { .. }) {
                    "refs"
                } else {
                    "refs_append"
                }
            }
            Record::RefsPatch { obj, changes } => {
                fields.push(("obj", self.obj(obj)));
                let items: Vec<Json> = changes
                    .iter()
                    .map(|&(pos, o)| Json::Arr(vec![Json::Int(pos as i64), self.obj(o)]))
                    .collect();
                fields.push(("changes", Json::Arr(items)));
                "refs_patch"
            }
            Record::GcStart { generation } => {
                fields.push(("generation", Json::Int(generation as i64)));
                "gc_start"
            }
            Record::GcUnreachable { objs } => {
                let items: Vec<Json> = objs.iter().map(|&o| self.obj(o)).collect();
                fields.push(("objs", Json::Arr(items)));
                "gc_unreachable"
            }
            Record::GcFinalize { obj }
            | Record::GcResurrected { obj }
            | Record::GcClear { obj } => {
                fields.push(("obj", self.obj(obj)));
                match r {
                    Record::GcFinalize { .. } => "gc_finalize",
                    Record::GcResurrected { .. } => "gc_resurrected",
                    _ => "gc_clear",
                }
            }
            Record::GcDone {
                generation,
                collected,
                uncollectable,
            } => {
                fields.push(("generation", Json::Int(generation as i64)));
                fields.push(("collected", Json::Int(collected as i64)));
                fields.push(("uncollectable", Json::Int(uncollectable as i64)));
                "gc_done"
            }
            _ => return None,
        };
        let mut pairs = vec![("type".to_string(), Json::str(kind))];
        pairs.extend(fields.into_iter().map(|(k, v)| (k.to_string(), v)));
        Some(Json::Obj(pairs))
    }
}

/// The trace as JSON Lines.
pub fn to_jsonl(trace: &Trace, opts: JsonlOptions) -> String {
    let mut w = Writer {
        trace,
        out: String::new(),
        described: vec![false; trace.objects.len()],
    };
    let header = Json::obj([
        ("type", Json::str("header")),
        ("format", Json::str("pysim-trace")),
        ("version", Json::Int(trace.version as i64)),
        (
            "mode",
            Json::str(if trace.mode == StepMode::Line {
                "line"
            } else {
                "instruction"
            }),
        ),
        ("file", Json::str(trace.main_file.clone())),
        ("steps", Json::Int(trace.steps as i64)),
        ("events", Json::Int(trace.events as i64)),
    ]);
    header.write(&mut w.out);
    w.out.push('\n');
    let mut dec = trace.decoder();
    let mut boundaries = 0u64;
    while let Some(r) = dec.next() {
        if is_boundary(&r, trace.mode) {
            boundaries += 1;
        }
        if !r.is_story() && !opts.state {
            continue;
        }
        let step = boundaries.saturating_sub(1);
        if let Record::GcRefs { entries } = r {
            // One line per object the collector examined (one VM event each).
            for &(obj, refs) in entries {
                let o = w.obj(obj);
                let line = Json::obj([
                    ("type", Json::str("gc_tentative_decref")),
                    ("step", Json::Int(step as i64)),
                    ("obj", o),
                    ("gc_refs", Json::Int(refs)),
                ]);
                line.write(&mut w.out);
                w.out.push('\n');
            }
            continue;
        }
        if let Some(line) = w.record(step, &r) {
            line.write(&mut w.out);
            w.out.push('\n');
        }
    }
    w.out
}
