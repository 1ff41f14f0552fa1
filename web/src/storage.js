// Keeps the current program and settings in localStorage so a reload (or the
// next visit) continues where the learner was. Failures (private mode, quota)
// are ignored: the page works without storage.
const KEY = 'pysim.playground.v1';

export function load() {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function save(data) {
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    /* storage unavailable: nothing to do */
  }
}
