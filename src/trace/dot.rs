//! The picture of one step as Graphviz DOT: the same [`Scene`] as the SVG,
//! frames and objects as HTML-like tables (one port per slot), an edge per
//! reference, a refcount badge in every object's header, objects freed
//! during the step drawn dashed in red. Render with `dot -Tsvg`.

use super::scene::{ObjKind, Scene, Value};
use super::store::Trace;
use super::svg::xml_escape;
use std::fmt::Write;

fn cell_text(v: &Value) -> String {
    match v {
        Value::Inline(s) => xml_escape(s),
        Value::Ref(_) => "•".to_string(),
    }
}

/// Quotes a string for a DOT attribute.
fn dot_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Draws a scene as DOT.
pub fn scene_dot(trace: &Trace, scene: &Scene) -> String {
    let _ = trace;
    let mut out = String::new();
    let title = match &scene.source {
        Some(src) => format!("step {} · line {} · {src}", scene.step, scene.line),
        None => format!("step {} · line {}", scene.step, scene.line),
    };
    let _ = writeln!(out, "digraph step{} {{", scene.step);
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, label={}, labelloc=t, fontname=\"Helvetica\"];",
        dot_quote(&title)
    );
    out.push_str("  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [color=\"#374151\", arrowsize=0.7];\n");
    let mut edges = Vec::new();
    out.push_str("  subgraph cluster_frames {\n    label=\"Frames\"; color=\"#d1d5db\";\n");
    for f in &scene.frames {
        let border = if f.current { "#2f6db5" } else { "#9ca3af" };
        let _ = write!(
            out,
            "    frame{} [label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" color=\"{border}\"><tr><td colspan=\"2\" align=\"left\"><b>{}</b> line {}</td></tr>",
            f.id,
            xml_escape(&f.title),
            f.line
        );
        for (i, (name, v)) in f.vars.iter().enumerate() {
            let _ = write!(
                out,
                "<tr><td align=\"left\">{}</td><td port=\"v{i}\" border=\"1\">{}</td></tr>",
                xml_escape(name),
                cell_text(v)
            );
            if let Value::Ref(t) = v {
                edges.push((format!("frame{}:v{i}", f.id), *t));
            }
        }
        out.push_str("</table>>];\n");
    }
    out.push_str("  }\n");
    for o in &scene.objects {
        let (border, style) = if o.dying {
            ("#c62828", " style=\"dashed\"")
        } else {
            ("#4b5563", "")
        };
        let subtitle = match (&o.value, o.kind) {
            (Some(v), ObjKind::Function) => format!("function {v}"),
            (Some(v), ObjKind::Class) => format!("class {v}"),
            (Some(v), ObjKind::Other) => format!("{} {v}", o.type_name),
            _ => o.type_name.clone(),
        };
        let _ = write!(
            out,
            "  obj{} [label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" color=\"{border}\"{style}><tr><td align=\"left\"><b>{}</b></td><td bgcolor=\"#fde68a\">rc {}</td></tr><tr><td colspan=\"2\" align=\"left\">{}</td></tr>",
            o.id.0,
            xml_escape(&o.label),
            o.refcount,
            xml_escape(&subtitle)
        );
        if o.dying {
            out.push_str("<tr><td colspan=\"2\"><font color=\"#c62828\">freed during this step</font></td></tr>");
        }
        for (i, (k, v)) in o.rows.iter().enumerate() {
            let key = match o.kind {
                ObjKind::List | ObjKind::Tuple | ObjKind::Set => format!("[{k}]"),
                ObjKind::Cell => "contents".to_string(),
                ObjKind::Dict => format!("{k}:"),
                _ => format!(".{k}"),
            };
            let _ = write!(
                out,
                "<tr><td align=\"left\">{}</td><td port=\"s{i}\" border=\"1\">{}</td></tr>",
                xml_escape(&key),
                cell_text(v)
            );
            if let Value::Ref(t) = v {
                edges.push((format!("obj{}:s{i}", o.id.0), *t));
            }
        }
        out.push_str("</table>>];\n");
    }
    let dying: Vec<_> = scene
        .objects
        .iter()
        .filter(|o| o.dying)
        .map(|o| o.id)
        .collect();
    for (from, to) in edges {
        if scene.objects.iter().any(|o| o.id == to) {
            let color = if dying.contains(&to) {
                " [color=\"#c62828\"]"
            } else {
                ""
            };
            let _ = writeln!(out, "  {from} -> obj{}{color};", to.0);
        }
    }
    out.push_str("}\n");
    out
}
