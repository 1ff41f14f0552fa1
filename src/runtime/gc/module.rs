//! The `gc` module: collect, enable/disable, thresholds and counts,
//! get_objects/get_referrers/get_referents, is_tracked/is_finalized,
//! freeze/unfreeze, garbage, callbacks, debug flags and get_stats.

use super::NUM_GENERATIONS;
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::{GcHead, ObjRef};
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

type Args<'a> = &'a [ObjRef];
type Kw<'a> = Option<&'a [Rc<str>]>;

fn gc_collect(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    let a = vm.parse_args("collect", args, kw, &["generation"], 0)?;
    let generation = match a[0] {
        Some(g) => vm.index_value(g)?,
        None => 2,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    let n = if vm.gc.collecting {
        0
    } else {
        vm.gc_collect_with_callback(generation as usize)
    };
    Ok(vm.new_int(n as i64))
}

fn gc_enable(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("enable", args.len(), 0, 0)?;
    vm.gc.enabled = true;
    Ok(vm.none())
}

fn gc_disable(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("disable", args.len(), 0, 0)?;
    vm.gc.enabled = false;
    Ok(vm.none())
}

fn gc_isenabled(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("isenabled", args.len(), 0, 0)?;
    let b = vm.gc.enabled;
    Ok(vm.bool(b))
}

fn int_tuple(vm: &mut Vm, values: &[i64]) -> ObjRef {
    let items = values.iter().map(|&v| vm.new_int(v)).collect();
    vm.new_tuple(items)
}

fn gc_get_threshold(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("get_threshold", args.len(), 0, 0)?;
    let t = vm.gc.thresholds;
    Ok(int_tuple(vm, &t))
}

fn gc_set_threshold(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    vm.no_kwargs("set_threshold", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(format!(
            "set_threshold() takes at {} 1 argument{} ({} given)",
            if args.is_empty() { "least" } else { "most" },
            if args.is_empty() { "" } else { "s" },
            args.len()
        )));
    }
    let mut values = Vec::new();
    for &a in args {
        values.push(vm.index_value(a)?);
    }
    for (i, v) in values.into_iter().enumerate() {
        vm.gc.thresholds[i] = v;
    }
    Ok(vm.none())
}

fn gc_get_count(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("get_count", args.len(), 0, 0)?;
    let c = vm.gc.counts;
    Ok(int_tuple(vm, &c))
}

fn list_of(vm: &mut Vm, objs: Vec<ObjRef>) -> ObjRef {
    for &o in &objs {
        vm.incref(o, Holder::Temp);
    }
    vm.new_list(objs)
}

fn gc_get_objects(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    let a = vm.parse_args("get_objects", args, kw, &["generation"], 0)?;
    let generation = match a[0].filter(|&g| g != vm.types.none) {
        None => -1,
        Some(g) => vm.index_value(g)?,
    };
    // -1 (the default) means every generation.
    let gens: Vec<u8> = match generation {
        -1 => (0..NUM_GENERATIONS as u8).collect(),
        g => {
            if g >= NUM_GENERATIONS as i64 {
                return Err(vm.value_error(format!(
                    "generation parameter must be less than the number of available generations ({NUM_GENERATIONS})"
                )));
            }
            if g < 0 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            vec![g as u8]
        }
    };
    let objs: Vec<ObjRef> = gens.into_iter().flat_map(|g| vm.gc_list(g)).collect();
    Ok(list_of(vm, objs))
}

fn gc_get_referrers(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    vm.no_kwargs("get_referrers", kw)?;
    let mut found = Vec::new();
    for g in 0..NUM_GENERATIONS as u8 {
        for o in vm.gc_list(g) {
            let mut hit = false;
            vm.gc_traverse(o, &mut |r| hit |= args.contains(&r));
            if hit {
                found.push(o);
            }
        }
    }
    Ok(list_of(vm, found))
}

