//! Helpers called from the grammar's actions: spans, `ctx` assignment and
//! target validation (with CPython's messages), argument-list and parameter
//! list assembly, string-literal concatenation.

use crate::ast::*;
use crate::error::{CompileError, SyntaxErrorKind};
use crate::lexer::{FPart, StrLit, Tok};
use crate::source::{Pos, syntax_error};
use lalrpop_util::ParseError;

pub type PResult<T> = Result<T, ParseError<Pos, Tok, CompileError>>;

/// What the single start rule produced.
pub enum Top {
    Module(Vec<Stmt>),
    Expr(Expr),
}

pub fn sp(l: Pos, r: Pos) -> Span {
    Span {
        line: l.line,
        col: l.col,
        end_line: r.line,
        end_col: r.col,
    }
}

/// A one-character span at `p` (a single caret).
pub fn point(p: Pos) -> Span {
    sp(p, p)
}

pub fn start_of(s: Span) -> Pos {
    Pos::new(s.line, s.col)
}

pub fn end_of(s: Span) -> Pos {
    Pos::new(s.end_line, s.end_col)
}

pub fn ex(l: Pos, r: Pos, kind: ExprKind) -> Expr {
    Expr::new(sp(l, r), kind)
}

pub fn st(l: Pos, r: Pos, kind: StmtKind) -> Stmt {
    Stmt::new(sp(l, r), kind)
}

/// A statement that ends with a block: its span ends where the block does.
pub fn block_stmt(l: Pos, last: &[Stmt], kind: StmtKind) -> Stmt {
    let r = last.last().map_or(l, |s| end_of(s.span));
    st(l, r, kind)
}

pub fn user_err<T>(msg: impl Into<String>, span: Span) -> PResult<T> {
    Err(ParseError::User {
        error: err(msg, span),
    })
}

fn err(msg: impl Into<String>, span: Span) -> CompileError {
    let mut e = syntax_error(
        SyntaxErrorKind::SyntaxError,
        msg,
        start_of(span),
        end_of(span),
    );
    if span.end_line > span.line {
        e.end_col = u32::MAX;
    }
    CompileError::Syntax(e)
}

pub fn name(l: Pos, id: String, r: Pos) -> Expr {
    ex(l, r, ExprKind::Name { id, ctx: Ctx::Load })
}

pub fn constant(l: Pos, r: Pos, c: Constant) -> Expr {
    ex(l, r, ExprKind::Constant(c))
}

pub fn binop(l: Pos, a: Expr, op: Operator, b: Expr, r: Pos) -> Expr {
    ex(
        l,
        r,
        ExprKind::BinOp {
            left: Box::new(a),
            op,
            right: Box::new(b),
        },
    )
}

pub fn unary(l: Pos, op: UnaryOperator, e: Expr, r: Pos) -> Expr {
    ex(
        l,
        r,
        ExprKind::UnaryOp {
            op,
            operand: Box::new(e),
        },
    )
}

pub fn boolop(l: Pos, op: BoolOperator, first: Expr, rest: Vec<Expr>, r: Pos) -> Expr {
    let mut values = vec![first];
    values.extend(rest);
    ex(l, r, ExprKind::BoolOp { op, values })
}

pub fn tuple(l: Pos, elts: Vec<Expr>, r: Pos) -> Expr {
    ex(
        l,
        r,
        ExprKind::Tuple {
            elts,
            ctx: Ctx::Load,
        },
    )
}

/// `a, b` (at least one comma seen) or a lone element.
pub fn maybe_tuple(l: Pos, mut v: Vec<Expr>, last: Option<Expr>, r: Pos) -> Expr {
    if let Some(e) = last {
        v.push(e);
    }
    tuple(l, v, r)
}

/// CPython's `_PyPegen_get_expr_name`.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, if any.
fn invalid_target(e: &Expr, ctx: Ctx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } if ctx != Ctx::Del => invalid_target(value, ctx),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, ctx))
        }
        _ => Some(e),
    }
}

