//! A scripted stand-in for the VM that emits the same events, with the same
//! ownership conventions, and answers the [`Inspector`] — for unit tests of
//! the trace and its benchmark without running Python.
//!
//! Conventions copied from the VM: a new object's first reference belongs to
//! nobody in particular (`Temp`) and moves to the stack silently; storing a
//! name increfs for the namespace and decrefs the stack; a container frees
//! its items last to first.

use crate::bytecode::CodeObject;
use crate::runtime::events::{Event, EventSink, FrameExit, FreeCause, Holder};
use crate::runtime::heap::{Heap, ObjRef, Object};
use crate::runtime::inspect::{Inspector, Slot, container_refs};
use crate::runtime::object::{DictKey, KeyRepr, Payload, PyStr};
use crate::runtime::vm::frame::Frame;
use std::collections::HashMap;
use std::rc::Rc;

/// The fake interpreter.
pub struct FakeVm {
    pub heap: Heap,
    pub frames: Vec<Frame>,
    pub roots: Vec<(ObjRef, &'static str)>,
    pub sink: Option<Box<dyn EventSink>>,
    types: HashMap<ObjRef, Rc<str>>,
    names: HashMap<String, ObjRef>,
    pub none: ObjRef,
    pub globals: ObjRef,
    next_frame: u32,
    code_obj: ObjRef,
}

fn code(name: &str, locals: &[&str]) -> Rc<CodeObject> {
    Rc::new(CodeObject {
        name: name.into(),
        qualname: name.into(),
        filename: "main.py".into(),
        firstlineno: 1,
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: 0,
        localsplusnames: locals.iter().map(|&n| n.into()).collect(),
        localspluskinds: vec![0x20; locals.len()],
        names: Vec::new(),
        consts: Vec::new(),
        code: Vec::new(),
        positions: Vec::new(),
        exception_table: Vec::new(),
        stacksize: 8,
    })
}

impl FakeVm {
    /// A fake with None, a module frame and its globals, before any event.
    pub fn new() -> Self {
        let mut vm = FakeVm {
            heap: Heap::new(),
            frames: Vec::new(),
            roots: Vec::new(),
            sink: None,
            types: HashMap::new(),
            names: HashMap::new(),
            none: ObjRef::default(),
            globals: ObjRef::default(),
            next_frame: 0,
            code_obj: ObjRef::default(),
        };
        vm.none = vm.raw("NoneType", Payload::Plain);
        vm.roots.push((vm.none, "singleton"));
        vm.globals = vm.raw("dict", Payload::Dict(Box::default()));
        vm.heap.get_mut(vm.globals).refcount = 0;
        vm.code_obj = vm.raw("code", Payload::Plain);
        vm.heap.get_mut(vm.code_obj).refcount = 0;
        for i in 0..5 {
            let o = vm.raw("int", Payload::Int(crate::runtime::object::PyInt::Small(i)));
            vm.roots.push((o, "small int cache"));
        }
        vm
    }

    fn raw(&mut self, ty: &str, payload: Payload) -> ObjRef {
        let addr = 0x1000 + 0x40 * self.heap.len() as u64;
        let o = self.heap.objects.insert(Object {
            refcount: 1,
            ty: ObjRef::default(),
            dict: None,
            addr,
            size: 32,
            finalized: false,
            payload,
        });
        self.types.insert(o, ty.into());
        o
    }

    /// The small int `i` (0..5), borrowed.
    pub fn small_int(&self, i: usize) -> ObjRef {
        self.roots[1 + i].0
    }

    fn emit(&mut self, e: Event<'_>) {
        if let Some(s) = self.sink.as_mut() {
            s.event(&e);
        }
    }

    /// Starts the module frame (call after attaching the sink).
    pub fn start(&mut self) {
        self.heap.get_mut(self.code_obj).refcount += 1;
        self.heap.get_mut(self.globals).refcount += 1;
        self.push_frame("<module>", &[], Some(self.globals));
    }

