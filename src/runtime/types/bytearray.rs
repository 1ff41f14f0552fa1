//! `bytearray` (`Objects/bytearrayobject.c`): a mutable byte buffer with
//! CPython's allocation model (`PyByteArray_Resize`: `ob_alloc` with its
//! over-allocation, quick shrinks and the logical start that `del b[:k]`
//! advances), so `sys.getsizeof` matches. Not GC-tracked (it holds no
//! objects); unhashable.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// A bytearray's contents and its buffer size.
#[derive(Debug, Default, Clone)]
pub struct ByteArrayData {
    pub data: Vec<u8>,
    /// `ob_alloc`: bytes of the buffer (0 while no buffer exists).
    pub alloc: usize,
    /// `ob_start - ob_bytes`: bytes dropped from the front in place.
    pub offset: usize,
}

impl ByteArrayData {
    /// `PyByteArray_FromStringAndSize`: the buffer is exactly `len + 1`.
    pub fn from_bytes(b: &[u8]) -> Self {
        ByteArrayData {
            data: b.to_vec(),
            alloc: if b.is_empty() { 0 } else { b.len() + 1 },
            offset: 0,
        }
    }

    /// `PyByteArray_Resize` (new bytes are zero).
    pub fn resize(&mut self, size: usize) {
        if size == self.data.len() {
            return;
        }
        if size + self.offset < self.alloc {
            if size < self.alloc / 2 {
                // Major downsize: exact size, a fresh buffer.
                self.alloc = size + 1;
                self.offset = 0;
            }
        } else if size as f64 <= self.alloc as f64 * 1.125 {
            self.alloc = size + (size >> 3) + if size < 9 { 3 } else { 6 };
            self.offset = 0;
        } else {
            self.alloc = size + 1;
            self.offset = 0;
        }
        self.data.resize(size, 0);
    }

    /// Replaces `data[lo..hi]` by `new` (`bytearray_setslice_linear`).
    pub fn splice(&mut self, lo: usize, hi: usize, new: &[u8]) {
        let old_len = self.data.len();
        let removed = hi - lo;
        if new.len() < removed {
            let tail: Vec<u8> = self.data[hi..].to_vec();
            if lo == 0 {
                // Shrink by advancing the logical start.
                self.offset += removed - new.len();
            }
            self.data.truncate(lo);
            self.data.extend_from_slice(new);
            self.data.extend_from_slice(&tail);
            let target = self.data.len();
            self.data.resize(old_len, 0);
            self.resize(target);
        } else {
            let tail: Vec<u8> = self.data[hi..].to_vec();
            self.resize(old_len + new.len() - removed);
            self.data.truncate(lo);
            self.data.extend_from_slice(new);
            self.data.extend_from_slice(&tail);
        }
    }
}

fn data(vm: &Vm, o: ObjRef) -> Option<&ByteArrayData> {
    match vm.heap.payload(o) {
        Payload::ByteArray(b) => Some(b),
        _ => None,
    }
}

fn data_mut(vm: &mut Vm, o: ObjRef) -> Option<&mut ByteArrayData> {
    match vm.heap.payload_mut(o) {
        Payload::ByteArray(b) => Some(b),
        _ => None,
    }
}

impl Vm {
    /// A new exact bytearray holding `b`.
    pub fn new_bytearray(&mut self, b: &[u8]) -> ObjRef {
        let ty = self.types.bytearray;
        self.alloc(
            ty,
            Payload::ByteArray(Box::new(ByteArrayData::from_bytes(b))),
        )
    }

    /// The bytes of a bytes or bytearray object (a bytes-like object).
    pub fn buffer_bytes(&self, o: ObjRef) -> Option<Vec<u8>> {
        match self.heap.payload(o) {
            Payload::Bytes(b) => Some(b.to_vec()),
            Payload::ByteArray(b) => Some(b.data.clone()),
            _ => None,
        }
    }
}

