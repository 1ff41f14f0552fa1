// End-to-end tests of the built playground (web/dist) in Debian's chromium,
// driven by playwright-core: load + first lesson, stepping, the heap diagram,
// share links, the step limit, embed mode, phone width, dark mode, keyboard,
// localStorage, the GC and quiz panels, and a `pysim export` page from file://.
// Screenshots go to web/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { start, newPage, waitStep, loadProgram, ARTIFACTS, WEB, DIST } from './harness.mjs';

let env;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  env = await start();
});
after(async () => {
  if (env) await env.close();
});

const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const text = (page, sel) => page.$eval(sel, (e) => e.textContent);

/** The heap diagram's objects: [{label, type, refcount}]. */
function heapObjects(page) {
  return page.$$eval('#heap .heap-objects .obj', (els) =>
    els.map((e) => ({
      label: e.dataset.label,
      type: e.dataset.type,
      refcount: Number(e.querySelector('.rc').textContent),
      value: e.querySelector('.obj-value')?.textContent ?? null,
    })));
}

async function stateIsStub(page) {
  return page.evaluate(() => !!document.querySelector('#heap .heap-message')?.textContent);
}

test('the page loads, runs the first lesson and shows its trace', async () => {
  const page = await newPage(env.browser);
  const t0 = Date.now();
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  const ms = Date.now() - t0;
  const lesson = await page.$eval('#lesson', (e) => e.value);
  assert.equal(lesson, '01_names_and_objects');
  assert.match(await text(page, '#status'), /Recorded \d+ line steps/);
  assert.match(await text(page, '#stepinfo'), /^step 0 \/ \d+/);
  // The editor shows the lesson and highlights the step's line.
  assert.match(await text(page, '.cm-content'), /Lesson 01: names and objects/);
  assert.equal(await page.locator('.cm-step-line').count(), 1);
  // Last step: the lesson's whole output.
  await page.click('#last');
  const n = await page.evaluate(() => window.pysim.app.log.lines.length - 1);
  await waitStep(page, n);
  assert.match(await text(page, '#stdout'), /== assignment binds a name; it does not copy ==/);
  // Exactly what python3 prints, when python3 is here to ask.
  const py = spawnSync('python3', ['01_names_and_objects.py'], { cwd: join(WEB, '..', 'lessons'), encoding: 'utf8' });
  if (!py.error && py.status === 0) assert.equal(await text(page, '#stdout'), py.stdout);
  await shot(page, 'lesson-01-end');
  assert.deepEqual(page.errors, []);
  console.log(`# first lesson on screen ${ms} ms after navigation (includes page load)`);
  await page.context().close();
});

