//! The embedded standard library: pysim's pure-Python modules (`src/stdlib/`)
//! compiled into the binary with `include_str!`, served as a virtual folder.
//!
//! CPython finds its pure-Python library in `Lib/` (here
//! [`STDLIB_DIR`], the second `sys.path` entry, after the script's folder, so
//! a module in the script's folder shadows a library module of the same name,
//! as in CPython) and its extension modules in `lib-dynload` ([`DYNLOAD_DIR`],
//! served by `runtime::modules`). Some modules are compiled into CPython's
//! executable (`sys.builtin_module_names`: itertools, time, gc, atexit…):
//! they are found before `sys.path` is searched and cannot be shadowed; pysim
//! implements two of those in Python ([`BUILTIN_SOURCES`]).
//!
//! Library code is hidden from the trace by default: a frame is library code
//! when its code object's filename starts with [`STDLIB_DIR`] or is one of
//! the `<frozen …>`/`<builtin …>` names ([`is_library_file`]).

/// The virtual folder of the pure-Python standard library (CPython's `Lib/`).
pub const STDLIB_DIR: &str = "/usr/lib/python3.11";
/// The virtual folder of extension modules (CPython's `lib-dynload`).
pub const DYNLOAD_DIR: &str = "/usr/lib/python3.11/lib-dynload";

/// Library modules by path relative to [`STDLIB_DIR`].
static LIBRARY: &[(&str, &str)] = &[
    ("_argbind.py", include_str!("../../stdlib/_argbind.py")),
    ("_sha512.py", include_str!("../../stdlib/_sha512.py")),
    ("abc.py", include_str!("../../stdlib/abc.py")),
    ("bisect.py", include_str!("../../stdlib/bisect.py")),
    (
        "collections/__init__.py",
        include_str!("../../stdlib/collections/__init__.py"),
    ),
    ("contextlib.py", include_str!("../../stdlib/contextlib.py")),
    ("copy.py", include_str!("../../stdlib/copy.py")),
    (
        "dataclasses.py",
        include_str!("../../stdlib/dataclasses.py"),
    ),
    ("enum.py", include_str!("../../stdlib/enum.py")),
    ("functools.py", include_str!("../../stdlib/functools.py")),
    ("heapq.py", include_str!("../../stdlib/heapq.py")),
    ("keyword.py", include_str!("../../stdlib/keyword.py")),
    ("linecache.py", include_str!("../../stdlib/linecache.py")),
    ("operator.py", include_str!("../../stdlib/operator.py")),
    ("random.py", include_str!("../../stdlib/random.py")),
    ("string.py", include_str!("../../stdlib/string.py")),
    ("traceback.py", include_str!("../../stdlib/traceback.py")),
    ("types.py", include_str!("../../stdlib/types.py")),
    ("io.py", include_str!("../../stdlib/io.py")),
    ("os.py", include_str!("../../stdlib/os.py")),
    ("posixpath.py", include_str!("../../stdlib/posixpath.py")),
    (
        "importlib/__init__.py",
        include_str!("../../stdlib/importlib/__init__.py"),
    ),
];

/// Modules CPython compiles into its executable that pysim writes in Python:
/// (name, source). Their code objects are named `<builtin NAME>`.
pub static BUILTIN_SOURCES: &[(&str, &str)] = &[
    ("itertools", include_str!("../../stdlib/itertools.py")),
    ("time", include_str!("../../stdlib/time.py")),
];

/// The source of a library file, given its full virtual path.
pub fn library_source(path: &str) -> Option<&'static str> {
    let rel = path.strip_prefix(STDLIB_DIR)?.strip_prefix('/')?;
    LIBRARY.iter().find(|(p, _)| *p == rel).map(|(_, s)| *s)
}

/// Whether `path` is a folder of the virtual library (the library itself,
/// `lib-dynload`, or a package folder inside it).
pub fn library_is_dir(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    if path == STDLIB_DIR || path == DYNLOAD_DIR {
        return true;
    }
    let Some(rel) = path
        .strip_prefix(STDLIB_DIR)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return false;
    };
    let prefix = format!("{rel}/");
    LIBRARY.iter().any(|(p, _)| p.starts_with(&prefix))
}

/// Whether `path` lies inside the virtual library: the host is never asked for it.
pub fn is_library_path(path: &str) -> bool {
    path == STDLIB_DIR || path.starts_with(&format!("{STDLIB_DIR}/"))
}

/// Whether code from `filename` is library code (hidden from the trace by
/// default): the embedded library, builtin modules written in Python, and
/// the import machinery itself.
pub fn is_library_file(filename: &str) -> bool {
    is_library_path(filename)
        || filename.starts_with("<frozen ")
        || filename.starts_with("<builtin ")
}

/// The Python source of a builtin module written in Python.
pub fn builtin_source(name: &str) -> Option<&'static str> {
    BUILTIN_SOURCES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
}
