//! The recorder's side of the cycle collector: its phase events become the
//! GC extension records of schema 2 (the tentative counts of one collection
//! are gathered into one `GcRefs` record).

use super::*;

impl Recorder {
    pub(super) fn flush_gc_refs(&mut self) {
        if !self.gc_refs.is_empty() {
            self.enc.record(&Record::GcRefs {
                entries: &self.gc_refs,
            });
            self.gc_refs.clear();
        }
    }

    /// The cycle collector's phase events.
    pub(super) fn gc_event(&mut self, event: &Event<'_>) {
        let r = match *event {
            Event::GcStart { generation } => Record::GcStart {
                generation: generation as u32,
            },
            Event::GcTentativeDecref { obj, gc_refs } => {
                let id = self.id(obj);
                self.gc_refs.push((id, gc_refs));
                return;
            }
            Event::GcUnreachable { objs } => {
                let mut ids = std::mem::take(&mut self.gc_objs);
                ids.clear();
                for &o in objs {
                    let id = self.id(o);
                    ids.push(id);
                }
                self.enc.record(&Record::GcUnreachable { objs: &ids });
                self.gc_objs = ids;
                return;
            }
            Event::GcFinalize { obj } => Record::GcFinalize { obj: self.id(obj) },
            Event::GcResurrected { obj } => {
                let id = self.id(obj);
                // Its refcount changed while the collector held it.
                self.mark(id, DIRTY_FULL);
                Record::GcResurrected { obj: id }
            }
            Event::GcClear { obj } => Record::GcClear { obj: self.id(obj) },
            Event::GcDone {
                generation,
                collected,
                uncollectable,
            } => Record::GcDone {
                generation: generation as u32,
                collected: collected as u64,
                uncollectable: uncollectable as u64,
            },
            _ => return,
        };
        self.enc.record(&r);
    }
}