    fn push_frame(&mut self, name: &str, locals: &[&str], locals_dict: Option<ObjRef>) {
        let id = self.next_frame;
        self.next_frame += 1;
        let frame = Frame {
            id,
            code_obj: self.code_obj,
            code: code(name, locals),
            func: None,
            globals: self.globals,
            builtins: self.globals,
            locals: locals_dict,
            fast: vec![None; locals.len()],
            stack: Vec::new(),
            pc: 0,
            lasti: 0,
            last_line: 0,
            kwnames: None,
            frame_obj: None,
        };
        self.emit(Event::FramePush {
            frame: id,
            code_name: name,
            filename: "main.py",
        });
        self.frames.push(frame);
    }

    /// Calls a function whose frame has the given locals; arguments come
    /// from the caller's stack (moved silently, as the VM does).
    pub fn call(&mut self, name: &str, locals: &[&str], nargs: usize) {
        self.heap.get_mut(self.code_obj).refcount += 1;
        let mut args = Vec::new();
        for _ in 0..nargs {
            args.push(self.pop());
        }
        args.reverse();
        self.push_frame(name, locals, None);
        let f = self.frames.len() - 1;
        for (i, a) in args.into_iter().enumerate() {
            self.frames[f].fast[i] = Some(a);
        }
    }

    /// Returns the top of the stack to the caller and clears the frame.
    pub fn ret(&mut self) {
        let v = self.pop();
        let frame = self.frames.pop().expect("frame");
        self.emit(Event::FramePop {
            frame: frame.id,
            exit: FrameExit::Return,
        });
        for (i, r) in frame.fast.iter().enumerate() {
            if let Some(r) = r {
                self.decref(*r, Holder::Local(frame.id, i as u32));
            }
        }
        self.heap.get_mut(self.code_obj).refcount -= 1;
        self.push(v);
    }

    /// A step boundary at `line` of the running frame.
    pub fn line(&mut self, line: u32) {
        let id = self.frames.last().map_or(0, |f| f.id);
        self.emit(Event::Line { frame: id, line });
        if let Some(mut sink) = self.sink.take() {
            if sink.wants_inspection() {
                sink.inspect(self);
            }
            self.sink = Some(sink);
        }
    }

    /// A new object with refcount 1 (the caller owns it).
    pub fn alloc(&mut self, ty: &str, payload: Payload) -> ObjRef {
        let o = self.raw(ty, payload);
        let (addr, size) = (self.heap.get(o).addr, self.heap.get(o).size);
        if let Some(s) = self.sink.as_mut() {
            s.event(&Event::Alloc {
                obj: o,
                type_name: ty,
                addr,
                size,
            });
            s.allocated(o, &self.heap.objects[o]);
        }
        o
    }

    pub fn incref(&mut self, o: ObjRef, holder: Holder) {
        let obj = self.heap.get_mut(o);
        obj.refcount += 1;
        let new_count = obj.refcount;
        self.emit(Event::Incref {
            obj: o,
            holder,
            new_count,
        });
    }

    pub fn decref(&mut self, o: ObjRef, holder: Holder) {
        let obj = self.heap.get_mut(o);
        obj.refcount -= 1;
        let new_count = obj.refcount;
        self.emit(Event::Decref {
            obj: o,
            holder,
            new_count,
        });
        if new_count == 0 {
            let payload = std::mem::replace(&mut self.heap.get_mut(o).payload, Payload::Plain);
            let mut refs = Vec::new();
            container_refs(&payload, &mut refs);
            let owner_is_cell = matches!(payload, Payload::Cell(_));
            for (r, _) in refs.into_iter().rev() {
                let h = if owner_is_cell {
                    Holder::Cell(o)
                } else {
                    Holder::Item(o)
                };
                self.decref(r, h);
            }
            self.heap.objects.remove(o);
            self.emit(Event::Free {
                obj: o,
                cause: FreeCause::RefcountZero,
            });
        }
    }

