import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/analysis/export';
import { HOSTILE } from '../hostile-corpus';
import { launch, waitForMap } from './browser';
import { serveDir } from './static-server';

/**
 * Every place where text from the data or from the URL reaches the page or a file, driven as a
 * user drives it, on a copy of the production build whose data files carry the hostile corpus
 * (tests/fixtures/hostile/corpus.json): the place card, its source, the list, search (by an
 * alias), the report text, the notice, the planner's CSV and GeoJSON exports and its print
 * handout, the kiosk's place picker, the resident view's list, quotes and search. Each must show
 * the text as text (the exact string, visibly) and run nothing.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const M = HOSTILE.markup;
const F = HOSTILE.formula;
const NAME = `什刹海${M[0]}`;
const NAME_EN = M[5] as string;
const ALIAS = `海${M[2]}`;
const REF = `${F[0]}${M[3]}`;
const NOTE = `${M[1]}${F[3]}`;
const PAYLOAD = M.join('');
const PROJECT_QUOTE = `${F[1]}${M[4]}`;

let browser: Browser;
let site: { url: string; close: () => Promise<void> } | undefined;
let tmp = '';

/** The one asset of dist/assets whose name starts with `stem-`. */
function asset(dir: string, stem: string, ext: string): string {
  const f = readdirSync(join(dir, 'assets')).find((n) => n.startsWith(`${stem}-`) && n.endsWith(ext));
  if (!f) throw new Error(`no ${stem}-*${ext} in the build`);
  return join(dir, 'assets', f);
}
const readJson = (f: string) => JSON.parse(readFileSync(f, 'utf8'));

