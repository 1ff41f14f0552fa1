//! `format(value, spec)` (`__format__` and the builtin format-spec
//! mini-language from `semantics::format_spec`) and `str % args`
//! (`semantics::printf`, with the arguments' conversions evaluated here).

use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use crate::runtime::vm::{PyErr, PyResult, Vm};
use crate::semantics::printf::{PrintfArg, PrintfArgs, printf_format};
use crate::semantics::{PyExcSpec, format_spec};
use num_bigint::BigInt;

/// `format(o, spec)` for builtin values.
pub fn format_builtin(vm: &mut Vm, o: ObjRef, spec: &str) -> PyResult<String> {
    let tn = vm.type_name_of(o);
    let r = match vm.heap.payload(o) {
        Payload::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
        Payload::Int(_) | Payload::Bool(_) => {
            let v = vm.bigint_value(o).unwrap_or_default();
            format_spec::format_int(&v, spec, &tn)
        }
        Payload::Float(f) => format_spec::format_float(*f, spec, &tn),
        Payload::Complex(c) => crate::semantics::complex_ops::format(*c, spec, &tn),
        Payload::Str(s) => {
            let t = s.text.clone();
            format_spec::format_str(&t, spec, &tn)
        }
        _ => {
            if !spec.is_empty() {
                return Err(vm.type_error(format!(
                    "unsupported format string passed to {tn}.__format__"
                )));
            }
            return vm.str_string(o);
        }
    };
    r.map_err(|e| vm.exc_from_spec(e))
}

impl Vm {
    /// `format(o, spec)` as a str object.
    pub fn format(&mut self, o: ObjRef, spec: &str) -> PyResult {
        let ty = self.heap.type_of(o);
        if self.is_heap_type(ty) && self.has_python_override(ty, "__format__") {
            let s = self.new_str(spec);
            let r = self.call_method(o, "__format__", &[s]);
            self.decref_temp(s);
            let r = r?;
            if self.str_value(r).is_none() {
                let tn = self.type_name_of(r);
                self.decref_temp(r);
                return Err(self.type_error(format!("__format__ must return a str, not {tn}")));
            }
            return Ok(r);
        }
        if spec.is_empty() {
            return self.str_(o);
        }
        let s = format_builtin(self, o, spec)?;
        Ok(self.new_string(s))
    }
}

/// One `%` argument with its conversions computed up front.
struct Arg {
    type_name: String,
    s: Result<String, usize>,
    r: Result<String, usize>,
    int: Option<BigInt>,
    text: Option<String>,
    number: Option<BigInt>,
    index: Option<BigInt>,
    float: Option<f64>,
}

/// Python exceptions raised while converting, referenced by index from the
/// placeholder errors handed to the semantics layer.
struct Pending {
    errors: Vec<PyErr>,
}

const PENDING_MARK: &str = "\u{0}pysim-pending-error";

fn pending_spec(i: usize) -> PyExcSpec {
    PyExcSpec::type_error(format!("{PENDING_MARK}{i}"))
}

impl PrintfArg for Arg {
    fn type_name(&self) -> String {
        self.type_name.clone()
    }
    fn to_str(&mut self) -> crate::semantics::PyResult<String> {
        self.s.clone().map_err(pending_spec)
    }
    fn to_repr(&mut self) -> crate::semantics::PyResult<String> {
        self.r.clone().map_err(pending_spec)
    }
    fn as_int(&self) -> Option<BigInt> {
        self.int.clone()
    }
    fn as_str(&self) -> Option<String> {
        self.text.clone()
    }
    fn number_to_int(&mut self) -> crate::semantics::PyResult<Option<BigInt>> {
        Ok(self.number.clone())
    }
    fn index(&mut self) -> crate::semantics::PyResult<Option<BigInt>> {
        Ok(self.index.clone())
    }
    fn to_float(&mut self) -> crate::semantics::PyResult<Option<f64>> {
        Ok(self.float)
    }
}

