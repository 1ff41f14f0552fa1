//! The exports, checked structurally: the JSONL schema line by line, the
//! Chrome Trace Event document, and the Python Tutor trace (parsed with the
//! library's JSON parser; required keys and types, references resolved).

use pysim::host::MemoryHost;
use pysim::trace::export::{chrome::to_chrome, jsonl::to_jsonl, pytutor::to_pytutor};
use pysim::trace::json::Json;
use pysim::trace::run::record_program;
use pysim::trace::{RecordOptions, Trace};
use std::collections::HashSet;

const PROGRAMS: &[&str] = &[
    "tests/trace/aliasing.py",
    "tests/trace/closure.py",
    "tests/trace/containers.py",
    "tests/trace/exceptions.py",
    "tests/trace/generator.py",
    "tests/trace/objects.py",
    "tests/programs/refcount/basic_bindings.py",
    "tests/programs/lifetime/cells_order.py",
    "tests/programs/generators/yield_from.py",
    "tests/programs/exceptions/raise_from.py",
    "tests/programs/gc/del_order_in_cycle.py",
    "tests/programs/gc/resurrection.py",
];

fn record(path: &str) -> (Trace, String) {
    let source = std::fs::read_to_string(path).unwrap();
    let (trace, _) = record_program(
        &source,
        path,
        Box::new(MemoryHost::default()),
        Default::default(),
        RecordOptions::default(),
    );
    (trace, source)
}

fn str_of<'a>(v: &'a Json, key: &str, ctx: &str) -> &'a str {
    v.get(key)
        .and_then(Json::as_str)
        .unwrap_or_else(|| panic!("{ctx}: `{key}` is not a string in {}", v.to_json()))
}

fn int_of(v: &Json, key: &str, ctx: &str) -> i64 {
    v.get(key)
        .and_then(Json::as_i64)
        .unwrap_or_else(|| panic!("{ctx}: `{key}` is not an integer in {}", v.to_json()))
}

#[test]

fn jsonl_follows_the_schema() {
    for path in PROGRAMS {
        let (trace, _) = record(path);
        let text = to_jsonl(&trace, Default::default());
        let mut lines = text.lines();
        let header = Json::parse(lines.next().unwrap()).unwrap();
        assert_eq!(str_of(&header, "type", path), "header");
        assert_eq!(str_of(&header, "format", path), "pysim-trace");
        assert_eq!(int_of(&header, "version", path), 2);
        assert_eq!(int_of(&header, "steps", path) as u64, trace.steps);
        let mut known: HashSet<String> = HashSet::new();
        let mut events = 0;
        let mut last_step = 0;
        for (n, line) in lines.enumerate() {
            let ctx = format!("{path}:{}", n + 2);
            let v = Json::parse(line).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            let kind = str_of(&v, "type", &ctx).to_string();
            if kind == "object" {
                known.insert(str_of(&v, "obj", &ctx).to_string());
                str_of(&v, "type_name", &ctx);
                int_of(&v, "addr", &ctx);
                int_of(&v, "size", &ctx);
                continue;
            }
            events += 1;
            let step = int_of(&v, "step", &ctx);
            assert!(step >= last_step, "{ctx}: steps go backwards");
            last_step = step;
            let uses_obj = |key: &str| {
                let label = str_of(&v, key, &ctx).to_string();
                assert!(
                    known.contains(&label),
                    "{ctx}: {label} used before it was described"
                );
            };
            match kind.as_str() {
                "alloc" => {
                    known.insert(str_of(&v, "obj", &ctx).to_string());
                    int_of(&v, "id", &ctx);
                    str_of(&v, "type_name", &ctx);
                    int_of(&v, "addr", &ctx);
                    int_of(&v, "size", &ctx);
                }
                "free" => {
                    uses_obj("obj");
                    assert!(["refcount", "gc", "exit"].contains(&str_of(&v, "cause", &ctx)));
                }
                "incref" | "decref" => {
                    uses_obj("obj");
                    let count = int_of(&v, "count", &ctx);
                    assert!(count >= 0 && (kind == "decref" || count >= 1), "{ctx}");
                    let holder = v.get("holder").expect("holder");
                    let hk = str_of(holder, "kind", &ctx);
                    assert!(
                        [
                            "stack",
                            "local",
                            "frame_field",
                            "cell",
                            "name",
                            "item",
                            "field",
                            "root",
                            "temp"
                        ]
                        .contains(&hk),
                        "{ctx}: holder kind {hk}"
                    );
                }
                "bind" | "rebind" | "unbind" => {
                    str_of(&v, "name", &ctx);
                    assert!(v.get("ns").is_some() || v.get("frame").is_some(), "{ctx}");
                }
                "frame_push" => {
                    int_of(&v, "frame", &ctx);
                    str_of(&v, "code", &ctx);
                    str_of(&v, "file", &ctx);
                }
                "frame_pop" => {
                    int_of(&v, "frame", &ctx);
                    assert!(["return", "exception"].contains(&str_of(&v, "exit", &ctx)));
                }
                "frame_suspend" | "frame_resume" => {
                    int_of(&v, "frame", &ctx);
                }
                "line" => {
                    int_of(&v, "line", &ctx);
                    int_of(&v, "frame", &ctx);
                }
                "stdout" | "stderr" => {
                    str_of(&v, "text", &ctx);
                }
                "gc_start" => assert!(int_of(&v, "generation", &ctx) >= 0),
                "gc_tentative_decref" => {
                    uses_obj("obj");
                    assert!(int_of(&v, "gc_refs", &ctx) >= 0, "{ctx}");
                }
                "gc_unreachable" => {
                    let objs = v.get("objs").and_then(Json::as_array).expect("objs");
                    for o in objs {
                        let label = o.as_str().expect("a label");
                        assert!(known.contains(label), "{ctx}: {label} not described");
                    }
                }
                "gc_finalize" | "gc_resurrected" | "gc_clear" => uses_obj("obj"),
                "gc_done" => {
                    int_of(&v, "generation", &ctx);
                    assert!(int_of(&v, "collected", &ctx) >= 0);
                    assert!(int_of(&v, "uncollectable", &ctx) >= 0);
                }
                "cell" | "finalize" | "mutated" | "import" | "exception_raised"
                | "exception_caught" | "instruction" => {}
                other => panic!("{ctx}: unknown record type {other}"),
            }
        }
        assert_eq!(events as u64, trace.events, "{path}: one line per event");
    }
}

