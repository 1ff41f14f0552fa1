//! The GC panel's data: the cycle collections that have run up to a step,
//! as the trace knows them.
//!
//! The recorder does not keep the collector's phases yet (the VM reports
//! `GcStart` … `GcDone`, the recorder drops them), so a collection is what
//! the trace does keep: the objects freed with the cause "cycle collection",
//! grouped by the step during which they died (several collections within
//! one step show as one). Each freed object comes with its type and the line
//! that made it. `phases` stays empty until the trace records them; the page
//! animates whatever phases it is given.

use super::json::JsonOut;
use crate::trace::Trace;
use crate::trace::model::{FreeCause, ObjId};

/// At most this many collections (the latest) and freed objects per
/// collection are listed; the counts are always complete.
const MAX_COLLECTIONS: usize = 50;
const MAX_FREED: usize = 200;

/// One inferred collection: the step it ran in and what it freed.
struct Collection {
    step: u64,
    line: u32,
    freed: Vec<ObjId>,
}

/// The collections that ran during steps before `step` (all of them at the
/// finished step), oldest first. `deaths` is `state_view::deaths_index`.
fn collections(
    trace: &Trace,
    deaths: &[(u64, ObjId)],
    step: u64,
    finished: bool,
) -> Vec<Collection> {
    let mut out: Vec<Collection> = Vec::new();
    for &(died, id) in deaths {
        if !finished && died >= step {
            break;
        }
        let Some((_, line, cause)) = trace.meta(id).and_then(|m| m.died) else {
            continue;
        };
        if cause != FreeCause::CycleCollection {
            continue;
        }
        match out.last_mut() {
            Some(c) if c.step == died => c.freed.push(id),
            _ => out.push(Collection {
                step: died,
                line,
                freed: vec![id],
            }),
        }
    }
    out
}

/// `{collections: [{step, line, source, count, latest, phases: [],
/// freed: [{id, label, type, born_line}]}], total, total_freed, phases_recorded}`.
/// `latest` marks a collection that ran during the previous step (the page
/// animates it).
pub fn gc_json(trace: &Trace, deaths: &[(u64, ObjId)], step: u64, finished: bool) -> String {
    let all = collections(trace, deaths, step, finished);
    let total_freed: usize = all.iter().map(|c| c.freed.len()).sum();
    let mut j = JsonOut::new();
    j.begin_obj();
    j.kv_num("total", all.len());
    j.kv_num("total_freed", total_freed);
    j.key("phases_recorded").bool(false);
    j.key("collections").begin_arr();
    for c in all.iter().skip(all.len().saturating_sub(MAX_COLLECTIONS)) {
        j.begin_obj();
        j.kv_num("step", c.step);
        j.kv_num("line", c.line);
        if let Some(src) = trace.source_line(c.line) {
            j.kv_str("source", src);
        }
        j.kv_num("count", c.freed.len());
        j.key("latest")
            .bool(step > 0 && c.step + 1 == step || finished && c.step + 1 >= step);
        j.key("phases").begin_arr().end_arr();
        j.key("freed").begin_arr();
        for &id in c.freed.iter().take(MAX_FREED) {
            j.begin_obj();
            j.kv_num("id", id.0);
            j.kv_str("label", &trace.label(id));
            j.kv_str("type", trace.type_name(id));
            let born = trace.meta(id).and_then(|m| m.born).map_or(0, |(_, l)| l);
            j.kv_num("born_line", born);
            j.end_obj();
        }
        j.end_arr();
        j.end_obj();
    }
    j.end_arr();
    j.end_obj();
    j.finish()
}
