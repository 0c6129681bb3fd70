// Drawing and editing on the map, with real mouse and keyboard events on the canvas. Every
// result is read from the engine's document (lowsky_document_json: the scenario as lowsky saves
// it) and its live findings, never from what the interface shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot, pixel, geoToCss } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const documentOf = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));
const hub = (doc, id) => doc.hubs.find((h) => h.id === id);
const corridor = (doc, id) => doc.corridors.find((c) => c.id === id);
const revision = (page) => page.evaluate(() => window.lowsky.state.edit.revision);

// Waits for the engine's document to change (an edit applied), then returns it.
async function afterEdit(page, since) {
  await page.waitForFunction((r) => window.lowsky.state.edit.revision !== r, since, { timeout: 10000 });
  return documentOf(page);
}

async function key(page, k) {
  await page.keyboard.press(k);
  await page.waitForTimeout(60);  // a frame for the app to take it
}

// Screen position of a point, and the point back from a screen position (to a pixel).
async function at(page, lat, lon) { return geoToCss(page, lat, lon); }

test('a corridor drawn between two hubs is in the engine with its ends on the hubs and its bend where it was clicked', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  const from = hub(doc0, 'xiangzhou-port'), to = hub(doc0, 'dongao-island');
  await key(page, 'c');
  let s = await waitForState(page, () => window.lowsky.state.edit.tool === 'Corridor');
  // Click a few pixels off each hub: the ends snap onto them. The bend is clicked in open water.
  const [ax, ay] = await at(page, from.position.lat_deg, from.position.lon_deg);
  const [bx, by] = await at(page, to.position.lat_deg, to.position.lon_deg);
  const bend = { lat_deg: 22.16, lon_deg: 113.60 };
  const [mx, my] = await at(page, bend.lat_deg, bend.lon_deg);
  await page.mouse.move(ax + 4, ay - 3);
  s = await waitForState(page, () => window.lowsky.state.edit.snapped === true);
  await page.mouse.click(ax + 4, ay - 3);
  await page.mouse.click(mx, my);
  const r0 = await revision(page);
  await page.mouse.dblclick(bx - 3, by + 4);
  const doc = await afterEdit(page, r0);
  assert.equal(doc.corridors.length, doc0.corridors.length + 1);
  const c = corridor(doc, 'c-new');
  assert.ok(c, 'the new corridor is in the document');
  assert.equal(c.centreline.length, 3);
  assert.deepEqual(c.centreline[0], from.position);  // snapped exactly
  assert.deepEqual(c.centreline[2], to.position);
  // The bend is where the pointer was: within a pixel (at zoom 9.2 a CSS pixel is about 190 m).
  const [cx, cy] = await at(page, c.centreline[1].lat_deg, c.centreline[1].lon_deg);
  assert.ok(Math.hypot(cx - mx, cy - my) < 1.0, `bend at (${cx}, ${cy}), clicked (${mx}, ${my})`);
  s = await waitForState(page, () => window.lowsky.state.edit.selection.length === 1);
  assert.deepEqual(s.edit.selection, [{ kind: 'corridor', id: 'c-new' }]);
  assert.equal(s.edit.undo, 'add corridor');
  await screenshot(page, 'editor-corridor-drawn');
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a vertex dragged into an airport core raises the finding, undo clears it, redo brings it back', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  const c0 = corridor(doc0, 'c-qianhai-zhuhai');
  const v = c0.centreline[1];
  // Select the corridor by clicking its centreline a little way along its second segment.
  const p = { lat: v.lat_deg + (c0.centreline[2].lat_deg - v.lat_deg) * 0.3, lon: v.lon_deg + (c0.centreline[2].lon_deg - v.lon_deg) * 0.3 };
  const [px, py] = await at(page, p.lat, p.lon);
  await page.mouse.click(px, py);
  await waitForState(page, () => window.lowsky.state.edit.selection.some((s) => s.id === 'c-qianhai-zhuhai'));
  const noFly = (s) => s.findingList.filter((f) => f.check === 'airspace.no_fly' && f.object === 'c-qianhai-zhuhai');
  assert.equal(noFly(await page.evaluate(() => window.lowsky.state)).length, 0);
  // Drag its middle vertex onto Macau airport's core (VMMC, 22.149 N 113.592 E).
  const [vx, vy] = await at(page, v.lat_deg, v.lon_deg);
  const [tx, ty] = await at(page, 22.149, 113.592);
  await page.mouse.move(vx, vy);
  await page.mouse.down();
  await page.mouse.move(vx + (tx - vx) / 3, vy + (ty - vy) / 3, { steps: 4 });
  await page.mouse.move(tx, ty, { steps: 6 });
  await page.mouse.up();
  let s = await waitForState(page, () => window.lowsky.state.findingList.some((f) => f.check === 'airspace.no_fly' && f.object === 'c-qianhai-zhuhai'));
  assert.equal(s.edit.undo, 'move vertex');
  assert.equal(s.edit.undoDepth, 1, 'the whole drag is one step');
  const moved = corridor(await documentOf(page), 'c-qianhai-zhuhai').centreline[1];
  const [mx, my] = await at(page, moved.lat_deg, moved.lon_deg);
  assert.ok(Math.hypot(mx - tx, my - ty) < 1.0, 'the vertex is where it was dropped');
  await screenshot(page, 'editor-vertex-in-core');
  await key(page, 'Control+z');
  s = await waitForState(page, () => !window.lowsky.state.findingList.some((f) => f.check === 'airspace.no_fly' && f.object === 'c-qianhai-zhuhai'));
  assert.deepEqual(corridor(await documentOf(page), 'c-qianhai-zhuhai').centreline[1], v);
  assert.equal(s.edit.redo, 'move vertex');
  await key(page, 'Control+Shift+Z');
  s = await waitForState(page, () => window.lowsky.state.findingList.some((f) => f.check === 'airspace.no_fly' && f.object === 'c-qianhai-zhuhai'));
  assert.deepEqual(corridor(await documentOf(page), 'c-qianhai-zhuhai').centreline[1], moved);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('a hub is added, connected by a new corridor, and its finding goes', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  await key(page, 'h');
  const spot = { lat: 22.30, lon: 113.45 };
  const [hx, hy] = await at(page, spot.lat, spot.lon);
  let r = await revision(page);
  await page.mouse.click(hx, hy);
  let doc = await afterEdit(page, r);
  assert.equal(doc.hubs.length, doc0.hubs.length + 1);
  const added = doc.hubs[doc.hubs.length - 1];
  assert.equal(added.id, 'hub');
  let s = await waitForState(page, () => window.lowsky.state.findingList.some((f) => f.check === 'hub.no_corridor' && f.object === 'hub'));
  // Connect it to Xiangzhou Port.
  const target = hub(doc, 'xiangzhou-port');
  const [tx, ty] = await at(page, target.position.lat_deg, target.position.lon_deg);
  const [ax, ay] = await at(page, added.position.lat_deg, added.position.lon_deg);
  await key(page, 'c');
  await page.mouse.click(ax, ay);
  r = await revision(page);
  await page.mouse.dblclick(tx, ty);
  doc = await afterEdit(page, r);
  const c = doc.corridors[doc.corridors.length - 1];
  assert.deepEqual(c.centreline, [added.position, target.position]);
  s = await waitForState(page, () => !window.lowsky.state.findingList.some((f) => f.check === 'hub.no_corridor' && f.object === 'hub'));
  assert.equal(s.hubs, doc0.hubs.length + 1);
  await context.close();
});