#[test]
fn chrome_trace_is_well_formed() {
    for path in PROGRAMS {
        let (trace, _) = record(path);
        let doc = Json::parse(&to_chrome(&trace)).unwrap();
        let events = doc
            .get("traceEvents")
            .and_then(Json::as_array)
            .expect("traceEvents");
        let mut open: Vec<String> = Vec::new();
        let mut last_ts = 0;
        let (mut allocs, mut counters) = (0, 0);
        for e in events {
            let ph = str_of(e, "ph", path);
            str_of(e, "name", path);
            int_of(e, "pid", path);
            if ph == "M" {
                continue;
            }
            let ts = int_of(e, "ts", path);
            assert!(ts >= last_ts, "{path}: timestamps go backwards");
            last_ts = ts;
            match ph {
                "B" => open.push(str_of(e, "name", path).to_string()),
                "E" => {
                    let name = open.pop().expect("E without B");
                    assert_eq!(name, str_of(e, "name", path));
                }
                "i" => {
                    assert_eq!(str_of(e, "s", path), "t");
                    if str_of(e, "cat", path) == "alloc" {
                        allocs += 1;
                    }
                }
                "C" => {
                    let args = e.get("args").expect("counter args");
                    assert!(args.get("live objects").is_some_and(Json::is_number));
                    assert!(args.get("bytes").is_some_and(Json::is_number));
                    counters += 1;
                }
                other => panic!("{path}: unexpected phase {other}"),
            }
        }
        assert!(open.is_empty(), "{path}: unclosed slices {open:?}");
        assert!(allocs > 0 && counters > 0, "{path}");
    }
}

/// Checks every `["REF", id]` inside `v` resolves in `heap`.
fn refs_resolve(v: &Json, heap: &Json, ctx: &str) {
    if let Some(items) = v.as_array() {
        if items.len() == 2 && items[0].as_str() == Some("REF") {
            let id = items[1].as_i64().expect("REF id").to_string();
            assert!(heap.get(&id).is_some(), "{ctx}: REF {id} not in the heap");
            return;
        }
        for i in items {
            refs_resolve(i, heap, ctx);
        }
    } else if let Json::Obj(pairs) = v {
        for (_, x) in pairs {
            refs_resolve(x, heap, ctx);
        }
    }
}

