// Shared set-up for the browser tests: serve build/web/dist on a free loopback port, drive
// Debian's headless Chromium (SwiftShader WebGL2) through playwright-core, and collect every
// console error and failed request so that a test can insist there were none.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { startServer } from '../../scripts/lib/static_server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'build', 'web', 'dist');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launch() {
  const server = await startServer(DIST, 0);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url, browser,
    async close() { await browser.close(); await new Promise((ok) => server.close(ok)); },
  };
}

// Opens the app in a fresh page and records what went wrong on it.
// The service worker is blocked unless asked for: a test that intercepts a request must see
// it, and the worker would answer from its cache (tests/e2e/offline.test.mjs allows it).
export async function openPage(env, { viewport = { width: 1280, height: 720 }, deviceScaleFactor = 1, hasTouch = false, isMobile = false,
                                      serviceWorkers = 'block', setup, hash = '' } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor, hasTouch, isMobile, serviceWorkers });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], outsideRequests: [] };
  // Nothing may need the network: a request outside the served origin is refused and noted.
  const origin = new URL(env.url).origin;
  await context.route((url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:', (route) => {
    problems.outsideRequests.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.failedRequests.push(`${r.url()} HTTP ${r.status()}`); });
  if (setup) await setup(page);
  await page.goto(env.url + hash);
  return { page, context, problems };
}

// Ready: the assets loaded and drawn, and the layout settled (the first frames after ready
// still place and size the panels, and a click aimed then can miss).
export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.lowsky && window.lowsky.ready === true, null, { timeout });
  return waitSettled(page);
}

export function state(page) { return page.evaluate(() => window.lowsky.state); }

// Waits until the app has drawn a frame whose state satisfies `predicate` (run in the page).
// When it never does, the error says what the app's state was then (and a screenshot is kept
// in test-results/screenshots/), so that a failure on a CI machine can be read from its log.
export async function waitForState(page, predicate, arg, { timeout = 10000 } = {}) {
  try {
    await page.waitForFunction(predicate, arg, { timeout });
  } catch (error) {
    let seen = '';
    try {
      const s = await state(page);
      const name = `failed-${Date.now()}`;
      await screenshot(page, name);
      seen = `\nwaited for: ${String(predicate)}\nthe app then: ${JSON.stringify({
        frame: s.frame, skippedFrames: s.skippedFrames, canvas: s.canvas, zoom: s.zoom, center: s.center, view: s.view, edit: s.edit,
        underPointer: s.underPointer, notices: s.notices, ui: s.ui, simRun: s.simRun, sim: s.sim && { ...s.sim, airborneAt: undefined },
      })}\nscreenshot: test-results/screenshots/${name}.png`;
    } catch (e) { seen = `\n(the app's state could not be read: ${e.message})`; }
    error.message += seen;
    throw error;
  }
  return state(page);
}

// Waits until the interface has settled: the same rectangles and view over two drawn frames, or for a
// fifth of a second of an idle app (a window sizing itself to new content, or a popup placing
// itself, takes a frame or two, and a rectangle read before then is not where it ends up).
export async function waitSettled(page, { timeout = 10000 } = {}) {
  await page.evaluate(() => { window.__lowskySettle = null; });
  await page.waitForFunction(() => {
    const s = window.lowsky.state, key = JSON.stringify([s.ui, s.windows, s.zoom, s.center, s.canvas]), now = performance.now();
    const seen = window.__lowskySettle;
    if (!seen || seen.key !== key) {
      window.__lowskySettle = { frame: s.frame, key, since: now };
      return false;
    }
    return s.frame >= seen.frame + 2 || now - seen.since >= 200;
  }, null, { timeout, polling: 50 });
  return state(page);
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  const buffer = await page.screenshot({ path });
  return PNG.sync.read(buffer);
}

// The colour of a screenshot pixel at CSS position (x, y), for deviceScaleFactor 1.
export function pixel(png, x, y) {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

export function geoToCss(page, lat, lon) {
  return page.evaluate(([la, lo]) => [Module._lowsky_geo_to_css_x(la, lo), Module._lowsky_geo_to_css_y(la, lo)], [lat, lon]);
}

export function near(rgb, expected, tolerance = 14) {
  return rgb.every((v, i) => Math.abs(v - expected[i]) <= tolerance);
}

// The map's colours (web/basemap_renderer.h, MapPalette).
export const WATER = [170, 206, 227];
export const LAND = [244, 241, 234];

// Records every touch event the page receives (type, then each finger's CSS position, the lifted
// ones last), so that a touch test that fails can say whether the browser delivered its moves.
export function recordTouches(page) {
  return page.evaluate(() => {
    window.__lowskyTouches = [];
    const where = (list) => [...list].map((t) => [t.identifier, Math.round(t.clientX), Math.round(t.clientY)]);
    for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
      window.addEventListener(type, (e) => window.__lowskyTouches.push([type, where(e.touches), where(e.changedTouches)]), { capture: true, passive: true });
  });
}

// Runs `waiting` (a wait on the app's state); when it fails, its message gets the touch events
// the page received since recordTouches.
export async function withTouchTrace(page, waiting) {
  try {
    return await waiting;
  } catch (error) {
    const seen = await page.evaluate(() => window.__lowskyTouches).catch(() => null);
    error.message += `\ntouch events the page received (type, fingers down, fingers changed): ${JSON.stringify(seen)}`;
    throw error;
  }
}
