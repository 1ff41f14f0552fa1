//! `_tracemalloc` (native: start/stop, traced memory, raw traces) and
//! `tracemalloc` (embedded Python on top of it: snapshots, statistics,
//! filters, comparisons — in the style of CPython's `Lib/tracemalloc.py`).

use super::memory::py_bool;
use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::NativeDef;
use crate::runtime::tracemalloc::{TraceFrame, Tracer};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

type Args<'a> = &'a [ObjRef];
type Kw<'a> = Option<&'a [Rc<str>]>;

pub const TRACEMALLOC_PY: &str = include_str!("tracemalloc_extras.py");

fn start(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    let a = vm.parse_args("start", args, kw, &["nframe"], 0)?;
    let nframe = match a[0] {
        Some(n) => vm.index_value(n)?,
        None => 1,
    };
    if !(1..=65535).contains(&nframe) {
        return Err(vm.value_error("the number of frames must be in range [1; 65535]"));
    }
    match vm.tracemalloc.as_mut() {
        Some(t) => t.nframe = nframe as usize,
        None => vm.tracemalloc = Some(Box::new(Tracer::new(nframe as usize))),
    }
    Ok(vm.none())
}

fn stop(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    vm.tracemalloc = None;
    Ok(vm.none())
}

fn is_tracing(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    let b = vm.tracemalloc.is_some();
    Ok(py_bool(vm, b))
}

fn get_traced_memory(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    vm.sync_storage();
    let (c, p) = vm
        .tracemalloc
        .as_ref()
        .map_or((0, 0), |t| (t.current, t.peak));
    let c = vm.new_int(c as i64);
    let p = vm.new_int(p as i64);
    Ok(vm.new_tuple(vec![c, p]))
}

fn reset_peak(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    vm.sync_storage();
    if let Some(t) = vm.tracemalloc.as_mut() {
        t.peak = t.current;
    }
    Ok(vm.none())
}

fn clear_traces(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    if let Some(t) = vm.tracemalloc.as_mut() {
        let nframe = t.nframe;
        **t = Tracer::new(nframe);
    }
    Ok(vm.none())
}

fn get_traceback_limit(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    let n = vm.tracemalloc.as_ref().map_or(1, |t| t.nframe);
    Ok(vm.new_int(n as i64))
}

fn get_tracemalloc_memory(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    let n = vm.tracemalloc.as_ref().map_or(0, |t| t.traces.len() * 64);
    Ok(vm.new_int(n as i64))
}

/// A traceback as a tuple of (filename, lineno) tuples.
fn traceback_tuple(vm: &mut Vm, frames: &[TraceFrame]) -> ObjRef {
    let items = frames
        .iter()
        .map(|(f, l)| {
            let f = vm.new_str(f);
            let l = vm.new_int(i64::from(*l));
            vm.new_tuple(vec![f, l])
        })
        .collect();
    vm.new_tuple(items)
}

/// `_get_traces()`: a list of (domain, size, traceback, total_nframe).
fn get_traces(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    vm.sync_storage();
    let traces = vm.traces();
    let mut out = Vec::with_capacity(traces.len());
    for (size, frames) in traces {
        let domain = vm.new_int(0);
        let size = vm.new_int(i64::from(size));
        let tb = traceback_tuple(vm, &frames);
        let n = vm.new_int(frames.len() as i64);
        out.push(vm.new_tuple(vec![domain, size, tb, n]));
    }
    Ok(vm.new_list(out))
}

/// `_get_object_traceback(obj)`: the traceback of the block holding `obj`.
fn get_object_traceback(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("_get_object_traceback", args.len(), 1, 1)?;
    // As 3.11's `_PyTraceMalloc_GetTraceback`, only the GC header is
    // subtracted: objects with a managed-dict pre-header are not found.
    let obj = vm.heap.get(args[0]);
    let block = if obj.gc.has(crate::runtime::heap::GcHead::F_GC_TYPE) {
        obj.addr - u64::from(crate::runtime::memory::GC_HEADER)
    } else {
        obj.addr
    };
    let frames = vm
        .tracemalloc
        .as_ref()
        .and_then(|t| t.traces.get(&block).map(|(_, f)| f.clone()));
    match frames {
        Some(f) => Ok(traceback_tuple(vm, &f)),
        None => Ok(vm.none()),
    }
}

static FUNCTIONS: &[NativeDef] = &[
    native!("start", start),
    native!("stop", stop),
    native!("is_tracing", is_tracing),
    native!("get_traced_memory", get_traced_memory),
    native!("reset_peak", reset_peak),
    native!("clear_traces", clear_traces),
    native!("get_traceback_limit", get_traceback_limit),
    native!("get_tracemalloc_memory", get_tracemalloc_memory),
    native!("_get_traces", get_traces),
    native!("_get_object_traceback", get_object_traceback),
];

/// Fills `_tracemalloc`'s namespace `d`.
pub fn fill(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    vm.add_module_functions(d, d, FUNCTIONS);
    Ok(())
}
