//! The radix tree that answers `address_in_range` in 3.10+ (obmalloc.c's
//! `arena_map_get`, `arena_map_mark_used`, `arena_map_is_used`).
//!
//! With 64-bit pointers, `IGNORE_BITS == 0` and 1 MiB arenas, an address
//! splits into 15 top bits, 15 mid bits, 14 bottom bits and 20 bits inside an
//! "ideal" (1 MiB-aligned) arena. The root is static; mid and bottom nodes are
//! `calloc`ed on first use and never freed, which is what the "arena map
//! counts" lines of `sys._debugmallocstats()` report. An arena that is not
//! 1 MiB-aligned covers two ideal arenas, recorded as `tail_hi` in the first
//! and `tail_lo` in the second.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use super::{ARENA_BITS, ARENA_SIZE};

const POINTER_BITS: u32 = 64;
const IGNORE_BITS: u32 = 0;
const ADDRESS_BITS: u32 = POINTER_BITS - IGNORE_BITS;
/// `INTERIOR_BITS`: bits used by each of the top and mid levels (C writes
/// the rounded-up division as `(ADDRESS_BITS - ARENA_BITS + 2) / 3`).
const INTERIOR_BITS: u32 = (ADDRESS_BITS - ARENA_BITS).div_ceil(3);
const MAP_TOP_BITS: u32 = INTERIOR_BITS;
const MAP_MID_BITS: u32 = INTERIOR_BITS;
const MAP_BOT_BITS: u32 = ADDRESS_BITS - ARENA_BITS - 2 * INTERIOR_BITS;
const MAP_BOT_SHIFT: u32 = ARENA_BITS;
const MAP_MID_SHIFT: u32 = MAP_BOT_BITS + MAP_BOT_SHIFT;
const MAP_TOP_SHIFT: u32 = MAP_MID_BITS + MAP_MID_SHIFT;

/// `sizeof(arena_map_root)`: `MAP_TOP_LENGTH` pointers.
pub(super) const ARENA_MAP_ROOT_BYTES: u64 = (1 << MAP_TOP_BITS) * 8;
/// `sizeof(arena_map_mid_t)`: `MAP_MID_LENGTH` pointers.
pub(super) const ARENA_MAP_MID_BYTES: u64 = (1 << MAP_MID_BITS) * 8;
/// `sizeof(arena_map_bot_t)`: `MAP_BOT_LENGTH` pairs of `int32_t`.
pub(super) const ARENA_MAP_BOT_BYTES: u64 = (1 << MAP_BOT_BITS) * 8;

fn top_index(p: u64) -> u64 {
    (p >> MAP_TOP_SHIFT) & ((1 << MAP_TOP_BITS) - 1)
}

fn mid_index(p: u64) -> u64 {
    (p >> MAP_MID_SHIFT) & ((1 << MAP_MID_BITS) - 1)
}

fn bot_index(p: u64) -> u64 {
    (p >> MAP_BOT_SHIFT) & ((1 << MAP_BOT_BITS) - 1)
}

/// `arena_coverage_t`: how much of one ideal arena real arenas cover.
#[derive(Clone, Copy, Debug, Default)]
struct Coverage {
    /// An arena starts at this offset in the ideal arena (-1: at offset 0).
    tail_hi: i32,
    /// An arena that started in the previous ideal arena ends at this offset.
    tail_lo: i32,
}

/// The tree. Bottom nodes are sparse maps (a real one is 16384 entries).
#[derive(Clone, Debug, Default)]
pub(super) struct ArenaMap {
    /// Keyed by (top index, mid index); presence = the node was allocated.
    bottoms: BTreeMap<(u64, u64), BTreeMap<u64, Coverage>>,
    /// Top indices whose mid node was allocated.
    mids: std::collections::BTreeSet<u64>,
    /// `arena_map_mid_count`, `arena_map_bot_count`.
    pub mid_count: u64,
    pub bot_count: u64,
}

impl ArenaMap {
    /// `arena_map_get`: the bottom node for `p`, created when `create`.
    fn get(&mut self, p: u64, create: bool) -> Option<&mut BTreeMap<u64, Coverage>> {
        let (i1, i2) = (top_index(p), mid_index(p));
        if !self.mids.contains(&i1) {
            if !create {
                return None;
            }
            self.mids.insert(i1);
            self.mid_count += 1;
        }
        match self.bottoms.entry((i1, i2)) {
            Entry::Occupied(e) => Some(e.into_mut()),
            Entry::Vacant(_) if !create => None,
            Entry::Vacant(e) => {
                self.bot_count += 1;
                Some(e.insert(BTreeMap::new()))
            }
        }
    }

    /// `arena_map_mark_used`: mark or unmark the addresses an arena covers.
    pub fn mark_used(&mut self, arena_base: u64, is_used: bool) {
        let i3 = bot_index(arena_base);
        let tail = (arena_base & (ARENA_SIZE - 1)) as i32;
        let n_hi = self
            .get(arena_base, is_used)
            .expect("arena map node exists for a marked arena");
        let hi = n_hi.entry(i3).or_default();
        if tail == 0 {
            // An ideal arena address.
            hi.tail_hi = if is_used { -1 } else { 0 };
        } else {
            // The arena also covers the start of the next ideal arena.
            hi.tail_hi = if is_used { tail } else { 0 };
            let next = arena_base + ARENA_SIZE;
            let n_lo = self
                .get(next, is_used)
                .expect("arena map node exists for a marked arena");
            n_lo.entry(bot_index(next)).or_default().tail_lo = if is_used { tail } else { 0 };
        }
    }

    /// `arena_map_is_used`: is `p` inside an arena pymalloc holds?
    pub fn is_used(&self, p: u64) -> bool {
        let Some(node) = self.bottoms.get(&(top_index(p), mid_index(p))) else {
            return false;
        };
        let Some(c) = node.get(&bot_index(p)) else {
            return false;
        };
        let tail = (p & (ARENA_SIZE - 1)) as i32;
        tail < c.tail_lo || (tail >= c.tail_hi && c.tail_hi != 0)
    }
}
