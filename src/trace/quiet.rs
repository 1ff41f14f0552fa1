//! What the story summarises instead of telling: the objects the
//! interpreter shares or made to set the program up ([`quiet_objects`]), and
//! where references went that moved without an event naming their new
//! holder ([`silent_gains`]).

use super::model::*;
use super::store::{Trace, is_boundary};
use std::collections::HashMap;

/// Objects whose refcount traffic is summarised: what the interpreter shares
/// (None, small ints, interned strings, types), what it made to set the
/// program up (module, globals, code), and strings used as names.
pub fn quiet_objects(trace: &Trace) -> Vec<bool> {
    let mut quiet: Vec<bool> = trace
        .objects
        .iter()
        .map(|m| m.shared || m.born.is_some_and(|(_, line)| line == 0))
        .collect();
    // Constants of the program's code are part of the story even though
    // the compiler made them before the first line.
    let consts = trace.syms.lookup("co_consts");
    let mut dec = trace.decoder();
    while let Some(r) = dec.next() {
        if let Record::Refs { refs, .. } = r {
            for &(t, s) in refs {
                if let TraceSlot::Field(n) = s
                    && Some(n) == consts
                    && let Some(m) = trace.meta(t)
                    && !m.shared
                    && trace.type_name(t) != "code"
                    && let Some(q) = quiet.get_mut(t.0 as usize)
                {
                    *q = false;
                }
            }
            continue;
        }
        if let Record::Incref {
            holder: TraceHolder::Name { key, .. },
            ..
        }
        | Record::Decref {
            holder: TraceHolder::Name { key, .. },
            ..
        } = r
            && let Some(q) = quiet.get_mut(key.0 as usize)
        {
            *q = true;
        }
    }
    quiet
}

/// References that appeared inside objects without an event naming the new
/// holder (the items a new tuple took from the stack, a cell filled by
/// `STORE_DEREF`), found by comparing successive `Refs` records; keyed by
/// the step during which they appeared.
pub fn silent_gains(trace: &Trace) -> HashMap<u64, Vec<(ObjId, TraceHolder)>> {
    let mut out: HashMap<u64, Vec<(ObjId, TraceHolder)>> = HashMap::new();
    let mut last: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
    let dict = trace.syms.lookup("__dict__");
    let mut boundaries = 0u64;
    let mut dec = trace.decoder();
    while let Some(r) = dec.next() {
        if is_boundary(&r, trace.mode) {
            boundaries += 1;
            continue;
        }
        let (obj, refs, append) = match r {
            Record::Refs { obj, refs } => (obj, refs, false),
            Record::RefsAppend { obj, refs } => (obj, refs, true),
            Record::RefsPatch { obj, changes } => {
                let step = boundaries.checked_sub(2);
                let old = last.entry(obj).or_default();
                for &(pos, t) in changes {
                    if let Some(slot) = old.get_mut(pos as usize)
                        && *slot != t
                    {
                        *slot = t;
                        if let Some(step) = step {
                            out.entry(step)
                                .or_default()
                                .push((t, TraceHolder::Item(obj)));
                        }
                    }
                }
                continue;
            }
            Record::Free { obj, .. } => {
                last.remove(&obj);
                continue;
            }
            _ => continue,
        };
        let old = last.entry(obj).or_default();
        let mut before = if append {
            Vec::new()
        } else {
            std::mem::take(old)
        };
        let step = boundaries.checked_sub(2);
        for &(t, slot) in refs {
            if let Some(i) = before.iter().position(|&b| b == t) {
                before.swap_remove(i);
                continue;
            }
            let holder = match slot {
                TraceSlot::Index(_) | TraceSlot::Key(_) | TraceSlot::Value(_) => {
                    TraceHolder::Item(obj)
                }
                TraceSlot::Cell => TraceHolder::Cell(obj),
                TraceSlot::Field(n) => TraceHolder::Field(obj, n),
                TraceSlot::Dict => match dict {
                    Some(d) => TraceHolder::Field(obj, d),
                    None => continue,
                },
                _ => continue,
            };
            if let Some(step) = step {
                out.entry(step).or_default().push((t, holder));
            }
        }
        let old = last.entry(obj).or_default();
        if append {
            old.extend(refs.iter().map(|(t, _)| *t));
        } else {
            *old = refs.iter().map(|(t, _)| *t).collect();
        }
    }
    out
}
