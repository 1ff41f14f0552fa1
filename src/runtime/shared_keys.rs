//! 3.11's shared keys (`ht_cached_keys`, split dicts): every class whose
//! instances have a managed `__dict__` owns one key table that all its
//! instances share. An attribute name gets its index the first time any
//! instance of the class stores it; an instance's values live at those
//! indices, so they are released (and traversed) in the order the *class*
//! first saw each name, whatever order this instance set them in (`vars()`
//! still lists the instance's own insertion order).
//!
//! The table takes at most 30 names (`SHARED_KEYS_MAX_SIZE`), and each new
//! instance made by `object.__new__` shrinks the room left for new names by
//! one (`init_inline_values`). A name that does not fit, or a key that is
//! not an exact str, turns that instance's dict into an ordinary combined
//! dict, keeping its insertion order (`dictresize`); so does `clear()`.

use std::cell::RefCell;
use std::rc::Rc;

/// `SHARED_KEYS_MAX_SIZE`.
const MAX_SIZE: u32 = 30;

/// A class's shared key table.
#[derive(Debug)]
pub struct SharedKeys {
    names: Vec<Rc<str>>,
    /// `dk_usable`: how many more names may still be added.
    usable: u32,
}

/// The table, shared by the class and its instances' split dicts.
pub type SharedKeysRef = Rc<RefCell<SharedKeys>>;

impl SharedKeys {
    /// `_PyDict_NewKeysForClass`.
    pub fn new_for_class() -> SharedKeysRef {
        Rc::new(RefCell::new(SharedKeys {
            names: Vec::new(),
            usable: MAX_SIZE,
        }))
    }

    /// `init_inline_values`: a new instance leaves one name less of room.
    pub fn on_new_instance(&mut self) {
        if self.usable > 1 {
            self.usable -= 1;
        }
    }

    /// The index of `name`, added when there is room (`insert_into_dictkeys`).
    pub fn index_or_insert(&mut self, name: &str) -> Option<usize> {
        if let Some(i) = self.index(name) {
            return Some(i);
        }
        if self.usable == 0 {
            return None;
        }
        self.usable -= 1;
        self.names.push(name.into());
        Some(self.names.len() - 1)
    }

    /// The index of `name` in the table.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| &**n == name)
    }
}
