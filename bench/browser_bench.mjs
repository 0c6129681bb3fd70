// Runs a benchmark built for the browser (build/web/bench/*_browser.js) in Debian's headless
// Chromium and prints what it prints, as node prints the .cjs build's output:
//   node bench/browser_bench.mjs lowsky_bench files [more sections]
// Each run is a fresh page, as each node run is a fresh process. The page is cross-origin
// isolated so that performance.now() counts in 5 µs steps (100 µs otherwise), fine enough for
// the harness's millisecond batches (bench/timing.h).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'web', 'bench');
const [bench, ...args] = process.argv.slice(2);
if (!bench) {
  console.error('usage: node bench/browser_bench.mjs lowsky_bench|lowsky_sim_bench [section...]');
  process.exit(2);
}
const script = `${bench}_browser.js`;
const page_html = `<!doctype html><meta charset="utf-8"><script>
  var lines = [];
  var Module = { print: (t) => lines.push(t), printErr: (t) => lines.push(t), onRuntimeInitialized: () => { window.benchReady = true; } };
</script><script src="${script}"></script>`;

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...isolated }).end(page_html);
    return;
  }
  const name = basename(path);  // the script and its .wasm, nothing else
  const served = name === script || name === script.replace(/\.js$/, '.wasm');
  const body = served ? await readFile(join(DIR, name)).catch(() => null) : null;
  if (!body) {
    res.writeHead(404, isolated).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[name.slice(name.lastIndexOf('.'))], ...isolated }).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

let status = 0;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--no-first-run'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => { console.error(`page error: ${e}`); status = 1; });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
  const run = await page.evaluate((argv) => {
    let rc;
    try { rc = Module.callMain(argv); } catch (e) { rc = `${e}`; }
    return { rc, lines, isolated: crossOriginIsolated };
  }, args);
  const version = browser.version();
  for (const line of run.lines) console.log(line.replace('WebAssembly (browser)', `WebAssembly (Chromium ${version})`));
  if (!run.isolated) console.log('(not cross-origin isolated: the clock counts in 100 µs steps)');
  if (run.rc !== 0) { console.error(`${bench} ended with ${run.rc}`); status = 1; }
} finally {
  await browser.close();
  server.close();
}
process.exit(status);
