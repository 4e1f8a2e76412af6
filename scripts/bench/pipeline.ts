/** Pipeline throughput: the whole chain (ingest → boundaries → gazetteer → geoparse → projects). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { runChain } from '../../src/pipeline/chain';
import { syntheticReports } from './synthetic';
import { median } from './util';

export interface PipelineOptions {
  root: string;
  tmp: string;
  runs: number;
  synthetic: number;
  log: (line: string) => void;
}

export interface PipelineResult {
  sourcesDir: string;
  usingSources: boolean;
  realParagraphs: number;
  realRunsMs: number[];
  realMedianMs: number;
  synthetic: number;
  syntheticParagraphs: number;
  syntheticTotalMs: number;
  reportsPerSecond: number;
  paragraphsPerSecond: number;
}

export function benchPipeline(o: PipelineOptions): PipelineResult {
  const sources = resolve(o.root, 'sources/geo');
  const usingSources = existsSync(sources);
  // A directory that does not exist makes the chain fall back to the committed geodata/.
  const sourcesDir = usingSources ? sources : join(o.tmp, 'no-sources');
  const gazetteerDir = resolve(o.root, 'geodata/gazetteer');
  const fallbackGeodata = resolve(o.root, 'geodata');
  const out = join(o.tmp, 'chain-out');
  mkdirSync(out, { recursive: true });
  const chain = (reportPath: string) =>
    runChain({ reportPath, reportName: basename(reportPath), sourcesDir, gazetteerDir, out, fallbackGeodata, quiet: true });

  const real = resolve(o.root, 'tests/fixtures/report/xicheng-2017-government-work-report.txt');
  const realRunsMs: number[] = [];
  let realParagraphs = 0;
  for (let i = 0; i < o.runs; i++) {
    const t = performance.now();
    realParagraphs = chain(real).paragraphs;
    realRunsMs.push(performance.now() - t);
  }
  o.log(`  real report: runs ${realRunsMs.map((m) => m.toFixed(0)).join(', ')} ms (the first includes loading the segmenter)`);

  const dir = join(o.tmp, 'synthetic-reports');
  mkdirSync(dir, { recursive: true });
  const reports = syntheticReports(readFileSync(real, 'utf8'), o.synthetic);
  for (const r of reports) writeFileSync(join(dir, r.name), r.text);
  o.log(`  ${reports.length} synthetic reports written to ${dir} (${reports.reduce((n, r) => n + r.paragraphs, 0)} paragraphs, all parse)`);
  let syntheticParagraphs = 0;
  const t0 = performance.now();
  for (const r of reports) syntheticParagraphs += chain(join(dir, r.name)).paragraphs;
  const syntheticTotalMs = performance.now() - t0;
  return {
    sourcesDir,
    usingSources,
    realParagraphs,
    realRunsMs,
    realMedianMs: median(realRunsMs),
    synthetic: reports.length,
    syntheticParagraphs,
    syntheticTotalMs,
    reportsPerSecond: reports.length / (syntheticTotalMs / 1000),
    paragraphsPerSecond: syntheticParagraphs / (syntheticTotalMs / 1000),
  };
}
