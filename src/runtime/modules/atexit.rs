//! The `atexit` module: callbacks run at interpreter exit, last registered first.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

type Args<'a> = &'a [ObjRef];
type Kw<'a> = Option<&'a [Rc<str>]>;

fn register(vm: &mut Vm, args: Args, kw: Kw) -> PyResult {
    let (pos, kwargs) = crate::runtime::types::native::split_kwargs(args, kw);
    let Some(&func) = pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let rest = vm.new_tuple_from(&pos[1..]);
    let kwd = if kwargs.is_empty() {
        None
    } else {
        let d = vm.new_dict();
        for (k, v) in kwargs {
            let key = vm.new_str(&k);
            vm.dict_set(d, key, v)?;
            vm.decref(key, Holder::Temp);
        }
        Some(d)
    };
    vm.incref(func, Holder::Root("atexit"));
    vm.memory_types.atexit.push((func, rest, kwd));
    Ok(vm.new_ref(func))
}

fn unregister(vm: &mut Vm, args: Args, _k: Kw) -> PyResult {
    vm.check_nargs("unregister", args.len(), 1, 1)?;
    let mut i = 0;
    while i < vm.memory_types.atexit.len() {
        let f = vm.memory_types.atexit[i].0;
        if f == args[0] || vm.eq_bool(f, args[0])? {
            let (f, a, k) = vm.memory_types.atexit.remove(i);
            vm.decref(f, Holder::Root("atexit"));
            vm.decref(a, Holder::Root("atexit"));
            vm.xdecref(k, Holder::Root("atexit"));
        } else {
            i += 1;
        }
    }
    Ok(vm.none())
}

fn run_exitfuncs(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    vm.run_atexit_callbacks();
    Ok(vm.none())
}

fn clear(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    for (f, a, k) in std::mem::take(&mut vm.memory_types.atexit) {
        vm.decref(f, Holder::Root("atexit"));
        vm.decref(a, Holder::Root("atexit"));
        vm.xdecref(k, Holder::Root("atexit"));
    }
    Ok(vm.none())
}

fn ncallbacks(vm: &mut Vm, _a: Args, _k: Kw) -> PyResult {
    let n = vm.memory_types.atexit.len();
    Ok(vm.new_int(n as i64))
}

static ATEXIT_FUNCTIONS: &[NativeDef] = &[
    native!("register", register),
    native!("unregister", unregister),
    native!("_run_exitfuncs", run_exitfuncs),
    native!("_clear", clear),
    native!("_ncallbacks", ncallbacks),
];

/// Fills `atexit`'s namespace `d`.
pub fn fill(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    vm.add_module_functions(d, d, ATEXIT_FUNCTIONS);
    Ok(())
}

impl Vm {
    /// `atexit._run_exitfuncs`: every callback, last registered first;
    /// exceptions are reported as unraisable.
    pub fn run_atexit_callbacks(&mut self) {
        while let Some((f, a, k)) = self.memory_types.atexit.pop() {
            let mut args = self.seq_items(a).unwrap_or_default();
            let mut names: Vec<Rc<str>> = Vec::new();
            if let Some(k) = k {
                for (key, v) in self.dict_items(k) {
                    names.push(self.str_rc(key).unwrap_or_else(|| "".into()));
                    args.push(v);
                }
            }
            let kw = (!names.is_empty()).then_some(&names[..]);
            match self.call(f, &args, kw) {
                Ok(r) => self.decref(r, Holder::Temp),
                Err(e) => self.write_unraisable(e, Some(f)),
            }
            self.decref(f, Holder::Root("atexit"));
            self.decref(a, Holder::Root("atexit"));
            self.xdecref(k, Holder::Root("atexit"));
        }
    }
}
