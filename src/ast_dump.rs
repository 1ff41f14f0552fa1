//! `dump(&Module)` reproduces CPython 3.11's `ast.dump(tree)` text exactly
//! (and, with attributes, `ast.dump(tree, include_attributes=True)`), so
//! parser output can be compared with the reference implementation.

use crate::ast::*;

/// `ast.dump(tree)`.
pub fn dump(m: &Module) -> String {
    D { attrs: false }.module(m)
}

/// `ast.dump(tree, include_attributes=True)`.
pub fn dump_with_attributes(m: &Module) -> String {
    D { attrs: true }.module(m)
}

/// `ast.dump(expr)` for a single expression.
pub fn dump_expr(e: &Expr) -> String {
    D { attrs: false }.expr(e)
}

struct D {
    attrs: bool,
}

type Fields<'a> = Vec<(&'a str, Option<String>)>;

impl D {
    fn node(&self, name: &str, fields: Fields, span: Option<Span>) -> String {
        let mut parts: Vec<String> = fields
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}={v}")))
            .collect();
        if let (true, Some(s)) = (self.attrs, span) {
            parts.push(format!("lineno={}", s.line));
            parts.push(format!("col_offset={}", s.col));
            parts.push(format!("end_lineno={}", s.end_line));
            parts.push(format!("end_col_offset={}", s.end_col));
        }
        format!("{name}({})", parts.join(", "))
    }

    fn list<T>(&self, v: &[T], f: impl Fn(&T) -> String) -> Option<String> {
        Some(format!(
            "[{}]",
            v.iter().map(f).collect::<Vec<_>>().join(", ")
        ))
    }

    fn stmts(&self, v: &[Stmt]) -> Option<String> {
        self.list(v, |s| self.stmt(s))
    }

    fn exprs(&self, v: &[Expr]) -> Option<String> {
        self.list(v, |e| self.expr(e))
    }

    fn opt(&self, e: &Option<Expr>) -> Option<String> {
        e.as_ref().map(|e| self.expr(e))
    }

    fn optb(&self, e: &Option<Box<Expr>>) -> Option<String> {
        e.as_ref().map(|e| self.expr(e))
    }

    fn e(&self, e: &Expr) -> Option<String> {
        Some(self.expr(e))
    }

    fn module(&self, m: &Module) -> String {
        self.node(
            "Module",
            vec![
                ("body", self.stmts(&m.body)),
                ("type_ignores", Some("[]".into())),
            ],
            None,
        )
    }

    fn stmt(&self, s: &Stmt) -> String {
        let sp = Some(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.node(
                "FunctionDef",
                vec![
                    ("name", Some(repr_str(&f.name))),
                    ("args", Some(self.arguments(&f.args))),
                    ("body", self.stmts(&f.body)),
                    ("decorator_list", self.exprs(&f.decorator_list)),
                    ("returns", self.opt(&f.returns)),
                ],
                sp,
            ),
            StmtKind::ClassDef(c) => self.node(
                "ClassDef",
                vec![
                    ("name", Some(repr_str(&c.name))),
                    ("bases", self.exprs(&c.bases)),
                    ("keywords", self.list(&c.keywords, |k| self.keyword(k))),
                    ("body", self.stmts(&c.body)),
                    ("decorator_list", self.exprs(&c.decorator_list)),
                ],
                sp,
            ),
            StmtKind::Return(v) => self.node("Return", vec![("value", self.opt(v))], sp),
            StmtKind::Delete(t) => self.node("Delete", vec![("targets", self.exprs(t))], sp),
            StmtKind::Assign { targets, value } => self.node(
                "Assign",
                vec![("targets", self.exprs(targets)), ("value", self.e(value))],
                sp,
            ),
            StmtKind::AugAssign { target, op, value } => self.node(
                "AugAssign",
                vec![
                    ("target", self.e(target)),
                    ("op", Some(format!("{}()", op_name(*op)))),
                    ("value", self.e(value)),
                ],
                sp,
            ),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.node(
                "AnnAssign",
                vec![
                    ("target", self.e(target)),
                    ("annotation", self.e(annotation)),
                    ("value", self.opt(value)),
                    ("simple", Some((*simple as u8).to_string())),
                ],
                sp,
            ),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.node(
                "For",
                vec![
                    ("target", self.e(target)),
                    ("iter", self.e(iter)),
                    ("body", self.stmts(body)),
                    ("orelse", self.stmts(orelse)),
                ],
                sp,
            ),
            StmtKind::While { test, body, orelse } => self.node(
                "While",
                vec![
                    ("test", self.e(test)),
                    ("body", self.stmts(body)),
                    ("orelse", self.stmts(orelse)),
                ],
                sp,
            ),
            StmtKind::If { test, body, orelse } => self.node(
                "If",
                vec![
                    ("test", self.e(test)),
                    ("body", self.stmts(body)),
                    ("orelse", self.stmts(orelse)),
                ],
                sp,
            ),
            StmtKind::With { items, body } => self.node(
                "With",
                vec![
                    (
                        "items",
                        self.list(items, |w| {
                            self.node(
                                "withitem",
                                vec![
                                    ("context_expr", self.e(&w.context_expr)),
                                    ("optional_vars", self.opt(&w.optional_vars)),
                                ],
                                None,
                            )
                        }),
                    ),
                    ("body", self.stmts(body)),
                ],
                sp,
            ),
            StmtKind::Raise { exc, cause } => self.node(
                "Raise",
                vec![("exc", self.opt(exc)), ("cause", self.opt(cause))],
                sp,
            ),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.node(
                "Try",
                vec![
                    ("body", self.stmts(body)),
                    (
                        "handlers",
                        self.list(handlers, |h| {
                            self.node(
                                "ExceptHandler",
                                vec![
                                    ("type", self.opt(&h.type_)),
                                    ("name", h.name.as_ref().map(|n| repr_str(n))),
                                    ("body", self.stmts(&h.body)),
                                ],
                                Some(h.span),
                            )
                        }),
                    ),
                    ("orelse", self.stmts(orelse)),
                    ("finalbody", self.stmts(finalbody)),
                ],
                sp,
            ),
            StmtKind::Assert { test, msg } => self.node(
                "Assert",
                vec![("test", self.e(test)), ("msg", self.opt(msg))],
                sp,
            ),
            StmtKind::Import(names) => self.node(
                "Import",
                vec![("names", self.list(names, |a| self.alias(a)))],
                sp,
            ),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.node(
                "ImportFrom",
                vec![
                    ("module", module.as_ref().map(|m| repr_str(m))),
                    ("names", self.list(names, |a| self.alias(a))),
                    ("level", Some(level.to_string())),
                ],
                sp,
            ),
            StmtKind::Global(n) => {
                self.node("Global", vec![("names", self.list(n, |s| repr_str(s)))], sp)
            }
            StmtKind::Nonlocal(n) => self.node(
                "Nonlocal",
                vec![("names", self.list(n, |s| repr_str(s)))],
                sp,
            ),
            StmtKind::Expr(e) => self.node("Expr", vec![("value", self.e(e))], sp),
            StmtKind::Pass => self.node("Pass", vec![], sp),
            StmtKind::Break => self.node("Break", vec![], sp),
            StmtKind::Continue => self.node("Continue", vec![], sp),
        }
    }

    fn alias(&self, a: &Alias) -> String {
        self.node(
            "alias",
            vec![
                ("name", Some(repr_str(&a.name))),
                ("asname", a.asname.as_ref().map(|n| repr_str(n))),
            ],
            Some(a.span),
        )
    }

    fn keyword(&self, k: &Keyword) -> String {
        self.node(
            "keyword",
            vec![
                ("arg", k.arg.as_ref().map(|n| repr_str(n))),
                ("value", self.e(&k.value)),
            ],
            Some(k.span),
        )
    }

    fn arg(&self, a: &Arg) -> String {
        self.node(
            "arg",
            vec![
                ("arg", Some(repr_str(&a.arg))),
                ("annotation", self.opt(&a.annotation)),
            ],
            Some(a.span),
        )
    }

    fn arguments(&self, a: &Arguments) -> String {
        self.node(
            "arguments",
            vec![
                ("posonlyargs", self.list(&a.posonlyargs, |x| self.arg(x))),
                ("args", self.list(&a.args, |x| self.arg(x))),
                ("vararg", a.vararg.as_ref().map(|x| self.arg(x))),
                ("kwonlyargs", self.list(&a.kwonlyargs, |x| self.arg(x))),
                (
                    "kw_defaults",
                    self.list(&a.kw_defaults, |d| {
                        d.as_ref().map_or("None".into(), |e| self.expr(e))
                    }),
                ),
                ("kwarg", a.kwarg.as_ref().map(|x| self.arg(x))),
                ("defaults", self.exprs(&a.defaults)),
            ],
            None,
        )
    }

    fn comps(&self, g: &[Comprehension]) -> Option<String> {
        self.list(g, |c| {
            self.node(
                "comprehension",
                vec![
                    ("target", self.e(&c.target)),
                    ("iter", self.e(&c.iter)),
                    ("ifs", self.exprs(&c.ifs)),
                    ("is_async", Some((c.is_async as u8).to_string())),
                ],
                None,
            )
        })
    }

    fn expr(&self, e: &Expr) -> String {
        let sp = Some(e.span);
        let ctx = |c: &Ctx| Some(format!("{c:?}()"));
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.node(
                "BoolOp",
                vec![
                    ("op", Some(format!("{op:?}()"))),
                    ("values", self.exprs(values)),
                ],
                sp,
            ),
            ExprKind::NamedExpr { target, value } => self.node(
                "NamedExpr",
                vec![("target", self.e(target)), ("value", self.e(value))],
                sp,
            ),
            ExprKind::BinOp { left, op, right } => self.node(
                "BinOp",
                vec![
                    ("left", self.e(left)),
                    ("op", Some(format!("{}()", op_name(*op)))),
                    ("right", self.e(right)),
                ],
                sp,
            ),
            ExprKind::UnaryOp { op, operand } => self.node(
                "UnaryOp",
                vec![
                    ("op", Some(format!("{op:?}()"))),
                    ("operand", self.e(operand)),
                ],
                sp,
            ),
            ExprKind::Lambda { args, body } => self.node(
                "Lambda",
                vec![("args", Some(self.arguments(args))), ("body", self.e(body))],
                sp,
            ),
            ExprKind::IfExp { test, body, orelse } => self.node(
                "IfExp",
                vec![
                    ("test", self.e(test)),
                    ("body", self.e(body)),
                    ("orelse", self.e(orelse)),
                ],
                sp,
            ),
            ExprKind::Dict { keys, values } => self.node(
                "Dict",
                vec![
                    (
                        "keys",
                        self.list(keys, |k| k.as_ref().map_or("None".into(), |k| self.expr(k))),
                    ),
                    ("values", self.exprs(values)),
                ],
                sp,
            ),
            ExprKind::Set(elts) => self.node("Set", vec![("elts", self.exprs(elts))], sp),
            ExprKind::ListComp { elt, generators } => self.node(
                "ListComp",
                vec![("elt", self.e(elt)), ("generators", self.comps(generators))],
                sp,
            ),
            ExprKind::SetComp { elt, generators } => self.node(
                "SetComp",
                vec![("elt", self.e(elt)), ("generators", self.comps(generators))],
                sp,
            ),
            ExprKind::GeneratorExp { elt, generators } => self.node(
                "GeneratorExp",
                vec![("elt", self.e(elt)), ("generators", self.comps(generators))],
                sp,
            ),
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.node(
                "DictComp",
                vec![
                    ("key", self.e(key)),
                    ("value", self.e(value)),
                    ("generators", self.comps(generators)),
                ],
                sp,
            ),
            ExprKind::Await(v) => self.node("Await", vec![("value", self.e(v))], sp),
            ExprKind::Yield(v) => self.node("Yield", vec![("value", self.optb(v))], sp),
            ExprKind::YieldFrom(v) => self.node("YieldFrom", vec![("value", self.e(v))], sp),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.node(
                "Compare",
                vec![
                    ("left", self.e(left)),
                    ("ops", self.list(ops, |o| format!("{o:?}()"))),
                    ("comparators", self.exprs(comparators)),
                ],
                sp,
            ),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.node(
                "Call",
                vec![
                    ("func", self.e(func)),
                    ("args", self.exprs(args)),
                    ("keywords", self.list(keywords, |k| self.keyword(k))),
                ],
                sp,
            ),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.node(
                "FormattedValue",
                vec![
                    ("value", self.e(value)),
                    ("conversion", Some(conversion.to_string())),
                    ("format_spec", self.optb(format_spec)),
                ],
                sp,
            ),
            ExprKind::JoinedStr(v) => self.node("JoinedStr", vec![("values", self.exprs(v))], sp),
            ExprKind::Constant(c) => {
                self.node("Constant", vec![("value", Some(repr_const(c)))], sp)
            }
            ExprKind::Attribute {
                value,
                attr,
                ctx: c,
            } => self.node(
                "Attribute",
                vec![
                    ("value", self.e(value)),
                    ("attr", Some(repr_str(attr))),
                    ("ctx", ctx(c)),
                ],
                sp,
            ),
            ExprKind::Subscript {
                value,
                slice,
                ctx: c,
            } => self.node(
                "Subscript",
                vec![
                    ("value", self.e(value)),
                    ("slice", self.e(slice)),
                    ("ctx", ctx(c)),
                ],
                sp,
            ),
            ExprKind::Starred { value, ctx: c } => self.node(
                "Starred",
                vec![("value", self.e(value)), ("ctx", ctx(c))],
                sp,
            ),
            ExprKind::Name { id, ctx: c } => self.node(
                "Name",
                vec![("id", Some(repr_str(id))), ("ctx", ctx(c))],
                sp,
            ),
            ExprKind::List { elts, ctx: c } => self.node(
                "List",
                vec![("elts", self.exprs(elts)), ("ctx", ctx(c))],
                sp,
            ),
            ExprKind::Tuple { elts, ctx: c } => self.node(
                "Tuple",
                vec![("elts", self.exprs(elts)), ("ctx", ctx(c))],
                sp,
            ),
            ExprKind::Slice { lower, upper, step } => self.node(
                "Slice",
                vec![
                    ("lower", self.optb(lower)),
                    ("upper", self.optb(upper)),
                    ("step", self.optb(step)),
                ],
                sp,
            ),
        }
    }
}

