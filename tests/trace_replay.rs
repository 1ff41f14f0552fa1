//! Replay completeness on real programs: for every program under
//! `tests/programs/` and `tests/trace/`, the state rebuilt from the trace at
//! every step must equal the VM's live state read at that step.

use pysim::host::MemoryHost;
use pysim::trace::RecordOptions;
use pysim::trace::recorder::RecorderHandle;
use pysim::trace::run::run_with_sink;
use pysim::trace::verify::{VerifyingSink, check_all_steps};
use std::path::{Path, PathBuf};

fn programs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["tests/programs", "tests/trace"] {
        collect(Path::new(dir), &mut out);
    }
    out.sort();
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Replays every step of one program; Err with the first difference.
fn check(path: &Path, instructions: bool) -> Result<u64, String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let recorder = RecorderHandle::new(RecordOptions { instructions });
    let sink = VerifyingSink::new(recorder.clone());
    let host = MemoryHost::default();
    let options = pysim::RunOptions {
        limits: pysim::Limits {
            max_steps: Some(2_000_000),
            ..Default::default()
        },
        ..Default::default()
    };
    run_with_sink(
        &source,
        &name,
        Box::new(host),
        options,
        Box::new(sink.clone()),
    );
    let trace = recorder.finish(&name, &source);
    let live = sink.live.borrow();
    check_all_steps(&trace, &live)?;
    Ok(trace.steps)
}

#[test]
fn every_instruction_of_the_trace_programs_replays_exactly() {
    let mut failures = Vec::new();
    let mut paths = Vec::new();
    collect(Path::new("tests/trace"), &mut paths);
    paths.sort();
    for p in paths {
        if let Err(e) = check(&p, true) {
            failures.push(format!("{}: {e}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_step_of_every_program_replays_exactly() {
    let filter = std::env::var("TRACE_FILTER").unwrap_or_default();
    let mut failures = Vec::new();
    let mut total = 0;
    for p in programs() {
        if !p.to_string_lossy().contains(&filter) {
            continue;
        }
        match std::panic::catch_unwind(|| check(&p, false)) {
            Ok(Ok(steps)) => total += steps,
            Ok(Err(e)) => failures.push(format!("{}: {e}", p.display())),
            Err(_) => failures.push(format!("{}: panicked", p.display())),
        }
    }
    eprintln!("{total} steps replayed");
    assert!(
        failures.is_empty(),
        "{} programs differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
