//! `pysim check`, `pysim solve`, `pysim quiz` and `pysim grade`: the exercise
//! commands. They read files and stdin (the library core does not), run the
//! exercise through `pysim::exercise`, and print for a terminal.

use pysim::exercise::{self, Exercise, Report};
use pysim::host::Host;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// Serves module sources from the exercise's folder; output is captured by the run.
pub struct FolderHost {
    pub base: PathBuf,
}

impl Host for FolderHost {
    fn write_stdout(&mut self, _text: &str) {}
    fn write_stderr(&mut self, _text: &str) {}
    fn read_source(&mut self, path: &str) -> Option<String> {
        let p = Path::new(path);
        let full = if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base.join(p)
        };
        std::fs::read_to_string(full).ok()
    }
    fn is_dir(&mut self, path: &str) -> bool {
        self.base.join(path).is_dir()
    }
}

/// A loaded exercise file: its display name and the pieces to run it.
pub struct Loaded {
    pub display: String,
    pub filename: String,
    pub folder: PathBuf,
    pub source: String,
}

pub fn load(path: &Path) -> Result<Loaded, String> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| format!("pysim: cannot read {}: {e}", path.display()))?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let filename = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Loaded {
        display: path.display().to_string(),
        filename,
        folder,
        source,
    })
}

/// Parses, runs and grades a loaded file; errors name the file and line.
pub fn check_loaded(l: &Loaded) -> Result<(Exercise, exercise::Run, Report), String> {
    let host = Box::new(FolderHost {
        base: l.folder.clone(),
    });
    exercise::check(&l.source, &l.filename, host)
        .map_err(|e| format!("{}:{}: {}", l.display, e.line, e.message))
}

/// Runs `f` on a thread with a big stack (deep Python recursion re-enters the VM).
pub fn with_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(f)
        .ok()?
        .join()
        .ok()
}

/// `pysim check FILE…`: 0 when every answer is right, 1 otherwise, 2 for a
/// malformed exercise.
pub fn check(files: Vec<PathBuf>) -> i32 {
    let mut status = 0;
    for path in files {
        let result = load(&path).and_then(|l| {
            let (ex, run, report) = check_loaded(&l)?;
            Ok((l, ex, run, report))
        });
        match result {
            Ok((l, _, _, report)) => {
                print!("{}", exercise::render(&report, &l.display));
                if report.broken().next().is_some() {
                    status = 2;
                } else if report.score() < report.total() && status == 0 {
                    status = 1;
                }
            }
            Err(e) => {
                eprintln!("{e}");
                status = 2;
            }
        }
    }
    status
}

/// `pysim solve FILE [-o OUT]`: the exercise with every answer filled in from the run.
pub fn solve(file: PathBuf, output: Option<PathBuf>) -> i32 {
    let result = load(&file).and_then(|l| {
        let (ex, run, report) = check_loaded(&l)?;
        if let Some(m) = report.broken().next() {
            return Err(format!(
                "{}:{}: {}",
                l.display,
                m.line,
                m.explanation.join(" ")
            ));
        }
        Ok(exercise::solution(&ex, &run))
    });
    match (result, output) {
        (Ok(text), None) => {
            print!("{text}");
            0
        }
        (Ok(text), Some(out)) => match std::fs::write(&out, text) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("pysim: cannot write {}: {e}", out.display());
                2
            }
        },
        (Err(e), _) => {
            eprintln!("{e}");
            2
        }
    }
}

/// The exercises of a lesson: `lessons/exercises/NN_*.py` next to `lessons/NN_*.py`.
fn lesson_exercises(lesson: &Path) -> Vec<PathBuf> {
    let name = lesson
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let number: String = name.chars().take_while(char::is_ascii_digit).collect();
    let dir = lesson
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("exercises");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let f = p.file_name().unwrap_or_default().to_string_lossy();
            !number.is_empty()
                && f.starts_with(&format!("{number}_"))
                && f.ends_with(".py")
                && !f.ends_with("_solution.py")
        })
        .collect();
    found.sort();
    found
}

