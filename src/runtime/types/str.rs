//! `str`: construction (`str(x)`, `str(b, encoding)`), the string methods
//! (via `semantics::str_methods`), `str.format`, and `encode`.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use crate::semantics::{str_methods as sm, unicode};
use std::rc::Rc;

fn s_of(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<Rc<str>> {
    match args.first().and_then(|&a| vm.str_rc(a)) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'str' object"))),
    }
}

fn arg_str(vm: &mut Vm, o: ObjRef, fname: &str) -> PyResult<Rc<str>> {
    match vm.str_rc(o) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name_of(o);
            Err(vm.type_error(
                format!("{fname} arg must be None or str, not {tn}")
                    .replace("arg must be None or str, not", "argument must be str, not"),
            ))
        }
    }
}

fn opt_index(vm: &mut Vm, o: Option<&ObjRef>) -> PyResult<Option<i64>> {
    match o {
        Some(&o) if o != vm.types.none => Ok(Some(vm.index_value(o)?)),
        _ => Ok(None),
    }
}

fn spec<T>(vm: &mut Vm, r: crate::semantics::PyResult<T>) -> PyResult<T> {
    r.map_err(|e| vm.exc_from_spec(e))
}

fn str_list(vm: &mut Vm, parts: Vec<String>) -> ObjRef {
    let items = parts.into_iter().map(|p| vm.new_string(p)).collect();
    vm.new_list(items)
}

fn str_new(vm: &mut Vm, args: &[ObjRef], kwnames: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    let a = vm.parse_args(
        "str",
        &args[2..],
        kwnames,
        &["object", "encoding", "errors"],
        0,
    )?;
    let text: String = match (a[0], a[1]) {
        (None, _) => String::new(),
        (Some(o), Some(_)) | (Some(o), None)
            if matches!(vm.heap.payload(o), Payload::Bytes(_))
                && (a[1].is_some() || a[2].is_some()) =>
        {
            match vm.heap.payload(o) {
                Payload::Bytes(b) => match std::str::from_utf8(b) {
                    Ok(s) => s.to_string(),
                    Err(e) => {
                        let pos = e.valid_up_to();
                        let byte = b[pos];
                        return Err(vm.value_error(format!(
                            "'utf-8' codec can't decode byte {byte:#04x} in position {pos}: invalid start byte"
                        )));
                    }
                },
                _ => String::new(),
            }
        }
        (Some(o), _) => {
            if cls == vm.types.str {
                return vm.str_(o);
            }
            vm.str_string(o)?
        }
    };
    if cls == vm.types.str {
        return Ok(vm.new_string(text));
    }
    Ok(vm.alloc(
        cls,
        Payload::Str(super::constructors::make_pystr(Rc::from(text))),
    ))
}

