//! `sys.getsizeof`: CPython 3.11's sizes on 64-bit. Most objects report
//! their allocation size (`Object::size`); lists add their over-allocated
//! item array, dicts their keys table.

use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::vm::Vm;

/// Usable entries of a dict keys table of `size` slots (`USABLE_FRACTION`).
fn usable(size: usize) -> usize {
    (size << 1) / 3
}

/// `sys.getsizeof(o)`.
pub fn getsizeof(vm: &Vm, o: ObjRef) -> u64 {
    let obj = vm.heap.get(o);
    let base = u64::from(obj.size);
    match &obj.payload {
        // A one-digit int's block is `sizeof(PyLongObject)` (32 bytes);
        // `int.__sizeof__` counts its digits exactly (at least one); a
        // subclass instance is a GC object (plus the GC header).
        Payload::Int(i) => {
            let digits = match i {
                crate::runtime::object::PyInt::Small(v) => {
                    u64::from(64 - v.unsigned_abs().leading_zeros()).div_ceil(30)
                }
                crate::runtime::object::PyInt::Big(b) => b.bits().div_ceil(30),
            };
            let gc = if vm.is_heap_type(obj.ty) { 16 } else { 0 };
            24 + 4 * digits.max(1) + gc
        }
        Payload::List(items) => base + 8 * items.capacity() as u64,
        Payload::ByteArray(b) => base + b.alloc as u64,
        Payload::Dict(d) => {
            let n = d.map.len();
            if n == 0 {
                return base;
            }
            let mut size = 8usize;
            while usable(size) < n {
                size *= 2;
            }
            let all_str = d
                .map
                .keys()
                .all(|k| matches!(k.repr, crate::runtime::object::KeyRepr::Str(_)));
            let index_bytes = if size <= 128 {
                1
            } else if size <= 1 << 15 {
                2
            } else {
                4
            };
            let entry = if all_str { 16 } else { 24 };
            base + (32 + size * index_bytes + usable(size) * entry) as u64
        }
        Payload::Set(s) => {
            // The 8-slot small table is inside the object.
            let table = s.table.table_size();
            if table > 8 {
                base + 16 * table as u64
            } else {
                base
            }
        }
        Payload::Generator(g) => {
            // gen_sizeof: offsetof(PyGenObject, gi_iframe) + offsetof(
            // _PyInterpreterFrame, localsplus) + the frame's slots, plus the GC head.
            let slots = match vm.heap.payload(g.code) {
                Payload::Code(c) => c.code.localsplusnames.len() + c.code.stacksize as usize,
                _ => 0,
            };
            (16 + 80 + 72 + 8 * slots) as u64
        }
        Payload::Type(t) if t.heap_type => {
            // A heap type with instance dicts owns its shared-keys table
            // (`_PyDict_NewKeysForClass`: 64 slots, 42 unicode entries).
            let has_dict = t.mro.iter().any(|&c| match vm.heap.payload(c) {
                Payload::Type(ct) => {
                    ct.heap_type && vm.dict_get_str(ct.dict, "__slots__").is_none()
                }
                _ => false,
            });
            920 + if has_dict { 768 } else { 0 }
        }
        Payload::Type(_) => 424,
        _ => base,
    }
}
