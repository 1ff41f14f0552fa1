//! The type registry: every builtin type object, the interpreter's singletons
//! and caches, created once by [`super::bootstrap`].
//!
//! Builtin types, singletons (None, True, False, NotImplemented, Ellipsis,
//! the empty tuple and str), the small-int cache and the one-character
//! latin-1 strings are *static* objects in CPython 3.11: they live in the
//! interpreter's data segment, not in the object allocator, so they get
//! addresses from a separate static range here and never return them. Each is
//! held by the registry (an interpreter root, reported by `for_each_root`).
//! Instances of static types do not own a reference to their type (CPython
//! only increfs heap types in `PyObject_Init`).

use crate::runtime::heap::{ObjRef, Object};
use crate::runtime::object::{DictData, Layout, Payload, TypeData};
use crate::runtime::vm::Vm;
use std::collections::HashMap;
use std::rc::Rc;

/// Where static objects' simulated addresses start (CPython's data segment).
const STATIC_BASE: u64 = 0x55d4_a6e0_0000;

macro_rules! builtin_types {
    ($( $field:ident : $name:literal < $base:ident , $layout:ident , $basic:expr , $item:expr ; )*) => {
        /// The builtin type objects, interpreter singletons, caches and roots.
        #[derive(Debug, Default)]
        pub struct TypeRegistry {
            pub type_: ObjRef,
            pub object: ObjRef,
            pub dict: ObjRef,
            $( pub $field: ObjRef, )*
            pub none: ObjRef,
            pub true_: ObjRef,
            pub false_: ObjRef,
            pub not_implemented: ObjRef,
            pub ellipsis: ObjRef,
            pub empty_tuple: ObjRef,
            pub empty_str: ObjRef,
            pub empty_bytes: ObjRef,
            /// ints -5..=256.
            pub small_ints: Vec<ObjRef>,
            /// One-character strings U+0000..U+00FF.
            pub latin1: Vec<ObjRef>,
            /// Interned strings. The table does not own its references (3.11's
            /// "mortal" interned strings): a freed interned string removes itself.
            pub interned: HashMap<Rc<str>, ObjRef>,
            /// The `builtins` module and its dict.
            pub builtins: ObjRef,
            pub builtins_dict: ObjRef,
            /// The `sys` module and its dict.
            pub sys: ObjRef,
            pub sys_dict: ObjRef,
            /// `sys.modules` (owned by the interpreter as well as by `sys`).
            pub modules: ObjRef,
            /// `sys.stdout` / `sys.stderr` objects.
            pub stdout: ObjRef,
            pub stderr: ObjRef,
            /// Containers whose repr is being computed (`Py_ReprEnter`).
            pub repr_stack: Vec<ObjRef>,
            /// References native code holds in Rust locals while it calls back
            /// into Python (CPython's C locals), so the heap audit can count them.
            pub native_temps: Vec<ObjRef>,
            /// Next free static address.
            pub next_static_addr: u64,
        }

        impl TypeRegistry {
            /// Creates every builtin type after `type` and `object` exist.
            pub(super) fn create_builtin_types(vm: &mut Vm) {
                $(
                    let base = vm.types.$base;
                    vm.types.$field = make_static_type(vm, $name, Some(base), Layout::$layout, $basic, $item);
                )*
            }

            /// Every builtin type object, for roots and lookups by name.
            pub fn all_types(&self) -> Vec<ObjRef> {
                vec![self.type_, self.object, self.dict, $( self.$field, )*]
            }
        }
    };
}

