//! Every lesson under `lessons/` runs under pysim and must print exactly what
//! CPython 3.11 printed when `lessons/regen.py` generated
//! `lessons/expected/NAME.{stdout,stderr,exitcode}` (a missing `.stderr` means
//! empty, a missing `.exitcode` means 0). Single-file lessons run as
//! `pysim run --audit NN_name.py` from `lessons/`, folder lessons as
//! `pysim run --audit main.py` from inside their folder.
//!
//! Lessons listed in `lessons/KNOWN_FAILURES` are expected to differ (a
//! feature still being built elsewhere); a listed lesson that passes, or a
//! listed name that is not a lesson, fails the test so the list cannot rot.
//!
//! `expectations_are_current` regenerates the expectations with python3 and
//! compares; it is skipped with a message when python3 is not CPython 3.11.

#[path = "support/lessons.rs"]
mod lesson_list;

use lesson_list::{known_failures, lessons, lessons_root};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

struct Output {
    stdout: String,
    stderr: String,
    code: i32,
}

fn expected(name: &str) -> Result<Output, String> {
    let base = lessons_root().join("expected").join(name);
    let stdout = fs::read_to_string(base.with_extension("stdout")).map_err(|e| {
        format!("missing lessons/expected/{name}.stdout ({e}); run `python3 lessons/regen.py`")
    })?;
    let stderr = fs::read_to_string(base.with_extension("stderr")).unwrap_or_default();
    let code = fs::read_to_string(base.with_extension("exitcode"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    Ok(Output {
        stdout,
        stderr,
        code,
    })
}

/// How long one lesson may run (with the heap audit) before it
/// counts as a failure: a hang must fail the test, not stall the suite.
const LESSON_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

fn run_pysim(dir: &Path, script: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pysim"))
        .args(["run", "--audit", "--max-steps", "200000000", script])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pysim starts");
    let read_all = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out_reader = read_all(Box::new(child.stdout.take().expect("piped stdout")));
    let err_reader = read_all(Box::new(child.stderr.take().expect("piped stderr")));
    let deadline = std::time::Instant::now() + LESSON_TIMEOUT;
    let code = loop {
        match child.try_wait().expect("pysim can be waited for") {
            Some(status) => break status.code().unwrap_or(-1),
            None if std::time::Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break -2;
            }
            None => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let mut stderr = err_reader.join().unwrap_or_default();
    if code == -2 {
        stderr.push_str(&format!("\n(killed after {LESSON_TIMEOUT:?})\n"));
    }
    Output {
        stdout,
        stderr,
        code,
    }
}

/// The first difference between two texts, as a short report.
fn first_difference(stream: &str, want: &str, got: &str) -> Option<String> {
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    Some(format!(
        "  {stream} line {}:\n    python3: {}\n    pysim:   {}",
        i + 1,
        w.get(i).unwrap_or(&"<end>"),
        g.get(i).unwrap_or(&"<end>")
    ))
}

fn compare(name: &str, dir: &Path, script: &str) -> Result<(), String> {
    let want = expected(name)?;
    let got = run_pysim(dir, script);
    let mut problems: Vec<String> = [
        first_difference("stdout", &want.stdout, &got.stdout),
        first_difference("stderr", &want.stderr, &got.stderr),
    ]
    .into_iter()
    .flatten()
    .collect();
    if want.code != got.code {
        problems.push(format!(
            "  exit status: python3 {}, pysim {}",
            want.code, got.code
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn every_lesson_prints_what_python3_printed() {
    let all = lessons();
    assert!(all.len() >= 25, "at least 25 lessons, found {}", all.len());
    let known = known_failures();
    let names: BTreeSet<&str> = all.iter().map(|(n, _, _)| n.as_str()).collect();
    let mut failures = Vec::new();
    for stale in known.keys().filter(|k| !names.contains(k.as_str())) {
        failures.push(format!(
            "{stale}: listed in KNOWN_FAILURES but not a lesson"
        ));
    }
    let mut passed = 0;
    for (name, dir, script) in &all {
        match (compare(name, dir, script), known.contains_key(name)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => failures.push(format!(
                "{name}: passes now; remove it from lessons/KNOWN_FAILURES"
            )),
            (Err(why), false) => failures.push(format!("{name}: differs from python3\n{why}")),
            (Err(_), true) => {}
        }
    }
    eprintln!(
        "lessons: {passed} pass, {} known failures, {} problems",
        known.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn expectations_are_current() {
    let version = Command::new("python3").arg("--version").output();
    let ok =
        matches!(&version, Ok(v) if String::from_utf8_lossy(&v.stdout).starts_with("Python 3.11"));
    if !ok {
        eprintln!("skipped: python3 is not CPython 3.11, cannot regenerate lessons/expected");
        return;
    }
    let out = Command::new("python3")
        .arg(lessons_root().join("regen.py"))
        .arg("--check")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "lessons/expected is stale (run `python3 lessons/regen.py`):\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
