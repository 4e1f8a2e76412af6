import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser';

/**
 * Only what changed is updated: a pan or a zoom writes the view into the URL and nothing else is
 * recomputed, sent to the map (no GeoJSON setData) or rebuilt in the panels.
 */
const session = browserSession();
const places = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata/places.geojson'), 'utf8')) as {
    features: Array<{
      id: string;
      geometry: { type: string; coordinates: unknown } | null;
      properties: { name: string; inXicheng: boolean };
    }>;
  }
).features;

/** Counts setData calls on every GeoJSON source and child-list changes in the panels, from now on. */
const watch = (page: Page) =>
  page.evaluate(() => {
    const map = window.atlas?.map as import('maplibre-gl').Map;
    const w = window as unknown as { __setData: string[]; __rebuilt: string[] };
    w.__setData = [];
    w.__rebuilt = [];
    for (const id of Object.keys(map.getStyle().sources)) {
      const src = map.getSource(id) as { setData?: (d: unknown) => unknown } | undefined;
      if (!src?.setData) continue;
      const original = src.setData.bind(src);
      src.setData = (d: unknown) => {
        w.__setData.push(id);
        return original(d);
      };
    }
    const mo = new MutationObserver((records) => {
      for (const r of records) w.__rebuilt.push((r.target as HTMLElement).closest('[id]')?.id ?? '?');
    });
    for (const id of ['report', 'list', 'filters', 'card']) {
      const el = document.getElementById(id);
      if (el) mo.observe(el, { childList: true, subtree: true });
    }
  });
const counts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __setData: string[]; __rebuilt: string[] };
    return { setData: [...w.__setData], rebuilt: [...new Set(w.__rebuilt)] };
  });
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        const m = window.atlas?.map as import('maplibre-gl').Map;
        const idle = () => m.once('idle', () => done());
        if (m.isMoving()) m.once('moveend', idle);
        else idle();
        m.triggerRepaint();
      }),
  );

describe('rendering by what changed', () => {
  it('a pan and a zoom send no data to the map and rebuild no panel; a filter does (the counter works)', async () => {
    const { page, context } = await session.open('?map=14/39.915/116.365');
    await page.locator('#tab-list').click();
    await settled(page);
    await watch(page);
    const before = new URL(page.url()).searchParams.get('map');
    // A drag over the map, then a wheel zoom, as a user pans and zooms.
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.5];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 160, y - 90, { steps: 8 });
    await page.mouse.up();
    await settled(page);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((b) => new URL(location.href).searchParams.get('map') !== b, before);
    await settled(page);
    expect(new URL(page.url()).searchParams.get('map')).not.toBe(before);
    expect(await counts(page)).toEqual({ setData: [], rebuilt: [] });
    // A filter is a real change: the points are sent again and the list is rebuilt.
    await page.locator('#tab-filters').click();
    await page.locator('.facet-category input[value="heritage"]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cat') === 'heritage');
    const after = await counts(page);
    expect(after.setData).toContain('place-points');
    expect(after.rebuilt).toContain('list');
    await context.close();
  });

  it("an approximate point's uncertainty ring shows while the place is hovered in the text, and only then", async () => {
    const { page, context } = await session.open('?map=13/39.94/116.38');
    await settled(page);
    const rings = () =>
      page.evaluate(() => {
        const map = window.atlas?.map as import('maplibre-gl').Map;
        return [...new Set(map.queryRenderedFeatures({ layers: ['selection-ring'] }).map((f) => f.properties.id as string))];
      });
    expect(await rings()).toEqual([]);
    // 安德馨居 is placed within 800 m: its ring is drawn on the ground while it is asked about.
    await page.locator('#p3-6-2 mark[data-place-id="ande-xinju"]').first().hover();
    await expect
      .poll(async () => {
        await settled(page);
        return rings();
      })
      .toEqual(['ande-xinju']);
    // The pointer moves onto 什刹海 (an area: lit by its own fill, no ring) and the ring goes.
    await page.locator('#p3-3-2 mark[data-place-id="shichahai"]').hover();
    await expect
      .poll(async () => {
        await settled(page);
        return rings();
      })
      .toEqual([]);
    await context.close();
  });

  it("no other label covers the selected point's marker, for every point place in the district, at z15 and z16", async () => {
    const { page, context } = await session.open('?map=15/39.9/116.37');
    await settled(page);
    const points = places.filter((f) => f.geometry?.type === 'Point' && f.properties.inXicheng);
    expect(points.length).toBeGreaterThan(20);
    const covered: string[] = [];
    for (const zoom of [15, 16])
      for (const p of points) {
        const over = await page.evaluate(
          async ({ id, at, zoom }) => {
            const m = window.atlas?.map as import('maplibre-gl').Map;
            window.atlas?.store.set({ place: id });
            m.jumpTo({ center: at, zoom });
            await new Promise((done) => m.once('idle', done));
            // The marker's ring: its radius and stroke, as drawn.
            const c = m.project(at);
            const r = 19;
            const labels = m
              .getStyle()
              .layers.filter((l) => l.type === 'symbol' && !l.id.startsWith('selection') && !l.id.startsWith('place-icon'));
            return m
              .queryRenderedFeatures(
                [
                  [c.x - r, c.y - r],
                  [c.x + r, c.y + r],
                ],
                { layers: labels.map((l) => l.id) },
              )
              .filter((f) => f.properties?.id !== id)
              .map((f) => `${f.layer.id}:${f.properties?.name ?? ''}`);
          },
          { id: p.id, at: p.geometry?.coordinates as [number, number], zoom },
        );
        if (over.length) covered.push(`z${zoom} ${p.properties.name}: ${[...new Set(over)].join(', ')}`);
      }
    expect(covered).toEqual([]);
    await context.close();
  });

  it('nothing left the origin and no page error', () => {
    expect(session.offOrigin).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
