import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, classifyDist, gzipSize, measureDist, measureGeodata } from '../../scripts/bench/sizes';

/**
 * A small fake build: what index.html names, what it statically imports and what its own entry
 * imports dynamically (the app behind the small entry) is initial; the rest is lazy.
 */
const FILES: Record<string, string> = {
  'index.html': `<!doctype html>
<html><head>
  <script type="module" crossorigin src="./assets/index-aaa.js"></script>
  <link rel="stylesheet" crossorigin href="./assets/index-aaa.css">
  <link rel="modulepreload" href="/assets/vendor-ccc.js">
  <link rel="icon" href="./assets/icon-zzz.js">
  <script src="https://example.com/cdn.js"></script>
  <!-- <script type="module" src="./assets/commented-out.js"></script> -->
</head><body></body></html>`,
  'assets/index-aaa.js':
    'import{a as b}from"./shared-bbb.js";import"./side-eee.js";export*from"./reexp-ggg.js";' +
    'const l=()=>import("./app-jjj.js");console.log(b,l,"import \'./fake-fff.js\'");',
  'assets/index-aaa.css': 'body{margin:0}',
  'assets/vendor-ccc.js': 'export const v=1;',
  'assets/shared-bbb.js': 'import{x}from"./deep-hhh.js";export const a=x;export const l=()=>import("./lazy-ddd.js");',
  'assets/app-jjj.js': 'import"./app-dep-kkk.js";export const app=1;',
  'assets/app-dep-kkk.js': 'export const k=8;',
  'assets/deep-hhh.js': 'export const x=2;',
  'assets/side-eee.js': 'globalThis.side=1;',
  'assets/reexp-ggg.js': 'export const r=3;',
  'assets/lazy-ddd.js': 'import{a}from"./shared-bbb.js";import"./lazy-only-iii.js";export const z=a;',
  'assets/lazy-only-iii.js': 'export const y=4;',
  'assets/lazy-ddd.css': '.lazy{color:red}',
  'assets/fake-fff.js': 'export const f=5;',
  'assets/commented-out.js': 'export const c=6;',
  'assets/icon-zzz.js': 'export const i=7;',
  'assets/maplibre-gl-worker-XYZ123.mjs': Array.from({ length: 400 }, (_, i) => `self.v${i}=${(i * 7919) % 1000};`).join(''),
  'assets/other-worker-abc.js': 'self.onmessage=()=>{};',
  'assets/report-r1.json': JSON.stringify({ paragraphs: Array.from({ length: 50 }, (_, i) => ({ id: i })) }),
  'assets/places-p1.geojson': '{"type":"FeatureCollection","features":[]}',
};

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'budgets-test-'));
  for (const [f, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dist, f)), { recursive: true });
    writeFileSync(join(dist, f), text);
  }
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('size classification (initial vs lazy)', () => {
  it('counts index.html references, their static imports (transitively), the entry’s dynamic import and the MapLibre worker as initial', () => {
    const { entries, initial } = classifyDist(dist);
    expect(entries).toEqual(['assets/index-aaa.js', 'assets/index-aaa.css', 'assets/vendor-ccc.js']);
    expect([...initial].sort()).toEqual(
      [
        'assets/app-dep-kkk.js',
        'assets/app-jjj.js',
        'assets/deep-hhh.js',
        'assets/index-aaa.css',
        'assets/index-aaa.js',
        'assets/maplibre-gl-worker-XYZ123.mjs',
        'assets/reexp-ggg.js',
        'assets/shared-bbb.js',
        'assets/side-eee.js',
        'assets/vendor-ccc.js',
      ].sort(),
    );
  });

  it('leaves dynamic imports beyond the entry, strings that look like imports, comments, icons and other workers lazy', () => {
    const sizes = measureDist(dist);
    const group = (f: string) => sizes.assets.find((a) => a.file === f)?.group;
    for (const f of [
      'assets/lazy-ddd.js',
      'assets/lazy-only-iii.js',
      'assets/lazy-ddd.css',
      'assets/fake-fff.js',
      'assets/commented-out.js',
      'assets/icon-zzz.js',
      'assets/other-worker-abc.js',
    ])
      expect(group(f), f).toBe('lazy');
    expect(sizes.assets.find((a) => a.file === 'assets/maplibre-gl-worker-XYZ123.mjs')?.kind).toBe('worker');
    expect(sizes.assets.filter((a) => a.kind === 'data').map((a) => a.file)).toEqual(['assets/places-p1.geojson', 'assets/report-r1.json']);
    expect(sizes.assets.some((a) => a.file === 'index.html')).toBe(false);
  });

  it('sums initial JS gzip over JS and the worker only, from level-9 gzip of each file', () => {
    const sizes = measureDist(dist);
    const expected = [
      'index-aaa.js',
      'vendor-ccc.js',
      'shared-bbb.js',
      'deep-hhh.js',
      'side-eee.js',
      'reexp-ggg.js',
      'app-jjj.js',
      'app-dep-kkk.js',
      'maplibre-gl-worker-XYZ123.mjs',
    ].reduce((n, f) => n + gzipSize(Buffer.from(FILES[`assets/${f}`] as string)), 0);
    expect(sizes.initialJsGzip).toBe(expected);
    expect(sizes.initialCssGzip).toBe(gzipSize(Buffer.from(FILES['assets/index-aaa.css'] as string)));
  });

  it('fails a budget naming the largest file, and passes within the limits', () => {
    const sizes = measureDist(dist);
    const geodata = measureGeodata(join(dist, 'assets')); // *.json + *.geojson at the top of a directory
    expect(geodata.map((f) => f.file)).toEqual(['geodata/places-p1.geojson', 'geodata/report-r1.json']);
    const pass = checkBudgets({ dist: sizes, geodata, basemap: undefined });
    expect(pass.map((c) => c.ok)).toEqual([true, true]);
    const tight = { ...BUDGETS, initialJsGzip: sizes.initialJsGzip - 1 };
    const [js, data] = checkBudgets({ dist: sizes, geodata, basemap: [{ file: 'geodata/basemap/t.pbf', raw: 10, gzip: 9 }] }, tight);
    expect(js?.ok).toBe(false);
    expect(js?.actual).toBe(sizes.initialJsGzip);
    expect(js?.files[0]?.file).toBe('assets/maplibre-gl-worker-XYZ123.mjs');
    expect(data?.ok).toBe(true);
    const withBasemap = checkBudgets(
      { dist: sizes, geodata, basemap: [{ file: 'geodata/basemap/t.pbf', raw: 10, gzip: 9 }] },
      {
        ...BUDGETS,
        basemapGzip: 8,
      },
    );
    expect(withBasemap.map((c) => c.ok)).toEqual([true, true, false]);
  });
});
