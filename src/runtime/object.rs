//! Object payloads: the type-specific part of each heap object.
//!
//! Every `ObjRef` stored in a payload is an *owned* reference (it was counted
//! when stored and is released when the payload is dropped by `dealloc`), and
//! every one of them is reported by `Payload::for_each_ref`, which the heap
//! audit, the cycle collector and `dealloc` all use — adding a field means
//! adding it there too. `for_each_ref` yields references in CPython's release
//! order (list/tuple items last-to-first, dict entries in insertion order).

use super::events::{FrameId, Holder};
use super::heap::ObjRef;
use crate::bytecode::CodeObject;
use num_bigint::BigInt;
use std::rc::Rc;

/// A Python int: `Small` whenever the value fits in an i64 (normalised).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PyInt {
    Small(i64),
    Big(Box<BigInt>),
}

/// A str value. `Rc` so that dict keys and interned copies share the text.
#[derive(Debug, Clone)]
pub struct PyStr {
    pub text: Rc<str>,
    /// Length in code points (Python's `len`).
    pub char_len: usize,
    /// Cached hash (strings are immutable).
    pub hash: Option<i64>,
}

/// The Rust-side identity of a dict key / set member for equality and hashing
/// without running Python code. Builtin hashable values compare by value with
/// Python's rules (`1 == 1.0 == True`); objects whose type uses the default
/// `object.__eq__` compare by identity; objects with a Python-level `__eq__`
/// are `Custom` and need the VM's slow path (compare candidates with equal hash).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum KeyRepr {
    /// int, bool, and floats with an integral value.
    Int(PyInt),
    /// Non-integral floats, by bit pattern (NaN compares by identity through `Identity`).
    Float(u64),
    /// A complex with a non-zero imaginary part: the bit patterns of its parts.
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[KeyRepr]>),
    None,
    Identity(ObjRef),
    Custom(ObjRef),
}

/// A dict key: the Python hash plus the comparison identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictKey {
    pub hash: i64,
    pub repr: KeyRepr,
}

impl std::hash::Hash for DictKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash)
    }
}

/// A dict: insertion-ordered entries of (key object, value object).
#[derive(Debug, Default)]
pub struct DictData {
    pub map: super::dict_table::DictTable,
    /// Bumped on every insertion/deletion so iterators detect "changed size during iteration".
    pub version: u64,
    /// A split dict (an instance's attributes): the class's shared keys,
    /// whose order the values are released in.
    pub shared: Option<crate::runtime::shared_keys::SharedKeysRef>,
}

/// A function object (CPython's `PyFunctionObject`).
#[derive(Debug)]
pub struct FunctionData {
    pub code: ObjRef,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub name: ObjRef,
    pub qualname: ObjRef,
    pub module: Option<ObjRef>,
    pub doc: Option<ObjRef>,
    pub defaults: Option<ObjRef>,
    pub kwdefaults: Option<ObjRef>,
    pub closure: Option<ObjRef>,
    pub annotations: Option<ObjRef>,
}

/// A code object as a heap object: the compiled code plus its constants and
/// names materialised as (interned) heap objects.
#[derive(Debug)]
pub struct CodeData {
    pub code: Rc<CodeObject>,
    pub consts: Vec<ObjRef>,
    pub names: Vec<ObjRef>,
    pub localsplusnames: Vec<ObjRef>,
}

/// A native (Rust) function: `args` are borrowed, the result is a new reference.
/// For methods, `args[0]` is `self`. Keyword arguments come as a trailing
/// slice of values named by `kwnames` (CPython's vectorcall convention).
pub type NativeFn =
    fn(&mut crate::runtime::vm::Vm, &[ObjRef], Option<&[Rc<str>]>) -> crate::runtime::vm::PyResult;

/// Static description of a native function or method.
#[derive(Debug)]
pub struct NativeDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub doc: &'static str,
}

