//! The story of a run in plain words, one step (line or instruction) at a time:
//!
//! ```text
//! step 0 · line 1 · l1 = [1, 2]
//!   list#1 created, refcount 1 ← name `l1`
//! step 2 · line 3 · del l1
//!   list#1 refcount 2→1: name `l1` unbound by `del`
//! ```
//!
//! Within a step, the events about each object are summed up into one
//! sentence: created / freed / refcount before→after with the holders gained
//! (`←`) and lost (with why: unbound by `del`, rebound, removed, released by a
//! container that was freed). References held only in flight (the evaluation
//! stack, native temporaries) are not worth a sentence. Objects the
//! interpreter shares (None, small ints, interned strings, types) get one
//! summary line per step instead of flooding the story.

use super::describe::Namer;
use super::model::*;
use super::narrate_gc::*;
pub use super::quiet::{quiet_objects, silent_gains};
use super::store::{Trace, is_boundary};
use crate::runtime::events::FrameId;
use std::collections::HashMap;
use std::fmt::Write;

/// What to tell.
#[derive(Debug, Clone, Default)]
pub struct NarrateOptions {
    /// Only sentences about this object (its label, e.g. `list#1`).
    pub object: Option<String>,
    /// Only steps on these lines of the main program (inclusive).
    pub lines: Option<(u32, u32)>,
    /// Only the cycle collector: its phases, and what it finalized and freed.
    pub gc: bool,
    /// The bodies of imported modules.
    pub imports: bool,
    /// Steps in files other than the main program.
    pub include_stdlib: bool,
    /// Tell the story per instruction (needs a trace recorded with instructions).
    pub instructions: bool,
    /// ANSI colours.
    pub color: bool,
    /// A condensed story: each line of each file told at most this many
    /// times (a loop's later iterations are counted, not told), and at most
    /// [`CONDENSED_SENTENCES`] sentences and [`CONDENSED_NAMES`] names per list in a step.
    pub max_repeats: Option<u32>,
}

/// Sentences per step in a condensed story (see [`NarrateOptions::max_repeats`]).
pub const CONDENSED_SENTENCES: usize = 40;
/// Names per list (temporaries, shared objects) in a condensed story.
pub const CONDENSED_NAMES: usize = 12;

/// ANSI styles.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn header(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn born(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    fn died(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    fn count(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    fn frame(&self, s: &str) -> String {
        self.wrap("36", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn output(&self, s: &str) -> String {
        self.wrap("35", s)
    }
}

/// Why a holder let go.
#[derive(Debug, Clone, Copy)]
enum Reason {
    Unbound,
    Rebound(Option<ObjId>),
    OwnerFreed,
}

/// Everything that happened to one object during one step.
#[derive(Debug, Default)]
struct ObjectStory {
    order: usize,
    created: bool,
    freed: Option<FreeCause>,
    before: Option<u64>,
    after: u64,
    gains: Vec<TraceHolder>,
    losses: Vec<(TraceHolder, Option<Reason>)>,
    finalized: bool,
}

/// A line of the story that is not about one object (calls, output…).
#[derive(Debug)]
struct Happening {
    order: usize,
    text: String,
    /// Told by the cycle collector (kept by `--gc`).
    gc: bool,
}

/// One step's worth of events, being collected.
#[derive(Debug, Default)]
struct StepStory {
    /// The trace step the group starts (None before the first step).
    step: Option<u64>,
    frame: Option<FrameId>,
    line: u32,
    instruction: Option<(u32, Sym)>,
    objects: HashMap<ObjId, ObjectStory>,
    happenings: Vec<Happening>,
    /// Recent bindings: (holder, old, new).
    binds: Vec<(TraceHolder, Option<ObjId>, Option<ObjId>)>,
    events: usize,
    at_exit: bool,
    /// The cycle collector ran during the step.
    gc: bool,
}

#[derive(Debug, Default)]
struct Totals {
    steps: u64,
    created: u64,
    freed: [u64; 3],
}

