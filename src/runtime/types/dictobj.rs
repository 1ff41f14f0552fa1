//! Dict storage: lookups, insertions and deletions on `DictData` with the
//! reference counting they imply (the dict owns its keys and values).
//!
//! Keys are [`DictKey`]s: builtin values compare by value, plain objects by
//! identity, and objects with a Python `__eq__` (`KeyRepr::Custom`) take a slow
//! path that calls `__eq__` on entries with the same hash.

use crate::runtime::events::Holder;
use crate::runtime::heap::{Heap, ObjRef};
use crate::runtime::object::{DictData, DictKey, KeyRepr, Payload};
use crate::runtime::vm::{Fatal, PyErr, PyResult, Vm};

/// The dict data of `d`, if it is a dict (or dict subclass instance).
#[inline]
pub fn dict_data(heap: &Heap, d: ObjRef) -> Option<&DictData> {
    match heap.payload(d) {
        Payload::Dict(dd) => Some(dd),
        _ => None,
    }
}

/// Looks up a str key with a known hash (borrowed result).
#[inline]
pub fn get_str_hashed(heap: &Heap, d: ObjRef, text: &str, hash: i64) -> Option<ObjRef> {
    let map = &dict_data(heap, d)?.map;
    let i = map.find_str(hash, text)?;
    map.get_index(i).map(|(_, &(_, v))| v)
}

fn internal(msg: &str) -> PyErr {
    PyErr::Fatal(Fatal::Internal(msg.to_string()))
}

impl Vm {
    #[inline]
    fn dict_mut(&mut self, d: ObjRef) -> PyResult<&mut DictData> {
        match self.heap.payload_mut(d) {
            Payload::Dict(dd) => Ok(dd),
            _ => Err(internal("dict operation on a non-dict")),
        }
    }

    /// `d[name]` for a str key (borrowed result).
    #[inline]
    pub fn dict_get_str(&self, d: ObjRef, name: &str) -> Option<ObjRef> {
        get_str_hashed(&self.heap, d, name, super::hash::hash_str(name))
    }

    /// `d.get(key)` (borrowed result); may call `__eq__`/`__hash__`.
    pub fn dict_get(&mut self, d: ObjRef, key: ObjRef) -> PyResult<Option<ObjRef>> {
        if let Payload::Str(s) = self.heap.payload(key)
            && let Some(h) = s.hash
        {
            let text = s.text.clone();
            if let Some(dd) = dict_data(&self.heap, d)
                && !dd.map.is_empty()
            {
                if let Some(i) = dd.map.find_str(h, &text) {
                    return Ok(Some(self.dict_entry(d, i).1));
                }
                if !self.dict_has_custom(d) {
                    return Ok(None);
                }
            } else {
                return Ok(None);
            }
        }
        let k = self.dict_key(key)?;
        Ok(self.dict_find(d, &k, key)?.map(|i| self.dict_entry(d, i).1))
    }

    fn dict_has_custom(&self, d: ObjRef) -> bool {
        dict_data(&self.heap, d).is_some_and(|dd| dd.map.may_have_custom())
    }

    /// The first entry position at or after `from` (positions skip deleted entries' holes).
    pub fn dict_next_position(&self, d: ObjRef, from: usize) -> Option<usize> {
        dict_data(&self.heap, d)?.map.next_position(from)
    }

    /// The last entry's position.
    pub fn dict_last_position(&self, d: ObjRef) -> Option<usize> {
        dict_data(&self.heap, d)?.map.last_position()
    }

    /// The (key, value) at position `i` (borrowed).
    pub fn dict_entry(&self, d: ObjRef, i: usize) -> (ObjRef, ObjRef) {
        dict_data(&self.heap, d)
            .and_then(|dd| dd.map.get_index(i))
            .map(|(_, &kv)| kv)
            .unwrap_or((self.types.none, self.types.none))
    }

