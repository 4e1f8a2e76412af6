import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { parseGazetteerFile } from '../../src/core/gazetteer/load';
import { browserSession } from './browser';
import {
  centreOn,
  fixture,
  fixtureText,
  importReady,
  panelState,
  ROOT,
  readCount,
  saved,
  subdistrictAt,
  tapAt,
  YANGMEIZHU,
} from './import-helpers';

/** Built chunks of the reader (the geoparser's suffix list) and of the import view, found by content. */
const chunks = (() => {
  const dir = resolve(ROOT, 'dist/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const having = (s: string) => js.filter((f) => readFileSync(resolve(dir, f), 'utf8').includes(s));
  return { reader: having('遗址公园'), view: having('import-export-yaml') };
})();

const session = browserSession({ acceptDownloads: true });
const TEXT = 'xicheng-2019-style-report.txt';

describe('a planner opens a report of another year in the browser', () => {
  it('loads the reader and the import view only when the mode is entered', async () => {
    expect(chunks.reader.length).toBeGreaterThan(0);
    expect(chunks.view.length).toBeGreaterThan(0);
    const { page } = await session.open('');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
    await page.waitForLoadState('networkidle');
    for (const f of [...chunks.reader, ...chunks.view]) expect(requested).not.toContain(f);
    await page.locator('#btn-import').click();
    await importReady(page);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('import');
    await page.setInputFiles('#import-file', fixture(TEXT));
    await readCount(page, 1);
    for (const f of chunks.reader) expect(requested).toContain(f);
    await page.context().close();
  });

  it('opens it through the file input: mentions linked as in the bundled report, candidates listed, one placed by tapping the map, exported as gazetteer YAML', async () => {
    const { page } = await session.open('?mode=import');
    await importReady(page);
    const bundled = await panelState(page);
    await page.setInputFiles('#import-file', fixture(TEXT));
    await readCount(page, 1);

    // The report panel shows the opened report: its text, its headings, its marks.
    const opened = await panelState(page);
    expect(opened.banner).toContain('2019年政府工作报告');
    expect(opened.text).toContain('2018年工作回顾');
    expect(opened.text).not.toContain(bundled.text.slice(200, 260));
    expect(opened.marks.length).toBeGreaterThan(30);
    // Places of the project's gazetteer and of the district gazetteer (a station of line 19) are linked.
    expect(opened.marks).toEqual(expect.arrayContaining(['guanyuan-pifa-shichang', 'tianyi-shichang', 'jinrongjie']));
    expect(opened.marks).toEqual(expect.arrayContaining(['stn-ping-an-li', 'stn-niu-jie', 'line-3']));

    // A mark works as in the bundled report: the place is selected, its card opens, the map goes there.
    await page.locator('#report-text mark[data-place-id="guanyuan-pifa-shichang"]').first().click();
    await page.waitForFunction(() => window.atlas?.store.get().place === 'guanyuan-pifa-shichang');
    await page.locator('#card[data-place-id="guanyuan-pifa-shichang"]').waitFor();
    // The card lists the opened report's mention of it, by year.
    await expect.poll(() => page.locator('#card .card-opened h4').allTextContents()).toEqual([expect.stringMatching(/^2019/)]);
    await page.locator('#card .card-close').click();

    // Its candidates, ranked, each with its sentence.
    await page.locator('#tab-import').click();
    const li = page.locator('#import-candidates li[data-name="杨梅竹斜街"]');
    await expect.poll(() => li.locator('blockquote').first().textContent()).toContain('杨梅竹斜街、砖塔胡同完成环境提升');
    expect(await page.locator('#import-candidates li').count()).toBeGreaterThan(10);

    // Placed by tapping the map.
    await li.locator('.import-place').click();
    await page.locator('#import-placing').filter({ hasText: '杨梅竹斜街' }).waitFor();
    await centreOn(page, YANGMEIZHU, 17);
    const px = await tapAt(page, YANGMEIZHU);
    await page.locator('#import-additions li[data-id="yangmeizhu-xiejie"]').waitFor();
    // Linked in the text now, and no longer a candidate.
    await page.locator('#report-text mark[data-place-id="yangmeizhu-xiejie"]').first().waitFor({ state: 'attached' });
    expect(await page.locator('#import-candidates li[data-name="杨梅竹斜街"]').count()).toBe(0);
    // Drawn where it was tapped, and tapping it says what it is.
    await page.waitForFunction(
      ([x, y]) =>
        (window.atlas?.map.queryRenderedFeatures([x as number, y as number], { layers: ['import-added'] }) ?? []).some(
          (f) => f.properties?.id === 'yangmeizhu-xiejie',
        ),
      [px.x, px.y],
    );
    await tapAt(page, YANGMEIZHU);
    await page.locator('#import-info[data-id="yangmeizhu-xiejie"]').waitFor();

    // Exported as YAML for geodata/gazetteer/: read back by the pipeline's own loader and schema.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#import-export-yaml').click()]);
    expect(dl.suggestedFilename()).toMatch(/^gazetteer-additions-\d{4}-\d{2}-\d{2}\.yaml$/);
    const records = parseGazetteerFile(await saved(dl), dl.suggestedFilename()).map((r) => r.record);
    expect(records).toHaveLength(1);
    const r = records[0];
    expect(r).toMatchObject({
      id: 'yangmeizhu-xiejie',
      name: '杨梅竹斜街',
      category: 'road',
      precision: 'placed-by-user',
      in_xicheng: true,
    });
    expect(r?.subdistrict).toBe('大栅栏街道');
    expect(subdistrictAt(YANGMEIZHU)).toBe('大栅栏街道');
    if (r?.geometry?.type !== 'Point') throw new Error('the addition is not a point');
    const [lng, lat] = r.geometry.coordinates;
    // The point tapped, within a metre or two (a pixel at zoom 17 is ~0.9 m).
    expect(Math.abs(lng - YANGMEIZHU[0]) * 85_000).toBeLessThan(3);
    expect(Math.abs(lat - YANGMEIZHU[1]) * 111_000).toBeLessThan(3);
    expect(r?.uncertainty_m).toBe(10);
    expect(r?.source.ref).toContain(TEXT);

    // And the mapped report as GeoJSON, with provenance.
    const [dg] = await Promise.all([page.waitForEvent('download'), page.locator('#import-export-geojson').click()]);
    const fc = JSON.parse(await saved(dg)) as {
      metadata: { report: { file: string; year: number } };
      features: Array<{ id: string; properties: Record<string, unknown> }>;
    };
    expect(fc.metadata.report).toMatchObject({ file: TEXT, year: 2019 });
    expect(fc.features.find((f) => f.id === 'yangmeizhu-xiejie')?.properties).toMatchObject({ kind: 'placed-by-user', mentions: 1 });
    expect(fc.features.find((f) => f.id === 'guanyuan-pifa-shichang')?.properties).toMatchObject({ kind: 'gazetteer' });
    await page.context().close();
  });

  it('takes a file dropped on the box or anywhere on the page, and text pasted', async () => {
    const { page } = await session.open('?mode=import');
    await importReady(page);
    const drop = async (selector: string, file: string, text: string) => {
      const dt = await page.evaluateHandle(
        ([name, content]) => {
          const d = new DataTransfer();
          d.items.add(new File([content as string], name as string, { type: 'text/plain' }));
          return d;
        },
        [file, text],
      );
      await page.locator(selector).dispatchEvent('drop', { dataTransfer: dt });
    };
    await drop('#import-drop', 'xicheng-five-year-parts-report.txt', fixtureText('xicheng-five-year-parts-report.txt'));
    await readCount(page, 1);
    expect((await panelState(page)).banner).toContain('五年总结与规划');
    // Dropped on the map (the browser would otherwise open the file in place of the app).
    await drop('#map', 'saved-report-page.html', fixtureText('saved-report-page.html'));
    await readCount(page, 2);
    expect((await panelState(page)).banner).toContain('2021年西城区政府工作报告');
    expect(new URL(page.url()).pathname).not.toMatch(/saved-report-page/);

    // Pasted into the box (a paste event with text), and into the text area.
    await page.locator('#tab-import').click();
    await page.locator('#import-drop').evaluate((box, text) => {
      const d = new DataTransfer();
      d.setData('text/plain', text);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: d, bubbles: true, cancelable: true }));
    }, fixtureText('pasted-excerpt.txt'));
    await readCount(page, 3);
    expect((await panelState(page)).text).toContain(fixtureText('pasted-excerpt.txt').split('\n')[0]?.slice(0, 20));
    await page.locator('#tab-import').click();
    await page.locator('#import-paste').fill(fixtureText('news-article-about-report.txt'));
    await page.locator('#import-read-pasted').click();
    await readCount(page, 4);
    expect((await panelState(page)).banner).toContain('西城区政府工作报告出炉');
    // Four reports listed, with the bundled one.
    await page.locator('#tab-import').click();
    expect(await page.locator('#import-reports li').count()).toBe(5);
    await page.context().close();
  });

  it('a file dropped on the page in explore mode is opened in the import mode, not by the browser in place of the app', async () => {
    const { page } = await session.open('?place=shichahai');
    await page.waitForFunction(() => !!document.getElementById('btn-import'));
    const dt = await page.evaluateHandle((content) => {
      const d = new DataTransfer();
      d.items.add(new File([content], 'held-out-2023-style-report.txt', { type: 'text/plain' }));
      return d;
    }, fixtureText('held-out-2023-style-report.txt'));
    const dropped = await page
      .locator('#map')
      .evaluate(
        (map, d) => map.dispatchEvent(new DragEvent('drop', { dataTransfer: d as DataTransfer, bubbles: true, cancelable: true })),
        dt,
      );
    // Cancelled: the browser does not navigate to the file.
    expect(dropped).toBe(false);
    await importReady(page);
    await readCount(page, 1);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('import');
    expect((await panelState(page)).banner).toContain('2023年');
    await page.context().close();
  });

  it('goes back to the bundled report, from the banner and on leaving the mode', async () => {
    const { page } = await session.open('?mode=import');
    await importReady(page);
    const bundled = await panelState(page);
    await page.setInputFiles('#import-file', fixture('held-out-2023-style-report.txt'));
    await readCount(page, 1);
    expect((await panelState(page)).paragraphs).not.toEqual(bundled.paragraphs);
    await page.locator('#import-back-to-bundled').click();
    await expect.poll(async () => (await panelState(page)).paragraphs).toEqual(bundled.paragraphs);
    const back = await panelState(page);
    expect(back.marks).toEqual(bundled.marks);
    expect(back.banner).toBeNull();
    expect(await page.locator('#report-intro').isVisible()).toBe(true);
    // A mark of the bundled report works as before.
    const id = bundled.marks[0] as string;
    await page.locator(`#report-text mark[data-place-id="${id}"]`).first().click();
    await page.waitForFunction((x) => window.atlas?.store.get().place === x, id);

    // Shown again from the list, then the mode is left: the bundled report is back.
    await page.locator('#tab-import').click();
    await page.locator('#import-reports li:nth-child(2) .import-show').click();
    await expect.poll(async () => (await panelState(page)).banner).toContain('2023年');
    await page.locator('#import-leave').click();
    await expect.poll(async () => (await panelState(page)).paragraphs).toEqual(bundled.paragraphs);
    expect(new URL(page.url()).searchParams.get('mode')).toBeNull();
    expect(await page.locator('#tab-import').isVisible()).toBe(false);
    await page.context().close();
  });

  it('axe finds no serious or critical violation in the panel, the candidates and the opened report', async () => {
    const { page } = await session.open('?mode=import');
    await importReady(page);
    await page.setInputFiles('#import-file', fixture(TEXT));
    await readCount(page, 1);
    const serious = async () =>
      (await new AxeBuilder({ page } as never).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(await serious()).toEqual([]);
    await page.locator('#tab-import').click();
    await page.locator('#import-candidates .import-place').first().click();
    expect(await serious()).toEqual([]);
    await page.context().close();
  });

  it('made no request off the origin and threw no error', () => {
    expect(session.offOrigin).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
