//! `pysim export LESSON.py -o LESSON.html`: one self-contained HTML file that
//! opens offline by double-click: the browser playground (its wasm, worker
//! and page inlined) holding the lesson's program, its narrative (the
//! lesson's comments) and its quiz (the lesson's own `# predict:` questions,
//! or those of its exercises), which the page grades with the same code as
//! `pysim check`.
//!
//! The page is the template `web/build.sh` writes to `web/dist/export.html`
//! (see `web/tools/export-template.mjs`); pysim fills in the lesson. The
//! template is read when exporting, from `--playground FILE`, else
//! `$PYSIM_PLAYGROUND`, else the source tree pysim was built from; without
//! one, export says how to build it.

use super::exercises::{check_loaded, load};
use pysim::exercise;
use std::collections::BTreeMap;
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

/// Where the playground's single-file template is looked for when neither
/// `--playground` nor `PYSIM_PLAYGROUND` names one.
const BUILT_TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/web/dist/export.html");

/// The placeholders `web/tools/export-template.mjs` leaves in the template.
const DATA_SLOT: &str = "{{PYSIM_EXPORT}}";
const TITLE_SLOT: &str = "{{PYSIM_TITLE}}";

/// The playground template: its text and where it came from.
fn playground_template(explicit: Option<PathBuf>) -> Result<(String, PathBuf), String> {
    let path = explicit
        .or_else(|| std::env::var_os("PYSIM_PLAYGROUND").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(BUILT_TEMPLATE));
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "pysim export: the lesson page is the browser playground, and it is not built \
             ({}: {e}).\nBuild it once in pysim's source folder with\n    web/build.sh\n\
             (on a fresh machine it installs its toolchain first; see README.md), \
             or name a built web/dist/export.html with --playground or PYSIM_PLAYGROUND.",
            path.display()
        )
    })?;
    if !text.contains(DATA_SLOT) || !text.contains(TITLE_SLOT) {
        return Err(format!(
            "pysim export: {} is not the playground's export template (no {DATA_SLOT}); \
             rebuild it with web/build.sh",
            path.display()
        ));
    }
    Ok((text, path))
}

/// The program's files as the playground names them: a single-file lesson
/// is `NAME.py`; a folder lesson (a folder, or its `main.py`) keeps every
/// `.py` file under `FOLDER/` and runs `FOLDER/main.py`.
fn program_files(path: &Path) -> Result<(String, BTreeMap<String, String>), String> {
    let folder_lesson = path.is_dir() || path.file_name().is_some_and(|f| f == "main.py");
    if !folder_lesson {
        let l = load(path)?;
        let mut files = BTreeMap::new();
        files.insert(l.filename.clone(), l.source);
        return Ok((l.filename, files));
    }
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .unwrap_or_else(|| Path::new("."))
            .to_path_buf()
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let name = dir
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "lesson".into());
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| format!("pysim: cannot read {}: {e}", d.display()))?;
        for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if p.is_dir() {
                if p.file_name().is_some_and(|f| f != "__pycache__") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "py") {
                let rel = p.strip_prefix(&dir).unwrap_or(&p).to_string_lossy();
                let text = std::fs::read_to_string(&p)
                    .map_err(|e| format!("pysim: cannot read {}: {e}", p.display()))?;
                files.insert(format!("{name}/{}", rel.replace('\\', "/")), text);
            }
        }
    }
    let main = format!("{name}/main.py");
    if !files.contains_key(&main) {
        return Err(format!("pysim: {} has no main.py", dir.display()));
    }
    Ok((main, files))
}

/// The lesson as the page's JSON (`window.pysimExport`).
fn lesson_json(
    title: &str,
    narrative: &str,
    main: &str,
    files: &BTreeMap<String, String>,
    exercises: &[(String, String)],
) -> String {
    let id = main
        .split('/')
        .next()
        .unwrap_or(main)
        .trim_end_matches(".py");
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\"title\":{},\"narrative\":{},\"lesson\":{{\"id\":{},\"title\":{},\"main\":{},\"files\":{{",
        json_str(title),
        json_str(narrative),
        json_str(id),
        json_str(title),
        json_str(main)
    );
    for (i, (path, text)) in files.iter().enumerate() {
        let sep = if i > 0 { "," } else { "" };
        let _ = write!(out, "{sep}{}:{}", json_str(path), json_str(text));
    }
    out.push_str("},\"exercises\":[");
    for (i, (name, text)) in exercises.iter().enumerate() {
        let sep = if i > 0 { "," } else { "" };
        let _ = write!(
            out,
            "{sep}{{\"name\":{},\"text\":{}}}",
            json_str(name),
            json_str(text)
        );
    }
    out.push_str("]}}");
    out
}

/// Checks the lesson and its exercises (markers well formed, questions
/// answerable), so a broken quiz is found here rather than in class.
fn check_quiz(main_source: &str, display: &str, exercises: &[PathBuf]) -> Result<(), String> {
    exercise::parse(main_source).map_err(|e| format!("{display}:{}: {}", e.line, e.message))?;
    for p in exercises {
        check_loaded(&load(p)?)?;
    }
    Ok(())
}

fn export_inner(file: &Path, output: &Path, playground: Option<PathBuf>) -> Result<String, String> {
    let (template, template_path) = playground_template(playground)?;
    let (main, files) = program_files(file)?;
    let main_source = files.get(&main).cloned().unwrap_or_default();
    let has_own_questions = !exercise::parse(&main_source)
        .map(|ex| ex.questions.is_empty())
        .unwrap_or(true);
    let lesson_file = if file.is_dir() {
        file.join("main.py")
    } else {
        file.to_path_buf()
    };
    let exercise_paths = if has_own_questions {
        Vec::new()
    } else {
        exercises_of(&lesson_file)
    };
    check_quiz(&main_source, &file.display().to_string(), &exercise_paths)?;
    let mut exercises = Vec::new();
    for p in &exercise_paths {
        let l = load(p)?;
        exercises.push((l.filename, l.source));
    }
    let title = main.split('/').next().unwrap_or(&main).to_string();
    let data = lesson_json(&title, &narrative(&main_source), &main, &files, &exercises);
    let html = template
        .replacen(TITLE_SLOT, &html_text(&title), 1)
        .replacen(DATA_SLOT, &data, 1);
    std::fs::write(output, &html)
        .map_err(|e| format!("pysim: cannot write {}: {e}", output.display()))?;
    let quiz = if has_own_questions {
        "its own questions".to_string()
    } else {
        format!("{} exercise files", exercises.len())
    };
    Ok(format!(
        "wrote {} ({} KB: the playground from {}, {} program files, quiz: {quiz})",
        output.display(),
        html.len() / 1024,
        template_path.display(),
        files.len()
    ))
}

/// Text for an HTML element's content.
fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn export(file: PathBuf, output: PathBuf, playground: Option<PathBuf>) -> i32 {
    match export_inner(&file, &output, playground) {
        Ok(msg) => {
            println!("{msg}");
            0
        }
        Err(e) => {
            eprintln!("{e}");
            2
        }
    }
}
