//! Imports, for now only of modules already in `sys.modules` (`sys`,
//! `builtins`); anything else raises ModuleNotFoundError as CPython does for
//! a missing module. (The full import system comes later.)

use super::{PyResult, Vm};
use crate::runtime::events::Holder;
use crate::runtime::object::Payload;

impl Vm {
    /// IMPORT_NAME: `level fromlist -- module`.
    pub(crate) fn import_name(&mut self, name_index: usize) -> PyResult<()> {
        let name = self.code_name_str(name_index);
        let fromlist = self.pop();
        let level = self.pop();
        let modules = self.types.modules;
        let top = name.split('.').next().unwrap_or("").to_string();
        let mut found = self.dict_get_str(modules, &name);
        if found.is_none()
            && let Some(r) = crate::runtime::modules::import_builtin(self, &name)
        {
            match r {
                Ok(m) => {
                    self.decref(m, Holder::Temp);
                    found = self.dict_get_str(modules, &name);
                }
                Err(e) => {
                    self.drop_stack(level);
                    self.drop_stack(fromlist);
                    return Err(e);
                }
            }
        }
        let result = match found {
            Some(m) => {
                // Without a fromlist, `import a.b` binds the top-level package.
                let fromlist_empty = fromlist == self.types.none
                    || self.seq_items(fromlist).is_some_and(|i| i.is_empty());
                let m = if fromlist_empty && top != *name {
                    self.dict_get_str(modules, &top).unwrap_or(m)
                } else {
                    m
                };
                Ok(self.new_ref(m))
            }
            None => {
                let t = self.types.module_not_found_error;
                Err(self.new_exception(t, format!("No module named '{top}'")))
            }
        };
        self.drop_stack(level);
        self.drop_stack(fromlist);
        self.push(result?);
        Ok(())
    }

    /// IMPORT_FROM: `module -- module attr`.
    pub(crate) fn import_from(&mut self, name_index: usize) -> PyResult<()> {
        let module = self.peek(0).unwrap_or_default();
        let name = self.code_name(name_index);
        match self.getattr(module, name) {
            Ok(v) => {
                self.push(v);
                Ok(())
            }
            Err(e) if self.err_matches(&e, self.types.attribute_error) => {
                self.discard_err(e);
                let n = self.code_name_str(name_index);
                let mname = match self.heap.payload(module) {
                    Payload::Module { name } => self.str_value(*name).unwrap_or("?").to_string(),
                    _ => "?".into(),
                };
                let t = self.types.import_error;
                Err(self.new_exception(
                    t,
                    format!("cannot import name '{n}' from '{mname}' (unknown location)"),
                ))
            }
            Err(e) => Err(e),
        }
    }

    /// IMPORT_STAR: binds every public name of the module into the locals.
    pub(crate) fn import_star(&mut self) -> PyResult<()> {
        let module = self.pop();
        let dict = self.heap.objects.get(module).and_then(|o| o.dict);
        let locals = self.frame_ref().locals;
        let result = match (dict, locals) {
            (Some(d), Some(l)) => {
                let mut r = Ok(());
                for (k, v) in self.dict_items(d) {
                    if self.str_value(k).is_some_and(|s| !s.starts_with('_')) {
                        self.incref(k, Holder::Temp);
                        self.incref(v, Holder::Temp);
                        r = self.ns_store(l, k, v);
                        self.decref(v, Holder::Temp);
                        self.decref(k, Holder::Temp);
                        if r.is_err() {
                            break;
                        }
                    }
                }
                r
            }
            _ => Ok(()),
        };
        self.drop_stack(module);
        result
    }
}
