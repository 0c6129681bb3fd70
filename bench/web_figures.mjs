// Figures of the browser app for the closing notes (measured, never asserted in tests):
//   node bench/web_figures.mjs        (after scripts/test or scripts/serve has built build/web)
// - download size of the app: each file raw and gzip -9, and the total;
// - time from navigation to the first rendered frame, and to "ready" (assets loaded and
//   drawn), in headless Chromium on localhost, median of 5 fresh page loads;
// - CPU time of an idle map refresh (nothing to draw), and of a full redraw of the map.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, openPage, waitReady, DIST } from '../tests/e2e/harness.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const files = ['index.html', 'lowsky.js', 'lowsky.wasm', 'lowsky.data', 'assets/gba.lsbm', 'assets/gba_places.json'];
let raw = 0, gz = 0;
console.log('Download size (raw, gzip -9):');
for (const f of files) {
  const bytes = readFileSync(join(DIST, f));
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += statSync(join(DIST, f)).size; gz += z;
  console.log(`  ${f.padEnd(24)} ${kb(bytes.length).padStart(11)} ${kb(z).padStart(11)}`);
}
console.log(`  ${'total'.padEnd(24)} ${kb(raw).padStart(11)} ${kb(gz).padStart(11)}`);

const env = await launch();
try {
  const first = [], ready = [];
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openPage(env);
    await waitReady(page);
    const t = await page.evaluate(() => [window.lowsky.firstFrameMs, window.lowsky.readyMs]);
    first.push(t[0]); ready.push(t[1]);
    await context.close();
  }
  console.log(`First rendered frame after navigation: median ${median(first).toFixed(0)} ms (${first.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`Ready (basemap and places drawn):       median ${median(ready).toFixed(0)} ms (${ready.map((x) => x.toFixed(0)).join(', ')})`);

  const { page, context } = await openPage(env);
  await waitReady(page);
  // Let the app go idle (it skips refreshes with nothing to draw).
  await page.waitForTimeout(1000);
  const idle = await page.evaluate(() => Module._lowsky_measure_refresh_ms(10000));
  const redraws = await page.evaluate(async () => {
    const times = [];
    for (let i = 0; i < 41; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      Module._lowsky_measure_redraw_ms(1);
      times.push(performance.now() - t0);
    }
    return times;
  });
  console.log(`Idle map refresh (nothing changed, nothing drawn): ${(idle * 1000).toFixed(2)} us CPU (mean of 10,000)`);
  console.log(`Full redraw of the unchanged map, one per animation frame: median ${median(redraws).toFixed(1)} ms CPU ` +
              `(p10 ${[...redraws].sort((a, b) => a - b)[4].toFixed(1)}, p90 ${[...redraws].sort((a, b) => a - b)[36].toFixed(1)}; ` +
              'headless Chromium renders WebGL2 in software (SwiftShader), and the main thread waits for it)');
  await context.close();
} finally {
  await env.close();
}
