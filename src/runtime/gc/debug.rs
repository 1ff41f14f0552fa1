//! The collector's debugging output (`gc.set_debug`): `DEBUG_STATS` prints
//! the generation sizes before a collection and a summary after it,
//! `DEBUG_COLLECTABLE` one line per unreachable object found — written to
//! `sys.stderr` in CPython 3.11's formats (`show_stats_each_generations`,
//! `debug_cycle`).
//!
//! The core has no clock, so the elapsed time of the summary line is
//! always `0.0000s`.

use super::NUM_GENERATIONS;
use super::module::{DEBUG_COLLECTABLE, DEBUG_STATS};
use crate::runtime::heap::ObjRef;
use crate::runtime::vm::Vm;

impl Vm {
    /// Writes `text` to the current `sys.stderr` (`PySys_WriteStderr`);
    /// errors from a replaced stream's `write` are ignored.
    pub(crate) fn write_sys_stderr(&mut self, text: &str) {
        let sys_dict = self.types.sys_dict;
        let file = self.dict_get_str(sys_dict, "stderr");
        match file {
            Some(f) if f != self.types.none => {
                self.incref(f, crate::runtime::events::Holder::Temp);
                if let Err(e) = self.write_to_file(f, text) {
                    self.discard_err(e);
                }
                self.decref(f, crate::runtime::events::Holder::Temp);
            }
            _ => self.write_stderr(text),
        }
    }

    /// `DEBUG_STATS` at the start of a collection.
    pub(crate) fn gc_debug_start(&mut self, generation: usize) {
        if self.gc.debug & DEBUG_STATS == 0 {
            return;
        }
        let sizes: String = (0..NUM_GENERATIONS)
            .map(|i| format!(" {}", self.gc.gens[i].live))
            .collect();
        // Two writes, as CPython's two `PySys_*Stderr` calls.
        self.write_sys_stderr(&format!("gc: collecting generation {generation}...\n"));
        let text = format!(
            "gc: objects in each generation:{sizes}\n\
             gc: objects in permanent generation: {}\n",
            self.gc.permanent.live
        );
        self.write_sys_stderr(&text);
    }

    /// `DEBUG_COLLECTABLE`: `gc: collectable <type address>` for each
    /// unreachable object, before weakrefs and finalizers are handled.
    pub(crate) fn gc_debug_collectable(&mut self, unreachable: &[ObjRef]) {
        if self.gc.debug & DEBUG_COLLECTABLE == 0 {
            return;
        }
        // One write per object, as `PySys_FormatStderr` does.
        for &o in unreachable {
            let tn = self.type_name_of(o);
            let line = format!("gc: collectable <{tn} {}>\n", self.addr_str(o));
            self.write_sys_stderr(&line);
        }
    }

    /// `DEBUG_STATS` at the end of a collection.
    pub(crate) fn gc_debug_done(&mut self, collected: usize, uncollectable: usize) {
        if self.gc.debug & DEBUG_STATS == 0 {
            return;
        }
        let text = format!(
            "gc: done, {} unreachable, {uncollectable} uncollectable, 0.0000s elapsed\n",
            collected + uncollectable
        );
        self.write_sys_stderr(&text);
    }
}
