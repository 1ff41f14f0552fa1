//! Differential test suite: every `tests/programs/**/<name>.py` is run through
//! `pysim run --audit <name>.py` (from the program's own folder) and its stdout,
//! stderr and exit code must match, byte for byte, what CPython 3.11 printed
//! when `tests/regen.py` generated `<name>.stdout`, `<name>.stderr` and
//! `<name>.exitcode` (a missing `.stderr` means empty, a missing `.exitcode`
//! means 0).
//!
//! Programs listed in `tests/programs/KNOWN_FAILURES` are expected to differ;
//! one that starts passing (or a listed path that does not exist) fails the
//! test so the list cannot rot.
//!
//! Set `PYSIM_PROGRAMS=<substring>` to run only the programs whose relative
//! path contains the substring.
//!
//! See `tests/programs/README.md`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Kill a program that runs longer than this.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Show at most this many differing lines per stream.
const MAX_DIFF_LINES: usize = 20;
/// Lines of unchanged context shown around each change.
const CONTEXT: usize = 2;
/// Folders whose subfolders are multi-file cases: only each case's
/// `main.py` is a program (run from the case folder); the other files are
/// its modules.
const CASE_DIRS: &[&str] = &["imports"];

fn programs_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("programs")
}

/// Path relative to the programs root, always with `/` separators.
fn rel_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn discover(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            if CASE_DIRS.contains(&name.as_str()) {
                discover_cases(&path, out);
            } else {
                discover(&path, out);
            }
        } else if name.ends_with(".py") {
            out.push(path);
        }
    }
}

/// The `main.py` of every case folder directly under `dir`.
fn discover_cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut cases: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path().join("main.py")))
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    cases.sort();
    out.extend(cases);
}

/// Removes `<folder>/` from pysim's output as `tests/regen.py` removes it
/// from python3's: both print absolute paths of the program's files
/// (`__file__`, tracebacks, import errors), and the expectations must not
/// depend on where the repository lives.
fn strip_folder(data: Vec<u8>, dir: &Path) -> Vec<u8> {
    let mut prefixes = vec![dir.to_path_buf()];
    if let Ok(real) = dir.canonicalize() {
        prefixes.push(real);
    }
    let mut data = data;
    for p in prefixes {
        let mut prefix = p.to_string_lossy().into_owned().into_bytes();
        prefix.push(b'/');
        data = replace_bytes(&data, &prefix);
    }
    data
}

