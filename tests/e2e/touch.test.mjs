// A touch screen: a tap acts where it lands, the first time, on the map and on a button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitSettled, waitForState as waitForStateWithin, geoToCss, screenshot } from './harness.mjs';

// A phone's canvas is 824 x 1720 device pixels in SwiftShader: frames are slow when the machine is busy.
const waitForState = (page, predicate, arg) => waitForStateWithin(page, predicate, arg, { timeout: 30000 });

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('on a phone the map is the screen: a tap on a hub selects it, a tap on a button presses it, each with one tap', async () => {
  const { page, context, problems } = await openPage(env, { hasTouch: true, isMobile: true, viewport: { width: 412, height: 860 }, deviceScaleFactor: 2 });
  await waitReady(page);
  await waitSettled(page, { timeout: 30000 });  // the map where it stays before a finger aims at it
  const doc = await page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));
  for (const id of ['zhuhai', 'guzhen', 'xinhui']) {
    const hub = doc.hubs.find((h) => h.id === id);
    const [x, y] = await geoToCss(page, hub.position.lat_deg, hub.position.lon_deg);
    assert.ok(x > 0 && x < 412 && y > 0 && y < 860, `${id} is on the screen at ${x}, ${y}`);
    await page.touchscreen.tap(x, y);
    const s = await waitForState(page, (want) => window.lowsky.state.edit.selection[0]?.id === want, id);
    assert.deepEqual(s.edit.selection, [{ kind: 'hub', id }], `one tap on ${id}`);
    await waitSettled(page);  // the bar redrawn for the selection before the next tap
  }
  await screenshot(page, 'phone-map');
  // The panels wait in a drawer: nothing covers the map until one tap on "Panels" opens it.
  let s = await waitSettled(page);
  assert.equal(s.ui.inspector, undefined);
  assert.equal(s.ui.mission, undefined);
  const r = s.ui.drawer, ratio = s.canvas[2];  // the interface's rectangles are in device pixels
  await page.touchscreen.tap((r[0] + r[2] / 2) / ratio, (r[1] + r[3] / 2) / ratio);
  // With a hub selected the drawer holds its checks and the inspector, one column, no overlap.
  s = await waitForState(page, () => !!window.lowsky.state.ui.inspector && !!window.lowsky.state.ui.findings);
  assert.equal(s.ui.mission, undefined);
  await screenshot(page, 'phone-drawer-open');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});

test('a long press shows what is under the finger, where a tap shows nothing more', async () => {
  const { page, context, problems } = await openPage(env, { hasTouch: true, isMobile: true, viewport: { width: 412, height: 860 }, deviceScaleFactor: 2 });
  await waitReady(page);
  // Zhuhai Jinwan's airport reference point: inside its generated zones, away from hubs and corridors.
  const [x, y] = await geoToCss(page, 22.0064, 113.3760);
  assert.ok(x > 0 && x < 412 && y > 60 && y < 800, `on the screen at ${x}, ${y}`);
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(700);
  let s = await page.evaluate(() => window.lowsky.state);
  assert.equal(s.underPointer, null, 'a tap: no tooltip');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  s = await waitForState(page, () => !!window.lowsky.state.underPointer);
  assert.equal(s.underPointer.kind, 'zone');
  assert.ok(s.underPointer.id.startsWith('ZGSD'), `a Jinwan airport zone: ${s.underPointer.id}`);
  await screenshot(page, 'phone-long-press');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  s = await waitForState(page, () => window.lowsky.state.underPointer === null);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('one finger dragged across the map pans it, the ground under the finger staying under it; a tap after it still selects', async () => {
  const { page, context, problems } = await openPage(env, { hasTouch: true, isMobile: true, viewport: { width: 412, height: 860 }, deviceScaleFactor: 2 });
  await waitReady(page);
  const before = await waitSettled(page, { timeout: 30000 });
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  // 120 CSS px to the left, in twelve moves: the map's centre goes 120 px east. In Web Mercator
  // a CSS pixel is 360 / (256 * 2^zoom) degrees of longitude at any latitude.
  await touch('touchStart', [[300, 500]]);
  for (let step = 1; step <= 12; step++) await touch('touchMove', [[300 - step * 10, 500]]);
  await touch('touchEnd', []);
  const want = before.center[1] + 120 * 360 / (256 * 2 ** before.zoom);
  const s = await waitForState(page, (w) => Math.abs(window.lowsky.state.center[1] - w) < 1e-6, want);
  assert.equal(s.zoom, before.zoom);
  assert.ok(Math.abs(s.center[0] - before.center[0]) < 1e-9, `no move north or south: ${before.center[0]} -> ${s.center[0]}`);
  assert.deepEqual(s.edit.selection, [], 'a drag selects nothing');
  // Then a tap on a hub selects it, the first time.
  await waitSettled(page, { timeout: 30000 });
  const doc = await page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));
  let target = null;
  for (const hub of doc.hubs) {  // one well inside the screen, after the pan
    const [x, y] = await geoToCss(page, hub.position.lat_deg, hub.position.lon_deg);
    if (x > 60 && x < 352 && y > 200 && y < 700) { target = { id: hub.id, x, y }; break; }
  }
  assert.ok(target, 'a hub on the screen');
  await page.touchscreen.tap(target.x, target.y);
  await waitForState(page, (id) => window.lowsky.state.edit.selection[0]?.id === id, target.id);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
