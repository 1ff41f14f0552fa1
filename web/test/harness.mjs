// Shared test/bench harness: serves web/dist on 127.0.0.1 with python3's
// http.server (started here, stopped by close()), and launches Debian's
// chromium through playwright-core with the flags this machine needs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(WEB, 'dist');
export const ARTIFACTS = join(WEB, 'test-artifacts');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, ms = 10000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Starts the static server and the browser; returns {base, browser, close}. */
export async function start() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist is missing: run web/build.sh');
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '-d', DIST], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  await waitForServer(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run',
    ],
    // playwright gives every launch a fresh temporary --user-data-dir itself.
  });
  return {
    base,
    browser,
    async close() {
      await browser.close().catch(() => {});
      server.kill('SIGTERM');
    },
  };
}

/** A new page that collects console errors and uncaught exceptions. */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...opts });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  return page;
}

/** Waits until the page shows `step` (the view for it has rendered). */
export async function waitStep(page, step, timeout = 10000) {
  await page.waitForFunction((s) => document.body.dataset.renderedStep === String(s), step, { timeout });
}

/** Loads a program through the page's hook and waits for its first step. */
export async function loadProgram(page, source, { files = {}, mode = 'line', main = 'main.py' } = {}) {
  await page.evaluate(
    async ([source, files, mode, main]) => {
      await window.pysim.ready;
      document.body.dataset.renderedStep = '';
      await window.pysim.setProgram({ main, files: { [main]: source, ...files }, mode });
    },
    [source, files, mode, main],
  );
  await waitStep(page, 0);
}
