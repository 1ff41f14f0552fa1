//! The trace subcommands of the `pysim` command line: `trace`, `show`,
//! `lifetimes`, `explain`. They run the program with the recorder attached
//! (its output kept in memory and shown as part of the story) and print a
//! view of the trace; the views themselves live in the library (`pysim::trace`).

use clap::{Args, Subcommand, ValueEnum};
use pysim::trace::explain::explain;
use pysim::trace::narrate::{NarrateOptions, narrate, quiet_objects};
use pysim::trace::run::record_program;
use pysim::trace::scene::build_scene;
use pysim::trace::state_text::render_scene;
use pysim::trace::{RecordOptions, Trace};
use std::io::IsTerminal;

/// Output formats of `pysim trace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    Text,
    Jsonl,
    Chrome,
    Pytutor,
}

/// What a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StepArg {
    Line,
    Instruction,
}

/// When to colour the narration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// The trace subcommands (flattened into the main command enum).
#[derive(Debug, Subcommand)]
pub enum TraceCommand {
    /// Run a program and tell what happened to its objects, step by step.
    Trace(TraceArgs),
    /// The state at one step: frames, names and objects with their refcounts.
    Show(ShowArgs),
    /// One bar per object, from birth to death.
    Lifetimes(LifetimesArgs),
    /// Why an object has its refcount at a step: its holders, one per line.
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    /// The program file.
    pub file: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: TraceFormat,
    /// Only what happens to this object (e.g. `list#1`).
    #[arg(long, value_name = "LABEL")]
    pub object: Option<String>,
    /// Only these lines of the program (e.g. `5-12`).
    #[arg(long, value_name = "A-B")]
    pub lines: Option<String>,
    /// Only the cycle collector: its phases, and what it finalized and freed.
    #[arg(long)]
    pub gc: bool,
    /// Show the bodies of imported modules.
    #[arg(long)]
    pub imports: bool,
    /// Show steps in files other than the program.
    #[arg(long)]
    pub include_stdlib: bool,
    #[arg(long, value_enum, default_value = "line")]
    pub step: StepArg,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<String>,
    /// Tell each line at most N times (later loop iterations are counted).
    #[arg(long, value_name = "N")]
    pub max_repeats: Option<u32>,
    /// JSONL: also the state records (references read at step boundaries).
    #[arg(long)]
    pub state: bool,
    /// Python Tutor: stop after this many entries (its own tracer stops at
    /// 1000); every step by default.
    #[arg(long, value_name = "N")]
    pub pytutor_limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub file: String,
    /// A step number, or `L12` for the first time line 12 runs.
    #[arg(long, value_name = "STEP|LINE")]
    pub at: String,
    /// Also write the picture as SVG.
    #[arg(long, value_name = "OUT")]
    pub svg: Option<String>,
    /// Also write the picture as Graphviz DOT.
    #[arg(long, value_name = "OUT")]
    pub dot: Option<String>,
    /// List every live object, including the interpreter's own.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct LifetimesArgs {
    pub file: String,
    /// Write the chart as SVG.
    #[arg(long, value_name = "OUT")]
    pub svg: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    pub file: String,
    /// A step number, or `L12` for the first time line 12 runs.
    #[arg(long, value_name = "STEP|LINE")]
    pub at: String,
    /// The object's label (e.g. `list#1`).
    pub object: String,
}

/// Runs a trace subcommand; returns the exit status.
pub fn run(cmd: TraceCommand) -> i32 {
    match cmd {
        TraceCommand::Trace(a) => cmd_trace(a),
        TraceCommand::Show(a) => cmd_show(a),
        TraceCommand::Lifetimes(a) => cmd_lifetimes(a),
        TraceCommand::Explain(a) => cmd_explain(a),
    }
}

/// Reads and runs the program with a recorder, on a thread with a deep stack.
fn record(file: &str, instructions: bool) -> Result<Trace, i32> {
    let source = std::fs::read_to_string(file).map_err(|e| {
        eprintln!("pysim: can't open file '{file}': {e}");
        2
    })?;
    // The program runs from its folder (modules beside it are found) and
    // is named relatively, so traces do not depend on where it lives.
    let path = std::path::Path::new(file);
    let base = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| ".".into());
    let name = path
        .file_name()
        .map_or_else(|| file.to_string(), |f| f.to_string_lossy().into_owned());
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let host = super::exercises::FolderHost { base };
            let (trace, outcome) = record_program(
                &source,
                &name,
                Box::new(host),
                Default::default(),
                RecordOptions { instructions },
            );
            (trace, outcome.exit_code)
        });
    match child.map(|h| h.join()) {
        Ok(Ok((trace, _code))) => Ok(trace),
        _ => {
            eprintln!("pysim: internal error: the interpreter thread failed");
            Err(71)
        }
    }
}