test('the inspector refuses a bad width with its message and applies a good one, and the corridor is redrawn wider', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  const c0 = corridor(doc0, 'c-guzhen-xinhui');
  const a = c0.centreline[0], b = c0.centreline[1];
  const mid = { lat: (a.lat_deg + b.lat_deg) / 2, lon: (a.lon_deg + b.lon_deg) / 2 };
  const [px, py] = await at(page, mid.lat, mid.lon);
  await page.mouse.click(px, py);
  await waitForState(page, () => window.lowsky.state.ui.inspector && window.lowsky.state.edit.selection[0]?.id === 'c-guzhen-xinhui');
  let s = await waitSettled(page);  // the inspector sizes itself over its first frames: aim once it is still
  // The width field: the inspector's rows are published by their field.
  const field = s.ui['field./width_m'];
  assert.ok(field, 'the width field is on screen');
  const setWidth = async (text) => {
    await page.mouse.click(field[0] + field[2] / 2, field[1] + field[3] / 2);
    await waitForState(page, () => window.lowsky.state.typing);  // the field has the keyboard: what is typed before is lost
    await key(page, 'Control+a');
    await page.keyboard.type(text);
    await key(page, 'Enter');
  };
  await setWidth('-5');
  s = await waitForState(page, () => Object.keys(window.lowsky.state.edit.fieldErrors).length > 0);
  assert.match(s.edit.fieldErrors['/width_m'], /outside/);
  assert.equal(corridor(await documentOf(page), 'c-guzhen-xinhui').width_m, 200, 'the bad value is not applied');
  // A point 1.2 km beside the centreline (about 6 px at this zoom): outside the 200 m corridor,
  // inside a 3000 m one. Its pixel before and after.
  const ex = b.lon_deg - a.lon_deg, ny = b.lat_deg - a.lat_deg;  // the segment's direction, in degrees
  const k = Math.cos(mid.lat * Math.PI / 180);
  const n = Math.hypot(ex * k, ny);
  const side = { lat: mid.lat + (ex * k / n) * 1200 / 110574, lon: mid.lon - (ny / n) * 1200 / (111320 * k) };
  const [sx, sy] = await at(page, side.lat, side.lon);
  const before = pixel(await screenshot(page, 'editor-width-before'), sx, sy);
  await setWidth('3000');
  s = await waitForState(page, () => Object.keys(window.lowsky.state.edit.fieldErrors).length === 0);
  assert.equal(corridor(await documentOf(page), 'c-guzhen-xinhui').width_m, 3000);
  assert.equal(s.edit.undo, 'set width_m');
  // Redrawn: the point is inside the band now, in the corridor's colour (red: so wide, it conflicts).
  const after = pixel(await screenshot(page, 'editor-width'), sx, sy);
  const corridorTint = (p) => Math.max(p[0], p[1]) - p[2] > 40;  // red or green over the map's blue-grey
  assert.ok(!corridorTint(before), `beside the old corridor the map shows (${before})`);
  assert.ok(corridorTint(after), `beside the centreline the corridor now shows (${after})`);
  assert.ok(s.findingList.some((f) => f.object === 'c-guzhen-xinhui' || f.other === 'c-guzhen-xinhui'), 'the wide corridor has findings');
  await context.close();
});

