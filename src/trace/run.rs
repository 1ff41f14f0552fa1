//! Running a program with a trace recorder attached (the library side of
//! `pysim trace`; the browser calls the same functions).

use super::recorder::{RecordOptions, RecorderHandle};
use super::store::Trace;
use crate::error::CompileError;
use crate::host::Host;
use crate::runtime::events::EventSink;
use crate::runtime::vm::run::{EXIT_UNSUPPORTED, RunOutcome};
use crate::runtime::vm::{RunOptions, Vm};

/// Compiles and runs `source` as `__main__` with `sink` attached from the
/// first instruction on (the interpreter's bootstrap objects are already there).
pub fn run_with_sink(
    source: &str,
    filename: &str,
    mut host: Box<dyn Host>,
    options: RunOptions,
    sink: Box<dyn EventSink>,
) -> RunOutcome {
    let code = crate::parser::parse_module(source, filename)
        .and_then(|m| crate::compiler::compile_module_with_source(&m, filename, source));
    let code = match code {
        Ok(c) => c,
        Err(CompileError::Syntax(e)) => {
            host.write_stderr(&e.render());
            return RunOutcome { exit_code: 1 };
        }
        Err(CompileError::Unsupported(u)) => {
            host.write_stderr(&format!("{u}\n"));
            return RunOutcome {
                exit_code: EXIT_UNSUPPORTED,
            };
        }
    };
    let mut vm = Vm::new(host, options);
    vm.sources.insert(filename.into(), source.into());
    vm.sink = Some(sink);
    let exit_code = vm.run_main(code, filename);
    vm.sink = None;
    RunOutcome { exit_code }
}

/// Runs `source` and returns its trace.
pub fn record_program(
    source: &str,
    filename: &str,
    host: Box<dyn Host>,
    options: RunOptions,
    record: RecordOptions,
) -> (Trace, RunOutcome) {
    let recorder = RecorderHandle::new(record);
    let outcome = run_with_sink(source, filename, host, options, Box::new(recorder.clone()));
    (recorder.finish(filename, source), outcome)
}
