//! Table-driven tests for the str methods (data from `gen/gen_str.py`).

use super::*;
use crate::semantics::testutil::{int, string};

fn s(f: &str) -> String {
    string(f)
}
fn i(f: &str) -> i64 {
    int(f).try_into().unwrap()
}
fn oi(f: &str) -> Option<i64> {
    (f != "n:").then(|| i(f))
}
fn os(f: &str) -> Option<String> {
    (f != "n:").then(|| s(f))
}
fn enc_s(v: &str) -> String {
    crate::semantics::testutil::enc_str(v)
}
fn enc_b(b: bool) -> String {
    format!("b:{}", b as u8)
}
fn enc_i(v: i64) -> String {
    format!("i:{}", num_bigint::BigInt::from(v).to_str_radix(16))
}
fn enc_l<T: AsRef<str>>(v: &[T]) -> String {
    format!(
        "L{}",
        v.iter()
            .map(|x| enc_s(x.as_ref()))
            .collect::<Vec<_>>()
            .join(",")
    )
}
fn enc_t(t: (String, String, String)) -> String {
    enc_l(&[t.0, t.1, t.2])
}
fn r<T>(v: PyResult<T>, f: impl FnOnce(T) -> String) -> String {
    crate::semantics::testutil::enc_res(v, f)
}

#[test]
fn str_methods_match_cpython() {
    let mut n = 0;
    for line in include_str!("testdata/str_methods.txt").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let want = f[f.len() - 1];
        let x = s(f[1]);
        let x = x.as_str();
        let got = match f[0] {
            "upper" => enc_s(&upper(x)),
            "lower" => enc_s(&lower(x)),
            "casefold" => enc_s(&casefold(x)),
            "title" => enc_s(&title(x)),
            "capitalize" => enc_s(&capitalize(x)),
            "swapcase" => enc_s(&swapcase(x)),
            "isspace" => enc_b(isspace(x)),
            "isalpha" => enc_b(isalpha(x)),
            "isalnum" => enc_b(isalnum(x)),
            "isdecimal" => enc_b(isdecimal(x)),
            "isdigit" => enc_b(isdigit(x)),
            "isnumeric" => enc_b(isnumeric(x)),
            "isascii" => enc_b(isascii(x)),
            "isprintable" => enc_b(isprintable(x)),
            "isidentifier" => enc_b(isidentifier(x)),
            "isupper" => enc_b(isupper(x)),
            "islower" => enc_b(islower(x)),
            "istitle" => enc_b(istitle(x)),
            "splitlines" => enc_l(&splitlines(x, false)),
            "splitlines_keep" => enc_l(&splitlines(x, true)),
            "center" => enc_s(&center(x, i(f[2]), '*')),
            "ljust" => enc_s(&ljust(x, i(f[2]), 'é')),
            "rjust" => enc_s(&rjust(x, i(f[2]), ' ')),
            "zfill" => enc_s(&zfill(x, i(f[2]))),
            "expandtabs" => enc_s(&expandtabs(x, i(f[2]))),
            "repeat" => enc_s(&repeat(x, i(f[2]))),
            "strip" => enc_s(strip(x, os(f[2]).as_deref())),
            "lstrip" => enc_s(lstrip(x, os(f[2]).as_deref())),
            "rstrip" => enc_s(rstrip(x, os(f[2]).as_deref())),
            "split" => r(split(x, os(f[2]).as_deref(), i(f[3])), |v| enc_l(&v)),
            "rsplit" => r(rsplit(x, os(f[2]).as_deref(), i(f[3])), |v| enc_l(&v)),
            "partition" => r(partition(x, &s(f[2])), enc_t),
            "rpartition" => r(rpartition(x, &s(f[2])), enc_t),
            "removeprefix" => enc_s(removeprefix(x, &s(f[2]))),
            "removesuffix" => enc_s(removesuffix(x, &s(f[2]))),
            "replace" => enc_s(&replace(x, &s(f[2]), &s(f[3]), i(f[4]))),
            m => {
                let (sub, a, b) = (s(f[2]), oi(f[3]), oi(f[4]));
                match m {
                    "find" => enc_i(find(x, &sub, a, b)),
                    "rfind" => enc_i(rfind(x, &sub, a, b)),
                    "index" => r(index(x, &sub, a, b), enc_i),
                    "rindex" => r(rindex(x, &sub, a, b), enc_i),
                    "count" => enc_i(count(x, &sub, a, b)),
                    "startswith" => enc_b(startswith(x, &sub, a, b)),
                    "endswith" => enc_b(endswith(x, &sub, a, b)),
                    _ => panic!("unknown method {m}"),
                }
            }
        };
        assert_eq!(got, want, "{}({:?}, {:?})", f[0], x, &f[2..f.len() - 1]);
        n += 1;
    }
    assert!(n > 30000);
}
