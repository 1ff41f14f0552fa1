//! pysim: a small, exact model of how CPython 3.11 treats objects.
//!
//! See ARCHITECTURE.md at the repository root for the map of the code.

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod dis;
pub mod error;
