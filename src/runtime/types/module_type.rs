//! The `module` type's constructor (`types.ModuleType(name, doc=None)`):
//! `module.__new__` makes an empty module, `module.__init__` fills its
//! dict with `__name__`, `__doc__`, `__package__`, `__loader__`, `__spec__`.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn module_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    let name = vm.new_str("");
    let m = vm.alloc(cls, Payload::Module { name });
    vm.instance_dict(m);
    Ok(m)
}

fn module_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let m = args[0];
    let a = vm.parse_args("module", &args[1..], k, &["name", "doc"], 1)?;
    let name = a[0].unwrap_or(vm.types.none);
    if vm.str_value(name).is_none() {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {tn}")));
    }
    let none = vm.types.none;
    let doc = a[1].unwrap_or(none);
    vm.incref(name, Holder::Field(m, "__name__"));
    let old = match vm.heap.payload_mut(m) {
        Payload::Module { name: n } => std::mem::replace(n, name),
        _ => name,
    };
    vm.decref(old, Holder::Field(m, "__name__"));
    let d = vm.instance_dict(m);
    vm.dict_set_str(d, "__name__", name)?;
    vm.dict_set_str(d, "__doc__", doc)?;
    for key in ["__package__", "__loader__", "__spec__"] {
        vm.dict_set_str(d, key, none)?;
    }
    Ok(vm.none())
}

static MODULE_NEW: NativeDef = native!("__new__", module_new);
static MODULE_METHODS: &[NativeDef] = &[native!("__init__", module_init)];

pub(super) fn install(vm: &mut Vm) {
    let m = vm.types.module;
    vm.add_bound_builtin(m, &MODULE_NEW);
    vm.add_methods(m, MODULE_METHODS);
}
