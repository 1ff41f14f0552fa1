//! CPython 3.11's hash functions on Rust values (`Py_HASH` for ints, floats,
//! tuples, pointers), and dict/set keys (`DictKey`) built from heap objects.
//! The hash functions themselves are `semantics::hash`'s.

use crate::runtime::heap::ObjRef;
use crate::runtime::object::{DictKey, KeyRepr, Payload, PyInt};
use crate::runtime::vm::{PyResult, Vm};
use num_bigint::BigInt;

use crate::semantics::hash as sem;
pub use crate::semantics::hash::{hash_bytes, hash_i64, hash_str};

pub fn hash_bigint(v: &BigInt) -> i64 {
    sem::hash_int(v)
}

pub fn hash_int(v: &PyInt) -> i64 {
    match v {
        PyInt::Small(i) => hash_i64(*i),
        PyInt::Big(b) => sem::hash_int(b),
    }
}

/// Hash of a non-NaN float.
pub fn hash_float(v: f64) -> i64 {
    sem::hash_float(v, 0)
}

/// `_Py_HashPointer`.
pub fn hash_pointer(addr: u64) -> i64 {
    sem::hash_pointer(addr as usize)
}

/// 3.11's tuple hash from the items' hashes.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    let v: Vec<i64> = items.collect();
    sem::hash_tuple(&v)
}

/// The value-identity of a float key: integral floats equal the int.
pub fn float_key(v: f64) -> KeyRepr {
    if v.is_finite() && v.fract() == 0.0 {
        if v.abs() < 9.0e18 {
            KeyRepr::Int(PyInt::Small(v as i64))
        } else {
            KeyRepr::Int(super::int::normalize(big_from_f64(v)))
        }
    } else {
        KeyRepr::Float(v.to_bits())
    }
}

/// The dict key of a complex: equal to the float key of its real part
/// when the imaginary part is zero (`1+0j == 1`), by identity with a NaN part.
fn complex_key(o: ObjRef, c: crate::semantics::complex_ops::Complex, addr: u64) -> DictKey {
    let hash = super::complex::complex_hash(c, addr);
    let repr = if c.re.is_nan() || c.im.is_nan() {
        KeyRepr::Identity(o)
    } else if c.im == 0.0 {
        float_key(c.re)
    } else {
        KeyRepr::Complex(c.re.to_bits(), c.im.to_bits())
    };
    DictKey { hash, repr }
}

/// An integral finite float as a BigInt.
pub fn big_from_f64(v: f64) -> BigInt {
    crate::semantics::float_ops::to_int(v).unwrap_or_default()
}

impl Vm {
    /// `hash(o)` (may call `__hash__`).
    pub fn hash(&mut self, o: ObjRef) -> PyResult<i64> {
        Ok(self.dict_key(o)?.hash)
    }

    /// The dict/set key for `o`: its hash and comparison identity.
    /// Raises "unhashable type: 'list'" for unhashable objects.
    pub fn dict_key(&mut self, o: ObjRef) -> PyResult<DictKey> {
        let ty = self.heap.type_of(o);
        if !self.is_heap_type(ty) {
            match self.heap.payload(o) {
                Payload::Str(s) => {
                    let h = s.hash.unwrap_or_else(|| hash_str(&s.text));
                    return Ok(DictKey {
                        hash: h,
                        repr: KeyRepr::Str(s.text.clone()),
                    });
                }
                Payload::Int(i) => {
                    return Ok(DictKey {
                        hash: hash_int(i),
                        repr: KeyRepr::Int(i.clone()),
                    });
                }
                Payload::Bool(b) => {
                    return Ok(DictKey {
                        hash: i64::from(*b),
                        repr: KeyRepr::Int(PyInt::Small(i64::from(*b))),
                    });
                }
                Payload::Float(f) => {
                    let f = *f;
                    if f.is_nan() {
                        let addr = self.heap.get(o).addr;
                        return Ok(DictKey {
                            hash: hash_pointer(addr),
                            repr: KeyRepr::Identity(o),
                        });
                    }
                    return Ok(DictKey {
                        hash: hash_float(f),
                        repr: float_key(f),
                    });
                }
                Payload::Complex(c) => {
                    let c = *c;
                    let addr = self.heap.get(o).addr;
                    return Ok(complex_key(o, c, addr));
                }
                Payload::Bytes(b) => {
                    return Ok(DictKey {
                        hash: hash_bytes(b),
                        repr: KeyRepr::Bytes(b.clone()),
                    });
                }
                Payload::Tuple(items) => {
                    let items: Vec<ObjRef> = items.to_vec();
                    let mut keys = Vec::with_capacity(items.len());
                    for it in items {
                        keys.push(self.dict_key(it)?);
                    }
                    let hash = hash_tuple(keys.iter().map(|k| k.hash));
                    return Ok(DictKey {
                        hash,
                        repr: KeyRepr::Tuple(keys.into_iter().map(|k| k.repr).collect()),
                    });
                }
                Payload::Set(_) if ty == self.types.frozenset => {
                    let h = super::set::frozenset_hash(self, o)?;
                    return Ok(DictKey {
                        hash: h,
                        repr: KeyRepr::Identity(o),
                    });
                }
                _ if o == self.types.none => {
                    let addr = self.heap.get(o).addr;
                    return Ok(DictKey {
                        hash: hash_pointer(addr),
                        repr: KeyRepr::None,
                    });
                }
                _ => {}
            }
        }
        self.slow_dict_key(o, ty)
    }

