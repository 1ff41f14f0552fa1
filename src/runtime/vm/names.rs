//! Name opcodes: fast locals, constants, namespace lookups (locals →
//! globals → builtins) and cells, with CPython 3.11's errors and the
//! `Bind`/`BindLocal`/`CellCreated` events.

use super::{PyErr, PyResult, Vm};
use crate::bytecode::{CO_FAST_FREE, Instruction, Opcode};
use crate::runtime::events::{Event, Holder};
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;

impl Vm {
    pub(crate) fn exec_name_op(&mut self, instr: Instruction) -> PyResult<()> {
        use Opcode::*;
        let arg = instr.arg as usize;
        match instr.op {
            // LOAD_FAST, STORE_FAST and LOAD_CONST are handled in `execute`.
            DELETE_FAST => {
                if self.frame_ref().fast.get(arg).copied().flatten().is_none() {
                    return Err(self.unbound_local(arg));
                }
                self.store_fast(arg, None);
            }
            LOAD_NAME => {
                let name = self.code_name(arg);
                let f = self.frame_ref();
                let (locals, globals, builtins) = (f.locals, f.globals, f.builtins);
                let Some(locals) = locals else {
                    let t = self.types.system_error;
                    return Err(self.new_exception(t, "no locals when loading name"));
                };
                if self.heap.type_of(locals) != self.types.dict {
                    // A mapping from `__prepare__`: PyObject_GetItem, KeyError → globals.
                    let v = match self.getitem(locals, name) {
                        Ok(v) => v,
                        Err(e) if self.err_matches(&e, self.types.key_error) => {
                            self.discard_err(e);
                            let Some(v) = self.global_lookup(globals, builtins, name)? else {
                                return Err(self.name_not_defined(arg));
                            };
                            self.new_ref(v)
                        }
                        Err(e) => return Err(e),
                    };
                    let h = self.stack_id();
                    self.incref(v, h);
                    self.decref_temp(v);
                    self.push(v);
                    return Ok(());
                }
                let found = match self.dict_get(locals, name)? {
                    Some(v) => Some(v),
                    None => self.global_lookup(globals, builtins, name)?,
                };
                let Some(v) = found else {
                    return Err(self.name_not_defined(arg));
                };
                let h = self.stack_id();
                self.incref(v, h);
                self.push(v);
            }
            LOAD_GLOBAL => {
                let name = self.code_name(arg >> 1);
                let f = self.frame_ref();
                let (globals, builtins) = (f.globals, f.builtins);
                let Some(v) = self.global_lookup(globals, builtins, name)? else {
                    return Err(self.name_not_defined(arg >> 1));
                };
                if arg & 1 == 1 {
                    self.push_opt(None);
                }
                let h = self.stack_id();
                self.incref(v, h);
                self.push(v);
            }
            STORE_NAME | STORE_GLOBAL => {
                let name = self.code_name(arg);
                let ns = if instr.op == STORE_NAME {
                    match self.frame_ref().locals {
                        Some(l) => l,
                        None => {
                            let t = self.types.system_error;
                            return Err(self.new_exception(t, "no locals found when storing name"));
                        }
                    }
                } else {
                    self.frame_ref().globals
                };
                let v = self.top();
                let r = self.ns_store(ns, name, v);
                self.pop_release(&[v]);
                r?;
            }
            DELETE_NAME | DELETE_GLOBAL => {
                let name = self.code_name(arg);
                let ns = if instr.op == DELETE_NAME {
                    self.frame_ref().locals.unwrap_or(self.frame_ref().globals)
                } else {
                    self.frame_ref().globals
                };
                if !self.ns_delete(ns, name)? {
                    return Err(self.name_not_defined(arg));
                }
            }
            _ => return Err(super::internal("not a name opcode")),
        }
        Ok(())
    }

    /// Stores into a fast local, releasing the old value after the store (as SETLOCAL does).
    #[inline]
    pub(crate) fn store_fast(&mut self, slot: usize, v: Option<ObjRef>) {
        let f = self.frame();
        let id = f.id;
        let Some(cell) = f.fast.get_mut(slot) else {
            self.internal_error("local slot out of range");
            return;
        };
        let old = std::mem::replace(cell, v);
        if self.sink.is_some() {
            self.report_bind_local(id, slot, old, v);
        }
        if let Some(old) = old {
            self.decref(old, Holder::Local(id, slot as u32));
        }
    }

