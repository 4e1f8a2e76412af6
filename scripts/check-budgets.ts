/**
 * npm run budgets — run after `npm run build`. Fails (exit 1) when a deterministic size budget is
 * exceeded: initial JS gzip (including the MapLibre worker) > 500 kB, committed geodata
 * (*.json + *.geojson) gzip > 1 MB, or geodata/basemap gzip > 3 MB. Prints the figures either way.
 * Sizes only — timings are never checked in CI (see `npm run bench` for those). Also fails when
 * the build carries a browser-test handle (a build for the tests has them; a production one none).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, checkBudgets, findTestHooks, measureBasemap, measureDist, measureGeodata } from './bench/sizes';
import { fmtBytes, table } from './bench/util';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const DIST = resolve(ROOT, 'dist');

function main(): number {
  if (!existsSync(resolve(DIST, 'index.html'))) {
    process.stderr.write(`budgets: ${DIST}/index.html is missing — run \`npm run build\` first.\n`);
    return 1;
  }
  const dist = measureDist(DIST);
  const geodata = measureGeodata(resolve(ROOT, 'geodata'));
  const basemap = measureBasemap(resolve(ROOT, 'geodata/basemap'));

  process.stdout.write(`Bundle (dist/, built ${statSync(resolve(DIST, 'index.html')).mtime.toISOString()}), gzip level 9:\n`);
  const code = dist.assets.filter((a) => a.kind === 'js' || a.kind === 'worker' || a.kind === 'css');
  code.sort((a, b) => (a.group === b.group ? a.file.localeCompare(b.file) : a.group === 'initial' ? -1 : 1));
  process.stdout.write(
    `${table(
      ['file', 'kind', 'group', 'raw', 'gzip'],
      code.map((a) => [a.file, a.kind, a.group, fmtBytes(a.raw), fmtBytes(a.gzip)]),
    )}\n\n`,
  );
  const data = dist.assets.filter((a) => a.kind === 'data');
  process.stdout.write(
    `Data assets in dist/ (informational):\n${table(
      ['file', 'raw', 'gzip'],
      data.map((a) => [a.file, fmtBytes(a.raw), fmtBytes(a.gzip)]),
    )}\n\n`,
  );
  process.stdout.write(
    `Committed data:\n${table(
      ['file', 'raw', 'gzip'],
      geodata.map((f) => [f.file, fmtBytes(f.raw), fmtBytes(f.gzip)]),
    )}\n`,
  );
  if (basemap) process.stdout.write(`geodata/basemap: ${basemap.length} files\n`);
  else process.stdout.write('geodata/basemap: none\n');

  const checks = checkBudgets({ dist, geodata, basemap }, BUDGETS);
  process.stdout.write(
    `\nBudgets (1 kB = 1000 B):\n${table(
      ['budget', 'actual', 'limit', 'status'],
      checks.map((c) => [c.name, `${fmtBytes(c.actual)} (${c.actual} B)`, `${fmtBytes(c.limit)} (${c.limit} B)`, c.ok ? 'ok' : 'OVER']),
    )}\n`,
  );
  const failed = checks.filter((c) => !c.ok);
  for (const c of failed) {
    process.stderr.write(
      `\nbudget exceeded: ${c.name} is ${c.actual} B gzip, over the limit of ${c.limit} B by ${c.actual - c.limit} B. Largest files:\n`,
    );
    for (const f of c.files.slice(0, 5)) process.stderr.write(`  ${f.file}  ${f.gzip} B gzip\n`);
  }
  if (failed.length === 0) process.stdout.write('\nAll size budgets met.\n');
  // The browser tests' handles exist only in the build made for them (ATLAS_TEST_HOOKS=1).
  const hooks = findTestHooks(DIST);
  for (const h of hooks) process.stderr.write(`test hook in the production build: ${h.name} in dist/assets/${h.file}\n`);
  if (hooks.length === 0) process.stdout.write('No test hook in the production build.\n');
  return failed.length || hooks.length ? 1 : 0;
}

process.exitCode = main();
