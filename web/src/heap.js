// The heap diagram: frames with their variables on the left, objects in
// columns by distance from the frames, an arrow for every reference, and a
// refcount badge on every object. Rendered as DOM (boxes) plus one SVG layer
// (arrows) from the façade's state JSON; between steps it animates: objects
// keep their element and glide to their new place, new objects appear, freed
// objects fade out with the reason they were freed, changed refcounts flash.
//
// State JSON (src/wasm_api/state_view.rs; the trace engine's scene):
//   {step, line, frames: [{id, name, line, current, vars: [{name, obj | inline}]}],
//    objects: [{id, label, type, kind, value, refcount, depth, dying, shared,
//               refs: [{slot, obj | inline}]}],
//    freed: [{id, label, cause}], stub?}
// A slot with `inline` shows a small shared value in place (None, small ints,
// interned strings), as the library's SVG does; `obj` draws an arrow.
const SVG_NS = 'http://www.w3.org/2000/svg';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Columns of objects: by the engine's depth, else breadth-first from the variables. */
export function layoutColumns(state) {
  if (state.objects.every((o) => typeof o.depth === 'number')) {
    const columns = [];
    for (const o of state.objects) (columns[Math.max(0, o.depth - 1)] ||= []).push(o);
    return columns.filter(Boolean);
  }
  const byId = new Map(state.objects.map((o) => [o.id, o]));
  const col = new Map();
  let frontier = [];
  for (const f of state.frames) {
    for (const v of f.vars) {
      if (v.obj != null && byId.has(v.obj) && !col.has(v.obj)) {
        col.set(v.obj, 0);
        frontier.push(v.obj);
      }
    }
  }
  let depth = 0;
  while (frontier.length) {
    const next = [];
    for (const id of frontier) {
      for (const r of byId.get(id).refs || []) {
        if (byId.has(r.obj) && !col.has(r.obj)) {
          col.set(r.obj, depth + 1);
          next.push(r.obj);
        }
      }
    }
    frontier = next;
    depth++;
  }
  // Objects no variable reaches (held by the stack, by the interpreter, or
  // only by each other in a cycle) go in the first column.
  for (const o of state.objects) if (!col.has(o.id)) col.set(o.id, 0);
  const columns = [];
  for (const o of state.objects) {
    const c = col.get(o.id);
    (columns[c] ||= []).push(o);
  }
  return columns.filter(Boolean);
}

/** A variable or slot row: a name, then an inline value or an arrow's tail. */
function slotRow(cls, name, v) {
  const row = el('div', cls);
  row.append(el('span', `${cls}-name`, name));
  if (v.obj != null) {
    row.dataset.target = v.obj;
    row.append(el('span', 'ptr'));
  } else {
    row.append(el('span', 'inline', v.inline ?? '…'));
  }
  return row;
}

