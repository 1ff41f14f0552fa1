//! `cargo run --example pydis -- FILE.py`: print pysim's disassembly of a
//! file in the format of `python3 -m dis FILE.py` (code-object addresses
//! print as `0x...`).

fn main() {
    let path = std::env::args().nth(1).expect("usage: pydis FILE.py");
    let src = std::fs::read_to_string(&path).expect("readable file");
    let module = match pysim::parser::parse_module(&src, &path) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("parse error: {e:?}");
            std::process::exit(1);
        }
    };
    match pysim::compiler::compile_module_with_source(&module, &path, &src) {
        Ok(co) => print!("{}", pysim::dis::disassemble(&co)),
        Err(e) => {
            eprintln!("compile error: {e:?}");
            std::process::exit(1);
        }
    }
}
