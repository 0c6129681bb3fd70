// An inspector draws an area on the map with the Survey tool, sees the pattern with its time and
// energy, and exports it as a .plan that the ground stations load: the lines are counted from the
// area's own width (docs/missions.md's rule), the file against the loaders' rules and the
// command-line tool's file for the same area.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot, geoToCss, state, ROOT } from './harness.mjs';
import { qgcLoadPlan, mavsdkLoadPlan } from '../formats/ground_station_rules.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function click(page, rect) {
  await page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
}

// East-west metres between two longitudes at a latitude, on the WGS84 ellipsoid (the radius of
// the parallel), worked here and not taken from the engine.
function eastWestMetres(latDeg, lonA, lonB) {
  const a = 6378137, e2 = 0.00669437999014, phi = latDeg * Math.PI / 180;
  const parallel = a * Math.cos(phi) / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return Math.abs(lonB - lonA) * Math.PI / 180 * parallel;
}

test('a survey drawn on the map shows its lines, time and energy, and exports a .plan the ground stations load', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  // To the Qianhai hub by the search box.
  await click(page, s.ui.search);
  await waitForState(page, () => window.lowsky.state.typing);
  await page.keyboard.type('qianhai-hub');
  await page.keyboard.press('Enter');
  await waitForState(page, () => window.lowsky.state.edit.selection[0]?.id === 'qianhai-hub');
  await waitSettled(page);
  await page.keyboard.press('Escape');
  await waitForState(page, () => window.lowsky.state.edit.selection.length === 0 && !window.lowsky.state.typing);
  s = await waitSettled(page);
  // Closer in, over the block, so that a click lands within a couple of metres.
  const box = [[22.530, 113.880], [22.530, 113.8859], [22.534, 113.8859], [22.534, 113.880]];
  const zoomAt = async () => {
    const [x, y] = await geoToCss(page, 22.532, 113.883);
    await page.mouse.move(x, y);
  };
  const widthPx = async () => (await geoToCss(page, 22.532, 113.8859))[0] - (await geoToCss(page, 22.532, 113.880))[0];
  for (let i = 0; i < 10 && await widthPx() < 400; i++) {
    await zoomAt();
    await page.mouse.wheel(0, -300);
    await waitSettled(page);
  }
  assert.ok(await widthPx() >= 400, `the block is ${await widthPx()} px wide on the map`);
  s = await waitSettled(page);
  // The Survey tool by its key, then the corners of a waterfront block south-west of the hub.
  await page.keyboard.press('i');
  await waitForState(page, () => window.lowsky.state.edit.tool === 'Survey');
  for (const [lat, lon] of box) {
    const [x, y] = await geoToCss(page, lat, lon);
    const covered = Object.entries(s.ui).some(([name, r]) => name.startsWith('window.') && x >= r[0] && x <= r[0] + r[2] && y >= r[1] && y <= r[1] + r[3]);
    assert.ok(!covered && x > 0 && x < 1280 && y > 70 && y < 640, `corner ${lat},${lon} at ${x},${y} is on the free map`);
    await page.mouse.click(x, y);
  }
  await waitForState(page, () => window.lowsky.state.edit.drawing === 4);
  await page.keyboard.press('Enter');
  s = await waitForState(page, () => window.lowsky.state.mission?.survey?.lines > 0);
  const survey = s.mission.survey;
  assert.equal(survey.error, '');
  assert.equal(survey.area.length, 4);
  survey.area.forEach(([lat, lon], i) => assert.ok(Math.abs(lat - box[i][0]) < 0.0003 && Math.abs(lon - box[i][1]) < 0.0003, `corner ${i}: ${lat},${lon}`));
  // The rule, by hand: lines at most footprint x (1 - overlap) = 18 m apart, the outer ones half a
  // footprint inside the west and east edges, the width between shared evenly.
  const lats = survey.area.map(([lat]) => lat), lons = survey.area.map(([, lon]) => lon);
  const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
  const width = eastWestMetres(mid, Math.min(...lons), Math.max(...lons));
  assert.equal(survey.footprint_m, 60);
  assert.equal(survey.overlap, 0.7);
  const gaps = Math.ceil((width - 60) / 18);
  assert.ok(Math.abs((width - 60) / 18 - Math.round((width - 60) / 18)) > 0.05, `the width ${width} m is not at a step of the rule`);
  assert.equal(survey.lines, gaps + 1);
  assert.ok(Math.abs(survey.spacing_m - (width - 60) / gaps) < 0.05, `spacing ${survey.spacing_m} m, by hand ${(width - 60) / gaps}`);
  // Each line runs the block's height (north-south, 0.004 degrees of latitude).
  const height = (Math.max(...lats) - Math.min(...lats)) * Math.PI / 180 * 6378137 * (1 - 0.00669437999014) / Math.pow(1 - 0.00669437999014 * Math.sin(mid * Math.PI / 180) ** 2, 1.5);
  assert.ok(Math.abs(survey.line_length_m - survey.lines * height) < survey.lines * 0.5, `lines ${survey.line_length_m} m, by hand ${survey.lines * height}`);
  assert.equal(survey.home, 'qianhai-hub');
  assert.equal(survey.items, 4 * survey.lines + 3);
  assert.ok(survey.time_s > survey.distance_m / 10 && survey.energy_wh > 0 && survey.energy_wh < survey.usable_energy_wh, JSON.stringify(survey));
  // Qianhai lies inside Bao'an airport's clearance-protection area: controlled airspace, flown
  // with approval (a warning), clear of the airport's no-fly core.
  assert.deepEqual(survey.errors, []);
  assert.deepEqual(survey.warnings.map((w) => w.check), ['inspection.approval']);
  assert.match(survey.warnings[0].message, /controlled zone ZGSZ-protection/);
  assert.ok(s.ui['survey.figures'] && s.ui['survey.export'], 'the mission panel shows the survey');
  await screenshot(page, 'survey-drawn');

  // Export: the default format is .plan for PX4.
  const download = page.waitForEvent('download');
  await click(page, s.ui['survey.export']);
  const file = await download;
  assert.equal(file.suggestedFilename(), 'survey-qianhai-hub.px4.plan');
  const text = readFileSync(await file.path(), 'utf8');
  assert.equal(qgcLoadPlan(text), null);
  assert.equal(mavsdkLoadPlan(text), null);
  const plan = JSON.parse(text);
  assert.equal(plan.mission.firmwareType, 12);
  const items = plan.mission.items;
  assert.equal(items.length, 4 * survey.lines + 3);
  assert.equal(items[0].command, 22);
  assert.equal(items.at(-1).command, 20);
  const waypoints = items.filter((i) => i.command === 16);
  const camera = items.filter((i) => i.command === 206);
  assert.equal(waypoints.length, 2 * survey.lines);
  assert.equal(camera.length, 2 * survey.lines);
  assert.equal(camera.filter((i) => i.params[0] === survey.spacing_m).length, survey.lines, 'the camera every line spacing along a line');
  assert.equal(camera.filter((i) => i.params[0] === 0).length, survey.lines, 'and off at its end');
  for (const w of waypoints) {
    assert.equal(w.frame, 3, 'heights relative to home');
    assert.equal(w.params[6], 60);
    assert.ok(w.params[4] >= 22.5299 && w.params[4] <= 22.5341 && w.params[5] >= 113.8799 && w.params[5] <= 113.8860, `waypoint ${w.params[4]},${w.params[5]} in the block`);
  }
  s = await waitForState(page, () => window.lowsky.state.mission.lastMessage.startsWith('Saved survey-'));

  // The command-line tool, given the same area and settings, writes the same file and the same figures.
  const scenario = JSON.parse(readFileSync(join(ROOT, 'assets/scenarios/gba.json'), 'utf8'));
  const hub = scenario.hubs.find((h) => h.id === 'qianhai-hub');
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-survey-'));
  const cli = spawnSync(join(ROOT, 'build/native/lowsky'), ['plan-inspection', '--area', survey.area.map(([lat, lon]) => `${lat},${lon}`).join(' '),
    '--home', `${hub.position.lat_deg},${hub.position.lon_deg}`, '--home-amsl', String(hub.ground_elevation_m_amsl), '--footprint', '60', '--overlap', '0.7',
    '--height', '60', '--speed', '10', '--trigger', String(survey.spacing_m), '--firmware', 'px4', '--scenario', join(ROOT, 'assets/scenarios/gba.json'),
    '--drone', survey.drone, '-o', join(dir, 'survey.plan')], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  // The same items; coordinates to 1e-9 degrees (0.1 mm): WebAssembly's libm and the native one
  // may differ in a sine's last bit.
  const same = (a, b, path) => {
    if (typeof a === 'number' && typeof b === 'number') return assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${path}: ${a} and ${b}`);
    if (a === null || typeof a !== 'object') return assert.equal(a, b, path);
    assert.deepEqual(Object.keys(a), Object.keys(b), path);
    for (const k of Object.keys(a)) same(a[k], b[k], `${path}.${k}`);
  };
  same(JSON.parse(readFileSync(join(dir, 'survey.plan'), 'utf8')), plan, 'plan');
  const flown = cli.stderr.match(/flown by (\S+): ([\d.]+) km, ([\d.]+) min, (\d+) of (\d+) Wh usable/);
  assert.ok(flown, cli.stderr);
  assert.deepEqual(flown.slice(1), [survey.drone, (survey.distance_m / 1000).toFixed(2), (survey.time_s / 60).toFixed(1),
    survey.energy_wh.toFixed(0), survey.usable_energy_wh.toFixed(0)]);

  // Kept in the scenario: an inspection of the document (the engine's), one step to undo.
  s = await state(page);
  assert.deepEqual(s.inspections.map((i) => i.id), ['qianhai-waterfront-survey', 'qianhai-coast-scan']);
  await click(page, s.ui['survey.keep']);
  s = await waitForState(page, () => window.lowsky.state.inspections.length === 3);
  const kept = s.inspections[2];
  assert.equal(kept.id, 'survey');
  assert.equal(kept.hub, 'qianhai-hub');
  assert.equal(kept.drone_type, survey.drone);
  assert.deepEqual(kept.area, survey.area);
  assert.equal(s.mission.survey, undefined, 'the drawn survey is now the scenario\'s');
  assert.match(s.mission.lastMessage, /inspection survey$/);
  await screenshot(page, 'survey-kept');
  await page.keyboard.press('Control+z');
  s = await waitForState(page, () => window.lowsky.state.inspections.length === 2);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
