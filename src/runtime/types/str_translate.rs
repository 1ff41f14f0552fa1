//! `str.maketrans` and `str.translate` (`unicode_maketrans_impl`,
//! `_PyUnicode_TranslateCharmap`): translation tables are mappings from
//! code points to code points, strings or None, looked up with `__getitem__`
//! (a LookupError keeps the character).

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn set_item(vm: &mut Vm, d: ObjRef, k: i64, v: ObjRef) -> PyResult<()> {
    let key = vm.new_int(k);
    let r = vm.dict_set(d, key, v);
    vm.decref_temp(key);
    r
}

/// The one-argument form: a dict whose str keys become code points.
fn maketrans_from_dict(vm: &mut Vm, x: ObjRef, out: ObjRef) -> PyResult<()> {
    if !matches!(vm.heap.payload(x), Payload::Dict(_)) {
        return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
    }
    for (k, v) in vm.dict_items(x) {
        if let Some(s) = vm.str_rc(k) {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => set_item(vm, out, c as i64, v)?,
                _ => {
                    return Err(
                        vm.value_error("string keys in translate table must be of length 1")
                    );
                }
            }
        } else if matches!(vm.heap.payload(k), Payload::Int(_) | Payload::Bool(_)) {
            vm.dict_set(out, k, v)?;
        } else {
            return Err(vm.type_error("keys in translate table must be strings or integers"));
        }
    }
    Ok(())
}

fn str_arg(vm: &mut Vm, o: ObjRef, pos: usize) -> PyResult<Rc<str>> {
    vm.str_rc(o).ok_or_else(|| {
        let tn = vm.type_name_of(o);
        vm.type_error(format!("maketrans() argument {pos} must be str, not {tn}"))
    })
}

/// `str.maketrans(x[, y[, z]])` (a staticmethod).
fn str_maketrans(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    vm.no_kwargs("maketrans", k)?;
    vm.check_nargs("maketrans", args.len(), 1, 3)?;
    let out = vm.new_dict();
    let r = fill_table(vm, args, out);
    match r {
        Ok(()) => Ok(out),
        Err(e) => {
            vm.decref_temp(out);
            Err(e)
        }
    }
}

fn fill_table(vm: &mut Vm, args: &[ObjRef], out: ObjRef) -> PyResult<()> {
    if args.len() == 1 {
        return maketrans_from_dict(vm, args[0], out);
    }
    let x = str_arg(vm, args[0], 1)?;
    let y = str_arg(vm, args[1], 2)?;
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        let v = vm.new_int(b as i64);
        let r = set_item(vm, out, a as i64, v);
        vm.decref_temp(v);
        r?;
    }
    if let Some(&z) = args.get(2) {
        let z = str_arg(vm, z, 3)?;
        let none = vm.types.none;
        for c in z.chars() {
            set_item(vm, out, c as i64, none)?;
        }
    }
    Ok(())
}

/// What the table maps one character to.
fn translate_char(vm: &mut Vm, table: ObjRef, c: char, out: &mut String) -> PyResult<()> {
    let key = vm.new_int(c as i64);
    let r = vm.getitem(table, key);
    vm.decref_temp(key);
    let v = match r {
        Ok(v) => v,
        Err(e) if vm.err_matches(&e, vm.types.lookup_error) => {
            vm.discard_err(e);
            out.push(c);
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let r = if v == vm.types.none {
        Ok(())
    } else if let Some(s) = vm.str_value(v) {
        out.push_str(s);
        Ok(())
    } else if let Some(i) = vm.small_int_value(v) {
        match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(ch) => {
                out.push(ch);
                Ok(())
            }
            None => Err(vm.value_error("character mapping must be in range(0x110000)")),
        }
    } else {
        Err(vm.type_error("character mapping must return integer, None or str"))
    };
    vm.decref_temp(v);
    r
}

/// `s.translate(table)`.
fn str_translate(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("translate", args.len() - 1, 1, 1)?;
    let Some(s) = vm.str_rc(args[0]) else {
        return Err(vm.type_error("descriptor 'translate' requires a 'str' object"));
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        translate_char(vm, args[1], c, &mut out)?;
    }
    Ok(vm.new_string(out))
}

static STR_MAKETRANS: NativeDef = native!("maketrans", str_maketrans);
static TRANSLATE_METHODS: &[NativeDef] = &[native!("translate", str_translate)];

pub(super) fn install(vm: &mut Vm) {
    let s = vm.types.str;
    vm.add_staticmethod(s, &STR_MAKETRANS);
    vm.add_methods(s, TRANSLATE_METHODS);
}