/// `pysim quiz FILE`: asks each question on the terminal (answers from stdin,
/// one per line), then says right or wrong with the explanation. A lesson
/// without markers quizzes its exercises (`exercises/NN_*.py`).
pub fn quiz(file: PathBuf) -> i32 {
    let mut files = vec![file.clone()];
    if let Ok(l) = load(&file)
        && exercise::parse(&l.source).is_ok_and(|ex| ex.questions.is_empty())
    {
        files = lesson_exercises(&file);
        if files.is_empty() {
            eprintln!(
                "pysim: {} has no questions and no exercises",
                file.display()
            );
            return 2;
        }
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock().lines();
    let (mut score, mut total) = (0, 0);
    let mut out = std::io::stdout();
    for path in files {
        let (l, ex, _run, report) = match load(&path).and_then(|l| {
            let (ex, run, report) = check_loaded(&l)?;
            Ok((l, ex, run, report))
        }) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{e}");
                return 2;
            }
        };
        let _ = writeln!(out, "== {} ==", l.display);
        for (i, text) in ex.source.lines().enumerate() {
            let _ = writeln!(out, "{:>3}  {text}", i + 1);
        }
        for (n, m) in report.marks.iter().enumerate() {
            let _ = write!(out, "\nQ{} (line {}): {} ? ", n + 1, m.line, m.question);
            let _ = out.flush();
            total += 1;
            let answer = match input.next() {
                Some(Ok(a)) => a,
                _ => {
                    let _ = writeln!(out, "\n(no more answers)");
                    let _ = writeln!(out, "score: {score}/{total}");
                    return 1;
                }
            };
            let mut q = ex.clone();
            q.questions[n].answer = Some(answer.trim().to_string());
            let graded = exercise::grade::grade(&q, &_run);
            let mark = &graded.marks[n];
            if mark.correct {
                score += 1;
                let _ = writeln!(out, "right.");
            } else {
                let _ = writeln!(out, "not quite: the answer is {}", mark.expected);
            }
            for e in &mark.explanation {
                let _ = writeln!(out, "    {e}");
            }
        }
    }
    let _ = writeln!(out, "\nscore: {score}/{total}");
    if score == total { 0 } else { 1 }
}

/// Every `.py` file under `dir`, sorted.
fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            python_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// `pysim grade DIR [--csv]`: one row per student file: score and per-question marks.
pub fn grade_dir(dir: PathBuf, csv: bool) -> i32 {
    let mut files = Vec::new();
    python_files(&dir, &mut files);
    if files.is_empty() {
        eprintln!("pysim: no .py files under {}", dir.display());
        return 2;
    }
    let mut rows: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut width = 0;
    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        match load(path).and_then(|l| check_loaded(&l)) {
            Ok((_, _, report)) => {
                let marks: Vec<String> = report
                    .marks
                    .iter()
                    .map(|m| if m.correct { "1" } else { "0" }.to_string())
                    .collect();
                width = width.max(marks.len());
                rows.push((rel, format!("{}/{}", report.score(), report.total()), marks));
            }
            Err(e) => rows.push((rel, "error".into(), vec![e.replace('|', "/")])),
        }
    }
    let header: Vec<String> = (1..=width).map(|i| format!("q{i}")).collect();
    if csv {
        println!(
            "file,score{}",
            header.iter().map(|h| format!(",{h}")).collect::<String>()
        );
        for (f, s, m) in rows {
            let cells: Vec<String> = m.iter().map(|c| csv_cell(c)).collect();
            println!(
                "{},{}{}",
                csv_cell(&f),
                s,
                cells.iter().map(|c| format!(",{c}")).collect::<String>()
            );
        }
    } else {
        println!(
            "| file | score |{}",
            header.iter().map(|h| format!(" {h} |")).collect::<String>()
        );
        println!("| --- | --- |{}", " --- |".repeat(width));
        for (f, s, m) in rows {
            println!(
                "| {f} | {s} |{}",
                m.iter().map(|c| format!(" {c} |")).collect::<String>()
            );
        }
    }
    0
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
