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
