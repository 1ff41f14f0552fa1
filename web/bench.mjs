// Measures the playground's targets in headless chromium (web/dist must be built):
//   - wasm size, gzip (target ≤ 1 MB)
//   - first lesson's trace on screen after page load (target < 300 ms)
//   - a 1,000,000-step program recorded (target < 3 s)
//   - any step of it shown (target < 50 ms)
// Usage: node web/bench.mjs   (prints one line per measurement and a verdict)
//
// Wall times suffer when other work shares the machine, so the million-step
// recording is also timed in CPU seconds: the same wasm run in node's V8
// (process.cpuUsage), which the machine's load barely changes. The load
// average is printed beside the results.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { start, newPage, waitStep, DIST } from './test/harness.mjs';
import init, { run as pysimRun } from './pkg/pysim.js';

const results = [];
function report(name, value, unit, target, ok) {
  results.push({ name, value, unit, target, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}${unit} (target ${target})`);
}

const wasm = readFileSync(join(DIST, 'pysim_bg.wasm'));
const gz = gzipSync(wasm, { level: 9 }).length;
console.log(`wasm: ${wasm.length} bytes raw, ${gz} bytes gzip`);
report('wasm gzip size', (gz / 1024).toFixed(1), ' KiB', '≤ 1024 KiB', gz <= 1024 * 1024);

console.log(`load average: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores: above 2, wall times are inflated)`);

// CPU time of recording a million steps, the same wasm in node's V8.
await init({ module_or_path: readFileSync(join(DIST, 'pysim_bg.wasm')) });
// Warm up first (V8 compiles wasm functions lazily, and optimises hot ones on
// background threads whose CPU time process.cpuUsage counts too), as the
// page's worker does at startup.
pysimRun('x = 0\nfor i in range(100000):\n    x = i\n', '{}', '{"max_steps": 100000000}').free();
for (const [mode, src] of [
  ['line', 'x = 0\nfor i in range(500000):\n    x = i\n'],
  ['instruction', 'x = 0\nfor i in range(200000):\n    x = i\n'],
]) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const t = pysimRun(src, '{}', JSON.stringify({ mode, max_steps: 100_000_000 }));
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  report(`record ${t.step_count() - 1} ${mode} steps, CPU time (node, same wasm)`, cpu.toFixed(2), ' s', '< 3 s', cpu < 3);
  console.log(`      (wall ${((performance.now() - t0) / 1000).toFixed(2)} s)`);
  t.free();
}

const env = await start();
try {
  // First lesson on screen: fresh context each time (no cache, no storage); median of 5.
  const firsts = [];
  const afterLoad = [];
  for (let i = 0; i < 5; i++) {
    const page = await newPage(env.browser);
    await page.goto(env.base);
    await waitStep(page, 0, 20000);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        first: window.pysim.firstTraceAt,
        load: nav.loadEventEnd || nav.domContentLoadedEventEnd,
        marks: window.pysim.app.marks,
      };
    });
    firsts.push(t.first);
    afterLoad.push(t.first - t.load);
    const m = t.marks;
    const f = (x) => (x === undefined ? '?' : Math.round(x));
    console.log(
      `      load ${f(t.load)} · script start ${f(m.start)} · run sent ${f(m.runSent)} · run back ${f(m.runDone)}` +
        ` · editor ${f(m.editorMs)} ms · first render ${f(m.renderMs)} ms · on screen ${f(t.first)} (ms since navigation)`,
    );
    await page.context().close();
  }
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`first trace after navigation start: median ${median(firsts).toFixed(0)} ms (${firsts.map((x) => x.toFixed(0)).join(', ')})`);
  report('first lesson trace on screen after the load event', median(afterLoad).toFixed(0), ' ms', '< 300 ms', median(afterLoad) < 300);
  report('first lesson trace on screen after navigation start', median(firsts).toFixed(0), ' ms', '< 300 ms (stricter reading)', median(firsts) < 300);

  // A million steps, in line mode and in instruction mode.
  const programs = [
    ['line', 'x = 0\nfor i in range(500000):\n    x = i\n'],
    ['instruction', 'x = 0\nfor i in range(200000):\n    x = i\n'],
  ];
  for (const [mode, src] of programs) {
    const page = await newPage(env.browser);
    await page.goto(`${env.base}?max_steps=100000000`);
    await waitStep(page, 0, 20000);
    await page.evaluate(
      ([src, mode]) => window.pysim.setProgram({ main: 'main.py', files: { 'main.py': src }, mode }),
      [src, mode],
    );
    await waitStep(page, 0, 60000);
    const run = await page.evaluate(() => window.pysim.app.lastRun);
    report(`record ${run.steps - 1} ${mode} steps (in the worker)`, (run.workerMs / 1000).toFixed(2), ' s', '< 3 s', run.workerMs < 3000 && run.steps > 1_000_000);
    console.log(`      (run + transfer to the page: ${(run.totalMs / 1000).toFixed(2)} s)`);
    // Show 30 random steps (and the last), each timed from request to rendered.
    const times = await page.evaluate(async () => {
      const n = window.pysim.app.log.lines.length;
      let seed = 12345;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const out = [];
      const steps = Array.from({ length: 30 }, () => Math.floor(rand() * n));
      steps.push(n - 1);
      for (const s of steps) {
        const t0 = performance.now();
        await window.pysim.go(s, { animate: false });
        out.push(performance.now() - t0);
      }
      return out;
    });
    const worst = Math.max(...times);
    report(`show any step (${mode} mode; worst of ${times.length})`, worst.toFixed(1), ' ms', '< 50 ms', worst < 50);
    console.log(`      (median ${median(times).toFixed(1)} ms)`);
    const stub = await page.evaluate(() => !!document.querySelector('#heap .heap-message')?.textContent);
    if (stub) console.log('      NOTE: state_json is still a stub (trace engine not merged): step timings exclude state replay');
    await page.context().close();
  }
} finally {
  await env.close();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
