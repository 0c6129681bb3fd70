// Figures of the browser app for the closing notes (measured, never asserted in tests):
//   node bench/web_figures.mjs        (after scripts/test or scripts/serve has built build/web)
// - download size of the app: each file raw and gzip -9, and the total;
// - time from navigation to the first rendered frame, and to "ready" (assets loaded and
//   drawn), in headless Chromium on localhost, median of 5 fresh page loads;
// - CPU time of an idle map refresh (nothing to draw), and of a full redraw of the map;
// - frame CPU time while a corridor vertex is dragged with the mouse (each step an edit, its
//   live checks and the redraw), on the default scenario and on the generated one of 300
//   corridors and 100 zones (written by: build/native/bench/lowsky_bench --write-editing-network);
// - a busy day simulating in the page (the default scenario with 80 times its demand and 8 times
//   its fleet, as tests/e2e/sim_slices.test.mjs): the engine's longest slice, and each frame's
//   own work (input, the slice, the interface) and time between frames while it runs;
// - frames in 3D while the view turns a degree a frame (the faces sorted again each frame), on
//   the default scenario and on the busiest day the default network flies (400 times its
//   demand, 100 times its fleet, pads and chargers: about 880 drones in the air at its busiest
//   moment; the corridors' deconfliction holds the rest on the ground), simulated in the page,
//   and on the generated region-wide day of 200,000 orders and 3,000 drones at its busiest
//   moment (over 2,000 drones in the air; build/native/bench/lowsky_sim_bench write-region-day).
//   node bench/web_figures.mjs 3d   measures only these (3d region: only the region-wide day).
// - the generated region-wide day of 100,000 orders and 1,500 drones (issue 17): simulated in the
//   page (each frame's own work, the engine's longest slice, and what the page's main thread did
//   meanwhile: how long it ran, and waited for a core), run again in the same page (its code
//   compiled by then), then played back from its
//   busiest moment at 1 min/s in the plan view (the time between animation frames, each frame's
//   own work and its CPU time with the GL calls, the triangles drawn, how often the cached map
//   layer was drawn and copied, and the drones in the air), then the same frames without the cache.
//   node bench/web_figures.mjs region-day   measures only this.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const only3d = process.argv.includes('3d');

// Frames of the view turning, measured in the page: each frame's own work and its CPU time
// with the GL submission.
async function turningFrames(page, label) {
  // One frame per animation frame, as the app draws them (frames drawn back to back would pile
  // up work for the software GPU, which the next animation frame then waits for).
  const r = await page.evaluate(async () => {
    const cpu = [], update = [];
    for (let i = 0; i < 170; i++) {
      await new Promise((done) => requestAnimationFrame(done));
      const f = JSON.parse(UTF8ToString(Module._lowsky_measure_turning_frames(1, 1)));
      if (i >= 10) cpu.push(f.cpu[0]), update.push(f.update[0]);  // the first ten warm up
    }
    return { cpu, update };
  });
  const s = await page.evaluate(() => window.lowsky.state);
  console.log(`${label}: frame CPU median ${median(r.cpu).toFixed(2)} ms, p95 ${p95(r.cpu).toFixed(2)} ms (own work median ${median(r.update).toFixed(2)} ms, ` +
              `p95 ${p95(r.update).toFixed(2)} ms; ${r.cpu.length} frames; ${s.view.faces} faces sorted in ${s.view.sortMs.toFixed(2)} ms; ` +
              `${s.sim ? s.sim.airborne : 0} drones in the air)`);
}

async function to3d(page) {
  await page.mouse.move(640, 650);
  await page.keyboard.press('t');
  await page.waitForFunction(() => window.lowsky.state.view.heightsShown === 1, null, { timeout: 10000 });
}