    /// Pushes an owned reference onto the running frame's stack (no event).
    pub fn push(&mut self, o: ObjRef) {
        self.frames.last_mut().expect("frame").stack.push(Some(o));
    }

    pub fn pop(&mut self) -> ObjRef {
        self.frames
            .last_mut()
            .and_then(|f| f.stack.pop())
            .flatten()
            .expect("stack")
    }

    fn stack_holder(&self) -> Holder {
        Holder::Stack(self.frames.last().map_or(0, |f| f.id))
    }

    /// LOAD_NAME of a global: a new reference on the stack.
    pub fn load_global(&mut self, name: &str) {
        let key = self.name(name);
        let v = self.dict_get(self.globals, key).expect("bound");
        let h = self.stack_holder();
        self.incref(v, h);
        self.push(v);
    }

    /// LOAD_CONST of a small int.
    pub fn load_small(&mut self, i: usize) {
        let v = self.small_int(i);
        let h = self.stack_holder();
        self.incref(v, h);
        self.push(v);
    }

    /// The interned str for `name` (allocated on first use).
    pub fn name(&mut self, name: &str) -> ObjRef {
        if let Some(&o) = self.names.get(name) {
            return o;
        }
        let o = self.alloc(
            "str",
            Payload::Str(PyStr {
                text: name.into(),
                char_len: name.chars().count(),
                hash: None,
            }),
        );
        self.names.insert(name.to_string(), o);
        // The interned-strings table takes the new reference.
        self.roots.push((o, "interned"));
        self.emit(Event::Incref {
            obj: o,
            holder: Holder::Root("interned"),
            new_count: 1,
        });
        self.emit(Event::Decref {
            obj: o,
            holder: Holder::Temp,
            new_count: 1,
        });
        o
    }

    fn dict_get(&self, d: ObjRef, key: ObjRef) -> Option<ObjRef> {
        let Payload::Dict(data) = self.heap.payload(d) else {
            return None;
        };
        data.map.values().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// STORE_NAME: pops the stack into a global.
    pub fn store_global(&mut self, name: &str) {
        let v = self.pop();
        let key = self.name(name);
        let ns = self.globals;
        let old = self.dict_get(ns, key);
        self.emit(Event::Bind {
            ns,
            name,
            old,
            new: Some(v),
        });
        self.incref(v, Holder::Name { ns, key });
        if old.is_none() {
            self.incref(key, Holder::Name { ns, key });
        }
        if let Payload::Dict(d) = self.heap.payload_mut(ns) {
            let dk = DictKey {
                hash: key.data_hash(),
                repr: KeyRepr::Identity(key),
            };
            let pos = d
                .map
                .enumerate()
                .find(|(_, _, kv)| kv.0 == key)
                .map(|(p, _, _)| p);
            match pos.and_then(|p| d.map.get_index_mut(p)) {
                Some((_, kv)) => kv.1 = v,
                None => {
                    d.map.push(dk, (key, v));
                }
            }
        }
        let h = self.stack_holder();
        self.decref(v, h);
        if let Some(old) = old {
            self.decref(old, Holder::Name { ns, key });
        }
    }

    /// DELETE_NAME.
    pub fn del_global(&mut self, name: &str) {
        let key = self.name(name);
        let ns = self.globals;
        let Some(old) = self.dict_get(ns, key) else {
            return;
        };
        if let Payload::Dict(d) = self.heap.payload_mut(ns) {
            let pos = d
                .map
                .enumerate()
                .find(|(_, _, kv)| kv.0 == key)
                .map(|(p, _, _)| p);
            if let Some(p) = pos {
                d.map.remove_index(p);
            }
        }
        self.emit(Event::Bind {
            ns,
            name,
            old: Some(old),
            new: None,
        });
        self.decref(old, Holder::Name { ns, key });
        self.decref(key, Holder::Name { ns, key });
    }

    /// STORE_FAST: moves the top of the stack into a local.
    pub fn store_local(&mut self, slot: u32) {
        let v = self.pop();
        let f = self.frames.len() - 1;
        let id = self.frames[f].id;
        let name = self.frames[f].code.localsplusnames[slot as usize].clone();
        let old = self.frames[f].fast[slot as usize].replace(v);
        self.emit(Event::BindLocal {
            frame: id,
            slot,
            name: &name,
            old,
            new: Some(v),
        });
        if let Some(old) = old {
            self.decref(old, Holder::Local(id, slot));
        }
    }

    /// LOAD_FAST.
    pub fn load_local(&mut self, slot: u32) {
        let f = self.frames.last().expect("frame");
        let v = f.fast[slot as usize].expect("bound");
        let h = self.stack_holder();
        self.incref(v, h);
        self.push(v);
    }

    /// BUILD_LIST: steals `n` items from the stack.
    pub fn build_list(&mut self, n: usize) {
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(self.pop());
        }
        items.reverse();
        let l = self.alloc("list", Payload::List(items));
        self.push(l);
    }

