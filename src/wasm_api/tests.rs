//! Native tests of the browser façade: runs, steps, output, limits, memory.

use super::Session;
use super::json::{self, Json};

fn run(src: &str, opts: &str) -> Session {
    Session::run(src, "{}", opts).expect("run")
}

fn summary(s: &Session) -> Json {
    json::parse(&s.summary_json()).expect("summary is JSON")
}

#[test]
fn line_steps_follow_the_program() {
    let s = run("x = [1, 2]\ny = x\nprint(len(y))\n", "");
    // Three lines, plus the final step.
    assert_eq!(s.lines(), vec![1, 2, 3, 3]);
    assert_eq!(s.depths(), vec![1, 1, 1, 0]);
    assert_eq!(s.stdout_until(2), "");
    assert_eq!(s.stdout_until(3), "2\n");
    assert_eq!(s.stdout_until(99), "2\n");
    let sum = summary(&s);
    assert_eq!(sum.get("exit_code").and_then(Json::as_f64), Some(0.0));
    assert_eq!(
        sum.get("hit_step_limit").and_then(Json::as_bool),
        Some(false)
    );
}

#[test]
fn calls_change_the_depth() {
    let s = run("def f(a):\n    return a\nf(1)\n", "");
    assert_eq!(s.lines(), vec![1, 3, 1, 2, 3]);
    assert_eq!(s.depths(), vec![1, 1, 2, 2, 0]);
}

#[test]
fn an_endless_loop_stops_at_the_limit_and_stays_explorable() {
    let s = run("n = 0\nwhile True:\n    n += 1\n", r#"{"max_steps": 5000}"#);
    let sum = summary(&s);
    assert_eq!(
        sum.get("hit_step_limit").and_then(Json::as_bool),
        Some(true)
    );
    assert!(
        sum.get("message")
            .and_then(Json::as_str)
            .unwrap()
            .contains("step limit")
    );
    assert!(s.step_count() > 100);
    assert!(s.stderr_until(u32::MAX).contains("step limit"));
}

#[test]
fn instruction_mode_has_a_step_per_instruction() {
    let s = run("x = 1\n", r#"{"mode": "instruction"}"#);
    // RESUME, LOAD_CONST, STORE_NAME, LOAD_CONST, RETURN_VALUE, end.
    assert_eq!(s.step_count(), 6);
    assert_eq!(s.collected.steps.opname(1), Some("LOAD_CONST"));
    assert_eq!(s.instruction(1), "2 LOAD_CONST");
    assert_eq!(s.instruction(5), "");
}

#[test]
fn syntax_errors_are_reported_without_steps() {
    let s = run("x = (\n", "");
    let sum = summary(&s);
    assert_eq!(sum.get("compile_error").and_then(Json::as_bool), Some(true));
    assert!(s.stderr_until(0).contains("SyntaxError"));
    assert_eq!(s.step_count(), 1);
}

#[test]
fn bad_options_are_errors_not_panics() {
    assert!(Session::run("x = 1", "{}", "{\"mode\": \"weird\"}").is_err());
    assert!(Session::run("x = 1", "[1]", "").is_err());
    assert!(Session::run("x = 1", "{", "").is_err());
}

#[test]
fn memory_view_counts_the_programs_objects() {
    let s = run("a = [[] for i in range(100)]\nb = 1\ndel a\nc = 2\n", "");
    let at = |step| json::parse(&s.memory_view(step)).unwrap();
    let first = |line| s.lines().iter().position(|&l| l == line).unwrap() as u32;
    let before = at(first(2));
    let after = at(first(4));
    let live = |v: &Json| v.get("live_bytes").and_then(Json::as_f64).unwrap();
    assert!(live(&before) > live(&after), "del frees the lists");
    assert!(before.get("arenas").and_then(Json::as_f64).unwrap() >= 1.0);
    let hw = |v: &Json| v.get("high_water").and_then(Json::as_f64).unwrap();
    assert!(hw(&after) >= hw(&before));
}

fn state(s: &Session, step: u32) -> Json {
    json::parse(&s.state_json(step)).expect("state is JSON")
}

fn arr<'a>(v: &'a Json, key: &str) -> &'a [Json] {
    match v.get(key) {
        Some(Json::Arr(a)) => a,
        _ => &[],
    }
}

