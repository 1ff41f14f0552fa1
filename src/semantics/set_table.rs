//! An emulation of CPython 3.11's set hash table (`Objects/setobject.c`) so
//! that iteration order, `pop()` order and table sizes equal CPython's:
//! 8-slot initial table, 9 linear probes then perturbed probing
//! (`PERTURB_SHIFT` 5), dummies on delete (an insert reuses the last dummy
//! on its probe path), resize
//! when `fill*5 >= mask*3` to the power of two above `used*4` (`used*2` past
//! 50000), and the table-building strategies of `set(other_set)`, `copy()`,
//! `|`, `&`, `-`, `^` and their in-place forms.
//!
//! Keys are opaque `Copy + Eq` handles (e.g. object ids). Equality beyond
//! identity is supplied by the caller as a closure; when it needs Python code
//! the VM first resolves the equal key with [`SetTable::candidates`], then
//! calls the closure API comparing identities.

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot<K> {
    Empty,
    Dummy,
    Active(i64, K),
}

/// The slots visited for `hash` in a table of `mask + 1` slots: groups of
/// up to 10 consecutive slots, then CPython's perturbed jump (never ends).
fn probe_seq(mask: usize, hash: i64) -> impl Iterator<Item = usize> {
    let mut perturb = hash as u64 as usize;
    let mut i = (hash as u64 as usize) & mask;
    let mut j = 0usize;
    let mut probes = if i + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    };
    std::iter::from_fn(move || {
        if j > probes {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            j = 0;
            probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
        }
        let slot = i + j;
        j += 1;
        Some(slot)
    })
}

/// A set's hash table with CPython's layout.
#[derive(Debug, Clone)]
pub struct SetTable<K> {
    table: Vec<Slot<K>>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl<K: Copy + Eq> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

enum Found {
    Active,
    /// Not present; insert into this empty slot.
    Vacant(usize),
    /// Not present; reuse this dummy slot.
    Dummy(usize),
}

impl<K: Copy + Eq> SetTable<K> {
    /// An empty set (8 slots).
    pub fn new() -> Self {
        SetTable {
            table: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }
    /// `not s`.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    /// Number of slots (`mask + 1`), for `sys.getsizeof`.
    pub fn table_size(&self) -> usize {
        self.table.len()
    }
    /// Active + dummy slots.
    pub fn fill(&self) -> usize {
        self.fill
    }

    fn probe(&self, hash: i64) -> impl Iterator<Item = usize> + use<K> {
        probe_seq(self.mask(), hash)
    }

    /// `set_add_entry`'s search: the equal active key, or where to insert:
    /// the *last* dummy passed on the probe sequence (CPython 3.11 sets
    /// `freeslot = entry` for every dummy), else the empty slot ending it.
    fn find(&self, hash: i64, key: K, eq: &mut impl FnMut(K) -> bool) -> Found {
        let mut freeslot = None;
        for s in self.probe(hash) {
            match self.table[s] {
                Slot::Empty => {
                    return match freeslot {
                        Some(f) => Found::Dummy(f),
                        None => Found::Vacant(s),
                    };
                }
                Slot::Active(h, k) if h == hash && (k == key || eq(k)) => {
                    return Found::Active;
                }
                Slot::Dummy => freeslot = Some(s),
                _ => {}
            }
        }
        unreachable!("a set table always has an empty slot")
    }

    fn lookup(&self, hash: i64, eq: &mut impl FnMut(K) -> bool) -> Option<usize> {
        for s in self.probe(hash) {
            match self.table[s] {
                Slot::Empty => return None,
                Slot::Active(h, k) if h == hash && eq(k) => return Some(s),
                _ => {}
            }
        }
        None
    }

    /// Keys stored with this exact hash, in probe order (for the VM to run
    /// Python `__eq__` on them before calling the closure-based API).
    pub fn candidates(&self, hash: i64) -> Vec<K> {
        let mut out = Vec::new();
        for s in self.probe(hash) {
            match self.table[s] {
                Slot::Empty => break,
                Slot::Active(h, k) if h == hash => out.push(k),
                _ => {}
            }
        }
        out
    }

    /// `s.add(key)`: returns true when inserted (false when an equal key,
    /// per `eq(existing)` or identity, is already present).
    pub fn insert(&mut self, hash: i64, key: K, mut eq: impl FnMut(K) -> bool) -> bool {
        match self.find(hash, key, &mut eq) {
            Found::Active => false,
            Found::Dummy(s) => {
                self.table[s] = Slot::Active(hash, key);
                self.used += 1;
                true
            }
            Found::Vacant(s) => {
                self.table[s] = Slot::Active(hash, key);
                self.used += 1;
                self.fill += 1;
                if self.fill * 5 >= self.mask() * 3 {
                    self.resize(if self.used > 50000 {
                        self.used * 2
                    } else {
                        self.used * 4
                    });
                }
                true
            }
        }
    }

    /// `key in s`.
    pub fn contains(&self, hash: i64, mut eq: impl FnMut(K) -> bool) -> bool {
        self.lookup(hash, &mut eq).is_some()
    }

    /// The stored key equal to the probe, if any.
    pub fn get(&self, hash: i64, mut eq: impl FnMut(K) -> bool) -> Option<K> {
        self.lookup(hash, &mut eq).map(|s| match self.table[s] {
            Slot::Active(_, k) => k,
            _ => unreachable!(),
        })
    }

    /// `s.discard(key)`: the removed key, if present.
    pub fn remove(&mut self, hash: i64, mut eq: impl FnMut(K) -> bool) -> Option<K> {
        let s = self.lookup(hash, &mut eq)?;
        let Slot::Active(_, k) = self.table[s] else {
            unreachable!()
        };
        self.table[s] = Slot::Dummy;
        self.used -= 1;
        Some(k)
    }

    /// `s.pop()` (None means KeyError "pop from an empty set").
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.table[i], Slot::Active(..)) {
            i = if i >= mask { 0 } else { i + 1 };
        }
        let Slot::Active(_, k) = self.table[i] else {
            unreachable!()
        };
        self.table[i] = Slot::Dummy;
        self.used -= 1;
        self.finger = i + 1;
        Some(k)
    }

