//! Disassembly in the exact format of CPython 3.11's `python3 -m dis`.
//!
//! Byte offsets are CPython's: each instruction is one code unit (2 bytes)
//! plus its inline CACHE entries ([`Opcode::cache_entries`]) plus the
//! `EXTENDED_ARG` prefixes CPython would emit for operands above 255 (which
//! are printed as CPython prints them). Jump operands are shown as CPython's
//! relative code-unit distances. The one deliberate difference: code-object
//! addresses print as `0x...` (CPython prints a real address that changes
//! from run to run).

use crate::bytecode::{CodeObject, Const, Opcode, Opcode::*};
use std::fmt::Write;

/// Whether CPython 3.11 gives this opcode an operand (`opcode >= HAVE_ARGUMENT`).
pub fn has_arg(op: Opcode) -> bool {
    !matches!(
        op,
        POP_TOP
            | PUSH_NULL
            | NOP
            | UNARY_POSITIVE
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_INVERT
            | BINARY_SUBSCR
            | PUSH_EXC_INFO
            | CHECK_EXC_MATCH
            | WITH_EXCEPT_START
            | BEFORE_WITH
            | STORE_SUBSCR
            | DELETE_SUBSCR
            | GET_ITER
            | GET_YIELD_FROM_ITER
            | LOAD_BUILD_CLASS
            | LOAD_ASSERTION_ERROR
            | RETURN_GENERATOR
            | LIST_TO_TUPLE
            | RETURN_VALUE
            | IMPORT_STAR
            | SETUP_ANNOTATIONS
            | YIELD_VALUE
            | POP_EXCEPT
    )
}

fn is_backward(op: Opcode) -> bool {
    matches!(
        op,
        JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE
    )
}

fn ext_count(arg: u32) -> u32 {
    (arg > 0xFF) as u32 + (arg > 0xFFFF) as u32 + (arg > 0xFF_FFFF) as u32
}

/// CPython's layout of `code`: (offset in code units where each instruction's
/// EXTENDED_ARG prefixes start, plus the total as a final entry; CPython
/// operands; total units).
pub fn layout(code: &CodeObject) -> (Vec<u32>, Vec<u32>, u32) {
    let n = code.code.len();
    let mut ext = vec![0u32; n];
    loop {
        let mut starts = Vec::with_capacity(n + 1);
        let mut off = 0;
        for (i, ins) in code.code.iter().enumerate() {
            starts.push(off);
            off += ext[i] + 1 + ins.op.cache_entries();
        }
        starts.push(off);
        let mut args = Vec::with_capacity(n);
        let mut changed = false;
        for (i, ins) in code.code.iter().enumerate() {
            let arg = if ins.op.is_jump() {
                let after = starts[i + 1];
                let target = starts[ins.arg as usize];
                if is_backward(ins.op) {
                    after - target
                } else {
                    target - after
                }
            } else {
                ins.arg
            };
            let e = if has_arg(ins.op) { ext_count(arg) } else { 0 };
            if e != ext[i] {
                ext[i] = e;
                changed = true;
            }
            args.push(arg);
        }
        if !changed {
            let total = starts[n];
            return (starts, args, total);
        }
    }
}

/// Python's `repr` of a float (shortest round-trip digits, `e+XX` exponents).
// TODO(semantics): switch to the CPython-exact float_repr once merged.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let nd = digits.len() as i32;
    let body = if !(-4..16).contains(&exp) {
        let mut m = digits[..1].to_string();
        if nd > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else if exp >= 0 {
        if nd > exp + 1 {
            format!(
                "{}.{}",
                &digits[..(exp + 1) as usize],
                &digits[(exp + 1) as usize..]
            )
        } else {
            format!("{}{}.0", digits, "0".repeat((exp + 1 - nd) as usize))
        }
    } else {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    };
    format!("{sign}{body}")
}

fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7f..0xa1).contains(&u) {
        return false;
    }
    !matches!(u, 0xad | 0x2028 | 0x2029 | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0xfeff | 0xd800..=0xdfff | 0xe000..=0xf8ff)
        && !(0x2000..=0x200a).contains(&u)
        && u != 0x3000
        && u != 0x1680
        && u != 0x205f
        && u != 0x202f
}

