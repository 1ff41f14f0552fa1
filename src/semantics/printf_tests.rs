//! Table-driven tests for `printf` (data from `gen/gen_printf.py`).

use super::*;
use crate::semantics::testutil::*;
use crate::semantics::{float_ops, str_ops};

#[derive(Clone)]
enum V {
    Int(BigInt),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
    Dict(Vec<(String, V)>),
}

fn decode(s: &str) -> V {
    match &s[..2] {
        "i:" => V::Int(int(s)),
        "f:" => V::Float(float(s)),
        "s:" => V::Str(string(s)),
        "b:" => V::Bool(&s[2..] == "1"),
        "n:" => V::None,
        _ => panic!("{s}"),
    }
}

impl PrintfArg for V {
    fn type_name(&self) -> String {
        match self {
            V::Int(_) => "int",
            V::Float(_) => "float",
            V::Str(_) => "str",
            V::Bool(_) => "bool",
            V::None => "NoneType",
            V::Dict(_) => "dict",
        }
        .to_string()
    }
    fn to_str(&mut self) -> PyResult<String> {
        match self {
            V::Str(s) => Ok(s.clone()),
            _ => self.to_repr(),
        }
    }
    fn to_repr(&mut self) -> PyResult<String> {
        Ok(match self {
            V::Int(i) => int_ops::to_str(i)?,
            V::Float(f) => float_ops::float_repr(*f),
            V::Str(s) => str_ops::str_repr(s),
            V::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            V::None => "None".to_string(),
            V::Dict(items) => {
                let mut parts = vec![];
                for (k, v) in items.iter_mut() {
                    parts.push(format!("{}: {}", str_ops::str_repr(k), v.to_repr()?));
                }
                format!("{{{}}}", parts.join(", "))
            }
        })
    }
    fn as_int(&self) -> Option<BigInt> {
        match self {
            V::Int(i) => Some(i.clone()),
            V::Bool(b) => Some(BigInt::from(*b as u8)),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<String> {
        match self {
            V::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn number_to_int(&mut self) -> PyResult<Option<BigInt>> {
        match self {
            V::Float(f) => float_ops::to_int(*f).map(Some),
            _ => Ok(self.as_int()),
        }
    }
    fn index(&mut self) -> PyResult<Option<BigInt>> {
        Ok(self.as_int())
    }
    fn to_float(&mut self) -> PyResult<Option<f64>> {
        match self {
            V::Float(f) => Ok(Some(*f)),
            _ => self.as_int().map(|i| int_ops::to_f64(&i)).transpose(),
        }
    }
}

#[test]
fn printf_matches_cpython() {
    for line in include_str!("testdata/printf.txt").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let fmt = unhex(f[0]);
        let mut parts = f[1].split('|');
        let kind = parts.next().unwrap();
        let got = match kind {
            "T" => {
                let mut vals: Vec<V> = parts.map(decode).collect();
                printf_format(&fmt, PrintfArgs::Tuple(&mut vals))
            }
            "S" => {
                let mut v = decode(parts.next().unwrap());
                printf_format(
                    &fmt,
                    PrintfArgs::Single {
                        arg: &mut v,
                        lookup: None,
                    },
                )
            }
            _ => {
                let items: Vec<(String, V)> = parts
                    .map(|p| {
                        let (k, v) = p.split_once('=').unwrap();
                        (unhex(k), decode(v))
                    })
                    .collect();
                let mut d = V::Dict(items.clone());
                let mut lookup = |k: &str| {
                    items
                        .iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, v)| v.clone())
                        .ok_or_else(|| PyExcSpec::new(ExcKind::KeyError, k))
                };
                printf_format(
                    &fmt,
                    PrintfArgs::Single {
                        arg: &mut d,
                        lookup: Some(&mut lookup),
                    },
                )
            }
        };
        assert_eq!(enc_res(got, |s| enc_str(&s)), f[2], "{fmt:?} % {}", f[1]);
    }
}
