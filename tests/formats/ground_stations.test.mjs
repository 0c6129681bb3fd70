// Every golden export is accepted by the rules of QGroundControl, MAVSDK and pymavlink, and
// those rules are not rubber stamps: the reference's own broken cases fail them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { qgcLoadPlan, mavsdkLoadPlan, qgcLoadWaypoints, pymavlinkLoadWaypoints, mavsdkLoadWaypoints } from './ground_station_rules.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLDEN = join(ROOT, 'tests', 'golden', 'missions');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'missions');
const read = (...p) => readFileSync(join(...p), 'utf8');

const plans = readdirSync(GOLDEN).filter((f) => f.endsWith('.plan'));
const waypoints = readdirSync(GOLDEN).filter((f) => f.endsWith('.waypoints'));

test('there are golden plans and waypoints', () => {
  assert.ok(plans.length >= 6 && waypoints.length >= 3);
});

for (const f of plans) {
  test(`${f}: QGroundControl and MAVSDK load it`, () => {
    const text = read(GOLDEN, f);
    assert.equal(qgcLoadPlan(text), null);
    assert.equal(mavsdkLoadPlan(text), null);
    const plan = JSON.parse(text);
    const px4 = plan.mission.firmwareType === 12;
    for (const item of plan.mission.items) {
      assert.equal(item.type, 'SimpleItem');
      assert.equal(item.params.length, 7);
      // Frame 2 for commands without a position (PX4 refuses anything else; its frame-2 list has
      // these and the camera commands, 206 DO_SET_CAM_TRIGG_DIST among them).
      if ([178, 20, 93, 211, 112, 177, 3000, 206].includes(item.command)) assert.equal(item.frame, 2, `command ${item.command}`);
      else assert.ok([0, 3].includes(item.frame), `command ${item.command} in frame ${item.frame}`);
      if (!px4) assert.ok(item.params.every((p) => p !== null), 'ArduPilot flavour: no null parameter');
      if ([16, 21, 22, 84, 85].includes(item.command)) assert.ok(Number.isFinite(item.params[6]), 'a positional item has an altitude');
      if (px4) assert.ok(![183, 94].includes(item.command), 'PX4 refuses DO_SET_SERVO and PAYLOAD_PLACE');
    }
  });
}

for (const f of waypoints) {
  test(`${f}: QGroundControl, pymavlink and MAVSDK load it`, () => {
    const text = read(GOLDEN, f);
    assert.equal(qgcLoadWaypoints(text), null);
    assert.equal(pymavlinkLoadWaypoints(text), null);
    assert.equal(mavsdkLoadWaypoints(text), null);
    assert.ok(!text.includes('\r') && !text.includes('\n\n') && !text.includes('#'));
    const home = text.split('\n')[1].split('\t');
    assert.deepEqual(home.slice(0, 4), ['0', '1', '0', '16'], 'line 0 is home, frame 0 (AMSL)');
  });
}

test('the hand-written valid fixtures load everywhere', () => {
  const plan = read(FIXTURES, 'valid-px4.plan');
  assert.equal(qgcLoadPlan(plan), null);
  assert.equal(mavsdkLoadPlan(plan), null);
  const wp = read(FIXTURES, 'valid-ardupilot.waypoints');
  for (const load of [qgcLoadWaypoints, pymavlinkLoadWaypoints, mavsdkLoadWaypoints]) assert.equal(load(wp), null);
});

