//! More builtin functions: min/max/sum/sorted/abs/all/any/divmod/pow/round,
//! chr/ord/bin/hex/oct/format, vars/globals/locals, exit/quit.

use super::compare::CompareOp;
use crate::ast::Operator;
use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `locals()` of the running frame as a new reference to a dict.
pub fn current_locals(vm: &mut Vm) -> PyResult {
    let Some(frame) = vm.frames.last() else {
        let d = vm.types.builtins_dict;
        return Ok(vm.new_ref(d));
    };
    if let Some(l) = frame.locals {
        return Ok(vm.new_ref(l));
    }
    let code = frame.code.clone();
    let values: Vec<Option<ObjRef>> = frame.fast.clone();
    let d = vm.new_dict();
    for (i, name) in code.localsplusnames.iter().enumerate() {
        let Some(Some(mut v)) = values.get(i).copied() else {
            continue;
        };
        let kind = code.localspluskinds.get(i).copied().unwrap_or(0);
        if kind & (crate::bytecode::CO_FAST_CELL | crate::bytecode::CO_FAST_FREE) != 0 {
            match vm.heap.payload(v) {
                Payload::Cell(Some(c)) => v = *c,
                Payload::Cell(None) => continue,
                _ => {}
            }
        }
        vm.dict_set_str(d, name, v)?;
    }
    Ok(d)
}

fn b_globals(vm: &mut Vm, _a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let g = vm
        .frames
        .last()
        .map(|f| f.globals)
        .unwrap_or(vm.types.builtins_dict);
    Ok(vm.new_ref(g))
}

fn b_locals(vm: &mut Vm, _a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    current_locals(vm)
}

fn b_vars(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    match args.first() {
        None => current_locals(vm),
        Some(&o) => match vm.getattr_opt(o, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

/// min/max over an iterable or arguments, with `key` and `default`.
fn min_max(
    vm: &mut Vm,
    args: &[ObjRef],
    k: Option<&[Rc<str>]>,
    name: &str,
    op: CompareOp,
) -> PyResult {
    let (pos, kw) = super::native::split_kwargs(args, k);
    let mut key = None;
    let mut default = None;
    for (kn, v) in kw {
        match &*kn {
            "key" => key = Some(v).filter(|&v| v != vm.types.none),
            "default" => default = Some(v),
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() got an unexpected keyword argument '{kn}'"
                )));
            }
        }
    }
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if pos.len() == 1 {
        vm.collect_iterable(pos[0])?
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        for &p in pos {
            vm.incref(p, Holder::Temp);
        }
        pos.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(vm.new_ref(d)),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best: Option<(ObjRef, ObjRef)> = None;
    let mut err = None;
    for &it in &items {
        let kv = match key {
            Some(f) => match vm.call(f, &[it], None) {
                Ok(v) => v,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            },
            None => vm.new_ref(it),
        };
        match best {
            None => best = Some((it, kv)),
            Some((_, bk)) => match vm.compare_bool(kv, bk, op) {
                Ok(true) => {
                    vm.decref_temp(bk);
                    best = Some((it, kv));
                }
                Ok(false) => vm.decref_temp(kv),
                Err(e) => {
                    vm.decref_temp(kv);
                    err = Some(e);
                    break;
                }
            },
        }
    }
    let result = best.map(|(b, bk)| {
        vm.decref_temp(bk);
        vm.new_ref(b)
    });
    vm.decref_all(items);
    match (err, result) {
        (Some(e), r) => {
            if let Some(r) = r {
                vm.decref_temp(r);
            }
            Err(e)
        }
        (None, Some(r)) => Ok(r),
        (None, None) => Ok(vm.none()),
    }
}

fn b_min(vm: &mut Vm, a: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    min_max(vm, a, k, "min", CompareOp::Lt)
}
fn b_max(vm: &mut Vm, a: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    min_max(vm, a, k, "max", CompareOp::Gt)
}

