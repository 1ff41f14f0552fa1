//! The cycle collector's part of the story: one collection's phase records
//! (schema 2) become sentences such as
//!
//! ```text
//! gc: generation 2 collection found 2 unreachable objects: Node#1 ↔ Node#2
//! ```
//!
//! How the unreachable objects refer to each other is read from the state
//! at the step the collection ran in: a pair that refers both ways is drawn
//! `A ↔ B`, a ring `A → B → C → A`; an instance's `__dict__` counts as part
//! of its instance.

use super::model::*;
use super::state::State;
use super::store::Trace;

/// At most this many objects are named in one sentence.
const NAMED: usize = 8;

/// What one collection did, gathered while its records are read.
#[derive(Debug, Default)]
pub(super) struct Collection {
    pub generation: u32,
    pub examined: usize,
    /// Objects with no references from outside the collected generations.
    pub unreferenced: Vec<ObjId>,
    pub unreachable: Vec<ObjId>,
}

/// `gc: generation 2 collection starts`.
pub(super) fn start_sentence(generation: u32) -> String {
    format!("gc: generation {generation} collection starts")
}

/// The tentative counts: how many objects were examined and which have no
/// reference from outside the collected generations.
/// After the finalizers ran, the collector counts again to find the
/// objects they resurrected.
pub(super) fn refs_sentence(trace: &Trace, c: &Collection, again: bool) -> String {
    let n = c.unreferenced.len();
    let objects = plural(c.examined, "object", "objects");
    let mut t = if again {
        format!(
            "gc: counting again after the finalizers: {} {objects}, {n} with no reference from outside",
            c.examined
        )
    } else {
        format!(
            "gc: references among the {} tracked {objects} subtracted: {n} with no reference from outside the generation",
            c.examined
        )
    };
    // The program's objects by name; the interpreter's own, counted.
    let (ours, theirs): (Vec<ObjId>, Vec<ObjId>) = c
        .unreferenced
        .iter()
        .partition(|&&o| trace.meta(o).is_some_and(|m| m.born.is_some()));
    let mut parts = Vec::new();
    if !ours.is_empty() {
        parts.push(names(trace, &ours));
    }
    if !theirs.is_empty() {
        parts.push(format!("{} of the interpreter's", theirs.len()));
    }
    if !parts.is_empty() {
        t.push_str(&format!(" ({})", parts.join(" and ")));
    }
    t
}

/// `gc: generation 0 collection found 2 unreachable objects: Node#1 ↔ Node#2`.
pub(super) fn found_sentence(trace: &Trace, state: Option<&State>, c: &Collection) -> String {
    let n = c.unreachable.len();
    if n == 0 {
        return format!(
            "gc: generation {} collection found no unreachable objects",
            c.generation
        );
    }
    format!(
        "gc: generation {} collection found {n} unreachable {}: {}",
        c.generation,
        plural(n, "object", "objects"),
        shape(trace, state, &c.unreachable)
    )
}

pub(super) fn finalize_sentence(trace: &Trace, obj: ObjId) -> String {
    format!("gc: finalizing {} before clearing", trace.label(obj))
}

pub(super) fn resurrected_sentence(trace: &Trace, obj: ObjId) -> String {
    format!(
        "gc: {} was resurrected by a finalizer: it survives this collection",
        trace.label(obj)
    )
}

pub(super) fn clear_sentence(trace: &Trace, obj: ObjId) -> String {
    format!(
        "gc: clearing the references of {} to break the cycle",
        trace.label(obj)
    )
}

pub(super) fn done_sentence(generation: u32, collected: u64, uncollectable: u64) -> String {
    format!(
        "gc: generation {generation} collection done: {collected} freed, {uncollectable} uncollectable"
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Up to [`NAMED`] labels, then how many more.
fn names(trace: &Trace, objs: &[ObjId]) -> String {
    let mut parts: Vec<String> = objs.iter().take(NAMED).map(|&o| trace.label(o)).collect();
    if objs.len() > NAMED {
        parts.push(format!("{} more", objs.len() - NAMED));
    }
    parts.join(", ")
}

/// How the unreachable objects hold each other: `A ↔ B`, `A → B → C → A`,
/// `A → A`, or their names when the shape is anything else.
fn shape(trace: &Trace, state: Option<&State>, objs: &[ObjId]) -> String {
    let Some(state) = state else {
        return names(trace, objs);
    };
    // An instance's `__dict__` is drawn as part of the instance.
    let owner_of_dict = |d: ObjId| {
        objs.iter().copied().find(|&o| {
            state.object(o).is_some_and(|s| {
                s.refs
                    .iter()
                    .any(|&(t, slot)| t == d && is_dict(trace, slot))
            })
        })
    };
    let nodes: Vec<ObjId> = objs
        .iter()
        .copied()
        .filter(|&o| owner_of_dict(o).is_none())
        .collect();
    if nodes.is_empty() || nodes.len() > NAMED {
        return names(trace, objs);
    }
    let node_of = |o: ObjId| owner_of_dict(o).unwrap_or(o);
    let edges = |from: ObjId| -> Vec<ObjId> {
        let mut out = Vec::new();
        let mut add = |t: ObjId| {
            if objs.contains(&t) {
                let n = node_of(t);
                if (n != from || t == from) && !out.contains(&n) {
                    out.push(n);
                }
            }
        };
        let Some(s) = state.object(from) else {
            return out;
        };
        for &(t, slot) in &s.refs {
            if is_dict(trace, slot) {
                // Through the instance's `__dict__` (collected or not).
                for &(v, _) in state.object(t).map_or(&[][..], |d| &d.refs[..]) {
                    add(v);
                }
            } else {
                add(t);
            }
        }
        out
    };
    let label = |o: ObjId| trace.label(o);
    if let [a] = nodes[..] {
        return if edges(a).contains(&a) {
            format!("{} → {}", label(a), label(a))
        } else {
            label(a)
        };
    }
    if let [a, b] = nodes[..]
        && edges(a).contains(&b)
        && edges(b).contains(&a)
    {
        return format!("{} ↔ {}", label(a), label(b));
    }
    // A ring through every node, in the collector's order where it can.
    let mut ring = vec![nodes[0]];
    while ring.len() < nodes.len() {
        let last = ring[ring.len() - 1];
        match edges(last).into_iter().find(|n| !ring.contains(n)) {
            Some(n) => ring.push(n),
            None => return names(trace, objs),
        }
    }
    if !edges(ring[ring.len() - 1]).contains(&ring[0]) {
        return names(trace, objs);
    }
    let mut parts: Vec<String> = ring.iter().map(|&o| label(o)).collect();
    parts.push(label(ring[0]));
    parts.join(" → ")
}

fn is_dict(trace: &Trace, slot: TraceSlot) -> bool {
    match slot {
        TraceSlot::Dict => true,
        TraceSlot::Field(f) => trace.sym(f) == "__dict__",
        _ => false,
    }
}
