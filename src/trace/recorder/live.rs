//! The live state read straight from the VM with the recorder's ids: what
//! replay must reproduce (used by `trace::verify` and the replay tests).

use super::*;

impl Recorder {
    /// The id the trace gives `r`, if it has seen it.
    pub fn id_of(&self, r: ObjRef) -> Option<ObjId> {
        let ffi = r.data().as_ffi();
        let (idx, version) = ((ffi & 0xffff_ffff) as usize, (ffi >> 32) as u32);
        match self.by_slot.get(idx) {
            Some(&(v, id)) if v == version && (id as usize) < self.objects.len() => Some(ObjId(id)),
            _ => None,
        }
    }

    /// The state read straight from the VM (not replayed), with this
    /// recorder's ids: what [`Trace::state_at`] must reproduce at this step.
    pub fn live_state(&mut self, vm: &dyn Inspector) -> crate::trace::state::State {
        use crate::trace::state::{FrameState, FrameStatus, ObjState, State};
        let mut state = State {
            step: self.current_step(),
            started: true,
            ..State::default()
        };
        let keys: Vec<ObjRef> = vm.heap().objects.keys().collect();
        let mut refs = Vec::new();
        for r in keys {
            let id = self.id(r);
            refs.clear();
            vm.refs(r, &mut refs);
            let mut o = ObjState {
                refcount: vm.heap().get(r).refcount,
                refs: Vec::with_capacity(refs.len()),
            };
            for &(t, s) in &refs {
                let t = self.id(t);
                let s = self.slot(s);
                o.refs.push((t, s));
            }
            let i = id.0 as usize;
            if state.objects.len() <= i {
                state.objects.resize(i + 1, None);
            }
            state.objects[i] = Some(o);
            if let Some(frame) = vm.owned_frame(r) {
                let mut fs = self.frame_state(frame);
                fs.status = FrameStatus::Owned;
                fs.owner = Some(id);
                fs.stack.clear();
                fs.fields.clear();
                state.frames.insert(frame.id, fs);
            }
        }
        for frame in vm.frames() {
            let fs: FrameState = self.frame_state(frame);
            state.stack.push(frame.id);
            state.frames.insert(frame.id, fs);
        }
        let mut roots = Vec::new();
        vm.for_each_root(&mut |r, why| roots.push((r, why)));
        for (r, why) in roots {
            let id = self.id(r);
            let why = self.static_sym(why);
            state.roots.push((id, why));
        }
        let mut temps = Vec::new();
        vm.for_each_temp_root(&mut |r, why| temps.push((r, why)));
        for (r, why) in temps {
            let id = self.id(r);
            let why = self.static_sym(why);
            state.temp_roots.push((id, why));
        }
        state
    }

    fn frame_state(&mut self, frame: &Frame) -> crate::trace::state::FrameState {
        let mut refs = Vec::new();
        frame_refs(frame, &mut refs);
        let code = self.code_id(&frame.code);
        let globals = self.id(frame.globals);
        let locals = frame.fast.iter().map(|r| r.map(|r| self.id(r))).collect();
        let stack = frame.stack.iter().map(|r| r.map(|r| self.id(r))).collect();
        let fields = refs
            .iter()
            .filter_map(|&(r, s)| match s {
                Slot::FrameField(name) => Some((self.static_sym(name), self.id(r))),
                _ => None,
            })
            .collect();
        crate::trace::state::FrameState {
            code: Some(code),
            globals: Some(globals),
            line: frame.last_line,
            locals,
            stack,
            fields,
            ..Default::default()
        }
    }
}
