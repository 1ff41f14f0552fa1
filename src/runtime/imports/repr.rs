//! `repr(module)` from its spec (`importlib._bootstrap._module_repr_from_spec`):
//! `<module 'm' from '/path/m.py'>`, `<module 'itertools' (built-in)>`,
//! `<module 'ns' (<…NamespaceLoader object at 0x…>)>`.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyResult, Vm};

/// The repr of a module that has a spec; None when `__spec__` is missing or None.
pub fn module_repr_from_spec(vm: &mut Vm, module: ObjRef) -> PyResult<Option<String>> {
    let Some(spec) = vm
        .heap
        .get(module)
        .dict
        .and_then(|d| vm.dict_get_str(d, "__spec__"))
        .filter(|&s| s != vm.types.none)
    else {
        return Ok(None);
    };
    vm.incref(spec, Holder::Temp);
    let r = super::with_temps(vm, &[spec], |vm| from_spec(vm, spec));
    vm.decref(spec, Holder::Temp);
    r.map(Some)
}

fn from_spec(vm: &mut Vm, spec: ObjRef) -> PyResult<String> {
    let name = attr_repr(vm, spec, "name")?.unwrap_or_else(|| "'?'".into());
    let origin = vm.getattr_opt(spec, "origin")?;
    let origin = match origin {
        Some(o) if o == vm.types.none => {
            vm.decref(o, Holder::Temp);
            None
        }
        o => o,
    };
    let Some(origin) = origin else {
        return Ok(match attr_repr(vm, spec, "loader")? {
            None => format!("<module {name}>"),
            Some(l) => format!("<module {name} ({l})>"),
        });
    };
    let has_location = match vm.getattr_opt(spec, "has_location") {
        Ok(Some(h)) => {
            let t = vm.is_true(h);
            vm.decref(h, Holder::Temp);
            t
        }
        Ok(None) => Ok(false),
        Err(e) => Err(e),
    };
    let r = match has_location {
        Ok(true) => vm
            .repr_string(origin)
            .map(|o| format!("<module {name} from {o}>")),
        Ok(false) => vm
            .str_string(origin)
            .map(|o| format!("<module {name} ({o})>")),
        Err(e) => Err(e),
    };
    vm.decref(origin, Holder::Temp);
    r
}

/// `repr(spec.<attr>)`, None when the attribute is missing or None.
fn attr_repr(vm: &mut Vm, spec: ObjRef, attr: &str) -> PyResult<Option<String>> {
    let Some(v) = vm.getattr_opt(spec, attr)? else {
        return Ok(None);
    };
    let r = if v == vm.types.none {
        Ok(None)
    } else {
        vm.repr_string(v).map(Some)
    };
    vm.decref(v, Holder::Temp);
    r
}

/// `module_getattro` after the module's dict had no `name`: the module's
/// own `__getattr__` (PEP 562), else AttributeError, worded for a module
/// whose body is still running as CPython words it.
pub fn module_getattr_missing(vm: &mut Vm, module: ObjRef, name: &str) -> PyResult {
    let dict = vm.heap.get(module).dict;
    if let Some(getattr) = dict.and_then(|d| vm.dict_get_str(d, "__getattr__")) {
        vm.incref(getattr, Holder::Temp);
        let n = vm.new_str(name);
        let r = super::with_temps(vm, &[getattr, n], |vm| vm.call(getattr, &[n], None));
        vm.decref(n, Holder::Temp);
        vm.decref(getattr, Holder::Temp);
        return r;
    }
    let mname = dict
        .and_then(|d| vm.dict_get_str(d, "__name__"))
        .and_then(|n| vm.str_value(n))
        .map(str::to_string);
    let Some(mname) = mname else {
        return Err(vm.attribute_error(format!("module has no attribute '{name}'")));
    };
    if super::level::is_initializing(vm, module) {
        return Err(vm.attribute_error(format!(
            "partially initialized module '{mname}' has no attribute '{name}' \
             (most likely due to a circular import)"
        )));
    }
    Err(vm.attribute_error(format!("module '{mname}' has no attribute '{name}'")))
}
