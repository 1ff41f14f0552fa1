//! The trace model (schema version [`TRACE_FORMAT_VERSION`]): the records a
//! trace is made of, as the views and exports see them once decoded.
//!
//! Objects are named by [`ObjId`], a dense number given in the order the
//! recorder first saw each object (allocation order for objects born during
//! the run). Strings that repeat (type names, variable names, field names)
//! are [`Sym`]s into the trace's symbol table. Records come in two kinds:
//! *story* records, one per VM event (what happened), and *state* records
//! that the recorder adds at step boundaries from what it read through the
//! inspection API (what the heap looks like now). `docs/trace-format.md`
//! documents every record.

use crate::runtime::events::FrameId;

/// The version of the trace schema. Bump it when a record changes meaning;
/// adding a record kind is backward compatible for readers that skip unknown ones.
pub const TRACE_FORMAT_VERSION: u32 = 2;

/// A traced object: index into [`crate::trace::Trace::objects`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ObjId(pub u32);

/// An interned string: index into the trace's symbol table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Sym(pub u32);

/// A code object seen in the trace: index into [`crate::trace::Trace::codes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CodeId(pub u32);

/// What a step is: one source line reached, or one instruction executed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepMode {
    Line,
    Instruction,
}

/// Who gains or loses a reference (the VM's [`Holder`](crate::runtime::events::Holder) with trace ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TraceHolder {
    /// The evaluation stack of a frame.
    Stack(FrameId),
    /// Fast-local slot of a frame.
    Local(FrameId, u32),
    /// Another field of a frame (`f_func`, `f_code`, `f_locals`, `frame_obj`).
    FrameField(FrameId, Sym),
    /// The contents of a cell.
    Cell(ObjId),
    /// A name in a namespace dict: the dict and the key string.
    Name { ns: ObjId, key: ObjId },
    /// An item of a container (list/tuple item, dict key or value, set member).
    Item(ObjId),
    /// A named field of an object.
    Field(ObjId, Sym),
    /// A reference the interpreter keeps itself.
    Root(Sym),
    /// A temporary of native code.
    Temp,
}

impl TraceHolder {
    /// Stack slots and native temporaries: references in flight, not part of
    /// any structure a learner draws.
    pub fn is_transient(&self) -> bool {
        matches!(self, TraceHolder::Stack(_) | TraceHolder::Temp)
    }
}

/// Where a reference sits inside its owner (the VM's [`Slot`](crate::runtime::inspect::Slot) with symbols).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TraceSlot {
    Index(u32),
    Key(u32),
    Value(u32),
    Field(Sym),
    Cell,
    Dict,
    Type,
    Local(u32),
    Stack,
    FrameField(Sym),
}

/// Why an object was freed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FreeCause {
    RefcountZero,
    CycleCollection,
    InterpreterExit,
}

impl FreeCause {
    pub fn name(self) -> &'static str {
        match self {
            FreeCause::RefcountZero => "refcount",
            FreeCause::CycleCollection => "gc",
            FreeCause::InterpreterExit => "exit",
        }
    }
}

/// The steps of an import (`runtime::imports`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportPhase {
    /// `name` is not in `sys.modules`: the import system searches for it.
    Search,
    /// `name` was found in `sys.modules`: its body does not run again.
    CacheHit,
    /// A module object was created and put in `sys.modules`.
    Created,
    /// The module's body starts running.
    Exec,
    /// The module's body finished.
    Done,
    /// The module's body raised; the module left `sys.modules`.
    Failed,
}

impl ImportPhase {
    pub fn name(self) -> &'static str {
        match self {
            ImportPhase::Search => "search",
            ImportPhase::CacheHit => "cache_hit",
            ImportPhase::Created => "module_created",
            ImportPhase::Exec => "module_exec",
            ImportPhase::Done => "module_done",
            ImportPhase::Failed => "module_failed",
        }
    }
}

