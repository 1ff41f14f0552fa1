//! The `pysim` command line: `pysim run FILE [ARGS…]`, `pysim run -`,
//! `pysim dis FILE`, with limits and the heap audit as options.
//!
//! Exit status: the program's own (0, 1 for an uncaught exception,
//! `SystemExit`'s code), 2 for usage errors and constructs outside pysim's
//! subset, 3 when `--max-steps` stops the program, 4 for `--max-heap`,
//! 70 when `--audit` finds a refcount mismatch, 71 for an internal error.

mod cli;

use clap::{Parser, Subcommand};
use pysim::host::Host;
use pysim::{Limits, RunOptions, run_file};
use std::io::{Read, Write};
use std::path::Path;

#[derive(Parser)]
#[command(
    name = "pysim",
    version,
    about = "An exact model of how CPython 3.11 treats objects"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python file (`-` reads the program from stdin).
    Run {
        /// The program file, or `-` for stdin.
        file: String,
        /// Arguments for the program (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
        /// Stop after this many bytecode instructions.
        #[arg(long, value_name = "N")]
        max_steps: Option<u64>,
        /// Stop when more than this many bytes are live.
        #[arg(long, value_name = "BYTES")]
        max_heap: Option<u64>,
        /// Check every reference count at every line boundary.
        #[arg(long)]
        audit: bool,
    },
    /// Print the bytecode of a Python file as `python3 -m dis` does.
    Dis {
        /// The program file.
        file: String,
    },
    /// Grade filled-in exercise files, explaining every wrong answer.
    Check {
        /// Exercise files (`# predict:` markers).
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Print an exercise with every answer filled in from the run.
    Solve {
        file: std::path::PathBuf,
        /// Write the solution here instead of stdout.
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
    },
    /// Ask an exercise's (or a lesson's exercises') questions on the terminal.
    Quiz { file: std::path::PathBuf },
    /// Summarise a folder of students' exercise files as a table.
    Grade {
        dir: std::path::PathBuf,
        /// CSV instead of Markdown.
        #[arg(long)]
        csv: bool,
    },
    /// Write one self-contained HTML page that works offline: the browser
    /// playground with the lesson's program, narrative and quiz.
    Export {
        /// The lesson: a .py file, or a folder lesson (its folder or main.py).
        file: std::path::PathBuf,
        #[arg(short, long)]
        output: std::path::PathBuf,
        /// The playground's single-file template (web/dist/export.html, built
        /// by web/build.sh); default: $PYSIM_PLAYGROUND, else the one in the
        /// source tree pysim was built from.
        #[arg(long)]
        playground: Option<std::path::PathBuf>,
    },
    #[command(flatten)]
    Trace(cli::trace_cmds::TraceCommand),
}

/// The host for the command line: real files, buffered stdout, unbuffered stderr.
struct CliHost {
    stdout: std::io::BufWriter<std::io::Stdout>,
    base_dir: std::path::PathBuf,
}

impl Host for CliHost {
    fn write_stdout(&mut self, text: &str) {
        let _ = self.stdout.write_all(text.as_bytes());
    }
    fn write_stderr(&mut self, text: &str) {
        let _ = self.stdout.flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
    fn read_source(&mut self, path: &str) -> Option<String> {
        let p = Path::new(path);
        let full = if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        };
        std::fs::read_to_string(full).ok()
    }
    fn write_file(&mut self, path: &str, text: &str) -> Result<(), String> {
        std::fs::write(self.base_dir.join(path), text).map_err(|e| {
            let msg = e.to_string();
            // "Permission denied (os error 13)" -> "Permission denied"
            msg.split(" (os error").next().unwrap_or(&msg).to_string()
        })
    }
    fn is_dir(&mut self, path: &str) -> bool {
        self.base_dir.join(path).is_dir()
    }
    fn cwd(&mut self) -> String {
        self.base_dir.to_string_lossy().into_owned()
    }
}

impl Drop for CliHost {
    fn drop(&mut self) {
        let _ = self.stdout.flush();
    }
}

fn read_program(file: &str) -> Result<String, String> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("pysim: cannot read stdin: {e}"))?;
        return Ok(s);
    }
    std::fs::read_to_string(file).map_err(|e| {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.into());
        format!(
            "pysim: can't open file '{}': [Errno {}] {}",
            abs.display(),
            e.raw_os_error().unwrap_or(2),
            match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                _ => e.to_string(),
            }
        )
    })
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Run {
            file,
            args,
            max_steps,
            max_heap,
            audit,
        } => {
            let source = match read_program(&file) {
                Ok(s) => s,
                Err(msg) => {
                    eprintln!("{msg}");
                    std::process::exit(2);
                }
            };
            // As python3 (3.9+), the script's path is made absolute: it is
            // `__file__`, the first `sys.path` entry's folder, and what
            // tracebacks show.
            let filename = if file == "-" {
                "<stdin>".to_string()
            } else {
                std::path::absolute(&file)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| file.clone())
            };
            let mut argv = vec![if file == "-" {
                "-".to_string()
            } else {
                file.clone()
            }];
            argv.extend(args);
            let options = RunOptions {
                limits: Limits {
                    max_steps,
                    max_heap,
                    ..Limits::default()
                },
                audit,
                argv,
            };
            // Deep Python recursion re-enters the VM through native code; give it room.
            let child = std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn(move || {
                    let host = CliHost {
                        stdout: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
                        base_dir: std::env::current_dir().unwrap_or_default(),
                    };
                    run_file(&source, &filename, Box::new(host), options).exit_code
                });
            match child.map(|h| h.join()) {
                Ok(Ok(code)) => code,
                _ => {
                    eprintln!("pysim: internal error: the interpreter thread failed");
                    71
                }
            }
        }
        Command::Trace(t) => cli::trace_cmds::run(t),
        Command::Dis { file } => {
            let source = match read_program(&file) {
                Ok(s) => s,
                Err(msg) => {
                    eprintln!("{msg}");
                    std::process::exit(2);
                }
            };
            let code = pysim::parser::parse_module(&source, &file)
                .and_then(|m| pysim::compiler::compile_module_with_source(&m, &file, &source));
            match code {
                Ok(c) => {
                    print!("{}", pysim::dis::disassemble(&c));
                    0
                }
                Err(pysim::error::CompileError::Syntax(e)) => {
                    eprint!("{}", e.render());
                    1
                }
                Err(pysim::error::CompileError::Unsupported(u)) => {
                    eprintln!("{u}");
                    2
                }
            }
        }
        Command::Check { files } => {
            cli::exercises::with_stack(move || cli::exercises::check(files)).unwrap_or(71)
        }
        Command::Solve { file, output } => {
            cli::exercises::with_stack(move || cli::exercises::solve(file, output)).unwrap_or(71)
        }
        Command::Quiz { file } => {
            cli::exercises::with_stack(move || cli::exercises::quiz(file)).unwrap_or(71)
        }
        Command::Grade { dir, csv } => {
            cli::exercises::with_stack(move || cli::exercises::grade_dir(dir, csv)).unwrap_or(71)
        }
        Command::Export {
            file,
            output,
            playground,
        } => cli::exercises::with_stack(move || cli::export::export(file, output, playground))
            .unwrap_or(71),
    };
    std::process::exit(code);
}
