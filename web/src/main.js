// The playground page: editor, run, step controls, heap diagram, narration,
// output, memory / GC / modules / quiz panels, lessons, share links, embed
// mode, and the single-file mode of `pysim export` pages (window.pysimExport:
// one lesson with its narrative and exercises; nothing fetched, nothing shared).
// All interpretation happens in the worker (engine.js); this file only wires
// the UI to it. `window.pysim` exposes a small test/bench hook (see test/).
import { Engine } from './engine.js';
import { createEditor } from './editor.js';
import { HeapView } from './heap.js';
import { renderNarration, renderMemory, renderGc, renderModules } from './panels.js';
import * as stepper from './stepper.js';
import { encodeProgram, decodeProgram } from './share.js';
import * as storage from './storage.js';
import { Quiz } from './quiz.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const embed = params.has('embed');
const exported = window.pysimExport || null;
// The default budget; worker.js pre-records the first lesson with the same options.
const MAX_STEPS = Number(params.get('max_steps')) || 1_000_000;
const SPEEDS = [1, 2, 5, 10, 30, 100];
const ICON_PLAY = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M4 2v12l10-6z" fill="currentColor"/></svg>';
const ICON_PAUSE = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z" fill="currentColor"/></svg>';

// An exported page always opens its own lesson (the saved program belongs to the playground).
const saved = (exported ? null : storage.load()) || {};
// The lessons (generated at build time from lessons/): index.html starts the
// fetch early; fall back to fetching here.
let lessons = [];
const lessonsReady = (window.pysimLessons || fetch('lessons.json').then((r) => r.json()))
  .then((l) => (lessons = l))
  .catch(() => (lessons = []));
const app = {
  program: null, // {main, files: {path: text}, mode}
  activeFile: null,
  lessonId: null,
  log: null, // {lines, depths, files}
  summary: null,
  step: 0,
  stale: false,
  breaks: new Map(), // path -> Set(lines)
  playTimer: 0,
  panel: saved.panel || 'heap',
  svgMode: !!saved.svgMode,
  viewSeq: 0,
  inflight: false,
  pendingStep: null,
  firstTraceAt: null,
  marks: {},
  lastRun: null,
  lastView: null,
};

// ------------------------------------------------------------------ theme
function applyTheme(dark) {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  editor && editor.setDark(dark);
}
let dark = saved.dark ?? (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);

// ------------------------------------------------------------------ editor + views
let editor = null; // created by start() with the first program's text
applyTheme(dark);

const heap = new HeapView($('heap'), { onObjectClick: explain });
const makeWorker = window.pysimMakeWorker || (() => new Worker(new URL('worker.js', import.meta.url), { type: 'module' }));
const engine = new Engine(makeWorker, { early: window.pysimWorker || null });
const quiz = new Quiz($('panel-quiz'), {
  engine,
  onOpen(src) {
    setProgram({ main: src.name, files: { [src.name]: src.text, ...(src.files || {}) }, mode: app.program.mode });
  },
});

/** Creates the editor (once), already holding `doc`, so it renders once. */
function makeEditor(doc) {
  editor = createEditor($('editor'), {
    doc,
    dark,
    onChange(text) {
      if (!app.program || !app.activeFile) return;
      app.program.files[app.activeFile] = text;
      if (app.log && !app.stale) {
        app.stale = true;
        setStatus('Edited: press Run to record the new program. The old trace stays explorable.', 'warn');
      }
      persist();
    },
    onRunToLine(line) {
      runToLine(line);
    },
    onBreakpoints(lines) {
      if (app.activeFile) app.breaks.set(app.activeFile, new Set(lines));
    },
  });
}

// ------------------------------------------------------------------ program & files
function setProgram(program, { lessonId = null, run = true } = {}) {
  app.program = {
    main: program.main,
    files: { ...program.files },
    mode: program.mode === 'instruction' ? 'instruction' : 'line',
  };
  app.lessonId = lessonId;
  app.breaks.clear();
  $('mode').value = app.program.mode;
  $('lesson').value = lessonId || '';
  // Send the run first: the worker records while this thread fills the editor.
  const done = run ? runProgram() : Promise.resolve();
  if (!editor) {
    const t0 = performance.now();
    makeEditor(app.program.files[app.program.main] ?? '');
    app.marks.editorMs = performance.now() - t0;
  }
  const t0 = performance.now();
  showFile(app.program.main);
  renderTabs();
  persist();
  app.marks.showFileMs ??= performance.now() - t0;
  refreshQuiz();
  return done;
}

// ------------------------------------------------------------------ quiz
const PREDICT = /#\s*predict:/;

