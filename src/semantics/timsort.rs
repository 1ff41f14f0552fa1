//! CPython 3.11's `list.sort` (Objects/listobject.c, `listsort`): timsort
//! with binary insertion sort for short runs, `count_run`, powersort's merge
//! policy (`found_new_run`/`powerloop`) and galloping merges. The port keeps
//! every comparison in the same order with the same operands, so a
//! program's `__lt__` sees exactly the calls CPython makes.
//!
//! `lt(a, b)` is `a < b`; an error stops the sort at once, leaving `v` a
//! permutation of its input (as CPython leaves the list).

/// `MIN_GALLOP`.
const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'a, T, E> {
    v: &'a mut [T],
    lt: &'a mut dyn FnMut(T, T) -> Result<bool, E>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// Sorts `v` stably by `lt`, as CPython's `list.sort` does.
pub fn sort<T: Copy, E>(v: &mut [T], lt: &mut dyn FnMut(T, T) -> Result<bool, E>) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        v,
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = ms.count_run(lo, lo + remaining)?;
        if descending {
            ms.v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binarysort(lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(run, n)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse()
}

/// `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `powerloop`: the depth of the boundary between two adjacent runs in
/// the conceptual binary merge tree.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<T: Copy, E> MergeState<'_, T, E> {
    fn lt_at(&mut self, x: T, y: T) -> Result<bool, E> {
        (self.lt)(x, y)
    }

    /// `count_run`: the length of the run at `lo`, and whether it descends.
    fn count_run(&mut self, lo: usize, hi: usize) -> Result<(usize, bool), E> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 2;
        if self.lt_at(self.v[lo + 1], self.v[lo])? {
            while i < hi && self.lt_at(self.v[i], self.v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            while i < hi && !self.lt_at(self.v[i], self.v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// `binarysort`: `v[lo..start]` is sorted; insert the rest up to `hi`.
    fn binarysort(&mut self, lo: usize, hi: usize, mut start: usize) -> Result<(), E> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.v[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt_at(pivot, self.v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            self.v.copy_within(l..start, l + 1);
            self.v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// `found_new_run`: merge runs deeper than the new boundary.
    fn found_new_run(&mut self, n2: usize, n: usize) -> Result<(), E> {
        let Some(top) = self.pending.last() else {
            return Ok(());
        };
        let power = powerloop(top.base, top.len, n2, n);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(self.pending.len() - 2)?;
        }
        if let Some(top) = self.pending.last_mut() {
            top.power = power;
        }
        Ok(())
    }

    /// `merge_force_collapse`.
    fn force_collapse(&mut self) -> Result<(), E> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// `merge_at`: merges runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> Result<(), E> {
        let (base_a, na) = (self.pending[i].base, self.pending[i].len);
        let (base_b, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Where does b start in a? Elements of a before that are in place.
        let k = self.gallop_right(self.v[base_b], base_a, na, 0)?;
        let (base_a, na) = (base_a + k, na - k);
        if na == 0 {
            return Ok(());
        }
        // Where does a end in b? Elements of b after that are in place.
        let nb = self.gallop_left(self.v[base_a + na - 1], base_b, nb, nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(base_a, na, base_b, nb)
        } else {
            self.merge_hi(base_a, na, base_b, nb)
        }
    }

    /// `gallop_left`: the leftmost position in the sorted `v[a..a+n]` where
    /// `key` belongs, starting the search at `hint`.
    fn gallop_left(&mut self, key: T, a: usize, n: usize, hint: usize) -> Result<usize, E> {
        let (mut lastofs, mut ofs);
        lastofs = 0;
        ofs = 1;
        if self.lt_at(self.v[a + hint], key)? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt_at(self.v[a + hint + ofs], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt_at(self.v[a + hint - ofs], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            // lastofs = hint - ofs may be -1: keep it shifted by one.
            let lo = hint + 1 - ofs;
            ofs = hint - k;
            return self.gallop_left_finish(key, a, lo, ofs);
        }
        self.gallop_left_finish(key, a, lastofs + 1, ofs)
    }

    fn gallop_left_finish(
        &mut self,
        key: T,
        a: usize,
        mut lo: usize,
        mut hi: usize,
    ) -> Result<usize, E> {
        while lo < hi {
            let m = lo + ((hi - lo) >> 1);
            if self.lt_at(self.v[a + m], key)? {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        Ok(hi)
    }

    /// `gallop_right`: the rightmost position in the sorted `v[a..a+n]`
    /// where `key` belongs, starting the search at `hint`.
    fn gallop_right(&mut self, key: T, a: usize, n: usize, hint: usize) -> Result<usize, E> {
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        if self.lt_at(key, self.v[a + hint])? {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt_at(key, self.v[a + hint - ofs])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            let lo = hint + 1 - ofs;
            ofs = hint - k;
            return self.gallop_right_finish(key, a, lo, ofs);
        }
        let maxofs = n - hint;
        while ofs < maxofs {
            if self.lt_at(key, self.v[a + hint + ofs])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
        self.gallop_right_finish(key, a, lastofs + 1, ofs)
    }

    fn gallop_right_finish(
        &mut self,
        key: T,
        a: usize,
        mut lo: usize,
        mut hi: usize,
    ) -> Result<usize, E> {
        while lo < hi {
            let m = lo + ((hi - lo) >> 1);
            if self.lt_at(key, self.v[a + m])? {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        Ok(hi)
    }

    /// `merge_lo`: merges `a` (copied out, `na <= nb`) with `b` from the left.
    fn merge_lo(&mut self, base_a: usize, na: usize, base_b: usize, nb: usize) -> Result<(), E> {
        let tmp: Vec<T> = self.v[base_a..base_a + na].to_vec();
        let (mut dest, mut pa, mut pb) = (base_a, 0usize, base_b);
        let (mut na, mut nb) = (na, nb);
        let mut min_gallop = self.min_gallop;
        let result = (|| -> Result<bool, E> {
            // true: finished with "CopyB"; false: "Succeed".
            self.v[dest] = self.v[pb];
            dest += 1;
            pb += 1;
            nb -= 1;
            if nb == 0 {
                return Ok(false);
            }
            if na == 1 {
                return Ok(true);
            }
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if self.lt_at(self.v[pb], tmp[pa])? {
                        self.v[dest] = self.v[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.v[dest] = tmp[pa];
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = gallop_right_in(self, &tmp[pa..pa + na], self.v[pb])?;
                    acount = k;
                    if k > 0 {
                        self.v[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            return Ok(true);
                        }
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.v[dest] = self.v[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    let k = self.gallop_left(tmp[pa], pb, nb, 0)?;
                    bcount = k;
                    if k > 0 {
                        self.v.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.v[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            Ok(true) => {
                // CopyB: the last element of a belongs at the end.
                self.v.copy_within(pb..pb + nb, dest);
                self.v[dest + nb] = tmp[pa];
                Ok(())
            }
            other => {
                if na > 0 {
                    self.v[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                }
                other.map(|_| ())
            }
        }
    }

    /// `merge_hi`: merges `a` with `b` (copied out, `na > nb`) from the right.
    fn merge_hi(&mut self, base_a: usize, na: usize, base_b: usize, nb: usize) -> Result<(), E> {
        let tmp: Vec<T> = self.v[base_b..base_b + nb].to_vec();
        // Positions are one past the element they name, so they never go below 0.
        let mut dest = base_b + nb; // one past the next slot to fill
        let mut pa = base_a + na; // one past the current last of a
        let mut pb = nb; // one past the current last of b (in tmp)
        let (mut na, mut nb) = (na, nb);
        let mut min_gallop = self.min_gallop;
        let result = (|| -> Result<bool, E> {
            // true: finished with "CopyA"; false: "Succeed".
            dest -= 1;
            pa -= 1;
            self.v[dest] = self.v[pa];
            na -= 1;
            if na == 0 {
                return Ok(false);
            }
            if nb == 1 {
                return Ok(true);
            }
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if self.lt_at(tmp[pb - 1], self.v[pa - 1])? {
                        dest -= 1;
                        pa -= 1;
                        self.v[dest] = self.v[pa];
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        dest -= 1;
                        pb -= 1;
                        self.v[dest] = tmp[pb];
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = self.gallop_right(tmp[pb - 1], base_a, na, na - 1)?;
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        dest -= k;
                        pa -= k;
                        self.v.copy_within(pa..pa + k, dest);
                        na -= k;
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    dest -= 1;
                    pb -= 1;
                    self.v[dest] = tmp[pb];
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    let k = gallop_left_in(self, &tmp[..nb], self.v[pa - 1], nb - 1)?;
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        dest -= k;
                        pb -= k;
                        self.v[dest..dest + k].copy_from_slice(&tmp[pb..pb + k]);
                        nb -= k;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    dest -= 1;
                    pa -= 1;
                    self.v[dest] = self.v[pa];
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            Ok(true) => {
                // CopyA: the first element of b belongs at the front.
                dest -= na;
                pa -= na;
                self.v.copy_within(pa..pa + na, dest);
                self.v[dest - 1] = tmp[pb - 1];
                Ok(())
            }
            other => {
                if nb > 0 {
                    self.v[dest - nb..dest].copy_from_slice(&tmp[pb - nb..pb]);
                }
                other.map(|_| ())
            }
        }
    }
}

/// `gallop_right` over a copied-out run (`merge_lo`'s `a`), hint 0.
fn gallop_right_in<T: Copy, E>(
    ms: &mut MergeState<'_, T, E>,
    run: &[T],
    key: T,
) -> Result<usize, E> {
    let mut scratch = Scratch { ms, run };
    scratch.gallop(key, 0, true)
}

/// `gallop_left` over a copied-out run (`merge_hi`'s `b`).
fn gallop_left_in<T: Copy, E>(
    ms: &mut MergeState<'_, T, E>,
    run: &[T],
    key: T,
    hint: usize,
) -> Result<usize, E> {
    let mut scratch = Scratch { ms, run };
    scratch.gallop(key, hint, false)
}

/// Galloping over a run held outside the list (the merge's temp array).
struct Scratch<'s, 'a, T, E> {
    ms: &'s mut MergeState<'a, T, E>,
    run: &'s [T],
}

impl<T: Copy, E> Scratch<'_, '_, T, E> {
    /// `gallop_right` when `right`, else `gallop_left`, over `run`.
    fn gallop(&mut self, key: T, hint: usize, right: bool) -> Result<usize, E> {
        let n = self.run.len();
        let run = self.run;
        // "x is before key": a[i] < key for left, !(key < a[i]) for right.
        let before = |ms: &mut MergeState<'_, T, E>, x: T| -> Result<bool, E> {
            if right {
                Ok(!ms.lt_at(key, x)?)
            } else {
                ms.lt_at(x, key)
            }
        };
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        let (lo, hi);
        if before(self.ms, run[hint])? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if before(self.ms, run[hint + ofs])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lo = lastofs + hint + 1;
            hi = ofs + hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if before(self.ms, run[hint - ofs])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lo = hint + 1 - ofs;
            hi = hint - lastofs;
        }
        let (mut lo, mut hi) = (lo, hi);
        while lo < hi {
            let m = lo + ((hi - lo) >> 1);
            if before(self.ms, run[m])? {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        Ok(hi)
    }
}