/// `_getbytevalue`: an int in range(0, 256).
pub fn byte_value(vm: &mut Vm, o: ObjRef) -> PyResult<u8> {
    let v = vm.index_value(o).map_err(|e| {
        vm.discard_err(e);
        let tn = vm.type_name_of(o);
        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
    })?;
    u8::try_from(v).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// The bytes of an iterable of ints (`bytearray(iterable)`).
fn bytes_of_iterable(vm: &mut Vm, src: ObjRef) -> PyResult<Vec<u8>> {
    let items = vm.collect_iterable(src)?;
    let mut out = Vec::with_capacity(items.len());
    let mut err = None;
    for &i in &items {
        match byte_value(vm, i) {
            Ok(v) => out.push(v),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.decref_all(items);
    match err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn bytearray_new(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let cls = args[1];
    Ok(vm.alloc(cls, Payload::ByteArray(Box::default())))
}

/// `bytearray.__init__(source, encoding, errors)`.
fn bytearray_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let me = args[0];
    let a = vm.parse_args(
        "bytearray",
        &args[1..],
        k,
        &["source", "encoding", "errors"],
        0,
    )?;
    if let Some(d) = data_mut(vm, me)
        && !d.data.is_empty()
    {
        d.resize(0);
    }
    let Some(src) = a[0] else {
        if a[1].is_some() || a[2].is_some() {
            let msg = if a[1].is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            };
            return Err(vm.type_error(msg));
        }
        return Ok(vm.none());
    };
    if let Some(text) = vm.str_rc(src) {
        if a[1].is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        if let Some(d) = data_mut(vm, me) {
            d.resize(text.len());
            d.data.copy_from_slice(text.as_bytes());
        }
        return Ok(vm.none());
    }
    if a[1].is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    let is_list_or_tuple = {
        let ty = vm.heap.type_of(src);
        ty == vm.types.list || ty == vm.types.tuple
    };
    let bytes = if let Some(b) = vm.buffer_bytes(src) {
        b
    } else if matches!(vm.heap.payload(src), Payload::Int(_) | Payload::Bool(_))
        || vm
            .lookup_type_attr(vm.heap.type_of(src), "__index__")
            .is_some()
    {
        let n = vm.index_value(src)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        vec![0; n as usize]
    } else {
        let b = bytes_of_iterable(vm, src)?;
        if !is_list_or_tuple {
            // Appended one by one: the buffer grows as `append` grows it.
            if let Some(d) = data_mut(vm, me) {
                for &v in &b {
                    if d.data.len() + 1 < d.alloc {
                        d.data.push(v);
                    } else {
                        let n = d.data.len();
                        d.resize(n + 1);
                        d.data[n] = v;
                    }
                }
            }
            return Ok(vm.none());
        }
        b
    };
    if let Some(d) = data_mut(vm, me) {
        d.resize(bytes.len());
        d.data.copy_from_slice(&bytes);
    }
    Ok(vm.none())
}

fn self_data(vm: &mut Vm, args: &[ObjRef], name: &str) -> PyResult<ByteArrayData> {
    match data(vm, args[0]) {
        Some(d) => Ok(d.clone()),
        None => {
            let tn = vm.type_name_of(args[0]);
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'bytearray' object but received a '{tn}'"
            )))
        }
    }
}

fn ba_append(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("append", args.len() - 1, 1, 1)?;
    self_data(vm, args, "append")?;
    let v = byte_value(vm, args[1])?;
    if let Some(d) = data_mut(vm, args[0]) {
        let n = d.data.len();
        d.resize(n + 1);
        d.data[n] = v;
    }
    Ok(vm.none())
}

/// `b.extend(iterable)` / `b += other`.
pub fn bytearray_extend(vm: &mut Vm, me: ObjRef, src: ObjRef) -> PyResult<()> {
    let new = match vm.buffer_bytes(src) {
        Some(b) => b,
        None => {
            if vm.str_value(src).is_some() {
                return Err(vm.type_error("expected iterable of integers; got: 'str'"));
            }
            bytes_of_iterable(vm, src)?
        }
    };
    if let Some(d) = data_mut(vm, me) {
        let n = d.data.len();
        d.splice(n, n, &new);
    }
    Ok(())
}

fn ba_extend(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("extend", args.len() - 1, 1, 1)?;
    self_data(vm, args, "extend")?;
    bytearray_extend(vm, args[0], args[1])?;
    Ok(vm.none())
}

fn ba_pop(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("pop", args.len() - 1, 0, 1)?;
    let d = self_data(vm, args, "pop")?;
    let n = d.data.len() as i64;
    let i = match args.get(1) {
        Some(&x) => vm.index_value(x)?,
        None => -1,
    };
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let j = j as usize;
    let v = d.data[j];
    if let Some(d) = data_mut(vm, args[0]) {
        d.data.remove(j);
        d.data.push(0);
        d.resize(n as usize - 1);
    }
    Ok(vm.new_int(i64::from(v)))
}

fn ba_remove(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("remove", args.len() - 1, 1, 1)?;
    let d = self_data(vm, args, "remove")?;
    let v = byte_value(vm, args[1])?;
    let Some(j) = d.data.iter().position(|&b| b == v) else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    if let Some(d) = data_mut(vm, args[0]) {
        let n = d.data.len();
        d.data.remove(j);
        d.data.push(0);
        d.resize(n - 1);
    }
    Ok(vm.none())
}

fn ba_insert(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("insert", args.len() - 1, 2, 2)?;
    let d = self_data(vm, args, "insert")?;
    let n = d.data.len() as i64;
    let i = vm.index_value(args[1])?;
    let v = byte_value(vm, args[2])?;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    if let Some(d) = data_mut(vm, args[0]) {
        d.resize(n as usize + 1);
        d.data.pop();
        d.data.insert(at, v);
    }
    Ok(vm.none())
}

fn ba_clear(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("clear", args.len() - 1, 0, 0)?;
    self_data(vm, args, "clear")?;
    if let Some(d) = data_mut(vm, args[0]) {
        d.resize(0);
    }
    Ok(vm.none())
}

