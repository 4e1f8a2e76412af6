import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../src/core/geo/label-point';
import type { GeometryT } from '../../src/core/geo/schema';
import { browserSession } from './browser';

/**
 * The core loop of the atlas, as a user does it: see a place on the map, click (or tap) it, read
 * its card. For EVERY place drawn in the district, not a sample.
 */
interface Place {
  id: string;
  geometry: GeometryT | null;
  properties: { name: string; inXicheng: boolean; category: string };
}
const places = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata/places.geojson'), 'utf8')).features as Place[]).filter(
  (p) => p.geometry && p.properties.inXicheng,
);

/** Points on the drawn shape to try, the label point first: vertices and mid-segments of lines, a grid inside areas. */
function spotsOf(g: GeometryT): Array<[number, number]> {
  const out: Array<[number, number]> = [labelPoint(g)];
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as number[];
      const b = line[i] as number[];
      out.push([((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2]);
    }
  return out;
}

/**
 * Where to click: the first spot (in screen pixels) where nothing else of the report is drawn
 * within a finger's reach, so the click can only mean this place. Found with MapLibre's own
 * rendered-feature query, independently of the app's hit test. Areas take any spot inside them
 * free of other places' points and lines (sampled on a grid over the viewport).
 */
async function clickSpot(page: Page, p: Place): Promise<{ x: number; y: number; alone: boolean }> {
  return page.evaluate(
    ({ id, spots, area, subdistrict }) => {
      const map = window.atlas?.map as import('maplibre-gl').Map;
      const layers = ['place-points', 'place-lines-casing', 'place-lines', 'place-lines-approx'].filter((l) => map.getLayer(l));
      const r = 22;
      const others = (x: number, y: number) =>
        map
          .queryRenderedFeatures(
            [
              [x - r, y - r],
              [x + r, y + r],
            ],
            { layers },
          )
          .filter((f) => f.properties?.id !== id).length;
      // For an area: it is drawn at the pixel, and no other area that would come first is (a 街道
      // under an area never does; for a 街道, any other area would).
      const areaFree = (x: number, y: number) => {
        if (!area) return true;
        const at = map.queryRenderedFeatures([x, y], { layers: ['place-areas-fill'] }).map((f) => f.properties ?? {});
        const blocking = at.filter((a) => a.id !== id && (subdistrict || (a.category !== 'subdistrict' && a.category !== 'district')));
        return at.some((a) => a.id === id) && blocking.length === 0;
      };
      const rect = map.getCanvas().getBoundingClientRect();
      // On the map itself, not under a control or panel floating over it (toggles, zoom, legend, card).
      const inside = (x: number, y: number) =>
        x > 30 &&
        y > 30 &&
        x < rect.width - 30 &&
        y < rect.height - 30 &&
        document.elementFromPoint(rect.left + x, rect.top + y) === map.getCanvas();
      const candidates = spots.map((s) => map.project(s as [number, number])).map((q) => ({ x: q.x, y: q.y }));
      if (area)
        for (let gy = 40; gy < rect.height - 40; gy += 24)
          for (let gx = 40; gx < rect.width - 40; gx += 24) candidates.push({ x: gx, y: gy });
      const free = candidates.find((c) => inside(c.x, c.y) && others(c.x, c.y) === 0 && areaFree(c.x, c.y));
      const c = free ?? candidates.find((c2) => inside(c2.x, c2.y)) ?? candidates[0] ?? { x: rect.width / 2, y: rect.height / 2 };
      return { x: rect.left + c.x, y: rect.top + c.y, alone: !!free };
    },
    {
      id: p.id,
      spots: spotsOf(p.geometry as GeometryT),
      area: p.geometry?.type === 'Polygon' || p.geometry?.type === 'MultiPolygon',
      subdistrict: p.properties.category === 'subdistrict',
    },
  );
}

/** The map at a place at street zoom, settled. */
async function goTo(page: Page, p: Place, shift = 0): Promise<void> {
  const [lng, lat] = labelPoint(p.geometry as GeometryT);
  const zoom = p.properties.category === 'subdistrict' ? 15 : 17;
  // `shift` moves the place off the centre by that many pixels (padding on one side): two taps in a
  // row at one spot would be a double tap, which zooms.
  await page.evaluate(
    ({ lng, lat, zoom, shift }) =>
      new Promise<void>((done) => {
        const map = window.atlas?.map as import('maplibre-gl').Map;
        map.once('idle', () => done());
        map.jumpTo({ center: [lng, lat], zoom, padding: { top: 0, right: 0, bottom: 0, left: shift * 2 } });
      }),
    { lng, lat, zoom, shift },
  );
}

/** After a click or tap: the card shows the place, or a chooser offers it among others at that spot. */
async function shows(page: Page, id: string): Promise<'card' | 'chooser' | string> {
  const sel = `#card[data-place-id="${id}"]:not([hidden]), #chooser:not([hidden]) [data-place-id="${id}"]`;
  try {
    await page.waitForSelector(sel, { timeout: 8000 });
  } catch {
    return `got card ${await page.locator('#card').getAttribute('data-place-id')}`;
  }
  return (await page.locator('#chooser:not([hidden])').count()) ? 'chooser' : 'card';
}

async function putAway(page: Page): Promise<void> {
  if (await page.locator('#chooser:not([hidden])').count()) await page.keyboard.press('Escape');
  if (await page.locator('#card:not([hidden])').count()) await page.locator('#card .card-close').click();
  await page.waitForFunction(() => !window.atlas?.store.get().place);
}

/** A page that visits every place: a few seconds each on a loaded two-core machine without a GPU. */
const EVERY_PLACE = 900_000;

describe('every place drawn in the district opens its own card where it is drawn', () => {
  it('is a non-trivial set: points, lines and areas', () => {
    const kinds = new Set(places.map((p) => p.geometry?.type));
    expect(places.length).toBeGreaterThan(40);
    expect(kinds.has('Point') && kinds.has('LineString')).toBe(true);
  });

  const desktop = browserSession();
  it(
    'with a mouse (desktop)',
    async () => {
      const { page, context } = await desktop.open('');
      const wrong: string[] = [];
      let alone = 0;
      for (const p of places) {
        await goTo(page, p);
        const at = await clickSpot(page, p);
        if (at.alone) alone++;
        await page.mouse.click(at.x, at.y);
        const got = await shows(page, p.id);
        if (got !== 'card' && got !== 'chooser') wrong.push(`${p.properties.name} (${p.id}): ${got}`);
        await putAway(page);
      }
      expect(wrong).toEqual([]);
      // Most places have a spot of their own: a chooser is the exception, for places that share one.
      expect(alone).toBeGreaterThan(places.length * 0.8);
      await context.close();
    },
    EVERY_PLACE,
  );

  const phone = browserSession({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  it(
    'with a finger (phone, 390×844)',
    async () => {
      const { page, context } = await phone.open('');
      // The bottom sheet down to its peek, as a phone user does to look at the map.
      while ((await page.locator('#side').getAttribute('data-sheet')) !== 'peek') await page.locator('#sheet-toggle').click();
      // The sheet slides down to its peek (a CSS transition): until it has, its pane still covers the
      // map and no spot is free (this raced before: the attribute changes when the slide starts).
      await page.waitForFunction(() =>
        (document.getElementById('side')?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState !== 'running'),
      );
      const wrong: string[] = [];
      for (const [i, p] of places.entries()) {
        await goTo(page, p, i % 2 ? 70 : 0);
        const at = await clickSpot(page, p);
        await page.touchscreen.tap(at.x, at.y);
        const got = await shows(page, p.id);
        if (got !== 'card' && got !== 'chooser') wrong.push(`${p.properties.name} (${p.id}): ${got}`);
        await putAway(page);
      }
      expect(wrong).toEqual([]);
      await context.close();
    },
    EVERY_PLACE,
  );

  it('places sharing a spot offer a chooser, and the map names the one chosen', async () => {
    const shared = places.filter((a) =>
      places.some((b) => b.id !== a.id && a.geometry?.type === 'Point' && JSON.stringify(a.geometry) === JSON.stringify(b.geometry)),
    );
    const { page, context } = await desktop.open('');
    for (const p of shared.slice(0, 2)) {
      await goTo(page, p);
      const at = await clickSpot(page, p);
      await page.mouse.click(at.x, at.y);
      await page.waitForSelector('#chooser:not([hidden])');
      const offered = await page
        .locator('#chooser [data-place-id]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.placeId));
      expect(offered).toContain(p.id);
      expect(offered.length).toBeGreaterThan(1);
      await page.locator(`#chooser [data-place-id="${p.id}"]`).click();
      await page.waitForSelector(`#card[data-place-id="${p.id}"]`);
      // The selected place's name is the label drawn on the map there.
      const label = await page.evaluate(
        () =>
          new Promise<string[]>((done) => {
            const map = window.atlas?.map as import('maplibre-gl').Map;
            map.once('idle', () => done(map.queryRenderedFeatures({ layers: ['selection-label'] }).map((f) => String(f.properties?.name))));
            map.triggerRepaint();
          }),
      );
      expect(label).toContain(p.properties.name);
      await putAway(page);
    }
    await context.close();
  });

  it('resident: three taps at different spots (on empty map and on 街道) each move the near-me centre there', async () => {
    const { page, context } = await phone.open('?mode=resident&map=14/39.915/116.365');
    // The resident view is in (its panel is drawn), not only its tab.
    await page.waitForSelector('#tab-near[aria-selected="true"]');
    await page.waitForSelector('#resident-locate');
    while ((await page.locator('#side').getAttribute('data-sheet')) !== 'peek') await page.locator('#sheet-toggle').click();
    // The sheet slides down to its peek (a CSS transition): until it has, its pane still covers the
    // map and no spot is free (this raced before: the attribute changes when the slide starts).
    await page.waitForFunction(() =>
      (document.getElementById('side')?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState !== 'running'),
    );
    // A spot where no place of the report is drawn within a finger's reach (found by MapLibre's own
    // query), away from the spots tapped before. Looked for again after each tap: the map frames
    // the new circle, so the screen moves.
    const spot = (avoid: Array<{ lng: number; lat: number }>) =>
      page.evaluate((before) => {
        const map = window.atlas?.map as import('maplibre-gl').Map;
        const rect = map.getCanvas().getBoundingClientRect();
        const layers = ['place-points', 'place-lines-casing', 'place-lines', 'place-lines-approx', 'place-areas-fill'].filter((l) =>
          map.getLayer(l),
        );
        for (let y = 160; y < rect.height - 160; y += 37)
          for (let x = 40; x < rect.width - 40; x += 53) {
            const near = map.queryRenderedFeatures(
              [
                [x - 24, y - 24],
                [x + 24, y + 24],
              ],
              { layers },
            );
            // Only 街道 (drawn as areas) may be there: a tap on a 街道 is a tap on the map.
            if (near.some((f) => f.layer.id !== 'place-areas-fill' || f.properties?.category !== 'subdistrict')) continue;
            // …and the map itself is under the finger, not a control or panel floating over it.
            if (document.elementFromPoint(rect.left + x, rect.top + y) !== map.getCanvas()) continue;
            const ll = map.unproject([x, y]);
            if (before.some((b) => Math.hypot((b.lng - ll.lng) * 85_000, (b.lat - ll.lat) * 111_000) < 150)) continue;
            return { x: rect.left + x, y: rect.top + y, lng: ll.lng, lat: ll.lat };
          }
        return null;
      }, avoid);
    const settled = () =>
      page.evaluate(
        () =>
          new Promise<void>((done) => {
            const m = window.atlas?.map as import('maplibre-gl').Map;
            if (!m.isMoving()) return done();
            m.once('moveend', () => done());
          }),
      );
    const tapped: Array<{ lng: number; lat: number }> = [];
    for (let i = 0; i < 3; i++) {
      await settled();
      const s = await spot(tapped);
      expect(s).not.toBeNull();
      if (!s) break;
      await page.touchscreen.tap(s.x, s.y);
      await page.waitForFunction(
        ([lng, lat]: [number, number]) => {
          const n = new URL(location.href).searchParams.get('near')?.split(',').map(Number);
          return !!n && Math.abs((n[0] ?? 0) - lat) < 2e-4 && Math.abs((n[1] ?? 0) - lng) < 2e-4;
        },
        [s.lng, s.lat] as [number, number],
      );
      tapped.push(s);
      // …and no card opened for a 街道.
      expect(await page.locator('#card:not([hidden])').count()).toBe(0);
      // The circle's fit starts after the sheet settles: wait for it to begin and end.
      await page.waitForFunction(() => window.atlas?.map.isMoving() === true, undefined, { timeout: 5000 }).catch(() => undefined);
    }
    expect(tapped).toHaveLength(3);
    await context.close();
  });

  it('nothing left the origin and no page error', () => {
    expect([...desktop.offOrigin, ...phone.offOrigin]).toEqual([]);
    expect([...desktop.errors, ...phone.errors]).toEqual([]);
  });
});
