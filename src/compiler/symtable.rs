//! Symbol tables: CPython 3.11's `symtable.c`, pass for pass.
//!
//! The first pass walks the (constant-folded) AST recording raw facts about
//! each name in each scope (assigned, used, parameter, `global`, …); the
//! second pass (`analyze`) decides every name's scope — local, global
//! (explicit or implicit), free or cell — exactly as CPython does, including
//! the class-body rules (class scopes don't enclose methods; `super` and
//! `__class__` create the implicit `__class__` cell) and comprehensions,
//! which are their own function scopes whose first iterable is evaluated in
//! the enclosing scope. Scopes are keyed by the address of the AST node that
//! creates them, as CPython keys them by node pointer.
//!
//! Flags and scope codes use CPython's values so the code reads like the C.

use crate::ast::{self, Expr, ExprKind, Span, Stmt, StmtKind};
use crate::compiler::mangle::mangle;
use crate::error::{SyntaxError, SyntaxErrorKind};
use indexmap::IndexMap;
use std::collections::HashMap;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

pub const SCOPE_OFFSET: u32 = 11;
pub const SCOPE_MASK: u32 = 7;

pub const LOCAL: u32 = 1;
pub const GLOBAL_EXPLICIT: u32 = 2;
pub const GLOBAL_IMPLICIT: u32 = 3;
pub const FREE: u32 = 4;
pub const CELL: u32 = 5;

/// What kind of block a scope is (CPython's `_Py_block_ty`, minus annotations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
}

/// Which comprehension a function scope implements, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comprehension {
    List,
    Set,
    Dict,
    Generator,
}

pub type ScopeId = usize;

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug, Clone)]
pub struct Scope {
    pub name: String,
    pub typ: BlockType,
    /// name -> flags, with the resolved scope in bits `SCOPE_OFFSET..` after analysis.
    pub symbols: IndexMap<String, u32>,
    /// Parameters in declaration order (CPython's `ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    /// `global`/`nonlocal` directives: (mangled name, statement span).
    pub directives: Vec<(String, Span)>,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<Comprehension>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: i32,
    pub span: Span,
}

impl Scope {
    /// The raw flags of `name` (0 when absent).
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }

    /// The resolved scope of `name` (0 when absent), like `_PyST_GetScope`.
    pub fn scope_of(&self, name: &str) -> u32 {
        (self.flags(name) >> SCOPE_OFFSET) & SCOPE_MASK
    }
}

/// The symbol table of one module.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address -> scope.
    pub by_node: HashMap<usize, ScopeId>,
    pub top: ScopeId,
}

impl SymbolTable {
    /// The scope created by the AST node at `key` (see [`node_key_stmt`]/[`node_key_expr`]).
    pub fn lookup(&self, key: usize) -> ScopeId {
        self.by_node[&key]
    }
}

pub fn node_key_stmt(s: &Stmt) -> usize {
    s as *const Stmt as usize
}

pub fn node_key_expr(e: &Expr) -> usize {
    e as *const Expr as usize
}

/// Build and analyse the symbol table for `module`.
pub fn build(module: &ast::Module, filename: &str) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        st: SymbolTable {
            scopes: Vec::new(),
            by_node: HashMap::new(),
            top: 0,
        },
        stack: Vec::new(),
        private: None,
        filename: filename.to_string(),
    };
    let top_span = Span::default();
    b.enter_block("top", BlockType::Module, 0, top_span);
    for s in &module.body {
        b.visit_stmt(s)?;
    }
    b.exit_block();
    let mut st = b.st;
    super::symtable_analyze::analyze(&mut st, filename)?;
    Ok(st)
}

/// Build a CPython-style syntax error at `span` (message positions as CPython's
/// `PyErr_RangedSyntaxLocationObject`). `end_col` 0 means "to the end of the line".
pub fn syntax_error(filename: &str, msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        filename: filename.to_string(),
        line: span.line,
        col: span.col + 1,
        end_col: if span.end_line == span.line {
            span.end_col + 1
        } else {
            0
        },
        source_line: String::new(),
    }
}

