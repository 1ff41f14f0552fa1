//! pysim: a small, exact model of how CPython 3.11 treats objects.
//!
//! See ARCHITECTURE.md at the repository root for the map of the code.

pub mod ast;
pub mod ast_dump;
pub mod builder;
pub mod bytecode;
pub mod compiler;
pub mod dis;
pub mod error;
pub mod error_render;
pub mod exercise;
pub mod fstring;
pub mod host;
pub mod lexer;
pub mod parser;
pub mod parser_hints;
pub mod runtime;
pub mod semantics;
pub mod source;
pub mod strings;
pub mod trace;
pub mod wasm_api;

pub use runtime::vm::run::{RunOutcome, run_file};
pub use runtime::vm::{Limits, RunOptions};