    /// `s.clear()`.
    pub fn clear(&mut self) {
        self.table = vec![Slot::Empty; MINSIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// Keys in table order (CPython's iteration order).
    pub fn iter(&self) -> impl Iterator<Item = K> + '_ {
        self.entries().map(|(_, k)| k)
    }

    /// The first active slot at or after `pos` and its key (set iterators
    /// keep a slot position, as CPython's `si_pos`).
    pub fn entry_at(&self, pos: usize) -> Option<(usize, K)> {
        self.table
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| match s {
                Slot::Active(_, k) => Some((i, *k)),
                _ => None,
            })
    }

    /// `(hash, key)` pairs in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, K)> + '_ {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, *k)),
            _ => None,
        })
    }

    fn insert_clean(table: &mut [Slot<K>], hash: i64, key: K) {
        for s in probe_seq(table.len() - 1, hash) {
            if table[s] == Slot::Empty {
                table[s] = Slot::Active(hash, key);
                return;
            }
        }
    }

    /// `set_table_resize(so, minused)`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        for slot in old {
            if let Slot::Active(h, k) = slot {
                Self::insert_clean(&mut self.table, h, k);
            }
        }
        self.fill = self.used;
    }

    /// `set_merge(so, other)`: `s.update(other_set)`, `set(other_set)`, `copy()`.
    pub fn merge(&mut self, other: &SetTable<K>, mut eq: impl FnMut(K, K) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for (h, k) in other.entries() {
                Self::insert_clean(&mut self.table, h, k);
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (h, k) in other.entries() {
            self.insert(h, k, |e| eq(e, k));
        }
    }

    /// `set(other_set)` / `s.copy()` / `frozenset(other_set)`.
    pub fn copy(&self) -> SetTable<K> {
        let mut t = SetTable::new();
        t.merge(self, |a, b| a == b);
        t
    }

    /// `s.update(d)` for an exact dict, given its `(hash, key)` entries in order.
    pub fn update_from_dict(&mut self, entries: &[(i64, K)], mut eq: impl FnMut(K, K) -> bool) {
        if (self.fill + entries.len()) * 5 >= self.mask() * 3 {
            self.resize((self.used + entries.len()) * 2);
        }
        for &(h, k) in entries {
            self.insert(h, k, |e| eq(e, k));
        }
    }

    /// `a | b` for two sets (pass the same reference for `a | a`).
    pub fn union(a: &SetTable<K>, b: &SetTable<K>, eq: impl FnMut(K, K) -> bool) -> SetTable<K> {
        let mut r = a.copy();
        if !std::ptr::eq(a, b) {
            r.merge(b, eq);
        }
        r
    }

    /// `a & b` for two sets (iterates the smaller; its keys are kept).
    /// `a & a` (same reference) is a copy. `a &= b` replaces `a` by this.
    pub fn intersection(
        a: &SetTable<K>,
        b: &SetTable<K>,
        mut eq: impl FnMut(K, K) -> bool,
    ) -> SetTable<K> {
        if std::ptr::eq(a, b) {
            return a.copy();
        }
        let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut r = SetTable::new();
        for (h, k) in small.entries() {
            if big.contains(h, |e| eq(e, k)) {
                r.insert(h, k, |e| eq(e, k));
            }
        }
        r
    }

    /// `s &= other_set` / `s.intersection_update(other_set)`: the result of
    /// [`SetTable::intersection`] swapped into `s` (which keeps its `pop` finger).
    pub fn intersection_update(&mut self, other: &SetTable<K>, eq: impl FnMut(K, K) -> bool) {
        let finger = self.finger;
        *self = Self::intersection(self, other, eq);
        self.finger = finger;
    }

    /// `s &= s`: CPython swaps in a copy of `s` (same keys, fresh layout).
    pub fn intersection_update_self(&mut self) {
        let finger = self.finger;
        *self = self.copy();
        self.finger = finger;
    }

    /// `s.intersection_update(iterable)` for a non-set iterable.
    pub fn intersection_update_iter(
        &mut self,
        items: impl IntoIterator<Item = (i64, K)>,
        eq: impl FnMut(K, K) -> bool,
    ) {
        let finger = self.finger;
        *self = Self::intersection_iter(self, items, eq);
        self.finger = finger;
    }

    /// `a & iterable` for a non-set iterable of `(hash, key)` in iteration order.
    pub fn intersection_iter(
        a: &SetTable<K>,
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(K, K) -> bool,
    ) -> SetTable<K> {
        let mut r = SetTable::new();
        for (h, k) in items {
            if a.contains(h, |e| eq(e, k)) {
                r.insert(h, k, |e| eq(e, k));
            }
        }
        r
    }

    /// `s -= other_set` (`set_difference_update_internal`). For `s -= s`
    /// and `s ^= s` CPython clears: the VM calls [`SetTable::clear`]; `s |= s`
    /// does nothing; `s &= s` is [`SetTable::intersection_update_self`].
    pub fn difference_update(&mut self, other: &SetTable<K>, mut eq: impl FnMut(K, K) -> bool) {
        let inter;
        let other = if (other.used >> 3) > self.used {
            inter = Self::intersection(self, other, &mut eq);
            &inter
        } else {
            other
        };
        for (h, k) in other.entries() {
            self.remove(h, |e| e == k || eq(e, k));
        }
        self.shrink_dummies();
    }

    /// The end of `set_difference_update_internal`: resize when more than a
    /// quarter of the slots are dummies. Call it after removing the items of
    /// a non-set iterable with [`SetTable::remove`].
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// `a - b` for two sets (`set_difference`).
    pub fn difference(
        a: &SetTable<K>,
        b: &SetTable<K>,
        mut eq: impl FnMut(K, K) -> bool,
    ) -> SetTable<K> {
        if (a.used >> 2) > b.used {
            let mut r = a.copy();
            r.difference_update(b, eq);
            return r;
        }
        let mut r = SetTable::new();
        for (h, k) in a.entries() {
            if !b.contains(h, |e| eq(e, k)) {
                r.insert(h, k, |e| eq(e, k));
            }
        }
        r
    }

    /// `s ^= other_set` (`set_symmetric_difference_update`).
    pub fn symmetric_difference_update(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(K, K) -> bool,
    ) {
        for (h, k) in other.entries() {
            if self.remove(h, |e| e == k || eq(e, k)).is_none() {
                self.insert(h, k, |e| eq(e, k));
            }
        }
    }

    /// `a ^ b` for two sets: a copy of `b` updated with `a`.
    pub fn symmetric_difference(
        a: &SetTable<K>,
        b: &SetTable<K>,
        mut eq: impl FnMut(K, K) -> bool,
    ) -> SetTable<K> {
        let mut r = b.copy();
        r.symmetric_difference_update(a, &mut eq);
        r
    }
}

#[cfg(test)]
#[path = "set_table_tests.rs"]
mod tests;
