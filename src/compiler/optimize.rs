//! CPython 3.11's control-flow-graph optimiser (`optimize_cfg` and the
//! per-block peephole `optimize_basic_block`): constant conditions, tuple
//! folding, jump threading, SWAP minimisation, NOP removal that respects line
//! events, unreachable-block elimination and exit-block copying.

#![allow(clippy::collapsible_match, clippy::needless_range_loop)]

use super::cfg::{Block, BlockId, Instr, Loc, Op};
use crate::bytecode::{Const, Opcode::*};

pub fn const_truthy(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != num_bigint::BigInt::from(0),
        Const::Float(f) => *f != 0.0,
        Const::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Ellipsis | Const::Code(_) => true,
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
    }
}

/// The blocks in control-flow (`b_next`) order from the entry block.
pub fn chain(blocks: &[Block]) -> Vec<BlockId> {
    let mut v = Vec::new();
    let mut b = Some(0);
    while let Some(id) = b {
        v.push(id);
        b = blocks[id].next;
    }
    v
}

fn skip_empty(blocks: &[Block], mut t: BlockId) -> BlockId {
    while blocks[t].instrs.is_empty() {
        match blocks[t].next {
            Some(n) => t = n,
            None => break,
        }
    }
    t
}

/// `normalize_basic_block`: mark exits/no-fallthrough, skip empty jump targets.
pub fn normalize_basic_block(blocks: &mut [Block], b: BlockId) {
    for i in 0..blocks[b].instrs.len() {
        let ins = blocks[b].instrs[i];
        match ins.op {
            Op::R(RETURN_VALUE | RAISE_VARARGS | RERAISE) => {
                blocks[b].exit = true;
                blocks[b].nofallthrough = true;
            }
            Op::Jump | Op::JumpNoInterrupt => {
                blocks[b].nofallthrough = true;
                let t = skip_empty(blocks, ins.target.unwrap());
                blocks[b].instrs[i].target = Some(t);
            }
            Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::R(JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP | FOR_ITER) => {
                let t = skip_empty(blocks, ins.target.unwrap());
                blocks[b].instrs[i].target = Some(t);
            }
            _ => {}
        }
    }
}

fn has_lineno(b: &Block) -> bool {
    b.instrs.iter().any(|i| i.loc.line > 0)
}

/// `extend_block`: replace a jump to a small exit block without line numbers by a copy of it.
pub fn extend_block(blocks: &mut [Block], b: BlockId) {
    let Some(last) = blocks[b].instrs.last() else {
        return;
    };
    if last.op != Op::Jump {
        return;
    }
    let t = last.target.unwrap();
    if blocks[t].exit && blocks[t].instrs.len() <= 4 {
        if has_lineno(&blocks[t]) {
            return;
        }
        let n = blocks[b].instrs.len();
        blocks[b].instrs[n - 1].op = Op::R(NOP);
        let copy = blocks[t].instrs.clone();
        blocks[b].instrs.extend(copy);
        blocks[b].exit = true;
    }
}

/// `clean_basic_block`: remove NOPs whose line events are redundant.
pub fn clean_basic_block(blocks: &mut [Block], b: BlockId) {
    let next_first_line = {
        let mut nx = blocks[b].next;
        while let Some(n) = nx {
            if !blocks[n].instrs.is_empty() {
                break;
            }
            nx = blocks[n].next;
        }
        nx.map(|n| blocks[n].instrs[0].loc.line)
    };
    let instrs = &mut blocks[b].instrs;
    let mut dest = 0;
    let mut prev_lineno = -1;
    let n = instrs.len();
    for src in 0..n {
        let lineno = instrs[src].loc.line;
        if instrs[src].is(NOP) {
            if lineno < 0 {
                continue;
            }
            if prev_lineno == lineno {
                continue;
            }
            if src < n - 1 {
                let next_lineno = instrs[src + 1].loc.line;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
            } else if next_first_line == Some(lineno) {
                continue;
            }
        }
        if dest != src {
            instrs[dest] = instrs[src];
        }
        dest += 1;
        prev_lineno = lineno;
    }
    instrs.truncate(dest);
}

fn jump_thread(blocks: &mut [Block], b: BlockId, i: usize, target: &Instr, op: Op) -> bool {
    let inst = blocks[b].instrs[i];
    if inst.loc.line == target.loc.line && inst.target != target.target {
        blocks[b].instrs[i].target = target.target;
        blocks[b].instrs[i].op = op;
        return true;
    }
    false
}

fn stores_to(i: &Instr) -> Option<u32> {
    if i.is(STORE_FAST) { Some(i.arg) } else { None }
}

