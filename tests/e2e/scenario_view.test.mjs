// The default GBA scenario is drawn: zones, corridors coloured by their check state, hubs,
// and a findings panel whose entries fly the map to the place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, waitForState, screenshot, pixel, geoToCss, near, WATER, DIST } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const TEAL = [0, 155, 110];    // a corridor with no finding worse than info
const AMBER = [245, 160, 0];   // a corridor with a warning

// The pixel nearest `rgb` in a small square around (x, y): centrelines are 2 px wide and
// antialiased, so the exact centre pixel may be a blend.
function closestAround(png, x, y, rgb, radius = 2) {
  let best = null, bestDistance = Infinity;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const p = pixel(png, x + dx, y + dy);
      const d = Math.hypot(p[0] - rgb[0], p[1] - rgb[1], p[2] - rgb[2]);
      if (d < bestDistance) { bestDistance = d; best = p; }
    }
  }
  return best;
}

test('the default scenario loads, validates with no errors and is drawn', async () => {
  const { page, context, problems } = await openPage(env);
  const s = await waitReady(page);
  assert.equal(s.scenario, 'ready');
  assert.equal(s.scenarioName, 'Greater Bay Area drone logistics (default)');
  // The counts of the file itself; each airport generates two zones (its no-fly core and its
  // clearance-protection area).
  const doc = JSON.parse(readFileSync(join(DIST, 'assets', 'scenarios', 'gba.json'), 'utf8'));
  assert.equal(s.corridors, doc.corridors.length);
  assert.equal(s.hubs, doc.hubs.length);
  assert.equal(s.zones, doc.zones.length + 2 * doc.airport_zones.length);
  assert.equal(s.findings.errors, 0);
  assert.deepEqual(s.notices, []);

  const png = await screenshot(page, 'scenario-drawn');
  const checks = [
    { what: 'Guzhen-Xinhui corridor (clean)', lat: 22.55155, lon: 113.0705, rgb: TEAL },
    { what: "Xiangzhou-Dong'ao corridor (warning)", lat: 22.175, lon: 113.7125, rgb: AMBER },
  ];
  for (const c of checks) {
    const [x, y] = await geoToCss(page, c.lat, c.lon);
    const got = closestAround(png, x, y, c.rgb);
    assert.ok(near(got, c.rgb, 30), `${c.what} at (${x.toFixed(0)}, ${y.toFixed(0)}) is ${got}, expected about ${c.rgb}`);
  }
  // Inside Hong Kong airport's no-fly core, over the sea: water tinted by the zone.
  const [cx, cy] = await geoToCss(page, 22.36, 113.95);
  const tinted = pixel(png, cx, cy);
  assert.ok(!near(tinted, WATER, 12), `the no-fly core is shaded (${tinted})`);
  assert.ok(tinted[0] - tinted[2] > WATER[0] - WATER[2] + 10, `the shade is red (${tinted})`);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.failedRequests, []);
  await context.close();
});

test('clicking a finding selects its object and flies the map there', async () => {
  const { page, context, problems } = await openPage(env);
  const before = await waitReady(page);
  // The first row of the findings panel (top right) is the one warning.
  const [rx, ry, rw, rh] = before.ui['finding.0'];
  await page.mouse.click(rx + rw / 2, ry + rh / 2);
  const s = await waitForState(page, () => window.lowsky.state.selected.id !== '' && window.lowsky.state.zoom >= 11.99);
  assert.equal(s.selected.kind, 'corridor');
  assert.equal(s.selected.id, 'c-xiangzhou-dongao');
  assert.ok(s.zoom > before.zoom);
  // The finding is where the corridor leaves Xiangzhou Port, now in the middle of the map.
  assert.ok(Math.abs(s.center[0] - 22.288) < 0.01 && Math.abs(s.center[1] - 113.590) < 0.01, `centre ${s.center}`);
  await screenshot(page, 'finding-selected');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('every hub is labelled, and no label hides under a window or another label', async () => {
  const { page, context } = await openPage(env);
  const s = await waitReady(page);
  const png = await screenshot(page, 'scenario-labels');
  const names = await page.evaluate(() => fetch('assets/scenarios/gba.json').then((r) => r.json()).then((d) => d.hubs.map((h) => h.name)));
  const labelled = new Set(s.labels.map((l) => l.text));
  for (const name of names) assert.ok(labelled.has(name), `hub "${name}" has a label`);
  const overlap = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  assert.ok(s.windows.length >= 3, 'the panels are known');
  for (const [i, l] of s.labels.entries()) {
    for (const w of s.windows) assert.ok(!overlap(l.rect, w), `"${l.text}" ${l.rect} is under a window ${w}`);
    for (const other of s.labels.slice(i + 1)) assert.ok(!overlap(l.rect, other.rect), `"${l.text}" overlaps "${other.text}"`);
    // The text is there: some pixels inside its box are dark ink.
    const [x, y, w, h] = l.rect.map(Math.round);
    let ink = 0;
    for (let py = y; py < y + h; py++) for (let px = x; px < x + w; px++) if (Math.min(...pixel(png, px, py)) < 110) ++ink;
    assert.ok(ink > 10, `"${l.text}" is drawn (${ink} dark pixels)`);
  }
  await context.close();
});
