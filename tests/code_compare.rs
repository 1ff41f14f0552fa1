//! Compare every code object pysim compiles from tests/dis/*.py with
//! CPython's: names, argument counts, flags, stack size, variable tuples,
//! names, constants, and each instruction's source position
//! (`co_positions()`, which drives tracebacks and line events).

#[path = "support/pyast.rs"]
mod pyast;

use pysim::bytecode::{CodeObject, Const};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

fn r(c: &Const) -> String {
    match c {
        Const::Code(co) => format!("<code {}>", co.qualname),
        _ => pysim::dis::const_repr(c),
    }
}

fn pylist<T: AsRef<str>>(items: impl Iterator<Item = T>) -> String {
    let v: Vec<String> = items.map(|s| pysim::dis::str_repr(s.as_ref())).collect();
    format!("[{}]", v.join(", "))
}

fn show(co: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "code {} {} {}", co.qualname, co.name, co.firstlineno);
    let _ = writeln!(
        out,
        "  args {} {} {}",
        co.argcount, co.posonlyargcount, co.kwonlyargcount
    );
    let _ = writeln!(out, "  flags {} stacksize {}", co.flags, co.stacksize);
    let _ = writeln!(out, "  varnames {}", pylist(co.varnames()));
    let _ = writeln!(out, "  cellvars {}", pylist(co.cellvars()));
    let _ = writeln!(out, "  freevars {}", pylist(co.freevars()));
    let _ = writeln!(out, "  names {}", pylist(co.names.iter()));
    let consts: Vec<String> = co.consts.iter().map(r).collect();
    let _ = writeln!(out, "  consts [{}]", consts.join(", "));
    for (i, ins) in co.code.iter().enumerate() {
        let p = co.positions[i];
        let _ = writeln!(
            out,
            "  {} {} {} {} {}",
            ins.op.name(),
            p.line,
            p.end_line,
            p.col,
            p.end_col
        );
    }
    for c in &co.consts {
        if let Const::Code(inner) = c {
            show(inner, out);
        }
    }
}

fn compare_dir(sub: &str) -> (usize, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join(sub))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "py").then(|| p.file_name().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    let (mut ok, mut total) = (0, 0);
    for name in names {
        let rel = format!("{sub}/{name}");
        let module = pyast::parse_file(&root.join(&rel));
        let ours = match pysim::compiler::compile_module(&module, &rel) {
            Ok(co) => {
                let mut s = String::new();
                show(&co, &mut s);
                s
            }
            Err(e) => format!("compile error {e:?}\n"),
        };
        let script = root.join("tests/support/code_info.py");
        let o = Command::new("python3")
            .arg(script)
            .arg(&rel)
            .current_dir(root)
            .output()
            .unwrap();
        let theirs = String::from_utf8_lossy(&o.stdout).into_owned();
        total += 1;
        if ours == theirs {
            ok += 1;
        } else {
            let ol: Vec<&str> = ours.lines().collect();
            let tl: Vec<&str> = theirs.lines().collect();
            let first = (0..ol.len().max(tl.len()))
                .find(|&i| ol.get(i) != tl.get(i))
                .unwrap_or(0);
            let ctx = tl[..first.min(tl.len())]
                .iter()
                .rev()
                .find(|l| l.starts_with("code "));
            eprintln!(
                "MISMATCH {rel} line {} (in {:?}):\n  pysim:   {:?}\n  cpython: {:?}",
                first + 1,
                ctx,
                ol.get(first),
                tl.get(first)
            );
        }
    }
    (ok, total)
}

#[test]
fn code_objects_match_cpython() {
    if !pyast::have_python() {
        eprintln!("SKIPPED: python3 not found");
        return;
    }
    let (ok1, total1) = compare_dir("tests/dis");
    let (ok2, total2) = compare_dir("tests/cases");
    let (ok, total) = (ok1 + ok2, total1 + total2);
    eprintln!("code comparison: {ok} of {total} programs match python3 exactly");
    let min_expected = 26;
    assert!(ok >= min_expected);
}
