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
use std::hash::Hasher;

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

#[inline]
fn slot(ty: ObjRef, name: &str) -> usize {
    use slotmap::Key;
    let mut h = rustc_hash::FxHasher::default();
    h.write_u64(ty.data().as_ffi());
    h.write(name.as_bytes());
    (h.finish() >> 20) as usize & (ENTRIES - 1)
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
            && e.name[..name.len()] == *name.as_bytes())
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
