//! Interpreter exit as CPython 3.11's `Py_FinalizeEx` performs it, as far as
//! user-visible finalizers go:
//!
//! 1. `atexit` callbacks, last registered first;
//! 2. `_PyGC_CollectIfEnabled`: a full collection while `__main__` is still
//!    in `sys.modules` (it reorders the generation lists: objects reached
//!    only through containers move behind the others, in traversal order);
//! 3. `finalize_modules`: every module leaves `sys.modules`; if nothing else
//!    holds it, the module and (unless functions or classes refer back to
//!    it) its namespace are freed by reference counting, in insertion order;
//! 4. `_PyGC_CollectNoFail`: a full collection (even with the collector
//!    disabled) — a namespace in a cycle with its functions and classes is
//!    garbage now, so every `__del__` runs in generation-list order, then
//!    `tp_clear` frees what is left;
//! 5. a `__main__` module still alive has its namespace cleared
//!    (`_PyModule_ClearDict`: names starting with one underscore first,
//!    then all others but `__builtins__`, each set to None).

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::Vm;

impl Vm {
    /// Runs the exit sequence for the `__main__` module `module`.
    pub fn finalize_interpreter(&mut self, module: ObjRef) {
        self.run_atexit_callbacks();
        if self.gc.enabled && !self.gc.collecting {
            self.gc_collect_with_callback(2);
        }
        // finalize_remove_modules: every sys.modules value becomes None.
        let modules = self.types.modules;
        let none = self.types.none;
        for (k, _) in self.dict_items(modules) {
            self.incref(k, Holder::Temp);
            if let Err(e) = self.dict_set(modules, k, none) {
                self.discard_err(e);
            }
            self.decref(k, Holder::Temp);
        }
        if !self.gc.collecting {
            self.gc.collecting = true;
            self.gc_collect_main(2);
            self.gc.collecting = false;
        }
        if self.heap.contains(module)
            && let Some(d) = self.heap.get(module).dict
        {
            self.incref(d, Holder::Temp);
            self.clear_module_dict(d);
            self.decref(d, Holder::Temp);
        }
    }

    /// `_PyModule_ClearDict`.
    fn clear_module_dict(&mut self, d: ObjRef) {
        let none = self.types.none;
        for pass in 0..2 {
            for (k, v) in self.dict_items(d) {
                if v == none {
                    continue;
                }
                let Some(name) = self.str_value(k).map(str::to_string) else {
                    continue;
                };
                let single_underscore = name.starts_with('_') && !name.starts_with("__");
                let clear = if pass == 0 {
                    single_underscore
                } else {
                    name != "__builtins__"
                };
                if clear {
                    self.incref(k, Holder::Temp);
                    if let Err(e) = self.dict_set(d, k, none) {
                        self.discard_err(e);
                    }
                    self.decref(k, Holder::Temp);
                }
            }
        }
    }
}
