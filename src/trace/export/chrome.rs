//! The trace in Chrome's Trace Event format (load it in Perfetto or
//! `chrome://tracing`): calls as B/E slices, allocations and frees as
//! instant events, and counters for the live objects and bytes the program
//! created. Time is the record index in microseconds, so busy stretches of
//! the program are wide.

use crate::trace::json::Json;
use crate::trace::model::*;
use crate::trace::narrate::quiet_objects;
use crate::trace::store::{Trace, is_boundary};
use std::collections::HashMap;

/// The trace as a Chrome Trace Event JSON document.
pub fn to_chrome(trace: &Trace) -> String {
    let quiet = quiet_objects(trace);
    let mut events: Vec<Json> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut open: Vec<u32> = Vec::new();
    let (mut live, mut bytes) = (0i64, 0i64);
    let mut ts = 0i64;
    let mut step = 0u64;
    let meta = |name: &str, args: Json| {
        Json::obj([
            ("name", Json::str(name)),
            ("ph", Json::str("M")),
            ("pid", Json::Int(1)),
            ("tid", Json::Int(1)),
            ("args", args),
        ])
    };
    events.push(meta(
        "process_name",
        Json::obj([("name", Json::str(format!("pysim {}", trace.main_file)))]),
    ));
    events.push(meta(
        "thread_name",
        Json::obj([("name", Json::str("main thread"))]),
    ));
    let slice = |ph: &str, name: &str, ts: i64, args: Json| {
        Json::obj([
            ("name", Json::str(name)),
            ("cat", Json::str("call")),
            ("ph", Json::str(ph)),
            ("ts", Json::Int(ts)),
            ("pid", Json::Int(1)),
            ("tid", Json::Int(1)),
            ("args", args),
        ])
    };
    let instant = |cat: &str, name: String, ts: i64, args: Json| {
        Json::obj([
            ("name", Json::Str(name)),
            ("cat", Json::str(cat)),
            ("ph", Json::str("i")),
            ("s", Json::str("t")),
            ("ts", Json::Int(ts)),
            ("pid", Json::Int(1)),
            ("tid", Json::Int(1)),
            ("args", args),
        ])
    };
    let counter = |ts: i64, live: i64, bytes: i64| {
        Json::obj([
            ("name", Json::str("heap")),
            ("ph", Json::str("C")),
            ("ts", Json::Int(ts)),
            ("pid", Json::Int(1)),
            (
                "args",
                Json::obj([
                    ("live objects", Json::Int(live)),
                    ("bytes", Json::Int(bytes)),
                ]),
            ),
        ])
    };
    let mut dec = trace.decoder();
    let mut last_counter = (-1i64, -1i64);
    while let Some(r) = dec.next() {
        if !r.is_story() {
            continue;
        }
        ts += 1;
        if is_boundary(&r, trace.mode) {
            step += 1;
            if (live, bytes) != last_counter {
                events.push(counter(ts, live, bytes));
                last_counter = (live, bytes);
            }
        }
        match r {
            Record::FramePush {
                frame, code_name, ..
            } => {
                let name = trace.sym(code_name).to_string();
                events.push(slice(
                    "B",
                    &name,
                    ts,
                    Json::obj([("frame", Json::Int(frame as i64))]),
                ));
                names.insert(frame, name);
                open.push(frame);
            }
            Record::FrameResume { frame } => {
                let name = names
                    .get(&frame)
                    .cloned()
                    .unwrap_or_else(|| format!("frame {frame}"));
                events.push(slice(
                    "B",
                    &name,
                    ts,
                    Json::obj([
                        ("frame", Json::Int(frame as i64)),
                        ("resumed", Json::Bool(true)),
                    ]),
                ));
                open.push(frame);
            }
            Record::FramePop { frame, exit } => {
                if let Some(i) = open.iter().rposition(|&f| f == frame) {
                    // Close any frame left open above it (never expected).
                    while open.len() > i {
                        let f = open.pop().unwrap_or(frame);
                        let name = names.get(&f).cloned().unwrap_or_default();
                        events.push(slice(
                            "E",
                            &name,
                            ts,
                            Json::obj([("exit", Json::str(exit.name()))]),
                        ));
                    }
                }
            }
            Record::Alloc { obj } => {
                let m = &trace.objects[obj.0 as usize];
                live += 1;
                bytes += m.size as i64;
                if !quiet[obj.0 as usize] {
                    events.push(instant(
                        "alloc",
                        format!("alloc {}", trace.label(obj)),
                        ts,
                        Json::obj([
                            ("type", Json::str(trace.sym(m.type_name))),
                            ("size", Json::Int(m.size as i64)),
                            ("addr", Json::str(format!("{:#x}", m.addr))),
                            ("step", Json::Int(step.saturating_sub(1) as i64)),
                        ]),
                    ));
                }
            }
            Record::Free { obj, cause } => {
                let m = &trace.objects[obj.0 as usize];
                if m.born.is_some() {
                    live -= 1;
                    bytes -= m.size as i64;
                }
                if !quiet[obj.0 as usize] {
                    events.push(instant(
                        "free",
                        format!("free {}", trace.label(obj)),
                        ts,
                        Json::obj([
                            ("cause", Json::str(cause.name())),
                            ("step", Json::Int(step.saturating_sub(1) as i64)),
                        ]),
                    ));
                }
            }
            Record::ExceptionRaised { exc, .. } => {
                events.push(instant(
                    "exception",
                    format!("raise {}", trace.label(exc)),
                    ts,
                    Json::obj::<&str>([]),
                ));
            }
            _ => {}
        }
    }
    while let Some(f) = open.pop() {
        let name = names.get(&f).cloned().unwrap_or_default();
        events.push(slice("E", &name, ts + 1, Json::obj::<&str>([])));
    }
    events.push(counter(ts + 1, live, bytes));
    Json::obj([
        ("traceEvents", Json::Arr(events)),
        ("displayTimeUnit", Json::str("ns")),
        (
            "otherData",
            Json::obj([
                ("generator", Json::str("pysim")),
                ("file", Json::str(trace.main_file.clone())),
                ("steps", Json::Int(trace.steps as i64)),
            ]),
        ),
    ])
    .to_json()
}