fn ba_reverse(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("reverse", args.len() - 1, 0, 0)?;
    self_data(vm, args, "reverse")?;
    if let Some(d) = data_mut(vm, args[0]) {
        d.data.reverse();
    }
    Ok(vm.none())
}

fn ba_copy(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("copy", args.len() - 1, 0, 0)?;
    let d = self_data(vm, args, "copy")?;
    Ok(vm.new_bytearray(&d.data))
}

fn ba_alloc(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let d = self_data(vm, args, "__alloc__")?;
    Ok(vm.new_int(d.alloc as i64))
}

fn ba_iadd(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("__iadd__", args.len() - 1, 1, 1)?;
    self_data(vm, args, "__iadd__")?;
    if vm.buffer_bytes(args[1]).is_none() {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("can't concat {tn} to bytearray")));
    }
    bytearray_extend(vm, args[0], args[1])?;
    Ok(vm.new_ref(args[0]))
}

/// `b[key]` for a bytearray: an int, or a new bytearray for a slice.
pub fn bytearray_getitem(vm: &mut Vm, o: ObjRef, key: ObjRef) -> PyResult {
    let bytes = data(vm, o).map(|d| d.data.clone()).unwrap_or_default();
    if matches!(vm.heap.payload(key), Payload::Slice { .. }) {
        let span = vm.slice_span(key, bytes.len())?;
        let out: Vec<u8> = span.positions().map(|p| bytes[p]).collect();
        return Ok(vm.new_bytearray(&out));
    }
    match vm.seq_index(key, bytes.len(), "bytearray")? {
        Some(i) => Ok(vm.new_int(i64::from(bytes[i]))),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

/// `b[key] = value` (`value` None: `del b[key]`).
pub fn bytearray_setitem(
    vm: &mut Vm,
    o: ObjRef,
    key: ObjRef,
    value: Option<ObjRef>,
) -> PyResult<()> {
    let len = data(vm, o).map_or(0, |d| d.data.len());
    if !matches!(vm.heap.payload(key), Payload::Slice { .. }) {
        let Some(i) = vm.seq_index(key, len, "bytearray")? else {
            return Err(vm.index_error("bytearray index out of range"));
        };
        match value {
            Some(v) => {
                let b = byte_value(vm, v)?;
                if let Some(d) = data_mut(vm, o) {
                    d.data[i] = b;
                }
            }
            None => {
                if let Some(d) = data_mut(vm, o) {
                    d.splice(i, i + 1, &[]);
                }
            }
        }
        return Ok(());
    }
    let span = vm.slice_span(key, len)?;
    let new = match value {
        None => None,
        Some(v) => Some(match vm.buffer_bytes(v) {
            Some(b) => b,
            None => {
                let is_number = matches!(
                    vm.heap.payload(v),
                    Payload::Int(_) | Payload::Bool(_) | Payload::Float(_) | Payload::Str(_)
                );
                if is_number {
                    return Err(vm.type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                }
                bytes_of_iterable(vm, v)?
            }
        }),
    };
    if span.step == 1 || span.len == 0 && new.as_ref().is_some_and(|n| !n.is_empty()) {
        let lo = span.start.clamp(0, len as i64) as usize;
        let hi = (lo + span.len).max(lo);
        if let Some(d) = data_mut(vm, o) {
            d.splice(lo, hi, new.as_deref().unwrap_or(&[]));
        }
        return Ok(());
    }
    let positions: Vec<usize> = span.positions().collect();
    match new {
        Some(n) => {
            if n.len() != positions.len() {
                return Err(vm.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    n.len(),
                    positions.len()
                )));
            }
            if let Some(d) = data_mut(vm, o) {
                for (p, b) in positions.into_iter().zip(n) {
                    d.data[p] = b;
                }
            }
        }
        None => {
            if let Some(d) = data_mut(vm, o) {
                let kept: Vec<u8> = d
                    .data
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !positions.contains(i))
                    .map(|(_, &b)| b)
                    .collect();
                let n = kept.len();
                d.data[..n].copy_from_slice(&kept);
                d.resize(n);
            }
        }
    }
    Ok(())
}

static BYTEARRAY_NEW: NativeDef = native!("__new__", bytearray_new);
static BYTEARRAY_METHODS: &[NativeDef] = &[
    native!("__init__", bytearray_init),
    native!("__iadd__", ba_iadd),
    native!("__alloc__", ba_alloc),
    native!("append", ba_append),
    native!("extend", ba_extend),
    native!("pop", ba_pop),
    native!("remove", ba_remove),
    native!("insert", ba_insert),
    native!("clear", ba_clear),
    native!("reverse", ba_reverse),
    native!("copy", ba_copy),
];

pub(super) fn install(vm: &mut Vm) {
    let b = vm.types.bytearray;
    vm.add_bound_builtin(b, &BYTEARRAY_NEW);
    vm.add_methods(b, BYTEARRAY_METHODS);
}
