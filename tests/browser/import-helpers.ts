import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Download, Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = resolve(ROOT, 'tests/fixtures/report');
export const fixture = (f: string) => resolve(FIXTURES, f);
export const fixtureText = (f: string) => readFileSync(fixture(f), 'utf8');

const subdistricts = JSON.parse(readFileSync(resolve(ROOT, 'geodata/subdistricts.geojson'), 'utf8')) as GeoJSON.FeatureCollection<
  GeoJSON.Polygon | GeoJSON.MultiPolygon,
  { name: string }
>;
/** The 街道 a WGS-84 point lies in, by the committed outlines (measured here, not by the app). */
export const subdistrictAt = (c: [number, number]) => subdistricts.features.find((f) => booleanPointInPolygon(c, f))?.properties.name;

/** About where 杨梅竹斜街 is (a hutong of 大栅栏, west of 煤市街, in 大栅栏街道), which the 2019-style
 * test text names and the gazetteer lacks; WGS-84. */
export const YANGMEIZHU: [number, number] = [116.3885, 39.8961];

/** Waits until the import view is on (its handle says so). */
export const importReady = (page: Page) => page.waitForFunction(() => window.atlasImport?.ready === true, undefined, { timeout: 60_000 });

/** Waits for the n-th report read by the worker in this page and its display. */
export const readCount = (page: Page, n: number) =>
  page.waitForFunction((k) => (window.atlasImport?.reads ?? 0) >= k && !!window.atlasImport?.shown, n, { timeout: 60_000 });

/** The notice's text once it shows (and closes it, so that the next one is the only line). */
export async function noticeText(page: Page): Promise<string> {
  await page.locator('#notice').waitFor({ state: 'visible' });
  const text = (await page.locator('#notice li').allTextContents()).join('\n');
  await page.locator('#notice .notice-close').click();
  await page.locator('#notice').waitFor({ state: 'hidden' });
  return text;
}

/** Brings a WGS-84 point to the map's centre at a zoom, and waits until the map has settled. */
export async function centreOn(page: Page, at: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([lng, lat, z]) =>
      new Promise<void>((done) => {
        const map = window.atlas?.map;
        if (!map) throw new Error('no map');
        map.once('idle', () => done());
        map.jumpTo({ center: [lng as number, lat as number], zoom: z as number });
      }),
    [at[0], at[1], zoom],
  );
}

/** Clicks the map where a WGS-84 point is drawn, as a user would; returns the pixel (in the map). */
export async function tapAt(page: Page, at: [number, number]): Promise<{ x: number; y: number }> {
  const pt = await page.evaluate(([lng, lat]) => {
    const p = window.atlas?.map.project([lng as number, lat as number]);
    return { x: p?.x ?? 0, y: p?.y ?? 0 };
  }, at);
  const box = await page.locator('#map').boundingBox();
  if (!box) throw new Error('map not on screen');
  await page.mouse.click(box.x + pt.x, box.y + pt.y);
  return pt;
}

export async function saved(d: Download): Promise<string> {
  const s = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What the report panel shows: the ids of its marks' places and of its paragraphs. */
export const panelState = (page: Page) =>
  page.evaluate(() => ({
    marks: [...document.querySelectorAll<HTMLElement>('#report-text [data-place-id]')].map((m) => m.dataset.placeId ?? ''),
    paragraphs: [...document.querySelectorAll<HTMLElement>('#report-text article.para')].map((a) => a.id),
    text: document.getElementById('report-text')?.textContent ?? '',
    banner: document.getElementById('import-banner')?.hidden === false ? document.getElementById('import-banner')?.textContent : null,
  }));
