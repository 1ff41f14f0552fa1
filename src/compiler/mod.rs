//! The compiler: AST → CPython 3.11 bytecode.
//!
//! Pipeline, as in CPython: constant folding on a private copy of the AST
//! ([`fold`]), the symbol table ([`symtable`]), code generation into a CFG of
//! basic blocks ([`codegen`], [`codegen_stmt`], [`codegen_expr`],
//! [`codegen_try`]), CFG optimisation ([`optimize`]) and assembly into
//! [`CodeObject`]s ([`assemble`]).
//!
//! Notes for the VM:
//! - jump operands and exception-table `start`/`end`/`target` are
//!   instruction indices (`end` exclusive); the `lasti` an exception handler
//!   pushes should be the raising instruction's index.
//! - CPython merges equal constants across *all* code objects of one
//!   compilation (`c_const_cache`), so `x = 1000` at module level and
//!   `return 1000` in a function give the same object (`is` is True). Each
//!   code object here lists its own [`Const`](crate::bytecode::Const)s; to
//!   reproduce identity, materialise constants once per compiled module,
//!   keyed by [`codegen::const_key_eq`]. CPython also interns string
//!   constants that look like identifiers.
//! - 3.11 generators have no exception-table entry turning `StopIteration`
//!   into `RuntimeError`; the generator object does that.
//! - A [`SyntaxError`] from here with `end_col == 0` spans to the end of the
//!   line; [`compile_module_with_source`] resolves it and fills `source_line`.

pub mod assemble;
pub mod cfg;
pub mod codegen;
pub mod codegen_call;
pub mod codegen_expr;
pub mod codegen_stmt;
pub mod codegen_try;
pub mod constops;
pub mod fold;
pub mod mangle;
pub mod optimize;
pub mod symtable;
pub mod symtable_analyze;

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
    let ff_lineno = future_lineno(module, filename)?;
    let mut m = module.clone();
    fold::fold_module(&mut m);
    let st = symtable::build(&m, filename)?;
    let mut c = Compiler::new(&st, filename);
    c.future_lineno = ff_lineno;
    c.enter_scope("<module>", ScopeType::Module, 0, 1);
    c.u.loc.line = 1;
    c.body(&m.body)?;
    let co = c.assemble(true)?;
    Ok(co)
}

/// CPython's `future_parse`: validate the leading `from __future__ import`
/// statements and return the line of the last one (0 when there are none).
fn future_lineno(module: &ast::Module, filename: &str) -> Result<u32, CompileError> {
    use ast::{Constant, ExprKind, StmtKind};
    let mut done = false;
    let mut found_docstring = false;
    let mut prev_line = 0;
    let mut ff_lineno = 0;
    for s in &module.body {
        if done && s.span.line > prev_line {
            break;
        }
        prev_line = s.span.line;
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                let at = |msg: String| {
                    let span = ast::Span {
                        line: s.span.line,
                        col: s.span.col,
                        end_line: s.span.line,
                        end_col: s.span.col + 1,
                    };
                    CompileError::Syntax(symtable::syntax_error(filename, msg, span))
                };
                if done {
                    return Err(at(
                        "from __future__ imports must occur at the beginning of the file".into(),
                    ));
                }
                for a in names {
                    match a.name.as_str() {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "generator_stop" => {}
                        "annotations" | "barry_as_FLUFL" => {
                            return Err(CompileError::Unsupported(crate::error::Unsupported {
                                construct: format!("from __future__ import {}", a.name),
                                filename: filename.to_string(),
                                line: s.span.line,
                                col: s.span.col,
                            }));
                        }
                        "braces" => return Err(at("not a chance".into())),
                        other => return Err(at(format!("future feature {other} is not defined"))),
                    }
                }
                ff_lineno = s.span.line;
            }
            StmtKind::ImportFrom { .. } => done = true,
            StmtKind::Expr(e) if !found_docstring => {
                if matches!(e.kind, ExprKind::Constant(Constant::Str(_))) {
                    found_docstring = true;
                } else {
                    done = true;
                }
            }
            _ => done = true,
        }
    }
    Ok(ff_lineno)
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
