//! Test helper: build pysim ASTs from CPython's own parser (via
//! `ast_dump.py`), so compiler tests run on real source before pysim's
//! parser exists. Requires `python3` (3.11).
#![allow(dead_code)]

use num_bigint::BigInt;
use pysim::ast::*;
use std::path::Path;
use std::process::Command;

#[derive(Debug, Clone)]
enum V {
    Node(String, Option<Span>, Vec<V>),
    List(Vec<V>),
    Str(String),
    Bytes(Vec<u8>),
    Int(BigInt),
    Float(f64),
    Complex(f64),
    Bool(bool),
    None,
    Ellipsis,
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn parse_tokens(toks: &[&str], pos: &mut usize) -> V {
    let t = toks[*pos];
    *pos += 1;
    if let Some(kind) = t.strip_prefix('(') {
        let mut span = None;
        if toks[*pos].starts_with('@') {
            let n: Vec<u32> = toks[*pos][1..]
                .split(',')
                .map(|x| x.parse().unwrap())
                .collect();
            span = Some(Span {
                line: n[0],
                col: n[1],
                end_line: n[2],
                end_col: n[3],
            });
            *pos += 1;
        }
        let mut fields = Vec::new();
        while toks[*pos] != ")" {
            fields.push(parse_tokens(toks, pos));
        }
        *pos += 1;
        return V::Node(kind.to_string(), span, fields);
    }
    match t {
        "[" => {
            let mut items = Vec::new();
            while toks[*pos] != "]" {
                items.push(parse_tokens(toks, pos));
            }
            *pos += 1;
            V::List(items)
        }
        "~" => V::None,
        "#t" => V::Bool(true),
        "#f" => V::Bool(false),
        "E" => V::Ellipsis,
        _ => match t.as_bytes()[0] {
            b'I' => V::Int(t[1..].parse().unwrap()),
            b'F' => V::Float(t[1..].parse().unwrap()),
            b'J' => V::Complex(t[1..].parse().unwrap()),
            b'S' => V::Str(String::from_utf8(hex(&t[1..])).unwrap()),
            b'B' => V::Bytes(hex(&t[1..])),
            _ => panic!("bad token {t}"),
        },
    }
}

fn s(v: &V) -> String {
    match v {
        V::Str(x) => x.clone(),
        _ => panic!("expected str, got {v:?}"),
    }
}
fn os(v: &V) -> Option<String> {
    match v {
        V::None => None,
        _ => Some(s(v)),
    }
}
fn list(v: &V) -> &[V] {
    match v {
        V::List(x) => x,
        _ => panic!("expected list, got {v:?}"),
    }
}
fn int(v: &V) -> i64 {
    match v {
        V::Int(i) => i.try_into().unwrap(),
        V::Bool(b) => *b as i64,
        _ => panic!("expected int"),
    }
}
fn node(v: &V) -> (&str, Span, &[V]) {
    match v {
        V::Node(k, sp, f) => (k, sp.unwrap_or_default(), f),
        _ => panic!("expected node, got {v:?}"),
    }
}
fn stmts(v: &V) -> Vec<Stmt> {
    list(v).iter().map(stmt).collect()
}
fn exprs(v: &V) -> Vec<Expr> {
    list(v).iter().map(expr).collect()
}
fn oexpr(v: &V) -> Option<Expr> {
    match v {
        V::None => None,
        _ => Some(expr(v)),
    }
}
fn bexpr(v: &V) -> Box<Expr> {
    Box::new(expr(v))
}
fn ctx(v: &V) -> Ctx {
    match node(v).0 {
        "Load" => Ctx::Load,
        "Store" => Ctx::Store,
        "Del" => Ctx::Del,
        k => panic!("ctx {k}"),
    }
}
fn operator(v: &V) -> Operator {
    use Operator::*;
    match node(v).0 {
        "Add" => Add,
        "BitAnd" => BitAnd,
        "FloorDiv" => FloorDiv,
        "LShift" => LShift,
        "MatMult" => MatMult,
        "Mult" => Mult,
        "Mod" => Mod,
        "BitOr" => BitOr,
        "Pow" => Pow,
        "RShift" => RShift,
        "Sub" => Sub,
        "Div" => Div,
        "BitXor" => BitXor,
        k => panic!("op {k}"),
    }
}
fn cmpop(v: &V) -> CmpOp {
    use CmpOp::*;
    match node(v).0 {
        "Eq" => Eq,
        "NotEq" => NotEq,
        "Lt" => Lt,
        "LtE" => LtE,
        "Gt" => Gt,
        "GtE" => GtE,
        "Is" => Is,
        "IsNot" => IsNot,
        "In" => In,
        "NotIn" => NotIn,
        k => panic!("cmpop {k}"),
    }
}
fn arg(v: &V) -> Arg {
    let (_, span, f) = node(v);
    Arg {
        span,
        arg: s(&f[0]),
        annotation: oexpr(&f[1]),
    }
}
fn oarg(v: &V) -> Option<Arg> {
    match v {
        V::None => None,
        _ => Some(arg(v)),
    }
}
fn arguments(v: &V) -> Arguments {
    let (_, _, f) = node(v);
    Arguments {
        posonlyargs: list(&f[0]).iter().map(arg).collect(),
        args: list(&f[1]).iter().map(arg).collect(),
        vararg: oarg(&f[2]),
        kwonlyargs: list(&f[3]).iter().map(arg).collect(),
        kw_defaults: list(&f[4]).iter().map(oexpr).collect(),
        kwarg: oarg(&f[5]),
        defaults: exprs(&f[6]),
    }
}
fn keyword(v: &V) -> Keyword {
    let (_, span, f) = node(v);
    Keyword {
        span,
        arg: os(&f[0]),
        value: expr(&f[1]),
    }
}
fn alias(v: &V) -> Alias {
    let (_, span, f) = node(v);
    Alias {
        span,
        name: s(&f[0]),
        asname: os(&f[1]),
    }
}
fn comprehension(v: &V) -> Comprehension {
    let (_, _, f) = node(v);
    Comprehension {
        target: expr(&f[0]),
        iter: expr(&f[1]),
        ifs: exprs(&f[2]),
        is_async: int(&f[3]) != 0,
    }
}
fn constant(v: &V) -> Constant {
    match v {
        V::None => Constant::None,
        V::Bool(b) => Constant::Bool(*b),
        V::Int(i) => Constant::Int(i.clone()),
        V::Float(x) => Constant::Float(*x),
        V::Complex(x) => Constant::Complex(*x),
        V::Str(x) => Constant::Str(x.clone()),
        V::Bytes(x) => Constant::Bytes(x.clone()),
        V::Ellipsis => Constant::Ellipsis,
        _ => panic!("constant {v:?}"),
    }
}

fn stmt(v: &V) -> Stmt {
    let (k, span, f) = node(v);
    let kind = match k {
        "FunctionDef" => StmtKind::FunctionDef(Box::new(FunctionDef {
            name: s(&f[0]),
            args: arguments(&f[1]),
            body: stmts(&f[2]),
            decorator_list: exprs(&f[3]),
            returns: oexpr(&f[4]),
        })),
        "ClassDef" => StmtKind::ClassDef(Box::new(ClassDef {
            name: s(&f[0]),
            bases: exprs(&f[1]),
            keywords: list(&f[2]).iter().map(keyword).collect(),
            body: stmts(&f[3]),
            decorator_list: exprs(&f[4]),
        })),
        "Return" => StmtKind::Return(oexpr(&f[0])),
        "Delete" => StmtKind::Delete(exprs(&f[0])),
        "Assign" => StmtKind::Assign {
            targets: exprs(&f[0]),
            value: expr(&f[1]),
        },
        "AugAssign" => StmtKind::AugAssign {
            target: expr(&f[0]),
            op: operator(&f[1]),
            value: expr(&f[2]),
        },
        "AnnAssign" => StmtKind::AnnAssign {
            target: expr(&f[0]),
            annotation: expr(&f[1]),
            value: oexpr(&f[2]),
            simple: int(&f[3]) != 0,
        },
        "For" => StmtKind::For {
            target: expr(&f[0]),
            iter: expr(&f[1]),
            body: stmts(&f[2]),
            orelse: stmts(&f[3]),
        },
        "While" => StmtKind::While {
            test: expr(&f[0]),
            body: stmts(&f[1]),
            orelse: stmts(&f[2]),
        },
        "If" => StmtKind::If {
            test: expr(&f[0]),
            body: stmts(&f[1]),
            orelse: stmts(&f[2]),
        },
        "With" => StmtKind::With {
            items: list(&f[0])
                .iter()
                .map(|w| {
                    let (_, _, wf) = node(w);
                    WithItem {
                        context_expr: expr(&wf[0]),
                        optional_vars: oexpr(&wf[1]),
                    }
                })
                .collect(),
            body: stmts(&f[1]),
        },
        "Raise" => StmtKind::Raise {
            exc: oexpr(&f[0]),
            cause: oexpr(&f[1]),
        },
        "Try" => StmtKind::Try {
            body: stmts(&f[0]),
            handlers: list(&f[1])
                .iter()
                .map(|h| {
                    let (_, hs, hf) = node(h);
                    ExceptHandler {
                        span: hs,
                        type_: oexpr(&hf[0]),
                        name: os(&hf[1]),
                        body: stmts(&hf[2]),
                    }
                })
                .collect(),
            orelse: stmts(&f[2]),
            finalbody: stmts(&f[3]),
        },
        "Assert" => StmtKind::Assert {
            test: expr(&f[0]),
            msg: oexpr(&f[1]),
        },
        "Import" => StmtKind::Import(list(&f[0]).iter().map(alias).collect()),
        "ImportFrom" => StmtKind::ImportFrom {
            module: os(&f[0]),
            names: list(&f[1]).iter().map(alias).collect(),
            level: int(&f[2]) as u32,
        },
        "Global" => StmtKind::Global(list(&f[0]).iter().map(s).collect()),
        "Nonlocal" => StmtKind::Nonlocal(list(&f[0]).iter().map(s).collect()),
        "Expr" => StmtKind::Expr(expr(&f[0])),
        "Pass" => StmtKind::Pass,
        "Break" => StmtKind::Break,
        "Continue" => StmtKind::Continue,
        _ => panic!("unsupported statement {k}"),
    };
    Stmt { span, kind }
}

fn expr(v: &V) -> Expr {
    let (k, span, f) = node(v);
    let kind = match k {
        "BoolOp" => ExprKind::BoolOp {
            op: if node(&f[0]).0 == "And" {
                BoolOperator::And
            } else {
                BoolOperator::Or
            },
            values: exprs(&f[1]),
        },
        "NamedExpr" => ExprKind::NamedExpr {
            target: bexpr(&f[0]),
            value: bexpr(&f[1]),
        },
        "BinOp" => ExprKind::BinOp {
            left: bexpr(&f[0]),
            op: operator(&f[1]),
            right: bexpr(&f[2]),
        },
        "UnaryOp" => ExprKind::UnaryOp {
            op: match node(&f[0]).0 {
                "Invert" => UnaryOperator::Invert,
                "Not" => UnaryOperator::Not,
                "UAdd" => UnaryOperator::UAdd,
                _ => UnaryOperator::USub,
            },
            operand: bexpr(&f[1]),
        },
        "Lambda" => ExprKind::Lambda {
            args: Box::new(arguments(&f[0])),
            body: bexpr(&f[1]),
        },
        "IfExp" => ExprKind::IfExp {
            test: bexpr(&f[0]),
            body: bexpr(&f[1]),
            orelse: bexpr(&f[2]),
        },
        "Dict" => ExprKind::Dict {
            keys: list(&f[0]).iter().map(oexpr).collect(),
            values: exprs(&f[1]),
        },
        "Set" => ExprKind::Set(exprs(&f[0])),
        "ListComp" => ExprKind::ListComp {
            elt: bexpr(&f[0]),
            generators: list(&f[1]).iter().map(comprehension).collect(),
        },
        "SetComp" => ExprKind::SetComp {
            elt: bexpr(&f[0]),
            generators: list(&f[1]).iter().map(comprehension).collect(),
        },
        "GeneratorExp" => ExprKind::GeneratorExp {
            elt: bexpr(&f[0]),
            generators: list(&f[1]).iter().map(comprehension).collect(),
        },
        "DictComp" => ExprKind::DictComp {
            key: bexpr(&f[0]),
            value: bexpr(&f[1]),
            generators: list(&f[2]).iter().map(comprehension).collect(),
        },
        "Await" => ExprKind::Await(bexpr(&f[0])),
        "Yield" => ExprKind::Yield(oexpr(&f[0]).map(Box::new)),
        "YieldFrom" => ExprKind::YieldFrom(bexpr(&f[0])),
        "Compare" => ExprKind::Compare {
            left: bexpr(&f[0]),
            ops: list(&f[1]).iter().map(cmpop).collect(),
            comparators: exprs(&f[2]),
        },
        "Call" => ExprKind::Call {
            func: bexpr(&f[0]),
            args: exprs(&f[1]),
            keywords: list(&f[2]).iter().map(keyword).collect(),
        },
        "FormattedValue" => ExprKind::FormattedValue {
            value: bexpr(&f[0]),
            conversion: int(&f[1]) as i32,
            format_spec: oexpr(&f[2]).map(Box::new),
        },
        "JoinedStr" => ExprKind::JoinedStr(exprs(&f[0])),
        "Constant" => ExprKind::Constant(constant(&f[0])),
        "Attribute" => ExprKind::Attribute {
            value: bexpr(&f[0]),
            attr: s(&f[1]),
            ctx: ctx(&f[2]),
        },
        "Subscript" => ExprKind::Subscript {
            value: bexpr(&f[0]),
            slice: bexpr(&f[1]),
            ctx: ctx(&f[2]),
        },
        "Starred" => ExprKind::Starred {
            value: bexpr(&f[0]),
            ctx: ctx(&f[1]),
        },
        "Name" => ExprKind::Name {
            id: s(&f[0]),
            ctx: ctx(&f[1]),
        },
        "List" => ExprKind::List {
            elts: exprs(&f[0]),
            ctx: ctx(&f[1]),
        },
        "Tuple" => ExprKind::Tuple {
            elts: exprs(&f[0]),
            ctx: ctx(&f[1]),
        },
        "Slice" => ExprKind::Slice {
            lower: oexpr(&f[0]).map(Box::new),
            upper: oexpr(&f[1]).map(Box::new),
            step: oexpr(&f[2]).map(Box::new),
        },
        _ => panic!("unsupported expression {k}"),
    };
    Expr { span, kind }
}

/// Whether python3 is available.
pub fn have_python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Parse a file with CPython and convert its AST.
pub fn parse_file(path: &Path) -> Module {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/ast_dump.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "ast_dump failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let toks: Vec<&str> = text.split_whitespace().collect();
    let mut pos = 0;
    let v = parse_tokens(&toks, &mut pos);
    let (_, _, f) = node(&v);
    Module { body: stmts(&f[0]) }
}

/// Parse source text with CPython (through a temporary file).
pub fn parse_source(src: &str) -> Module {
    let dir = std::env::temp_dir().join(format!("pysim-pyast-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let path = dir.join(format!("src{n}.py"));
    std::fs::write(&path, src).unwrap();
    let m = parse_file(&path);
    let _ = std::fs::remove_file(&path);
    m
}
