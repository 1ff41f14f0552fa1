//! Helpers for native (Rust) functions and methods: installing them into type
//! dicts and modules, and checking/parsing their arguments with CPython's
//! error messages.

use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// Shorthand for a `NativeDef` in a static table.
#[macro_export]
macro_rules! native {
    ($name:literal, $func:path) => {
        $crate::runtime::object::NativeDef {
            name: $name,
            func: $func,
            doc: "",
        }
    };
}

/// Keyword arguments split from positional ones (vectorcall convention).
pub fn split_kwargs<'a>(
    args: &'a [ObjRef],
    kwnames: Option<&'a [Rc<str>]>,
) -> (&'a [ObjRef], Vec<(Rc<str>, ObjRef)>) {
    match kwnames {
        None => (args, Vec::new()),
        Some(names) => {
            let npos = args.len().saturating_sub(names.len());
            let kw = names
                .iter()
                .cloned()
                .zip(args[npos..].iter().copied())
                .collect();
            (&args[..npos], kw)
        }
    }
}

impl Vm {
    /// Adds `defs` to `ty`'s dict as method descriptors.
    pub fn add_methods(&mut self, ty: ObjRef, defs: &'static [NativeDef]) {
        let mdty = self.types.method_descriptor;
        for def in defs {
            self.incref(ty, Holder::Field(ObjRef::default(), "__objclass__"));
            let d = self.alloc(mdty, Payload::MethodDescr { def, owner: ty });
            self.set_type_dict_item(ty, def.name, d);
        }
    }

    /// Adds a builtin function bound to `ty` (as `__new__` is in CPython).
    pub fn add_bound_builtin(&mut self, ty: ObjRef, def: &'static NativeDef) {
        let b = self.new_builtin(def, Some(ty));
        self.set_type_dict_item(ty, def.name, b);
    }

    /// Adds a classmethod wrapping a builtin (`dict.fromkeys`).
    pub fn add_classmethod(&mut self, ty: ObjRef, def: &'static NativeDef) {
        let b = self.new_builtin(def, None);
        let cmty = self.types.classmethod;
        let cm = self.alloc(cmty, Payload::ClassMethod(b));
        self.set_type_dict_item(ty, def.name, cm);
    }

    /// Adds a staticmethod wrapping a builtin (`str.maketrans`).
    pub fn add_staticmethod(&mut self, ty: ObjRef, def: &'static NativeDef) {
        let b = self.new_builtin(def, None);
        let smty = self.types.staticmethod;
        let sm = self.alloc(smty, Payload::StaticMethod(b));
        self.set_type_dict_item(ty, def.name, sm);
    }

    /// Stores an owned `value` in `ty`'s dict under `name` (steals `value`).
    pub fn set_type_dict_item(&mut self, ty: ObjRef, name: &str, value: ObjRef) {
        if let Some(d) = self.type_data(ty).map(|t| t.dict) {
            let _ = self.dict_set_str(d, name, value);
        }
        self.decref_temp(value);
    }

    /// A new builtin_function_or_method (bound to `self_` when given).
    pub fn new_builtin(&mut self, def: &'static NativeDef, self_: Option<ObjRef>) -> ObjRef {
        if let Some(s) = self_ {
            self.incref(s, Holder::Temp);
        }
        let bty = self.types.builtin_function;
        self.alloc(bty, Payload::Builtin { def, self_ })
    }

    /// Adds builtin functions to a module dict.
    pub fn add_module_functions(
        &mut self,
        dict: ObjRef,
        module: ObjRef,
        defs: &'static [NativeDef],
    ) {
        for def in defs {
            let _ = module;
            let f = self.new_builtin(def, None);
            let _ = self.dict_set_str(dict, def.name, f);
            self.decref_temp(f);
        }
    }

    /// Raises TypeError unless no keyword arguments were passed.
    pub fn no_kwargs(&mut self, fname: &str, kwnames: Option<&[Rc<str>]>) -> PyResult<()> {
        match kwnames {
            Some(k) if !k.is_empty() => {
                Err(self.type_error(format!("{fname}() takes no keyword arguments")))
            }
            _ => Ok(()),
        }
    }

    /// Checks a positional-argument count against `min..=max` with CPython's
    /// wording ("expected at most 1 argument, got 2" style).
    pub fn check_nargs(&mut self, fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
        if n >= min && n <= max {
            return Ok(());
        }
        let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
        let msg = if min == max {
            if min == 0 {
                format!("{fname}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!("{fname} expected {min} {}, got {n}", plural(min))
            }
        } else if n < min {
            format!("{fname} expected at least {min} {}, got {n}", plural(min))
        } else {
            format!("{fname} expected at most {max} {}, got {n}", plural(max))
        };
        Err(self.type_error(msg))
    }

    /// Binds positional and keyword arguments to `names` (all optional beyond
    /// `required`), CPython-clinic style. Returns borrowed refs.
    pub fn parse_args(
        &mut self,
        fname: &str,
        args: &[ObjRef],
        kwnames: Option<&[Rc<str>]>,
        names: &[&str],
        required: usize,
    ) -> PyResult<Vec<Option<ObjRef>>> {
        let (pos, kw) = split_kwargs(args, kwnames);
        if pos.len() > names.len() {
            let msg = if names.len() == 1 && required == 1 {
                format!("{fname}() takes exactly one argument ({} given)", pos.len())
            } else {
                format!(
                    "{fname}() takes at most {} argument{} ({} given)",
                    names.len(),
                    if names.len() == 1 { "" } else { "s" },
                    pos.len()
                )
            };
            return Err(self.type_error(msg));
        }
        let mut out: Vec<Option<ObjRef>> = vec![None; names.len()];
        for (i, &a) in pos.iter().enumerate() {
            out[i] = Some(a);
        }
        for (k, v) in kw {
            match names.iter().position(|n| **n == *k) {
                Some(i) if out[i].is_none() => out[i] = Some(v),
                Some(i) => {
                    return Err(self.type_error(format!(
                        "argument for {fname}() given by name ('{}') and position ({})",
                        names[i],
                        i + 1
                    )));
                }
                None => {
                    return Err(self.type_error(format!(
                        "{fname}() got an unexpected keyword argument '{k}'"
                    )));
                }
            }
        }
        for (i, slot) in out.iter().enumerate().take(required) {
            if slot.is_none() {
                return Err(self.type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
        }
        Ok(out)
    }

    /// An index argument (`__index__`): int/bool or an object with `__index__`.
    pub fn index_value(&mut self, o: ObjRef) -> PyResult<i64> {
        if let Some(i) = self.small_int_value(o) {
            return Ok(i);
        }
        if let Some(b) = self.bigint_value(o) {
            let _ = b;
            let tn = self.type_name_of(o);
            let _ = tn;
            return Err(self.index_error("cannot fit 'int' into an index-sized integer"));
        }
        if self
            .lookup_type_attr(self.heap.type_of(o), "__index__")
            .is_some()
        {
            let r = self.call_method(o, "__index__", &[])?;
            let v = self.small_int_value(r);
            self.decref_temp(r);
            if let Some(v) = v {
                return Ok(v);
            }
        }
        let tn = self.type_name_of(o);
        Err(self.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
    }
}
