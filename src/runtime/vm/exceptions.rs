//! Reporting exceptions as CPython 3.11 does: the handled-exception state
//! around finalizers, uncaught exceptions (`print_exception_recursive` with
//! chained causes/contexts, tracebacks with 3.11's caret lines and
//! "[Previous line repeated N more times]", "Did you mean" suggestions),
//! and `SystemExit` (`PyErr_WriteUnraisable` is in `unraisable.rs`).

use super::{PyErr, Vm};
use crate::runtime::events::Holder;
use crate::runtime::heap::ObjRef;
use crate::runtime::object::Payload;
use std::collections::HashSet;

/// CPython's `TB_RECURSIVE_CUTOFF`.
const TB_RECURSIVE_CUTOFF: usize = 3;
/// `sys.tracebacklimit`'s default.
const TRACEBACK_LIMIT: usize = 1000;

impl Vm {
    /// Saves and clears the handled exception (CPython's `PyErr_Fetch` around finalizers).
    pub fn take_current_exception_state(&mut self) -> Option<ObjRef> {
        self.handled_exception.take()
    }

    /// Restores what `take_current_exception_state` saved.
    pub fn restore_current_exception_state(&mut self, saved: Option<ObjRef>) {
        let old = std::mem::replace(&mut self.handled_exception, saved);
        self.xdecref(old, Holder::Root("exc_info"));
    }

    /// Prints an uncaught exception with its chain, as `PyErr_Print` does.
    pub fn print_uncaught(&mut self, exc: ObjRef) {
        let mut out = String::new();
        let mut seen = HashSet::new();
        self.format_exception_recursive(exc, &mut seen, &mut out);
        self.write_stderr(&out);
    }

