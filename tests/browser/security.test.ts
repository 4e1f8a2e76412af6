import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage, waitForMap } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const INJ = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Serves the real build but with markup and script planted in the report text and gazetteer fields. */
async function plant(context: BrowserContext): Promise<void> {
  await context.route(/\/assets\/report-[^/]+\.json$/, async (route) => {
    const res = await route.fetch();
    const report = await res.json();
    const p = report.paragraphs.find((x: { id: string }) => x.id === 'p1-1-1');
    const start = p.text.length;
    p.text += INJ;
    p.sentences.push({ start, end: p.text.length, facts: [] });
    await route.fulfill({ response: res, json: report });
  });
  await context.route(/\/assets\/places-[^/]+\.geojson$/, async (route) => {
    const res = await route.fetch();
    const places = await res.json();
    const f = places.features.find((x: { id: string }) => x.id === 'shichahai');
    f.properties.name = `${INJ}什刹海`;
    f.properties.name_en = '<b onmouseover="window.__pwned=4">Shichahai</b>';
    f.properties.source.note = '<script>window.__pwned=3</script>';
    await route.fulfill({ response: res, json: places });
  });
}

describe('security', () => {
  it('markup and script in the report and the gazetteer show as text and never run', async () => {
    // No service worker: it would precache the planted files in the background, through the
    // routes, after the test is over (a late route.fetch on a closed context is an unhandled error).
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await plant(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('?place=shichahai', baseUrl()).href);
    await waitForMap(page);
    expect(await page.locator('#p1-1-1 .para-text').textContent()).toContain(INJ);
    expect(await page.locator('#card .card-name').textContent()).toBe(`${INJ}什刹海`);
    expect(await page.locator('#card .card-name-en').textContent()).toBe('<b onmouseover="window.__pwned=4">Shichahai</b>');
    await page.locator('#card .card-source summary').click();
    expect(await page.locator('#card .card-source').textContent()).toContain('<script>window.__pwned=3</script>');
    await page.locator('#tab-list').click();
    expect(await page.locator('#list [data-place-id="shichahai"] .place-name').textContent()).toBe(`${INJ}什刹海`);
    await page.locator('#search-input').fill('shichahai');
    await expect.poll(() => page.locator('#search-results [data-place-id="shichahai"] .result-name').textContent()).toBe(`${INJ}什刹海`);
    await page.locator('#card .card-name-en').hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // No element was created from the planted markup.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('body b[onmouseover]').count()).toBe(0);
    expect(errors).toEqual([]);
    // A request still in a route handler (a late prefetch) is let go quietly rather than failing after the test.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });

  it('the production page carries a same-origin Content-Security-Policy that blocks inline script', async () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../dist/index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const { page } = await openPage(browser);
    await waitForMap(page);
    const blocked = await page.evaluate(
      () =>
        new Promise<boolean>((resolveBlocked) => {
          document.addEventListener('securitypolicyviolation', () => resolveBlocked(true), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.body.append(s);
          setTimeout(() => resolveBlocked((window as unknown as { __inline?: number }).__inline === undefined), 500);
        }),
    );
    expect(blocked).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
  });
});
