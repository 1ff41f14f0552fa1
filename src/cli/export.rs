//! `pysim export LESSON.py -o LESSON.html` (filled in below).

use std::path::PathBuf;

pub fn export(_file: PathBuf, _output: PathBuf) -> i32 {
    eprintln!("pysim export: not yet");
    2
}
