// The command-line tool built to WebAssembly (build/web/lowsky.cjs, under node) reads and writes
// every file as the native one does: the same refusals with the same where and why, the same
// exports byte for byte. The browser runs this WebAssembly engine, so a difference here (a
// 32-bit `long`, a libc that rounds otherwise) is a difference an operator would meet there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NATIVE = join(ROOT, 'build', 'native', 'lowsky');
const WASM = join(ROOT, 'build', 'web', 'lowsky.cjs');
const MISSIONS = join(ROOT, 'tests', 'fixtures', 'missions');
const BROKEN = join(MISSIONS, 'broken');
const GOLDEN = join(ROOT, 'tests', 'golden', 'missions');

function run(which, args, cwd = ROOT) {
  const [command, prefix] = which === 'native' ? [NATIVE, []] : [process.execPath, ['--no-experimental-fetch', WASM]];
  const r = spawnSync(command, [...prefix, ...args], { cwd, encoding: 'buffer', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1') };
}

// Both tools on the same arguments: the same exit code and the same bytes out.
function both(args, cwd) {
  const native = run('native', args, cwd), wasm = run('wasm', args, cwd);
  assert.equal(wasm.status, native.status, `exit code of lowsky ${args.join(' ')}: ${wasm.stderr}`);
  assert.equal(wasm.stdout, native.stdout, `output of lowsky ${args.join(' ')}`);
  return wasm;
}

const files = (dir, ...ends) => readdirSync(dir).filter((f) => ends.some((e) => f.endsWith(e))).sort();

// The broken fixtures' hand-written refusals: file, where and the message's start.
const EXPECTED = JSON.parse(readFileSync(join(BROKEN, 'expected.json'), 'utf8'));

test('every broken mission fixture is refused in WebAssembly with its expected where and why', () => {
  assert.ok(EXPECTED.length >= 47);
  for (const c of EXPECTED) {
    const out = both(['import', c.file, '--json'], BROKEN);
    assert.equal(out.status, 2, c.file);
    const { error } = JSON.parse(out.stdout);
    assert.ok(error.where.startsWith(c.where), `${c.file}: where ${error.where}, expected ${c.where}`);
    assert.ok(error.message.startsWith(c.message), `${c.file}: ${error.message}`);
  }
});

test('the sequence number 2^32 + 1 is not read as 1 (32-bit long in WebAssembly)', () => {
  const out = run('wasm', ['import', 'sequence-beyond-32-bits.waypoints', '--json'], BROKEN);
  assert.equal(out.status, 2);
  assert.equal(JSON.parse(out.stdout).error.message, 'sequence number 4294967297 where 1 was expected');
});

test('every mission file that loads reads the same in WebAssembly', () => {
  const loads = [
    ...files(MISSIONS, '.plan', '.waypoints').map((f) => [MISSIONS, f]),
    ...files(BROKEN, '.plan', '.waypoints').filter((f) => !EXPECTED.some((c) => c.file === f)).map((f) => [BROKEN, f]),
    ...files(GOLDEN, '.plan', '.waypoints', '.kml', '.geojson').map((f) => [GOLDEN, f]),
  ];
  assert.ok(loads.length >= 25, `${loads.length} files`);
  for (const [dir, f] of loads) {
    const out = both(['import', f, '--json'], dir);
    assert.equal(out.status, 0, `${f}: ${out.stdout.slice(0, 300)}`);
  }
});

// Each case of a golden list written by the WebAssembly tool: `args(line)` gives the file's name
// and the arguments that write it.
function writesGoldens(list, count, args) {
  const cases = readFileSync(join(GOLDEN, list), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  assert.equal(cases.length, count);
  const dir = mkdtempSync(join(tmpdir(), 'lowsky-wasm-cli-'));
  try {
    for (const line of cases) {
      const [name, rest] = args(line);
      const r = run('wasm', [...rest, '-o', join(dir, name)]);
      assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      assert.ok(readFileSync(join(dir, name)).equals(readFileSync(join(GOLDEN, name))), `${name} differs from the golden file`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('WebAssembly exports every golden mission byte for byte', () => {
  // "NAME | export arguments" (after: lowsky export assets/scenarios/gba.json)
  writesGoldens('cases.txt', 21, (line) => {
    const [name, args] = line.split('|').map((s) => s.trim());
    return [name, ['export', 'assets/scenarios/gba.json', ...args.split(/\s+/)]];
  });
});

test('WebAssembly writes every golden survey byte for byte', () => {
  // "NAME | ARG | ARG ..." (after: lowsky plan-inspection)
  writesGoldens('survey_cases.txt', 4, (line) => {
    const [name, ...args] = line.split('|').map((s) => s.trim());
    return [name, ['plan-inspection', ...args]];
  });
});

test('routes, flights, reach, the tour, edits and a simulated morning read the same in WebAssembly', () => {
  const gba = 'assets/scenarios/gba.json';
  both(['route', gba, '--from', 'baoan-ops', '--to', 'songshan-lake', '--drone', 'vtol-fixed-wing', '--json']);
  both(['route', gba, '--from', 'guzhen', '--to', 'xinhui', '--drone', 'heavy-octo', '--objective', 'energy', '--json']);
  both(['flight', gba, '--json']);
  both(['reach', gba, '--from', 'baoan-ops', '--drone', 'vtol-fixed-wing', '--json']);
  both(['tour', gba, '--json']);
  both(['simulate', gba, '--hours', '3', '--report', '-']);
  const edits = join(ROOT, 'tests', 'fixtures', 'edits');
  for (const f of files(edits, '.json')) both(['edit', gba, join(edits, f), '-o', '-']);
});

test('every scenario fixture validates the same in WebAssembly', () => {
  const dirs = [join(ROOT, 'assets', 'scenarios'), join(ROOT, 'tests', 'fixtures', 'scenarios'), join(ROOT, 'tests', 'fixtures', 'scenarios', 'broken')];
  let count = 0;
  for (const dir of dirs) {
    for (const f of files(dir, '.json').filter((f) => f !== 'expected.json')) {
      both(['validate', f, '--json'], dir);
      ++count;
    }
  }
  assert.ok(count >= 35, `${count} scenarios`);
});

test("WebAssembly's own memcpy and memset (engine/core/wasm_memory.cpp) copy and fill every size and alignment exactly", () => {
  const r = spawnSync(process.execPath, ['--no-experimental-fetch', join(ROOT, 'build', 'web', 'tests', 'lowsky_memory_check.cjs')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  // 1,101 sizes x 8 x 8 alignments copied, 1,101 sizes x 8 alignments filled
  assert.equal(r.stdout.trim(), 'memcpy: 70464 cases, 0 wrong; memset: 8808 cases, 0 wrong');
});
