//! `try`/`except`/`finally` and `with`, and the frame-block unwinding that
//! `return`/`break`/`continue` perform through them (CPython 3.11's
//! `compiler_try_*`, `compiler_with`, `compiler_unwind_fblock*`). Exception
//! handling uses 3.11's zero-cost scheme: `SETUP_*`/`POP_BLOCK` pseudo
//! instructions that the assembler turns into the exception table.

use super::cfg::Op;
use super::codegen::{CResult, Compiler, FBlock, FBlockType, FDatum};
use crate::ast::{Ctx, Stmt, StmtKind};
use crate::bytecode::{Const, Opcode::*};

impl<'a> Compiler<'a> {
    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.addop_i(PRECALL, 2);
        self.addop_i(CALL, 2);
    }

    fn pop_except_and_reraise(&mut self) {
        self.addop_i(COPY, 3);
        self.addop(POP_EXCEPT);
        self.addop_i(RERAISE, 1);
    }

    /// `compiler_unwind_fblock`.
    pub fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.typ {
            FBlockType::WhileLoop | FBlockType::ExceptionHandler => {}
            FBlockType::ForLoop => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
            }
            FBlockType::TryExcept => self.addop_pseudo(Op::PopBlock),
            FBlockType::FinallyTry => {
                self.addop_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockType::PopValue, None, None, FDatum::None)?;
                }
                let FDatum::Body(body) = info.datum else {
                    unreachable!()
                };
                self.visit_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockType::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
            }
            FBlockType::With => {
                let FDatum::Stmt(s) = info.datum else {
                    unreachable!()
                };
                self.set_loc(s.span);
                self.addop_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.call_exit_with_nones();
                self.addop(POP_TOP);
                self.unset_loc();
            }
            FBlockType::HandlerCleanup => {
                let name = match info.datum {
                    FDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.addop_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.nameop(n, Ctx::Store)?;
                    self.nameop(n, Ctx::Del)?;
                }
            }
            FBlockType::PopValue => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`. With `stop_at_loop`, stops at the
    /// innermost loop and returns its index in the frame-block stack.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<usize>> {
        let Some(&top) = self.u.fblocks.last() else {
            return Ok(None);
        };
        if stop_at_loop && matches!(top.typ, FBlockType::WhileLoop | FBlockType::ForLoop) {
            return Ok(Some(self.u.fblocks.len() - 1));
        }
        self.u.fblocks.pop();
        let r = self
            .unwind_fblock(top, preserve_tos)
            .and_then(|_| self.unwind_fblock_stack(preserve_tos, stop_at_loop));
        self.u.fblocks.push(top);
        r
    }

    pub fn try_finally(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::Try {
            body,
            handlers,
            finalbody,
            ..
        } = &s.kind
        else {
            unreachable!()
        };
        let body_b = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Op::SetupFinally, end);
        self.use_next_block(body_b);
        self.push_fblock(
            FBlockType::FinallyTry,
            Some(body_b),
            Some(end),
            FDatum::Body(finalbody),
        )?;
        if !handlers.is_empty() {
            self.try_except(s)?;
        } else {
            self.visit_stmts(body)?;
        }
        self.addop_noline(Op::PopBlock);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.addop_j_noline(Op::Jump, exit);
        // `finally` block
        self.use_next_block(end);
        self.unset_loc();
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(FBlockType::FinallyEnd, Some(end), None, FDatum::None)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    pub fn try_except(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            ..
        } = &s.kind
        else {
            unreachable!()
        };
        let body_b = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(Op::SetupFinally, except);
        self.use_next_block(body_b);
        self.push_fblock(FBlockType::TryExcept, Some(body_b), None, FDatum::None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.addop_noline(Op::PopBlock);
        self.visit_stmts(orelse)?;
        self.addop_j_noline(Op::Jump, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(FBlockType::ExceptionHandler, None, None, FDatum::None)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.span);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.addop(CHECK_EXC_MATCH);
                self.addop_j(Op::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store)?;
                self.addop_j(Op::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockType::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FDatum::Name(name),
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop_pseudo(Op::PopBlock);
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
                self.load_const(Const::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.addop_j(Op::Jump, end);
                // except:
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Const::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.addop_i(RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockType::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    FDatum::None,
                )?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop_pseudo(Op::PopBlock);
                self.addop(POP_EXCEPT);
                self.addop_j(Op::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.addop_j(Op::PopJumpIfTrue, exit);
        self.addop_i(RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(POP_TOP);
        self.addop_pseudo(Op::PopBlock);
        self.addop(POP_EXCEPT);
        self.addop(POP_TOP);
        self.addop(POP_TOP);
    }

    pub fn with_stmt(&mut self, s: &'a Stmt, pos: usize) -> CResult {
        let StmtKind::With { items, body } = &s.kind else {
            unreachable!()
        };
        let item = &items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(BEFORE_WITH);
        self.addop_j(Op::SetupWith, fin);
        self.use_next_block(block);
        self.push_fblock(FBlockType::With, Some(block), Some(fin), FDatum::Stmt(s))?;
        if let Some(v) = &item.optional_vars {
            self.visit_expr(v)?;
        } else {
            self.addop(POP_TOP);
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.with_stmt(s, pos + 1)?;
        }
        self.unset_loc();
        self.addop_pseudo(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(s.span);
        self.call_exit_with_nones();
        self.addop(POP_TOP);
        self.addop_j(Op::Jump, exit);
        self.use_next_block(fin);
        self.addop_j(Op::SetupCleanup, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.addop(WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }
}
