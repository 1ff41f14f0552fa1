//! The recorder's side of the inspection: at each step boundary, read what
//! the events since the last one touched and write what changed — objects'
//! references (by hash for small objects, slot by slot for big lists, tuples
//! and dicts), the running frames, the roots — as state records.

use super::*;
use crate::bytecode::{CO_FAST_CELL, CO_FAST_FREE};

impl Recorder {
    pub(super) fn code_id(&mut self, code: &Rc<CodeObject>) -> CodeId {
        let key = Rc::as_ptr(code);
        if let Some(&id) = self.code_ids.get(&key) {
            return id;
        }
        let id = CodeId(self.codes.len() as u32);
        let meta = CodeMeta {
            name: self.syms.intern(&code.name),
            qualname: self.syms.intern(&code.qualname),
            filename: self.syms.intern(&code.filename),
            firstlineno: code.firstlineno,
            slot_names: code
                .localsplusnames
                .iter()
                .map(|n| self.syms.intern(n))
                .collect(),
            slot_kinds: code.localspluskinds.clone(),
        };
        self.codes.push(meta);
        // Keep the code alive so the pointer key is never reused.
        self.code_keep.push(code.clone());
        self.code_ids.insert(key, id);
        id
    }

    /// Fills in what an object that existed before the trace looks like.
    pub(super) fn describe(&mut self, vm: &dyn Inspector, id: ObjId) {
        let r = self.tracked[id.0 as usize].key;
        let Some(obj) = vm.heap().objects.get(r) else {
            return;
        };
        let meta = &self.objects[id.0 as usize];
        if meta.born.is_none() && meta.addr == 0 {
            let ty = vm.type_name(r);
            let type_name = self.syms.intern(&ty);
            let value = vm.value_text(r).map(String::into_boxed_str);
            let m = &mut self.objects[id.0 as usize];
            m.type_name = type_name;
            m.addr = obj.addr;
            m.size = obj.size;
            m.value = value;
        } else if meta.value.is_none() && meta.born.is_some() {
            self.objects[id.0 as usize].value = vm.value_text(r).map(String::into_boxed_str);
        }
    }

    /// Writes an object's refcount (when it differs from what the story
    /// says) and references (when they changed).
    pub(super) fn capture_object(&mut self, vm: &dyn Inspector, id: ObjId, on_stack: bool) {
        if self.tracked[id.0 as usize].stamp == self.stamp {
            return;
        }
        self.tracked[id.0 as usize].stamp = self.stamp;
        let r = self.tracked[id.0 as usize].key;
        let Some(obj) = vm.heap().objects.get(r) else {
            self.tracked[id.0 as usize].shadow.flags = 0;
            return;
        };
        let atomic = matches!(
            obj.payload,
            Payload::Int(_)
                | Payload::Float(_)
                | Payload::Str(_)
                | Payload::Bool(_)
                | Payload::Bytes(_)
                | Payload::RangeIter { .. }
        );
        if self.started
            && atomic
            && self.tracked[id.0 as usize].count == obj.refcount
            && !vm.owns_refs(r)
        {
            // Atomic values own no references (a subclass instance with a
            // `__dict__` takes the general path).
            return;
        }
        let refcount = obj.refcount;
        if self.tracked[id.0 as usize].count != refcount {
            self.tracked[id.0 as usize].count = refcount;
            self.enc.record(&Record::SetCount {
                obj: id,
                count: refcount,
            });
        }
        if self.started && self.capture_big(vm, id, obj) {
            return;
        }
        let mut vm_refs = std::mem::take(&mut self.vm_refs);
        vm_refs.clear();
        vm.refs(r, &mut vm_refs);
        let mut refs = std::mem::take(&mut self.trace_refs);
        refs.clear();
        for &(t, slot) in &vm_refs {
            let t = self.id(t);
            let slot = self.slot(slot);
            refs.push((t, slot));
        }
        self.vm_refs = vm_refs;
        let shadow = self.tracked[id.0 as usize].shadow;
        let n = refs.len() as u32;
        let append_only = shadow.flags & DIRTY_FULL == 0
            && self.started
            && n > shadow.len
            && !matches!(obj.payload, Payload::Set(_))
            && extends(&refs, shadow.len)
            && self.tail_matches_appends(id, &refs[shadow.len as usize..], on_stack);
        if append_only {
            let mut h = shadow.hash;
            for &(t, s) in &refs[shadow.len as usize..] {
                h = hash_step(h, t, s);
            }
            self.enc.record(&Record::RefsAppend {
                obj: id,
                refs: &refs[shadow.len as usize..],
            });
            self.tracked[id.0 as usize].shadow = Shadow {
                len: n,
                hash: h,
                ..Shadow::default()
            };
        } else {
            let h = refs.iter().fold(0, |h, &(t, s)| hash_step(h, t, s));
            if h != shadow.hash || n != shadow.len || !self.started {
                self.enc.record(&Record::Refs {
                    obj: id,
                    refs: &refs,
                });
            }
            self.tracked[id.0 as usize].shadow = Shadow {
                len: n,
                hash: h,
                ..Shadow::default()
            };
        }
        self.trace_refs = refs;
        let owns_frame = matches!(obj.payload, Payload::Generator(_) | Payload::Frame(_));
        if let Some(frame) = owns_frame.then(|| vm.owned_frame(r)).flatten() {
            self.capture_frame(frame, Some(id));
        } else if let Some(&f) = self.owned_by.get(&id)
            && !self.running.contains(&f)
        {
            // The owner dropped its frame (finished generator, cleared frame object).
            self.owned_by.remove(&id);
            self.frame_owners.remove(&f);
            self.frames.remove(&f);
            self.enc.record(&Record::FrameGone { frame: f });
        }
    }

