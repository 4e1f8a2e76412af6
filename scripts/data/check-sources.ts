/**
 * npm run sources:check [-- --from <shared folder>]
 * The pipeline reads sources/ in the repository. A workplace may keep the same files in a shared
 * folder beside the checkout (../shared: report/ and sources/); this says whether the two are in
 * step, file by file, and exits non-zero when they are not. Without the shared folder there is
 * nothing to compare: it says so and exits 0 (a bare clone is complete on its own).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SOURCES_ROOT } from '../../src/pipeline/paths';

const { values } = parseArgs({ options: { from: { type: 'string' } } });
const shared = resolve(values.from ?? resolve(ROOT, '../shared'));
/** Repository folder ← shared folder. */
const PAIRS: [string, string][] = [
  ['report', 'report'],
  ['geo', 'sources'],
];

if (!existsSync(shared)) {
  console.log(`sources: no shared folder at ${shared}; nothing to compare (sources/ is the pipeline's input)`);
  process.exit(0);
}
const digest = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const problems: string[] = [];
let same = 0;
for (const [mine, theirs] of PAIRS) {
  const a = join(SOURCES_ROOT, mine);
  const b = join(shared, theirs);
  const names = new Set([...(existsSync(a) ? readdirSync(a) : []), ...(existsSync(b) ? readdirSync(b) : [])]);
  for (const n of [...names].sort()) {
    const pa = join(a, n);
    const pb = join(b, n);
    if (!existsSync(pb)) problems.push(`sources/${mine}/${n} is not in ${theirs}/ of the shared folder`);
    else if (!existsSync(pa)) problems.push(`${theirs}/${n} of the shared folder is missing from sources/${mine}/ (copy it in)`);
    else if (digest(pa) !== digest(pb)) problems.push(`sources/${mine}/${n} differs from ${theirs}/${n} of the shared folder`);
    else same++;
  }
}
for (const p of problems) console.error(`error: ${p}`);
console.log(`sources: ${same} files identical to ${shared}${problems.length ? `, ${problems.length} not` : ''}`);
process.exit(problems.length ? 1 : 0);