    fn format_exception_recursive(
        &mut self,
        exc: ObjRef,
        seen: &mut HashSet<ObjRef>,
        out: &mut String,
    ) {
        seen.insert(exc);
        let (cause, context, suppress) = match self.heap.payload(exc) {
            Payload::BaseException(e) => (e.cause, e.context, e.suppress_context),
            _ => (None, None, false),
        };
        if let Some(c) = cause.filter(|c| !seen.contains(c)) {
            self.format_exception_recursive(c, seen, out);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(c)) {
            self.format_exception_recursive(c, seen, out);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        self.format_exception(exc, out);
    }

    /// One exception: traceback, then `Type: message` (plus a suggestion).
    fn format_exception(&mut self, exc: ObjRef, out: &mut String) {
        if let Some(tb) = self.exception_traceback(exc) {
            out.push_str("Traceback (most recent call last):\n");
            self.format_traceback(tb, out);
        }
        if let Some((block, msg)) = self.syntax_error_display(exc) {
            out.push_str(&block);
            out.push_str(&self.exception_type_name(exc));
            out.push_str(": ");
            out.push_str(&msg);
            out.push('\n');
            return;
        }
        out.push_str(&self.exception_type_name(exc));
        let msg = self.exception_message(exc);
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        if let Some(s) = self.offer_suggestion(exc, &msg) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
    }

    pub(super) fn exception_traceback(&self, exc: ObjRef) -> Option<ObjRef> {
        match self.heap.objects.get(exc).map(|o| &o.payload) {
            Some(Payload::BaseException(e)) => e.traceback,
            _ => None,
        }
    }

    /// `module.Qualname`, without the module for builtins and `__main__`.
    pub(super) fn exception_type_name(&mut self, exc: ObjRef) -> String {
        let ty = self.heap.type_of(exc);
        let (qual, dict) = match self.heap.payload(ty) {
            Payload::Type(t) => (t.qualname.to_string(), t.dict),
            _ => ("?".into(), ty),
        };
        let module = self
            .dict_get_str(dict, "__module__")
            .and_then(|m| self.str_value(m).map(str::to_string));
        match module {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
            _ => qual,
        }
    }

    /// `str(exc)`, or "<exception str() failed>".
    pub(super) fn exception_message(&mut self, exc: ObjRef) -> String {
        match self.exception_str(exc) {
            Ok(s) => s,
            Err(e) => {
                self.discard_err(e);
                "<exception str() failed>".into()
            }
        }
    }

    /// The traceback entries (`tb_printinternal`).
    pub(super) fn format_traceback(&mut self, tb: ObjRef, out: &mut String) {
        let mut entries = Vec::new();
        let mut t = Some(tb);
        while let Some(cur) = t {
            match self.heap.objects.get(cur).map(|o| &o.payload) {
                Some(Payload::Traceback {
                    next,
                    frame,
                    lasti,
                    lineno,
                }) => {
                    entries.push((*frame, *lasti as usize, *lineno));
                    t = *next;
                }
                _ => break,
            }
        }
        let skip = entries.len().saturating_sub(TRACEBACK_LIMIT);
        let mut last: Option<(std::rc::Rc<str>, u32, std::rc::Rc<str>)> = None;
        let mut cnt = 0usize;
        for &(frame, lasti, lineno) in &entries[skip..] {
            let Some(code) = self.frame_object_code(frame) else {
                continue;
            };
            let key = (code.filename.clone(), lineno, code.name.clone());
            if last.as_ref() != Some(&key) {
                if cnt > TB_RECURSIVE_CUTOFF {
                    push_repeated(out, cnt);
                }
                last = Some(key);
                cnt = 0;
            }
            cnt += 1;
            if cnt <= TB_RECURSIVE_CUTOFF {
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    code.filename, lineno, code.name
                ));
                self.format_source_line(&code, lasti, lineno, out);
            }
        }
        if cnt > TB_RECURSIVE_CUTOFF {
            push_repeated(out, cnt);
        }
    }

    /// The code a frame object runs (or ran).
    fn frame_object_code(
        &self,
        frame_obj: ObjRef,
    ) -> Option<std::rc::Rc<crate::bytecode::CodeObject>> {
        let Payload::Frame(fo) = &self.heap.objects.get(frame_obj)?.payload else {
            return None;
        };
        if let Some(f) = &fo.owned {
            return Some(f.code.clone());
        }
        self.frames
            .iter()
            .chain(self.yielded_frame.iter())
            .find(|f| f.id == fo.frame_id)
            .map(|f| f.code.clone())
            .or_else(|| self.suspended_frame_code(fo.frame_id))
    }

    /// The code of a generator's suspended frame with this id.
    fn suspended_frame_code(&self, id: u32) -> Option<std::rc::Rc<crate::bytecode::CodeObject>> {
        self.heap.objects.values().find_map(|o| match &o.payload {
            Payload::Generator(g) => g
                .frame
                .as_ref()
                .filter(|f| f.id == id)
                .map(|f| f.code.clone()),
            _ => None,
        })
    }

    /// The source line (stripped) and, when useful, the caret line.
    fn format_source_line(
        &mut self,
        code: &crate::bytecode::CodeObject,
        lasti: usize,
        lineno: u32,
        out: &mut String,
    ) {
        let Some(line) = self.source_line(&code.filename, lineno) else {
            return;
        };
        let chars: Vec<char> = line.chars().collect();
        let indent = chars
            .iter()
            .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
            .count();
        let stripped: String = chars[indent..].iter().collect();
        out.push_str("    ");
        out.push_str(&stripped);
        out.push('\n');
        let Some(pos) = code.positions.get(lasti).copied() else {
            return;
        };
        if pos.line == 0 || pos.line != lineno || pos.end_line == 0 {
            return;
        }
        let start = pos.col as usize;
        let mut end = pos.end_col as usize;
        let mut anchors = None;
        if pos.line == pos.end_line {
            if start >= end || end > chars.len() {
                return;
            }
            let segment: String = chars[start..end].iter().collect();
            anchors = extract_anchors(&segment).map(|(l, r)| (l + start, r + start));
        } else {
            end = chars
                .iter()
                .rposition(|c| !matches!(c, ' ' | '\t' | '\x0c'))
                .map_or(0, |i| i + 1);
        }
        if start < indent || end <= start {
            return;
        }
        if end - start == chars.len() - indent && anchors.is_none() {
            return;
        }
        let mut carets = String::from("    ");
        for c in indent..end {
            let ch = if c < start {
                ' '
            } else if let Some((l, r)) = anchors {
                if l <= c && c < r { '^' } else { '~' }
            } else {
                '^'
            };
            carets.push(ch);
        }
        out.push_str(&carets);
        out.push('\n');
    }

    /// Line `lineno` of a source file the VM ran (without its newline).
    fn source_line(&mut self, filename: &str, lineno: u32) -> Option<String> {
        let text = match self.sources.get(filename) {
            Some(t) => t.clone(),
            None => {
                let t: std::rc::Rc<str> = self.host.read_source(filename)?.into();
                self.sources.insert(filename.into(), t.clone());
                t
            }
        };
        let line = text.split('\n').nth(lineno.checked_sub(1)? as usize)?;
        Some(line.strip_suffix('\r').unwrap_or(line).to_string())
    }

    /// "Did you mean" for NameError (locals, globals, builtins of the
    /// innermost frame), as 3.11's `_Py_Offer_Suggestions`.
    fn offer_suggestion(&mut self, exc: ObjRef, msg: &str) -> Option<String> {
        if self.isinstance_of(exc, self.types.attribute_error) {
            return self.attribute_suggestion(exc);
        }
        if self.heap.type_of(exc) != self.types.name_error {
            return None;
        }
        let name = msg
            .strip_prefix("name '")
            .and_then(|m| m.strip_suffix("' is not defined"))
            .or_else(|| {
                msg.strip_prefix("cannot access free variable '")
                    .and_then(|m| m.split('\'').next())
            })?
            .to_string();
        let mut tb = self.exception_traceback(exc)?;
        while let Some(Payload::Traceback { next: Some(n), .. }) =
            self.heap.objects.get(tb).map(|o| &o.payload)
        {
            tb = *n;
        }
        let Some(Payload::Traceback { frame, .. }) = self.heap.objects.get(tb).map(|o| &o.payload)
        else {
            return None;
        };
        let frame = *frame;
        let code = self.frame_object_code(frame)?;
        let varnames: Vec<String> = code.varnames().map(|s| s.to_string()).collect();
        if let Some(s) = calculate_suggestion(&varnames, &name) {
            return Some(s);
        }
        let (globals, builtins) = self.frame_object_namespaces(frame)?;
        for ns in [globals, builtins] {
            let keys: Vec<String> = self
                .dict_items(ns)
                .into_iter()
                .filter_map(|(k, _)| self.str_value(k).map(str::to_string))
                .collect();
            if let Some(s) = calculate_suggestion(&keys, &name) {
                return Some(s);
            }
        }
        None
    }

    /// "Did you mean" for AttributeError: the closest name in `dir(obj)`.
    fn attribute_suggestion(&mut self, exc: ObjRef) -> Option<String> {
        let (obj, name) = match self.heap.objects.get(exc).map(|o| &o.payload) {
            Some(Payload::BaseException(e)) => (e.attr_obj?, e.attr_name?),
            _ => return None,
        };
        let name = self.str_value(name)?.to_string();
        let dir = self.dict_get_str(self.types.builtins_dict, "dir")?;
        let listing = match self.call(dir, &[obj], None) {
            Ok(l) => l,
            Err(e) => {
                self.discard_err(e);
                return None;
            }
        };
        let names: Vec<String> = self
            .seq_items(listing)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|k| self.str_value(k).map(str::to_string))
            .collect();
        self.decref(listing, Holder::Temp);
        calculate_suggestion(&names, &name)
    }

    /// 3.11's `set_attribute_error_context`: an AttributeError from a failed
    /// lookup of `name` on `obj` remembers both (only the first time).
    pub(crate) fn set_attribute_error_context(&mut self, err: &PyErr, obj: ObjRef, name: ObjRef) {
        let PyErr::Exception(exc) = err else {
            return;
        };
        let exc = *exc;
        if !self.isinstance_of(exc, self.types.attribute_error) {
            return;
        }
        match self.heap.objects.get(exc).map(|o| &o.payload) {
            Some(Payload::BaseException(e)) if e.attr_name.is_none() && e.attr_obj.is_none() => {}
            _ => return,
        }
        self.incref(name, Holder::Field(exc, "name"));
        self.incref(obj, Holder::Field(exc, "obj"));
        if let Some(Payload::BaseException(e)) =
            self.heap.objects.get_mut(exc).map(|o| &mut o.payload)
        {
            e.attr_name = Some(name);
            e.attr_obj = Some(obj);
        }
    }

    fn frame_object_namespaces(&self, frame_obj: ObjRef) -> Option<(ObjRef, ObjRef)> {
        let Payload::Frame(fo) = &self.heap.objects.get(frame_obj)?.payload else {
            return None;
        };
        if let Some(f) = &fo.owned {
            return Some((f.globals, f.builtins));
        }
        self.frames
            .iter()
            .find(|f| f.id == fo.frame_id)
            .map(|f| (f.globals, f.builtins))
    }
}

