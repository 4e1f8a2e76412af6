import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/analysis/export';
import { browserSession, openPage, waitForMap } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const places = JSON.parse(readFileSync(resolve(ROOT, 'geodata/places.geojson'), 'utf8')).features as {
  id: string;
  properties: { inXicheng: boolean; themes: string[]; phases: string[]; subdistrict?: string };
}[];
/** Built chunks that hold deck.gl's aggregation layers and Chart.js (found by content, names are hashed). */
const lazyChunks = (() => {
  const dir = resolve(ROOT, 'dist/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const having = (s: string) => js.filter((f) => readFileSync(resolve(dir, f), 'utf8').includes(s));
  return { aggregation: having('HexagonLayer'), charts: having('Canvas is already in use') };
})();

/** What the test expects on the 街道 map: places in Xicheng passing the theme/phase filter, by 街道. */
function expectedCounts(f: { theme?: string[]; phase?: string[] }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of places) {
    const pr = p.properties;
    if (!pr.inXicheng || !pr.subdistrict) continue;
    if (f.theme?.length && !pr.themes.some((t) => f.theme?.includes(t))) continue;
    if (f.phase?.length && !pr.phases.some((t) => f.phase?.includes(t))) continue;
    out[pr.subdistrict] = (out[pr.subdistrict] ?? 0) + 1;
  }
  return out;
}

const session = browserSession({ acceptDownloads: true });
const { open, offOrigin: offOriginAll, errors: errorsAll } = session;
const ready = (page: Page) => page.waitForFunction(() => window.atlasPlanner?.ready === true, undefined, { timeout: 30_000 });
const param = (page: Page, k: string) => new URL(page.url()).searchParams.get(k);

/** Per-街道 counts as drawn: read back from the choropleth's own source features. */
const drawnCounts = (page: Page) =>
  page.evaluate(() => {
    const m = window.atlas?.map;
    const out: Record<string, number> = {};
    for (const f of m?.querySourceFeatures('planner-choropleth') ?? []) out[f.properties.name as string] = f.properties.count as number;
    return out;
  });
const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v > 0));

