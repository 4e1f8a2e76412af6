import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSession } from './browser';
import { centreOn, fixture, fixtureText, importReady, noticeText, panelState, readCount, tapAt, YANGMEIZHU } from './import-helpers';

// No service worker: the unreadable-file test holds a request of the page, which a service worker would answer itself.
const session = browserSession({ serviceWorkers: 'block' });
const tmp = mkdtempSync(join(tmpdir(), 'atlas-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array | string) => {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
};

/** What must survive a refused file: the report shown, its marks, the reports listed. */
const snapshot = async (page: Page) => ({
  shown: await page.evaluate(() => window.atlasImport?.shown),
  marks: (await panelState(page)).marks,
  listed: await page.locator('#import-reports li').count(),
});

describe('bad input in the page: one clear notice, nothing lost of what was open', () => {
  it('a huge, a binary, a wrongly encoded, a UTF-16, an empty and a placeless file, and an empty paste', async () => {
    const { page } = await session.open('?mode=import');
    await importReady(page);
    await page.setInputFiles('#import-file', fixture('xicheng-2019-style-report.txt'));
    await readCount(page, 1);
    const before = await snapshot(page);
    expect(before.shown).toBeTruthy();
    await page.locator('#tab-import').click();

    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      [
        'huge.txt',
        new Uint8Array(21 * 1024 * 1024).fill(0x41),
        /^文件过大,未打开:huge\.txt: the file is 22,020,096 bytes \(21\.00 MiB\); a report is at most 20\.00 MiB/,
      ],
      [
        'photo.txt',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]),
        /^无法打开:photo\.txt, line 1: .*(binary|not valid UTF-8)/,
      ],
      [
        'gbk.txt',
        execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: fixtureText('pasted-excerpt.txt') }),
        /^无法打开:gbk\.txt, line \d+: .*GB18030/,
      ],
      [
        'utf16.txt',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureText('pasted-excerpt.txt'), 'utf16le')]),
        /^无法打开:utf16\.txt, line 1: the file is UTF-16/,
      ],
      ['empty.txt', '', /^无法打开:empty\.txt, line 1: no report text found/],
      [
        'weather.txt',
        '今天天气很好,我们一起去散步。\n大家都很高兴,晚上一起吃饭。\n',
        /^无法打开:weather\.txt: no place names found in 2 paragraphs: nothing to map/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      await page.setInputFiles('#import-file', file(name, bytes));
      expect(await noticeText(page)).toMatch(message);
      expect(await snapshot(page)).toEqual(before);
    }
    await page.locator('#import-read-pasted').click();
    expect(await noticeText(page)).toBe('没有可读的内容:粘贴的文本为空');
    expect(await snapshot(page)).toEqual(before);
    // Nothing was read but the first report.
    expect(await page.evaluate(() => window.atlasImport?.reads)).toBe(1);
    await page.context().close();
  });

  it('a file that can no longer be read (removed after it was chosen)', async () => {
    const { page } = await session.open('?mode=import');
    await importReady(page);
    // The first report waits for the district gazetteer, held here; the second file is chosen meanwhile and then removed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/district-gazetteer[^/]*\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    const requested = page.waitForRequest(/district-gazetteer[^/]*\.json$/);
    await page.setInputFiles('#import-file', fixture('xicheng-2019-style-report.txt'));
    await requested;
    const gone = file('gone.txt', fixtureText('pasted-excerpt.txt'));
    await page.setInputFiles('#import-file', gone);
    rmSync(gone);
    release();
    await readCount(page, 1);
    expect(await noticeText(page)).toMatch(/^无法读取文件 gone\.txt:.+/);
    // The first report is shown and kept; the second was never read.
    expect((await panelState(page)).banner).toContain('2019年政府工作报告');
    expect(await page.evaluate(() => window.atlasImport?.reads)).toBe(1);
    await page.context().close();
  });
});

