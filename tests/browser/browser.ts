import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

export { CHROMIUM_ARGS };

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A page that records every request whose origin is not the app's own, and every page error,
 * so each test can assert the app stayed offline and did not throw.
 */
export async function openPage(
  browser: Browser,
  path = '',
  options: Parameters<Browser['newContext']>[0] & { initScript?: string } = {},
): Promise<{ page: Page; context: BrowserContext; offOrigin: string[]; errors: string[] }> {
  const { initScript, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (initScript) await context.addInitScript({ content: initScript });
  const page = await context.newPage();
  // The origin of the page opened (a test may open a build of its own, served elsewhere).
  const origin = new URL(path, baseUrl()).origin;
  const offOrigin: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) offOrigin.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL(path, baseUrl()).href);
  return { page, context, offOrigin, errors };
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.atlas?.ready === true, undefined, { timeout: 120_000 });
}

/**
 * One browser for a test file, and an `open` that waits for the map and keeps every off-origin
 * request and page error of the whole file, so a last test can assert none happened.
 */
export function browserSession(defaults: Parameters<Browser['newContext']>[0] = {}) {
  let browser: Browser | undefined;
  const offOrigin: string[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const session = {
    offOrigin,
    errors,
    get browser(): Browser {
      if (!browser) throw new Error('browserSession: the browser is not launched yet');
      return browser;
    },
    async open(path = '', options: Parameters<Browser['newContext']>[0] = {}) {
      const r = await openPage(session.browser, path, { ...defaults, ...options });
      await waitForMap(r.page);
      offOrigin.push(...r.offOrigin);
      errors.push(...r.errors);
      return r;
    },
  };
  return session;
}
