//! The VM's memory: every object's storage comes from the exact pymalloc
//! model ([`crate::runtime::pymalloc`]), asked for CPython 3.11's size of
//! the object, so `id()` values and block reuse follow obmalloc.
//!
//! Two views of memory (see [`MemoryStats`]): what Python holds live (the
//! bytes requested for live objects and their separately allocated buffers)
//! versus what the process holds from the OS (pymalloc's arenas plus the
//! large blocks served by the modelled `malloc`), with its high-water mark.
//!
//! GC objects are preceded by CPython's 16-byte `PyGC_Head`: the block
//! starts 16 bytes before the object's address (`id()`), as in CPython.
//!
//! The tracemalloc hook: when tracing, the VM records every request made
//! here (see `runtime::tracemalloc`); the sizes traced are these requests.
//!
//! CPython 3.11's type free lists sit in front of pymalloc: a freed float,
//! tuple (1..=20 items), list or dict of the exact builtin type keeps its
//! block on a per-kind LIFO list (100 floats, 2000 tuples per length, 80
//! lists, 80 dicts) and the next object of that kind reuses it — without
//! pymalloc, and without a new tracemalloc trace. (3.11 quirk: 20-item
//! tuples are pushed but never popped, `size < PyTuple_MAXSAVESIZE`, so
//! their blocks wait there until a full collection clears the lists.)

use super::pymalloc::Pymalloc;

/// `sizeof(PyGC_Head)` on 64-bit.
pub const GC_HEADER: u32 = 16;

/// Both views of memory, for the trace/playground (`Vm::memory_stats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemoryStats {
    /// Bytes requested by live allocations (objects and their buffers).
    pub live_bytes: u64,
    /// Live allocations.
    pub live_blocks: u64,
    /// Bytes pymalloc holds in arenas (1 MiB each) from the OS.
    pub arena_bytes: u64,
    /// Arenas currently allocated.
    pub arenas: u64,
    /// Most arenas ever held at once.
    pub arenas_highwater: u64,
    /// Bytes of live blocks larger than 512 (served by `malloc`).
    pub large_bytes: u64,
    /// What the process holds from the OS for Python objects: arenas plus large blocks.
    pub os_bytes: u64,
    /// Peak of block bytes in use (small blocks plus large blocks).
    pub high_water_bytes: u64,
}

/// Which free list a freed object's block may go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeListKind {
    Float,
    /// A tuple of this many items (1..=20).
    Tuple(usize),
    List,
    Dict,
}

impl FreeListKind {
    /// `PyFloat_MAXFREELIST`, `PyTuple_MAXFREELIST`, `PyList_MAXFREELIST`, `PyDict_MAXFREELIST`.
    fn capacity(self) -> usize {
        match self {
            FreeListKind::Float => 100,
            FreeListKind::Tuple(_) => 2000,
            FreeListKind::List | FreeListKind::Dict => 80,
        }
    }
}

/// CPython 3.11's type free lists (block addresses, LIFO).
#[derive(Debug, Clone, Default)]
pub struct FreeLists {
    floats: Vec<u64>,
    tuples: [Vec<u64>; 20],
    lists: Vec<u64>,
    dicts: Vec<u64>,
}

impl FreeLists {
    fn list_mut(&mut self, kind: FreeListKind) -> &mut Vec<u64> {
        match kind {
            FreeListKind::Float => &mut self.floats,
            FreeListKind::Tuple(n) => &mut self.tuples[n.clamp(1, 20) - 1],
            FreeListKind::List => &mut self.lists,
            FreeListKind::Dict => &mut self.dicts,
        }
    }

    /// Empties every list (`clear_freelists` in a full collection): the
    /// blocks in the order CPython frees them (tuples by length, floats,
    /// lists, dicts; each list newest first).
    fn drain(&mut self) -> Vec<u64> {
        let mut blocks = Vec::new();
        for list in
            self.tuples
                .iter_mut()
                .chain([&mut self.floats, &mut self.lists, &mut self.dicts])
        {
            blocks.extend(list.drain(..).rev());
        }
        blocks
    }

    /// The lengths `sys._debugmallocstats` prints on its type lines.
    pub fn lengths(&self) -> crate::runtime::pymalloc::stats::TypeFreeLists {
        let n = |v: &Vec<u64>| v.len() as u32;
        crate::runtime::pymalloc::stats::TypeFreeLists {
            dicts: n(&self.dicts),
            floats: n(&self.floats),
            lists: n(&self.lists),
            tuples: std::array::from_fn(|i| n(&self.tuples[i])),
        }
    }
}

/// The allocator the VM uses: pymalloc plus the live-byte accounting.
#[derive(Debug, Clone, Default)]
pub struct MemoryModel {
    pub pymalloc: Pymalloc,
    pub free_lists: FreeLists,
    /// Bytes requested by live allocations (for `--max-heap` and the live view).
    pub live_bytes: u64,
    pub live_blocks: u64,
    /// Separately allocated storage by owner address: (block, bytes).
    pub storage: std::collections::HashMap<u64, (u64, u32)>,
    /// Objects whose storage may have changed since the last sync.
    pub storage_dirty: Vec<crate::runtime::heap::ObjRef>,
}