// Opens the default scenario with its demand, fleet (and, when asked, pads and chargers)
// multiplied, and starts its day simulating.
async function startScaledDay(env, name, { demand, fleet, pads = 1 }) {
  const scenario = JSON.parse(readFileSync(join(DIST, 'assets', 'scenarios', 'gba.json'), 'utf8'));
  scenario.name = name;
  for (const r of scenario.demand.rates) r.per_day *= demand;
  for (const f of scenario.fleet) f.count *= fleet;
  for (const h of scenario.hubs) {
    h.pad_count = (h.pad_count ?? 1) * pads;
    if (h.energy_points) h.energy_points *= pads;
  }
  return startDay(env, JSON.stringify(scenario));
}

// Opens a scenario document and starts its day simulating.
async function startDay(env, text) {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const ok = await page.evaluate((t) => { const p = stringToNewUTF8(t); const r = Module._lowsky_open_scenario_json(p); _free(p); return r; }, text);
  if (!ok) throw new Error('the scenario did not open');
  await page.waitForTimeout(500);
  await clickSimulate(page);
  return { page, context };
}

// Clicks the simulation panel's button (Simulate the day, or Simulate again).
async function clickSimulate(page) {
  const ui = await page.evaluate(() => window.lowsky.state.ui);
  await page.mouse.click(ui.simulate[0] + ui.simulate[2] / 2, ui.simulate[1] + ui.simulate[3] / 2);
}

async function figures3d(env, { regionOnly = false } = {}) {
  if (!regionOnly) {
    const { page, context } = await openPage(env);
    await waitReady(page);
    await turningFrames(page, 'Plan view, default scenario (for comparison)');
    await to3d(page);
    await turningFrames(page, '3D, default scenario, turning a degree a frame');
    await context.close();
  }
  if (!regionOnly) {
    const { page, context } = await startScaledDay(env, 'The busiest GBA day', { demand: 400, fleet: 100, pads: 100 });
    await page.waitForFunction(() => window.lowsky.state.sim && !window.lowsky.state.simRun.running, null, { timeout: 600000, polling: 1000 });
    await to3d(page);
    const s = await page.evaluate(() => window.lowsky.state.sim);
    await turningFrames(page, `3D, ${s.orders} orders, at ${(s.t_s / 3600).toFixed(2)} h, turning a degree a frame`);
    await context.close();
  }
  {
    // The generated region-wide day, grown until over 2,000 drones fly at once; the command-line
    // tool's series says when that is, and the page is shown that moment.
    const dir = mkdtempSync(join(tmpdir(), 'lowsky-fig-'));
    const file = join(dir, 'region.json');
    execFileSync(join(DIST, '..', '..', 'native', 'bench', 'lowsky_sim_bench'), ['write-region-day', file, '200000', '3000']);
    try { execFileSync(join(DIST, '..', '..', 'native', 'lowsky'), ['simulate', file, '--csv', join(dir, 'csv')]); } catch (e) { if (e.status !== 1) throw e; }
    const rows = readFileSync(join(dir, 'csv', 'series.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const peak = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
    const { page, context } = await startDay(env, readFileSync(file, 'utf8'));
    await page.waitForFunction(() => window.lowsky.state.sim && !window.lowsky.state.simRun.running, null, { timeout: 1800000, polling: 1000 });
    if (!await page.evaluate((t) => Module._lowsky_seek_playback(t), peak[0])) throw new Error('no day to seek');
    await to3d(page);
    const s = await page.evaluate(() => window.lowsky.state.sim);
    if (s.airborne !== peak[1]) throw new Error(`the page shows ${s.airborne} drones in the air at ${peak[0]} s, the command-line tool ${peak[1]}`);
    await turningFrames(page, `3D, generated region-wide day (${s.orders} orders, 3,000 drones), at ${(s.t_s / 3600).toFixed(2)} h, turning a degree a frame`);
    await context.close();
  }
}

// The main threads of Chromium's renderer processes (Linux): for each, the time it ran and the
// time it waited, ready, for a core (ns, /proc/PID/schedstat), and how often it was taken off one.
function renderersNow() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const [ran, waited] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
      const taken = +readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8').match(/^nonvoluntary_ctxt_switches:\s+(\d+)/m)[1];
      out.set(pid, { ran, waited, taken });
    } catch { /* gone, or not Linux */ }
  }
  return out;
}

