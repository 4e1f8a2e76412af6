/**
 * npm run data [-- --report <file.txt>] [--sources <dir>] [--out <dir>]
 * Regenerates everything under geodata/ from ../shared (or the given inputs). Deterministic.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../core/errors';
import { DistrictCollection, SubdistrictCollection } from '../../core/geo/boundaries';
import { decodeReportBytes } from '../../core/report/decode';
import { ReportSchema } from '../../core/report/model';
import { parseReport } from '../../core/report/parse';
import { buildDistrict, buildSubdistricts } from '../boundaries';
import { DEFAULT_REPORT, GEODATA, ROOT, SOURCES } from '../paths';
import { progress } from '../progress';
import { writeValidated } from '../write';

function main() {
  const { values } = parseArgs({
    options: { report: { type: 'string' }, sources: { type: 'string' }, out: { type: 'string' } },
  });
  const reportPath = resolve(values.report ?? DEFAULT_REPORT);
  const sources = resolve(values.sources ?? SOURCES);
  const out = resolve(values.out ?? GEODATA);
  for (const [what, p] of [
    ['report', reportPath],
    ['sources', sources],
  ] as const) {
    if (!existsSync(p))
      throw new Error(`${what} not found at ${p}: regenerating data needs ../shared beside the checkout (or pass --${what})`);
  }
  // Record the input by its name only: absolute paths would make output differ per machine.
  const reportName = relative(resolve(ROOT, '..'), reportPath).startsWith('..')
    ? (reportPath.split('/').pop() ?? reportPath)
    : relative(resolve(ROOT, '..'), reportPath);

  const p1 = progress('report');
  const report = parseReport(decodeReportBytes(readFileSync(reportPath), reportName), { file: reportName });
  writeValidated(resolve(out, 'report.json'), ReportSchema, report);
  const sentences = report.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const facts = report.paragraphs.reduce((n, p) => n + p.sentences.reduce((m, s) => m + s.facts.length, 0), 0);
  p1.done(
    `${report.parts.length} parts, ${report.sections.length} sections, ${report.paragraphs.length} paragraphs, ${sentences} sentences, ${facts} facts; ${report.source.chrome.length} chrome lines removed`,
  );

  const p2 = progress('boundaries');
  const sdFile = 'xicheng_subdistricts_osm_wgs84.geojson';
  const subdistricts = buildSubdistricts(readFileSync(resolve(sources, sdFile), 'utf8'), sdFile);
  writeValidated(resolve(out, 'subdistricts.geojson'), SubdistrictCollection, subdistricts);
  const dFile = 'xicheng_district_outline_osm_wgs84.geojson';
  const district = buildDistrict(readFileSync(resolve(sources, dFile), 'utf8'), dFile);
  writeValidated(resolve(out, 'district.geojson'), DistrictCollection, district);
  p2.done(`${subdistricts.features.length} 街道, district outline ${district.features[0]?.properties.area_km2} km²`);
}

try {
  main();
} catch (e) {
  if (e instanceof InputError) {
    process.stderr.write(`\nerror: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
