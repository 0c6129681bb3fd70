// The day's results in the browser: its conflicts and losses of separation on the timeline and
// the map, each one looked at with a click (which drones, when, how close), and the report and
// tables downloaded as the very files `lowsky simulate --report/--csv` writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
  assert.ok(s.ui['sim.emergencies'][2] > 100, 'the emergency line is drawn');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
