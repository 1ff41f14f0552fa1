//! How an uncaught SyntaxError instance is printed (`print_exception`'s
//! special case): its `File "name", line N` block with the source line and
//! the carets, then `SyntaxError: msg` — the same text as a syntax error in
//! the main script, rebuilt from the exception's `(msg, (filename, lineno,
//! offset, text, end_lineno, end_offset))` arguments.

use super::Vm;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::runtime::heap::ObjRef;

impl Vm {
    /// The location block and the message of a SyntaxError with details;
    /// None for other exceptions (or a SyntaxError without a location).
    pub(crate) fn syntax_error_display(&mut self, exc: ObjRef) -> Option<(String, String)> {
        if !self.isinstance_of(exc, self.types.syntax_error) {
            return None;
        }
        let args = self.seq_items(self.exception_args(exc)?)?;
        let [msg, details] = args[..] else {
            return None;
        };
        let msg = self.str_value(msg)?.to_string();
        let d = self.seq_items(details)?;
        if d.len() < 4 {
            return None;
        }
        let filename = self.str_value(d[0])?.to_string();
        let line = u32::try_from(self.small_int_value(d[1])?).ok()?;
        let col = u32::try_from(self.small_int_value(d[2])?).unwrap_or(0);
        let text = self
            .str_value(d[3])
            .unwrap_or("")
            .trim_end_matches('\n')
            .to_string();
        let end_col = d
            .get(5)
            .and_then(|&e| self.small_int_value(e))
            .and_then(|e| u32::try_from(e).ok())
            .unwrap_or(col + 1);
        let kind = if self.isinstance_of(exc, self.types.tab_error) {
            SyntaxErrorKind::TabError
        } else if self.isinstance_of(exc, self.types.indentation_error) {
            SyntaxErrorKind::IndentationError
        } else {
            SyntaxErrorKind::SyntaxError
        };
        let e = SyntaxError {
            kind,
            msg: msg.clone(),
            filename,
            line,
            col,
            end_col,
            source_line: text,
        };
        let rendered = e.render();
        // Everything but render's own `Kind: msg` line.
        let block_end = rendered
            .trim_end_matches('\n')
            .rfind('\n')
            .map_or(0, |i| i + 1);
        Some((rendered[..block_end].to_string(), msg))
    }
}
