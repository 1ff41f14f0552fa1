//! The picture of one step as SVG, in the spirit of Python Tutor: frames on
//! the left with their variables, objects on the right in columns by
//! distance from the frames, one arrow per reference, a refcount badge on
//! every object, cells drawn as one-slot boxes, and objects that are freed
//! during this step drawn dashed in red. Pure string generation.

use super::scene::{ObjKind, Scene, SceneObject, Value};
use super::store::Trace;
use std::collections::HashMap;
use std::fmt::Write;

const ROW_H: f64 = 22.0;
const HEAD_H: f64 = 26.0;
const FRAME_W: f64 = 230.0;
const OBJ_W: f64 = 210.0;
const COL_GAP: f64 = 80.0;
const MARGIN: f64 = 16.0;
const TOP: f64 = 48.0;
const GAP_Y: f64 = 18.0;

/// Escapes text for SVG/XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An XML id for an object box, from its label (`list#1` → `obj-list-1`).
fn element_id(label: &str) -> String {
    let mut id = String::from("obj-");
    for c in label.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    id
}

/// Cuts `s` to `max` characters.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// An arrow from a slot to an object.
struct Arrow {
    x: f64,
    y: f64,
    target: super::model::ObjId,
}

fn object_title(o: &SceneObject) -> String {
    match (o.kind, &o.value) {
        (ObjKind::Function, Some(v)) => format!("function {v}"),
        (ObjKind::Class, Some(v)) => format!("class {v}"),
        (ObjKind::Other, Some(v)) => format!("{} {}", o.type_name, v),
        (ObjKind::Instance, _) => format!("{} instance", o.type_name),
        _ => o.type_name.clone(),
    }
}

fn object_height(o: &SceneObject) -> f64 {
    let rows = o
        .rows
        .len()
        .max(if o.kind == ObjKind::Cell { 1 } else { 0 });
    HEAD_H + ROW_H * (rows as f64 + 1.0) + if o.dying { ROW_H * 0.8 } else { 0.0 } + 6.0
}

