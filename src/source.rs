//! Source-text bookkeeping shared by the lexer and the parser: positions
//! (1-based line, 0-based character column, as CPython's AST uses them),
//! byte-offset → position conversion and the physical lines used to build
//! `SyntaxError`s.

use crate::error::{SyntaxError, SyntaxErrorKind};

/// A point in the source: 1-based line, 0-based column counted in characters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }
}

/// Converts byte offsets of one text into [`Pos`]itions. Queries are usually
/// monotonic, so a forward-moving cursor keeps the cost linear overall.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// The position of `text[0]`: lets a sub-lexer (f-string expression) report
    /// positions in the enclosing file.
    base: Pos,
    cursor: (usize, Pos),
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str, base: Pos) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Locator {
            text,
            line_starts,
            base,
            cursor: (0, Pos::new(1, 0)),
        }
    }

    /// Position (relative to this text) of byte `off`.
    fn local(&mut self, off: usize) -> Pos {
        let off = off.min(self.text.len());
        let (cb, cp) = self.cursor;
        let (mut b, mut p) = if off >= cb {
            (cb, cp)
        } else {
            let idx = self.line_starts.partition_point(|&s| s <= off) - 1;
            (self.line_starts[idx], Pos::new(idx as u32 + 1, 0))
        };
        for ch in self.text[b..off].chars() {
            if ch == '\n' {
                p.line += 1;
                p.col = 0;
            } else {
                p.col += 1;
            }
        }
        b = off;
        self.cursor = (b, p);
        p
    }

    /// Absolute position of byte `off` of this text.
    pub fn pos(&mut self, off: usize) -> Pos {
        let p = self.local(off);
        self.shift(p)
    }

    /// Translates a position relative to this text into an absolute one.
    pub fn shift(&self, p: Pos) -> Pos {
        if p.line == 1 {
            Pos::new(self.base.line, self.base.col + p.col)
        } else {
            Pos::new(self.base.line + p.line - 1, p.col)
        }
    }

    /// Byte offset where (relative) line `line` starts.
    pub fn line_start(&self, line: u32) -> usize {
        self.line_starts[(line as usize - 1).min(self.line_starts.len() - 1)]
    }

    /// Absolute line number of the last character of the text (CPython's
    /// "detected at line N" and EOF error line).
    pub fn last_line(&self) -> u32 {
        let t = self.text;
        let n = if t.is_empty() {
            1
        } else {
            let mut n = self.line_starts.len() as u32;
            if t.ends_with('\n') {
                n -= 1;
            }
            n.max(1)
        };
        self.base.line + n - 1
    }
}

/// The physical line `line` (1-based) of `text`, without its newline.
pub fn line_text(text: &str, line: u32) -> &str {
    text.split('\n')
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("")
}

/// Builds a SyntaxError; `col` is 0-based here and stored 1-based. The
/// filename and source line are filled in by the parser's entry point.
pub fn syntax_error(
    kind: SyntaxErrorKind,
    msg: impl Into<String>,
    start: Pos,
    end: Pos,
) -> SyntaxError {
    let end_col = if end.line == start.line && end.col > start.col {
        end.col + 1
    } else {
        start.col + 1
    };
    SyntaxError {
        kind,
        msg: msg.into(),
        filename: String::new(),
        line: start.line,
        col: start.col + 1,
        end_col,
        source_line: String::new(),
    }
}
