//! Compiler checks that need no python3: pysim's parser, then the compiler.
//! Expected values were taken from CPython 3.11.

use pysim::bytecode::{
    CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CO_GENERATOR, CodeObject, Const, Opcode,
};
use pysim::compiler::symtable::{self, CELL, FREE, GLOBAL_IMPLICIT, LOCAL};
use pysim::error::CompileError;
use std::rc::Rc;

fn compile(src: &str) -> Rc<CodeObject> {
    let m = pysim::parser::parse_module(src, "t.py").expect("parses");
    pysim::compiler::compile_module(&m, "t.py").expect("compiles")
}

fn compile_err(src: &str) -> pysim::error::SyntaxError {
    let m = pysim::parser::parse_module(src, "t.py").expect("parses");
    match pysim::compiler::compile_module_with_source(&m, "t.py", src) {
        Err(CompileError::Syntax(e)) => e,
        other => panic!("expected a SyntaxError, got {other:?}"),
    }
}

fn code_const<'a>(co: &'a CodeObject, name: &str) -> &'a CodeObject {
    co.consts
        .iter()
        .find_map(|c| match c {
            Const::Code(c) if &*c.name == name => Some(&**c),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no code object {name}"))
}

fn load_const_args(co: &CodeObject) -> Vec<u32> {
    co.code
        .iter()
        .filter(|i| i.op == Opcode::LOAD_CONST)
        .map(|i| i.arg)
        .collect()
}

#[test]
fn equal_constants_share_one_entry() {
    let co = compile("a = 1000\nb = 1000\n");
    let args = load_const_args(&co);
    assert_eq!(args[0], args[1], "both 1000s load the same constant");
}

#[test]
fn distinct_zero_constants() {
    let co = compile("a = 0\nb = 0.0\nc = -0.0\nd = False\ne = 0\n");
    assert_eq!(
        co.consts,
        vec![
            Const::Int(0.into()),
            Const::Float(0.0),
            Const::Float(-0.0),
            Const::Bool(false),
            Const::None
        ]
    );
}

#[test]
fn qualnames() {
    let co = compile(
        "def f():\n    def g():\n        return [x for x in ()]\n    return g\nclass C:\n    def m(self):\n        return lambda: 0\n",
    );
    let f = code_const(&co, "f");
    let g = code_const(f, "g");
    assert_eq!(&*g.qualname, "f.<locals>.g");
    assert_eq!(
        &*code_const(g, "<listcomp>").qualname,
        "f.<locals>.g.<locals>.<listcomp>"
    );
    let c = code_const(&co, "C");
    let m = code_const(c, "m");
    assert_eq!(&*m.qualname, "C.m");
    assert_eq!(
        &*code_const(m, "<lambda>").qualname,
        "C.m.<locals>.<lambda>"
    );
}

#[test]
fn cells_and_free_variables() {
    let co = compile("def f(a):\n    b = 1\n    def g():\n        return a + b\n    return g\n");
    let f = code_const(&co, "f");
    let names: Vec<&str> = f.localsplusnames.iter().map(|s| &**s).collect();
    assert_eq!(names, ["a", "g", "b"]);
    assert_eq!(
        f.localspluskinds,
        [CO_FAST_LOCAL | CO_FAST_CELL, CO_FAST_LOCAL, CO_FAST_CELL]
    );
    assert_eq!(f.code[0].op, Opcode::MAKE_CELL);
    let g = code_const(f, "g");
    assert_eq!(g.localspluskinds, [CO_FAST_FREE, CO_FAST_FREE]);
    assert_eq!(g.code[0].op, Opcode::COPY_FREE_VARS);
}

#[test]
fn generators_start_with_return_generator() {
    let co = compile("def gen():\n    yield 1\n");
    let g = code_const(&co, "gen");
    assert!(g.flags & CO_GENERATOR != 0);
    assert_eq!(g.code[0].op, Opcode::RETURN_GENERATOR);
    assert_eq!(g.code[1].op, Opcode::POP_TOP);
    assert_eq!(g.code[2].op, Opcode::RESUME);
    // 3.11 converts a leaking StopIteration in the generator object, not
    // with an exception-table handler (that arrived in 3.12).
    assert!(g.exception_table.is_empty());
}

#[test]
fn symtable_scopes() {
    let m = pysim::parser::parse_module(
        "x = 1\ndef f(p):\n    y = p\n    def g():\n        return y, x\n    return g\nclass C:\n    def m(self):\n        return super()\n",
        "t.py",
    )
    .unwrap();
    let st = symtable::build(&m, "t.py").unwrap();
    let top = &st.scopes[st.top];
    let f = &st.scopes[top.children[0]];
    assert_eq!(f.scope_of("y"), CELL);
    assert_eq!(f.scope_of("p"), LOCAL);
    let g = &st.scopes[f.children[0]];
    assert_eq!(g.scope_of("y"), FREE);
    assert_eq!(g.scope_of("x"), GLOBAL_IMPLICIT);
    let c = &st.scopes[top.children[1]];
    assert!(c.needs_class_closure);
    let m = &st.scopes[c.children[0]];
    assert_eq!(m.scope_of("__class__"), FREE);
}

#[test]
fn syntax_errors() {
    let e = compile_err("x = 1\nreturn x\n");
    assert_eq!(
        (e.msg.as_str(), e.line, e.col, e.end_col),
        ("'return' outside function", 2, 1, 9)
    );
    assert_eq!(e.source_line, "return x");
    let e = compile_err("def f(a):\n    global a\n");
    assert_eq!(
        (e.msg.as_str(), e.line, e.col, e.end_col),
        ("name 'a' is parameter and global", 2, 5, 13)
    );
    let e = compile_err("def f():\n    nonlocal q\n");
    assert_eq!(e.msg, "no binding for nonlocal 'q' found");
}

#[test]
fn dis_of_a_function() {
    let co = compile("def f(a, b=2):\n    return a + b\n");
    let expected = r#"  0           0 RESUME                   0

  1           2 LOAD_CONST               3 ((2,))
              4 LOAD_CONST               1 (<code object f at 0x..., file "t.py", line 1>)
              6 MAKE_FUNCTION            1 (defaults)
              8 STORE_NAME               0 (f)
             10 LOAD_CONST               2 (None)
             12 RETURN_VALUE

Disassembly of <code object f at 0x..., file "t.py", line 1>:
  1           0 RESUME                   0

  2           2 LOAD_FAST                0 (a)
              4 LOAD_FAST                1 (b)
              6 BINARY_OP                0 (+)
             10 RETURN_VALUE
"#;
    assert_eq!(pysim::dis::disassemble(&co), expected);
}