/// Python's `repr` of a str.
// TODO(semantics): switch to the CPython-exact str_repr once merged.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x7f && (c as u32) >= 0x20 => out.push(c),
            c if is_printable(c) => out.push(c),
            c => {
                let u = c as u32;
                if u <= 0xff {
                    let _ = write!(out, "\\x{u:02x}");
                } else if u <= 0xffff {
                    let _ = write!(out, "\\u{u:04x}");
                } else {
                    let _ = write!(out, "\\U{u:08x}");
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

fn complex_part(x: f64) -> String {
    // repr of a complex component: like float repr but integral values drop ".0".
    let r = float_repr(x);
    r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
}

/// `repr` of a code constant, as `dis` prints it.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", complex_part(*imag))
            } else {
                let im = complex_part(*imag);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{sign}{im}j)", complex_part(*real))
            }
        }
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Const::FrozenSet(t) => {
            if t.is_empty() {
                "frozenset()".into()
            } else {
                let items: Vec<String> = set_iteration_order(t)
                    .iter()
                    .map(|c| const_repr(c))
                    .collect();
                format!("frozenset({{{}}})", items.join(", "))
            }
        }
        Const::Code(co) => code_repr(co),
    }
}

/// CPython's hash of an int-like constant, when it is deterministic.
fn det_hash(c: &Const) -> Option<u64> {
    use num_traits::{Signed, ToPrimitive};
    let v = match c {
        Const::Bool(b) => num_bigint::BigInt::from(*b as u8),
        Const::Int(i) => i.clone(),
        Const::Float(f) if f.fract() == 0.0 && f.is_finite() => num_bigint::BigInt::from(*f as i64),
        _ => return None,
    };
    let p = num_bigint::BigInt::from((1u64 << 61) - 1);
    let m = (v.abs() % &p).to_i64()?;
    let mut h = if v.is_negative() { -m } else { m };
    if h == -1 {
        h = -2;
    }
    Some(h as u64)
}

