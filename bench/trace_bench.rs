//! Trace benchmark: recording overhead and random-access rebuild time.
//!
//! Runs a program of about 10 million events (`bench/trace_workload.py`
//! with N iterations) untraced and traced, several times each, and reports:
//! the time ratio traced/untraced (recording only, and with the checkpoint
//! index built), bytes per event, and the time to rebuild the state at
//! random steps. `cargo run --release --example trace_bench [-- N]`.

use pysim::host::MemoryHost;
use pysim::trace::run::run_with_sink;
use pysim::trace::{RecordOptions, RecorderHandle};
use std::time::{Duration, Instant};

const WORKLOAD: &str = include_str!("trace_workload.py");

fn options() -> pysim::RunOptions {
    pysim::RunOptions::default()
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

unsafe extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

/// CPU time of this thread (Linux `CLOCK_THREAD_CPUTIME_ID`): steadier than
/// wall time on a busy machine.
fn cpu_time() -> Duration {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec; 3 is CLOCK_THREAD_CPUTIME_ID on Linux.
    unsafe {
        clock_gettime(3, &mut ts);
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall and CPU time of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let (w, c) = (Instant::now(), cpu_time());
    let r = f();
    (r, w.elapsed(), cpu_time() - c)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(133_000);
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let source = WORKLOAD.replace("N = 1000", &format!("N = {n}"));
    // Deep native recursion needs a big stack, as in the CLI.
    let child = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || bench(&source, runs))
        .expect("thread");
    child.join().expect("bench");
}

fn bench(source: &str, runs: usize) {
    if std::env::var("TRACE_BENCH_RECORD_ONLY").is_ok() {
        // For profilers: recording only.
        let recorder = RecorderHandle::new(RecordOptions::default());
        let t = Instant::now();
        run_with_sink(
            source,
            "w.py",
            Box::new(MemoryHost::default()),
            options(),
            Box::new(recorder.clone()),
        );
        println!("recorded in {:.3}s", t.elapsed().as_secs_f64());
        return;
    }
    let (mut untraced, mut recording, mut indexing) = (Vec::new(), Vec::new(), Vec::new());
    let (mut untraced_cpu, mut recording_cpu, mut indexing_cpu) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..runs {
        let (outcome, w, c) = timed(|| {
            pysim::run_file(
                source,
                "trace_workload.py",
                Box::new(MemoryHost::default()),
                options(),
            )
        });
        assert_eq!(outcome.exit_code, 0);
        untraced.push(w);
        untraced_cpu.push(c);

        let recorder = RecorderHandle::new(RecordOptions::default());
        let (_, w, c) = timed(|| {
            run_with_sink(
                source,
                "trace_workload.py",
                Box::new(MemoryHost::default()),
                options(),
                Box::new(recorder.clone()),
            )
        });
        recording.push(w);
        recording_cpu.push(c);
        let (trace, w, c) = timed(|| {
            let trace = recorder.finish("trace_workload.py", source);
            trace.checkpoints();
            trace
        });
        indexing.push(w);
        indexing_cpu.push(c);
        last = Some(trace);
    }
    let trace = last.expect("a run");
    let (uc, rc, ic) = (
        median(untraced_cpu),
        median(recording_cpu),
        median(indexing_cpu),
    );
    println!(
        "CPU time: untraced {:.3}s  traced {:.3}s (×{:.2})  + checkpoint index {:.3}s (×{:.2} in total)",
        uc.as_secs_f64(),
        rc.as_secs_f64(),
        rc.as_secs_f64() / uc.as_secs_f64(),
        ic.as_secs_f64(),
        (rc + ic).as_secs_f64() / uc.as_secs_f64()
    );
    let (u, r, i) = (median(untraced), median(recording), median(indexing));
    println!(
        "events: {}  steps: {}  objects: {}",
        trace.events,
        trace.steps,
        trace.objects.len()
    );
    println!(
        "bytes: {} records ({:.2} per event), {} with the object/symbol/code tables ({:.2} per event)",
        trace.bytes.len(),
        trace.bytes.len() as f64 / trace.events as f64,
        trace.total_bytes(),
        trace.total_bytes() as f64 / trace.events as f64
    );
    println!(
        "wall time: untraced {:.3}s  traced {:.3}s (×{:.2})  + checkpoint index {:.3}s (×{:.2} in total), {} checkpoints",
        u.as_secs_f64(),
        r.as_secs_f64(),
        r.as_secs_f64() / u.as_secs_f64(),
        i.as_secs_f64(),
        (r + i).as_secs_f64() / u.as_secs_f64(),
        trace.checkpoints().len()
    );
    // Random access: a fixed pseudo-random sample of steps.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut times = Vec::new();
    for _ in 0..25 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let step = x % trace.steps.max(1);
        let t = Instant::now();
        let state = trace.state_at(step);
        times.push(t.elapsed());
        assert_eq!(state.step, step);
    }
    let max = times.iter().max().copied().unwrap_or_default();
    let med = median(times);
    println!(
        "state_at (25 random steps): median {:.2} ms, max {:.2} ms",
        med.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );
}
