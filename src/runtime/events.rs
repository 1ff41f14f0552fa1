//! The event hook: every state change the trace needs, reported by the VM
//! through [`EventSink`].
//!
//! The VM holds an `Option<Box<dyn EventSink>>`; with no sink attached the
//! only cost at each reporting site is one branch on that option. Events name
//! objects by [`ObjRef`] (stable for the object's whole life; slotmap keys are
//! never reused for a different object because of their version counter) and
//! holders by [`Holder`], so a recorder can rebuild the full reference graph.

use super::heap::{ObjRef, Object};
use super::inspect::Inspector;

/// Identifies one frame activation for the lifetime of the run (never reused).
pub type FrameId = u32;

/// Who gains or loses a reference (the "holder" of an incref/decref).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holder {
    /// An evaluation-stack slot of a frame.
    Stack(FrameId),
    /// A fast local (`localsplus` slot) of a frame.
    Local(FrameId, u32),
    /// Another field of a frame: its function, code, locals dict or frame object.
    FrameField(FrameId, &'static str),
    /// The contents of a cell object.
    Cell(ObjRef),
    /// A name in a namespace dict (module globals, class body, instance `__dict__`):
    /// the dict and the key string object.
    Name { ns: ObjRef, key: ObjRef },
    /// A slot of a container (list/tuple item, dict key or value, set member).
    Item(ObjRef),
    /// A field of an object that is not a container item: a function's
    /// defaults/closure/code, a bound method's self, an iterator's sequence,
    /// a type's bases/mro/dict, an exception's traceback/context/cause, an object's type…
    Field(ObjRef, &'static str),
    /// A reference the interpreter itself keeps (builtins, interned strings,
    /// the small-int cache, singletons, sys.modules' owner, the current exception).
    Root(&'static str),
    /// A temporary held by native code while it works (CPython's C locals).
    Temp,
}

/// Why an object was freed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeCause {
    /// Its reference count reached zero.
    RefcountZero,
    /// The cycle collector cleared it.
    CycleCollection,
    /// Interpreter shutdown.
    InterpreterExit,
}

/// Why a frame stopped running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameExit {
    Return,
    Exception,
    Yield,
}

/// One state change. Borrowed strings avoid allocation when no sink is attached
/// (events are only built when a sink is present).
#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    Alloc {
        obj: ObjRef,
        type_name: &'a str,
        addr: u64,
        size: u32,
    },
    Incref {
        obj: ObjRef,
        holder: Holder,
        new_count: u64,
    },
    Decref {
        obj: ObjRef,
        holder: Holder,
        new_count: u64,
    },
    Free {
        obj: ObjRef,
        cause: FreeCause,
    },
    /// `__del__` is about to run for `obj`.
    Finalize {
        obj: ObjRef,
    },
    /// A name was bound, rebound (old is Some) or unbound (new is None).
    Bind {
        ns: ObjRef,
        name: &'a str,
        old: Option<ObjRef>,
        new: Option<ObjRef>,
    },
    /// A fast local of a frame changed.
    BindLocal {
        frame: FrameId,
        slot: u32,
        name: &'a str,
        old: Option<ObjRef>,
        new: Option<ObjRef>,
    },
    CellCreated {
        cell: ObjRef,
        frame: FrameId,
        name: &'a str,
    },
    FramePush {
        frame: FrameId,
        code_name: &'a str,
        filename: &'a str,
    },
    FramePop {
        frame: FrameId,
        exit: FrameExit,
    },
    FrameResume {
        frame: FrameId,
    },
    /// Execution reached a new source line in a frame.
    Line {
        frame: FrameId,
        line: u32,
    },
    /// An instruction is about to execute.
    Instruction {
        frame: FrameId,
        index: u32,
        opname: &'a str,
    },
    ExceptionRaised {
        exc: ObjRef,
        frame: FrameId,
    },
    ExceptionCaught {
        exc: ObjRef,
        frame: FrameId,
    },
    /// The import system searches for `name` (absolute), which is not in
    /// `sys.modules` (`runtime::imports`).
    ImportSearch {
        name: &'a str,
    },
    /// An import found `name` in `sys.modules`: its body does not run again.
    ImportCacheHit {
        name: &'a str,
        module: ObjRef,
    },
    /// A module object was created for `name` from `file` (None for builtin
    /// and namespace modules) and put into `sys.modules`, before its body runs.
    ModuleCreated {
        name: &'a str,
        module: ObjRef,
        file: Option<&'a str>,
    },
    /// The module's body starts running (a `<module>` frame follows).
    ModuleExec {
        name: &'a str,
        module: ObjRef,
    },
    /// The module's body finished: the import succeeded.
    ModuleDone {
        name: &'a str,
        module: ObjRef,
    },
    /// The module's body raised: the module was removed from `sys.modules`
    /// (it lives on only while something else refers to it).
    ModuleFailed {
        name: &'a str,
        module: ObjRef,
    },
    Stdout {
        text: &'a str,
    },
    Stderr {
        text: &'a str,
    },
    /// The contents of `obj` changed in a way its incref/decref events do not
    /// show: references moved in or out without a count change (stolen, as
    /// `list.extend` does with its temporaries), items inserted anywhere but
    /// at the end (`list.insert`), or reordered (`list.sort`, `list.reverse`).
    /// The trace recorder re-reads the object's contents at the next step
    /// boundary. Appending at the end and replacing a slot (incref the new
    /// item, decref the old) need no `Mutated`.
    Mutated {
        obj: ObjRef,
    },
}

/// Receives the VM's events. Implemented by the trace recorder, test probes, …
pub trait EventSink {
    fn event(&mut self, event: &Event<'_>);
    /// Whether per-instruction events are wanted (they are the most frequent).
    fn wants_instructions(&self) -> bool {
        false
    }
    /// Called right after [`Event::Alloc`] with the new object (its payload
    /// already in place), so a sink can note the value of short-lived objects.
    fn allocated(&mut self, _obj: ObjRef, _object: &Object) {}
    /// Whether the sink wants to read the VM at step boundaries through
    /// [`EventSink::inspect`].
    fn wants_inspection(&self) -> bool {
        false
    }
    /// A step boundary: called by `Vm::offer_inspection` right after each
    /// [`Event::Line`] (and [`Event::Instruction`], when wanted) with
    /// read-only access to the whole interpreter state.
    fn inspect(&mut self, _vm: &dyn Inspector) {}
}