    /// Big lists, tuples and dicts are compared slot by slot with a copy of
    /// what was last written (the VM's keys, no id lookups), so that a step
    /// that replaces one value or appends one item writes just that.
    /// False when `obj` is not such a container (the general path applies).
    pub(super) fn capture_big(&mut self, vm: &dyn Inspector, id: ObjId, obj: &Object) -> bool {
        let (len, is_dict) = match &obj.payload {
            Payload::List(v) => (v.len(), false),
            Payload::Tuple(v) => (v.len(), false),
            Payload::Dict(d) => (2 * d.map.len(), true),
            _ => return false,
        };
        let known = self.big.contains_key(&id);
        if obj.dict.is_some() || (!known && len <= BIG_CONTAINER) {
            return false;
        }
        if !known
            && !matches!(
                &*vm.type_name(self.tracked[id.0 as usize].key),
                "list" | "tuple" | "dict"
            )
        {
            return false;
        }
        let slot = |p: usize| {
            if is_dict {
                if p.is_multiple_of(2) {
                    TraceSlot::Key((p / 2) as u32)
                } else {
                    TraceSlot::Value((p / 2) as u32)
                }
            } else {
                TraceSlot::Index(p as u32)
            }
        };
        // Compare in place with what was written last.
        let mut shadow = self.big.remove(&id).unwrap_or_default();
        let mut changed = std::mem::take(&mut self.big_changed);
        changed.clear();
        let old_len = shadow.len();
        let mut full = !known || len < old_len;
        if !full {
            let mut note = |p: usize, r: ObjRef| {
                if p < old_len {
                    if shadow[p] != r {
                        changed.push(p as u32);
                    }
                } else {
                    shadow.push(r);
                }
            };
            match &obj.payload {
                Payload::List(v) => v.iter().enumerate().for_each(|(p, &r)| note(p, r)),
                Payload::Tuple(v) => v.iter().enumerate().for_each(|(p, &r)| note(p, r)),
                Payload::Dict(d) => {
                    for (e, &(k, v)) in d.map.values().enumerate() {
                        note(2 * e, k);
                        note(2 * e + 1, v);
                    }
                }
                _ => {}
            }
            full = changed.len() > old_len / 4 + 1;
        }
        if full {
            shadow.clear();
            match &obj.payload {
                Payload::List(v) => shadow.extend_from_slice(v),
                Payload::Tuple(v) => shadow.extend_from_slice(v),
                Payload::Dict(d) => {
                    for &(k, v) in d.map.values() {
                        shadow.push(k);
                        shadow.push(v);
                    }
                }
                _ => {}
            }
            let mut refs = std::mem::take(&mut self.trace_refs);
            refs.clear();
            for (p, &r) in shadow.iter().enumerate() {
                let t = self.id(r);
                refs.push((t, slot(p)));
            }
            self.enc.record(&Record::Refs {
                obj: id,
                refs: &refs,
            });
            self.trace_refs = refs;
        } else {
            if !changed.is_empty() {
                let mut changes = std::mem::take(&mut self.big_changes);
                changes.clear();
                for &p in &changed {
                    let r = match &obj.payload {
                        Payload::List(v) => v[p as usize],
                        Payload::Tuple(v) => v[p as usize],
                        _ => {
                            let (k, v) = d_entry(obj, p as usize / 2);
                            if p % 2 == 0 { k } else { v }
                        }
                    };
                    shadow[p as usize] = r;
                    changes.push((p, self.id(r)));
                }
                self.enc.record(&Record::RefsPatch {
                    obj: id,
                    changes: &changes,
                });
                self.big_changes = changes;
            }
            if shadow.len() > old_len {
                let mut refs = std::mem::take(&mut self.trace_refs);
                refs.clear();
                for (p, &r) in shadow.iter().enumerate().skip(old_len) {
                    let t = self.id(r);
                    refs.push((t, slot(p)));
                }
                self.enc.record(&Record::RefsAppend {
                    obj: id,
                    refs: &refs,
                });
                self.trace_refs = refs;
            }
        }
        self.tracked[id.0 as usize].shadow = Shadow {
            len: shadow.len() as u32,
            hash: 0,
            flags: 0,
        };
        self.big.insert(id, shadow);
        self.big_changed = changed;
        true
    }