async function saved(d: Download): Promise<Buffer> {
  const s = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('planner mode', () => {
  it('loads deck.gl aggregation layers and Chart.js only when planner mode is entered', async () => {
    expect(lazyChunks.aggregation.length).toBeGreaterThan(0);
    expect(lazyChunks.charts.length).toBeGreaterThan(0);
    const r = await openPage(session.browser, '', {});
    const requested: string[] = [];
    r.page.on('request', (req) => requested.push(new URL(req.url()).pathname.split('/').pop() ?? ''));
    await waitForMap(r.page);
    offOriginAll.push(...r.offOrigin);
    errorsAll.push(...r.errors);
    // Everything the first view asks for has arrived: no request left in flight.
    await r.page.waitForLoadState('networkidle');
    for (const f of [...lazyChunks.aggregation, ...lazyChunks.charts]) expect(requested).not.toContain(f);
    await r.page.locator('#btn-planner').click();
    await ready(r.page);
    expect(param(r.page, 'mode')).toBe('planner');
    await r.page.waitForFunction(() => (window.atlasPlanner?.densityPoints ?? 0) > 0);
    for (const f of lazyChunks.charts) expect(requested).toContain(f);
    expect(lazyChunks.aggregation.some((f) => requested.includes(f))).toBe(true);
    // Leaving restores the explore screen.
    await r.page.locator('#planner-leave').click();
    expect(param(r.page, 'mode')).toBeNull();
    await expect.poll(() => r.page.locator('#tab-report').getAttribute('aria-selected')).toBe('true');
    expect(await r.page.locator('#tab-planner').isVisible()).toBe(false);
    expect(await r.page.locator('#planner-legend').isVisible()).toBe(false);
    await r.context.close();
  });

  it('the 街道 choropleth shows the per-街道 counts of the filtered places', async () => {
    const { page, context } = await open('?mode=planner&theme=environment');
    await ready(page);
    const want = expectedCounts({ theme: ['environment'] });
    await expect.poll(async () => nonZero(await drawnCounts(page))).toEqual(want);
    expect(await page.evaluate(() => window.atlasPlanner?.choroMethod)).toMatch(/^jenks:/);
    // The legend lists the classes.
    expect(await page.locator('#planner-legend .legend-classes li').count()).toBeGreaterThan(1);
    // Per km² switches the value, not the counts.
    await page.locator('#planner-metric-perKm2').check();
    const per = await page.evaluate(() => window.atlasPlanner?.choropleth ?? {});
    const areas = JSON.parse(readFileSync(resolve(ROOT, 'geodata/subdistricts.geojson'), 'utf8')).features as {
      properties: { name: string; area_km2: number };
    }[];
    for (const a of areas) expect(per[a.properties.name]?.perKm2).toBeCloseTo((want[a.properties.name] ?? 0) / a.properties.area_km2, 6);
    await context.close();
  });

  it('clicking a chart bar filters the URL, the map and the charts', async () => {
    const { page, context } = await open('?mode=planner');
    await ready(page);
    const pt = await page.evaluate(() => {
      const ch = window.atlasPlanner?.charts;
      const i = ch?.keys.themePhase.indexOf('environment') ?? -1;
      const bar = ch?.charts.themePhase.getDatasetMeta(1).data[i] as unknown as { x: number; y: number; base: number } | undefined;
      const rect = document.getElementById('chart-theme-phase')?.getBoundingClientRect();
      return bar && rect ? { x: rect.left + bar.x, y: rect.top + (bar.y + bar.base) / 2 } : null;
    });
    expect(pt).not.toBeNull();
    if (!pt) return;
    await page.locator('#chart-theme-phase').scrollIntoViewIfNeeded();
    const pt2 = await page.evaluate(() => {
      const ch = window.atlasPlanner?.charts;
      const i = ch?.keys.themePhase.indexOf('environment') ?? -1;
      const bar = ch?.charts.themePhase.getDatasetMeta(1).data[i] as unknown as { x: number; y: number; base: number };
      const rect = document.getElementById('chart-theme-phase')?.getBoundingClientRect() as DOMRect;
      return { x: rect.left + bar.x, y: rect.top + (bar.y + bar.base) / 2 };
    });
    await page.mouse.click(pt2.x, pt2.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'environment');
    expect(param(page, 'phase')).toBe('tasks');
    const want = expectedCounts({ theme: ['environment'], phase: ['tasks'] });
    await expect.poll(async () => nonZero(await drawnCounts(page))).toEqual(want);
    // A 街道 bar filters by 街道.
    await page.locator('#chart-subdistrict').scrollIntoViewIfNeeded();
    const sd = await page.evaluate(() => {
      const ch = window.atlasPlanner?.charts;
      const bar = ch?.charts.subdistrict.getDatasetMeta(0).data[0] as unknown as { x: number; y: number; base: number };
      const rect = document.getElementById('chart-subdistrict')?.getBoundingClientRect() as DOMRect;
      return { x: rect.left + (bar.x + bar.base) / 2, y: rect.top + bar.y, key: ch?.keys.subdistrict[0] };
    });
    await page.mouse.click(sd.x, sd.y);
    await page.waitForFunction((k) => new URL(location.href).searchParams.get('sd') === k, sd.key);
    await page.screenshot({ path: 'test-results/planner-filtered.png' });
    await context.close();
  });

  it('exports GeoJSON and CSV with provenance, and a PNG of the map', async () => {
    const { page, context } = await open('?mode=planner&theme=environment');
    await ready(page);
    await page.locator('#export-geojson').scrollIntoViewIfNeeded();
    const [gj] = await Promise.all([page.waitForEvent('download'), page.locator('#export-geojson').click()]);
    expect(gj.suggestedFilename()).toMatch(/\.geojson$/);
    const fc = JSON.parse((await saved(gj)).toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    const placeFeatures = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'place');
    const projectFeatures = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'project');
    const visible = places.filter((p) => p.properties.inXicheng && p.properties.themes.includes('environment'));
    expect(placeFeatures.length).toBe(visible.length);
    expect(projectFeatures.length).toBeGreaterThan(0);
    for (const f of placeFeatures) {
      for (const k of ['paragraphs', 'quotes', 'precision', 'geometry_source', 'gazetteer', 'source_ref'])
        expect(f.properties).toHaveProperty(k);
      if (f.properties.mentions > 0) expect(f.properties.quotes.length).toBeGreaterThan(0);
    }
    expect(projectFeatures[0].properties.quote.length).toBeGreaterThan(5);
    expect(
      fc.features.some((f: { properties: { licence: string } }) =>
        f.properties.licence?.includes('© OpenStreetMap contributors, ODbL 1.0'),
      ),
    ).toBe(true);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv-places').click()]);
    const buf = await saved(csv);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buf.toString('utf8'));
    const header = rows[0] ?? [];
    for (const k of ['id', 'paragraphs', 'quotes', 'precision', 'geometry_source', 'gazetteer', 'licence']) expect(header).toContain(k);
    expect(rows.length - 1).toBe(visible.length);
    const q = header.indexOf('quotes');
    expect(rows.slice(1).every((r) => (r[q] ?? '').startsWith('[p'))).toBe(true);
    const [pcsv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv-projects').click()]);
    const prow = parseCsv((await saved(pcsv)).toString('utf8'));
    expect(prow[0]).toContain('quote');
    expect(prow.length - 1).toBe(projectFeatures.length);

    const size = await page.evaluate(() => {
      const c = window.atlas?.map.getCanvas();
      return { w: c?.width, h: c?.height };
    });
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const img = await saved(png);
    expect([...img.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(img.readUInt32BE(16)).toBe(size.w);
    expect(img.readUInt32BE(20)).toBe(size.h);
    await context.close();
  });

  it('lists outward flows with their sentences; a row opens the place card; the claims show their method', async () => {
    const { page, context } = await open('?mode=planner');
    await ready(page);
    await page.locator('#planner-flows').evaluate((e) => {
      (e.closest('details') as HTMLDetailsElement).open = true;
    });
    await expect.poll(() => page.locator('#planner-flows .flow-open').count()).toBeGreaterThan(5);
    await expect.poll(() => page.locator('#planner-flows li[data-kind="assistance"]').count()).toBe(2);
    await page.locator('#planner-flows .flow-open[data-place-id="fuping-xian"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'fuping-xian');
    await expect.poll(() => page.locator('#card .card-name').textContent()).toBe('阜平县');
    await expect.poll(() => page.locator('#claim-park').count()).toBe(1);
    const claims = await page.evaluate(() => window.atlasPlanner?.claims);
    expect(claims?.parkShare).toBeGreaterThan(0);
    expect(claims?.parkShare).toBeLessThan(0.5);
    expect(claims?.nniR).toBeGreaterThan(0);
    expect(await page.locator('#planner-claims').textContent()).toContain('92.7');
    await context.close();
  });

  it('compares done and planned on two synchronised maps', async () => {
    const { page, context } = await open('?mode=planner');
    await ready(page);
    await page.locator('#planner-compare-btn').click();
    await page.waitForFunction(() =>
      (window as unknown as { atlasCompare?: { loaded(): boolean }[] }).atlasCompare?.every((m) => m.loaded()),
    );
    await expect.poll(() => page.locator('.compare-map[data-sites]').count()).toBe(2);
    const centres = await page.evaluate(() => {
      const [a, b] = (window as unknown as { atlasCompare: import('maplibre-gl').Map[] }).atlasCompare;
      a?.jumpTo({ center: [116.36, 39.92], zoom: 14 });
      return [a?.getCenter().toArray(), b?.getCenter().toArray(), b?.getZoom()];
    });
    expect(centres[1]).toEqual(centres[0]);
    expect(centres[2]).toBe(14);
    await page.screenshot({ path: 'test-results/planner-compare.png' });
    await page.locator('.compare-close').click();
    await page.screenshot({ path: 'test-results/planner.png' });
    await context.close();
  });

  it('made no request off the origin and threw no page error', () => {
    expect(offOriginAll).toEqual([]);
    expect(errorsAll).toEqual([]);
  });
});
