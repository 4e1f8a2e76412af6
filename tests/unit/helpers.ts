import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** A verbatim copy of the raw report page text (the input the pipeline reads from ../shared). */
export const REPORT_FIXTURE = resolve(ROOT, 'tests/fixtures/report/xicheng-2017-government-work-report.txt');
export const readFixture = (p: string) => readFileSync(resolve(ROOT, p));
