//! The exercise format: prediction markers written as Python comments, so an
//! exercise file still runs under python3 (see `docs/exercises.md`).
//!
//! ```text
//! print(len(a))          # predict: output -> ?
//! # label: box = a
//! # predict: refcount(a) == ?
//! # predict: same(a, b) == ?
//! # predict: alive(box) == ?
//! ```
//!
//! `output` markers sit at the end of the line that prints; the other
//! markers (and labels) sit on a line of their own and are about the moment
//! execution first reaches that line. An answer of `?` (or nothing) is
//! unanswered. Parsing never panics: a malformed marker is an
//! [`ExerciseError`] naming its line.

use std::fmt;

/// What a question asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// What the line prints (all of its output over the run).
    Output,
    /// The reference count (`ob_refcnt`) of the object a name refers to.
    Refcount(String),
    /// Whether the object labelled so is still alive.
    Alive(String),
    /// Whether two names refer to the same object.
    Same(String, String),
}

impl fmt::Display for Ask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ask::Output => write!(f, "output ->"),
            Ask::Refcount(n) => write!(f, "refcount({n}) =="),
            Ask::Alive(n) => write!(f, "alive({n}) =="),
            Ask::Same(a, b) => write!(f, "same({a}, {b}) =="),
        }
    }
}

/// One prediction in an exercise file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// 1-based source line of the marker.
    pub line: u32,
    pub ask: Ask,
    /// The student's answer, None when unanswered (`?` or empty).
    pub answer: Option<String>,
    /// Byte range of the answer text within the line (for filling in).
    pub answer_span: (usize, usize),
}

/// `# label: NAME = EXPR_NAME`: names the object a variable refers to at that point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub line: u32,
    pub label: String,
    pub name: String,
}

/// A parsed exercise: its source, questions and labels in line order.
#[derive(Debug, Clone, Default)]
pub struct Exercise {
    pub source: String,
    pub questions: Vec<Question>,
    pub labels: Vec<Label>,
}

/// A malformed exercise, with the line it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseError {
    pub line: u32,
    pub message: String,
}

impl fmt::Display for ExerciseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ExerciseError {}

fn err(line: u32, message: impl Into<String>) -> ExerciseError {
    ExerciseError {
        line,
        message: message.into(),
    }
}

