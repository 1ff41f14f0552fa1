//! The assembler (CPython 3.11's `assemble`): implicit `return None`, prefix
//! instructions (`COPY_FREE_VARS`, `MAKE_CELL`, `RETURN_GENERATOR`), cell
//! offsets, CFG optimisation, line-number propagation, stack depth, the
//! exception table, jump directions, and finally the [`CodeObject`].
//! Jump operands become absolute instruction indices (pysim's convention).

use super::cfg::{Block, BlockId, Instr, Loc, Op, stack_effect};
use super::codegen::{CResult, Compiler};
use super::optimize::{
    chain, clean_basic_block, duplicate_exits_without_lineno, extend_block, normalize_basic_block,
    optimize_cfg, propagate_line_numbers,
};
use super::symtable::BlockType;
use crate::ast::Span;
use crate::bytecode::Opcode::*;
use crate::bytecode::*;
use std::rc::Rc;

fn compute_code_flags(c: &Compiler) -> u32 {
    let ste = c.ste();
    let mut flags = 0;
    if ste.typ == BlockType::Function {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if ste.nested {
            flags |= CO_NESTED;
        }
        if ste.generator && !ste.coroutine {
            flags |= CO_GENERATOR;
        }
        if ste.varargs {
            flags |= CO_VARARGS;
        }
        if ste.varkeywords {
            flags |= CO_VARKEYWORDS;
        }
    }
    flags
}

fn mk(op: Opcode, arg: u32, loc: Loc) -> Instr {
    Instr {
        op: Op::R(op),
        arg,
        target: None,
        except: None,
        loc,
    }
}

fn stackdepth(blocks: &mut [Block], generator: bool) -> u32 {
    for b in blocks.iter_mut() {
        b.startdepth = i32::MIN;
    }
    let mut stack: Vec<BlockId> = Vec::new();
    let mut maxdepth = 0;
    fn push(blocks: &mut [Block], stack: &mut Vec<BlockId>, b: BlockId, depth: i32) {
        if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
            blocks[b].startdepth = depth;
            stack.push(b);
        }
    }
    push(blocks, &mut stack, 0, i32::from(generator));
    while let Some(b) = stack.pop() {
        let mut depth = blocks[b].startdepth;
        let mut next = blocks[b].next;
        for i in 0..blocks[b].instrs.len() {
            let ins = blocks[b].instrs[i];
            let effect = stack_effect(ins.op, ins.arg, false);
            let new_depth = depth + effect;
            maxdepth = maxdepth.max(new_depth);
            if ins.is_jump() || ins.is_block_push() {
                let target_depth = depth + stack_effect(ins.op, ins.arg, true);
                maxdepth = maxdepth.max(target_depth);
                push(blocks, &mut stack, ins.target.unwrap(), target_depth);
            }
            depth = new_depth;
            if matches!(
                ins.op,
                Op::Jump | Op::JumpNoInterrupt | Op::R(RETURN_VALUE | RAISE_VARARGS | RERAISE)
            ) {
                next = None;
                break;
            }
        }
        if let Some(n) = next {
            push(blocks, &mut stack, n, depth);
        }
    }
    maxdepth.max(0) as u32
}

fn label_exception_targets(blocks: &mut [Block]) {
    for b in chain(blocks) {
        blocks[b].visited = false;
    }
    let mut todo = vec![0];
    blocks[0].visited = true;
    blocks[0].except_stack = Some(vec![None]);
    while let Some(b) = todo.pop() {
        let mut stack = blocks[b].except_stack.take();
        let mut handler = stack.as_ref().and_then(|s| *s.last().unwrap());
        for i in 0..blocks[b].instrs.len() {
            let ins = blocks[b].instrs[i];
            if ins.is_block_push() {
                let t = ins.target.unwrap();
                if !blocks[t].visited {
                    blocks[t].except_stack = stack.clone();
                    todo.push(t);
                    blocks[t].visited = true;
                }
                if matches!(ins.op, Op::SetupWith | Op::SetupCleanup) {
                    blocks[t].preserve_lasti = true;
                }
                stack.as_mut().unwrap().push(Some(t));
                handler = Some(t);
            } else if ins.op == Op::PopBlock {
                let s = stack.as_mut().unwrap();
                s.pop();
                handler = *s.last().unwrap();
            } else if ins.is_jump() {
                blocks[b].instrs[i].except = handler;
                let t = ins.target.unwrap();
                if !blocks[t].visited {
                    if !blocks[b].nofallthrough {
                        blocks[t].except_stack = stack.clone();
                    } else {
                        blocks[t].except_stack = stack.take();
                    }
                    todo.push(t);
                    blocks[t].visited = true;
                }
            } else {
                blocks[b].instrs[i].except = handler;
            }
        }
        if !blocks[b].nofallthrough
            && let Some(n) = blocks[b].next
            && !blocks[n].visited
        {
            blocks[n].except_stack = stack.take();
            todo.push(n);
            blocks[n].visited = true;
        }
    }
}

