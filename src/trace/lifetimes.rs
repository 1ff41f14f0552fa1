//! One bar per object, from the step it was born to the step it died,
//! coloured by what freed it (refcount reaching zero, the cycle collector,
//! interpreter exit, or still alive), with a mark at every step where its
//! refcount went up (`+`) or down (`-`). As text and as SVG (`pysim lifetimes`).

use super::model::*;
use super::narrate::quiet_objects;
use super::store::Trace;
use super::svg::xml_escape;
use std::collections::HashMap;
use std::fmt::Write;

/// One object's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifetime {
    pub id: ObjId,
    pub label: String,
    /// First step (0 for objects born before the first line).
    pub born: u64,
    pub born_line: u32,
    /// Step, line and cause of death; None while alive at the end.
    pub died: Option<(u64, u32, FreeCause)>,
    /// Net refcount change per step (steps with no change omitted).
    pub marks: Vec<(u64, i64)>,
}

/// The lives of the objects the program made (shared and setup objects left out).
pub fn lifetimes(trace: &Trace) -> Vec<Lifetime> {
    let quiet = quiet_objects(trace);
    let mut marks: HashMap<ObjId, Vec<(u64, i64)>> = HashMap::new();
    let mut dec = trace.decoder();
    let mut steps = 0u64;
    while let Some(r) = dec.next() {
        if super::store::is_boundary(&r, trace.mode) {
            steps += 1;
        }
        let (obj, delta) = match r {
            Record::Incref { obj, .. } => (obj, 1),
            Record::Decref { obj, .. } => (obj, -1),
            _ => continue,
        };
        if quiet.get(obj.0 as usize).copied().unwrap_or(true) {
            continue;
        }
        let step = steps.saturating_sub(1);
        let m = marks.entry(obj).or_default();
        match m.last_mut() {
            Some((s, d)) if *s == step => *d += delta,
            _ => m.push((step, delta)),
        }
    }
    trace
        .objects
        .iter()
        .enumerate()
        .filter(|(i, _)| !quiet[*i])
        .map(|(i, m)| {
            let id = ObjId(i as u32);
            let (born, born_line) = m.born.unwrap_or((0, 0));
            let mut mk = marks.remove(&id).unwrap_or_default();
            mk.retain(|(_, d)| *d != 0);
            Lifetime {
                id,
                label: trace.label(id),
                born,
                born_line,
                died: m.died,
                marks: mk,
            }
        })
        .collect()
}

/// The most bars drawn; the rest are counted.
pub const MAX_BARS: usize = 400;

fn cause_word(c: Option<FreeCause>) -> &'static str {
    match c {
        Some(FreeCause::RefcountZero) => "freed by refcount",
        Some(FreeCause::CycleCollection) => "collected by the gc",
        Some(FreeCause::InterpreterExit) => "freed at exit",
        None => "alive at the end",
    }
}

/// The chart as text, `width` columns for the steps.
pub fn lifetimes_text(trace: &Trace, width: usize) -> String {
    let lives = lifetimes(trace);
    let steps = trace.steps.max(1);
    let width = width.clamp(10, 200).min(steps as usize).max(1);
    let col = |s: u64| ((s.min(steps - 1) * width as u64) / steps) as usize;
    let label_w = lives
        .iter()
        .take(MAX_BARS)
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:label_w$}  steps 0–{} ({} per column)",
        "object",
        steps - 1,
        steps.div_ceil(width as u64)
    );
    for l in lives.iter().take(MAX_BARS) {
        let mut row = vec![' '; width + 1];
        let start = col(l.born);
        let end = l.died.map_or(width, |(s, _, _)| col(s));
        for c in row.iter_mut().take(end.min(width) + 1).skip(start) {
            *c = '─';
        }
        for &(s, d) in &l.marks {
            let c = col(s);
            if c < row.len() {
                row[c] = if d > 0 { '+' } else { '-' };
            }
        }
        row[start] = '├';
        match l.died {
            Some((_, _, cause)) => {
                row[end.min(width)] = match cause {
                    FreeCause::RefcountZero => '×',
                    FreeCause::CycleCollection => '◎',
                    FreeCause::InterpreterExit => '⊗',
                };
            }
            None => row[width] = '→',
        }
        let bar: String = row.into_iter().collect();
        let lines = match l.died {
            Some((_, dl, _)) if dl != l.born_line => format!("lines {}–{dl}", l.born_line),
            _ => format!("line {}", l.born_line),
        };
        let _ = writeln!(
            out,
            "{:label_w$}  {bar}  {lines}, {}",
            l.label,
            cause_word(l.died.map(|d| d.2))
        );
    }
    if lives.len() > MAX_BARS {
        let _ = writeln!(out, "… and {} more objects", lives.len() - MAX_BARS);
    }
    out.push_str("├ born  + refcount up  - refcount down  × freed by refcount  ◎ by the gc  ⊗ at exit  → alive\n");
    out
}

