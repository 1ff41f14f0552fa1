//! The compiler: AST → CPython 3.11 bytecode.
//!
//! Pipeline, as in CPython: constant folding on a private copy of the AST
//! ([`fold`]), the symbol table ([`symtable`]), code generation into a CFG of
//! basic blocks ([`codegen`], [`codegen_stmt`], [`codegen_expr`],
//! [`codegen_try`]), CFG optimisation ([`optimize`]) and assembly into
//! [`CodeObject`]s ([`assemble`]).

pub mod assemble;
pub mod cfg;
pub mod codegen;
pub mod codegen_expr;
pub mod codegen_stmt;
pub mod codegen_try;
pub mod constops;
pub mod fold;
pub mod mangle;
pub mod optimize;
pub mod symtable;

use crate::ast;
use crate::bytecode::CodeObject;
use crate::error::{CompileError, SyntaxError};
use codegen::{Compiler, ScopeType};
use std::rc::Rc;

/// Compile a module to its `<module>` code object.
///
/// Syntax errors found here carry an empty `source_line` (the compiler only
/// sees the AST); use [`compile_module_with_source`] or
/// [`fill_syntax_error_source`] to complete them as CPython prints them.
pub fn compile_module(
    module: &ast::Module,
    filename: &str,
) -> Result<Rc<CodeObject>, CompileError> {
    let mut m = module.clone();
    fold::fold_module(&mut m);
    let st = symtable::build(&m, filename)?;
    let mut c = Compiler::new(&st, filename);
    c.enter_scope("<module>", ScopeType::Module, 0, 1);
    c.u.loc.line = 1;
    c.body(&m.body)?;
    let co = c.assemble(true)?;
    Ok(co)
}

/// [`compile_module`], with syntax errors completed from `source`.
pub fn compile_module_with_source(
    module: &ast::Module,
    filename: &str,
    source: &str,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_module(module, filename).map_err(|e| match e {
        CompileError::Syntax(mut se) => {
            fill_syntax_error_source(&mut se, source);
            CompileError::Syntax(se)
        }
        other => other,
    })
}

/// Fill `source_line` and resolve `end_col == 0` ("to the end of the line",
/// used for multi-line nodes) the way CPython's error display does.
pub fn fill_syntax_error_source(e: &mut SyntaxError, source: &str) {
    let line = source
        .split('\n')
        .nth(e.line.saturating_sub(1) as usize)
        .unwrap_or("")
        .trim_end_matches('\r');
    e.source_line = line.to_string();
    if e.end_col == 0 {
        e.end_col = line.chars().count() as u32 + 1;
    }
}
