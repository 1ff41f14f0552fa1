//! Argument binding for Python functions: CPython 3.11's `initialize_locals`,
//! with its error messages (missing, too many, unexpected or duplicate
//! arguments, positional-only names passed by keyword).

use super::frame::Frame;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::{CO_VARARGS, CO_VARKEYWORDS, CodeObject};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;

impl Vm {
    /// Moves `args` (owned references: positional first, then the values of
    /// the keyword arguments named by `kwnames`) into the frame's locals,
    /// filling defaults. On error every argument reference has been consumed
    /// (stored in the frame or released); the caller clears the frame.
    pub(crate) fn bind_arguments(
        &mut self,
        frame: &mut Frame,
        func: ObjRef,
        code: &CodeObject,
        args: &[ObjRef],
        kwnames: Option<&[ObjRef]>,
    ) -> PyResult<()> {
        let id = frame.id;
        let kwnames = kwnames.unwrap_or(&[]);
        let argcount = args.len() - kwnames.len();
        let co_argcount = code.argcount as usize;
        let total_args = co_argcount + code.kwonlyargcount as usize;
        let local = |i: usize| Holder::Local(id, i as u32);

        let kwdict = if code.flags & CO_VARKEYWORDS != 0 {
            let d = self.new_dict();
            let i = total_args + usize::from(code.flags & CO_VARARGS != 0);
            frame.fast[i] = Some(d);
            Some(d)
        } else {
            None
        };
        let n = argcount.min(co_argcount);
        for (j, &a) in args.iter().enumerate().take(n) {
            frame.fast[j] = Some(a);
        }
        if code.flags & CO_VARARGS != 0 {
            let rest = args[n..argcount].to_vec();
            let t = self.new_tuple(rest);
            frame.fast[total_args] = Some(t);
        } else {
            for &a in &args[n..argcount] {
                self.decref(a, local(0));
            }
        }

        for (i, &keyword) in kwnames.iter().enumerate() {
            let value = args[argcount + i];
            let found = self.find_keyword_slot(code, keyword);
            let err = match found {
                Some(j) if frame.fast[j].is_some() => {
                    let q = self.func_qualname(func);
                    let k = self.str_lossy(keyword);
                    Some(self.type_error(format!("{q}() got multiple values for argument '{k}'")))
                }
                Some(j) => {
                    frame.fast[j] = Some(value);
                    None
                }
                None => match kwdict {
                    Some(d) => match self.dict_set(d, keyword, value) {
                        Ok(()) => {
                            self.decref(value, Holder::Temp);
                            None
                        }
                        Err(e) => Some(e),
                    },
                    None => Some(self.unexpected_keyword(code, func, keyword, kwnames)),
                },
            };
            if let Some(e) = err {
                for &v in &args[argcount + i..] {
                    self.decref(v, Holder::Temp);
                }
                return Err(e);
            }
        }

        if argcount > co_argcount && code.flags & CO_VARARGS == 0 {
            return Err(self.too_many_positional(frame, code, func, argcount));
        }

        let (defaults, kwdefaults) = match self.heap.payload(func) {
            Payload::Function(f) => (f.defaults, f.kwdefaults),
            _ => (None, None),
        };
        if argcount < co_argcount {
            let defs = defaults.and_then(|d| self.seq_items(d)).unwrap_or_default();
            let defcount = defs.len();
            let m = co_argcount.saturating_sub(defcount);
            let missing = (argcount..m).filter(|&i| frame.fast[i].is_none()).count();
            if missing > 0 {
                return Err(self.missing_arguments(frame, code, func, 0..m, "positional"));
            }
            let start = n.saturating_sub(m);
            for (i, &def) in defs.iter().enumerate().skip(start) {
                if frame.fast[m + i].is_none() {
                    self.incref(def, local(m + i));
                    frame.fast[m + i] = Some(def);
                }
            }
        }
        if code.kwonlyargcount > 0 {
            let mut missing = false;
            for i in co_argcount..total_args {
                if frame.fast[i].is_some() {
                    continue;
                }
                let def = match kwdefaults {
                    Some(kd) => self.dict_get_str(kd, &code.localsplusnames[i]),
                    None => None,
                };
                match def {
                    Some(d) => {
                        self.incref(d, local(i));
                        frame.fast[i] = Some(d);
                    }
                    None => missing = true,
                }
            }
            if missing {
                return Err(self.missing_arguments(
                    frame,
                    code,
                    func,
                    co_argcount..total_args,
                    "keyword-only",
                ));
            }
        }
        Ok(())
    }