    /// Whether the new tail of a container is what was appended to it since
    /// the last boundary: the items of its item increfs, in order, or — when
    /// none were reported and the container sits on the running frame's
    /// stack (a comprehension's result) — references it stole silently.
    pub(super) fn tail_matches_appends(
        &self,
        id: ObjId,
        tail: &[(ObjId, TraceSlot)],
        on_stack: bool,
    ) -> bool {
        let mut appended = self
            .appends
            .iter()
            .filter(|(c, _)| *c == id)
            .map(|(_, o)| *o);
        let mut tail_items = tail.iter().map(|(o, _)| *o);
        let mut any = false;
        loop {
            match (appended.next(), tail_items.next()) {
                (None, None) => return true,
                (Some(a), Some(t)) if a == t => any = true,
                (None, Some(_)) if !any => return on_stack,
                _ => return false,
            }
        }
    }

    pub(super) fn slot(&mut self, s: Slot) -> TraceSlot {
        match s {
            Slot::Index(i) => TraceSlot::Index(i),
            Slot::Key(i) => TraceSlot::Key(i),
            Slot::Value(i) => TraceSlot::Value(i),
            Slot::Field(n) => TraceSlot::Field(self.static_sym(n)),
            Slot::Cell => TraceSlot::Cell,
            Slot::Dict => TraceSlot::Dict,
            Slot::Type => TraceSlot::Type,
            Slot::Local(i) => TraceSlot::Local(i),
            Slot::Stack => TraceSlot::Stack,
            Slot::FrameField(n) => TraceSlot::FrameField(self.static_sym(n)),
        }
    }

