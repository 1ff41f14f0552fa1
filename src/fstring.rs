//! F-string bodies (CPython 3.11 rules): literal text with `{{`/`}}`,
//! replacement fields `{expr!conv:spec}` whose expressions are parsed by the
//! expression parser at their real source position, nested fields inside
//! format specs, and the `=` debugging specifier.

use crate::error::{CompileError, SyntaxError, SyntaxErrorKind};
use crate::lexer::FPart;
use crate::source::{Pos, syntax_error};
use crate::strings::decode_escapes;

struct FParser<'a> {
    s: &'a str,
    raw: bool,
    /// Position of `s[0]`.
    base: Pos,
}

fn ferr(msg: &str, at: Pos) -> CompileError {
    syntax_error(
        SyntaxErrorKind::SyntaxError,
        format!("f-string: {msg}"),
        at,
        at,
    )
    .into()
}

impl FParser<'_> {
    /// Absolute position of byte `i` of the body.
    fn pos(&self, i: usize) -> Pos {
        let mut p = self.base;
        for ch in self.s[..i].chars() {
            if ch == '\n' {
                p.line += 1;
                p.col = 0;
            } else {
                p.col += 1;
            }
        }
        p
    }

    fn lit(&self, text: &str, start: usize, parts: &mut Vec<FPart>) -> Result<(), CompileError> {
        if text.is_empty() {
            return Ok(());
        }
        let decoded: String = if self.raw {
            text.to_string()
        } else {
            decode_escapes(text, false, self.pos(start))?
                .into_iter()
                .collect()
        };
        push_lit(parts, decoded);
        Ok(())
    }

    /// Parses from `i` until the end (depth 0) or until the `}` closing a
    /// format spec (depth > 0). Returns the parts and the index reached.
    fn parts(&self, mut i: usize, depth: u32) -> Result<(Vec<FPart>, usize), CompileError> {
        let b = self.s.as_bytes();
        let mut parts = Vec::new();
        let mut lit_start = i;
        while i < b.len() {
            match b[i] {
                b'\\'
                    if !self.raw
                        && i + 1 < b.len()
                        && b[i + 1] == b'N'
                        && i + 2 < b.len()
                        && b[i + 2] == b'{' =>
                {
                    // \N{NAME}: the braces belong to the escape.
                    match self.s[i..].find('}') {
                        Some(j) => i += j + 1,
                        None => i = b.len(),
                    }
                }
                b'\\' => i += 2,
                b'{' if i + 1 < b.len() && b[i + 1] == b'{' && depth == 0 => {
                    self.lit(&self.s[lit_start..i + 1], lit_start, &mut parts)?;
                    i += 2;
                    lit_start = i;
                }
                b'}' if depth > 0 => {
                    self.lit(&self.s[lit_start..i], lit_start, &mut parts)?;
                    return Ok((parts, i));
                }
                b'}' => {
                    if i + 1 < b.len() && b[i + 1] == b'}' {
                        self.lit(&self.s[lit_start..i + 1], lit_start, &mut parts)?;
                        i += 2;
                        lit_start = i;
                    } else {
                        return Err(ferr("single '}' is not allowed", self.pos(i)));
                    }
                }
                b'{' => {
                    self.lit(&self.s[lit_start..i], lit_start, &mut parts)?;
                    if depth >= 2 {
                        return Err(ferr("expressions nested too deeply", self.pos(i)));
                    }
                    i = self.field(i + 1, depth, &mut parts)?;
                    lit_start = i;
                }
                _ => i += 1,
            }
        }
        let end = i.min(b.len());
        self.lit(&self.s[lit_start..end], lit_start, &mut parts)?;
        Ok((parts, end))
    }

    /// Parses one replacement field starting after its `{`; returns the index after `}`.
    fn field(
        &self,
        start: usize,
        depth: u32,
        parts: &mut Vec<FPart>,
    ) -> Result<usize, CompileError> {
        let b = self.s.as_bytes();
        let mut i = start;
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let mut debug_end = None;
        let expr_end;
        loop {
            if i >= b.len() {
                return Err(ferr("expecting '}'", self.pos(i)));
            }
            let c = b[i];
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q)) {
                    i += if triple { 3 } else { 1 };
                    quote = None;
                } else {
                    i += 1;
                }
                continue;
            }
            match c {
                b'\\' => {
                    return Err(ferr(
                        "expression part cannot include a backslash",
                        self.pos(i),
                    ));
                }
                b'\'' | b'"' => {
                    let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                    quote = Some((c, triple));
                    i += if triple { 3 } else { 1 };
                    continue;
                }
                b'#' => {
                    return Err(syntax_error(
                        SyntaxErrorKind::SyntaxError,
                        "f-string expression part cannot include '#'",
                        self.pos(i),
                        self.pos(i),
                    )
                    .into());
                }
                b'(' | b'[' | b'{' => nest.push(c),
                b')' | b']' => {
                    nest.pop();
                }
                b'}' if !nest.is_empty() => {
                    nest.pop();
                }
                _ if !nest.is_empty() => {}
                b'}' | b':' => {
                    expr_end = i;
                    break;
                }
                b'!' | b'=' | b'<' | b'>' if i + 1 < b.len() && b[i + 1] == b'=' => {
                    i += 2;
                    continue;
                }
                b'!' => {
                    expr_end = i;
                    break;
                }
                b'=' => {
                    expr_end = i;
                    i += 1;
                    while i < b.len() && (b[i] as char).is_whitespace() {
                        i += 1;
                    }
                    debug_end = Some(i);
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let expr_text = &self.s[start..expr_end];
        if expr_text.trim().is_empty() {
            return Err(ferr("empty expression not allowed", self.pos(expr_end)));
        }
        let mut value =
            crate::parser::parse_fstring_expr(expr_text, self.pos(start)).map_err(|e| match e {
                CompileError::Syntax(s) if !s.msg.starts_with("f-string") => {
                    CompileError::Syntax(SyntaxError {
                        msg: format!("f-string: {}", s.msg),
                        ..s
                    })
                }
                other => other,
            })?;
        if matches!(value.kind, crate::ast::ExprKind::Tuple { .. }) {
            // CPython parses the field as `(expr)`: the tuple's span covers
            // the braces' positions standing in for the parentheses.
            let l = self.pos(start - 1);
            let r = self.pos(expr_end);
            value.span = crate::ast::Span {
                line: l.line,
                col: l.col,
                end_line: r.line,
                end_col: r.col + 1,
            };
        }
        if let Some(d) = debug_end {
            push_lit(parts, self.s[start..d].to_string());
        }
        let mut conversion = -1;
        if i < b.len() && b[i] == b'!' {
            let c = b.get(i + 1).copied().unwrap_or(b'}');
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(ferr(
                    "invalid conversion character: expected 's', 'r', or 'a'",
                    self.pos(i + 1),
                ));
            }
            conversion = c as i32;
            i += 2;
        }
        let mut spec = None;
        if i < b.len() && b[i] == b':' {
            let (sp, j) = self.parts(i + 1, depth + 1)?;
            spec = Some(sp);
            i = j;
        }
        if i >= b.len() || b[i] != b'}' {
            return Err(ferr("expecting '}'", self.pos(i)));
        }
        if debug_end.is_some() && conversion == -1 && spec.is_none() {
            conversion = 'r' as i32;
        }
        parts.push(FPart::Field {
            value,
            conversion,
            spec,
        });
        Ok(i + 1)
    }
}

/// Appends literal text, merging with a preceding literal.
pub fn push_lit(parts: &mut Vec<FPart>, s: String) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(prev)) = parts.last_mut() {
        prev.push_str(&s);
    } else {
        parts.push(FPart::Lit(s));
    }
}

/// Parses an f-string body (between the quotes) that starts at `base`.
pub fn parse_fstring(body: &str, raw: bool, base: Pos) -> Result<Vec<FPart>, CompileError> {
    let p = FParser { s: body, raw, base };
    let (parts, _) = p.parts(0, 0)?;
    Ok(parts)
}