/// The kind of iterator over a builtin sequence or mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// Payloads. Types not listed (e.g. a user class instance with only a
/// `__dict__`) use `Plain`.
#[derive(Debug)]
pub enum Payload {
    /// No data beyond the header (`object()`, user instances, None, NotImplemented, Ellipsis).
    Plain,
    Int(PyInt),
    Bool(bool),
    Float(f64),
    Complex(crate::semantics::complex_ops::Complex),
    Str(PyStr),
    Bytes(Rc<[u8]>),
    ByteArray(Box<crate::runtime::types::bytearray::ByteArrayData>),
    Tuple(Box<[ObjRef]>),
    List(Vec<ObjRef>),
    Dict(Box<DictData>),
    /// set and frozenset (the type says which). The table type lives in `semantics::set_table`.
    Set(Box<SetData>),
    Range {
        start: ObjRef,
        stop: ObjRef,
        step: ObjRef,
    },
    Slice {
        start: ObjRef,
        stop: ObjRef,
        step: ObjRef,
    },
    Function(Box<FunctionData>),
    Code(Box<CodeData>),
    Cell(Option<ObjRef>),
    /// A bound method: `func` bound to `self_`.
    Method {
        func: ObjRef,
        self_: ObjRef,
    },
    /// builtin_function_or_method: a native function, bound to `self_` when it is a method.
    Builtin {
        def: &'static NativeDef,
        self_: Option<ObjRef>,
    },
    /// method_descriptor / wrapper_descriptor: a native method found on a type (`list.append`).
    MethodDescr {
        def: &'static NativeDef,
        owner: ObjRef,
    },
    Type(Box<TypeData>),
    Module {
        name: ObjRef,
    },
    Property {
        fget: Option<ObjRef>,
        fset: Option<ObjRef>,
        fdel: Option<ObjRef>,
        doc: Option<ObjRef>,
    },
    StaticMethod(ObjRef),
    ClassMethod(ObjRef),
    Super {
        ty: ObjRef,
        obj: Option<ObjRef>,
        obj_type: Option<ObjRef>,
    },
    BaseException(Box<ExceptionData>),
    Traceback {
        next: Option<ObjRef>,
        frame: ObjRef,
        lasti: u32,
        lineno: u32,
    },
    /// A frame object (materialised when a traceback, generator or `sys._getframe` needs it).
    Frame(Box<crate::runtime::vm::frame::FrameObject>),
    /// A generator: owns its frame while suspended (see `vm/generator.rs`).
    Generator(Box<crate::runtime::vm::generator::GeneratorData>),
    /// Iterators over builtin containers: `seq` is the container (released
    /// when the iterator is exhausted, as CPython does), `index` the next
    /// position (a byte offset for str iterators).
    SeqIter {
        seq: Option<ObjRef>,
        index: usize,
    },
    /// A set iterator: `len` is the size at creation ("Set changed size during iteration").
    SetIter {
        set: Option<ObjRef>,
        index: usize,
        len: usize,
    },
    RangeIter {
        next: i64,
        stop: i64,
        step: i64,
    },
    DictIter {
        dict: Option<ObjRef>,
        index: usize,
        kind: DictViewKind,
        version: u64,
        len: usize,
        /// Items iterators: the last result tuple, reused (`di_result`).
        result: Option<ObjRef>,
    },
    DictView {
        dict: ObjRef,
        kind: DictViewKind,
    },
    Enumerate {
        iter: ObjRef,
        count: ObjRef,
        /// The last result tuple, reused when only the iterator holds it.
        result: ObjRef,
    },
    Zip {
        iters: Box<[ObjRef]>,
        /// The last result tuple, reused when only the iterator holds it.
        result: ObjRef,
        /// `zip(..., strict=True)`: unequal lengths raise ValueError.
        strict: bool,
    },
    Map {
        func: ObjRef,
        iters: Box<[ObjRef]>,
    },
    Filter {
        func: ObjRef,
        iter: ObjRef,
    },
    Reversed {
        seq: Option<ObjRef>,
        index: isize,
    },
    /// Iterator calling `__getitem__` with 0, 1, 2… until IndexError.
    CallIter {
        seq: Option<ObjRef>,
        index: usize,
    },
    /// A weak reference or proxy (`runtime::weakref`): the referent is not owned.
    WeakRef(Box<crate::runtime::weakref::WeakRefData>),
    /// `iter(callable, sentinel)`: both released once exhausted (`calliterobject`).
    CallableIter {
        func: Option<ObjRef>,
        sentinel: Option<ObjRef>,
    },
}

