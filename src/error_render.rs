//! Renders a [`SyntaxError`] exactly as CPython 3.11 prints an uncaught one
//! on stderr (`print_exception` + `print_error_text` in pythonrun.c):
//! the `File` line, the stripped source line, the caret line and the message.

use crate::error::{SyntaxError, SyntaxErrorKind};

/// Byte offset (as CPython's caret code counts) of 1-based character column `col`.
fn byte_col(line: &str, col: i64) -> i64 {
    if col <= 0 {
        return col;
    }
    let chars = (col - 1) as usize;
    let bytes: usize = line.chars().take(chars).map(char::len_utf8).sum();
    let extra = chars.saturating_sub(line.chars().count());
    (bytes + extra) as i64 + 1
}

impl SyntaxError {
    /// What `python3 file.py` prints to stderr for this error.
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        let text = self.source_line.as_str();
        let mut offset = byte_col(text, self.col as i64);
        let mut end_offset = if self.kind == SyntaxErrorKind::SyntaxError {
            byte_col(text, self.end_col as i64)
        } else {
            -1
        };
        let line_size = text.len() as i64 + 1; // CPython's text keeps its newline
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        let reps = if end_offset > 0 && end_offset > offset {
            (end_offset - offset) as usize
        } else {
            1
        };
        offset -= 1;
        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        offset -= (text.len() - stripped.len()) as i64;
        let len = stripped.len() as i64;
        if offset > len {
            offset = len;
        }
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        if offset >= 0 {
            out.push_str("    ");
            out.push_str(&" ".repeat(offset as usize));
            out.push_str(&"^".repeat(reps));
            out.push('\n');
        }
        out.push_str(self.kind_name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}
