//! A model of CPython 3.11's dict key-table sizes (`Objects/dictobject.c`)
//! for `sys.getsizeof(dict)`: 8-slot minimum, usable = 2/3 of the slots,
//! growth to the power of two holding `used * 3` when the table runs out of
//! usable entries (deleted entries are not reusable), str-only "unicode"
//! tables with 16-byte entries versus general 24-byte entries, and the
//! pre-sizing of dict displays (`_PyDict_FromItems`).
//! Only ordinary (combined-table) dicts are modelled, not instance `__dict__`s.

/// `PyDict_LOG_MINSIZE`.
const LOG_MINSIZE: u8 = 3;

fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize` as compiled on 64-bit Linux:
/// `bit_length(((minsize | 8) - 1) | 7)` — note it is *not* the ceiling
/// log2 for small sizes and exact powers of two (1..=15 → 16, 16 → 32).
fn log2_keysize(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// The size-relevant state of a dict's keys object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictSizeModel {
    /// `dk_log2_size`, or `None` for the shared empty keys of `{}`.
    pub log2_size: Option<u8>,
    /// `dk_usable`: entries still insertable before a resize.
    pub usable: usize,
    /// `dk_nentries`: entries used, including deleted ones.
    pub nentries: usize,
    /// `ma_used`: live items (`len(d)`).
    pub used: usize,
    /// All keys are exact `str` (DICT_KEYS_UNICODE).
    pub unicode: bool,
}

impl Default for DictSizeModel {
    fn default() -> Self {
        Self::new()
    }
}

impl DictSizeModel {
    /// `{}` / `dict()`.
    pub fn new() -> Self {
        DictSizeModel {
            log2_size: None,
            usable: 0,
            nentries: 0,
            used: 0,
            unicode: true,
        }
    }

    fn resize(&mut self, log2: u8, unicode: bool) {
        self.log2_size = Some(log2);
        self.unicode = unicode;
        self.usable = usable_fraction(1 << log2) - self.used;
        self.nentries = self.used;
    }

    /// `_PyDict_FromItems` for `n` distinct keys (`BUILD_MAP n` /
    /// `BUILD_CONST_KEY_MAP n`): pre-sized, then `n` insertions.
    pub fn from_items(n: usize, all_str: bool) -> Self {
        let mut d = Self::new();
        if n > usable_fraction(1 << LOG_MINSIZE) {
            d.resize(log2_keysize((n * 3).div_ceil(2)), all_str);
        }
        for _ in 0..n {
            d.insert_new(all_str);
        }
        d
    }

    /// `dict_merge` of another dict with `n` new distinct keys into this
    /// non-empty dict (`d.update(other)`, `DICT_UPDATE`).
    pub fn merge_new(&mut self, n: usize, all_str: bool) {
        if let Some(log2) = self.log2_size
            && usable_fraction(1 << log2) < n
        {
            let unicode = all_str;
            self.resize(log2_keysize(((self.used + n) * 3).div_ceil(2)), unicode);
        }
        for _ in 0..n {
            self.insert_new(all_str);
        }
    }

    /// A display `{k: v, ...}` of `n` distinct keys as CPython 3.11 compiles
    /// it: chunks of 17 items (`STACK_USE_GUIDELINE`), the first built by
    /// [`DictSizeModel::from_items`], the others merged with `DICT_UPDATE`.
    pub fn display(n: usize, all_str: bool) -> Self {
        let mut chunks = vec![17; n / 17];
        if !n.is_multiple_of(17) {
            chunks.push(n % 17);
        }
        let Some((&first, rest)) = chunks.split_first() else {
            return Self::new();
        };
        let mut d = Self::from_items(first, all_str);
        for &c in rest {
            d.merge_new(c, all_str);
        }
        d
    }

    /// Inserting a key not yet present (`d[k] = v`, `setdefault`, ...).
    pub fn insert_new(&mut self, is_str: bool) {
        if self.log2_size.is_none() {
            self.resize(LOG_MINSIZE, is_str);
        } else if self.unicode && !is_str {
            self.resize(log2_keysize(self.used * 3), false);
        }
        if self.usable == 0 {
            self.resize(log2_keysize(self.used * 3), self.unicode);
        }
        self.usable -= 1;
        self.nentries += 1;
        self.used += 1;
    }

    /// Assigning to an existing key: only a non-str key into a str-only
    /// table changes the layout (it cannot exist there, so this is a no-op
    /// kept for symmetry).
    pub fn update_existing(&mut self) {}

    /// `del d[k]`, `pop`, `popitem`.
    pub fn delete(&mut self) {
        self.used -= 1;
    }

    /// `d.clear()`.
    pub fn clear(&mut self) {
        *self = Self::new();
    }

    /// `sys.getsizeof(d)` on 64-bit CPython 3.11.
    pub fn getsizeof(&self) -> usize {
        let Some(log2) = self.log2_size else {
            return 64;
        };
        let index_bytes = match log2 {
            0..8 => 1,
            8..16 => 2,
            16..32 => 4,
            _ => 8,
        } << log2;
        let entry = if self.unicode { 16 } else { 24 };
        64 + 32 + index_bytes + usable_fraction(1 << log2) * entry
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_cpython() {
        for line in include_str!("testdata/dict_sizes.txt").lines() {
            let mut d = DictSizeModel::new();
            for op in line.split(';') {
                let t: Vec<&str> = op.split(' ').collect();
                let n = |i: usize| -> usize { t[i].parse().unwrap() };
                match t[0] {
                    "display_s" => d = DictSizeModel::display(n(1), true),
                    "display_i" => d = DictSizeModel::display(n(1), false),
                    "ins_s" => d.insert_new(true),
                    "ins_i" => d.insert_new(false),
                    "del" => d.delete(),
                    "clear" => d.clear(),
                    "size" => assert_eq!(d.getsizeof(), n(1), "{op} in {line}"),
                    o => panic!("{o}"),
                }
            }
        }
    }
}