/** Plants the corpus into the copy's data, keeping every offset consistent so the app accepts it. */
function plant(dir: string): void {
  const placesFile = asset(dir, 'places', '.geojson');
  const places = readJson(placesFile);
  const p = places.features.find((f: { id: string }) => f.id === 'shichahai').properties;
  p.name = NAME;
  p.name_en = NAME_EN;
  p.aliases = [...p.aliases, ALIAS];
  p.source = { ...p.source, ref: REF, note: NOTE };
  writeFileSync(placesFile, JSON.stringify(places));

  // The payload goes into the sentence of p3-2-2 that names 什刹海 (theme environment), just
  // before its 。, so it is quoted wherever that sentence is: card, resident view, handout, CSV.
  const reportFile = asset(dir, 'report', '.json');
  const mentionsFile = asset(dir, 'mentions', '.json');
  const projectsFile = asset(dir, 'projects', '.json');
  const report = readJson(reportFile);
  const mentions = readJson(mentionsFile);
  const projects = readJson(projectsFile);
  const para = report.paragraphs.find((x: { id: string }) => x.id === 'p3-2-2');
  const m = mentions.find((x: { placeId: string; paragraphId: string }) => x.placeId === 'shichahai' && x.paragraphId === 'p3-2-2');
  const s = para.sentences.find((x: { start: number; end: number }) => x.start <= m.start && m.start < x.end);
  const at = s.end - 1;
  const n = PAYLOAD.length;
  const shift = (o: Record<string, unknown>) => {
    if (typeof o.start === 'number' && o.start >= at) o.start += n;
    if (typeof o.end === 'number' && o.end > at) o.end += n;
  };
  para.text = para.text.slice(0, at) + PAYLOAD + para.text.slice(at);
  for (const x of para.sentences) {
    shift(x);
    for (const f of x.facts ?? []) shift(f);
  }
  for (const x of mentions) if (x.paragraphId === 'p3-2-2') shift(x);
  for (const x of projects) if (x.paragraphId === 'p3-2-2') shift(x.sentence);
  const pj = projects.find((x: { placeId: string }) => x.placeId === 'shichahai');
  pj.quote = PROJECT_QUOTE;
  writeFileSync(reportFile, JSON.stringify(report));
  writeFileSync(mentionsFile, JSON.stringify(mentions));
  writeFileSync(projectsFile, JSON.stringify(projects));
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  cpSync(join(ROOT, 'dist'), join(tmp, 'site'), { recursive: true });
  // The offline worker would keep its own copy across tests; these pages read the planted files.
  rmSync(join(tmp, 'site', 'sw.js'), { force: true });
  plant(join(tmp, 'site'));
  site = await serveDir(join(tmp, 'site'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(new URL(path, site?.url).href);
  await waitForMap(page);
  return { page, context, errors };
}

/** Elements that exist only if some planted markup was parsed as HTML, and the flag any payload sets. */
async function nothingRan(page: Page, errors: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const parsed = await page.evaluate(
    () =>
      document.querySelectorAll(
        'body img[src="x"], body svg animate, body a[href^="javascript"], body iframe[srcdoc], body b[onmouseover], body style, body script:not([src])',
      ).length,
  );
  expect(parsed).toBe(0);
  expect(errors).toEqual([]);
}

async function saved(d: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('hostile data and links are shown as text and run nothing, in every view', () => {
  it('explore: card, source, list, search by alias, report text, the notice', async () => {
    const { page, context, errors } = await open(`?place=shichahai&x=${encodeURIComponent(M[0] as string)}`);
    expect(await page.locator('#card .card-name').textContent()).toBe(NAME);
    expect(await page.locator('#card .card-name-en').textContent()).toBe(NAME_EN);
    await page.locator('#card .card-name-en').hover();
    await page.locator('#card .card-source summary').click();
    const source = (await page.locator('#card .card-source').textContent()) ?? '';
    expect(source).toContain(REF);
    expect(source).toContain(NOTE);
    expect(await page.locator('#p3-2-2 .para-text').textContent()).toContain(PAYLOAD);
    // The notice quotes the link's markup, capped, as text.
    const link = [...(M[0] as string)];
    expect(await page.locator('#notice q.notice-foreign').last().textContent()).toBe(
      link.length > 40 ? `${link.slice(0, 39).join('')}…` : M[0],
    );
    await page.locator('#tab-list').click();
    expect(await page.locator('#list [data-place-id="shichahai"] .place-name').textContent()).toBe(NAME);
    // Search finds the place by its hostile alias and shows its name as text.
    await page.locator('#search-input').fill(ALIAS);
    await expect.poll(() => page.locator('#search-results [data-place-id="shichahai"] .result-name').textContent()).toBe(NAME);
    for (const q of HOSTILE.search) {
      await page.locator('#search-input').fill(q);
      await page.locator('#search-results').evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    }
    await nothingRan(page, errors);
    await context.close();
  });

  it('planner: CSV cells inert in a spreadsheet, GeoJSON verbatim, the print handout as text', async () => {
    const { page, context, errors } = await open('?mode=planner');
    await page.waitForFunction(() => window.atlasPlanner?.ready === true, undefined, { timeout: 60_000 });
    await page.locator('#export-csv-places').evaluate((e) => {
      (e.closest('details') as HTMLDetailsElement | null)?.setAttribute('open', '');
    });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv-places').click()]);
    const rows = parseCsv(await saved(csv));
    const head = rows[0] ?? [];
    const row = rows.find((r) => r[head.indexOf('id')] === 'shichahai') ?? [];
    expect(row[head.indexOf('name')]).toBe(NAME);
    expect(row[head.indexOf('source_ref')]).toBe(`'${REF}`);
    expect(row[head.indexOf('quotes')]).toContain(PAYLOAD);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const [pcsv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv-projects').click()]);
    const prow = parseCsv(await saved(pcsv));
    expect(prow.flat()).toContain(`'${PROJECT_QUOTE}`);
    for (const cell of prow.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const [gj] = await Promise.all([page.waitForEvent('download'), page.locator('#export-geojson').click()]);
    const fc = JSON.parse(await saved(gj));
    expect(fc.features.find((f: { id: string }) => f.id === 'shichahai').properties.name).toBe(NAME);
    // The handout is filled and printed; printing itself is left out of a headless run.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.locator('#handout-theme').selectOption('environment');
    await page.locator('#export-print').click();
    const article = page.locator('#planner-print article.print-place').filter({ has: page.locator('h2', { hasText: NAME }) });
    expect(await article.locator('h2').textContent()).toContain(NAME);
    expect(await article.locator('h2 small').textContent()).toBe(NAME_EN);
    expect((await article.locator('blockquote').allTextContents()).join('')).toContain(PAYLOAD);
    await nothingRan(page, errors);
    await context.close();
  });

  it('kiosk: the touch place picker', async () => {
    const { page, context, errors } = await open('?mode=kiosk', { viewport: { width: 1920, height: 1080 }, hasTouch: true });
    await page.waitForFunction(() => !!window.atlasKiosk);
    await page.locator('#btn-kiosk-find').click();
    await expect.poll(() => page.locator('.kiosk-place-name', { hasText: '什刹海' }).first().textContent()).toBe(NAME);
    await page.locator('.kiosk-place', { hasText: '什刹海' }).first().click();
    await expect.poll(() => page.locator('#card .card-name').textContent()).toBe(NAME);
    await nothingRan(page, errors);
    await context.close();
  });

  it("resident: the list near a point, its quotes (the projects' sentences), and search", async () => {
    const { page, context, errors } = await open('?mode=resident&near=39.93802,116.38706&r=500', {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    const item = page.locator('.resident-item-name', { hasText: '什刹海' }).first();
    await expect.poll(() => item.textContent(), { timeout: 60_000 }).toBe(NAME);
    await expect
      .poll(async () => (await page.locator('#resident-list .resident-quote q').allTextContents()).includes(PROJECT_QUOTE))
      .toBe(true);
    await page.locator('#resident-search').fill(ALIAS);
    await expect
      .poll(() => page.locator('#resident-search-results .resident-result[data-id="shichahai"] .result-name').textContent())
      .toBe(NAME);
    await nothingRan(page, errors);
    await context.close();
  });
});
