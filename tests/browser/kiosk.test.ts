import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, openPage } from './browser';
import { buildVariant } from './build-variant';

/** The kiosk's deployment, with its public address configured (atlas.config.json): the QR code carries it. */
const PUBLIC = 'https://atlas.example.gov.cn/xicheng/';
let deployed: Awaited<ReturnType<typeof buildVariant>> | undefined;
let browser: Browser;
const offOriginAll: string[][] = [];
const errorsAll: string[][] = [];
beforeAll(async () => {
  deployed = await buildVariant({ publicUrl: PUBLIC });
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await deployed?.close();
});

const LANDSCAPE = { viewport: { width: 1920, height: 1080 }, hasTouch: true };
const PORTRAIT = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

// Each test drives one page through several steps (a page load is the slow part on a CI machine).
const SLOW = 240_000;
let contexts: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  // A kiosk page never stops (tour, clock): close it so it does not slow the next test.
  for (const c of contexts) await c.close();
  contexts = [];
});

async function open(path: string, options: object, base = deployed?.url ?? baseUrl(), manualClock = false) {
  // A manual clock for the idle clock and the tour, set before the app loads (see KioskHook.advance).
  const init = manualClock ? { initScript: "window.__atlasKioskClock = 'manual'" } : {};
  const r = await openPage(browser, new URL(path, base).href, { ...options, ...init });
  contexts.push(r.context);
  await r.page.waitForFunction(() => window.atlas?.ready === true && !!window.atlasKiosk, undefined, { timeout: 120_000 });
  // The lists keep filling while the page runs: keep them, read them at the end.
  offOriginAll.push(r.offOrigin);
  errorsAll.push(r.errors);
  return r;
}
const param = (page: Page, k: string) => new URL(page.url()).searchParams.get(k);
const settle = (page: Page) => page.waitForFunction(() => !window.atlas?.map.isMoving(), undefined, { timeout: 60_000 });
const phase = (page: Page) => page.evaluate(() => window.atlasKiosk?.phase());

/** Reads the QR code's pixels off its canvas and decodes them, as a phone camera would. */
async function decodeQr(page: Page): Promise<string | null> {
  const img = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#kiosk-qr canvas');
    const g = c?.getContext('2d');
    if (!c || !g || c.width === 0) return null;
    return { w: c.width, h: c.height, px: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
  });
  if (!img) return null;
  return jsQR(Uint8ClampedArray.from(img.px), img.w, img.h)?.data ?? null;
}
/** The page's own link at the public address, with the kiosk mode taken out: what the phone should open. */
function phoneLink(pageUrl: string): { base: string; params: Array<[string, string]> } {
  const u = new URL(pageUrl);
  u.searchParams.delete('mode');
  return { base: PUBLIC, params: [...u.searchParams].sort() };
}

