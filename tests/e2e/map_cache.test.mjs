// The map layer cache (web/map/map_layer_cache): in the plan view the basemap and the map's
// shapes are drawn into a texture once and copied to the screen while they stay the same. The
// picture must be the one drawn afresh, it must be drawn again whenever the map changes, and a
// playing day must move its drones over it without drawing the rest again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, waitSettled, state, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Draws frames with the cache on or off until two have been drawn that way, then the picture.
async function pictureWith(page, on, name) {
  const from = (await state(page)).frame;
  await page.evaluate((v) => Module._lowsky_set_map_cache(v), on ? 1 : 0);
  await waitForState(page, (f) => window.lowsky.state.frame >= f + 2, from);
  return screenshot(page, name);
}

// How many pixels differ between two pictures, and by how much at most (any channel).
function difference(a, b) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let pixels = 0, most = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(a.data[i + c] - b.data[i + c]));
    if (d > 0) pixels++;
    most = Math.max(most, d);
  }
  return { pixels, most };
}

// The screen is multisampled. Drawn afresh, the map's samples are averaged once, with the
// windows over them; from the cache, the map was averaged into the texture first, so an edge
// pixel can round differently by a few levels of 255. Nothing else may differ.
function alike({ pixels, most }) {
  assert.ok(most <= 8, `a pixel differs by ${most} levels`);
  assert.ok(pixels < 1280 * 720 / 100, `${pixels} pixels differ`);
}

test('the cached map is the map drawn afresh, and is drawn again when the view moves', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  await waitSettled(page);
  const fresh = await pictureWith(page, false, 'map-cache-off');
  const before = (await state(page)).mapLayer;  // turned off, the texture is forgotten
  const cached = await pictureWith(page, true, 'map-cache-on');
  const after = (await state(page)).mapLayer;
  assert.equal(after.cacheOn, true);
  // Turned on: one frame draws the texture, the next only copies it.
  assert.equal(after.redraws, before.redraws + 1, `redraws ${before.redraws} -> ${after.redraws}`);
  assert.ok(after.copies >= before.copies + 2);
  alike(difference(fresh, cached));

  // A drag with the real mouse moves the map: the texture is drawn again, and still matches.
  // Each step waits for the frame that moved the map, so a busy machine that folds several
  // mouse moves into one frame cannot hide a step; every step must draw the texture again.
  const s = await state(page);
  await page.mouse.move(640, 420);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) {
    const step = await state(page);
    await page.mouse.move(640 - 30 * i, 420 + 12 * i);
    await waitForState(page, (c) => JSON.stringify(window.lowsky.state.center) !== c, JSON.stringify(step.center));
    const now = await state(page);
    assert.ok(now.mapLayer.redraws > step.mapLayer.redraws, `step ${i} moved the map without drawing it again: ${step.mapLayer.redraws} -> ${now.mapLayer.redraws}`);
  }
  await page.mouse.up();
  await page.mouse.move(1270, 710);  // away from the map's shapes: no hover highlight
  await waitSettled(page);
  const moved = await state(page);
  assert.notDeepEqual(moved.center, s.center, 'the map moved');
  const cachedMoved = await pictureWith(page, true, 'map-cache-moved-on');
  const freshMoved = await pictureWith(page, false, 'map-cache-moved-off');
  alike(difference(freshMoved, cachedMoved));
  assert.ok(difference(cached, cachedMoved).pixels > 10000, 'the picture changed with the view');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a playing day moves its drones over the cached map without drawing the map again', async () => {
  const { page, context, problems } = await openPage(env);
  const ready = await waitReady(page);
  const click = (r) => page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await click(ready.ui.simulate);
  await waitForState(page, () => !!window.lowsky.state.sim && !!window.lowsky.state.ui.play, null, { timeout: 60000 });
  const s = await waitSettled(page);
  await click(s.ui.play);
  await waitForState(page, () => window.lowsky.state.sim.playing === true);
  await page.mouse.move(1270, 710);  // off the map's shapes: nothing under the pointer changes
  // Two frames for the pointer's move to settle, then 60 frames of playback.
  const start = await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
    return { frame: window.lowsky.state.frame, t: window.lowsky.state.sim.t_s, map: window.lowsky.state.mapLayer };
  });
  const end = await page.evaluate(async () => {
    for (let i = 0; i < 60; i++) await new Promise((done) => requestAnimationFrame(done));
    return { frame: window.lowsky.state.frame, t: window.lowsky.state.sim.t_s, map: window.lowsky.state.mapLayer, airborne: window.lowsky.state.sim.airborne };
  });
  assert.ok(end.t > start.t, `the clock ran: ${start.t} -> ${end.t}`);
  assert.ok(end.airborne > 0, 'drones in the air');
  const drawn = end.frame - start.frame;
  assert.ok(drawn >= 30, `frames drawn: ${drawn}`);
  assert.equal(end.map.copies - start.map.copies, drawn, 'every frame copied the map');
  assert.equal(end.map.redraws, start.map.redraws, 'and none drew it again');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
