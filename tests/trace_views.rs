//! Snapshots of what a learner sees for the programs in `tests/trace/`: the
//! narration, the state text at chosen steps, the SVG picture, the
//! lifetimes chart and an explanation.

use pysim::host::MemoryHost;
use pysim::trace::RecordOptions;
use pysim::trace::Trace;
use pysim::trace::narrate::{NarrateOptions, narrate, quiet_objects};
use pysim::trace::run::record_program;
use pysim::trace::scene::build_scene;
use pysim::trace::state_text::render_scene;

fn record(name: &str) -> Trace {
    let path = format!("tests/trace/{name}.py");
    let source = std::fs::read_to_string(&path).unwrap();
    let (trace, _) = record_program(
        &source,
        &format!("{name}.py"),
        Box::new(MemoryHost::default()),
        Default::default(),
        RecordOptions::default(),
    );
    trace
}

fn show(trace: &Trace, step: u64) -> String {
    let state = trace.state_at(step);
    let quiet = quiet_objects(trace);
    let scene = build_scene(trace, &state, &quiet, false);
    render_scene(trace, &state, &scene)
}

fn show_line(trace: &Trace, line: u32) -> String {
    show(trace, trace.step_of_line(line).expect("line runs"))
}

fn svg_at_line(trace: &Trace, line: u32) -> String {
    let state = trace.state_at(trace.step_of_line(line).expect("line runs"));
    let quiet = quiet_objects(trace);
    let scene = build_scene(trace, &state, &quiet, false);
    pysim::trace::svg::scene_svg(trace, &scene)
}

#[test]
fn aliasing() {
    let t = record("aliasing");
    insta::assert_snapshot!(
        "aliasing_narration",
        narrate(&t, &NarrateOptions::default())
    );
    insta::assert_snapshot!("aliasing_show_line4", show_line(&t, 4));
    insta::assert_snapshot!("aliasing_svg_line4", svg_at_line(&t, 4));
    let focus = NarrateOptions {
        object: Some("list#1".into()),
        ..Default::default()
    };
    insta::assert_snapshot!("aliasing_list1", narrate(&t, &focus));
    let state = t.state_at(t.step_of_line(4).unwrap());
    let list = t.find_label("list#1").unwrap();
    insta::assert_snapshot!(
        "aliasing_explain",
        pysim::trace::explain::explain(&t, &state, list)
    );
}

#[test]
fn objects() {
    let t = record("objects");
    insta::assert_snapshot!("objects_narration", narrate(&t, &NarrateOptions::default()));
    insta::assert_snapshot!("objects_show_line9", show_line(&t, 9));
    insta::assert_snapshot!("objects_svg_line9", svg_at_line(&t, 9));
    insta::assert_snapshot!(
        "objects_lifetimes",
        pysim::trace::lifetimes::lifetimes_text(&t, 40)
    );
}

#[test]
fn closure() {
    let t = record("closure");
    insta::assert_snapshot!("closure_narration", narrate(&t, &NarrateOptions::default()));
    insta::assert_snapshot!("closure_show_line5", show_line(&t, 5));
    insta::assert_snapshot!("closure_svg_line5", svg_at_line(&t, 5));
}

#[test]
fn generator() {
    let t = record("generator");
    insta::assert_snapshot!(
        "generator_narration",
        narrate(&t, &NarrateOptions::default())
    );
    insta::assert_snapshot!("generator_show_line8", show_line(&t, 8));
}

#[test]
fn exceptions() {
    let t = record("exceptions");
    insta::assert_snapshot!(
        "exceptions_narration",
        narrate(&t, &NarrateOptions::default())
    );
    insta::assert_snapshot!("exceptions_show_line12", show_line(&t, 12));
}

#[test]
fn containers() {
    let t = record("containers");
    insta::assert_snapshot!(
        "containers_narration",
        narrate(&t, &NarrateOptions::default())
    );
    insta::assert_snapshot!("containers_show_line9", show_line(&t, 9));
    insta::assert_snapshot!("containers_svg_line9", svg_at_line(&t, 9));
    let lines = NarrateOptions {
        lines: Some((3, 5)),
        ..Default::default()
    };
    insta::assert_snapshot!("containers_lines_3_5", narrate(&t, &lines));
}

#[test]
fn colour_is_ansi_only_when_asked() {
    let t = record("aliasing");
    let plain = narrate(&t, &NarrateOptions::default());
    assert!(!plain.contains('\x1b'));
    let coloured = narrate(
        &t,
        &NarrateOptions {
            color: true,
            ..Default::default()
        },
    );
    assert!(coloured.contains("\x1b[32m"));
}