async function sizeOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not laid out`);
  return box;
}

describe('kiosk mode (?mode=kiosk) on a 1920×1080 touch screen', () => {
  it(
    'has large touch targets, no keyboard, no page zoom, selection or menu, and a QR code of the current view',
    async () => {
      const { page } = await open('?mode=kiosk', LANDSCAPE);
      expect(await page.evaluate(() => document.body.dataset.mode)).toBe('kiosk');
      // The search box needs a keyboard: it is gone, the picker takes its place.
      expect(await page.locator('#search-input').isVisible()).toBe(false);
      expect(await page.locator('#tab-kiosk-find').getAttribute('aria-selected')).toBe('true');
      const main = [
        '#btn-kiosk-find',
        '#btn-lang',
        '#btn-about',
        '#tab-report',
        '#tab-list',
        '#tab-filters',
        '#tab-kiosk-find',
        '.kiosk-chip',
        '.kiosk-place',
        '.map-toggles label',
        '#btn-legend',
        '.maplibregl-ctrl-zoom-in',
        '.maplibregl-ctrl-zoom-out',
      ];
      for (const sel of main) {
        const b = await sizeOf(page, sel);
        expect.soft(b.height, `${sel} height`).toBeGreaterThanOrEqual(64);
        expect.soft(b.width, `${sel} width`).toBeGreaterThanOrEqual(64);
      }
      // Every chip and every place in the picker, not just the first.
      const small = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('.kiosk-chip, .kiosk-place')]
            .map((b) => b.getBoundingClientRect())
            .filter((r) => r.height < 64 || r.width < 64).length,
      );
      expect(small).toBe(0);
      // Large text in the panels.
      const fontPx = await page.evaluate(() =>
        Number.parseFloat(getComputedStyle(document.querySelector('.kiosk-place-name') as Element).fontSize),
      );
      expect(fontPx).toBeGreaterThanOrEqual(22);
      // A tap on a place in the picker selects it and opens its card, whose controls are large too.
      await page.locator('.kiosk-place[data-place-id="shichahai"]').tap();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'shichahai');
      await expect.poll(() => page.locator('#card .card-name').textContent()).toBe('什刹海');
      for (const sel of ['#card .card-close', '#card .step-next', '#card .go-to-mention']) {
        const b = await sizeOf(page, sel);
        expect.soft(b.height, `${sel} height`).toBeGreaterThanOrEqual(64);
      }
      // No selection, no context menu, no page pinch.
      const guards = await page.evaluate(() => {
        const ev = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
        document.querySelector('#report')?.dispatchEvent(ev);
        return {
          userSelect: getComputedStyle(document.body).userSelect,
          touchAction: getComputedStyle(document.body).touchAction,
          menuBlocked: ev.defaultPrevented,
          viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '',
        };
      });
      expect(guards.userSelect).toBe('none');
      expect(guards.touchAction).toBe('pan-x pan-y');
      expect(guards.menuBlocked).toBe(true);
      expect(guards.viewport).toContain('user-scalable=no');
      // The dark, high-contrast map: the dark basemap is on, under a near-black ground.
      await page.waitForFunction(() => !!window.atlas?.map.getLayer('basemap-roads-major'));
      const bg = await page.evaluate(() => window.atlas?.map.getPaintProperty('background', 'background-color'));
      expect(bg).toBe('#0e1217');
      await settle(page);
      await page.screenshot({ path: 'test-results/kiosk-landscape.png' });

      // The QR code: the current view, without the kiosk mode, kept current.
      await page.locator('#card .card-close').tap();
      await page.waitForFunction(() => !new URL(location.href).searchParams.get('place'));
      const qr = await sizeOf(page, '#kiosk-qr canvas');
      expect(qr.width).toBeGreaterThanOrEqual(180);
      await expect.poll(() => decodeQr(page), { timeout: 60_000 }).not.toBeNull();
      const first = new URL((await decodeQr(page)) as string);
      expect(first.searchParams.get('mode')).toBeNull();
      expect(first.origin + first.pathname).toBe(phoneLink(page.url()).base);
      // Choose a category and a place, and turn on a filter: the code follows.
      await page.locator('.kiosk-chip[data-group="culture"]').tap();
      const id = await page.locator('.kiosk-place').first().getAttribute('data-place-id');
      await page.locator('.kiosk-place').first().tap();
      await page.waitForFunction((pid) => new URL(location.href).searchParams.get('place') === pid, id);
      await page.locator('#tab-filters').tap();
      await page.locator('.facet-theme input[value="culture"]').check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'culture');
      await settle(page);
      await expect
        .poll(
          async () => {
            const text = await decodeQr(page);
            if (!text) return null;
            const u = new URL(text);
            return { base: u.origin + u.pathname, params: [...u.searchParams].sort() };
          },
          { timeout: 60_000 },
        )
        .toEqual(phoneLink(page.url()));
      const decoded = new URL((await decodeQr(page)) as string);
      expect(decoded.searchParams.get('place')).toBe(id);
      expect(decoded.searchParams.get('theme')).toBe('culture');
      expect(decoded.searchParams.get('mode')).toBeNull();
      expect(await page.evaluate(() => window.atlasKiosk?.qrText())).toBe(decoded.href);
    },
    SLOW,
  );

  it(
    'runs an attract tour when idle, a tap stops it; an idle session warns, then resets and restarts the tour',
    async () => {
      // The idle clock and the tour run on a manual clock: the test moves time, nothing waits for it.
      const { page } = await open('?mode=kiosk', LANDSCAPE, undefined, true);
      const advance = (ms: number) => page.evaluate((t) => window.atlasKiosk?.advance(t), ms);
      const tour = (await page.evaluate(() => window.atlasKiosk?.tourIds)) as string[];
      expect(tour.length).toBeGreaterThanOrEqual(6);
      await page.evaluate(() => window.atlasKiosk?.setTimings({ attractMs: 1000, leadMs: 300, dwellMs: 3000 }));
      await advance(999);
      expect(await phase(page)).toBe('home');
      await advance(400);
      expect(await phase(page)).toBe('attract');
      expect(await page.locator('#kiosk-tour').isVisible()).toBe(true);
      expect(await page.locator('#kiosk-tour').textContent()).toContain('触摸屏幕开始探索');
      // It flies from place to place, opening each card on its quoted sentence.
      await advance(300);
      await page.waitForFunction((pid) => new URL(location.href).searchParams.get('place') === pid, tour[0], { timeout: 60_000 });
      await expect.poll(() => page.locator('#card').getAttribute('data-place-id')).toBe(tour[0]);
      await expect.poll(async () => ((await page.locator('#card .is-current .quote').textContent()) ?? '').length).toBeGreaterThan(8);
      await settle(page);
      await page.screenshot({ path: 'test-results/kiosk-tour.png' });
      // …and on to the next.
      await advance(3000);
      expect(await page.evaluate(() => window.atlasKiosk?.visited().length)).toBe(2);
      await expect.poll(() => page.locator('#card').getAttribute('data-place-id')).toBe(tour[1]);
      // A tap anywhere stops it; the tap itself does not also hit the map under the overlay.
      await page.touchscreen.tap(1300, 500);
      await expect.poll(() => phase(page)).toBe('active');
      await expect.poll(() => page.locator('#kiosk-tour').isVisible()).toBe(false);
      const visited = (await page.evaluate(() => window.atlasKiosk?.visited())) as string[];
      expect(visited).toEqual(tour.slice(0, visited.length));
      expect(param(page, 'place')).toBe(visited.at(-1));
      // The tour has stopped: three dwells pass on the clock and nothing more is visited.
      await advance(9000);
      expect(await page.evaluate(() => window.atlasKiosk?.visited().length)).toBe(visited.length);
      expect(param(page, 'place')).toBe(visited.at(-1));
      expect(await phase(page)).toBe('active');

      // Reset after idle: shorten the clock (and hold the tour on its start view once it restarts).
      await page.evaluate(() => window.atlasKiosk?.setTimings({ attractMs: 60_000, resetMs: 20_000, warnMs: 8000, leadMs: 60_000 }));
      // Use the screen: a place, a filter, scroll the report.
      await page.locator('.kiosk-place[data-place-id="shichahai"]').tap();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'shichahai');
      await page.locator('#tab-filters').tap();
      await page.locator('.facet-theme input[value="culture"]').check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'culture');
      await page.locator('#tab-report').tap();
      await page.evaluate(() => {
        const r = document.getElementById('report');
        if (r) r.scrollTop = 2000;
      });
      // The idle clock looks every 200 ms: just before the warning is due, then just after.
      await advance(11_900);
      expect(await phase(page)).toBe('active');
      await advance(400);
      // First time: the warning shows, a tap on it keeps the session.
      expect(await phase(page)).toBe('warning');
      expect(await page.locator('#kiosk-warn').isVisible()).toBe(true);
      expect(await page.locator('#kiosk-warn').textContent()).toMatch(/即将返回首页\s*\d…/);
      await page.screenshot({ path: 'test-results/kiosk-warning.png' });
      await page.locator('.kiosk-warn-btn').tap();
      await expect.poll(() => phase(page)).toBe('active');
      await expect.poll(() => page.locator('#kiosk-warn').isVisible()).toBe(false);
      expect(param(page, 'place')).toBe('shichahai');
      expect(await page.evaluate(() => window.atlasKiosk?.resets())).toBe(0);
      // Second time: nobody answers, the screen resets.
      await advance(19_000);
      expect(await page.evaluate(() => window.atlasKiosk?.resets())).toBe(0);
      await advance(1200);
      expect(await page.evaluate(() => window.atlasKiosk?.resets())).toBe(1);
      expect(param(page, 'place')).toBeNull();
      expect(param(page, 'theme')).toBeNull();
      expect(param(page, 'p')).toBeNull();
      expect(param(page, 'mode')).toBe('kiosk');
      expect(await page.locator('#card').isVisible()).toBe(false);
      expect(await page.locator('#kiosk-warn').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.getElementById('report')?.scrollTop)).toBe(0);
      expect(await page.locator('#tab-kiosk-find').getAttribute('aria-selected')).toBe('true');
      const filtered = await page.evaluate(() => {
        const s = window.atlas?.store.get();
        return s ? Object.values(s.filters).reduce((n, f) => n + f.size, 0) : -1;
      });
      expect(filtered).toBe(0);
      // …and the attract tour starts again.
      expect(await phase(page)).toBe('attract');
      expect(await page.locator('#kiosk-tour').isVisible()).toBe(true);
      // The start view frames the whole district.
      await settle(page);
      const inView = await page.evaluate(() => {
        const m = window.atlas?.map;
        const d = window.atlas?.data.district;
        if (!m || !d) return false;
        let [w, s, e, n] = [180, 90, -180, -90];
        const walk = (c: unknown): void => {
          if (Array.isArray(c) && typeof c[0] === 'number') {
            const [x, y] = c as [number, number];
            [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
          } else if (Array.isArray(c)) for (const x of c) walk(x);
        };
        for (const f of d.features) walk((f.geometry as { coordinates: unknown }).coordinates);
        const b = m.getBounds();
        // The whole district is on screen, and fills most of the map's height or width.
        const fills = n - s > 0.8 * (b.getNorth() - b.getSouth()) || e - w > 0.8 * (b.getEast() - b.getWest());
        return b.contains([w, s]) && b.contains([e, n]) && fills;
      });
      expect(inView).toBe(true);
    },
    SLOW,
  );
});

describe('kiosk mode on a 1080×1920 portrait touch screen', () => {
  it(
    'puts the map above the panel, keeps targets large, and stays offline without errors',
    async () => {
      const { page } = await open('?mode=kiosk', PORTRAIT);
      const map = await sizeOf(page, '.map-panel');
      const side = await sizeOf(page, '#side');
      expect(map.y).toBeLessThan(side.y);
      expect(map.width).toBeGreaterThan(1000);
      expect(side.width).toBeGreaterThan(1000);
      for (const sel of ['#btn-kiosk-find', '#btn-lang', '#tab-kiosk-find', '.kiosk-chip', '.kiosk-place']) {
        const b = await sizeOf(page, sel);
        expect.soft(b.height, `${sel} height`).toBeGreaterThanOrEqual(64);
      }
      const qr = await sizeOf(page, '#kiosk-qr');
      expect(qr.y + qr.height).toBeLessThanOrEqual(map.y + map.height);
      await page.locator('.kiosk-place').nth(2).tap();
      await expect.poll(() => page.locator('#card').isVisible()).toBe(true);
      await settle(page);
      // The place flown to is in view, not under the QR box or the card.
      const at = await page.evaluate(() => {
        const m = window.atlas?.map as import('maplibre-gl').Map;
        // The selection's label point sits on the place's shape (a point, half-way along a line, inside an area).
        const f = m.querySourceFeatures('selection').find((x) => x.properties?.kind === 'label');
        const c = m.getCanvas().getBoundingClientRect();
        const p = f?.geometry.type === 'Point' ? m.project(f.geometry.coordinates as [number, number]) : null;
        return p ? { x: c.left + p.x, y: c.top + p.y } : null;
      });
      expect(at).not.toBeNull();
      if (at) {
        const inside = (b: { x: number; y: number; width: number; height: number }) =>
          at.x >= b.x && at.x <= b.x + b.width && at.y >= b.y && at.y <= b.y + b.height;
        expect(inside(qr)).toBe(false);
        expect(inside(await sizeOf(page, '#card'))).toBe(false);
      }
      await page.screenshot({ path: 'test-results/kiosk-portrait.png' });
      // Across every kiosk test: nothing asked of another origin, nothing thrown.
      expect(offOriginAll.flat()).toEqual([]);
      expect(errorsAll.flat()).toEqual([]);
    },
    SLOW,
  );

  it('without a public address configured, the kiosk shows no QR code (no dead link to itself)', async () => {
    const { page } = await open('?mode=kiosk', PORTRAIT, baseUrl());
    await page.waitForFunction(() => !!document.getElementById('tab-kiosk-find'));
    expect(await page.locator('#kiosk-qr').count()).toBe(0);
    expect(await page.evaluate(() => window.atlasKiosk?.qrText())).toBe('');
  });
});
