//! The type attribute cache: CPython's method cache in front of
//! `_PyType_Lookup`, which otherwise walks the MRO and probes one dict per
//! class for every attribute and method lookup.
//!
//! An entry remembers, for a (type, name) pair, what the MRO walk found (the
//! value and the class that defined it, or nothing). CPython validates
//! entries with per-type version tags; here every dict the walk read is
//! *watched* (`DictTable::watch`) and any change to a watched dict — or to a
//! type's MRO — bumps one global epoch (`dict_table::watched_epoch`), which
//! empties the cache at once. Class attributes rarely change after class
//! creation, so entries live long; a stale entry can never be used.
//!
//! Types are keyed by their `ObjRef`, whose slot-map version makes a key of
//! a freed type differ from any later object's key. The cache changes no
//! behaviour: it returns exactly what the walk returns.

use crate::runtime::dict_table::watched_epoch;
use crate::runtime::heap::ObjRef;
use std::cell::RefCell;

/// Entries (a power of two).
const ENTRIES: usize = 1024;
/// Longest name kept in an entry; longer names always walk the MRO.
const MAX_NAME: usize = 38;

/// A (type, name) pair and what the MRO walk found for it.
#[derive(Clone, Copy)]
struct Entry {
    epoch: u64,
    ty: ObjRef,
    found: Option<(ObjRef, ObjRef)>,
    len: u8,
    name: [u8; MAX_NAME],
}

/// A direct-mapped cache of MRO lookups (see the module comment).
pub struct TypeAttrCache {
    entries: RefCell<Vec<Entry>>,
}

impl Default for TypeAttrCache {
    fn default() -> Self {
        let empty = Entry {
            // The epoch never reaches this: an empty entry never matches.
            epoch: u64::MAX,
            ty: ObjRef::default(),
            found: None,
            len: 0,
            name: [0; MAX_NAME],
        };
        TypeAttrCache {
            entries: RefCell::new(vec![empty; ENTRIES]),
        }
    }
}

impl std::fmt::Debug for TypeAttrCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TypeAttrCache")
    }
}

/// The entry for (`ty`, `name`). Indexed by where the name's text lives,
/// not by its contents: callers pass interned names and literals whose text
/// stays put, and hashing the text would cost as much as the lookup saves.
/// An entry is only used after comparing the text itself.
#[inline]
fn slot(ty: ObjRef, name: &str) -> usize {
    use slotmap::Key;
    let k = ty.data().as_ffi() ^ (name.as_ptr() as u64).rotate_left(20) ^ name.len() as u64;
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize & (ENTRIES - 1)
}

/// `a == b` for two names of the same length (at most [`MAX_NAME`]), in
/// fixed-size pieces the compiler turns into word compares (no `memcmp` call).
#[inline]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    let mut i = 0;
    while i + 8 <= n {
        if a[i..i + 8] != b[i..i + 8] {
            return false;
        }
        i += 8;
    }
    // The last (overlapping) word covers the tail.
    a[n - 8..] == b[n - 8..]
}

impl TypeAttrCache {
    /// The cached result of looking `name` up along `ty`'s MRO: `Some(found)`
    /// on a hit (`found` may be "not defined anywhere"), `None` on a miss.
    #[inline]
    pub fn get(&self, ty: ObjRef, name: &str) -> Option<Option<(ObjRef, ObjRef)>> {
        if name.len() > MAX_NAME {
            return None;
        }
        let entries = self.entries.borrow();
        let e = &entries[slot(ty, name)];
        (e.epoch == watched_epoch()
            && e.ty == ty
            && usize::from(e.len) == name.len()
            && same_text(&e.name[..name.len()], name.as_bytes()))
        .then_some(e.found)
    }

    /// Remembers a walk's result; the caller has watched every dict it read
    /// and read the epoch (`epoch`) before watching them.
    #[inline]
    pub fn put(&self, epoch: u64, ty: ObjRef, name: &str, found: Option<(ObjRef, ObjRef)>) {
        if name.len() > MAX_NAME {
            return;
        }
        let mut e = Entry {
            epoch,
            ty,
            found,
            len: name.len() as u8,
            name: [0; MAX_NAME],
        };
        e.name[..name.len()].copy_from_slice(name.as_bytes());
        self.entries.borrow_mut()[slot(ty, name)] = e;
    }
}
