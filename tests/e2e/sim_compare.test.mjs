// Every setting of the day in the panel, and two days side by side: the figures of a pinned day
// next to those of a day with other settings, each the command-line tool's for those settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const click = (page, r) => page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);

function cliKpis(...options) {
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-compare-'));
  execFileSync(join(ROOT, 'build/native/lowsky'), ['simulate', join(ROOT, 'assets/scenarios/gba.json'), ...options, '--report', join(dir, 'day.json')]);
  return JSON.parse(readFileSync(join(dir, 'day.json'), 'utf8')).kpis;
}

async function setField(page, name, text, settled) {
  const s = await waitForState(page, (k) => !!window.lowsky.state.ui[k], name);
  await click(page, s.ui[name]);
  await waitForState(page, () => window.lowsky.state.typing);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  return waitForState(page, settled);
}

test('a day with twice the demand and a longer headway, next to the pinned default day, each as the CLI has it', async () => {
  const base = cliKpis();
  const busy = cliKpis('--demand-scale', '2', '--headway', '30');
  assert.ok(busy.orders > base.orders * 1.5, 'twice the demand draws about twice the orders');

  const { page, context, problems } = await openPage(env, { viewport: { width: 1280, height: 1000 } });
  let s = await waitReady(page);
  assert.equal(s.simSettings.demandScale, 1);
  await click(page, s.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui['sim.pin']);
  s = await waitSettled(page);  // the panel grown to its results
  assert.equal(s.sim.orders, base.orders);
  await click(page, s.ui['sim.pin']);
  s = await waitForState(page, () => !!window.lowsky.state.sim.pinned);
  assert.equal(s.sim.pinned.orders, base.orders);

  await click(page, s.ui['sim.settings']);
  await setField(page, 'sim.demand', '2', () => window.lowsky.state.simSettings.demandScale === 2);
  s = await setField(page, 'sim.headway', '30', () => window.lowsky.state.simSettings.headway_s === 30);
  assert.equal(s.simSettings.dispatch, 'smallest-battery');
  await click(page, s.ui.simulate);
  s = await waitForState(page, (n) => window.lowsky.state.sim?.orders !== n && !window.lowsky.state.simRun.running, base.orders);
  assert.equal(s.sim.orders, busy.orders);
  assert.equal(s.sim.delivered, busy.delivered);
  assert.equal(s.sim.onTimeShare, busy.on_time_share);
  assert.equal(s.sim.conflicts, busy.conflicts);
  // Side by side: the pinned day is still the default one.
  assert.equal(s.sim.pinned.orders, base.orders);
  assert.equal(s.sim.pinned.delivered, base.delivered);
  assert.equal(s.sim.pinned.demandScale, 1);
  assert.ok(s.ui['sim.compare'], 'the comparison table is on screen');
  await screenshot(page, 'sim-compare');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
