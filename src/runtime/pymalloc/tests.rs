//! Unit tests of the pymalloc model: addresses, LIFO reuse, the pool and
//! arena state machines, `usable_arenas` ordering, realloc, statistics, and a
//! randomised run checked against the invariants after every step.

use super::system::{MmapModel, SystemHeap};
use super::*;

const FIRST_ARENA: u64 = 0x7f4a_7ff0_1000;
const FIRST_POOL: u64 = 0x7f4a_7ff0_4000;

fn checked(p: &Pymalloc) {
    if let Err(e) = p.check_invariants() {
        panic!("invariant broken: {e}");
    }
}

/// Allocate `n` blocks of `nbytes`.
fn alloc_n(p: &mut Pymalloc, n: usize, nbytes: usize) -> Vec<u64> {
    (0..n).map(|_| p.malloc(nbytes)).collect()
}

fn pool_of(addr: u64) -> u64 {
    addr & !(POOL_SIZE - 1)
}

#[test]
fn size_classes_match_obmalloc() {
    assert_eq!(SizeClass::of(0), None);
    assert_eq!(SizeClass::of(1).unwrap().index(), 0);
    assert_eq!(SizeClass::of(16).unwrap().index(), 0);
    assert_eq!(SizeClass::of(17).unwrap().index(), 1);
    assert_eq!(SizeClass::of(512).unwrap().index(), 31);
    assert_eq!(SizeClass::of(513), None);
    assert_eq!(Pymalloc::size_class_of(56).unwrap().block_size(), 64);
    assert_eq!(SizeClass::all().count(), 32);
    let bpp = |i| SizeClass::from_index(i).unwrap().blocks_per_pool();
    assert_eq!((bpp(0), bpp(2), bpp(31)), (1021, 340, 31));
    assert_eq!(SizeClass::from_index(32), None);
}

#[test]
fn first_blocks_follow_the_pool_header() {
    let mut p = Pymalloc::new();
    let a = p.malloc(16);
    let b = p.malloc(10);
    assert_eq!(a, FIRST_POOL + POOL_OVERHEAD);
    assert_eq!(b, a + 16);
    // A new class gets the next pool of the arena.
    assert_eq!(p.malloc(100), FIRST_POOL + POOL_SIZE + POOL_OVERHEAD);
    let arenas = p.arenas();
    assert_eq!(arenas.len(), 1);
    assert_eq!(arenas[0].address, FIRST_ARENA);
    assert_eq!(arenas[0].first_pool_address, FIRST_POOL);
    assert_eq!(arenas[0].ntotalpools, 63, "the misaligned head is lost");
    assert_eq!(arenas[0].nfreepools, 61);
    assert!(a.is_multiple_of(16) && b.is_multiple_of(16));
    checked(&p);
}

#[test]
fn pool_aligned_arenas_have_64_pools() {
    let mut p = Pymalloc::with_layout(MmapModel::with_top(0x7f00_0000_0000), SystemHeap::new());
    let a = p.malloc(32);
    assert_eq!(a, 0x7eff_fff0_0000 + POOL_OVERHEAD);
    assert_eq!(p.arenas()[0].ntotalpools, 64);
    assert_eq!(p.malloc_stats().misaligned_arenas, 0);
}

#[test]
fn lifo_reuse_of_freed_blocks() {
    let mut p = Pymalloc::new();
    let v = alloc_n(&mut p, 5, 56);
    // id([]) == id([]): the block just freed is the next one handed out.
    p.free(v[4]);
    assert_eq!(p.malloc(56), v[4]);
    // Several frees come back in reverse order.
    p.free(v[1]);
    p.free(v[3]);
    p.free(v[2]);
    assert_eq!(p.malloc(64), v[2]);
    assert_eq!(p.malloc(50), v[3]);
    assert_eq!(p.malloc(49), v[1]);
    // Then the never-used blocks, in address order.
    assert_eq!(p.malloc(56), v[4] + 64);
    checked(&p);
}

