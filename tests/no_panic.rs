//! Robustness: pysim must never panic, die from a signal or hang on
//! malformed or mutated input (ARCHITECTURE.md, invariant 5).
//!
//! Each of `tests/programs/**/*.py` gets
//! [`MUTATIONS`] mutations from a xorshift PRNG seeded by its path:
//! truncation at a random byte, deletion or duplication of a line, a flipped
//! punctuation character or letter, an inserted tab or indent. Each mutant is
//! fed to `pysim run --max-steps 200000 --max-heap 50000000 -` on stdin,
//! from the program's folder (so its imports resolve), and must exit with
//! a code other than 101 (Rust panic) within [`TIMEOUT`].
//!
//! `PYSIM_NO_PANIC=<substring>` mutates only the programs whose path
//! contains the substring.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const MUTATIONS: usize = 32;
const TIMEOUT: Duration = Duration::from_secs(10);

struct XorShift(u64);

impl XorShift {
    fn new(seed: &str) -> Self {
        // FNV-1a of the seed; never zero.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        XorShift(h | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const FLIP_SET: &[u8] = b"()[]{}:,=.'\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn line_starts(src: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, &b) in src.iter().enumerate() {
        if b == b'\n' && i + 1 < src.len() {
            starts.push(i + 1);
        }
    }
    starts
}

/// The byte range of line `i` including its newline.
fn line_range(src: &[u8], starts: &[usize], i: usize) -> (usize, usize) {
    let end = starts.get(i + 1).copied().unwrap_or(src.len());
    (starts[i], end)
}

fn mutate(src: &[u8], rng: &mut XorShift) -> (String, Vec<u8>) {
    let starts = line_starts(src);
    match rng.below(5) {
        0 => {
            let at = rng.below(src.len() + 1);
            (format!("truncate at byte {at}"), src[..at].to_vec())
        }
        1 => {
            let i = rng.below(starts.len());
            let (a, b) = line_range(src, &starts, i);
            let mut out = src[..a].to_vec();
            out.extend_from_slice(&src[b..]);
            (format!("delete line {}", i + 1), out)
        }
        2 => {
            let i = rng.below(starts.len());
            let (a, b) = line_range(src, &starts, i);
            let mut out = src[..b].to_vec();
            if b > a && src[b - 1] != b'\n' {
                out.push(b'\n');
            }
            out.extend_from_slice(&src[a..]);
            (format!("duplicate line {}", i + 1), out)
        }
        3 => {
            let candidates: Vec<usize> = src
                .iter()
                .enumerate()
                .filter(|(_, b)| FLIP_SET.contains(b))
                .map(|(i, _)| i)
                .collect();
            if candidates.is_empty() {
                return (String::from("unchanged"), src.to_vec());
            }
            let at = candidates[rng.below(candidates.len())];
            let with = FLIP_SET[rng.below(FLIP_SET.len())];
            let mut out = src.to_vec();
            out[at] = with;
            (format!("byte {at} -> {:?}", with as char), out)
        }
        _ => {
            let i = rng.below(starts.len());
            let what: &[u8] = match rng.below(3) {
                0 => b"\t",
                1 => b"    ",
                _ => b"  ",
            };
            let at = starts[i];
            let mut out = src[..at].to_vec();
            out.extend_from_slice(what);
            out.extend_from_slice(&src[at..]);
            (
                format!(
                    "indent line {} with {:?}",
                    i + 1,
                    String::from_utf8_lossy(what)
                ),
                out,
            )
        }
    }
}

fn discover(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            discover(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

enum Outcome {
    Ok,
    Bad(String),
}

fn run_one(py: &Path, source: &[u8]) -> Outcome {
    let dir = py.parent().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pysim"));
    cmd.args([
        "run",
        "--max-steps",
        "200000",
        "--max-heap",
        "50000000",
        "-",
    ])
    .current_dir(dir)
    .env("RUST_BACKTRACE", "1")
    .stdin(Stdio::piped())
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome::Bad(format!("cannot start pysim: {e}")),
    };
    let mut stdin = child.stdin.take().unwrap();
    let data = source.to_vec();
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let mut stderr = child.stderr.take().unwrap();
    let reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(2)),
            Err(e) => return Outcome::Bad(format!("waiting for pysim: {e}")),
        }
    };
    let _ = writer.join();
    let err = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    let tail: String = {
        let lines: Vec<&str> = err.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    };
    match status {
        None => Outcome::Bad(format!("timed out after {TIMEOUT:?}\n{tail}")),
        Some(s) => match s.code() {
            Some(101) => Outcome::Bad(format!("panicked (exit 101)\n{tail}")),
            Some(_) => Outcome::Ok,
            None => Outcome::Bad(format!("killed by a signal ({s})\n{tail}")),
        },
    }
}

#[test]
fn mutated_programs_do_not_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut files = Vec::new();
    discover(&root, &mut files);
    let filter = std::env::var("PYSIM_NO_PANIC").ok();
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|p| {
            filter
                .as_ref()
                .is_none_or(|f| p.to_string_lossy().contains(f.as_str()))
        })
        .collect();
    let mut jobs = Vec::new();
    for py in &files {
        let rel = py
            .strip_prefix(&root)
            .unwrap_or(py)
            .to_string_lossy()
            .into_owned();
        let src = fs::read(py).unwrap();
        let mut rng = XorShift::new(&rel);
        for _ in 0..MUTATIONS {
            let (what, mutant) = mutate(&src, &mut rng);
            jobs.push((py.clone(), rel.clone(), what, mutant));
        }
    }
    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (jobs, next, failures) = (jobs.clone(), next.clone(), failures.clone());
            thread::spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((py, rel, what, mutant)) = jobs.get(i) else {
                        break;
                    };
                    if let Outcome::Bad(msg) = run_one(py, mutant) {
                        failures.lock().unwrap().push(format!(
                            "{rel} ({what}):\n{msg}\n--- input ---\n{}",
                            String::from_utf8_lossy(mutant)
                        ));
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let failures = failures.lock().unwrap();
    eprintln!("{} mutants of {} programs", jobs.len(), files.len());
    assert!(
        failures.is_empty(),
        "{} of {} mutants failed:\n\n{}",
        failures.len(),
        jobs.len(),
        failures.join("\n\n")
    );
}
