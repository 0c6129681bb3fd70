// The legend: collapsed to its title until clicked, then every colour and symbol explained;
// it stays open across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, screenshot, pixel } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the legend opens with a click, explains the map, and stays open after a reload', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  const closed = s.ui.legend;
  assert.ok(closed, 'the legend is on the screen');
  assert.ok(closed[3] < 40, `collapsed to its title: ${closed[3]} px high`);
  await page.mouse.click(closed[0] + 14, closed[1] + closed[3] / 2);  // the arrow before its title
  s = await waitForState(page, () => window.lowsky.state.ui.legend[3] > 200);
  await screenshot(page, 'legend-open');
  await page.waitForTimeout(200);
  await page.reload();
  s = await waitReady(page);
  s = await waitForState(page, () => window.lowsky.state.ui.legend && window.lowsky.state.ui.legend[3] > 200);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});

test('? opens the list of every key and gesture, and closes it again', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  await page.mouse.move(640, 500);
  await page.keyboard.press('?');
  const s = await waitForState(page, () => !!window.lowsky.state.ui.help);
  assert.ok(s.ui.help[3] > 300, 'the whole list');
  await screenshot(page, 'help');
  await page.keyboard.press('?');
  await waitForState(page, () => !window.lowsky.state.ui.help);
  await context.close();
});

test('the search box finds a hub by part of its name and flies there, selecting it', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  const r = s.ui.search;
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await waitForState(page, () => window.lowsky.state.typing);  // the field has the keyboard: what is typed before is lost
  await page.keyboard.type('dong');  // Dongguan city drop point, Dong'ao Island pad
  // What should match, from the scenario and the place list: names and ids holding "dong".
  const doc0 = await page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));
  const catalogue = await page.evaluate(async () => (await fetch('assets/gba_places.json')).json());
  const holds = (...texts) => texts.some((t) => (t || '').toLowerCase().includes('dong'));
  const expected = [...doc0.hubs, ...doc0.corridors, ...doc0.zones].filter((o) => holds(o.name, o.id, o.name_zh)).length +
                   (catalogue.places || []).filter((p) => holds(p.name, p.id, p.name_zh)).length +
                   (catalogue.airports || []).filter((a) => holds(a.name, a.icao, a.name_zh)).length +
                   (catalogue.cities || []).filter((c) => holds(c.name, c.id, c.name_zh)).length;
  const shown = Math.min(8, expected);
  s = await waitForState(page, (n) => !!window.lowsky.state.ui[`search.${n - 1}`], shown);
  assert.equal(s.ui[`search.${shown}`], undefined, `${shown} hits listed`);
  await page.keyboard.press('Enter');
  s = await waitForState(page, () => window.lowsky.state.edit.selection[0]?.kind === 'hub');
  const doc = await page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));
  const hub = doc.hubs.find((h) => h.id === s.edit.selection[0].id);
  assert.match(hub.name.toLowerCase(), /^dong/);
  // The map flies there: the hub ends at the centre, zoomed in. Centre and zoom ease together, so
  // the centre comes within 1e-3 degrees a frame or two before the zoom has reached its end: the
  // wait is for the flight's end, both at once.
  s = await waitForState(page, ([lat, lon]) => Math.abs(window.lowsky.state.center[0] - lat) < 1e-3 && Math.abs(window.lowsky.state.center[1] - lon) < 1e-3 &&
                         window.lowsky.state.zoom >= 13, [hub.position.lat_deg, hub.position.lon_deg]);
  assert.ok(s.zoom >= 13);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the interface switches to Chinese and back, names included, and keeps the choice after a reload', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  assert.equal(s.language, 'en');
  const english = await screenshot(page, 'language-en');
  const r = s.ui.language;
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  s = await waitForState(page, () => window.lowsky.state.language === 'zh');
  await page.mouse.move(640, 650);
  await page.waitForTimeout(300);
  const chinese = await screenshot(page, 'language-zh');
  s = await page.evaluate(() => window.lowsky.state);  // the bar laid out again in Chinese
  // The top bar is drawn differently (the same controls, other words): count differing pixels
  // in the bar's first 600 pixels.
  let differing = 0;
  for (let y = 4; y < 30; y++) for (let x = 0; x < 600; x++) {
    const a = pixel(english, x, y), b = pixel(chinese, x, y);
    if (Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 60) differing++;
  }
  assert.ok(differing > 500, `the bar's words changed (${differing} pixels)`);
  // The search still finds a hub by its pinyin (the canvas takes no input method: typing
  // Chinese characters is not possible in it), listed by its Chinese name.
  const box = s.ui.search;
  await page.mouse.click(box[0] + box[2] / 2, box[1] + box[3] / 2);
  await waitForState(page, () => window.lowsky.state.typing);  // the field has the keyboard: what is typed before is lost
  await page.keyboard.type('songshan');
  s = await waitForState(page, () => !!window.lowsky.state.ui['search.0']);
  await page.keyboard.press('Enter');
  s = await waitForState(page, () => window.lowsky.state.edit.selection[0]?.id === 'songshan-lake');
  await screenshot(page, 'language-zh-search');
  await page.reload();
  s = await waitReady(page);
  assert.equal(s.language, 'zh', 'the choice is kept');
  const back = s.ui.language;
  await page.mouse.click(back[0] + back[2] / 2, back[1] + back[3] / 2);
  s = await waitForState(page, () => window.lowsky.state.language === 'en');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});