/// Why a frame stopped running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameExit {
    Return,
    Exception,
    Yield,
}

impl FrameExit {
    pub fn name(self) -> &'static str {
        match self {
            FrameExit::Return => "return",
            FrameExit::Exception => "exception",
            FrameExit::Yield => "yield",
        }
    }
}

/// One decoded record. Borrowed parts (`&'t str`, slices) point into the
/// trace or the decoder's buffers and live until the next record is read.
#[derive(Debug, Clone, PartialEq)]
pub enum Record<'t> {
    // ---- story records (one per VM event)
    /// An object was born (type, address and size are in its [`ObjMeta`]).
    Alloc {
        obj: ObjId,
    },
    Free {
        obj: ObjId,
        cause: FreeCause,
    },
    Incref {
        obj: ObjId,
        holder: TraceHolder,
        count: u64,
    },
    Decref {
        obj: ObjId,
        holder: TraceHolder,
        count: u64,
    },
    /// `__del__` is about to run.
    Finalize {
        obj: ObjId,
    },
    /// A name in a namespace dict was bound (old None), rebound, or unbound (new None).
    Bind {
        ns: ObjId,
        name: Sym,
        old: Option<ObjId>,
        new: Option<ObjId>,
    },
    /// A fast local changed.
    BindLocal {
        frame: FrameId,
        slot: u32,
        name: Sym,
        old: Option<ObjId>,
        new: Option<ObjId>,
    },
    CellCreated {
        cell: ObjId,
        frame: FrameId,
        name: Sym,
    },
    FramePush {
        frame: FrameId,
        code_name: Sym,
        filename: Sym,
    },
    FramePop {
        frame: FrameId,
        exit: FrameExit,
    },
    FrameResume {
        frame: FrameId,
    },
    /// A new source line; in line mode, a step boundary.
    Line {
        frame: FrameId,
        line: u32,
    },
    /// An instruction about to run; in instruction mode, a step boundary.
    Instruction {
        frame: FrameId,
        index: u32,
        opname: Sym,
    },
    ExceptionRaised {
        exc: ObjId,
        frame: FrameId,
    },
    ExceptionCaught {
        exc: ObjId,
        frame: FrameId,
    },
    Stdout {
        text: &'t str,
    },
    Stderr {
        text: &'t str,
    },
    /// Contents changed without refcount traffic (sort, stolen references).
    Mutated {
        obj: ObjId,
    },
    /// A step of the import system (an extension record: readers of schema
    /// 1 that do not know it skip it).
    Import {
        phase: ImportPhase,
        name: Sym,
        module: Option<ObjId>,
        file: Option<Sym>,
    },
    /// The cycle collector starts collecting `generation` (and the younger ones).
    GcStart {
        generation: u32,
    },
    /// After subtracting the references among the collected objects: each
    /// object's references from outside the collected generations
    /// (`gc_refs`; 0 means "tentatively unreachable"), in list order.
    GcRefs {
        entries: &'t [(ObjId, i64)],
    },
    /// The garbage candidates, in the collector's list order.
    GcUnreachable {
        objs: &'t [ObjId],
    },
    /// The collector is about to run `obj`'s finalizer.
    GcFinalize {
        obj: ObjId,
    },
    /// A finalizer made `obj` reachable again: it survives this collection.
    GcResurrected {
        obj: ObjId,
    },
    /// The collector clears `obj`'s references (`tp_clear`) to break the cycle.
    GcClear {
        obj: ObjId,
    },
    /// The collection is over: objects freed and uncollectable ones.
    GcDone {
        generation: u32,
        collected: u64,
        uncollectable: u64,
    },

    // ---- state records (read through the inspection API at a step boundary)
    /// The object's refcount as read from the VM, when it differs from the
    /// last story record (changes the VM makes silently, e.g. around `__del__`).
    SetCount {
        obj: ObjId,
        count: u64,
    },
    /// The object's outgoing references, replacing what was known.
    Refs {
        obj: ObjId,
        refs: &'t [(ObjId, TraceSlot)],
    },
    /// References appended to a sequence (`Index` slots continue the numbering).
    RefsAppend {
        obj: ObjId,
        refs: &'t [(ObjId, TraceSlot)],
    },
    /// Some references replaced in place: (position in the reference list, new target).
    RefsPatch {
        obj: ObjId,
        changes: &'t [(u32, ObjId)],
    },
    /// What a frame runs and in which namespace (first seen, or changed).
    FrameInfo {
        frame: FrameId,
        code: CodeId,
        globals: ObjId,
    },
    /// All fast-local slots of a frame.
    FrameLocals {
        frame: FrameId,
        slots: &'t [Option<ObjId>],
    },
    /// The evaluation stack of a frame, bottom first.
    FrameStack {
        frame: FrameId,
        items: &'t [Option<ObjId>],
    },
    /// The frame's other owned references: `f_func`, `f_code`, `f_locals`, `frame_obj`.
    FrameFields {
        frame: FrameId,
        fields: &'t [(Sym, ObjId)],
    },
    /// A frame that is not running is owned by an object (a suspended
    /// generator's frame, a finished frame kept by a frame object).
    FrameOwner {
        frame: FrameId,
        owner: ObjId,
    },
    /// A frame that was owned by an object no longer exists (cleared).
    FrameGone {
        frame: FrameId,
    },
    /// The interpreter's own long-lived references, replacing what was known.
    Roots {
        roots: &'t [(ObjId, Sym)],
    },
    /// References held for a while by native code and the exception state
    /// (they change without events), replacing what was known.
    TempRoots {
        roots: &'t [(ObjId, Sym)],
    },
}