/// Tells the story of `trace`.
pub fn narrate(trace: &Trace, opts: &NarrateOptions) -> String {
    let mut n = Narrator {
        trace,
        opts,
        paint: Paint(opts.color),
        namer: Namer::scan(trace),
        out: String::new(),
        story: StepStory::default(),
        running: Vec::new(),
        exited: false,
        totals: Totals::default(),
        quiet: quiet_objects(trace),
        silent: silent_gains(trace),
        lines: HashMap::new(),
        collection: Collection::default(),
        told: HashMap::new(),
        folded: 0,
    };
    n.run();
    n.out
}

struct Narrator<'t> {
    trace: &'t Trace,
    opts: &'t NarrateOptions,
    paint: Paint,
    namer: Namer,
    out: String,
    story: StepStory,
    running: Vec<FrameId>,
    exited: bool,
    totals: Totals,
    /// Objects summarised rather than narrated (see [`quiet_objects`]).
    quiet: Vec<bool>,
    silent: HashMap<u64, Vec<(ObjId, TraceHolder)>>,
    /// The last line of each frame (for instruction steps).
    lines: HashMap<FrameId, u32>,
    /// The collection being told.
    collection: Collection,
    /// How often each (file, line) was told, and the steps not told since
    /// the last one that was (see [`NarrateOptions::max_repeats`]).
    told: HashMap<(Sym, u32), u32>,
    folded: u64,
}

