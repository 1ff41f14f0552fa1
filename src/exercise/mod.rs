//! Exercises: predict, then check (see `docs/exercises.md`).
//!
//! An exercise is a Python file with prediction markers in comments
//! ([`format`]). [`probe`] runs it under pysim and reads the true answers off
//! the run; [`grade`] compares the student's answers and explains every
//! wrong one from the run; [`holders`] puts who-holds-what into words.
//! The commands (`pysim check/solve/quiz/grade/export`) live in the binary's
//! `src/cli/`.

pub mod format;
pub mod grade;
pub mod holders;
pub mod probe;

pub use format::{Ask, Exercise, ExerciseError, Question, parse};
pub use grade::{Mark, Report, grade, render, solution};
pub use probe::{Fact, Run, Step, run_exercise};

/// Parses, runs and grades an exercise in one call.
pub fn check(
    source: &str,
    filename: &str,
    host: Box<dyn crate::host::Host>,
) -> Result<(Exercise, Run, Report), ExerciseError> {
    let ex = parse(source)?;
    let run = run_exercise(&ex, filename, host, false)?;
    let report = grade(&ex, &run);
    Ok((ex, run, report))
}
