//! Statement code generation (CPython 3.11 `compiler_visit_stmt` and friends):
//! function and class definitions, control flow, imports, assignments.
//! `try`/`with` and frame-block unwinding live in `codegen_try.rs`.

use super::cfg::Op;
use super::codegen::{CResult, Compiler, FBlockType, FDatum, ScopeType, str_const};
use super::symtable::{BlockType, node_key_stmt};
use crate::ast::{
    Alias, Arg, Arguments, ClassDef, Constant, Ctx, Expr, ExprKind, FunctionDef, Stmt, StmtKind,
};
use crate::bytecode::{Const, Opcode::*};
use num_bigint::BigInt;

/// `_PyAST_GetDocString`.
pub fn get_docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(s)),
                    ..
                }),
            ..
        }) => Some(s),
        _ => None,
    }
}

/// `find_ann`: does the block contain annotated assignments (not in nested scopes)?
pub fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|st| match &st.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(body)
                || find_ann(finalbody)
                || find_ann(orelse)
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> CResult {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    /// `compiler_body`: docstring, annotations setup, statements.
    pub fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if self.u.scope_type == ScopeType::Module
            && let Some(st) = stmts.first()
        {
            self.set_loc(st.span);
        }
        if find_ann(stmts) {
            self.addop(SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        if get_docstring(stmts).is_some() {
            i = 1;
            let StmtKind::Expr(e) = &stmts[0].kind else {
                unreachable!()
            };
            self.visit_expr(e)?;
            self.unset_loc();
            self.nameop("__doc__", Ctx::Store)?;
        }
        self.visit_stmts(&stmts[i..])
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function(s, f),
            StmtKind::ClassDef(c) => self.class(s, c),
            StmtKind::Return(v) => self.return_stmt(s, v.as_ref()),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i < n - 1 {
                        self.addop_i(COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(target, annotation, value.as_ref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                self.visit_stmts(body)?;
                if !orelse.is_empty() {
                    self.addop_j_noline(Op::Jump, end);
                    self.use_next_block(next);
                    self.visit_stmts(orelse)?;
                }
                self.use_next_block(end);
                Ok(())
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.addop_i(RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try { finalbody, .. } => {
                if !finalbody.is_empty() {
                    self.try_finally(s)
                } else {
                    self.try_except(s)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.addop(LOAD_ASSERTION_ERROR);
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                    self.addop_i(PRECALL, 0);
                    self.addop_i(CALL, 0);
                }
                self.addop_i(RAISE_VARARGS, 1);
                self.use_next_block(end);
                Ok(())
            }
            StmtKind::Import(names) => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Expr(e) => {
                if matches!(e.kind, ExprKind::Constant(_)) {
                    self.addop(NOP);
                    return Ok(());
                }
                self.visit_expr(e)?;
                self.unset_loc();
                self.addop(POP_TOP);
                Ok(())
            }
            StmtKind::Pass => {
                self.addop(NOP);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
            StmtKind::With { .. } => self.with_stmt(s, 0),
        }
    }

    // ------------------------------------------------------------ functions and classes

    fn check_debug_args(&self, args: &Arguments) -> CResult {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.iter())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.iter())
        {
            self.check_forbidden(&a.arg, Ctx::Store)?;
        }
        Ok(())
    }

    /// Push defaults tuple / kw-defaults dict; returns MAKE_FUNCTION flags.
    pub fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                keys.push(str_const(&self.mangle(&arg.arg)));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Const::Tuple(keys.into()));
            self.addop_i(BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn argannotation(&mut self, id: &str, ann: Option<&'a Expr>, n: &mut u32) -> CResult {
        let Some(ann) = ann else { return Ok(()) };
        let m = self.mangle(id);
        self.load_const(str_const(&m));
        if let ExprKind::Starred { value, .. } = &ann.kind {
            self.visit_expr(value)?;
            self.addop_i(UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *n += 2;
        Ok(())
    }

    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut n = 0;
        let ann = |a: &'a Arg| a.annotation.as_ref();
        for a in args.args.iter().chain(&args.posonlyargs) {
            self.argannotation(&a.arg, ann(a), &mut n)?;
        }
        if let Some(v) = &args.vararg {
            self.argannotation(&v.arg, ann(v), &mut n)?;
        }
        for a in &args.kwonlyargs {
            self.argannotation(&a.arg, ann(a), &mut n)?;
        }
        if let Some(k) = &args.kwarg {
            self.argannotation(&k.arg, ann(k), &mut n)?;
        }
        self.argannotation("return", returns, &mut n)?;
        if n > 0 {
            self.addop_i(BUILD_TUPLE, n);
        }
        Ok(n > 0)
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        let old = self.u.loc;
        for d in decos.iter().rev() {
            self.set_loc(d.span);
            self.addop_i(PRECALL, 0);
            self.addop_i(CALL, 0);
        }
        self.u.loc = old;
    }

    fn function(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> CResult {
        self.check_debug_args(&f.args)?;
        for d in &f.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = f
            .decorator_list
            .first()
            .map_or(s.span.line, |d| d.span.line);
        let mut flags = self.default_arguments(&f.args)?;
        if self.annotations(&f.args, f.returns.as_ref())? {
            flags |= 0x04;
        }
        self.enter_scope(&f.name, ScopeType::Function, node_key_stmt(s), firstlineno);
        let doc = get_docstring(&f.body);
        self.add_const(match doc {
            Some(d) => str_const(d),
            None => Const::None,
        });
        self.u.argcount = f.args.args.len() as u32;
        self.u.posonlyargcount = f.args.posonlyargs.len() as u32;
        self.u.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        let start = usize::from(doc.is_some());
        let r = self.visit_stmts(&f.body[start..]);
        if let Err(e) = r {
            self.exit_scope();
            return Err(e);
        }
        let co = self.assemble(true);
        self.exit_scope();
        let co = co?;
        self.make_closure(co, flags);
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, Ctx::Store)
    }

    fn class(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult {
        for d in &c.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = c
            .decorator_list
            .first()
            .map_or(s.span.line, |d| d.span.line);
        self.enter_scope(&c.name, ScopeType::Class, node_key_stmt(s), firstlineno);
        let r = self.class_body(c);
        if let Err(e) = r {
            self.exit_scope();
            return Err(e);
        }
        let co = self.assemble(true);
        self.exit_scope();
        let co = co?;
        self.addop(PUSH_NULL);
        self.addop(LOAD_BUILD_CLASS);
        self.make_closure(co, 0);
        self.load_const(str_const(&c.name));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, Ctx::Store)
    }

    fn class_body(&mut self, c: &'a ClassDef) -> CResult {
        self.u.private = Some(c.name.clone());
        self.nameop("__name__", Ctx::Load)?;
        self.nameop("__module__", Ctx::Store)?;
        let q = self.u.qualname.clone();
        self.load_const(str_const(&q));
        self.nameop("__qualname__", Ctx::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.u.cellvars.get_index_of("__class__").unwrap() as u32;
            self.addop_i(LOAD_CLOSURE, i);
            self.addop_i(COPY, 1);
            self.nameop("__classcell__", Ctx::Store)?;
        } else {
            self.load_const(Const::None);
        }
        self.addop(RETURN_VALUE);
        Ok(())
    }

    // ------------------------------------------------------------ simple control flow

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant(_)));
        if self.ste().typ != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if preserve_tos {
            self.visit_expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_loc(v.span);
            self.addop(NOP);
        }
        if value.is_none_or(|v| v.span.line != s.span.line) {
            self.set_loc(s.span);
            self.addop(NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(Const::None),
            Some(Expr {
                kind: ExprKind::Constant(c),
                ..
            }) => self.load_const(super::codegen::ast_const(c)),
            Some(_) => {}
        }
        self.addop(RETURN_VALUE);
        Ok(())
    }

    fn break_stmt(&mut self) -> CResult {
        let saved = self.u.loc;
        self.addop(NOP);
        let Some(loop_idx) = self.unwind_fblock_stack(false, true)? else {
            self.u.loc = saved;
            return Err(self.error("'break' outside loop"));
        };
        let info = self.u.fblocks[loop_idx];
        self.unwind_fblock(info, false)?;
        self.addop_j(Op::Jump, info.exit.unwrap());
        Ok(())
    }

    fn continue_stmt(&mut self) -> CResult {
        let saved = self.u.loc;
        self.addop(NOP);
        let Some(loop_idx) = self.unwind_fblock_stack(false, true)? else {
            self.u.loc = saved;
            return Err(self.error("'continue' not properly in loop"));
        };
        let info = self.u.fblocks[loop_idx];
        self.addop_j(Op::Jump, info.block.unwrap());
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_block();
        let body_b = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockType::ForLoop, Some(start), Some(end), FDatum::None)?;
        self.visit_expr(iter)?;
        self.addop(GET_ITER);
        self.use_next_block(start);
        self.addop_j(Op::R(FOR_ITER), cleanup);
        self.use_next_block(body_b);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.addop_j(Op::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let lp = self.new_block();
        let body_b = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlockType::WhileLoop, Some(lp), Some(end), FDatum::None)?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_b);
        self.visit_stmts(body)?;
        self.set_loc(s.span);
        self.jump_if(test, body_b, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    // ------------------------------------------------------------ imports

    fn import_as(&mut self, name: &str, asname: &str) -> CResult {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                self.addop_name_raw(IMPORT_FROM, attr);
                if i + 2 < parts.len() {
                    self.addop_i(SWAP, 2);
                    self.addop(POP_TOP);
                }
            }
            self.nameop(asname, Ctx::Store)?;
            self.addop(POP_TOP);
            return Ok(());
        }
        self.nameop(asname, Ctx::Store)
    }

    fn import(&mut self, names: &'a [Alias]) -> CResult {
        for a in names {
            self.load_const(Const::Int(BigInt::from(0)));
            self.load_const(Const::None);
            self.addop_name(IMPORT_NAME, &a.name);
            if let Some(asname) = &a.asname {
                self.import_as(&a.name, asname)?;
            } else {
                let store = a.name.split('.').next().unwrap();
                self.nameop(store, Ctx::Store)?;
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32) -> CResult {
        self.load_const(Const::Int(BigInt::from(level)));
        let tuple: Vec<Const> = names.iter().map(|a| str_const(&a.name)).collect();
        if module == Some("__future__") && self.u.loc.line as u32 > self.future_lineno {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(Const::Tuple(tuple.into()));
        self.addop_name(IMPORT_NAME, module.unwrap_or(""));
        for (i, a) in names.iter().enumerate() {
            if i == 0 && a.name.starts_with('*') {
                self.addop(IMPORT_STAR);
                return Ok(());
            }
            self.addop_name(IMPORT_FROM, &a.name);
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.nameop(store, Ctx::Store)?;
        }
        self.addop(POP_TOP);
        Ok(())
    }

    // ------------------------------------------------------------ assignments

    fn augassign(
        &mut self,
        target: &'a Expr,
        op: crate::ast::Operator,
        value: &'a Expr,
    ) -> CResult {
        let old = self.u.loc;
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.addop_i(COPY, 1);
                self.update_start_location_to_match_attr(target);
                self.addop_name(LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.addop_i(COPY, 2);
                self.addop_i(COPY, 2);
                self.addop(BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Load)?,
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.u.loc = old;
        self.visit_expr(value)?;
        self.addop_i(BINARY_OP, op as u32 + 13);
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(target);
                self.addop_i(SWAP, 2);
                self.addop_name(STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.addop_i(SWAP, 3);
                self.addop_i(SWAP, 2);
                self.addop(STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Store)?,
            _ => unreachable!(),
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.visit_expr(e)?;
        self.addop(POP_TOP);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(p)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn annassign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.u.scope_type, ScopeType::Module | ScopeType::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.check_forbidden(id, Ctx::Store)?;
                if simple && module_or_class {
                    self.visit_expr(annotation)?;
                    self.addop_name(LOAD_NAME, "__annotations__");
                    let m = self.mangle(id);
                    self.load_const(str_const(&m));
                    self.addop(STORE_SUBSCR);
                }
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.check_forbidden(attr, Ctx::Store)?;
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid target for annotated assignment")),
        }
        if !simple && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }
}