#[test]
fn pool_goes_full_used_empty() {
    let mut p = Pymalloc::new();
    let c31 = SizeClass::from_index(31).unwrap();
    let first = alloc_n(&mut p, 31, 512);
    let pool1 = pool_of(first[0]);
    assert!(first.iter().all(|&a| pool_of(a) == pool1));
    let s = p.pool_summary(pool1).unwrap();
    assert_eq!((s.state, s.blocks_in_use), (PoolState::Full, 31));
    assert!(s.free_list.is_empty());
    assert!(p.used_pools(c31).is_empty(), "a full pool is in no list");

    // The next block needs a second pool.
    let x = p.malloc(500);
    let pool2 = pool_of(x);
    assert_eq!(pool2, pool1 + POOL_SIZE);
    assert_eq!(p.used_pools(c31), vec![pool2]);

    // full -> used: linked at the front, so its freed block is reused first.
    p.free(first[7]);
    assert_eq!(p.pool_summary(pool1).unwrap().state, PoolState::Used);
    assert_eq!(p.used_pools(c31), vec![pool1, pool2]);
    assert_eq!(p.malloc(512), first[7]);
    assert_eq!(p.used_pools(c31), vec![pool2], "full again: unlinked");

    // used -> empty: to the arena's freepools.
    let nfree = p.arenas()[0].nfreepools;
    for &a in &first {
        p.free(a);
    }
    let s = p.pool_summary(pool1).unwrap();
    assert_eq!((s.state, s.blocks_in_use), (PoolState::Empty, 0));
    assert_eq!(p.arenas()[0].nfreepools, nfree + 1);
    assert_eq!(p.used_pools(c31), vec![pool2]);
    checked(&p);
}

#[test]
fn empty_pool_keeps_its_free_list_for_the_same_class() {
    let mut p = Pymalloc::new();
    let v = alloc_n(&mut p, 3, 16);
    let pool = pool_of(v[0]);
    p.free(v[0]);
    p.free(v[2]);
    p.free(v[1]); // empty now; free list v1, v2, v0, then the virgin block
    assert_eq!(p.pool_summary(pool).unwrap().state, PoolState::Empty);
    assert_eq!(
        p.pool_summary(pool).unwrap().free_list,
        vec![v[1], v[2], v[0], v[2] + 16]
    );
    // Same class: "luckily" the list is reused as is.
    assert_eq!(p.malloc(16), v[1]);
    assert_eq!(p.malloc(16), v[2]);
    checked(&p);

    // A different class re-initialises the pool from its first block.
    let mut q = Pymalloc::new();
    let a = q.malloc(16);
    q.free(a);
    let b = q.malloc(200);
    assert_eq!(b, a, "same pool, first block, new class");
    assert_eq!(q.pool_summary(b).unwrap().size_class.block_size(), 208);
    assert_eq!(
        q.pool_summary(b).unwrap().next_offset,
        POOL_OVERHEAD as u32 + 2 * 208
    );
    checked(&q);
}

#[test]
fn freed_pools_are_reused_lifo_before_carving() {
    let mut p = Pymalloc::new();
    let a = alloc_n(&mut p, 31, 512); // pool 0, full
    let b = alloc_n(&mut p, 31, 512); // pool 1, full
    let _c = p.malloc(512); // pool 2, used
    for &x in &a {
        p.free(x);
    }
    for &x in &b {
        p.free(x);
    }
    // Pool 1 was emptied last: it is the head of freepools.
    assert_eq!(pool_of(p.malloc(16)), pool_of(b[0]));
    assert_eq!(pool_of(p.malloc(32)), pool_of(a[0]));
    assert_eq!(pool_of(p.malloc(48)), pool_of(_c) + POOL_SIZE, "then carve");
    checked(&p);
}

/// 63-pool arenas; 1021 blocks of 16 bytes per pool.
const BLOCKS_PER_ARENA_16: usize = 63 * 1021;

