//! The page's picture of one step as JSON: the trace engine's [`Scene`]
//! (the same content its SVG renderer draws — frames with their variables,
//! the objects they reach with refcounts and slots, small shared values
//! written inline) plus the objects freed since the previous step and why.
//! Also `sys.modules` for the modules view.

use super::json::JsonOut;
use crate::trace::model::{ObjId, TraceSlot};
use crate::trace::scene::{ObjKind, Scene, Value};
use crate::trace::{State, Trace};
use std::collections::HashMap;

fn kind_name(k: ObjKind) -> &'static str {
    match k {
        ObjKind::List => "list",
        ObjKind::Tuple => "tuple",
        ObjKind::Set => "set",
        ObjKind::Dict => "dict",
        ObjKind::Instance => "instance",
        ObjKind::Class => "class",
        ObjKind::Function => "function",
        ObjKind::Cell => "cell",
        ObjKind::Generator => "generator",
        ObjKind::Other => "other",
    }
}

/// `"obj": id` or `"inline": text` for a slot's value.
fn value(j: &mut JsonOut, v: &Value) {
    match v {
        Value::Ref(id) => {
            j.kv_num("obj", id.0);
        }
        Value::Inline(text) => {
            j.key("obj").null();
            j.kv_str("inline", text);
        }
    }
}

fn cause_text(cause: &str) -> &'static str {
    match cause {
        "refcount" => "refcount reached 0",
        "gc" => "collected by the cycle collector",
        "exit" => "interpreter exit",
        _ => "freed",
    }
}

/// The state JSON of `web/src/heap.js` (documented in web/README.md).
pub fn state_json(trace: &Trace, scene: &Scene, step: u64, finished: bool) -> String {
    let mut j = JsonOut::new();
    j.begin_obj();
    j.kv_num("step", step);
    j.kv_num("line", scene.line);
    j.key("finished").bool(finished);
    if let Some(src) = &scene.source {
        j.kv_str("source", src);
    }
    j.key("frames").begin_arr();
    for f in &scene.frames {
        j.begin_obj();
        j.kv_num("id", f.id);
        j.kv_str("name", &f.title);
        j.kv_num("line", f.line);
        j.key("current").bool(f.current);
        j.key("vars").begin_arr();
        for (name, v) in &f.vars {
            j.begin_obj().kv_str("name", name);
            value(&mut j, v);
            j.end_obj();
        }
        j.end_arr();
        j.end_obj();
    }
    j.end_arr();
    j.key("objects").begin_arr();
    for o in &scene.objects {
        j.begin_obj();
        j.kv_num("id", o.id.0);
        j.kv_str("label", &o.label);
        j.kv_str("type", &o.type_name);
        j.kv_str("kind", kind_name(o.kind));
        match &o.value {
            Some(v) => j.kv_str("value", v),
            None => j.key("value").null(),
        };
        j.kv_num("refcount", o.refcount);
        j.kv_num("depth", o.depth);
        j.key("dying").bool(o.dying);
        j.key("shared")
            .bool(trace.meta(o.id).is_some_and(|m| m.shared));
        j.key("refs").begin_arr();
        for (slot, v) in &o.rows {
            j.begin_obj().kv_str("slot", slot);
            value(&mut j, v);
            j.end_obj();
        }
        j.end_arr();
        j.end_obj();
    }
    j.end_arr();
    // Objects freed since the previous step (died during it), for the
    // page's fade-out with the cause.
    j.key("freed").begin_arr();
    if step > 0 {
        let mut n = 0;
        for (i, m) in trace.objects.iter().enumerate() {
            if let Some((died, _, cause)) = m.died
                && (died + 1 == step || (finished && died + 1 >= step))
            {
                let id = ObjId(i as u32);
                j.begin_obj()
                    .kv_num("id", id.0)
                    .kv_str("label", &trace.label(id))
                    .kv_str("cause", cause_text(cause.name()))
                    .end_obj();
                n += 1;
                if n >= 100 {
                    break;
                }
            }
        }
    }
    j.end_arr();
    j.end_obj();
    j.finish()
}

/// A str object's text without quotes (names, file names).
fn str_value(trace: &Trace, id: ObjId) -> Option<String> {
    let v = trace.meta(id)?.value.as_deref()?;
    let inner = v
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .or_else(|| v.strip_prefix('"').and_then(|s| s.strip_suffix('"')))?;
    Some(inner.to_string())
}

/// The `(key text, value)` entries of a dict, in insertion order.
fn dict_entries(trace: &Trace, state: &State, dict: ObjId) -> Vec<(String, ObjId)> {
    let Some(o) = state.object(dict) else {
        return Vec::new();
    };
    let mut keys: HashMap<u32, ObjId> = HashMap::new();
    let mut out = Vec::new();
    for &(r, slot) in &o.refs {
        match slot {
            TraceSlot::Key(i) => {
                keys.insert(i, r);
            }
            TraceSlot::Value(i) => {
                let name = keys
                    .get(&i)
                    .map(|&k| str_value(trace, k).unwrap_or_else(|| trace.label(k)))
                    .unwrap_or_else(|| format!("#{i}"));
                out.push((name, r));
            }
            _ => {}
        }
    }
    out
}

/// `sys.modules` at this state: `{modules: [{name, label, file}]}`.
pub fn modules_json(trace: &Trace, state: &State) -> String {
    let modules = state.roots.iter().map(|&(r, _)| r).find(|&r| {
        trace.type_name(r) == "dict"
            && dict_entries(trace, state, r)
                .iter()
                .any(|(n, m)| n == "sys" && trace.type_name(*m) == "module")
    });
    let mut j = JsonOut::new();
    j.begin_obj();
    j.key("modules").begin_arr();
    if let Some(d) = modules {
        for (name, m) in dict_entries(trace, state, d) {
            j.begin_obj();
            j.kv_str("name", &name);
            j.kv_str("label", &trace.label(m));
            let file = state.object(m).and_then(|o| {
                o.refs.iter().find_map(|&(r, slot)| match slot {
                    TraceSlot::Dict => dict_entries(trace, state, r)
                        .into_iter()
                        .find(|(n, _)| n == "__file__")
                        .and_then(|(_, f)| str_value(trace, f)),
                    _ => None,
                })
            });
            match file {
                Some(f) => j.kv_str("file", &f),
                None => j.key("file").null(),
            };
            j.end_obj();
        }
    }
    j.end_arr();
    j.end_obj();
    j.finish()
}
