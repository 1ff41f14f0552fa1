// Quiz mode: predict, then check. The questions are an exercise's
// `# predict:` markers (docs/exercises.md): the current program's own, or
// the exercises of the lesson it came from. The worker grades the answers
// with the same code as `pysim check` and explains each expected answer from
// the run (holders, the moment of death, the printed text).

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const HINTS = {
  output: 'what it prints (\\n between lines)',
  refcount: 'a number',
  alive: 'True or False',
  same: 'True or False',
};

export class Quiz {
  /** `engine`: the worker's Engine; `onOpen(source)`: load an exercise as the program. */
  constructor(root, { engine, onOpen }) {
    this.root = root;
    this.engine = engine;
    this.onOpen = onOpen;
    this.sources = [];
    this.current = 0;
    this.key = '';
    this.answers = new Map(); // source name -> [answers]
    this.loaded = null; // {key, questions}
  }

  /** The exercises on offer: [{name, text, files}]. Re-renders only when they change. */
  setSources(sources) {
    const key = JSON.stringify(sources.map((s) => [s.name, s.text]));
    if (key === this.key) return false;
    this.key = key;
    this.sources = sources;
    this.current = 0;
    this.loaded = null;
    return true;
  }

  /** Shows the panel: the questions of the chosen exercise (asked of the worker once). */
  async show() {
    const root = this.root;
    if (!this.sources.length) {
      root.replaceChildren(
        el('p', 'muted',
          'This program has no questions. Quiz mode asks the `# predict:` markers of an exercise ' +
            '(e.g. `# predict: refcount(a) == ?`): pick a lesson with exercises, or add markers to your program.'),
      );
      return;
    }
    const src = this.sources[this.current];
    const key = `${this.key}#${this.current}`;
    if (!this.loaded || this.loaded.key !== key) {
      root.replaceChildren(el('p', 'muted', 'Reading the questions…'));
      const r = await this.engine.quiz(src.text, src.name, src.files || {}, []);
      this.loaded = { key, quiz: JSON.parse(r.data) };
    }
    this.renderQuestions(this.loaded.quiz, null);
  }

  renderQuestions(quiz, graded) {
    const root = this.root;
    const src = this.sources[this.current];
    const bar = el('div', 'quiz-bar');
    if (this.sources.length > 1) {
      const pick = el('select', 'quiz-pick');
      pick.setAttribute('aria-label', 'Exercise');
      this.sources.forEach((s, i) => {
        const o = el('option', '', s.name);
        o.value = String(i);
        pick.append(o);
      });
      pick.value = String(this.current);
      pick.onchange = () => {
        this.current = Number(pick.value);
        this.show();
      };
      bar.append(pick);
    } else {
      bar.append(el('b', '', src.name));
    }
    const open = el('button', 'quiz-open', 'Step through it');
    open.title = 'Load this exercise as the program, to watch the objects the questions ask about';
    open.onclick = () => this.onOpen(src);
    bar.append(open);
    if (quiz.error) {
      root.replaceChildren(bar, el('p', 'error', quiz.error));
      return;
    }
    const given = this.answers.get(src.name) || [];
    const list = el('div', 'quiz-list');
    const inputs = [];
    quiz.questions.forEach((q, i) => {
      const box = el('div', 'quiz-q');
      const label = el('label', '');
      label.append(`line ${q.line}: `, el('code', '', q.question));
      const input = el('input', 'quiz-answer');
      input.placeholder = HINTS[q.kind] || 'your answer';
      input.value = given[i] ?? '';
      input.setAttribute('aria-label', `answer to line ${q.line}: ${q.question}`);
      input.onkeydown = (e) => {
        if (e.key === 'Enter') check();
      };
      label.append(input);
      box.append(label);
      inputs.push(input);
      const g = graded && graded.questions[i];
      if (g) {
        box.classList.add(g.correct ? 'right' : 'wrong');
        box.append(el('span', 'quiz-mark', g.correct ? '✓ right' : `✗ answer: ${g.expected}`));
        if (!g.correct || g.broken) box.append(el('pre', 'quiz-expl', g.explanation.join('\n')));
      }
      list.append(box);
    });
    const checkBtn = el('button', 'primary quiz-check', 'Check answers');
    const score = el('span', 'quiz-score', graded ? `${graded.score} / ${graded.total} right` : `${quiz.total} questions`);
    const check = async () => {
      const answers = inputs.map((x) => x.value);
      this.answers.set(src.name, answers);
      checkBtn.disabled = true;
      try {
        const r = await this.engine.quiz(src.text, src.name, src.files || {}, answers);
        this.renderQuestions(quiz, JSON.parse(r.data));
      } catch (e) {
        score.textContent = `Could not check: ${e.message}`;
        checkBtn.disabled = false;
      }
    };
    checkBtn.onclick = check;
    const foot = el('div', 'quiz-bar');
    foot.append(checkBtn, score);
    root.replaceChildren(bar, list, foot);
  }
}
