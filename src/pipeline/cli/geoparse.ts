/**
 * npm run geoparse -- <report.txt> --out <dir> [--sources <dir>]
 * Runs the whole chain (ingest, geoparse, projects) on any report written in the same conventions,
 * with the project's gazetteer, and writes the same files as `npm run data` into <dir>.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChain } from '../chain';
import { GEODATA, SOURCES } from '../paths';
import { runCli } from './run';

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, sources: { type: 'string' } },
  });
  const input = positionals[0];
  if (!input || !values.out) {
    process.stderr.write('usage: npm run geoparse -- <report.txt> --out <dir> [--sources <dir>]\n');
    process.exit(2);
  }
  const reportPath = resolve(input);
  if (!existsSync(reportPath)) throw new Error(`report not found: ${reportPath}`);
  const summary = runChain({
    reportPath,
    reportName: basename(reportPath),
    sourcesDir: resolve(values.sources ?? SOURCES),
    gazetteerDir: resolve(GEODATA, 'gazetteer'),
    out: resolve(values.out),
    fallbackGeodata: GEODATA,
  });
  const top = summary.candidates.slice(0, 20);
  process.stdout.write(
    `\n${summary.paragraphs} paragraphs, ${summary.mentions} mentions, ${summary.placesFound} places found, ${summary.candidates.length} candidate names not in the gazetteer${top.length ? ':' : ''}\n`,
  );
  for (const c of top) process.stdout.write(`  ${c.name}  (×${c.count}, score ${c.score})\n`);
}

runCli(main);
