//! An exact model of CPython 3.11's small-object allocator, pymalloc
//! (`Objects/obmalloc.c`), on a 64-bit Linux build.
//!
//! Memory is simulated: nothing is really allocated, but every address handed
//! out is the one pymalloc's algorithms would produce given the arena base
//! addresses of the modelled `mmap` (see [`system`]). So `id()` values are
//! multiples of 16, and which block a new object gets (`id([]) == id([])`,
//! reuse of the most recently freed block, pools and arenas filling and
//! emptying) follows obmalloc.c step by step.
//!
//! The layers, as in obmalloc.c:
//! - an **arena** (1 MiB from `mmap`) is cut into **pools** of 16 KiB; an
//!   arena that `mmap` did not return pool-aligned loses its first partial
//!   pool (`pymalloc/arena.rs`);
//! - a pool serves **blocks** of one [`SizeClass`] (16, 32, .. 512 bytes) from
//!   a LIFO free list plus a bump region of never-used blocks
//!   (`pymalloc/pool.rs`);
//! - requests of 0 bytes or more than 512 bytes go to the C library's
//!   `malloc`, modelled by a simple deterministic heap ([`system`]).
//!
//! `sys._debugmallocstats()` is reproduced byte for byte by
//! [`Pymalloc::debug_malloc_stats`] ([`stats`]). See `docs/pymalloc.md` for
//! what is exact and what is simplified.

mod arena;
mod arena_map;
mod audit;
mod introspect;
mod pool;
pub mod stats;
pub mod system;
#[cfg(test)]
mod tests;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

use arena::ArenaObject;
use arena_map::ArenaMap;
pub use introspect::{ArenaSummary, BlockInfo, PoolState, PoolSummary};
use pool::{PoolHeader, PoolId, PoolLink};
pub use stats::{ClassStats, MallocStats, TypeFreeLists};
use system::{MmapModel, SystemHeap};

/// Addresses returned to callers are multiples of this (`ALIGNMENT`); it is
/// also the spacing of the size classes.
pub const ALIGNMENT: usize = 16;
/// log2 of [`ALIGNMENT`] (`ALIGNMENT_SHIFT`).
pub const ALIGNMENT_SHIFT: u32 = 4;
/// Largest request pymalloc serves itself (`SMALL_REQUEST_THRESHOLD`).
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes (`NB_SMALL_SIZE_CLASSES`).
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// Page size obmalloc assumes (`SYSTEM_PAGE_SIZE`); `mmap` returns page-aligned memory.
pub const SYSTEM_PAGE_SIZE: u64 = 4 * 1024;
/// log2 of [`ARENA_SIZE`] (`ARENA_BITS`, with `USE_LARGE_ARENAS` on 64-bit).
pub const ARENA_BITS: u32 = 20;
/// Bytes in an arena (`ARENA_SIZE`): 1 MiB.
pub const ARENA_SIZE: u64 = 1 << ARENA_BITS;
/// log2 of [`POOL_SIZE`] (`POOL_BITS`, with `USE_LARGE_POOLS`, as the radix tree is on).
pub const POOL_BITS: u32 = 14;
/// Bytes in a pool (`POOL_SIZE`): 16 KiB.
pub const POOL_SIZE: u64 = 1 << POOL_BITS;
/// Pools in a pool-aligned arena (`MAX_POOLS_IN_ARENA`); one fewer if the
/// arena is not pool-aligned.
pub const MAX_POOLS_IN_ARENA: usize = (ARENA_SIZE / POOL_SIZE) as usize;
/// `sizeof(struct pool_header)` (4 pointers + 4 `uint`s = 48) rounded up to
/// [`ALIGNMENT`]: the first block of a pool starts this far into it.
pub const POOL_OVERHEAD: u64 = 48;
/// Arena objects the `arenas` vector starts with (`INITIAL_ARENA_OBJECTS`);
/// it doubles whenever it runs out.
pub const INITIAL_ARENA_OBJECTS: usize = 16;

