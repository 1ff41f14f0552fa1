//! Read-only views of the allocator for teaching displays and tests: who
//! serves a block, the arenas and the `usable_arenas` order, the
//! `usedpools` lists, and the state of a pool. None of this exists as an API
//! in CPython; it shows the structures obmalloc.c keeps.

use super::pool::PoolLink;
use super::{Pymalloc, SizeClass};

/// Who serves a live block, from [`Pymalloc::block_info`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockInfo {
    /// A pymalloc block.
    Small {
        /// Slot in the `arenas` vector (`pool->arenaindex`).
        arena_index: usize,
        /// Address of the block's pool (`POOL_ADDR(p)`).
        pool_address: u64,
        size_class: SizeClass,
        /// Position of the block in its pool (0 = the block right after the header).
        block_index: usize,
    },
    /// A block from the modelled C `malloc` (0 bytes or more than 512).
    Large {
        /// Bytes asked for (0 is recorded as the 1 byte `malloc` really gets).
        requested: usize,
    },
}

/// State of an allocated arena, from [`Pymalloc::arenas`] / [`Pymalloc::usable_arenas`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArenaSummary {
    /// Slot in the `arenas` vector.
    pub index: usize,
    /// Base address returned by `mmap`.
    pub address: u64,
    /// First pool-aligned address in the arena (where pool 0 starts).
    pub first_pool_address: u64,
    /// Free pools plus never-carved pools (`nfreepools`).
    pub nfreepools: usize,
    /// Pools in the arena: 64, or 63 if it is not pool-aligned (`ntotalpools`).
    pub ntotalpools: usize,
    /// Pools carved off so far (the rest lie beyond `pool_address`).
    pub pools_carved: usize,
}

/// The three states of a carved pool, as obmalloc.c's big comment names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolState {
    /// Some blocks allocated, some available: linked in `usedpools[class]`.
    Used,
    /// Every block allocated: in no list.
    Full,
    /// No block allocated: in its arena's `freepools` list.
    Empty,
}

/// State of one carved pool, from [`Pymalloc::pool_summary`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolSummary {
    pub address: u64,
    pub arena_index: usize,
    /// Class the pool serves (for an empty pool: the class it last served).
    pub size_class: SizeClass,
    pub state: PoolState,
    /// `ref.count`.
    pub blocks_in_use: usize,
    /// The `freeblock` list, head first: where the next allocations go. Its
    /// last entry may be the first never-used block.
    pub free_list: Vec<u64>,
    /// `nextoffset`: offset of the first never-used block past the free list.
    pub next_offset: u32,
    /// `maxnextoffset`: the largest `nextoffset` that still names a block.
    pub max_next_offset: u32,
}

impl Pymalloc {
    /// Does pymalloc (not `malloc`) own this address? (`address_in_range`,
    /// answered by the radix tree as in 3.11.)
    pub fn is_pymalloc_address(&self, addr: u64) -> bool {
        self.address_in_range(addr)
    }

    /// Who serves the live block at `addr`; `None` if `addr` is not one.
    pub fn block_info(&self, addr: u64) -> Option<BlockInfo> {
        if self.address_in_range(addr) {
            let (id, index) = self.locate_block(addr).ok()?;
            Some(BlockInfo::Small {
                arena_index: id.arena as usize,
                pool_address: self.pool_address(id),
                size_class: self.pool(id).size_class(),
                block_index: index,
            })
        } else {
            let requested = self.system.requested_size(addr)?;
            Some(BlockInfo::Large { requested })
        }
    }

    /// Allocated arenas in slot order (the order the stats walk them).
    pub fn arenas(&self) -> Vec<ArenaSummary> {
        (0..self.arenas.len() as u32)
            .filter(|&i| self.arenas[i as usize].address != 0)
            .map(|i| self.arena_summary(i))
            .collect()
    }

    /// The `usable_arenas` list, head first: where new pools come from.
    pub fn usable_arenas(&self) -> Vec<ArenaSummary> {
        let mut out = Vec::new();
        let mut cur = self.usable_arenas;
        while let Some(i) = cur {
            out.push(self.arena_summary(i));
            cur = self.arenas[i as usize].nextarena;
        }
        out
    }

    /// Addresses of the pools in `usedpools[class]`, head first: the head
    /// pool serves the next allocation of that class.
    pub fn used_pools(&self, class: SizeClass) -> Vec<u64> {
        let mut out = Vec::new();
        let mut link = self.usedpools[class.index()].nextpool;
        while let PoolLink::Pool(id) = link {
            out.push(self.pool_address(id));
            link = self.pool(id).nextpool;
        }
        out
    }

    /// State of the carved pool at `pool_address` (any address inside the
    /// pool works); `None` if no carved pool is there.
    pub fn pool_summary(&self, pool_address: u64) -> Option<PoolSummary> {
        if !self.address_in_range(pool_address) {
            return None;
        }
        let id = self.pool_of(pool_address)?;
        let pool = self.pool(id);
        let base = self.pool_address(id);
        let class = pool.size_class();
        let state = if pool.count == 0 {
            PoolState::Empty
        } else if pool.count as usize == class.blocks_per_pool() {
            PoolState::Full
        } else {
            PoolState::Used
        };
        Some(PoolSummary {
            address: base,
            arena_index: id.arena as usize,
            size_class: class,
            state,
            blocks_in_use: pool.count as usize,
            free_list: pool.free_list().map(|off| base + off as u64).collect(),
            next_offset: pool.nextoffset,
            max_next_offset: pool.maxnextoffset,
        })
    }

    pub(super) fn arena_summary(&self, index: u32) -> ArenaSummary {
        let a = &self.arenas[index as usize];
        ArenaSummary {
            index: index as usize,
            address: a.address,
            first_pool_address: a.first_pool_address(),
            nfreepools: a.nfreepools as usize,
            ntotalpools: a.ntotalpools as usize,
            pools_carved: a.pools.len(),
        }
    }
}
