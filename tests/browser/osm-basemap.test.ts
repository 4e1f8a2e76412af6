import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OSM_BASEMAP_DIR } from '../../src/core/geo/osm-basemap';
import { buildOsmBasemap, checkOsmTools } from '../../src/pipeline/basemap/osm';
import { baseUrl, launch, waitForMap } from './browser';
import { serveDir } from './static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/osm/shichahai.osm');

let browser: Browser;
let tmp = '';
const sites: Array<{ url: string; close: () => Promise<void> }> = [];
let withOsm = '';
let withoutManifest = '';

beforeAll(async () => {
  // No skipping: without osmium-tool this fails with the apt-get line (npm test installs it as root).
  checkOsmTools();
  const dist = resolve(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first (npm test does)');
  tmp = mkdtempSync(join(tmpdir(), 'atlas-osm-site-'));
  // The app as deployed with a street basemap built beside it: a copy of dist/ plus the fixture's build.
  cpSync(dist, join(tmp, 'osm'), { recursive: true });
  await buildOsmBasemap(FIXTURE, join(tmp, 'osm', OSM_BASEMAP_DIR), { allowPartial: true });
  // And as deployed by a host that dropped the manifest altogether: the check gets a 404.
  cpSync(dist, join(tmp, 'bare'), { recursive: true });
  rmSync(join(tmp, 'bare', OSM_BASEMAP_DIR), { recursive: true, force: true });
  for (const dir of ['osm', 'bare']) sites.push(await serveDir(join(tmp, dir)));
  withOsm = sites[0]?.url ?? '';
  withoutManifest = sites[1]?.url ?? '';
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const s of sites) await s.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const offOrigin: string[] = [];
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) offOrigin.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  await page.goto(url);
  await waitForMap(page);
  return { page, offOrigin, errors, consoleErrors };
}

/** Moves the map and resolves once every tile and label there is drawn. */
function viewAt(page: Page, lng: number, lat: number, zoom: number): Promise<void> {
  return page.evaluate(
    ({ lng, lat, zoom }) =>
      new Promise<void>((done) => {
        const map = window.atlas?.map;
        if (!map) return done();
        map.once('idle', () => done());
        map.jumpTo({ center: [lng, lat], zoom });
      }),
    { lng, lat, zoom },
  );
}

/** Names of the rendered features of some layers within `radius` px of a coordinate. */
function namesNear(page: Page, lng: number, lat: number, radius: number, layers: string[]): Promise<string[]> {
  return page.evaluate(
    ({ lng, lat, radius, layers }) => {
      const map = window.atlas?.map;
      if (!map) return [];
      const present = layers.filter((l) => map.getLayer(l));
      const p = map.project([lng, lat]);
      const box: [[number, number], [number, number]] = [
        [p.x - radius, p.y - radius],
        [p.x + radius, p.y + radius],
      ];
      return [...new Set(map.queryRenderedFeatures(box, { layers: present }).map((f) => String(f.properties.name)))].sort();
    },
    { lng, lat, radius, layers },
  );
}

const basemapLayers = (page: Page) =>
  page.evaluate(() => (window.atlas?.map.getStyle().layers ?? []).map((l) => l.id).filter((id) => id.startsWith('basemap-')));

describe('full street basemap from OpenStreetMap', () => {
  it('draws the OSM basemap built beside the app instead of the default: named hutongs, 什刹海, labels in Chinese', async () => {
    const { page, offOrigin, errors, consoleErrors } = await open(withOsm);
    const layers = await basemapLayers(page);
    expect(layers).toContain('basemap-osm-roads-minor');
    expect(layers).toContain('basemap-osm-water-area');
    // The default's roads, water and "no road data" notes give way; its stations stay as context.
    expect(layers).not.toContain('basemap-roads-local');
    expect(layers).not.toContain('basemap-water-area');
    expect(layers.some((l) => l.startsWith('basemap-coverage'))).toBe(false);
    expect(layers).toContain('basemap-stations');

    await viewAt(page, 116.391, 39.9395, 16);
    const streets = await namesNear(page, 116.391, 39.9395, 40, [
      'basemap-osm-roads-minor',
      'basemap-osm-roads-arterial',
      'basemap-osm-roads-tertiary',
    ]);
    expect(streets).toContain('烟袋斜街');
    // The street's name is drawn along it (the symbol layer only returns labels actually placed).
    await expect
      .poll(() => namesNear(page, 116.391, 39.9395, 200, ['basemap-osm-roads-label-minor', 'basemap-osm-roads-label-major']))
      .toEqual(expect.arrayContaining(['烟袋斜街']));
    // 前海, one of the two lakes of the 什刹海 multipolygon relation.
    expect(await namesNear(page, 116.3915, 39.937, 3, ['basemap-osm-water-area'])).toEqual(['什刹海']);
    // Buildings load on reaching their zoom: 鼓楼 at the north end of 地安门外大街.
    await viewAt(page, 116.396, 39.9428, 17);
    await expect.poll(() => namesNear(page, 116.396, 39.9428, 3, ['basemap-osm-buildings'])).toEqual(['鼓楼']);

    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: 'test-results/osm-basemap.png' });
  }, 150_000);

  it('the default build finds no OSM basemap without a single console error, and draws the embedded one', async () => {
    const { page, offOrigin, errors, consoleErrors } = await open(baseUrl());
    const layers = await basemapLayers(page);
    expect(layers).toContain('basemap-roads-local');
    expect(layers.some((l) => l.startsWith('basemap-osm-'))).toBe(false);
    // It did ask: the build ships a manifest that says there is none.
    const manifest = await page.evaluate(() => fetch('basemap-osm/manifest.json').then((r) => r.json()));
    expect(manifest).toMatchObject({ present: false });
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('a host without the manifest (404) means the default basemap, not an error in the page', async () => {
    const { page, offOrigin, errors } = await open(withoutManifest);
    const layers = await basemapLayers(page);
    expect(layers).toContain('basemap-roads-local');
    expect(layers.some((l) => l.startsWith('basemap-osm-'))).toBe(false);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('#notice').isVisible()).toBe(false);
  }, 90_000);
});