impl Narrator<'_> {
    fn is_quiet(&self, id: ObjId) -> bool {
        self.quiet.get(id.0 as usize).copied().unwrap_or(true)
    }

    fn run(&mut self) {
        let trace = self.trace;
        let group_mode = if self.opts.instructions && trace.mode == StepMode::Instruction {
            StepMode::Instruction
        } else {
            StepMode::Line
        };
        let mut dec = trace.decoder();
        // In instruction mode a Line record announces the instruction that
        // follows it: the group starts at the Line.
        let mut after_line = false;
        while let Some(r) = dec.next() {
            let starts = match (&r, group_mode) {
                (Record::Line { .. }, _) => true,
                (Record::Instruction { .. }, StepMode::Instruction) => !after_line,
                _ => false,
            };
            if r.is_story() {
                after_line = matches!(r, Record::Line { .. });
            }
            if starts && !self.exited {
                self.flush();
                self.story = StepStory::default();
            }
            if is_boundary(&r, trace.mode) {
                self.totals.steps += 1;
                if self.story.step.is_none() {
                    self.story.step = Some(self.totals.steps - 1);
                }
            }
            self.record(&r);
        }
        self.flush();
        self.summary();
    }

    /// Adds one record to the current step's story.
    fn record(&mut self, r: &Record<'_>) {
        if !r.is_story() {
            return;
        }
        let order = self.story.events;
        self.story.events += 1;
        let trace = self.trace;
        match *r {
            Record::Line { frame, line } => {
                self.story.frame = Some(frame);
                self.story.line = line;
                self.lines.insert(frame, line);
            }
            Record::Instruction {
                frame,
                index,
                opname,
            } => {
                if self.story.frame != Some(frame) || self.story.line == 0 {
                    self.story.line = self.lines.get(&frame).copied().unwrap_or(0);
                }
                self.story.frame = Some(frame);
                self.story.instruction = Some((index, opname));
            }
            Record::Alloc { obj } => {
                let s = self.object(obj, order);
                s.created = true;
                s.before = Some(0);
                s.after = 1;
                self.totals.created += 1;
            }
            Record::Incref { obj, holder, count } => {
                let s = self.object(obj, order);
                s.before.get_or_insert(count.saturating_sub(1));
                s.after = count;
                if !holder.is_transient() {
                    s.gains.push(holder);
                }
            }
            Record::Decref { obj, holder, count } => {
                let reason = self.reason(obj, holder);
                let s = self.object(obj, order);
                s.before.get_or_insert(count + 1);
                s.after = count;
                if !holder.is_transient() {
                    // A loss cancels a gain of the same holder in this step.
                    if let Some(i) = s.gains.iter().position(|g| *g == holder) {
                        s.gains.remove(i);
                    } else {
                        s.losses.push((holder, reason));
                    }
                }
            }
            Record::Free { obj, cause } => {
                let s = self.object(obj, order);
                s.freed = Some(cause);
                s.after = 0;
                self.totals.freed[cause as usize] += 1;
            }
            Record::Finalize { obj } => self.object(obj, order).finalized = true,
            Record::Bind { ns, old, new, .. } => {
                // The key is known from the Name holder that follows; match on ns.
                self.story.binds.push((
                    TraceHolder::Name {
                        ns,
                        key: ObjId(u32::MAX),
                    },
                    old,
                    new,
                ));
            }
            Record::BindLocal {
                frame,
                slot,
                old,
                new,
                ..
            } => self
                .story
                .binds
                .push((TraceHolder::Local(frame, slot), old, new)),
            Record::FramePush { frame, .. } => {
                let caller = self.running.last().copied();
                self.running.push(frame);
                let callee = self.namer.frame_label(trace, frame);
                let text = match caller {
                    Some(c) => format!("→ {} calls {callee}", self.namer.frame_label(trace, c)),
                    None => format!("→ {callee} starts"),
                };
                self.happen(order, self.paint.frame(&text));
            }
            Record::FramePop { frame, exit } => {
                if let Some(i) = self.running.iter().rposition(|&f| f == frame) {
                    self.running.remove(i);
                }
                let name = self.namer.frame_label(trace, frame);
                let text = match exit {
                    FrameExit::Return => format!("← {name} returns"),
                    FrameExit::Exception => format!("← {name} exits with an exception"),
                    FrameExit::Yield => format!("⏸ {name} suspended at a yield"),
                };
                self.happen(order, self.paint.frame(&text));
                if self.running.is_empty() && exit != FrameExit::Yield {
                    self.flush();
                    self.story = StepStory {
                        at_exit: true,
                        ..StepStory::default()
                    };
                    self.exited = true;
                }
            }
            Record::FrameResume { frame } => {
                self.running.push(frame);
                let text = format!("▶ {} resumes", self.namer.frame_label(trace, frame));
                self.happen(order, self.paint.frame(&text));
            }
            Record::CellCreated { cell, name, .. } => {
                let text = format!(
                    "{} holds variable `{}` for inner functions",
                    trace.label(cell),
                    trace.sym(name)
                );
                self.happen(order, text);
            }
            Record::ExceptionRaised { exc, frame } => {
                let text = format!(
                    "! {} raised in {}",
                    trace.label(exc),
                    self.namer.frame_label(trace, frame)
                );
                self.happen(order, self.paint.died(&text));
            }
            Record::ExceptionCaught { exc, frame } => {
                let text = format!(
                    "✓ {} caught in {}",
                    trace.label(exc),
                    self.namer.frame_label(trace, frame)
                );
                self.happen(order, self.paint.frame(&text));
            }
            Record::Import {
                phase,
                name,
                module,
                file,
            } if self.opts.imports => {
                let name = trace.sym(name);
                let module = module.map(|m| trace.label(m)).unwrap_or_default();
                let text = match phase {
                    ImportPhase::Search => {
                        format!("import `{name}`: not in sys.modules, searching")
                    }
                    ImportPhase::CacheHit => {
                        format!("import `{name}`: already in sys.modules ({module})")
                    }
                    ImportPhase::Created => match file {
                        Some(f) => {
                            format!("module `{name}` created ({module}) from {}", trace.sym(f))
                        }
                        None => format!("module `{name}` created ({module})"),
                    },
                    ImportPhase::Exec => format!("running the body of module `{name}`"),
                    ImportPhase::Done => format!("module `{name}` imported"),
                    ImportPhase::Failed => {
                        format!("importing `{name}` failed: removed from sys.modules")
                    }
                };
                self.happen(order, self.paint.frame(&text));
            }
            Record::GcStart { .. }
            | Record::GcRefs { .. }
            | Record::GcUnreachable { .. }
            | Record::GcFinalize { .. }
            | Record::GcResurrected { .. }
            | Record::GcClear { .. }
            | Record::GcDone { .. } => self.gc_record(r, order),
            Record::Stdout { text } | Record::Stderr { text } => {
                let which = if matches!(r, Record::Stdout { .. }) {
                    "output"
                } else {
                    "error output"
                };
                let t = format!("{which}: {}", crate::runtime::inspect::str_repr(text, 60));
                self.happen(order, self.paint.output(&t));
            }
            _ => {}
        }
    }

    fn object(&mut self, obj: ObjId, order: usize) -> &mut ObjectStory {
        self.story
            .objects
            .entry(obj)
            .or_insert_with(|| ObjectStory {
                order,
                ..ObjectStory::default()
            })
    }

    fn happen(&mut self, order: usize, text: String) {
        self.story.happenings.push(Happening {
            order,
            text,
            gc: false,
        });
    }

    /// A sentence of the cycle collector (`always`: told without `--gc` too).
    fn happen_gc(&mut self, order: usize, text: String, always: bool) {
        if always || self.opts.gc {
            self.story.gc = true;
            let text = self.paint.frame(&text);
            self.story.happenings.push(Happening {
                order,
                text,
                gc: true,
            });
        }
    }

    /// One of the collector's phase records (see `narrate_gc.rs`). Without
    /// `--gc`, only a collection that found garbage and resurrections are told.
    fn gc_record(&mut self, r: &Record<'_>, order: usize) {
        let trace = self.trace;
        if self.opts.gc {
            self.story.gc = true;
        }
        match *r {
            Record::GcStart { generation } => {
                self.collection = Collection {
                    generation,
                    ..Collection::default()
                };
                self.happen_gc(order, start_sentence(generation), false);
            }
            Record::GcRefs { entries } => {
                let again = !self.collection.unreachable.is_empty();
                self.collection.examined = entries.len();
                let zero = entries.iter().filter(|e| e.1 == 0).map(|e| e.0);
                self.collection.unreferenced = zero.collect();
                let text = refs_sentence(trace, &self.collection, again);
                self.happen_gc(order, text, false);
            }
            Record::GcUnreachable { objs } => {
                self.collection.unreachable = objs.to_vec();
                let found = !objs.is_empty();
                let state = found.then(|| {
                    let step = self.story.step.unwrap_or(trace.steps.saturating_sub(1));
                    trace.state_at(step)
                });
                let text = found_sentence(trace, state.as_ref(), &self.collection);
                self.happen_gc(order, text, found);
            }
            Record::GcFinalize { obj } => {
                self.happen_gc(order, finalize_sentence(trace, obj), false)
            }
            Record::GcResurrected { obj } => {
                self.happen_gc(order, resurrected_sentence(trace, obj), true)
            }
            Record::GcClear { obj } => self.happen_gc(order, clear_sentence(trace, obj), false),
            Record::GcDone {
                generation,
                collected,
                uncollectable,
            } => {
                let text = done_sentence(generation, collected, uncollectable);
                self.happen_gc(order, text, false);
            }
            _ => {}
        }
    }

    /// Why `holder` let go of `obj`: a binding in this step, or its owner dying.
    fn reason(&self, obj: ObjId, holder: TraceHolder) -> Option<Reason> {
        let bind = self.story.binds.iter().rev().find(|(h, old, _)| {
            *old == Some(obj)
                && match (h, holder) {
                    (TraceHolder::Name { ns, .. }, TraceHolder::Name { ns: n2, .. }) => *ns == n2,
                    (a, b) => *a == b,
                }
        });
        if let Some((_, _, new)) = bind {
            return Some(match new {
                None => Reason::Unbound,
                Some(n) => Reason::Rebound(Some(*n)),
            });
        }
        let owner = match holder {
            TraceHolder::Item(o) | TraceHolder::Cell(o) | TraceHolder::Field(o, _) => Some(o),
            TraceHolder::Name { ns, .. } => Some(ns),
            _ => None,
        };
        let owner_dying =
            owner.is_some_and(|o| self.story.objects.get(&o).is_some_and(|s| s.after == 0));
        owner_dying.then_some(Reason::OwnerFreed)
    }
}

