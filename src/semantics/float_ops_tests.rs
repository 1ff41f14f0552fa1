//! Table-driven tests for `float_ops` (data from `gen/gen_numeric.py`).

use super::*;
use crate::semantics::testutil::*;

fn pow_enc(a: f64, b: f64) -> String {
    match float_pow(a, b) {
        Err(e) if e.msg == COMPLEX_RESULT => enc_str("complex"),
        r => enc_res(r, enc_float),
    }
}

#[test]
fn float_ops_table() {
    for line in include_str!("testdata/float_ops.txt").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let want = norm(f[f.len() - 1]);
        let got = match f[0] {
            "floordiv" => enc_res(floordiv(float(f[1]), float(f[2])), enc_float),
            "mod" => enc_res(modulo(float(f[1]), float(f[2])), enc_float),
            "divmod" => enc_res(divmod(float(f[1]), float(f[2])), |(q, r)| {
                format!("{},{}", enc_float(q), enc_float(r))
            }),
            "truediv" => enc_res(true_div(float(f[1]), float(f[2])), enc_float),
            "pow" => pow_enc(float(f[1]), float(f[2])),
            "round0" => enc_res(round_to_int(float(f[1])), |v| enc_int(&v)),
            "toint" => enc_res(to_int(float(f[1])), |v| enc_int(&v)),
            "isint" => enc_int(&BigInt::from(is_integer(float(f[1])) as u8)),
            "ratio" => enc_res(as_integer_ratio(float(f[1])), |(n, d)| {
                format!("{},{}", enc_int(&n), enc_int(&d))
            }),
            "roundn" => {
                let n: i64 = int(f[2]).try_into().unwrap();
                enc_res(round_ndigits(float(f[1]), n), enc_float)
            }
            op => panic!("unknown op {op}"),
        };
        assert_eq!(got, want, "{line}");
    }
}

#[test]
fn parse_float_table() {
    for line in include_str!("testdata/parse_float.txt").lines() {
        let (s, want) = line.split_once('\t').unwrap();
        let s = string(s);
        assert_eq!(
            enc_res(parse_float(&s), enc_float),
            norm(want),
            "float({s:?})"
        );
    }
}
