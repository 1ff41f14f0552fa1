//! The compiler's intermediate form: basic blocks of instructions with
//! block-valued jump targets, plus CPython 3.11's pseudo-instructions
//! (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`, `POP_BLOCK`, and
//! direction-less jumps) that the assembler resolves.

use crate::bytecode::Opcode;
use crate::bytecode::Opcode::*;

/// An instruction opcode: a real one, or a pseudo-instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    R(Opcode),
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
    Jump,
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
}

pub type BlockId = usize;

/// A source location; -1 fields mean "none" (CPython's artificial instructions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
    };
    /// CPython's `*_noline` helpers use (-1, 0, 0, 0).
    pub const NOLINE: Loc = Loc {
        line: -1,
        end_line: 0,
        col: 0,
        end_col: 0,
    };
}

#[derive(Debug, Clone, Copy)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<BlockId>,
    pub except: Option<BlockId>,
    pub loc: Loc,
}

impl Instr {
    pub fn is_jump(&self) -> bool {
        match self.op {
            Op::Jump
            | Op::JumpNoInterrupt
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone => true,
            Op::R(o) => o.is_jump(),
            _ => false,
        }
    }

    pub fn is_block_push(&self) -> bool {
        matches!(self.op, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    pub fn is_end_of_block(&self) -> bool {
        self.is_jump() || matches!(self.op, Op::R(RETURN_VALUE | RAISE_VARARGS | RERAISE))
    }

    pub fn is(&self, o: Opcode) -> bool {
        self.op == Op::R(o)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    pub predecessors: u32,
    pub startdepth: i32,
    pub offset: u32,
    pub nofallthrough: bool,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub exit: bool,
    pub ret: bool,
    /// Handler stack at block entry (label_exception_targets).
    pub except_stack: Option<Vec<Option<BlockId>>>,
}

/// Stack effect of `op` with `arg`; `jump` selects the branch-taken effect.
pub fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    let a = arg as i32;
    match op {
        Op::SetupFinally => {
            if jump {
                1
            } else {
                0
            }
        }
        Op::SetupCleanup => {
            if jump {
                2
            } else {
                0
            }
        }
        Op::SetupWith => {
            if jump {
                1
            } else {
                0
            }
        }
        Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
        Op::R(o) => match o {
            NOP | RESUME => 0,
            POP_TOP => -1,
            SWAP => 0,
            UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT => 0,
            SET_ADD | LIST_APPEND => -1,
            MAP_ADD => -2,
            BINARY_SUBSCR => -1,
            STORE_SUBSCR => -3,
            DELETE_SUBSCR => -2,
            GET_ITER => 0,
            LOAD_BUILD_CLASS => 1,
            RETURN_VALUE => -1,
            IMPORT_STAR => -1,
            SETUP_ANNOTATIONS => 0,
            YIELD_VALUE => 0,
            POP_EXCEPT => -1,
            STORE_NAME => -1,
            DELETE_NAME => 0,
            UNPACK_SEQUENCE => a - 1,
            UNPACK_EX => (a & 0xFF) + (a >> 8),
            FOR_ITER => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            SEND => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            STORE_ATTR => -2,
            DELETE_ATTR => -1,
            STORE_GLOBAL => -1,
            DELETE_GLOBAL => 0,
            LOAD_CONST => 1,
            LOAD_NAME => 1,
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - a,
            BUILD_MAP => 1 - 2 * a,
            BUILD_CONST_KEY_MAP => -a,
            LOAD_ATTR => 0,
            COMPARE_OP | IS_OP | CONTAINS_OP => -1,
            CHECK_EXC_MATCH => 0,
            IMPORT_NAME => -1,
            IMPORT_FROM => 1,
            JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => 0,
            JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_FORWARD_IF_NONE
            | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE => -1,
            LOAD_GLOBAL => (a & 1) + 1,
            RERAISE => -1,
            PUSH_EXC_INFO => 1,
            WITH_EXCEPT_START => 1,
            LOAD_FAST => 1,
            STORE_FAST => -1,
            DELETE_FAST => 0,
            RETURN_GENERATOR => 0,
            RAISE_VARARGS => -a,
            PRECALL => -a,
            KW_NAMES => 0,
            CALL => -1,
            CALL_FUNCTION_EX => -2 - (a & 1),
            MAKE_FUNCTION => {
                -((a & 1 != 0) as i32)
                    - ((a & 2 != 0) as i32)
                    - ((a & 4 != 0) as i32)
                    - ((a & 8 != 0) as i32)
            }
            BUILD_SLICE => {
                if a == 3 {
                    -2
                } else {
                    -1
                }
            }
            MAKE_CELL | COPY_FREE_VARS => 0,
            LOAD_CLOSURE => 1,
            LOAD_DEREF | LOAD_CLASSDEREF => 1,
            STORE_DEREF => -1,
            DELETE_DEREF => 0,
            BEFORE_WITH => 1,
            GET_YIELD_FROM_ITER => 0,
            FORMAT_VALUE => {
                if a & 0x04 != 0 {
                    -1
                } else {
                    0
                }
            }
            LOAD_METHOD => 1,
            LOAD_ASSERTION_ERROR => 1,
            LIST_TO_TUPLE => 0,
            LIST_EXTEND | SET_UPDATE | DICT_MERGE | DICT_UPDATE => -1,
            COPY | PUSH_NULL => 1,
            BINARY_OP => -1,
        },
    }
}
