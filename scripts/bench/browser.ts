/**
 * Time to map idle, app vs a bare MapLibre page, in headless Debian Chromium. dist/ is served with
 * Vite's preview(); the baseline (scripts/bench/baseline/ plus MapLibre's own dist files and the same
 * GeoJSON, copied to a temp dir) is served by the same server under /__bench-baseline/.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Plugin, type PreviewServer, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { median } from './util';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const VIEWPORT = { width: 1280, height: 800 };
const BASELINE_PREFIX = '/__bench-baseline';
const READY_TIMEOUT_MS = 60_000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
};

/** Serves a directory under a path prefix of the preview server (GET only, no compression, like a plain file server). */
function serveDir(prefix: string, dir: string): Plugin {
  return {
    name: 'bench-baseline',
    configurePreviewServer(server) {
      server.middlewares.use(prefix, (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').replace(/[?#].*$/, ''));
        const file = normalize(join(dir, path === '/' ? 'index.html' : path));
        if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(file).pipe(res);
      });
    },
  };
}

/** Copies the baseline page, MapLibre's dist build and worker, and the GeoJSON into dir. */
export function prepareBaseline(root: string, dir: string, withPlaces: boolean): string[] {
  mkdirSync(dir, { recursive: true });
  const from = resolve(root, 'scripts/bench/baseline');
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(dir, f));
  const ml = resolve(root, 'node_modules/maplibre-gl/dist');
  for (const f of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) copyFileSync(join(ml, f), join(dir, f));
  const data = ['subdistricts.geojson', 'district.geojson', ...(withPlaces ? ['places.geojson'] : [])];
  for (const f of data) copyFileSync(resolve(root, 'geodata', f), join(dir, f));
  // The app draws the embedded basemap too; "the same GeoJSON" means the baseline draws it as well.
  const basemapDir = resolve(root, 'geodata/basemap');
  const basemap = existsSync(basemapDir)
    ? readdirSync(basemapDir)
        .filter((f) => f.endsWith('.geojson'))
        .sort()
    : [];
  for (const f of basemap) copyFileSync(join(basemapDir, f), join(dir, `basemap-${f}`));
  return [...data, ...basemap.map((f) => `basemap/${f}`)];
}

export interface PageRun {
  readyMs: number;
  /** When the report's first paragraph was first painted (Element Timing), ms since navigation; NaN for the baseline. */
  textPaintMs: number;
  /** WebGL programs linked before the map was idle: each blocks the page while it compiles without a GPU. */
  programs: number;
  jsHeapUsed: number;
  jsHeapTotal: number;
  canvas: { width: number; height: number };
}

export interface BrowserResult {
  chromiumVersion: string;
  url: string;
  baselineData: string[];
  runs: number;
  app: PageRun[];
  baseline: PageRun[];
  appMedianMs: number;
  baselineMedianMs: number;
  ratio: number;
  appHeapUsedMedian: number;
  baselineHeapUsedMedian: number;
  /** Median first paint of the report's text in the app. */
  textPaintMedianMs: number;
}

type BenchWindow = Window & { __benchReadyAt?: number; __benchPrograms?: number[]; __benchTextPaint?: number };

/**
 * Records performance.now() (ms since navigation start) at the moment the page assigns
 * window.atlas with ready: true — no polling delay in the figure. A string, not a function: tsx
 * would wrap a serialised function with helpers (__name) that do not exist in the page.
 */
const READY_HOOK = `(() => {
  window.__benchPrograms = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.identifier === 'report-text' && window.__benchTextPaint === undefined) window.__benchTextPaint = e.renderTime || e.loadTime;
    }).observe({ type: 'element', buffered: true });
  } catch {}
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!C) continue;
    const link = C.prototype.linkProgram;
    C.prototype.linkProgram = function (p) { window.__benchPrograms.push(performance.now()); return link.call(this, p); };
  }
  let value;
  Object.defineProperty(window, 'atlas', {
    configurable: true,
    get() { return value; },
    set(v) {
      value = v;
      if (v && v.ready === true && window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now();
    },
  });
})();`;

