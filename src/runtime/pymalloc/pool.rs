//! Pool headers and the blocks inside a pool: obmalloc.c's `struct
//! pool_header`, the pool set-up at the end of `allocate_from_new_pool`,
//! `pymalloc_pool_extend`'s bump region, and the `freeblock` LIFO list that
//! `pymalloc_alloc` pops and `pymalloc_free` pushes.
//!
//! Offsets are bytes from the start of the pool, as `nextoffset` is in C. A
//! free block's first word points to the next free block; the model keeps
//! those words in `next_free`, indexed by block.

use super::{POOL_OVERHEAD, POOL_SIZE, SizeClass};

/// Identifies a carved pool: the arena's slot in `arenas` and the pool's
/// position after the arena's first pool-aligned address.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub(super) struct PoolId {
    pub arena: u32,
    pub index: u32,
}

/// A `nextpool`/`prevpool` pointer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum PoolLink {
    /// NULL: ends an arena's singly linked `freepools` list.
    Null,
    /// The fake pool header `usedpools[2*class]` heading a class's list.
    Head(u8),
    Pool(PoolId),
}

/// `DUMMY_SIZE_IDX`: the size class of a freshly carved pool, so that the
/// "same class as last time" shortcut never applies to it.
pub(super) const DUMMY_SIZE_IDX: u16 = 0xffff;

/// `struct pool_header`, plus a model-only record of which blocks are
/// allocated (to report double frees instead of corrupting the lists).
#[derive(Clone, Debug)]
pub(super) struct PoolHeader {
    /// `ref.count`: blocks allocated.
    pub count: u32,
    /// `freeblock`: head of the free list (an offset), or NULL.
    pub freeblock: Option<u32>,
    /// In `usedpools` or (for an empty pool) the arena's `freepools` list.
    pub nextpool: PoolLink,
    pub prevpool: PoolLink,
    /// `szidx`, or [`DUMMY_SIZE_IDX`] until the pool is first used.
    pub szidx: u16,
    /// `nextoffset`: bytes to the first never-used block.
    pub nextoffset: u32,
    /// `maxnextoffset`: the largest valid `nextoffset`.
    pub maxnextoffset: u32,
    /// The first word of each free block: the next free block's offset.
    next_free: Vec<Option<u32>>,
    /// Model-only: is block `i` handed out?
    allocated: Vec<bool>,
}

impl PoolHeader {
    /// A pool just carved off an arena (`pool->szidx = DUMMY_SIZE_IDX`).
    pub fn carved() -> Self {
        PoolHeader {
            count: 0,
            freeblock: None,
            nextpool: PoolLink::Null,
            prevpool: PoolLink::Null,
            szidx: DUMMY_SIZE_IDX,
            nextoffset: 0,
            maxnextoffset: 0,
            next_free: Vec::new(),
            allocated: Vec::new(),
        }
    }

    /// The class this pool serves (or last served, if empty).
    pub fn size_class(&self) -> SizeClass {
        SizeClass::from_index(self.szidx as usize).expect("pool was never initialised")
    }

    /// The initialisation at the end of `allocate_from_new_pool`: set the
    /// class, hand out the first block, and make the free list hold just the
    /// second block (blocks past it are untouched until needed). Returns the
    /// offset of the first block. The caller sets `count` to 1.
    pub fn init(&mut self, class: SizeClass) -> u32 {
        let size = class.block_size() as u32;
        let blocks = class.blocks_per_pool();
        self.szidx = class.index() as u16;
        self.next_free = vec![None; blocks];
        self.allocated = vec![false; blocks];
        self.allocated[0] = true;
        let bp = POOL_OVERHEAD as u32;
        self.nextoffset = POOL_OVERHEAD as u32 + (size << 1);
        self.maxnextoffset = POOL_SIZE as u32 - size;
        self.freeblock = Some(bp + size);
        self.next_free[1] = None;
        bp
    }

    /// Pop the head of the free list (`bp = pool->freeblock; pool->freeblock
    /// = *(block **)bp`) and count it allocated. The list must not be empty.
    pub fn pop_free_block(&mut self) -> u32 {
        let bp = self.freeblock.expect("used pool with an empty free list");
        let index = self.block_index(bp).expect("free list entry is a block");
        self.freeblock = self.next_free[index];
        self.allocated[index] = true;
        self.count += 1;
        bp
    }

    /// `pymalloc_pool_extend`'s first half: if a never-used block remains,
    /// make it the (one-entry) free list and return true; else the pool is
    /// full and false is returned.
    pub fn extend(&mut self) -> bool {
        if self.nextoffset > self.maxnextoffset {
            return false;
        }
        let block = self.nextoffset;
        self.freeblock = Some(block);
        self.nextoffset += self.size_class().block_size() as u32;
        let index = self.block_index(block).expect("virgin block is a block");
        self.next_free[index] = None;
        true
    }

    /// Push a freed block on the front of the free list (`*(block **)p =
    /// lastfree; pool->freeblock = p; pool->ref.count--`). Returns the old
    /// head (`lastfree`): NULL means the pool was full.
    /// `index` is the block's index, `block_index(offset)`, which the caller found.
    #[inline]
    pub fn push_free_block(&mut self, index: usize, offset: u32) -> Option<u32> {
        let lastfree = self.freeblock;
        self.next_free[index] = lastfree;
        self.freeblock = Some(offset);
        self.allocated[index] = false;
        self.count -= 1;
        lastfree
    }

    /// The block starting at `offset`, if a block of this pool starts there.
    pub fn block_index(&self, offset: u32) -> Option<usize> {
        if self.szidx == DUMMY_SIZE_IDX || offset < POOL_OVERHEAD as u32 {
            return None;
        }
        let size = self.size_class().block_size() as u32;
        let rel = offset - POOL_OVERHEAD as u32;
        let index = (rel / size) as usize;
        (rel.is_multiple_of(size) && index < self.allocated.len()).then_some(index)
    }

    /// Is block `index` handed out?
    pub fn is_allocated(&self, index: usize) -> bool {
        self.allocated.get(index).copied().unwrap_or(false)
    }

    /// The free list, head first (offsets).
    pub fn free_list(&self) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(self.freeblock, move |&off| {
            self.next_free[self.block_index(off).expect("free list entry is a block")]
        })
    }
}
