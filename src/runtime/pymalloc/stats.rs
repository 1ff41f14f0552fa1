//! `sys._debugmallocstats()`: obmalloc.c's `_PyObject_DebugMallocStats`
//! (walk every arena's pools, then print with `printone`), followed by
//! `_PyObject_DebugTypeStats` (the dict, float, list and tuple free lists,
//! printed with `_PyDebugAllocatorStats`).
//!
//! The numbers are gathered into [`MallocStats`] and rendered by
//! [`render_debugmallocstats`], which is public so that a snapshot parsed
//! from real CPython output can be re-rendered and compared byte for byte.

use std::fmt::Write;

use super::arena_map::{ARENA_MAP_BOT_BYTES, ARENA_MAP_MID_BYTES, ARENA_MAP_ROOT_BYTES};
use super::{
    ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, Pymalloc, SMALL_REQUEST_THRESHOLD,
    SizeClass,
};

/// Pools and blocks of one size class, summed over all pools in use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// Used and full pools ("num pools").
    pub pools: u64,
    /// Allocated blocks ("blocks in use").
    pub blocks_in_use: u64,
    /// Free blocks in those pools, never-used ones included ("avail blocks").
    pub avail_blocks: u64,
}

/// What `_PyObject_DebugMallocStats` measures; the rest of its output is
/// derived from these.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MallocStats {
    pub classes: [ClassStats; NB_SMALL_SIZE_CLASSES],
    /// `ntimes_arena_allocated`.
    pub arenas_allocated_total: u64,
    /// `narenas_highwater`.
    pub arenas_highwater: u64,
    /// Arenas allocated now.
    pub arenas_current: u64,
    /// Empty pools plus never-carved pools, over all arenas.
    pub unused_pools: u64,
    /// Arenas not pool-aligned (each loses `POOL_SIZE` bytes to alignment).
    pub misaligned_arenas: u64,
    /// `arena_map_mid_count`, `arena_map_bot_count`.
    pub arena_map_mid_nodes: u64,
    pub arena_map_bot_nodes: u64,
}

/// Lengths of the type-specific free lists printed after the pymalloc
/// statistics. The allocator does not own these lists; the VM fills them in
/// (all zero otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeFreeLists {
    /// `PyDictObject`s on the dict free list.
    pub dicts: u32,
    /// `PyFloatObject`s on the float free list.
    pub floats: u32,
    /// `PyListObject`s on the list free list.
    pub lists: u32,
    /// `tuples[n - 1]`: tuples of length `n` (1..=20) on the tuple free lists.
    pub tuples: [u32; 20],
}

/// `sizeof(PyDictObject)`, `sizeof(PyFloatObject)`, `sizeof(PyListObject)` in 3.11.
const SIZEOF_DICT: u64 = 48;
const SIZEOF_FLOAT: u64 = 24;
const SIZEOF_LIST: u64 = 40;

/// `printone`: the message padded to 35 columns, `=`, then the value with
/// thousands separators right-aligned in 21 columns.
pub(super) fn printone(out: &mut String, msg: &str, value: u64) -> u64 {
    out.push_str(msg);
    for _ in msg.len()..35 {
        out.push(' ');
    }
    out.push('=');
    // Fill buf[0..=20] right to left, as the C loop does (it stops when the
    // 21 columns run out, so huge values lose their leading digits).
    let mut buf = [b' '; 21];
    let mut i: isize = 20;
    let mut k = 3;
    let mut v = value;
    loop {
        buf[i as usize] = b'0' + (v % 10) as u8;
        v /= 10;
        i -= 1;
        k -= 1;
        if k == 0 && v != 0 && i >= 0 {
            k = 3;
            buf[i as usize] = b',';
            i -= 1;
        }
        if v == 0 || i < 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf).expect("ASCII"));
    out.push('\n');
    value
}

/// `_PyDebugAllocatorStats`: `"%d %ss * %zd bytes each"` right-aligned in
/// 48 columns, a space, then `printone` of the product.
fn debug_allocator_stats(out: &mut String, block_name: &str, num_blocks: u32, sizeof_block: u64) {
    let what = format!("{num_blocks} {block_name}s * {sizeof_block} bytes each");
    printone(
        out,
        &format!("{what:>48} "),
        num_blocks as u64 * sizeof_block,
    );
}