async function measure(browser: Browser, url: string): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript({ content: READY_HOOK });
    await page.goto(url);
    try {
      // The app marks the moment its map first settles (a production build has no test handles);
      // the bare baseline sets window.atlas on its first idle.
      await page.waitForFunction(
        () => performance.getEntriesByName('atlas-map-idle').length > 0 || typeof (window as BenchWindow).__benchReadyAt === 'number',
        undefined,
        {
          timeout: READY_TIMEOUT_MS,
          polling: 50,
        },
      );
    } catch (e) {
      throw new Error(`${url} did not reach map idle within ${READY_TIMEOUT_MS} ms${errors.length ? `: ${errors.join('; ')}` : ''}`, {
        cause: e,
      });
    }
    // "Map idle" is the app's own mark when it has one (it mounts its modes after the map settles),
    // else the moment window.atlas becomes ready (the bare baseline sets it on its first idle).
    const readyMs = (await page.evaluate(
      () => performance.getEntriesByName('atlas-map-idle')[0]?.startTime ?? (window as BenchWindow).__benchReadyAt,
    )) as number;
    const programs = (await page.evaluate(
      (at) => ((window as BenchWindow).__benchPrograms ?? []).filter((t) => t <= at).length,
      readyMs,
    )) as number;
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement | null;
      return { width: c?.clientWidth ?? 0, height: c?.clientHeight ?? 0 };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const textPaintMs = (await page.evaluate(() => (window as BenchWindow).__benchTextPaint ?? Number.NaN)) as number;
    return { readyMs, textPaintMs, programs, jsHeapUsed: metric('JSHeapUsedSize'), jsHeapTotal: metric('JSHeapTotalSize'), canvas };
  } finally {
    await context.close();
  }
}

export interface BrowserOptions {
  root: string;
  tmp: string;
  runs: number;
  log: (line: string) => void;
}

export async function benchBrowser(o: BrowserOptions): Promise<BrowserResult> {
  // The baseline draws places too once the app ships them (a places asset in the build).
  const appHasPlaces = readdirSync(resolve(o.root, 'dist/assets')).some((f) => /^places-.*\.geojson$/.test(f));
  const withPlaces = appHasPlaces && existsSync(resolve(o.root, 'geodata/places.geojson'));
  const dir = resolve(o.tmp, 'baseline');
  const baselineData = prepareBaseline(o.root, dir, withPlaces);

  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({
      root: o.root,
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
      logLevel: 'warn',
      plugins: [serveDir(BASELINE_PREFIX, dir)],
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('preview server did not report its URL');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const chromiumVersion = browser.version();
    o.log(`  serving dist/ at ${url}, baseline at ${url.replace(/\/$/, '')}${BASELINE_PREFIX}/ (${baselineData.join(', ')})`);

    // One discarded warm-up of each page (first launch, disk cache of the binary); it also gives
    // the app's map size, which the baseline then uses so both draw the same number of pixels.
    const warm = await measure(browser, url);
    const q = new URLSearchParams({ w: String(warm.canvas.width), h: String(warm.canvas.height) });
    if (withPlaces) q.set('places', '1');
    const baselineUrl = `${url.replace(/\/$/, '')}${BASELINE_PREFIX}/index.html?${q}`;
    await measure(browser, baselineUrl);
    o.log(`  warm-up done (discarded); map canvas ${warm.canvas.width}×${warm.canvas.height} CSS px in both pages`);

    const app: PageRun[] = [];
    const baseline: PageRun[] = [];
    for (let i = 0; i < o.runs; i++) {
      // Alternate the two so drift in machine load affects both alike.
      app.push(await measure(browser, url));
      baseline.push(await measure(browser, baselineUrl));
      o.log(
        `  run ${i + 1}/${o.runs}: app ${app[i]?.readyMs.toFixed(0)} ms (report text painted at ${app[i]?.textPaintMs.toFixed(0)} ms), baseline ${baseline[i]?.readyMs.toFixed(0)} ms (fresh context each)`,
      );
    }
    const appMedianMs = median(app.map((r) => r.readyMs));
    const baselineMedianMs = median(baseline.map((r) => r.readyMs));
    return {
      chromiumVersion,
      url,
      baselineData,
      runs: o.runs,
      app,
      baseline,
      appMedianMs,
      baselineMedianMs,
      ratio: appMedianMs / baselineMedianMs,
      appHeapUsedMedian: median(app.map((r) => r.jsHeapUsed)),
      baselineHeapUsedMedian: median(baseline.map((r) => r.jsHeapUsed)),
      textPaintMedianMs: median(app.map((r) => r.textPaintMs)),
    };
  } finally {
    await browser?.close();
    await server?.close();
  }
}