#[test]
fn arenas_survive_fragmentation_and_go_when_empty() {
    let mut p = Pymalloc::new();
    let v = alloc_n(&mut p, 100_000, 16);
    let n = p.arenas_allocated_current();
    assert_eq!(n, 100_000usize.div_ceil(BLOCKS_PER_ARENA_16));
    assert_eq!(p.bytes_in_arenas(), n as u64 * ARENA_SIZE);
    assert_eq!(p.bytes_in_use(), 100_000 * 16);
    // Free all but every 1000th block: every arena keeps a live block.
    for (i, &a) in v.iter().enumerate() {
        if i % 1000 != 0 {
            p.free(a);
        }
    }
    checked(&p);
    assert_eq!(p.arenas_allocated_current(), n);
    assert_eq!(p.bytes_in_use(), 100 * 16);
    assert_eq!(p.arenas_reclaimed(), 0);
    // Free the rest: every arena is released except the last usable one
    // (bpo-37257 keeps one wholly free arena to avoid thrashing).
    for (i, &a) in v.iter().enumerate() {
        if i % 1000 == 0 {
            p.free(a);
        }
    }
    checked(&p);
    assert_eq!(p.arenas_allocated_current(), 1);
    assert_eq!(p.arenas_reclaimed(), n - 1);
    assert_eq!(p.arenas_highwater(), n);
    assert_eq!(p.bytes_in_use(), 0);
    assert_eq!(p.allocated_blocks(), 0);
}

#[test]
fn usable_arenas_sorted_most_used_first() {
    let mut p = Pymalloc::new();
    // Three full arenas and a fourth one in use.
    let v = alloc_n(&mut p, 3 * BLOCKS_PER_ARENA_16 + 1, 16);
    assert_eq!(p.usable_arenas().len(), 1);
    let pool_blocks = |arena: usize, pool: usize| {
        let start = arena * BLOCKS_PER_ARENA_16 + pool * 1021;
        &v[start..start + 1021]
    };
    let empty_pools = |p: &mut Pymalloc, arena: usize, pools: std::ops::Range<usize>| {
        for pool in pools {
            for &a in pool_blocks(arena, pool) {
                p.free(a);
            }
            checked(p);
        }
    };
    // Arena 1 gets 1 free pool: it goes to the head (case 2).
    empty_pools(&mut p, 1, 0..1);
    let order = |p: &Pymalloc| {
        p.usable_arenas()
            .iter()
            .map(|a| (a.index, a.nfreepools))
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&p), vec![(1, 1), (3, 62)]);
    // Arena 0 gets 3, arena 2 gets 2: each is slid right past the arenas with
    // fewer free pools (case 3), using nfp2lasta.
    empty_pools(&mut p, 0, 0..3);
    assert_eq!(order(&p), vec![(1, 1), (0, 3), (3, 62)]);
    empty_pools(&mut p, 2, 0..2);
    assert_eq!(order(&p), vec![(1, 1), (2, 2), (0, 3), (3, 62)]);
    // Arena 1 grows to 2: it was the rightmost arena with 1, so the list is
    // still sorted and it stays at the head (case 4).
    empty_pools(&mut p, 1, 1..2);
    assert_eq!(order(&p), vec![(1, 2), (2, 2), (0, 3), (3, 62)]);
    // New pools come from the head (the most used arena): its freepools are
    // LIFO, so the pool emptied last comes first.
    let x = p.malloc(512);
    assert_eq!(pool_of(x), pool_of(pool_blocks(1, 1)[0]));
    assert_eq!(order(&p), vec![(1, 1), (2, 2), (0, 3), (3, 62)]);
    let y = p.malloc(480);
    assert_eq!(pool_of(y), pool_of(pool_blocks(1, 0)[0]));
    assert_eq!(
        order(&p),
        vec![(2, 2), (0, 3), (3, 62)],
        "arena 1 full: removed"
    );
    // Arena 1 comes back at the head, then is slid past arena 2 (the
    // rightmost with 2 free pools, found through nfp2lasta[2]) when it
    // reaches 3 -- landing before arena 0, which also has 3 (case 3).
    empty_pools(&mut p, 1, 2..4);
    assert_eq!(order(&p), vec![(1, 2), (2, 2), (0, 3), (3, 62)]);
    empty_pools(&mut p, 1, 4..5);
    assert_eq!(order(&p), vec![(2, 2), (1, 3), (0, 3), (3, 62)]);
    checked(&p);
}

