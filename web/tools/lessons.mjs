// Collects the lessons from ../lessons into one JSON file for the page's
// lesson picker (run by build.sh at build time; the page never fetches .py files).
//
// A single-file lesson `NN_name.py` becomes {id, title, main: "NN_name.py",
// files: {"NN_name.py": text}}; a folder lesson `NN_name/` keeps its paths
// under `NN_name/` and runs `NN_name/main.py`. The title is the first comment line
// ("# Lesson 01: names and objects" -> "01 names and objects").
// `exercises` lists the lesson's exercises (`exercises/NN_*.py`, not the
// solutions) as [{name, text}] for the quiz panel.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

const [, , lessonsDir, outFile] = process.argv;
if (!lessonsDir || !outFile) {
  console.error('usage: node lessons.mjs LESSONS_DIR OUT.json');
  process.exit(2);
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '__pycache__') out.push(...walk(p));
    } else if (name.endsWith('.py')) {
      out.push(p);
    }
  }
  return out;
}

function titleOf(id, text) {
  const first = text.split('\n')[0] || '';
  const m = first.match(/^#\s*Lesson\s*\d+\s*:\s*(.*)$/i);
  const num = id.slice(0, 2);
  return `${num} ${m ? m[1].trim() : id.slice(3).replace(/_/g, ' ')}`;
}

const exerciseDir = join(lessonsDir, 'exercises');
const exerciseNames = (() => {
  try {
    return readdirSync(exerciseDir).sort().filter((f) => /^\d\d_.*\.py$/.test(f) && !f.endsWith('_solution.py'));
  } catch {
    return [];
  }
})();
function exercisesOf(id) {
  const num = id.slice(0, 3); // "01_"
  return exerciseNames
    .filter((f) => f.startsWith(num))
    .map((f) => ({ name: f, text: readFileSync(join(exerciseDir, f), 'utf8') }));
}

const lessons = [];
for (const name of readdirSync(lessonsDir).sort()) {
  if (!/^\d\d_/.test(name)) continue;
  const p = join(lessonsDir, name);
  if (statSync(p).isDirectory()) {
    // Kept under the lesson's folder name, as `python3 main.py` run inside
    // it sees them (sys.path[0] and __file__ name the folder).
    const files = {};
    for (const f of walk(p)) files[`${name}/${relative(p, f)}`] = readFileSync(f, 'utf8');
    const main = `${name}/main.py`;
    if (!files[main]) continue;
    lessons.push({ id: name, title: titleOf(name, files[main]), main, files, exercises: exercisesOf(name) });
  } else if (name.endsWith('.py')) {
    const text = readFileSync(p, 'utf8');
    const id = name.replace(/\.py$/, '');
    lessons.push({ id, title: titleOf(id, text), main: name, files: { [name]: text }, exercises: exercisesOf(id) });
  }
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(lessons));
console.log(`lessons: ${lessons.length} -> ${outFile}`);
