/**
 * npm run basemap -- <extract.osm.pbf|.osm> [--out <dir>] [--allow-partial]
 * Builds the full street basemap from an OpenStreetMap extract into public/basemap-osm/ (or --out),
 * where the app finds it through manifest.json and draws it instead of the embedded default.
 * Needs osmium-tool (Debian); says exactly what to install when it is missing.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OSM_BASEMAP_DIR } from '../../core/geo/osm-basemap';
import { buildOsmBasemap, MissingToolError } from '../basemap/osm';
import { runCli } from '../fail';
import { ROOT } from '../paths';
import { progress } from '../progress';

const USAGE = 'usage: npm run basemap -- <extract.osm.pbf|extract.osm> [--out <dir>] [--allow-partial]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, 'allow-partial': { type: 'boolean' } },
  });
  const extract = positionals[0];
  if (!extract || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!existsSync(extract)) {
    process.stderr.write(`error: ${extract} not found\n${USAGE}\n`);
    return 2;
  }
  const out = resolve(values.out ?? resolve(ROOT, 'public', OSM_BASEMAP_DIR));
  const p = progress('basemap');
  try {
    const { manifest } = await buildOsmBasemap(extract, out, { allowPartial: values['allow-partial'] === true });
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const total = manifest.files.reduce((s, f) => s + f.gzipBytes, 0);
    p.done(
      `${relative(process.cwd(), out) || '.'}: ${manifest.files.map((f) => `${f.file} ${f.features} features ${kb(f.bytes)} (${kb(f.gzipBytes)} gzip)`).join(', ')}; ${kb(total)} gzip in all; OSM data as of ${manifest.dataTimestamp ?? 'unknown'}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof MissingToolError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

await runCli(main);
