/**
 * Geoparse throughput of a report opened in the browser: the report reader in its Web Worker (the
 * production build, driven through the page's file input) against the same core function in Node
 * (src/core/import/map-report.ts: decode, parse, geoparse, ranked candidates, no segmenter), on the
 * same synthetic reports. Both are timed around that function alone (the worker reports its own time
 * with the page's `atlas-import-read` mark); the first report of each is a warm-up and not counted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { DistrictGazetteerSchema } from '../../src/core/gazetteer/district';
import { parseYamlList } from '../../src/core/gazetteer/not-places';
import { type Gazetteers, mapReport, parsablePlaces } from '../../src/core/import/map-report';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { syntheticReports } from './synthetic';

export interface Throughput {
  reports: number;
  paragraphs: number;
  ms: number;
  paragraphsPerSecond: number;
}

export interface ImportBenchResult {
  node: Throughput;
  worker: Throughput | { error: string };
}

const throughput = (runs: Array<{ paragraphs: number; ms: number }>): Throughput => {
  const paragraphs = runs.reduce((n, r) => n + r.paragraphs, 0);
  const ms = runs.reduce((n, r) => n + r.ms, 0);
  return { reports: runs.length, paragraphs, ms, paragraphsPerSecond: paragraphs / (ms / 1000) };
};

function gazetteers(root: string): Gazetteers {
  const read = (p: string) => readFileSync(resolve(root, p), 'utf8');
  return {
    places: parsablePlaces(parseJsonWithSchema(read('geodata/places.geojson'), 'places.geojson', PlacesCollection).features),
    notPlaces: parseYamlList(read('geodata/gazetteer/not-places.yaml'), 'not-places.yaml'),
    district: parseJsonWithSchema(read('geodata/district-gazetteer.json'), 'district-gazetteer.json', DistrictGazetteerSchema).entries,
  };
}

async function inWorker(root: string, files: string[]): Promise<Array<{ paragraphs: number; ms: number }>> {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('preview server did not report its URL');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}?mode=import`);
    await page.waitForFunction(() => document.body.classList.contains('is-import') && !!document.getElementById('import-file'), undefined, {
      timeout: 120_000,
    });
    const runs: Array<{ paragraphs: number; ms: number }> = [];
    for (const [i, f] of files.entries()) {
      await page.setInputFiles('#import-file', f);
      await page.waitForFunction((n) => performance.getEntriesByName('atlas-import-read').length >= n, i + 1, { timeout: 120_000 });
      const d = (await page.evaluate((n) => (performance.getEntriesByName('atlas-import-read')[n] as PerformanceMark).detail, i)) as {
        paragraphs: number;
        ms: number;
      };
      runs.push(d);
    }
    return runs;
  } finally {
    await browser?.close();
    await server?.close();
  }
}

export async function benchImport(o: {
  root: string;
  tmp: string;
  synthetic: number;
  log: (l: string) => void;
}): Promise<ImportBenchResult> {
  const realPath = resolve(o.root, 'tests/fixtures/report/xicheng-2017-government-work-report.txt');
  const dir = join(o.tmp, 'import-reports');
  mkdirSync(dir, { recursive: true });
  const reports = syntheticReports(readFileSync(realPath, 'utf8'), o.synthetic);
  const files = [realPath, ...reports.map((r) => join(dir, r.name))];
  for (const r of reports) writeFileSync(join(dir, r.name), r.text);

  const g = gazetteers(o.root);
  const node = files.map((f) => {
    const bytes = new Uint8Array(readFileSync(f));
    const t = performance.now();
    const m = mapReport({ bytes }, f, g);
    return { paragraphs: m.report.paragraphs.length, ms: performance.now() - t };
  });
  let worker: ImportBenchResult['worker'];
  try {
    worker = throughput((await inWorker(o.root, files)).slice(1));
  } catch (e) {
    worker = { error: e instanceof Error ? e.message : String(e) };
  }
  return { node: throughput(node.slice(1)), worker };
}
