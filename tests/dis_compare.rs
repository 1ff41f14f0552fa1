//! Compare pysim's disassembly with `python3 -m dis` (3.11) for every
//! program in tests/dis/, normalising only code-object addresses. Skipped
//! (with a message) when python3 is not available.
//!
//! `PYSIM_DIS_SHOW=name` prints both listings for one program.

#[path = "support/pyast.rs"]
mod pyast;

use std::path::Path;
use std::process::Command;

fn normalise(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0x...");
        let tail = &rest[i + 6..];
        let end = tail
            .find(|c: char| !c.is_ascii_hexdigit() && c != '.')
            .unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

pub fn programs(sub: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(sub);
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "py").then(|| p.file_name().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    v.sort();
    v
}

/// pysim end to end: pysim's parser, then the compiler and `dis`.
pub fn pysim_dis(rel: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join(rel)).unwrap();
    let module = match pysim::parser::parse_module(&src, rel) {
        Ok(m) => m,
        Err(e) => return format!("parse error: {e:?}\n"),
    };
    match pysim::compiler::compile_module(&module, rel) {
        Ok(co) => pysim::dis::disassemble(&co),
        Err(e) => format!("compile error: {e:?}\n"),
    }
}

fn cpython_dis(rel: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .args(["-m", "dis", rel])
        .current_dir(root)
        .output()
        .unwrap();
    normalise(&String::from_utf8_lossy(&out.stdout))
}

#[test]
fn dis_matches_cpython() {
    if !pyast::have_python() {
        eprintln!("SKIPPED: python3 not found; cannot compare with CPython's dis");
        return;
    }
    let show = std::env::var("PYSIM_DIS_SHOW").ok();
    let mut matched = Vec::new();
    let mut mismatched = Vec::new();
    let all = programs("tests/dis")
        .into_iter()
        .map(|n| format!("tests/dis/{n}"))
        .chain(
            programs("tests/cases")
                .into_iter()
                .map(|n| format!("tests/cases/{n}")),
        );
    for rel in all {
        let name = rel.rsplit('/').next().unwrap().to_string();
        let ours = pysim_dis(&rel);
        let theirs = cpython_dis(&rel);
        if show.as_deref() == Some(name.trim_end_matches(".py")) {
            println!("=== pysim\n{ours}\n=== cpython\n{theirs}");
        }
        if ours == theirs {
            matched.push(name);
        } else {
            let ol: Vec<&str> = ours.lines().collect();
            let tl: Vec<&str> = theirs.lines().collect();
            let first = (0..ol.len().max(tl.len()))
                .find(|&i| ol.get(i) != tl.get(i))
                .unwrap_or(0);
            eprintln!(
                "MISMATCH {name} at line {}:\n  pysim:   {:?}\n  cpython: {:?}",
                first + 1,
                ol.get(first),
                tl.get(first)
            );
            mismatched.push(name);
        }
    }
    eprintln!(
        "dis comparison: {} of {} programs match python3 exactly",
        matched.len(),
        matched.len() + mismatched.len()
    );
    // Ratchet: raise as more programs match.
    let min_expected: usize = 26;
    assert!(
        matched.len() >= min_expected,
        "regressed: mismatched {mismatched:?}"
    );
}