    /// `list.append(item)` with a borrowed item.
    pub fn list_append(&mut self, l: ObjRef, item: ObjRef) {
        self.incref(item, Holder::Item(l));
        if let Payload::List(v) = self.heap.payload_mut(l) {
            v.push(item);
        }
    }

    /// `list.reverse()`: no refcount traffic, so a `Mutated` event.
    pub fn list_reverse(&mut self, l: ObjRef) {
        if let Payload::List(v) = self.heap.payload_mut(l) {
            v.reverse();
        }
        self.emit(Event::Mutated { obj: l });
    }

    /// POP_TOP.
    pub fn pop_top(&mut self) {
        let v = self.pop();
        let h = self.stack_holder();
        self.decref(v, h);
    }

    /// print(): output without touching the heap.
    pub fn print(&mut self, text: &str) {
        self.emit(Event::Stdout { text });
    }

    /// The global bound to `name`, borrowed.
    pub fn global(&mut self, name: &str) -> ObjRef {
        let key = self.name(name);
        self.dict_get(self.globals, key).expect("bound")
    }

    /// Ends the module frame and releases the globals (as interpreter exit would).
    pub fn finish(&mut self) {
        if let Some(frame) = self.frames.pop() {
            self.emit(Event::FramePop {
                frame: frame.id,
                exit: FrameExit::Return,
            });
        }
    }
}

impl Default for FakeVm {
    fn default() -> Self {
        Self::new()
    }
}

trait DataHash {
    fn data_hash(&self) -> i64;
}

impl DataHash for ObjRef {
    fn data_hash(&self) -> i64 {
        use slotmap::Key;
        self.data().as_ffi() as i64
    }
}

impl Inspector for FakeVm {
    fn heap(&self) -> &Heap {
        &self.heap
    }
    fn frames(&self) -> &[Frame] {
        &self.frames
    }
    fn for_each_root(&self, f: &mut dyn FnMut(ObjRef, &'static str)) {
        for &(r, why) in &self.roots {
            f(r, why);
        }
    }
    fn type_name(&self, obj: ObjRef) -> Rc<str> {
        self.types.get(&obj).cloned().unwrap_or_else(|| "?".into())
    }
    fn value_text(&self, obj: ObjRef) -> Option<String> {
        if obj == self.none {
            return Some("None".into());
        }
        crate::runtime::inspect::atomic_value(self.heap.objects.get(obj).map(|o| &o.payload)?)
    }
    fn refs(&self, obj: ObjRef, out: &mut Vec<(ObjRef, Slot)>) {
        if let Some(o) = self.heap.objects.get(obj) {
            container_refs(&o.payload, out);
        }
    }
    fn owned_frame(&self, _obj: ObjRef) -> Option<&Frame> {
        None
    }
}
