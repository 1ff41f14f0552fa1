//! The `sys` module: argv, getrefcount, getsizeof, intern, recursion limit,
//! exc_info, version info, stdout/stderr, modules, path, platform.

use crate::native;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

fn sys_getrefcount(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("getrefcount", args.len(), 1, 1)?;
    let n = vm.heap.refcount(args[0]);
    Ok(vm.new_int(n as i64))
}

fn sys_getsizeof(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("getsizeof", args.len(), 1, 2)?;
    let n = super::sizeof::getsizeof(vm, args[0]);
    Ok(vm.new_int(n as i64))
}

fn sys_intern(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("intern", args.len(), 1, 1)?;
    if vm.heap.type_of(args[0]) != vm.types.str {
        let tn = vm.type_name_of(args[0]);
        return Err(vm.type_error(format!("intern() argument must be str, not {tn}")));
    }
    Ok(vm.intern_obj(args[0]))
}

fn sys_getrecursionlimit(vm: &mut Vm, _a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let n = vm.options.limits.recursion_limit;
    Ok(vm.new_int(n as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("setrecursionlimit", args.len(), 1, 1)?;
    let n = vm.index_value(args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.options.limits.recursion_limit = n as usize;
    Ok(vm.none())
}

fn sys_exc_info(vm: &mut Vm, _a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    match vm.handled_exception {
        Some(e) if e != vm.types.none => {
            let t = vm.heap.type_of(e);
            let tb = match vm.heap.payload(e) {
                Payload::BaseException(d) => d.traceback,
                _ => None,
            }
            .unwrap_or(vm.types.none);
            Ok(vm.new_tuple_from(&[t, e, tb]))
        }
        _ => {
            let n = vm.types.none;
            Ok(vm.new_tuple_from(&[n, n, n]))
        }
    }
}

fn sys_exception(vm: &mut Vm, _a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let e = vm.handled_exception.unwrap_or(vm.types.none);
    Ok(vm.new_ref(e))
}

fn sys_exit(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    let t = vm.types.system_exit;
    let a: Vec<ObjRef> = args.iter().map(|&a| vm.new_ref(a)).collect();
    Err(vm.new_exception_args(t, a))
}

fn io_write(vm: &mut Vm, args: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    vm.check_nargs("write", args.len() - 1, 1, 1)?;
    let Some(s) = vm.str_rc(args[1]) else {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    };
    vm.write_to_file(args[0], &s)?;
    let n = s.chars().count();
    Ok(vm.new_int(n as i64))
}

fn io_flush(vm: &mut Vm, _a: &[ObjRef], _k: Option<&[Rc<str>]>) -> PyResult {
    Ok(vm.none())
}

static SYS_FUNCTIONS: &[NativeDef] = &[
    native!("getrefcount", sys_getrefcount),
    native!("getsizeof", sys_getsizeof),
    native!("intern", sys_intern),
    native!("getrecursionlimit", sys_getrecursionlimit),
    native!("setrecursionlimit", sys_setrecursionlimit),
    native!("exc_info", sys_exc_info),
    native!("exception", sys_exception),
    native!("exit", sys_exit),
];
static IO_METHODS: &[NativeDef] = &[native!("write", io_write), native!("flush", io_flush)];

pub(super) fn install(vm: &mut Vm) {
    let m = vm.new_module("sys");
    let d = vm.module_dict(m);
    vm.types.sys = m;
    vm.types.sys_dict = d;
    vm.add_module_functions(d, m, SYS_FUNCTIONS);
    let hook = vm.new_builtin(&crate::runtime::vm::unraisable::UNRAISABLEHOOK, None);
    let _ = vm.dict_set_str(d, "unraisablehook", hook);
    let _ = vm.dict_set_str(d, "__unraisablehook__", hook);
    vm.decref_temp(hook);
    let io = vm.types.text_io;
    vm.add_methods(io, IO_METHODS);
    vm.types.stdout = vm.alloc(io, Payload::Plain);
    vm.types.stderr = vm.alloc(io, Payload::Plain);
    let (so, se) = (vm.types.stdout, vm.types.stderr);
    let _ = vm.dict_set_str(d, "stdout", so);
    let _ = vm.dict_set_str(d, "stderr", se);
    let _ = vm.dict_set_str(d, "__stdout__", so);
    let _ = vm.dict_set_str(d, "__stderr__", se);
    let argv: Vec<ObjRef> = vm
        .options
        .argv
        .clone()
        .iter()
        .map(|a| vm.new_str(a))
        .collect();
    let argv = vm.new_list(argv);
    let _ = vm.dict_set_str(d, "argv", argv);
    vm.decref_temp(argv);
    let path = vm.new_list(Vec::new());
    let _ = vm.dict_set_str(d, "path", path);
    vm.decref_temp(path);
    let modules = vm.new_dict();
    vm.types.modules = modules;
    let _ = vm.dict_set_str(d, "modules", modules);
    let b = vm.types.builtins;
    let _ = vm.dict_set_str(modules, "builtins", b);
    let _ = vm.dict_set_str(modules, "sys", m);
    let strs = [
        ("platform", "linux"),
        ("byteorder", "little"),
        ("version", "3.11.7 (main) [pysim]"),
        ("executable", ""),
    ];
    for (k, v) in strs {
        let s = vm.new_str(v);
        let _ = vm.dict_set_str(d, k, s);
        vm.decref_temp(s);
    }
    let maxsize = vm.new_int(i64::MAX);
    let _ = vm.dict_set_str(d, "maxsize", maxsize);
    vm.decref_temp(maxsize);
    let maxu = vm.new_int(0x10ffff);
    let _ = vm.dict_set_str(d, "maxunicode", maxu);
    vm.decref_temp(maxu);
    let vi: Vec<ObjRef> = vec![
        vm.new_int(3),
        vm.new_int(11),
        vm.new_int(7),
        vm.new_str("final"),
        vm.new_int(0),
    ];
    let vi = vm.new_tuple(vi);
    let _ = vm.dict_set_str(d, "version_info", vi);
    vm.decref_temp(vi);
}
