// Offline, for real: after one visit the service worker holds the app, its map and its assets;
// with the server stopped and the browser offline, a reload opens the app and it simulates a
// day. The page is also installable (a manifest with an icon).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/lib/static_server.mjs';
import { CHROMIUM_ARGS, DIST } from './harness.mjs';

test('after one visit the app opens and simulates with the server stopped and the network off', async () => {
  const server = await startServer(DIST, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.lowsky && window.lowsky.ready === true, null, { timeout: 30000 });
    // The worker installs, caches everything and takes the page over.
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready;
      return !!registration.active && !!navigator.serviceWorker.controller;
    }, null, { timeout: 30000 });
    const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    assert.equal(manifest.short_name, 'lowsky');
    assert.ok(manifest.icons.length >= 1);

    await new Promise((ok) => server.close(ok));
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.lowsky && window.lowsky.ready === true, null, { timeout: 30000 });
    const s = await page.evaluate(() => window.lowsky.state);
    assert.equal(s.basemap, 'ready', 'the offline map came from the cache');
    assert.equal(s.scenario, 'ready');
    // Simulate the day with the Simulate button.
    const r = s.ui.simulate;
    await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
    const sim = await page.waitForFunction(() => window.lowsky.state.sim && window.lowsky.state.sim.delivered > 0, null, { timeout: 30000 })
      .then(() => page.evaluate(() => window.lowsky.state.sim));
    assert.ok(sim.orders > 100 && sim.delivered > 100, `${sim.delivered} of ${sim.orders} orders`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});

test('a page opened as a file says how to open it instead of spinning', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto('file://' + DIST + '/index.html');
    const text = await page.waitForFunction(() => window.lowsky && window.lowsky.fatal).then((h) => h.jsonValue());
    assert.match(text, /^Open lowsky through a web server: .*scripts\/serve/);
    assert.equal(await page.isVisible('#loading'), false);
  } finally {
    await browser.close();
  }
});
