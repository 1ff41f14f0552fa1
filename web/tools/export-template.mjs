// Makes dist/export.html: the whole playground as ONE file, the template that
// `pysim export lesson.py -o lesson.html` fills in (run by build.sh after the
// page is built). Everything is inlined, so the page opens offline from
// file:// by double-click:
//   - style.css in a <style> element, app.js in an inline module script;
//   - the worker (src/worker.js bundled again as a classic script: chromium
//     refuses module workers from Blob URLs of file:// pages) and
//     pysim_bg.wasm as base64 text; a small boot script starts the worker
//     from a Blob URL (named 'pysim-inline') and hands it the wasm bytes and
//     the lesson (worker.js waits for that 'boot' message);
//   - `{{PYSIM_EXPORT}}` (inside a JSON script element) and `{{PYSIM_TITLE}}`
//     are left for pysim: the lesson ({title, narrative, lesson: {id, title,
//     main, files, exercises}}) as JSON with `<` escaped, and the page title.
//
// The markers `<!--pysim:NAME-->…<!--/pysim:NAME-->` in index.html delimit
// what is replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const [, , dist] = process.argv;
if (!dist) {
  console.error('usage: node export-template.mjs DIST_DIR');
  process.exit(2);
}
const read = (f) => readFileSync(join(dist, f));

/** JS text made safe inside an inline <script>: `</script` only occurs in
 * string, template, regex literals or comments, where `<\/script` means the same. */
function inlineScript(js) {
  const out = js.replace(/<\/(script)/gi, '<\\/$1');
  if (out.includes('<!--')) throw new Error('inline script contains "<!--": cannot inline safely');
  return out;
}

function replaceBlock(html, name, content) {
  const re = new RegExp(`<!--pysim:${name}-->[\\s\\S]*?<!--/pysim:${name}-->`);
  if (!re.test(html)) throw new Error(`index.html has no <!--pysim:${name}--> block`);
  return html.replace(re, () => content);
}

let html = read('index.html').toString('utf8');
const css = read('style.css').toString('utf8');
const app = read('app.js').toString('utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
const worker = buildSync({
  entryPoints: [join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'worker.js')],
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  write: false,
  // The glue's `import.meta.url` is only its default wasm location: the boot message gives the bytes.
  logLevel: 'error',
}).outputFiles[0].text;

const boot = `<script id="pysim-export" type="application/json">{{PYSIM_EXPORT}}</script>
  <script id="pysim-worker-src" type="text/plain">${Buffer.from(worker).toString('base64')}</script>
  <script id="pysim-wasm" type="text/plain">${read('pysim_bg.wasm').toString('base64')}</script>
  <script>
    // Single-file boot: the worker from a Blob URL, fed the wasm bytes and the lesson.
    (function () {
      var text = function (id) { return document.getElementById(id).textContent; };
      var bytes = function (b64) {
        var s = atob(b64), a = new Uint8Array(s.length);
        for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
        return a;
      };
      window.pysimExport = JSON.parse(text('pysim-export'));
      var lessons = [window.pysimExport.lesson];
      var workerUrl = URL.createObjectURL(new Blob([bytes(text('pysim-worker-src'))], { type: 'text/javascript' }));
      var wasm = bytes(text('pysim-wasm'));
      window.pysimMakeWorker = function () {
        var w = new Worker(workerUrl, { name: 'pysim-inline' });
        w.postMessage({ id: 0, type: 'boot', wasm: wasm, lessons: lessons });
        return w;
      };
      window.pysimWorker = window.pysimMakeWorker();
      window.pysimLessons = Promise.resolve(lessons);
    })();
  </script>`;

html = replaceBlock(html, 'style', `<style>\n${css}</style>`);
html = replaceBlock(html, 'boot', boot);
html = replaceBlock(html, 'app', `<script type="module">\n${inlineScript(app)}</script>`);
html = html.replace(/<title>[^<]*<\/title>/, '<title>{{PYSIM_TITLE}} — pysim</title>');
html = html.replace('<!doctype html>', '<!doctype html>\n<!-- A pysim lesson page (pysim export): the playground, the lesson and its quiz in one file; works offline. -->');
writeFileSync(join(dist, 'export.html'), html);
console.log(`export template: ${join(dist, 'export.html')} (${html.length} bytes)`);
