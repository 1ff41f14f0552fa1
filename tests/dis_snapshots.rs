//! insta snapshots of pysim's disassembly of tests/dis/*.py (the format is
//! `python3 -m dis`'s; see tests/dis_compare.rs for the comparison with
//! CPython itself). Parsing currently goes through CPython's `ast` module,
//! so these are skipped when python3 is missing.

#[path = "support/pyast.rs"]
mod pyast;

use std::path::Path;

#[test]
fn dis_snapshots() {
    if !pyast::have_python() {
        eprintln!("SKIPPED: python3 not found (needed to parse until pysim's parser lands)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("tests/dis"))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "py").then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    for name in names {
        let rel = format!("tests/dis/{name}.py");
        let module = pyast::parse_file(&root.join(&rel));
        let co = pysim::compiler::compile_module(&module, &rel).expect("compiles");
        insta::assert_snapshot!(name.clone(), pysim::dis::disassemble(&co));
    }
}
