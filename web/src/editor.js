// The code editor: CodeMirror 6 with Python highlighting, a highlighted
// "current step" line, a breakpoint gutter (click to toggle) and clickable
// line numbers (click to run to that line). Theme follows the page (light/dark).
import { EditorState, StateField, StateEffect, RangeSet, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, gutter, GutterMarker, Decoration,
  highlightActiveLine, drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import {
  syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching, indentUnit,
} from '@codemirror/language';
import { oneDark } from '@codemirror/theme-one-dark';

const setCurrent = StateEffect.define();
const currentLine = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setCurrent)) {
        const line = e.value;
        if (!line || line > tr.state.doc.lines) return Decoration.none;
        const pos = tr.state.doc.line(line).from;
        return Decoration.set([Decoration.line({ class: 'cm-step-line' }).range(pos)]);
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const toggleBreak = StateEffect.define();
const setBreaks = StateEffect.define();
class BreakMarker extends GutterMarker {
  toDOM() {
    const el = document.createElement('span');
    el.className = 'cm-bp';
    el.textContent = '●';
    return el;
  }
}
const breakMarker = new BreakMarker();
const breakpoints = StateField.define({
  create: () => RangeSet.empty,
  update(set, tr) {
    set = set.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setBreaks)) {
        set = RangeSet.of(e.value.map((pos) => breakMarker.range(pos)), true);
      }
      if (e.is(toggleBreak)) {
        let has = false;
        set.between(e.value, e.value, () => { has = true; });
        set = set.update(has
          ? { filter: (from) => from !== e.value }
          : { add: [breakMarker.range(e.value)] });
      }
    }
    return set;
  },
});

/**
 * Creates the editor in `parent`. Callbacks: onChange(text), onRunToLine(line),
 * onBreakpoints(lines[]).
 */
export function createEditor(parent, { doc = '', dark = false, onChange, onRunToLine, onBreakpoints } = {}) {
  const theme = new Compartment();
  const readOnly = new Compartment();
  const breakGutter = gutter({
    class: 'cm-bp-gutter',
    markers: (v) => v.state.field(breakpoints),
    initialSpacer: () => breakMarker,
    domEventHandlers: {
      mousedown(view, block) {
        view.dispatch({ effects: toggleBreak.of(block.from) });
        onBreakpoints && onBreakpoints(currentBreaks(view));
        return true;
      },
    },
  });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        breakpoints,
        breakGutter,
        lineNumbers({
          domEventHandlers: {
            mousedown(view, block) {
              const line = view.state.doc.lineAt(block.from).number;
              onRunToLine && onRunToLine(line);
              return true;
            },
          },
        }),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of('    '),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        python(),
        currentLine,
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        theme.of(dark ? oneDark : []),
        readOnly.of([]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && onChange) onChange(u.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
      ],
    }),
  });

  function currentBreaks(v) {
    const lines = [];
    v.state.field(breakpoints).between(0, v.state.doc.length, (from) => {
      lines.push(v.state.doc.lineAt(from).number);
    });
    return lines;
  }

  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        effects: [setCurrent.of(0), setBreaks.of([])],
      });
    },
    /** Highlights `line` (0: none) and scrolls it into view. */
    setCurrentLine(line) {
      const effects = [setCurrent.of(line)];
      if (line && line <= view.state.doc.lines) {
        effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'nearest' }));
      }
      view.dispatch({ effects });
    },
    setBreakpoints(lines) {
      const pos = lines
        .filter((l) => l >= 1 && l <= view.state.doc.lines)
        .map((l) => view.state.doc.line(l).from)
        .sort((a, b) => a - b);
      view.dispatch({ effects: setBreaks.of(pos) });
    },
    breakpoints: () => currentBreaks(view),
    setDark(d) {
      view.dispatch({ effects: theme.reconfigure(d ? oneDark : []) });
    },
    setReadOnly(ro) {
      view.dispatch({ effects: readOnly.reconfigure(ro ? EditorState.readOnly.of(true) : []) });
    },
    focus: () => view.focus(),
  };
}
