// The app opens on an offline map of the Greater Bay Area, and the map can be moved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, screenshot, pixel, geoToCss, near, WATER, LAND } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(problems.consoleErrors, [], 'no console errors');
  assert.deepEqual(problems.failedRequests, [], 'no failed requests');
}

test('opens on the GBA basemap with water in Lingding Bay and land in Dongguan', async () => {
  const { page, context, problems } = await openPage(env);
  const s = await waitReady(page);
  assert.equal(s.basemap, 'ready');
  assert.equal(s.places, 'ready');
  assert.ok(s.basemapRings > 400, `basemap rings: ${s.basemapRings}`);
  assert.equal(s.placeCount, 16);
  assert.deepEqual(s.notices, []);
  await page.waitForFunction(() => document.getElementById('loading').style.display === 'none');

  const png = await screenshot(page, 'default-view');
  // Sample points away from markers and labels.
  const samples = [
    { what: 'Lingding Bay', lat: 22.40, lon: 113.78, rgb: WATER },
    { what: 'open sea south of Lantau', lat: 22.13, lon: 113.95, rgb: WATER },
    { what: 'Dongguan, south-east of the city (hills, no river)', lat: 22.95, lon: 114.05, rgb: LAND },
    { what: 'Zhongshan', lat: 22.45, lon: 113.30, rgb: LAND },
  ];
  for (const p of samples) {
    const [x, y] = await geoToCss(page, p.lat, p.lon);
    assert.ok(x > 0 && x < 1280 && y > 0 && y < 720, `${p.what} is on screen (${x}, ${y})`);
    const got = pixel(png, x, y);
    assert.ok(near(got, p.rgb), `${p.what} at (${x.toFixed(0)}, ${y.toFixed(0)}) is ${got}, expected about ${p.rgb}`);
  }
  assertClean(problems);
  await context.close();
});

test('wheel zoom keeps the point under the cursor, and a drag pans the map', async () => {
  const { page, context, problems } = await openPage(env);
  const before = await waitReady(page);

  // Put the cursor on a known place, zoom in, and that place must still be under the cursor.
  const zhongshan = { lat: 22.52306, lon: 113.37912 };
  const [cx, cy] = await geoToCss(page, zhongshan.lat, zhongshan.lon);
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -400);
  const zoomed = await waitForState(page, (z) => window.lowsky.state.zoom > z + 0.2, before.zoom);
  assert.ok(zoomed.zoom > before.zoom, `zoom ${before.zoom} -> ${zoomed.zoom}`);
  const [zx, zy] = await geoToCss(page, zhongshan.lat, zhongshan.lon);
  assert.ok(Math.abs(zx - cx) < 1.5 && Math.abs(zy - cy) < 1.5, `Zhongshan stayed under the cursor: (${cx}, ${cy}) -> (${zx}, ${zy})`);

  const grabbed = { lat: 22.45, lon: 113.62 };
  const [gx, gy] = await geoToCss(page, grabbed.lat, grabbed.lon);
  await page.mouse.move(gx, gy);
  await page.mouse.down();
  await page.mouse.move(gx + 150, gy + 80, { steps: 8 });
  await page.mouse.up();
  await waitForState(page, (c) => window.lowsky.state.center[1] !== c, zoomed.center[1]);
  await page.waitForTimeout(100);
  const [ax, ay] = await geoToCss(page, grabbed.lat, grabbed.lon);
  assert.ok(Math.abs(ax - (gx + 150)) < 2 && Math.abs(ay - (gy + 80)) < 2,
    `the grabbed point followed the pointer: (${gx}, ${gy}) + (150, 80) -> (${ax}, ${ay})`);
  await screenshot(page, 'after-zoom-and-drag');
  assertClean(problems);
  await context.close();
});

test('the canvas follows the window size and devicePixelRatio', async () => {
  const { page, context, problems } = await openPage(env, { viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  let s = await waitReady(page);
  assert.deepEqual(s.canvas, [1800, 1200, 2]);
  await page.setViewportSize({ width: 700, height: 500 });
  s = await waitForState(page, () => window.lowsky.state.canvas[0] === 1400);
  assert.deepEqual(s.canvas, [1400, 1000, 2]);
  const backing = await page.evaluate(() => [Module.canvas.width, Module.canvas.height]);
  assert.deepEqual(backing, [1400, 1000]);
  await screenshot(page, 'retina-700x500');
  assertClean(problems);
  await context.close();
});

test('a two-finger pinch zooms the map', async () => {
  const { page, context, problems } = await openPage(env, { hasTouch: true });
  const before = await waitReady(page);
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });
  // Fingers 100 px apart spread to 400 px apart around the same centre: about two zoom levels.
  await touch('touchStart', [[590, 360], [690, 360]]);
  for (let step = 1; step <= 10; step++) {
    const half = 50 + step * 15;
    await touch('touchMove', [[640 - half, 360], [640 + half, 360]]);
  }
  await touch('touchEnd', []);
  const after = await waitForState(page, (z) => window.lowsky.state.zoom > z + 1.5, before.zoom);
  assert.ok(after.zoom > before.zoom + 1.5 && after.zoom < before.zoom + 2.5, `zoom ${before.zoom} -> ${after.zoom}`);
  assertClean(problems);
  await context.close();
});

test('zoomed all the way out or panned to a corner, the screen shows map, never the blank beyond it', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  await page.mouse.move(640, 400);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 500);
  // The offline map covers 111-116 E, 21-25 N: its corners at or beyond the screen's corners.
  const fits = async () => {
    const [w, h] = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
    const [x0, y0] = await geoToCss(page, 21, 111), [x1, y1] = await geoToCss(page, 25, 116);
    return x0 <= 0.5 && y0 >= h - 0.5 && x1 >= w - 0.5 && y1 <= 0.5;
  };
  let s = await waitForState(page, () => window.lowsky.state.zoom < 8.6);
  assert.ok(Math.abs(s.zoom - Math.log2(360)) < 0.01, `zoomed out to the map's width: ${s.zoom}`);
  assert.ok(await fits(), 'the map covers the screen when zoomed out');
  // A long drag toward the south-west corner stops at it.
  await page.mouse.move(400, 300);
  await page.mouse.down();
  await page.mouse.move(1200, 50, { steps: 10 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  assert.ok(await fits(), 'the map covers the screen after a drag past its edge');
  const shot = await screenshot(page, 'zoomed-out');
  // The colour beyond the map's coverage is MapPalette::no_data (web/basemap_renderer.h).
  const corner = pixel(shot, 1273, 690 - 20);
  assert.ok(near(corner, LAND) || near(corner, WATER), `land or water in the bottom-right corner, not blank: ${corner}`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
