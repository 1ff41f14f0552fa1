//! Errors that stop a program before or outside Python-level exception handling:
//! syntax errors (reported as CPython reports them), constructs outside pysim's
//! subset, and resource limits. Python exceptions raised while running are heap
//! objects and live in the VM, not here.

use std::fmt;

/// Which of CPython's compile-time error classes this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile-time error, positioned as CPython positions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based line, as in `  File "x.py", line N`.
    pub line: u32,
    /// 1-based column of the caret (CPython's `offset`).
    pub col: u32,
    /// 1-based end column (exclusive) of the caret range; equal to `col`+1 for a single caret.
    pub end_col: u32,
    /// The offending source line, without its newline (empty when past the end of input).
    pub source_line: String,
}

impl SyntaxError {
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A construct pysim does not model (e.g. `async def`, `match`), with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    pub construct: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pysim: {} is outside the Python subset pysim models ({}, line {}, column {})",
            self.construct,
            self.filename,
            self.line,
            self.col + 1
        )
    }
}

/// Anything that prevents a source file from becoming bytecode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    Syntax(SyntaxError),
    Unsupported(Unsupported),
}

impl From<SyntaxError> for CompileError {
    fn from(e: SyntaxError) -> Self {
        CompileError::Syntax(e)
    }
}

impl From<Unsupported> for CompileError {
    fn from(e: Unsupported) -> Self {
        CompileError::Unsupported(e)
    }
}