/// The drawn object a variable points to.
fn var_obj<'a>(st: &'a Json, name: &str) -> Option<&'a Json> {
    let id = arr(st, "frames").iter().find_map(|f| {
        arr(f, "vars")
            .iter()
            .find(|v| v.get("name").and_then(Json::as_str) == Some(name))
            .and_then(|v| v.get("obj").and_then(Json::as_f64))
    })?;
    arr(st, "objects")
        .iter()
        .find(|o| o.get("id").and_then(Json::as_f64) == Some(id))
}

fn refcount(o: &Json) -> f64 {
    o.get("refcount").and_then(Json::as_f64).unwrap()
}

#[test]
fn states_show_names_objects_and_refcounts() {
    let s = run("a = [1, 2]\nb = a\ndel a\nprint(len(b))\n", "");
    assert_eq!(
        s.collected.trace.as_ref().unwrap().steps + 1,
        s.step_count() as u64,
        "the trace and the step log agree on the steps"
    );
    let st1 = state(&s, 1); // before `b = a`
    let list = var_obj(&st1, "a").expect("a is drawn");
    assert_eq!(list.get("type").and_then(Json::as_str), Some("list"));
    assert_eq!(refcount(list), 1.0);
    let st2 = state(&s, 2); // before `del a`
    assert_eq!(refcount(var_obj(&st2, "a").unwrap()), 2.0);
    assert_eq!(refcount(var_obj(&st2, "b").unwrap()), 2.0);
    let st3 = state(&s, 3); // after `del a`
    assert!(var_obj(&st3, "a").is_none());
    let b = var_obj(&st3, "b").unwrap();
    assert_eq!(refcount(b), 1.0);
    // Small ints are written inline in the list's slots.
    let inl: Vec<&str> = arr(b, "refs")
        .iter()
        .filter_map(|r| r.get("inline").and_then(Json::as_str))
        .collect();
    assert_eq!(inl, ["1", "2"]);
    // Explain names both holders at step 2.
    let label = var_obj(&st2, "a")
        .unwrap()
        .get("label")
        .and_then(Json::as_str)
        .unwrap()
        .to_string();
    let ex = s.explain(2, &label);
    assert!(ex.contains("`a`") && ex.contains("`b`"), "{ex}");
    // The narration at step 2 tells what line 2 did.
    let n = s.narration(2);
    assert!(n.contains("refcount 1→2"), "{n}");
}

#[test]
fn freed_objects_are_reported_with_their_cause() {
    let s = run("x = [1]\nx = None\ny = 1\n", "");
    let st = state(&s, 2);
    assert!(
        arr(&st, "freed")
            .iter()
            .any(|f| f.get("cause").and_then(Json::as_str) == Some("refcount reached 0")),
        "{st:?}"
    );
}

#[test]
fn function_locals_and_the_final_state() {
    let s = run(
        "def f(n):\n    items = [n] * 3\n    return len(items)\nr = f(7)\n",
        "",
    );
    let inside = s.lines().iter().position(|&l| l == 3).unwrap() as u32;
    let st = state(&s, inside);
    assert_eq!(refcount(var_obj(&st, "items").expect("local drawn")), 1.0);
    let last = state(&s, s.step_count() - 1);
    assert_eq!(last.get("finished").and_then(Json::as_bool), Some(true));
    assert!(s.state_svg(inside).starts_with("<svg"));
}

#[test]
fn modules_view_lists_sys_modules() {
    let s = run("import sys\n", "");
    let m = s.modules_view(1);
    assert!(m.contains("\"name\":\"sys\""), "{m}");
    assert!(m.contains("\"name\":\"__main__\""), "{m}");
}

