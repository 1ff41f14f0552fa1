//! POSIX-style path strings for the import system.
//!
//! Paths are plain strings the host understands. An empty directory means
//! "the current folder" (a host without an absolute root, like the browser's
//! in-memory file set, uses relative paths throughout), so joining onto ""
//! adds no separator. The import system only ever appends module-name
//! components that [`is_name_component`] accepts, so a search can never
//! climb out of a `sys.path` entry or a package's `__path__` folder.

/// `os.path.join(dir, name)` for one component.
pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// `os.path.dirname(path)`: everything before the last `/` (without
/// trailing slashes unless the result is the root).
pub fn dirname(path: &str) -> String {
    match path.rfind('/') {
        None => String::new(),
        Some(i) => {
            let head = &path[..=i];
            let trimmed = head.trim_end_matches('/');
            if trimmed.is_empty() {
                head.to_string()
            } else {
                trimmed.to_string()
            }
        }
    }
}

/// Whether `name` can be one component of a module name looked up on disk:
/// a non-empty identifier, so it can contain no separator and is never `..`.
pub fn is_name_component(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// The `__cached__` path CPython reports for a source file (the bytecode
/// cache is never written, but the attribute names where it would be).
pub fn cached_path(source: &str) -> String {
    let dir = dirname(source);
    let file = source.rsplit('/').next().unwrap_or(source);
    let stem = file.strip_suffix(".py").unwrap_or(file);
    join(
        &join(&dir, "__pycache__"),
        &format!("{stem}.cpython-311.pyc"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_splits() {
        assert_eq!(join("", "a.py"), "a.py");
        assert_eq!(join("/x", "a.py"), "/x/a.py");
        assert_eq!(join("/", "a.py"), "/a.py");
        assert_eq!(dirname("/x/a.py"), "/x");
        assert_eq!(dirname("a.py"), "");
        assert_eq!(dirname("/a.py"), "/");
        assert_eq!(cached_path("/x/m.py"), "/x/__pycache__/m.cpython-311.pyc");
        assert!(is_name_component("abc_1"));
        assert!(!is_name_component(".."));
        assert!(!is_name_component("a/b"));
        assert!(!is_name_component(""));
    }
}
