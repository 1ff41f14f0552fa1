//! Bytecode: the compiler's output and the VM's input, modelled on CPython 3.11.
//!
//! Opcode names, operands and stack effects are CPython 3.11's (see the
//! `dis` module documentation for 3.11), because mirroring CPython's
//! evaluation stack is what makes reference counts agree for the right
//! reasons. Differences, all invisible to programs:
//! - there are no inline CACHE entries and no EXTENDED_ARG: an [`Instruction`]
//!   holds a full `u32` operand; `dis` adds CPython's cache sizes back when it
//!   prints byte offsets ([`Opcode::cache_entries`]);
//! - jump operands are absolute *instruction indices* into `CodeObject::code`
//!   (CPython's are relative); the opcode still says forward/backward so the
//!   disassembly reads like CPython's;
//! - constants are compile-time [`Const`] values; the VM turns each code
//!   object's constants into heap objects once, when it loads the code.
//!
//! Stack notation below: `a b -- c` means the instruction pops `b` (top) then
//! `a` and pushes `c`. "NULL" is an empty stack slot (CPython's NULL),
//! represented in the VM as an absent value.

use crate::ast::Span;
use num_bigint::BigInt;
use std::rc::Rc;

/// CPython 3.11's opcodes (the subset pysim uses), with their operand meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(non_camel_case_types)]
pub enum Opcode {
    // --- general stack manipulation
    /// No-op (kept where CPython keeps one, e.g. for line events).
    NOP,
    /// Start of a code object's execution; operand 0 at function start, 1 after yield, 2 after await.
    RESUME,
    /// `a --`
    POP_TOP,
    /// `-- NULL`
    PUSH_NULL,
    /// `... x(i) ... -- ... x ... x`: push a new reference to the i-th item from the top (1-based).
    COPY,
    /// swap TOS with the i-th item from the top (1-based, i >= 2).
    SWAP,

    // --- unary / binary
    UNARY_POSITIVE,
    UNARY_NEGATIVE,
    UNARY_NOT,
    UNARY_INVERT,
    /// `a b -- a op b`; operand: `ast::Operator as u32`, +13 for the in-place form (`+=`).
    BINARY_OP,
    /// `container key -- container[key]`
    BINARY_SUBSCR,
    /// `value container key --` (container[key] = value)
    STORE_SUBSCR,
    /// `container key --`
    DELETE_SUBSCR,
    /// `a b -- (a op b)`; operand: 0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=` (CPython's cmp_op order).
    COMPARE_OP,
    /// `a b -- bool`; operand 0 `is`, 1 `is not`.
    IS_OP,
    /// `a b -- bool` (a in b); operand 0 `in`, 1 `not in`.
    CONTAINS_OP,

    // --- iteration and generators
    /// `iterable -- iter(iterable)`
    GET_ITER,
    /// `iter -- iter next` or, when exhausted, pops `iter` and jumps to the operand.
    FOR_ITER,
    /// `iterable -- iter` for `yield from` (generators pass through unchanged).
    GET_YIELD_FROM_ITER,
    /// `value --` and return it to the caller (the frame ends).
    RETURN_VALUE,
    /// `value -- sent`: suspend the generator yielding `value`; on resume TOS is the sent value.
    YIELD_VALUE,
    /// First instruction of a generator function: create the generator from this frame and return it.
    RETURN_GENERATOR,
    /// `receiver value -- receiver retval_or_yielded`: send `value` into `receiver`
    /// (`yield from`); when the subiterator returns, pop receiver, push the return value and jump to the operand.
    SEND,

    // --- names
    /// operand: index into `names`. `value --`
    STORE_NAME,
    DELETE_NAME,
    /// `-- value` looked up in locals, then globals, then builtins.
    LOAD_NAME,
    /// operand: `(names index << 1) | push_null`; `-- [NULL] value` from globals then builtins.
    LOAD_GLOBAL,
    STORE_GLOBAL,
    DELETE_GLOBAL,
    /// operand: index into `localsplus`. `-- value` (UnboundLocalError if unset).
    LOAD_FAST,
    STORE_FAST,
    DELETE_FAST,
    /// `-- value` operand: index into `consts`.
    LOAD_CONST,

    // --- cells and closures (operands index `localsplus`, as in 3.11)
    /// Replace the local at the operand with a new cell holding its current value (or empty).
    MAKE_CELL,
    /// `-- cell` push the cell object itself (for building a closure tuple).
    LOAD_CLOSURE,
    /// `-- cell.contents` (NameError/UnboundLocalError "cannot access free variable ..." if empty).
    LOAD_DEREF,
    /// `value --` into the cell.
    STORE_DEREF,
    DELETE_DEREF,
    /// Class bodies: look in the class namespace first, then the cell.
    LOAD_CLASSDEREF,
    /// Copy the operand-many cells of the function's closure into the last free-variable slots.
    COPY_FREE_VARS,

    // --- attributes
    /// `obj -- obj.attr` operand: names index.
    LOAD_ATTR,
    /// `value obj --` (obj.attr = value)
    STORE_ATTR,
    /// `obj --`
    DELETE_ATTR,
    /// `obj -- meth obj` when the attribute is a plain function found on the type
    /// (unbound method + self), else `obj -- NULL attr`.
    LOAD_METHOD,

