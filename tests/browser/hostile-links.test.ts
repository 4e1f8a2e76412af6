import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../hostile-corpus';
import { baseUrl, launch, openPage } from './browser';
import { serveDir } from './static-server';

/**
 * Links anyone can send (to a phone, to a kiosk) and what the page does with them: it never stops,
 * says what it ignored in a banner of bounded size that quotes the link's text as such and can be
 * closed (issue 16, items 1 and 5); and another site cannot frame it (item 8).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a link and waits until the app is up or has given up ("载入失败"), whichever comes first. */
async function openLink(path: string) {
  const r = await openPage(browser, path);
  await r.page.waitForFunction(
    () => window.atlas?.ready === true || /载入失败/.test(document.getElementById('notice')?.textContent ?? ''),
    undefined,
    { timeout: 120_000 },
  );
  return r;
}

const noticeText = (page: Page) => page.locator('#notice').textContent();
const ready = (page: Page) => page.evaluate(() => window.atlas?.ready === true);
const reportShown = (page: Page) => page.locator('#p1-1-1 .para-text').isVisible();

describe('a malformed link never stops the app (16.1)', () => {
  for (const hash of ['#%', '#%E0%A4%A']) {
    it(`loads ${hash}: the report and the map, and a notice quoting the fragment`, async () => {
      const { page, context, errors, offOrigin } = await openLink(hash);
      expect(await noticeText(page)).not.toMatch(/载入失败|URI malformed/);
      expect(await ready(page)).toBe(true);
      expect(await reportShown(page)).toBe(true);
      expect(await page.locator('#notice q.notice-foreign').first().textContent()).toBe(hash.slice(1));
      expect(errors).toEqual([]);
      expect(offOrigin).toEqual([]);
      await context.close();
    });
  }

  it('the same fragments set after load (hashchange, popstate) are reported, never thrown', async () => {
    const { page, context, errors } = await openLink('');
    expect(await ready(page)).toBe(true);
    await page.evaluate(() => {
      location.hash = '%';
    });
    await page.locator('#notice q.notice-foreign', { hasText: '%' }).first().waitFor();
    // popstate: back to an entry whose fragment is a cut-off UTF-8 sequence.
    await page.evaluate(() => {
      history.pushState(null, '', '#%E0%A4%A');
      history.pushState(null, '', '#p1-1-1');
    });
    await page.evaluate(() => history.back());
    await page.locator('#notice q.notice-foreign', { hasText: '%E0%A4%A' }).waitFor();
    // Every hash of the corpus, one after the other.
    for (const h of HOSTILE.hash)
      await page.evaluate((x) => {
        location.hash = x;
      }, h);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(errors).toEqual([]);
    expect(await reportShown(page)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });
});

describe('the notice of ignored parameters is bounded, quotes foreign text and closes (16.5)', () => {
  it('a 3.9 kB hostile link: a short banner off the middle of the page, closable, repeats counted', async () => {
    const payload = `<img src=x onerror="window.__pwned=1">${'长'.repeat(200)}`;
    const parts = [`x=${encodeURIComponent(payload)}`];
    for (let i = 0; parts.join('&').length < 3900; i++) parts.push(`junk${i}=${encodeURIComponent(`<b>${'x'.repeat(60)}</b>`)}`);
    const query = parts.join('&');
    expect(query.length).toBeGreaterThanOrEqual(3900);
    const { page, context, errors } = await openLink(`?${query}`);
    expect(await ready(page)).toBe(true);
    const box = page.locator('#notice');
    expect(await box.isVisible()).toBe(true);
    const text = (await noticeText(page)) ?? '';
    expect(text.length).toBeLessThan(400);
    // The link's own text only inside <q>, capped; the app's words outside.
    const quoted = await page.locator('#notice q.notice-foreign').allTextContents();
    expect(quoted).toContain('x');
    expect(quoted.every((q) => [...q].length <= 40)).toBe(true);
    expect(quoted.some((q) => q.startsWith('<img src=x'))).toBe(true);
    expect(await page.locator('#notice img, #notice b').count()).toBe(0);
    const vp = page.viewportSize() ?? { width: 1280, height: 800 };
    const rect = await box.boundingBox();
    expect(rect?.height ?? 1e9).toBeLessThan(vp.height * 0.31);
    // It does not cover the middle of the page (where the map is read).
    expect((rect?.y ?? 0) > vp.height / 2).toBe(true);
    // The same link again (back to it): counted, not repeated.
    await page.evaluate(() => {
      history.pushState(null, '', `?mode=explore`);
      history.back();
    });
    await page.locator('#notice .notice-count', { hasText: '×2' }).waitFor();
    expect(await page.locator('#notice li').count()).toBe(1);
    await page.locator('#notice .notice-close').click();
    expect(await box.isHidden()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('another origin cannot frame the app (16.8)', () => {
  let site: { url: string; close: () => Promise<void> } | undefined;
  let dir = '';
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('npm run preview sends frame-ancestors, nosniff and a referrer policy', async () => {
    const res = await fetch(baseUrl());
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('a page on another origin that frames the app gets nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-framer-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><iframe id="f" src="${baseUrl()}" width="800" height="600"></iframe>`);
    site = await serveDir(dir);
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to (display|frame)/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(site.url);
    await page.locator('#f').waitFor();
    await expect.poll(() => blocked.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The framed document is Chromium's error page, never the app.
    expect(await frame?.evaluate(() => !!document.getElementById('map')).catch(() => false)).toBe(false);
    await context.close();
  });
});