/** The exercises quiz mode offers: the program's own markers, else its lesson's exercises. */
function quizSources() {
  const p = app.program;
  if (!p) return [];
  const text = p.files[p.main] ?? '';
  if (PREDICT.test(text)) {
    const files = { ...p.files };
    delete files[p.main];
    return [{ name: p.main, text, files }];
  }
  const lesson = lessons.find((l) => l.id === app.lessonId);
  return ((lesson && lesson.exercises) || []).map((e) => ({ name: e.name, text: e.text, files: {} }));
}

function refreshQuiz() {
  const changed = quiz.setSources(quizSources());
  const tab = document.querySelector('.panel-tab[data-panel="quiz"]');
  if (tab) tab.textContent = quiz.sources.length ? `Quiz (${quiz.sources.length})` : 'Quiz';
  if (app.panel === 'quiz' && (changed || !quiz.loaded)) quiz.show().catch((e) => setStatus(`Quiz: ${e.message}`, 'error'));
}

function showFile(path) {
  if (!app.program.files[path] && path !== app.program.main) return;
  app.activeFile = path;
  const text = app.program.files[path] ?? '';
  if (editor.getText() !== text) editor.setText(text);
  editor.setBreakpoints([...(app.breaks.get(path) || [])]);
  renderTabs();
  highlightCurrent();
}

function renderTabs() {
  const tabs = $('tabs');
  const names = Object.keys(app.program.files).sort((a, b) =>
    a === app.program.main ? -1 : b === app.program.main ? 1 : a.localeCompare(b));
  tabs.replaceChildren();
  // Names relative to the main file's folder (a folder lesson keeps its files under it).
  const slash = app.program.main.lastIndexOf('/');
  const base = slash >= 0 ? app.program.main.slice(0, slash + 1) : '';
  for (const name of names) {
    const b = document.createElement('button');
    b.className = 'tab' + (name === app.activeFile ? ' active' : '');
    b.textContent = base && name.startsWith(base) ? name.slice(base.length) : name;
    b.title = name;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(name === app.activeFile));
    b.onclick = () => showFile(name);
    tabs.append(b);
    if (name !== app.program.main) {
      const x = document.createElement('button');
      x.className = 'tab tab-close';
      x.textContent = '×';
      x.title = `Remove ${name}`;
      x.setAttribute('aria-label', `Remove ${name}`);
      x.onclick = () => {
        if (!confirm(`Remove ${name} from the program?`)) return;
        delete app.program.files[name];
        if (app.activeFile === name) showFile(app.program.main);
        else renderTabs();
        persist();
      };
      tabs.append(x);
    }
  }
  const add = document.createElement('button');
  add.className = 'tab tab-add';
  add.textContent = '+';
  add.title = 'Add a file (for imports)';
  add.onclick = () => {
    const typed = prompt('New file name (e.g. helper.py or pkg/__init__.py):');
    if (!typed) return;
    const name = base + typed.replace(/^\/+/, '');
    if (app.program.files[name] !== undefined) return;
    app.program.files[name] = '';
    showFile(name);
    persist();
  };
  tabs.append(add);
  tabs.hidden = false;
}

function persist() {
  if (embed) updateOpenFull();
  if (exported) return; // an exported page is read-only: the playground's saved program stays
  storage.save({
    program: app.program, lessonId: app.lessonId, dark, panel: app.panel, speed: $('speed').value, svgMode: app.svgMode,
  });
}

