import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('without WebGL', () => {
  it('falls back to the text, the list, filters, search and cards', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A browser without WebGL: every request for a WebGL context fails, as on a blocklisted GPU.
    await context.addInitScript(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) return null;
        return (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(baseUrl());
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.nomap)).toBe('true');
    expect(await page.locator('#notice').textContent()).toContain('WebGL');
    expect(await page.locator('#report article.para').count()).toBe(69);
    await page.locator('#p1-1-1 mark[data-place-id="dongwuyuan-pifa-shichang"]').first().click();
    await expect.poll(() => page.locator('#card .card-name').textContent()).toBe('动物园批发市场');
    expect(await page.locator('#card').isVisible()).toBe(true);
    await page.locator('#tab-list').click();
    expect(await page.locator('#list .place-item').count()).toBeGreaterThan(50);
    await page.locator('#search-input').fill('shichahai');
    await page.locator('#search-input').press('Enter');
    await expect.poll(() => page.locator('#card .card-name').textContent()).toBe('什刹海');
    await page.locator('#tab-filters').click();
    await page.locator('.facet-theme input[value="culture"]').check();
    await page.locator('#tab-list').click();
    const n = await page.locator('#list .place-item').count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(50);
    expect(errors).toEqual([]);
    await context.close();
  });
});
