import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The hostile inputs of tests/fixtures/hostile/corpus.json, shared by the unit and browser tests. */
export const HOSTILE = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/hostile/corpus.json'), 'utf8')) as Record<
  'hash' | 'query' | 'search' | 'markup' | 'formula',
  string[]
>;
