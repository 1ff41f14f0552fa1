//! Scenario tests for `SetTable` (orders from `gen/gen_sets.py`).

use super::*;
use crate::semantics::hash::hash_int;
use num_bigint::BigInt;
use std::collections::HashMap;

type T = SetTable<i128>;

fn h(x: i128) -> i64 {
    hash_int(&BigInt::from(x))
}

fn eq(a: i128, b: i128) -> bool {
    a == b
}

fn build(xs: &[i128]) -> T {
    let mut t = T::new();
    for &x in xs {
        t.insert(h(x), x, |e| e == x);
    }
    t
}

#[test]
fn scenarios_match_cpython() {
    for line in include_str!("testdata/set_scenarios.txt").lines() {
        let mut sets: HashMap<String, T> = HashMap::new();
        for op in line.split(';') {
            let tok: Vec<&str> = op.split(' ').collect();
            let nums = |from: usize| -> Vec<i128> {
                tok[from..].iter().map(|t| t.parse().unwrap()).collect()
            };
            let get = |sets: &HashMap<String, T>, n: &str| sets[n].clone();
            let d = tok[1].to_string();
            match tok[0] {
                "new" | "display" => {
                    sets.insert(d, build(&nums(2)));
                }
                "add" => {
                    let x = nums(2)[0];
                    sets.get_mut(&d).unwrap().insert(h(x), x, |e| e == x);
                }
                "discard" => {
                    let x = nums(2)[0];
                    sets.get_mut(&d).unwrap().remove(h(x), |e| e == x);
                }
                "pop" => {
                    let got = sets.get_mut(&d).unwrap().pop();
                    assert_eq!(got, Some(nums(2)[0]), "{op} in {line}");
                }
                "clear" => sets.get_mut(&d).unwrap().clear(),
                "copy" => {
                    let c = get(&sets, tok[2]).copy();
                    sets.insert(d, c);
                }
                "or" | "and" | "sub" | "xor" => {
                    let a = &sets[tok[2]];
                    let b = &sets[tok[3]];
                    let r = match tok[0] {
                        "or" => T::union(a, b, eq),
                        "and" => T::intersection(a, b, eq),
                        "sub" => T::difference(a, b, eq),
                        _ => T::symmetric_difference(a, b, eq),
                    };
                    sets.insert(d, r);
                }
                "ior" | "iand" | "isub" | "ixor" if tok[1] == tok[2] => {
                    let a = sets.get_mut(&d).unwrap();
                    match tok[0] {
                        "ior" => {}
                        "iand" => a.intersection_update_self(),
                        _ => a.clear(),
                    }
                }
                "ior" | "iand" | "isub" | "ixor" => {
                    let b = get(&sets, tok[2]);
                    let a = sets.get_mut(&d).unwrap();
                    match tok[0] {
                        "ior" => a.merge(&b, eq),
                        "iand" => a.intersection_update(&b, eq),
                        "isub" => a.difference_update(&b, eq),
                        _ => a.symmetric_difference_update(&b, eq),
                    }
                }
                "andlist" => {
                    let a = get(&sets, tok[2]);
                    let items: Vec<(i64, i128)> = nums(3).into_iter().map(|x| (h(x), x)).collect();
                    sets.insert(d, T::intersection_iter(&a, items, eq));
                }
                "check" => {
                    let got: Vec<i128> = sets[&d].iter().collect();
                    assert_eq!(got, nums(2), "{op}\n in {line}");
                }
                o => panic!("unknown op {o}"),
            }
        }
    }
}

#[test]
fn simple_orders() {
    let t = build(&[10, 1, 100, 3]);
    assert_eq!(t.iter().collect::<Vec<_>>(), vec![1, 10, 3, 100]);
    assert_eq!(t.candidates(h(100)), vec![100]);
    assert!(t.contains(h(3), |e| e == 3));
    assert_eq!(t.table_size(), 8);
}
