//! Grading: each answer against what the run showed, with an explanation
//! drawn from the run (holders, the moment of death, the printed text).

use super::format::{Ask, Exercise};
use super::probe::{Fact, Run};

/// The grade of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub line: u32,
    /// The question as written: `refcount(a) ==`.
    pub question: String,
    pub given: Option<String>,
    /// The correct answer, as it would be written in the file.
    pub expected: String,
    pub correct: bool,
    /// Why the correct answer is what it is (always filled in).
    pub explanation: Vec<String>,
    /// The question could not be answered by the run (never reached, unbound
    /// name): a fault of the exercise, not the student.
    pub broken: bool,
}

/// The grade of one exercise file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub marks: Vec<Mark>,
}

impl Report {
    pub fn score(&self) -> usize {
        self.marks.iter().filter(|m| m.correct).count()
    }
    pub fn total(&self) -> usize {
        self.marks.len()
    }
    pub fn broken(&self) -> impl Iterator<Item = &Mark> {
        self.marks.iter().filter(|m| m.broken)
    }
}

/// Written after `output ->` for a line that prints nothing.
pub const NOTHING: &str = "(nothing)";

/// Output text as written after `output ->`: newlines as `\n`, backslashes
/// doubled, and [`NOTHING`] when the line printed nothing.
pub fn output_answer(text: &str) -> String {
    if text.is_empty() {
        return NOTHING.into();
    }
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

/// The correct answer for a fact, as it would be written in the file.
pub fn expected_answer(fact: &Fact) -> Option<String> {
    Some(match fact {
        Fact::Output(t) => output_answer(t),
        Fact::Refcount { value, .. } => value.to_string(),
        Fact::Alive { alive, .. } => py_bool(*alive).into(),
        Fact::Same { same, .. } => py_bool(*same).into(),
        Fact::NotReached | Fact::Problem(_) => return None,
    })
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    }
}

/// Whether `given` is the answer `fact` calls for.
fn matches(fact: &Fact, given: &str) -> bool {
    match fact {
        Fact::Output(t) => given.trim_end() == output_answer(t).trim_end(),
        Fact::Refcount { value, .. } => given.trim().parse::<u64>().ok() == Some(*value),
        Fact::Alive { alive, .. } => parse_bool(given) == Some(*alive),
        Fact::Same { same, .. } => parse_bool(given) == Some(*same),
        Fact::NotReached | Fact::Problem(_) => false,
    }
}

fn source_line(ex: &Exercise, line: u32) -> String {
    ex.source
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .map(|l| l.trim().to_string())
        .unwrap_or_default()
}

fn explain(ex: &Exercise, ask: &Ask, line: u32, fact: &Fact) -> Vec<String> {
    match (ask, fact) {
        (_, Fact::NotReached) => vec![format!(
            "execution never reached line {line}, so the run cannot answer this"
        )],
        (_, Fact::Problem(p)) => vec![format!("at line {line}: {p}")],
        (_, Fact::Output(t)) if t.is_empty() => vec![format!("line {line} printed nothing")],
        (_, Fact::Output(t)) => {
            let mut v = vec![format!("line {line} printed:")];
            v.extend(t.lines().map(|l| format!("    {l}")));
            v
        }
        (
            Ask::Refcount(name),
            Fact::Refcount {
                value,
                object,
                holders,
            },
        ) => {
            let mut v = vec![format!(
                "at line {line}, `{name}` refers to {object}; its reference count is {value} \
                 (sys.getrefcount({name}) would show {}, counting its own argument). Its holders:",
                value + 1
            )];
            v.extend(holders.iter().map(|h| format!("  - {h}")));
            v
        }
        (
            Ask::Alive(label),
            Fact::Alive {
                alive: true,
                object,
                holders,
                ..
            },
        ) => {
            let mut v = vec![format!(
                "`{label}` ({object}) is still alive at line {line}: something still holds it:"
            )];
            v.extend(holders.iter().map(|h| format!("  - {h}")));
            v
        }
        (
            Ask::Alive(label),
            Fact::Alive {
                alive: false,
                object,
                death,
                ..
            },
        ) => match death {
            Some(d) if d.line > 0 => vec![format!(
                "`{label}` ({object}) died at line {} (`{}`): {}",
                d.line,
                source_line(ex, d.line),
                d.how
            )],
            Some(d) => vec![format!("`{label}` ({object}) died: {}", d.how)],
            None => vec![format!(
                "`{label}` ({object}) is no longer alive at line {line}"
            )],
        },
        (
            Ask::Same(a, b),
            Fact::Same {
                same: true, a: d, ..
            },
        ) => vec![format!(
            "`{a}` and `{b}` refer to the same object ({d}): one object, two names"
        )],
        (
            Ask::Same(a, b),
            Fact::Same {
                same: false,
                a: da,
                b: db,
            },
        ) => vec![format!(
            "`{a}` refers to {da} and `{b}` to {db}: two different objects (`{a} is {b}` is False)"
        )],
        _ => Vec::new(),
    }
}

/// Grades the answers in `ex` against the run.
pub fn grade(ex: &Exercise, run: &Run) -> Report {
    let marks = ex
        .questions
        .iter()
        .zip(&run.facts)
        .map(|(q, fact)| {
            let expected = expected_answer(fact);
            let broken = expected.is_none();
            Mark {
                line: q.line,
                question: q.ask.to_string(),
                given: q.answer.clone(),
                correct: q.answer.as_deref().is_some_and(|a| matches(fact, a)),
                expected: expected.unwrap_or_else(|| "(no answer: see explanation)".into()),
                explanation: explain(ex, &q.ask, q.line, fact),
                broken,
            }
        })
        .collect();
    Report { marks }
}

/// The report as text for the terminal: one block per question, explanations
/// under every wrong or missing answer.
pub fn render(report: &Report, file: &str) -> String {
    let mut out = String::new();
    for m in &report.marks {
        let given = m.given.as_deref().unwrap_or("?");
        if m.correct {
            out.push_str(&format!(
                "{file}:{}: ok    {} {given}\n",
                m.line, m.question
            ));
            continue;
        }
        let verdict = if m.given.is_none() { "open " } else { "WRONG" };
        out.push_str(&format!(
            "{file}:{}: {verdict} {} {given}   (answer: {})\n",
            m.line, m.question, m.expected
        ));
        for e in &m.explanation {
            out.push_str(&format!("        {e}\n"));
        }
    }
    out.push_str(&format!("score: {}/{}\n", report.score(), report.total()));
    out
}

/// The exercise with every answer filled in from the run (the solution).
pub fn solution(ex: &Exercise, run: &Run) -> String {
    let answers: Vec<Option<String>> = run.facts.iter().map(expected_answer).collect();
    ex.with_answers(&answers)
}
