import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, waitForMap } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const readJson = <T>(p: string) => JSON.parse(readFileSync(resolve(ROOT, p), 'utf8')) as T;

interface PlaceF {
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: { name: string; inXicheng: boolean; category: string };
}
const places = readJson<{ features: PlaceF[] }>('geodata/places.geojson').features;
const subdistricts =
  readJson<GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>>('geodata/subdistricts.geojson');
const stations = readJson<{ features: Array<{ geometry: { coordinates: [number, number] }; properties: { name: string } }> }>(
  'geodata/basemap/stations.geojson',
).features;

// Independent of the app: haversine on the same mean radius.
const R = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;
function hav(a: [number, number], b: [number, number]): number {
  const s = Math.sin(rad(b[1] - a[1]) / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}
/** The report's point places in Xicheng within r of a centre, nearest first, measured here. */
function expectedPoints(centre: [number, number], r: number): Array<{ id: string; d: number }> {
  return places
    .filter((p) => p.geometry?.type === 'Point' && p.properties.inXicheng)
    .map((p) => ({ id: p.id, d: hav(centre, (p.geometry as { coordinates: [number, number] }).coordinates) }))
    .filter((x) => x.d <= r)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
}
const subdistrictAt = (c: [number, number]) => subdistricts.features.find((f) => booleanPointInPolygon(c, f))?.properties.name ?? '';

let browser: Browser;
const offOriginAll: string[] = [];
const errorsAll: string[] = [];
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

/** SwiftShader on a shared two-core machine: a test opening a map or two needs more than the default minute. */
const SLOW = 180_000;
const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
/** 西单 crossroads, in 西长安街街道 / 金融街 surroundings. */
const XIDAN = { latitude: 39.9075, longitude: 116.3745 };

async function open(path = '', options: Parameters<Browser['newContext']>[0] = {}) {
  const r = await openPage(browser, path, options);
  contexts.push(r.context);
  await waitForMap(r.page);
  offOriginAll.push(...r.offOrigin);
  errorsAll.push(...r.errors);
  // openPage's lists were copied above; what happens after load is recorded here
  r.page.on('pageerror', (e) => errorsAll.push(String(e)));
  r.page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== new URL(r.page.url()).origin) offOriginAll.push(u);
  });
  return r;
}

/** The CI machine is slow and shared: give each condition time to come true. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const params = (page: Page) => new URL(page.url()).searchParams;
const nearParam = (page: Page) => params(page).get('near')?.split(',').map(Number) as [number, number] | undefined;
/** The list as shown: ids and the distances the app printed into data-distance. */
const listed = (page: Page) =>
  page
    .locator('#resident-list .resident-item')
    .evaluateAll((lis) =>
      lis.map((li) => ({ id: (li as HTMLElement).dataset.placeId as string, d: Number((li as HTMLElement).dataset.distance) })),
    );
/** The map has stopped moving and drawn what it shows (its 'idle' event). */
const settle = (page: Page) =>
  page
    .waitForFunction(() => !window.atlas?.map.isMoving(), undefined, { timeout: 20_000 })
    .then(() =>
      page.evaluate(
        () =>
          new Promise<void>((done) => {
            const m = window.atlas?.map;
            if (!m) return done();
            m.once('idle', () => done());
            m.triggerRepaint();
          }),
      ),
    );

/** The list must hold exactly the point places within r, in haversine order, with the same distances. */
async function checkList(page: Page, centre: [number, number], r: number) {
  const expected = expectedPoints(centre, r);
  await poll(async () => (await listed(page)).filter((x) => expected.some((e) => e.id === x.id)).length).toBe(expected.length);
  const got = await listed(page);
  const pointIds = new Set(places.filter((p) => p.geometry?.type === 'Point').map((p) => p.id));
  const gotPoints = got.filter((x) => pointIds.has(x.id));
  expect(gotPoints.map((x) => x.id)).toEqual(expected.map((x) => x.id));
  for (const [i, x] of gotPoints.entries()) expect(Math.abs(x.d - (expected[i]?.d ?? 0))).toBeLessThan(1);
  // every row (lines and areas included) is within the radius, and the whole list is nearest first
  for (const [i, x] of got.entries()) {
    expect(x.d).toBeLessThanOrEqual(r + 0.1);
    if (i > 0) expect(x.d).toBeGreaterThanOrEqual(got[i - 1]?.d ?? 0);
  }
  return got;
}

