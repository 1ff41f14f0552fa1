//! Debug helper: `cargo run --example pyast -- FILE [--attrs]` prints the
//! `ast.dump` of FILE, or the rendered syntax error on stderr.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = &args[1];
    let src = std::fs::read_to_string(path).expect("read");
    match pysim::parser::parse_module(&src, path) {
        Ok(m) => {
            if args.iter().any(|a| a == "--attrs") {
                println!("{}", pysim::ast_dump::dump_with_attributes(&m));
            } else {
                println!("{}", pysim::ast_dump::dump(&m));
            }
        }
        Err(pysim::error::CompileError::Syntax(e)) => {
            eprint!("{}", e.render());
            std::process::exit(1);
        }
        Err(pysim::error::CompileError::Unsupported(u)) => {
            eprintln!("{u}");
            std::process::exit(2);
        }
    }
}
