//! The allocator model: gives every object a simulated address, so `id()`
//! values are reused the way CPython reuses memory.
//!
//! Modelled on pymalloc: requests up to 512 bytes are rounded up to a size
//! class (multiples of 16); each class hands out blocks from 16 KiB pools
//! carved from 1 MiB arenas, and freed blocks go onto a per-class LIFO free
//! list, so the most recently freed block of a class is the next one reused
//! (which is why `id([]) == id([])` is True in CPython). Larger requests come
//! from a bump "system" allocator in a separate address range, whose freed
//! blocks are reused LIFO per exact size (as glibc's tcache does).
//!
//! Only addresses are modelled; no bytes are stored.

use std::collections::HashMap;

/// Largest request served from size classes (pymalloc's `SMALL_REQUEST_THRESHOLD`).
pub const SMALL_REQUEST_THRESHOLD: u32 = 512;
/// Size-class granularity (pymalloc's `ALIGNMENT` on 64-bit).
pub const ALIGNMENT: u32 = 16;
/// Bytes in a pool.
pub const POOL_SIZE: u64 = 16 * 1024;
/// Bytes in an arena.
pub const ARENA_SIZE: u64 = 1024 * 1024;

/// Where arenas start (looks like a typical CPython heap address).
const ARENA_BASE: u64 = 0x7f3a_0000_0000;
/// Where the "system" allocator's blocks start.
const SYSTEM_BASE: u64 = 0x5581_0000_0000;

const NUM_CLASSES: usize = (SMALL_REQUEST_THRESHOLD / ALIGNMENT) as usize;

/// Blocks of one size class: a LIFO free list and the pool being carved.
#[derive(Debug, Default, Clone)]
struct SizeClass {
    free: Vec<u64>,
    /// Next never-used block in the current pool, and the pool's end.
    next: u64,
    end: u64,
}

/// The allocator state.
#[derive(Debug)]
pub struct Allocator {
    classes: Vec<SizeClass>,
    /// The arena pools are currently taken from: next pool address and arena end.
    arena_next: u64,
    arena_end: u64,
    /// Base of the next arena to create.
    next_arena: u64,
    system_next: u64,
    system_free: HashMap<u32, Vec<u64>>,
    /// Bytes currently allocated (for `--max-heap`).
    pub live_bytes: u64,
}

impl Default for Allocator {
    fn default() -> Self {
        Self::new()
    }
}

impl Allocator {
    pub fn new() -> Self {
        Allocator {
            classes: vec![SizeClass::default(); NUM_CLASSES],
            arena_next: 0,
            arena_end: 0,
            next_arena: ARENA_BASE,
            system_next: SYSTEM_BASE,
            system_free: HashMap::new(),
            live_bytes: 0,
        }
    }

    /// The size actually reserved for a request of `size` bytes.
    pub fn rounded(size: u32) -> u32 {
        let size = size.max(1);
        if size <= SMALL_REQUEST_THRESHOLD {
            size.div_ceil(ALIGNMENT) * ALIGNMENT
        } else {
            size
        }
    }

    /// Allocates a block of `size` bytes and returns its address.
    pub fn allocate(&mut self, size: u32) -> u64 {
        let size = Self::rounded(size);
        self.live_bytes += u64::from(size);
        if size > SMALL_REQUEST_THRESHOLD {
            return self.allocate_system(size);
        }
        let idx = (size / ALIGNMENT - 1) as usize;
        if let Some(addr) = self.classes[idx].free.pop() {
            return addr;
        }
        if self.classes[idx].next + u64::from(size) > self.classes[idx].end {
            let pool = self.new_pool();
            self.classes[idx].next = pool;
            self.classes[idx].end = pool + POOL_SIZE;
        }
        let class = &mut self.classes[idx];
        let addr = class.next;
        class.next += u64::from(size);
        addr
    }

    /// Returns a block to the allocator (it becomes the next one handed out for its class).
    pub fn free(&mut self, addr: u64, size: u32) {
        let size = Self::rounded(size);
        self.live_bytes = self.live_bytes.saturating_sub(u64::from(size));
        if size > SMALL_REQUEST_THRESHOLD {
            self.system_free.entry(size).or_default().push(addr);
        } else {
            self.classes[(size / ALIGNMENT - 1) as usize]
                .free
                .push(addr);
        }
    }

    fn new_pool(&mut self) -> u64 {
        if self.arena_next + POOL_SIZE > self.arena_end {
            self.arena_next = self.next_arena;
            self.arena_end = self.next_arena + ARENA_SIZE;
            // Leave a gap between arenas, as mmap'd arenas rarely touch.
            self.next_arena += ARENA_SIZE * 2;
        }
        let pool = self.arena_next;
        self.arena_next += POOL_SIZE;
        // The pool header occupies the start of the pool, as in pymalloc.
        pool + 48
    }

    fn allocate_system(&mut self, size: u32) -> u64 {
        if let Some(addr) = self.system_free.get_mut(&size).and_then(|v| v.pop()) {
            return addr;
        }
        // malloc's chunk header precedes the block.
        let addr = self.system_next + 16;
        self.system_next += u64::from(size.div_ceil(16) * 16) + 16;
        addr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_blocks_are_reused_lifo() {
        let mut a = Allocator::new();
        let x = a.allocate(56);
        let y = a.allocate(56);
        a.free(x, 56);
        a.free(y, 56);
        assert_eq!(a.allocate(50), y);
        assert_eq!(a.allocate(64), x);
        assert_eq!(a.live_bytes, 128);
    }

    #[test]
    fn large_blocks_come_from_the_system_allocator() {
        let mut a = Allocator::new();
        let big = a.allocate(4000);
        assert!(big < ARENA_BASE);
        a.free(big, 4000);
        assert_eq!(a.allocate(4000), big);
    }
}
