//! `_io`: `open()` for text files, with the file contents going through the
//! host (`Host::read_source` / `Host::write_file`) — the core reads and
//! writes no files itself. The CLI host serves real files (relative to the
//! script's folder), the in-memory host its file set. The file object is
//! `io.TextIOWrapper` (pure Python in `src/stdlib/io.py`); binary modes are
//! outside the subset. `builtins.open` is `_io.open`, as in CPython.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::NativeDef;
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// `OSError(errno, strerror, filename)` of the right subclass.
fn os_error(vm: &mut Vm, errno: i64, msg: &str, path: ObjRef) -> crate::runtime::vm::PyErr {
    let e = vm.new_int(errno);
    let m = vm.new_str(msg);
    let ty = vm.types.os_error;
    match vm.call(ty, &[e, m, path], None) {
        Ok(exc) => {
            vm.decref_temp(e);
            vm.decref_temp(m);
            crate::runtime::vm::PyErr::Exception(exc)
        }
        Err(err) => err,
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
fn io_open(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let names = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let a = vm.parse_args("open", args, k, &names, 1)?;
    let file = a[0].unwrap_or_default();
    let Some(path) = vm.str_rc(file) else {
        let tn = vm.type_name_of(file);
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {tn}"
        )));
    };
    let mode: Rc<str> = match a[1] {
        Some(m) => vm.expect_str(m, "open() argument 'mode'")?,
        None => "r".into(),
    };
    let repeated = mode
        .chars()
        .enumerate()
        .any(|(i, c)| mode.chars().skip(i + 1).any(|d| d == c));
    if repeated || mode.chars().any(|c| !"rwxa+tb".contains(c)) {
        return Err(vm.value_error(format!("invalid mode: '{mode}'")));
    }
    if mode.contains('t') && mode.contains('b') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    match mode.chars().filter(|c| "rwxa".contains(*c)).count() {
        1 => {}
        0 => {
            return Err(vm.value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ));
        }
        _ => {
            return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
        }
    }
    if mode.contains('b') {
        return Err(vm.not_implemented_error(
            "pysim: binary files (open() with 'b' in the mode) are outside the modelled subset",
        ));
    }
    let existing = vm.host.read_source(&path);
    let text = match mode.chars().find(|c| "rwxa".contains(*c)) {
        Some('r') => match existing {
            Some(t) => t,
            None => return Err(os_error(vm, 2, "No such file or directory", file)),
        },
        Some('x') if existing.is_some() => return Err(os_error(vm, 17, "File exists", file)),
        Some('a') => existing.unwrap_or_default(),
        _ => String::new(),
    };
    if !mode.contains('r')
        && let Err(e) = vm.host.write_file(&path, &text)
    {
        return Err(os_error(vm, 13, &e, file));
    }
    let io = crate::runtime::imports::level::import_module_level(vm, "io", None, None, 0)?;
    let cls = vm.getattr_str(io, "TextIOWrapper");
    vm.decref_temp(io);
    let cls = cls?;
    let mode_obj = vm.new_str(&mode);
    let text_obj = vm.new_string(text);
    let r = vm.call(cls, &[file, mode_obj, text_obj], None);
    for o in [cls, mode_obj, text_obj] {
        vm.decref_temp(o);
    }
    r
}

/// `_io._write_text(path, text)`: stores a text file's whole contents.
fn io_write_text(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("_write_text", args.len(), 2, 2)?;
    let path = vm.expect_str(args[0], "path")?;
    let text = vm.expect_str(args[1], "text")?;
    if let Err(e) = vm.host.write_file(&path, &text) {
        return Err(os_error(vm, 13, &e, args[0]));
    }
    Ok(vm.none())
}

/// `open` itself, for `builtins.open`.
pub static OPEN: NativeDef = native!("open", io_open);

static FUNCTIONS: &[NativeDef] = &[
    native!("open", io_open),
    native!("_write_text", io_write_text),
];

/// Fills the `_io` module.
pub fn init(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    vm.add_module_functions(dict, dict, FUNCTIONS);
    Ok(())
}
