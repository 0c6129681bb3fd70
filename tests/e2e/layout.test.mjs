// Side panels move, resize and collapse with the mouse, and come back where the planner left
// them after a reload; "Reset panel layout" puts them back in their columns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, waitForState, waitSettled, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// A hand's drag spans frames: the pointer rests on the grip before the press, and the press, the
// moves and the release reach the app in frames of their own. Sent in one burst, Dear ImGui
// would take the moves and the release in one frame and drop the resize with the release.
async function drag(page, from, to) {
  await waitSettled(page);
  await page.mouse.move(from[0], from[1]);
  await waitSettled(page);
  await page.mouse.down();
  await waitSettled(page);
  await page.mouse.move(to[0], to[1], { steps: 8 });
  await waitSettled(page);
  await page.mouse.up();
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 2, `${what}: ${a} where ${b} was expected`);

test('panels move, resize and collapse, and stay so after a reload', async () => {
  const { page, context, problems } = await openPage(env);
  await waitReady(page);
  let s = await waitSettled(page);
  const mission = s.ui['window.mission'], findings = s.ui['window.findings'], sim = s.ui['window.simulation'];
  assert.ok(mission && findings && sim, 'the three panels are published');
  const view = { zoom: s.zoom, center: s.center };
  assert.ok(typeof s.zoom === 'number' && s.center.length === 2);

  // The mission panel by its title bar: 300 px right, 150 px down.
  await drag(page, [mission[0] + 120, mission[1] + 10], [mission[0] + 420, mission[1] + 160]);
  s = await waitForState(page, (x) => Math.abs(window.lowsky.state.ui['window.mission'][0] - x) <= 2, mission[0] + 300);
  near(s.ui['window.mission'][1], mission[1] + 150, 'mission panel top');
  assert.deepEqual({ zoom: s.zoom, center: s.center }, view, 'the map did not pan under the drag');

  // The findings panel by its bottom-right corner: 120 px taller, 40 px narrower.
  await drag(page, [findings[0] + findings[2] - 3, findings[1] + findings[3] - 3], [findings[0] + findings[2] - 43, findings[1] + findings[3] + 117]);
  s = await waitForState(page, (h) => Math.abs(window.lowsky.state.ui['window.findings'][3] - h) <= 2, findings[3] + 120);
  near(s.ui['window.findings'][2], findings[2] - 40, 'findings panel width');

  // The simulation panel folded by the arrow in its title bar.
  s = await waitSettled(page);
  const sim2 = s.ui['window.simulation'];
  await page.mouse.click(sim2[0] + 14, sim2[1] + 10);
  s = await waitForState(page, () => window.lowsky.state.ui['window.simulation'][3] < 40);
  await screenshot(page, 'layout-moved');
  const moved = { mission: s.ui['window.mission'], findings: s.ui['window.findings'], sim: s.ui['window.simulation'] };

  await page.waitForTimeout(300);
  await page.reload();
  s = await waitReady(page);
  await waitForState(page, () => !!window.lowsky.state.ui['window.mission']);
  s = await waitSettled(page);  // the restored panels placed and sized
  for (let k = 0; k < 4; ++k) {
    near(s.ui['window.mission'][k], moved.mission[k], `mission panel after reload [${k}]`);
    near(s.ui['window.findings'][k], moved.findings[k], `findings panel after reload [${k}]`);
  }
  assert.ok(s.ui['window.simulation'][3] < 40, 'the simulation panel is still folded');

  // Reset: back in the columns.
  await page.mouse.click(s.ui.file[0] + 10, s.ui.file[1] + 10);
  s = await waitForState(page, () => !!window.lowsky.state.ui['file.reset_layout']);
  const item = s.ui['file.reset_layout'];
  await page.mouse.click(item[0] + 20, item[1] + item[3] / 2);
  s = await waitForState(page, (x) => Math.abs(window.lowsky.state.ui['window.mission'][0] - x) <= 2, mission[0]);
  for (let k = 0; k < 4; ++k) near(s.ui['window.findings'][k], findings[k], `findings panel after reset [${k}]`);
  assert.ok(s.ui['window.simulation'][3] > 40, 'the simulation panel unfolded');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.outsideRequests, []);
  await context.close();
});
