//! Snapshots of every lesson's narrated trace (`pysim trace` with each line
//! told at most three times), so that a change in the model that changes
//! what a lesson shows is seen and reviewed. One snapshot per lesson in
//! `tests/snapshots/lesson_traces__NAME.snap`.
//!
//! Lessons run from an in-memory copy of their folder, named relatively
//! (`main.py`, `12_weak_references.py`), so no absolute path reaches a
//! snapshot. Lessons listed in `lessons/KNOWN_FAILURES` (pysim does not run
//! them like python3 yet) are skipped with their reason. A lesson runs for at
//! most [`MAX_INSTRUCTIONS`]: a longer one is snapshotted up to that point
//! (the stop is part of the story, so still deterministic).

use pysim::host::MemoryHost;
use pysim::trace::RecordOptions;
use pysim::trace::narrate::{NarrateOptions, narrate};
use pysim::trace::run::record_program;
#[path = "support/lessons.rs"]
mod lesson_list;

use lesson_list::{known_failures, lessons};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Instructions a lesson may run under the trace in this test.
const MAX_INSTRUCTIONS: u64 = 2_000_000;

/// Every `.py` file under `dir`, keyed by its path relative to `base`.
fn sources(base: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(base, &p, out);
        } else if p.extension().is_some_and(|x| x == "py")
            && let (Ok(rel), Ok(text)) = (p.strip_prefix(base), fs::read_to_string(&p))
        {
            out.insert(rel.to_string_lossy().replace('\\', "/"), text);
        }
    }
}

fn narrated(folder: &Path, script: &str) -> String {
    let mut files = BTreeMap::new();
    if script == "main.py" {
        sources(folder, folder, &mut files);
    } else {
        let text = fs::read_to_string(folder.join(script)).expect("lesson source");
        files.insert(script.to_string(), text);
    }
    let source = files.get(script).cloned().expect("lesson script");
    let script = script.to_string();
    let host = MemoryHost {
        files,
        ..MemoryHost::default()
    };
    let options = pysim::RunOptions {
        limits: pysim::Limits {
            max_steps: Some(MAX_INSTRUCTIONS),
            ..Default::default()
        },
        ..Default::default()
    };
    // Deep native recursion needs a big stack, as in the CLI.
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let (trace, outcome) = record_program(
                &source,
                &script,
                Box::new(host),
                options,
                RecordOptions::default(),
            );
            let opts = NarrateOptions {
                max_repeats: Some(3),
                ..NarrateOptions::default()
            };
            format!(
                "exit code {}\n{}",
                outcome.exit_code,
                narrate(&trace, &opts)
            )
        })
        .expect("thread")
        .join()
        .expect("narration")
}

#[test]
fn every_lesson_narration_is_snapshotted() {
    let filter = std::env::var("LESSON_FILTER").unwrap_or_default();
    let known = known_failures();
    for (name, folder, script) in lessons() {
        if !name.contains(&filter) {
            continue;
        }
        if let Some(why) = known.get(&name) {
            eprintln!("{name}: skipped, pysim does not run it like python3 yet ({why})");
            continue;
        }
        let text = narrated(&folder, &script);
        insta::assert_snapshot!(name.clone(), text);
    }
}