    /// Writes what changed in a frame since the recorder last wrote it.
    pub(super) fn capture_frame(&mut self, frame: &Frame, owner: Option<ObjId>) {
        let fid = frame.id;
        // Compare the VM's keys first: nothing to map or write when the
        // frame is as it was (the common case for callers up the stack).
        let code_ptr = Rc::as_ptr(&frame.code);
        let raw_fields = if owner.is_none() {
            [
                frame.frame_obj,
                frame.locals,
                frame.func,
                Some(frame.code_obj),
            ]
        } else {
            [None; 4]
        };
        let unchanged = self.frames.get(&fid).is_some_and(|shadow| {
            shadow.written
                && shadow.code_ptr == code_ptr
                && shadow.raw_globals == Some(frame.globals)
                && shadow.raw_locals == frame.fast
                && (owner.is_some() || shadow.raw_stack == frame.stack)
                && shadow.raw_fields == raw_fields
                && (owner.is_none() || shadow.owner == owner)
        });
        if unchanged {
            return;
        }
        let mut shadow = self.frames.remove(&fid).unwrap_or_default();
        let same = shadow.written
            && shadow.code_ptr == code_ptr
            && shadow.raw_globals == Some(frame.globals)
            && shadow.raw_locals == frame.fast
            && (owner.is_some() || shadow.raw_stack == frame.stack)
            && shadow.raw_fields == raw_fields
            && (owner.is_none() || shadow.owner == owner);
        if same {
            self.frames.insert(fid, shadow);
            return;
        }
        let code = self.code_id(&frame.code);
        let globals = self.id(frame.globals);
        if shadow.code != Some(code) || shadow.globals != Some(globals) {
            self.enc.record(&Record::FrameInfo {
                frame: fid,
                code,
                globals,
            });
            shadow.code = Some(code);
            shadow.globals = Some(globals);
        }
        let mut slots = std::mem::take(&mut self.slots);
        slots.clear();
        for &r in &frame.fast {
            let id = self.opt_id(r);
            slots.push(id);
        }
        if !shadow.written || slots != shadow.locals {
            self.enc.record(&Record::FrameLocals {
                frame: fid,
                slots: &slots,
            });
            shadow.locals.clone_from(&slots);
        }
        slots.clear();
        if owner.is_none() {
            for &r in &frame.stack {
                let id = self.opt_id(r);
                slots.push(id);
            }
        }
        if !shadow.written || slots != shadow.stack {
            self.enc.record(&Record::FrameStack {
                frame: fid,
                items: &slots,
            });
            shadow.stack.clone_from(&slots);
        }
        self.slots = slots;
        let mut fields = std::mem::take(&mut self.fields);
        fields.clear();
        if owner.is_none() {
            let mut refs = std::mem::take(&mut self.vm_refs);
            refs.clear();
            frame_refs(frame, &mut refs);
            for &(r, slot) in &refs {
                if let Slot::FrameField(name) = slot {
                    let name = self.static_sym(name);
                    let r = self.id(r);
                    fields.push((name, r));
                }
            }
            self.vm_refs = refs;
        }
        if !shadow.written || fields != shadow.fields {
            self.enc.record(&Record::FrameFields {
                frame: fid,
                fields: &fields,
            });
            shadow.fields.clone_from(&fields);
        }
        self.fields = fields;
        if let Some(o) = owner
            && shadow.owner != owner
        {
            self.enc.record(&Record::FrameOwner {
                frame: fid,
                owner: o,
            });
            self.frame_owners.insert(fid, o);
            self.owned_by.insert(o, fid);
        }
        shadow.owner = owner;
        shadow.written = true;
        shadow.code_ptr = code_ptr;
        shadow.raw_globals = Some(frame.globals);
        shadow.raw_locals.clone_from(&frame.fast);
        shadow.raw_stack.clear();
        if owner.is_none() {
            shadow.raw_stack.extend_from_slice(&frame.stack);
        }
        shadow.raw_fields = raw_fields;
        self.frames.insert(fid, shadow);
    }