fn make_arg(vm: &mut Vm, o: ObjRef, pending: &mut Pending) -> Arg {
    let keep = |r: PyResult<String>, pending: &mut Pending| match r {
        Ok(s) => Ok(s),
        Err(e) => {
            pending.errors.push(e);
            Err(pending.errors.len() - 1)
        }
    };
    let s = vm.str_string(o);
    let s = keep(s, pending);
    let r = vm.repr_string(o);
    let r = keep(r, pending);
    let int = match vm.heap.payload(o) {
        Payload::Int(_) | Payload::Bool(_) => vm.bigint_value(o),
        _ => None,
    };
    let number = match vm.heap.payload(o) {
        Payload::Float(f) => crate::semantics::float_ops::to_int(*f).ok(),
        _ if int.is_some() => int.clone(),
        _ => {
            let ty = vm.heap.type_of(o);
            if vm.lookup_type_attr(ty, "__int__").is_some()
                || vm.lookup_type_attr(ty, "__index__").is_some()
            {
                super::int::int_from_obj(vm, o, None).ok()
            } else {
                None
            }
        }
    };
    let index = if int.is_some() {
        int.clone()
    } else if vm
        .lookup_type_attr(vm.heap.type_of(o), "__index__")
        .is_some()
    {
        vm.index_value(o).ok().map(BigInt::from)
    } else {
        None
    };
    let float = match vm.heap.payload(o) {
        Payload::Float(f) => Some(*f),
        Payload::Int(_) | Payload::Bool(_) => super::float::as_f64(vm, o).ok().flatten(),
        _ => {
            if vm
                .lookup_type_attr(vm.heap.type_of(o), "__float__")
                .is_some()
            {
                super::float::float_from_obj(vm, o).ok()
            } else {
                None
            }
        }
    };
    Arg {
        type_name: vm.type_name_of(o),
        s,
        r,
        int,
        text: vm.str_value(o).map(str::to_string),
        number,
        index,
        float,
    }
}

/// `fmt % args` for a str `fmt`.
pub fn percent_format_obj(vm: &mut Vm, fmt: ObjRef, args: ObjRef) -> PyResult {
    let f = vm.str_value(fmt).unwrap_or("").to_string();
    let mut pending = Pending { errors: Vec::new() };
    let result = if let Payload::Tuple(items) = vm.heap.payload(args) {
        let items = items.to_vec();
        let mut v: Vec<Arg> = items
            .iter()
            .map(|&o| make_arg(vm, o, &mut pending))
            .collect();
        printf_format(&f, PrintfArgs::Tuple(&mut v))
    } else {
        let mut a = make_arg(vm, args, &mut pending);
        let is_mapping =
            matches!(vm.heap.payload(args), Payload::Dict(_)) && vm.str_value(args).is_none();
        if is_mapping {
            let entries: Vec<(String, Arg)> = vm
                .dict_items(args)
                .into_iter()
                .filter_map(|(k, v)| vm.str_value(k).map(|s| (s.to_string(), v)))
                .collect::<Vec<_>>()
                .into_iter()
                .map(|(k, v)| (k, make_arg(vm, v, &mut pending)))
                .collect();
            let mut entries: Vec<(String, Option<Arg>)> =
                entries.into_iter().map(|(k, v)| (k, Some(v))).collect();
            let mut lookup = |key: &str| -> crate::semantics::PyResult<Arg> {
                for (k, v) in entries.iter_mut() {
                    if k == key
                        && let Some(a) = v.take()
                    {
                        return Ok(a);
                    }
                }
                Err(PyExcSpec::new(
                    crate::semantics::ExcKind::KeyError,
                    key.to_string(),
                ))
            };
            printf_format(
                &f,
                PrintfArgs::Single {
                    arg: &mut a,
                    lookup: Some(&mut lookup),
                },
            )
        } else {
            printf_format(
                &f,
                PrintfArgs::Single {
                    arg: &mut a,
                    lookup: None,
                },
            )
        }
    };
    match result {
        Ok(s) => {
            for e in pending.errors {
                vm.discard_err(e);
            }
            Ok(vm.new_string(s))
        }
        Err(e) => {
            if let Some(idx) = e
                .msg
                .strip_prefix(PENDING_MARK)
                .and_then(|i| i.parse::<usize>().ok())
            {
                let mut chosen = None;
                for (i, err) in pending.errors.into_iter().enumerate() {
                    if i == idx {
                        chosen = Some(err);
                    } else {
                        vm.discard_err(err);
                    }
                }
                if let Some(err) = chosen {
                    return Err(err);
                }
            }
            Err(vm.exc_from_spec(e))
        }
    }
}
