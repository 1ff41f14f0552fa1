//! Table-driven tests for `int_ops` (data from `gen/gen_numeric.py`).

use super::*;
use crate::semantics::testutil::*;

fn enc_number(n: Number) -> String {
    match n {
        Number::Int(i) => enc_int(&i),
        Number::Float(f) => enc_float(f),
    }
}

#[test]
fn int_ops_table() {
    let mut n = 0;
    for line in include_str!("testdata/int_ops.txt").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let want = norm(f[f.len() - 1]);
        let got = match f[0] {
            "floordiv" => enc_res(floordiv(&int(f[1]), &int(f[2])), |v| enc_int(&v)),
            "mod" => enc_res(modulo(&int(f[1]), &int(f[2])), |v| enc_int(&v)),
            "divmod" => enc_res(divmod(&int(f[1]), &int(f[2])), |(q, r)| {
                format!("{},{}", enc_int(&q), enc_int(&r))
            }),
            "truediv" => enc_res(true_div(&int(f[1]), &int(f[2])), enc_float),
            "lshift" => enc_res(lshift(&int(f[1]), &int(f[2])), |v| enc_int(&v)),
            "rshift" => enc_res(rshift(&int(f[1]), &int(f[2])), |v| enc_int(&v)),
            "pow" => enc_res(pow(&int(f[1]), &int(f[2])), enc_number),
            "powmod" => enc_res(pow_mod(&int(f[1]), &int(f[2]), &int(f[3])), |v| enc_int(&v)),
            "tofloat" => enc_res(to_f64(&int(f[1])), enc_float),
            "str" => enc_res(to_str(&int(f[1])), |s| enc_str(&s)),
            "bin" => enc_str(&bin(&int(f[1]))),
            "oct" => enc_str(&oct(&int(f[1]))),
            "hex" => enc_str(&hex(&int(f[1]))),
            "bitlen" => enc_int(&BigInt::from(bit_length(&int(f[1])))),
            op => panic!("unknown op {op}"),
        };
        assert_eq!(got, want, "{line}");
        n += 1;
    }
    assert!(n > 4000);
}

#[test]
fn parse_int_table() {
    for line in include_str!("testdata/parse_int.txt").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let s = string(f[0]);
        let base: i64 = f[1].parse().unwrap();
        let got = enc_res(parse_int(&s, base), |v| enc_int(&v));
        assert_eq!(got, f[2], "int({s:?}, {base})");
    }
}

#[test]
fn bytes_round_trip() {
    let v = BigInt::from(-129);
    assert_eq!(to_bytes(&v, 2, true, true).unwrap(), vec![0xff, 0x7f]);
    assert!(to_bytes(&v, 1, true, true).is_err());
    assert_eq!(
        to_bytes(&BigInt::from(255), 1, true, false).unwrap(),
        vec![0xff]
    );
    assert_eq!(
        to_bytes(&BigInt::from(0), 0, true, false).unwrap(),
        Vec::<u8>::new()
    );
    assert_eq!(from_bytes(&[0xff, 0x7f], true, true), v);
    assert_eq!(
        from_bytes(&[0xff, 0x7f], false, false),
        BigInt::from(0x7fff)
    );
}