/// Sets `ctx` on a validated target tree.
fn apply_ctx(e: &mut Expr, new: Ctx) {
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { value, ctx } => {
            *ctx = new;
            apply_ctx(value, new);
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new;
            for x in elts {
                apply_ctx(x, new);
            }
        }
        _ => {}
    }
}

/// Turns an expression into an assignment (Store) or deletion (Del) target.
pub fn target(mut e: Expr, ctx: Ctx) -> PResult<Expr> {
    if let Some(bad) = invalid_target(&e, ctx) {
        let verb = if ctx == Ctx::Del {
            "delete"
        } else {
            "assign to"
        };
        return user_err(format!("cannot {verb} {}", expr_name(bad)), bad.span);
    }
    apply_ctx(&mut e, ctx);
    Ok(e)
}

fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Tuple { .. }
            | ExprKind::Starred { .. }
    ) && !matches!(
        &e.kind,
        ExprKind::UnaryOp {
            op: UnaryOperator::Not,
            ..
        }
    )
}

/// `t1 = t2 = value`.
pub fn assign(l: Pos, first: Expr, mut rest: Vec<Expr>, r: Pos) -> PResult<Stmt> {
    let value = rest.pop().expect("at least one '='");
    let mut targets = Vec::with_capacity(rest.len() + 1);
    let all: Vec<Expr> = std::iter::once(first).chain(rest).collect();
    let n = all.len();
    for t in all {
        if n == 1 && invalid_target(&t, Ctx::Store).is_some() {
            let special = matches!(
                t.kind,
                ExprKind::List { .. }
                    | ExprKind::Tuple { .. }
                    | ExprKind::Constant(Constant::None | Constant::Bool(_))
            ) || matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_));
            if !special && is_bitwise_or_level(&t) && is_bitwise_or_level(&value) {
                return user_err(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(&t)
                    ),
                    t.span,
                );
            }
            if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return user_err("assignment to yield expression not possible", t.span);
            }
        }
        targets.push(target(t, Ctx::Store)?);
    }
    Ok(st(l, r, StmtKind::Assign { targets, value }))
}

pub fn aug_assign(l: Pos, t: Expr, op: Operator, value: Expr, r: Pos) -> PResult<Stmt> {
    match t.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            return user_err(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&t)
                ),
                t.span,
            );
        }
    }
    let target = target(t, Ctx::Store)?;
    Ok(st(l, r, StmtKind::AugAssign { target, op, value }))
}

pub fn ann_assign(l: Pos, t: Expr, annotation: Expr, value: Option<Expr>, r: Pos) -> PResult<Stmt> {
    let simple = matches!(t.kind, ExprKind::Name { .. }) && start_of(t.span) == l;
    match t.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple { .. } => {
            return user_err("only single target (not tuple) can be annotated", t.span);
        }
        ExprKind::List { .. } => {
            return user_err("only single target (not list) can be annotated", t.span);
        }
        _ => return user_err("illegal target for annotation", t.span),
    }
    let target = target(t, Ctx::Store)?;
    Ok(st(
        l,
        r,
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
    ))
}

pub fn named_expr(l: Pos, t: Expr, value: Expr, r: Pos) -> PResult<Expr> {
    if !matches!(t.kind, ExprKind::Name { .. }) {
        return user_err(
            format!("cannot use assignment expressions with {}", expr_name(&t)),
            t.span,
        );
    }
    let t = target(t, Ctx::Store)?;
    Ok(ex(
        l,
        r,
        ExprKind::NamedExpr {
            target: Box::new(t),
            value: Box::new(value),
        },
    ))
}

/// `(x)` where x is starred is an error.
pub fn paren(e: Expr) -> PResult<Expr> {
    if matches!(e.kind, ExprKind::Starred { .. }) {
        return user_err("cannot use starred expression here", e.span);
    }
    Ok(e)
}

/// One argument of a call, before classification.
pub enum CallArg {
    Pos(Expr),
    Star(Expr),
    Kw(Keyword),
    DoubleStar(Keyword),
}

