//! `tuple` construction (`tuple(iterable)`, subclasses) — its other methods
//! are shared with list (`index`, `count`) or are native dunders.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn tuple_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("tuple", k)?;
    let cls = args[1];
    vm.check_nargs("tuple", args.len() - 2, 0, 1)?;
    let items = match args.get(2) {
        Some(&it) => {
            if cls == vm.types.tuple {
                return vm.tuple_from_iterable(it);
            }
            vm.collect_iterable(it)?
        }
        None => Vec::new(),
    };
    if cls == vm.types.tuple {
        return Ok(vm.new_tuple(items));
    }
    Ok(vm.alloc(cls, Payload::Tuple(items.into_boxed_slice())))
}

static TUPLE_NEW: NativeDef = native!("__new__", tuple_new);

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types.tuple;
    vm.add_bound_builtin(t, &TUPLE_NEW);
}
