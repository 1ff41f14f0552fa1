//! The lessons under `lessons/` as the lesson tests see them: every
//! numbered lesson (a `.py` file or a folder with `main.py`) and the
//! `KNOWN_FAILURES` list. Shared by `tests/lessons.rs` and
//! `tests/lesson_traces.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub fn lessons_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

/// (name, working folder, script) of every numbered lesson, in order.
pub fn lessons() -> Vec<(String, PathBuf, String)> {
    let root = lessons_root();
    let mut names: Vec<String> = fs::read_dir(&root)
        .expect("lessons/ is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.len() > 2 && n.as_bytes()[..2].iter().all(u8::is_ascii_digit))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|n| {
            let path = root.join(&n);
            if path.is_dir() {
                Some((n, path, "main.py".to_string()))
            } else {
                n.strip_suffix(".py")
                    .map(|stem| (stem.to_string(), root.clone(), n.clone()))
            }
        })
        .collect()
}

/// `lessons/KNOWN_FAILURES`: lesson name → the reason after `#`.
pub fn known_failures() -> BTreeMap<String, String> {
    let text = fs::read_to_string(lessons_root().join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let (name, why) = l.split_once('#').unwrap_or((l, ""));
            let name = name.trim();
            (!name.is_empty()).then(|| (name.to_string(), why.trim().to_string()))
        })
        .collect()
}
