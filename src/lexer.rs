//! The tokenizer: a logos-generated scanner for raw tokens plus a hand-written
//! layer that produces Python's token stream (NEWLINE, INDENT/DEDENT from an
//! indentation stack, implicit line joining inside brackets, backslash
//! continuation, keywords, numbers, string literals).
//!
//! The whole input is tokenized eagerly ([`tokenize`]): the result is the token
//! list plus, if the tokenizer stopped early, the error it stopped on. The
//! parser decides which error wins, the way CPython 3.11 does (a tokenizer
//! error found after a parser error still takes precedence).

use crate::ast::Expr;
use crate::error::{CompileError, SyntaxErrorKind, Unsupported};
use crate::source::{Locator, Pos, syntax_error};
use crate::strings;
use logos::Logos;
use num_bigint::BigInt;

/// CPython's MAXLEVEL: deeper bracket nesting is "too many nested parentheses".
pub const MAX_PAREN_DEPTH: usize = 200;

/// Operators between two commas beyond which an expression is refused.
pub const MAX_COMPLEXITY: usize = 1000;

/// A token as the grammar sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// Synthetic first token selecting the grammar's start rule.
    StartModule,
    StartExpr,
    Name(String),
    Int(BigInt),
    Float(f64),
    Imag(f64),
    Str(Box<StrLit>),
    Newline,
    Indent,
    Dedent,
    // keywords
    False,
    None,
    True,
    And,
    As,
    Assert,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// `(` opening the parenthesized item list of a `with` statement.
    WithLPar,
    // punctuation
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
}

/// One string literal token, already decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum StrLit {
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string: literal text and replacement fields.
    FStr(Vec<FPart>),
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    Lit(String),
    Field {
        value: Expr,
        conversion: i32,
        spec: Option<Vec<FPart>>,
    },
}

pub type Spanned = (Pos, Tok, Pos);

/// Why tokenization stopped.
#[derive(Debug, Clone)]
pub struct LexError {
    pub error: CompileError,
    /// CPython reports tokenizer errors even when the parser failed earlier
    /// (it re-tokenizes the rest of the file); errors that CPython's parser
    /// raises (indentation expectations, f-string contents) do not override.
    pub overrides: bool,
    /// For "'(' was never closed": the line of the bracket; it overrides an
    /// earlier parser error only if that error is on a later line.
    pub unclosed_line: Option<u32>,
}

/// What the token stream is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A whole file: NEWLINE/INDENT/DEDENT are produced.
    Module,
    /// An f-string replacement field: the text behaves as if inside brackets.
    Expr,
}

#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"[a-zA-Z_\x{80}-\x{10FFFF}][a-zA-Z0-9_\x{80}-\x{10FFFF}]*")]
    Name,
    #[regex(r"[0-9]")]
    Digit,
    #[regex(r"\.[0-9]")]
    DotDigit,
    #[regex(r#"([rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?["']"#)]
    StrStart,
    #[token("\\")]
    Backslash,
    #[token("\\\n")]
    Continuation,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}

