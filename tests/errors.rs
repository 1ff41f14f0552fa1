//! Compile-time SyntaxErrors (symtable and compiler) compared with CPython:
//! message, line, column and end column, for every case in
//! tests/errors/cases.txt.

#[path = "support/pyast.rs"]
mod pyast;

use pysim::error::CompileError;
use std::path::Path;
use std::process::Command;

#[test]
fn syntax_errors_match_cpython() {
    if !pyast::have_python() {
        eprintln!("SKIPPED: python3 not found");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("tests/errors/cases.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let cases: Vec<&str> = text.split("---\n").collect();
    let o = Command::new("python3")
        .arg(root.join("tests/support/errors.py"))
        .arg(&path)
        .output()
        .unwrap();
    let expected: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(expected.len(), cases.len());
    let mut failures = Vec::new();
    for (src, want) in cases.iter().zip(&expected) {
        if want == "parse-error" {
            continue;
        }
        let module = pyast::parse_source(src);
        let got = match pysim::compiler::compile_module(&module, "<case>") {
            Ok(_) => "ok".to_string(),
            Err(CompileError::Syntax(e)) => format!("{}|{}|{}|{}", e.msg, e.line, e.col, e.end_col),
            Err(CompileError::Unsupported(u)) => format!("unsupported: {}", u.construct),
        };
        if &got != want {
            failures.push(format!("case:\n{src}  pysim:   {got}\n  cpython: {want}"));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ",
        failures.len(),
        cases.len()
    );
}