/// Where the comment of a line starts (a `#` outside string literals), given
/// whether the line starts inside a triple-quoted string; returns the comment
/// start and whether the line ends inside one.
fn comment_start(
    line: &str,
    mut in_triple: Option<&'static str>,
) -> (Option<usize>, Option<&'static str>) {
    let b = line.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < b.len() {
        if let Some(t) = in_triple {
            if line[i..].starts_with(t) {
                in_triple = None;
                i += 3;
            } else {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            continue;
        }
        match (quote, b[i]) {
            (Some(_), b'\\') => i += 1,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'#') => return (Some(i), None),
            (None, b'"') if line[i..].starts_with("\"\"\"") => {
                in_triple = Some("\"\"\"");
                i += 2;
            }
            (None, b'\'') if line[i..].starts_with("'''") => {
                in_triple = Some("'''");
                i += 2;
            }
            (None, c @ (b'"' | b'\'')) => quote = Some(c),
            _ => {}
        }
        i += 1;
    }
    (None, in_triple)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Parses `NAME(ARGS)` into the name and its comma-separated identifiers.
fn call_args(text: &str, line: u32) -> Result<(&str, Vec<&str>), ExerciseError> {
    let open = text
        .find('(')
        .ok_or_else(|| err(line, format!("expected `{text}(...)`")))?;
    let close = text
        .rfind(')')
        .filter(|&c| c > open && text[c + 1..].trim().is_empty())
        .ok_or_else(|| err(line, format!("missing `)` in `{text}`")))?;
    let args: Vec<&str> = text[open + 1..close].split(',').map(str::trim).collect();
    for a in &args {
        if !is_identifier(a) {
            return Err(err(line, format!("`{a}` is not a variable name or label")));
        }
    }
    Ok((text[..open].trim(), args))
}

/// Parses the text after `predict:`; `offset` is where it starts in the line.
fn parse_question(
    text: &str,
    offset: usize,
    line: u32,
    standalone: bool,
) -> Result<Question, ExerciseError> {
    let (lhs, sep) = if let Some(i) = text.find("->") {
        (i, 2)
    } else if let Some(i) = text.find("==") {
        (i, 2)
    } else {
        return Err(err(
            line,
            "a prediction needs `output -> ANSWER` or `…(…) == ANSWER`",
        ));
    };
    let head = text[..lhs].trim();
    let raw = &text[lhs + sep..];
    let lead = raw.len() - raw.trim_start().len();
    let answer_text = raw.trim();
    let start = offset + lhs + sep + lead;
    let answer_span = (start, start + answer_text.len());
    let answer = match answer_text {
        "" | "?" => None,
        a => Some(a.to_string()),
    };
    let ask = if head == "output" {
        if text[lhs..].starts_with("==") {
            return Err(err(line, "write `output -> ANSWER` (with an arrow)"));
        }
        Ask::Output
    } else {
        let (func, args) = call_args(head, line)?;
        match (func, args.as_slice()) {
            ("refcount", [n]) => Ask::Refcount(n.to_string()),
            ("alive", [n]) => Ask::Alive(n.to_string()),
            ("same", [a, b]) => Ask::Same(a.to_string(), b.to_string()),
            ("refcount" | "alive", _) => {
                return Err(err(line, format!("{func}() takes one name")));
            }
            ("same", _) => return Err(err(line, "same() takes two names")),
            _ => {
                return Err(err(
                    line,
                    format!("unknown prediction `{func}`: use output, refcount, alive or same"),
                ));
            }
        }
    };
    match (&ask, standalone) {
        (Ask::Output, true) => Err(err(
            line,
            "an output prediction goes at the end of the line that prints",
        )),
        (Ask::Output, false) => Ok(Question {
            line,
            ask,
            answer,
            answer_span,
        }),
        (_, false) => Err(err(
            line,
            "refcount/alive/same predictions go on a line of their own (they are about the moment between two statements)",
        )),
        (_, true) => Ok(Question {
            line,
            ask,
            answer,
            answer_span,
        }),
    }
}

/// Parses an exercise file.
pub fn parse(source: &str) -> Result<Exercise, ExerciseError> {
    let mut ex = Exercise {
        source: source.to_string(),
        ..Exercise::default()
    };
    let mut in_triple = None;
    for (i, text) in source.lines().enumerate() {
        let line = i as u32 + 1;
        let started_in_string = in_triple.is_some();
        let (hash, after) = comment_start(text, in_triple);
        in_triple = after;
        let Some(hash) = hash else { continue };
        let comment = text[hash + 1..].trim_start();
        let offset = text.len() - comment.len();
        let standalone = !started_in_string && text[..hash].trim().is_empty();
        if let Some(rest) = comment.strip_prefix("predict:") {
            let q = parse_question(rest, offset + "predict:".len(), line, standalone)?;
            ex.questions.push(q);
        } else if let Some(rest) = comment.strip_prefix("label:") {
            if !standalone {
                return Err(err(line, "a label goes on a line of its own"));
            }
            let (label, name) = rest
                .split_once('=')
                .map(|(l, n)| (l.trim(), n.trim()))
                .ok_or_else(|| err(line, "write `# label: LABEL = NAME`"))?;
            for part in [label, name] {
                if !is_identifier(part) {
                    return Err(err(line, format!("`{part}` is not a name")));
                }
            }
            if ex.labels.iter().any(|l| l.label == label) {
                return Err(err(line, format!("label `{label}` is defined twice")));
            }
            ex.labels.push(Label {
                line,
                label: label.to_string(),
                name: name.to_string(),
            });
        } else if comment.starts_with("predict") || comment.starts_with("label") {
            return Err(err(
                line,
                "a marker is `# predict: …` or `# label: …` (with a colon)",
            ));
        }
    }
    for q in &ex.questions {
        if let Ask::Alive(l) = &q.ask {
            match ex.labels.iter().find(|d| &d.label == l) {
                None => {
                    return Err(err(
                        q.line,
                        format!("alive({l}) needs a label: add `# label: {l} = NAME` earlier"),
                    ));
                }
                Some(d) if d.line > q.line => {
                    return Err(err(
                        q.line,
                        format!("label `{l}` is defined later, at line {}", d.line),
                    ));
                }
                Some(_) => {}
            }
        }
    }
    Ok(ex)
}

impl Exercise {
    /// Lines where the program's state is read (standalone markers and labels).
    pub fn probe_lines(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .questions
            .iter()
            .filter(|q| q.ask != Ask::Output)
            .map(|q| q.line)
            .chain(self.labels.iter().map(|l| l.line))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The source with every standalone marker line replaced by `pass` at the
    /// comment's indentation: line numbers stay, and execution reports a line
    /// event exactly where the marker is.
    pub fn instrumented(&self) -> String {
        let probes = self.probe_lines();
        let mut out = String::with_capacity(self.source.len());
        for (i, text) in self.source.lines().enumerate() {
            if probes.binary_search(&(i as u32 + 1)).is_ok() {
                let indent = text.len() - text.trim_start().len();
                out.push_str(&text[..indent]);
                out.push_str("pass");
            } else {
                out.push_str(text);
            }
            out.push('\n');
        }
        out
    }

    /// The source with each question's answer replaced by `answers[i]`.
    pub fn with_answers(&self, answers: &[Option<String>]) -> String {
        let mut lines: Vec<String> = self.source.lines().map(str::to_string).collect();
        // Replace from the right so earlier spans on the same line stay valid.
        let mut order: Vec<usize> = (0..self.questions.len()).collect();
        order.sort_by_key(|&i| {
            std::cmp::Reverse((self.questions[i].line, self.questions[i].answer_span.0))
        });
        for i in order {
            let q = &self.questions[i];
            let Some(text) = lines.get_mut(q.line as usize - 1) else {
                continue;
            };
            let (a, b) = q.answer_span;
            let new = answers
                .get(i)
                .cloned()
                .flatten()
                .unwrap_or_else(|| "?".into());
            if a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
                text.replace_range(a..b, &new);
            }
        }
        let mut out = lines.join("\n");
        if self.source.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}
