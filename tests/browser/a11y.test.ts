import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, waitForMap } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page } as never).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe('accessibility', () => {
  for (const [name, path] of [
    ['explore', ''],
    ['explore with a card open and filters shown', '?place=shichahai'],
    ['resident', '?mode=resident'],
    ['planner', '?mode=planner'],
    ['kiosk', '?mode=kiosk'],
  ] as const) {
    it(`axe finds no serious or critical violation: ${name}`, async () => {
      const { page, offOrigin, errors } = await openPage(browser, path);
      await waitForMap(page);
      if (path === '?place=shichahai') await page.locator('#tab-filters').click();
      expect(await seriousViolations(page)).toEqual([]);
      // A full visit of every mode stays on the app's own origin.
      expect(offOrigin).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('toggling a filter from the keyboard keeps the focus on that checkbox, and the next toggle works', async () => {
    const { page, context } = await openPage(browser);
    await waitForMap(page);
    await page.locator('#tab-filters').click();
    const box = page.locator('.facet-theme input[value="environment"]');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'environment');
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return a ? `${a.dataset.facet}:${a.value}:${a.checked}` : null;
      });
    expect(await focused()).toBe('theme:environment:true');
    // Tab on to the next box and toggle it too: the list was not rebuilt under the keyboard.
    await page.keyboard.press('Tab');
    const next = await focused();
    expect(next?.startsWith('theme:')).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('theme') ?? '').split(',').length === 2);
    expect(await focused()).toBe(next?.replace(':false', ':true'));
    await context.close();
  });

  it('everything can be reached and used from the keyboard, with a visible focus', async () => {
    const { page } = await openPage(browser);
    await waitForMap(page);
    await page.keyboard.press('Tab');
    const focusedIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      focusedIds.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ''));
      await page.keyboard.press('Tab');
    }
    expect(focusedIds).toContain('search-input');
    expect(focusedIds).toContain('tab-report');
    // A mention is a keyboard control: focus it and press Enter to select its place.
    const mark = page.locator('#p1-1-1 mark.mention').first();
    await mark.focus();
    const outline = await mark.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('place'));
    // Selection is announced to screen readers.
    await expect.poll(() => page.locator('#announcer').textContent()).not.toBe('');
    // Tabs follow the arrow keys.
    await page.locator('#tab-report').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-list');
    expect(await page.locator('#list').isVisible()).toBe(true);
    // The place list is the map's content as buttons a screen reader can reach.
    expect(await page.locator('#list button.place-item').count()).toBeGreaterThan(50);
  });
});
