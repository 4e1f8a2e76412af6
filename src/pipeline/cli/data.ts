/**
 * npm run data [-- --report <file.txt>] [--sources <dir>] [--out <dir>] [--gazetteer <dir>]
 * Regenerates everything under geodata/ from sources/ (or the given inputs). Deterministic.
 */
import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDefaultBasemap } from '../basemap/default';
import { runChain } from '../chain';
import { runCli } from '../fail';
import { DEFAULT_REPORT, GEODATA, ROOT, SOURCES } from '../paths';
import { progress } from '../progress';
import { Outputs } from '../write';

function main() {
  const { values } = parseArgs({
    options: { report: { type: 'string' }, sources: { type: 'string' }, out: { type: 'string' }, gazetteer: { type: 'string' } },
  });
  const reportPath = resolve(values.report ?? DEFAULT_REPORT);
  const sourcesDir = resolve(values.sources ?? SOURCES);
  for (const [what, p] of [
    ['report', reportPath],
    ['sources', sourcesDir],
  ] as const) {
    if (!existsSync(p))
      throw new Error(`${what} not found at ${p}: regenerating data reads sources/ in the repository (or pass --${what})`);
  }
  // Named relative to the repository, so the output does not depend on where the checkout sits.
  const rel = relative(ROOT, reportPath);
  // Everything is computed and validated before anything is written: one bad record leaves all of geodata/ as it was.
  // The basemap first: the district gazetteer the chain links against is built from its stations and lines.
  const outputs = new Outputs();
  const pb = progress('basemap');
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const basemap = buildDefaultBasemap(sourcesDir, resolve(values.out ?? GEODATA, 'basemap'), outputs);
  pb.done(
    `${basemap.files.length} files, ${kb(basemap.bytes)} raw, ${kb(basemap.gzipBytes)} gzip (budget 3 MB gzip): ${basemap.sizes.map((s) => `${s.file} ${kb(s.gzipBytes)}`).join(', ')}`,
  );
  runChain(
    {
      reportPath,
      reportName: rel.startsWith('..') ? basename(reportPath) : rel,
      sourcesDir,
      gazetteerDir: resolve(values.gazetteer ?? resolve(GEODATA, 'gazetteer')),
      out: resolve(values.out ?? GEODATA),
      fallbackGeodata: GEODATA,
      district: 'build',
    },
    outputs,
  );
  outputs.commit();
}

await runCli(() => {
  main();
  return 0;
});