    // --- building
    /// operand n: `x1..xn -- tuple`
    BUILD_TUPLE,
    BUILD_LIST,
    BUILD_SET,
    /// operand n: `k1 v1 .. kn vn -- dict`
    BUILD_MAP,
    /// operand n: `v1..vn keys_tuple -- dict`
    BUILD_CONST_KEY_MAP,
    /// operand n: `s1..sn -- concatenated str`
    BUILD_STRING,
    /// operand 2 or 3: `start stop [step] -- slice`
    BUILD_SLICE,
    /// `list -- tuple`
    LIST_TO_TUPLE,
    /// operand i: `v --`, appends to the list i items down (after popping v).
    LIST_APPEND,
    SET_ADD,
    /// `k v --` into the dict i items down.
    MAP_ADD,
    /// `iterable --` extend the list i items down.
    LIST_EXTEND,
    SET_UPDATE,
    DICT_UPDATE,
    /// Like DICT_UPDATE but raises on duplicate keys (for `**kwargs` in calls).
    DICT_MERGE,
    /// operand n: `seq -- xn .. x1` (x1 on top).
    UNPACK_SEQUENCE,
    /// operand `before | (after << 8)`: `seq -- after items, list, before items` (first item on top).
    UNPACK_EX,
    /// `value [fmt_spec] -- str`; operand: low 2 bits conversion (0 none, 1 str, 2 repr, 3 ascii), 0x04 a spec is on the stack.
    FORMAT_VALUE,

    // --- jumps (operand: absolute target instruction index)
    JUMP_FORWARD,
    JUMP_BACKWARD,
    JUMP_BACKWARD_NO_INTERRUPT,
    /// `cond --` jump when false.
    POP_JUMP_FORWARD_IF_FALSE,
    POP_JUMP_FORWARD_IF_TRUE,
    POP_JUMP_FORWARD_IF_NONE,
    POP_JUMP_FORWARD_IF_NOT_NONE,
    POP_JUMP_BACKWARD_IF_FALSE,
    POP_JUMP_BACKWARD_IF_TRUE,
    POP_JUMP_BACKWARD_IF_NONE,
    POP_JUMP_BACKWARD_IF_NOT_NONE,
    /// If TOS is false jump and keep it, else pop it.
    JUMP_IF_FALSE_OR_POP,
    JUMP_IF_TRUE_OR_POP,

    // --- calls and functions
    /// operand argc. Precedes CALL (a no-op here, kept for CPython-shaped disassembly).
    PRECALL,
    /// operand argc: `NULL|method callable|self arg1..argc -- result`.
    /// With a pending KW_NAMES tuple, the last len(kwnames) args are keyword arguments.
    CALL,
    /// operand: consts index of a tuple of keyword names for the next CALL.
    KW_NAMES,
    /// `NULL func args_tuple [kwargs_dict] -- result`; operand bit 0: kwargs present.
    CALL_FUNCTION_EX,
    /// `[defaults] [kwdefaults] [annotations] [closure] code -- function`;
    /// operand flags 0x01 defaults tuple, 0x02 kw-defaults dict, 0x04 annotations, 0x08 closure tuple.
    MAKE_FUNCTION,
    /// `-- builtins.__build_class__`
    LOAD_BUILD_CLASS,
    SETUP_ANNOTATIONS,

    // --- exceptions and with
    /// operand 0: re-raise the active exception; 1: `exc --` raise exc; 2: `exc cause --` raise exc from cause.
    RAISE_VARARGS,
    /// `exc --` re-raise; operand 1: also pop `lasti` below and restore it to the frame.
    RERAISE,
    /// `exc -- prev_exc exc`: make exc the handled exception, saving the previous one.
    PUSH_EXC_INFO,
    /// `prev_exc --` restore the previously handled exception.
    POP_EXCEPT,
    /// `exc type -- exc bool`
    CHECK_EXC_MATCH,
    /// `-- AssertionError`
    LOAD_ASSERTION_ERROR,
    /// `mgr -- exit_bound_method enter_result`
    BEFORE_WITH,
    /// `exit lasti prev_exc exc -- exit lasti prev_exc exc result`: call exit(type, exc, tb).
    WITH_EXCEPT_START,

    // --- imports
    /// `level fromlist -- module` operand: names index of the dotted module name.
    IMPORT_NAME,
    /// `module -- module attr` operand: names index.
    IMPORT_FROM,
    /// `module --` bind every public name into locals.
    IMPORT_STAR,
}

impl Opcode {
    /// The name `dis` prints.
    pub fn name(self) -> String {
        format!("{self:?}")
    }

