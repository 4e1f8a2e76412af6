import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser';

/** The district-wide gazetteer in the app: found by search in every mode with a search box, shown on
 * the map as what it is, never as a place of the report. */
const session = browserSession();
const { open } = session;
const gazetteer = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata/district-gazetteer.json'), 'utf8')) as {
  entries: Array<{ id: string; name: string; geometry: { type: string; coordinates: [number, number] } }>;
};
const entry = (id: string) => {
  const e = gazetteer.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
const centre = (page: Page) => page.evaluate(() => window.atlas?.map.getCenter().toArray() as [number, number]);
const metres = (a: [number, number], b: [number, number]) => {
  const k = Math.PI / 180;
  return Math.hypot((b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k), (b[1] - a[1]) * k) * 6371000;
};
const SLOW = 60_000;

describe('searching the district gazetteer', () => {
  it(
    'explore: a community by name, a station by pinyin and English; choosing one flies there and says what it is',
    async () => {
      const { page, offOrigin, errors } = await open();
      const first = page.locator('#search-results [role="option"]').first();
      await page.locator('#search-input').fill('西交民巷');
      await expect.poll(() => first.getAttribute('data-district-id')).toBe('sq-110102001007');
      await expect.poll(() => first.textContent()).toMatch(/西交民巷社区.*社区 · 西长安街街道/);
      await page.locator('#search-input').fill('pinganli');
      await expect.poll(() => first.getAttribute('data-district-id')).toBe('stn-ping-an-li');
      await page.locator('#search-input').fill('Pinganli Station');
      await expect.poll(() => first.getAttribute('data-district-id')).toBe('stn-ping-an-li');
      await page.locator('#search-input').press('Enter');
      const popup = page.locator('.district-popup[data-district-id="stn-ping-an-li"]');
      await expect.poll(() => popup.textContent()).toMatch(/平安里站 · 地铁站 · 4号线 6号线 19号线.*本报告未提及此处/);
      await page.waitForFunction(() => !window.atlas?.map.isMoving(), undefined, { timeout: 20_000 });
      expect(metres(await centre(page), entry('stn-ping-an-li').geometry.coordinates)).toBeLessThan(30);
      // Not a report place: nothing is selected and no card opens.
      expect(new URL(page.url()).searchParams.get('place')).toBeNull();
      expect(await page.locator('#card').isHidden()).toBe(true);
      expect(offOrigin).toEqual([]);
      expect(errors).toEqual([]);
    },
    SLOW,
  );

  it(
    'resident: a community and a station by pinyin centre the radius on them',
    async () => {
      const { page, errors } = await open('?mode=resident');
      await page.locator('#resident-search').fill('hongliannanli');
      const opt = page.locator('#resident-search-results .resident-result[data-id="sq-110102020012"]');
      await expect.poll(() => opt.textContent()).toMatch(/红莲南里社区.*广安门外街道/);
      await opt.click();
      const [lng, lat] = entry('sq-110102020012').geometry.coordinates;
      await expect
        .poll(() => new URL(page.url()).searchParams.get('near')?.split(',').map(Number))
        .toEqual([Number(lat.toFixed(6)), Number(lng.toFixed(6))]);
      await page.locator('#resident-search').fill('xidanzhan');
      await expect
        .poll(() => page.locator('#resident-search-results .resident-result').first().getAttribute('data-id'))
        .toBe('station:西单');
      expect(errors).toEqual([]);
    },
    SLOW,
  );
});
