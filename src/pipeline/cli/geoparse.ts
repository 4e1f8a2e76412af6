/**
 * npm run geoparse -- <report.txt|report.html> --out <dir> [--sources <dir>]
 * Runs the whole chain (ingest, geoparse, projects) on a report of any year — plain text, a pasted
 * excerpt, a news article, or the HTML of a saved page — with the project's gazetteer and the
 * district gazetteer, and writes the same files as `npm run data` into <dir>, all of them or none.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../core/errors';
import { tooBig } from '../../core/report/decode';
import { runChain } from '../chain';
import { runCli } from '../fail';
import { GEODATA, SOURCES } from '../paths';

function checkInput(path: string, shown: string): void {
  if (!existsSync(path)) throw new InputError('no such file', { file: shown });
  const st = statSync(path);
  if (st.isDirectory()) throw new InputError('is a directory, not a report file', { file: shown });
  const big = tooBig(st.size);
  if (big) throw new InputError(big, { file: shown });
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, sources: { type: 'string' } },
  });
  const input = positionals[0];
  if (!input || !values.out) {
    process.stderr.write('usage: npm run geoparse -- <report.txt|report.html> --out <dir> [--sources <dir>]\n');
    process.exit(2);
  }
  const reportPath = resolve(input);
  checkInput(reportPath, input);
  const out = resolve(values.out);
  // Written into a scratch folder beside <dir> and moved in only when the whole chain succeeded.
  mkdirSync(dirname(out), { recursive: true });
  const scratch = mkdtempSync(join(dirname(out), `.${basename(out)}-geoparse-`));
  try {
    const summary = runChain({
      reportPath,
      reportName: basename(reportPath),
      sourcesDir: resolve(values.sources ?? SOURCES),
      gazetteerDir: resolve(GEODATA, 'gazetteer'),
      out: scratch,
      fallbackGeodata: GEODATA,
    });
    for (const w of summary.warnings) process.stderr.write(`warning: ${basename(reportPath)}, line ${w.line}: ${w.message}\n`);
    if (summary.mentions + summary.districtMentions + summary.candidates.length === 0)
      throw new InputError(`no place names found in ${summary.paragraphs} paragraphs: nothing to map (is this a work report of 西城区?)`, {
        file: basename(reportPath),
      });
    mkdirSync(out, { recursive: true });
    for (const f of readdirSync(scratch)) renameSync(join(scratch, f), join(out, f));
    const top = summary.candidates.slice(0, 20);
    process.stdout.write(
      `\n${summary.paragraphs} paragraphs, ${summary.mentions} mentions of ${summary.placesFound} report places, ${summary.districtMentions} links to the district gazetteer, ${summary.candidates.length} candidate names for a curator${top.length ? ':' : ''}\n`,
    );
    for (const c of top) process.stdout.write(`  ${c.name}  (${c.category}, ×${c.count}, score ${c.score}): ${c.sentences[0] ?? ''}\n`);
    process.stdout.write(`written to ${out}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await runCli(() => {
  main();
  return 0;
});
