//! The virtual machine: interpreter state and the core object protocol.
//!
//! Ownership convention (CPython's): every function returning an `ObjRef`
//! inside `PyResult` returns a *new* reference the caller owns; arguments are
//! *borrowed*. Storing a reference anywhere (stack, local, container, field)
//! means owning one (incref'd); dropping it means `decref`, which may free the
//! object — running `__del__` and releasing its contents in CPython's order.
//!
//! Who implements what:
//! - `eval.rs`: the bytecode loop; `call.rs`: calling anything, argument binding;
//!   `refcount.rs`: incref/decref/dealloc; `exceptions.rs`: raising, unwinding,
//!   tracebacks; `generator.rs`; `audit.rs`: the heap audit.
//! - `runtime::types`: the builtin types and the abstract object protocol
//!   (attribute access, binary ops, comparisons, subscripts, iteration, repr/str/hash).

pub mod args;
pub mod audit;
pub mod build;
pub mod call;
pub mod eval;
pub mod exceptions;
pub mod frame;
pub mod frames;
pub mod generator;
pub mod import;
pub mod names;
pub mod refcount;
pub mod run;
pub mod syntax_error_display;
pub mod unraisable;
pub mod unwind;

use super::events::{EventSink, FrameId};
use super::heap::{Heap, ObjRef};
use super::memory::MemoryModel;
use crate::host::Host;
use frame::Frame;

/// A Python-level failure or a stop that no Python code may catch.
#[derive(Debug)]
pub enum PyErr {
    /// A raised exception instance (owned reference).
    Exception(ObjRef),
    /// Stops the program: limits, audit failures, internal errors.
    Fatal(Fatal),
}

/// Why a run stopped outside Python's exception handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    /// `--max-steps` reached: the number of instructions executed.
    StepLimit(u64),
    /// `--max-heap` reached: the number of bytes live.
    HeapLimit(u64),
    /// The heap audit found refcounts that disagree with the real references.
    AuditFailed(String),
    /// A bug in pysim (never a panic): message for the user.
    Internal(String),
    /// A construct outside the modelled subset met in a module imported at
    /// run time (the message names it and where it is).
    Unsupported(String),
}

pub type PyResult<T = ObjRef> = Result<T, PyErr>;

/// Run-time limits that stop runaway programs with a clear message.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Maximum instructions executed (None: unlimited).
    pub max_steps: Option<u64>,
    /// Maximum live bytes in the allocator model (None: unlimited).
    pub max_heap: Option<u64>,
    /// `sys.getrecursionlimit()`, 1000 by default as in CPython.
    pub recursion_limit: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_steps: None,
            max_heap: None,
            recursion_limit: 1000,
        }
    }
}

/// Options for one run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub limits: Limits,
    /// Run the heap audit at every line boundary and stop on a mismatch.
    pub audit: bool,
    /// `sys.argv`.
    pub argv: Vec<String>,
}