#[test]
fn highwater_and_arena_reuse() {
    let mut p = Pymalloc::new();
    let v = alloc_n(&mut p, 3 * BLOCKS_PER_ARENA_16, 16);
    assert_eq!(p.arenas_highwater(), 3);
    let bases: Vec<u64> = p.arenas().iter().map(|a| a.address).collect();
    assert_eq!(
        bases,
        vec![
            FIRST_ARENA,
            FIRST_ARENA - ARENA_SIZE,
            FIRST_ARENA - 2 * ARENA_SIZE
        ]
    );
    for &a in &v {
        p.free(a);
    }
    assert_eq!(p.arenas_allocated_current(), 1);
    assert_eq!(p.arenas_highwater(), 3);
    assert_eq!(p.high_water_bytes(), 3 * BLOCKS_PER_ARENA_16 as u64 * 16);
    // Arena 0 emptied first, while it was the only usable arena, so it was
    // kept; arenas 1 and 2 were freed in that order (each had arena 0 after
    // it). Arena objects are reused LIFO (2, then 1), and mmap reuses the
    // highest hole first.
    assert_eq!(p.arenas()[0].index, 0);
    let w = alloc_n(&mut p, 3 * BLOCKS_PER_ARENA_16, 16);
    let arenas = p.arenas();
    assert_eq!(
        arenas
            .iter()
            .map(|a| (a.index, a.address))
            .collect::<Vec<_>>(),
        vec![
            (0, FIRST_ARENA),
            (1, FIRST_ARENA - 2 * ARENA_SIZE),
            (2, FIRST_ARENA - ARENA_SIZE)
        ]
    );
    assert_eq!(p.arenas_allocated_total(), 5);
    assert_eq!(p.arenas_highwater(), 3);
    for &a in &w {
        p.free(a);
    }
    checked(&p);
}

#[test]
fn arena_vector_doubles() {
    let mut p = Pymalloc::new();
    let _v = alloc_n(&mut p, 17 * BLOCKS_PER_ARENA_16, 16);
    assert_eq!(p.arenas_allocated_current(), 17);
    assert_eq!(p.arenas.len(), 32);
    checked(&p);
}

#[test]
fn realloc_follows_pymalloc_realloc() {
    let mut p = Pymalloc::new();
    let a = p.malloc(100); // class 112
    assert_eq!(p.realloc(a, 112), a, "grows within the block");
    assert_eq!(p.realloc(a, 85), a, "4*85 > 3*112: kept");
    let b = p.realloc(a, 84);
    assert_ne!(b, a, "shrinks by 25%: moved");
    assert_eq!(
        p.block_info(b),
        Some(BlockInfo::Small {
            arena_index: 0,
            pool_address: pool_of(b),
            size_class: SizeClass::of(84).unwrap(),
            block_index: 0
        })
    );
    assert_eq!(p.block_info(a), None, "old block freed");
    let c = p.realloc(b, 200);
    assert_ne!(c, b);
    assert_eq!(p.malloc(96), b, "the old block was freed after the copy");
    // Realloc to 0 leaves pymalloc for malloc(1).
    let d = p.realloc(c, 0);
    assert!(!p.is_pymalloc_address(d));
    assert_eq!(p.block_info(d), Some(BlockInfo::Large { requested: 1 }));
    // realloc(NULL, n) is malloc(n).
    let e = p.realloc(0, 16);
    assert!(p.is_pymalloc_address(e));
    checked(&p);
}

