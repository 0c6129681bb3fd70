// Every bundled scenario and every valid fixture conforms to docs/scenario.schema.json, and
// the schema is not a rubber stamp: broken documents fail it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'scenario.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const read = (...p) => JSON.parse(readFileSync(join(ROOT, ...p), 'utf8'));

const bundled = readdirSync(join(ROOT, 'assets', 'scenarios')).filter((f) => f.endsWith('.json'));

test('there are bundled scenarios to check', () => {
  assert.ok(bundled.includes('gba.json'));
});

for (const file of bundled) {
  test(`assets/scenarios/${file} conforms to the schema`, () => {
    const ok = validate(read('assets', 'scenarios', file));
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  });
}

test('tests/fixtures/scenarios/minimal.json conforms to the schema', () => {
  assert.ok(validate(read('tests', 'fixtures', 'scenarios', 'minimal.json')), JSON.stringify(validate.errors));
});

test('the schema refuses broken documents', () => {
  const base = read('assets', 'scenarios', 'gba.json');
  const broken = [
    ['wrong format', (d) => { d.format = 'other'; }],
    ['newer version', (d) => { d.version = 2; }],
    ['unknown member', (d) => { d.surprise = true; }],
    ['latitude out of range', (d) => { d.hubs[0].position.lat_deg = 95; }],
    ['unknown altitude reference', (d) => { d.corridors[0].floor.reference = 'feet'; }],
    ['corridor with one point', (d) => { d.corridors[0].centreline.length = 1; }],
    ['zone with two shapes', (d) => { d.zones[0].circle = { center: { lat_deg: 22, lon_deg: 113 }, radius_m: 10 }; }],
    ['bad clock', (d) => { d.zones[1].time_windows[0].start = '25:00'; }],
    ['missing hubs', (d) => { delete d.hubs; }],
    ['inspection with an area and a line', (d) => { d.inspections[0].along = d.inspections[1].along; }],
    ['corridor scan without its width', (d) => { delete d.inspections[1].width_m; }],
    ['sightseeing loop without stops', (d) => { d.sightseeing[0].stops = []; }],
    ['departure at 24:30', (d) => { d.sightseeing[0].departures[0] = '24:30'; }],
  ];
  for (const [what, mutate] of broken) {
    const doc = structuredClone(base);
    mutate(doc);
    assert.equal(validate(doc), false, `${what} must fail the schema`);
  }
});
