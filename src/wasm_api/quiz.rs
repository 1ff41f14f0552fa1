//! Quiz mode: an exercise's `# predict:` questions (docs/exercises.md),
//! graded by the same code as `pysim check`, for the playground and the
//! pages `pysim export` writes.
//!
//! The page sends the exercise's text and the student's answers; the answers
//! are written into the markers (`Exercise::with_answers`) and the filled-in
//! file is checked: run under pysim, every answer compared with the run,
//! every expected answer explained from it.

use super::json::{self, Json, JsonOut};
use super::runner::files_from_json;
use crate::exercise::{self, Ask};
use crate::host::MemoryHost;

fn kind(ask: &Ask) -> &'static str {
    match ask {
        Ask::Output => "output",
        Ask::Refcount(_) => "refcount",
        Ask::Alive(_) => "alive",
        Ask::Same(..) => "same",
    }
}

/// The answers JSON: `["2", null, "True"]` (null or missing: unanswered).
fn answers_from_json(text: &str, n: usize) -> Result<Vec<Option<String>>, String> {
    let mut out = vec![None; n];
    if text.trim().is_empty() {
        return Ok(out);
    }
    match json::parse(text).map_err(|e| format!("answers: {e}"))? {
        Json::Arr(items) => {
            for (slot, item) in out.iter_mut().zip(items) {
                *slot = item
                    .as_str()
                    .map(str::trim)
                    .filter(|a| !a.is_empty() && *a != "?")
                    // An answer is one comment line: line breaks as written `\n`.
                    .map(|a| a.replace('\r', "").replace('\n', "\\n"));
            }
            Ok(out)
        }
        _ => Err("answers: expected an array".into()),
    }
}

/// Grades `answers_json` for the exercise `source` (named `filename`;
/// `files_json` holds the other files it imports):
/// `{file, score, total, questions: [{line, kind, question, given, expected,
/// correct, broken, explanation: [text]}]}` or `{file, error}` when the file
/// is not a well-formed exercise. With no answers it lists the questions
/// (all open) with their answers, which the page reveals on "check".
pub fn quiz_json(source: &str, filename: &str, files_json: &str, answers_json: &str) -> String {
    let mut j = JsonOut::new();
    j.begin_obj();
    j.kv_str("file", filename);
    match grade(source, filename, files_json, answers_json) {
        Ok((ex, report)) => {
            j.kv_num("score", report.score());
            j.kv_num("total", report.total());
            j.key("questions").begin_arr();
            for (q, m) in ex.questions.iter().zip(&report.marks) {
                j.begin_obj();
                j.kv_num("line", m.line);
                j.kv_str("kind", kind(&q.ask));
                j.kv_str("question", &m.question);
                match &m.given {
                    Some(g) => j.kv_str("given", g),
                    None => j.key("given").null(),
                };
                j.kv_str("expected", &m.expected);
                j.key("correct").bool(m.correct);
                j.key("broken").bool(m.broken);
                j.key("explanation").begin_arr();
                for line in &m.explanation {
                    j.str(line);
                }
                j.end_arr();
                j.end_obj();
            }
            j.end_arr();
        }
        Err(e) => {
            j.kv_str("error", &e);
        }
    }
    j.end_obj();
    j.finish()
}

fn grade(
    source: &str,
    filename: &str,
    files_json: &str,
    answers_json: &str,
) -> Result<(exercise::Exercise, exercise::Report), String> {
    let at = |e: exercise::ExerciseError| format!("{filename}:{}: {}", e.line, e.message);
    let blank = exercise::parse(source).map_err(at)?;
    let answers = answers_from_json(answers_json, blank.questions.len())?;
    let filled = blank.with_answers(&answers);
    let files = files_from_json(files_json)?;
    let host = Box::new(MemoryHost {
        files,
        ..Default::default()
    });
    let (ex, _run, report) = exercise::check(&filled, filename, host).map_err(at)?;
    Ok((ex, report))
}