/// A set's contents: CPython's hash table layout (see `semantics::set_table`),
/// so iteration, `pop()` and `sys.getsizeof` follow CPython. Every key is owned.
#[derive(Debug, Default)]
pub struct SetData {
    pub table: crate::semantics::set_table::SetTable<ObjRef>,
}

/// Exception instance fields (CPython's `PyBaseExceptionObject`).
#[derive(Debug, Default)]
pub struct ExceptionData {
    pub args: Option<ObjRef>,
    pub traceback: Option<ObjRef>,
    pub context: Option<ObjRef>,
    pub cause: Option<ObjRef>,
    pub suppress_context: bool,
    /// AttributeError's `obj` and `name` (3.11's `set_attribute_error_context`
    /// fills them when a lookup fails; the traceback printer uses them for
    /// "Did you mean" suggestions).
    pub attr_obj: Option<ObjRef>,
    pub attr_name: Option<ObjRef>,
    /// OSError's `errno`, `strerror`, `filename`, `filename2`.
    pub os: [Option<ObjRef>; 4],
}

/// A type object (CPython's `PyTypeObject` / heap type).
#[derive(Debug)]
pub struct TypeData {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub bases: Vec<ObjRef>,
    pub mro: Vec<ObjRef>,
    /// The type's namespace (`__dict__`), a dict object.
    pub dict: ObjRef,
    /// Which payload instances of this type carry (inherited from the builtin base).
    pub layout: Layout,
    /// True for classes created by a `class` statement (heap types): their
    /// instances get a `__dict__`, their attributes are writable.
    pub heap_type: bool,
    /// `tp_basicsize` in CPython 3.11 on 64-bit (for `sys.getsizeof` and the allocator).
    pub basicsize: u32,
    /// `tp_itemsize`.
    pub itemsize: u32,
    /// `ht_cached_keys`: the key table its instances' attributes share.
    pub shared_keys: Option<crate::runtime::shared_keys::SharedKeysRef>,
}

/// The instance layout a type (or its builtin ancestor) dictates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Type,
    BaseException,
    Other,
}

/// Unused by the VM itself; lets event consumers name a frame's owner.
#[derive(Debug, Clone, Copy)]
pub struct FrameRef(pub FrameId);