test('stepping forward and back moves through the program', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'a = [1, 2]\nb = a\ndel a\nprint(len(b))\n');
  await page.click('#forward');
  await waitStep(page, 1);
  assert.match(await text(page, '#stepinfo'), /step 1 \/ 4 — line 2/);
  await page.click('#forward');
  await page.click('#forward');
  await waitStep(page, 3);
  assert.equal(await text(page, '#stdout'), '');
  await page.click('#forward');
  await waitStep(page, 4);
  assert.equal(await text(page, '#stdout'), '2\n');
  await page.click('#back');
  await waitStep(page, 3);
  assert.equal(await text(page, '#stdout'), '');
  // Keyboard: End, Home.
  await page.click('#heap');
  await page.keyboard.press('End');
  await waitStep(page, 4);
  await page.keyboard.press('Home');
  await waitStep(page, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the heap diagram shows the objects and refcounts of each step', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'a = [1, 2]\nb = a\ndel a\nprint(len(b))\n');
  assert.equal(await stateIsStub(page), false, 'the state view is real, not a stub');
  const list = async () => (await heapObjects(page)).find((o) => o.type === 'list');
  await page.click('#forward'); // before `b = a`: a -> list (refcount 1)
  await waitStep(page, 1);
  assert.equal((await list()).refcount, 1);
  await page.click('#forward'); // before `del a`: a, b -> list (2)
  await waitStep(page, 2);
  assert.equal((await list()).refcount, 2);
  // Two variables, two arrows to the list; its items are inline small ints.
  assert.equal(await page.locator('#heap .heap-frames .var[data-target]').count(), 2);
  assert.ok((await page.locator('#heap path.arrow').count()) >= 2);
  assert.deepEqual(await page.$$eval('#heap .obj .inline', (e) => e.map((x) => x.textContent)), ['1', '2']);
  // The narration tells what `b = a` did.
  assert.match(await text(page, '#narration'), /refcount 1→2/);
  // Explain: click the list, see both holders.
  await page.click('#heap .obj[data-type="list"]');
  await page.waitForFunction(() => /`b`/.test(document.getElementById('explain-body').textContent));
  const why = await text(page, '#explain-body');
  assert.match(why, /`a`/);
  assert.match(why, /refcount 2/);
  await shot(page, 'heap-two-names');
  await page.click('#forward'); // after del: only b (1)
  await waitStep(page, 3);
  assert.equal((await list()).refcount, 1);
  await page.click('#back');
  await waitStep(page, 2);
  assert.equal((await list()).refcount, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a share link reopens the same program', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  const program = 'def greet(name):\n    return f"hello {name} ✓"\n\nprint(greet("pysim"))\n';
  await loadProgram(page, program, { files: { 'helper.py': 'X = 1\n' } });
  await page.click('#share');
  await page.waitForFunction(() => document.getElementById('share-url').value.includes('#p='));
  const url = await page.$eval('#share-url', (e) => e.value);
  const other = await newPage(env.browser);
  await other.goto(url);
  await waitStep(other, 0, 15000);
  const got = await other.evaluate(() => window.pysim.app.program);
  assert.equal(got.files['main.py'], program);
  assert.equal(got.files['helper.py'], 'X = 1\n');
  assert.equal(await other.locator('.tab:not(.tab-close)').count(), 3, 'two file tabs and "+"');
  await other.click('#last');
  await other.waitForFunction(() => document.getElementById('stdout').textContent.length > 0);
  assert.equal(await text(other, '#stdout'), 'hello pysim ✓\n');
  assert.deepEqual(other.errors, []);
  await other.context().close();
  await page.context().close();
});

test('an endless loop stops at the step limit and stays explorable', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.base}?max_steps=200000`);
  await waitStep(page, 0, 15000);
  const t0 = Date.now();
  await loadProgram(page, 'n = 0\nwhile True:\n    n += 1\n');
  const ms = Date.now() - t0;
  const status = await text(page, '#status');
  assert.match(status, /step limit/);
  assert.match(status, /can still be explored/);
  const steps = await page.evaluate(() => window.pysim.app.log.lines.length);
  assert.ok(steps > 1000, `steps recorded: ${steps}`);
  // Scrub to the middle and step: the page answers.
  await page.evaluate(() => window.pysim.go(5000));
  await waitStep(page, 5000);
  assert.match(await text(page, '#stepinfo'), /line [23]/);
  await page.click('#last');
  await waitStep(page, steps - 1);
  assert.match(await text(page, '#stderr'), /step limit of 200000 instructions/);
  await shot(page, 'step-limit');
  assert.deepEqual(page.errors, []);
  console.log(`# endless loop: ${steps} steps, stopped and shown in ${ms} ms`);
  await page.context().close();
});

test('typing in the editor and Ctrl+Enter runs the new program', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, '');
  await page.click('.cm-content');
  await page.keyboard.type('x = 6 * 7\nprint(x)\n');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => /Recorded 2 line steps/.test(document.getElementById('status').textContent));
  await page.click('#last');
  await page.waitForFunction(() => document.getElementById('stdout').textContent === '42\n');
  // The program survives a reload (localStorage).
  await page.reload();
  await waitStep(page, 0, 15000);
  const kept = await page.evaluate(() => window.pysim.app.program.files['main.py']);
  assert.equal(kept.trimEnd(), 'x = 6 * 7\nprint(x)');
  await page.context().close();
});

