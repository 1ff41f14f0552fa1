//! Methods of frame objects: `frame.clear()` (`frame_clear`), which drops
//! the local variables and the value stack of a finished frame (what
//! `traceback.clear_frames` uses to let a held traceback stop keeping
//! locals alive). A frame still running cannot be cleared.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn frame_clear(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("clear", args.len() - 1, 0, 0)?;
    let fo = args[0];
    let taken = match vm.heap.payload_mut(fo) {
        Payload::Frame(data) => match data.owned.as_mut() {
            Some(frame) => {
                let locals: Vec<(usize, ObjRef)> = frame
                    .fast
                    .iter_mut()
                    .enumerate()
                    .filter_map(|(i, r)| r.take().map(|r| (i, r)))
                    .collect();
                let stack: Vec<ObjRef> = frame.stack.iter_mut().filter_map(Option::take).collect();
                Some((frame.id, locals, stack))
            }
            None => None,
        },
        _ => return Err(vm.type_error("descriptor 'clear' requires a 'frame' object")),
    };
    let Some((id, locals, stack)) = taken else {
        return Err(vm.runtime_error("cannot clear an executing frame"));
    };
    for (i, r) in locals {
        vm.decref(r, Holder::Local(id, i as u32));
    }
    for r in stack {
        vm.decref(r, Holder::Stack(id));
    }
    Ok(vm.none())
}

/// The frame a frame object stands for: its own (finished) frame, or the
/// running frame with its id.
fn frame_of(vm: &Vm, fo: ObjRef) -> Option<&crate::runtime::vm::frame::Frame> {
    let Payload::Frame(data) = vm.heap.payload(fo) else {
        return None;
    };
    match &data.owned {
        Some(f) => Some(f),
        None => vm.frames.iter().rev().find(|f| f.id == data.frame_id),
    }
}

/// `frame.f_locals` of a function frame: a new dict of the bound local,
/// cell and free variables by name (`PyFrame_FastToLocals`).
fn fast_locals_dict(vm: &mut Vm, fo: ObjRef) -> PyResult {
    use crate::bytecode::{CO_FAST_CELL, CO_FAST_FREE};
    let pairs: Vec<(Rc<str>, ObjRef, bool)> = match frame_of(vm, fo) {
        Some(f) => f
            .code
            .localsplusnames
            .iter()
            .zip(f.code.localspluskinds.iter())
            .zip(f.fast.iter())
            .filter_map(|((n, k), v)| {
                v.map(|v| (n.clone(), v, k & (CO_FAST_CELL | CO_FAST_FREE) != 0))
            })
            .collect(),
        None => Vec::new(),
    };
    let d = vm.new_dict();
    for (name, v, is_cell) in pairs {
        // Cell and free variables show their contents.
        let v = match vm.heap.payload(v) {
            Payload::Cell(Some(c)) if is_cell => *c,
            Payload::Cell(None) if is_cell => continue,
            _ => v,
        };
        if let Err(e) = vm.dict_set_str(d, &name, v) {
            vm.decref_temp(d);
            return Err(e);
        }
    }
    Ok(d)
}

/// Attributes of frame objects: `f_code`, `f_globals`, `f_builtins`,
/// `f_locals`, `f_lineno`, `f_back` (None: pysim does not link frame objects).
pub fn frame_getattr(vm: &mut Vm, fo: ObjRef, name: &str) -> Option<PyResult> {
    let lineno = match vm.heap.payload(fo) {
        Payload::Frame(data) => data.lineno,
        _ => return None,
    };
    let (code, globals, builtins, locals, line) = {
        let f = frame_of(vm, fo)?;
        let line = if lineno != 0 {
            lineno
        } else {
            f.current_line()
        };
        (f.code_obj, f.globals, f.builtins, f.locals, line)
    };
    Some(match name {
        "f_code" => Ok(vm.new_ref(code)),
        "f_globals" => Ok(vm.new_ref(globals)),
        "f_builtins" => Ok(vm.new_ref(builtins)),
        "f_lineno" => Ok(vm.new_int(i64::from(line))),
        "f_back" => Ok(vm.none()),
        "f_locals" => match locals {
            Some(l) => Ok(vm.new_ref(l)),
            None => fast_locals_dict(vm, fo),
        },
        _ => return None,
    })
}

static FRAME_METHODS: &[NativeDef] = &[native!("clear", frame_clear)];

pub(super) fn install(vm: &mut Vm) {
    let f = vm.types.frame;
    vm.add_methods(f, FRAME_METHODS);
}