fn replace_bytes(data: &[u8], pat: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(pat) {
            i += pat.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

/// Relative paths listed in KNOWN_FAILURES (blank lines and `#` comments ignored).
fn known_failures(root: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(root.join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_start_matches("./").to_string())
        .collect()
}

struct Expected {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    code: i32,
}

fn load_expected(py: &Path) -> Result<Expected, String> {
    let with_ext = |ext: &str| py.with_extension(ext);
    let stdout = fs::read(with_ext("stdout")).map_err(|e| {
        format!(
            "missing expectation {}: {e} (run `python3 tests/regen.py`)",
            with_ext("stdout").display()
        )
    })?;
    let stderr = fs::read(with_ext("stderr")).unwrap_or_default();
    let code = match fs::read_to_string(with_ext("exitcode")) {
        Ok(s) => s
            .trim()
            .parse()
            .map_err(|e| format!("bad {}: {e}", with_ext("exitcode").display()))?,
        Err(_) => 0,
    };
    Ok(Expected {
        stdout,
        stderr,
        code,
    })
}

enum Exit {
    Code(i32),
    Signal,
    TimedOut,
}

struct Actual {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    exit: Exit,
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn run_pysim(py: &Path) -> Result<Actual, String> {
    let dir = py.parent().unwrap();
    let file = py.file_name().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pysim"));
    cmd.arg("run").arg("--audit").arg(file).current_dir(dir);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start pysim: {e}"))?;
    let out = spawn_reader(child.stdout.take().unwrap());
    let err = spawn_reader(child.stderr.take().unwrap());
    let start = Instant::now();
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code().map_or(Exit::Signal, Exit::Code),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::TimedOut;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for pysim: {e}")),
        }
    };
    Ok(Actual {
        stdout: strip_folder(out.join().unwrap_or_default(), dir),
        stderr: strip_folder(err.join().unwrap_or_default(), dir),
        exit,
    })
}

/// Splits into lines, keeping whether each ended with a newline.
fn lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split_inclusive('\n')
        .map(|l| match l.strip_suffix('\n') {
            Some(l) => l.to_string(),
            None => format!("{l}\\ (no newline at end)"),
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Same,
    Del,
    Ins,
}

/// Line-level edit script (expected -> actual) via LCS; falls back to a
/// positional comparison of the middle part when the inputs are very large.
fn edit_script(a: &[String], b: &[String]) -> Vec<(Op, usize, usize)> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<(Op, usize, usize)> = (0..prefix).map(|i| (Op::Same, i, i)).collect();
    let (n, m) = (am.len(), bm.len());
    if n * m <= 4_000_000 {
        // lcs[i][j] = LCS length of am[i..] and bm[j..]
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push((Op::Same, prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push((Op::Del, prefix + i, prefix + j));
                i += 1;
            } else {
                ops.push((Op::Ins, prefix + i, prefix + j));
                j += 1;
            }
        }
    } else {
        for i in 0..n {
            ops.push((Op::Del, prefix + i, prefix));
        }
        for j in 0..m {
            ops.push((Op::Ins, prefix + n, prefix + j));
        }
    }
    for k in 0..suffix {
        ops.push((Op::Same, a.len() - suffix + k, b.len() - suffix + k));
    }
    ops
}

/// A compact unified-style diff of two byte strings, showing at most
/// MAX_DIFF_LINES changed lines.
fn diff(label: &str, expected: &[u8], actual: &[u8]) -> String {
    let (a, b) = (lines(expected), lines(actual));
    let ops = edit_script(&a, &b);
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != Op::Same).collect();
    let mut show = vec![false; ops.len()];
    for &k in &changed {
        for s in show
            .iter_mut()
            .take((k + CONTEXT + 1).min(ops.len()))
            .skip(k.saturating_sub(CONTEXT))
        {
            *s = true;
        }
    }
    let mut out = format!("  --- expected {label}\n  +++ actual {label}\n");
    let mut shown_changes = 0;
    let mut last_shown: Option<usize> = None;
    for (k, &(op, i, j)) in ops.iter().enumerate() {
        if !show[k] {
            continue;
        }
        if op != Op::Same && shown_changes == MAX_DIFF_LINES {
            let _ = writeln!(
                out,
                "  ... ({} more differing lines)",
                changed.len() - MAX_DIFF_LINES
            );
            return out;
        }
        if last_shown.is_none_or(|l| l + 1 != k) {
            let _ = writeln!(
                out,
                "  @@ expected line {} / actual line {} @@",
                i + 1,
                j + 1
            );
        }
        last_shown = Some(k);
        match op {
            Op::Same => {
                let _ = writeln!(out, "   {}", a[i]);
            }
            Op::Del => {
                shown_changes += 1;
                let _ = writeln!(out, "  -{}", a[i]);
            }
            Op::Ins => {
                shown_changes += 1;
                let _ = writeln!(out, "  +{}", b[j]);
            }
        }
    }
    if changed.is_empty() {
        // Same lines, different bytes (e.g. invalid UTF-8 rendered alike).
        let _ = writeln!(out, "  (outputs differ in bytes that render identically)");
    }
    out
}

/// None if the program matched; otherwise a report of every difference.
fn check_program(py: &Path) -> Option<String> {
    let expected = match load_expected(py) {
        Ok(e) => e,
        Err(msg) => return Some(format!("  {msg}\n")),
    };
    let actual = match run_pysim(py) {
        Ok(a) => a,
        Err(msg) => return Some(format!("  {msg}\n")),
    };
    let mut report = String::new();
    match actual.exit {
        Exit::TimedOut => {
            let _ = writeln!(report, "  timed out after {} s (killed)", TIMEOUT.as_secs());
        }
        Exit::Signal => {
            let _ = writeln!(
                report,
                "  killed by a signal (expected exit code {})",
                expected.code
            );
        }
        Exit::Code(c) if c != expected.code => {
            let _ = writeln!(report, "  exit code: expected {}, got {c}", expected.code);
        }
        Exit::Code(_) => {}
    }
    if actual.stdout != expected.stdout {
        report.push_str(&diff("stdout", &expected.stdout, &actual.stdout));
    }
    if actual.stderr != expected.stderr {
        report.push_str(&diff("stderr", &expected.stderr, &actual.stderr));
    }
    if report.is_empty() {
        None
    } else {
        Some(report)
    }
}

fn thread_count() -> usize {
    thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4)
}

#[test]
fn programs_match_python3() {
    let root = programs_root();
    let mut all = Vec::new();
    discover(&root, &mut all);
    run_suite(&root, all);
}

