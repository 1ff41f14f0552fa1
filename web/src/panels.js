// The side panels: narration, output, memory (pymalloc arenas and pools),
// garbage collector and modules. Each takes the façade's JSON for one step;
// a view the engine marks `stub` is shown as not available, never invented.

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function parse(text) {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return null;
  }
}

export function unavailable(root, what, reason) {
  root.replaceChildren(el('p', 'unavailable', `${what} is not available: ${reason || 'no data for this run.'}`));
}

export function kib(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Narration: plain text, or {stub}/{text}/{lines: []} JSON. */
export function renderNarration(root, raw) {
  const v = parse(raw);
  if (v && v.stub) return unavailable(root, 'Narration', v.reason);
  const lines = v && Array.isArray(v.lines) ? v.lines : [(v && v.text) || String(raw || '')];
  if (!lines.length) {
    root.replaceChildren(el('p', 'muted', 'Nothing has run yet: this is the state before the first line.'));
    return;
  }
  // The first line is the step's header ("step 3 · line 4 · source"), the rest what happened.
  root.replaceChildren(...lines.map((t, i) => {
    const p = el('p', i === 0 && !t.startsWith(' ') ? 'narration-head' : 'narration-line', t.trim());
    return p;
  }));
}

export function renderMemory(root, raw) {
  const m = parse(raw);
  if (!m) return unavailable(root, 'The memory view');
  const stats = el('dl', 'mem-stats');
  const add = (k, v, title) => {
    const dt = el('dt', '', k);
    if (title) dt.title = title;
    stats.append(dt, el('dd', '', v));
  };
  add('live objects', String(m.live_objects));
  add('live bytes', kib(m.live_bytes), 'bytes in allocated blocks (pymalloc block sizes) + large objects');
  add('arena bytes', kib(m.bytes_in_arenas), 'arenas held from the OS × 1 MiB');
  add('arenas', `${m.arenas} (high-water ${m.arenas_highwater})`);
  add('high-water mark', kib(m.high_water), 'the most live bytes so far');
  const spark = sparkline(m.series || [], m.step);
  const arenas = el('div', 'arenas');
  for (const a of m.arenas_detail || []) {
    const row = el('div', 'arena');
    row.append(el('div', 'arena-head', `arena ${a.index} @ ${a.address}: ${a.carved}/${a.total_pools} pools carved, ${a.free_pools} free`));
    const grid = el('div', 'pools');
    for (let i = 0; i < a.total_pools; i++) {
      const p = a.pools[i];
      const cell = el('span', `pool ${p ? `pool-${p[0]}` : 'pool-uncarved'}`);
      cell.title = p ? `pool ${i}: ${p[0]}, ${p[1]}-byte blocks, ${p[2]}/${p[3]} in use` : `pool ${i}: not carved yet`;
      grid.append(cell);
    }
    row.append(grid);
    arenas.append(row);
  }
  if (!(m.arenas_detail || []).length) arenas.append(el('p', 'muted', 'No arena in use yet.'));
  const legend = el('p', 'legend');
  legend.innerHTML =
    '<span class="pool pool-used"></span> used <span class="pool pool-full"></span> full ' +
    '<span class="pool pool-empty"></span> empty <span class="pool pool-uncarved"></span> not carved';
  const note = el('p', 'muted',
    "Objects the program created, replayed through pysim's model of CPython's pymalloc " +
      '(1 MiB arenas of 16 KiB pools, one size class per pool). Interpreter startup objects and ' +
      'list/dict item arrays are not counted.');
  root.replaceChildren(stats, spark, arenas, legend, note);
}

function sparkline(series, step) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 200 40');
  svg.setAttribute('preserveAspectRatio', 'none');
  if (!series.length) return svg;
  const maxX = Math.max(1, series[series.length - 1][0]);
  const maxY = Math.max(1, ...series.map((p) => p[1]));
  const pts = series.map(([x, y]) => `${((x / maxX) * 200).toFixed(1)},${(38 - (y / maxY) * 36).toFixed(1)}`);
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', pts.join(' '));
  line.setAttribute('class', 'spark-line');
  const cursor = document.createElementNS(NS, 'line');
  const cx = ((step / maxX) * 200).toFixed(1);
  cursor.setAttribute('x1', cx);
  cursor.setAttribute('x2', cx);
  cursor.setAttribute('y1', '0');
  cursor.setAttribute('y2', '40');
  cursor.setAttribute('class', 'spark-cursor');
  const title = document.createElementNS(NS, 'title');
  title.textContent = 'live bytes over the run; the line marks this step';
  svg.append(title, line, cursor);
  return svg;
}