impl MemoryModel {
    pub fn new() -> Self {
        Self::default()
    }

    /// `PyObject_Malloc(size)`: the block's address.
    #[inline]
    pub fn allocate(&mut self, size: u32) -> u64 {
        self.live_bytes += u64::from(size);
        self.live_blocks += 1;
        self.pymalloc.malloc(size as usize)
    }

    /// `PyObject_Free(addr)` of a block of `size` requested bytes. A bad
    /// address is ignored (it would be an internal inconsistency).
    #[inline]
    pub fn free(&mut self, addr: u64, size: u32) {
        self.live_bytes = self.live_bytes.saturating_sub(u64::from(size));
        self.live_blocks = self.live_blocks.saturating_sub(1);
        let _ = self.pymalloc.try_free(addr);
    }

    /// A block from the free list of `kind`, if it has one (LIFO).
    #[inline]
    pub fn take_free(&mut self, kind: FreeListKind, size: u32) -> Option<u64> {
        if kind == FreeListKind::Tuple(20) {
            return None;
        }
        let addr = self.free_lists.list_mut(kind).pop()?;
        self.live_bytes += u64::from(size);
        Some(addr)
    }

    /// Keeps a freed block on the free list of `kind`; false when it is full.
    #[inline]
    pub fn put_free(&mut self, kind: FreeListKind, addr: u64, size: u32) -> bool {
        let list = self.free_lists.list_mut(kind);
        if list.len() >= kind.capacity() {
            return false;
        }
        list.push(addr);
        self.live_bytes = self.live_bytes.saturating_sub(u64::from(size));
        true
    }

    /// `PyObject_Realloc(addr, new_size)` of a block of `old_size` bytes
    /// (addr 0 allocates; new_size 0 frees and returns 0).
    pub fn realloc(&mut self, addr: u64, old_size: u32, new_size: u32) -> u64 {
        if addr == 0 {
            return if new_size == 0 {
                0
            } else {
                self.allocate(new_size)
            };
        }
        if new_size == 0 {
            self.free(addr, old_size);
            return 0;
        }
        self.live_bytes = self.live_bytes.saturating_sub(u64::from(old_size)) + u64::from(new_size);
        self.pymalloc
            .try_realloc(addr, new_size as usize)
            .unwrap_or(addr)
    }

    /// Sets the type free lists to the lengths CPython 3.11's startup leaves
    /// them at (what `sys._debugmallocstats()` reports at the top of a
    /// script): extra blocks go back to pymalloc, missing ones are taken
    /// from it before tracing starts, so the first objects a program makes
    /// reuse them untraced and uncounted, as in CPython.
    pub fn seed_startup_free_lists(&mut self) {
        const TUPLES: [usize; 20] = [4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6];
        let mut seed = |kind: FreeListKind, count: usize, size: u32| {
            while self.free_lists.list_mut(kind).len() > count {
                if let Some(block) = self.free_lists.list_mut(kind).pop() {
                    self.live_blocks = self.live_blocks.saturating_sub(1);
                    let _ = self.pymalloc.try_free(block);
                }
            }
            while self.free_lists.list_mut(kind).len() < count {
                let block = self.pymalloc.malloc(size as usize);
                self.live_blocks += 1;
                self.free_lists.list_mut(kind).push(block);
            }
        };
        seed(FreeListKind::Dict, 8, 48 + GC_HEADER);
        seed(FreeListKind::Float, 4, 24);
        seed(FreeListKind::List, 40, 40 + GC_HEADER);
        for (i, &n) in TUPLES.iter().enumerate() {
            seed(
                FreeListKind::Tuple(i + 1),
                n,
                24 + 8 * (i as u32 + 1) + GC_HEADER,
            );
        }
    }

    /// Returns every free-listed block to pymalloc; the blocks freed.
    pub fn clear_free_lists(&mut self) -> Vec<u64> {
        let blocks = self.free_lists.drain();
        for &b in &blocks {
            // Their bytes already left `live_bytes` when they were listed.
            self.live_blocks = self.live_blocks.saturating_sub(1);
            let _ = self.pymalloc.try_free(b);
        }
        blocks
    }

    /// The two views of memory.
    pub fn stats(&self) -> MemoryStats {
        let p = &self.pymalloc;
        let large = p.large_bytes_in_use();
        MemoryStats {
            live_bytes: self.live_bytes,
            live_blocks: self.live_blocks,
            arena_bytes: p.bytes_in_arenas(),
            arenas: p.arenas_allocated_current() as u64,
            arenas_highwater: p.arenas_highwater() as u64,
            large_bytes: large,
            os_bytes: p.bytes_in_arenas() + large,
            high_water_bytes: p.high_water_bytes(),
        }
    }
}

