//! Slice index arithmetic shared by str, bytes, list, tuple and range:
//! CPython's `PySlice_Unpack` (None defaults, clamping to `Py_ssize_t`, the
//! zero-step error) followed by `PySlice_AdjustIndices`.

use super::{PyExcSpec, PyResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

const SSIZE_MAX: i64 = i64::MAX;
const SSIZE_MIN: i64 = i64::MIN;

fn clamp(v: &BigInt) -> i64 {
    v.to_i64().unwrap_or(if v.is_negative() {
        SSIZE_MIN
    } else {
        SSIZE_MAX
    })
}

/// `PySlice_Unpack`: `(start, stop, step)` before adjusting to a length.
pub fn unpack(
    start: Option<&BigInt>,
    stop: Option<&BigInt>,
    step: Option<&BigInt>,
) -> PyResult<(i64, i64, i64)> {
    let step = match step {
        None => 1,
        Some(s) => {
            let s = clamp(s);
            if s == 0 {
                return Err(PyExcSpec::value_error("slice step cannot be zero"));
            }
            s.max(-SSIZE_MAX)
        }
    };
    let start = start.map_or(if step < 0 { SSIZE_MAX } else { 0 }, clamp);
    let stop = stop.map_or(if step < 0 { SSIZE_MIN } else { SSIZE_MAX }, clamp);
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clamps `start`/`stop` to a sequence of `length`
/// items and returns `(start, stop, slicelength)`.
pub fn adjust_indices(
    length: usize,
    mut start: i64,
    mut stop: i64,
    step: i64,
) -> (i64, i64, usize) {
    let length = length as i64;
    let fix = |v: &mut i64| {
        if *v < 0 {
            *v = v.saturating_add(length);
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= length {
            *v = if step < 0 { length - 1 } else { length };
        }
    };
    fix(&mut start);
    fix(&mut stop);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, n as usize)
}

/// Unpack and adjust in one go: `(start, stop, step, slicelength)`; item `k`
/// of the slice is at index `start + k * step`.
pub fn slice_indices(
    length: usize,
    start: Option<&BigInt>,
    stop: Option<&BigInt>,
    step: Option<&BigInt>,
) -> PyResult<(i64, i64, i64, usize)> {
    let (a, b, s) = unpack(start, stop, step)?;
    let (a, b, n) = adjust_indices(length, a, b, s);
    Ok((a, b, s, n))
}

/// The indices a slice selects, in order.
pub fn slice_positions(start: i64, step: i64, slicelength: usize) -> impl Iterator<Item = usize> {
    (0..slicelength).map(move |k| (start + k as i64 * step) as usize)
}

/// `seq[i]` index normalisation: `Some(position)` when in range (negative
/// indices count from the end), `None` for the caller's IndexError
/// ("list index out of range", "string index out of range", ...).
pub fn normalize_index(i: &BigInt, length: usize) -> Option<usize> {
    let i = i.to_i64()?;
    let j = if i < 0 {
        i.checked_add(length as i64)?
    } else {
        i
    };
    (0 <= j && (j as usize) < length).then_some(j as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opt(s: &str) -> Option<BigInt> {
        (s != "None").then(|| s.parse().unwrap())
    }

    #[test]
    fn slices_match_cpython() {
        for line in include_str!("testdata/slices.txt").lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let len: usize = f[0].parse().unwrap();
            let (a, b, c) = (opt(f[1]), opt(f[2]), opt(f[3]));
            let got = match slice_indices(len, a.as_ref(), b.as_ref(), c.as_ref()) {
                Ok((start, _stop, step, n)) => slice_positions(start, step, n)
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
                Err(e) => format!("!{}", e.msg),
            };
            assert_eq!(got, f[4], "{line}");
        }
    }

    #[test]
    fn index_normalisation() {
        assert_eq!(normalize_index(&BigInt::from(-1), 3), Some(2));
        assert_eq!(normalize_index(&BigInt::from(3), 3), None);
        assert_eq!(normalize_index(&BigInt::from(-4), 3), None);
    }
}