fn emit(text: &str, output: Option<&str>) -> i32 {
    match output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("pysim: cannot write {path}: {e}");
                2
            }
        },
        None => {
            print_out(text);
            0
        }
    }
}

/// Writes to stdout; a closed pipe (`pysim trace … | head`) is not an error.
fn print_out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn parse_lines(s: &str) -> Option<(u32, u32)> {
    match s.split_once('-') {
        Some((a, b)) => Some((a.trim().parse().ok()?, b.trim().parse().ok()?)),
        None => {
            let n = s.trim().parse().ok()?;
            Some((n, n))
        }
    }
}

fn cmd_trace(a: TraceArgs) -> i32 {
    let lines = match a.lines.as_deref().map(parse_lines) {
        Some(None) => {
            eprintln!("pysim: --lines wants A-B, e.g. 5-12");
            return 2;
        }
        Some(Some(r)) => Some(r),
        None => None,
    };
    let trace = match record(&a.file, a.step == StepArg::Instruction) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let text = match a.format {
        TraceFormat::Text => {
            let color = match a.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => a.output.is_none() && std::io::stdout().is_terminal(),
            };
            let opts = NarrateOptions {
                object: a.object,
                lines,
                gc: a.gc,
                imports: a.imports,
                include_stdlib: a.include_stdlib,
                instructions: a.step == StepArg::Instruction,
                color,
                max_repeats: a.max_repeats,
            };
            narrate(&trace, &opts)
        }
        TraceFormat::Jsonl => {
            let opts = pysim::trace::export::jsonl::JsonlOptions { state: a.state };
            pysim::trace::export::jsonl::to_jsonl(&trace, opts)
        }
        TraceFormat::Chrome => pysim::trace::export::chrome::to_chrome(&trace),
        TraceFormat::Pytutor => {
            let opts = pysim::trace::export::pytutor::PytutorOptions {
                max_steps: a.pytutor_limit,
            };
            pysim::trace::export::pytutor::to_pytutor_with(&trace, opts)
        }
    };
    emit(&text, a.output.as_deref())
}

/// Resolves `--at`: a step number or `L<line>`.
fn resolve_step(trace: &Trace, at: &str) -> Result<u64, i32> {
    let at = at.trim();
    let line = at.strip_prefix('L').or_else(|| at.strip_prefix("line"));
    match line {
        Some(l) => match l
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|l| trace.step_of_line(l))
        {
            Some(s) => Ok(s),
            None => {
                eprintln!("pysim: line {l} never runs");
                Err(2)
            }
        },
        None => match at.parse::<u64>() {
            Ok(s) if s < trace.steps => Ok(s),
            Ok(s) => {
                eprintln!(
                    "pysim: step {s} is past the end (the trace has {} steps)",
                    trace.steps
                );
                Err(2)
            }
            Err(_) => {
                eprintln!("pysim: --at wants a step number or L<line>, e.g. 12 or L5");
                Err(2)
            }
        },
    }
}

fn cmd_show(a: ShowArgs) -> i32 {
    let trace = match record(&a.file, false) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let step = match resolve_step(&trace, &a.at) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let state = trace.state_at(step);
    let quiet = quiet_objects(&trace);
    let scene = build_scene(&trace, &state, &quiet, a.all);
    print_out(&render_scene(&trace, &state, &scene));
    let mut code = 0;
    if let Some(path) = a.svg {
        code = code.max(emit(
            &pysim::trace::svg::scene_svg(&trace, &scene),
            Some(&path),
        ));
    }
    if let Some(path) = a.dot {
        code = code.max(emit(
            &pysim::trace::dot::scene_dot(&trace, &scene),
            Some(&path),
        ));
    }
    code
}

fn cmd_lifetimes(a: LifetimesArgs) -> i32 {
    let trace = match record(&a.file, false) {
        Ok(t) => t,
        Err(code) => return code,
    };
    print_out(&pysim::trace::lifetimes::lifetimes_text(&trace, 60));
    match a.svg {
        Some(path) => emit(&pysim::trace::lifetimes::lifetimes_svg(&trace), Some(&path)),
        None => 0,
    }
}

fn cmd_explain(a: ExplainArgs) -> i32 {
    let trace = match record(&a.file, false) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let step = match resolve_step(&trace, &a.at) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let Some(obj) = trace.find_label(&a.object) else {
        eprintln!("pysim: no object is labelled {} in this run", a.object);
        return 2;
    };
    let state = trace.state_at(step);
    print_out(&explain(&trace, &state, obj));
    0
}