test('run to line, breakpoints and step over use the step log', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'def f(a):\n    b = a + 1\n    return b\n\nx = f(1)\ny = f(2)\nprint(x, y)\n');
  // Click line number 6: run to `y = f(2)`.
  await page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^6$/ }).click();
  await page.waitForFunction(() => /line 6$/.test(document.getElementById('stepinfo').textContent));
  // Step over the call lands on line 7.
  await page.click('#over');
  await page.waitForFunction(() => /line 7$/.test(document.getElementById('stepinfo').textContent));
  // A breakpoint on line 2, continue from the start: the first call's body.
  await page.click('#first');
  await waitStep(page, 0);
  // Click the breakpoint gutter beside line 2.
  const gutter = await page.locator('.cm-bp-gutter').boundingBox();
  const line2 = await page.locator('.cm-line').nth(1).boundingBox();
  await page.mouse.click(gutter.x + gutter.width / 2, line2.y + line2.height / 2);
  await page.waitForFunction(() => window.pysim.app.breaks.get('main.py')?.has(2));
  await page.click('#cont');
  await page.waitForFunction(() => /line 2$/.test(document.getElementById('stepinfo').textContent));
  const first = await page.evaluate(() => window.pysim.app.step);
  await page.click('#cont');
  await page.waitForFunction((s) => window.pysim.app.step > s && /line 2$/.test(document.getElementById('stepinfo').textContent), first);
  // Step out returns to module code: the next line event there is line 7
  // (returning into line 6 reports no new line, as in CPython's tracing).
  await page.click('#out');
  await page.waitForFunction(() => /line 7$/.test(document.getElementById('stepinfo').textContent));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('instruction mode steps through bytecode', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'x = 1\n', { mode: 'instruction' });
  assert.match(await text(page, '#status'), /Recorded 5 instruction steps/);
  await page.click('#forward');
  await waitStep(page, 1);
  assert.match(await text(page, '#stepinfo'), /step 1 \/ 5 — line 1 — 2 LOAD_CONST/);
  await page.context().close();
});

test('memory panel shows arenas and pools', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'a = [[] for i in range(300)]\ndel a\nprint("done")\n');
  await page.click('.panel-tab[data-panel="memory"]');
  await page.evaluate(() => {
    const s = window.pysim.app.log.lines.findIndex((l) => l === 2);
    return window.pysim.go(s);
  });
  await page.waitForSelector('#panel-memory .arena');
  assert.ok((await page.locator('#panel-memory .pool-used, #panel-memory .pool-full').count()) >= 1);
  assert.match(await text(page, '#panel-memory .mem-stats'), /live objects/);
  await shot(page, 'memory-panel');
  await page.context().close();
});

test('the static SVG of the library renders the same scene', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'a = [1, 2]\nb = a\n');
  await page.check('#svg-mode');
  await page.click('#forward');
  await waitStep(page, 1);
  await page.waitForSelector('#heap-svg svg');
  assert.match(await page.$eval('#heap-svg', (e) => e.innerHTML), /list#1/);
  await page.uncheck('#svg-mode');
  await page.context().close();
});

test('a folder lesson picked from the list runs its files and prints what python3 prints', async (t) => {
  const dir = join(WEB, '..', 'lessons', '29_modules_run_once');
  const py = spawnSync('python3', ['main.py'], { cwd: dir, encoding: 'utf8' });
  if (py.error || py.status !== 0) {
    t.skip('python3 is not available to compute the expected output');
    return;
  }
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await page.evaluate(() => (document.body.dataset.renderedStep = ''));
  await page.selectOption('#lesson', '29_modules_run_once');
  await waitStep(page, 0, 15000);
  const tabs = await page.$$eval('.tab:not(.tab-close):not(.tab-add)', (e) => e.map((x) => x.textContent));
  assert.deepEqual(tabs, ['main.py', 'greeting.py']);
  await page.click('#last');
  await page.waitForFunction(() => /finished/.test(document.getElementById('stepinfo').textContent));
  await page.waitForFunction((n) => document.getElementById('stdout').textContent.length >= n, py.stdout.length);
  assert.equal(await text(page, '#stdout'), py.stdout);
  await page.click('.panel-tab[data-panel="modules"]');
  await page.waitForSelector('#panel-modules table.modules');
  await shot(page, 'lesson-29-modules');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the modules panel lists sys.modules', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'import sys\nx = 1\n');
  await page.click('.panel-tab[data-panel="modules"]');
  await page.click('#last');
  await page.waitForSelector('#panel-modules table.modules');
  const names = await page.$$eval('#panel-modules td:first-child', (e) => e.map((x) => x.textContent));
  assert.ok(names.includes('sys') && names.includes('builtins'), names.join(','));
  await page.context().close();
});

