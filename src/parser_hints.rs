//! CPython's second parser pass: when the first pass fails, CPython parses
//! again with its `invalid_*` grammar rules switched on, and the first of
//! them that matches words the error ("Missing parentheses in call to
//! 'print'", "Maybe you meant '==' or ':='", "Generator expression must be
//! parenthesized"). The LR parser only knows where it stopped; this module
//! looks at the tokens around that point and re-parses token ranges as
//! expressions to recognise the same shapes with the same ranges.
//!
//! Each hint also reports the furthest token CPython's parser read for it:
//! the tokenizer's "'(' was never closed" wins only when that token lies on
//! a later line than the unclosed bracket.

use crate::ast::{Constant, Expr, ExprKind};
use crate::builder::{Top, end_of, expr_name, start_of};
use crate::error::{CompileError, SyntaxErrorKind};
use crate::lexer::{Spanned, Tok};
use crate::source::{Pos, syntax_error};

/// A worded error and the furthest token position the rule read.
pub struct Hint {
    pub error: CompileError,
    pub furthest: Pos,
}

/// Tries CPython's `invalid_*` rules around the token at index `at`.
pub fn second_pass(toks: &[Spanned], at: usize) -> Option<Hint> {
    let line = line_bounds(toks, at);
    legacy_call(toks, line, at)
        .or_else(|| unparenthesized_genexp(toks, line, at))
        .or_else(|| assignment_in_expression(toks, line, at))
}

/// The tokens of the logical line holding `at`: `(first, end)` indices.
fn line_bounds(toks: &[Spanned], at: usize) -> (usize, usize) {
    let ends_line = |t: &Tok| {
        matches!(
            t,
            Tok::Newline | Tok::StartModule | Tok::StartExpr | Tok::Indent | Tok::Dedent
        )
    };
    let mut first = at.min(toks.len());
    while first > 0 && !ends_line(&toks[first - 1].1) {
        first -= 1;
    }
    let mut end = at.min(toks.len());
    while end < toks.len() && !matches!(toks[end].1, Tok::Newline) {
        end += 1;
    }
    (first, end)
}

/// Parses `toks[a..b]` as one expression (as if inside parentheses).
fn parse_expr(toks: &[Spanned], a: usize, b: usize) -> Option<Expr> {
    if a >= b || b > toks.len() {
        return None;
    }
    let start = toks[a].0;
    let stream = std::iter::once((start, Tok::StartExpr, start))
        .chain(toks[a..b].iter().cloned())
        .map(Ok::<_, CompileError>);
    match crate::parser::grammar::TopParser::new().parse(stream) {
        Ok(Top::Expr(e)) => Some(e),
        _ => None,
    }
}

/// The longest expression starting at `a` (before `end`) that `accept`s:
/// its end index (exclusive) and the expression.
fn longest_expr(
    toks: &[Spanned],
    a: usize,
    end: usize,
    accept: impl Fn(&Expr) -> bool,
) -> Option<(usize, Expr)> {
    (a + 1..=end)
        .rev()
        .find_map(|b| parse_expr(toks, a, b).filter(&accept).map(|e| (b, e)))
}

/// Whether `e` is at CPython's `bitwise_or` level (no comparison, boolean
/// operator, conditional, lambda, tuple, starred or named expression).
fn is_bitwise_or(e: &Expr) -> bool {
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
        e.kind,
        ExprKind::UnaryOp {
            op: crate::ast::UnaryOperator::Not,
            ..
        }
    )
}

/// Whether a token ends an operand (so a following operand is juxtaposed).
fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
    )
}

fn furthest(toks: &[Spanned], next: usize) -> Pos {
    match toks.get(next) {
        Some(t) => t.0,
        None => toks.last().map_or(Pos::new(1, 0), |t| t.2),
    }
}

fn hint(msg: impl Into<String>, a: Pos, b: Pos, furthest: Pos) -> Option<Hint> {
    Some(Hint {
        error: syntax_error(SyntaxErrorKind::SyntaxError, msg, a, b).into(),
        furthest,
    })
}

/// `invalid_legacy_expression`: `print x` / `exec "code"` — a name from
/// Python 2's statements followed by an expression instead of `(`.
fn legacy_call(toks: &[Spanned], (first, end): (usize, usize), at: usize) -> Option<Hint> {
    for k in first..at.min(end) {
        let Tok::Name(n) = &toks[k].1 else { continue };
        if n != "print" && n != "exec" {
            continue;
        }
        // The name must start an expression (not `x.print`, `def print`).
        let starts = k == first
            || !(ends_operand(&toks[k - 1].1)
                || matches!(
                    toks[k - 1].1,
                    Tok::Dot
                        | Tok::Def
                        | Tok::Class
                        | Tok::Import
                        | Tok::From
                        | Tok::As
                        | Tok::Global
                        | Tok::Nonlocal
                ));
        if !starts || matches!(toks.get(k + 1).map(|t| &t.1), Some(Tok::LPar) | None) {
            continue;
        }
        let Some((b, e)) = longest_expr(toks, k + 1, end, |_| true) else {
            continue;
        };
        let name = n.clone();
        return hint(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            toks[k].0,
            end_of(e.span),
            furthest(toks, b),
        );
    }
    None
}