    #[cold]
    #[inline(never)]
    fn report_bind_local(
        &mut self,
        id: crate::runtime::events::FrameId,
        slot: usize,
        old: Option<ObjRef>,
        v: Option<ObjRef>,
    ) {
        if let Some(sink) = self.sink.as_mut() {
            let f = &self.frames[self.frames.len() - 1];
            let name = f
                .code
                .localsplusnames
                .get(slot)
                .cloned()
                .unwrap_or_default();
            sink.event(&Event::BindLocal {
                frame: id,
                slot: slot as u32,
                name: &name,
                old,
                new: v,
            });
        }
    }

    /// globals, then builtins (borrowed result).
    fn global_lookup(
        &mut self,
        globals: ObjRef,
        builtins: ObjRef,
        name: ObjRef,
    ) -> PyResult<Option<ObjRef>> {
        if let Some(v) = self.dict_get(globals, name)? {
            return Ok(Some(v));
        }
        self.dict_get(builtins, name)
    }

    /// `ns[name] = v` for a namespace dict (v borrowed), with a `Bind` event.
    pub(crate) fn ns_store(&mut self, ns: ObjRef, name: ObjRef, v: ObjRef) -> PyResult<()> {
        if self.sink.is_some() {
            let old = self.dict_get(ns, name)?;
            let text = self.str_rc(name).unwrap_or_default();
            if let Some(sink) = self.sink.as_mut() {
                sink.event(&Event::Bind {
                    ns,
                    name: &text,
                    old,
                    new: Some(v),
                });
            }
        }
        // STORE_NAME: PyDict_SetItem for an exact dict, else PyObject_SetItem
        // (a `__prepare__` mapping's `__setitem__` sees every class-body store).
        if self
            .heap
            .objects
            .get(ns)
            .is_some_and(|o| o.ty == self.types.dict)
        {
            self.dict_set_name(ns, name, v)
        } else {
            self.setitem(ns, name, v)
        }
    }

    /// `del ns[name]`; false when the name was not bound.
    pub(crate) fn ns_delete(&mut self, ns: ObjRef, name: ObjRef) -> PyResult<bool> {
        if self.heap.type_of(ns) != self.types.dict {
            return match self.delitem(ns, name) {
                Ok(()) => Ok(true),
                Err(e) if self.err_matches(&e, self.types.key_error) => {
                    self.discard_err(e);
                    Ok(false)
                }
                Err(e) => Err(e),
            };
        }
        let Some(v) = self.dict_pop(ns, name)? else {
            return Ok(false);
        };
        if let Some(sink) = self.sink.as_mut() {
            let text = match &self.heap.objects.get(name).map(|o| &o.payload) {
                Some(Payload::Str(s)) => s.text.clone(),
                _ => "".into(),
            };
            sink.event(&Event::Bind {
                ns,
                name: &text,
                old: Some(v),
                new: None,
            });
        }
        self.decref(v, Holder::Name { ns, key: name });
        Ok(true)
    }

    /// NameError "name 'x' is not defined" for the running code's name `i`.
    fn name_not_defined(&mut self, i: usize) -> PyErr {
        let name = self.code_name_str(i);
        self.name_error(format!("name '{name}' is not defined"))
    }