builtin_types! {
    int: "int" < object, Int, 24, 4;
    bool: "bool" < int, Bool, 32, 4;
    float: "float" < object, Float, 24, 0;
    complex: "complex" < object, Complex, 32, 0;
    str: "str" < object, Str, 80, 0;
    bytes: "bytes" < object, Bytes, 33, 1;
    bytearray: "bytearray" < object, ByteArray, 56, 0;
    tuple: "tuple" < object, Tuple, 24, 8;
    unraisable_hook_args: "UnraisableHookArgs" < tuple, Tuple, 24, 8;
    list: "list" < object, List, 40, 0;
    set: "set" < object, Set, 200, 0;
    frozenset: "frozenset" < object, FrozenSet, 200, 0;
    range: "range" < object, Other, 48, 0;
    slice: "slice" < object, Other, 40, 0;
    none_type: "NoneType" < object, Other, 16, 0;
    not_implemented_type: "NotImplementedType" < object, Other, 16, 0;
    ellipsis_type: "ellipsis" < object, Other, 16, 0;
    function: "function" < object, Other, 136, 0;
    builtin_function: "builtin_function_or_method" < object, Other, 56, 0;
    method: "method" < object, Other, 48, 0;
    method_descriptor: "method_descriptor" < object, Other, 56, 0;
    code: "code" < object, Other, 184, 2;
    cell: "cell" < object, Other, 24, 0;
    module: "module" < object, Object, 56, 0;
    property: "property" < object, Other, 64, 0;
    staticmethod: "staticmethod" < object, Other, 32, 0;
    classmethod: "classmethod" < object, Other, 32, 0;
    super_: "super" < object, Other, 40, 0;
    generator: "generator" < object, Other, 152, 8;
    frame: "frame" < object, Other, 120, 8;
    traceback: "traceback" < object, Other, 40, 0;
    list_iterator: "list_iterator" < object, Other, 32, 0;
    list_reverseiterator: "list_reverseiterator" < object, Other, 32, 0;
    tuple_iterator: "tuple_iterator" < object, Other, 32, 0;
    range_iterator: "range_iterator" < object, Other, 48, 0;
    str_iterator: "str_ascii_iterator" < object, Other, 32, 0;
    bytes_iterator: "bytes_iterator" < object, Other, 32, 0;
    bytearray_iterator: "bytearray_iterator" < object, Other, 32, 0;
    dict_keyiterator: "dict_keyiterator" < object, Other, 56, 0;
    dict_valueiterator: "dict_valueiterator" < object, Other, 56, 0;
    dict_itemiterator: "dict_itemiterator" < object, Other, 56, 0;
    set_iterator: "set_iterator" < object, Other, 48, 0;
    enumerate: "enumerate" < object, Other, 56, 0;
    zip: "zip" < object, Other, 48, 0;
    map: "map" < object, Other, 32, 0;
    filter: "filter" < object, Other, 32, 0;
    reversed: "reversed" < object, Other, 32, 0;
    callable_iterator: "callable_iterator" < object, Other, 32, 0;
    iterator: "iterator" < object, Other, 32, 0;
    dict_keys: "dict_keys" < object, Other, 24, 0;
    dict_values: "dict_values" < object, Other, 24, 0;
    dict_items: "dict_items" < object, Other, 24, 0;
    text_io: "TextIOWrapper" < object, Object, 208, 0;
    base_exception: "BaseException" < object, BaseException, 72, 0;
    system_exit: "SystemExit" < base_exception, BaseException, 80, 0;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception, BaseException, 72, 0;
    generator_exit: "GeneratorExit" < base_exception, BaseException, 72, 0;
    exception: "Exception" < base_exception, BaseException, 72, 0;
    stop_iteration: "StopIteration" < exception, BaseException, 80, 0;
    stop_async_iteration: "StopAsyncIteration" < exception, BaseException, 72, 0;
    arithmetic_error: "ArithmeticError" < exception, BaseException, 72, 0;
    floating_point_error: "FloatingPointError" < arithmetic_error, BaseException, 72, 0;
    overflow_error: "OverflowError" < arithmetic_error, BaseException, 72, 0;
    zero_division_error: "ZeroDivisionError" < arithmetic_error, BaseException, 72, 0;
    assertion_error: "AssertionError" < exception, BaseException, 72, 0;
    attribute_error: "AttributeError" < exception, BaseException, 88, 0;
    buffer_error: "BufferError" < exception, BaseException, 72, 0;
    eof_error: "EOFError" < exception, BaseException, 72, 0;
    import_error: "ImportError" < exception, BaseException, 96, 0;
    module_not_found_error: "ModuleNotFoundError" < import_error, BaseException, 96, 0;
    lookup_error: "LookupError" < exception, BaseException, 72, 0;
    index_error: "IndexError" < lookup_error, BaseException, 72, 0;
    key_error: "KeyError" < lookup_error, BaseException, 72, 0;
    memory_error: "MemoryError" < exception, BaseException, 72, 0;
    name_error: "NameError" < exception, BaseException, 80, 0;
    unbound_local_error: "UnboundLocalError" < name_error, BaseException, 80, 0;
    os_error: "OSError" < exception, BaseException, 112, 0;
    file_not_found_error: "FileNotFoundError" < os_error, BaseException, 112, 0;
    file_exists_error: "FileExistsError" < os_error, BaseException, 112, 0;
    permission_error: "PermissionError" < os_error, BaseException, 112, 0;
    blocking_io_error: "BlockingIOError" < os_error, BaseException, 112, 0;
    child_process_error: "ChildProcessError" < os_error, BaseException, 112, 0;
    connection_error: "ConnectionError" < os_error, BaseException, 112, 0;
    broken_pipe_error: "BrokenPipeError" < connection_error, BaseException, 112, 0;
    connection_aborted_error: "ConnectionAbortedError" < connection_error, BaseException, 112, 0;
    connection_refused_error: "ConnectionRefusedError" < connection_error, BaseException, 112, 0;
    connection_reset_error: "ConnectionResetError" < connection_error, BaseException, 112, 0;
    is_a_directory_error: "IsADirectoryError" < os_error, BaseException, 112, 0;
    not_a_directory_error: "NotADirectoryError" < os_error, BaseException, 112, 0;
    interrupted_error: "InterruptedError" < os_error, BaseException, 112, 0;
    process_lookup_error: "ProcessLookupError" < os_error, BaseException, 112, 0;
    timeout_error: "TimeoutError" < os_error, BaseException, 112, 0;
    reference_error: "ReferenceError" < exception, BaseException, 72, 0;
    runtime_error: "RuntimeError" < exception, BaseException, 72, 0;
    not_implemented_error: "NotImplementedError" < runtime_error, BaseException, 72, 0;
    recursion_error: "RecursionError" < runtime_error, BaseException, 72, 0;
    syntax_error: "SyntaxError" < exception, BaseException, 136, 0;
    indentation_error: "IndentationError" < syntax_error, BaseException, 136, 0;
    tab_error: "TabError" < indentation_error, BaseException, 136, 0;
    system_error: "SystemError" < exception, BaseException, 72, 0;
    type_error: "TypeError" < exception, BaseException, 72, 0;
    value_error: "ValueError" < exception, BaseException, 72, 0;
    unicode_error: "UnicodeError" < value_error, BaseException, 72, 0;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error, BaseException, 112, 0;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error, BaseException, 112, 0;
    unicode_translate_error: "UnicodeTranslateError" < unicode_error, BaseException, 112, 0;
    warning: "Warning" < exception, BaseException, 72, 0;
    deprecation_warning: "DeprecationWarning" < warning, BaseException, 72, 0;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning, BaseException, 72, 0;
    runtime_warning: "RuntimeWarning" < warning, BaseException, 72, 0;
    syntax_warning: "SyntaxWarning" < warning, BaseException, 72, 0;
    user_warning: "UserWarning" < warning, BaseException, 72, 0;
    future_warning: "FutureWarning" < warning, BaseException, 72, 0;
    import_warning: "ImportWarning" < warning, BaseException, 72, 0;
    unicode_warning: "UnicodeWarning" < warning, BaseException, 72, 0;
    bytes_warning: "BytesWarning" < warning, BaseException, 72, 0;
    resource_warning: "ResourceWarning" < warning, BaseException, 72, 0;
    encoding_warning: "EncodingWarning" < warning, BaseException, 72, 0;
}

