//! A consistency check of every structure, in the spirit of the `Py_DEBUG`
//! assertions in obmalloc.c (`pool_is_in_list`, the `nfp2lasta` asserts in
//! `insert_to_freepool`). Tests run it after every operation.

use std::collections::BTreeSet;

use super::pool::{PoolId, PoolLink};
use super::{ARENA_SIZE, MAX_POOLS_IN_ARENA, POOL_SIZE, Pymalloc, SizeClass};

impl Pymalloc {
    /// Check the invariants that obmalloc.c relies on; the error names the
    /// first one broken.
    pub fn check_invariants(&self) -> Result<(), String> {
        self.check_arena_lists()?;
        self.check_pools()?;
        self.check_used_pools()?;
        Ok(())
    }

    /// `unused_arena_objects`, `usable_arenas` (sorted, doubly linked) and
    /// `nfp2lasta`.
    fn check_arena_lists(&self) -> Result<(), String> {
        let mut unused = BTreeSet::new();
        let mut cur = self.unused_arena_objects;
        while let Some(i) = cur {
            if !unused.insert(i) {
                return Err(format!("unused_arena_objects loops at {i}"));
            }
            cur = self.arenas[i as usize].nextarena;
        }
        for (i, a) in self.arenas.iter().enumerate() {
            if (a.address == 0) != unused.contains(&(i as u32)) {
                return Err(format!("arena {i}: on unused list iff address == 0"));
            }
        }

        let mut usable = Vec::new();
        let (mut prev, mut cur) = (None, self.usable_arenas);
        while let Some(i) = cur {
            let a = &self.arenas[i as usize];
            if a.prevarena != prev {
                return Err(format!("usable arena {i}: bad prevarena"));
            }
            if a.address == 0 || a.nfreepools == 0 {
                return Err(format!("usable arena {i}: unallocated or no free pool"));
            }
            if usable.len() > self.arenas.len() {
                return Err("usable_arenas loops".into());
            }
            usable.push(i);
            prev = cur;
            cur = a.nextarena;
        }
        let nfp = |i: &u32| self.arenas[*i as usize].nfreepools;
        if usable.windows(2).any(|w| nfp(&w[0]) > nfp(&w[1])) {
            return Err("usable_arenas not sorted by nfreepools".into());
        }
        for (i, a) in self.arenas.iter().enumerate() {
            let listed = usable.contains(&(i as u32));
            if a.address != 0 && (a.nfreepools > 0) != listed {
                return Err(format!(
                    "arena {i}: in usable_arenas iff it has a free pool"
                ));
            }
        }
        for n in 0..=MAX_POOLS_IN_ARENA as u32 {
            let last = usable.iter().rev().find(|i| nfp(i) == n).copied();
            if self.nfp2lasta[n as usize] != last {
                return Err(format!(
                    "nfp2lasta[{n}] is not the last arena with {n} free pools"
                ));
            }
        }
        Ok(())
    }

    /// Per arena: pool accounting, `freepools`, the radix tree; per pool:
    /// the free list holds exactly the touched blocks not allocated.
    fn check_pools(&self) -> Result<(), String> {
        let mut small_bytes = 0u64;
        for (ai, a) in self.arenas.iter().enumerate() {
            if a.address == 0 {
                continue;
            }
            if !self.arena_map.is_used(a.address)
                || !self.arena_map.is_used(a.address + ARENA_SIZE - 1)
            {
                return Err(format!("arena {ai}: not marked in the radix tree"));
            }
            let carved = a.pools.len() as u32;
            if a.pool_address != a.first_pool_address() + carved as u64 * POOL_SIZE {
                return Err(format!(
                    "arena {ai}: pool_address disagrees with pools carved"
                ));
            }
            let empty: BTreeSet<u32> = (0..carved)
                .filter(|&i| a.pools[i as usize].count == 0)
                .collect();
            let mut listed = BTreeSet::new();
            let mut link = a.freepools;
            while let PoolLink::Pool(id) = link {
                if id.arena as usize != ai || !listed.insert(id.index) {
                    return Err(format!("arena {ai}: freepools is corrupt"));
                }
                link = self.pool(id).nextpool;
            }
            if listed != empty {
                return Err(format!("arena {ai}: freepools != empty pools"));
            }
            if a.nfreepools != a.ntotalpools - carved + empty.len() as u32 {
                return Err(format!("arena {ai}: nfreepools miscounted"));
            }
            for (pi, p) in a.pools.iter().enumerate() {
                if p.szidx == super::pool::DUMMY_SIZE_IDX {
                    // allocate_from_new_pool initialises a pool as it carves it.
                    return Err(format!(
                        "arena {ai} pool {pi}: carved but never initialised"
                    ));
                }
                let class = p.size_class();
                let size = class.block_size() as u32;
                let touched = (0..class.blocks_per_pool())
                    .filter(|&b| super::POOL_OVERHEAD as u32 + b as u32 * size < p.nextoffset)
                    .collect::<Vec<_>>();
                let expect: BTreeSet<usize> = touched
                    .iter()
                    .copied()
                    .filter(|&b| !p.is_allocated(b))
                    .collect();
                let got: Vec<usize> = p
                    .free_list()
                    .map(|off| p.block_index(off).expect("block"))
                    .collect();
                let got_set: BTreeSet<usize> = got.iter().copied().collect();
                if got.len() != got_set.len() || got_set != expect {
                    return Err(format!(
                        "arena {ai} pool {pi}: free list is not the free touched blocks"
                    ));
                }
                let allocated = touched.iter().filter(|&&b| p.is_allocated(b)).count();
                if allocated != p.count as usize {
                    return Err(format!("arena {ai} pool {pi}: ref.count miscounted"));
                }
                small_bytes += p.count as u64 * size as u64;
            }
        }
        if small_bytes != self.small_bytes_in_use {
            return Err("bytes_in_use disagrees with the pools".into());
        }
        Ok(())
    }

    /// `usedpools[c]` holds exactly the pools of class `c` that are neither
    /// empty nor full, in a consistent circular list.
    fn check_used_pools(&self) -> Result<(), String> {
        for class in SizeClass::all() {
            let head = PoolLink::Head(class.index() as u8);
            let mut listed = BTreeSet::new();
            let (mut prev, mut link) = (head, self.next_link(head));
            while let PoolLink::Pool(id) = link {
                if self.prev_link(link) != prev || !listed.insert(id) {
                    return Err(format!("usedpools[{}] is corrupt", class.index()));
                }
                prev = link;
                link = self.next_link(link);
            }
            if link != head || self.prev_link(head) != prev {
                return Err(format!("usedpools[{}] is not circular", class.index()));
            }
            let expect: BTreeSet<PoolId> = self
                .arenas
                .iter()
                .enumerate()
                .filter(|(_, a)| a.address != 0)
                .flat_map(|(ai, a)| {
                    a.pools.iter().enumerate().filter_map(move |(pi, p)| {
                        let used = p.count > 0
                            && p.szidx as usize == class.index()
                            && (p.count as usize) < class.blocks_per_pool();
                        used.then_some(PoolId {
                            arena: ai as u32,
                            index: pi as u32,
                        })
                    })
                })
                .collect();
            if listed != expect {
                return Err(format!(
                    "usedpools[{}] != the partially used pools",
                    class.index()
                ));
            }
        }
        Ok(())
    }
}
