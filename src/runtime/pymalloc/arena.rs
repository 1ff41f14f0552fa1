//! Arenas: obmalloc.c's `struct arena_object`, `new_arena`,
//! `allocate_from_new_pool` and `insert_to_freepool` — where pools come from,
//! where empty pools go, and the `usable_arenas` list kept sorted by free
//! pools (most used arena first, so nearly empty arenas can drain and be
//! returned to the OS), with the `nfp2lasta` search fingers of Python 3.8+.

use super::pool::{PoolHeader, PoolId, PoolLink};
use super::{
    ARENA_SIZE, INITIAL_ARENA_OBJECTS, MAX_POOLS_IN_ARENA, POOL_SIZE, Pymalloc, SizeClass,
};

/// `struct arena_object`: the record of one arena, or of none (`address == 0`).
#[derive(Clone, Debug)]
pub(super) struct ArenaObject {
    /// Base address from `mmap`; 0 marks an arena object with no arena.
    pub address: u64,
    /// Pool-aligned address of the next pool to carve off.
    pub pool_address: u64,
    /// Free pools plus never-carved pools.
    pub nfreepools: u32,
    /// Pools in the arena, available or not.
    pub ntotalpools: u32,
    /// Head of the singly linked list of empty pools (linked by `nextpool`).
    pub freepools: PoolLink,
    /// In `unused_arena_objects` (next only) or in `usable_arenas` (both).
    pub nextarena: Option<u32>,
    pub prevarena: Option<u32>,
    /// Headers of the pools carved so far, in address order. (In C they live
    /// at the start of each pool; here, beside the arena record.)
    pub pools: Vec<PoolHeader>,
}

impl ArenaObject {
    fn unassociated(nextarena: Option<u32>) -> Self {
        ArenaObject {
            address: 0,
            pool_address: 0,
            nfreepools: 0,
            ntotalpools: 0,
            freepools: PoolLink::Null,
            nextarena,
            prevarena: None,
            pools: Vec::new(),
        }
    }

    /// The first pool-aligned address at or after the base.
    pub fn first_pool_address(&self) -> u64 {
        self.address.next_multiple_of(POOL_SIZE)
    }
}

impl Pymalloc {
    /// `new_arena`: take an arena object off `unused_arena_objects` (growing
    /// the `arenas` vector if there is none), `mmap` an arena for it and mark
    /// it in the radix tree. The caller links it into `usable_arenas`.
    fn new_arena(&mut self) -> u32 {
        if self.unused_arena_objects.is_none() {
            // Double the number of arena objects; the new ones go on the
            // unused list in increasing slot order.
            let maxarenas = self.arenas.len();
            let numarenas = if maxarenas == 0 {
                INITIAL_ARENA_OBJECTS
            } else {
                maxarenas << 1
            };
            debug_assert!(self.usable_arenas.is_none());
            for i in maxarenas..numarenas {
                let next = (i < numarenas - 1).then_some(i as u32 + 1);
                self.arenas.push(ArenaObject::unassociated(next));
            }
            self.unused_arena_objects = Some(maxarenas as u32);
        }
        let index = self.unused_arena_objects.expect("an unused arena object");
        self.unused_arena_objects = self.arenas[index as usize].nextarena;

        let address = self.mmap.alloc_arena();
        self.arena_map.mark_used(address, true);
        self.arena_by_base.insert(address, index);

        self.narenas_currently_allocated += 1;
        self.ntimes_arena_allocated += 1;
        self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);