    /// The first inspection: everything alive, every frame, the roots.
    pub(super) fn full_snapshot(&mut self, vm: &dyn Inspector) {
        let keys: Vec<ObjRef> = vm.heap().objects.keys().collect();
        for &r in &keys {
            let id = self.id(r);
            self.describe(vm, id);
            self.capture_object(vm, id, false);
        }
        // Name the namespaces of modules and types by their owner
        // (`dict:builtins.__dict__`) so their labels do not depend on how
        // many objects the interpreter made before them.
        let dict_field = self.static_sym("__dict__");
        let mut refs = Vec::new();
        for &r in &keys {
            let owner = self.id(r);
            let Some(name) = self.objects[owner.0 as usize].value.clone() else {
                continue;
            };
            if !matches!(&*vm.type_name(r), "module" | "type") {
                continue;
            }
            refs.clear();
            vm.refs(r, &mut refs);
            for &(t, slot) in &refs {
                let is_ns = match slot {
                    Slot::Dict => true,
                    Slot::Field(f) => self.static_sym(f) == dict_field,
                    _ => false,
                };
                let t = self.id(t);
                let meta = &mut self.objects[t.0 as usize];
                if is_ns && meta.value.is_none() && meta.born.is_none() {
                    meta.value = Some(format!("{name}.__dict__").into_boxed_str());
                }
            }
        }
        // Small tuples by their items' values (`tuple:(object,)`).
        for &r in &keys {
            let id = self.id(r);
            if self.objects[id.0 as usize].value.is_some() || &*vm.type_name(r) != "tuple" {
                continue;
            }
            refs.clear();
            vm.refs(r, &mut refs);
            if refs.len() > 3 {
                continue;
            }
            let items: Option<Vec<String>> = refs
                .iter()
                .map(|&(t, _)| {
                    let t = self.id(t);
                    self.objects[t.0 as usize]
                        .value
                        .as_deref()
                        .map(str::to_string)
                })
                .collect();
            if let Some(items) = items {
                let text = if items.len() == 1 {
                    format!("({},)", items[0])
                } else {
                    format!("({})", items.join(", "))
                };
                self.objects[id.0 as usize].value = Some(text.into_boxed_str());
            }
        }
        self.capture_roots(vm);
    }

    pub(super) fn capture_roots(&mut self, vm: &dyn Inspector) {
        let mut roots = Vec::new();
        vm.for_each_root(&mut |r, why| roots.push((r, why)));
        let roots: Vec<(ObjId, Sym)> = roots
            .into_iter()
            .map(|(r, why)| {
                let id = self.id(r);
                self.objects[id.0 as usize].shared = true;
                (id, self.static_sym(why))
            })
            .collect();
        let h = roots
            .iter()
            .fold(1, |h, &(o, why)| hash_step(h, o, TraceSlot::Field(why)));
        if h != self.roots_hash {
            self.enc.record(&Record::Roots { roots: &roots });
            self.roots_hash = h;
        }
    }

    pub(super) fn inspect_now(&mut self, vm: &dyn Inspector) {
        self.inspected = true;
        self.stamp = self.stamp.wrapping_add(1).max(1);
        if !self.started {
            self.dirty.clear();
            self.full_snapshot(vm);
            for t in &mut self.tracked {
                t.shadow.flags = 0;
            }
            self.started = true;
        } else {
            // What the running frame works on changes without events: the
            // containers a comprehension fills, the iterators it advances,
            // the cells `STORE_DEREF` fills.
            if let Some(top) = vm.frames().last() {
                for r in top.stack.iter().flatten() {
                    let id = self.id(*r);
                    self.capture_object(vm, id, true);
                }
                // Cells are filled by STORE_DEREF without an event.
                let kinds = &top.code.localspluskinds;
                for (i, r) in top.fast.iter().enumerate() {
                    let Some(r) = r else { continue };
                    let cellish = kinds
                        .get(i)
                        .is_none_or(|k| k & (CO_FAST_CELL | CO_FAST_FREE) != 0);
                    if cellish
                        && let Some(Payload::Cell(_)) =
                            vm.heap().objects.get(*r).map(|o| &o.payload)
                    {
                        let id = self.id(*r);
                        self.capture_object(vm, id, false);
                    }
                }
            }
            if !self.finalizing.is_empty() {
                self.recheck_finalizing();
            }
            let dirty = std::mem::take(&mut self.dirty);
            for &id in &dirty {
                if self.objects[id.0 as usize].died.is_none() {
                    self.describe(vm, id);
                    self.capture_object(vm, id, false);
                }
                self.tracked[id.0 as usize].shadow.flags = 0;
            }
            self.dirty = dirty;
            self.dirty.clear();
            // At exit the interpreter drops its state (atexit callbacks,
            // module teardown) without events naming the roots.
            if self.roots_dirty || self.exiting {
                self.capture_roots(vm);
            }
        }
        if !self.orphans.is_empty() {
            self.adopt_orphans(vm);
        }
        self.appends.clear();
        self.roots_dirty = false;
        self.capture_temp_roots(vm);
        // Frames: the running one always (its stack changes silently), and
        // any other frame an event touched.
        let frames = vm.frames();
        if let Some(top) = frames.last() {
            self.capture_frame(top, None);
        }
        let mut dirty_frames = std::mem::take(&mut self.dirty_frames);
        dirty_frames.sort_unstable();
        dirty_frames.dedup();
        for &fid in &dirty_frames {
            if frames.last().is_some_and(|f| f.id == fid) {
                continue;
            }
            if let Some(f) = frames.iter().rev().find(|f| f.id == fid) {
                self.capture_frame(f, None);
            } else if let Some(&owner) = self.frame_owners.get(&fid)
                && self.objects[owner.0 as usize].died.is_none()
            {
                self.capture_object(vm, owner, false);
            }
        }
        dirty_frames.clear();
        self.dirty_frames = dirty_frames;
    }