/// One of the 32 size classes: blocks of `16 * (index + 1)` bytes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct SizeClass(u8);

impl SizeClass {
    /// The class serving a request of `nbytes`, as `pymalloc_alloc` computes it
    /// (`(nbytes - 1) >> ALIGNMENT_SHIFT`); `None` when pymalloc does not serve
    /// the request (0 bytes, or more than 512) and it goes to `malloc`.
    pub fn of(nbytes: usize) -> Option<SizeClass> {
        if nbytes == 0 || nbytes > SMALL_REQUEST_THRESHOLD {
            None
        } else {
            Some(SizeClass(((nbytes - 1) >> ALIGNMENT_SHIFT) as u8))
        }
    }

    /// The class with this index (0..32).
    pub fn from_index(index: usize) -> Option<SizeClass> {
        (index < NB_SMALL_SIZE_CLASSES).then_some(SizeClass(index as u8))
    }

    /// Every class, smallest first.
    pub fn all() -> impl Iterator<Item = SizeClass> {
        (0..NB_SMALL_SIZE_CLASSES as u8).map(SizeClass)
    }

    /// The class index (`szidx`).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Bytes in a block of this class (`INDEX2SIZE`).
    pub fn block_size(self) -> usize {
        (self.0 as usize + 1) << ALIGNMENT_SHIFT
    }

    /// Blocks that fit in one pool after its header (`NUMBLOCKS`).
    pub fn blocks_per_pool(self) -> usize {
        (POOL_SIZE - POOL_OVERHEAD) as usize / self.block_size()
    }
}

/// What a caller did wrong; CPython would corrupt memory or crash instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PymallocError {
    /// `free`/`realloc` of an address that is not a live block (never
    /// allocated, already freed, or pointing inside a block).
    NotAllocated(u64),
}

impl fmt::Display for PymallocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PymallocError::NotAllocated(addr) => {
                write!(f, "pymalloc: {addr:#x} is not a live allocated block")
            }
        }
    }
}

impl std::error::Error for PymallocError {}

/// `usedpools[2*i]`/`usedpools[2*i+1]`: the `nextpool`/`prevpool` of the fake
/// pool header heading the circular list of used pools of class `i`.
#[derive(Clone, Copy, Debug)]
struct UsedPoolsHead {
    nextpool: PoolLink,
    prevpool: PoolLink,
}

/// The allocator: obmalloc.c's static state plus the modelled OS below it.
#[derive(Clone, Debug)]
pub struct Pymalloc {
    /// Per class, the headed circular list of partially used pools.
    usedpools: [UsedPoolsHead; NB_SMALL_SIZE_CLASSES],
    /// The `arenas` vector (`maxarenas == arenas.len()`).
    arenas: Vec<ArenaObject>,
    /// Head of the singly linked list of arena objects with no arena.
    unused_arena_objects: Option<u32>,
    /// Head of the doubly linked list of arenas with available pools, sorted
    /// by `nfreepools` ascending.
    usable_arenas: Option<u32>,
    /// `nfp2lasta[nfp]`: the last arena in `usable_arenas` with `nfp` free pools.
    nfp2lasta: [Option<u32>; MAX_POOLS_IN_ARENA + 1],
    narenas_currently_allocated: usize,
    ntimes_arena_allocated: usize,
    narenas_highwater: usize,
    /// Blocks handed out by the `malloc` fallback (`raw_allocated_blocks`).
    raw_allocated_blocks: usize,
    /// The radix tree behind `address_in_range`.
    arena_map: ArenaMap,
    /// Model-only index from arena base address to arena slot; CPython reads
    /// `pool->arenaindex` from the pool header instead.
    arena_by_base: BTreeMap<u64, u32>,
    /// Model-only: the (base address, slot) of the arena found last, which
    /// most frees hit again; cleared when an arena is given back.
    last_arena: Cell<Option<(u64, u32)>>,
    mmap: MmapModel,
    system: SystemHeap,
    /// Sum of block sizes of allocated pymalloc blocks.
    small_bytes_in_use: u64,
    /// Peak of `small_bytes_in_use + large bytes in use`.
    high_water_bytes: u64,
    /// Free-list lengths the VM reports for the type lines of the stats.
    type_free_lists: TypeFreeLists,
}

