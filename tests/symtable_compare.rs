//! Symbol tables compared with CPython's `symtable` module: every scope's
//! raw symbol flags (including the resolved scope bits), for the programs
//! in tests/symtable/ and tests/dis/.

#[path = "support/pyast.rs"]
mod pyast;

use pysim::compiler::symtable::{self, BlockType, ScopeId, SymbolTable};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

fn show(st: &SymbolTable, id: ScopeId, depth: usize, out: &mut String) {
    let s = &st.scopes[id];
    let typ = match s.typ {
        BlockType::Module => "module",
        BlockType::Function => "function",
        BlockType::Class => "class",
    };
    let _ = writeln!(out, "{}{} {} gen=0", "  ".repeat(depth), typ, s.name);
    let mut names: Vec<&String> = s.symbols.keys().collect();
    names.sort();
    for n in names {
        let _ = writeln!(out, "{}  {} {}", "  ".repeat(depth), n, s.symbols[n]);
    }
    for &c in &s.children {
        show(st, c, depth + 1, out);
    }
}

#[test]
fn symtables_match_cpython() {
    if !pyast::have_python() {
        eprintln!("SKIPPED: python3 not found");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = 0;
    let mut total = 0;
    for sub in ["tests/symtable", "tests/dis", "tests/cases"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        for path in files {
            total += 1;
            let module = pyast::parse_file(&path);
            let st = symtable::build(&module, "x.py").expect("symtable builds");
            let mut ours = String::new();
            show(&st, st.top, 0, &mut ours);
            let o = Command::new("python3")
                .arg(root.join("tests/support/symtable_dump.py"))
                .arg(&path)
                .output()
                .unwrap();
            let theirs = String::from_utf8_lossy(&o.stdout);
            if ours != theirs {
                failures += 1;
                let ol: Vec<&str> = ours.lines().collect();
                let tl: Vec<&str> = theirs.lines().collect();
                let i = (0..ol.len().max(tl.len()))
                    .find(|&i| ol.get(i) != tl.get(i))
                    .unwrap();
                eprintln!(
                    "MISMATCH {}: line {}\n  pysim:   {:?}\n  cpython: {:?}",
                    path.display(),
                    i + 1,
                    ol.get(i),
                    tl.get(i)
                );
            }
        }
    }
    eprintln!("symtable comparison: {} of {total} match", total - failures);
    assert_eq!(failures, 0);
}
