/**
 * EXTENSION POINT — "filter time at 10k places".
 *
 * Times what one click in the filter panel costs on 10 000 synthetic places: applyFilters plus the
 * live facetCounts from src/core/state/filters.ts. The places are deterministic (seeded) and draw
 * their themes, phases, categories, precisions and 街道 from the real value sets. If the filter
 * API changes, update this file; if it disappears, return notAvailable(...) rather than a number.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORIES, PRECISIONS } from '../../src/core/gazetteer/model';
import { PHASES, THEMES } from '../../src/core/report/model';
import { applyFilters, EMPTY_FILTERS, type Filterable, type Filters, facetCounts } from '../../src/core/state/filters';
import { type ExtensionResult, timeMedian } from './extension';
import { prng, randInt, shuffled } from './util';

export const FILTER_PLACES = 10_000;
const RUNS = 50;

export function syntheticFilterable(n: number, subdistricts: readonly string[], seed = 10_000): Filterable[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const properties: Filterable['properties'] = {
      themes: shuffled(rand, THEMES).slice(0, randInt(rand, 1, 3)),
      phases: shuffled(rand, PHASES).slice(0, randInt(rand, 1, 2)),
      category: pick(CATEGORIES),
      precision: pick(PRECISIONS),
    };
    if (rand() < 0.9) properties.subdistrict = pick(subdistricts);
    return { id: `syn-${i}`, properties };
  });
}

export async function benchFilter(root: string): Promise<ExtensionResult> {
  const sd = JSON.parse(readFileSync(resolve(root, 'geodata/subdistricts.geojson'), 'utf8')) as {
    features: Array<{ properties: { name: string } }>;
  };
  const names = sd.features.map((f) => f.properties.name);
  const places = syntheticFilterable(FILTER_PLACES, names);
  const filters: Filters = {
    ...EMPTY_FILTERS,
    theme: new Set(['environment', 'culture']),
    phase: new Set(['tasks']),
    subdistrict: new Set(names.slice(0, 3)),
  };
  let matched = 0;
  const medianMs = timeMedian(() => {
    matched = applyFilters(places, filters).length;
    facetCounts(places, filters);
  }, RUNS);
  return {
    available: true,
    medianMs,
    runs: RUNS,
    detail: `applyFilters + facetCounts, theme×2 phase×1 街道×3 selected, ${matched} of ${FILTER_PLACES} match`,
  };
}
