//! The memory view: the run's object allocations replayed through the
//! pymalloc model (`runtime::pymalloc`), sampled at every step.
//!
//! The recorder sees each object's birth (with its size) and death; feeding
//! those to [`Pymalloc`] gives the arenas, pools and bytes CPython's obmalloc
//! would hold for the program's objects. Objects that existed before the run
//! (builtins, interned strings, the small-int cache) and memory that is not an
//! object header (list item arrays, dict tables) are not counted.
//!
//! Summary numbers are kept per step (only when they change). The detailed
//! picture (every arena and pool) of one step is rebuilt on request by
//! replaying the allocation log up to that step.

use super::json::JsonOut;
use crate::runtime::heap::ObjRef;
use crate::runtime::pymalloc::{PoolState, Pymalloc, SizeClass};
use std::collections::HashMap;

/// Allocator numbers at one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemSample {
    pub arenas: u32,
    pub arenas_highwater: u32,
    pub bytes_in_arenas: u64,
    /// Bytes in allocated pymalloc blocks (block sizes).
    pub small_bytes: u64,
    /// Bytes of live objects larger than 512 bytes (served by `malloc`).
    pub large_bytes: u64,
    pub high_water: u64,
    pub live_objects: u32,
}

/// One allocation or free, in run order.
#[derive(Debug, Clone, Copy)]
enum Op {
    Alloc {
        size: u32,
    },
    /// Frees the block of the `n`-th allocation.
    Free {
        alloc_index: u32,
    },
}

/// Records allocations during the run and answers the memory view after it.
#[derive(Debug, Default)]
pub struct MemoryModel {
    model: Pymalloc,
    addrs: HashMap<ObjRef, (u64, u32)>,
    ops: Vec<Op>,
    allocs: u32,
    live: u32,
    /// (first step, numbers) whenever the numbers changed.
    samples: Vec<(u32, MemSample)>,
    /// Number of ops done before each sampled step (parallel to `samples`).
    ops_at_sample: Vec<u32>,
    failed: Option<String>,
}

impl MemoryModel {
    pub fn alloc(&mut self, obj: ObjRef, size: u32) {
        let addr = self.model.malloc(size as usize);
        self.addrs.insert(obj, (addr, self.allocs));
        self.ops.push(Op::Alloc { size });
        self.allocs += 1;
        self.live += 1;
    }

    pub fn free(&mut self, obj: ObjRef) {
        if let Some((addr, index)) = self.addrs.remove(&obj) {
            if let Err(e) = self.model.try_free(addr) {
                self.failed.get_or_insert(e.to_string());
            }
            self.ops.push(Op::Free { alloc_index: index });
            self.live -= 1;
        }
    }

    fn sample_now(&self) -> MemSample {
        MemSample {
            arenas: self.model.arenas_allocated_current() as u32,
            arenas_highwater: self.model.arenas_highwater() as u32,
            bytes_in_arenas: self.model.bytes_in_arenas(),
            small_bytes: self.model.bytes_in_use(),
            large_bytes: self.model.large_bytes_in_use(),
            high_water: self.model.high_water_bytes(),
            live_objects: self.live,
        }
    }

    /// Called at every step boundary.
    pub fn step(&mut self, step: u32) {
        let now = self.sample_now();
        if self.samples.last().is_none_or(|&(_, s)| s != now) {
            self.samples.push((step, now));
            self.ops_at_sample.push(self.ops.len() as u32);
        }
    }

    fn sample_index(&self, step: u32) -> Option<usize> {
        let i = self.samples.partition_point(|&(s, _)| s <= step);
        i.checked_sub(1)
    }

    pub fn sample_at(&self, step: u32) -> MemSample {
        self.sample_index(step)
            .map(|i| self.samples[i].1)
            .unwrap_or_default()
    }

    /// The allocator as it was at `step`, rebuilt from the log.
    fn model_at(&self, step: u32) -> Pymalloc {
        let n_ops = self
            .sample_index(step)
            .map_or(0, |i| self.ops_at_sample[i] as usize);
        let mut m = Pymalloc::new();
        let mut addrs: Vec<u64> = Vec::new();
        for op in &self.ops[..n_ops] {
            match *op {
                Op::Alloc { size } => addrs.push(m.malloc(size as usize)),
                Op::Free { alloc_index } => {
                    if let Some(&a) = addrs.get(alloc_index as usize) {
                        let _ = m.try_free(a);
                    }
                }
            }
        }
        m
    }

    /// The memory view of `step` as JSON: the numbers, the high-water series
    /// for a sparkline, and every arena with the state of each pool.
    pub fn view_json(&self, step: u32, total_steps: u32) -> String {
        let s = self.sample_at(step);
        let m = self.model_at(step);
        let mut j = JsonOut::new();
        j.begin_obj();
        j.kv_num("step", step);
        j.kv_num("arenas", s.arenas);
        j.kv_num("arenas_highwater", s.arenas_highwater);
        j.kv_num("bytes_in_arenas", s.bytes_in_arenas);
        j.kv_num("small_bytes", s.small_bytes);
        j.kv_num("large_bytes", s.large_bytes);
        j.kv_num("live_bytes", s.small_bytes + s.large_bytes);
        j.kv_num("high_water", s.high_water);
        j.kv_num("live_objects", s.live_objects);
        if let Some(e) = &self.failed {
            j.kv_str("model_error", e);
        }
        // Live bytes over the run, at most 200 points, for a sparkline.
        j.key("series").begin_arr();
        let points = total_steps.clamp(1, 200);
        for p in 0..points {
            let st = (p as u64 * total_steps as u64 / points as u64) as u32;
            let x = self.sample_at(st);
            j.begin_arr()
                .num(st)
                .num(x.small_bytes + x.large_bytes)
                .num(x.bytes_in_arenas)
                .end_arr();
        }
        j.end_arr();
        j.key("arenas_detail").begin_arr();
        for a in m.arenas() {
            j.begin_obj();
            j.kv_num("index", a.index);
            j.kv_str("address", &format!("{:#x}", a.address));
            j.kv_num("total_pools", a.ntotalpools);
            j.kv_num("free_pools", a.nfreepools);
            j.kv_num("carved", a.pools_carved);
            j.key("pools").begin_arr();
            for k in 0..a.pools_carved as u64 {
                let addr = a.first_pool_address + k * crate::runtime::pymalloc::POOL_SIZE;
                if let Some(p) = m.pool_summary(addr) {
                    let state = match p.state {
                        PoolState::Used => "used",
                        PoolState::Full => "full",
                        PoolState::Empty => "empty",
                    };
                    j.begin_arr()
                        .str(state)
                        .num(p.size_class.block_size())
                        .num(p.blocks_in_use)
                        .num(p.size_class.blocks_per_pool())
                        .end_arr();
                }
            }
            j.end_arr();
            j.end_obj();
        }
        j.end_arr();
        j.key("classes").begin_arr();
        for c in SizeClass::all() {
            let pools = m.used_pools(c).len();
            if pools > 0 {
                j.begin_arr().num(c.block_size()).num(pools).end_arr();
            }
        }
        j.end_arr();
        j.end_obj();
        j.finish()
    }
}