fn str_join(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let sep = s_of(vm, args, "join")?;
    vm.check_nargs("str.join", args.len() - 1, 1, 1)?;
    let items = vm.collect_iterable(args[1])?;
    let mut out = String::new();
    for (i, &it) in items.iter().enumerate() {
        match vm.str_value(it) {
            Some(s) => {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(s);
            }
            None => {
                let tn = vm.type_name_of(it);
                vm.decref_all(items);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    if items.len() == 1 && vm.heap.type_of(items[0]) == vm.types.str {
        let only = items[0];
        return Ok(only);
    }
    vm.decref_all(items);
    Ok(vm.new_string(out))
}

fn split_common(
    vm: &mut Vm,
    args: &[ObjRef],
    k: Option<&[Rc<str>]>,
    name: &str,
    rev: bool,
) -> PyResult {
    let s = s_of(vm, args, name)?;
    let a = vm.parse_args(name, &args[1..], k, &["sep", "maxsplit"], 0)?;
    let sep = match a[0] {
        Some(x) if x != vm.types.none => match vm.str_rc(x) {
            Some(t) => Some(t),
            None => {
                let tn = vm.type_name_of(x);
                return Err(vm.type_error(format!("must be str or None, not {tn}")));
            }
        },
        _ => None,
    };
    let max = match a[1] {
        Some(m) => vm.index_value(m)?,
        None => -1,
    };
    let parts = if rev {
        sm::rsplit(&s, sep.as_deref(), max)
    } else {
        sm::split(&s, sep.as_deref(), max)
    };
    let parts = spec(vm, parts)?;
    Ok(str_list(vm, parts))
}

fn str_split(vm: &mut Vm, a: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    split_common(vm, a, k, "split", false)
}
fn str_rsplit(vm: &mut Vm, a: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    split_common(vm, a, k, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "splitlines")?;
    let a = vm.parse_args("splitlines", &args[1..], k, &["keepends"], 0)?;
    let keep = match a[0] {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    let parts = sm::splitlines(&s, keep);
    Ok(str_list(vm, parts))
}

fn strip_common(vm: &mut Vm, args: &[ObjRef], name: &str, which: u8) -> PyResult {
    let s = s_of(vm, args, name)?;
    vm.check_nargs(name, args.len() - 1, 0, 1)?;
    let chars = match args.get(1) {
        Some(&c) if c != vm.types.none => Some(arg_str(vm, c, name)?),
        _ => None,
    };
    let r = match which {
        0 => sm::strip(&s, chars.as_deref()),
        1 => sm::lstrip(&s, chars.as_deref()),
        _ => sm::rstrip(&s, chars.as_deref()),
    };
    if r.len() == s.len() && vm.heap.type_of(args[0]) == vm.types.str {
        return Ok(vm.new_ref(args[0]));
    }
    let r = r.to_string();
    Ok(vm.new_string(r))
}
fn str_strip(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    strip_common(vm, a, "strip", 0)
}
fn str_lstrip(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    strip_common(vm, a, "lstrip", 1)
}
fn str_rstrip(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    strip_common(vm, a, "rstrip", 2)
}

fn str_replace(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "replace")?;
    vm.check_nargs("replace", args.len() - 1, 2, 3)?;
    let old = arg_str(vm, args[1], "replace()")?;
    let new = arg_str(vm, args[2], "replace()")?;
    let count = match args.get(3) {
        Some(&c) => vm.index_value(c)?,
        None => -1,
    };
    let r = sm::replace(&s, &old, &new, count);
    Ok(vm.new_string(r))
}

/// The haystack, needle and optional start/end of `find`/`index`/`count`.
type FindArgs = (Rc<str>, Rc<str>, Option<i64>, Option<i64>);

fn find_args(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<FindArgs> {
    let s = s_of(vm, args, name)?;
    vm.check_nargs(name, args.len() - 1, 1, 3)?;
    let sub = match vm.str_rc(args[1]) {
        Some(x) => x,
        None => {
            let tn = vm.type_name_of(args[1]);
            return Err(vm.type_error(format!("must be str, not {tn}")));
        }
    };
    let start = opt_index(vm, args.get(2))?;
    let end = opt_index(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

fn str_find(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let (s, sub, st, en) = find_args(vm, a, "find")?;
    Ok(vm.new_int(sm::find(&s, &sub, st, en)))
}
fn str_rfind(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let (s, sub, st, en) = find_args(vm, a, "rfind")?;
    Ok(vm.new_int(sm::rfind(&s, &sub, st, en)))
}
fn str_index(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let (s, sub, st, en) = find_args(vm, a, "index")?;
    let r = spec(vm, sm::index(&s, &sub, st, en))?;
    Ok(vm.new_int(r))
}
fn str_rindex(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let (s, sub, st, en) = find_args(vm, a, "rindex")?;
    let r = spec(vm, sm::rindex(&s, &sub, st, en))?;
    Ok(vm.new_int(r))
}
fn str_count(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let (s, sub, st, en) = find_args(vm, a, "count")?;
    Ok(vm.new_int(sm::count(&s, &sub, st, en)))
}

fn affix_common(vm: &mut Vm, args: &[ObjRef], name: &str, ends: bool) -> PyResult {
    let s = s_of(vm, args, name)?;
    vm.check_nargs(name, args.len() - 1, 1, 3)?;
    let start = opt_index(vm, args.get(2))?;
    let end = opt_index(vm, args.get(3))?;
    let cands: Vec<ObjRef> = match vm.heap.payload(args[1]) {
        Payload::Tuple(t) => t.to_vec(),
        _ => vec![args[1]],
    };
    for c in cands {
        let Some(p) = vm.str_rc(c) else {
            let tn = vm.type_name_of(c);
            return Err(
                vm.type_error(if matches!(vm.heap.payload(args[1]), Payload::Tuple(_)) {
                    format!("tuple for {name} must only contain str, not {tn}")
                } else {
                    format!("{name} first arg must be str or a tuple of str, not {tn}")
                }),
            );
        };
        let hit = if ends {
            sm::endswith(&s, &p, start, end)
        } else {
            sm::startswith(&s, &p, start, end)
        };
        if hit {
            return Ok(vm.true_());
        }
    }
    Ok(vm.false_())
}
fn str_startswith(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    affix_common(vm, a, "startswith", false)
}
fn str_endswith(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    affix_common(vm, a, "endswith", true)
}

fn map_chars(vm: &mut Vm, args: &[ObjRef], name: &str, f: fn(&str) -> String) -> PyResult {
    let s = s_of(vm, args, name)?;
    vm.check_nargs(name, args.len() - 1, 0, 0)?;
    let r = f(&s);
    Ok(vm.new_string(r))
}

fn lower(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    s.chars().for_each(|c| unicode::push_lower(&mut o, c));
    o
}
fn upper(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    s.chars().for_each(|c| unicode::push_upper(&mut o, c));
    o
}
fn casefold(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    s.chars().for_each(|c| unicode::push_fold(&mut o, c));
    o
}
fn swapcase(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if unicode::is_upper(c) {
            unicode::push_lower(&mut o, c)
        } else if unicode::is_lower(c) {
            unicode::push_upper(&mut o, c)
        } else {
            o.push(c)
        }
    }
    o
}
fn title(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            unicode::push_lower(&mut o, c)
        } else {
            unicode::push_title(&mut o, c)
        }
        prev_cased = unicode::is_cased(c);
    }
    o
}
fn capitalize(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        unicode::push_title(&mut o, c);
    }
    chars.for_each(|c| unicode::push_lower(&mut o, c));
    o
}

fn str_lower(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    map_chars(vm, a, "lower", lower)
}
fn str_upper(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    map_chars(vm, a, "upper", upper)
}
fn str_casefold(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    map_chars(vm, a, "casefold", casefold)
}
fn str_swapcase(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    map_chars(vm, a, "swapcase", swapcase)
}
fn str_title(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    map_chars(vm, a, "title", title)
}
fn str_capitalize(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    map_chars(vm, a, "capitalize", capitalize)
}

fn predicate(vm: &mut Vm, args: &[ObjRef], name: &str, f: fn(&str) -> bool) -> PyResult {
    let s = s_of(vm, args, name)?;
    let r = f(&s);
    Ok(vm.bool(r))
}
macro_rules! str_pred {
    ($fname:ident, $name:literal, $body:expr) => {
        fn $fname(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
            predicate(vm, a, $name, $body)
        }
    };
}
str_pred!(str_isdigit, "isdigit", |s| !s.is_empty()
    && s.chars().all(unicode::is_digit));
str_pred!(str_isdecimal, "isdecimal", |s| !s.is_empty()
    && s.chars().all(unicode::is_decimal));
str_pred!(str_isnumeric, "isnumeric", |s| !s.is_empty()
    && s.chars().all(unicode::is_numeric));
str_pred!(str_isalpha, "isalpha", |s| !s.is_empty()
    && s.chars().all(unicode::is_alpha));
str_pred!(str_isalnum, "isalnum", |s| !s.is_empty()
    && s.chars().all(unicode::is_alnum));
str_pred!(str_isspace, "isspace", |s| !s.is_empty()
    && s.chars().all(unicode::is_space));
str_pred!(str_isascii, "isascii", |s| s.is_ascii());
str_pred!(str_isprintable, "isprintable", |s| s
    .chars()
    .all(unicode::is_printable));
str_pred!(str_islower, "islower", |s| s.chars().any(unicode::is_lower)
    && !s
        .chars()
        .any(|c| unicode::is_upper(c) || unicode::is_title(c)));
str_pred!(str_isupper, "isupper", |s| s.chars().any(unicode::is_upper)
    && !s
        .chars()
        .any(|c| unicode::is_lower(c) || unicode::is_title(c)));
str_pred!(str_isidentifier, "isidentifier", |s| {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if unicode::is_xid_start(c) || c == '_' => cs.all(unicode::is_xid_continue),
        _ => false,
    }
});
str_pred!(str_istitle, "istitle", |s| {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
});

fn pad_common(vm: &mut Vm, args: &[ObjRef], name: &str, which: u8) -> PyResult {
    let s = s_of(vm, args, name)?;
    vm.check_nargs(name, args.len() - 1, 1, 2)?;
    let width = vm.index_value(args[1])?;
    let fill = match args.get(2) {
        Some(&f) => {
            let t = arg_str(vm, f, name)?;
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    );
                }
            }
        }
        None => ' ',
    };
    let r = match which {
        0 => sm::center(&s, width, fill),
        1 => sm::ljust(&s, width, fill),
        _ => sm::rjust(&s, width, fill),
    };
    Ok(vm.new_string(r))
}
fn str_center(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    pad_common(vm, a, "center", 0)
}
fn str_ljust(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    pad_common(vm, a, "ljust", 1)
}
fn str_rjust(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    pad_common(vm, a, "rjust", 2)
}
fn str_zfill(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "zfill")?;
    vm.check_nargs("zfill", args.len() - 1, 1, 1)?;
    let w = vm.index_value(args[1])?;
    let r = sm::zfill(&s, w);
    Ok(vm.new_string(r))
}

