//! The storage behind a Python dict: CPython's "compact dict" layout — an
//! entries array in insertion order plus a hash index of entry positions.
//!
//! As in CPython, deleting an entry leaves a hole (a dummy) in the entries
//! array instead of shifting the entries after it, so `del d[k]` is O(1) and
//! positions stay stable while a dict is iterated; the holes are squeezed out
//! when an insertion finds that they outnumber the live entries (CPython does
//! this when it resizes). Positions (`usize`) name entries, holes included:
//! iteration walks positions and skips holes, as `dictiter_iternextkey` does.
//!
//! The hash index is keyed by the Python hash the [`DictKey`] already carries,
//! so no hasher runs on lookups: it is only spread over the bits (a multiply)
//! because small Python ints hash to themselves.

use super::heap::ObjRef;
use super::object::{DictKey, KeyRepr};
use hashbrown::HashTable;
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bumped whenever a *watched* table changes (CPython's type version tags,
/// coarsened to one counter): the type attribute cache
/// (`runtime::types::type_cache`) watches the dicts of the types it has read
/// and trusts an entry only while this counter has not moved.
static WATCHED_EPOCH: AtomicU64 = AtomicU64::new(0);

/// The current watched-dict epoch.
#[inline]
pub fn watched_epoch() -> u64 {
    WATCHED_EPOCH.load(Ordering::Relaxed)
}

/// Invalidates everything cached from watched dicts (also used when a type's
/// MRO or namespace is replaced).
#[inline]
pub fn bump_watched_epoch() {
    WATCHED_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// One live entry: the comparison key, then the (key object, value object) pair.
type Entry = (DictKey, (ObjRef, ObjRef));

/// Insertion-ordered entries with holes, and a hash index of their positions.
#[derive(Debug, Default, Clone)]
pub struct DictTable {
    /// Positions into `entries`, hashed by the entry's Python hash.
    index: HashTable<usize>,
    /// Entries in insertion order; `None` is a deleted entry's hole.
    entries: Vec<Option<Entry>>,
    /// Live entries (`ma_used`).
    live: usize,
    /// Whether some key may be `KeyRepr::Custom` (a Python `__eq__`): lookups
    /// that miss must then compare candidates with equal hashes in Python.
    may_have_custom: bool,
    /// Whether a cache depends on this table's contents (see [`watched_epoch`]).
    watched: Cell<bool>,
}

/// The bucket hash for a Python hash value.
#[inline]
fn spread(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl DictTable {
    /// Makes every later change of this table bump [`watched_epoch`].
    #[inline]
    pub fn watch(&self) {
        self.watched.set(true);
    }

    #[inline]
    fn changed(&self) {
        if self.watched.get() {
            bump_watched_epoch();
        }
    }

    /// Empties the table, returning its old contents (the table stays watched).
    pub fn take(&mut self) -> DictTable {
        self.changed();
        let watched = self.watched.get();
        let old = std::mem::take(self);
        self.watched.set(watched);
        old
    }

    /// Live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.live
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Positions in use, holes included (iteration bound).
    #[inline]
    pub fn positions(&self) -> usize {
        self.entries.len()
    }

    /// Whether a `KeyRepr::Custom` key may be present.
    #[inline]
    pub fn may_have_custom(&self) -> bool {
        self.may_have_custom
    }

    /// The position of the entry with Python hash `hash` whose key satisfies `eq`.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(&DictKey) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(
                spread(hash),
                |&pos| matches!(&entries[pos], Some((k, _)) if k.hash == hash && eq(k)),
            )
            .copied()
    }

    /// The position of the entry whose key equals `key` (Rust-side equality).
    #[inline]
    pub fn get_index_of(&self, key: &DictKey) -> Option<usize> {
        self.find(key.hash, |k| k.repr == key.repr)
    }

    /// The position of the str key `text` with Python hash `hash`.
    #[inline]
    pub fn find_str(&self, hash: i64, text: &str) -> Option<usize> {
        self.find(hash, |k| matches!(&k.repr, KeyRepr::Str(t) if **t == *text))
    }

    /// The entry at `pos` (None for a hole or out of range).
    #[inline]
    pub fn get_index(&self, pos: usize) -> Option<(&DictKey, &(ObjRef, ObjRef))> {
        match self.entries.get(pos) {
            Some(Some((k, kv))) => Some((k, kv)),
            _ => None,
        }
    }

    #[inline]
    pub fn get_index_mut(&mut self, pos: usize) -> Option<(&DictKey, &mut (ObjRef, ObjRef))> {
        self.changed();
        match self.entries.get_mut(pos) {
            Some(Some((k, kv))) => Some((&*k, kv)),
            _ => None,
        }
    }

    /// The first live position at or after `pos`.
    #[inline]
    pub fn next_position(&self, pos: usize) -> Option<usize> {
        let rest = self.entries.get(pos..)?;
        rest.iter().position(Option::is_some).map(|i| pos + i)
    }

    /// The last live position (`popitem`).
    pub fn last_position(&self) -> Option<usize> {
        self.entries.iter().rposition(Option::is_some)
    }

    /// Appends an entry whose key is known to be absent; returns its position.
    pub fn push(&mut self, key: DictKey, kv: (ObjRef, ObjRef)) -> usize {
        self.changed();
        let holes = self.entries.len() - self.live;
        if holes >= 8 && holes >= self.live {
            self.compact();
        }
        if matches!(key.repr, KeyRepr::Custom(_)) {
            self.may_have_custom = true;
        }
        let pos = self.entries.len();
        let entries = &self.entries;
        self.index.insert_unique(spread(key.hash), pos, |&p| {
            entries[p].as_ref().map_or(0, |(k, _)| spread(k.hash))
        });
        self.entries.push(Some((key, kv)));
        self.live += 1;
        pos
    }

    /// Removes the entry at `pos`, leaving a hole.
    pub fn remove_index(&mut self, pos: usize) -> Option<Entry> {
        self.changed();
        let hash = self.entries.get(pos)?.as_ref()?.0.hash;
        if let Ok(slot) = self.index.find_entry(spread(hash), |&p| p == pos) {
            slot.remove();
        }
        let entry = self.entries.get_mut(pos)?.take();
        self.live -= 1;
        if self.live == 0 {
            // Nothing to keep in order: start again without holes.
            self.entries.clear();
            self.index.clear();
            self.may_have_custom = false;
        }
        entry
    }

    /// Squeezes the holes out (positions change; only done on insertion).
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        let custom = self.keys().any(|k| matches!(k.repr, KeyRepr::Custom(_)));
        self.may_have_custom = custom;
        let entries = &self.entries;
        let mut index = HashTable::with_capacity(entries.len());
        for (pos, e) in entries.iter().enumerate() {
            if let Some((k, _)) = e {
                index.insert_unique(spread(k.hash), pos, |&p: &usize| {
                    entries[p].as_ref().map_or(0, |(k, _)| spread(k.hash))
                });
            }
        }
        self.index = index;
    }

    /// Live keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &DictKey> {
        self.entries.iter().flatten().map(|(k, _)| k)
    }

    /// Live (key object, value object) pairs in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &(ObjRef, ObjRef)> {
        self.entries.iter().flatten().map(|(_, kv)| kv)
    }

    /// Live entries with their positions, in insertion order.
    pub fn enumerate(&self) -> impl Iterator<Item = (usize, &DictKey, &(ObjRef, ObjRef))> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_ref().map(|(k, kv)| (i, k, kv)))
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&DictKey, &(ObjRef, ObjRef))> {
        self.entries.iter().flatten().map(|(k, kv)| (k, kv))
    }
}

impl IntoIterator for DictTable {
    type Item = Entry;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Option<Entry>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter().flatten()
    }
}
