// Work that lasts and travels: autosave into IndexedDB and back after a reload or a killed
// page, a store that fails and says so, files opened with the browser's picker, and share
// links opened in a fresh browser. Real mouse and keyboard; results read from the engine's
// document (lowsky_document_json) and state, never from what the interface draws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, waitForState, geoToCss, DIST } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const documentText = (page) => page.evaluate(() => UTF8ToString(Module._lowsky_document_json()));
const documentOf = async (page) => JSON.parse(await documentText(page));
const rect = (page, name) => page.evaluate((n) => window.lowsky.state.ui[n], name);

async function click(page, name) {
  await page.waitForFunction((n) => window.lowsky.state.ui[n], name, { timeout: 10000 });
  await page.waitForTimeout(120);  // a popup settles in a frame or two; then its place is final
  const r = await rect(page, name);
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await page.waitForTimeout(80);
}

// Deletes Lingding Island's zone with a click and the Delete key: a real edit.
async function deleteLingding(page) {
  const doc = await documentOf(page);
  const zone = doc.zones.find((z) => z.id === 'lingding-island');
  const [x, y] = await geoToCss(page, zone.circle.center.lat_deg, zone.circle.center.lon_deg);
  await page.mouse.click(x, y);
  await waitForState(page, () => window.lowsky.state.edit.selection[0]?.id === 'lingding-island');
  const r = await page.evaluate(() => window.lowsky.state.edit.revision);
  await page.keyboard.press('Delete');
  await page.waitForFunction((v) => window.lowsky.state.edit.revision !== v, r);
  return doc.zones.length - 1;
}

test('an edit is kept in the browser: after a reload the same document opens, with the view', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  const zones = await deleteLingding(page);
  await waitForState(page, () => window.lowsky.state.save?.state === 'saved');
  const before = await documentText(page);
  // Move the view, and give the view setting its second to be written.
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(1500);
  const view = await page.evaluate(() => ({ zoom: window.lowsky.state.zoom, center: window.lowsky.state.center }));
  await page.reload();
  await waitReady(page);
  await waitForState(page, (n) => window.lowsky.state.zones !== undefined && window.lowsky.state.save?.id?.startsWith('doc-'), zones);
  assert.equal(await documentText(page), before, 'the document is byte for byte the one edited');
  assert.equal((await documentOf(page)).zones.length, zones);
  const s = await page.evaluate(() => window.lowsky.state);
  assert.ok(Math.abs(s.zoom - view.zoom) < 0.01, `zoom ${s.zoom}, was ${view.zoom}`);
  assert.equal(s.save.status, 'saved');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});

test('a page killed right after an edit still finds the edit', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  let page = await context.newPage();
  await page.goto(env.url);
  await waitReady(page);
  await deleteLingding(page);
  // No waiting for "saved": the page goes at once (the tab's renderer is killed).
  const session = await context.newCDPSession(page);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  session.send('Page.crash').catch(() => {});  // never answered: the renderer is gone
  await crashed;
  page = await context.newPage();
  await page.goto(env.url);
  await waitReady(page);
  await waitForState(page, () => window.lowsky.state.save?.id?.startsWith('doc-'));
  const doc = await documentOf(page);
  assert.ok(!doc.zones.some((z) => z.id === 'lingding-island'), 'the deleted zone stays deleted');
  await context.close();
});

test('a store that fails says why, keeps the work, and offers it as a download', async () => {
  const { page, context } = await openPage(env, {
    setup: (p) => p.addInitScript(() => {
      // Private mode or a full disk: IndexedDB refuses to open.
      Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('quota', 'QuotaExceededError'); } } });
    }),
  });
  await waitReady(page);
  const zones = await deleteLingding(page);
  const s = await waitForState(page, () => window.lowsky.state.save?.state === 'failed');
  assert.match(s.save.status, /^not saved: the browser's storage for this page is full/);
  assert.equal((await documentOf(page)).zones.length, zones, 'the work is still in the page');
  const download = page.waitForEvent('download');
  await click(page, 'save.download');
  const file = await download;
  const saved = readFileSync(await file.path(), 'utf8');
  assert.equal(saved, await documentText(page), 'the download is the document as lowsky saves it');
  assert.match(file.suggestedFilename(), /\.json$/);
  await context.close();
});