fn swappable(i: &Instr) -> bool {
    i.is(STORE_FAST) || i.is(POP_TOP)
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let ins = &instrs[i];
        if lineno >= 0 && ins.loc.line != lineno {
            return None;
        }
        if ins.is(NOP) {
            continue;
        }
        if swappable(ins) {
            return Some(i);
        }
        return None;
    }
}

fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if !swap.is(SWAP) {
            if swap.is(NOP) || swappable(&swap) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.line;
        let mut count = swap.arg as i32 - 1;
        while count > 0 {
            match next_swappable(instrs, k, lineno) {
                Some(kk) => k = kk,
                None => return,
            }
            count -= 1;
        }
        let store_j = stores_to(&instrs[j]);
        let store_k = stores_to(&instrs[k]);
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            for idx in j + 1..k {
                let s = stores_to(&instrs[idx]);
                if s.is_some() && (s == store_j || s == store_k) {
                    return;
                }
            }
        }
        instrs[iu].op = Op::R(NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}

/// `swaptimize`: replace a run of SWAPs/NOPs by an optimal equivalent.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let start = *ix;
    let mut depth = instrs[start].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - start;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let ins = &instrs[start + len];
        if ins.is(SWAP) {
            depth = depth.max(ins.arg as usize);
            more = true;
        } else if !ins.is(NOP) {
            break;
        }
    }
    if !more {
        return;
    }
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for ins in &instrs[start..start + len] {
        if ins.is(SWAP) {
            let oparg = ins.arg as usize;
            stack.swap(0, oparg - 1);
        }
    }
    const VISITED: isize = -1;
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let c = start + current as usize;
                instrs[c].op = Op::R(SWAP);
                instrs[c].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = Op::R(NOP);
        current -= 1;
    }
    *ix += len - 1;
}

fn add_or_find_const(consts: &mut Vec<Const>, c: Const) -> u32 {
    if let Some(i) = consts
        .iter()
        .position(|x| super::codegen::const_key_eq(x, &c))
    {
        return i as u32;
    }
    consts.push(c);
    (consts.len() - 1) as u32
}

