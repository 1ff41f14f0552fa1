//! Snapshots of what pysim prints on stderr, and the exit code, for
//! erroneous programs in `tests/error_snapshots/*.py`: uncaught exceptions
//! (chained, at depth, with name suggestions), SyntaxError and
//! IndentationError, constructs outside the modelled subset, and the
//! `--max-steps` / `--max-heap` limits.
//!
//! Each program runs from its own folder with its file name; the folder
//! prefix of the absolute path the CLI passes to the core is stripped as in
//! `tests/programs.rs`. For the Python-error cases the snapshots agree with
//! what python3 (3.11) prints; the subset and limit cases are pysim's own.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test error_snapshots`.

#[path = "support/strip_folder.rs"]
mod strip_folder;

use std::path::Path;
use std::process::{Command, Stdio};

fn run(name: &str, extra: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("error_snapshots");
    let file = format!("{name}.py");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pysim"));
    cmd.arg("run").args(extra).arg(&file).current_dir(&dir);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    let out = cmd
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .output()
        .expect("cannot run pysim");
    let stderr = strip_folder::strip_folder(out.stderr, &dir);
    let code = out
        .status
        .code()
        .map_or_else(|| "signal".to_string(), |c| c.to_string());
    format!(
        "exit code: {code}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&stderr)
    )
}

macro_rules! snapshot_cases {
    ($($name:ident $(: [$($arg:expr),*])?;)*) => {
        $(
            #[test]
            fn $name() {
                let extra: &[&str] = &[$($($arg),*)?];
                insta::assert_snapshot!(stringify!($name), run(stringify!($name), extra));
            }
        )*
    };
}

snapshot_cases! {
    chained_at_depth;
    implicit_context;
    exception_in_finally;
    custom_exception;
    key_error_in_method;
    type_error_call;
    unbound_local;
    name_error_suggestion;
    attribute_error_suggestion;
    recursion_error;
    syntax_error;
    indentation_error;
    unindent_mismatch;
    async_def;
    match_statement;
    max_steps: ["--max-steps", "10000"];
    max_heap: ["--max-heap", "5000000"];
}