/**
 * GC view: {total, total_freed, phases_recorded, collections: [{step, line, source, count,
 * latest, phases: [{name, text}], freed: [{id, label, type, born_line}]}]} or stub.
 * A collection that ran during the previous step (`latest`) is animated: its
 * phases (when the trace has them) one after another, then its freed objects fading out.
 */
export function renderGc(root, raw) {
  const g = parse(raw);
  if (!g || g.stub) return unavailable(root, 'The garbage-collector view', g && g.reason);
  const list = g.collections || [];
  const intro = el('p', 'muted',
    'The cycle collector frees groups of objects that only refer to each other (reference cycles), ' +
      'which reference counting alone never frees.');
  if (!list.length) {
    root.replaceChildren(intro, el('p', 'gc-none', 'No collection has freed anything up to this step.'));
    return;
  }
  const head = el('p', 'gc-total',
    `${g.total} collection${g.total === 1 ? '' : 's'} so far, ${g.total_freed} object${g.total_freed === 1 ? '' : 's'} freed by the collector.`);
  const out = [intro, head];
  for (const c of [...list].reverse()) {
    const box = el('section', `gc-collection${c.latest ? ' gc-latest' : ''}`);
    const where = c.line ? `during step ${c.step}, line ${c.line}${c.source ? ` (${c.source})` : ''}` : 'at interpreter exit';
    box.append(el('div', 'gc-head', `${where}: ${c.count} object${c.count === 1 ? '' : 's'} freed`));
    if ((c.phases || []).length) {
      const phases = el('ol', 'gc-phases');
      for (const p of c.phases) phases.append(el('li', 'gc-phase', `${p.name}: ${p.text || ''}`));
      box.append(phases);
    }
    const freed = el('ul', 'gc-freed');
    for (const o of c.freed || []) {
      const li = el('li', 'gc-obj');
      li.append(el('b', '', o.label), ` ${o.type}${o.born_line ? `, made at line ${o.born_line}` : ''}`);
      li.append(el('span', 'gc-cause', ' — collected by the cycle collector'));
      li.dataset.label = o.label;
      freed.append(li);
    }
    if (c.count > (c.freed || []).length) freed.append(el('li', 'muted', `… and ${c.count - c.freed.length} more`));
    box.append(freed);
    out.push(box);
  }
  if (!g.phases_recorded) {
    out.push(el('p', 'muted',
      "The trace records what each collection freed, not yet the collector's phases " +
        '(finding the unreachable objects, finalizers, clearing).'));
  }
  root.replaceChildren(...out);
  // Animate the latest collection: phases one after another, then the freed objects.
  const latest = root.querySelector('.gc-latest');
  if (latest) {
    const items = latest.querySelectorAll('.gc-phase, .gc-obj');
    items.forEach((li, i) => {
      li.style.animationDelay = `${i * 200}ms`;
      li.classList.add('gc-in');
    });
  }
}

/** Modules view: {modules: [{name, label, file}]} or stub. */
export function renderModules(root, raw) {
  const m = parse(raw);
  if (!m || m.stub) return unavailable(root, 'The modules view', m && m.reason);
  const table = el('table', 'modules');
  const head = el('tr');
  head.append(el('th', '', 'sys.modules key'), el('th', '', 'module object'), el('th', '', 'file'));
  table.append(head);
  for (const mod of m.modules || []) {
    const tr = el('tr');
    tr.append(el('td', 'mono', mod.name), el('td', 'mono', mod.label || ''), el('td', 'mono', mod.file || '(no __file__)'));
    table.append(tr);
  }
  root.replaceChildren(table);
}
