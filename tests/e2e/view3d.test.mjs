// The 3D view in a real browser: T tilts the map into 3D, where the zones and corridors stand
// as solids at their heights (checked in pixels at places worked out here from the documented
// camera, docs/view3d.md, not from the app's own projection); a right drag turns and tilts it
// by the documented 0.3 degrees a pixel; a click still selects what is under the pointer, a drag
// moves nothing; T again is the plan view, north up and flat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot, pixel, recordTouches, withTouchTrace } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenario = JSON.parse(readFileSync(join(ROOT, 'assets/scenarios/gba.json'), 'utf8'));
const documentOf = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// The camera of docs/view3d.md, written out again: spherical Web Mercator; k Mercator metres a
// CSS pixel at the zoom; the camera 1.5 view heights from the centre, tilted back by the tilt and
// turned by the bearing; heights stretched so that 150 m is 80 CSS pixels (never less than true).
function projector(s) {
  const R = 6378137, rad = Math.PI / 180;
  const merc = (lat, lon) => [R * lon * rad, R * Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2))];
  const [cx, cy] = merc(s.center[0], s.center[1]);
  const w = s.canvas[0] / s.canvas[2], h = s.canvas[1] / s.canvas[2];
  const k = (2 * Math.PI * R) / (256 * 2 ** s.zoom);
  const cosLat = Math.cos(s.center[0] * rad);
  const exaggeration = Math.max(1, (80 * k * cosLat) / 150);
  const H = 1.5 * h, b = s.view.bearing * rad, t = s.view.tilt * rad;
  return {
    exaggeration,
    at(lat, lon, height = 0) {
      const [x, y] = merc(lat, lon);
      const dx = (x - cx) / k, dy = (y - cy) / k, z = (height * s.view.heightsShown * exaggeration) / cosLat / k;
      const X = Math.cos(b) * dx - Math.sin(b) * dy, Y = Math.sin(b) * dx + Math.cos(b) * dy;
      const depth = Y * Math.sin(t) - z * Math.cos(t) + H;
      return [w / 2 + (X * H) / depth, h / 2 - ((Y * Math.cos(t) + z * Math.sin(t)) * H) / depth];
    },
  };
}

// The median over a 7 x 7 patch of a colour measure (a line or a letter through the spot does not decide).
function patch(png, [x, y], measure) {
  const v = [];
  for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) v.push(measure(pixel(png, x + dx, y + dy)));
  v.sort((a, b) => a - b);
  return v[v.length >> 1];
}

// Whether point p is inside the convex hull of pts (the silhouette of a solid).
function insideHull(pts, p) {
  const sorted = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list) => { const out = []; for (const q of list) { while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], q) <= 0) out.pop(); out.push(q); } return out; };
  const lower = half(sorted), upper = half([...sorted].reverse());
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return hull.every((a, i) => cross(a, hull[(i + 1) % hull.length], p) >= 0);
}

async function to3d(page) {
  await page.mouse.move(640, 600);
  await page.keyboard.press('t');
  return waitForState(page, () => window.lowsky.state.view.heightsShown === 1 && window.lowsky.state.view.tilt === 55);
}

