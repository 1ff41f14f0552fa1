pub mod ast;
pub mod error;
pub mod semantics;
