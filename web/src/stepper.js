// Stepping logic over the step log (pure functions, no DOM): where "step
// over", "step out", "run to line" and "continue to breakpoint" land, given
// each step's line, call depth and file. Used by the page and by node tests.

/** @typedef {{lines: Uint32Array, depths: Uint32Array, files: Uint32Array}} Log */

export function clamp(log, step) {
  return Math.max(0, Math.min(log.lines.length - 1, step));
}

/** Next step at the same or a shallower depth (calls are stepped over). */
export function stepOver(log, step) {
  const d = log.depths[step];
  for (let s = step + 1; s < log.lines.length; s++) {
    if (log.depths[s] <= d) return s;
  }
  return log.lines.length - 1;
}

/** Previous step at the same or a shallower depth. */
export function stepOverBack(log, step) {
  const d = log.depths[step];
  for (let s = step - 1; s >= 0; s--) {
    if (log.depths[s] <= d) return s;
  }
  return 0;
}

/** First later step in a caller (the current function has returned). */
export function stepOut(log, step) {
  const d = log.depths[step];
  for (let s = step + 1; s < log.lines.length; s++) {
    if (log.depths[s] < d) return s;
  }
  return log.lines.length - 1;
}

/** First later step on `line` of file `file`; null when it never runs again. */
export function runToLine(log, step, file, line) {
  for (let s = step + 1; s < log.lines.length; s++) {
    if (log.lines[s] === line && log.files[s] === file && log.depths[s] > 0) return s;
  }
  return null;
}

/** Next step on a breakpoint (a Set of "file:line" keys), or the last step. */
export function continueForward(log, step, breakpoints) {
  if (breakpoints.size) {
    for (let s = step + 1; s < log.lines.length; s++) {
      if (log.depths[s] > 0 && breakpoints.has(`${log.files[s]}:${log.lines[s]}`)) return s;
    }
  }
  return log.lines.length - 1;
}

/** Previous step on a breakpoint, or the first step. */
export function continueBack(log, step, breakpoints) {
  if (breakpoints.size) {
    for (let s = step - 1; s >= 0; s--) {
      if (log.depths[s] > 0 && breakpoints.has(`${log.files[s]}:${log.lines[s]}`)) return s;
    }
  }
  return 0;
}