test('a zone deleted with the Delete key comes back with undo', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  // Lingding Island's restricted circle, clicked at its centre.
  const zone = doc0.zones.find((z) => z.id === 'lingding-island');
  const [zx, zy] = await at(page, zone.circle.center.lat_deg, zone.circle.center.lon_deg);
  await page.mouse.click(zx, zy);
  await waitForState(page, () => window.lowsky.state.edit.selection[0]?.id === 'lingding-island');
  const r = await revision(page);
  await key(page, 'Delete');
  let doc = await afterEdit(page, r);
  assert.equal(doc.zones.length, doc0.zones.length - 1);
  assert.ok(!doc.zones.some((z) => z.id === 'lingding-island'));
  const s = await page.evaluate(() => window.lowsky.state);
  assert.equal(s.edit.undo, 'delete zone');
  await key(page, 'Control+z');
  await waitForState(page, (n) => window.lowsky.state.zones === n, doc0.zones.length + 10);
  doc = await documentOf(page);
  assert.deepEqual(doc, doc0, 'the document is exactly as before');
  await context.close();
});

test('a box drawn with Shift selects the hubs in it, and Ctrl+D duplicates them', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  const a = hub(doc0, 'xiangzhou-port').position, b = hub(doc0, 'dongao-island').position;
  const [ax, ay] = await at(page, a.lat_deg, a.lon_deg);
  const [bx, by] = await at(page, b.lat_deg, b.lon_deg);
  await page.keyboard.down('Shift');
  await page.mouse.move(Math.min(ax, bx) - 20, Math.min(ay, by) - 20);
  await page.mouse.down();
  await page.mouse.move(Math.max(ax, bx) + 20, Math.max(ay, by) + 20, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const s = await waitForState(page, () => window.lowsky.state.edit.selection.filter((x) => x.kind === 'hub').length >= 2);
  const hubs = s.edit.selection.filter((x) => x.kind === 'hub').map((x) => x.id).sort();
  assert.deepEqual(hubs, ['dongao-island', 'xiangzhou-port']);
  const r = await revision(page);
  await key(page, 'Control+d');
  const doc = await afterEdit(page, r);
  const copies = doc.hubs.filter((h) => h.id.endsWith('-copy')).map((h) => h.id).sort();
  assert.deepEqual(copies, ['dongao-island-copy', 'xiangzhou-port-copy']);
  await context.close();
});