    /// The error for reading an empty fast slot or cell (`format_exc_unbound`).
    pub(crate) fn unbound_local(&mut self, slot: usize) -> PyErr {
        let code = self.frame_ref().code.clone();
        let name = code.localsplusnames.get(slot).cloned().unwrap_or_default();
        if code
            .localspluskinds
            .get(slot)
            .is_some_and(|k| k & CO_FAST_FREE != 0)
        {
            self.name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        } else {
            let t = self.types.unbound_local_error;
            self.new_exception(
                t,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    // ---- cells

    pub(crate) fn exec_cell_op(&mut self, instr: Instruction) -> PyResult<()> {
        use Opcode::*;
        let arg = instr.arg as usize;
        match instr.op {
            MAKE_CELL => {
                let initial = self.frame_ref().fast.get(arg).copied().flatten();
                let ty = self.types.cell;
                let cell = self.alloc(ty, Payload::Cell(initial));
                let id = self.frame_ref().id;
                if let Some(sink) = self.sink.as_mut() {
                    let name = self.frames[self.frames.len() - 1]
                        .code
                        .localsplusnames
                        .get(arg)
                        .cloned()
                        .unwrap_or_default();
                    sink.event(&Event::CellCreated {
                        cell,
                        frame: id,
                        name: &name,
                    });
                }
                // The value moves from the slot into the cell.
                if let Some(slot) = self.frame().fast.get_mut(arg) {
                    *slot = Some(cell);
                }
            }
            LOAD_CLOSURE => {
                let Some(cell) = self.frame_ref().fast.get(arg).copied().flatten() else {
                    return Err(self.unbound_local(arg));
                };
                let h = self.stack_id();
                self.incref(cell, h);
                self.push(cell);
            }
            LOAD_DEREF => {
                let v = self.cell_contents(arg);
                let Some(v) = v else {
                    return Err(self.unbound_local(arg));
                };
                let h = self.stack_id();
                self.incref(v, h);
                self.push(v);
            }
            LOAD_CLASSDEREF => {
                let name = self
                    .frame_ref()
                    .code
                    .localsplusnames
                    .get(arg)
                    .cloned()
                    .unwrap_or_default();
                let from_locals = match self.frame_ref().locals {
                    Some(l) => self.dict_get_str(l, &name),
                    None => None,
                };
                let v = match from_locals {
                    Some(v) => v,
                    None => match self.cell_contents(arg) {
                        Some(v) => v,
                        None => return Err(self.unbound_local(arg)),
                    },
                };
                let h = self.stack_id();
                self.incref(v, h);
                self.push(v);
            }
            STORE_DEREF => {
                let v = self.pop();
                let old = self.set_cell(arg, Some(v))?;
                if let Some((cell, old)) = old {
                    self.decref(old, Holder::Cell(cell));
                }
            }
            DELETE_DEREF => match self.set_cell(arg, None)? {
                Some((cell, old)) => self.decref(old, Holder::Cell(cell)),
                None => return Err(self.unbound_local(arg)),
            },
            COPY_FREE_VARS => {
                let f = self.frame_ref();
                let closure = match f
                    .func
                    .and_then(|func| self.heap.objects.get(func))
                    .map(|o| &o.payload)
                {
                    Some(Payload::Function(fd)) => fd.closure,
                    _ => None,
                };
                let cells = match closure
                    .and_then(|c| self.heap.objects.get(c))
                    .map(|o| &o.payload)
                {
                    Some(Payload::Tuple(items)) => items.to_vec(),
                    _ => Vec::new(),
                };
                let offset = f.fast.len().saturating_sub(arg);
                let id = f.id;
                for (i, cell) in cells.into_iter().take(arg).enumerate() {
                    self.incref(cell, Holder::Local(id, (offset + i) as u32));
                    if let Some(slot) = self.frame().fast.get_mut(offset + i) {
                        *slot = Some(cell);
                    }
                }
            }
            _ => return Err(super::internal("not a cell opcode")),
        }
        Ok(())
    }

    /// The contents of the cell in fast slot `slot` (borrowed).
    fn cell_contents(&self, slot: usize) -> Option<ObjRef> {
        let cell = self.frame_ref().fast.get(slot).copied().flatten()?;
        match self.heap.objects.get(cell).map(|o| &o.payload) {
            Some(Payload::Cell(v)) => *v,
            _ => None,
        }
    }

    /// Replaces the contents of the cell in slot `slot` (taking over `v`'s
    /// reference); returns the cell and the old value for the caller to release.
    fn set_cell(&mut self, slot: usize, v: Option<ObjRef>) -> PyResult<Option<(ObjRef, ObjRef)>> {
        let Some(cell) = self.frame_ref().fast.get(slot).copied().flatten() else {
            return Err(super::internal("cell slot is empty"));
        };
        match self.heap.objects.get_mut(cell).map(|o| &mut o.payload) {
            Some(Payload::Cell(contents)) => {
                let old = std::mem::replace(contents, v);
                Ok(old.map(|o| (cell, o)))
            }
            _ => Err(super::internal("not a cell")),
        }
    }
}