// What the busiest renderer's main thread (the page's) did between two readings.
function mainThreadBetween(before, after) {
  let best = null;
  for (const [pid, a] of after) {
    const b = before.get(pid);
    if (!b) continue;
    const d = { ranMs: (a.ran - b.ran) / 1e6, waitedMs: (a.waited - b.waited) / 1e6, taken: a.taken - b.taken };
    if (!best || d.ranMs > best.ranMs) best = d;
  }
  return best;
}

// Every frame from now until the day simulating in the page is done: [frame, own work, CPU,
// when, running, the day's figures].
async function simulatingFrames(page) {
  const frames = [];
  for (let last = await page.evaluate(() => window.lowsky.state.frame); ;) {
    await page.waitForFunction((f) => window.lowsky.state.frame > f, last, { timeout: 600000 });
    const f = await page.evaluate(() => { const s = window.lowsky.state; return [s.frame, s.frameUpdateMs, s.frameCpuMs, performance.now(), s.simRun.running, s.sim]; });
    last = f[0];
    frames.push(f);
    if (!f[4] && f[5]) break;
  }
  return frames;
}

async function regionDay(env) {
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-fig-'));
  const file = join(dir, 'region.json');
  execFileSync(join(DIST, '..', '..', 'native', 'bench', 'lowsky_sim_bench'), ['write-region-day', file]);
  try { execFileSync(join(DIST, '..', '..', 'native', 'lowsky'), ['simulate', file, '--csv', join(dir, 'csv')]); } catch (e) { if (e.status !== 1) throw e; }
  const rows = readFileSync(join(dir, 'csv', 'series.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const peak = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
  const { page, context } = await startDay(env, readFileSync(file, 'utf8'));
  const before = renderersNow();
  const frames = await simulatingFrames(page);
  const main = mainThreadBetween(before, renderersNow());
  const sim = frames[frames.length - 1][5];
  const update = frames.map((f) => f[1]);
  const gaps = frames.slice(1).map((f, i) => f[3] - frames[i][3]);
  console.log(`Region-wide day simulating in the page (${sim.orders} orders, 1,500 drones): engine ${sim.runMs.toFixed(0)} ms in ${sim.slices} slices, ` +
              `longest slice ${sim.longestSliceMs.toFixed(1)} ms; the frames' own work median ${median(update).toFixed(1)} ms, p95 ${p95(update).toFixed(1)} ms, ` +
              `longest ${Math.max(...update).toFixed(1)} ms; between frames sampled median ${median(gaps).toFixed(1)} ms (${frames.length} frames sampled)`);
  // A slice is timed on the wall clock: on this machine's two cores the software GPU's threads
  // take the page's thread off its core now and then, for a scheduler tick (4 ms) or more.
  if (main) console.log(`  the page's main thread meanwhile: ran ${main.ranMs.toFixed(0)} ms, waited ${main.waitedMs.toFixed(0)} ms for a core, taken off one ${main.taken} times`);
  // The same day run again in the same page: V8 has compiled the engine's code by now (it
  // compiles a function when first called, and again optimised when it runs hot), so what is
  // left of the longest slice is the slices' own.
  await clickSimulate(page);
  await page.waitForFunction(() => window.lowsky.state.simRun.running === true, null, { timeout: 10000 });
  const before2 = renderersNow();
  const again = await simulatingFrames(page);
  const main2 = mainThreadBetween(before2, renderersNow());
  const sim2 = again[again.length - 1][5];
  console.log(`  run again in the same page: engine ${sim2.runMs.toFixed(0)} ms in ${sim2.slices} slices, longest slice ${sim2.longestSliceMs.toFixed(1)} ms; ` +
              `the frames' own work median ${median(again.map((f) => f[1])).toFixed(1)} ms, longest ${Math.max(...again.map((f) => f[1])).toFixed(1)} ms` +
              (main2 ? `; the main thread waited ${main2.waitedMs.toFixed(0)} ms for a core, taken off one ${main2.taken} times` : ''));
  // Played back from a little before its busiest moment, one sample per animation frame.
  if (!await page.evaluate((t) => Module._lowsky_seek_playback(t), Math.max(0, peak[0] - 600))) throw new Error('no day to seek');
  const ui = await page.evaluate(() => window.lowsky.state.ui);
  await page.mouse.click(ui.play[0] + ui.play[2] / 2, ui.play[1] + ui.play[3] / 2);
  await page.waitForFunction(() => window.lowsky.state.sim.playing === true);
  const r = await playbackFrames(page, 300);
  const between = r.at.slice(1).map((t, i) => t - r.at[i]);
  const seconds = (r.at[r.at.length - 1] - r.at[0]) / 1000;
  console.log(`Region-wide day played back at 1 min/s from ${((peak[0] - 600) / 3600).toFixed(2)} h (busiest ${(peak[0] / 3600).toFixed(2)} h, ${peak[1]} in the air): ` +
              `${((r.at.length - 1) / seconds).toFixed(1)} frames a second; between frames median ${median(between).toFixed(1)} ms, p95 ${p95(between).toFixed(1)} ms; ` +
              `own work median ${median(r.update).toFixed(2)} ms, p95 ${p95(r.update).toFixed(2)} ms; with the GL calls median ${median(r.cpu).toFixed(2)} ms; ` +
              `${median(r.triangles)} interface triangles drawn a frame (${r.map.live} in the live layer; the map layer's ${r.map.triangles} ` +
              `drawn ${r.map.redraws} times and copied ${r.map.copies}); ${Math.min(...r.airborne)} to ${Math.max(...r.airborne)} drones in the air ` +
              `(${r.at.length} frames${r.playing ? '' : ', the clock stopped'})`);
  // The same frames drawn without the map layer cache, for comparison.
  await page.evaluate(() => Module._lowsky_set_map_cache(0));
  const off = await playbackFrames(page, 150);
  const offBetween = off.at.slice(1).map((t, i) => t - off.at[i]);
  console.log(`  the same without the map layer cache: between frames median ${median(offBetween).toFixed(1)} ms; own work median ${median(off.update).toFixed(2)} ms; ` +
              `with the GL calls median ${median(off.cpu).toFixed(2)} ms; ${median(off.triangles)} interface triangles drawn a frame (${off.at.length} frames)`);
  await context.close();
}

// `count` frames of the playing day, one per animation frame after ten to settle: when each came,
// its own work, its CPU time with the GL calls, the triangles drawn and the drones in the air, and
// what the map layer cache did over them.
async function playbackFrames(page, count) {
  return page.evaluate(async (count) => {
    const at = [], update = [], cpu = [], triangles = [], airborne = [];
    let map0 = null;
    for (let i = 0; i < count + 10; i++) {
      if (i === 10) map0 = window.lowsky.state.mapLayer;
      await new Promise((done) => requestAnimationFrame(done));
      const s = window.lowsky.state;
      if (i >= 10) at.push(performance.now()), update.push(s.frameUpdateMs), cpu.push(s.frameCpuMs), triangles.push(s.frameTriangles), airborne.push(s.sim.airborne);
    }
    const map1 = window.lowsky.state.mapLayer;
    return { at, update, cpu, triangles, airborne, playing: window.lowsky.state.sim.playing,
             map: { redraws: map1.redraws - map0.redraws, copies: map1.copies - map0.copies, triangles: map1.triangles, live: map1.liveTriangles } };
  }, count);
}

const env = await launch();
try {
  if (only3d) { await figures3d(env, { regionOnly: process.argv.includes('region') }); process.exit(0); }
  if (process.argv.includes('region-day')) { await regionDay(env); process.exit(0); }
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

  // Dragging a vertex: real mouse moves, one frame each, the frame's own CPU time.
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-fig-'));
  const network = join(dir, 'net300.json');
  execFileSync(join(DIST, '..', '..', 'native', 'bench', 'lowsky_bench'), ['--write-editing-network', network]);
  for (const [name, file] of [['default GBA scenario', null], ['300 corridors + 100 zones', network]]) {
    const { page, context } = await openPage(env);
    await waitReady(page);
    if (file) {
      const text = readFileSync(file, 'utf8');
      const ok = await page.evaluate((t) => { const p = stringToNewUTF8(t); const r = Module._lowsky_open_scenario_json(p); _free(p); return r; }, text);
      if (!ok) throw new Error('the generated scenario did not open');
    }
    const doc = await page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));
    // A corridor with an inner vertex in the open middle of the map: click its second segment to
    // select it (away from the hubs at its ends), then drag the vertex after that segment.
    const css = (p) => page.evaluate(([la, lo]) => [Module._lowsky_geo_to_css_x(la, lo), Module._lowsky_geo_to_css_y(la, lo)], [p.lat_deg, p.lon_deg]);
    let target = null;
    for (const c of doc.corridors) {
      if (c.centreline.length < 3) continue;
      const k = c.centreline.length >= 4 ? 2 : 1;
      const [x, y] = await css(c.centreline[k]);
      const [ux, uy] = await css(c.centreline[k - 1]);
      if (x > 420 && x < 820 && y > 160 && y < 560 && Math.hypot(ux - x, uy - y) > 12) { target = { id: c.id, x, y, ux, uy }; break; }
    }
    if (!target) throw new Error(`no corridor to drag in the ${name}`);
    await page.mouse.click(target.x + (target.ux - target.x) * 0.5, target.y + (target.uy - target.y) * 0.5);
    await page.waitForTimeout(200);
    const picked = await page.evaluate(() => window.lowsky.state.edit.selection);
    if (!picked.some((x) => x.id === target.id)) throw new Error(`clicking ${target.id} selected ${JSON.stringify(picked)}`);
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    const times = [];
    for (let i = 1; i <= 120; i++) {
      const before = await page.evaluate(() => window.lowsky.state.frame);
      await page.mouse.move(target.x + 10 * Math.sin(i / 10), target.y + i * 0.5);
      await page.waitForFunction((f) => window.lowsky.state.frame > f, before);
      times.push(await page.evaluate(() => [window.lowsky.state.frameUpdateMs, window.lowsky.state.frameCpuMs]));
    }
    await page.mouse.up();
    const s = await page.evaluate(() => window.lowsky.state);
    const update = times.map((x) => x[0]), whole = times.map((x) => x[1]);
    console.log(`Dragging a vertex, ${name}: the app's frame work (input, edit, live checks, interface) median ${median(update).toFixed(2)} ms, ` +
                `p95 ${p95(update).toFixed(2)} ms; with the GL submission (software rendering here) median ${median(whole).toFixed(1)} ms ` +
                `(${times.length} frames; undo "${s.edit.undo}", ${s.findings.count} findings live)`);
    await context.close();
  }

  // A busy day simulating: every frame while it runs.
  {
    const { page, context } = await startScaledDay(env, 'Busy GBA day', { demand: 80, fleet: 8 });
    const frames = await simulatingFrames(page);
    const sim = frames[frames.length - 1][5];
    const update = frames.map((f) => f[1]), cpu = frames.map((f) => f[2]);
    console.log(`A busy day simulating (${sim.orders} orders): engine ${sim.runMs.toFixed(0)} ms in ${sim.slices} slices, longest slice ` +
                `${sim.longestSliceMs.toFixed(1)} ms; the frames' own work median ${median(update).toFixed(1)} ms, p95 ${p95(update).toFixed(1)} ms, ` +
                `longest ${Math.max(...update).toFixed(1)} ms; with the GL submission (software rendering here) median ${median(cpu).toFixed(1)} ms, ` +
                `longest ${Math.max(...cpu).toFixed(1)} ms (${frames.length} frames sampled)`);
    await context.close();
  }
  await figures3d(env);
} finally {
  await env.close();
}