impl Record<'_> {
    /// Records of the cycle collector's phases.
    pub fn is_gc(&self) -> bool {
        matches!(
            self,
            Record::GcStart { .. }
                | Record::GcRefs { .. }
                | Record::GcUnreachable { .. }
                | Record::GcFinalize { .. }
                | Record::GcResurrected { .. }
                | Record::GcClear { .. }
                | Record::GcDone { .. }
        )
    }

    /// Story records come from VM events; state records from inspection.
    pub fn is_story(&self) -> bool {
        !matches!(
            self,
            Record::SetCount { .. }
                | Record::Refs { .. }
                | Record::RefsAppend { .. }
                | Record::RefsPatch { .. }
                | Record::FrameInfo { .. }
                | Record::FrameLocals { .. }
                | Record::FrameStack { .. }
                | Record::FrameFields { .. }
                | Record::FrameOwner { .. }
                | Record::FrameGone { .. }
                | Record::Roots { .. }
                | Record::TempRoots { .. }
        )
    }
}

/// Everything known about one object that never changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjMeta {
    pub type_name: Sym,
    /// Per-type ordinal in allocation order (`list#3` is the third list born
    /// during the run); 0 for objects that existed before recording started.
    pub ordinal: u32,
    pub addr: u64,
    pub size: u32,
    /// A short display of the value of an atomic object (`42`, `'abc'`).
    pub value: Option<Box<str>>,
    /// Step and line of birth (None: existed before the trace started).
    pub born: Option<(u64, u32)>,
    /// Step, line and cause of death (None: alive at the end of the trace).
    pub died: Option<(u64, u32, FreeCause)>,
    /// None, small ints, interned strings, types and other objects the
    /// interpreter shares: their refcount traffic is summarised, not narrated.
    pub shared: bool,
}

/// A code object the trace saw running.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodeMeta {
    pub name: Sym,
    pub qualname: Sym,
    pub filename: Sym,
    pub firstlineno: u32,
    /// `co_localsplusnames`: the names of the fast-local slots.
    pub slot_names: Vec<Sym>,
    /// `co_localspluskinds`: local / cell / free bits per slot.
    pub slot_kinds: Vec<u8>,
}