    /// The parameter slot a keyword names (positional-only parameters excluded).
    fn find_keyword_slot(&self, code: &CodeObject, keyword: ObjRef) -> Option<usize> {
        let name = self.str_value(keyword)?;
        let total = (code.argcount + code.kwonlyargcount) as usize;
        (code.posonlyargcount as usize..total).find(|&j| &*code.localsplusnames[j] == name)
    }

    fn func_qualname(&self, func: ObjRef) -> String {
        match self.heap.payload(func) {
            Payload::Function(f) => self.str_value(f.qualname).unwrap_or("?").to_string(),
            _ => "?".into(),
        }
    }

    fn unexpected_keyword(
        &mut self,
        code: &CodeObject,
        func: ObjRef,
        keyword: ObjRef,
        kwnames: &[ObjRef],
    ) -> PyErr {
        let q = self.func_qualname(func);
        if code.posonlyargcount > 0 {
            let posonly: Vec<String> = kwnames
                .iter()
                .filter_map(|&k| self.str_value(k).map(str::to_string))
                .filter(|k| {
                    code.localsplusnames[..code.posonlyargcount as usize]
                        .iter()
                        .any(|p| &**p == k)
                })
                .collect();
            if !posonly.is_empty() {
                return self.type_error(format!(
                    "{q}() got some positional-only arguments passed as keyword arguments: '{}'",
                    posonly.join(", ")
                ));
            }
        }
        let k = self.str_lossy(keyword);
        self.type_error(format!("{q}() got an unexpected keyword argument '{k}'"))
    }

    fn too_many_positional(
        &mut self,
        frame: &Frame,
        code: &CodeObject,
        func: ObjRef,
        given: usize,
    ) -> PyErr {
        let co_argcount = code.argcount as usize;
        let kwonly_given = (co_argcount..co_argcount + code.kwonlyargcount as usize)
            .filter(|&i| frame.fast[i].is_some())
            .count();
        let defcount = match self.heap.payload(func) {
            Payload::Function(f) => f
                .defaults
                .and_then(|d| self.seq_items(d))
                .map_or(0, |d| d.len()),
            _ => 0,
        };
        let (sig, plural) = if defcount > 0 {
            (
                format!("from {} to {co_argcount}", co_argcount - defcount),
                true,
            )
        } else {
            (co_argcount.to_string(), co_argcount != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {kwonly_given} keyword-only argument{})",
                if given != 1 { "s" } else { "" },
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        let q = self.func_qualname(func);
        self.type_error(format!(
            "{q}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
            if plural { "s" } else { "" },
            if given == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        ))
    }

    fn missing_arguments(
        &mut self,
        frame: &Frame,
        code: &CodeObject,
        func: ObjRef,
        range: std::ops::Range<usize>,
        kind: &str,
    ) -> PyErr {
        let names: Vec<String> = range
            .filter(|&i| frame.fast[i].is_none())
            .map(|i| format!("'{}'", code.localsplusnames[i]))
            .collect();
        let len = names.len();
        let name_str = match len {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!(
                "{}, {}, and {}",
                names[..len - 2].join(", "),
                names[len - 2],
                names[len - 1]
            ),
        };
        let q = self.func_qualname(func);
        self.type_error(format!(
            "{q}() missing {len} required {kind} argument{}: {name_str}",
            if len == 1 { "" } else { "s" }
        ))
    }
}