pub fn call_args(items: Vec<CallArg>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let mut args = Vec::new();
    let mut kws = Vec::new();
    let mut seen_kw = false;
    let mut seen_dstar = false;
    for it in items {
        match it {
            CallArg::Pos(e) => {
                if seen_dstar {
                    return user_err(
                        "positional argument follows keyword argument unpacking",
                        point(end_of(e.span)),
                    );
                }
                if seen_kw {
                    return user_err(
                        "positional argument follows keyword argument",
                        point(end_of(e.span)),
                    );
                }
                args.push(e);
            }
            CallArg::Star(e) => {
                if seen_dstar {
                    return user_err(
                        "iterable argument unpacking follows keyword argument unpacking",
                        point(start_of(e.span)),
                    );
                }
                args.push(e);
            }
            CallArg::Kw(k) => {
                seen_kw = true;
                kws.push(k);
            }
            CallArg::DoubleStar(k) => {
                seen_dstar = true;
                kws.push(k);
            }
        }
    }
    Ok((args, kws))
}

/// `f(a=1)`: the keyword name must be a plain name.
pub fn keyword_arg(l: Pos, lhs: Expr, value: Expr, r: Pos) -> PResult<CallArg> {
    match lhs.kind {
        ExprKind::Name { id, .. } => Ok(CallArg::Kw(Keyword {
            span: sp(l, r),
            arg: Some(id),
            value,
        })),
        _ => user_err(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            sp(l, r),
        ),
    }
}

pub fn call(l: Pos, func: Expr, args: (Vec<Expr>, Vec<Keyword>), r: Pos) -> Expr {
    ex(
        l,
        r,
        ExprKind::Call {
            func: Box::new(func),
            args: args.0,
            keywords: args.1,
        },
    )
}

/// One item of a parameter list, before assembly.
pub enum Param {
    Plain(Arg, Option<Expr>),
    Star(Option<Arg>, Pos),
    DoubleStar(Arg),
    Slash(Pos),
}

