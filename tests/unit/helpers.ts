import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../src/core/errors';

export const ROOT = resolve(import.meta.dirname, '../..');
/** A verbatim copy of the raw report page text (the input the pipeline reads from sources/report). */
export const REPORT_FIXTURE = resolve(ROOT, 'tests/fixtures/report/xicheng-2017-government-work-report.txt');
export const readFixture = (p: string) => readFileSync(resolve(ROOT, p));

/** The InputError `fn` throws; any other outcome (another error, or none) fails the test. */
export function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, none was thrown');
}
