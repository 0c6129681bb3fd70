// Operators export a mission from the browser and import mission files back as an overlay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

test('an imported .waypoints file shows as an overlay', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'import');
  await (await chooser).setFiles(join(GOLDEN, 'xiangzhou-dongao.ardupilot.waypoints'));
  const s = await waitForState(page, () => !!(window.lowsky.state.mission && window.lowsky.state.mission.overlay));
  assert.equal(s.mission.overlay.format, 'waypoints');
  assert.match(s.mission.overlay.summary, /^15 mission items/);
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
