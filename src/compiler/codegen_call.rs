//! Call code generation (`compiler_call`, the method-call optimisation,
//! `KW_NAMES`, `CALL_FUNCTION_EX` argument building) and nested code objects
//! created inside expressions: lambdas and comprehensions (each a function
//! called immediately with the first iterable, already `GET_ITER`'d, as `.0`).

use super::cfg::Op;
use super::codegen::{CResult, Compiler, STACK_USE_GUIDELINE, ScopeType, str_const};
use super::symtable::node_key_expr;
use crate::ast::{Comprehension, Ctx, Expr, ExprKind, Keyword};
use crate::bytecode::{Const, Opcode::*};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    // ------------------------------------------------------------ calls

    fn validate_keywords(&mut self, keywords: &'a [Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            self.check_forbidden(arg, Ctx::Store)?;
            for other in &keywords[i + 1..] {
                if other.arg.as_ref() == Some(arg) {
                    self.set_loc(other.span);
                    return Err(self.error(format!("keyword argument repeated: {arg}")));
                }
            }
        }
        Ok(())
    }

    fn call_simple_kw_helper(&mut self, keywords: &'a [Keyword]) {
        let names: Vec<Const> = keywords
            .iter()
            .map(|k| str_const(k.arg.as_ref().unwrap()))
            .collect();
        let i = self.add_const(Const::Tuple(names.into()));
        self.addop_i(KW_NAMES, i);
    }

    pub(super) fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.set_loc(func.span);
        self.addop(PUSH_NULL);
        self.set_loc(e.span);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn maybe_optimize_method_call(
        &mut self,
        e: &'a Expr,
        meth: &'a Expr,
        args: &'a [Expr],
        kwds: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: Ctx::Load,
        } = &meth.kind
        else {
            return Ok(false);
        };
        if let ExprKind::Name { id, .. } = &value.kind
            && self.is_import_originated(id)
        {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = kwds.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(is_starred) || kwds.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        self.set_loc(meth.span);
        self.update_start_location_to_match_attr(meth);
        self.addop_name(LOAD_METHOD, attr);
        for a in args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in kwds {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(kwds);
        }
        self.set_loc(e.span);
        self.update_start_location_to_match_attr(meth);
        self.addop_i(PRECALL, (argsl + kwdsl) as u32);
        self.addop_i(CALL, (argsl + kwdsl) as u32);
        Ok(true)
    }

    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let ks: Vec<Const> = keywords[begin..end]
                .iter()
                .map(|k| str_const(k.arg.as_ref().unwrap()))
                .collect();
            self.load_const(Const::Tuple(ks.into()));
            self.addop_i(BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.addop_i_noline(BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(str_const(k.arg.as_ref().unwrap()));
            self.visit_expr(&k.value)?;
            if big {
                self.addop_i_noline(MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// `compiler_call_helper`: `n` positional arguments are already pushed.
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(is_starred)
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(keywords);
            }
            let total = n + (nelts + nkwelts) as u32;
            self.addop_i(PRECALL, total);
            self.addop_i(CALL, total);
            return Ok(());
        }
        if n == 0
            && nelts == 1
            && let ExprKind::Starred { value, .. } = &args[0].kind
        {
            self.visit_expr(value)?;
        } else {
            self.starunpack_helper(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.addop_i(DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(DICT_MERGE, 1);
                }
            }
        }
        self.addop_i(CALL_FUNCTION_EX, u32::from(nkwelts > 0));
        Ok(())
    }

    // ------------------------------------------------------------ nested code

    pub(super) fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a crate::ast::Arguments,
        body: &'a Expr,
    ) -> CResult {
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
        let flags = self.default_arguments(args)?;
        self.enter_scope("<lambda>", ScopeType::Lambda, node_key_expr(e), e.span.line);
        self.add_const(Const::None);
        self.u.argcount = args.args.len() as u32;
        self.u.posonlyargcount = args.posonlyargs.len() as u32;
        self.u.kwonlyargcount = args.kwonlyargs.len() as u32;
        if let Err(err) = self.visit_expr(body) {
            self.exit_scope();
            return Err(err);
        }
        let co = if self.ste().generator {
            self.assemble(false)
        } else {
            self.addop(RETURN_VALUE);
            self.assemble(true)
        };
        self.exit_scope();
        self.make_closure(co?, flags);
        Ok(())
    }

    pub(super) fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        name: &str,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        self.enter_scope(
            name,
            ScopeType::Comprehension,
            node_key_expr(e),
            e.span.line,
        );
        self.set_loc(e.span);
        let r = (|| -> CResult {
            if kind != CompKind::Gen {
                let op = match kind {
                    CompKind::List => BUILD_LIST,
                    CompKind::Set => BUILD_SET,
                    _ => BUILD_MAP,
                };
                self.addop_i(op, 0);
            }
            self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
            if kind != CompKind::Gen {
                self.addop(RETURN_VALUE);
            }
            Ok(())
        })();
        if let Err(err) = r {
            self.exit_scope();
            return Err(err);
        }
        let co = self.assemble(true);
        self.exit_scope();
        self.make_closure(co?, 0);
        self.visit_expr(&generators[0].iter)?;
        self.addop(GET_ITER);
        self.addop_i(PRECALL, 0);
        self.addop_i(CALL, 0);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let g = &generators[gen_index];
        if gen_index == 0 {
            self.u.argcount = 1;
            self.addop_i(LOAD_FAST, 0);
        } else {
            let elts = match &g.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some(elts) = elts
                && elts.len() == 1
                && !is_starred(&elts[0])
            {
                self.visit_expr(&elts[0])?;
                start = None;
            }
            if start.is_some() {
                self.visit_expr(&g.iter)?;
                self.addop(GET_ITER);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.addop_j(Op::R(FOR_ITER), anchor);
        }
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(generators, next_index, depth, elt, val, kind)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.visit_expr(elt)?;
                    self.addop(YIELD_VALUE);
                    self.addop_i(RESUME, 1);
                    self.addop(POP_TOP);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.addop_i(LIST_APPEND, depth + 1);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.addop_i(SET_ADD, depth + 1);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    self.visit_expr(val.unwrap())?;
                    self.addop_i(MAP_ADD, depth + 1);
                }
            }
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.addop_j(Op::Jump, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }
}