impl Narrator<'_> {
    /// Whether the current step is shown under the filters.
    fn visible(&self) -> bool {
        let trace = self.trace;
        let frame = self.story.frame.and_then(|f| self.namer.frames.get(&f));
        let in_main = frame.is_none_or(|f| trace.sym(f.filename) == trace.main_file);
        if !in_main {
            let module_body = frame.is_some_and(|f| trace.sym(f.code_name) == "<module>");
            if !(self.opts.include_stdlib || module_body && self.opts.imports) {
                return false;
            }
        }
        if let Some((a, b)) = self.opts.lines
            && (self.story.at_exit || !in_main || self.story.line < a || self.story.line > b)
        {
            return false;
        }
        true
    }

    /// Writes the current step's story.
    fn flush(&mut self) {
        if self.story.events == 0 || !self.visible() {
            return;
        }
        let gc_only = self.opts.gc;
        if gc_only && !self.story.gc {
            return;
        }
        if self.fold_repeat() {
            return;
        }
        let trace = self.trace;
        let focus = self.opts.object.as_deref();
        let mut lines: Vec<(usize, String)> = Vec::new();
        let mut shared: Vec<(String, i64)> = Vec::new();
        let mut temporaries: Vec<String> = Vec::new();
        let mut setup_freed = 0usize;
        let mut ids: Vec<&ObjId> = self.story.objects.keys().collect();
        ids.sort();
        for &id in ids {
            let s = &self.story.objects[&id];
            let label = trace.label(id);
            if let Some(f) = focus
                && f != label
            {
                continue;
            }
            if gc_only && s.freed != Some(FreeCause::CycleCollection) && !s.finalized {
                continue;
            }
            if focus.is_none() && self.is_quiet(id) {
                if self.story.at_exit {
                    if s.freed.is_some() {
                        setup_freed += 1;
                    }
                    continue;
                }
                let delta = s.after as i64 - s.before.unwrap_or(s.after) as i64;
                if delta != 0 {
                    shared.push((label, delta));
                }
                continue;
            }
            if focus.is_none() && s.created && s.freed.is_some() && !s.finalized {
                temporaries.push(self.with_value(id));
                continue;
            }
            if let Some(text) = self.sentence(id, s) {
                lines.push((s.order, text));
            }
        }
        if focus.is_none() {
            for h in self.story.happenings.iter().filter(|h| h.gc || !gc_only) {
                lines.push((h.order, h.text.clone()));
            }
        }
        lines.sort_by_key(|(o, _)| *o);
        let condensed = self.opts.max_repeats.is_some();
        let untold = if condensed && lines.len() > CONDENSED_SENTENCES {
            let n = lines.len() - CONDENSED_SENTENCES;
            lines.truncate(CONDENSED_SENTENCES);
            n
        } else {
            0
        };
        if condensed {
            shorten(&mut temporaries);
        }
        if focus.is_some() && lines.is_empty() {
            return;
        }
        let header = self.header();
        if self.story.step.is_none() && !self.story.at_exit {
            // Setting up: only how much happened.
            if focus.is_none() {
                let created = self.story.objects.values().filter(|s| s.created).count();
                let _ = writeln!(
                    self.out,
                    "{}",
                    self.paint.dim(&format!(
                        "before the first line: {created} objects created setting up the program"
                    ))
                );
            }
            return;
        }
        self.write_folded();
        let _ = writeln!(self.out, "{}", self.paint.header(&header));
        for (_, text) in lines {
            let _ = writeln!(self.out, "  {text}");
        }
        if untold > 0 {
            let t = format!("… {untold} more sentences in this step");
            let _ = writeln!(self.out, "  {}", self.paint.dim(&t));
        }
        if setup_freed > 0 {
            let t = format!("{setup_freed} objects of the interpreter and the module released");
            let _ = writeln!(self.out, "  {}", self.paint.dim(&t));
        }
        if !temporaries.is_empty() {
            let t = format!("temporaries created and freed: {}", temporaries.join(", "));
            let _ = writeln!(self.out, "  {}", self.paint.dim(&t));
        }
        if !shared.is_empty() {
            shared.sort();
            let mut parts: Vec<String> = shared
                .iter()
                .map(|(l, d)| {
                    if *d > 0 {
                        format!("{l} +{d}")
                    } else {
                        format!("{l} −{}", -d)
                    }
                })
                .collect();
            if condensed {
                shorten(&mut parts);
            }
            let t = format!("shared objects: {}", parts.join(", "));
            let _ = writeln!(self.out, "  {}", self.paint.dim(&t));
        }
    }

    /// Whether the current step's line was told often enough already.
    fn fold_repeat(&mut self) -> bool {
        let (Some(max), Some(_)) = (self.opts.max_repeats, self.story.step) else {
            return false;
        };
        let file = self
            .story
            .frame
            .and_then(|f| self.namer.frames.get(&f))
            .map_or(Sym::default(), |f| f.filename);
        let n = self.told.entry((file, self.story.line)).or_insert(0);
        *n += 1;
        if *n > max {
            self.folded += 1;
            return true;
        }
        false
    }

    /// `… 120 more steps on lines already told`.
    fn write_folded(&mut self) {
        if self.folded > 0 {
            let unit = if self.folded == 1 { "step" } else { "steps" };
            let t = format!("… {} more {unit} on lines already told", self.folded);
            let _ = writeln!(self.out, "{}", self.paint.dim(&t));
            self.folded = 0;
        }
    }

    fn header(&self) -> String {
        let trace = self.trace;
        if self.story.at_exit {
            return "interpreter exit".into();
        }
        let mut h = match self.story.step {
            Some(s) => format!("step {s} · line {}", self.story.line),
            None => "setup".into(),
        };
        if let Some(f) = self.story.frame {
            let label = self.namer.frame_label(trace, f);
            if label != "<module>" {
                let _ = write!(h, " in {label}");
            }
        }
        if let Some((index, op)) = self.story.instruction {
            let _ = write!(h, " · {index} {}", trace.sym(op));
        } else if let Some(src) = self.source_of_step() {
            let _ = write!(h, " · {src}");
        }
        h
    }

    fn source_of_step(&self) -> Option<&str> {
        let trace = self.trace;
        let frame = self.story.frame.and_then(|f| self.namer.frames.get(&f))?;
        if trace.sym(frame.filename) != trace.main_file {
            return None;
        }
        trace.source_line(self.story.line)
    }

    /// `int#3 (1000)`: the label with the value of an atomic object.
    fn with_value(&self, id: ObjId) -> String {
        let trace = self.trace;
        let label = trace.label(id);
        match trace.meta(id).and_then(|m| m.value.as_deref()) {
            Some(v) if trace.meta(id).is_some_and(|m| m.ordinal > 0) => format!("{label} ({v})"),
            _ => label,
        }
    }

    fn sentence(&self, id: ObjId, s: &ObjectStory) -> Option<String> {
        let trace = self.trace;
        let p = &self.paint;
        let label = self.with_value(id);
        let current = self.story.frame;
        let mut gains: Vec<String> = s
            .gains
            .iter()
            .map(|h| self.namer.holder_phrase(trace, *h, current))
            .collect();
        if gains.is_empty()
            && s.after > s.before.unwrap_or(0)
            && let Some(found) = self.story.step.and_then(|st| self.silent.get(&st))
        {
            gains.extend(
                found
                    .iter()
                    .filter(|(t, _)| *t == id)
                    .map(|(_, h)| self.namer.holder_phrase(trace, *h, current)),
            );
        }
        let mut losses: Vec<String> = s
            .losses
            .iter()
            .map(|&(h, why)| self.loss_phrase(h, why))
            .collect();
        if self.opts.max_repeats.is_some() {
            shorten(&mut gains);
            shorten(&mut losses);
        }
        let before = s.before.unwrap_or(s.after);
        let mut text = if let Some(cause) = s.freed {
            let how = match cause {
                FreeCause::RefcountZero => "refcount reached 0".to_string(),
                FreeCause::CycleCollection => "collected by the cycle collector".to_string(),
                FreeCause::InterpreterExit => "released at interpreter exit".to_string(),
            };
            let mut t = p.died(&format!("{label} freed: {how}"));
            if let Some(life) = self.lifetime(id) {
                let _ = write!(t, " — {life}");
            }
            if !losses.is_empty() && cause != FreeCause::InterpreterExit {
                let _ = write!(t, " ({})", losses.join(", "));
            }
            t
        } else if s.created {
            let mut t = p.born(&format!("{label} created, refcount {}", s.after));
            if !gains.is_empty() {
                let _ = write!(t, " ← {}", gains.join(", "));
            }
            t
        } else if before != s.after {
            let mut t = p.count(&format!("{label} refcount {before}→{}", s.after));
            if !gains.is_empty() {
                let _ = write!(t, " ← {}", gains.join(", "));
            }
            if !losses.is_empty() {
                let _ = write!(t, ": {}", losses.join(", "));
            }
            t
        } else if !gains.is_empty() || !losses.is_empty() {
            let mut t = format!("{label} (refcount {})", s.after);
            if !gains.is_empty() {
                let _ = write!(t, " ← {}", gains.join(", "));
            }
            if !losses.is_empty() {
                let _ = write!(t, ": {}", losses.join(", "));
            }
            t
        } else if s.finalized {
            String::new()
        } else {
            return None;
        };
        if s.finalized {
            if !text.is_empty() {
                text.push_str("; ");
            }
            let _ = write!(text, "{}.__del__() ran first", trace.label(id));
        }
        Some(text)
    }

    fn loss_phrase(&self, h: TraceHolder, why: Option<Reason>) -> String {
        let trace = self.trace;
        let holder = self.namer.holder_phrase(trace, h, self.story.frame);
        match why {
            Some(Reason::Unbound) => format!("{holder} unbound by `del`"),
            Some(Reason::Rebound(Some(n))) => format!("{holder} rebound to {}", trace.label(n)),
            Some(Reason::Rebound(None)) => format!("{holder} rebound"),
            Some(Reason::OwnerFreed) => format!("{holder} released as its owner was freed"),
            None => match h {
                TraceHolder::Item(c) => format!("removed from {}", trace.label(c)),
                TraceHolder::Local(..) => format!("{holder} released"),
                _ => format!("{holder} released"),
            },
        }
    }

    /// `lived 6 steps, lines 1–5`.
    fn lifetime(&self, id: ObjId) -> Option<String> {
        let m = self.trace.meta(id)?;
        let (dstep, dline, _) = m.died?;
        match m.born {
            Some((bstep, bline)) => {
                let steps = dstep.saturating_sub(bstep);
                let unit = if steps == 1 { "step" } else { "steps" };
                if bline == 0 {
                    Some(format!("lived {steps} {unit}, until line {dline}"))
                } else if bline == dline {
                    Some(format!("lived {steps} {unit}, line {bline}"))
                } else {
                    Some(format!("lived {steps} {unit}, lines {bline}–{dline}"))
                }
            }
            None => Some("existed before the program started".into()),
        }
    }

    fn summary(&mut self) {
        self.write_folded();
        if self.opts.object.is_some() {
            return;
        }
        let t = &self.totals;
        let freed: u64 = t.freed.iter().sum();
        let text = format!(
            "— {} steps; {} objects created, {} freed ({} by refcount, {} by the cycle collector, {} at exit)",
            t.steps, t.created, freed, t.freed[0], t.freed[1], t.freed[2]
        );
        let _ = writeln!(self.out, "{}", self.paint.dim(&text));
    }
}

/// Keeps the first [`CONDENSED_NAMES`] names of a list and counts the rest.
fn shorten(names: &mut Vec<String>) {
    if names.len() > CONDENSED_NAMES {
        let more = names.len() - CONDENSED_NAMES;
        names.truncate(CONDENSED_NAMES);
        names.push(format!("and {more} more"));
    }
}
