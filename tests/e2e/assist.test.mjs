// The Assist window: the reach bands from the mission panel's hub, and a fleet-size sweep run on
// the page's Web Workers. What the page's engine (WebAssembly) works out must be what the
// command-line tool (native) prints for the same question, to the figure: hub times, band cells,
// and every sweep cell's on-time share.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot, ROOT } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const GBA = join(ROOT, 'assets/scenarios/gba.json');
const cli = (...args) => {
  const r = spawnSync(join(ROOT, 'build/native/lowsky'), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

// The pointer comes to a button, then presses it, as a person's does.
async function press(page, rect) {
  const x = rect[0] + rect[2] / 2, y = rect[1] + rect[3] / 2;
  await page.mouse.move(x, y);
  await waitSettled(page);
  await page.mouse.click(x, y);
}

test('the Assist window shows the reach from the mission panel\'s hub and sizes its fleet, with the command line\'s figures', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  const hub = s.mission.from, drone = s.mission.drone;
  assert.ok(hub && drone);
  await press(page, s.ui['assist.button']);
  await waitForState(page, () => window.lowsky.state.assist?.open === true && window.lowsky.state.ui['reach.show']);
  s = await waitSettled(page);

  // Reach: the hubs at the router's times and the bands' cells, as lowsky reach gives them.
  await press(page, s.ui['reach.show']);
  s = await waitForState(page, () => window.lowsky.state.assist.reach.hubs !== undefined);
  const reach = s.assist.reach;
  assert.equal(reach.from, hub);
  assert.equal(reach.drone, drone);
  const expected = cli('reach', GBA, '--from', hub, '--drone', drone, '--allow-approvals', '--cell', '2000', '--json');
  assert.equal(Object.keys(reach.hubs).length, expected.hubs.length);
  for (const h of expected.hubs) assert.ok(Math.abs(reach.hubs[h.hub] - h.time_s) < 0.01, `${h.hub}: page ${reach.hubs[h.hub]} s, CLI ${h.time_s} s`);
  for (const band of reach.cells) {
    for (const kind of ['network', 'free_flight']) {
      const area = expected.bands.find((b) => b.minutes === band.minutes && b.kind === kind).area_km2;
      assert.equal(band[kind], Math.round(area / 4), `${kind} within ${band.minutes} min: ${band[kind]} cells of 4 km2, CLI ${area} km2`);
    }
  }
  assert.ok(reach.cells[0].network > 0 && reach.cells[2].free_flight > reach.cells[0].free_flight);
  await screenshot(page, 'assist-reach');

  // The sweep: 1 to 8 drones of the type at the hub, 3 seeds, in still air and in the
  // scenario's wind (the wind fields typed into: from 0, step 1, up to 1), run in the page.
  s = await waitSettled(page);
  const type = async (name, text) => {
    const f = s.ui[name];
    assert.ok(f, `${name} is on screen`);
    await page.mouse.click(f[0] + 15, f[1] + f[3] / 2);  // the box, left of its label (the item's rect holds both)
    await waitForState(page, () => window.lowsky.state.typing);  // the field has the keyboard
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await waitForState(page, () => !window.lowsky.state.typing);
  };
  await type('sweep.wind_from', '0');
  await type('sweep.wind_step', '1');
  s = await waitSettled(page);
  await press(page, s.ui['sweep.run']);
  s = await waitForState(page, () => window.lowsky.state.assist.sweep.answers !== undefined, undefined, { timeout: 180000 });
  const sweep = s.assist.sweep;
  assert.equal(sweep.total, 48);
  assert.equal(sweep.done, 48);
  assert.ok(sweep.workers >= 1, `run on Web Workers (${sweep.workers}), not in the page`);
  const whole = cli('sweep', GBA, '--fleet', `${hub}:${drone}=1..8/1`, '--demand', '1..1/0.5', '--wind', '0..1/1', '--seeds', '3',
                    '--target', 'on-time=0.95', '--json');
  assert.equal(whole.cells.length, 16);
  assert.equal(sweep.cells.length, whole.cells.length);
  for (let i = 0; i < whole.cells.length; i++) {
    assert.equal(sweep.cells[i].fleet, whole.cells[i].fleet);
    assert.equal(sweep.cells[i].wind, whole.cells[i].wind);
    assert.equal(sweep.cells[i].mean_on_time, whole.cells[i].mean_on_time, `fleet ${whole.cells[i].fleet}, wind x${whole.cells[i].wind}: WebAssembly and native simulate the same days`);
    assert.equal(sweep.cells[i].interval_95, whole.cells[i].interval_95);
  }
  assert.equal(sweep.answers.length, 2);
  assert.deepEqual(sweep.answers.map((a) => a.sure_fleet), whole.answers.map((a) => a.sure_fleet));
  assert.deepEqual(sweep.answers.map((a) => a.smallest_fleet), whole.answers.map((a) => a.smallest_fleet));
  assert.ok(s.ui['sweep.chart'], 'the chart is drawn');
  await screenshot(page, 'assist-sweep');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

const documentOf = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));

test('Draft the network shows the command line\'s network; Replace puts it in the document as one step, and Ctrl+Z puts the old one back', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  const before = await documentOf(page);
  await press(page, s.ui['assist.button']);
  await waitForState(page, () => window.lowsky.state.ui['network.draft']);
  s = await waitSettled(page);
  await press(page, s.ui['network.draft']);
  s = await waitForState(page, () => window.lowsky.state.assist.network.corridors !== undefined);
  const expected = cli('draft-network', GBA, '--json');
  const network = s.assist.network;
  assert.deepEqual(network.corridors, expected.corridors.map((c) => c.id));
  assert.equal(network.junctions, expected.junctions.length);
  assert.ok(Math.abs(network.total_length_m - expected.total_length_m) < 1e-6 * expected.total_length_m);
  await screenshot(page, 'assist-network');

  s = await waitSettled(page);
  await press(page, s.ui['network.replace']);
  await waitForState(page, () => window.lowsky.state.edit.undoDepth === 1);
  const after = await documentOf(page);
  assert.deepEqual(after.corridors.map((c) => c.id), expected.corridors.map((c) => c.id));
  // The same points to a ten-thousandth of a millimetre (1e-12 degrees): WebAssembly's and native sines may differ in the last bit.
  after.corridors.forEach((c, i) => {
    const want = expected.corridors[i].centreline;
    assert.equal(c.centreline.length, want.length, c.id);
    c.centreline.forEach((p, k) => assert.ok(Math.abs(p.lat_deg - want[k].lat_deg) < 1e-12 && Math.abs(p.lon_deg - want[k].lon_deg) < 1e-12, `${c.id} point ${k}`));
  });
  assert.equal(after.junctions.length, expected.junctions.length);
  assert.equal(s.edit.undoDepth, 0, 'one step, from none');

  await page.keyboard.press('Control+z');
  await waitForState(page, () => window.lowsky.state.edit.undoDepth === 0);
  const back = await documentOf(page);
  assert.deepEqual(back.corridors, before.corridors);
  assert.deepEqual(back.junctions, before.junctions);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