/// The iteration order of a CPython set built by inserting `items` in
/// order (open addressing, 9 linear probes, perturbation), for elements with
/// deterministic hashes; other sets keep the given order. Applied twice, as
/// the compiler's constant merging rebuilds frozensets in iteration order.
pub fn set_iteration_order(items: &[Const]) -> Vec<&Const> {
    let hashes: Option<Vec<u64>> = items.iter().map(det_hash).collect();
    let Some(hashes) = hashes else {
        return items.iter().collect();
    };
    fn build(order: &[usize], hashes: &[u64]) -> Vec<usize> {
        let mut mask: usize = 7;
        let mut table: Vec<Option<usize>> = vec![None; 8];
        let mut used = 0;
        let insert = |table: &mut Vec<Option<usize>>, mask: usize, k: usize| {
            let h = hashes[k];
            let mut perturb = h;
            let mut i = (h as usize) & mask;
            loop {
                if table[i].is_none() {
                    table[i] = Some(k);
                    return;
                }
                if i + 9 <= mask {
                    for j in 1..=9 {
                        if table[i + j].is_none() {
                            table[i + j] = Some(k);
                            return;
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        };
        for &k in order {
            insert(&mut table, mask, k);
            used += 1;
            if used * 5 >= mask * 3 {
                let mut newsize = 8;
                while newsize <= used * 4 {
                    newsize <<= 1;
                }
                let old: Vec<usize> = table.iter().flatten().copied().collect();
                mask = newsize - 1;
                table = vec![None; newsize];
                for k2 in old {
                    insert(&mut table, mask, k2);
                }
            }
        }
        table.into_iter().flatten().collect()
    }
    let first = build(&(0..items.len()).collect::<Vec<_>>(), &hashes);
    let second = build(&first, &hashes);
    second.into_iter().map(|i| &items[i]).collect()
}

fn code_repr(co: &CodeObject) -> String {
    format!(
        "<code object {} at 0x..., file \"{}\", line {}>",
        co.name, co.filename, co.firstlineno
    )
}

const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];
const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

fn argrepr(code: &CodeObject, op: Opcode, arg: u32, jump_target: u32) -> String {
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    let local = |i: u32| {
        code.localsplusnames
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    match op {
        LOAD_CONST => code
            .consts
            .get(arg as usize)
            .map(const_repr)
            .unwrap_or_default(),
        LOAD_GLOBAL => {
            let n = name(arg >> 1);
            if arg & 1 != 0 {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        STORE_NAME | DELETE_NAME | STORE_ATTR | DELETE_ATTR | STORE_GLOBAL | DELETE_GLOBAL
        | LOAD_NAME | LOAD_ATTR | IMPORT_NAME | IMPORT_FROM | LOAD_METHOD => name(arg),
        LOAD_FAST | STORE_FAST | DELETE_FAST | MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF
        | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF => local(arg),
        COMPARE_OP => CMP_OPS.get(arg as usize).copied().unwrap_or("").to_string(),
        FORMAT_VALUE => {
            let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            s
        }
        MAKE_FUNCTION => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            names
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        }
        BINARY_OP => NB_OPS.get(arg as usize).copied().unwrap_or("").to_string(),
        _ if op.is_jump() => format!("to {}", jump_target * 2),
        _ => String::new(),
    }
}

fn has_line(s: &crate::ast::Span) -> bool {
    s.line > 0 || s.end_line > 0
}

fn line_fields(
    lineno: Option<u32>,
    width: usize,
    jump: bool,
    offset: u32,
    name: &str,
    arg: Option<u32>,
    argrepr: &str,
) -> String {
    let mut fields = vec![match lineno {
        Some(l) => format!("{l:>width$}"),
        None => " ".repeat(width),
    }];
    fields.push("   ".into());
    fields.push(if jump { ">>".into() } else { "  ".into() });
    fields.push(format!("{:>4}", offset * 2));
    fields.push(format!("{name:<20}"));
    if let Some(a) = arg {
        fields.push(format!("{a:>5}"));
        if !argrepr.is_empty() {
            fields.push(format!("({argrepr})"));
        }
    }
    fields.join(" ").trim_end().to_string()
}

/// Disassemble one code object (no nested code objects).
pub fn disassemble_one(code: &CodeObject, out: &mut String) {
    let (starts, args, _total) = layout(code);
    let n = code.code.len();
    // Offsets of the instructions themselves (after EXTENDED_ARG prefixes).
    let ext: Vec<u32> = (0..n)
        .map(|i| {
            if has_arg(code.code[i].op) {
                ext_count(args[i])
            } else {
                0
            }
        })
        .collect();
    let own: Vec<u32> = (0..n).map(|i| starts[i] + ext[i]).collect();
    let off_of = |idx: u32| -> u32 { starts[(idx as usize).min(n)] };
    let mut labels = std::collections::HashSet::new();
    for ins in &code.code {
        if ins.op.is_jump() {
            labels.insert(off_of(ins.arg));
        }
    }
    for e in &code.exception_table {
        labels.insert(off_of(e.target));
    }
    let maxline = code
        .positions
        .iter()
        .filter(|p| has_line(p))
        .map(|p| p.line)
        .max();
    let show_lineno = maxline.is_some();
    let width = match maxline {
        Some(m) if m >= 1000 => m.to_string().len(),
        Some(_) => 3,
        None => 0,
    };
    let mut lastline: Option<u32> = None;
    for i in 0..n {
        let ins = code.code[i];
        let pos = code.positions.get(i).copied().unwrap_or_default();
        let mut starts_line = None;
        if has_line(&pos) && Some(pos.line) != lastline {
            lastline = Some(pos.line);
            starts_line = Some(pos.line);
        }
        let arg_full = if has_arg(ins.op) { Some(args[i]) } else { None };
        // EXTENDED_ARG prefixes.
        let mut first_offset = starts[i];
        if ext[i] > 0 {
            let a = args[i];
            for k in 0..ext[i] {
                let shift = 8 * (ext[i] - k);
                let shown = a >> shift;
                if show_lineno && starts_line.is_some() && first_offset > 0 {
                    out.push('\n');
                }
                let jl = labels.contains(&first_offset);
                let l = line_fields(
                    if show_lineno { starts_line } else { None },
                    width,
                    jl,
                    first_offset,
                    "EXTENDED_ARG",
                    Some(shown),
                    "",
                );
                out.push_str(&l);
                out.push('\n');
                starts_line = None;
                first_offset += 1;
            }
        }
        if show_lineno && starts_line.is_some() && own[i] > 0 {
            out.push('\n');
        }
        let target = if ins.op.is_jump() { off_of(ins.arg) } else { 0 };
        let repr = argrepr(code, ins.op, ins.arg, target);
        let l = line_fields(
            if show_lineno { starts_line } else { None },
            width,
            labels.contains(&own[i]),
            own[i],
            &ins.op.name(),
            arg_full,
            &repr,
        );
        out.push_str(&l);
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let start = off_of(e.start) * 2;
            let end = off_of(e.end) * 2 - 2;
            let target = off_of(e.target) * 2;
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(out, "  {start} to {end} -> {target} [{}]{lasti}", e.depth);
        }
    }
}

/// Disassemble `code` and, recursively, every code object in its constants,
/// exactly as `python3 -m dis` prints them.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_rec(code, &mut out);
    out
}

fn disassemble_rec(code: &CodeObject, out: &mut String) {
    disassemble_one(code, out);
    for c in &code.consts {
        if let Const::Code(co) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(co));
            disassemble_rec(co, out);
        }
    }
}