fn push_repeated(out: &mut String, cnt: usize) {
    let n = cnt - TB_RECURSIVE_CUTOFF;
    out.push_str(&format!(
        "  [Previous line repeated {n} more time{}]\n",
        if n > 1 { "s" } else { "" }
    ));
}

/// 3.11's `extract_anchors_from_line`: for a segment that parses as a single
/// expression statement that is a BinOp or a Subscript, the (char) range to
/// mark with `^` inside the `~` range.
fn extract_anchors(segment: &str) -> Option<(usize, usize)> {
    use crate::ast::{ExprKind, StmtKind};
    let module = crate::parser::parse_module(segment, "<anchors>").ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(value) = &module.body[0].kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\x0c');
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            if left.span.end_line != 1 || right.span.line != 1 {
                return None;
            }
            let mut i = left.span.end_col as usize;
            while i < right.span.col as usize {
                let c = *chars.get(i)?;
                if is_ws(c) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if r < right.span.col as usize && chars.get(r).is_some_and(|&c| !is_ws(c)) {
                    r += 1;
                }
                return Some((i, r));
            }
            None
        }
        ExprKind::Subscript { value, slice, .. } => {
            if value.span.end_line != 1 || slice.span.end_line != 1 {
                return None;
            }
            Some((value.span.end_col as usize, slice.span.end_col as usize + 1))
        }
        _ => None,
    }
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (byte-wise, with its costs and cut-offs).
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `calculate_suggestions`: the closest candidate within CPython's cut-offs.
fn calculate_suggestion(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_follow_cpython_cutoffs() {
        let dir: Vec<String> = ["print", "len", "list"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(calculate_suggestion(&dir, "prnt").as_deref(), Some("print"));
        assert_eq!(calculate_suggestion(&dir, "zzzz"), None);
    }
}
