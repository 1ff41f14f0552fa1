//! Running a program: compile, create `__main__`, run its code, report an
//! uncaught exception or `SystemExit`, and shut down as CPython does
//! (finalizers of objects still alive, then `__main__`'s namespace cleared).

use super::{Fatal, PyErr, RunOptions, Vm};
use crate::error::CompileError;
use crate::host::Host;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;

/// Exit status when `--max-steps` stops a program (`pysim: step limit …`).
pub const EXIT_STEP_LIMIT: i32 = 3;
/// Exit status when `--max-heap` stops a program.
pub const EXIT_HEAP_LIMIT: i32 = 4;
/// Exit status for constructs outside pysim's subset and usage errors.
pub const EXIT_UNSUPPORTED: i32 = 2;
/// Exit status when the heap audit fails (`pysim: heap audit failed …`).
pub const EXIT_AUDIT_FAILED: i32 = 70;
/// Exit status for an internal error in pysim.
pub const EXIT_INTERNAL: i32 = 71;

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutcome {
    /// The process exit status python3 would have (0, 1, `SystemExit`'s code…).
    pub exit_code: i32,
}

/// Compiles and runs `source` as the `__main__` module.
pub fn run_file(
    source: &str,
    filename: &str,
    mut host: Box<dyn Host>,
    options: RunOptions,
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
    let exit_code = vm.run_main(code, filename);
    RunOutcome { exit_code }
}

impl Vm {
    /// Runs the module code as `__main__`; returns the exit status.
    pub fn run_main(
        &mut self,
        code: std::rc::Rc<crate::bytecode::CodeObject>,
        filename: &str,
    ) -> i32 {
        let (module, globals) = match self.create_main_module(filename) {
            Ok(m) => m,
            Err(e) => return self.report_error(e),
        };
        // `__main__` is created during startup in CPython: it is old.
        self.gc_after_bootstrap();
        let code_obj = self.new_code(code);
        let result = self
            .new_function(code_obj, globals, None, None, None, None)
            .and_then(|func| {
                self.decref(code_obj, Holder::Temp);
                self.run_function(func, &[], None)
            });
        let status = match result {
            Ok(v) => {
                self.decref(v, Holder::Temp);
                0
            }
            Err(e) => self.report_error(e),
        };
        if let Some(f) = self.pending_fatal.take() {
            return self.report_error(PyErr::Fatal(f));
        }
        self.shutdown(module, globals);
        if let Some(f) = self.pending_fatal.take() {
            return self.report_error(PyErr::Fatal(f));
        }
        status
    }

    /// A `__main__` module with CPython's initial globals, registered in `sys.modules`.
    fn create_main_module(&mut self, filename: &str) -> Result<(ObjRef, ObjRef), PyErr> {
        let name = self.intern("__main__");
        let module_ty = self.types.module;
        let module = self.alloc(module_ty, Payload::Module { name });
        let globals = self.new_dict();
        self.heap.get_mut(module).dict = Some(globals);
        let none = self.types.none;
        self.dict_set_str(globals, "__name__", name)?;
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            self.dict_set_str(globals, key, none)?;
        }
        let ann = self.new_dict();
        self.dict_set_str(globals, "__annotations__", ann)?;
        self.decref(ann, Holder::Temp);
        let builtins = self.types.builtins;
        self.dict_set_str(globals, "__builtins__", builtins)?;
        let file = self.new_str(filename);
        self.dict_set_str(globals, "__file__", file)?;
        self.decref(file, Holder::Temp);
        self.dict_set_str(globals, "__cached__", none)?;
        let modules = self.types.modules;
        self.dict_set_str(modules, "__main__", module)?;
        crate::runtime::imports::set_script_path(self, filename);
        // sys.modules holds the module; the VM keeps no reference of its own.
        self.decref(module, Holder::Temp);
        Ok((module, globals))
    }

    /// Prints an error that ended the program and returns the exit status.
    pub fn report_error(&mut self, e: PyErr) -> i32 {
        match e {
            PyErr::Exception(exc) => {
                if self.isinstance_of(exc, self.types.system_exit) {
                    return self.handle_system_exit(exc);
                }
                self.print_uncaught(exc);
                self.decref(exc, Holder::Temp);
                1
            }
            PyErr::Fatal(f) => {
                let (msg, code) = match f {
                    Fatal::StepLimit(n) => (
                        format!("pysim: step limit of {n} instructions reached (--max-steps)\n"),
                        EXIT_STEP_LIMIT,
                    ),
                    Fatal::HeapLimit(n) => (
                        format!("pysim: heap limit of {n} bytes reached (--max-heap)\n"),
                        EXIT_HEAP_LIMIT,
                    ),
                    Fatal::AuditFailed(report) => (
                        format!("pysim: heap audit failed\n{report}\n"),
                        EXIT_AUDIT_FAILED,
                    ),
                    Fatal::Internal(m) => (format!("pysim: internal error: {m}\n"), EXIT_INTERNAL),
                    Fatal::Unsupported(m) => (format!("{m}\n"), EXIT_UNSUPPORTED),
                };
                self.write_stderr(&msg);
                code
            }
        }
    }

    /// `SystemExit`: None → 0, an int → that status, anything else is printed → 1.
    fn handle_system_exit(&mut self, exc: ObjRef) -> i32 {
        let args = self
            .exception_args(exc)
            .and_then(|a| self.seq_items(a))
            .unwrap_or_default();
        let code = match args.len() {
            0 => None,
            1 => Some(args[0]),
            _ => self.exception_args(exc),
        };
        let status = match code {
            None => 0,
            Some(c) if c == self.types.none => 0,
            Some(c) => match self.small_int_value(c) {
                Some(i) => i as i32,
                None => {
                    let text = self.str_lossy(c);
                    self.write_stderr(&format!("{text}\n"));
                    1
                }
            },
        };
        self.decref(exc, Holder::Temp);
        status
    }

    /// Interpreter shutdown: atexit, the exit collections and the module
    /// teardown, as CPython 3.11 does (see `runtime::gc::shutdown`).
    fn shutdown(&mut self, module: ObjRef, _globals: ObjRef) {
        // Shutdown holds references the audit cannot see.
        self.options.audit = false;
        self.finalize_interpreter(module);
    }
}