/// Draws a scene.
pub fn scene_svg(trace: &Trace, scene: &Scene) -> String {
    let _ = trace;
    let mut body = String::new();
    let mut arrows: Vec<Arrow> = Vec::new();
    // Frames.
    let mut y = TOP;
    for f in &scene.frames {
        let h = HEAD_H + ROW_H * f.vars.len().max(1) as f64 + 8.0;
        let (fill, stroke) = if f.current {
            ("#e8f1fb", "#2f6db5")
        } else {
            ("#f3f4f6", "#9ca3af")
        };
        let _ = writeln!(
            body,
            r#"<g class="frame"><rect x="{MARGIN}" y="{y}" width="{FRAME_W}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"/>"#
        );
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" class="title">{}</text><text x="{}" y="{}" class="dim" text-anchor="end">line {}</text>"#,
            MARGIN + 8.0,
            y + 17.0,
            xml_escape(&clip(&f.title, 24)),
            MARGIN + FRAME_W - 8.0,
            y + 17.0,
            f.line
        );
        if f.vars.is_empty() {
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" class="dim">no variables</text>"#,
                MARGIN + 10.0,
                y + HEAD_H + 15.0
            );
        }
        for (i, (name, v)) in f.vars.iter().enumerate() {
            let ry = y + HEAD_H + ROW_H * i as f64;
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" class="name">{}</text>"#,
                MARGIN + 10.0,
                ry + 15.0,
                xml_escape(&clip(name, 16))
            );
            slot_value(&mut body, &mut arrows, v, MARGIN + FRAME_W - 78.0, ry, 70.0);
        }
        body.push_str("</g>\n");
        y += h + GAP_Y;
    }
    let mut height: f64 = y;
    // Objects, in columns by depth.
    let mut col_y: HashMap<u32, f64> = HashMap::new();
    let mut anchors: HashMap<super::model::ObjId, (f64, f64)> = HashMap::new();
    let mut width: f64 = MARGIN * 2.0 + FRAME_W;
    for o in &scene.objects {
        let col = o.depth.clamp(1, 12) - 1;
        let x = MARGIN + FRAME_W + COL_GAP + col as f64 * (OBJ_W + COL_GAP);
        let oy = *col_y.entry(col).or_insert(TOP);
        let h = object_height(o);
        anchors.insert(o.id, (x, oy + 13.0));
        let (stroke, dash) = if o.dying {
            ("#c62828", r#" stroke-dasharray="6 4""#)
        } else {
            ("#4b5563", "")
        };
        let fill = match o.kind {
            ObjKind::Cell => "#f5f3ff",
            ObjKind::Function | ObjKind::Class => "#f0fdf4",
            _ => "#fffdf5",
        };
        let _ = writeln!(
            body,
            r#"<g class="object" id="{}"><rect x="{x}" y="{oy}" width="{OBJ_W}" height="{h}" rx="4" fill="{fill}" stroke="{stroke}"{dash}/>"#,
            element_id(&o.label)
        );
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" class="title">{}</text>"#,
            x + 8.0,
            oy + 17.0,
            xml_escape(&clip(&o.label, 18))
        );
        // The refcount badge.
        let badge = format!("rc {}", o.refcount);
        let bw = 10.0 + 7.0 * badge.len() as f64;
        let _ = writeln!(
            body,
            r##"<rect x="{}" y="{}" width="{bw}" height="18" rx="9" fill="#fde68a" stroke="#b45309"/><text x="{}" y="{}" class="badge" text-anchor="middle">{badge}</text>"##,
            x + OBJ_W - bw - 6.0,
            oy + 4.0,
            x + OBJ_W - bw / 2.0 - 6.0,
            oy + 17.0
        );
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" class="dim">{}</text>"#,
            x + 8.0,
            oy + HEAD_H + 14.0,
            xml_escape(&clip(&object_title(o), 30))
        );
        let mut ry = oy + HEAD_H + ROW_H;
        if o.dying {
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" class="dying">✝ freed during this step</text>"#,
                x + 8.0,
                ry + 12.0
            );
            ry += ROW_H * 0.8;
        }
        for (k, v) in &o.rows {
            let key = match o.kind {
                ObjKind::List | ObjKind::Tuple | ObjKind::Set => format!("[{k}]"),
                ObjKind::Dict => format!("{k}:"),
                ObjKind::Cell => "contents".to_string(),
                _ => format!(".{k}"),
            };
            let _ = writeln!(
                body,
                r##"<line x1="{x}" y1="{ry}" x2="{}" y2="{ry}" stroke="#e5e7eb"/><text x="{}" y="{}" class="name">{}</text>"##,
                x + OBJ_W,
                x + 8.0,
                ry + 15.0,
                xml_escape(&clip(&key, 14))
            );
            slot_value(&mut body, &mut arrows, v, x + OBJ_W - 96.0, ry, 88.0);
            ry += ROW_H;
        }
        body.push_str("</g>\n");
        col_y.insert(col, oy + h + GAP_Y);
        width = width.max(x + OBJ_W + MARGIN + 60.0);
        height = height.max(oy + h + GAP_Y);
    }
    // Arrows, drawn over the boxes.
    let dying: Vec<_> = scene
        .objects
        .iter()
        .filter(|o| o.dying)
        .map(|o| o.id)
        .collect();
    for a in &arrows {
        let Some(&(left, ty)) = anchors.get(&a.target) else {
            continue;
        };
        let (sx, sy) = (a.x, a.y);
        // Targets to the right are entered from the left; others (same or
        // earlier column) from the right, looping around the source box.
        let (tx, c1, c2) = if left > sx {
            let bend = ((left - sx) / 2.0).max(40.0);
            (left, sx + bend, left - bend)
        } else {
            let right = left + OBJ_W;
            let out = right.max(sx) + 50.0;
            (right, out, out)
        };
        let class = if dying.contains(&a.target) {
            "arrow dying"
        } else {
            "arrow"
        };
        let _ = writeln!(
            body,
            r#"<path class="{class}" d="M{sx:.1},{sy:.1} C{c1:.1},{sy:.1} {c2:.1},{ty:.1} {tx:.1},{ty:.1}"/><circle cx="{sx:.1}" cy="{sy:.1}" r="3.5" class="dot"/>"#
        );
    }
    let title = match &scene.source {
        Some(src) => format!(
            "step {} · line {} · {}",
            scene.step,
            scene.line,
            clip(src, 70)
        ),
        None => format!("step {} · line {}", scene.step, scene.line),
    };
    let width = width.max(420.0);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif" font-size="13">"#
    );
    svg.push_str(concat!(
        "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#374151\"/></marker>",
        "<marker id=\"head-dying\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker></defs>\n",
        "<style>.title{font-weight:bold}.dim{fill:#6b7280}.name{fill:#111827}.value{fill:#1f2937;font-family:Menlo,monospace;font-size:12px}",
        ".badge{font-size:11px;font-weight:bold;fill:#78350f}.dying{fill:#c62828;font-size:12px}",
        ".arrow{fill:none;stroke:#374151;stroke-width:1.4;marker-end:url(#head)}.arrow.dying{stroke:#c62828;marker-end:url(#head-dying)}.dot{fill:#374151}</style>\n"
    ));
    let _ = writeln!(
        svg,
        r##"<rect width="100%" height="100%" fill="white"/><text x="{MARGIN}" y="24" class="title">{}</text>"##,
        xml_escape(&title)
    );
    let _ = writeln!(
        svg,
        r#"<text x="{MARGIN}" y="{}" class="dim">Frames</text><text x="{}" y="{}" class="dim">Objects</text>"#,
        TOP - 6.0,
        MARGIN + FRAME_W + COL_GAP,
        TOP - 6.0
    );
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

/// Writes a slot's value at (x, y): text in place, or the start of an arrow.
fn slot_value(body: &mut String, arrows: &mut Vec<Arrow>, v: &Value, x: f64, y: f64, w: f64) {
    let _ = writeln!(
        body,
        r##"<rect x="{x}" y="{}" width="{w}" height="{}" fill="white" stroke="#d1d5db"/>"##,
        y + 2.0,
        ROW_H - 4.0
    );
    match v {
        Value::Inline(s) => {
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{}" class="value">{}</text>"#,
                x + 4.0,
                y + 15.0,
                xml_escape(&clip(s, (w / 7.5) as usize))
            );
        }
        Value::Ref(id) => arrows.push(Arrow {
            x: x + w / 2.0,
            y: y + ROW_H / 2.0,
            target: *id,
        }),
    }
}
