//! Who holds an object, in words a student can follow: "the global name
//! `a`", "item 0 of the list `outer`", "local variable `x` of `f()`".
//!
//! Computed from the interpreter state at one moment by inverting every
//! outgoing reference (frames, heap objects, interpreter roots), so the
//! holders listed always add up to the object's reference count.

use crate::runtime::heap::ObjRef;
use crate::runtime::inspect::{Inspector, Slot, frame_refs};
use crate::runtime::object::Payload;
use std::collections::HashMap;

/// A short description of an object: `the int 1000`, `a list`, `a Node object`.
pub fn describe(vm: &dyn Inspector, obj: ObjRef) -> String {
    if !vm.heap().contains(obj) {
        return "a dead object".into();
    }
    let ty = vm.type_name(obj);
    match vm.value_text(obj) {
        Some(v)
            if matches!(
                &*ty,
                "int" | "float" | "str" | "bool" | "bytes" | "NoneType"
            ) =>
        {
            format!("the {ty} {v}")
        }
        Some(v) if &*ty == "function" => format!("the function {v}"),
        Some(v) if &*ty == "type" => format!("the class {v}"),
        _ => {
            let n = match &vm.heap().get(obj).payload {
                Payload::List(items) => Some(items.len()),
                Payload::Tuple(items) => Some(items.len()),
                Payload::Dict(d) => Some(d.map.len()),
                _ => None,
            };
            let article = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            match n {
                Some(1) => format!("{article} {ty} (1 item)"),
                Some(n) => format!("{article} {ty} ({n} items)"),
                None if matches!(&*ty, "list" | "dict" | "tuple" | "set" | "function") => {
                    format!("{article} {ty}")
                }
                None => format!("{article} {ty} object"),
            }
        }
    }
}

fn str_text(vm: &dyn Inspector, r: ObjRef) -> Option<String> {
    match &vm.heap().objects.get(r)?.payload {
        Payload::Str(s) => Some(s.text.to_string()),
        _ => None,
    }
}

/// The key of dict entry `i`, as text.
fn dict_key(vm: &dyn Inspector, dict: ObjRef, i: u32) -> String {
    match vm.heap().objects.get(dict).map(|o| &o.payload) {
        Some(Payload::Dict(d)) => d
            .map
            .values()
            .nth(i as usize)
            .map(|&(k, _)| {
                str_text(vm, k)
                    .map(|s| format!("'{s}'"))
                    .or_else(|| vm.value_text(k))
                    .unwrap_or_else(|| describe(vm, k))
            })
            .unwrap_or_else(|| "?".into()),
        _ => "?".into(),
    }
}

/// The name of a frame's function for messages: `f()` or `the module`.
fn frame_title(name: &str) -> String {
    if name == "<module>" {
        "the module".into()
    } else {
        format!("{name}()")
    }
}

/// A name bound to `obj` in the running frame's locals or globals, for
/// phrases like "item 0 of the list `outer`".
fn bound_name(vm: &dyn Inspector, obj: ObjRef) -> Option<String> {
    let frame = vm.frames().last()?;
    for (i, r) in frame.fast.iter().enumerate() {
        if *r == Some(obj) {
            return frame.code.localsplusnames.get(i).map(|n| n.to_string());
        }
    }
    for ns in [frame.locals, Some(frame.globals)].into_iter().flatten() {
        if let Some(Payload::Dict(d)) = vm.heap().objects.get(ns).map(|o| &o.payload) {
            for &(k, v) in d.map.values() {
                if v == obj {
                    return str_text(vm, k);
                }
            }
        }
    }
    None
}

/// `obj` with its name when it has one: "the list `outer`" or "a list".
fn named(vm: &dyn Inspector, obj: ObjRef) -> String {
    let d = describe(vm, obj);
    match bound_name(vm, obj) {
        Some(n) => {
            let ty = vm.type_name(obj);
            format!("the {ty} `{n}`")
        }
        None => d,
    }
}