fn normalize_jumps(blocks: &mut [Block]) {
    let order = chain(blocks);
    for &b in &order {
        blocks[b].visited = false;
    }
    for &b in &order {
        blocks[b].visited = true;
        let Some(last) = blocks[b].instrs.last().copied() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let fwd = !blocks[last.target.unwrap()].visited;
        let new = match last.op {
            Op::Jump => Some(if fwd { JUMP_FORWARD } else { JUMP_BACKWARD }),
            Op::JumpNoInterrupt => Some(if fwd {
                JUMP_FORWARD
            } else {
                JUMP_BACKWARD_NO_INTERRUPT
            }),
            Op::PopJumpIfNotNone => Some(if fwd {
                POP_JUMP_FORWARD_IF_NOT_NONE
            } else {
                POP_JUMP_BACKWARD_IF_NOT_NONE
            }),
            Op::PopJumpIfNone => Some(if fwd {
                POP_JUMP_FORWARD_IF_NONE
            } else {
                POP_JUMP_BACKWARD_IF_NONE
            }),
            Op::PopJumpIfFalse => Some(if fwd {
                POP_JUMP_FORWARD_IF_FALSE
            } else {
                POP_JUMP_BACKWARD_IF_FALSE
            }),
            Op::PopJumpIfTrue => Some(if fwd {
                POP_JUMP_FORWARD_IF_TRUE
            } else {
                POP_JUMP_BACKWARD_IF_TRUE
            }),
            _ => None,
        };
        if let Some(o) = new {
            blocks[b].instrs.last_mut().unwrap().op = Op::R(o);
        }
    }
}

fn loc_span(l: Loc) -> Span {
    if l.line < 0 {
        return Span::default();
    }
    Span {
        line: l.line as u32,
        col: l.col.max(0) as u32,
        end_line: l.end_line.max(0) as u32,
        end_col: l.end_col.max(0) as u32,
    }
}

