//! The import opcodes. The import system itself is `runtime::imports`.

use super::{PyResult, Vm};
use crate::runtime::imports::level;
use crate::runtime::object::Payload;

impl Vm {
    /// IMPORT_NAME: `level fromlist -- module`. Calls the import system
    /// directly unless the program replaced `builtins.__import__` (then the
    /// replacement is called with `(name, globals, locals, fromlist, level)`).
    pub(crate) fn import_name(&mut self, name_index: usize) -> PyResult<()> {
        // Both stay on the stack while the import runs (CPython pops
        // fromlist into a C local: the same reference count).
        let [level, fromlist] = self.peek_n();
        let r = self.import_name_impl(name_index, fromlist, level);
        self.pop_release(&[level, fromlist]);
        self.push(r?);
        Ok(())
    }

    fn import_name_impl(
        &mut self,
        name_index: usize,
        fromlist: crate::runtime::heap::ObjRef,
        level: crate::runtime::heap::ObjRef,
    ) -> PyResult {
        let builtins = self.frame_ref().builtins;
        let Some(import) = self.dict_get_str(builtins, "__import__") else {
            let t = self.types.import_error;
            return Err(self.new_exception(t, "__import__ not found"));
        };
        let globals = self.frame_ref().globals;
        if Some(import) != self.imports.import_func {
            let name = self.code_name(name_index);
            let locals = self.frame_ref().locals.unwrap_or(self.types.none);
            self.incref(import, crate::runtime::events::Holder::Temp);
            let r = self.call(import, &[name, globals, locals, fromlist, level], None);
            self.decref_temp(import);
            return r;
        }
        let name = self.code_name_str(name_index);
        let lv = self.small_int_value(level).unwrap_or(0);
        level::import_module_level(self, &name, Some(globals), Some(fromlist), lv)
    }

    /// IMPORT_FROM: `module -- module attr`.
    pub(crate) fn import_from(&mut self, name_index: usize) -> PyResult<()> {
        let module = self.peek(0).unwrap_or_default();
        let name = self.code_name(name_index);
        let v = level::import_from(self, module, name)?;
        self.push(v);
        Ok(())
    }

    /// IMPORT_STAR: binds the module's public names into the locals.
    pub(crate) fn import_star(&mut self) -> PyResult<()> {
        let module = self.top();
        let Some(locals) = self.frame_ref().locals else {
            self.pop_release(&[module]);
            let t = self.types.system_error;
            return Err(self.new_exception(t, "no locals found during 'import *'"));
        };
        let r = level::import_all_from(self, locals, module);
        self.pop_release(&[module]);
        r
    }
}

/// Whether `o` is a module object.
pub fn is_module(vm: &Vm, o: crate::runtime::heap::ObjRef) -> bool {
    matches!(vm.heap.payload(o), Payload::Module { .. })
}