/// `optimize_basic_block`.
pub fn optimize_basic_block(blocks: &mut [Block], b: BlockId, consts: &mut Vec<Const>) {
    let nop = Instr {
        op: Op::R(NOP),
        arg: 0,
        target: None,
        except: None,
        loc: Loc::NONE,
    };
    let mut i: isize = 0;
    while (i as usize) < blocks[b].instrs.len() {
        let iu = i as usize;
        let len = blocks[b].instrs.len();
        let mut inst = blocks[b].instrs[iu];
        let nextop = if iu + 1 < len {
            Some(blocks[b].instrs[iu + 1].op)
        } else {
            None
        };
        let target = if inst.is_jump() || inst.is_block_push() {
            let t = skip_empty(blocks, inst.target.unwrap());
            blocks[b].instrs[iu].target = Some(t);
            inst.target = Some(t);
            blocks[t].instrs.first().copied().unwrap_or(nop)
        } else {
            nop
        };
        match inst.op {
            Op::R(LOAD_CONST) => match nextop {
                Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue) => {
                    let is_true = const_truthy(&consts[inst.arg as usize]);
                    blocks[b].instrs[iu].op = Op::R(NOP);
                    let jump_if_true = nextop == Some(Op::PopJumpIfTrue);
                    if is_true == jump_if_true {
                        blocks[b].instrs[iu + 1].op = Op::Jump;
                        blocks[b].nofallthrough = true;
                    } else {
                        blocks[b].instrs[iu + 1].op = Op::R(NOP);
                    }
                }
                Some(Op::R(JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP)) => {
                    let is_true = const_truthy(&consts[inst.arg as usize]);
                    let jump_if_true = nextop == Some(Op::R(JUMP_IF_TRUE_OR_POP));
                    if is_true == jump_if_true {
                        blocks[b].instrs[iu + 1].op = Op::Jump;
                        blocks[b].nofallthrough = true;
                    } else {
                        blocks[b].instrs[iu].op = Op::R(NOP);
                        blocks[b].instrs[iu + 1].op = Op::R(NOP);
                    }
                }
                Some(Op::R(IS_OP)) => {
                    let is_none = matches!(consts[inst.arg as usize], Const::None);
                    let jump_op = blocks[b].instrs.get(iu + 2).map(|x| x.op);
                    if is_none && matches!(jump_op, Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue)) {
                        let nextarg = blocks[b].instrs[iu + 1].arg;
                        blocks[b].instrs[iu].op = Op::R(NOP);
                        blocks[b].instrs[iu + 1].op = Op::R(NOP);
                        let inv = (nextarg != 0) ^ (jump_op == Some(Op::PopJumpIfFalse));
                        blocks[b].instrs[iu + 2].op = if inv {
                            Op::PopJumpIfNotNone
                        } else {
                            Op::PopJumpIfNone
                        };
                    }
                }
                _ => {}
            },
            Op::R(BUILD_TUPLE) => {
                let oparg = inst.arg as usize;
                if nextop == Some(Op::R(UNPACK_SEQUENCE))
                    && blocks[b].instrs[iu + 1].arg == inst.arg
                {
                    match oparg {
                        1 => {
                            blocks[b].instrs[iu].op = Op::R(NOP);
                            blocks[b].instrs[iu + 1].op = Op::R(NOP);
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            blocks[b].instrs[iu].op = Op::R(NOP);
                            blocks[b].instrs[iu + 1].op = Op::R(SWAP);
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if iu >= oparg {
                    let start = iu - oparg;
                    let all_const = blocks[b].instrs[start..iu].iter().all(|x| x.is(LOAD_CONST));
                    if all_const {
                        let items: Vec<Const> = blocks[b].instrs[start..iu]
                            .iter()
                            .map(|x| consts[x.arg as usize].clone())
                            .collect();
                        let idx = add_or_find_const(consts, Const::Tuple(items.into()));
                        for x in &mut blocks[b].instrs[start..iu] {
                            x.op = Op::R(NOP);
                        }
                        blocks[b].instrs[iu].op = Op::R(LOAD_CONST);
                        blocks[b].instrs[iu].arg = idx;
                    }
                }
            }
            Op::R(JUMP_IF_FALSE_OR_POP) => match target.op {
                Op::PopJumpIfFalse => {
                    i -= jump_thread(blocks, b, iu, &target, Op::PopJumpIfFalse) as isize;
                }
                Op::Jump | Op::R(JUMP_IF_FALSE_OR_POP) => {
                    i -= jump_thread(blocks, b, iu, &target, Op::R(JUMP_IF_FALSE_OR_POP)) as isize;
                }
                Op::R(JUMP_IF_TRUE_OR_POP) | Op::PopJumpIfTrue => {
                    if inst.loc.line == target.loc.line {
                        let t = inst.target.unwrap();
                        blocks[b].instrs[iu].op = Op::PopJumpIfFalse;
                        blocks[b].instrs[iu].target = blocks[t].next;
                        i -= 1;
                    }
                }
                _ => {}
            },
            Op::R(JUMP_IF_TRUE_OR_POP) => match target.op {
                Op::PopJumpIfTrue => {
                    i -= jump_thread(blocks, b, iu, &target, Op::PopJumpIfTrue) as isize;
                }
                Op::Jump | Op::R(JUMP_IF_TRUE_OR_POP) => {
                    i -= jump_thread(blocks, b, iu, &target, Op::R(JUMP_IF_TRUE_OR_POP)) as isize;
                }
                Op::R(JUMP_IF_FALSE_OR_POP) | Op::PopJumpIfFalse => {
                    if inst.loc.line == target.loc.line {
                        let t = inst.target.unwrap();
                        blocks[b].instrs[iu].op = Op::PopJumpIfTrue;
                        blocks[b].instrs[iu].target = blocks[t].next;
                        i -= 1;
                    }
                }
                _ => {}
            },
            Op::PopJumpIfNotNone
            | Op::PopJumpIfNone
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::Jump => {
                if target.op == Op::Jump {
                    i -= jump_thread(blocks, b, iu, &target, inst.op) as isize;
                }
            }
            Op::R(SWAP) => {
                if inst.arg == 1 {
                    blocks[b].instrs[iu].op = Op::R(NOP);
                } else {
                    let mut ix = iu;
                    swaptimize(&mut blocks[b].instrs, &mut ix);
                    apply_static_swaps(&mut blocks[b].instrs, ix);
                    i = ix as isize;
                }
            }
            Op::R(PUSH_NULL) => {
                if nextop == Some(Op::R(LOAD_GLOBAL)) && blocks[b].instrs[iu + 1].arg & 1 == 0 {
                    blocks[b].instrs[iu].op = Op::R(NOP);
                    blocks[b].instrs[iu].arg = 0;
                    blocks[b].instrs[iu + 1].arg |= 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// `mark_reachable`.
fn mark_reachable(blocks: &mut [Block]) {
    let mut stack = vec![0];
    blocks[0].predecessors = 1;
    while let Some(b) = stack.pop() {
        if let Some(n) = blocks[b].next
            && !blocks[b].nofallthrough
        {
            if blocks[n].predecessors == 0 {
                stack.push(n);
            }
            blocks[n].predecessors += 1;
        }
        for i in 0..blocks[b].instrs.len() {
            let ins = blocks[b].instrs[i];
            if ins.is_jump() || ins.is_block_push() {
                let t = ins.target.unwrap();
                if blocks[t].predecessors == 0 {
                    stack.push(t);
                }
                blocks[t].predecessors += 1;
            }
        }
    }
}

pub fn eliminate_empty_basic_blocks(blocks: &mut [Block]) {
    for b in chain(blocks) {
        if let Some(mut next) = blocks[b].next {
            while blocks[next].instrs.is_empty() {
                match blocks[next].next {
                    Some(n) => next = n,
                    None => break,
                }
            }
            blocks[b].next = Some(next);
        }
    }
    for b in chain(blocks) {
        let Some(last) = blocks[b].instrs.last() else {
            continue;
        };
        if last.is_jump() {
            let t = skip_empty(blocks, last.target.unwrap());
            blocks[b].instrs.last_mut().unwrap().target = Some(t);
        }
    }
}

/// `optimize_cfg`.
pub fn optimize_cfg(blocks: &mut [Block], consts: &mut Vec<Const>) {
    for b in chain(blocks) {
        optimize_basic_block(blocks, b, consts);
        clean_basic_block(blocks, b);
    }
    for b in (0..blocks.len()).rev() {
        extend_block(blocks, b);
    }
    mark_reachable(blocks);
    for b in chain(blocks) {
        if blocks[b].predecessors == 0 {
            blocks[b].instrs.clear();
            blocks[b].nofallthrough = false;
        }
    }
    eliminate_empty_basic_blocks(blocks);
    for b in chain(blocks) {
        clean_basic_block(blocks, b);
    }
    let mut maybe_empty = false;
    for b in chain(blocks) {
        let next = blocks[b].next;
        if let Some(last) = blocks[b].instrs.last_mut()
            && matches!(last.op, Op::Jump | Op::JumpNoInterrupt)
            && last.target == next
        {
            last.op = Op::R(NOP);
            blocks[b].nofallthrough = false;
            maybe_empty = true;
        }
    }
    if maybe_empty {
        eliminate_empty_basic_blocks(blocks);
    }
}

fn is_exit_without_lineno(b: &Block) -> bool {
    b.exit && b.instrs.iter().all(|i| i.loc.line < 0)
}

/// `duplicate_exits_without_lineno`.
pub fn duplicate_exits_without_lineno(blocks: &mut Vec<Block>) {
    for b in (0..blocks.len()).rev() {
        let Some(last) = blocks[b].instrs.last().copied() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let t = last.target.unwrap();
        if is_exit_without_lineno(&blocks[t]) && blocks[t].predecessors > 1 {
            let mut nb = Block {
                instrs: blocks[t].instrs.clone(),
                exit: blocks[t].exit,
                nofallthrough: true,
                ..Block::default()
            };
            nb.instrs[0].loc = last.loc;
            nb.predecessors = 1;
            nb.next = blocks[t].next;
            blocks.push(nb);
            let new = blocks.len() - 1;
            blocks[b].instrs.last_mut().unwrap().target = Some(new);
            blocks[t].predecessors -= 1;
            blocks[t].next = Some(new);
        }
    }
    for b in (0..blocks.len()).rev() {
        while let Some(n) = blocks[b].next {
            if blocks[n].instrs.is_empty() {
                blocks[b].next = blocks[n].next;
            } else {
                break;
            }
        }
    }
    for b in (0..blocks.len()).rev() {
        if !blocks[b].nofallthrough
            && let Some(n) = blocks[b].next
            && let Some(last) = blocks[b].instrs.last().copied()
            && is_exit_without_lineno(&blocks[n])
        {
            blocks[n].instrs[0].loc = last.loc;
        }
    }
}

/// `propagate_line_numbers`.
pub fn propagate_line_numbers(blocks: &mut [Block]) {
    for b in chain(blocks) {
        if blocks[b].instrs.is_empty() {
            continue;
        }
        let mut prev = Loc::NONE;
        for ins in blocks[b].instrs.iter_mut() {
            if ins.loc.line < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        if !blocks[b].nofallthrough
            && let Some(n) = blocks[b].next
            && blocks[n].predecessors == 1
            && blocks[n].instrs[0].loc.line < 0
        {
            blocks[n].instrs[0].loc = prev;
        }
        let last = *blocks[b].instrs.last().unwrap();
        if last.is_jump() {
            let t = last.target.unwrap();
            if blocks[t].predecessors == 1 && blocks[t].instrs[0].loc.line < 0 {
                blocks[t].instrs[0].loc = prev;
            }
        }
    }
}
