//! Code generation core: compilation units (one per code object), the
//! instruction emitters, name resolution (`compiler_nameop`), constants with
//! CPython's de-duplication, qualified names, and closures. Statements and
//! expressions are in `codegen_stmt.rs` / `codegen_expr.rs`; the CFG
//! optimiser and assembler in `optimize.rs` / `assemble.rs`.
//!
//! Structure and naming follow CPython 3.11's `compile.c` closely, because
//! producing the same instruction stream requires making the same choices
//! in the same order.

use super::cfg::{Block, BlockId, Instr, Loc, Op};
use super::mangle::mangle;
use super::symtable::{
    self, BlockType, CELL, DEF_IMPORT, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, LOCAL, ScopeId,
    SymbolTable,
};
use crate::ast::{Ctx, Span, Stmt};
use crate::bytecode::{CodeObject, Const, Opcode, Opcode::*};
use crate::error::CompileError;
use indexmap::IndexSet;
use std::rc::Rc;

pub type CResult<T = ()> = Result<T, CompileError>;

/// CPython's `STACK_USE_GUIDELINE`.
pub const STACK_USE_GUIDELINE: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FBlockType {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
}

#[derive(Debug, Clone, Copy)]
pub enum FDatum<'a> {
    None,
    Body(&'a [Stmt]),
    Stmt(&'a Stmt),
    Name(&'a str),
}

#[derive(Debug, Clone, Copy)]
pub struct FBlock<'a> {
    pub typ: FBlockType,
    pub block: Option<BlockId>,
    pub exit: Option<BlockId>,
    pub datum: FDatum<'a>,
}

/// One code object being compiled (CPython's `compiler_unit`).
pub struct Unit<'a> {
    pub ste: ScopeId,
    pub name: String,
    pub qualname: String,
    pub scope_type: ScopeType,
    pub consts: Vec<Const>,
    pub names: IndexSet<String>,
    pub varnames: IndexSet<String>,
    pub cellvars: IndexSet<String>,
    pub freevars: IndexSet<String>,
    pub private: Option<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub blocks: Vec<Block>,
    pub curblock: BlockId,
    pub fblocks: Vec<FBlock<'a>>,
    pub firstlineno: i32,
    pub loc: Loc,
    pub need_new_implicit_block: bool,
}

pub struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub filename: String,
    pub u: Unit<'a>,
    pub stack: Vec<Unit<'a>>,
    /// Line of the last leading `from __future__ import` (0 if none).
    pub future_lineno: u32,
}

/// The location of an AST node; line 0 marks compiler-made nodes that have
/// no position (CPython's -1), e.g. parts of a folded `%`-format.
pub fn span_loc(s: Span) -> Loc {
    if s.line == 0 {
        return Loc::NONE;
    }
    Loc {
        line: s.line as i32,
        end_line: s.end_line as i32,
        col: s.col as i32,
        end_col: s.end_col as i32,
    }
}

