// The simulation panel: the browser simulates the default scenario's day with the same engine
// as the command-line tool (and gets the same figures), draws the drones in the air at the
// playback time, and plays the day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, waitReady, waitForState, waitSettled, state, screenshot, pixel, geoToCss, near } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTBOUND = [236, 120, 20];
const RETURNING = [40, 120, 200];

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function click(page, rect) {
  await page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
}

test('the browser simulates the day as the command-line tool does, and draws the drones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-sim-'));
  execFileSync(join(ROOT, 'build/native/lowsky'), ['simulate', join(ROOT, 'assets/scenarios/gba.json'), '--report', join(dir, 'day.json')]);
  const cli = JSON.parse(readFileSync(join(dir, 'day.json'), 'utf8')).kpis;

  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui.play);
  const s = await waitSettled(page);  // the panel grown to its results
  assert.equal(s.sim.orders, cli.orders);
  assert.equal(s.sim.delivered, cli.delivered);
  assert.equal(s.sim.onTimeShare, cli.on_time_share);
  assert.equal(s.sim.conflicts, cli.conflicts);
  assert.equal(s.sim.lossesOfSeparation, cli.losses_of_separation);

  // Playback opens on the busiest moment: drones are in the air, and drawn where the engine says.
  assert.ok(s.sim.airborne > 0, `drones airborne at ${s.sim.t_s} s`);
  const png = await screenshot(page, 'simulation');
  // A drone standing clear of the hubs' markers, the other drones and the windows (at the busiest
  // moment some climb out of a hub or wait over it), so that its pixel is its own.
  const scenario = JSON.parse(readFileSync(join(ROOT, 'assets/scenarios/gba.json'), 'utf8'));
  const hubs = await Promise.all(scenario.hubs.map((h) => geoToCss(page, h.position.lat_deg, h.position.lon_deg)));
  const drones = await Promise.all(s.sim.airborneAt.map(([lat, lon]) => geoToCss(page, lat, lon)));
  const clear = (p, others) => others.every((q) => q === p || Math.hypot(p[0] - q[0], p[1] - q[1]) > 14);
  const inWindow = (p) => s.windows.some(([wx, wy, ww, wh]) => p[0] >= wx - 8 && p[0] <= wx + ww + 8 && p[1] >= wy - 8 && p[1] <= wy + wh + 8);
  const pick = drones.findIndex((p) => clear(p, hubs) && clear(p, drones) && !inWindow(p) && p[0] > 8 && p[1] > 8 && p[0] < 1270 && p[1] < 680);
  assert.ok(pick >= 0, 'a drone in the clear');
  const [x, y] = drones[pick];
  const got = pixel(png, Math.round(x), Math.round(y));
  assert.ok(near(got, OUTBOUND, 40) || near(got, RETURNING, 40), `a drone is drawn at (${x.toFixed(0)}, ${y.toFixed(0)}): ${got}`);

  // The pointer over it picks it (its tooltip replaces the map's).
  await page.mouse.move(x, y);
  const hovered = await waitForState(page, () => window.lowsky.state.sim.hovered >= 0);
  assert.equal(hovered.sim.hovered, pick);
  await screenshot(page, 'simulation-drone-tooltip');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('play runs the clock and moves the drones; pause stops it', async () => {
  const { page, context } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui.play);
  const before = await waitSettled(page);
  await click(page, before.ui.play);
  const moving = await waitForState(page, (t) => window.lowsky.state.sim.t_s > t + 120, before.sim.t_s);
  assert.equal(moving.sim.playing, true);
  assert.notDeepEqual(moving.sim.firstAirborne, before.sim.firstAirborne, 'the drones have moved');
  await click(page, moving.ui.play);
  const paused = await waitForState(page, () => window.lowsky.state.sim.playing === false);
  await page.waitForTimeout(500);
  const later = await state(page);
  assert.equal(later.sim.t_s, paused.sim.t_s, 'the clock stands while paused');
  await context.close();
});

test('another seed gives another day, the one the command-line tool gives for that seed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-sim-'));
  execFileSync(join(ROOT, 'build/native/lowsky'), ['simulate', join(ROOT, 'assets/scenarios/gba.json'), '--seed', '7', '--report', join(dir, 'day.json')]);
  const cli = JSON.parse(readFileSync(join(dir, 'day.json'), 'utf8')).kpis;

  const { page, context } = await openPage(env);
  const ready = await waitReady(page);
  await click(page, ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui.play);
  const first = await waitSettled(page);
  await click(page, first.ui.seed);
  await waitForState(page, () => window.lowsky.state.typing);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await waitForState(page, () => window.lowsky.state.sim.seed === 7);
  await click(page, first.ui.simulate);
  const s = await waitForState(page, (orders) => window.lowsky.state.sim.orders !== orders, first.sim.orders);
  assert.equal(s.sim.seed, 7);
  assert.equal(s.sim.ranSeed, 7, "the day shown is the one run with seed 7");
  assert.equal(s.sim.orders, cli.orders);
  assert.equal(s.sim.delivered, cli.delivered);
  assert.equal(s.sim.conflicts, cli.conflicts);
  assert.notEqual(cli.orders, first.sim.orders, 'seed 7 draws another demand than seed 1');
  await context.close();
});
