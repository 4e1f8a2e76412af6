import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

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
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ page: Page; context: BrowserContext; offOrigin: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
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