/// Allocates a static object (outside the allocator model): refcount 1, the
/// reference the interpreter keeps; its type's refcount is not touched.
pub fn static_alloc(vm: &mut Vm, ty: ObjRef, payload: Payload, size: u32) -> ObjRef {
    let addr = vm.types.next_static_addr.max(STATIC_BASE);
    vm.types.next_static_addr = addr + u64::from(size.div_ceil(16).max(1) * 16);
    vm.heap.objects.insert(Object {
        refcount: 1,
        ty,
        dict: None,
        addr,
        size,
        finalized: false,
        gc: crate::runtime::heap::GcHead::new(false),
        payload,
    })
}

/// Adds one reference to a static object during bootstrap (no sink is
/// attached yet, so no event is due).
pub fn raw_incref(vm: &mut Vm, o: ObjRef) {
    if let Some(obj) = vm.heap.objects.get_mut(o) {
        obj.refcount += 1;
    }
}

/// Creates a static builtin type with an empty namespace dict.
pub fn make_static_type(
    vm: &mut Vm,
    name: &str,
    base: Option<ObjRef>,
    layout: Layout,
    basicsize: u32,
    itemsize: u32,
) -> ObjRef {
    let dict = static_alloc(vm, vm.types.dict, Payload::Dict(Box::default()), 48);
    let mut mro = Vec::new();
    let mut bases = Vec::new();
    if let Some(b) = base {
        bases.push(b);
        raw_incref(vm, b);
        if let Payload::Type(bt) = vm.heap.payload(b) {
            mro = bt.mro.clone();
        }
        for &m in &mro {
            raw_incref(vm, m);
        }
    }
    let data = TypeData {
        name: name.into(),
        qualname: name.into(),
        bases,
        mro: Vec::new(),
        dict,
        layout,
        heap_type: false,
        basicsize,
        itemsize,
        shared_keys: None,
    };
    let ty = static_alloc(vm, vm.types.type_, Payload::Type(Box::new(data)), 904);
    // A type's MRO starts with itself.
    raw_incref(vm, ty);
    mro.insert(0, ty);
    if let Payload::Type(t) = vm.heap.payload_mut(ty) {
        t.mro = mro;
    }
    crate::runtime::dict_table::bump_watched_epoch();
    ty
}