/// CPython's `_PyCode_ConstantKey` equality: same type and value, with
/// `0.0`/`-0.0` distinct, containers compared element-wise by key.
pub fn const_key_eq(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Complex { real: r1, imag: i1 }, Const::Complex { real: r2, imag: i2 }) => {
            r1.to_bits() == r2.to_bits() && i1.to_bits() == i2.to_bits()
        }
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_key_eq(p, q))
        }
        (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| const_key_eq(p, q)))
        }
        (Const::Code(x), Const::Code(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// Convert a (folded) AST constant to a code constant.
pub fn ast_const(c: &crate::ast::Constant) -> Const {
    use crate::ast::Constant as A;
    match c {
        A::None => Const::None,
        A::Bool(b) => Const::Bool(*b),
        A::Int(i) => Const::Int(i.clone()),
        A::Float(f) => Const::Float(*f),
        A::Complex(i) => Const::Complex {
            real: 0.0,
            imag: *i,
        },
        A::ComplexPair { real, imag } => Const::Complex {
            real: *real,
            imag: *imag,
        },
        A::Str(s) => Const::Str(Rc::from(s.as_str())),
        A::Bytes(b) => Const::Bytes(Rc::from(b.as_slice())),
        A::Ellipsis => Const::Ellipsis,
        A::Tuple(t) => Const::Tuple(t.iter().map(ast_const).collect()),
        A::FrozenSet(t) => Const::FrozenSet(t.iter().map(ast_const).collect()),
    }
}

pub fn str_const(s: &str) -> Const {
    Const::Str(Rc::from(s))
}

impl<'a> Compiler<'a> {
    pub fn new(st: &'a SymbolTable, filename: &str) -> Self {
        Compiler {
            st,
            filename: filename.to_string(),
            u: Unit::placeholder(),
            stack: Vec::new(),
            future_lineno: 0,
        }
    }

    pub fn ste(&self) -> &'a symtable::Scope {
        &self.st.scopes[self.u.ste]
    }

    pub fn error(&self, msg: impl Into<String>) -> CompileError {
        let l = self.u.loc;
        let span = Span {
            line: l.line.max(0) as u32,
            col: l.col.max(0) as u32,
            end_line: l.end_line.max(0) as u32,
            end_col: l.end_col.max(0) as u32,
        };
        CompileError::Syntax(symtable::syntax_error(&self.filename, msg, span))
    }

    pub fn set_loc(&mut self, s: Span) {
        self.u.loc = span_loc(s);
    }

    pub fn unset_loc(&mut self) {
        self.u.loc = Loc::NONE;
    }

    // ------------------------------------------------------------ blocks

    pub fn new_block(&mut self) -> BlockId {
        self.u.blocks.push(Block::default());
        self.u.blocks.len() - 1
    }

    pub fn use_next_block(&mut self, b: BlockId) {
        let cur = self.u.curblock;
        self.u.blocks[cur].next = Some(b);
        self.u.curblock = b;
        self.u.need_new_implicit_block = false;
    }

    fn push_instr(&mut self, i: Instr) {
        if self.u.need_new_implicit_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let cur = self.u.curblock;
        if i.is(RETURN_VALUE) {
            self.u.blocks[cur].ret = true;
        }
        let end = i.is_end_of_block();
        self.u.blocks[cur].instrs.push(i);
        if end {
            self.u.need_new_implicit_block = true;
        }
    }

    pub fn emit_full(&mut self, op: Op, arg: u32, target: Option<BlockId>, loc: Loc) {
        self.push_instr(Instr {
            op,
            arg,
            target,
            except: None,
            loc,
        });
    }

    pub fn addop(&mut self, op: Opcode) {
        let loc = self.u.loc;
        self.emit_full(Op::R(op), 0, None, loc);
    }

    pub fn addop_i(&mut self, op: Opcode, arg: u32) {
        let loc = self.u.loc;
        self.emit_full(Op::R(op), arg, None, loc);
    }

    pub fn addop_noline(&mut self, op: Op) {
        self.emit_full(op, 0, None, Loc::NOLINE);
    }

    pub fn addop_i_noline(&mut self, op: Opcode, arg: u32) {
        self.emit_full(Op::R(op), arg, None, Loc::NOLINE);
    }

    pub fn addop_pseudo(&mut self, op: Op) {
        let loc = self.u.loc;
        self.emit_full(op, 0, None, loc);
    }

    pub fn addop_j(&mut self, op: Op, target: BlockId) {
        let loc = self.u.loc;
        self.emit_full(op, 0, Some(target), loc);
    }

    pub fn addop_j_noline(&mut self, op: Op, target: BlockId) {
        self.emit_full(op, 0, Some(target), Loc::NOLINE);
    }

    // ------------------------------------------------------------ constants and names

    pub fn add_const(&mut self, c: Const) -> u32 {
        if let Some(i) = self.u.consts.iter().position(|x| const_key_eq(x, &c)) {
            return i as u32;
        }
        self.u.consts.push(c);
        (self.u.consts.len() - 1) as u32
    }

    pub fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.addop_i(LOAD_CONST, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        self.u.names.insert_full(name.to_string()).0 as u32
    }

    /// `ADDOP_NAME`: the name is mangled first.
    pub fn addop_name(&mut self, op: Opcode, name: &str) {
        let m = mangle(self.u.private.as_deref(), name);
        let i = self.add_name(&m);
        self.addop_i(op, i);
    }

    /// `ADDOP_N` with `names`: no mangling.
    pub fn addop_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.add_name(name);
        self.addop_i(op, i);
    }

    pub fn mangle(&self, name: &str) -> String {
        mangle(self.u.private.as_deref(), name)
    }

    fn forbidden_name(&self, name: &str, ctx: Ctx) -> CResult {
        if name == "__debug__" {
            match ctx {
                Ctx::Store => return Err(self.error("cannot assign to __debug__")),
                Ctx::Del => return Err(self.error("cannot delete __debug__")),
                Ctx::Load => {}
            }
        }
        Ok(())
    }

    pub fn check_forbidden(&self, name: &str, ctx: Ctx) -> CResult {
        self.forbidden_name(name, ctx)
    }

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: Ctx) -> CResult {
        self.forbidden_name(name, ctx)?;
        let mangled = self.mangle(name);
        let ste = self.ste();
        let scope = ste.scope_of(&mangled);
        let is_func = ste.typ == BlockType::Function;
        enum T {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let t = match scope {
            FREE => T::Deref(false),
            CELL => T::Deref(true),
            LOCAL if is_func => T::Fast,
            GLOBAL_IMPLICIT if is_func => T::Global,
            GLOBAL_EXPLICIT => T::Global,
            _ => T::Name,
        };
        match t {
            T::Deref(cell) => {
                let idx = if cell {
                    self.u.cellvars.get_index_of(&mangled)
                } else {
                    self.u
                        .freevars
                        .get_index_of(&mangled)
                        .map(|i| i + self.u.cellvars.len())
                };
                let idx = idx.expect("deref variable missing") as u32;
                let op = match ctx {
                    Ctx::Load if ste.typ == BlockType::Class => LOAD_CLASSDEREF,
                    Ctx::Load => LOAD_DEREF,
                    Ctx::Store => STORE_DEREF,
                    Ctx::Del => DELETE_DEREF,
                };
                self.addop_i(op, idx);
            }
            T::Fast => {
                let op = match ctx {
                    Ctx::Load => LOAD_FAST,
                    Ctx::Store => STORE_FAST,
                    Ctx::Del => DELETE_FAST,
                };
                let idx = self.u.varnames.insert_full(mangled).0 as u32;
                self.addop_i(op, idx);
            }
            T::Global => {
                let idx = self.add_name(&mangled);
                match ctx {
                    Ctx::Load => self.addop_i(LOAD_GLOBAL, idx << 1),
                    Ctx::Store => self.addop_i(STORE_GLOBAL, idx),
                    Ctx::Del => self.addop_i(DELETE_GLOBAL, idx),
                }
            }
            T::Name => {
                let idx = self.add_name(&mangled);
                let op = match ctx {
                    Ctx::Load => LOAD_NAME,
                    Ctx::Store => STORE_NAME,
                    Ctx::Del => DELETE_NAME,
                };
                self.addop_i(op, idx);
            }
        }
        Ok(())
    }

    /// Whether `name` was bound by an import at module level (`is_import_originated`).
    pub fn is_import_originated(&self, name: &str) -> bool {
        self.st.scopes[self.st.top].flags(name) & DEF_IMPORT != 0
    }

    // ------------------------------------------------------------ scopes

    pub fn enter_scope(&mut self, name: &str, scope_type: ScopeType, key: usize, lineno: u32) {
        let ste_id = self.st.lookup(key);
        let ste = &self.st.scopes[ste_id];
        let varnames: IndexSet<String> = ste.varnames.iter().cloned().collect();
        let mut cells: Vec<String> = ste
            .symbols
            .iter()
            .filter(|(_, f)| (*f >> symtable::SCOPE_OFFSET) & symtable::SCOPE_MASK == CELL)
            .map(|(k, _)| k.clone())
            .collect();
        cells.sort();
        let mut cellvars: IndexSet<String> = cells.into_iter().collect();
        if ste.needs_class_closure {
            cellvars.insert("__class__".to_string());
        }
        let mut frees: Vec<String> = ste
            .symbols
            .iter()
            .filter(|(_, f)| {
                (*f >> symtable::SCOPE_OFFSET) & symtable::SCOPE_MASK == FREE
                    || *f & symtable::DEF_FREE_CLASS != 0
            })
            .map(|(k, _)| k.clone())
            .collect();
        frees.sort();
        let freevars: IndexSet<String> = frees.into_iter().collect();
        let lineno = lineno as i32;
        let mut u = Unit {
            ste: ste_id,
            name: name.to_string(),
            qualname: String::new(),
            scope_type,
            consts: Vec::new(),
            names: IndexSet::new(),
            varnames,
            cellvars,
            freevars,
            private: None,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            blocks: vec![Block::default()],
            curblock: 0,
            fblocks: Vec::new(),
            firstlineno: lineno,
            loc: Loc {
                line: lineno,
                end_line: lineno,
                col: 0,
                end_col: 0,
            },
            need_new_implicit_block: false,
        };
        let is_first = self.stack.is_empty() && self.u.name.is_empty();
        if !is_first {
            u.private = self.u.private.clone();
            let parent = std::mem::replace(&mut self.u, u);
            self.stack.push(parent);
        } else {
            self.u = u;
        }
        if scope_type == ScopeType::Module {
            self.u.loc.line = 0;
        } else {
            self.set_qualname();
        }
        self.addop_i(RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u.loc.line = -1;
        }
    }

    pub fn exit_scope(&mut self) -> Unit<'a> {
        match self.stack.pop() {
            Some(parent) => std::mem::replace(&mut self.u, parent),
            None => std::mem::replace(&mut self.u, Unit::placeholder()),
        }
    }

    fn set_qualname(&mut self) {
        let Some(parent) = self.stack.last() else {
            self.u.qualname = self.u.name.clone();
            return;
        };
        let mut force_global = false;
        if matches!(self.u.scope_type, ScopeType::Function | ScopeType::Class) {
            let mangled = mangle(parent.private.as_deref(), &self.u.name);
            let scope = self.st.scopes[parent.ste].scope_of(&mangled);
            if scope == GLOBAL_EXPLICIT {
                force_global = true;
            }
        }
        self.u.qualname = if force_global {
            self.u.name.clone()
        } else if matches!(parent.scope_type, ScopeType::Function | ScopeType::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, self.u.name)
        } else if parent.scope_type == ScopeType::Module {
            self.u.name.clone()
        } else {
            format!("{}.{}", parent.qualname, self.u.name)
        };
    }

    /// `compiler_make_closure`.
    pub fn make_closure(&mut self, co: Rc<CodeObject>, mut flags: u32) {
        let nfree = co.nfreevars();
        if nfree > 0 {
            let start = co.localsplusnames.len() - nfree;
            for name in &co.localsplusnames[start..] {
                let reftype = if self.u.scope_type == ScopeType::Class && &**name == "__class__" {
                    CELL
                } else {
                    self.ste().scope_of(name)
                };
                let arg = if reftype == CELL {
                    self.u.cellvars.get_index_of(&**name)
                } else {
                    self.u
                        .freevars
                        .get_index_of(&**name)
                        .map(|i| i + self.u.cellvars.len())
                };
                let arg = arg.expect("closure variable missing") as u32;
                self.addop_i(LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.addop_i(BUILD_TUPLE, nfree as u32);
        }
        self.load_const(Const::Code(co));
        self.addop_i(MAKE_FUNCTION, flags);
    }

    /// Assemble the current unit into a code object.
    pub fn assemble(&mut self, add_none: bool) -> CResult<Rc<CodeObject>> {
        super::assemble::assemble(self, add_none).map(Rc::new)
    }

    // ------------------------------------------------------------ frame blocks

    pub fn push_fblock(
        &mut self,
        typ: FBlockType,
        block: Option<BlockId>,
        exit: Option<BlockId>,
        datum: FDatum<'a>,
    ) -> CResult {
        if self.u.fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u.fblocks.push(FBlock {
            typ,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u.fblocks.pop();
    }
}

impl Unit<'_> {
    fn placeholder() -> Self {
        Unit {
            ste: 0,
            name: String::new(),
            qualname: String::new(),
            scope_type: ScopeType::Module,
            consts: Vec::new(),
            names: IndexSet::new(),
            varnames: IndexSet::new(),
            cellvars: IndexSet::new(),
            freevars: IndexSet::new(),
            private: None,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            blocks: vec![Block::default()],
            curblock: 0,
            fblocks: Vec::new(),
            firstlineno: 0,
            loc: Loc::NONE,
            need_new_implicit_block: false,
        }
    }
}