    /// Marks the objects being finalized for capture (see
    /// [`Recorder::finalizing`]), forgetting those freed or back in the code
    /// that finalized them.
    fn recheck_finalizing(&mut self) {
        let mut list = std::mem::take(&mut self.finalizing);
        let depth = self.running.len();
        list.retain(|&(id, d)| {
            if self.objects[id.0 as usize].died.is_some() {
                return false;
            }
            self.mark(id, DIRTY_FULL);
            depth > d
        });
        self.finalizing = list;
    }

    /// Finds the generators now holding frames that yielded before the
    /// recorder saw who owns them, and captures them.
    pub(super) fn adopt_orphans(&mut self, vm: &dyn Inspector) {
        let orphans = std::mem::take(&mut self.orphans);
        self.generators
            .retain(|g| self.objects[g.0 as usize].died.is_none());
        let mut adopted = Vec::new();
        for g in self.generators.clone() {
            let r = self.tracked[g.0 as usize].key;
            if let Some(f) = vm.owned_frame(r)
                && orphans.contains(&f.id)
            {
                adopted.push(f.id);
                self.frame_owners.insert(f.id, g);
                self.tracked[g.0 as usize].stamp = 0;
                self.capture_object(vm, g, false);
            }
        }
        // A generator made and dropped within one step took its frame with it.
        for f in orphans {
            if !adopted.contains(&f) && !self.running.contains(&f) {
                self.frames.remove(&f);
                self.enc.record(&Record::FrameGone { frame: f });
            }
        }
    }

    pub(super) fn capture_temp_roots(&mut self, vm: &dyn Inspector) {
        let mut found = std::mem::take(&mut self.temp_scratch);
        found.clear();
        vm.for_each_temp_root(&mut |r, why| found.push((r, why)));
        if found.is_empty() && self.temp_roots.is_empty() {
            self.temp_scratch = found;
            return;
        }
        let roots: Vec<(ObjId, Sym)> = found
            .iter()
            .map(|&(r, why)| (self.id(r), self.static_sym(why)))
            .collect();
        if roots != self.temp_roots {
            self.enc.record(&Record::TempRoots { roots: &roots });
            self.temp_roots = roots;
        }
        self.temp_scratch = found;
    }
}

/// Lists, tuples and dicts with more references than this are compared
/// slot by slot (see `capture_big`).
const BIG_CONTAINER: usize = 16;

/// Whether `refs[len..]` continues the numbering of a sequence or a dict.
fn extends(refs: &[(ObjId, TraceSlot)], len: u32) -> bool {
    let tail = &refs[len as usize..];
    match refs.get(len as usize).map(|r| r.1) {
        Some(TraceSlot::Index(i)) if i == len => tail
            .iter()
            .enumerate()
            .all(|(k, (_, s))| *s == TraceSlot::Index(len + k as u32)),
        Some(TraceSlot::Key(e)) if len.is_multiple_of(2) && e == len / 2 => {
            tail.len().is_multiple_of(2)
                && tail.chunks(2).enumerate().all(|(k, p)| {
                    p[0].1 == TraceSlot::Key(e + k as u32)
                        && p[1].1 == TraceSlot::Value(e + k as u32)
                })
        }
        _ => false,
    }
}

/// Entry `e` (key, value) of a dict payload, in order.
fn d_entry(obj: &Object, e: usize) -> (ObjRef, ObjRef) {
    match &obj.payload {
        Payload::Dict(d) => d.map.values().nth(e).copied().unwrap_or_default(),
        _ => (ObjRef::default(), ObjRef::default()),
    }
}
