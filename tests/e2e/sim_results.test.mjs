// The day's results in the browser: its conflicts and losses of separation on the timeline and
// the map, each one looked at with a click (which drones, when, how close), and the report and
// tables downloaded as the very files `lowsky simulate --report/--csv` writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot, pixel, geoToCss, near } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFLICT = [255, 196, 60];  // the conflict ring's colour

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const click = (page, r) => page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);

function cliDay() {
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-results-'));
  execFileSync(join(ROOT, 'build/native/lowsky'), ['simulate', join(ROOT, 'assets/scenarios/gba.json'), '--report', join(dir, 'day.json'), '--csv', join(dir, 'csv')]);
  return { dir, report: JSON.parse(readFileSync(join(dir, 'day.json'), 'utf8')) };
}

test('a conflict of the day is on the timeline and, clicked, shown at its time and place with its drones', async () => {
  const { report } = cliDay();
  assert.ok(report.conflicts.length > 0, 'the default day has conflicts to show');
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.chart']);
  let s = await waitSettled(page);  // the panel grown to its results
  assert.equal(s.sim.encounters, report.conflicts.length + report.losses_of_separation.length);

  // A conflict whose tick stands apart from the others' (ticks are picked within 4 px).
  const chart = s.ui['sim.chart'];
  const day = report.hours * 3600;
  const xOf = (e) => chart[0] + e.closest_s / day * chart[2];
  const all = [...report.conflicts, ...report.losses_of_separation];
  const index = report.conflicts.findIndex((e) => all.every((o) => o === e || Math.abs(xOf(o) - xOf(e)) > 6));
  assert.ok(index >= 0, 'a conflict with a tick of its own');
  const want = report.conflicts[index];
  await page.mouse.click(xOf(want), chart[1] + 3);
  s = await waitForState(page, (i) => window.lowsky.state.sim.encounter?.index === i, index);
  assert.equal(s.sim.encounter.kind, 'conflict');
  assert.equal(s.sim.encounter.droneA, want.drone_a);
  assert.equal(s.sim.encounter.droneB, want.drone_b);
  assert.equal(s.sim.encounter.closest_s, want.closest_s);
  assert.equal(s.sim.t_s, want.closest_s, 'the playback went to when they were closest');
  assert.ok(Math.abs(s.sim.encounter.lat - want.lat_deg) < 1e-9 && Math.abs(s.sim.encounter.lon - want.lon_deg) < 1e-9);
  // The map flies there and rings it.
  s = await waitForState(page, (w) => {
    const st = window.lowsky.state;
    return st.zoom >= 13 && Math.abs(st.center[0] - w.lat_deg) < 1e-6 && Math.abs(st.center[1] - w.lon_deg) < 1e-6;
  }, want);
  await page.waitForTimeout(200);
  const png = await screenshot(page, 'sim-conflict');
  const [x, y] = await geoToCss(page, want.lat_deg, want.lon_deg);
  const ring = [[11, 0], [-11, 0], [0, 11], [0, -11]].map(([dx, dy]) => pixel(png, x + dx, y + dy));
  const amber = ring.filter((p) => near(p, CONFLICT, 45)).length;
  assert.ok(amber >= 2, `the picked conflict is ringed at its place: ${JSON.stringify(ring)}`);

  // The arrow steps to the next one.
  await click(page, s.ui['sim.encounter.next']);
  s = await waitForState(page, (i) => window.lowsky.state.sim.encounter?.index === i + 1, index);
  const next = all[index + 1];
  assert.equal(s.sim.encounter.closest_s, next.closest_s);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the hub under the pointer shows its queues at the playback time, as the report has them', async () => {
  const { report } = cliDay();
  const scenario = JSON.parse(readFileSync(join(ROOT, 'assets/scenarios/gba.json'), 'utf8'));
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.chart']);
  let s = await waitSettled(page);  // the panels at their final size
  // The busiest sample of any hub in view and clear of the panels.
  const inWindow = (p) => s.windows.some(([wx, wy, ww, wh]) => p[0] >= wx - 8 && p[0] <= wx + ww + 8 && p[1] >= wy - 8 && p[1] <= wy + wh + 8);
  let best = null;
  for (const h of report.hubs) {
    const hub = scenario.hubs.find((x) => x.id === h.id);
    const at = await geoToCss(page, hub.position.lat_deg, hub.position.lon_deg);
    if (inWindow(at) || at[0] < 10 || at[1] < 70 || at[0] > 1270 || at[1] > 680) continue;
    h.series.charging.forEach((c, k) => {
      const load = c + h.series.waiting[k];
      if (!best || load > best.load) best = { id: h.id, at, k, load, series: h.series };
    });
  }
  assert.ok(best && best.load > 0, 'a hub with something queued');
  // Seek there on the chart (low in it, clear of the encounter ticks), then point at the hub.
  const chart = s.ui['sim.chart'], step = report.series[1].t_s;
  await page.mouse.click(chart[0] + (best.k + 0.5) * step / (report.hours * 3600) * chart[2], chart[1] + chart[3] - 4);
  s = await waitForState(page, (k) => Math.floor(window.lowsky.state.sim.t_s / 900) === k, best.k);
  await page.mouse.move(best.at[0], best.at[1]);
  s = await waitForState(page, (id) => window.lowsky.state.sim.hubQueue?.hub === id, best.id);
  assert.equal(s.sim.hubQueue.sample, best.k);
  assert.equal(s.sim.hubQueue.waiting, best.series.waiting[best.k]);
  assert.equal(s.sim.hubQueue.padQueue, best.series.pad_queue[best.k]);
  assert.equal(s.sim.hubQueue.charging, best.series.charging[best.k]);
  await screenshot(page, 'sim-hub-queue');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the day in charts: each over the day seeks the playback where it is clicked, the histogram to a delivery of the bin clicked', async () => {
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.charts']);
  let s = await waitSettled(page);  // the panel grown to its results
  await click(page, s.ui['sim.charts']);
  await waitForState(page, () => ['chart.deliveries', 'chart.airborne', 'chart.histogram', 'chart.battery', 'chart.queues'].every((k) => !!window.lowsky.state.ui[k]));
  s = await waitSettled(page);  // the window placed and sized
  await screenshot(page, 'sim-charts');
  for (const name of ['chart.deliveries', 'chart.battery', 'chart.queues']) {
    let r = s.ui[name];
    await page.mouse.click(r[0] + r[2] - 2, r[1] + 10);  // the right end: the end of the day
    await waitForState(page, () => window.lowsky.state.sim.t_s > 0.99 * 86400);
    s = await waitSettled(page);  // the charts redrawn at the new time before the next click
    r = s.ui[name];
    await page.mouse.click(r[0] + r[2] * 0.55, r[1] + 10);  // about the middle (the y axis's labels take the left)
    await waitForState(page, () => window.lowsky.state.sim.t_s > 0.3 * 86400 && window.lowsky.state.sim.t_s < 0.7 * 86400);
    s = await waitSettled(page);
  }
  // The histogram: a click on a bin shows its next delivery after the time shown, the next click
  // the one after. Bins of 10 minutes up to 1.25 × p95 (at least three), the last holding the tail.
  const { report } = cliDay();
  const bins = Math.ceil(Math.max(report.kpis.p95_delivery_s / 60 * 1.25, 30) / 10);
  const binOf = (d) => Math.min(bins - 1, Math.floor((d.delivered_s - d.ready_s) / 600));
  const k = binOf({ ready_s: 0, delivered_s: report.kpis.p50_delivery_s });
  const inBin = report.deliveries.filter((d) => d.delivered && binOf(d) === k).map((d) => d.delivered_s).sort((a, b) => a - b);
  assert.ok(inBin.length >= 2, `bin ${k} has ${inBin.length} deliveries`);
  const bars = s.ui['chart.histogram.bars'];
  for (let step = 0; step < 2; ++step) {
    const now = s.sim.t_s;
    const expected = inBin.find((t) => t > now + 0.0005) ?? inBin[0];
    await page.mouse.click(bars[0] + (k + 0.5) / bins * bars[2], bars[1] + bars[3] / 2);
    s = await waitForState(page, (t) => Math.abs(window.lowsky.state.sim.t_s - t) < 0.001, expected);
    s = await waitSettled(page);
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the report and the tables download as the command-line tool writes them', async () => {
  const { dir } = cliDay();
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.download']);
  await waitSettled(page);
  const fetch = async (item, name, cliFile) => {
    const s = await waitSettled(page);
    await click(page, s.ui['sim.download']);
    await waitForState(page, (k) => !!window.lowsky.state.ui[k], item);
    const menu = await waitSettled(page);  // the menu where it stays
    const download = page.waitForEvent('download');
    await click(page, menu.ui[item]);
    const file = await download;
    assert.equal(file.suggestedFilename(), name);
    assert.equal(readFileSync(await file.path(), 'utf8'), readFileSync(join(dir, cliFile), 'utf8'), `${name} is the CLI's ${cliFile}`);
  };
  await fetch('sim.download.report', 'simulation-report.json', 'day.json');
  for (const table of ['deliveries.csv', 'encounters.csv', 'series.csv']) await fetch(`sim.download.${table}`, table, `csv/${table}`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the day\'s emergencies are shown apart from the deliveries, with the engine\'s response times', async () => {
  const { report } = cliDay();
  // From the scenario itself: its orders marked as emergencies.
  const scenario = JSON.parse(readFileSync(join(ROOT, 'assets/scenarios/gba.json'), 'utf8'));
  const emergencies = scenario.demand.orders.filter((o) => o.priority === 'emergency');
  assert.equal(emergencies.length, 3);
  assert.equal(report.kpis.emergency.orders, emergencies.length);
  const flagged = report.deliveries.filter((d) => d.emergency);
  assert.deepEqual(flagged.map((d) => d.order).sort(), emergencies.map((o) => o.id).sort());
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.emergencies']);
  const s = await waitSettled(page);
  const e = report.kpis.emergency;
  assert.deepEqual(s.sim.emergency, {
    orders: e.orders, delivered: e.delivered, p50ResponseS: e.p50_response_s, p95ResponseS: e.p95_response_s,
    maxResponseS: e.max_response_s, preempted: e.preempted, gaveWay: e.gave_way,
  });
  // The deliveries' count leaves them out.
  assert.equal(s.sim.orders, report.deliveries.length - emergencies.length);
  // So it does the sightseeing loops' departures, counted from the scenario's schedule.
  const departures = scenario.sightseeing.reduce((n, loop) => n + loop.departures.length, 0);
  assert.equal(departures, 5);
  const t = report.kpis.sightseeing;
  assert.equal(t.departures, departures);
  assert.equal(report.sightseeing.length, departures);
  assert.deepEqual(s.sim.sightseeing, { departures: t.departures, flown: t.flown, late: t.late, cancelled: t.cancelled, maxLateS: t.max_late_s });
  assert.equal(t.flown + t.cancelled, departures);
  for (const d of report.sightseeing.filter((x) => x.flown)) assert.ok(d.takeoff_s >= d.scheduled_s && d.landed_s > d.takeoff_s, JSON.stringify(d));
  assert.ok(s.ui['sim.emergencies'][2] > 100, 'the emergency line is drawn');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

// Wheels the simulation panel until the item `name` is inside its window; the settled state.
async function scrollIntoPanel(page, name) {
  const inside = (st) => {
    const r = st.ui[name], w = st.ui['window.simulation'];
    return !!r && !!w && r[1] >= w[1] && r[1] + r[3] <= w[1] + w[3];
  };
  let s = await waitSettled(page);
  for (let i = 0; i < 10 && !inside(s); ++i) {
    const w = s.ui['window.simulation'];
    await page.mouse.move(w[0] + w[2] / 2, w[1] + w[3] / 2);
    await page.mouse.wheel(0, 120);
    s = await waitSettled(page);
  }
  assert.ok(inside(s), `${name} brought into the panel`);
  return s;
}

test('an area closed during playback is simulated again around, as the command-line tool closes it', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  await click(page, s.ui.simulate);
  s = await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.close_area']);
  s = await waitSettled(page);
  // 09:30 on the day chart.
  const chart = s.ui['sim.chart'];
  await page.mouse.click(chart[0] + 34200 / 86400 * chart[2], chart[1] + chart[3] / 2);
  s = await waitForState(page, () => Math.abs(window.lowsky.state.sim.t_s - 34200) < 600);
  const announced = Math.floor(s.sim.t_s / 60) * 60;
  // To the corridor from Xiangzhou Port to Dong'ao Island by the search box: the map shows all of it.
  await click(page, s.ui.search);
  await waitForState(page, () => window.lowsky.state.typing);
  await page.keyboard.type('c-xiangzhou-dongao');
  await page.keyboard.press('Enter');
  await waitForState(page, () => window.lowsky.state.edit.selection[0]?.id === 'c-xiangzhou-dongao');
  await waitSettled(page);
  await page.keyboard.press('Escape');  // the search result's selection, and its panels
  await waitForState(page, () => window.lowsky.state.edit.selection.length === 0 && !window.lowsky.state.typing);
  s = await waitSettled(page);
  // A box of sea across the only corridor to the island, corner by corner, then Enter. At this
  // size the button is below the panel's fold: the wheel over the panel brings it up.
  s = await scrollIntoPanel(page, 'sim.close_area');
  await click(page, s.ui['sim.close_area']);
  await waitForState(page, () => window.lowsky.state.edit.tool === 'Close area');
  const box = [[22.155, 113.69], [22.155, 113.735], [22.195, 113.735], [22.195, 113.69]];
  for (const [lat, lon] of box) {
    const [x, y] = await geoToCss(page, lat, lon);
    const covered = Object.entries(s.ui).some(([name, r]) => name.startsWith('window.') && x >= r[0] && x <= r[0] + r[2] && y >= r[1] && y <= r[1] + r[3]);
    assert.ok(!covered && x > 0 && x < 1280 && y > 70 && y < 640, `corner ${lat},${lon} at ${x},${y} is on the free map`);
    await page.mouse.click(x, y);
  }
  await waitForState(page, () => window.lowsky.state.edit.drawing === 4);
  await page.keyboard.press('Enter');
  s = await waitForState(page, () => !!window.lowsky.state.sim?.restriction && !window.lowsky.state.simRun.running, undefined, { timeout: 30000 });
  const closed = s.sim.restriction;
  assert.equal(closed.announcedS, announced);
  assert.equal(closed.startS, announced + 1800);
  assert.equal(closed.endS, announced + 5400);
  assert.equal(closed.polygon.length, 4);
  closed.polygon.forEach(([lat, lon], i) => assert.ok(Math.abs(lat - box[i][0]) < 0.002 && Math.abs(lon - box[i][1]) < 0.002, `corner ${i}`));
  assert.equal(s.sim.t_s, announced, 'the playback opens at the announcement');
  // While it is closed the area is filled red on the map: water there turns redder than green.
  s = await waitSettled(page);
  const chartNow = s.ui['sim.chart'];
  await page.mouse.click(chartNow[0] + (closed.startS + 900) / 86400 * chartNow[2], chartNow[1] + chartNow[3] / 2);
  s = await waitForState(page, (w) => window.lowsky.state.sim.t_s > w.startS && window.lowsky.state.sim.t_s < w.endS, closed);
  await page.waitForTimeout(200);
  const png = await screenshot(page, 'sim-closed-area');
  const [ix, iy] = await geoToCss(page, 22.16, 113.725);  // inside the box, off the corridor
  const inside = pixel(png, ix, iy);
  assert.ok(inside[0] > inside[1] + 10, `the closed area is tinted red at ${ix},${iy}: ${inside}`);
  // The same area, closed by the command-line tool at the same minute.
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-closed-'));
  const ring = [...closed.polygon, closed.polygon[0]].map(([lat, lon]) => [lon, lat]);
  writeFileSync(join(dir, 'area.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: closed.id,
    properties: { kind: 'zone', zone_kind: 'no_fly', jurisdiction: 'mainland', floor: { value_m: 0, reference: 'above_ground' }, ceiling: { value_m: 1000, reference: 'above_ground' } },
    geometry: { type: 'Polygon', coordinates: [ring] } }] }));
  const clock = (t) => `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor(t % 3600 / 60)).padStart(2, '0')}`;
  execFileSync(join(ROOT, 'build/native/lowsky'), ['simulate', join(ROOT, 'assets/scenarios/gba.json'), '--restriction', join(dir, 'area.geojson'),
    '--at', clock(closed.startS), '--for', '60m', '--notice', '30m', '--report', join(dir, 'day.json')]);
  const report = JSON.parse(readFileSync(join(dir, 'day.json'), 'utf8'));
  const r = report.kpis.restrictions;
  assert.deepEqual([closed.replanned, closed.rerouted, closed.delayed, closed.cancelled, closed.diverted, closed.airborneThrough],
                   [r.replanned, r.rerouted, r.delayed, r.cancelled, r.diverted, r.airborne_through]);
  assert.equal(s.sim.delivered, report.kpis.delivered);
  // The island has one corridor: nothing can go round, and the island's deliveries in the hour wait.
  assert.equal(closed.rerouted, 0);
  assert.ok(closed.delayed > 0, `${closed.delayed} held`);
  // Reopened: the day as it was.
  s = await scrollIntoPanel(page, 'sim.reopen');
  await click(page, s.ui['sim.reopen']);
  s = await waitForState(page, () => !window.lowsky.state.sim?.restriction && !window.lowsky.state.simRun.running && !!window.lowsky.state.ui['sim.close_area'], undefined, { timeout: 30000 });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
