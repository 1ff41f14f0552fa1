//! Expression code generation (CPython 3.11 `compiler_visit_expr1` and
//! helpers): conditions and jumps, calls (method calls, `KW_NAMES`,
//! `CALL_FUNCTION_EX`), displays with starred items and constant folding of
//! their items, unpacking, f-strings, lambdas, comprehensions and yields.

use super::cfg::Op;
use super::codegen::{CResult, Compiler, STACK_USE_GUIDELINE, ast_const, str_const};
use super::codegen_call::CompKind;
use super::symtable::BlockType;
use crate::ast::{BoolOperator, CmpOp, Ctx, Expr, ExprKind, UnaryOperator};
use crate::bytecode::{Const, Opcode, Opcode::*};

fn is_const(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant(_))
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        let old = self.u.loc;
        self.set_loc(e.span);
        let r = self.visit_expr1(e);
        self.u.loc = old;
        r
    }

    fn addcompare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Eq => self.addop_i(COMPARE_OP, 2),
            CmpOp::NotEq => self.addop_i(COMPARE_OP, 3),
            CmpOp::Lt => self.addop_i(COMPARE_OP, 0),
            CmpOp::LtE => self.addop_i(COMPARE_OP, 1),
            CmpOp::Gt => self.addop_i(COMPARE_OP, 4),
            CmpOp::GtE => self.addop_i(COMPARE_OP, 5),
            CmpOp::Is => self.addop_i(IS_OP, 0),
            CmpOp::IsNot => self.addop_i(IS_OP, 1),
            CmpOp::In => self.addop_i(CONTAINS_OP, 0),
            CmpOp::NotIn => self.addop_i(CONTAINS_OP, 1),
        }
    }

    /// `compiler_jump_if`: jump to `next` if `e` is `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, next: usize, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOperator::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOperator::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.addop_j_noline(Op::Jump, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                self.set_loc(e.span);
                let n = ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.addop_i(SWAP, 2);
                    self.addop_i(COPY, 2);
                    self.addcompare(ops[i]);
                    self.addop_j(Op::PopJumpIfFalse, cleanup);
                }
                self.visit_expr(&comparators[n])?;
                self.addcompare(ops[n]);
                self.addop_j(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.addop_j_noline(Op::Jump, end);
                self.use_next_block(cleanup);
                self.addop(POP_TOP);
                if !cond {
                    self.addop_j_noline(Op::Jump, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare { .. } => {
                self.set_loc(e.span);
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.addop_j(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    /// `update_start_location_to_match_attr`.
    pub fn update_start_location_to_match_attr(&mut self, attr: &Expr) {
        let ExprKind::Attribute { attr: name, .. } = &attr.kind else {
            return;
        };
        let end_line = attr.span.end_line as i32;
        let end_col = attr.span.end_col as i32;
        let l = &mut self.u.loc;
        if l.line != end_line {
            l.line = end_line;
            let len = name.chars().count() as i32;
            if len <= end_col {
                l.col = end_col - len;
            } else {
                l.col = -1;
                l.end_col = -1;
            }
            l.end_line = l.line.max(l.end_line);
            if l.line == l.end_line {
                l.end_col = l.col.max(l.end_col);
            }
        }
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jumpi = if *op == BoolOperator::And {
                    JUMP_IF_FALSE_OR_POP
                } else {
                    JUMP_IF_TRUE_OR_POP
                };
                let end = self.new_block();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.visit_expr(v)?;
                    self.addop_j(Op::R(jumpi), end);
                    let next = self.new_block();
                    self.use_next_block(next);
                }
                self.visit_expr(&values[n])?;
                self.use_next_block(end);
            }
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_i(BINARY_OP, *op as u32);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.addop(match op {
                    UnaryOperator::Invert => UNARY_INVERT,
                    UnaryOperator::Not => UNARY_NOT,
                    UnaryOperator::UAdd => UNARY_POSITIVE,
                    UnaryOperator::USub => UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.addop_j_noline(Op::Jump, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set(elts) => {
                self.starunpack_helper(elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, "<genexpr>", generators, elt, None)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, "<listcomp>", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, "<setcomp>", generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                e,
                CompKind::Dict,
                "<dictcomp>",
                generators,
                key,
                Some(value),
            )?,
            ExprKind::Yield(v) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match v {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.addop(YIELD_VALUE);
                self.addop_i(RESUME, 1);
            }
            ExprKind::YieldFrom(v) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                self.visit_expr(v)?;
                self.addop(GET_YIELD_FROM_ITER);
                self.load_const(Const::None);
                self.add_yield_from();
            }
            ExprKind::Await(_) => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'await' outside function"));
                }
                return Err(self.error("'await' outside async function"));
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Constant(c) => self.load_const(ast_const(c)),
            ExprKind::JoinedStr(values) => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(str_const(""));
                    self.addop_name_raw(LOAD_METHOD, "join");
                    self.addop_i(BUILD_LIST, 0);
                    for v in values {
                        self.visit_expr(v)?;
                        self.addop_i(LIST_APPEND, 1);
                    }
                    self.addop_i(PRECALL, 1);
                    self.addop_i(CALL, 1);
                } else {
                    for v in values {
                        self.visit_expr(v)?;
                    }
                    if values.len() != 1 {
                        self.addop_i(BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                let mut oparg = match *conversion {
                    c if c == 's' as i32 => 1,
                    c if c == 'r' as i32 => 2,
                    c if c == 'a' as i32 => 3,
                    _ => 0,
                };
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                    oparg |= 4;
                }
                self.addop_i(FORMAT_VALUE, oparg);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e);
                match ctx {
                    Ctx::Load => self.addop_name(LOAD_ATTR, attr),
                    Ctx::Store => {
                        self.check_forbidden(attr, Ctx::Store)?;
                        self.addop_name(STORE_ATTR, attr);
                    }
                    Ctx::Del => self.addop_name(DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.addop(match ctx {
                    Ctx::Load => BINARY_SUBSCR,
                    Ctx::Store => STORE_SUBSCR,
                    Ctx::Del => DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if *ctx == Ctx::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }));
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Const::None),
                }
                match upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Const::None),
                }
                if let Some(s) = step {
                    n += 1;
                    self.visit_expr(s)?;
                }
                self.addop_i(BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::List { elts, ctx } => match ctx {
                Ctx::Store => self.assignment_helper(elts)?,
                Ctx::Load => {
                    self.starunpack_helper(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)?
                }
                Ctx::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                Ctx::Store => self.assignment_helper(elts)?,
                Ctx::Load => {
                    self.starunpack_helper(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?
                }
                Ctx::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
        }
        Ok(())
    }

    pub fn add_yield_from(&mut self) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.addop_j(Op::R(SEND), exit);
        self.use_next_block(resume);
        self.addop(YIELD_VALUE);
        self.addop_i(RESUME, 2);
        self.addop_j(Op::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult {
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.visit_expr(&comparators[0])?;
            self.addcompare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_expr(&comparators[i])?;
            self.addop_i(SWAP, 2);
            self.addop_i(COPY, 2);
            self.addcompare(ops[i]);
            self.addop_j(Op::R(JUMP_IF_FALSE_OR_POP), cleanup);
        }
        self.visit_expr(&comparators[n])?;
        self.addcompare(ops[n]);
        let end = self.new_block();
        self.addop_j_noline(Op::Jump, end);
        self.use_next_block(cleanup);
        self.addop_i(SWAP, 2);
        self.addop(POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    // ------------------------------------------------------------ displays

    /// `starunpack_helper`.
    pub fn starunpack_helper(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let mut items: Vec<Const> = Vec::new();
            for x in elts {
                let ExprKind::Constant(c) = &x.kind else {
                    unreachable!()
                };
                items.push(ast_const(c));
            }
            if tuple && pushed == 0 {
                self.load_const(Const::Tuple(items.into()));
            } else {
                let folded = if add == SET_ADD {
                    let mut uniq: Vec<Const> = Vec::new();
                    for (x, e) in items.into_iter().zip(elts) {
                        let ExprKind::Constant(ec) = &e.kind else {
                            unreachable!()
                        };
                        let dup = elts.iter().take_while(|o| !std::ptr::eq(*o, e)).any(|o| {
                            matches!(&o.kind, ExprKind::Constant(oc) if super::fold::set_eq(oc, ec))
                        });
                        if !dup {
                            uniq.push(x);
                        }
                    }
                    Const::FrozenSet(uniq.into())
                } else {
                    Const::Tuple(items.into())
                };
                self.addop_i(build, pushed);
                self.load_const(folded);
                self.addop_i(extend, 1);
                if tuple {
                    self.addop(LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(is_starred);
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            let op = if tuple { BUILD_TUPLE } else { build };
            self.addop_i(op, n as u32 + pushed);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(build, pushed);
            sequence_built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !sequence_built {
                    self.addop_i(build, i as u32 + pushed);
                    sequence_built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(extend, 1);
            } else {
                self.visit_expr(x)?;
                if sequence_built {
                    self.addop_i(add, 1);
                }
            }
        }
        if tuple {
            self.addop(LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if is_starred(x) && !seen_star {
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.addop_i(UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            } else if is_starred(x) {
                return Err(self.error("multiple starred expressions in assignment"));
            }
        }
        if !seen_star {
            self.addop_i(UNPACK_SEQUENCE, n as u32);
        }
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(x)?,
            }
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = keys[begin..end]
            .iter()
            .all(|k| k.as_ref().is_some_and(is_const));
        if n > 1 && !big && all_const {
            for v in &values[begin..end] {
                self.visit_expr(v)?;
            }
            let ks: Vec<Const> = keys[begin..end]
                .iter()
                .map(|k| match &k.as_ref().unwrap().kind {
                    ExprKind::Constant(c) => ast_const(c),
                    _ => unreachable!(),
                })
                .collect();
            self.load_const(Const::Tuple(ks.into()));
            self.addop_i(BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.addop_i(BUILD_MAP, 0);
        }
        for i in begin..end {
            self.visit_expr(keys[i].as_ref().unwrap())?;
            self.visit_expr(&values[i])?;
            if big {
                self.addop_i(MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(BUILD_MAP, 0);
        }
        Ok(())
    }
}