impl Default for Pymalloc {
    fn default() -> Self {
        Self::new()
    }
}

impl Pymalloc {
    /// A fresh allocator with the default address layout: arenas are placed by
    /// [`MmapModel::new`] (page-aligned but not pool-aligned, so each arena
    /// has 63 pools, the usual case on Linux), large blocks by [`SystemHeap::new`].
    pub fn new() -> Self {
        Self::with_layout(MmapModel::new(), SystemHeap::new())
    }

    /// A fresh allocator whose arenas come from `mmap` and whose large blocks
    /// come from `system` (e.g. `MmapModel::with_top` to make arenas
    /// pool-aligned, with 64 pools each).
    pub fn with_layout(mmap: MmapModel, system: SystemHeap) -> Self {
        let usedpools = std::array::from_fn(|i| UsedPoolsHead {
            nextpool: PoolLink::Head(i as u8),
            prevpool: PoolLink::Head(i as u8),
        });
        Pymalloc {
            usedpools,
            arenas: Vec::new(),
            unused_arena_objects: None,
            usable_arenas: None,
            nfp2lasta: [None; MAX_POOLS_IN_ARENA + 1],
            narenas_currently_allocated: 0,
            ntimes_arena_allocated: 0,
            narenas_highwater: 0,
            raw_allocated_blocks: 0,
            arena_map: ArenaMap::default(),
            arena_by_base: BTreeMap::new(),
            last_arena: Cell::new(None),
            mmap,
            system,
            small_bytes_in_use: 0,
            high_water_bytes: 0,
            type_free_lists: TypeFreeLists::default(),
        }
    }

    /// The class pymalloc serves `nbytes` from, or `None` for requests it
    /// hands to `malloc` (0 bytes, or more than 512).
    pub fn size_class_of(nbytes: usize) -> Option<SizeClass> {
        SizeClass::of(nbytes)
    }

    // ----- allocation entry points (`_PyObject_Malloc` and friends) -----

    /// `PyObject_Malloc(nbytes)`: a pymalloc block for 1..=512 bytes, else a
    /// block from the modelled `malloc` (`malloc(0)` is made `malloc(1)`).
    pub fn malloc(&mut self, nbytes: usize) -> u64 {
        let addr = match self.pymalloc_alloc(nbytes) {
            Some(addr) => addr,
            None => {
                self.raw_allocated_blocks += 1;
                self.system.malloc(nbytes)
            }
        };
        self.note_high_water();
        addr
    }

    /// `PyObject_Calloc(nelem, elsize)`: as `malloc(nelem * elsize)`, except
    /// that a zero-byte request becomes `calloc(1, 1)`. Memory contents are not
    /// modelled, so zeroing is invisible.
    pub fn calloc(&mut self, nelem: usize, elsize: usize) -> u64 {
        self.malloc(nelem.saturating_mul(elsize))
    }

    /// `PyObject_Free(addr)`; freeing 0 (NULL) does nothing.
    ///
    /// # Panics
    /// If `addr` is not a live block: see [`Pymalloc::try_free`].
    pub fn free(&mut self, addr: u64) {
        if let Err(e) = self.try_free(addr) {
            panic!("{e}");
        }
    }

    /// `PyObject_Free(addr)`, reporting a bad address instead of panicking
    /// (CPython would silently corrupt its free lists).
    pub fn try_free(&mut self, addr: u64) -> Result<(), PymallocError> {
        if addr == 0 {
            return Ok(());
        }
        if self.address_in_range(addr) {
            self.pymalloc_free(addr)
        } else {
            self.system.free(addr)?;
            self.raw_allocated_blocks -= 1;
            Ok(())
        }
    }