struct Builder {
    st: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<String>,
    filename: String,
}

type R = Result<(), SyntaxError>;

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.st.scopes[id]
    }

    fn cur_id(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }

    fn err(&self, msg: impl Into<String>, span: Span) -> SyntaxError {
        syntax_error(&self.filename, msg, span)
    }

    fn enter_block(&mut self, name: &str, typ: BlockType, key: usize, span: Span) {
        let prev = self.stack.last().copied();
        let nested = match prev {
            Some(p) => {
                let ps = &self.st.scopes[p];
                ps.nested || ps.typ == BlockType::Function
            }
            None => false,
        };
        let comp_iter_expr = prev.map_or(0, |p| self.st.scopes[p].comp_iter_expr);
        let id = self.st.scopes.len();
        self.st.scopes.push(Scope {
            name: name.to_string(),
            typ,
            symbols: IndexMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr,
            span,
        });
        self.st.by_node.insert(key, id);
        if let Some(p) = prev {
            self.st.scopes[p].children.push(id);
        } else {
            self.st.top = id;
        }
        self.stack.push(id);
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn lookup(&self, name: &str) -> u32 {
        let m = mangle(self.private.as_deref(), name);
        self.st.scopes[self.cur_id()].flags(&m)
    }

    fn add_def(&mut self, name: &str, flag: u32, span: Span) -> R {
        let id = self.cur_id();
        self.add_def_in(name, flag, id, span)
    }

    fn add_def_in(&mut self, name: &str, flag: u32, id: ScopeId, span: Span) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &self.st.scopes[id];
        let mut val = match ste.symbols.get(&mangled) {
            Some(&v) => {
                if flag & DEF_PARAM != 0 && v & DEF_PARAM != 0 {
                    return Err(self.err(
                        format!("duplicate argument '{name}' in function definition"),
                        span,
                    ));
                }
                v | flag
            }
            None => flag,
        };
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    span,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let ste = &mut self.st.scopes[id];
        ste.symbols.insert(mangled.clone(), val);
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let top = self.st.top;
            let g = &mut self.st.scopes[top].symbols;
            let v = g.get(&mangled).copied().unwrap_or(0) | flag;
            g.insert(mangled, v);
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, span: Span) {
        let m = mangle(self.private.as_deref(), name);
        self.cur().directives.push((m, span));
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.span)?;
                self.visit_exprs(&f.args.defaults)?;
                for d in f.args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.visit_annotations(&f.args, f.returns.as_ref())?;
                self.visit_exprs(&f.decorator_list)?;
                self.enter_block(&f.name, BlockType::Function, node_key_stmt(s), s.span);
                self.visit_params(&f.args)?;
                self.visit_stmts(&f.body)?;
                self.exit_block();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.span)?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                self.enter_block(&c.name, BlockType::Class, node_key_stmt(s), s.span);
                let tmp = self.private.replace(c.name.clone());
                self.visit_stmts(&c.body)?;
                self.private = tmp;
                self.exit_block();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete(ts) => self.visit_exprs(ts)?,
            StmtKind::Assign { targets, value } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    let is_global_scope = self.cur_id() == self.st.top;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_global_scope && *simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{id}' can't be global")
                        } else {
                            format!("annotated name '{id}' can't be nonlocal")
                        };
                        return Err(self.err(msg, s.span));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.span)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.span)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_expr(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global(names) => self.visit_directive(s, names, true)?,
            StmtKind::Nonlocal(names) => self.visit_directive(s, names, false)?,
            StmtKind::Expr(e) => self.visit_expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body } => {
                for it in items {
                    self.visit_expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(body)?;
            }
        }
        Ok(())
    }

    fn visit_directive(&mut self, s: &Stmt, names: &[String], global: bool) -> R {
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let (kw, what) = if global {
                    ("global", "global")
                } else {
                    ("nonlocal", "nonlocal")
                };
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {kw} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {kw} declaration")
                };
                return Err(self.err(msg, s.span));
            }
            let flag = if global { DEF_GLOBAL } else { DEF_NONLOCAL };
            self.add_def(name, flag, s.span)?;
            self.record_directive(name, s.span);
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> R {
        let name = a.asname.as_ref().unwrap_or(&a.name);
        let store = match name.find('.') {
            Some(d) => &name[..d],
            None => name.as_str(),
        };
        if name != "*" {
            self.add_def(store, DEF_IMPORT, a.span)
        } else if self.st.scopes[self.cur_id()].typ != BlockType::Module {
            Err(self.err("import * only allowed at module level", a.span))
        } else {
            Ok(())
        }
    }

    fn visit_annotations(&mut self, a: &ast::Arguments, returns: Option<&Expr>) -> R {
        for arg in a.posonlyargs.iter().chain(&a.args) {
            if let Some(an) = &arg.annotation {
                self.visit_expr(an)?;
            }
        }
        if let Some(an) = a.vararg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_expr(an)?;
        }
        if let Some(an) = a.kwarg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_expr(an)?;
        }
        for arg in &a.kwonlyargs {
            if let Some(an) = &arg.annotation {
                self.visit_expr(an)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, a: &ast::Arguments) -> R {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&arg.arg, DEF_PARAM, arg.span)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.span)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.span)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(self.err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.span,
                    ));
                }
                if self.cur().comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.enter_block("lambda", BlockType::Function, node_key_expr(e), e.span);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set(elts) => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, "genexpr", generators, elt, None)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, "setcomp", generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.handle_comprehension(e, "dictcomp", generators, key, Some(value))?,
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                if self.cur().comprehension.is_some() {
                    return Err(self.comprehension_yield_error(e.span));
                }
            }
            ExprKind::YieldFrom(v) => {
                self.visit_expr(v)?;
                self.cur().generator = true;
                if self.cur().comprehension.is_some() {
                    return Err(self.comprehension_yield_error(e.span));
                }
            }
            ExprKind::Await(v) => {
                self.visit_expr(v)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr(vs) => self.visit_exprs(vs)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(p)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ast::Ctx::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.span)?;
                if *ctx == ast::Ctx::Load && self.cur().typ == BlockType::Function && id == "super"
                {
                    self.add_def("__class__", USE, e.span)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    fn comprehension_yield_error(&mut self, span: Span) -> SyntaxError {
        let msg = match self.cur().comprehension {
            Some(Comprehension::List) => "'yield' inside list comprehension",
            Some(Comprehension::Set) => "'yield' inside set comprehension",
            Some(Comprehension::Dict) => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        self.err(msg, span)
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id: name, .. } = &target.kind else {
            return Ok(());
        };
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let ste = &self.st.scopes[sid];
            if ste.comprehension.is_some() {
                if ste.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        target.span,
                    ));
                }
                continue;
            }
            match ste.typ {
                BlockType::Function => {
                    let flag = if ste.flags(name) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.span)?;
                    self.record_directive(name, target.span);
                    return self.add_def_in(name, DEF_LOCAL, sid, target.span);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.span)?;
                    self.record_directive(name, target.span);
                    return self.add_def_in(name, DEF_GLOBAL, sid, target.span);
                }
                BlockType::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.span,
                    ));
                }
            }
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        scope_name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let is_generator = matches!(e.kind, ExprKind::GeneratorExp { .. });
        let outermost = &generators[0];
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter_block(scope_name, BlockType::Function, node_key_expr(e), e.span);
        self.cur().comprehension = Some(match e.kind {
            ExprKind::ListComp { .. } => Comprehension::List,
            ExprKind::SetComp { .. } => Comprehension::Set,
            ExprKind::DictComp { .. } => Comprehension::Dict,
            _ => Comprehension::Generator,
        });
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        let span = self.cur().span;
        self.add_def(".0", DEF_PARAM, span)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.cur().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}