fn op_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
        Operator::LShift => "LShift",
        Operator::MatMult => "MatMult",
        Operator::Mult => "Mult",
        Operator::Mod => "Mod",
        Operator::BitOr => "BitOr",
        Operator::Pow => "Pow",
        Operator::RShift => "RShift",
        Operator::Sub => "Sub",
        Operator::Div => "Div",
        Operator::BitXor => "BitXor",
    }
}

fn repr_const(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => repr_float(*f),
        Constant::Complex(f) => {
            let r = repr_float(*f);
            let r = r.strip_suffix(".0").unwrap_or(&r).to_string();
            format!("{r}j")
        }
        Constant::Str(s) => repr_str(s),
        Constant::Bytes(b) => repr_bytes(b),
        Constant::Ellipsis => "Ellipsis".into(),
        // Produced only by the compiler's constant folding, never by the parser.
        Constant::Tuple(items) => {
            let v: Vec<String> = items.iter().map(repr_const).collect();
            if v.len() == 1 {
                format!("({},)", v[0])
            } else {
                format!("({})", v.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let v: Vec<String> = items.iter().map(repr_const).collect();
            if v.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", v.join(", "))
            }
        }
        Constant::ComplexPair { real, imag } => {
            crate::dis::const_repr(&crate::bytecode::Const::Complex {
                real: *real,
                imag: *imag,
            })
        }
    }
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form outside [1e-4, 1e16).
pub fn repr_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // Shortest digits via Rust's `{:e}` (round-trip exact).
    let s = format!("{:e}", f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        let body = if exp >= 0 {
            if n <= exp + 1 {
                format!("{}{}.0", digits, "0".repeat((exp + 1 - n) as usize))
            } else {
                format!(
                    "{}.{}",
                    &digits[..(exp + 1) as usize],
                    &digits[(exp + 1) as usize..]
                )
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{body}")
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let es = if exp < 0 {
            format!("-{:02}", -exp)
        } else {
            format!("+{:02}", exp)
        };
        format!("{sign}{m}e{es}")
    }
}

fn is_printable(c: char) -> bool {
    if c.is_control() {
        return false;
    }
    if c != ' ' && c.is_whitespace() {
        return false;
    }
    !matches!(c as u32, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

/// Python's `repr(str)`.
pub fn repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(q);
    out
}

/// Python's `repr(bytes)`.
pub fn repr_bytes(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(q as char);
    out
}