/// The interpreter.
pub struct Vm {
    pub heap: Heap,
    /// The call stack; the running frame is the last one.
    pub frames: Vec<Frame>,
    pub host: Box<dyn Host>,
    pub sink: Option<Box<dyn EventSink>>,
    pub options: RunOptions,
    /// Instructions executed so far.
    pub steps: u64,
    pub next_frame_id: FrameId,
    /// The memory model behind `id()`: pymalloc (`runtime::memory`).
    pub allocator: MemoryModel,
    /// The cycle collector's state (`runtime::gc`).
    pub gc: crate::runtime::gc::GcState,
    /// >0 while the collector's `delete_garbage` runs (frees report `CycleCollection`).
    pub gc_clearing: u32,
    /// Each weakly referenced object's weakrefs, in CPython's list order (`runtime::weakref`).
    pub weaklists: std::collections::HashMap<ObjRef, Vec<ObjRef>>,
    /// Types and modules of the memory-model modules (`runtime::modules`).
    pub memory_types: crate::runtime::modules::memory::MemoryTypes,
    /// tracemalloc's tracer while tracing (`runtime::tracemalloc`).
    pub tracemalloc: Option<Box<crate::runtime::tracemalloc::Tracer>>,
    /// CPython's `trash_delete_nesting` and `trash_delete_later` (see refcount.rs).
    pub trash_nesting: u32,
    pub trash_later: Vec<ObjRef>,
    /// An inconsistency found where no error can be returned (e.g. in decref);
    /// the eval loop turns it into `Fatal::Internal`.
    pub pending_internal_error: Option<String>,
    /// The exception being handled (`sys.exc_info()`; CPython's
    /// `tstate->exc_info->exc_value`), an owned reference (`Holder::Root("exc_info")`).
    pub handled_exception: Option<ObjRef>,
    /// CPython 3.11's single recursion counter: Python frames plus native
    /// re-entry (`enter_recursive_call`, e.g. `__eq__` called from `list.index`).
    pub recursion_depth: usize,
    /// Handled-exception states of the code that resumed a generator (the
    /// generator's own state is `handled_exception` while it runs).
    pub exc_info_stack: Vec<Option<ObjRef>>,
    /// Set by RERAISE and bare `raise`: the error handler adds no traceback entry.
    pub reraising: bool,
    /// The frame a YIELD_VALUE just suspended, for the generator to take back.
    pub yielded_frame: Option<Frame>,
    /// Object visits the heap audit may still spend (see `audit.rs`).
    pub audit_credit: u64,
    /// Line boundaries the audit has seen.
    pub audit_lines: u64,
    /// A fatal stop found where it could not be returned (e.g. inside `__del__`).
    pub pending_fatal: Option<Fatal>,
    /// Source text of the files run, by filename (for traceback lines).
    pub sources: std::collections::HashMap<std::rc::Rc<str>, std::rc::Rc<str>>,
    /// Heap-type instances in allocation order (stale keys are skipped): at
    /// exit, finalizers run in this order, as CPython's final collection does.
    pub instances: Vec<ObjRef>,
    /// Active eval loops: 1 in the outermost one; more while native code
    /// (type_call, `__del__`, generators…) runs Python code on a nested loop.
    pub eval_depth: usize,
    /// The builtin types, singletons, caches and interpreter roots (`runtime::types`).
    pub types: crate::runtime::types::TypeRegistry,
    /// The import system's state (`runtime::imports`).
    pub imports: crate::runtime::imports::ImportState,
    /// Locals and stack buffers of finished frames, reused by `new_frame` so
    /// that a call allocates nothing on the Rust heap.
    pub frame_pool: Vec<frames::FrameBuffers>,
    /// Argument buffers for calls to native callables (taken while in use,
    /// so nested calls get their own).
    pub arg_pool: Vec<Vec<ObjRef>>,
    /// Results of MRO lookups (`runtime::types::type_cache`).
    pub type_cache: crate::runtime::types::type_cache::TypeAttrCache,
}

impl Vm {
    /// A fresh interpreter: empty heap, then the builtin types, builtins and
    /// `sys` created by `runtime::types::bootstrap`.
    pub fn new(host: Box<dyn Host>, options: RunOptions) -> Vm {
        let mut vm = Vm {
            heap: Heap::new(),
            frames: Vec::new(),
            host,
            sink: None,
            options,
            steps: 0,
            next_frame_id: 0,
            allocator: MemoryModel::new(),
            gc: Default::default(),
            gc_clearing: 0,
            weaklists: Default::default(),
            memory_types: Default::default(),
            tracemalloc: None,
            trash_nesting: 0,
            trash_later: Vec::new(),
            pending_internal_error: None,
            handled_exception: None,
            recursion_depth: 0,
            exc_info_stack: Vec::new(),
            reraising: false,
            yielded_frame: None,
            audit_credit: 0,
            audit_lines: 0,
            pending_fatal: None,
            sources: Default::default(),
            instances: Vec::new(),
            eval_depth: 0,
            types: Default::default(),
            imports: Default::default(),
            frame_pool: Vec::new(),
            arg_pool: Vec::new(),
            type_cache: Default::default(),
        };
        crate::runtime::types::bootstrap(&mut vm);
        vm.install_generator_methods();
        crate::runtime::modules::memory::install(&mut vm);
        vm.gc_after_bootstrap();
        vm
    }
}

/// An internal inconsistency as an error (never a panic).
pub(crate) fn internal(msg: &str) -> PyErr {
    PyErr::Fatal(Fatal::Internal(msg.to_string()))
}