impl Payload {
    /// Calls `f` with every reference this payload owns and the holder that
    /// owns it (`owner` is the object carrying the payload), in the order
    /// CPython's deallocator releases them.
    pub fn for_each_ref(&self, owner: ObjRef, mut f: impl FnMut(ObjRef, Holder)) {
        let item = Holder::Item(owner);
        let field = |name: &'static str| Holder::Field(owner, name);
        match self {
            Payload::Plain
            | Payload::Int(_)
            | Payload::Bool(_)
            | Payload::Float(_)
            | Payload::Complex(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::RangeIter { .. } => {}
            Payload::Tuple(items) => items.iter().rev().for_each(|&r| f(r, item)),
            Payload::List(items) => items.iter().rev().for_each(|&r| f(r, item)),
            Payload::Dict(d) => {
                for &(k, v) in d.map.values() {
                    f(k, item);
                    f(v, item);
                }
            }
            Payload::Set(s) => s.table.iter().for_each(|r| f(r, item)),
            Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
                f(*start, field("start"));
                f(*stop, field("stop"));
                f(*step, field("step"));
            }
            Payload::Function(func) => {
                // func_dealloc's order (func_clear).
                f(func.code, field("__code__"));
                f(func.globals, field("__globals__"));
                f(func.builtins, field("__builtins__"));
                if let Some(m) = func.module {
                    f(m, field("__module__"));
                }
                f(func.name, field("__name__"));
                f(func.qualname, field("__qualname__"));
                for (r, name) in [
                    (func.doc, "__doc__"),
                    (func.defaults, "__defaults__"),
                    (func.kwdefaults, "__kwdefaults__"),
                    (func.closure, "__closure__"),
                    (func.annotations, "__annotations__"),
                ] {
                    if let Some(r) = r {
                        f(r, field(name));
                    }
                }
            }
            Payload::Code(c) => {
                c.consts.iter().for_each(|&r| f(r, field("co_consts")));
                c.names.iter().for_each(|&r| f(r, field("co_names")));
                c.localsplusnames
                    .iter()
                    .for_each(|&r| f(r, field("co_localsplusnames")));
            }
            Payload::Cell(c) => {
                if let Some(r) = c {
                    f(*r, Holder::Cell(owner));
                }
            }
            Payload::Method { func, self_ } => {
                f(*func, field("__func__"));
                f(*self_, field("__self__"));
            }
            Payload::Builtin { self_, .. } => {
                if let Some(s) = self_ {
                    f(*s, field("__self__"));
                }
            }
            Payload::MethodDescr { owner: o, .. } => f(*o, field("__objclass__")),
            Payload::Type(t) => {
                f(t.dict, field("__dict__"));
                t.bases.iter().for_each(|&r| f(r, field("__bases__")));
                t.mro.iter().for_each(|&r| f(r, field("__mro__")));
            }
            Payload::Module { name } => f(*name, field("__name__")),
            Payload::Property {
                fget,
                fset,
                fdel,
                doc,
            } => {
                for (r, name) in [
                    (fget, "fget"),
                    (fset, "fset"),
                    (fdel, "fdel"),
                    (doc, "__doc__"),
                ] {
                    if let Some(r) = r {
                        f(*r, field(name));
                    }
                }
            }
            Payload::StaticMethod(r) | Payload::ClassMethod(r) => f(*r, field("__func__")),
            Payload::Super { ty, obj, obj_type } => {
                f(*ty, field("__thisclass__"));
                if let Some(o) = obj {
                    f(*o, field("__self__"));
                }
                if let Some(o) = obj_type {
                    f(*o, field("__self_class__"));
                }
            }
            Payload::BaseException(e) => {
                // OSError_clear's / AttributeError_clear's order, then BaseException_clear's.
                for (r, name) in e.os.iter().zip(super::types::oserror::OS_FIELDS) {
                    if let Some(r) = *r {
                        f(r, field(name));
                    }
                }
                for (r, name) in [
                    (e.attr_obj, "obj"),
                    (e.attr_name, "name"),
                    (e.args, "args"),
                    (e.traceback, "__traceback__"),
                    (e.context, "__context__"),
                    (e.cause, "__cause__"),
                ] {
                    if let Some(r) = r {
                        f(r, field(name));
                    }
                }
            }
            Payload::Traceback { next, frame, .. } => {
                if let Some(n) = next {
                    f(*n, field("tb_next"));
                }
                f(*frame, field("tb_frame"));
            }
            Payload::Frame(frame) => frame.for_each_ref(&mut f),
            Payload::Generator(generator) => generator.for_each_ref(owner, &mut f),
            Payload::SeqIter { seq, .. }
            | Payload::Reversed { seq, .. }
            | Payload::CallIter { seq, .. } => {
                if let Some(seq) = seq {
                    f(*seq, field("it_seq"))
                }
            }
            Payload::SetIter { set, .. } => {
                if let Some(set) = set {
                    f(*set, field("si_set"))
                }
            }
            Payload::CallableIter { func, sentinel } => {
                if let Some(func) = func {
                    f(*func, field("it_callable"));
                }
                if let Some(s) = sentinel {
                    f(*s, field("it_sentinel"));
                }
            }
            Payload::DictIter { dict, result, .. } => {
                if let Some(dict) = dict {
                    f(*dict, field("di_dict"))
                }
                if let Some(r) = result {
                    f(*r, field("di_result"))
                }
            }
            Payload::DictView { dict, .. } => f(*dict, field("dv_dict")),
            Payload::Enumerate {
                iter,
                count,
                result,
            } => {
                f(*iter, field("en_sit"));
                f(*result, field("en_result"));
                f(*count, field("en_longindex"));
            }
            Payload::Zip { iters, result, .. } => {
                iters.iter().for_each(|&r| f(r, field("ittuple")));
                f(*result, field("result"));
            }
            Payload::Map { func, iters } => {
                f(*func, field("func"));
                iters.iter().for_each(|&r| f(r, field("iters")));
            }
            Payload::Filter { func, iter } => {
                f(*func, field("func"));
                f(*iter, field("it"));
            }
            Payload::WeakRef(w) => {
                if let Some(cb) = w.callback {
                    f(cb, field("__callback__"));
                }
            }
        }
    }
}