    /// Number of inline CACHE code units CPython 3.11 puts after this opcode
    /// (only used to print CPython's byte offsets in `dis`).
    pub fn cache_entries(self) -> u32 {
        use Opcode::*;
        match self {
            BINARY_SUBSCR => 4,
            STORE_SUBSCR => 1,
            UNPACK_SEQUENCE => 1,
            STORE_ATTR => 4,
            LOAD_ATTR => 4,
            COMPARE_OP => 2,
            LOAD_GLOBAL => 5,
            BINARY_OP => 1,
            LOAD_METHOD => 10,
            PRECALL => 1,
            CALL => 4,
            _ => 0,
        }
    }

    /// Whether the operand is a jump target.
    pub fn is_jump(self) -> bool {
        use Opcode::*;
        matches!(
            self,
            FOR_ITER
                | SEND
                | JUMP_FORWARD
                | JUMP_BACKWARD
                | JUMP_BACKWARD_NO_INTERRUPT
                | POP_JUMP_FORWARD_IF_FALSE
                | POP_JUMP_FORWARD_IF_TRUE
                | POP_JUMP_FORWARD_IF_NONE
                | POP_JUMP_FORWARD_IF_NOT_NONE
                | POP_JUMP_BACKWARD_IF_FALSE
                | POP_JUMP_BACKWARD_IF_TRUE
                | POP_JUMP_BACKWARD_IF_NONE
                | POP_JUMP_BACKWARD_IF_NOT_NONE
                | JUMP_IF_FALSE_OR_POP
                | JUMP_IF_TRUE_OR_POP
        )
    }
}

/// One instruction: opcode and its full operand (0 when unused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instruction {
    pub op: Opcode,
    pub arg: u32,
}

/// A compile-time constant (CPython's `co_consts` entries).
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// A complex constant such as `2j` or a folded `1+2j`.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Ellipsis,
    /// Constant tuples (folded literals, keyword-name tuples, default-free `in (1, 2)`).
    Tuple(Rc<[Const]>),
    /// Frozenset constants (folded `x in {1, 2}` and constant set displays),
    /// elements in the order CPython's compiler listed them (deduplicated).
    FrozenSet(Rc<[Const]>),
    /// A nested function, lambda, class body or comprehension.
    Code(Rc<CodeObject>),
}

/// One entry of CPython 3.11's exception table: while executing an
/// instruction in `start..end`, an exception pops the stack down to `depth`,
/// pushes the instruction index that raised (when `push_lasti`), pushes the
/// exception, and jumps to `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// Kind bits of a `localsplus` slot (CPython's CO_FAST_*).
pub const CO_FAST_LOCAL: u8 = 0x20;
pub const CO_FAST_CELL: u8 = 0x40;
pub const CO_FAST_FREE: u8 = 0x80;

/// Code flags (CPython's CO_*).
pub const CO_OPTIMIZED: u32 = 0x0001;
pub const CO_NEWLOCALS: u32 = 0x0002;
pub const CO_VARARGS: u32 = 0x0004;
pub const CO_VARKEYWORDS: u32 = 0x0008;
pub const CO_NESTED: u32 = 0x0010;
pub const CO_GENERATOR: u32 = 0x0020;
pub const CO_NOFREE: u32 = 0x0040;

/// A compiled code object (CPython's `PyCodeObject`), immutable once built.
///
/// `localsplus` is 3.11's combined slot array: parameters first (positional,
/// keyword-only, `*args`, `**kwargs` in that order), then other locals, then
/// cell variables that are not parameters, then free variables. A parameter
/// that is also a cell keeps its parameter slot with kind `LOCAL | CELL`
/// (MAKE_CELL converts it in place at function start).
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub localsplusnames: Vec<Rc<str>>,
    pub localspluskinds: Vec<u8>,
    pub names: Vec<Rc<str>>,
    pub consts: Vec<Const>,
    pub code: Vec<Instruction>,
    /// Source position of each instruction (parallel to `code`), as CPython's
    /// `co_positions()`: used for line events and traceback carets. A line of 0 means "no position".
    pub positions: Vec<Span>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// Maximum evaluation-stack depth.
    pub stacksize: u32,
}

impl CodeObject {
    /// `co_varnames`: the slots that are locals (including parameters).
    pub fn varnames(&self) -> impl Iterator<Item = &Rc<str>> {
        self.slots_of_kind(CO_FAST_LOCAL)
    }

    /// `co_cellvars`: slots that are cells (including parameters that are cells).
    pub fn cellvars(&self) -> impl Iterator<Item = &Rc<str>> {
        self.slots_of_kind(CO_FAST_CELL)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> impl Iterator<Item = &Rc<str>> {
        self.slots_of_kind(CO_FAST_FREE)
    }

    fn slots_of_kind(&self, kind: u8) -> impl Iterator<Item = &Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(move |(_, k)| **k & kind != 0)
            .map(|(n, _)| n)
    }

    /// Number of free variables (they occupy the last slots of `localsplus`).
    pub fn nfreevars(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|k| **k & CO_FAST_FREE != 0)
            .count()
    }

    /// Total parameter count, including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & CO_VARARGS != 0 {
            n += 1;
        }
        if self.flags & CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The line of the instruction at `index` (0 when it has none).
    pub fn line_of(&self, index: usize) -> u32 {
        self.positions.get(index).map_or(0, |s| s.line)
    }
}
