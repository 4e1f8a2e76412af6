import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformPosition } from '../../src/core/geo/crs';
import { launch, waitForMap } from './browser';
import { buildVariant } from './build-variant';

const ROOT = resolve(import.meta.dirname, '../..');
const AMAP = [1, 2, 3, 4].map((i) => `https://webrd0${i}.is.autonavi.com`);
/** A 1×1 PNG: what every intercepted tile request gets, so no real tile is ever fetched. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let browser: Browser;
let site: Awaited<ReturnType<typeof buildVariant>> | undefined;

beforeAll(async () => {
  site = await buildVariant({ basemap: { type: 'amap' } });
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('online basemap provider chosen at build time (AMap, GCJ-02), without touching the network', () => {
  it('the CSP lists exactly AMap tile origins; tiles are asked of them only; every overlay is moved to GCJ-02', async () => {
    const html = readFileSync(join(site?.dist ?? '', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`connect-src 'self' ${AMAP.join(' ')};`);
    expect(csp).toContain(`img-src 'self' data: blob: ${AMAP.join(' ')};`);

    const url = site?.url ?? '';
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const offOrigin: string[] = [];
    // Every request off the app's origin is answered here: the test never reaches the internet.
    await context.route(
      (u) => u.origin !== new URL(url).origin && u.protocol.startsWith('http'),
      (route) => {
        offOrigin.push(route.request().url());
        return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
      },
    );
    const page = await context.newPage();
    const errors: string[] = [];
    const sameOrigin: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url().startsWith(url)) sameOrigin.push(r.url().slice(url.length));
    });
    await page.goto(url);
    await waitForMap(page);

    const style = await page.evaluate(() => {
      const s = window.atlas?.map.getStyle();
      return { sources: s?.sources ?? {}, layers: (s?.layers ?? []).map((l) => l.id) };
    });
    expect(style.sources['basemap-provider-base']).toMatchObject({ type: 'raster' });
    expect((style.sources['basemap-provider-base'] as { tiles?: string[] }).tiles?.[0]).toMatch(
      /^https:\/\/webrd01\.is\.autonavi\.com\/appmaptile\?/,
    );
    // The provider replaces the offline basemap: neither the default nor an OSM one is loaded.
    expect(style.layers.filter((l) => l.startsWith('basemap-'))).toEqual(['basemap-provider-base']);
    // (Data, not code: small shared chunks named after a basemap module, such as its file names, are JS.)
    const basemapData = sameOrigin.filter((u) => u.includes('basemap') && !/^assets\/[^/]+\.js$/.test(u));
    expect(basemapData).toEqual([]);
    // The recorder sees the app's own data (so the empty list above means something).
    expect(sameOrigin.some((u) => /places-[^/]*\.geojson$/.test(u))).toBe(true);

    await expect.poll(() => offOrigin.length).toBeGreaterThan(0);
    expect([...new Set(offOrigin.map((u) => new URL(u).origin))].every((o) => AMAP.includes(o))).toBe(true);

    // The data the map draws is in GCJ-02: 西城's outline and a 街道 label point, against the committed WGS-84 files.
    const wgsDistrict = JSON.parse(readFileSync(join(ROOT, 'geodata/district.geojson'), 'utf8'));
    const wgsSub = JSON.parse(readFileSync(join(ROOT, 'geodata/subdistricts.geojson'), 'utf8'));
    const drawn = await page.evaluate(() => ({
      district: (window.atlas?.data.district.features[0]?.geometry.coordinates as number[][][] | undefined)?.[0]?.[0],
      label: window.atlas?.data.subdistricts.features[0]?.properties.label,
    }));
    const gcj = (p: number[]) => transformPosition(p, 'wgs84', 'gcj02');
    expect(drawn.district).toEqual(gcj(wgsDistrict.features[0].geometry.coordinates[0][0]));
    expect(drawn.label).toEqual(gcj(wgsSub.features[0].properties.label));
    const dx = (drawn.district?.[0] ?? 0) - wgsDistrict.features[0].geometry.coordinates[0][0][0];
    expect(dx).toBeGreaterThan(0.0059);
    expect(dx).toBeLessThan(0.0065);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('near me puts the device’s WGS-84 position onto the GCJ-02 map before measuring distances', async () => {
    const url = site?.url ?? '';
    const xidan = { latitude: 39.9087, longitude: 116.3737 };
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      geolocation: xidan,
      permissions: ['geolocation'],
    });
    await context.route(
      (u) => u.origin !== new URL(url).origin && u.protocol.startsWith('http'),
      (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
    );
    const page = await context.newPage();
    await page.goto(`${url}?mode=resident`);
    await waitForMap(page);
    await page.locator('#resident-locate').click();
    const near = () => new URL(page.url()).searchParams.get('near')?.split(',').map(Number);
    await expect.poll(near).toBeDefined();
    const [lng, lat] = transformPosition([xidan.longitude, xidan.latitude], 'wgs84', 'gcj02');
    const [gotLat, gotLng] = near() ?? [];
    expect(Math.abs((gotLat ?? 0) - lat)).toBeLessThan(2e-6);
    expect(Math.abs((gotLng ?? 0) - lng)).toBeLessThan(2e-6);
    // the GCJ-02 shift is ~600 m east here: the unconverted position would be far outside that tolerance
    expect(Math.abs((gotLng ?? 0) - xidan.longitude)).toBeGreaterThan(0.005);
    await context.close();
  }, 120_000);
});