#[test]
fn large_requests_go_to_malloc() {
    let mut p = Pymalloc::new();
    let z = p.malloc(0);
    let big = p.malloc(513);
    assert!(!p.is_pymalloc_address(z) && !p.is_pymalloc_address(big));
    assert_eq!(z, system::DEFAULT_HEAP_BASE + 16);
    assert_eq!(big, z + 32, "malloc(1) takes a 32-byte chunk");
    assert_eq!(p.large_bytes_in_use(), 1 + 513);
    assert_eq!(p.large_blocks_in_use(), 2);
    assert_eq!(p.arenas_allocated_current(), 0);
    // A large block shrinking to a small size stays with malloc, in place.
    assert_eq!(p.realloc(big, 16), big);
    assert_eq!(p.block_info(big), Some(BlockInfo::Large { requested: 16 }));
    // The top chunk grows in place; others move.
    assert_eq!(p.realloc(big, 4000), big);
    let moved = p.realloc(z, 100);
    assert_ne!(moved, z);
    p.free(big);
    assert_eq!(p.malloc(4000), big, "exact-size LIFO reuse");
    assert_eq!(p.allocated_blocks(), 2);
    assert_eq!(p.high_water_bytes(), 4000 + 100);
    checked(&p);
}

#[test]
fn bad_frees_are_reported() {
    let mut p = Pymalloc::new();
    p.free(0);
    let a = p.malloc(32);
    assert_eq!(p.try_free(a + 16), Err(PymallocError::NotAllocated(a + 16)));
    assert_eq!(
        p.try_free(FIRST_ARENA),
        Err(PymallocError::NotAllocated(FIRST_ARENA))
    );
    p.free(a);
    assert_eq!(p.try_free(a), Err(PymallocError::NotAllocated(a)));
    assert_eq!(p.try_realloc(a, 8), Err(PymallocError::NotAllocated(a)));
    assert_eq!(p.try_free(0x1234), Err(PymallocError::NotAllocated(0x1234)));
    checked(&p);
}

#[test]
fn radix_tree_covers_arenas_exactly() {
    let mut p = Pymalloc::new();
    let a = p.malloc(16);
    assert!(p.is_pymalloc_address(a));
    assert!(p.is_pymalloc_address(FIRST_ARENA));
    assert!(p.is_pymalloc_address(FIRST_ARENA + ARENA_SIZE - 1));
    assert!(!p.is_pymalloc_address(FIRST_ARENA - 1));
    assert!(!p.is_pymalloc_address(FIRST_ARENA + ARENA_SIZE));
    let s = p.malloc_stats();
    assert_eq!((s.arena_map_mid_nodes, s.arena_map_bot_nodes), (1, 1));
    // An arena straddling a 16 GiB boundary needs two bottom nodes.
    let top = 0x7f48_0000_0000 + 0x1000;
    let mut q = Pymalloc::with_layout(MmapModel::with_top(top), SystemHeap::new());
    q.malloc(16);
    let s = q.malloc_stats();
    assert_eq!((s.arena_map_mid_nodes, s.arena_map_bot_nodes), (1, 2));
    // Nodes are never freed, but an unmapped arena is no longer covered.
    let mut r = Pymalloc::new();
    let v = alloc_n(&mut r, 2 * BLOCKS_PER_ARENA_16, 16);
    for &x in &v {
        r.free(x);
    }
    assert_eq!(r.arenas_allocated_current(), 1);
    let gone = FIRST_ARENA - ARENA_SIZE; // arena 0 was kept; arena 1 freed
    assert_eq!(r.arenas()[0].address, FIRST_ARENA);
    assert!(!r.is_pymalloc_address(gone + 0x10000));
    assert_eq!(r.malloc_stats().arena_map_bot_nodes, 1);
}

#[test]
fn printone_matches_c() {
    let line = |v| {
        let mut s = String::new();
        assert_eq!(stats::printone(&mut s, "# x", v), v);
        s
    };
    let pad = "# x                                =";
    assert_eq!(line(0), format!("{pad}                    0\n"));
    assert_eq!(line(999), format!("{pad}                  999\n"));
    assert_eq!(line(1000), format!("{pad}                1,000\n"));
    assert_eq!(line(1_048_576), format!("{pad}            1,048,576\n"));
    // More than 21 columns: the C loop stops, dropping the leading digits.
    assert_eq!(line(u64::MAX), format!("{pad}6,744,073,709,551,615\n"));
    // A message of 35 columns or more gets no padding.
    let mut s = String::new();
    stats::printone(&mut s, &"m".repeat(40), 5);
    assert_eq!(s, format!("{}={:>21}\n", "m".repeat(40), 5));
}