/** The circle's box, in page pixels, against the part of the map the bottom sheet leaves visible. */
const circleFrame = (page: Page) =>
  page.evaluate(() => {
    const a = window.atlas;
    if (!a) return null;
    const src = a.map.getSource('resident-circle') as unknown as {
      _data?: unknown;
      serialize(): { data: GeoJSON.FeatureCollection<GeoJSON.Polygon> };
    };
    const ring = src.serialize().data.features[0]?.geometry.coordinates[0] as [number, number][];
    const pts = ring.map((p) => a.map.project(p));
    const m = a.map.getContainer().getBoundingClientRect();
    const side = (document.getElementById('side') as HTMLElement).getBoundingClientRect();
    return {
      top: m.top + Math.min(...pts.map((p) => p.y)),
      bottom: m.top + Math.max(...pts.map((p) => p.y)),
      left: m.left + Math.min(...pts.map((p) => p.x)),
      right: m.left + Math.max(...pts.map((p) => p.x)),
      mapTop: m.top,
      mapLeft: m.left,
      mapRight: m.right,
      visibleBottom: side.top > m.top + 10 ? side.top : m.bottom,
    };
  }, SLOW);

describe('resident mode: what the report says near me', () => {
  it(
    'on a phone with location granted: the 身边 button, my position, the list in distance order, the circle above the sheet',
    async () => {
      const { page } = await open('', { ...PHONE, geolocation: XIDAN, permissions: ['geolocation'] });
      await page.locator('#btn-resident').tap();
      await poll(() => params(page).get('mode')).toBe('resident');
      await poll(() => page.locator('#tab-near').getAttribute('aria-selected')).toBe('true');
      // targets are at least 44 px
      for (const sel of ['#resident-locate', '.resident-quick >> nth=0', '#btn-resident', '#resident-search'])
        expect((await page.locator(sel).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
      await page.locator('#resident-locate').tap();
      await poll(() => nearParam(page)).toEqual([XIDAN.latitude, XIDAN.longitude]);
      expect(params(page).get('r')).toBe('1000');
      const c: [number, number] = [XIDAN.longitude, XIDAN.latitude];
      const got = await checkList(page, c, 1000);
      expect(got.length).toBeGreaterThan(0);
      // each row carries the report's own words and a phase
      const first = page.locator('#resident-list .resident-item').first();
      expect(((await first.locator('q').first().textContent()) ?? '').length).toBeGreaterThan(5);
      expect(await first.locator('.resident-phase').count()).toBeGreaterThan(0);
      // which 街道
      await poll(() => page.locator('.resident-sd').getAttribute('data-subdistrict')).toBe(subdistrictAt(c));
      expect(await page.locator('.resident-sd .resident-chips li').count()).toBeGreaterThan(0);
      // the circle is framed in the part of the map above the bottom sheet (once the sheet has
      // settled and the map has moved there)
      await expect
        .poll(async () => {
          await settle(page);
          const f = await circleFrame(page);
          return (
            !!f &&
            f.top >= f.mapTop - 2 &&
            f.bottom <= f.visibleBottom + 2 &&
            f.left >= f.mapLeft - 2 &&
            f.right <= f.mapRight + 2 &&
            f.bottom - f.top > 60
          );
        })
        .toBe(true);
      // the places near the centre are in view with the sheet at half height
      const firstItem = await page.locator('#resident-list .resident-item').first().boundingBox();
      const sheet = await page.locator('#side').boundingBox();
      expect(firstItem && sheet && firstItem.y + 30 < sheet.y + sheet.height).toBe(true);
      // a quick radius button: 500 m
      await page.locator('.resident-quick[data-radius="500"]').tap();
      await poll(() => params(page).get('r')).toBe('500');
      await checkList(page, c, 500);
      // reload restores centre, radius and the list
      const before = await listed(page);
      await page.reload();
      await waitForMap(page);
      await poll(() => page.locator('#tab-near').getAttribute('aria-selected')).toBe('true');
      await poll(async () => (await listed(page)).map((x) => x.id)).toEqual(before.map((x) => x.id));
      expect(nearParam(page)).toEqual([XIDAN.latitude, XIDAN.longitude]);
      expect(params(page).get('r')).toBe('500');
    },
    SLOW,
  );

  it(
    'list and map stay in sync: hover and selection go both ways',
    async () => {
      const { page } = await open(`?mode=resident&near=${XIDAN.latitude},${XIDAN.longitude}&r=1500`);
      await poll(async () => (await listed(page)).length).toBeGreaterThan(2);
      const [a, b] = await listed(page);
      // hovering a row hovers the place (the map's hover state is the store's)
      await page.locator(`#resident-list .resident-item[data-place-id="${a?.id}"]`).hover();
      await poll(() => page.evaluate(() => window.atlas?.store.hovering())).toBe(a?.id);
      // a hover coming from the map marks the row
      await page.evaluate((id) => window.atlas?.store.hover(id), b?.id);
      await expect
        .poll(() => page.locator(`#resident-list .resident-item[data-place-id="${b?.id}"]`).getAttribute('class'))
        .toContain('is-hover');
      // choosing a row selects the place; a selection made elsewhere marks the row
      await page.locator(`#resident-list .resident-item[data-place-id="${a?.id}"] .resident-item-head`).click();
      await poll(() => params(page).get('place')).toBe(a?.id);
      await expect
        .poll(() => page.locator(`#resident-list .resident-item[data-place-id="${a?.id}"]`).getAttribute('class'))
        .toContain('is-selected');
      await page.evaluate((id) => window.atlas?.store.set({ place: id }), b?.id);
      await expect
        .poll(() => page.locator(`#resident-list .resident-item[data-place-id="${b?.id}"]`).getAttribute('class'))
        .toContain('is-selected');
    },
    SLOW,
  );

  it(
    'on a 390×844 phone the half-height sheet shows a whole row and the next place; a tapped row opens in full and the page never scrolls',
    async () => {
      const { page } = await open(`?mode=resident&near=${XIDAN.latitude},${XIDAN.longitude}&r=1000`, {
        ...PHONE,
        viewport: { width: 390, height: 844 },
      });
      await poll(async () => (await listed(page)).length).toBeGreaterThan(2);
      const rows = page.locator('#resident-list .resident-item');
      const sheet = (await page.locator('#side').boundingBox()) as { y: number; height: number };
      const bottom = sheet.y + sheet.height;
      const first = (await rows.nth(0).boundingBox()) as { y: number; height: number };
      const secondHead = (await rows.nth(1).locator('.resident-item-head').boundingBox()) as { y: number; height: number };
      expect(first.y).toBeGreaterThan(sheet.y);
      expect(first.y + first.height).toBeLessThanOrEqual(bottom);
      expect(secondHead.y + secondHead.height).toBeLessThanOrEqual(bottom);
      // A row not chosen shows its first sentence in at most two lines, and says how many more it has.
      const lines = (loc: ReturnType<Page['locator']>) =>
        loc.evaluate((q) => Math.round(q.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(q).lineHeight)));
      const many = await rows.evaluateAll((els) => els.findIndex((e) => e.querySelectorAll('.resident-quote').length > 1));
      expect(many).toBeGreaterThanOrEqual(0);
      const row = rows.nth(many);
      expect(await row.locator('.resident-quote').nth(1).isVisible()).toBe(false);
      expect(await lines(row.locator('.resident-quote').first())).toBeLessThanOrEqual(2);
      expect(await row.locator('.resident-item-meta').evaluate((m) => getComputedStyle(m, '::after').content)).toMatch(/另有 \d+ 条原文/);
      // Tapped, the row shows every sentence it lists, whole; the page itself stays put.
      const id = await row.getAttribute('data-place-id');
      await row.locator('.resident-item-head').tap();
      await poll(() => params(page).get('place')).toBe(id);
      await poll(() => row.getAttribute('class')).toContain('is-selected');
      await poll(() => row.locator('.resident-quote').nth(1).isVisible()).toBe(true);
      const full = await row
        .locator('.resident-quote')
        .first()
        .evaluate((q) => q.scrollHeight <= q.clientHeight + 1);
      expect(full).toBe(true);
      await settle(page);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
      // The same link opened afresh: the card takes the screen, the sheet drops to its 96 px peek,
      // and the chosen row is scrolled into view inside it — never the page (header cut off).
      await page.reload();
      await waitForMap(page);
      await poll(() => page.locator('#card .card-name').isVisible()).toBe(true);
      await poll(() => page.locator('#side').getAttribute('data-sheet')).toBe('peek');
      await settle(page);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
      expect((await page.locator('header').first().boundingBox())?.y).toBe(0);
    },
    SLOW,
  );

  it(
    'a tap on an empty part of the map moves the centre there, and the list follows',
    async () => {
      const { page } = await open('?mode=resident', PHONE);
      await settle(page);
      // an empty pixel in the visible map, above the sheet, clear of the controls
      const spot = await page.evaluate(() => {
        const a = window.atlas;
        if (!a) return null;
        const m = a.map.getContainer().getBoundingClientRect();
        const side = (document.getElementById('side') as HTMLElement).getBoundingClientRect();
        const layers = ['place-points', 'place-lines', 'place-areas-fill'].filter((l) => a.map.getLayer(l));
        for (let y = m.top + 130; y < side.top - 30; y += 17)
          for (let x = m.left + 40; x < m.right - 70; x += 23) {
            const px: [number, number] = [x - m.left, y - m.top];
            if (a.map.queryRenderedFeatures(px, { layers }).length === 0) {
              const ll = a.map.unproject(px);
              const mpp = (40075016.7 * Math.cos((ll.lat * Math.PI) / 180)) / 2 ** (a.map.getZoom() + 9);
              return { x, y, lng: ll.lng, lat: ll.lat, mpp };
            }
          }
        return null;
      });
      expect(spot).not.toBeNull();
      if (!spot) return;
      await page.touchscreen.tap(spot.x, spot.y);
      await poll(() => nearParam(page)).toBeDefined();
      const near = nearParam(page) as [number, number];
      // within a few pixels of the spot tapped (a touch lands on whole CSS pixels)
      expect(hav([near[1], near[0]], [spot.lng, spot.lat])).toBeLessThan(4 * spot.mpp + 1);
      await checkList(page, [near[1], near[0]], 1000);
      await poll(() => page.locator('.resident-sd').getAttribute('data-subdistrict')).toBe(subdistrictAt([near[1], near[0]]));
    },
    SLOW,
  );

  it(
    'searching a subway station centres on it',
    async () => {
      const { page } = await open('?mode=resident');
      const st = stations.find((s) => s.properties.name === '西单') ?? stations[0];
      if (!st) throw new Error('no stations in geodata/basemap/stations.geojson');
      await page.locator('#resident-search').fill(st.properties.name);
      const opt = page.locator(`#resident-search-results .resident-result[data-id="station:${st.properties.name}"]`);
      await opt.click();
      const [lng, lat] = st.geometry.coordinates;
      await poll(() => nearParam(page)).toEqual([Number(lat.toFixed(6)), Number(lng.toFixed(6))]);
      await checkList(page, [lng, lat], 1000);
    },
    SLOW,
  );

  it(
    'location denied: a clear message, the search offered, the centre kept',
    async () => {
      const start = `?mode=resident&near=39.93,116.38&r=1500`;
      const { page } = await open(start, { geolocation: XIDAN }); // no permission granted
      await poll(async () => (await listed(page)).length).toBeGreaterThan(0);
      const before = await listed(page);
      await page.locator('#resident-locate').click();
      await poll(() => page.locator('.resident-status').getAttribute('data-kind')).toBe('errDenied');
      expect(await page.locator('.resident-status').textContent()).toContain('定位权限');
      await page.locator('.resident-search-alt').click();
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('resident-search');
      expect(params(page).get('near')).toBe('39.93,116.38');
      expect(params(page).get('r')).toBe('1500');
      expect((await listed(page)).map((x) => x.id)).toEqual(before.map((x) => x.id));
    },
    SLOW,
  );

  it(
    'a position far from Xicheng is refused with a message, in English too',
    async () => {
      const { page } = await open('?mode=resident&lang=en', {
        geolocation: { latitude: 31.2304, longitude: 121.4737 },
        permissions: ['geolocation'],
      });
      await page.locator('#resident-locate').click();
      await poll(() => page.locator('.resident-status').getAttribute('data-kind')).toBe('errOutside');
      const text = (await page.locator('.resident-status').textContent()) ?? '';
      expect(text).toMatch(/not near Xicheng \(about \d+ km/);
      expect(Number(text.match(/about (\d+) km/)?.[1])).toBeGreaterThan(900);
      expect(params(page).get('near')).toBeNull();
    },
    SLOW,
  );

  it(
    'a location that never comes (timeout) and a browser without location are both explained',
    async () => {
      const { page, context } = await open('?mode=resident');
      await page.evaluate(() => {
        Object.defineProperty(navigator.geolocation, 'getCurrentPosition', {
          configurable: true,
          value: (_ok: PositionCallback, err: PositionErrorCallback) =>
            setTimeout(
              () =>
                err({
                  code: 3,
                  message: 'Timeout expired',
                  PERMISSION_DENIED: 1,
                  POSITION_UNAVAILABLE: 2,
                  TIMEOUT: 3,
                } as GeolocationPositionError),
              50,
            ),
        });
      });
      await page.locator('#resident-locate').click();
      await poll(() => page.locator('.resident-status').getAttribute('data-kind')).toBe('errTimeout');
      await page.evaluate(() => {
        Object.defineProperty(navigator.geolocation, 'getCurrentPosition', {
          configurable: true,
          value: (_ok: PositionCallback, err: PositionErrorCallback) =>
            err({ code: 2, message: 'unavailable', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError),
        });
      });
      await page.locator('#resident-locate').click();
      await poll(() => page.locator('.resident-status').getAttribute('data-kind')).toBe('errUnavailable');
      expect(await page.locator('.resident-search-alt').count()).toBe(1);
      void context;
    },
    SLOW,
  );

  it(
    'leaving the mode removes the circle and its URL state; nothing left the origin, no page errors',
    async () => {
      const { page } = await open(`?mode=resident&near=${XIDAN.latitude},${XIDAN.longitude}&r=1000`);
      await poll(async () => (await listed(page)).length).toBeGreaterThan(0);
      await page.locator('.resident-exit').click();
      await poll(() => params(page).get('mode')).toBeNull();
      expect(params(page).get('near')).toBeNull();
      const features = await page.evaluate(() => {
        const src = window.atlas?.map.getSource('resident-circle') as unknown as
          | { serialize(): { data: GeoJSON.FeatureCollection } }
          | undefined;
        return src?.serialize().data ?? null;
      });
      expect(features?.features ?? []).toHaveLength(0);
      expect(offOriginAll).toEqual([]);
      expect(errorsAll).toEqual([]);
    },
    SLOW,
  );
});
