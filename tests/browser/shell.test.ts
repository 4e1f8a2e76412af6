import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, waitForMap } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('app shell: the report beside a map of the 15 街道', () => {
  it('renders the whole report and draws every 街道, asking nothing of other origins', async () => {
    const { page, offOrigin, errors } = await openPage(browser);
    await waitForMap(page);
    await expect.poll(() => page.locator('#report article.para').count()).toBe(69);
    expect(await page.locator('#report h2.part-heading').allTextContents()).toEqual([
      '一、过去五年工作回顾',
      '二、未来五年政府工作的总体把握',
      '三、2017年重点工作安排',
    ]);
    const drawn = await page.evaluate(() => {
      const map = window.atlas?.map;
      if (!map) return [];
      const names = map.queryRenderedFeatures({ layers: ['subdistricts-line'] }).map((f) => String(f.properties.name));
      return [...new Set(names)].sort();
    });
    expect(drawn).toHaveLength(15);
    expect(drawn).toContain('什刹海街道');
    expect(drawn).toContain('大栅栏街道');
    // The outline is drawn too, and the canvas is not blank: sample pixels differ from the background.
    // WebGL clears its buffer after compositing, so read the pixels inside a render callback.
    const distinct = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const map = window.atlas?.map;
          if (!map) return resolve(0);
          map.once('render', () => {
            const canvas = map.getCanvas();
            const c = document.createElement('canvas');
            c.width = canvas.width;
            c.height = canvas.height;
            const ctx = c.getContext('2d');
            ctx?.drawImage(canvas, 0, 0);
            const px = ctx?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
            const colours = new Set<number>();
            for (let i = 0; i < px.length; i += 4 * 97) colours.add(((px[i] ?? 0) << 16) | ((px[i + 1] ?? 0) << 8) | (px[i + 2] ?? 0));
            resolve(colours.size);
          });
          map.triggerRepaint();
        }),
    );
    expect(distinct).toBeGreaterThan(3);
    // The map fills its panel (a CSS regression once collapsed it to MapLibre's 300 px default).
    const sizes = await page.evaluate(() => {
      const panel = document.querySelector('.map-panel')?.getBoundingClientRect();
      const canvas = window.atlas?.map.getCanvas().getBoundingClientRect();
      return { panel: panel?.height ?? 0, canvas: canvas?.height ?? 0 };
    });
    expect(sizes.canvas).toBeGreaterThan(sizes.panel - 2);
    expect(offOrigin).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/shell.png' });
  });

  it('a paragraph deep link scrolls to and marks the paragraph', async () => {
    const { page, errors } = await openPage(browser, '#p3-2-4');
    await waitForMap(page);
    const target = page.locator('#p3-2-4');
    await expect.poll(() => target.getAttribute('class')).toContain('is-target');
    const inView = await target.evaluate((el) => {
      const panel = document.getElementById('report') as HTMLElement;
      const r = el.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      return r.top >= p.top - 1 && r.top < p.bottom;
    });
    expect(inView).toBe(true);
    expect(await target.textContent()).toContain('三是增加绿色生态空间');
    // Following another paragraph link moves the mark.
    await page.evaluate(() => {
      location.hash = '#p1-1-1';
    });
    await expect.poll(() => page.locator('#p1-1-1').getAttribute('class')).toContain('is-target');
    expect(await page.locator('.para.is-target').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a fresh page keeps a clean address: the default view is not written into it', async () => {
    const { page } = await openPage(browser);
    await waitForMap(page);
    expect(new URL(page.url()).search).toBe('');
    // Moving the map does write the view, so the address can be shared.
    await page.evaluate(() => window.atlas?.map.jumpTo({ center: [116.37, 39.93], zoom: 14 }));
    await expect.poll(() => new URL(page.url()).searchParams.get('map')).toMatch(/^14(\.0+)?\/39\.93\d*\/116\.37/);
  });

  it('an unknown paragraph id shows a notice instead of failing silently', async () => {
    const { page } = await openPage(browser, '#p9-9-9');
    await waitForMap(page);
    await expect.poll(() => page.locator('#notice').textContent()).toContain('p9-9-9');
    expect(await page.locator('#notice').isVisible()).toBe(true);
  });
});