/// The chart as SVG.
pub fn lifetimes_svg(trace: &Trace) -> String {
    let lives = lifetimes(trace);
    let steps = trace.steps.max(1) as f64;
    let shown = lives.len().min(MAX_BARS);
    let left = 170.0;
    let plot_w = (steps * 8.0).clamp(300.0, 1200.0);
    let row_h = 20.0;
    let top = 50.0;
    let width = left + plot_w + 150.0;
    let height = top + row_h * shown as f64 + 60.0;
    let x = |s: u64| left + (s as f64 + 0.5) * plot_w / steps;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
    );
    let _ = writeln!(
        svg,
        r##"<rect width="100%" height="100%" fill="white"/><text x="16" y="24" font-weight="bold">Object lifetimes · {} · {} steps</text>"##,
        xml_escape(&trace.main_file),
        trace.steps
    );
    // Step axis.
    let tick = ((steps / 10.0).ceil() as u64).max(1);
    let mut s = 0;
    while s < trace.steps.max(1) {
        let _ = writeln!(
            svg,
            r##"<line x1="{0:.1}" y1="{1}" x2="{0:.1}" y2="{2}" stroke="#eef0f3"/><text x="{0:.1}" y="{3}" fill="#6b7280" text-anchor="middle">{s}</text>"##,
            x(s),
            top - 8.0,
            top + row_h * shown as f64,
            top - 12.0
        );
        s += tick;
    }
    for (i, l) in lives.iter().take(MAX_BARS).enumerate() {
        let y = top + row_h * i as f64;
        let color = match l.died.map(|d| d.2) {
            Some(FreeCause::RefcountZero) => "#3b82f6",
            Some(FreeCause::CycleCollection) => "#f59e0b",
            Some(FreeCause::InterpreterExit) => "#9ca3af",
            None => "#10b981",
        };
        let x0 = x(l.born) - 3.0;
        let x1 = l.died.map_or(left + plot_w, |(s, _, _)| x(s) + 3.0);
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text><rect x="{x0:.1}" y="{}" width="{:.1}" height="10" rx="3" fill="{color}"><title>{}: {}</title></rect>"#,
            left - 8.0,
            y + 13.0,
            xml_escape(&l.label),
            y + 4.0,
            (x1 - x0).max(2.0),
            xml_escape(&l.label),
            cause_word(l.died.map(|d| d.2))
        );
        for &(s, d) in &l.marks {
            let mx = x(s);
            let (path, fill) = if d > 0 {
                (format!("M{:.1},{:.1} l4,6 l-8,0 z", mx, y + 1.0), "#065f46")
            } else {
                (
                    format!("M{:.1},{:.1} l4,-6 l-8,0 z", mx, y + 19.0),
                    "#991b1b",
                )
            };
            let _ = writeln!(
                svg,
                r#"<path d="{path}" fill="{fill}"><title>step {s}: refcount {d:+}</title></path>"#
            );
        }
        let _ = writeln!(
            svg,
            r##"<text x="{}" y="{}" fill="#6b7280">{}</text>"##,
            left + plot_w + 10.0,
            y + 13.0,
            cause_word(l.died.map(|d| d.2))
        );
    }
    let ly = top + row_h * shown as f64 + 30.0;
    let legend = [
        ("#3b82f6", "freed by refcount"),
        ("#f59e0b", "collected by the gc"),
        ("#9ca3af", "freed at exit"),
        ("#10b981", "alive at the end"),
    ];
    for (i, (c, t)) in legend.iter().enumerate() {
        let lx = 16.0 + 150.0 * i as f64;
        let _ = writeln!(
            svg,
            r#"<rect x="{lx}" y="{}" width="14" height="10" rx="2" fill="{c}"/><text x="{}" y="{}">{t}</text>"#,
            ly - 9.0,
            lx + 20.0,
            ly
        );
    }
    if lives.len() > MAX_BARS {
        let _ = writeln!(
            svg,
            r#"<text x="16" y="{}">… and {} more objects</text>"#,
            ly + 20.0,
            lives.len() - MAX_BARS
        );
    }
    svg.push_str("</svg>\n");
    svg
}