test('File, Open takes the app\'s own scenario file; Recent lists the documents kept', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  await deleteLingding(page);
  await waitForState(page, () => window.lowsky.state.save?.state === 'saved');
  const firstId = await page.evaluate(() => window.lowsky.state.save.id);
  await click(page, 'file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'file.open');
  await (await chooser).setFiles(join(DIST, 'assets', 'scenarios', 'gba.json'));
  await waitForState(page, (id) => window.lowsky.state.save?.id !== id && window.lowsky.state.save?.state === 'saved', firstId);
  const s = await page.evaluate(() => window.lowsky.state);
  assert.deepEqual(s.notices, [], 'no refusal');
  assert.equal(await documentText(page), readFileSync(join(DIST, 'assets', 'scenarios', 'gba.json'), 'utf8'));
  await click(page, 'file');
  await click(page, 'file.recent');
  const listed = await waitForState(page, () => (window.lowsky.state.recent || []).length === 2);
  // Both kept side by side, newest first: the file just opened, then the edited default.
  const name = JSON.parse(readFileSync(join(DIST, 'assets', 'scenarios', 'gba.json'), 'utf8')).name;
  assert.deepEqual(listed.recent.map((d) => d.id), [listed.save.id, firstId]);
  assert.deepEqual(listed.recent.map((d) => d.name), [name, name]);
  assert.ok(listed.recent.every((d) => d.bytes > 20000));
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});

test('a share link opens the same scenario and view in a fresh browser; a damaged one opens nothing', async () => {
  const a = await openPage(env);
  await waitReady(a.page);
  await deleteLingding(a.page);
  await a.page.mouse.move(640, 400);
  await a.page.mouse.wheel(0, -200);
  await a.page.waitForTimeout(300);
  await click(a.page, 'file');
  await click(a.page, 'file.share');
  const s = await waitForState(a.page, () => !!window.lowsky.state.save?.shareLink);
  const link = s.save.shareLink;
  assert.ok(link.length < 8192, `${link.length} characters`);
  const sent = await documentText(a.page);
  await a.context.close();

  const b = await openPage(env, { setup: (p) => p.addInitScript(() => {}) });
  await b.page.goto(link);
  await waitReady(b.page);
  await waitForState(b.page, () => window.lowsky.state.scenarioName !== undefined && window.lowsky.state.save?.state === 'saved');
  assert.equal(await documentText(b.page), sent, 'the receiver has the same document');
  const got = await b.page.evaluate(() => window.lowsky.state);
  assert.ok(Math.abs(got.zoom - s.zoom) < 0.02, `zoom ${got.zoom}, sent ${s.zoom}`);
  await b.context.close();

  const c = await openPage(env);
  await waitReady(c.page);
  const own = await documentText(c.page);
  await c.page.goto(env.url + '#s=AAAA_not-deflate&v=1,2,3');
  await c.page.reload();
  await waitReady(c.page);
  const hostile = await waitForState(c.page, () => window.lowsky.state.notices.length === 1);
  assert.match(hostile.notices[0].detail, /^The link could not be opened: the link is damaged/);
  assert.equal(await documentText(c.page), own, 'the default scenario, untouched');
  await c.context.close();
});

test('Recent renames, duplicates and deletes the documents kept', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  await deleteLingding(page);
  await waitForState(page, () => window.lowsky.state.save?.state === 'saved');
  const original = await page.evaluate(() => window.lowsky.state.save.id);
  const text = await documentText(page);
  await click(page, 'file');
  await click(page, 'file.recent');
  await waitForState(page, () => (window.lowsky.state.recent || []).length === 1);
  // Duplicate: a second document, opened, with the same bytes.
  await click(page, 'recent.0.duplicate');
  let s = await waitForState(page, () => (window.lowsky.state.recent || []).length === 2 && window.lowsky.state.save?.state === 'saved');
  assert.notEqual(s.save.id, original);
  assert.equal(await documentText(page), text);
  // Rename the original (the second row: newest first).
  const row = s.recent.findIndex((d) => d.id === original);
  await click(page, `recent.${row}.rename`);
  await waitForState(page, () => window.lowsky.state.typing);  // the field has the keyboard: what is typed before is lost
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Bay plan, Tuesday');
  await page.keyboard.press('Enter');
  s = await waitForState(page, (id) => window.lowsky.state.recent.some((d) => d.id === id && d.name === 'Bay plan, Tuesday'), original);
  // Delete it (it is not the open one), with a button that is on the screen.
  const again = s.recent.findIndex((d) => d.id === original);
  const button = s.ui[`recent.${again}.delete`];
  assert.ok(button[0] + button[2] <= 1280 && button[1] + button[3] <= 720, `the Delete button is on the screen: ${button}`);
  await click(page, `recent.${again}.delete`);
  s = await waitForState(page, () => window.lowsky.state.recent.length === 1);
  assert.notEqual(s.recent[0].id, original);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});
