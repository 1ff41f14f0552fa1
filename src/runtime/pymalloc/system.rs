//! The operating system and C library below pymalloc, modelled just enough to
//! give deterministic, realistic-looking addresses:
//!
//! - [`MmapModel`]: where `mmap` places 1 MiB arenas. Linux maps top-down and
//!   picks the highest gap that fits, so arenas go down from a top address
//!   1 MiB apart, and an unmapped arena's hole is the first reused.
//! - [`SystemHeap`]: the C library's `malloc` for requests pymalloc declines
//!   (0 bytes, more than 512). This is *not* glibc: it is a bump allocator
//!   with glibc-like chunk sizes and exact-size LIFO free lists (as glibc's
//!   tcache/fastbins behave for small sizes), shrinking in place on
//!   `realloc` and growing in place at the top of the heap.
//!
//! Real processes interleave other mappings (shared libraries, glibc's own
//! `mmap`s for big `malloc`s, the radix tree's nodes) and randomise bases
//! (ASLR); none of that is modelled.

use std::collections::{BTreeMap, BTreeSet};

use super::{ARENA_SIZE, PymallocError, SYSTEM_PAGE_SIZE};

/// Default top of the modelled `mmap` area. Page-aligned but not
/// pool-aligned (`0x1000` past a 16 KiB boundary), so every arena loses its
/// first partial pool to alignment, as arenas usually do on Linux.
pub const DEFAULT_MMAP_TOP: u64 = 0x7f4a_8000_1000;

/// Default base of the modelled `malloc` heap (glibc's `brk` heap sits just
/// above a PIE executable, around `0x55..` or `0x56..`).
pub const DEFAULT_HEAP_BASE: u64 = 0x55d8_8b60_0000;

/// Where `mmap(NULL, ARENA_SIZE, ...)` puts each arena.
#[derive(Clone, Debug)]
pub struct MmapModel {
    /// The lowest address mapped so far; fresh arenas go just below it.
    lowest: u64,
    /// Holes left by unmapped arenas.
    holes: BTreeSet<u64>,
}

impl Default for MmapModel {
    fn default() -> Self {
        Self::new()
    }
}

impl MmapModel {
    /// Arenas below [`DEFAULT_MMAP_TOP`]: the first at `0x7f4a_7ff0_1000`.
    pub fn new() -> Self {
        Self::with_top(DEFAULT_MMAP_TOP)
    }

    /// Arenas below `top` (exclusive), which must be page-aligned. A top that
    /// is a multiple of 16 KiB gives pool-aligned arenas of 64 pools.
    pub fn with_top(top: u64) -> Self {
        assert!(
            top.is_multiple_of(SYSTEM_PAGE_SIZE),
            "mmap returns page-aligned memory"
        );
        MmapModel {
            lowest: top,
            holes: BTreeSet::new(),
        }
    }

    /// `_PyObject_ArenaMmap`: the highest hole, else just below the lowest mapping.
    pub(super) fn alloc_arena(&mut self) -> u64 {
        if let Some(addr) = self.holes.pop_last() {
            return addr;
        }
        self.lowest -= ARENA_SIZE;
        self.lowest
    }

    /// `_PyObject_ArenaMunmap`.
    pub(super) fn free_arena(&mut self, addr: u64) {
        self.holes.insert(addr);
    }
}

/// A live block of the modelled `malloc`.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    /// Bytes asked for (after `malloc(0)` became `malloc(1)`).
    requested: usize,
    /// Chunk size, glibc style: `max(32, align16(requested + 8))`.
    chunk: u64,
}

/// glibc's `request2size`: header word plus payload, 16-aligned, at least 32.
fn chunk_size(requested: usize) -> u64 {
    ((requested as u64 + 8).next_multiple_of(16)).max(32)
}

/// The modelled C `malloc`/`realloc`/`free` (see the module comment).
#[derive(Clone, Debug)]
pub struct SystemHeap {
    /// Start of the next never-used chunk.
    top: u64,
    /// Free chunks by exact chunk size, most recently freed last (LIFO).
    bins: BTreeMap<u64, Vec<u64>>,
    /// Live blocks by user address (chunk start + 16).
    live: BTreeMap<u64, Chunk>,
    bytes_in_use: u64,
}

impl Default for SystemHeap {
    fn default() -> Self {
        Self::new()
    }
}

impl SystemHeap {
    /// A heap starting at [`DEFAULT_HEAP_BASE`].
    pub fn new() -> Self {
        Self::with_base(DEFAULT_HEAP_BASE)
    }

    /// A heap starting at `base` (rounded up to 16 bytes).
    pub fn with_base(base: u64) -> Self {
        SystemHeap {
            top: base.next_multiple_of(16),
            bins: BTreeMap::new(),
            live: BTreeMap::new(),
            bytes_in_use: 0,
        }
    }

    /// Bytes requested by live blocks.
    pub fn bytes_in_use(&self) -> u64 {
        self.bytes_in_use
    }

    /// Bytes requested for the live block at `addr`.
    pub fn requested_size(&self, addr: u64) -> Option<usize> {
        self.live.get(&addr).map(|c| c.requested)
    }

    /// `malloc(n)`, with CPython's `PyMem_RawMalloc(0)` -> `malloc(1)`.
    pub(super) fn malloc(&mut self, nbytes: usize) -> u64 {
        let requested = nbytes.max(1);
        let chunk = chunk_size(requested);
        let start = match self.bins.get_mut(&chunk).and_then(Vec::pop) {
            Some(start) => start,
            None => {
                let start = self.top;
                self.top += chunk;
                start
            }
        };
        let addr = start + 16;
        self.live.insert(addr, Chunk { requested, chunk });
        self.bytes_in_use += requested as u64;
        addr
    }

    /// `free(addr)`.
    pub(super) fn free(&mut self, addr: u64) -> Result<(), PymallocError> {
        let c = self
            .live
            .remove(&addr)
            .ok_or(PymallocError::NotAllocated(addr))?;
        self.bytes_in_use -= c.requested as u64;
        self.bins.entry(c.chunk).or_default().push(addr - 16);
        Ok(())
    }

    /// `realloc(addr, n)` (with `n == 0` made 1): in place when the chunk is
    /// big enough (the model does not split off the spare tail) or is the
    /// last chunk of the heap; else a new chunk, then the old one is freed.
    pub(super) fn realloc(&mut self, addr: u64, nbytes: usize) -> Result<u64, PymallocError> {
        let old = *self
            .live
            .get(&addr)
            .ok_or(PymallocError::NotAllocated(addr))?;
        let requested = nbytes.max(1);
        let needed = chunk_size(requested);
        let start = addr - 16;
        let chunk = if needed <= old.chunk {
            Some(old.chunk)
        } else if start + old.chunk == self.top {
            self.top = start + needed;
            Some(needed)
        } else {
            None
        };
        if let Some(chunk) = chunk {
            self.live.insert(addr, Chunk { requested, chunk });
            self.bytes_in_use = self.bytes_in_use - old.requested as u64 + requested as u64;
            return Ok(addr);
        }
        let new = self.malloc(requested);
        self.free(addr)?;
        Ok(new)
    }
}