/// Every holder of `target` at this moment, one phrase per reference.
pub fn holders(vm: &dyn Inspector, target: ObjRef) -> Vec<String> {
    let mut out = Vec::new();
    if !vm.heap().contains(target) {
        return out;
    }
    // Which dicts are namespaces: module globals, instance or class dicts.
    let mut globals: HashMap<ObjRef, ()> = HashMap::new();
    for f in vm.frames() {
        globals.insert(f.globals, ());
    }
    let mut dict_owner: HashMap<ObjRef, ObjRef> = HashMap::new();
    for (r, o) in vm.heap().objects.iter() {
        if let Some(d) = o.dict {
            if matches!(o.payload, Payload::Module { .. }) {
                globals.insert(d, ());
            } else {
                dict_owner.insert(d, r);
            }
        }
    }
    let mut refs = Vec::new();
    for f in vm.frames() {
        refs.clear();
        frame_refs(f, &mut refs);
        let title = frame_title(&f.code.name);
        for &(r, slot) in &refs {
            if r != target {
                continue;
            }
            out.push(match slot {
                Slot::Local(i) => {
                    let name = f.code.localsplusnames.get(i as usize).map(|n| n.to_string());
                    format!(
                        "local variable `{}` of {title}",
                        name.unwrap_or_else(|| "?".into())
                    )
                }
                Slot::Stack => format!(
                    "the evaluation stack of {title} (a value in use: a loop's iterator, a call in progress…)"
                ),
                Slot::FrameField(n) => format!("the running frame of {title} ({n})"),
                _ => format!("the frame of {title}"),
            });
        }
    }
    for (h, _) in vm.heap().objects.iter() {
        refs.clear();
        vm.refs(h, &mut refs);
        for &(r, slot) in &refs {
            if r != target {
                continue;
            }
            out.push(match slot {
                Slot::Value(i) if globals.contains_key(&h) => {
                    format!("the global name {}", dict_key(vm, h, i).replace('\'', "`"))
                }
                Slot::Value(i) => match dict_owner.get(&h) {
                    Some(&owner) if vm.type_name(owner).as_ref() == "type" => format!(
                        "class attribute {} of {}",
                        dict_key(vm, h, i).replace('\'', "`"),
                        describe(vm, owner)
                    ),
                    Some(&owner) => format!(
                        "attribute {} of {}",
                        dict_key(vm, h, i).replace('\'', "`"),
                        named(vm, owner)
                    ),
                    None => format!(
                        "the value for key {} in {}",
                        dict_key(vm, h, i),
                        named(vm, h)
                    ),
                },
                Slot::Key(_) => format!("a key of {}", named(vm, h)),
                Slot::Index(i) => {
                    let ty = vm.type_name(h);
                    if matches!(&*ty, "set" | "frozenset") {
                        format!("a member of {}", named(vm, h))
                    } else {
                        format!("item {i} of {}", named(vm, h))
                    }
                }
                Slot::Cell => "a closure cell (a variable captured by an inner function)".into(),
                Slot::Dict => format!("the `__dict__` of {}", named(vm, h)),
                Slot::Type => format!(
                    "the class pointer of {} (instances hold their class)",
                    named(vm, h)
                ),
                Slot::Field(n) => format!("the `{n}` field of {}", named(vm, h)),
                Slot::Local(i) => {
                    let name = vm
                        .owned_frame(h)
                        .and_then(|f| {
                            f.code
                                .localsplusnames
                                .get(i as usize)
                                .map(|n| n.to_string())
                        })
                        .unwrap_or_else(|| "?".into());
                    format!(
                        "local variable `{name}` of a suspended frame ({})",
                        named(vm, h)
                    )
                }
                Slot::Stack => format!("the stack of a suspended frame ({})", named(vm, h)),
                Slot::FrameField(n) => format!("the frame of {} ({n})", named(vm, h)),
            });
        }
    }
    vm.for_each_root(&mut |r, why| {
        if r == target {
            out.push(format!("the interpreter itself ({why})"));
        }
    });
    out
}

/// Phrases grouped with counts: "the global name `a` (×2)".
pub fn summarise(list: &[String]) -> Vec<String> {
    let mut order: Vec<(String, usize)> = Vec::new();
    for h in list {
        match order.iter_mut().find(|(t, _)| t == h) {
            Some((_, n)) => *n += 1,
            None => order.push((h.clone(), 1)),
        }
    }
    order
        .into_iter()
        .map(|(t, n)| if n == 1 { t } else { format!("{t} (×{n})") })
        .collect()
}