/// The innermost bracket open at token `at`: its index.
fn open_bracket(toks: &[Spanned], first: usize, at: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (first..at).rev() {
        match toks[i].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::WithLPar => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// The top-level items between bracket `open` and its closing bracket (or
/// the line's end): `(start, end)` index ranges, and the index after them.
fn bracket_items(toks: &[Spanned], open: usize, end: usize) -> (Vec<(usize, usize)>, usize) {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = open + 1;
    let mut i = open + 1;
    while i < end {
        match toks[i].1 {
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::WithLPar => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace if depth == 0 => break,
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
            Tok::Comma if depth == 0 => {
                items.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < i {
        items.push((start, i));
    }
    (items, i)
}

/// Whether item `toks[a..b]` has a top-level `for` (a generator expression).
fn top_level_for(toks: &[Spanned], a: usize, b: usize) -> bool {
    let mut depth = 0usize;
    for t in &toks[a..b] {
        match t.1 {
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::WithLPar => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth = depth.saturating_sub(1),
            Tok::For if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// `invalid_arguments`: a generator expression that is not the only
/// argument of a call must have its own parentheses.
fn unparenthesized_genexp(
    toks: &[Spanned],
    (first, end): (usize, usize),
    at: usize,
) -> Option<Hint> {
    let mut probe = at.min(end);
    while let Some(open) = open_bracket(toks, first, probe) {
        probe = open;
        let is_call = open > first && ends_operand(&toks[open - 1].1);
        if !matches!(toks[open].1, Tok::LPar) || !is_call {
            continue;
        }
        let (items, close) = bracket_items(toks, open, end);
        let trailing_comma = close > open + 1 && matches!(toks[close - 1].1, Tok::Comma);
        if items.len() < 2 && !trailing_comma {
            continue;
        }
        let keyword = |a: usize| matches!(toks.get(a + 1).map(|t| &t.1), Some(Tok::Equal));
        let Some(&(a, b)) = items
            .iter()
            .find(|&&(a, b)| !keyword(a) && top_level_for(toks, a, b))
        else {
            continue;
        };
        return hint(
            "Generator expression must be parenthesized",
            toks[a].0,
            toks[b - 1].2,
            furthest(toks, b),
        );
    }
    None
}

/// `invalid_named_expression` (and `invalid_kwarg` inside a call): `=`
/// where an expression is expected, as in `if x = 5:`.
fn assignment_in_expression(
    toks: &[Spanned],
    (first, end): (usize, usize),
    at: usize,
) -> Option<Hint> {
    if !matches!(toks.get(at).map(|t| &t.1), Some(Tok::Equal)) || at >= end {
        return None;
    }
    // Where the expression before `=` starts, and what encloses it.
    let mut s = at;
    let mut depth = 0usize;
    while s > first {
        match toks[s - 1].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::WithLPar if depth == 0 => break,
            Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::WithLPar => depth -= 1,
            Tok::Comma | Tok::If | Tok::Elif | Tok::While | Tok::Equal | Tok::Colon
                if depth == 0 =>
            {
                break;
            }
            _ => {}
        }
        s -= 1;
    }
    if s == at || s == first {
        return None;
    }
    let open = open_bracket(toks, first, at);
    let in_call = open.is_some_and(|o| {
        matches!(toks[o].1, Tok::LPar) && o > first && ends_operand(&toks[o - 1].1)
    });
    let named_context = matches!(toks[s - 1].1, Tok::If | Tok::Elif | Tok::While)
        || (open.is_some()
            && !in_call
            && matches!(
                toks[s - 1].1,
                Tok::Comma | Tok::LPar | Tok::LSqb | Tok::LBrace
            ));
    let target = parse_expr(toks, s, at)?;
    if in_call && matches!(toks[s - 1].1, Tok::Comma | Tok::LPar) {
        if matches!(target.kind, ExprKind::Name { .. }) {
            return None;
        }
        if let ExprKind::Constant(Constant::None | Constant::Bool(_)) = target.kind {
            return hint(
                format!("cannot assign to {}", expr_name(&target)),
                start_of(target.span),
                toks[at].2,
                furthest(toks, at + 1),
            );
        }
        return hint(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            start_of(target.span),
            toks[at].2,
            furthest(toks, at + 1),
        );
    }
    let (b, value) = longest_expr(toks, at + 1, end, is_bitwise_or)?;
    if matches!(
        toks.get(b).map(|t| &t.1),
        Some(Tok::Equal | Tok::ColonEqual)
    ) {
        return None;
    }
    let far = furthest(toks, b);
    if !named_context {
        return None;
    }
    if matches!(target.kind, ExprKind::Name { .. }) && s + 1 == at {
        return hint(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            start_of(target.span),
            end_of(value.span),
            far,
        );
    }
    let excluded = matches!(
        target.kind,
        ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::None | Constant::Bool(_))
    );
    if excluded || !is_bitwise_or(&target) {
        return None;
    }
    hint(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(&target)
        ),
        start_of(target.span),
        end_of(target.span),
        far,
    )
}
