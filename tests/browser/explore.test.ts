import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser';

const session = browserSession();
const { open, offOrigin: offOriginAll, errors: errorsAll } = session;
const centre = (page: Page) => page.evaluate(() => window.atlas?.map.getCenter().toArray() as [number, number]);
const placeCoords = (page: Page, id: string) =>
  page.evaluate((pid) => {
    const g = window.atlas?.data.index.places.get(pid)?.geometry;
    return g?.type === 'Point' ? (g.coordinates as [number, number]) : null;
  }, id);
const metres = (a: [number, number], b: [number, number]) => {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (b[1] - a[1]) * k;
  return Math.sqrt(x * x + y * y) * 6371000;
};
const settle = (page: Page) => page.waitForFunction(() => !window.atlas?.map.isMoving(), undefined, { timeout: 20_000 });

describe('the main screen: text and map linked both ways', () => {
  it('clicking a mention flies to its place, selects it and changes the URL', async () => {
    const { page } = await open();
    const before = await centre(page);
    const mark = page.locator('#p3-1-2 mark.mention[data-place-id="tianyi-shichang"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'tianyi-shichang');
    await settle(page);
    const after = await centre(page);
    const target = (await placeCoords(page, 'tianyi-shichang')) as [number, number];
    expect(metres(after, target)).toBeLessThan(metres(before, target));
    expect(metres(after, target)).toBeLessThan(300);
    await expect.poll(() => page.locator('#card .card-name').textContent()).toBe('天意小商品批发市场');
    expect(new URL(page.url()).searchParams.get('p')).toBe('p3-1-2');
    // The open card does not cover the zoom buttons: a tap on "+" still reaches it.
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    const box = await zoomIn.boundingBox();
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.closest('button')?.className ?? '',
      [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2],
    );
    expect(hit).toContain('maplibregl-ctrl-zoom-in');
    // Every mention element names its place.
    const withoutId = await page.locator('#report mark.mention:not([data-place-id])').count();
    expect(withoutId).toBe(0);
    expect(await page.locator('#report mark.mention').count()).toBeGreaterThan(150);
  });

  it('a selected place lists every paragraph that mentions it, each linking back into the report', async () => {
    const { page } = await open('?place=shichahai');
    await expect.poll(() => page.locator('#card .card-mentions > li').count()).toBe(4);
    const ids = await page
      .locator('#card .card-mentions > li')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.paragraphId));
    expect(ids).toEqual(['p1-3-1', 'p3-2-2', 'p3-2-2', 'p3-3-2']);
    await page.locator('#card .go-to-mention').nth(3).click();
    await expect.poll(() => page.locator('#p3-3-2').getAttribute('class')).toContain('is-target');
    // next/previous step through the mentions in reading order
    await page.locator('#card .step-next').click();
    await expect.poll(() => page.locator('#card .step-pos').textContent()).toBe('1 / 4');
    await page.locator('#card .step-prev').click();
    await expect.poll(() => page.locator('#card .step-pos').textContent()).toBe('4 / 4');
    // hovering a place's mention highlights it on the map side, and the text marks all its mentions
    await page.locator('#p3-3-2 mark[data-place-id="shichahai"]').hover();
    await expect.poll(() => page.locator('#report mark.is-hover[data-place-id="shichahai"]').count()).toBeGreaterThanOrEqual(3);
  });

  it('filters change the counts, the list, the text and the features drawn', async () => {
    const { page } = await open();
    await page.locator('#tab-filters').click();
    const shown = async () => Number((await page.locator('.shown-count').textContent())?.match(/\d+/)?.[0]);
    const drawn = () =>
      page.evaluate(() => {
        const m = window.atlas?.map;
        if (!m) return -1;
        const ids = new Set<string>();
        for (const s of ['place-points', 'place-lines', 'place-areas'])
          for (const f of m.querySourceFeatures(s)) if (f.properties.id) ids.add(f.properties.id as string);
        const clusters = m.querySourceFeatures('place-points').filter((f) => f.properties.cluster);
        return ids.size + clusters.reduce((n, c) => n + Number(c.properties.point_count), 0) * 0;
      });
    const all = await shown();
    const drawnAll = await drawn();
    const cultureCount = Number(await page.locator('.facet-theme input[value="culture"] ~ .count').textContent());
    await page.locator('.facet-theme input[value="culture"]').check();
    await expect.poll(shown).toBe(cultureCount);
    expect(cultureCount).toBeLessThan(all);
    await expect.poll(drawn).toBeLessThan(drawnAll);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('culture');
    // AND across groups: adding a phase narrows further; the counts of the phase group follow the theme choice.
    const tasksCount = Number(await page.locator('.facet-phase input[value="tasks"] ~ .count').textContent());
    await page.locator('.facet-phase input[value="tasks"]').check();
    await expect.poll(shown).toBe(tasksCount);
    // The text follows: paragraphs of other themes are dimmed.
    expect(await page.locator('#p3-2-4').getAttribute('class')).toContain('is-filtered-out');
    expect(await page.locator('#p3-4-3').getAttribute('class')).not.toContain('is-filtered-out');
    await page.locator('.reset-filters').click();
    await expect.poll(shown).toBe(all);
    expect(new URL(page.url()).searchParams.get('theme')).toBeNull();
  });

  it('pinyin and initials search fly to the place', async () => {
    const { page } = await open();
    await page.locator('#search-input').fill('shichahai');
    await expect.poll(() => page.locator('#search-results [role="option"]').first().getAttribute('data-place-id')).toBe('shichahai');
    await page.locator('#search-input').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'shichahai');
    await page.locator('#search-input').fill('bjf');
    await expect.poll(() => page.locator('#search-results [role="option"]').first().getAttribute('data-place-id')).toBe('beijingfang');
    await page.locator('#search-results [role="option"]').first().dispatchEvent('pointerdown');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'beijingfang');
    await settle(page);
    const target = (await placeCoords(page, 'beijingfang')) as [number, number];
    expect(metres(await centre(page), target)).toBeLessThan(300);
    // Back returns to the previous selection.
    await page.goBack();
    await page.waitForFunction(() => window.atlas?.store.get().place === 'shichahai');
    await expect.poll(() => page.locator('#card .card-name').textContent()).toBe('什刹海');
  });

  it('a shared link restores place, filters, view and paragraph; bad parameters get a notice', async () => {
    const { page } = await open('?place=beijingfang&theme=culture&map=14.5/39.9/116.39&p=p3-4-3&story=0&bogus=1&cat=nope');
    expect(await page.locator('#card .card-name').textContent()).toBe('北京坊');
    const [lng, lat] = await centre(page);
    expect(Math.abs(lng - 116.39)).toBeLessThan(0.001);
    expect(Math.abs(lat - 39.9)).toBeLessThan(0.001);
    expect(await page.evaluate(() => window.atlas?.map.getZoom())).toBeCloseTo(14.5, 1);
    await page.locator('#tab-filters').click();
    expect(await page.locator('.facet-theme input[value="culture"]').isChecked()).toBe(true);
    expect(await page.locator('#toggle-story').isChecked()).toBe(false);
    expect(await page.locator('#p3-4-3').getAttribute('class')).toContain('is-target');
    await expect.poll(() => page.locator('#notice').textContent()).toContain('bogus');
    expect(await page.locator('#notice').textContent()).toContain('nope');
  });

  it('a paragraph\'s "show on map" fits all its places', async () => {
    const { page } = await open('?story=0');
    await page.locator('#p3-2-4 button.show-on-map').click();
    await settle(page);
    const inView = await page.evaluate(() => {
      const m = window.atlas?.map;
      const d = window.atlas?.data;
      if (!m || !d) return [];
      const b = m.getBounds();
      // Every vertex of every mapped place of the paragraph (its places are lines and areas as
      // well as points since geometry is derived: here the two greenways).
      const vertices = (g: GeoJSON.Geometry): number[][] =>
        g.type === 'Point'
          ? [g.coordinates]
          : g.type === 'LineString' || g.type === 'MultiPoint'
            ? g.coordinates
            : g.type === 'MultiLineString' || g.type === 'Polygon'
              ? g.coordinates.flat()
              : g.type === 'MultiPolygon'
                ? g.coordinates.flat(2)
                : [];
      return (d.index.mentionsByParagraph.get('p3-2-4') ?? [])
        .map((x) => d.index.places.get(x.placeId)?.geometry as GeoJSON.Geometry | null | undefined)
        .filter((g): g is GeoJSON.Geometry => !!g)
        .flatMap((g) => vertices(g))
        .map((c) => b.contains(c as [number, number]));
    });
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.every(Boolean)).toBe(true);
  });

  it('the outside-Xicheng control loads deck.gl arcs only when asked', async () => {
    const { page } = await open();
    const deckLoaded = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((r) => /dist-|layers|mapbox/.test(r.name) && r.name.endsWith('.js') && /deck|dist-/.test(r.name)),
      );
    expect(await page.evaluate(() => (window as unknown as { atlasArcs?: number }).atlasArcs)).toBeUndefined();
    await page.locator('#toggle-outside').check();
    await page.waitForFunction(() => ((window as unknown as { atlasArcs?: number }).atlasArcs ?? 0) > 0, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { atlasArcs?: number }).atlasArcs)).toBeGreaterThanOrEqual(5);
    expect(await deckLoaded()).toBe(true);
    expect(new URL(page.url()).searchParams.get('outside')).toBe('1');
  });

  it('works on a phone: no horizontal scrolling at 360 px, panels in a bottom sheet', async () => {
    const { page } = await open('', { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    // The header (title, mode buttons, search) takes at most 15 % of the height, once every mode has
    // put its button in it (they register after the first paint).
    await page.waitForFunction(() => !!document.getElementById('btn-import'));
    const header = await page.locator('.topbar').boundingBox();
    expect(header?.height ?? Infinity).toBeLessThanOrEqual(640 * 0.15);
    const sheet = await page.locator('#side').boundingBox();
    const mapBox = await page.locator('#map').boundingBox();
    expect(sheet && mapBox && sheet.y > mapBox.y).toBe(true);
    await page.locator('#p1-1-1 mark[data-place-id="dongwuyuan-pifa-shichang"]').first().tap();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'dongwuyuan-pifa-shichang');
    expect(await page.locator('#card').isVisible()).toBe(true);
    const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(after).toBe(true);
    await page.screenshot({ path: 'test-results/phone.png' });
  });

  it('no request left the origin and no page error occurred in any of the above', () => {
    expect(offOriginAll).toEqual([]);
    expect(errorsAll).toEqual([]);
  });
});
