// The busy day and the 100,000-order region-wide day give the same report natively and in
// WebAssembly, byte for byte, and the very report they gave before issue 17's optimisations.
// The digests are those of `lowsky simulate --report` for the files that `lowsky_sim_bench
// write-day` and `write-region-day` write: first on 6eda263; since the fleet's powers stopped
// aliasing (a loaded flight had been priced empty: one delivery of the busy day, five of the
// region's). A change of the simulation's model changes them: then say why in the commit that
// records the new ones. An optimisation never may.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BEFORE = {
  busy: '0fa4a8a9ad07b3cf34f56e3829b618d71c478f3289cf74f9321721296b4bfcd7',
  region: '0d3c6bc17926d45007eefc728af26da310fbda3e813b989686bb00509b43a269',
};

function reports(day) {
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-day-'));
  const native = join(dir, 'native.json'), wasm = join(dir, 'wasm.json');
  execFileSync(join(ROOT, 'build/native/bench/lowsky_sim_bench'), ['report', day, native], { cwd: ROOT });
  execFileSync(process.execPath, ['--no-experimental-fetch', join(ROOT, 'build/web/bench/lowsky_sim_bench.cjs'), 'report', day, wasm], { cwd: ROOT });
  return { native: readFileSync(native), wasm: readFileSync(wasm) };
}

for (const day of ['busy', 'region']) {
  test(`the ${day} day's report is the same natively, in WebAssembly and as before`, { timeout: 300000 }, () => {
    const { native, wasm } = reports(day);
    assert.ok(native.length > 1e6, 'a whole day of deliveries');
    assert.ok(native.equals(wasm), 'WebAssembly gives the native bytes');
    assert.equal(createHash('sha256').update(native).digest('hex'), BEFORE[day]);
  });
}