pub fn arguments(items: Vec<Param>) -> PResult<Arguments> {
    let mut a = Arguments::default();
    let mut after_star = false;
    let mut seen_default = false;
    let mut kwarg_seen = false;
    let mut bare_star: Option<Pos> = None;
    let n = items.len();
    for (i, it) in items.into_iter().enumerate() {
        if kwarg_seen {
            let span = match &it {
                Param::Plain(x, _) | Param::DoubleStar(x) => x.span,
                Param::Star(_, p) | Param::Slash(p) => sp(*p, *p),
            };
            return user_err("arguments cannot follow var-keyword argument", span);
        }
        match it {
            Param::Plain(arg, default) => {
                bare_star = None;
                if after_star {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return user_err(
                                "non-default argument follows default argument",
                                arg.span,
                            );
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            Param::Star(arg, p) => {
                if after_star {
                    return user_err("* argument may appear only once", sp(p, p));
                }
                after_star = true;
                if arg.is_none() {
                    bare_star = Some(p);
                    if i + 1 == n {
                        return user_err("named arguments must follow bare *", sp(p, p));
                    }
                }
                a.vararg = arg;
            }
            Param::DoubleStar(arg) => {
                if let Some(p) = bare_star {
                    return user_err("named arguments must follow bare *", sp(p, p));
                }
                kwarg_seen = true;
                a.kwarg = Some(arg);
            }
            Param::Slash(p) => {
                if after_star {
                    return user_err("/ must be ahead of *", sp(p, p));
                }
                if !a.posonlyargs.is_empty() || a.args.is_empty() {
                    let msg = if a.posonlyargs.is_empty() {
                        "at least one argument must precede /"
                    } else {
                        "/ may appear only once"
                    };
                    return user_err(msg, sp(p, p));
                }
                a.posonlyargs = std::mem::take(&mut a.args);
            }
        }
    }
    Ok(a)
}

pub fn comprehension(t: Expr, iter: Expr, ifs: Vec<Expr>) -> PResult<Comprehension> {
    Ok(Comprehension {
        target: target(t, Ctx::Store)?,
        iter,
        ifs,
        is_async: false,
    })
}

/// Concatenates adjacent string literals into a Constant or a JoinedStr.
pub fn strings(l: Pos, lits: Vec<Box<StrLit>>, r: Pos) -> PResult<Expr> {
    let span = sp(l, r);
    let is_bytes = matches!(*lits[0], StrLit::Bytes(_));
    if lits
        .iter()
        .any(|s| matches!(**s, StrLit::Bytes(_)) != is_bytes)
    {
        return user_err("cannot mix bytes and nonbytes literals", sp(r, r));
    }
    if is_bytes {
        let mut v = Vec::new();
        for s in lits {
            if let StrLit::Bytes(b) = *s {
                v.extend(b);
            }
        }
        return Ok(Expr::new(span, ExprKind::Constant(Constant::Bytes(v))));
    }
    let has_f = lits.iter().any(|s| matches!(**s, StrLit::FStr(_)));
    if !has_f {
        let mut out = String::new();
        for s in lits {
            if let StrLit::Str(t) = *s {
                out.push_str(&t);
            }
        }
        return Ok(Expr::new(span, ExprKind::Constant(Constant::Str(out))));
    }
    let mut parts: Vec<FPart> = Vec::new();
    for s in lits {
        match *s {
            StrLit::Str(t) => crate::fstring::push_lit(&mut parts, t),
            StrLit::FStr(ps) => {
                for p in ps {
                    match p {
                        FPart::Lit(t) => crate::fstring::push_lit(&mut parts, t),
                        f => parts.push(f),
                    }
                }
            }
            StrLit::Bytes(_) => {}
        }
    }
    Ok(Expr::new(span, ExprKind::JoinedStr(fparts(parts, span))))
}

fn fparts(parts: Vec<FPart>, span: Span) -> Vec<Expr> {
    parts
        .into_iter()
        .map(|p| match p {
            FPart::Lit(t) => Expr::new(span, ExprKind::Constant(Constant::Str(t))),
            FPart::Field {
                value,
                conversion,
                spec,
            } => Expr::new(
                span,
                ExprKind::FormattedValue {
                    value: Box::new(value),
                    conversion,
                    format_spec: spec
                        .map(|s| Box::new(Expr::new(span, ExprKind::JoinedStr(fparts(s, span))))),
                },
            ),
        })
        .collect()
}

/// `with (a, b):` written without the item-list parentheses trick, and
/// with-items' targets.
pub fn with_item(e: Expr, vars: Option<Expr>) -> PResult<WithItem> {
    let optional_vars = match vars {
        Some(v) => Some(target(v, Ctx::Store)?),
        None => None,
    };
    Ok(WithItem {
        context_expr: e,
        optional_vars,
    })
}

/// `if a: ... elif b: ... else: ...` → nested If statements.
pub fn if_chain(
    l: Pos,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(Pos, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut tail = orelse.unwrap_or_default();
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let last = if tail.is_empty() { &ebody } else { &tail };
        let r = last.last().map_or(el, |s| end_of(s.span));
        let s = st(
            el,
            r,
            StmtKind::If {
                test: etest,
                body: ebody,
                orelse: tail,
            },
        );
        tail = vec![s];
    }
    let last = if tail.is_empty() { &body } else { &tail };
    let r = last.last().map_or(l, |s| end_of(s.span));
    st(
        l,
        r,
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
    )
}

/// The last statement of the last non-empty block.
pub fn end_blocks(blocks: &[&Vec<Stmt>]) -> Pos {
    for b in blocks.iter().rev() {
        if let Some(s) = b.last() {
            return end_of(s.span);
        }
    }
    Pos::default()
}

pub fn cons(e: Expr, mut v: Vec<Expr>) -> Vec<Expr> {
    v.insert(0, e);
    v
}

pub fn unsupported(what: &str, at: Pos) -> lalrpop_util::ParseError<Pos, Tok, CompileError> {
    ParseError::User {
        error: CompileError::Unsupported(crate::error::Unsupported {
            construct: what.to_string(),
            filename: String::new(),
            line: at.line,
            col: at.col,
        }),
    }
}
