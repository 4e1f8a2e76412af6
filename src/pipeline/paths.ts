import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whatever directory the command is run from. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The inputs the pipeline reads live in the repository (sources/, with SOURCES.md and the licences),
 * so a bare clone regenerates geodata/ and runs every test. `npm run sources:check` compares them
 * with the shared folder a workplace may hold beside the checkout.
 */
export const SOURCES_ROOT = resolve(ROOT, 'sources');
export const DEFAULT_REPORT = resolve(SOURCES_ROOT, 'report/xicheng-2017-government-work-report.txt');
export const SOURCES = resolve(SOURCES_ROOT, 'geo');
export const GEODATA = resolve(ROOT, 'geodata');
