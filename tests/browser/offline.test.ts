import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitForMap } from './browser';
import { serveDir } from './static-server';

/**
 * Offline reload and safe updates (issue 16, item 7): the production build served from a copy of
 * dist/, visited once, then the network cut for real (the server is closed and the browser set
 * offline) — or a new build deployed over the old one.
 */
const ROOT = resolve(import.meta.dirname, '../..');
let browser: Browser;
let tmp = '';
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `vite build` first (npm test does)');
  tmp = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function site(name: string) {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return { dir, ...(await serveDir(dir)) };
}

function watch(page: Page, origin: string) {
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) offOrigin.push(u);
  });
  return { errors, offOrigin };
}

/** Waits until a service worker is active for the page (the precache is complete then). */
/**
 * The state the ready worker reaches: `ready` resolves once a worker is active, which can still be
 * `activating` (the app registers it after the first view is complete); its next state change is awaited.
 */
const swActive = (page: Page) =>
  page.evaluate(() =>
    navigator.serviceWorker.ready.then((r) => {
      const w = r.active;
      if (!w) return 'none';
      if (w.state !== 'activating') return w.state;
      return new Promise<string>((resolve) => w.addEventListener('statechange', () => resolve(w.state), { once: true }));
    }),
  );

/** Place features the map has drawn from its sources. */
const placesDrawn = (page: Page) =>
  page.evaluate(() => {
    const m = window.atlas?.map;
    if (!m) return 0;
    return ['place-points', 'place-lines', 'place-areas'].reduce((n, s) => n + m.querySourceFeatures(s).length, 0);
  });

describe('offline reload', () => {
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
  });

  it('visit once, cut the network, reload: the report and the map draw from the offline copy, and say so', async () => {
    const s = await site('offline');
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const seen = watch(page, new URL(s.url).origin);
    await page.goto(`${s.url}?place=shichahai`);
    await waitForMap(page);
    expect(await swActive(page)).toBe('activated');
    await page.waitForFunction(() => document.documentElement.dataset.offline !== undefined, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.offline)).toBe('false');
    expect(await page.locator('#offline-badge').isVisible()).toBe(false);

    // The network goes down: the server is gone and the browser knows it is offline.
    await s.close();
    await context.setOffline(true);
    const notFromWorker: string[] = [];
    page.on('response', (r) => {
      if (!r.fromServiceWorker() && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) notFromWorker.push(r.url());
    });
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('#p1-1-1 .para-text').isVisible()).toBe(true);
    expect(await page.locator('#card .card-name').textContent()).toContain('什刹海');
    await expect.poll(() => placesDrawn(page), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.evaluate(() => window.atlas?.map.getStyle().layers.some((l) => l.id.startsWith('basemap')))).toBe(true);
    // The app says what it found once its probe of the origin has answered (after the load event
    // and the worker's registration, which a loaded machine can take seconds to reach).
    await page.waitForFunction(() => document.documentElement.dataset.offline !== undefined, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.offline)).toBe('true');
    expect(await page.locator('#offline-badge').isVisible()).toBe(true);
    expect(await page.locator('#offline-badge').textContent()).toMatch(/离线副本.*Offline copy/);
    expect(notFromWorker).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);

    // A deep link never visited before opens from the same copy.
    await page.goto(`${s.url}?mode=planner&theme=environment`);
    await waitForMap(page);
    await page.waitForFunction(() => window.atlasPlanner?.ready === true, undefined, { timeout: 60_000 });
    expect(seen.errors).toEqual([]);
  });
});

let built = '';
/** A second, real build of the same sources with another build id (once per run). */
function nextBuild(): string {
  if (built) return built;
  const next = join(tmp, 'next-build');
  const b = spawnSync(resolve(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', next, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_BUILD_ID: 'update-test' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (b.status !== 0) throw new Error(`second build failed: ${b.stderr}`);
  built = next;
  return next;
}
/** Replaces a site's files with a build's, as a deployment does. */
function deploy(build: string, dir: string): void {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
  cpSync(build, dir, { recursive: true });
}

describe('a new build is picked up safely', () => {
  it('the open page keeps working on the old files, is offered the new version and reloads into it', async () => {
    const s = await site('update');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const seen = watch(page, new URL(s.url).origin);
    await page.goto(s.url);
    await waitForMap(page);
    expect(await swActive(page)).toBe('activated');
    // Reload so that the worker controls the page, as on any later visit.
    await page.reload();
    await waitForMap(page);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const oldBuild = await page.evaluate(() => document.documentElement.dataset.build);

    // A second, real build, deployed over the first: the old hashed files are gone from the server.
    deploy(nextBuild(), s.dir);

    // The browser looks for a new worker (on navigation, or as here on request): it installs the
    // new build beside the old one and waits, and the page offers it.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.locator('#update-bar #update-reload').waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(oldBuild);
    // Meanwhile the open page loads a lazy chunk of its own build, gone from the server: the old
    // copy still serves it (a worker that took over at once would have dropped it).
    await page.evaluate(() => window.atlas?.store.set({ mode: 'planner' }, { push: true }));
    await page.waitForFunction(() => window.atlasPlanner?.ready === true, undefined, { timeout: 60_000 });
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.locator('#update-reload').click()]);
    await waitForMap(page);
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('update-test');
    // The same view as before the update (the planner), on the new build's data.
    expect(new URL(page.url()).searchParams.get('mode')).toBe('planner');
    await page.waitForFunction(() => window.atlasPlanner?.ready === true, undefined, { timeout: 60_000 });
    expect(await page.locator('#p1-1-1 .para-text').textContent()).toBeTruthy();
    expect(await page.locator('#update-bar').isVisible()).toBe(false);
    expect(seen.errors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
    await context.close();
    await s.close();
  }, 400_000);

  it('an unattended kiosk reloads into the new build on its own, during its attract tour, not while in use', async () => {
    const s = await site('kiosk-update');
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    const page = await context.newPage();
    const seen = watch(page, new URL(s.url).origin);
    const kioskReady = () =>
      page.waitForFunction(() => window.atlas?.ready === true && !!window.atlasKiosk, undefined, { timeout: 120_000 });
    await page.goto(`${s.url}?mode=kiosk`);
    await kioskReady();
    expect(await swActive(page)).toBe('activated');
    await page.reload();
    await kioskReady();
    // Someone is using the kiosk: no tour for an hour.
    await page.evaluate(() => window.atlasKiosk?.setTimings({ attractMs: 3_600_000 }));
    deploy(nextBuild(), s.dir);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting), undefined, { timeout: 120_000 });
    // Waiting, not applied: the screen in use keeps its build, and shows no prompt (nobody to tap it).
    expect(await page.evaluate(() => document.documentElement.dataset.build)).not.toBe('update-test');
    expect(await page.locator('#update-bar').count()).toBe(0);
    // Nobody touches it: the attract tour starts, and the kiosk reloads into the new build.
    await Promise.all([
      page.waitForEvent('load', { timeout: 120_000 }),
      page.evaluate(() => window.atlasKiosk?.setTimings({ attractMs: 200 })),
    ]);
    await kioskReady();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('update-test');
    expect(await page.evaluate(() => document.body.dataset.mode)).toBe('kiosk');
    expect(seen.errors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
    await context.close();
    await s.close();
  }, 400_000);
});