fn punct(r: Raw) -> Tok {
    match r {
        Raw::LPar => Tok::LPar,
        Raw::RPar => Tok::RPar,
        Raw::LSqb => Tok::LSqb,
        Raw::RSqb => Tok::RSqb,
        Raw::LBrace => Tok::LBrace,
        Raw::RBrace => Tok::RBrace,
        Raw::Colon => Tok::Colon,
        Raw::Comma => Tok::Comma,
        Raw::Semi => Tok::Semi,
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::Slash => Tok::Slash,
        Raw::VBar => Tok::VBar,
        Raw::Amper => Tok::Amper,
        Raw::Less => Tok::Less,
        Raw::Greater => Tok::Greater,
        Raw::Equal => Tok::Equal,
        Raw::Dot => Tok::Dot,
        Raw::Percent => Tok::Percent,
        Raw::EqEqual => Tok::EqEqual,
        Raw::NotEqual => Tok::NotEqual,
        Raw::LessEqual => Tok::LessEqual,
        Raw::GreaterEqual => Tok::GreaterEqual,
        Raw::Tilde => Tok::Tilde,
        Raw::Circumflex => Tok::Circumflex,
        Raw::LeftShift => Tok::LeftShift,
        Raw::RightShift => Tok::RightShift,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::PlusEqual => Tok::PlusEqual,
        Raw::MinEqual => Tok::MinEqual,
        Raw::StarEqual => Tok::StarEqual,
        Raw::SlashEqual => Tok::SlashEqual,
        Raw::PercentEqual => Tok::PercentEqual,
        Raw::AmperEqual => Tok::AmperEqual,
        Raw::VBarEqual => Tok::VBarEqual,
        Raw::CircumflexEqual => Tok::CircumflexEqual,
        Raw::LeftShiftEqual => Tok::LeftShiftEqual,
        Raw::RightShiftEqual => Tok::RightShiftEqual,
        Raw::DoubleStarEqual => Tok::DoubleStarEqual,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
        Raw::At => Tok::At,
        Raw::AtEqual => Tok::AtEqual,
        Raw::RArrow => Tok::RArrow,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::ColonEqual => Tok::ColonEqual,
        _ => unreachable!("not punctuation"),
    }
}

fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "False" => Tok::False,
        "None" => Tok::None,
        "True" => Tok::True,
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "nonlocal" => Tok::Nonlocal,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}

/// The description CPython uses in "expected an indented block after ...".
fn block_opener(t: &Tok) -> Option<&'static str> {
    Some(match t {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::For => "'for' statement",
        Tok::While => "'while' statement",
        Tok::Try => "'try' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::With => "'with' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        _ => return None,
    })
}

struct State<'a> {
    text: &'a str,
    loc: Locator<'a>,
    mode: Mode,
    toks: Vec<Spanned>,
    /// Indentation stack: (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    parens: Vec<(char, Pos)>,
    /// Index in `toks` of the first token of the current logical line, if any.
    line_first: Option<usize>,
    /// The previous logical line ended with ':' after a block opener: (description, line).
    pending_block: Option<(&'static str, u32)>,
    /// Operators and brackets since the last comma/statement boundary: a bound
    /// on expression nesting, which keeps the recursive tree walks in check.
    complexity: usize,
}

type LexResult<T> = Result<T, LexError>;

fn err_at(
    kind: SyntaxErrorKind,
    msg: impl Into<String>,
    start: Pos,
    end: Pos,
    overrides: bool,
) -> LexError {
    LexError {
        error: CompileError::Syntax(syntax_error(kind, msg, start, end)),
        overrides,
        unclosed_line: None,
    }
}

fn syn(msg: impl Into<String>, start: Pos) -> LexError {
    err_at(SyntaxErrorKind::SyntaxError, msg, start, start, true)
}

/// Tokenizes `text` (whose first character is at `base`). Module mode starts
/// the stream with `StartModule`, expression mode with `StartExpr`.
pub fn tokenize(text: &str, base: Pos, mode: Mode) -> (Vec<Spanned>, Option<LexError>) {
    let mut st = State {
        text,
        loc: Locator::new(text, base),
        mode,
        toks: Vec::new(),
        indents: vec![(0, 0)],
        parens: Vec::new(),
        line_first: None,
        pending_block: None,
        complexity: 0,
    };
    let start_tok = match mode {
        Mode::Module => Tok::StartModule,
        Mode::Expr => Tok::StartExpr,
    };
    st.toks.push((base, start_tok, base));
    let res = st.run();
    fix_with_parens(&mut st.toks);
    (st.toks, res.err())
}