/// The standard-library programs of `tests/stdlib/` (those with a
/// `.stdout` expectation; the folder's tools have none), run the same way,
/// with their own `tests/stdlib/KNOWN_FAILURES`.
#[test]
fn stdlib_programs_match_python3() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("stdlib");
    let mut all: Vec<PathBuf> = match fs::read_dir(&root) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "py") && p.with_extension("stdout").is_file()
            })
            .collect(),
        Err(e) => panic!("cannot read {}: {e}", root.display()),
    };
    all.sort();
    run_suite(&root, all);
}

/// Runs every program of `all` (under `root`) and fails on unexpected differences.
fn run_suite(root: &Path, all: Vec<PathBuf>) {
    let root = root.to_path_buf();
    let filter = std::env::var("PYSIM_PROGRAMS")
        .ok()
        .filter(|f| !f.is_empty());
    let selected: Vec<(String, PathBuf)> = all
        .iter()
        .map(|p| (rel_name(&root, p), p.clone()))
        .filter(|(rel, _)| filter.as_ref().is_none_or(|f| rel.contains(f.as_str())))
        .collect();
    let existing: BTreeSet<String> = all.iter().map(|p| rel_name(&root, p)).collect();
    let known = known_failures(&root);

    // Run on a small thread pool; results come back tagged with their index.
    let jobs = Arc::new(selected.clone());
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    let workers: Vec<_> = (0..thread_count().min(jobs.len().max(1)))
        .map(|_| {
            let (jobs, next, tx) = (Arc::clone(&jobs), Arc::clone(&next), tx.clone());
            thread::spawn(move || {
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    let Some((_, path)) = jobs.get(k) else { break };
                    let _ = tx.send((k, check_program(path)));
                }
            })
        })
        .collect();
    drop(tx);
    let mut results: Vec<Option<Option<String>>> = vec![None; selected.len()];
    for (k, r) in rx {
        results[k] = Some(r);
    }
    for w in workers {
        w.join().expect("worker thread panicked");
    }

    let mut passed = 0;
    let mut failed = 0;
    let mut unexpected = Vec::new();
    let mut known_failing = 0;
    let mut problems = Vec::new();
    for ((rel, _), result) in selected.iter().zip(results) {
        let result = result.expect("program was not run");
        let listed = known.contains(rel);
        match (result, listed) {
            (None, false) => passed += 1,
            (None, true) => {
                passed += 1;
                problems.push(format!(
                    "{rel} now passes: remove it from tests/programs/KNOWN_FAILURES"
                ));
            }
            (Some(_), true) => {
                failed += 1;
                known_failing += 1;
            }
            (Some(report), false) => {
                failed += 1;
                unexpected.push((rel.clone(), report));
            }
        }
    }
    for k in &known {
        if !existing.contains(k) {
            problems.push(format!(
                "{k} is listed in tests/programs/KNOWN_FAILURES but no such program exists"
            ));
        }
    }

    for (rel, report) in &unexpected {
        println!("FAIL {rel}\n{report}");
    }
    for p in &problems {
        println!("KNOWN_FAILURES: {p}");
    }
    if known_failing > 0 {
        println!("({known_failing} failing programs are listed in KNOWN_FAILURES)");
    }
    println!("programs: {passed} passed, {failed} failed");

    let mut msg = Vec::new();
    if !unexpected.is_empty() {
        msg.push(format!(
            "{} of {} programs differ: {}",
            unexpected.len(),
            selected.len(),
            unexpected
                .iter()
                .map(|(r, _)| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !problems.is_empty() {
        msg.push(format!("KNOWN_FAILURES is stale: {}", problems.join("; ")));
    }
    assert!(msg.is_empty(), "{}", msg.join("\n"));
}

#[test]
fn expectations_match_python3() {
    let version = Command::new("python3")
        .arg("--version")
        .stdin(Stdio::null())
        .output();
    let is_311 = match &version {
        Ok(o) if o.status.success() => {
            let v = String::from_utf8_lossy(&o.stdout).to_string()
                + &String::from_utf8_lossy(&o.stderr);
            v.trim().starts_with("Python 3.11.")
        }
        _ => false,
    };
    if !is_311 {
        println!("skipped: python3 3.11 not found");
        return;
    }
    let out = Command::new("python3")
        .arg("tests/regen.py")
        .arg("--check")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("cannot run python3 tests/regen.py --check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    print!("{stdout}");
    assert!(
        out.status.success(),
        "committed expectations differ from python3 (regenerate with `python3 tests/regen.py`):\n{stdout}{stderr}"
    );
}
