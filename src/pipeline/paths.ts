import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whatever directory the command is run from. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared inputs sit beside the checkout; a plain clone has none and only reads geodata/. */
export const SHARED = resolve(ROOT, '../shared');
export const DEFAULT_REPORT = resolve(SHARED, 'report/xicheng-2017-government-work-report.txt');
export const SOURCES = resolve(SHARED, 'sources');
export const GEODATA = resolve(ROOT, 'geodata');