export class HeapView {
  constructor(root, { onObjectClick } = {}) {
    this.root = root;
    this.onObjectClick = onObjectClick;
    this.nodes = new Map(); // object id -> element
    this.counts = new Map(); // object id -> refcount shown
    root.classList.add('heap');
    this.stage = el('div', 'heap-stage');
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.classList.add('heap-arrows');
    this.svg.innerHTML =
      '<defs><marker id="heap-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>';
    this.frameCol = el('div', 'heap-frames');
    this.objArea = el('div', 'heap-objects');
    this.message = el('div', 'heap-message');
    this.stage.append(this.frameCol, this.objArea, this.svg);
    root.append(this.message, this.stage);
    this.reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  clear(message = '') {
    this.nodes.clear();
    this.counts.clear();
    this.frameCol.replaceChildren();
    this.objArea.replaceChildren();
    this.svg.querySelectorAll('path.arrow').forEach((p) => p.remove());
    this.message.textContent = message;
  }

  render(state, { animate = true } = {}) {
    if (!state || state.stub) {
      this.clear(`No diagram: ${(state && state.reason) || 'no state for this step.'}`);
      return;
    }
    this.message.textContent = '';
    const first = new Map();
    if (animate && !this.reduced) {
      for (const [id, node] of this.nodes) first.set(id, node.getBoundingClientRect());
    }
    const stageRect0 = this.stage.getBoundingClientRect();

    // Frames and their variables.
    this.frameCol.replaceChildren();
    for (const f of state.frames) {
      const box = el('div', f.current ? 'frame frame-current' : 'frame');
      box.dataset.frame = f.id;
      const head = el('div', 'frame-head');
      head.append(el('span', 'frame-name', f.name), el('span', 'frame-line', `line ${f.line}`));
      box.append(head);
      for (const v of f.vars) box.append(slotRow('var', v.name, v));
      if (!f.vars.length) box.append(el('div', 'var empty', '(no variables)'));
      this.frameCol.append(box);
    }

    // Objects, reusing elements by id.
    const live = new Set(state.objects.map((o) => o.id));
    const dying = [];
    for (const [id, node] of this.nodes) {
      if (!live.has(id)) {
        dying.push([id, node, first.get(id)]);
        this.nodes.delete(id);
        this.counts.delete(id);
      }
    }
    const cols = layoutColumns(state);
    this.objArea.replaceChildren();
    for (const column of cols) {
      const c = el('div', 'heap-col');
      for (const o of column) c.append(this.objectNode(o));
      this.objArea.append(c);
    }

    // Freed objects fade out where they were, saying why.
    const causes = new Map((state.freed || []).map((f) => [f.id, f]));
    for (const [id, node, rect] of dying) {
      if (!animate || this.reduced || !rect) continue;
      const ghost = node.cloneNode(true);
      ghost.classList.add('obj-dying');
      ghost.style.left = `${rect.left - stageRect0.left}px`;
      ghost.style.top = `${rect.top - stageRect0.top}px`;
      ghost.style.width = `${rect.width}px`;
      const why = causes.get(id);
      const note = el('div', 'obj-cause', why ? `freed: ${why.cause}` : 'freed');
      ghost.append(note);
      this.stage.append(ghost);
      ghost.addEventListener('animationend', () => ghost.remove());
      setTimeout(() => ghost.remove(), 2000);
    }

    // FLIP: new positions, then glide from the old ones.
    if (animate && !this.reduced) {
      for (const [id, node] of this.nodes) {
        const a = first.get(id);
        if (!a) {
          node.classList.add('obj-born');
          continue;
        }
        const b = node.getBoundingClientRect();
        const dx = a.left - b.left;
        const dy = a.top - b.top;
        if (dx || dy) {
          node.animate(
            [{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }],
            { duration: 300, easing: 'ease-out' },
          );
        }
      }
    }
    this.drawArrows();
    if (animate && !this.reduced) {
      // Arrows follow the boxes while they glide.
      const until = performance.now() + 320;
      const tick = () => {
        this.drawArrows();
        if (performance.now() < until) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
  }

  objectNode(o) {
    let node = this.nodes.get(o.id);
    const fresh = !node;
    if (fresh) {
      node = el('div', 'obj');
      node.dataset.id = o.id;
      node.tabIndex = 0;
      node.addEventListener('click', () => this.onObjectClick && this.onObjectClick(node.dataset.label));
      node.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.onObjectClick && this.onObjectClick(node.dataset.label);
      });
      this.nodes.set(o.id, node);
    }
    node.classList.remove('obj-born');
    node.classList.toggle('obj-shared', !!o.shared);
    node.dataset.label = o.label;
    node.dataset.type = o.type;
    node.replaceChildren();
    const head = el('div', 'obj-head');
    head.append(el('span', 'obj-label', o.label));
    const badge = el('span', 'rc', String(o.refcount));
    badge.title = `refcount ${o.refcount}`;
    const before = this.counts.get(o.id);
    if (before !== undefined && before !== o.refcount) {
      badge.classList.add(o.refcount > before ? 'rc-up' : 'rc-down');
    }
    this.counts.set(o.id, o.refcount);
    head.append(badge);
    node.append(head);
    node.classList.toggle('obj-will-die', !!o.dying);
    if (o.dying) node.title = 'freed during this step';
    else node.removeAttribute('title');
    if (o.value != null) node.append(el('div', 'obj-value', o.value));
    for (const r of o.refs || []) node.append(slotRow('slot', r.slot, r));
    return node;
  }

  drawArrows() {
    this.svg.querySelectorAll('path.arrow').forEach((p) => p.remove());
    const base = this.stage.getBoundingClientRect();
    this.svg.setAttribute('width', this.stage.scrollWidth);
    this.svg.setAttribute('height', this.stage.scrollHeight);
    const sources = this.stage.querySelectorAll('.heap-frames .var[data-target], .heap-objects .slot[data-target]');
    for (const src of sources) {
      const target = this.nodes.get(Number(src.dataset.target));
      if (!target || !target.isConnected) continue;
      const ptr = src.querySelector('.ptr') || src;
      const a = ptr.getBoundingClientRect();
      const b = target.getBoundingClientRect();
      const x1 = a.left + a.width / 2 - base.left;
      const y1 = a.top + a.height / 2 - base.top;
      let x2 = b.left - base.left;
      const y2 = b.top + Math.min(14, b.height / 2) - base.top;
      if (x2 < x1) x2 = b.right - base.left; // target to the left (a back reference)
      const dx = Math.max(30, Math.abs(x2 - x1) / 2);
      const back = x2 < x1;
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('class', 'arrow');
      path.setAttribute(
        'd',
        back
          ? `M${x1},${y1} C${x1 + dx},${y1} ${x2 + dx},${y2} ${x2},${y2}`
          : `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`,
      );
      path.setAttribute('marker-end', 'url(#heap-arrowhead)');
      this.svg.append(path);
    }
  }
}