/// The full text of `sys._debugmallocstats()` for these numbers.
pub fn render_debugmallocstats(stats: &MallocStats, free_lists: &TypeFreeLists) -> String {
    let mut out = String::new();
    let numclasses = SMALL_REQUEST_THRESHOLD / super::ALIGNMENT;
    let _ = writeln!(
        out,
        "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {numclasses} size classes."
    );
    out.push('\n');
    out.push_str("class   size   num pools   blocks in use  avail blocks\n");
    out.push_str("-----   ----   ---------   -------------  ------------\n");

    let (mut allocated_bytes, mut available_bytes) = (0u64, 0u64);
    let (mut pool_header_bytes, mut quantization) = (0u64, 0u64);
    for class in SizeClass::all() {
        let c = stats.classes[class.index()];
        if c.pools == 0 {
            continue;
        }
        let size = class.block_size() as u64;
        let _ = writeln!(
            out,
            "{:5} {:6} {:11} {:15} {:13}",
            class.index(),
            size,
            c.pools,
            c.blocks_in_use,
            c.avail_blocks
        );
        allocated_bytes += c.blocks_in_use * size;
        available_bytes += c.avail_blocks * size;
        pool_header_bytes += c.pools * POOL_OVERHEAD;
        quantization += c.pools * ((POOL_SIZE - POOL_OVERHEAD) % size);
    }
    out.push('\n');

    let narenas = stats.arenas_current;
    printone(
        &mut out,
        "# arenas allocated total",
        stats.arenas_allocated_total,
    );
    printone(
        &mut out,
        "# arenas reclaimed",
        stats.arenas_allocated_total - narenas,
    );
    printone(&mut out, "# arenas highwater mark", stats.arenas_highwater);
    printone(&mut out, "# arenas allocated current", narenas);
    printone(
        &mut out,
        &format!("{narenas} arenas * {ARENA_SIZE} bytes/arena"),
        narenas * ARENA_SIZE,
    );
    out.push('\n');

    let mut total = printone(&mut out, "# bytes in allocated blocks", allocated_bytes);
    total += printone(&mut out, "# bytes in available blocks", available_bytes);
    total += printone(
        &mut out,
        &format!("{} unused pools * {POOL_SIZE} bytes", stats.unused_pools),
        stats.unused_pools * POOL_SIZE,
    );
    total += printone(&mut out, "# bytes lost to pool headers", pool_header_bytes);
    total += printone(&mut out, "# bytes lost to quantization", quantization);
    total += printone(
        &mut out,
        "# bytes lost to arena alignment",
        stats.misaligned_arenas * POOL_SIZE,
    );
    printone(&mut out, "Total", total);

    out.push_str("\narena map counts\n");
    printone(&mut out, "# arena map mid nodes", stats.arena_map_mid_nodes);
    printone(&mut out, "# arena map bot nodes", stats.arena_map_bot_nodes);
    out.push('\n');
    let mut total = printone(
        &mut out,
        "# bytes lost to arena map root",
        ARENA_MAP_ROOT_BYTES,
    );
    total += printone(
        &mut out,
        "# bytes lost to arena map mid",
        ARENA_MAP_MID_BYTES * stats.arena_map_mid_nodes,
    );
    total += printone(
        &mut out,
        "# bytes lost to arena map bot",
        ARENA_MAP_BOT_BYTES * stats.arena_map_bot_nodes,
    );
    printone(&mut out, "Total", total);

    // sys__debugmallocstats_impl: a newline after the pymalloc part, then
    // _PyObject_DebugTypeStats.
    out.push('\n');
    debug_allocator_stats(&mut out, "free PyDictObject", free_lists.dicts, SIZEOF_DICT);
    debug_allocator_stats(
        &mut out,
        "free PyFloatObject",
        free_lists.floats,
        SIZEOF_FLOAT,
    );
    debug_allocator_stats(&mut out, "free PyListObject", free_lists.lists, SIZEOF_LIST);
    for (i, &n) in free_lists.tuples.iter().enumerate() {
        let len = i as u64 + 1;
        // _PyObject_VAR_SIZE(&PyTuple_Type, len): 24-byte header + 8 per item.
        debug_allocator_stats(
            &mut out,
            &format!("free {len}-sized PyTupleObject"),
            n,
            24 + 8 * len,
        );
    }
    out
}

impl Pymalloc {
    /// The walk of `_PyObject_DebugMallocStats`: every allocated arena in
    /// slot order, every carved pool in it; empty pools are skipped.
    pub(super) fn collect_stats(&self) -> MallocStats {
        let mut stats = MallocStats {
            arenas_allocated_total: self.ntimes_arena_allocated as u64,
            arenas_highwater: self.narenas_highwater as u64,
            arena_map_mid_nodes: self.arena_map.mid_count,
            arena_map_bot_nodes: self.arena_map.bot_count,
            ..MallocStats::default()
        };
        for arena in self.arenas.iter().filter(|a| a.address != 0) {
            stats.arenas_current += 1;
            stats.unused_pools += arena.nfreepools as u64;
            if !arena.address.is_multiple_of(POOL_SIZE) {
                stats.misaligned_arenas += 1;
            }
            for pool in arena.pools.iter().filter(|p| p.count != 0) {
                let class = pool.size_class();
                let c = &mut stats.classes[class.index()];
                c.pools += 1;
                c.blocks_in_use += pool.count as u64;
                c.avail_blocks += (class.blocks_per_pool() - pool.count as usize) as u64;
            }
        }
        debug_assert_eq!(
            stats.arenas_current as usize,
            self.narenas_currently_allocated
        );
        stats
    }
}