        let arena = &mut self.arenas[index as usize];
        arena.address = address;
        arena.freepools = PoolLink::Null;
        arena.pools.clear();
        // pool_address <- first pool-aligned address in the arena;
        // nfreepools <- number of whole pools that fit after alignment.
        arena.nfreepools = MAX_POOLS_IN_ARENA as u32;
        arena.pool_address = arena.first_pool_address();
        if !address.is_multiple_of(POOL_SIZE) {
            arena.nfreepools -= 1;
        }
        arena.ntotalpools = arena.nfreepools;
        index
    }

    /// `allocate_from_new_pool`: no used pool of this class exists, so take
    /// an empty pool from the head of `usable_arenas` (reusing one from its
    /// `freepools`, else carving a new one), make it the only used pool of
    /// the class, and allocate its first free block.
    pub(super) fn allocate_from_new_pool(&mut self, class: SizeClass) -> u64 {
        let ua = match self.usable_arenas {
            Some(ua) => ua,
            None => {
                // No arena has a free pool: allocate a new arena.
                let ua = self.new_arena();
                let arena = &mut self.arenas[ua as usize];
                arena.nextarena = None;
                arena.prevarena = None;
                debug_assert!(self.nfp2lasta[arena.nfreepools as usize].is_none());
                self.nfp2lasta[arena.nfreepools as usize] = Some(ua);
                self.usable_arenas = Some(ua);
                ua
            }
        };

        // This arena already had the smallest nfreepools, so decreasing it
        // keeps the list sorted; only the fingers need updating.
        let nf = self.arenas[ua as usize].nfreepools as usize;
        debug_assert!(nf > 0);
        if self.nfp2lasta[nf] == Some(ua) {
            // It's the last of this size, so there won't be any.
            self.nfp2lasta[nf] = None;
        }
        if nf > 1 {
            // If any free pools will remain, it will be the new smallest.
            debug_assert!(self.nfp2lasta[nf - 1].is_none());
            self.nfp2lasta[nf - 1] = Some(ua);
        }

        let id = match self.arenas[ua as usize].freepools {
            PoolLink::Pool(id) => {
                // A cached empty pool: unlink it.
                let next = self.pool(id).nextpool;
                self.arenas[ua as usize].freepools = next;
                id
            }
            _ => {
                // Carve off a new pool.
                let arena = &mut self.arenas[ua as usize];
                let index = ((arena.pool_address - arena.first_pool_address()) / POOL_SIZE) as u32;
                debug_assert_eq!(index as usize, arena.pools.len());
                debug_assert!(arena.pool_address + POOL_SIZE <= arena.address + ARENA_SIZE);
                arena.pools.push(PoolHeader::carved());
                arena.pool_address += POOL_SIZE;
                PoolId { arena: ua, index }
            }
        };
        let arena = &mut self.arenas[ua as usize];
        arena.nfreepools -= 1;
        if arena.nfreepools == 0 {
            // Wholly allocated: remove it from usable_arenas.
            let next = arena.nextarena;
            self.usable_arenas = next;
            if let Some(next) = next {
                self.arenas[next as usize].prevarena = None;
            }
        }

        // Frontlink to used pools (the list is empty).
        let head = PoolLink::Head(class.index() as u8);
        let me = PoolLink::Pool(id);
        let pool = self.pool_mut(id);
        pool.nextpool = head;
        pool.prevpool = head;
        self.set_next_link(head, me);
        self.set_prev_link(head, me);

        let base = self.pool_address(id);
        let pool = self.pool_mut(id);
        debug_assert_eq!(pool.count, 0);
        let bp = if pool.szidx as usize == class.index() {
            // Luckily, this pool last held blocks of the same class, so its
            // header and free list are already set up.
            pool.pop_free_block()
        } else {
            let bp = pool.init(class);
            pool.count = 1;
            bp
        };
        base + bp as u64
    }

    /// `insert_to_freepool`: a pool just became empty. Unlink it from
    /// `usedpools`, push it on its arena's `freepools`, and keep
    /// `usable_arenas` sorted — or return the arena to the OS when all its
    /// pools are free and it is not the last usable arena (bpo-37257 keeps
    /// that one to avoid thrashing).
    pub(super) fn insert_to_freepool(&mut self, id: PoolId) {
        let next = self.pool(id).nextpool;
        let prev = self.pool(id).prevpool;
        self.set_prev_link(next, prev);
        self.set_next_link(prev, next);

        let ao = id.arena;
        let freepools = self.arenas[ao as usize].freepools;
        self.pool_mut(id).nextpool = freepools;
        self.arenas[ao as usize].freepools = PoolLink::Pool(id);

        let mut nf = self.arenas[ao as usize].nfreepools as usize;
        // If this is the rightmost arena with this number of free pools,
        // nfp2lasta[nf] needs to change. (nf == 0: no arena is recorded.)
        let lastnf = self.nfp2lasta[nf];
        if lastnf == Some(ao) {
            let p = self.arenas[ao as usize].prevarena;
            self.nfp2lasta[nf] = p.filter(|&p| self.arenas[p as usize].nfreepools as usize == nf);
        }
        nf += 1;
        self.arenas[ao as usize].nfreepools = nf as u32;

        let (nextarena, prevarena) = {
            let a = &self.arenas[ao as usize];
            (a.nextarena, a.prevarena)
        };
        if nf == self.arenas[ao as usize].ntotalpools as usize && nextarena.is_some() {
            // Case 1: every pool is free: unlink the arena and free it.
            match prevarena {
                None => self.usable_arenas = nextarena,
                Some(p) => self.arenas[p as usize].nextarena = nextarena,
            }
            if let Some(n) = nextarena {
                self.arenas[n as usize].prevarena = prevarena;
            }
            // Record that this arena object is available to be reused.
            self.arenas[ao as usize].nextarena = self.unused_arena_objects;
            self.unused_arena_objects = Some(ao);

            let address = self.arenas[ao as usize].address;
            self.arena_map.mark_used(address, false);
            self.arena_by_base.remove(&address);
            self.forget_last_arena();
            self.mmap.free_arena(address);
            let arena = &mut self.arenas[ao as usize];
            arena.address = 0;
            arena.pools.clear();
            self.narenas_currently_allocated -= 1;
            return;
        }

        if nf == 1 {
            // Case 2: the arena was full, so not in usable_arenas: put it at
            // the head (it has the fewest free pools possible).
            let arena = &mut self.arenas[ao as usize];
            arena.nextarena = self.usable_arenas;
            arena.prevarena = None;
            if let Some(u) = self.usable_arenas {
                self.arenas[u as usize].prevarena = Some(ao);
            }
            self.usable_arenas = Some(ao);
            if self.nfp2lasta[1].is_none() {
                self.nfp2lasta[1] = Some(ao);
            }
            return;
        }

        // If this is the only arena with nf free pools, record that.
        if self.nfp2lasta[nf].is_none() {
            self.nfp2lasta[nf] = Some(ao);
        }
        // Case 4: it was the rightmost of the old count, so it stays in order.
        if lastnf == Some(ao) {
            return;
        }
        // Case 3: it has more free pools than the arena to its right: move it
        // to just after lastnf, the last arena with its old count.
        let lastnf = lastnf.expect("an arena with the old free-pool count");
        let nextarena = nextarena.expect("ao is not the last usable arena");
        match prevarena {
            Some(p) => self.arenas[p as usize].nextarena = Some(nextarena),
            None => self.usable_arenas = Some(nextarena),
        }
        self.arenas[nextarena as usize].prevarena = prevarena;
        // And insert after lastnf.
        let after = self.arenas[lastnf as usize].nextarena;
        self.arenas[ao as usize].prevarena = Some(lastnf);
        self.arenas[ao as usize].nextarena = after;
        if let Some(a) = after {
            self.arenas[a as usize].prevarena = Some(ao);
        }
        self.arenas[lastnf as usize].nextarena = Some(ao);
    }
}
