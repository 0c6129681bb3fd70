// A GeoJSON dropped on the map opens as an overlay; its corridors and zones join the scenario
// with one click, keeping their widths, bands and kinds, and one Undo takes them out again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Hand-written: two corridors (one with the id of a corridor the scenario already has) and one
// restricted zone, in the properties lowsky's own GeoJSON export writes.
const band = (floor, ceiling) => ({ floor: { value_m: floor, reference: 'above_ground' }, ceiling: { value_m: ceiling, reference: 'above_ground' } });
const lane = { direction: 'two_way', lanes: 'none', speed_limit_m_s: 18, drone_types: ['heavy-octo'] };
const shapes = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'c-merge-east', properties: { kind: 'corridor', name: 'Merged east', width_m: 140, ...band(60, 100), ...lane },
      geometry: { type: 'LineString', coordinates: [[113.60, 22.80], [113.66, 22.82], [113.70, 22.86]] } },
    { type: 'Feature', id: 'c-baoan-qianhai', properties: { kind: 'corridor', name: 'Merged with a taken id', width_m: 90, ...band(40, 80), ...lane },
      geometry: { type: 'LineString', coordinates: [[113.55, 22.70], [113.58, 22.74]] } },
    { type: 'Feature', id: 'z-merge', properties: { kind: 'zone', name: 'Merged works area', zone_kind: 'restricted', jurisdiction: 'mainland', ...band(0, 150),
                   time_windows: [{ start: '07:00', end: '09:30' }] },
      geometry: { type: 'Polygon', coordinates: [[[113.62, 22.76], [113.64, 22.76], [113.64, 22.78], [113.62, 22.78], [113.62, 22.76]]] } },
  ],
};

const documentJson = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));

test('a dropped GeoJSON is merged into the scenario in one undoable step', async () => {
  const { page, context, problems } = await openPage(env);
  let s = await waitReady(page);
  const before = await documentJson(page);
  assert.ok(before.corridors.some((c) => c.id === 'c-baoan-qianhai'), 'the scenario holds the id the file reuses');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'works.geojson', { type: 'application/geo+json' }));
    document.querySelector('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(shapes));
  s = await waitForState(page, () => !!window.lowsky.state.ui['overlay.merge']);
  assert.equal((await documentJson(page)).corridors.length, before.corridors.length, 'an overlay only, until asked');
  const button = s.ui['overlay.merge'];
  await page.mouse.click(button[0] + button[2] / 2, button[1] + button[3] / 2);
  s = await waitForState(page, () => !window.lowsky.state.ui['overlay.merge']);
  await screenshot(page, 'merged');

  const after1 = await documentJson(page);
  assert.equal(after1.corridors.length, before.corridors.length + 2);
  assert.equal(after1.zones.length, before.zones.length + 1);
  const east = after1.corridors.find((c) => c.id === 'c-merge-east');
  assert.ok(east, 'the new id kept');
  assert.equal(east.width_m, 140);
  assert.deepEqual([east.floor.value_m, east.ceiling.value_m, east.floor.reference], [60, 100, 'above_ground']);
  assert.equal(east.centreline.length, 3);
  const renamed = after1.corridors.filter((c) => c.name === 'Merged with a taken id');
  assert.equal(renamed.length, 1);
  assert.notEqual(renamed[0].id, 'c-baoan-qianhai', 'a taken id is made unique, the old corridor untouched');
  assert.deepEqual(after1.corridors.find((c) => c.id === 'c-baoan-qianhai'), before.corridors.find((c) => c.id === 'c-baoan-qianhai'));
  const zone = after1.zones.find((z) => z.name === 'Merged works area');
  assert.deepEqual([zone.kind, zone.floor.value_m, zone.ceiling.value_m], ['restricted', 0, 150]);
  assert.equal(s.edit.selection.length, 3, 'what was added is selected');

  // One Undo: the document is as it was.
  await page.mouse.move(640, 600);
  await page.keyboard.press('Control+z');
  await waitForState(page, (n) => window.lowsky.state.corridors === n, before.corridors.length);
  assert.deepEqual(await documentJson(page), before);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});
