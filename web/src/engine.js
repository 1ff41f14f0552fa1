// The page's side of the interpreter worker: promise-based requests, and a
// watchdog that replaces the worker if a run ever outlasts its time limit
// (the step budget should stop it first; this keeps the page alive regardless).
export class Engine {
  /**
   * `makeWorker`: starts a worker (index.html's, or the single-file page's that
   * hands the worker its wasm bytes); `early`: a worker index.html already started
   * (so the wasm loads while app.js does).
   */
  constructor(makeWorker, { runTimeoutMs = 30000, early = null } = {}) {
    this.makeWorker = makeWorker;
    this.runTimeoutMs = runTimeoutMs;
    this.nextId = 1;
    this.pending = new Map();
    this.start(early);
  }

  start(early = null) {
    this.worker = early || this.makeWorker();
    this.worker.onmessage = (e) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      clearTimeout(p.timer);
      if (e.data.ok) p.resolve(e.data);
      else p.reject(new Error(e.data.error));
    };
    this.worker.onerror = (e) => {
      const err = new Error(`worker error: ${e.message || e}`);
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(err);
      }
      this.pending.clear();
    };
  }

  /** Kills a stuck worker and starts a fresh one; pending requests fail. */
  restart(reason) {
    this.worker.terminate();
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(reason));
    }
    this.pending.clear();
    this.start();
  }

  request(msg, timeoutMs = 0) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const p = { resolve, reject, timer: 0 };
      if (timeoutMs > 0) {
        p.timer = setTimeout(() => {
          this.restart(`the interpreter did not answer within ${Math.round(timeoutMs / 1000)} s and was restarted`);
        }, timeoutMs);
      }
      this.pending.set(id, p);
      this.worker.postMessage({ id, ...msg });
    });
  }

  hello() {
    return this.request({ type: 'hello' });
  }

  run(source, files, options) {
    return this.request({ type: 'run', source, files, options }, this.runTimeoutMs);
  }

  view(step, views) {
    return this.request({ type: 'view', step, views }, this.runTimeoutMs);
  }

  quiz(source, filename, files, answers) {
    return this.request({ type: 'quiz', source, filename, files, answers }, this.runTimeoutMs);
  }

  explain(step, label) {
    return this.request({ type: 'explain', step, label });
  }
}