test('embed mode, phone width and dark mode render', async () => {
  const page = await newPage(env.browser, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await page.goto(`${env.base}?embed&lesson=02_del_removes_names`);
  await waitStep(page, 0, 15000);
  assert.equal(await page.evaluate(() => document.body.classList.contains('embed')), true);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.$eval('#lesson', (e) => e.value), '02_del_removes_names');
  assert.equal(await page.isVisible('#open-full'), true);
  // "Open in playground" carries the embedded program.
  await page.waitForFunction(() => /#p=/.test(document.getElementById('open-full').href));
  // No horizontal overflow of the page at phone width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page wider than the screen by ${overflow}px`);
  await shot(page, 'phone-embed-dark');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard shortcuts step, jump, step over and play', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'def f(a):\n    return a + 1\n\nx = f(1)\ny = f(2)\nprint(x, y)\n');
  const n = await page.evaluate(() => window.pysim.app.log.lines.length - 1);
  await page.click('#stepinfo'); // focus outside the editor
  await page.keyboard.press('ArrowRight');
  await waitStep(page, 1);
  await page.keyboard.press('End');
  await waitStep(page, n);
  await page.keyboard.press('Home');
  await waitStep(page, 0);
  // F10 from line 4 steps over the call to line 5.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /line 4$/.test(document.getElementById('stepinfo').textContent));
  await page.keyboard.press('F10');
  await page.waitForFunction(() => /line 5$/.test(document.getElementById('stepinfo').textContent));
  // Back one step is the end of the call (line 2); Shift+F10 steps back over it to line 4.
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /line 2$/.test(document.getElementById('stepinfo').textContent));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /line 5$/.test(document.getElementById('stepinfo').textContent));
  await page.keyboard.press('Shift+F10');
  await page.waitForFunction(() => /line 4$/.test(document.getElementById('stepinfo').textContent));
  // Space plays to the end at the chosen speed, ? opens the help.
  await page.selectOption('#speed', '100');
  await page.click('#stepinfo');
  await page.keyboard.press(' ');
  await waitStep(page, n);
  await page.keyboard.press('?');
  assert.equal(await page.isVisible('#help-box'), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#help-box'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the program, theme and panel are kept in localStorage', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'kept = [1, 2, 3]\nprint(kept)\n');
  await page.click('#theme');
  await page.click('.panel-tab[data-panel="memory"]');
  await page.reload();
  await waitStep(page, 0, 15000);
  assert.match(await text(page, '.cm-content'), /kept = \[1, 2, 3\]/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.isVisible('#panel-memory'), true);
  await context.close();
});

