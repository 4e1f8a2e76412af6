/**
 * npm run bench:kiosk [-- --touches 1000 --burst 50 --seed 16]
 *
 * A kiosk left running for days must not grow. This drives the production build in kiosk mode
 * (1920×1080, touch) with random touches anywhere on the screen, in bursts; after each burst the
 * idle clock is let run out (reset with its countdown), and the attract tour starts and is
 * interrupted by the next burst. After every `--sample` touches it forces a garbage collection and
 * prints the JS heap in use and the DOM counters (nodes, event listeners): the heap curve. A
 * leak shows as a steady climb; a flat kiosk levels off after the first bursts.
 *
 * Uses the kiosk's test hook (window.atlasKiosk.setTimings, phase) to shorten the idle clock: the
 * bench makes its own build with the test handles (ATLAS_TEST_HOOKS=1) in a temp dir, since a
 * production build has none. Off-origin requests are aborted (and counted): a kiosk has no internet.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { prng, table } from './util';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const log = (line = '') => process.stdout.write(`${line}\n`);

interface Sample {
  touches: number;
  resets: number;
  heapMB: number;
  nodes: number;
  listeners: number;
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den ? num / den : 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { touches: { type: 'string' }, burst: { type: 'string' }, sample: { type: 'string' }, seed: { type: 'string' } },
  });
  const touches = Number(values.touches ?? 1000);
  const burst = Number(values.burst ?? 50);
  const every = Number(values.sample ?? 100);
  const random = prng(Number(values.seed ?? 16));
  // The app as production builds it, plus the kiosk's test handle: built into a temp dir.
  const outDir = mkdtempSync(join(tmpdir(), 'atlas-kiosk-bench-'));
  process.env.ATLAS_TEST_HOOKS = '1';
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  delete process.env.ATLAS_TEST_HOOKS;
  if (!existsSync(resolve(outDir, 'index.html'))) throw new Error('the kiosk bench build wrote no index.html');
  const server = await preview({
    root: ROOT,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report its URL');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    // No service worker: the bench measures the page, not a second copy of it in a cache.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, serviceWorkers: 'block' });
    const origin = new URL(url).origin;
    let offOrigin = 0;
    await context.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin || /^(data|blob):/.test(route.request().url())) return route.continue();
      offOrigin++;
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}?mode=kiosk`);
    await page.waitForFunction(() => window.atlas?.ready === true && !!window.atlasKiosk, undefined, { timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    const LONG = { attractMs: 3_600_000, resetMs: 3_600_000, warnMs: 1_000 };
    const setTimings = (t: object) => page.evaluate((x) => window.atlasKiosk?.setTimings(x), t);
    const phase = () => page.evaluate(() => window.atlasKiosk?.phase());
    const samples: Sample[] = [];
    let resets = 0;
    const sample = async (n: number) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
      samples.push({ touches: n, resets, heapMB: usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners });
      const s = samples.at(-1) as Sample;
      process.stderr.write(`\r${n}/${touches} touches, ${resets} resets, heap ${s.heapMB.toFixed(1)} MB   `);
    };
    await setTimings(LONG);
    await sample(0);
    const started = performance.now();
    for (let n = 1; n <= touches; n++) {
      await page.touchscreen.tap(Math.floor(random() * 1920), Math.floor(random() * 1080));
      if (n % burst === 0) {
        // Nobody touches the screen: the countdown, the reset, then the attract tour.
        await setTimings({ resetMs: 400, warnMs: 200, attractMs: 300 });
        await page.waitForFunction(() => window.atlasKiosk?.phase() === 'attract', undefined, { timeout: 60_000 });
        resets++;
        await setTimings(LONG);
      }
      if (n % every === 0) await sample(n);
    }
    process.stderr.write('\n');
    const secs = (performance.now() - started) / 1000;
    log(`Kiosk heap under ${touches} random touches (bursts of ${burst}, each followed by an idle reset and the attract tour):`);
    log(
      table(
        ['touches', 'resets', 'JS heap (MB)', 'DOM nodes', 'listeners'],
        samples.map((s) => [String(s.touches), String(s.resets), s.heapMB.toFixed(2), String(s.nodes), String(s.listeners)]),
      ),
    );
    // Growth is judged after the first samples (lazy chunks, caches and the tour warm up).
    const tail = samples.slice(Math.min(2, samples.length - 2));
    const perK = slope(
      tail.map((s) => s.touches),
      tail.map((s) => s.heapMB),
    );
    const first = tail[0] as Sample;
    const last = samples.at(-1) as Sample;
    log(
      `\nheap ${samples[0]?.heapMB.toFixed(2)} MB at start, ${first.heapMB.toFixed(2)} MB after ${first.touches} touches, ${last.heapMB.toFixed(2)} MB after ${last.touches}; ` +
        `slope after warm-up ${(perK * 1000).toFixed(2)} MB per 1000 touches; DOM nodes ${first.nodes} → ${last.nodes}, listeners ${first.listeners} → ${last.listeners}`,
    );
    log(
      `${touches} touches and ${resets} resets in ${secs.toFixed(0)} s; final phase ${await phase()}; page errors ${errors.length}; off-origin requests aborted ${offOrigin}`,
    );
    for (const e of errors.slice(0, 5)) log(`  page error: ${e}`);
    await context.close();
    return 0;
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