describe('opened reports are kept in the browser, listed by year, and named on place cards', () => {
  it('survive a reload with their additions; a year can be set; the card lists a place across them by year', async () => {
    const { page, context } = await session.open('?mode=import');
    await importReady(page);
    await page.setInputFiles('#import-file', fixture('saved-report-page.html'));
    await readCount(page, 1);
    await page.setInputFiles('#import-file', fixture('xicheng-2019-style-report.txt'));
    await readCount(page, 2);
    await page.setInputFiles('#import-file', fixture('pasted-excerpt.txt'));
    await readCount(page, 3);
    const excerpt = await page.evaluate(() => window.atlasImport?.shown);
    // The excerpt names no year: the planner gives it.
    await page.locator('#tab-import').click();
    await page.locator('#import-year').fill('2018');
    await page.locator('#import-year').dispatchEvent('change');
    await expect
      .poll(() => page.locator('#import-reports li .import-show').allTextContents())
      .toEqual([
        expect.stringContaining('2017'),
        expect.stringMatching(/^2018 年/),
        expect.stringMatching(/^2019 年/),
        expect.stringMatching(/^2021 年/),
      ]);
    // A candidate of the 2019 report placed.
    await page.locator('#import-reports li:nth-child(3) .import-show').click();
    await expect.poll(async () => (await panelState(page)).banner).toContain('2019');
    await page.locator('#tab-import').click();
    await page.locator('#import-candidates li[data-name="杨梅竹斜街"] .import-place').click();
    await centreOn(page, YANGMEIZHU, 16);
    await tapAt(page, YANGMEIZHU);
    await page.locator('#import-additions li[data-id="yangmeizhu-xiejie"]').waitFor();
    const placed = (await panelState(page)).marks;
    expect(placed).toContain('yangmeizhu-xiejie');

    await page.reload();
    await importReady(page);
    await page.locator('#tab-import').click();
    expect(await page.locator('#import-reports li .import-show').allTextContents()).toEqual([
      expect.stringContaining('2017'),
      expect.stringMatching(/^2018 年/),
      expect.stringMatching(/^2019 年/),
      expect.stringMatching(/^2021 年/),
    ]);
    expect(await page.locator('#import-additions li[data-id="yangmeizhu-xiejie"]').count()).toBe(1);
    await page.locator('#import-reports li:nth-child(3) .import-show').click();
    await expect.poll(async () => (await panelState(page)).marks).toEqual(placed);
    // Read from the library, not read again.
    expect(await page.evaluate(() => window.atlasImport?.reads)).toBe(0);

    // In explore mode, a place's card lists its mentions in the opened reports, oldest first.
    const p2 = await context.newPage();
    await p2.goto(new URL('?place=beijingfang', page.url()).href);
    await p2.waitForFunction(() => window.atlas?.ready === true);
    await expect
      .poll(() => p2.locator('#card .card-opened h4').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^2018 年 · pasted-excerpt/), expect.stringMatching(/^2019 年/), expect.stringMatching(/^2021 年/)]);
    // "Show in that report" opens it at that sentence.
    await p2.locator('#card .card-opened button[data-report-id]').last().click();
    await p2.waitForFunction(() => window.atlasImport?.ready === true && !!window.atlasImport.shown);
    expect(new URL(p2.url()).searchParams.get('mode')).toBe('import');
    expect((await panelState(p2)).banner).toContain('2021年西城区政府工作报告');
    await p2.locator('#report-text article.para.is-target mark[data-place-id="beijingfang"]').waitFor({ state: 'attached' });

    // Removing a report removes it from the list and from the cards.
    await p2.locator('#tab-import').click();
    await p2.locator('#import-reports li', { hasText: '2021 年' }).locator('.import-remove').click();
    await expect.poll(() => p2.locator('#import-reports li').count()).toBe(3);
    expect((await panelState(p2)).banner).toBeNull();
    expect(excerpt).toBeTruthy();
    await context.close();
  });

  it('made no request off the origin and threw no error', () => {
    expect(session.offOrigin).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
