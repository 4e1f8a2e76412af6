/**
 * npm run data [-- --report <file.txt>] [--sources <dir>] [--out <dir>]
 * Regenerates everything under geodata/ from ../shared (or the given inputs). Deterministic.
 */
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDefaultBasemap } from '../basemap/default';
import { runChain } from '../chain';
import { DEFAULT_REPORT, GEODATA, ROOT, SOURCES } from '../paths';
import { progress } from '../progress';
import { runCli } from './run';

function main() {
  const { values } = parseArgs({ options: { report: { type: 'string' }, sources: { type: 'string' }, out: { type: 'string' } } });
  const reportPath = resolve(values.report ?? DEFAULT_REPORT);
  const sourcesDir = resolve(values.sources ?? SOURCES);
  for (const [what, p] of [
    ['report', reportPath],
    ['sources', sourcesDir],
  ] as const) {
    if (!existsSync(p))
      throw new Error(`${what} not found at ${p}: regenerating data needs ../shared beside the checkout (or pass --${what})`);
  }
  const rel = relative(resolve(ROOT, '..'), reportPath);
  runChain({
    reportPath,
    reportName: rel.startsWith('..') ? basename(reportPath) : rel,
    sourcesDir,
    gazetteerDir: resolve(GEODATA, 'gazetteer'),
    out: resolve(values.out ?? GEODATA),
    fallbackGeodata: GEODATA,
  });
  const pb = progress('basemap');
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const basemap = buildDefaultBasemap(sourcesDir, resolve(values.out ?? GEODATA, 'basemap'));
  pb.done(
    `${basemap.files.length} files, ${kb(basemap.bytes)} raw, ${kb(basemap.gzipBytes)} gzip (budget 3 MB gzip): ${basemap.sizes.map((s) => `${s.file} ${kb(s.gzipBytes)}`).join(', ')}`,
  );
}

runCli(main);