test('the altitude profile of a selected corridor draws its band where its heights are', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const doc = await documentOf(page);
  const c = corridor(doc, 'c-guzhen-xinhui');
  const a = c.centreline[0], b = c.centreline[1];
  const [px, py] = await at(page, (a.lat_deg + b.lat_deg) / 2, (a.lon_deg + b.lon_deg) / 2);
  await page.mouse.click(px, py);
  await waitForState(page, () => window.lowsky.state.profile?.corridor === 'c-guzhen-xinhui');
  const s = await waitSettled(page);  // the chart's window places itself over its first frames
  const p = s.profile, [cx, cy, cw, ch] = s.ui['profile.chart'];
  // The band is 60-110 m above ground, over the lower of its end hubs (Guzhen and Xinhui).
  const ground = Math.min(hub(doc, 'guzhen').ground_elevation_m_amsl, hub(doc, 'xinhui').ground_elevation_m_amsl);
  assert.equal(c.floor.value_m, 60);
  assert.equal(p.floor_m, 60 + ground);
  assert.equal(p.ceiling_m, 110 + ground);
  const yOf = (m) => cy + ch - (m - p.y_min_m) / (p.y_max_m - p.y_min_m) * ch;
  const png = await screenshot(page, 'editor-profile');
  const green = (rgb) => rgb[1] > rgb[0] + 50 && rgb[1] > rgb[2] + 15;
  for (const f of [0.25, 0.5, 0.75]) {
    const x = cx + cw * f;
    const inside = pixel(png, x, yOf((p.floor_m + p.ceiling_m) / 2));
    const above = pixel(png, x, yOf(p.ceiling_m + 6));
    const below = pixel(png, x, yOf(p.floor_m - 6));
    assert.ok(green(inside), `inside the band at ${f} of the way: ${inside}`);
    assert.ok(!green(above), `above the band: ${above}`);
    assert.ok(!green(below), `below the band: ${below}`);
  }
  await context.close();
});

