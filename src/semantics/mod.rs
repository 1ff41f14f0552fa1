//! Python semantics on plain Rust values: the arithmetic, formatting, parsing,
//! hashing and container-layout rules of CPython 3.11, reproduced byte for byte
//! and kept free of any VM or heap-object types so that the builtin types can
//! call them directly.
//!
//! Functions that can raise a Python exception return `Result<T, PyExcSpec>`;
//! the VM turns a [`PyExcSpec`] into a real exception object. Messages are
//! exactly CPython 3.11's.

pub mod complex_ops;
pub mod dict_size;
pub mod float_fmt;
pub mod float_hex;
pub mod float_ops;
pub mod format_spec;
pub mod hash;
pub mod int_ops;
pub mod list_size;
pub mod printf;
pub mod set_table;
pub mod slice;
pub mod str_methods;
pub mod str_ops;
pub mod timsort;
pub mod unicode;
#[rustfmt::skip]
mod unicode_data;
#[cfg(test)]
mod testutil;

use std::fmt;

/// The class of a Python exception raised by a semantics function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcKind {
    ValueError,
    TypeError,
    ZeroDivisionError,
    OverflowError,
    IndexError,
    KeyError,
    MemoryError,
}

impl ExcKind {
    /// The Python class name, as printed in tracebacks.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::ValueError => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::MemoryError => "MemoryError",
        }
    }
}

/// A Python exception to be raised: its class and its message (`str(exc)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyExcSpec {
    pub kind: ExcKind,
    pub msg: String,
}

impl PyExcSpec {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> Self {
        PyExcSpec {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value_error(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::TypeError, msg)
    }
    pub fn zero_div(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::ZeroDivisionError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ExcKind::OverflowError, msg)
    }
}

impl fmt::Display for PyExcSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

/// Shorthand for results of semantics functions.
pub type PyResult<T> = Result<T, PyExcSpec>;