    /// Keys of objects whose type may define `__hash__`/`__eq__` in Python.
    fn slow_dict_key(&mut self, o: ObjRef, ty: ObjRef) -> PyResult<DictKey> {
        let hash_attr = self.lookup_type_attr(ty, "__hash__");
        if matches!(self.heap.payload(o), Payload::WeakRef(w) if w.kind == crate::runtime::weakref::WeakKind::Ref)
            && hash_attr.is_some_and(|h| self.is_native_callable(h))
        {
            let hash = self.weakref_hash(o)?;
            return Ok(DictKey {
                hash,
                repr: KeyRepr::Custom(o),
            });
        }
        let custom_eq = self.has_python_override(ty, "__eq__");
        let hash = match hash_attr {
            Some(h) if h == self.types.none => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(ty))));
            }
            Some(h) if !self.is_native_callable(h) => {
                let r = self.call_method(o, "__hash__", &[])?;
                // slot_tp_hash: a result that fits Py_ssize_t is used as
                // is (-1 becomes -2); only larger ints are rehashed.
                let v = match self.heap.payload(r) {
                    Payload::Int(PyInt::Small(-1)) => Ok(-2),
                    Payload::Int(PyInt::Small(i)) => Ok(*i),
                    Payload::Int(i) => Ok(hash_int(i)),
                    Payload::Bool(b) => Ok(i64::from(*b)),
                    _ => Err(()),
                };
                self.decref_temp(r);
                match v {
                    Ok(h) => h,
                    Err(()) => {
                        return Err(self.type_error("__hash__ method should return an integer"));
                    }
                }
            }
            _ => {
                // A subclass of a builtin value type keeps the builtin's hash.
                if let Some(k) = self.builtin_layout_key(o)? {
                    if custom_eq {
                        return Ok(DictKey {
                            hash: k.hash,
                            repr: KeyRepr::Custom(o),
                        });
                    }
                    return Ok(k);
                }
                hash_pointer(self.heap.get(o).addr)
            }
        };
        let repr = if custom_eq {
            KeyRepr::Custom(o)
        } else {
            match self.builtin_layout_key(o)? {
                Some(k) => k.repr,
                // A hashable subclass of a builtin container keeps the
                // container's value equality (functools' `_HashedSeq`).
                None if matches!(
                    self.heap.payload(o),
                    Payload::List(_) | Payload::Dict(_) | Payload::Set(_)
                ) =>
                {
                    KeyRepr::Custom(o)
                }
                None => KeyRepr::Identity(o),
            }
        };
        Ok(DictKey { hash, repr })
    }

    /// For instances of subclasses of int/str/float/tuple/bytes: the key of the builtin value.
    fn builtin_layout_key(&mut self, o: ObjRef) -> PyResult<Option<DictKey>> {
        let k = match self.heap.payload(o) {
            Payload::Str(s) => DictKey {
                hash: s.hash.unwrap_or_else(|| hash_str(&s.text)),
                repr: KeyRepr::Str(s.text.clone()),
            },
            Payload::Int(i) => DictKey {
                hash: hash_int(i),
                repr: KeyRepr::Int(i.clone()),
            },
            Payload::Float(f) if !f.is_nan() => DictKey {
                hash: hash_float(*f),
                repr: float_key(*f),
            },
            Payload::Complex(c) => complex_key(o, *c, self.heap.get(o).addr),
            Payload::Bytes(b) => DictKey {
                hash: hash_bytes(b),
                repr: KeyRepr::Bytes(b.clone()),
            },
            Payload::Tuple(items) => {
                let items: Vec<ObjRef> = items.to_vec();
                let mut keys = Vec::with_capacity(items.len());
                for it in items {
                    keys.push(self.dict_key(it)?);
                }
                DictKey {
                    hash: hash_tuple(keys.iter().map(|k| k.hash)),
                    repr: KeyRepr::Tuple(keys.into_iter().map(|k| k.repr).collect()),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(k))
    }
}