fn b_sum(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args("sum", args, k, &["iterable", "start"], 1)?;
    let start = a[1];
    if let Some(s) = start
        && vm.str_value(s).is_some()
    {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.get_iter(a[0].unwrap_or(vm.types.none))?;
    let mut acc = match start {
        Some(s) => vm.new_ref(s),
        None => vm.new_int(0),
    };
    loop {
        match vm.iter_next(it) {
            Ok(Some(x)) => {
                let r = vm.binary_op(acc, x, Operator::Add, false);
                vm.decref_temp(x);
                vm.decref_temp(acc);
                match r {
                    Ok(v) => acc = v,
                    Err(e) => {
                        vm.decref_temp(it);
                        return Err(e);
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                vm.decref_temp(acc);
                vm.decref_temp(it);
                return Err(e);
            }
        }
    }
    vm.decref_temp(it);
    Ok(acc)
}

fn b_sorted(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let (pos, _) = super::native::split_kwargs(args, k);
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let l = vm.list_from_iterable(pos[0])?;
    let mut full = vec![l];
    full.extend_from_slice(&args[1..]);
    match vm.call_method_kw(l, "sort", &args[1..], k) {
        Ok(r) => {
            vm.decref_temp(r);
            Ok(l)
        }
        Err(e) => {
            vm.decref_temp(l);
            Err(e)
        }
    }
}

fn b_abs(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("abs", args.len(), 1, 1)?;
    let o = args[0];
    match vm.heap.payload(o) {
        Payload::Int(_) | Payload::Bool(_) => {
            let v = vm.bigint_value(o).unwrap_or_default();
            Ok(vm.new_bigint(if v < 0.into() { -v } else { v }))
        }
        Payload::Float(f) => {
            let f = f.abs();
            Ok(vm.new_float(f))
        }
        Payload::Complex(c) => {
            let c = *c;
            super::complex::complex_abs(vm, c)
        }
        _ => {
            if vm.lookup_type_attr(vm.heap.type_of(o), "__abs__").is_some() {
                return vm.call_method(o, "__abs__", &[]);
            }
            let tn = vm.type_name_of(o);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn all_any(vm: &mut Vm, args: &[ObjRef], want: bool, name: &str) -> PyResult {
    vm.check_nargs(name, args.len(), 1, 1)?;
    let it = vm.get_iter(args[0])?;
    let r = loop {
        match vm.iter_next(it) {
            Ok(Some(x)) => {
                let t = vm.is_true(x);
                vm.decref_temp(x);
                match t {
                    Ok(t) if t == want => break Ok(want),
                    Ok(_) => {}
                    Err(e) => break Err(e),
                }
            }
            Ok(None) => break Ok(!want),
            Err(e) => break Err(e),
        }
    };
    vm.decref_temp(it);
    let r = r?;
    Ok(vm.bool(r))
}
fn b_all(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    all_any(vm, a, false, "all")
}
fn b_any(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    all_any(vm, a, true, "any")
}

fn b_divmod(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("divmod", args.len(), 2, 2)?;
    let ty = vm.heap.type_of(args[0]);
    if vm.is_heap_type(ty) && vm.has_python_override(ty, "__divmod__") {
        return vm.call_method(args[0], "__divmod__", &[args[1]]);
    }
    let q = vm
        .binary_op(args[0], args[1], Operator::FloorDiv, false)
        .map_err(|e| fix_divmod_err(vm, e, args))?;
    let r = match vm.binary_op(args[0], args[1], Operator::Mod, false) {
        Ok(r) => r,
        Err(e) => {
            vm.decref_temp(q);
            return Err(e);
        }
    };
    Ok(vm.new_tuple(vec![q, r]))
}

fn fix_divmod_err(
    vm: &mut Vm,
    e: crate::runtime::vm::PyErr,
    args: &[ObjRef],
) -> crate::runtime::vm::PyErr {
    if vm.err_matches(&e, vm.types.type_error) {
        vm.discard_err(e);
        let (a, b) = (vm.type_name_of(args[0]), vm.type_name_of(args[1]));
        return vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{a}' and '{b}'"
        ));
    }
    let is_float = |vm: &Vm, o: ObjRef| matches!(vm.heap.payload(o), Payload::Float(_));
    if vm.err_matches(&e, vm.types.zero_division_error)
        && (is_float(vm, args[0]) || is_float(vm, args[1]))
    {
        // float_divmod's own message, not floor division's.
        vm.discard_err(e);
        let t = vm.types.zero_division_error;
        return vm.new_exception(t, "float divmod()");
    }
    e
}

fn b_pow(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args("pow", args, k, &["base", "exp", "mod"], 2)?;
    let (b, e) = (a[0].unwrap_or(vm.types.none), a[1].unwrap_or(vm.types.none));
    match a[2].filter(|&m| m != vm.types.none) {
        None => vm.binary_op(b, e, Operator::Pow, false),
        Some(m) => {
            if super::complex::complex_value(vm, b).is_some()
                || super::complex::complex_value(vm, e).is_some()
            {
                return Err(vm.value_error("complex modulo"));
            }
            let (Some(x), Some(y), Some(z)) =
                (vm.bigint_value(b), vm.bigint_value(e), vm.bigint_value(m))
            else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            match crate::semantics::int_ops::pow_mod(&x, &y, &z) {
                Ok(v) => Ok(vm.new_bigint(v)),
                Err(e) => Err(vm.exc_from_spec(e)),
            }
        }
    }
}

fn b_round(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args("round", args, k, &["number", "ndigits"], 1)?;
    let x = a[0].unwrap_or(vm.types.none);
    let nd = a[1].filter(|&n| n != vm.types.none);
    match vm.heap.payload(x) {
        Payload::Float(f) => {
            let f = *f;
            match nd {
                None => match crate::semantics::float_ops::round_to_int(f) {
                    Ok(i) => Ok(vm.new_bigint(i)),
                    Err(e) => Err(vm.exc_from_spec(e)),
                },
                Some(n) => {
                    let n = vm.index_value(n)?;
                    match crate::semantics::float_ops::round_ndigits(f, n) {
                        Ok(v) => Ok(vm.new_float(v)),
                        Err(e) => Err(vm.exc_from_spec(e)),
                    }
                }
            }
        }
        Payload::Int(_) | Payload::Bool(_) => {
            let v = vm.bigint_value(x).unwrap_or_default();
            match nd {
                None => Ok(vm.new_bigint(v)),
                Some(n) => {
                    let n = vm.index_value(n)?;
                    if n >= 0 {
                        return Ok(vm.new_bigint(v));
                    }
                    let p = num_bigint::BigInt::from(10).pow((-n) as u32);
                    let half = &p / 2;
                    let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
                    let q = if r > half || (r == half && num_integer::Integer::is_odd(&q)) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(vm.new_bigint(q * p))
                }
            }
        }
        _ => {
            if vm
                .lookup_type_attr(vm.heap.type_of(x), "__round__")
                .is_some()
            {
                return match nd {
                    Some(n) => vm.call_method(x, "__round__", &[n]),
                    None => vm.call_method(x, "__round__", &[]),
                };
            }
            let tn = vm.type_name_of(x);
            Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

fn b_chr(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("chr", args.len(), 1, 1)?;
    let Some(i) = vm.small_int_value(args[0]) else {
        if vm.bigint_value(args[0]).is_some() {
            return Err(vm.overflow_error("Python int too large to convert to C int"));
        }
        let tn = vm.type_name_of(args[0]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.new_str(c.encode_utf8(&mut [0; 4]))),
        None if (0..=0x10ffff).contains(&i) => {
            Err(vm.value_error("surrogate characters are not supported by pysim"))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("ord", args.len(), 1, 1)?;
    let o = args[0];
    match vm.heap.payload(o) {
        Payload::Str(s) => {
            let mut cs = s.text.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(vm.new_int(c as i64)),
                _ => {
                    let n = s.char_len;
                    Err(vm.type_error(format!(
                        "ord() expected a character, but string of length {n} found"
                    )))
                }
            }
        }
        Payload::Bytes(b) if b.len() == 1 => {
            let v = b[0];
            Ok(vm.new_int(i64::from(v)))
        }
        _ => {
            let tn = vm.type_name_of(o);
            Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
        }
    }
}

fn radix(
    vm: &mut Vm,
    args: &[ObjRef],
    name: &str,
    f: fn(&num_bigint::BigInt) -> String,
) -> PyResult {
    vm.check_nargs(name, args.len(), 1, 1)?;
    let v = match vm.bigint_value(args[0]) {
        Some(v) => v,
        None => num_bigint::BigInt::from(vm.index_value(args[0])?),
    };
    Ok(vm.new_string(f(&v)))
}
fn b_bin(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    radix(vm, a, "bin", crate::semantics::int_ops::bin)
}
fn b_oct(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    radix(vm, a, "oct", crate::semantics::int_ops::oct)
}
fn b_hex(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    radix(vm, a, "hex", crate::semantics::int_ops::hex)
}

fn b_format(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("format", args.len(), 1, 2)?;
    let spec = match args.get(1) {
        Some(&s) => vm.expect_str(s, "format() argument 2")?,
        None => Rc::from(""),
    };
    vm.format(args[0], &spec)
}

fn b_exit(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let t = vm.types.system_exit;
    let a: Vec<ObjRef> = args.iter().map(|&a| vm.new_ref(a)).collect();
    Err(vm.new_exception_args(t, a))
}

static MORE: &[NativeDef] = &[
    native!("globals", b_globals),
    native!("locals", b_locals),
    native!("vars", b_vars),
    native!("min", b_min),
    native!("max", b_max),
    native!("sum", b_sum),
    native!("sorted", b_sorted),
    native!("abs", b_abs),
    native!("all", b_all),
    native!("any", b_any),
    native!("divmod", b_divmod),
    native!("pow", b_pow),
    native!("round", b_round),
    native!("chr", b_chr),
    native!("ord", b_ord),
    native!("bin", b_bin),
    native!("oct", b_oct),
    native!("hex", b_hex),
    native!("format", b_format),
    native!("exit", b_exit),
    native!("quit", b_exit),
];

pub(super) fn install(vm: &mut Vm, d: ObjRef, m: ObjRef) {
    vm.add_module_functions(d, m, MORE);
}