fn gc_get_referents(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    vm.no_kwargs("get_referents", kw)?;
    let mut found = Vec::new();
    for &o in args {
        if vm.heap.get(o).gc.has(GcHead::F_GC_TYPE) {
            vm.gc_traverse(o, &mut |r| found.push(r));
        }
    }
    Ok(list_of(vm, found))
}

fn gc_is_tracked(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("is_tracked", args.len(), 1, 1)?;
    let b = vm.gc_is_tracked(args[0]);
    Ok(vm.bool(b))
}

fn gc_is_finalized(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("is_finalized", args.len(), 1, 1)?;
    let obj = vm.heap.get(args[0]);
    let b = obj.finalized && obj.gc.has(GcHead::F_GC_TYPE);
    Ok(vm.bool(b))
}

fn gc_freeze(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("freeze", args.len(), 0, 0)?;
    for g in 0..NUM_GENERATIONS as u8 {
        for o in vm.gc_take_list(g) {
            vm.gc_track_in(o, GcHead::PERMANENT);
        }
    }
    vm.gc.counts[0] = 0;
    Ok(vm.none())
}

fn gc_unfreeze(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("unfreeze", args.len(), 0, 0)?;
    for o in vm.gc_take_list(GcHead::PERMANENT) {
        vm.gc_track_in(o, (NUM_GENERATIONS - 1) as u8);
    }
    Ok(vm.none())
}

fn gc_get_freeze_count(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("get_freeze_count", args.len(), 0, 0)?;
    let n = vm.gc.permanent.live;
    Ok(vm.new_int(n as i64))
}

fn gc_set_debug(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("set_debug", args.len(), 1, 1)?;
    vm.gc.debug = vm.index_value(args[0])?;
    Ok(vm.none())
}

fn gc_get_debug(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("get_debug", args.len(), 0, 0)?;
    let d = vm.gc.debug;
    Ok(vm.new_int(d))
}

fn gc_get_stats(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("get_stats", args.len(), 0, 0)?;
    let mut dicts = Vec::new();
    for s in vm.gc.stats {
        let d = vm.new_dict();
        for (k, v) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            let v = vm.new_int(v as i64);
            vm.dict_set_str(d, k, v)?;
            vm.decref_temp(v);
        }
        dicts.push(d);
    }
    Ok(vm.new_list(dicts))
}

static GC_FUNCTIONS: &[NativeDef] = &[
    native!("collect", gc_collect),
    native!("enable", gc_enable),
    native!("disable", gc_disable),
    native!("isenabled", gc_isenabled),
    native!("get_threshold", gc_get_threshold),
    native!("set_threshold", gc_set_threshold),
    native!("get_count", gc_get_count),
    native!("get_objects", gc_get_objects),
    native!("get_referrers", gc_get_referrers),
    native!("get_referents", gc_get_referents),
    native!("is_tracked", gc_is_tracked),
    native!("is_finalized", gc_is_finalized),
    native!("freeze", gc_freeze),
    native!("unfreeze", gc_unfreeze),
    native!("get_freeze_count", gc_get_freeze_count),
    native!("set_debug", gc_set_debug),
    native!("get_debug", gc_get_debug),
    native!("get_stats", gc_get_stats),
];

/// Fills the `gc` module's namespace `d` (its `garbage` and `callbacks`
/// lists are the collector's, also held by the collector state).
pub fn fill(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    vm.add_module_functions(d, d, GC_FUNCTIONS);
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        let v = vm.new_int(v);
        vm.dict_set_str(d, name, v)?;
        vm.decref_temp(v);
    }
    let garbage = match vm.gc.garbage {
        Some(l) => l,
        None => {
            let l = vm.new_list(Vec::new());
            vm.gc.garbage = Some(l);
            l
        }
    };
    vm.dict_set_str(d, "garbage", garbage)?;
    let callbacks = match vm.gc.callbacks {
        Some(l) => l,
        None => {
            let l = vm.new_list(Vec::new());
            vm.gc.callbacks = Some(l);
            l
        }
    };
    vm.dict_set_str(d, "callbacks", callbacks)?;
    Ok(())
}
