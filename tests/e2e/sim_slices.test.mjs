// A busy day simulates off the frame: frames keep coming while it runs, Cancel stops it, and
// run to the end it gives the command-line tool's figures for the same scenario and seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, waitReady, waitForState as waitForStateWithin, screenshot } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const waitForState = (page, predicate, arg) => waitForStateWithin(page, predicate, arg, { timeout: 60000 });
const click = (page, r) => page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);

test('a busy day runs a slice a frame, cancels, and ends with the CLI figures', async () => {
  // The default scenario with eighty times its daily demand and eight times its fleet (about 40,000 orders).
  const scenario = JSON.parse(readFileSync(join(ROOT, 'assets/scenarios/gba.json'), 'utf8'));
  scenario.name = 'Busy GBA day';
  for (const r of scenario.demand.rates) r.per_day *= 80;
  for (const f of scenario.fleet) f.count *= 8;
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-busy-'));
  const file = join(dir, 'busy.json');
  writeFileSync(file, JSON.stringify(scenario));
  // Exit 1: some orders can never be served at this scale (the report says which); the figures are written.
  const cliRun = spawnSync(join(ROOT, 'build/native/lowsky'), ['simulate', file, '--report', join(dir, 'day.json')]);
  assert.ok(cliRun.status === 0 || cliRun.status === 1, `lowsky simulate: ${cliRun.stderr}`);
  const cli = JSON.parse(readFileSync(join(dir, 'day.json'), 'utf8')).kpis;

  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'busy.json', { type: 'application/json' }));
    document.querySelector('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(scenario));
  let s = await waitForState(page, () => window.lowsky.state.scenarioName === 'Busy GBA day');
  // Every frame's time, from the browser's own clock.
  await page.evaluate(() => {
    window.frameTimes = [];
    const tick = (t) => { window.frameTimes.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });

  await page.mouse.move(640, 650);
  await page.waitForTimeout(1000);
  const idle = await page.evaluate(() => window.frameTimes.slice());
  const idleGaps = idle.slice(1).map((t, i) => t - idle[i]).sort((a, b) => a - b);
  console.log(`# idle: ${idleGaps.length} frames a second, median gap ${idleGaps[Math.floor(idleGaps.length / 2)]?.toFixed(1)} ms`);
  // Started, then cancelled part way: no result, the panel ready to run again. (The panels have
  // settled since the scenario opened: "Opened busy.json" moved the simulation panel down.)
  s = await page.evaluate(() => window.lowsky.state);
  await click(page, s.ui.simulate);
  s = await waitForState(page, () => window.lowsky.state.simRun.running && window.lowsky.state.simRun.progress > 0.05);
  assert.ok(s.simRun.progress < 0.6, `still running when Cancel is pressed: ${s.simRun.progress}`);
  await screenshot(page, 'busy-day-running');
  await click(page, s.ui['sim.cancel']);
  s = await waitForState(page, () => !window.lowsky.state.simRun.running);
  assert.equal(s.sim, undefined, 'a cancelled day leaves no result');

  // Run to the end, the frames recorded.
  await page.evaluate(() => { window.frameTimes = []; });
  await click(page, s.ui.simulate);
  s = await waitForState(page, () => !!window.lowsky.state.sim);
  const times = await page.evaluate(() => window.frameTimes);
  const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  const longest = gaps[gaps.length - 1], median = gaps[Math.floor(gaps.length / 2)];
  console.log(`# busy day: ${s.sim.orders} orders in ${s.sim.runMs.toFixed(0)} ms of engine time, ${s.sim.slices} slices, longest ` +
              `${s.sim.longestSliceMs.toFixed(1)} ms; frames ${gaps.length}, gaps median ${median.toFixed(1)} ms, longest ${longest.toFixed(1)} ms ` +
              `(the gaps include SwiftShader's software rendering of the whole map)`);
  assert.ok(s.sim.slices > 5, `the day ran in slices: ${s.sim.slices}`);
  assert.ok(gaps.length >= 5, `frames kept coming: ${gaps.length}`);
  assert.equal(s.sim.orders, cli.orders);
  assert.equal(s.sim.delivered, cli.delivered);
  assert.equal(s.sim.onTimeShare, cli.on_time_share);
  assert.equal(s.sim.conflicts, cli.conflicts);
  assert.equal(s.sim.lossesOfSeparation, cli.losses_of_separation);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