impl<'a> State<'a> {
    fn run(&mut self) -> LexResult<()> {
        let mut lex = Raw::lexer(self.text);
        while let Some(raw) = lex.next() {
            let span = lex.span();
            let start = self.loc.pos(span.start);
            let raw = match raw {
                Ok(r) => r,
                Err(()) => {
                    let ch = self.text[span.start..].chars().next().unwrap_or(' ');
                    return Err(self.bad_char(ch, start));
                }
            };
            match raw {
                Raw::Newline => {
                    if self.mode == Mode::Module
                        && self.parens.is_empty()
                        && self.line_first.is_some()
                    {
                        self.end_line(start, Pos::new(start.line, start.col + 1));
                    }
                    continue;
                }
                Raw::Continuation => {
                    if lex.remainder().is_empty() {
                        let p = self.loc.pos(span.start + 1);
                        return Err(syn("unexpected EOF while parsing", p));
                    }
                    continue;
                }
                Raw::Backslash => {
                    if lex.remainder().is_empty() {
                        return Err(syn("unexpected EOF while parsing", start));
                    }
                    return Err(syn(
                        "unexpected character after line continuation character",
                        Pos::new(start.line, start.col + 1),
                    ));
                }
                _ => {}
            }
            self.begin_token(span.start, start)?;
            let tok = match raw {
                Raw::Name => {
                    let s = lex.slice();
                    if let Some(bad) = s.chars().find(|c| !c.is_ascii() && !c.is_alphanumeric()) {
                        let off = s.find(bad).unwrap_or(0);
                        let p = self.loc.pos(span.start + off);
                        return Err(self.bad_char(bad, p));
                    }
                    if s == "async" || s == "await" {
                        return Err(LexError {
                            error: CompileError::Unsupported(Unsupported {
                                construct: format!("'{s}'"),
                                filename: String::new(),
                                line: start.line,
                                col: start.col,
                            }),
                            overrides: false,
                            unclosed_line: None,
                        });
                    }
                    keyword(s).unwrap_or_else(|| Tok::Name(s.to_string()))
                }
                Raw::Digit | Raw::DotDigit => {
                    let (tok, len) =
                        strings::scan_number(&self.text[span.start..]).map_err(|e| {
                            let at = Pos::new(start.line, start.col + e.at as u32);
                            let end = e
                                .end
                                .map_or(at, |n| Pos::new(start.line, start.col + n as u32 - 1));
                            err_at(SyntaxErrorKind::SyntaxError, e.msg, at, end, true)
                        })?;
                    lex.bump(len - span.len());
                    tok
                }
                Raw::StrStart => {
                    let prefix_len = span.len() - 1;
                    let body_start = span.end;
                    let quote = self.text.as_bytes()[span.end - 1];
                    let scanned = strings::scan_string(&self.text[body_start..], quote);
                    let (body_len, triple) = match scanned {
                        Ok(x) => x,
                        Err(triple) => {
                            let detected = self.loc.last_line();
                            let msg = if triple {
                                format!(
                                    "unterminated triple-quoted string literal (detected at line {detected})"
                                )
                            } else {
                                // A single-quoted string ends at the newline.
                                let rest = &self.text[body_start..];
                                let nl = rest.find('\n').map(|i| body_start + i);
                                let line = match nl {
                                    Some(i) => self.loc.pos(i).line,
                                    None => detected,
                                };
                                format!("unterminated string literal (detected at line {line})")
                            };
                            return Err(syn(msg, start));
                        }
                    };
                    let q = if triple { 3 } else { 1 };
                    let content_start = body_start + if triple { 2 } else { 0 };
                    let content = &self.text[content_start..body_start + body_len - q];
                    let prefix = &self.text[span.start..span.start + prefix_len];
                    let content_pos = self.loc.pos(content_start);
                    let tok_end = self.loc.pos(body_start + body_len);
                    let lit = strings::decode_literal(prefix, content, content_pos, start).map_err(|mut e| {
                        // CPython 3.11 reports f-string errors after the literal.
                        if let CompileError::Syntax(s) = &mut e
                            && s.msg.starts_with("f-string:")
                            && s.line == start.line
                        {
                            s.line = tok_end.line;
                            s.col = tok_end.col + 1;
                            s.end_col = tok_end.col + 1;
                        }
                        e
                    }).map_err(|e| LexError {
                        overrides: matches!(&e, CompileError::Syntax(s) if s.msg.starts_with("(unicode error)") || s.msg.starts_with("bytes can only")),
                        error: e,
                        unclosed_line: None,
                    })?;
                    lex.bump(body_len);
                    Tok::Str(Box::new(lit))
                }
                Raw::LPar | Raw::LSqb | Raw::LBrace => {
                    if self.parens.len() >= MAX_PAREN_DEPTH {
                        return Err(syn("too many nested parentheses", start));
                    }
                    let c = lex.slice().chars().next().unwrap_or('(');
                    self.parens.push((c, start));
                    punct(raw)
                }
                Raw::RPar | Raw::RSqb | Raw::RBrace => {
                    let c = lex.slice().chars().next().unwrap_or(')');
                    match self.parens.pop() {
                        None => return Err(syn(format!("unmatched '{c}'"), start)),
                        Some((open, opos)) => {
                            let want = match open {
                                '(' => ')',
                                '[' => ']',
                                _ => '}',
                            };
                            if want != c {
                                let msg = if opos.line != start.line {
                                    format!(
                                        "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {}",
                                        opos.line
                                    )
                                } else {
                                    format!(
                                        "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                                    )
                                };
                                return Err(syn(msg, start));
                            }
                        }
                    }
                    punct(raw)
                }
                other => punct(other),
            };
            let end = self.loc.pos(lex.span().end);
            self.complexity = match tok {
                Tok::Comma | Tok::Semi => 0,
                Tok::Name(_) | Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => {
                    self.complexity
                }
                Tok::RPar | Tok::RSqb | Tok::RBrace => self.complexity,
                _ => self.complexity + 1,
            };
            if self.complexity > MAX_COMPLEXITY {
                return Err(LexError {
                    error: CompileError::Unsupported(Unsupported {
                        construct: "an expression nested this deeply (CPython fails with MemoryError/RecursionError)".into(),
                        filename: String::new(),
                        line: start.line,
                        col: start.col,
                    }),
                    overrides: true,
                    unclosed_line: None,
                });
            }
            self.toks.push((start, tok, end));
        }
        self.finish()
    }

    fn bad_char(&self, ch: char, p: Pos) -> LexError {
        if ch.is_ascii() && !ch.is_ascii_control() || ch == '\0' {
            if ch == '\0' {
                return syn("source code cannot contain null bytes", p);
            }
            return syn("invalid syntax", p);
        }
        syn(format!("invalid character '{ch}' (U+{:04X})", ch as u32), p)
    }

    /// Called before the first token of each physical token: handles the
    /// start of a logical line (indentation).
    fn begin_token(&mut self, byte: usize, start: Pos) -> LexResult<()> {
        if self.line_first.is_some() || self.mode != Mode::Module {
            if self.line_first.is_none() {
                self.line_first = Some(self.toks.len());
            }
            return Ok(());
        }
        // First token of a logical line: measure the indentation.
        let line_start = self.loc.line_start(start.line);
        let prefix = &self.text[line_start.min(byte)..byte];
        let (mut col, mut alt) = (0u32, 0u32);
        for ch in prefix.chars() {
            match ch {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        let tab_error = || {
            let mut e = err_at(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                Pos::new(start.line, 0),
                Pos::new(start.line, 0),
                true,
            );
            if let CompileError::Syntax(s) = &mut e.error {
                s.col = 1;
                s.end_col = 1;
            }
            e
        };
        let pending = self.pending_block.take();
        if col == top && alt != top_alt {
            return Err(tab_error());
        }
        if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if pending.is_none() {
                let mut e = err_at(
                    SyntaxErrorKind::IndentationError,
                    "unexpected indent",
                    start,
                    start,
                    false,
                );
                if let CompileError::Syntax(s) = &mut e.error {
                    s.col = start.col;
                    s.end_col = start.col;
                }
                return Err(e);
            }
            self.indents.push((col, alt));
            self.toks.push((start, Tok::Indent, start));
        } else {
            if let Some((what, line)) = pending {
                return Err(err_at(
                    SyntaxErrorKind::IndentationError,
                    format!("expected an indented block after {what} on line {line}"),
                    start,
                    start,
                    false,
                ));
            }
            if col == top {
                if alt != top_alt {
                    return Err(tab_error());
                }
            } else {
                while col < self.indents.last().map_or(0, |t| t.0) {
                    self.indents.pop();
                    self.toks.push((start, Tok::Dedent, start));
                }
                let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
                if col != top {
                    let line_len = crate::source::line_text(self.text, start.line)
                        .chars()
                        .count() as u32;
                    let mut e = err_at(
                        SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        start,
                        start,
                        true,
                    );
                    if let CompileError::Syntax(s) = &mut e.error {
                        s.col = line_len + 1;
                        s.end_col = line_len + 1;
                    }
                    return Err(e);
                }
                if alt != top_alt {
                    return Err(tab_error());
                }
            }
        }
        self.line_first = Some(self.toks.len());
        Ok(())
    }

    /// Emits NEWLINE for the logical line just finished.
    fn end_line(&mut self, start: Pos, end: Pos) {
        if let Some(first) = self.line_first.take() {
            let ends_colon = matches!(self.toks.last(), Some((_, Tok::Colon, _)));
            let opener = self
                .toks
                .get(first)
                .and_then(|(p, t, _)| block_opener(t).map(|d| (d, p.line)));
            self.pending_block = if ends_colon { opener } else { None };
            self.toks.push((start, Tok::Newline, end));
            self.complexity = 0;
        }
    }

    fn finish(&mut self) -> LexResult<()> {
        let eof = self.loc.pos(self.text.len());
        if let Some(&(c, p)) = self.parens.last()
            && self.mode == Mode::Module
        {
            let mut e = err_at(
                SyntaxErrorKind::SyntaxError,
                format!("'{c}' was never closed"),
                p,
                p,
                false,
            );
            e.unclosed_line = Some(p.line);
            return Err(e);
        }
        if self.mode != Mode::Module {
            return Ok(());
        }
        if self.line_first.is_some() {
            self.end_line(eof, eof);
        }
        if let Some((what, line)) = self.pending_block.take() {
            let last = self.loc.last_line();
            let mut e = err_at(
                SyntaxErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {line}"),
                Pos::new(last, 0),
                Pos::new(last, 0),
                false,
            );
            if let CompileError::Syntax(s) = &mut e.error {
                s.col = 0;
                s.end_col = 0;
            }
            return Err(e);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.toks.push((eof, Tok::Dedent, eof));
        }
        Ok(())
    }
}

/// `with (a as b, c):` — when the `(` right after `with` is closed by a `)`
/// directly followed by `:`, it delimits the item list, not an expression.
fn fix_with_parens(toks: &mut [Spanned]) {
    for i in 0..toks.len().saturating_sub(1) {
        if toks[i].1 == Tok::With && toks[i + 1].1 == Tok::LPar {
            let mut depth = 0usize;
            for j in i + 1..toks.len() {
                match toks[j].1 {
                    Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                    Tok::RPar | Tok::RSqb | Tok::RBrace => {
                        depth -= 1;
                        if depth == 0 {
                            if matches!(toks.get(j + 1), Some((_, Tok::Colon, _))) {
                                toks[i + 1].1 = Tok::WithLPar;
                            }
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