fn partition_common(vm: &mut Vm, args: &[ObjRef], name: &str, rev: bool) -> PyResult {
    let s = s_of(vm, args, name)?;
    vm.check_nargs(name, args.len() - 1, 1, 1)?;
    let sep = arg_str(vm, args[1], name)?;
    let r = if rev {
        sm::rpartition(&s, &sep)
    } else {
        sm::partition(&s, &sep)
    };
    let (a, b, c) = spec(vm, r)?;
    let items = vec![vm.new_string(a), vm.new_string(b), vm.new_string(c)];
    Ok(vm.new_tuple(items))
}
fn str_partition(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    partition_common(vm, a, "partition", false)
}
fn str_rpartition(vm: &mut Vm, a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    partition_common(vm, a, "rpartition", true)
}

fn str_expandtabs(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "expandtabs")?;
    let a = vm.parse_args("expandtabs", &args[1..], k, &["tabsize"], 0)?;
    let t = match a[0] {
        Some(t) => vm.index_value(t)?,
        None => 8,
    };
    let r = sm::expandtabs(&s, t);
    Ok(vm.new_string(r))
}

fn str_removeprefix(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "removeprefix")?;
    vm.check_nargs("removeprefix", args.len() - 1, 1, 1)?;
    let p = arg_str(vm, args[1], "removeprefix()")?;
    let r = sm::removeprefix(&s, &p).to_string();
    Ok(vm.new_string(r))
}
fn str_removesuffix(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "removesuffix")?;
    vm.check_nargs("removesuffix", args.len() - 1, 1, 1)?;
    let p = arg_str(vm, args[1], "removesuffix()")?;
    let r = sm::removesuffix(&s, &p).to_string();
    Ok(vm.new_string(r))
}

