//! `math`'s integer functions: gcd, lcm, factorial, comb, perm, isqrt, on
//! arbitrary-precision ints, with CPython 3.11's argument errors.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

type Kw<'a> = Option<&'a [Rc<str>]>;

/// An integer argument (`__index__`): ints and bools only, else
/// "'float' object cannot be interpreted as an integer".
pub(super) fn to_int(vm: &mut Vm, o: ObjRef) -> PyResult<BigInt> {
    if let Some(b) = vm.bigint_value(o) {
        return Ok(b);
    }
    if let Payload::Bool(b) = vm.heap.payload(o) {
        return Ok(BigInt::from(*b as i64));
    }
    vm.index_value(o).map(BigInt::from)
}

fn m_gcd(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let mut g = BigInt::zero();
    for &a in args {
        let v = to_int(vm, a)?;
        g = g.gcd(&v);
    }
    Ok(vm.new_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let mut l = BigInt::one();
    for &a in args {
        let v = to_int(vm, a)?;
        l = if l.is_zero() || v.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&v)
        };
    }
    Ok(vm.new_bigint(l.abs()))
}

fn product(lo: u64, hi: u64) -> BigInt {
    // Product of lo..=hi by splitting in halves (fast for large ranges).
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        return (lo..=hi).fold(BigInt::one(), |acc, k| acc * k);
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

/// A non-negative machine-sized count, or CPython's errors.
fn count_arg(vm: &mut Vm, v: &BigInt, negative_msg: &str, name: &str) -> PyResult<u64> {
    if v.is_negative() {
        return Err(vm.value_error(negative_msg.to_string()));
    }
    match v.to_u64() {
        Some(n) if n <= 100_000 => Ok(n),
        _ => Err(vm.overflow_error(format!(
            "{name} argument too large for pysim (at most 100000)"
        ))),
    }
}

fn m_factorial(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("factorial", args.len(), 1, 1)?;
    let n = to_int(vm, args[0])?;
    let n = count_arg(
        vm,
        &n,
        "factorial() not defined for negative values",
        "factorial()",
    )?;
    Ok(vm.new_bigint(product(1, n)))
}

fn two_ints(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<(BigInt, Option<BigInt>)> {
    if args.is_empty() || args.len() > 2 {
        let expected = if name == "perm" { "1 to 2" } else { "2" };
        return Err(vm.type_error(format!(
            "{name} expected {expected} arguments, got {}",
            args.len()
        )));
    }
    let n = to_int(vm, args[0])?;
    let k = match args.get(1) {
        Some(&k) if k != vm.types.none => Some(to_int(vm, k)?),
        _ => None,
    };
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!("comb expected 2 arguments, got {}", args.len())));
    }
    let (n, k) = two_ints(vm, args, "comb")?;
    let k = k.unwrap_or_default();
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = count_arg(vm, &k, "k must be a non-negative integer", "comb()")?;
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(vm.new_bigint(r))
}

fn m_perm(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    let (n, k) = two_ints(vm, args, "perm")?;
    let Some(k) = k else {
        let n = count_arg(
            vm,
            &n,
            "factorial() not defined for negative values",
            "perm()",
        )?;
        return Ok(vm.new_bigint(product(1, n)));
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = count_arg(vm, &k, "k must be a non-negative integer", "perm()")?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(vm.new_bigint(r))
}

fn m_isqrt(vm: &mut Vm, args: &[ObjRef], _k: Kw) -> PyResult {
    vm.check_nargs("isqrt", args.len(), 1, 1)?;
    let n = to_int(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

static FUNCTIONS: &[NativeDef] = &[
    native!("gcd", m_gcd),
    native!("lcm", m_lcm),
    native!("factorial", m_factorial),
    native!("comb", m_comb),
    native!("perm", m_perm),
    native!("isqrt", m_isqrt),
];

/// Adds the integer functions to `math`'s dict.
pub(super) fn add_functions(vm: &mut Vm, dict: ObjRef) {
    vm.add_module_functions(dict, dict, FUNCTIONS);
}
