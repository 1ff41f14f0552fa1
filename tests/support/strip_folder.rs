//! Removes `<folder>/` from pysim's output, as `tests/programs.rs` and
//! `tests/regen.py` do: the CLI passes the program's absolute path to the
//! core, and expectations must not depend on where the repository lives.

use std::path::Path;

pub fn strip_folder(data: Vec<u8>, dir: &Path) -> Vec<u8> {
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
