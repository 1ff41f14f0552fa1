//! `pysim export LESSON.py -o LESSON.html`: one self-contained HTML page that
//! opens offline by double-click. It holds the program, its narrative (the
//! lesson's comments), the run recorded natively by pysim (one snapshot per
//! line: the call stack and the running frame's variables with refcounts,
//! embedded as JSON) with a small step-through viewer, and the quiz (the
//! lesson's own `# predict:` questions, or those of its exercises) with the
//! answers and explanations from the run. No wasm: this is the fallback the
//! issue allows until the playground build can be inlined.

use super::exercises::{Loaded, load};
use pysim::exercise::{self, Fact, Step};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A JSON string literal (safe inside a `<script>` element).
fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn steps_json(steps: &[Step]) -> String {
    let items: Vec<String> = steps
        .iter()
        .map(|s| {
            let stack: Vec<String> = s.stack.iter().map(|n| json_str(n)).collect();
            let vars: Vec<String> = s
                .vars
                .iter()
                .map(|(n, d, rc)| format!("[{},{},{rc}]", json_str(n), json_str(d)))
                .collect();
            format!(
                "{{\"line\":{},\"stack\":[{}],\"vars\":[{}],\"out\":{}}}",
                s.line,
                stack.join(","),
                vars.join(","),
                s.output_len
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// The quiz questions of one exercise file as JSON (see docs/exercises.md).
pub fn quiz_json(l: &Loaded) -> Result<String, String> {
    let (ex, run, report) = super::exercises::check_loaded(l)?;
    let items: Vec<String> = report
        .marks
        .iter()
        .zip(&run.facts)
        .map(|(m, f)| {
            let kind = match f {
                Fact::Output(_) => "output",
                Fact::Refcount { .. } => "refcount",
                Fact::Alive { .. } => "alive",
                Fact::Same { .. } => "same",
                _ => "other",
            };
            let expl: Vec<String> = m.explanation.iter().map(|e| json_str(e)).collect();
            format!(
                "{{\"line\":{},\"kind\":\"{kind}\",\"question\":{},\"answer\":{},\"explanation\":[{}]}}",
                m.line,
                json_str(&m.question),
                json_str(&m.expected),
                expl.join(",")
            )
        })
        .collect();
    Ok(format!(
        "{{\"file\":{},\"source\":{},\"questions\":[{}]}}",
        json_str(&l.filename),
        json_str(&ex.with_answers(&vec![None; ex.questions.len()])),
        items.join(",")
    ))
}

/// The lesson's exercises (`exercises/NN_*.py` beside it).
fn exercises_of(lesson: &Path) -> Vec<PathBuf> {
    let name = lesson
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let number: String = name.chars().take_while(char::is_ascii_digit).collect();
    let dir = lesson
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("exercises");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let f = p.file_name().unwrap_or_default().to_string_lossy();
            !number.is_empty()
                && f.starts_with(&format!("{number}_"))
                && !f.ends_with("_solution.py")
                && f.ends_with(".py")
        })
        .collect();
    v.sort();
    v
}

/// The narrative: the lesson's comment lines, in order.
fn narrative(source: &str) -> String {
    source
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('#'))
        .filter(|c| {
            !c.trim_start().starts_with("predict:") && !c.trim_start().starts_with("label:")
        })
        .map(|c| c.strip_prefix(' ').unwrap_or(c))
        .collect::<Vec<_>>()
        .join("\n")
}

const PAGE: &str = include_str!("export_page.html");

pub fn export(file: PathBuf, output: PathBuf) -> i32 {
    let lesson = match load(&file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let parsed = match exercise::parse(&lesson.source) {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("{}:{}: {}", lesson.display, e.line, e.message);
            return 2;
        }
    };
    let host = Box::new(super::exercises::FolderHost {
        base: lesson.folder.clone(),
    });
    let run = match exercise::run_exercise(&parsed, &lesson.filename, host, true) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}:{}: {}", lesson.display, e.line, e.message);
            return 2;
        }
    };
    let mut quizzes = Vec::new();
    let sources: Vec<PathBuf> = if parsed.questions.is_empty() {
        exercises_of(&file)
    } else {
        vec![file.clone()]
    };
    for p in sources {
        match load(&p).and_then(|l| quiz_json(&l)) {
            Ok(q) => quizzes.push(q),
            Err(e) => {
                eprintln!("{e}");
                return 2;
            }
        }
    }
    let data = format!(
        "{{\"title\":{},\"source\":{},\"narrative\":{},\"stdout\":{},\"stderr\":{},\"steps\":{},\"quizzes\":[{}]}}",
        json_str(&lesson.filename),
        json_str(&lesson.source),
        json_str(&narrative(&lesson.source)),
        json_str(&run.stdout),
        json_str(&run.stderr),
        steps_json(&run.steps),
        quizzes.join(",")
    );
    let html = PAGE
        .replace("{{TITLE}}", &lesson.filename.replace('<', "&lt;"))
        .replace("{{DATA}}", &data);
    match std::fs::write(&output, html) {
        Ok(()) => {
            println!(
                "wrote {} ({} steps, {} quiz files)",
                output.display(),
                run.steps.len(),
                quizzes.len()
            );
            0
        }
        Err(e) => {
            eprintln!("pysim: cannot write {}: {e}", output.display());
            2
        }
    }
}
