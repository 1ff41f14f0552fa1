//! The exercises under `lessons/exercises/`: every solution earns full marks,
//! solutions are exactly what `pysim solve` produces (so they were never typed
//! by hand), pysim's answers agree with CPython's (`scripts/exercise_oracle.py`,
//! skipped when python3 is not 3.11), wrong answers are explained from the
//! run, malformed files give errors naming the line, and the `check`, `quiz`
//! and `grade` commands work with piped input.

use pysim::exercise::{self, Fact};
use pysim::host::MemoryHost;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn exercises_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/exercises")
}

/// Every exercise (not the solutions), sorted.
fn exercises() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(exercises_dir())
        .expect("lessons/exercises exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".py") && !n.ends_with("_solution.py")
        })
        .collect();
    v.sort();
    v
}

fn solution_path(p: &Path) -> PathBuf {
    p.with_file_name(format!(
        "{}_solution.py",
        p.file_stem().unwrap().to_string_lossy()
    ))
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn check(source: &str, file: &str) -> (exercise::Exercise, exercise::Run, exercise::Report) {
    exercise::check(source, file, Box::new(MemoryHost::default()))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn at_least_forty_exercises_each_with_a_solution() {
    let all = exercises();
    assert!(all.len() >= 40, "only {} exercises", all.len());
    for p in &all {
        assert!(
            solution_path(p).exists(),
            "{} has no solution file",
            name(p)
        );
    }
}

#[test]
fn every_solution_gets_full_marks_and_is_current() {
    let mut problems = Vec::new();
    for p in exercises() {
        let source = fs::read_to_string(&p).unwrap();
        let (ex, run, report) = check(&source, &name(&p));
        assert!(report.total() > 0, "{} has no questions", name(&p));
        if let Some(m) = report.broken().next() {
            problems.push(format!("{}:{}: {:?}", name(&p), m.line, m.explanation));
        }
        let generated = exercise::solution(&ex, &run);
        let committed = fs::read_to_string(solution_path(&p)).unwrap_or_default();
        if generated != committed {
            problems.push(format!(
                "{}: solution is stale (run scripts/regen-solutions.sh)",
                name(&p)
            ));
        }
        let (_, _, graded) = check(&committed, &name(&p));
        if graded.score() != graded.total() {
            problems.push(format!(
                "{}: solution scores {}/{}",
                name(&p),
                graded.score(),
                graded.total()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn answers_agree_with_python3() {
    let version = Command::new("python3").arg("--version").output();
    if !matches!(&version, Ok(v) if String::from_utf8_lossy(&v.stdout).starts_with("Python 3.11")) {
        eprintln!("skipped: python3 is not CPython 3.11, cannot cross-check the answers");
        return;
    }
    let oracle = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/exercise_oracle.py");
    let mut problems = Vec::new();
    let mut compared = 0;
    for p in exercises() {
        let source = fs::read_to_string(&p).unwrap();
        let (_, run, _) = check(&source, &name(&p));
        let out = Command::new("python3")
            .arg(&oracle)
            .arg(&p)
            .output()
            .expect("python3 runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let answers = parse_json_answers(text.trim())
            .unwrap_or_else(|| panic!("{}: bad oracle output {text:?}", name(&p)));
        assert_eq!(answers.len(), run.facts.len(), "{}", name(&p));
        for (i, (want, fact)) in answers.iter().zip(&run.facts).enumerate() {
            let Some(want) = want else { continue };
            compared += 1;
            let got = exercise::grade::expected_answer(fact);
            if got.as_deref() != Some(want.as_str()) {
                problems.push(format!(
                    "{} question {}: python3 says {want:?}, pysim {got:?}",
                    name(&p),
                    i + 1
                ));
            }
        }
    }
    eprintln!("cross-checked {compared} answers with python3");
    assert!(compared >= 80, "only {compared} answers cross-checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Parses the oracle's JSON: a flat array of strings and nulls.
fn parse_json_answers(text: &str) -> Option<Vec<Option<String>>> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        match chars.peek() {
            None => return Some(out),
            Some('n') => {
                for _ in 0..4 {
                    chars.next();
                }
                out.push(None);
            }
            Some('"') => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next()? {
                        '"' => break,
                        '\\' => match chars.next()? {
                            'n' => s.push('\n'),
                            'u' => {
                                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                                s.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                            }
                            c => s.push(c),
                        },
                        c => s.push(c),
                    }
                }
                out.push(Some(s));
            }
            _ => return None,
        }
    }
}

#[test]
fn wrong_answers_are_explained_from_the_run() {
    let p = exercises_dir().join("02_del_name_solution.py");
    let source = fs::read_to_string(&p).unwrap();
    let wrong = source
        .replace("alive(the_list) == False", "alive(the_list) == True")
        .replace("refcount(alias) == 1", "refcount(alias) == 2");
    let (_, run, report) = check(&wrong, "02_del_name.py");
    let wrong_marks: Vec<_> = report.marks.iter().filter(|m| !m.correct).collect();
    assert_eq!(wrong_marks.len(), 2, "{report:?}");
    let refcount = wrong_marks
        .iter()
        .find(|m| m.question.starts_with("refcount"))
        .unwrap();
    let text = refcount.explanation.join("\n");
    assert!(text.contains("reference count is 1"), "{text}");
    assert!(text.contains("the global name `alias`"), "{text}");
    let alive = wrong_marks
        .iter()
        .find(|m| m.question.starts_with("alive"))
        .unwrap();
    let text = alive.explanation.join("\n");
    assert!(text.contains("died at line 8 (`del alias`)"), "{text}");
    assert!(text.contains("the name `alias` was unbound"), "{text}");
    assert!(matches!(run.facts[0], Fact::Alive { alive: true, .. }));
    let rendered = exercise::render(&report, "02_del_name.py");
    assert!(
        rendered.contains("WRONG") && rendered.contains("score: 1/3"),
        "{rendered}"
    );
}

#[test]
fn malformed_exercises_name_the_line() {
    let cases = [
        ("x = 1\n# predict: refcount(x) = 3\n", 2, "needs"),
        ("x = 1\n# predict: size(x) == 3\n", 2, "unknown prediction"),
        (
            "x = 1  # predict: refcount(x) == 1\n",
            1,
            "line of their own",
        ),
        ("x = 1\n# predict: output -> 1\n", 2, "end of the line"),
        ("x = 1\n# predict: alive(box) == ?\n", 2, "needs a label"),
        ("x = [1]\n# label: box = x\n# label: box = x\n", 3, "twice"),
        ("x = 1\n# predict: same(x) == ?\n", 2, "two names"),
        ("x = 1\n# predict refcount(x) == 1\n", 2, "colon"),
    ];
    for (src, line, words) in cases {
        let e = exercise::parse(src).expect_err(src);
        assert_eq!(e.line, line, "{src}: {e}");
        assert!(e.message.contains(words), "{src}: {e}");
    }
    let e = exercise::check(
        "if True:\n    x = 1\n        # predict: refcount(x) == ?\n",
        "bad.py",
        Box::new(MemoryHost::default()),
    )
    .expect_err("bad indentation");
    assert_eq!(e.line, 3, "{e}");
    let (_, _, report) = check("x = 1\n# predict: refcount(y) == 1\n", "unbound.py");
    assert!(report.marks[0].broken);
    assert!(report.marks[0].explanation[0].contains("`y` is not bound"));
}

fn pysim(args: &[&str], stdin: &str, dir: &Path) -> (String, i32) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pysim"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pysim starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn check_quiz_and_grade_commands() {
    let dir = exercises_dir();
    let (out, code) = pysim(&["check", "01_aliasing_solution.py"], "", &dir);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("score: 5/5"), "{out}");
    let (out, code) = pysim(&["check", "01_aliasing.py"], "", &dir);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("score: 0/5"), "{out}");

    let (out, code) = pysim(&["quiz", "09_refcount_names.py"], "1\n2\n3\n", &dir);
    assert!(out.contains("Q1 (line 3): refcount(obj) =="), "{out}");
    assert!(out.contains("right."), "{out}");
    assert!(out.contains("not quite: the answer is 3"), "{out}");
    assert!(
        out.contains("score: 1/3") || out.contains("score: 2/3"),
        "{out}"
    );
    assert_eq!(code, 1);
    let (out, _) = pysim(&["quiz", "09_refcount_names.py"], "1\n", &dir);
    assert!(out.contains("(no more answers)"), "{out}");

    let lessons = dir.parent().unwrap();
    let (out, _) = pysim(&["quiz", "02_del_removes_names.py"], "", lessons);
    assert!(out.contains("== "), "a lesson quizzes its exercises: {out}");

    let class = Path::new(env!("CARGO_TARGET_TMPDIR")).join("grade_class");
    let _ = fs::remove_dir_all(&class);
    for (student, file) in [
        ("ann", "01_aliasing_solution.py"),
        ("bob", "01_aliasing.py"),
    ] {
        fs::create_dir_all(class.join(student)).unwrap();
        fs::copy(dir.join(file), class.join(student).join("01_aliasing.py")).unwrap();
    }
    let (md, code) = pysim(&["grade", class.to_str().unwrap()], "", &dir);
    assert_eq!(code, 0, "{md}");
    assert!(
        md.contains("| ann/01_aliasing.py | 5/5 | 1 | 1 | 1 | 1 | 1 |"),
        "{md}"
    );
    assert!(
        md.contains("| bob/01_aliasing.py | 0/5 | 0 | 0 | 0 | 0 | 0 |"),
        "{md}"
    );
    let (csv, _) = pysim(&["grade", "--csv", class.to_str().unwrap()], "", &dir);
    assert!(csv.starts_with("file,score,q1,q2,q3,q4,q5\n"), "{csv}");
    assert!(csv.contains("ann/01_aliasing.py,5/5,1,1,1,1,1"), "{csv}");
}

#[test]
fn export_fills_the_playground_template_with_the_lesson() {
    // The real template is web/dist/export.html (web/build.sh); its page is
    // tested in chromium by web/test/e2e.test.mjs. Here: what pysim puts in.
    let lessons = exercises_dir().parent().unwrap().to_path_buf();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let template = tmp.join("export-template.html");
    fs::write(
        &template,
        "<!doctype html><title>{{PYSIM_TITLE}} — pysim</title><script id=\"pysim-export\" type=\"application/json\">{{PYSIM_EXPORT}}</script>",
    )
    .unwrap();
    let out = tmp.join("lesson02.html");
    let (text, code) = pysim(
        &[
            "export",
            "02_del_removes_names.py",
            "-o",
            out.to_str().unwrap(),
            "--playground",
            template.to_str().unwrap(),
        ],
        "",
        &lessons,
    );
    assert_eq!(code, 0, "{text}");
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!doctype html><title>02_del_removes_names.py — pysim</title>"));
    assert!(
        html.contains("{\"title\":\"02_del_removes_names.py\",\"narrative\":\""),
        "{html}"
    );
    assert!(
        html.contains(
            "\"main\":\"02_del_removes_names.py\",\"files\":{\"02_del_removes_names.py\":\""
        ),
        "the program is embedded"
    );
    assert!(
        html.contains("\"exercises\":[{\"name\":\"02_"),
        "the lesson's exercises are the quiz"
    );
    assert!(
        !html.contains("</script><"),
        "nothing breaks out of the data element"
    );

    // Without a built playground, export says how to build one.
    let (text, code) = pysim(
        &[
            "export",
            "02_del_removes_names.py",
            "-o",
            out.to_str().unwrap(),
            "--playground",
            tmp.join("missing.html").to_str().unwrap(),
        ],
        "",
        &lessons,
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("web/build.sh"), "{text}");
}
