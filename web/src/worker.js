// The interpreter's thread: loads pysim's WebAssembly module and answers the
// page's requests (run a program, views of one step). Runs in a Web Worker so
// a long run never freezes the page; the step budget (options.max_steps) ends
// endless loops, and the page can still terminate this worker as a last resort.
//
// Protocol (postMessage): {id, type, ...} in, {id, ok, ...} or {id, ok:false, error} out.
//   run:     {source, files, options}    -> {summary, lines, depths, stepFiles, ms}
//   view:    {step, views: [names]}      -> {data: {name: value}}
//   explain: {step, label}               -> {data}
//   quiz:    {source, filename, files, answers} -> {data}   (no run needed)
//
// Served as files (the playground) it fetches pysim_bg.wasm and lessons.json
// beside it. Started from a single-file page (`pysim export`, named
// 'pysim-inline') it waits for a first message {type: 'boot', wasm, lessons}
// carrying the module's bytes and the page's lessons instead.
import init, { run as pysimRun, quiz as pysimQuiz, version } from '../pkg/pysim.js';

let ready = null;
let trace = null;
const timings = { start: performance.now() };

// A small program run once at startup, before the page asks for anything:
// it makes the browser compile the interpreter's hot paths (V8 compiles wasm
// functions lazily on first call), so the learner's first run is fast.
const WARM_UP = `
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

def build(n):
    items = [Node(i) for i in range(n)]
    for a, b in zip(items, items[1:]):
        a.next = b
    return {str(i): x for i, x in enumerate(items)}

d = build(20)
s = "-".join(k for k in d)
t = (1, 2.5, "x", [3], {4}, None)
del d
print(len(s), t, f"{3.0:.2f}", sum(range(10)))
`;

// The page's default first program (the first lesson, with the page's
// default options) is recorded while the page is still loading; a `run` of
// exactly the same input then takes this trace instead of recording again.
// Any other first program just finds the interpreter warmed up.
const DEFAULT_OPTIONS = { mode: 'line', max_steps: 1_000_000 };
let prepared = null; // {key, trace}
const keyOf = (source, files, options) => JSON.stringify([source, files, options]);

const inline = self.name === 'pysim-inline';
let bootResolve = null;
const booted = inline ? new Promise((r) => (bootResolve = r)) : null;

async function prepareFirstLesson(lessons) {
  const l = lessons[0];
  const files = { ...l.files };
  const source = files[l.main];
  delete files[l.main];
  const options = { ...DEFAULT_OPTIONS, main: l.main };
  const t = pysimRun(source, JSON.stringify(files), JSON.stringify(options));
  // Also the first step's views the page will ask for: the façade caches the
  // replayed state, the scene's quiet objects and the split narration, so the
  // page's first view request finds them ready.
  t.state_json(0);
  t.narration(0);
  prepared = { key: keyOf(source, files, options), trace: t };
}

function load() {
  if (!ready) {
    const source = inline
      ? booted.then((b) => ({ wasm: b.wasm, lessons: Promise.resolve(b.lessons) }))
      : Promise.resolve({
        wasm: new URL('pysim_bg.wasm', self.location.href),
        lessons: fetch(new URL('lessons.json', self.location.href)).then((r) => r.json()),
      });
    ready = source.then(async ({ wasm, lessons }) => {
      await init({ module_or_path: wasm });
      timings.loaded = performance.now();
      try {
        await prepareFirstLesson(await lessons);
      } catch {
        try {
          pysimRun(WARM_UP, '{}', '{}').free();
        } catch {
          /* warming up is best effort */
        }
      }
      timings.warm = performance.now();
    });
  }
  return ready;
}
load();

const VIEWS = {
  state: (t, s) => t.state_json(s),
  svg: (t, s) => t.state_svg(s),
  narration: (t, s) => t.narration(s),
  stdout: (t, s) => t.stdout_until(s),
  stderr: (t, s) => t.stderr_until(s),
  instruction: (t, s) => t.instruction(s),
  memory: (t, s) => t.memory_view(s),
  gc: (t, s) => t.gc_view(s),
  modules: (t, s) => t.modules_view(s),
};

async function handle(msg) {
  if (msg.type === 'boot') {
    if (bootResolve) bootResolve(msg);
    return {};
  }
  await load();
  switch (msg.type) {
    case 'hello':
      return { version: version(), timings };
    case 'run': {
      if (trace) {
        trace.free();
        trace = null;
      }
      const t0 = performance.now();
      const key = keyOf(msg.source, msg.files || {}, msg.options || {});
      if (prepared && prepared.key === key) {
        trace = prepared.trace;
      } else {
        if (prepared) prepared.trace.free();
        trace = pysimRun(msg.source, JSON.stringify(msg.files || {}), JSON.stringify(msg.options || {}));
      }
      prepared = null;
      const ms = performance.now() - t0;
      const lines = trace.lines();
      const depths = trace.depths();
      const stepFiles = trace.step_files();
      return {
        summary: JSON.parse(trace.summary_json()),
        lines,
        depths,
        stepFiles,
        ms,
        transfer: [lines.buffer, depths.buffer, stepFiles.buffer],
      };
    }
    case 'view': {
      if (!trace) throw new Error('nothing has run yet');
      const data = {};
      const t0 = performance.now();
      for (const name of msg.views) {
        const f = VIEWS[name];
        if (f) data[name] = f(trace, msg.step);
      }
      return { data, ms: performance.now() - t0 };
    }
    case 'quiz':
      return { data: pysimQuiz(msg.source, msg.filename, JSON.stringify(msg.files || {}), JSON.stringify(msg.answers || [])) };
    case 'explain':
      if (!trace) throw new Error('nothing has run yet');
      return { data: trace.explain(msg.step, msg.label) };
    default:
      throw new Error(`unknown request ${msg.type}`);
  }
}

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    const out = await handle(msg);
    const transfer = out.transfer || [];
    delete out.transfer;
    self.postMessage({ id: msg.id, ok: true, ...out }, transfer);
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: String((err && err.message) || err) });
  }
};
