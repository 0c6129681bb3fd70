// Operators export a mission from the browser and import mission files back as an overlay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, waitReady, waitForState, screenshot } from './harness.mjs';
import { qgcLoadPlan, mavsdkLoadPlan } from '../formats/ground_station_rules.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLDEN = join(ROOT, 'tests', 'golden', 'missions');
const BROKEN = join(ROOT, 'tests', 'fixtures', 'missions', 'broken');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function click(page, name) {
  const [x, y, w, h] = (await page.evaluate(() => window.lowsky.state)).ui[name];
  await page.mouse.click(x + w / 2, y + h / 2);
}

// As a person picks from a dropdown: point, press, release, each seen by a frame of its own.
async function pick(page, name) {
  const [x, y, w, h] = (await page.evaluate(() => window.lowsky.state)).ui[name];
  await page.mouse.move(x + w / 2, y + h / 2);
  await page.waitForTimeout(50);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.up();
}

test('exporting the default route downloads the same .plan as the command-line tool', async () => {
  const { page, context, problems } = await openPage(env);
  const s = await waitReady(page);
  assert.ok(s.mission.preview.legs === 2, JSON.stringify(s.mission));
  const download = page.waitForEvent('download');
  await click(page, 'export');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'baoan-ops-songshan-lake.px4.plan');
  const text = readFileSync(await file.path(), 'utf8');
  assert.equal(text, readFileSync(join(GOLDEN, 'baoan-songshan.px4.plan'), 'utf8'));
  assert.equal(qgcLoadPlan(text), null);
  assert.equal(mavsdkLoadPlan(text), null);
  const after = await waitForState(page, () => window.lowsky.state.mission.lastMessage.startsWith('Saved'));
  assert.equal(after.mission.lastFailed, false);
  await screenshot(page, 'mission-exported');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('the route preview shows what the safety gate decides, for the return chosen, as the command-line tool does', async () => {
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  // The default choice: Bao'an to Songshan Lake by VTOL, back through the corridors, .plan for PX4.
  const cli = (ret) => JSON.parse(execFileSync(join(ROOT, 'build/native/lowsky'),
    ['route', join(ROOT, 'assets/scenarios/gba.json'), '--from', 'baoan-ops', '--to', 'songshan-lake', '--drone', 'vtol-fixed-wing',
     '--firmware', 'px4', '--return', ret, '--json'], { encoding: 'utf8' })).mission;
  const corridors = cli('corridors');
  assert.equal(ready.mission.preview.gate_passed, true);
  assert.equal(ready.mission.preview.energy_wh, corridors.energy_wh);
  assert.equal(ready.mission.preview.mission_time_s, corridors.time_s);

  // RTL flies straight home, out of the corridors: the preview says the gate refuses, and why.
  await pick(page, 'return');
  await waitForState(page, () => !!window.lowsky.state.ui['return/1']);
  await pick(page, 'return/1');
  const rtl = await waitForState(page, () => window.lowsky.state.mission.preview.gate_passed === false);
  const expected = cli('rtl');
  assert.equal(rtl.mission.preview.energy_wh, expected.energy_wh);
  assert.deepEqual(rtl.mission.preview.gate_failures, expected.failures.map((f) => f.check));
  assert.ok(rtl.mission.preview.energy_wh !== corridors.energy_wh);
  await screenshot(page, 'mission-preview-refused');

  // Export decides the same.
  await click(page, 'export');
  const refused = await waitForState(page, () => window.lowsky.state.mission.lastFailed === true);
  assert.match(refused.mission.lastMessage, /safety gate refuses/);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('an imported .waypoints file shows as an overlay', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'import');
  await (await chooser).setFiles(join(GOLDEN, 'xiangzhou-dongao.ardupilot.waypoints'));
  const s = await waitForState(page, () => !!(window.lowsky.state.mission && window.lowsky.state.mission.overlay));
  assert.equal(s.mission.overlay.format, 'waypoints');
  // The file's item lines, less the header and line 0 (home, which is not a mission item).
  const lines = readFileSync(join(GOLDEN, 'xiangzhou-dongao.ardupilot.waypoints'), 'utf8').trim().split('\n');
  assert.match(s.mission.overlay.summary, new RegExp(`^${lines.length - 2} mission items`));
  await screenshot(page, 'mission-imported');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a broken mission file is refused with the reason, and nothing else changes', async () => {
  const { page, context } = await openPage(env);
  const before = await waitReady(page);
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'import');
  await (await chooser).setFiles(join(BROKEN, 'six-params.plan'));
  const s = await waitForState(page, () => window.lowsky.state.notices.some((n) => n.title === 'Import refused'));
  const notice = s.notices.find((n) => n.title === 'Import refused');
  assert.match(notice.detail, /six-params\.plan/);
  assert.match(notice.detail, /\$\.mission\.items\[2\]\.params: params must contain 7 values/);
  assert.equal(s.scenario, 'ready');
  assert.equal(s.corridors, before.corridors);
  assert.equal(s.mission.overlay, undefined);
  await screenshot(page, 'mission-import-refused');
  await context.close();
});
