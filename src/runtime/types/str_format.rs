//! `str.format`: replacement fields `{}`, `{0}`, `{name}`, `{0.attr}`,
//! `{0[key]}`, conversions `!r`/`!s`/`!a`, nested specs `{:{width}}`, and
//! `{{`/`}}` escapes, with CPython's error messages.

use crate::runtime::heap::ObjRef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

struct State<'a> {
    pos: &'a [ObjRef],
    kw: Vec<(Rc<str>, ObjRef)>,
    auto: usize,
    /// 0 unknown, 1 automatic numbering, 2 manual.
    mode: u8,
}

/// `fmt.format(*args, **kwargs)`.
pub fn format_str(
    vm: &mut Vm,
    fmt: &str,
    args: &[ObjRef],
    kwnames: Option<&[Rc<str>]>,
) -> PyResult<String> {
    let (pos, kw) = super::native::split_kwargs(args, kwnames);
    let mut st = State {
        pos,
        kw,
        auto: 0,
        mode: 0,
    };
    render(vm, fmt, &mut st, 2)
}

fn render(vm: &mut Vm, fmt: &str, st: &mut State, depth: u32) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nesting allowed in the spec).
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&render_field(vm, &field, st, depth)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(vm: &mut Vm, field: &str, st: &mut State, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    // Split "name!conv:spec" (the name part stops at the first '!' or ':' outside brackets).
    let mut name_end = field.len();
    let mut in_bracket = false;
    for (idx, ch) in field.char_indices() {
        match ch {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                name_end = idx;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let rest = &field[name_end..];
    let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
        let mut cs = r.chars();
        let conv = cs.next();
        let after: String = cs.collect();
        if !(after.is_empty() || after.starts_with(':')) {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
        (conv, after.strip_prefix(':').unwrap_or("").to_string())
    } else {
        (None, rest.strip_prefix(':').unwrap_or("").to_string())
    };
    let spec = if spec.contains('{') {
        render(vm, &spec, st, depth - 1)?
    } else {
        spec
    };
    let obj = lookup_field(vm, name, st)?;
    let converted = match conv {
        None => None,
        Some('r') => Some(vm.repr(obj)),
        Some('s') => Some(vm.str_(obj)),
        Some('a') => {
            let r = vm.repr_string(obj);
            Some(
                r.map(|r| crate::semantics::str_ops::ascii_escape(&r))
                    .map(|s| vm.new_string(s)),
            )
        }
        Some(c) => {
            vm.decref_temp(obj);
            return Err(vm.value_error(format!("Unknown conversion specifier {c}")));
        }
    };
    let target = match converted {
        None => obj,
        Some(r) => {
            vm.decref_temp(obj);
            r?
        }
    };
    let r = vm.format(target, &spec);
    vm.decref_temp(target);
    let r = r?;
    let s = vm.str_value(r).unwrap_or("").to_string();
    vm.decref_temp(r);
    Ok(s)
}

/// Resolves `0.attr[key]` style field names to a new reference.
fn lookup_field(vm: &mut Vm, name: &str, st: &mut State) -> PyResult {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if st.mode == 2 {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        st.mode = 1;
        let i = st.auto;
        st.auto += 1;
        match st.pos.get(i) {
            Some(&o) => vm.new_ref(o),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                )));
            }
        }
    } else if let Ok(i) = first.parse::<usize>() {
        if st.mode == 1 {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        st.mode = 2;
        match st.pos.get(i) {
            Some(&o) => vm.new_ref(o),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                )));
            }
        }
    } else {
        match st.kw.iter().find(|(k, _)| &**k == first) {
            Some(&(_, o)) => vm.new_ref(o),
            None => {
                let k = vm.new_str(first);
                let e = vm.key_error(k);
                vm.decref_temp(k);
                return Err(e);
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            let next = vm.getattr_str(obj, attr);
            vm.decref_temp(obj);
            obj = next?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                vm.decref_temp(obj);
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key_s = &r[..end];
            let key = match key_s.parse::<i64>() {
                Ok(i) => vm.new_int(i),
                Err(_) => vm.new_str(key_s),
            };
            let next = vm.getitem(obj, key);
            vm.decref_temp(key);
            vm.decref_temp(obj);
            obj = next?;
            rest = &r[end + 1..];
        } else {
            vm.decref_temp(obj);
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}