pub fn assemble(c: &mut Compiler, add_none: bool) -> CResult<CodeObject> {
    let cur = c.u.curblock;
    if !c.u.blocks[cur].ret {
        c.unset_loc();
        if add_none {
            c.load_const(Const::None);
        }
        c.addop(RETURN_VALUE);
    }
    let flags = compute_code_flags(c);
    let u = &mut c.u;
    let nb = u.blocks.len();
    for b in (0..nb).rev() {
        normalize_basic_block(&mut u.blocks, b);
    }
    for b in (0..nb).rev() {
        extend_block(&mut u.blocks, b);
    }
    let nlocals = u.varnames.len();
    let ncells = u.cellvars.len();
    let nfrees = u.freevars.len();
    // build_cellfixedoffsets
    let mut fixed: Vec<usize> = (0..ncells + nfrees).map(|i| nlocals + i).collect();
    for (ci, name) in u.cellvars.iter().enumerate() {
        if let Some(vi) = u.varnames.get_index_of(name) {
            fixed[ci] = vi;
        }
    }
    if u.firstlineno == 0 {
        u.firstlineno = u.blocks[0]
            .instrs
            .first()
            .map(|i| i.loc.line)
            .filter(|l| *l != 0)
            .unwrap_or(1);
    }
    // insert_prefix_instructions
    {
        let entry = &mut u.blocks[0].instrs;
        if flags & CO_GENERATOR != 0 {
            let fl = u.firstlineno;
            entry.insert(
                0,
                mk(
                    RETURN_GENERATOR,
                    0,
                    Loc {
                        line: fl,
                        end_line: fl,
                        col: -1,
                        end_col: -1,
                    },
                ),
            );
            entry.insert(1, mk(POP_TOP, 0, Loc::NONE));
        }
        if ncells > 0 {
            let nvars = ncells + nlocals;
            let mut sorted = vec![0usize; nvars];
            for (i, f) in fixed.iter().take(ncells).enumerate() {
                sorted[*f] = i + 1;
            }
            let mut used = 0;
            for s in sorted {
                if s == 0 {
                    continue;
                }
                entry.insert(used, mk(MAKE_CELL, (s - 1) as u32, Loc::NONE));
                used += 1;
                if used == ncells {
                    break;
                }
            }
        }
        if nfrees > 0 {
            entry.insert(0, mk(COPY_FREE_VARS, nfrees as u32, Loc::NONE));
        }
    }
    // fix_cell_offsets
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in u.blocks.iter_mut() {
        for ins in b.instrs.iter_mut() {
            if matches!(
                ins.op,
                Op::R(
                    MAKE_CELL
                        | LOAD_CLOSURE
                        | LOAD_DEREF
                        | STORE_DEREF
                        | DELETE_DEREF
                        | LOAD_CLASSDEREF
                )
            ) {
                ins.arg = fixed[ins.arg as usize] as u32;
            }
        }
    }
    let mut consts = std::mem::take(&mut u.consts);
    optimize_cfg(&mut u.blocks, &mut consts);
    duplicate_exits_without_lineno(&mut u.blocks);
    // trim_unused_consts
    let mut max_const = 0;
    for b in chain(&u.blocks) {
        for ins in &u.blocks[b].instrs {
            if (ins.is(LOAD_CONST) || ins.is(KW_NAMES)) && ins.arg as usize > max_const {
                max_const = ins.arg as usize;
            }
        }
    }
    consts.truncate(max_const + 1);
    propagate_line_numbers(&mut u.blocks);
    // guarantee_lineno_for_exits
    let mut lineno = u.firstlineno;
    for b in chain(&u.blocks) {
        let Some(last) = u.blocks[b].instrs.last().copied() else {
            continue;
        };
        if last.loc.line < 0 {
            if last.is(RETURN_VALUE) {
                for ins in u.blocks[b].instrs.iter_mut() {
                    ins.loc.line = lineno;
                }
            }
        } else {
            lineno = last.loc.line;
        }
    }
    let generator = flags & CO_GENERATOR != 0;
    let maxdepth = stackdepth(&mut u.blocks, generator);
    label_exception_targets(&mut u.blocks);
    for b in chain(&u.blocks) {
        for ins in u.blocks[b].instrs.iter_mut() {
            if ins.is_block_push() || ins.op == Op::PopBlock {
                ins.op = Op::R(NOP);
            }
        }
    }
    for b in chain(&u.blocks) {
        clean_basic_block(&mut u.blocks, b);
    }
    normalize_jumps(&mut u.blocks);

    // Instruction indices.
    let order = chain(&u.blocks);
    let mut idx = 0u32;
    for &b in &order {
        u.blocks[b].offset = idx;
        idx += u.blocks[b].instrs.len() as u32;
    }
    let mut code = Vec::new();
    let mut positions = Vec::new();
    let mut excepts: Vec<Option<BlockId>> = Vec::new();
    for &b in &order {
        for ins in &u.blocks[b].instrs {
            let Op::R(op) = ins.op else {
                unreachable!("pseudo instruction survived assembly: {:?}", ins.op)
            };
            let arg = if ins.is_jump() {
                u.blocks[ins.target.unwrap()].offset
            } else {
                ins.arg
            };
            code.push(Instruction { op, arg });
            positions.push(loc_span(ins.loc));
            excepts.push(ins.except);
        }
    }
    let mut exception_table = Vec::new();
    let mut start = 0;
    let mut handler: Option<BlockId> = None;
    for (i, h) in excepts.iter().enumerate() {
        if *h != handler {
            if let Some(hb) = handler {
                exception_table.push(except_entry(&u.blocks, start, i as u32, hb));
            }
            start = i as u32;
            handler = *h;
        }
    }
    if let Some(hb) = handler {
        exception_table.push(except_entry(&u.blocks, start, excepts.len() as u32, hb));
    }

    // makecode / compute_localsplus_info
    let mut names_out: Vec<Rc<str>> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for v in u.varnames.iter() {
        names_out.push(Rc::from(v.as_str()));
        kinds.push(if u.cellvars.contains(v) {
            CO_FAST_LOCAL | CO_FAST_CELL
        } else {
            CO_FAST_LOCAL
        });
    }
    for cv in u.cellvars.iter() {
        if u.varnames.contains(cv) {
            continue;
        }
        names_out.push(Rc::from(cv.as_str()));
        kinds.push(CO_FAST_CELL);
    }
    for fv in u.freevars.iter() {
        names_out.push(Rc::from(fv.as_str()));
        kinds.push(CO_FAST_FREE);
    }
    Ok(CodeObject {
        name: Rc::from(u.name.as_str()),
        qualname: Rc::from(if u.qualname.is_empty() {
            u.name.as_str()
        } else {
            u.qualname.as_str()
        }),
        filename: Rc::from(c.filename.as_str()),
        firstlineno: u.firstlineno.max(0) as u32,
        argcount: u.argcount + u.posonlyargcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags,
        localsplusnames: names_out,
        localspluskinds: kinds,
        names: u.names.iter().map(|n| Rc::from(n.as_str())).collect(),
        consts,
        code,
        positions,
        exception_table,
        stacksize: maxdepth,
    })
}

fn except_entry(blocks: &[Block], start: u32, end: u32, h: BlockId) -> ExceptionTableEntry {
    let hb = &blocks[h];
    let mut depth = hb.startdepth - 1;
    if hb.preserve_lasti {
        depth -= 1;
    }
    ExceptionTableEntry {
        start,
        end,
        target: hb.offset,
        depth: depth.max(0) as u32,
        push_lasti: hb.preserve_lasti,
    }
}