#[test]
fn debug_malloc_stats_layout() {
    let mut p = Pymalloc::new();
    let v = alloc_n(&mut p, 3, 16);
    let _w = alloc_n(&mut p, 2, 500);
    p.free(v[1]);
    p.type_free_lists_mut().floats = 4;
    p.type_free_lists_mut().tuples[0] = 2;
    let text = p.debug_malloc_stats();
    let expected_head = "\
Small block threshold = 512, in 32 size classes.

class   size   num pools   blocks in use  avail blocks
-----   ----   ---------   -------------  ------------
    0     16           1               2          1019
   31    512           1               2            29

# arenas allocated total           =                    1
# arenas reclaimed                 =                    0
# arenas highwater mark            =                    1
# arenas allocated current         =                    1
1 arenas * 1048576 bytes/arena     =            1,048,576

# bytes in allocated blocks        =                1,056
# bytes in available blocks        =               31,152
61 unused pools * 16384 bytes      =              999,424
# bytes lost to pool headers       =                   96
# bytes lost to quantization       =                  464
# bytes lost to arena alignment    =               16,384
Total                              =            1,048,576

arena map counts
# arena map mid nodes              =                    1
# arena map bot nodes              =                    1

# bytes lost to arena map root     =              262,144
# bytes lost to arena map mid      =              262,144
# bytes lost to arena map bot      =              131,072
Total                              =              655,360

            0 free PyDictObjects * 48 bytes each =                    0
           4 free PyFloatObjects * 24 bytes each =                   96
            0 free PyListObjects * 40 bytes each =                    0
   2 free 1-sized PyTupleObjects * 32 bytes each =                   64
   0 free 2-sized PyTupleObjects * 40 bytes each =                    0
";
    assert!(
        text.starts_with(expected_head),
        "got:\n{text}\nexpected to start with:\n{expected_head}"
    );
    assert!(
        text.ends_with(" 0 free 20-sized PyTupleObjects * 184 bytes each =                    0\n")
    );
}

/// Deterministic pseudo-random numbers (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn random_operations_keep_every_invariant() {
    let mut p = Pymalloc::new();
    let mut rng = Lcg(7);
    let mut live: Vec<u64> = Vec::new();
    for step in 0..40_000 {
        let op = rng.next(10);
        if op < 5 || live.is_empty() {
            let size = if rng.next(20) == 0 {
                rng.next(3000)
            } else {
                1 + rng.next(512)
            };
            live.push(p.malloc(size));
        } else if op < 9 {
            let i = rng.next(live.len());
            p.free(live.swap_remove(i));
        } else {
            let i = rng.next(live.len());
            let size = rng.next(700);
            live[i] = p.realloc(live[i], size);
        }
        if step % 97 == 0 {
            checked(&p);
        }
        if step == 20_000 {
            // Drain most of it so arenas are freed and reused.
            while live.len() > 10 {
                let i = rng.next(live.len());
                p.free(live.swap_remove(i));
            }
            checked(&p);
        }
    }
    checked(&p);
    assert_eq!(p.allocated_blocks(), live.len());
    let mut sorted = live.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), live.len(), "no address handed out twice");
    for a in live {
        p.free(a);
    }
    checked(&p);
    assert_eq!((p.bytes_in_use(), p.large_bytes_in_use()), (0, 0));
    let s = p.malloc_stats();
    let total: u64 = ARENA_SIZE * s.arenas_current;
    assert!(p.debug_malloc_stats().contains(&format!(
        "Total                              ={:>21}\n",
        group(total)
    )));
}

fn group(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