#[test]
fn gc_view_lists_what_a_collection_freed() {
    let src = "import gc\nclass Node:\n    pass\na = Node()\nb = Node()\na.peer = b\nb.peer = a\ndel a, b\nn = gc.collect()\nprint(n)\n";
    let s = run(src, "");
    let lines = s.lines();
    // Before line 9 runs nothing has been collected; after it, one collection.
    let at9 = lines.iter().position(|&l| l == 9).expect("line 9 runs") as u32;
    let before = json::parse(&s.gc_view(at9)).expect("gc view is JSON");
    assert_eq!(before.get("total").and_then(Json::as_f64), Some(0.0));
    let after = s.gc_view(at9 + 1);
    let v = json::parse(&after).expect("gc view is JSON");
    assert_eq!(v.get("total").and_then(Json::as_f64), Some(1.0), "{after}");
    let Some(Json::Arr(cs)) = v.get("collections") else {
        panic!("no collections: {after}");
    };
    assert_eq!(cs[0].get("line").and_then(Json::as_f64), Some(9.0));
    assert_eq!(cs[0].get("latest").and_then(Json::as_bool), Some(true));
    // Everything gc.collect() counted (python3 prints 2: the two instances)
    // is among what the collection freed.
    let printed: f64 = s.stdout_until(u32::MAX).trim().parse().expect("a count");
    let count = cs[0].get("count").and_then(Json::as_f64).unwrap_or(0.0);
    assert!(count >= printed, "{after}");
    for label in [
        "\"label\":\"Node#1\",\"type\":\"Node\",\"born_line\":4",
        "\"label\":\"Node#2\",\"type\":\"Node\",\"born_line\":5",
    ] {
        assert!(after.contains(label), "{after}");
    }
}

#[test]
#[ignore]
fn perf_million() {
    let t = std::time::Instant::now();
    let s = run(
        "x = 0\nfor i in range(500000):\n    x = i\n",
        r#"{"max_steps": 100000000}"#,
    );
    let tr = s.collected.trace.as_ref().unwrap();
    eprintln!(
        "run {} steps: {:?}; trace {} MB, {} checkpoints, {} objects",
        s.step_count(),
        t.elapsed(),
        tr.bytes.len() >> 20,
        tr.checkpoints().len(),
        tr.objects.len()
    );
    for step in [10u32, 99_999, 333_333, 777_777, 999_999, 1_000_001] {
        let t = std::time::Instant::now();
        let st = s.state_at(step).unwrap();
        let a = t.elapsed();
        let j = s.state_json(step);
        eprintln!(
            "state {step}: replay {a:?}, total {:?} ({} bytes, {} objects)",
            t.elapsed(),
            j.len(),
            st.objects.len()
        );
    }
}

#[test]
fn multi_file_programs_import_their_files() {
    let s = Session::run(
        "import helper\nfrom pkg import mod\nprint(helper.X, mod.Y)\n",
        r#"{"helper.py": "X = 5\n", "pkg/__init__.py": "", "pkg/mod.py": "Y = 'y'\n"}"#,
        "",
    )
    .unwrap();
    assert_eq!(
        s.stdout_until(u32::MAX),
        "5 y\n",
        "{}",
        s.stderr_until(u32::MAX)
    );
    let m = s.modules_view(s.step_count() - 2);
    assert!(m.contains("\"name\":\"helper\""), "{m}");
    assert!(m.contains("\"name\":\"pkg.mod\""), "{m}");
}

#[test]
fn quiz_grades_answers_like_pysim_check() {
    let src = "a = [1, 2]\nb = a\n# predict: same(a, b) == ?\n# predict: refcount(a) == ?\nprint(len(a))  # predict: output -> ?\n";
    let open = json::parse(&super::quiz::quiz_json(src, "ex.py", "{}", "")).expect("JSON");
    assert_eq!(open.get("total").and_then(Json::as_f64), Some(3.0));
    assert_eq!(open.get("score").and_then(Json::as_f64), Some(0.0));
    let graded = super::quiz::quiz_json(src, "ex.py", "{}", r#"["yes", "3", "2"]"#);
    let v = json::parse(&graded).expect("JSON");
    // same: right; refcount: wrong (2: the names a and b); output: right.
    assert_eq!(v.get("score").and_then(Json::as_f64), Some(2.0), "{graded}");
    assert!(graded.contains("\"expected\":\"2\""), "{graded}");
    let bad = super::quiz::quiz_json("# predict: refcount(a b) == ?\n", "ex.py", "{}", "");
    assert!(bad.contains("\"error\""), "{bad}");
}
