//! `bytes` (basic): construction, `decode`, and the shared sequence behaviour.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn bytes_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let a = vm.parse_args("bytes", &args[2..], k, &["source", "encoding", "errors"], 0)?;
    let data: Vec<u8> = match a[0] {
        None => Vec::new(),
        Some(src) => match vm.heap.payload(src) {
            Payload::Str(s) => {
                if a[1].is_none() {
                    return Err(vm.type_error("string argument without an encoding"));
                }
                s.text.as_bytes().to_vec()
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => vm.buffer_bytes(src).unwrap_or_default(),
            Payload::Int(_) => {
                let n = vm.index_value(src)?;
                if n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                vec![0; n as usize]
            }
            _ => {
                let items = vm.collect_iterable(src)?;
                let mut out = Vec::with_capacity(items.len());
                let mut err = None;
                for &i in &items {
                    match vm.small_int_value(i) {
                        Some(v) if (0..256).contains(&v) => out.push(v as u8),
                        Some(_) => {
                            err = Some(vm.value_error("bytes must be in range(0, 256)"));
                            break;
                        }
                        None => {
                            let tn = vm.type_name_of(i);
                            err = Some(vm.type_error(format!(
                                "'{tn}' object cannot be interpreted as an integer"
                            )));
                            break;
                        }
                    }
                }
                vm.decref_all(items);
                if let Some(e) = err {
                    return Err(e);
                }
                out
            }
        },
    };
    Ok(vm.new_bytes(&data))
}

fn bytes_decode(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let Some(b) = vm.buffer_bytes(args[0]) else {
        return Err(vm.type_error("decode requires a bytes object"));
    };
    match String::from_utf8(b) {
        Ok(s) => Ok(vm.new_string(s)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[pos];
            let t = vm.types.unicode_decode_error;
            Err(vm.new_exception(t, format!(
                "'utf-8' codec can't decode byte {byte:#04x} in position {pos}: invalid start byte"
            )))
        }
    }
}

fn bytes_hex(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let s: String = vm
        .buffer_bytes(args[0])
        .unwrap_or_default()
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect();
    Ok(vm.new_string(s))
}

/// `sep.join(iterable)` for bytes and bytearray separators.
fn bytes_join(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("join", args.len() - 1, 1, 1)?;
    let sep = vm.buffer_bytes(args[0]).unwrap_or_default();
    let items = vm.collect_iterable(args[1])?;
    let mut out = Vec::new();
    let mut err = None;
    for (i, &item) in items.iter().enumerate() {
        match vm.buffer_bytes(item) {
            Some(b) => {
                if i > 0 {
                    out.extend_from_slice(&sep);
                }
                out.extend_from_slice(&b);
            }
            None => {
                let tn = vm.type_name_of(item);
                err = Some(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {tn} found"
                )));
                break;
            }
        }
    }
    vm.decref_all(items);
    if let Some(e) = err {
        return Err(e);
    }
    if matches!(vm.heap.payload(args[0]), Payload::ByteArray(_)) {
        return Ok(vm.new_bytearray(&out));
    }
    Ok(vm.new_bytes(&out))
}

static BYTES_NEW: NativeDef = native!("__new__", bytes_new);
static BYTES_METHODS: &[NativeDef] = &[
    native!("decode", bytes_decode),
    native!("hex", bytes_hex),
    native!("join", bytes_join),
];

pub(super) fn install(vm: &mut Vm) {
    let b = vm.types.bytes;
    vm.add_bound_builtin(b, &BYTES_NEW);
    vm.add_methods(b, BYTES_METHODS);
    let ba = vm.types.bytearray;
    vm.add_methods(ba, BYTES_METHODS);
}