    /// Index of the entry equal to `key` (computed key `k`), calling `__eq__` for custom keys.
    pub fn dict_find(&mut self, d: ObjRef, k: &DictKey, key: ObjRef) -> PyResult<Option<usize>> {
        let Some(dd) = dict_data(&self.heap, d) else {
            return Err(internal("dict_find on a non-dict"));
        };
        if let Some(i) = dd.map.get_index_of(k) {
            return Ok(Some(i));
        }
        let custom_involved = matches!(k.repr, KeyRepr::Custom(_)) || dd.map.may_have_custom();
        if !custom_involved {
            return Ok(None);
        }
        let candidates: Vec<(usize, ObjRef)> = dd
            .map
            .enumerate()
            .filter(|(_, ek, _)| ek.hash == k.hash)
            .map(|(i, _, &(ko, _))| (i, ko))
            .collect();
        for (i, ko) in candidates {
            if ko == key || self.eq_bool(ko, key)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// `d[key] = value` (borrowed arguments); items are owned by the dict.
    pub fn dict_set(&mut self, d: ObjRef, key: ObjRef, value: ObjRef) -> PyResult<()> {
        let k = self.dict_key(key)?;
        self.dict_set_keyed(d, k, key, value, Holder::Item(d))
    }

    /// `dict_set` for a namespace dict (module globals, class body, instance
    /// `__dict__`): the value's holder is the name.
    pub fn dict_set_name(&mut self, d: ObjRef, key: ObjRef, value: ObjRef) -> PyResult<()> {
        let k = self.dict_key(key)?;
        self.dict_set_keyed(d, k, key, value, Holder::Name { ns: d, key })
    }

    /// Stores with a precomputed key.
    pub fn dict_set_keyed(
        &mut self,
        d: ObjRef,
        k: DictKey,
        key: ObjRef,
        value: ObjRef,
        holder: Holder,
    ) -> PyResult<()> {
        let found = self.dict_find(d, &k, key)?;
        self.incref(value, holder);
        match found {
            Some(i) => {
                let dd = self.dict_mut(d)?;
                let Some((_, slot)) = dd.map.get_index_mut(i) else {
                    return Err(internal("dict index vanished"));
                };
                let (stored_key, old) = *slot;
                slot.1 = value;
                let holder = match holder {
                    Holder::Name { ns, .. } => Holder::Name {
                        ns,
                        key: stored_key,
                    },
                    h => h,
                };
                self.decref(old, holder);
            }
            None => {
                self.incref(key, Holder::Item(d));
                self.split_dict_add_key(d, key);
                let dd = self.dict_mut(d)?;
                dd.map.push(k, (key, value));
                dd.version += 1;
            }
        }
        self.gc_maintain_dict_tracking(d, key, value);
        Ok(())
    }

    /// Stores `value` under a str name (interning the name), for namespaces.
    pub fn dict_set_str(&mut self, d: ObjRef, name: &str, value: ObjRef) -> PyResult<()> {
        let key = self.intern(name);
        let r = self.dict_set_name(d, key, value);
        self.decref_temp(key);
        r
    }

    /// Removes `key`; returns the (owned) value, or None when absent.
    pub fn dict_pop(&mut self, d: ObjRef, key: ObjRef) -> PyResult<Option<ObjRef>> {
        let k = self.dict_key(key)?;
        let Some(i) = self.dict_find(d, &k, key)? else {
            return Ok(None);
        };
        Ok(Some(self.dict_remove_index(d, i)?))
    }

    /// Removes the entry at `i`, releasing the key; returns the owned value.
    pub fn dict_remove_index(&mut self, d: ObjRef, i: usize) -> PyResult<ObjRef> {
        let dd = self.dict_mut(d)?;
        let Some((_, (key, value))) = dd.map.remove_index(i) else {
            return Err(internal("dict index vanished"));
        };
        dd.version += 1;
        self.decref(key, Holder::Item(d));
        Ok(value)
    }

    /// `del d[key]`; false when absent.
    pub fn dict_del(&mut self, d: ObjRef, key: ObjRef) -> PyResult<bool> {
        match self.dict_pop(d, key)? {
            Some(v) => {
                self.decref(v, Holder::Item(d));
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn dict_len(&self, d: ObjRef) -> usize {
        dict_data(&self.heap, d).map_or(0, |dd| dd.map.len())
    }

    /// A new key in a split dict takes its index in the class's shared
    /// keys; when it cannot, the dict becomes combined (insertion order).
    fn split_dict_add_key(&mut self, d: ObjRef, key: ObjRef) {
        let Some(Payload::Dict(dd)) = self.heap.objects.get(d).map(|o| &o.payload) else {
            return;
        };
        let Some(shared) = dd.shared.clone() else {
            return;
        };
        let fits = self.heap.type_of(key) == self.types.str
            && self
                .str_value(key)
                .is_some_and(|n| shared.borrow_mut().index_or_insert(n).is_some());
        if !fits && let Payload::Dict(dd) = self.heap.payload_mut(d) {
            dd.shared = None;
        }
    }

    /// The entries of a split dict in the order of its shared keys (the
    /// order CPython releases and traverses its values); None for others.
    pub fn split_dict_order(&self, d: ObjRef) -> Option<Vec<(ObjRef, ObjRef)>> {
        let Some(Payload::Dict(dd)) = self.heap.objects.get(d).map(|o| &o.payload) else {
            return None;
        };
        let shared = dd.shared.as_ref()?.borrow();
        let mut entries: Vec<(usize, (ObjRef, ObjRef))> = dd
            .map
            .values()
            .map(|&(k, v)| {
                let ix = self.str_value(k).and_then(|n| shared.index(n));
                (ix.unwrap_or(usize::MAX), (k, v))
            })
            .collect();
        entries.sort_by_key(|&(ix, _)| ix);
        Some(entries.into_iter().map(|(_, e)| e).collect())
    }

    /// Snapshot of the entries (borrowed refs).
    pub fn dict_items(&self, d: ObjRef) -> Vec<(ObjRef, ObjRef)> {
        dict_data(&self.heap, d).map_or_else(Vec::new, |dd| dd.map.values().copied().collect())
    }

    /// Removes every entry, releasing keys and values in insertion order.
    /// A split dict releases its values in shared-key order and becomes combined.
    pub fn dict_clear(&mut self, d: ObjRef) -> PyResult<()> {
        let split = self.split_dict_order(d);
        let dd = self.dict_mut(d)?;
        dd.shared = None;
        let map = dd.map.take();
        dd.version += 1;
        if let Some(entries) = split {
            for &(_, v) in &entries {
                self.decref(v, Holder::Item(d));
            }
            for &(k, _) in &entries {
                self.decref(k, Holder::Item(d));
            }
            return Ok(());
        }
        for (_, (k, v)) in map {
            self.decref(k, Holder::Item(d));
            self.decref(v, Holder::Item(d));
        }
        Ok(())
    }
}
