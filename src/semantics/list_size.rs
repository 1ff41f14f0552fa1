//! A model of CPython 3.11's list over-allocation (`list_resize` and the
//! exact pre-allocations of displays, `list(sized)`, `*`, `+` and slices) so
//! that `sys.getsizeof(list)` (= 56 + 8 * allocated on 64-bit) matches.

/// Length and allocated capacity of a list, as CPython tracks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListSizeModel {
    pub len: usize,
    pub allocated: usize,
    /// `ob_item == NULL` (fresh empty list, after `clear()`): the next
    /// `extend` of a sized sequence pre-allocates exactly.
    pub items_null: bool,
}

impl Default for ListSizeModel {
    fn default() -> Self {
        ListSizeModel {
            len: 0,
            allocated: 0,
            items_null: true,
        }
    }
}

impl ListSizeModel {
    /// `[]` / `list()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Exactly `n` slots: `BUILD_LIST n` (a display of at most 30 items,
    /// not all constants), `a + b`, `a * k`, slices, `copy()`.
    pub fn exact(n: usize) -> Self {
        ListSizeModel {
            len: n,
            allocated: n,
            items_null: n == 0,
        }
    }

    /// `list_preallocate_exact`: `n` rounded up to even (`list(sized)`,
    /// first `extend` of an empty list by a list/tuple).
    pub fn preallocated(n: usize) -> Self {
        if n == 0 {
            return Self::default();
        }
        ListSizeModel {
            len: n,
            allocated: (n + 1) & !1,
            items_null: false,
        }
    }

    /// A list display of `n` items as CPython 3.11 compiles it: all
    /// constants and `n > 2` → `BUILD_LIST 0` + `LIST_EXTEND` of a tuple;
    /// else `n <= 30` → `BUILD_LIST n`; else `BUILD_LIST 0` + `n` appends.
    pub fn display(n: usize, all_const: bool) -> Self {
        if all_const && n > 2 {
            Self::preallocated(n)
        } else if n <= 30 {
            Self::exact(n)
        } else {
            let mut l = Self::new();
            (0..n).for_each(|_| l.push());
            l
        }
    }

    /// `list_resize(self, newsize)`.
    pub fn resize(&mut self, newsize: usize) {
        if self.allocated >= newsize && newsize >= (self.allocated >> 1) {
            self.len = newsize;
            return;
        }
        let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
        if newsize.saturating_sub(self.len) > new_allocated - newsize {
            new_allocated = (newsize + 3) & !3;
        }
        if newsize == 0 {
            new_allocated = 0;
        }
        self.allocated = new_allocated;
        self.len = newsize;
        self.items_null = false;
    }

    /// `append(x)` / `insert(i, x)` / list-comprehension append.
    pub fn push(&mut self) {
        self.resize(self.len + 1);
    }

    /// `pop()` / `pop(i)` / `del a[i]` / `remove(x)`.
    pub fn pop(&mut self) {
        self.resize(self.len - 1);
    }

    /// `del a[i:j]` or a slice assignment changing the length by `-d` or `+d`.
    /// A result of length 0 clears the list (`_list_clear`).
    pub fn ass_slice(&mut self, removed: usize, inserted: usize) {
        if self.len + inserted == removed {
            self.clear();
        } else if inserted != removed {
            self.resize(self.len + inserted - removed);
        }
    }

    /// `clear()` (also `del a[:]`).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// `extend(x)` / `+=` where `x` is a list or tuple of `n` items.
    pub fn extend_sequence(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if self.items_null {
            *self = Self::preallocated(n);
        } else {
            self.resize(self.len + n);
        }
    }

    /// `extend(iterable)` for any other iterable: `hint` is
    /// `operator.length_hint(iterable, 8)`, `actual` the number of items produced.
    pub fn extend_iter(&mut self, hint: usize, actual: usize) {
        let m = self.len;
        self.resize(m + hint);
        self.len = m;
        for _ in 0..actual {
            if self.len < self.allocated {
                self.len += 1;
            } else {
                self.push();
            }
        }
        if self.len < self.allocated {
            self.resize(self.len);
        }
    }

    /// `list(iterable)`: `len` is `Some(n)` when the iterable has `__len__`
    /// (then `hint`/`actual` equal it), else the length hint and item count.
    pub fn from_iterable(len: Option<usize>, hint: usize, actual: usize) -> Self {
        let mut l = Self::new();
        match len {
            Some(n) if n > 0 => l = Self::preallocated(n),
            Some(_) => {}
            None => l.extend_iter(hint, actual),
        }
        l
    }

    /// `sys.getsizeof(list)` on 64-bit CPython 3.11.
    pub fn getsizeof(&self) -> usize {
        56 + 8 * self.allocated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_cpython() {
        for line in include_str!("testdata/list_sizes.txt").lines() {
            let mut l = ListSizeModel::new();
            for op in line.split(';') {
                let t: Vec<&str> = op.split(' ').collect();
                let n = |i: usize| -> usize { t[i].parse().unwrap() };
                match t[0] {
                    "display" => l = ListSizeModel::display(n(1), true),
                    "display_var" => l = ListSizeModel::display(n(1), false),
                    "append" => l.push(),
                    "pop" => l.pop(),
                    "insert0" => l.push(),
                    "pop0" => l.pop(),
                    "extend_list" => l.extend_sequence(n(1)),
                    "extend_gen" => l.extend_iter(8, n(1)),
                    "list_list" => l = ListSizeModel::from_iterable(Some(n(1)), n(1), n(1)),
                    "list_gen" => l = ListSizeModel::from_iterable(None, 8, n(1)),
                    "repeat" => l = ListSizeModel::exact(l.len * n(1)),
                    "clear" => l.clear(),
                    "delslice" => l.ass_slice(n(1), 0),
                    "size" => assert_eq!(l.getsizeof(), n(1), "{op} in {line}"),
                    o => panic!("{o}"),
                }
            }
        }
    }
}
