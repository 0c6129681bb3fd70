// The guided tour: opened at #tour, it simulates the day, walks through its steps with real
// clicks, flies the map to each step's place and shows the figure the command-line tool's tour
// gives for the same scenario; the route steps' times are the route verb's mission figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, openPage, waitReady, waitSettled, waitForState as waitForStateWithin, screenshot, ROOT } from './harness.mjs';

const waitForState = (page, predicate, arg) => waitForStateWithin(page, predicate, arg, { timeout: 60000 });
const lowsky = (...args) => execFileSync(join(ROOT, 'build/native/lowsky'), args, { encoding: 'utf8' });
const SCENARIO = join(ROOT, 'assets/scenarios/gba.json');

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('#tour walks through every step with the figure the engine gives, flying the map to each', async () => {
  const expected = JSON.parse(lowsky('tour', SCENARIO, '--json'));
  assert.equal(expected.length, 7);
  // The route steps: the quickest mission's delivery time, as `lowsky route` prices it for the
  // mission panel's first format, a PX4 .plan (the VTOL is the quickest type on each of these
  // pairs), against the claim's limit.
  const routeMinutes = (from, to) =>
    JSON.parse(lowsky('route', SCENARIO, '--from', from, '--to', to, '--drone', 'vtol-fixed-wing', '--firmware', 'px4', '--json')).mission.delivered_s;
  const limits = { 'baoan-songshan': [routeMinutes('baoan-ops', 'songshan-lake'), 3600], 'xiangzhou-dongao': [routeMinutes('xiangzhou-port', 'dongao-island'), 1500] };
  for (const [id, [delivered, limit]] of Object.entries(limits)) {
    const step = expected.find((s) => s.id === id);
    assert.equal(step.value, delivered, `${id}: the tour's figure is the route's`);
    assert.equal(step.verdict, delivered <= limit ? 'meets' : 'misses', `${id}: ${delivered} s against ${limit} s`);
    assert.ok(step.figure.includes(`delivered in ${Math.round(delivered / 60)} min`), step.figure);
  }

  const ends = { 'baoan-songshan': ['baoan-ops', 'songshan-lake'], 'xiangzhou-dongao': ['xiangzhou-port', 'dongao-island'], 'guzhen-xinhui': ['guzhen', 'xinhui'],
                 'hong-kong': ['qianhai-hub', 'lau-fau-shan'] };
  const doc = JSON.parse(readFileSync(SCENARIO, 'utf8'));
  const { page, context, problems } = await openPage(env, { hash: '#tour' });
  await waitReady(page);
  let s = await waitForState(page, () => window.lowsky.state.tour?.step === 0);
  assert.equal(s.tour.steps, expected.length);
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is taken: a reload opens the work');
  // The tour simulates the day for its pad and half-hour steps.
  await waitForState(page, () => !!window.lowsky.state.sim && !window.lowsky.state.simRun?.running);
  for (let i = 0; i < expected.length; ++i) {
    const want = expected[i];
    await waitForState(page, (w) => {
      const t = window.lowsky.state.tour, st = window.lowsky.state;
      return t && t.id === w.id && t.figure === w.figure && (st.view.mode === '3d') === w.view3d && st.view.heightsShown === (w.view3d ? 1 : 0);
    }, want);
    s = await waitSettled(page);  // the map flown there
    assert.equal(s.tour.step, i);
    assert.equal(s.tour.verdict, want.verdict);
    if (want.time_s >= 0) assert.equal(s.sim.t_s, want.time_s, `${want.id}: the day shown at the step's moment`);
    // The step's place, and a route step's two hubs, on the map the windows leave free: between
    // the side columns, under the top bar, above the tour's window (device pixels, ratio 1 here).
    const left = Math.max(...['window.mission', 'window.simulation'].filter((k) => s.ui[k]).map((k) => s.ui[k][0] + s.ui[k][2]));
    const right = s.ui['window.findings'][0], top = s.ui.toolbar[1] + s.ui.toolbar[3], bottom = s.ui.tour[1];
    const places = [want.at, ...(ends[want.id] ?? []).map((id) => { const h = doc.hubs.find((x) => x.id === id); return [h.position.lat_deg, h.position.lon_deg]; })];
    for (const [lat, lon] of places) {
      const [x, y] = await page.evaluate(([la, lo]) => [Module._lowsky_geo_height_to_css_x(la, lo, 0), Module._lowsky_geo_height_to_css_y(la, lo, 0)], [lat, lon]);
      assert.ok(x > left && x < right && y > top && y < bottom, `${want.id}: ${lat}, ${lon} at ${x}, ${y}, the free map ${left}-${right} x ${top}-${bottom}`);
    }
    if (i === 3) await screenshot(page, 'tour-pads');
    const r = s.ui['tour.next'];
    await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  }
  // The last step's button ends the tour, and the map is the plan view again.
  s = await waitForState(page, () => !window.lowsky.state.tour && window.lowsky.state.view.mode === 'plan');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});

test('in Chinese the tour says each figure in Chinese, with the engine\'s numbers', async () => {
  const expected = JSON.parse(lowsky('tour', SCENARIO, '--json'));
  const first = expected[0];
  const { page, context, problems } = await openPage(env, { hash: '#tour' });
  let s = await waitReady(page, 60000);
  const r = s.ui.language;
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  s = await waitForState(page, () => window.lowsky.state.language === 'zh' && !!window.lowsky.state.tour);
  assert.equal(s.tour.id, first.id);
  assert.equal(s.tour.figure, first.figure, 'the engine\'s own words stay English (the CLI\'s)');
  // "vtol-fixed-wing: 42.6 km, delivered in 31 min, back home in 65 min": the same numbers, in Chinese.
  const numbers = first.figure.match(/[\d.]+/g);
  assert.ok(numbers.length >= 3, first.figure);
  assert.ok(/公里/.test(s.tour.shown) && /分钟送达/.test(s.tour.shown), s.tour.shown);
  assert.deepEqual(s.tour.shown.match(/[\d.]+/g), numbers, s.tour.shown);
  assert.ok(!/delivered|back home/.test(s.tour.shown), s.tour.shown);
  await screenshot(page, 'tour-zh');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
