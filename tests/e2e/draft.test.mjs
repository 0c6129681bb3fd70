// A planner clicks two hubs with the Draft tool and the engine drafts a corridor between them
// around the airspace rules; with controlled airspace off limits the same ends are refused with
// the zone named; Accept adds the draft to the document as one edit, and Ctrl+Z takes it away.
// Expectations come from the default scenario's hubs (their positions, the distance between
// them worked here on the ellipsoid), and the results are read from the engine's document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, waitSettled, geoToCss, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const documentOf = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._lowsky_document_json())));

async function click(page, rect) {
  await page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
}

// Vincenty's inverse formula on WGS84, written here: the straight distance between the hubs.
function ellipsoidMetres(a, b) {
  const A = 6378137, f = 1 / 298.257223563, B = A * (1 - f), rad = Math.PI / 180;
  const L = (b.lon_deg - a.lon_deg) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(a.lat_deg * rad)), U2 = Math.atan((1 - f) * Math.tan(b.lat_deg * rad));
  let lambda = L, sinS, cosS, sigma, cos2A, cos2Sm;
  for (let i = 0; i < 100; i++) {
    const sinL = Math.sin(lambda), cosL = Math.cos(lambda);
    sinS = Math.hypot(Math.cos(U2) * sinL, Math.cos(U1) * Math.sin(U2) - Math.sin(U1) * Math.cos(U2) * cosL);
    cosS = Math.sin(U1) * Math.sin(U2) + Math.cos(U1) * Math.cos(U2) * cosL;
    sigma = Math.atan2(sinS, cosS);
    const sinA = Math.cos(U1) * Math.cos(U2) * sinL / sinS;
    cos2A = 1 - sinA * sinA;
    cos2Sm = cosS - 2 * Math.sin(U1) * Math.sin(U2) / cos2A;
    const C = f / 16 * cos2A * (4 + f * (4 - 3 * cos2A));
    const next = L + (1 - C) * f * sinA * (sigma + C * sinS * (cos2Sm + C * cosS * (-1 + 2 * cos2Sm * cos2Sm)));
    if (Math.abs(next - lambda) < 1e-12) { lambda = next; break; }
    lambda = next;
  }
  const u2 = cos2A * (A * A - B * B) / (B * B);
  const AA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2))), BB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dS = BB * sinS * (cos2Sm + BB / 4 * (cosS * (-1 + 2 * cos2Sm * cos2Sm) - BB / 6 * cos2Sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2Sm * cos2Sm)));
  return B * AA * (sigma - dS);
}

test('the Draft tool drafts a corridor between two hubs, refuses it with the zone named when controlled airspace is off limits, and Accept adds it as one undoable edit', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const doc0 = await documentOf(page);
  const hub = (id) => doc0.hubs.find((h) => h.id === id);
  const from = hub('zhuhai'), to = hub('xiangzhou-port');
  assert.ok(from && to, 'the default scenario has the Zhuhai hubs');
  const corridors0 = doc0.corridors.length;

  await page.keyboard.press('d');
  await waitForState(page, () => window.lowsky.state.edit.tool === 'Draft');
  await waitSettled(page);
  for (const h of [from, to]) {
    const [x, y] = await geoToCss(page, h.position.lat_deg, h.position.lon_deg);
    await page.mouse.click(x, y);
  }
  let s = await waitForState(page, () => window.lowsky.state.draft?.found === true);
  const straight = ellipsoidMetres(from.position, to.position);
  const d = s.draft;
  assert.equal(d.from, 'zhuhai');
  assert.equal(d.to, 'xiangzhou-port');
  assert.equal(d.drone, s.mission.drone, 'drafted for the mission panel\'s drone type');
  assert.ok(doc0.drone_types.some((t) => t.id === d.drone));
  assert.ok(Math.abs(d.straight_m - straight) < 0.005 * straight, `straight ${d.straight_m} m, worked here ${straight} m`);
  assert.ok(d.length_m >= straight * 0.999 && d.length_m <= straight * 1.1, `draft ${d.length_m} m against ${straight} m straight`);
  assert.deepEqual(d.centreline[0], [from.position.lat_deg, from.position.lon_deg]);
  assert.deepEqual(d.centreline.at(-1), [to.position.lat_deg, to.position.lon_deg]);
  assert.equal(d.errors, 0);
  assert.equal(d.warnings, 0);
  assert.match(d.approval, /VMMC-protection/, 'Xiangzhou Port lies in Macau airport\'s clearance-protection area: the draft names the approval');
  assert.ok(d.time_s > 0 && d.energy_wh > 0);
  await screenshot(page, 'draft-zhuhai-xiangzhou');

  // Controlled airspace off limits: refused, the zone named, nothing drafted. (The window
  // takes a frame to fit what it shows: clicks wait for the layout to settle.)
  s = await waitSettled(page);
  await click(page, s.ui['draft.approvals']);
  s = await waitForState(page, () => window.lowsky.state.draft?.approvals === false && window.lowsky.state.draft.found === false);
  assert.match(s.draft.error, /xiangzhou-port lies in or within 100 m .* controlled zone VMMC-protection/);
  s = await waitSettled(page);
  await click(page, s.ui['draft.approvals']);
  await waitForState(page, () => window.lowsky.state.draft?.found === true);
  s = await waitSettled(page);
  const drafted = s.draft;

  // Accept: one corridor more in the document, the draft's own line, for its drone type.
  await click(page, s.ui['draft.accept']);
  s = await waitForState(page, () => window.lowsky.state.draft?.from === '');
  const doc1 = await documentOf(page);
  assert.equal(doc1.corridors.length, corridors0 + 1);
  const added = doc1.corridors.find((c) => c.id === drafted.id);
  assert.ok(added, `corridor ${drafted.id} is in the document`);
  assert.deepEqual(added.centreline.map((p) => [p.lat_deg, p.lon_deg]), drafted.centreline);
  assert.deepEqual(added.drone_types, [drafted.drone]);
  assert.equal(added.width_m, drafted.width_m);
  assert.match(added.approval, /^to be sought: /);

  // Ctrl+Z: gone again.
  await page.keyboard.press('Control+z');
  await waitForState(page, () => window.lowsky.state.edit.undoDepth === 0);
  const doc2 = await documentOf(page);
  assert.equal(doc2.corridors.length, corridors0);
  assert.ok(!doc2.corridors.some((c) => c.id === drafted.id));
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