/// Creates `type` and `object` (which refer to each other) and then the
/// `dict` type their namespaces need.
pub(super) fn create_core_types(vm: &mut Vm) {
    let placeholder = ObjRef::default();
    let core = |vm: &mut Vm, name: &str, layout, basicsize, itemsize| {
        let data = TypeData {
            name: name.into(),
            qualname: name.into(),
            bases: Vec::new(),
            mro: Vec::new(),
            dict: placeholder,
            layout,
            heap_type: false,
            basicsize,
            itemsize,
            shared_keys: None,
        };
        static_alloc(vm, placeholder, Payload::Type(Box::new(data)), 904)
    };
    let type_ = core(vm, "type", Layout::Type, 904, 40);
    let object = core(vm, "object", Layout::Object, 16, 0);
    let dict = core(vm, "dict", Layout::Dict, 48, 0);
    vm.types.type_ = type_;
    vm.types.object = object;
    vm.types.dict = dict;
    for (t, bases) in [
        (object, vec![]),
        (type_, vec![object]),
        (dict, vec![object]),
    ] {
        vm.heap.get_mut(t).ty = type_;
        let ns = static_alloc(vm, dict, Payload::Dict(Box::<DictData>::default()), 48);
        let mut mro = vec![t];
        mro.extend(bases.iter().copied());
        for &r in bases.iter().chain(mro.iter()) {
            raw_incref(vm, r);
        }
        if let Payload::Type(td) = vm.heap.payload_mut(t) {
            td.dict = ns;
            td.bases = bases;
            td.mro = mro;
        }
    }
    crate::runtime::dict_table::bump_watched_epoch();
}