    /// `PyObject_Realloc(addr, nbytes)`, mirroring `pymalloc_realloc`: a
    /// pymalloc block is kept when `nbytes` fits its class and shrinks it by
    /// less than a quarter (`4 * nbytes > 3 * size`); otherwise a new block is
    /// allocated *before* the old one is freed. A `malloc` block stays with
    /// `malloc` (`realloc`), even when it shrinks to a small size.
    ///
    /// # Panics
    /// If `addr` is not 0 and not a live block.
    pub fn realloc(&mut self, addr: u64, nbytes: usize) -> u64 {
        match self.try_realloc(addr, nbytes) {
            Ok(addr) => addr,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`Pymalloc::realloc`], reporting a bad address instead of panicking.
    pub fn try_realloc(&mut self, addr: u64, nbytes: usize) -> Result<u64, PymallocError> {
        if addr == 0 {
            return Ok(self.malloc(nbytes));
        }
        if !self.address_in_range(addr) {
            // PyMem_RawRealloc: the block stays with the C library.
            let new = self.system.realloc(addr, nbytes)?;
            self.note_high_water();
            return Ok(new);
        }
        let (id, _) = self.locate_block(addr)?;
        let size = self.pool(id).size_class().block_size();
        if nbytes <= size && 4 * nbytes > 3 * size {
            // Same block: it grows within its class or shrinks by < 25%.
            return Ok(addr);
        }
        let new = self.malloc(nbytes);
        self.pymalloc_free(addr)?;
        Ok(new)
    }

    // ----- statistics -----

    /// Arenas currently held from the OS (`narenas_currently_allocated`).
    pub fn arenas_allocated_current(&self) -> usize {
        self.narenas_currently_allocated
    }

    /// Arenas ever allocated (`ntimes_arena_allocated`).
    pub fn arenas_allocated_total(&self) -> usize {
        self.ntimes_arena_allocated
    }

    /// Arenas given back to the OS so far.
    pub fn arenas_reclaimed(&self) -> usize {
        self.ntimes_arena_allocated - self.narenas_currently_allocated
    }

    /// Most arenas ever held at once (`narenas_highwater`).
    pub fn arenas_highwater(&self) -> usize {
        self.narenas_highwater
    }

    /// Bytes pymalloc holds from the OS: arenas * 1 MiB.
    pub fn bytes_in_arenas(&self) -> u64 {
        self.narenas_currently_allocated as u64 * ARENA_SIZE
    }

    /// Bytes in allocated pymalloc blocks (block sizes, not request sizes):
    /// the "# bytes in allocated blocks" line of the stats.
    pub fn bytes_in_use(&self) -> u64 {
        self.small_bytes_in_use
    }

    /// Bytes requested by live blocks of the `malloc` fallback.
    pub fn large_bytes_in_use(&self) -> u64 {
        self.system.bytes_in_use()
    }

    /// Live blocks of the `malloc` fallback.
    pub fn large_blocks_in_use(&self) -> usize {
        self.raw_allocated_blocks
    }

    /// Peak of `bytes_in_use() + large_bytes_in_use()` since creation.
    pub fn high_water_bytes(&self) -> u64 {
        self.high_water_bytes
    }

    /// `sys.getallocatedblocks()` (`_Py_GetAllocatedBlocks`): allocated
    /// pymalloc blocks plus live `malloc` fallback blocks.
    pub fn allocated_blocks(&self) -> usize {
        let small: usize = self
            .arenas
            .iter()
            .filter(|a| a.address != 0)
            .flat_map(|a| a.pools.iter())
            .map(|p| p.count as usize)
            .sum();
        small + self.raw_allocated_blocks
    }

    /// The free-list lengths printed by the type lines of
    /// [`Pymalloc::debug_malloc_stats`]; the VM sets them (the allocator model
    /// has no type free lists of its own).
    pub fn type_free_lists_mut(&mut self) -> &mut TypeFreeLists {
        &mut self.type_free_lists
    }

    /// Everything `_PyObject_DebugMallocStats` prints, as numbers.
    pub fn malloc_stats(&self) -> MallocStats {
        self.collect_stats()
    }

    /// Exactly what CPython 3.11's `sys._debugmallocstats()` writes to stderr
    /// for this allocator state, type free-list lines included (their counts
    /// come from [`Pymalloc::type_free_lists_mut`]).
    pub fn debug_malloc_stats(&self) -> String {
        stats::render_debugmallocstats(&self.collect_stats(), &self.type_free_lists)
    }

    // ----- internals shared by the submodules -----

    fn note_high_water(&mut self) {
        let now = self.small_bytes_in_use + self.system.bytes_in_use();
        self.high_water_bytes = self.high_water_bytes.max(now);
    }

    /// `address_in_range`: the radix-tree lookup of 3.10+.
    fn address_in_range(&self, addr: u64) -> bool {
        self.last_arena_of(addr).is_some() || self.arena_map.is_used(addr)
    }

    /// The slot of the arena found last, if `addr` is inside it.
    #[inline]
    fn last_arena_of(&self, addr: u64) -> Option<u32> {
        match self.last_arena.get() {
            Some((base, slot)) if addr.wrapping_sub(base) < ARENA_SIZE => Some(slot),
            _ => None,
        }
    }

    /// Forgets the arena found last (its arena is being given back).
    pub(super) fn forget_last_arena(&self) {
        self.last_arena.set(None);
    }

    fn pool(&self, id: PoolId) -> &PoolHeader {
        &self.arenas[id.arena as usize].pools[id.index as usize]
    }

    fn pool_mut(&mut self, id: PoolId) -> &mut PoolHeader {
        &mut self.arenas[id.arena as usize].pools[id.index as usize]
    }

    fn pool_address(&self, id: PoolId) -> u64 {
        self.arenas[id.arena as usize].first_pool_address() + id.index as u64 * POOL_SIZE
    }

    /// The carved pool containing `addr` (`POOL_ADDR(p)` plus the arena
    /// lookup that `pool->arenaindex` does in C). `addr` must be in an arena.
    fn pool_of(&self, addr: u64) -> Option<PoolId> {
        let arena = match self.last_arena_of(addr) {
            Some(slot) => slot,
            None => {
                let (&base, &slot) = self.arena_by_base.range(..=addr).next_back()?;
                if addr - base < ARENA_SIZE {
                    self.last_arena.set(Some((base, slot)));
                }
                slot
            }
        };
        let first = self.arenas[arena as usize].first_pool_address();
        let pool_addr = addr & !(POOL_SIZE - 1);
        if pool_addr < first {
            return None; // in the alignment gap before the first pool
        }
        let index = ((pool_addr - first) / POOL_SIZE) as u32;
        ((index as usize) < self.arenas[arena as usize].pools.len())
            .then_some(PoolId { arena, index })
    }

    /// The pool and block index of the live pymalloc block at `addr`.
    fn locate_block(&self, addr: u64) -> Result<(PoolId, usize), PymallocError> {
        let bad = PymallocError::NotAllocated(addr);
        let id = self.pool_of(addr).ok_or(bad.clone())?;
        let offset = (addr - self.pool_address(id)) as u32;
        let pool = self.pool(id);
        match pool.block_index(offset) {
            Some(index) if pool.is_allocated(index) => Ok((id, index)),
            _ => Err(bad),
        }
    }

    fn next_link(&self, link: PoolLink) -> PoolLink {
        match link {
            PoolLink::Head(c) => self.usedpools[c as usize].nextpool,
            PoolLink::Pool(id) => self.pool(id).nextpool,
            PoolLink::Null => unreachable!("following a NULL pool link"),
        }
    }

    fn prev_link(&self, link: PoolLink) -> PoolLink {
        match link {
            PoolLink::Head(c) => self.usedpools[c as usize].prevpool,
            PoolLink::Pool(id) => self.pool(id).prevpool,
            PoolLink::Null => unreachable!("following a NULL pool link"),
        }
    }

    fn set_next_link(&mut self, link: PoolLink, to: PoolLink) {
        match link {
            PoolLink::Head(c) => self.usedpools[c as usize].nextpool = to,
            PoolLink::Pool(id) => self.pool_mut(id).nextpool = to,
            PoolLink::Null => unreachable!("writing through a NULL pool link"),
        }
    }

    fn set_prev_link(&mut self, link: PoolLink, to: PoolLink) {
        match link {
            PoolLink::Head(c) => self.usedpools[c as usize].prevpool = to,
            PoolLink::Pool(id) => self.pool_mut(id).prevpool = to,
            PoolLink::Null => unreachable!("writing through a NULL pool link"),
        }
    }

    // ----- pymalloc_alloc / pymalloc_free -----

    /// `pymalloc_alloc`: `None` when the request is not pymalloc's to serve.
    fn pymalloc_alloc(&mut self, nbytes: usize) -> Option<u64> {
        let class = SizeClass::of(nbytes)?;
        let addr = match self.usedpools[class.index()].nextpool {
            PoolLink::Pool(id) => {
                // There is a used pool for this class: take the head block of
                // its free list.
                let pool = self.pool_mut(id);
                let bp = pool.pop_free_block();
                if pool.freeblock.is_none() {
                    // Reached the end of the free list: extend it.
                    self.pymalloc_pool_extend(id);
                }
                self.pool_address(id) + bp as u64
            }
            _ => self.allocate_from_new_pool(class),
        };
        self.small_bytes_in_use += class.block_size() as u64;
        Some(addr)
    }

    /// `pymalloc_pool_extend`: called when a pool's free list is exhausted.
    /// Hands out the next never-used block, or unlinks the now full pool
    /// from `usedpools`.
    fn pymalloc_pool_extend(&mut self, id: PoolId) {
        if self.pool_mut(id).extend() {
            return;
        }
        let next = self.pool(id).nextpool;
        let prev = self.pool(id).prevpool;
        self.set_prev_link(next, prev);
        self.set_next_link(prev, next);
    }

    /// `insert_to_usedpool`: a full pool got a free block; link it at the
    /// front of its class's list so the next allocation reuses that block.
    fn insert_to_usedpool(&mut self, id: PoolId) {
        let head = PoolLink::Head(self.pool(id).szidx as u8);
        // In C, `usedpools[size + size]` is the first pool (the header's
        // `nextpool`), and its `prevpool` is the header itself.
        let next = self.next_link(head);
        let prev = self.prev_link(next);
        let me = PoolLink::Pool(id);
        self.pool_mut(id).nextpool = next;
        self.pool_mut(id).prevpool = prev;
        self.set_prev_link(next, me);
        self.set_next_link(prev, me);
    }

    /// `pymalloc_free`: push the block on its pool's free list, then handle
    /// the full -> used and used -> empty transitions.
    fn pymalloc_free(&mut self, addr: u64) -> Result<(), PymallocError> {
        let (id, index) = self.locate_block(addr)?;
        let offset = (addr - self.pool_address(id)) as u32;
        let pool = self.pool_mut(id);
        let lastfree = pool.push_free_block(index, offset);
        let (count, block_size) = (pool.count, pool.size_class().block_size());
        self.small_bytes_in_use -= block_size as u64;
        if lastfree.is_none() {
            // The pool was full, so it is in no list.
            self.insert_to_usedpool(id);
        } else if count == 0 {
            // The pool is now empty: give it back to its arena.
            self.insert_to_freepool(id);
        }
        Ok(())
    }
}
