//! Debugging aid: runs a program with the recorder and prints every record.

use pysim::host::MemoryHost;
use pysim::trace::RecordOptions;
use pysim::trace::run::record_program;

fn main() {
    let path = std::env::args().nth(1).expect("usage: trace_dump FILE");
    let source = std::fs::read_to_string(&path).expect("read");
    let (trace, _) = record_program(
        &source,
        "main.py",
        Box::new(MemoryHost::default()),
        Default::default(),
        RecordOptions::default(),
    );
    let mut dec = trace.decoder();
    let mut step = 0u64;
    let mut started = false;
    loop {
        let pos = dec.pos();
        let tag = trace.bytes.get(pos).copied().unwrap_or(0);
        let Some(r) = dec.next() else { break };
        if std::env::var("POS").is_ok() {
            print!("@{pos} t{tag:#x} ");
        }
        if let pysim::trace::Record::Line { .. } = r {
            if started {
                step += 1;
            }
            started = true;
        }
        println!("[{step}] {r:?}");
    }
    if let Ok(at) = std::env::var("HEX") {
        let at: usize = at.parse().unwrap();
        eprintln!(
            "{:02x?}",
            &trace.bytes[at..(at + 40).min(trace.bytes.len())]
        );
    }
    eprintln!(
        "{} steps; stopped at byte {} of {} (next tag {:?})",
        trace.steps,
        dec.pos(),
        trace.bytes.len(),
        trace.bytes.get(dec.pos().saturating_sub(1))
    );
}