fn str_encode(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "encode")?;
    Ok(vm.new_bytes(s.as_bytes()))
}

fn str_format_m(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "format")?;
    let r = super::str_format::format_str(vm, &s, &args[1..], k)?;
    Ok(vm.new_string(r))
}

fn str_format_dunder(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__format__", args.len() - 1, 1, 1)?;
    let spec_s = vm.expect_str(args[1], "format spec")?;
    let r = super::format::format_builtin(vm, args[0], &spec_s)?;
    Ok(vm.new_string(r))
}

fn str_mod(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__mod__", args.len() - 1, 1, 1)?;
    super::format::percent_format_obj(vm, args[0], args[1])
}

fn str_str(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s = s_of(vm, args, "__str__")?;
    if vm.heap.type_of(args[0]) == vm.types.str {
        return Ok(vm.new_ref(args[0]));
    }
    Ok(vm.new_str_rc(s))
}

static STR_NEW: NativeDef = native!("__new__", str_new);
static STR_METHODS: &[NativeDef] = &[
    native!("join", str_join),
    native!("split", str_split),
    native!("rsplit", str_rsplit),
    native!("splitlines", str_splitlines),
    native!("strip", str_strip),
    native!("lstrip", str_lstrip),
    native!("rstrip", str_rstrip),
    native!("replace", str_replace),
    native!("find", str_find),
    native!("rfind", str_rfind),
    native!("index", str_index),
    native!("rindex", str_rindex),
    native!("count", str_count),
    native!("startswith", str_startswith),
    native!("endswith", str_endswith),
    native!("lower", str_lower),
    native!("upper", str_upper),
    native!("casefold", str_casefold),
    native!("swapcase", str_swapcase),
    native!("title", str_title),
    native!("capitalize", str_capitalize),
    native!("isdigit", str_isdigit),
    native!("isdecimal", str_isdecimal),
    native!("isnumeric", str_isnumeric),
    native!("isalpha", str_isalpha),
    native!("isalnum", str_isalnum),
    native!("isspace", str_isspace),
    native!("isascii", str_isascii),
    native!("isprintable", str_isprintable),
    native!("islower", str_islower),
    native!("isupper", str_isupper),
    native!("isidentifier", str_isidentifier),
    native!("istitle", str_istitle),
    native!("center", str_center),
    native!("ljust", str_ljust),
    native!("rjust", str_rjust),
    native!("zfill", str_zfill),
    native!("partition", str_partition),
    native!("rpartition", str_rpartition),
    native!("expandtabs", str_expandtabs),
    native!("removeprefix", str_removeprefix),
    native!("removesuffix", str_removesuffix),
    native!("encode", str_encode),
    native!("format", str_format_m),
    native!("__format__", str_format_dunder),
    native!("__mod__", str_mod),
    native!("__str__", str_str),
];

pub(super) fn install(vm: &mut Vm) {
    let s = vm.types.str;
    vm.add_bound_builtin(s, &STR_NEW);
    vm.add_methods(s, STR_METHODS);
}
