//! insta snapshots of pysim's disassembly of tests/dis/*.py (the format is
//! `python3 -m dis`'s; see tests/dis_compare.rs for the comparison with
//! CPython itself). Uses pysim's own parser, so python3 is not needed.

use std::path::Path;

#[test]
fn dis_snapshots() {
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
        let src = std::fs::read_to_string(root.join(&rel)).unwrap();
        let module = pysim::parser::parse_module(&src, &rel).expect("parses");
        let co = pysim::compiler::compile_module(&module, &rel).expect("compiles");
        insta::assert_snapshot!(name.clone(), pysim::dis::disassemble(&co));
    }
}
