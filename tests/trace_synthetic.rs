//! The trace recorder on scripted event streams (the fake VM): replay
//! completeness at every step, labels, and the size of the encoding.

use pysim::trace::fake::FakeVm;
use pysim::trace::verify::{LiveStates, VerifyingSink, check_all_steps};
use pysim::trace::{RecordOptions, RecorderHandle, Trace};

/// a = [1, 2]; b = a; a.append(3); a.reverse(); del a; del b
fn program(vm: &mut FakeVm) {
    vm.start();
    vm.line(1);
    vm.load_small(1);
    vm.load_small(2);
    vm.build_list(2);
    vm.store_global("a");
    vm.line(2);
    vm.load_global("a");
    vm.store_global("b");
    vm.line(3);
    let a = vm.global("a");
    let three = vm.small_int(3);
    vm.list_append(a, three);
    vm.line(4);
    vm.list_reverse(a);
    vm.line(5);
    vm.del_global("a");
    vm.line(6);
    vm.del_global("b");
    vm.line(7);
    vm.print("done\n");
    vm.finish();
}

fn record(f: impl FnOnce(&mut FakeVm)) -> (Trace, LiveStates) {
    let rec = RecorderHandle::new(RecordOptions::default());
    let sink = VerifyingSink::new(rec.clone());
    let mut vm = FakeVm::new();
    vm.sink = Some(Box::new(sink.clone()));
    f(&mut vm);
    vm.sink = None;
    let trace = rec.finish(
        "main.py",
        "a = [1, 2]\nb = a\na.append(3)\na.reverse()\ndel a\ndel b\nprint('done')\n",
    );
    let live = sink.live.borrow().clone();
    (trace, live)
}

#[test]
fn replay_matches_live_state_at_every_step() {
    let (trace, live) = record(program);
    assert_eq!(trace.steps, 7);
    assert_eq!(live.states.len(), 7);
    assert_eq!(live.kept(), 7);
    check_all_steps(&trace, &live).unwrap();
}

#[test]
fn labels_follow_allocation_order_per_type() {
    let (trace, _) = record(program);
    let labels: Vec<String> = (0..trace.objects.len() as u32)
        .map(|i| trace.label(pysim::trace::ObjId(i)))
        .collect();
    assert!(labels.contains(&"list#1".to_string()), "{labels:?}");
    assert!(labels.contains(&"None".to_string()), "{labels:?}");
    assert!(labels.contains(&"int:1".to_string()), "{labels:?}");
}

#[test]
fn list_order_follows_reverse() {
    let (trace, _) = record(program);
    let s = trace.state_at(4);
    let list = (0..trace.objects.len() as u32)
        .map(pysim::trace::ObjId)
        .find(|&i| trace.label(i) == "list#1")
        .unwrap();
    let items: Vec<String> = s
        .object(list)
        .unwrap()
        .refs
        .iter()
        .map(|(t, _)| trace.label(*t))
        .collect();
    assert_eq!(items, ["int:3", "int:2", "int:1"]);
}

#[test]
fn many_steps_stay_compact() {
    let (trace, live) = record(|vm| {
        vm.start();
        vm.line(1);
        vm.build_list(0);
        vm.store_global("l");
        for i in 0..2000u32 {
            vm.line(2 + i % 3);
            let l = vm.global("l");
            let v = vm.small_int((i % 5) as usize);
            vm.list_append(l, v);
            vm.load_small(1);
            vm.store_global("x");
        }
        vm.finish();
    });
    check_all_steps(&trace, &live).unwrap();
    let per_event = trace.bytes.len() as f64 / trace.events as f64;
    eprintln!(
        "{per_event:.2} bytes per event over {} events",
        trace.events
    );
    assert!(per_event < 16.0, "{per_event} bytes per event");
}
