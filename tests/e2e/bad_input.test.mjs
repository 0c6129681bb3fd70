// A missing or corrupted basemap, no WebGL2, or a lost context: a clear message, and the
// app keeps running where it can.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function assertStillResponds(page) {
  const before = (await page.evaluate(() => window.lowsky.state)).zoom;
  await page.mouse.move(640, 360);
  await page.mouse.wheel(0, -300);
  const s = await waitForState(page, (z) => window.lowsky.state.zoom > z, before);
  assert.ok(s.zoom > before, 'the map still zooms');
}

test('a missing basemap gives an on-screen message and the app keeps running', async () => {
  const { page, context, problems } = await openPage(env, {
    setup: (p) => p.route('**/assets/gba.lsbm', (route) => route.fulfill({ status: 404, body: 'not found' })),
  });
  const s = await waitReady(page);
  assert.equal(s.basemap, 'failed');
  assert.equal(s.places, 'ready', 'the places still load');
  assert.equal(s.notices.length, 1);
  assert.equal(s.notices[0].title, 'Basemap unavailable');
  assert.match(s.notices[0].detail, /assets\/gba\.lsbm/);
  await screenshot(page, 'basemap-missing');
  await assertStillResponds(page);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.failedRequests.filter((r) => !r.includes('gba.lsbm')), []);
  await context.close();
});

test('a corrupted basemap is refused with the reason and where', async () => {
  const { page, context, problems } = await openPage(env, {
    setup: (p) => p.route('**/assets/gba.lsbm', async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length >> 1] ^= 0x5a;  // one flipped byte in the middle
      await route.fulfill({ response, body });
    }),
  });
  const s = await waitReady(page);
  assert.equal(s.basemap, 'failed');
  assert.match(s.notices[0].detail, /checksum mismatch/);
  assert.match(s.notices[0].detail, /assets\/gba\.lsbm, byte \d+/);
  await screenshot(page, 'basemap-corrupted');
  await assertStillResponds(page);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a truncated basemap that is not a basemap at all is refused', async () => {
  const { page, context } = await openPage(env, {
    setup: (p) => p.route('**/assets/gba.lsbm', (route) => route.fulfill({ status: 200, body: '<html>proxy error</html>' })),
  });
  const s = await waitReady(page);
  assert.equal(s.basemap, 'failed');
  assert.match(s.notices[0].detail, /not a lowsky basemap|too short/);
  await context.close();
});

test('without WebGL2 the page says so plainly', async () => {
  const { page, context, problems } = await openPage(env, {
    setup: (p) => p.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }),
  });
  await page.waitForSelector('#fatal', { state: 'visible' });
  assert.equal(await page.textContent('#fatal-title'), 'WebGL2 is not available');
  assert.equal(await page.evaluate(() => !!document.querySelector('script[src="lowsky.js"]')), false, 'the module is not even loaded');
  await screenshot(page, 'no-webgl2');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a lost WebGL context shows a message', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  await page.evaluate(() => Module.canvas.getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
  await page.waitForSelector('#fatal', { state: 'visible' });
  assert.equal(await page.textContent('#fatal-title'), 'The graphics context was lost');
  await screenshot(page, 'context-lost');
  await context.close();
});

test('a broken scenario is refused with every error and where, and the map keeps working', async () => {
  const { page, context, problems } = await openPage(env, {
    setup: (p) => p.route('**/assets/scenarios/gba.json', async (route) => {
      const doc = await (await route.fetch()).json();
      doc.corridors[2].floor.reference = 'feet';
      doc.hubs[0].position.lat_deg = 123;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) });
    }),
  });
  const s = await waitReady(page);
  assert.equal(s.scenario, 'failed');
  assert.equal(s.basemap, 'ready');
  const notice = s.notices.find((n) => n.title === 'Scenario not loaded');
  assert.ok(notice, JSON.stringify(s.notices));
  assert.match(notice.detail, /2 error/);
  assert.match(notice.detail, /\$\.hubs\[0\]\.position\.lat_deg/);
  assert.match(notice.detail, /\$\.corridors\[2\]\.floor\.reference/);
  await screenshot(page, 'scenario-broken');
  await assertStillResponds(page);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