test('T turns the map to 3D: zones and corridors stand at their heights where the documented camera puts them', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const s = await to3d(page);
  assert.equal(s.view.mode, '3d');
  const solids = s.view.solids;
  assert.equal(s.view.bearing, 0);
  assert.equal(s.view.editable, false);
  let cam = projector(s);
  assert.ok(Math.abs(s.view.exaggeration - cam.exaggeration) < 1e-9);
  // The app draws where the documented camera says, at the ground and up in the air.
  for (const hub of scenario.hubs)
    for (const height of [0, 120]) {
      const want = cam.at(hub.position.lat_deg, hub.position.lon_deg, height);
      const got = await page.evaluate(([la, lo, h]) => [Module._lowsky_geo_height_to_css_x(la, lo, h), Module._lowsky_geo_height_to_css_y(la, lo, h)],
                                      [hub.position.lat_deg, hub.position.lon_deg, height]);
      assert.ok(Math.hypot(want[0] - got[0], want[1] - got[1]) < 0.01, `${hub.id} at ${height} m: ${got} where ${want}`);
    }
  await screenshot(page, 'view3d');
  // The altitude scale stands clear of every panel, on the canvas.
  const scale = s.ui['view.scale'];
  assert.ok(scale, 'the altitude scale is drawn');
  assert.ok(scale[0] >= 0 && scale[1] >= 0 && scale[0] + scale[2] <= s.canvas[0] && scale[1] + scale[3] <= s.canvas[1], `scale ${scale}`);
  for (const [name, w] of Object.entries(s.ui).filter(([k]) => k.startsWith('window.'))) {
    const apart = scale[0] + scale[2] <= w[0] || w[0] + w[2] <= scale[0] || scale[1] + scale[3] <= w[1] || w[1] + w[3] <= scale[1];
    assert.ok(apart, `the scale ${scale} is under ${name} ${w}`);
  }

  const solidEffect = async (point, id, measure) => {
    await page.mouse.click(point[0], point[1]);
    await waitForState(page, (x) => window.lowsky.state.edit.selection[0]?.id === x, id);
    await page.mouse.move(100, 200);  // over a panel: no tooltip on the map
    await waitForState(page, () => !window.lowsky.state.underPointer);
    const shown = patch(await screenshot(page, `view3d-${id}`), point, measure);
    await page.keyboard.press('Delete');
    await waitForState(page, (x) => !window.lowsky.state.edit.selection.length && window.lowsky.state.edit.undo !== '', id);
    const gone = patch(await screenshot(page, `view3d-${id}-deleted`), point, measure);
    return shown - gone;
  };

  // The corridor from Shiyan to Songshan Lake, 60 to 120 m above its ground (that of the hub at
  // its end, Songshan Lake, 20 m, or sea level: 115 m is in its band either way), over the middle
  // of its second segment.
  const corridor = scenario.corridors.find((x) => x.id === 'c-shiyan-songshan');
  const [p0, p1] = corridor.centreline.slice(1, 3);
  const inBand = cam.at((p0.lat_deg + p1.lat_deg) / 2, (p0.lon_deg + p1.lon_deg) / 2, 115);
  const green = ([r0, g0, b0]) => g0 - Math.max(r0, b0);  // the corridor's (0, 155, 110)
  const lift = await solidEffect(inBand, 'c-shiyan-songshan', green);
  assert.ok(lift > 10, `the corridor's solid is drawn in its band (green ${lift} more with it than without)`);

  // Lingding Island's restricted zone, a circle from the sea to 150 m, zoomed in on (two zoom
  // levels with the wheel over it). Halfway up over its centre is inside its solid's
  // silhouette: a click there picks it, and its purple shows there until it is deleted.
  const zone = scenario.zones.find((z) => z.id === 'lingding-island');
  const c = zone.circle.center, r = zone.circle.radius_m;
  const ground = cam.at(c.lat_deg, c.lon_deg);
  await page.mouse.move(ground[0], ground[1]);
  for (const zoom of [10.2, 11.2]) {
    await page.mouse.wheel(0, -400);  // four notches, a zoom level
    await waitForState(page, (z) => Math.abs(window.lowsky.state.zoom - z) < 1e-9, zoom);
  }
  cam = projector(await waitForState(page, () => true));
  const ring = [];
  for (let i = 0; i < 72; i++) {
    const a = (i * 5 * Math.PI) / 180;  // a small circle: metres to degrees on the sphere is exact enough for a silhouette
    const lat = c.lat_deg + (r * Math.cos(a)) / 111320, lon = c.lon_deg + (r * Math.sin(a)) / (111320 * Math.cos((c.lat_deg * Math.PI) / 180));
    ring.push(cam.at(lat, lon, 0), cam.at(lat, lon, 150));
  }
  const inside = cam.at(c.lat_deg, c.lon_deg, 75);
  assert.ok(insideHull(ring, inside));
  const purple = ([r0, g0]) => r0 - g0;  // restricted (142, 68, 173) raises red over green, on land or sea
  const tint = await solidEffect(inside, 'lingding-island', purple);
  assert.ok(tint > 15, `the zone's solid is drawn from the sea to 150 m (red over green ${tint} more with it than without)`);

  // A solid per corridor and zone, and the ten the airports' runways generate (the findings panel counts them too).
  assert.equal(solids, scenario.corridors.length + scenario.zones.length + 10);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a right drag turns and tilts the 3D view; a click still selects what is under the pointer, a drag moves nothing; T is the plan view again', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  await to3d(page);
  // 120 px right and 40 px up: the bearing turns 36 degrees anticlockwise, the tilt goes up by
  // 12 to 67, held at the 60 degree limit.
  await page.mouse.move(700, 560);
  await page.mouse.down({ button: 'right' });
  for (let i = 1; i <= 8; i++) await page.mouse.move(700 + i * 15, 560 - i * 5);
  await page.mouse.up({ button: 'right' });
  let s = await waitForState(page, () => Math.abs(window.lowsky.state.view.bearing - 324) < 1e-6);
  assert.equal(s.view.tilt, 60);
  await screenshot(page, 'view3d-orbit');

  // Click a hub where the documented camera puts it: it is selected.
  const cam = projector(s);
  const visible = (p) => p[0] > 360 && p[0] < 870 && p[1] > 80 && p[1] < 640;
  const hub = scenario.hubs.find((h) => visible(cam.at(h.position.lat_deg, h.position.lon_deg)) && h.id === 'zhongshan') ??
              scenario.hubs.find((h) => visible(cam.at(h.position.lat_deg, h.position.lon_deg)));
  const at = cam.at(hub.position.lat_deg, hub.position.lon_deg);
  await page.mouse.click(at[0], at[1]);
  s = await waitForState(page, (id) => window.lowsky.state.edit.selection[0]?.id === id, hub.id);
  assert.deepEqual(s.edit.selection, [{ kind: 'hub', id: hub.id }]);

  // A corridor is picked where its solid is seen, halfway up its band.
  const corridor = scenario.corridors.find((x) => x.id === 'c-shiyan-songshan');
  const [p0, p1] = corridor.centreline.slice(1, 3);
  const band = cam.at((p0.lat_deg + p1.lat_deg) / 2, (p0.lon_deg + p1.lon_deg) / 2, 100);
  await page.mouse.click(band[0], band[1]);
  s = await waitForState(page, () => window.lowsky.state.edit.selection[0]?.id === 'c-shiyan-songshan');

  // Dragging the hub moves nothing in 3D: the document is as it was, and the map panned.
  const before = await documentOf(page);
  const now = cam.at(hub.position.lat_deg, hub.position.lon_deg);
  await page.mouse.move(now[0], now[1]);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(now[0] + i * 10, now[1] + i * 5);
  await page.mouse.up();
  s = await waitForState(page, (c) => window.lowsky.state.center[0] !== c[0] || window.lowsky.state.center[1] !== c[1], s.center);
  assert.deepEqual(await documentOf(page), before);
  assert.equal(s.edit.undo, '');

  // T again: the plan view, north up and flat, editable.
  await page.keyboard.press('t');
  s = await waitForState(page, () => window.lowsky.state.view.heightsShown === 0 && window.lowsky.state.view.tilt === 0);
  assert.equal(s.view.bearing, 0);
  assert.equal(s.view.editable, true);
  assert.equal(s.view.mode, 'plan');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('on a touch screen the 3D button turns the map to 3D, two fingers turning turn it with them, two moving down together tilt it', async () => {
  const { page, context, problems } = await openPage(env, { hasTouch: true });
  await waitReady(page);
  let s = await waitSettled(page);  // the top bar where it stays before the tap
  const r = s.ui['view.3d'];  // device pixels, a ratio of 1 here
  await page.touchscreen.tap(r[0] + r[2] / 2, r[1] + r[3] / 2);
  s = await waitForState(page, () => window.lowsky.state.view.heightsShown === 1);
  assert.equal(s.view.bearing, 0);
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  await recordTouches(page);
  // Two fingers 200 px apart, turned 30 degrees clockwise about their middle in six steps: the
  // map turns with them, so north goes 30 degrees clockwise and the bearing becomes 330.
  const at = (deg) => {
    const a = (deg * Math.PI) / 180;
    return [[640 - 100 * Math.cos(a), 420 - 100 * Math.sin(a)], [640 + 100 * Math.cos(a), 420 + 100 * Math.sin(a)]];
  };
  await touch('touchStart', at(0));
  for (let step = 1; step <= 6; step++) await touch('touchMove', at(step * 5));
  await touch('touchEnd', []);
  s = await withTouchTrace(page, waitForState(page, () => Math.abs(window.lowsky.state.view.bearing - 330) < 1.5));  // touch points land on whole pixels
  assert.ok(Math.abs(s.zoom - 9.2) < 0.05, `the fingers kept their distance: zoom ${s.zoom}`);
  // Two fingers side by side moved 100 px down together, in ten steps: the view tilts back
  // toward plan view by 0.3 degrees a pixel, 55 to 25 degrees, and neither pans nor zooms.
  const tilted = s;
  await touch('touchStart', [[560, 300], [720, 300]]);
  for (let step = 1; step <= 10; step++) await touch('touchMove', [[560, 300 + step * 10], [720, 300 + step * 10]]);
  await touch('touchEnd', []);
  s = await withTouchTrace(page, waitForState(page, (t) => window.lowsky.state.view.tilt < t - 29, tilted.view.tilt));
  assert.ok(Math.abs(s.view.tilt - (tilted.view.tilt - 30)) < 0.5, `tilt ${tilted.view.tilt} -> ${s.view.tilt}`);
  assert.ok(Math.abs(s.zoom - tilted.zoom) < 0.01, `zoom ${tilted.zoom} -> ${s.zoom}`);
  assert.deepEqual(s.center, tilted.center, 'the map did not pan');
  assert.ok(Math.abs(s.view.bearing - tilted.view.bearing) < 0.5, 'nor turn');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('two fingers that tilt the view tilt it by their whole way though the browser hands on one finger\'s move at a time and drops the last (as it does under load)', async () => {
  const { page, context, problems } = await openPage(env, { hasTouch: true });
  await waitReady(page);
  let s = await waitSettled(page);
  const r = s.ui['view.3d'];
  await page.touchscreen.tap(r[0] + r[2] / 2, r[1] + r[3] / 2);
  s = await waitForState(page, () => window.lowsky.state.view.heightsShown === 1);
  await recordTouches(page);
  // The window swallows the last move before the app's listeners see it; the fingers then lift
  // where that move took them, and the touchend lists them there.
  await page.evaluate(() => {
    let moves = 0;
    window.addEventListener('touchmove', (e) => { if (++moves === 10) e.stopImmediatePropagation(); }, { capture: true });
  });
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const flat = s;
  // Two fingers side by side, 100 px down in steps of 20 px, the left finger first each time
  // and the right in the next event (as CI's loaded Chromium delivered a tilt).
  await touch('touchStart', [[560, 300], [720, 300]]);
  for (let step = 1; step <= 5; step++) {
    await touch('touchMove', [[560, 300 + step * 20], [720, 300 + (step - 1) * 20]]);
    await touch('touchMove', [[560, 300 + step * 20], [720, 300 + step * 20]]);
  }
  await touch('touchEnd', []);
  // 100 px down at 0.3 degrees a pixel: 55 to 25 degrees, and neither a pan nor a zoom.
  s = await withTouchTrace(page, waitForState(page, (t) => window.lowsky.state.view.tilt < t - 29, flat.view.tilt));
  assert.ok(Math.abs(s.view.tilt - (flat.view.tilt - 30)) < 0.5, `tilt ${flat.view.tilt} -> ${s.view.tilt}`);
  assert.deepEqual(s.center, flat.center, 'the map did not pan');
  assert.ok(Math.abs(s.zoom - flat.zoom) < 0.01, `zoom ${flat.zoom} -> ${s.zoom}`);
  const seen = await page.evaluate(() => window.__lowskyTouches.filter((e) => e[0] === 'touchmove').map((e) => e[2].length));
  assert.deepEqual(seen, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'each move the page saw changed one finger');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
