// The legend: collapsed to its title until clicked, then every colour and symbol explained;
// it stays open across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, screenshot } from './harness.mjs';

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
