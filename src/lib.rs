//! pysim: an interpreter for a Python subset that behaves like CPython 3.11.

pub mod ast;
pub mod ast_dump;
pub mod builder;
pub mod error;
pub mod error_render;
pub mod fstring;
pub mod lexer;
pub mod parser;
pub mod source;
pub mod strings;