test('the GC panel shows what a collection freed', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'import gc\nclass Node:\n    pass\na = Node()\nb = Node()\na.peer = b\nb.peer = a\ndel a, b\nn = gc.collect()\nprint(n)\n');
  await page.click('.panel-tab[data-panel="gc"]');
  await page.waitForSelector('#panel-gc .gc-none');
  // The step after `n = gc.collect()` (line 9 of main.py; `import gc` also
  // steps through the library's lines) ran: the collection and its objects.
  const after = await page.evaluate(() => {
    const { lines, files } = window.pysim.app.log;
    const main = window.pysim.app.summary.files.indexOf('main.py');
    return lines.findIndex((l, i) => l === 9 && files[i] === main) + 1;
  });
  assert.ok(after > 0);
  await page.evaluate((s) => window.pysim.go(s), after);
  await page.waitForSelector('#panel-gc .gc-collection.gc-latest');
  assert.match(await text(page, '#panel-gc .gc-head'), /line 9 \(n = gc\.collect\(\)\)/);
  const freed = await page.$$eval('#panel-gc .gc-obj', (e) => e.map((x) => x.dataset.label));
  assert.ok(freed.includes('Node#1') && freed.includes('Node#2'), freed.join(','));
  await shot(page, 'gc-panel');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('quiz mode grades predictions and explains the wrong ones', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  // A lesson offers its exercises.
  assert.match(await text(page, '.panel-tab[data-panel="quiz"]'), /^Quiz \(\d+\)$/);
  // A program with its own markers is its own quiz.
  await loadProgram(page, 'a = [1, 2]\nb = a\n# predict: same(a, b) == ?\n# predict: refcount(a) == ?\nprint(len(a))  # predict: output -> ?\n');
  await page.click('.panel-tab[data-panel="quiz"]');
  await page.waitForSelector('#panel-quiz .quiz-answer');
  const inputs = page.locator('#panel-quiz .quiz-answer');
  assert.equal(await inputs.count(), 3);
  await inputs.nth(0).fill('True');
  await inputs.nth(1).fill('5');
  await inputs.nth(2).fill('2');
  await page.click('#panel-quiz .quiz-check');
  await page.waitForSelector('#panel-quiz .quiz-q.wrong');
  assert.equal(await text(page, '#panel-quiz .quiz-score'), '2 / 3 right');
  assert.match(await text(page, '#panel-quiz .quiz-q.wrong .quiz-mark'), /answer: 2/);
  assert.match(await text(page, '#panel-quiz .quiz-q.wrong .quiz-expl'), /the global name `b`/);
  await shot(page, 'quiz');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a \\N{...} escape says clearly that the browser build has no name table', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  await loadProgram(page, 'print("\\N{BULLET}")\n');
  await page.click('#last');
  assert.match(await text(page, '#stderr'), /\\N\{BULLET\}.*no Unicode name table/s);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pysim export writes one file that runs the lesson offline from file://', async () => {
  const pysim = process.env.PYSIM || join(WEB, '..', 'target', 'release', 'pysim');
  if (!existsSync(pysim)) {
    const b = spawnSync('cargo', ['build', '--release', '--quiet'], { cwd: join(WEB, '..'), stdio: 'inherit' });
    assert.equal(b.status, 0, 'cargo build --release');
  }
  const out = join(ARTIFACTS, '02_del_removes_names.html');
  const r = spawnSync(pysim, ['export', '02_del_removes_names.py', '-o', out, '--playground', join(DIST, 'export.html')], {
    cwd: join(WEB, '..', 'lessons'),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const errors = [];
  const urls = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (q) => urls.push(q.url()));
  await page.goto(pathToFileURL(out).href);
  await waitStep(page, 0, 20000);
  // The lesson, its narrative, the recorded run, and its quiz.
  assert.match(await text(page, '.cm-content'), /del/);
  assert.equal(await page.isVisible('#narrative'), true);
  assert.match(await text(page, '#narrative'), /\S/);
  assert.equal(await page.isVisible('#lesson'), false);
  await page.click('#last');
  const n = await page.evaluate(() => window.pysim.app.log.lines.length - 1);
  await waitStep(page, n);
  const py = spawnSync('python3', ['02_del_removes_names.py'], { cwd: join(WEB, '..', 'lessons'), encoding: 'utf8' });
  if (!py.error && py.status === 0) assert.equal(await text(page, '#stdout'), py.stdout);
  await page.click('.panel-tab[data-panel="quiz"]');
  await page.waitForSelector('#panel-quiz .quiz-answer');
  await page.click('#panel-quiz .quiz-check');
  await page.waitForSelector('#panel-quiz .quiz-q.wrong .quiz-expl');
  assert.match(await text(page, '#panel-quiz .quiz-score'), /^0 \/ \d+ right$/);
  await page.screenshot({ path: join(ARTIFACTS, 'export-file-url.png'), fullPage: true });
  // Nothing but the file itself and its own blob: worker.
  const foreign = urls.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the full page is usable at phone width', async () => {
  const page = await newPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(env.base);
  await waitStep(page, 0, 15000);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page wider than the screen by ${overflow}px`);
  // Every control and panel tab is on screen and works.
  for (const sel of ['#run', '#forward', '#back', '#over', '#out', '#cont', '#slider', '.panel-tab[data-panel="quiz"]']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 391, `${sel} off screen: ${JSON.stringify(box)}`);
  }
  await page.click('#forward');
  await waitStep(page, 1);
  await page.click('.panel-tab[data-panel="quiz"]');
  await page.waitForSelector('#panel-quiz .quiz-answer');
  await shot(page, 'phone-quiz');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