// ------------------------------------------------------------------ running
function setStatus(text, kind = '') {
  const s = $('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

async function runProgram() {
  stop();
  const p = app.program;
  const files = { ...p.files };
  const source = files[p.main] ?? '';
  delete files[p.main];
  setStatus('Running…', 'busy');
  $('run').disabled = true;
  const t0 = performance.now();
  try {
    app.marks.runSent ??= performance.now();
    const r = await engine.run(source, files, { mode: p.mode, max_steps: MAX_STEPS, main: p.main });
    app.marks.runDone ??= performance.now();
    app.lastRun = { workerMs: r.ms, totalMs: performance.now() - t0, steps: r.summary.steps };
    app.log = { lines: r.lines, depths: r.depths, files: r.stepFiles };
    app.summary = r.summary;
    app.stale = false;
    const n = r.summary.steps;
    $('slider').max = String(n - 1);
    $('slider').disabled = n <= 1;
    const s = r.summary;
    if (s.hit_step_limit) setStatus(s.message, 'error limit');
    else if (s.compile_error) setStatus('The program did not compile: see the output.', 'error');
    else if (s.exit_code !== 0) setStatus(`Finished with exit code ${s.exit_code} after ${n - 1} steps.`, 'warn');
    else setStatus(`Recorded ${n - 1} ${p.mode === 'line' ? 'line' : 'instruction'} steps in ${Math.round(r.ms)} ms.`, 'ok');
    await go(0, { animate: false });
  } catch (e) {
    setStatus(`Could not run: ${e.message}`, 'error');
  } finally {
    $('run').disabled = false;
  }
}

// ------------------------------------------------------------------ stepping
function fileName(idx) {
  return (app.summary && app.summary.files[idx]) || app.program.main;
}

function highlightCurrent() {
  if (!app.log) return editor.setCurrentLine(0);
  const f = fileName(app.log.files[app.step]);
  editor.setCurrentLine(f === app.activeFile && !app.stale ? app.log.lines[app.step] : 0);
}

function views() {
  const v = ['state', 'narration', 'stdout', 'stderr'];
  if (app.panel === 'heap' && app.svgMode) v.push('svg');
  if (app.program.mode === 'instruction') v.push('instruction');
  if (app.panel === 'memory') v.push('memory');
  if (app.panel === 'gc') v.push('gc');
  if (app.panel === 'modules') v.push('modules');
  // (the quiz panel needs no per-step view)
  return v;
}

async function go(step, { animate = true } = {}) {
  if (!app.log) return;
  step = stepper.clamp(app.log, step);
  app.step = step;
  $('slider').value = String(step);
  const n = app.log.lines.length;
  const last = step === n - 1;
  $('stepinfo').textContent = last
    ? `step ${step} / ${n - 1} — finished`
    : `step ${step} / ${n - 1} — line ${app.log.lines[step]}`;
  const f = fileName(app.log.files[step]);
  if (f !== app.activeFile && app.program.files[f] !== undefined && !last) showFile(f);
  highlightCurrent();
  // Latest request wins: while one view request is in flight, remember the newest step.
  if (app.inflight) {
    app.pendingStep = { step, animate };
    return app.inflight;
  }
  app.inflight = (async () => {
    let next = { step, animate };
    while (next) {
      app.pendingStep = null;
      const t0 = performance.now();
      try {
        const r = await engine.view(next.step, views());
        const tr = performance.now();
        render(r.data, next.animate);
        app.marks.renderMs ??= performance.now() - tr;
        app.marks.viewDone ??= performance.now();
        app.lastView = { step: next.step, workerMs: r.ms, totalMs: performance.now() - t0 };
        if (app.firstTraceAt === null) {
          app.firstTraceAt = performance.now();
          app.marks.firstViewWorkerMs = r.ms;
        }
        document.body.dataset.renderedStep = String(next.step);
      } catch (e) {
        setStatus(`Could not show step ${next.step}: ${e.message}`, 'error');
      }
      next = app.pendingStep;
    }
    app.inflight = false;
  })();
  return app.inflight;
}

function render(data, animate) {
  let state = null;
  try {
    state = JSON.parse(data.state);
  } catch {
    state = null;
  }
  heap.render(state, { animate });
  const svgBox = $('heap-svg');
  svgBox.hidden = !app.svgMode;
  $('heap').hidden = !!app.svgMode;
  if (app.svgMode && data.svg !== undefined) svgBox.innerHTML = data.svg;
  if (data.instruction) {
    $('stepinfo').textContent += ` — ${data.instruction}`;
  }
  renderNarration($('narration'), data.narration);
  const out = $('stdout');
  out.textContent = data.stdout;
  const err = data.stderr || '';
  $('stderr').textContent = err;
  $('stderr').hidden = !err;
  out.scrollTop = out.scrollHeight;
  if (data.memory) renderMemory($('panel-memory'), data.memory);
  if (data.gc) renderGc($('panel-gc'), data.gc);
  if (data.modules) renderModules($('panel-modules'), data.modules);
}

function stop() {
  if (app.playTimer) clearInterval(app.playTimer);
  app.playTimer = 0;
  $('play').innerHTML = ICON_PLAY;
  $('play').title = 'Play (Space)';
  $('play').setAttribute('aria-label', 'Play');
}

function play() {
  if (app.playTimer) return stop();
  if (!app.log) return;
  if (app.step >= app.log.lines.length - 1) go(0, { animate: false });
  const speed = Number($('speed').value) || 5;
  $('play').innerHTML = ICON_PAUSE;
  $('play').title = 'Pause (Space)';
  $('play').setAttribute('aria-label', 'Pause');
  app.playTimer = setInterval(() => {
    if (!app.log || app.step >= app.log.lines.length - 1) return stop();
    const next = app.step + 1;
    const key = `${app.log.files[next]}:${app.log.lines[next]}`;
    go(next);
    if (breakSet().has(key)) stop();
  }, 1000 / speed);
}

/** Breakpoints as "fileIndex:line" keys for the stepper. */
function breakSet() {
  const keys = new Set();
  if (!app.summary) return keys;
  app.summary.files.forEach((name, idx) => {
    for (const line of app.breaks.get(name) || []) keys.add(`${idx}:${line}`);
  });
  return keys;
}

function fileIndex(name) {
  return app.summary ? app.summary.files.indexOf(name) : -1;
}

function runToLine(line) {
  if (!app.log || app.stale) return;
  const target = stepper.runToLine(app.log, app.step, fileIndex(app.activeFile), line);
  if (target === null) setStatus(`Line ${line} does not run after this step.`, 'warn');
  else go(target);
}

const actions = {
  first: () => go(0),
  back: () => go(app.step - 1),
  forward: () => go(app.step + 1),
  last: () => go(app.log ? app.log.lines.length - 1 : 0),
  over: () => app.log && go(stepper.stepOver(app.log, app.step)),
  overBack: () => app.log && go(stepper.stepOverBack(app.log, app.step)),
  out: () => app.log && go(stepper.stepOut(app.log, app.step)),
  cont: () => app.log && go(stepper.continueForward(app.log, app.step, breakSet())),
  contBack: () => app.log && go(stepper.continueBack(app.log, app.step, breakSet())),
};

// ------------------------------------------------------------------ explain
async function explain(label) {
  if (!label || !app.log) return;
  const box = $('explain');
  box.hidden = false;
  $('explain-title').textContent = label;
  const body = $('explain-body');
  try {
    const r = await engine.explain(app.step, label);
    let v = null;
    try {
      v = JSON.parse(r.data);
    } catch {
      v = { text: r.data };
    }
    if (v.stub) body.textContent = `No explanation: ${v.reason}`;
    else if (Array.isArray(v.lines)) body.replaceChildren(...v.lines.map((t) => Object.assign(document.createElement('p'), { textContent: t, className: t.startsWith(' ') ? 'explain-item' : '' })));
    else body.textContent = v.text || r.data;
  } catch (e) {
    body.textContent = e.message;
  }
}

// ------------------------------------------------------------------ share
async function share() {
  const frag = await encodeProgram(app.program);
  const url = new URL(location.href);
  url.search = '';
  url.hash = frag;
  history.replaceState(null, '', `#${frag}`);
  const out = $('share-url');
  out.value = url.toString();
  $('share-box').hidden = false;
  out.select();
  try {
    await navigator.clipboard.writeText(url.toString());
    $('share-note').textContent = 'Link copied. It contains the whole program.';
  } catch {
    $('share-note').textContent = 'Copy this link; it contains the whole program.';
  }
}

/** Embed mode: "open in playground" opens the embedded program (as a share link). */
async function updateOpenFull() {
  const program = app.program;
  try {
    const frag = await encodeProgram(program);
    if (program === app.program) $('open-full').href = `./#${frag}`;
  } catch {
    /* the plain link stays */
  }
}

// ------------------------------------------------------------------ panels
function showPanel(name) {
  app.panel = name;
  for (const b of document.querySelectorAll('.panel-tab')) {
    const on = b.dataset.panel === name;
    b.classList.toggle('active', on);
    b.setAttribute('aria-selected', String(on));
  }
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== `panel-${name}`;
  persist();
  if (name === 'quiz') refreshQuiz();
  if (app.log) go(app.step, { animate: false });
}

// ------------------------------------------------------------------ wiring
function wire() {
  $('run').onclick = runProgram;
  $('first').onclick = actions.first;
  $('back').onclick = actions.back;
  $('forward').onclick = actions.forward;
  $('last').onclick = actions.last;
  $('over').onclick = actions.over;
  $('out').onclick = actions.out;
  $('cont').onclick = actions.cont;
  $('play').onclick = play;
  $('slider').oninput = (e) => go(Number(e.target.value), { animate: false });
  $('mode').onchange = (e) => {
    app.program.mode = e.target.value;
    persist();
    runProgram();
  };
  $('speed').onchange = () => {
    persist();
    if (app.playTimer) {
      stop();
      play();
    }
  };
  $('lesson').onchange = (e) => {
    const l = lessons.find((x) => x.id === e.target.value);
    if (l) setProgram({ main: l.main, files: l.files, mode: app.program.mode }, { lessonId: l.id });
  };
  $('share').onclick = share;
  $('share-close').onclick = () => ($('share-box').hidden = true);
  $('explain-close').onclick = () => ($('explain').hidden = true);
  $('theme').onclick = () => {
    dark = !dark;
    applyTheme(dark);
    persist();
  };
  $('help').onclick = () => ($('help-box').hidden = !$('help-box').hidden);
  $('help-close').onclick = () => ($('help-box').hidden = true);
  for (const b of document.querySelectorAll('.panel-tab')) b.onclick = () => showPanel(b.dataset.panel);
  $('svg-mode').checked = !!app.svgMode;
  $('svg-mode').onchange = (e) => {
    app.svgMode = e.target.checked;
    persist();
    if (app.log) go(app.step, { animate: false });
  };
  document.addEventListener('keydown', onKey);
}

function inEditor(e) {
  return e.target && e.target.closest && e.target.closest('.cm-editor, input, select, textarea');
}

function onKey(e) {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key === 'Enter') {
    e.preventDefault();
    return runProgram();
  }
  if (e.key === 'Escape') {
    $('explain').hidden = true;
    $('help-box').hidden = true;
    $('share-box').hidden = true;
    return;
  }
  const free = !inEditor(e);
  let act = null;
  if (e.key === 'F10') act = e.shiftKey ? actions.overBack : actions.over;
  else if (e.key === 'F11') act = e.shiftKey ? actions.out : actions.forward;
  else if (e.key === 'F8') act = e.shiftKey ? actions.contBack : actions.cont;
  else if (e.altKey && e.key === 'ArrowRight') act = actions.forward;
  else if (e.altKey && e.key === 'ArrowLeft') act = actions.back;
  else if (free && e.key === 'ArrowRight') act = actions.forward;
  else if (free && e.key === 'ArrowLeft') act = actions.back;
  else if (free && e.key === 'Home') act = actions.first;
  else if (free && e.key === 'End') act = actions.last;
  else if (free && e.key === ' ') act = play;
  else if (free && e.key === '?') act = () => ($('help-box').hidden = !$('help-box').hidden);
  if (act) {
    e.preventDefault();
    act();
  }
}

function fillLessons() {
  const sel = $('lesson');
  const none = document.createElement('option');
  none.value = '';
  none.textContent = '— your program —';
  sel.append(none);
  for (const l of lessons) {
    const o = document.createElement('option');
    o.value = l.id;
    o.textContent = l.title;
    sel.append(o);
  }
  for (const s of SPEEDS) {
    const o = document.createElement('option');
    o.value = String(s);
    o.textContent = `${s} steps/s`;
    $('speed').append(o);
  }
  $('speed').value = saved.speed || '5';
}

async function start() {
  app.marks.start = performance.now();
  if (embed) document.body.classList.add('embed');
  if (exported) {
    document.body.classList.add('exported');
    document.title = `${exported.title} — pysim`;
    $('narrative').textContent = exported.narrative || '';
    $('narrative-box').hidden = !exported.narrative;
  }
  await lessonsReady;
  app.marks.lessons = performance.now();
  fillLessons();
  wire();
  showPanel(app.panel);
  app.hello = () => engine.hello().then((h) => {
    $('version').textContent = `pysim ${h.version}`;
    app.workerTimings = h.timings;
  }).catch(() => {});
  // Which program: a share link, ?lesson=, the saved one, or the first lesson.
  let program = null;
  let lessonId = null;
  try {
    program = await decodeProgram(location.hash);
  } catch {
    setStatus('The share link is damaged; showing the first lesson instead.', 'warn');
  }
  if (!program && params.get('lesson')) {
    const l = lessons.find((x) => x.id === params.get('lesson'));
    if (l) {
      program = { main: l.main, files: l.files };
      lessonId = l.id;
    }
  }
  if (!program && saved.program && saved.program.files) {
    program = saved.program;
    lessonId = saved.lessonId || null;
  }
  if (!program && lessons.length) {
    program = { main: lessons[0].main, files: lessons[0].files };
    lessonId = lessons[0].id;
  }
  if (!program) program = { main: 'main.py', files: { 'main.py': 'x = [1, 2, 3]\ny = x\nprint(y)\n' } };
  await setProgram(program, { lessonId });
  if (params.get('panel')) showPanel(params.get('panel'));
  app.hello();
}

window.pysim = {
  app,
  actions,
  go,
  run: runProgram,
  setProgram,
  showPanel,
  quiz,
  get firstTraceAt() {
    return app.firstTraceAt;
  },
  ready: start(),
};