impl crate::runtime::vm::Vm {
    /// The free list an object of type `ty` with `payload` uses, if any.
    #[inline]
    pub fn free_list_kind(
        &self,
        ty: crate::runtime::heap::ObjRef,
        payload: &crate::runtime::object::Payload,
    ) -> Option<FreeListKind> {
        use crate::runtime::object::Payload;
        let t = &self.types;
        match payload {
            Payload::Float(_) if ty == t.float => Some(FreeListKind::Float),
            Payload::Tuple(items) if ty == t.tuple && (1..=20).contains(&items.len()) => {
                Some(FreeListKind::Tuple(items.len()))
            }
            Payload::List(_) if ty == t.list => Some(FreeListKind::List),
            Payload::Dict(_) if ty == t.dict => Some(FreeListKind::Dict),
            _ => None,
        }
    }

    /// The block for a new object: from its type's free list (the bool is
    /// true: no `PyObject_GC_New`, so the GC counts nothing), else from
    /// pymalloc (traced by tracemalloc).
    #[inline]
    pub(crate) fn allocate_object_block(
        &mut self,
        ty: crate::runtime::heap::ObjRef,
        payload: &crate::runtime::object::Payload,
        size: u32,
    ) -> (u64, bool) {
        self.sync_storage();
        if let Some(kind) = self.free_list_kind(ty, payload)
            && let Some(block) = self.allocator.take_free(kind, size)
        {
            return (block, true);
        }
        let block = self.allocator.allocate(size);
        if self.tracemalloc.is_some() {
            self.trace_alloc(block, size);
        }
        (block, false)
    }

    /// Returns a freed object's block: to the free list `kind` (computed
    /// from the payload before it was taken apart) if there is room, else to
    /// pymalloc (dropping its trace). True when it went to the free list
    /// (no `PyObject_GC_Del`, so the GC count is not decremented).
    #[inline]
    pub(crate) fn free_object_block(
        &mut self,
        obj: &crate::runtime::heap::Object,
        kind: Option<FreeListKind>,
    ) -> bool {
        self.sync_storage();
        if obj.gc.has(crate::runtime::heap::GcHead::F_HAS_STORAGE) {
            self.free_storage_of(obj.addr);
        }
        let block = obj.addr - obj.gc.preheader();
        if let Some(kind) = kind
            && self.allocator.put_free(kind, block, obj.size)
        {
            return true;
        }
        self.allocator.free(block, obj.size);
        if self.tracemalloc.is_some() {
            self.trace_free(block);
        }
        false
    }

    /// `clear_freelists` (end of a full collection): the type free lists
    /// give their blocks back to pymalloc, dropping their traces.
    pub(crate) fn clear_type_free_lists(&mut self) {
        let blocks = self.allocator.clear_free_lists();
        if self.tracemalloc.is_some() {
            for b in blocks {
                self.trace_free(b);
            }
        }
    }

    /// Both views of memory (live object bytes vs. what the process holds
    /// from the OS), for the trace and the playground.
    pub fn memory_stats(&mut self) -> MemoryStats {
        self.sync_storage();
        self.allocator.stats()
    }
}

/// `sys._debugmallocstats()`: the model's report in CPython's format, on stderr.
pub fn sys_debugmallocstats(
    vm: &mut crate::runtime::vm::Vm,
    args: &[crate::runtime::heap::ObjRef],
    _kw: Option<&[std::rc::Rc<str>]>,
) -> crate::runtime::vm::PyResult {
    vm.check_nargs("_debugmallocstats", args.len(), 0, 0)?;
    vm.sync_storage();
    let lengths = vm.allocator.free_lists.lengths();
    *vm.allocator.pymalloc.type_free_lists_mut() = lengths;
    let report = vm.allocator.pymalloc.debug_malloc_stats();
    vm.write_stderr(&report);
    Ok(vm.none())
}

/// `sys._debugmallocstats`'s definition (installed by `modules::memory::install`).
pub static DEBUGMALLOCSTATS: crate::runtime::object::NativeDef =
    crate::native!("_debugmallocstats", sys_debugmallocstats);

/// `sys.getallocatedblocks()`: pymalloc blocks in use (free-listed objects included).
pub fn sys_getallocatedblocks(
    vm: &mut crate::runtime::vm::Vm,
    args: &[crate::runtime::heap::ObjRef],
    _kw: Option<&[std::rc::Rc<str>]>,
) -> crate::runtime::vm::PyResult {
    vm.check_nargs("getallocatedblocks", args.len(), 0, 0)?;
    vm.sync_storage();
    let n = vm.allocator.pymalloc.allocated_blocks();
    Ok(vm.new_int(n as i64))
}

/// `sys.getallocatedblocks`'s definition.
pub static GETALLOCATEDBLOCKS: crate::runtime::object::NativeDef =
    crate::native!("getallocatedblocks", sys_getallocatedblocks);