test('the route tool routes between two hubs clicked on the map', async () => {
  const { page, context } = await openPage(env);
  await waitReady(page);
  const doc = await documentOf(page);
  await key(page, 'r');
  await waitForState(page, () => window.lowsky.state.edit.tool === 'Route');
  const a = hub(doc, 'xiangzhou-port').position, b = hub(doc, 'dongao-island').position;
  const [ax, ay] = await at(page, a.lat_deg, a.lon_deg);
  const [bx, by] = await at(page, b.lat_deg, b.lon_deg);
  await page.mouse.click(ax, ay);
  await page.waitForTimeout(100);
  await page.mouse.click(bx, by);
  const s = await waitForState(page, () => window.lowsky.state.mission.from === 'xiangzhou-port' && window.lowsky.state.mission.to === 'dongao-island');
  // The VTOL (the panel's drone) flies the one corridor between them.
  assert.equal(s.mission.preview.legs, 1);
  // Its length: the corridor's centreline, on a sphere of the Earth's mean radius (0.5 % is
  // more than the ellipsoid's difference here).
  const line = corridor(doc, 'c-xiangzhou-dongao').centreline;
  let length = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const r = Math.PI / 180, p1 = line[i], p2 = line[i + 1];
    const h = Math.sin((p2.lat_deg - p1.lat_deg) * r / 2) ** 2 + Math.cos(p1.lat_deg * r) * Math.cos(p2.lat_deg * r) * Math.sin((p2.lon_deg - p1.lon_deg) * r / 2) ** 2;
    length += 2 * 6371008.8 * Math.asin(Math.sqrt(h));
  }
  assert.ok(Math.abs(s.mission.preview.distance_m - length) < 0.005 * length, `route ${s.mission.preview.distance_m} m, centreline ${length} m`);
  await context.close();
});

test('the tables edit a drone type and add a row, both undone back to the same document', async () => {
  const { page, context } = await openPage(env);
  let s = await waitReady(page);
  const doc0 = await documentOf(page);
  const click = async (r) => page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await click(s.ui.tables);
  await waitForState(page, () => !!window.lowsky.state.ui['row.drone_type.0']);
  s = await waitSettled(page);  // the tables window sizes itself over its first frames
  await click(s.ui['row.drone_type.0']);
  const first = doc0.drone_types[0];
  const key0 = `field.drone_type:${first.id}/battery_wh`;
  await waitForState(page, (k) => !!window.lowsky.state.ui[k], key0);
  s = await waitSettled(page);
  await click(s.ui[key0]);
  await waitForState(page, () => window.lowsky.state.typing);  // the field has the keyboard: what is typed before is lost
  await key(page, 'Control+a');
  await page.keyboard.type('900');
  await key(page, 'Enter');
  await waitForState(page, () => window.lowsky.state.edit.undo === 'set battery_wh');
  assert.equal((await documentOf(page)).drone_types[0].battery_wh, 900);
  s = await page.evaluate(() => window.lowsky.state);
  const r = s.edit.revision;
  await click(s.ui['add.drone_type']);
  const doc = await afterEdit(page, r);
  assert.equal(doc.drone_types.length, doc0.drone_types.length + 1);
  assert.equal(doc.drone_types.at(-1).id, `${doc0.drone_types.at(-1).id}-copy`);
  // Away from any text field, two undos give the document as loaded.
  await page.mouse.click(640, 690);
  await key(page, 'Control+z');
  await key(page, 'Control+z');
  await waitForState(page, () => window.lowsky.state.edit.undoDepth === 0);
  assert.deepEqual(await documentOf(page), doc0);
  await context.close();
});

test('while a corridor is drawn the panels give way: a click over one adds a vertex there, and Esc cancels it all', async () => {
  const { page, context } = await openPage(env);
  const s0 = await waitReady(page);
  const doc0 = await documentOf(page);
  await key(page, 'c');
  await page.mouse.click(640, 420);
  await waitForState(page, () => window.lowsky.state.edit.drawing === 1);
  const [mx, my, mw, mh] = s0.ui.mission;  // the mission panel, over the map on the left
  await page.mouse.click(mx + mw / 2, my + mh / 2);
  let s = await waitForState(page, () => window.lowsky.state.edit.drawing === 2);
  assert.equal(s.edit.tool, 'Corridor');
  await key(page, 'Escape');
  s = await waitForState(page, () => window.lowsky.state.edit.drawing === 0);
  assert.deepEqual(await documentOf(page), doc0, 'nothing was added');
  await context.close();
});