#[test]
fn python_tutor_trace_is_well_formed() {
    for path in PROGRAMS {
        let (trace, source) = record(path);
        let doc = Json::parse(&to_pytutor(&trace)).unwrap();
        assert_eq!(
            doc.get("code").and_then(Json::as_str),
            Some(source.as_str())
        );
        let entries = doc.get("trace").and_then(Json::as_array).expect("trace");
        assert!(!entries.is_empty(), "{path}");
        for (i, e) in entries.iter().enumerate() {
            let ctx = format!("{path} entry {i}");
            let event = str_of(e, "event", &ctx);
            assert!(
                ["step_line", "call", "return", "exception"].contains(&event),
                "{ctx}: {event}"
            );
            assert!(int_of(e, "line", &ctx) > 0, "{ctx}");
            str_of(e, "func_name", &ctx);
            str_of(e, "stdout", &ctx);
            let globals = e.get("globals").expect("globals");
            let heap = e.get("heap").expect("heap");
            assert!(
                matches!(globals, Json::Obj(_)) && matches!(heap, Json::Obj(_)),
                "{ctx}"
            );
            for name in e
                .get("ordered_globals")
                .and_then(Json::as_array)
                .expect("ordered_globals")
            {
                let name = name.as_str().expect("global name");
                assert!(globals.get(name).is_some(), "{ctx}: {name} not in globals");
            }
            // A returning function's frame shows its return value, as in Python Tutor.
            let stack = e.get("stack_to_render").and_then(Json::as_array);
            if event == "return"
                && let Some(stack) = stack.filter(|s| !s.is_empty())
            {
                assert!(
                    stack.iter().any(|f| f
                        .get("encoded_locals")
                        .is_some_and(|l| l.get("__return__").is_some())),
                    "{ctx}: no __return__"
                );
            }
            for f in e
                .get("stack_to_render")
                .and_then(Json::as_array)
                .expect("stack_to_render")
            {
                str_of(f, "func_name", &ctx);
                int_of(f, "frame_id", &ctx);
                str_of(f, "unique_hash", &ctx);
                assert!(
                    matches!(f.get("is_highlighted"), Some(Json::Bool(_))),
                    "{ctx}"
                );
                let locals = f.get("encoded_locals").expect("encoded_locals");

                for n in f
                    .get("ordered_varnames")
                    .and_then(Json::as_array)
                    .expect("ordered_varnames")
                {
                    assert!(locals.get(n.as_str().unwrap()).is_some(), "{ctx}");
                }
            }
            if let Json::Obj(pairs) = heap {
                for (_, obj) in pairs {
                    let items = obj.as_array().expect("heap object is an array");
                    assert!(
                        items.first().and_then(Json::as_str).is_some(),
                        "{ctx}: heap tag"
                    );
                }
            }
            refs_resolve(e, heap, &ctx);
        }
    }
}

#[test]
fn python_tutor_trace_has_no_step_cap() {
    let source =
        "def f(i):\n    return i * 2\n\nt = 0\nfor i in range(700):\n    t += f(i)\nprint(t)\n";
    let (trace, _) = record_program(
        source,
        "loop.py",
        Box::new(MemoryHost::default()),
        Default::default(),
        RecordOptions::default(),
    );
    let doc = Json::parse(&to_pytutor(&trace)).unwrap();
    let entries = doc.get("trace").and_then(Json::as_array).expect("trace");
    // 700 iterations: for, call, body line, return, t += … each.
    assert!(entries.len() > 2800, "{} entries", entries.len());
    let returns: Vec<&Json> = entries
        .iter()
        .filter(|e| e.get("event").and_then(Json::as_str) == Some("return"))
        .collect();
    assert!(returns.len() >= 700);
    let last_f = returns[returns.len() - 2];
    let frame = &last_f
        .get("stack_to_render")
        .and_then(Json::as_array)
        .unwrap()[0];
    let value = frame
        .get("encoded_locals")
        .and_then(|l| l.get("__return__"));
    assert_eq!(value.and_then(Json::as_i64), Some(699 * 2));
}
