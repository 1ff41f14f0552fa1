//! `OSError` (`Objects/exceptions.c`): `OSError(errno, strerror[, filename[,
//! winerror[, filename2]]])` fills `errno`, `strerror`, `filename`,
//! `filename2`, keeps only `(errno, strerror)` as `args` when a filename is
//! given, picks the subclass for the errno (`OSError(2, ...)` is a
//! FileNotFoundError) and formats `[Errno 2] msg: 'name'`.

use crate::native;
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::{NativeDef, Payload};
use crate::runtime::vm::{PyResult, Vm};
use std::rc::Rc;

/// The attribute names of `ExceptionData::os`, in `OSError_clear`'s order.
pub const OS_FIELDS: [&str; 4] = ["errno", "strerror", "filename", "filename2"];

/// The subclass CPython's `errnomap` gives an errno (Linux values).
fn subclass_for_errno(vm: &Vm, errno: i64) -> Option<ObjRef> {
    let t = &vm.types;
    Some(match errno {
        11 | 114 | 115 => t.blocking_io_error,
        10 => t.child_process_error,
        32 | 108 => t.broken_pipe_error,
        103 => t.connection_aborted_error,
        111 => t.connection_refused_error,
        104 => t.connection_reset_error,
        17 => t.file_exists_error,
        2 => t.file_not_found_error,
        21 => t.is_a_directory_error,
        20 => t.not_a_directory_error,
        4 => t.interrupted_error,
        1 | 13 => t.permission_error,
        3 => t.process_lookup_error,
        110 => t.timeout_error,
        _ => return None,
    })
}

/// `oserror_parse_args` + `oserror_init`: sets the fields from `args` (borrowed).
fn parse(vm: &mut Vm, exc: ObjRef, args: &[ObjRef]) {
    let mut fields: [Option<ObjRef>; 4] = [None; 4];
    let mut kept_args = args;
    if (2..=5).contains(&args.len()) {
        fields[0] = Some(args[0]);
        fields[1] = Some(args[1]);
        let none = vm.types.none;
        if let Some(&f) = args.get(2)
            && f != none
        {
            fields[2] = Some(f);
            if let Some(&f2) = args.get(4)
                && f2 != none
            {
                fields[3] = Some(f2);
            }
            kept_args = &args[..2];
        }
    }
    for (i, v) in fields.into_iter().enumerate() {
        set_field(vm, exc, i, v);
    }
    let t = vm.new_tuple_from(kept_args);
    vm.replace_exc_field(exc, |e| &mut e.args, Some(t), "args");
}

fn set_field(vm: &mut Vm, exc: ObjRef, i: usize, v: Option<ObjRef>) {
    if let Some(v) = v {
        vm.incref(v, Holder::Field(exc, OS_FIELDS[i]));
    }
    let old = match vm.heap.payload_mut(exc) {
        Payload::BaseException(e) => std::mem::replace(&mut e.os[i], v),
        _ => None,
    };
    vm.xdecref(old, Holder::Field(exc, OS_FIELDS[i]));
}

fn field(vm: &Vm, exc: ObjRef, i: usize) -> Option<ObjRef> {
    match vm.heap.payload(exc) {
        Payload::BaseException(e) => e.os[i],
        _ => None,
    }
}

/// `OSError.errno` etc. (None when `exc` is no OSError or `name` no field).
pub fn getattr(vm: &mut Vm, exc: ObjRef, name: &str) -> Option<PyResult> {
    let i = OS_FIELDS.iter().position(|f| *f == name)?;
    if !vm.isinstance_of(exc, vm.types.os_error) {
        return None;
    }
    let v = field(vm, exc, i).unwrap_or(vm.types.none);
    Some(Ok(vm.new_ref(v)))
}

/// Assigning or deleting an OSError field.
pub fn setattr(
    vm: &mut Vm,
    exc: ObjRef,
    name: &str,
    value: Option<ObjRef>,
) -> Option<PyResult<()>> {
    let i = OS_FIELDS.iter().position(|f| *f == name)?;
    if !vm.isinstance_of(exc, vm.types.os_error) {
        return None;
    }
    let v = value.filter(|&v| v != vm.types.none);
    set_field(vm, exc, i, v);
    Some(Ok(()))
}

/// `OSError.__str__`; None when the BaseException form applies.
pub fn str(vm: &mut Vm, exc: ObjRef) -> PyResult<Option<String>> {
    if !vm.isinstance_of(exc, vm.types.os_error) {
        return Ok(None);
    }
    let [errno, strerror, filename, filename2] = [0, 1, 2, 3].map(|i| field(vm, exc, i));
    let (Some(errno), Some(strerror)) = (errno, strerror) else {
        return Ok(None);
    };
    let head = format!(
        "[Errno {}] {}",
        vm.str_string(errno)?,
        vm.str_string(strerror)?
    );
    Ok(Some(match (filename, filename2) {
        (Some(f), Some(f2)) => {
            format!("{head}: {} -> {}", vm.repr_string(f)?, vm.repr_string(f2)?)
        }
        (Some(f), None) => format!("{head}: {}", vm.repr_string(f)?),
        _ => head,
    }))
}

/// `OSError.__new__(cls, *args)`.
fn oserror_new(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let mut cls = args[1];
    let rest = &args[2..];
    if cls == vm.types.os_error
        && (2..=5).contains(&rest.len())
        && let Some(errno) = vm.small_int_value(rest[0])
        && let Some(sub) = subclass_for_errno(vm, errno)
    {
        cls = sub;
    }
    let tn = vm.type_name(cls);
    vm.no_kwargs(&tn, k)?;
    for &a in rest {
        vm.incref(a, Holder::Temp);
    }
    let exc = vm.new_exception_obj(cls, rest.to_vec());
    parse(vm, exc, rest);
    Ok(exc)
}

/// `OSError.__init__(self, *args)`.
fn oserror_init(vm: &mut Vm, args: &[ObjRef], k: Option<&[Rc<str>]>) -> PyResult {
    let tn = vm.type_name_of(args[0]);
    vm.no_kwargs(&tn, k)?;
    parse(vm, args[0], &args[1..]);
    Ok(vm.none())
}

static OSERROR_NEW: NativeDef = native!("__new__", oserror_new);
static OSERROR_METHODS: &[NativeDef] = &[native!("__init__", oserror_init)];

pub(super) fn install(vm: &mut Vm) {
    let t = vm.types.os_error;
    vm.add_bound_builtin(t, &OSERROR_NEW);
    vm.add_methods(t, OSERROR_METHODS);
}