test("the loaders' rules refuse the reference's broken cases", () => {
  const broken = (f) => read(FIXTURES, 'broken', f);
  assert.match(qgcLoadPlan(broken('missing-groundstation.plan')), /groundStation/);
  assert.match(qgcLoadPlan(broken('six-params.plan')), /7 values/);
  assert.match(qgcLoadPlan(broken('autocontinue-number.plan')), /autoContinue/);
  assert.match(qgcLoadPlan(broken('unknown-item-type.plan')), /Unknown item type/);
  assert.match(mavsdkLoadPlan(broken('missing-geofence.plan')), /geoFence/);
  assert.match(mavsdkLoadPlan(broken('mission-version-1.plan')), /mission.version/);
  assert.equal(mavsdkLoadPlan(broken('missing-groundstation.plan')), null, 'MAVSDK accepts what QGC refuses: validate against both');
  assert.match(qgcLoadWaypoints(broken('header-trailing-space.waypoints')), /not compatible/);
  assert.match(qgcLoadWaypoints(broken('blank-line.waypoints')), /corrupted/);
  assert.match(qgcLoadWaypoints(broken('comment-line.waypoints')), /corrupted/);
  assert.match(pymavlinkLoadWaypoints(broken('real-in-command.waypoints')), /int\(\)/);
  assert.match(pymavlinkLoadWaypoints(broken('hex-longitude.waypoints')), /float\(\) fails on "0x71"/);
  assert.match(mavsdkLoadWaypoints(broken('spaces-not-tabs.waypoints')), /12 fields/);
  assert.match(mavsdkLoadWaypoints(read(FIXTURES, 'valid-crlf.waypoints')), /Invalid field/, 'MAVSDK fails on CRLF');
});

// The default scenario's inspections and sightseeing loop, exported by the command-line tool for
// each firmware and format: every loader takes them, with the item counts worked from the
// scenario (takeoff and speed, per line or pass a waypoint at each end and at each bend with the
// camera on and off, or per stop a region of interest, a waypoint and a look; ArduPilot's ROI off;
// the return).
test("the default scenario's inspections and sightseeing loop export as files every loader takes", async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-missions-'));
  const gba = join(ROOT, 'assets', 'scenarios', 'gba.json');
  const scenario = JSON.parse(read(gba));
  for (const [flag, object] of [...scenario.inspections.map((i) => ['--inspection', i]), ...scenario.sightseeing.map((t) => ['--sightseeing', t])]) {
    for (const [firmware, format] of [['px4', 'plan'], ['ardupilot', 'plan'], ['ardupilot', 'waypoints']]) {
      const out = join(dir, `${object.id}.${firmware}.${format}`);
      execFileSync(join(ROOT, 'build', 'native', 'lowsky'), ['export', gba, flag, object.id, '--format', format, '--firmware', firmware, '-o', out], { stdio: 'pipe' });
      const text = read(out);
      let commands;
      if (format === 'plan') {
        assert.equal(qgcLoadPlan(text), null, out);
        assert.equal(mavsdkLoadPlan(text), null, out);
        commands = JSON.parse(text).mission.items.map((i) => i.command);
      } else {
        assert.equal(qgcLoadWaypoints(text), null, out);
        assert.equal(pymavlinkLoadWaypoints(text), null, out);
        assert.equal(mavsdkLoadWaypoints(text), null, out);
        commands = text.trim().split('\n').slice(2).map((line) => Number(line.split('\t')[3]));  // after the header and home
      }
      assert.equal(commands[0], 22, `${out}: take-off first`);
      assert.equal(commands.at(-1), 20, `${out}: the return last`);
      if (flag === '--sightseeing') {
        const stops = object.stops.length;
        assert.equal(commands.filter((c) => c === 201).length, stops + (firmware === 'ardupilot' ? 1 : 0), `${out}: an ROI per stop`);
        assert.equal(commands.filter((c) => c === 19).length, object.look_s > 0 ? stops : 0, `${out}: a look per stop`);
        assert.equal(commands.filter((c) => c === 16).length, stops, `${out}: a waypoint per viewpoint`);
      } else {
        const on = commands.filter((c) => c === 206).length;
        assert.ok(on > 0 && on % 2 === 0, `${out}: the camera on and off per line`);
        const lines = on / 2;
        const bends = object.along ? object.along.length - 2 : 0;
        assert.equal(commands.filter((c) => c === 16).length, lines * (2 + bends), `${out}: a waypoint at each end and bend of each line`);
      }
    }
  }
});
