/**
 * near-me query time at 100k places, in detail: median and p95 over many random queries.
 *
 * Times src/core/near's radius query (nearPlaces: a Flatbush box search, then the exact distance
 * to each candidate's nearest point, then a sort) over 100 000 deterministic synthetic places in
 * Xicheng's bounding box: 90 % points, 5 % short lines (streets), 5 % small polygons (blocks).
 * Each timed call is one query from a different random centre, at 300 m, 1 km (the app's default)
 * and 3 km (the maximum). scripts/bench/near-me.ts gives the one-number figure for `npm run bench`;
 * this prints the distribution:
 *   npx tsx scripts/bench/near-me-queries.ts
 * Numbers are printed, never asserted.
 */
import type { GeometryT } from '../../src/core/geo/schema';
import { buildNearIndex, type NearIndex, type NearItem, nearPlaces } from '../../src/core/near/index';
import { syntheticPoints } from './extension';
import { median, prng } from './util';

const PLACES = 100_000;
const QUERIES = 1000;
const WARMUP = 100;

export function syntheticNearItems(n: number, seed = 100_000): NearItem[] {
  const rand = prng(seed + 1);
  return syntheticPoints(n, seed).map(({ id, lng, lat }) => {
    const k = rand();
    let geometry: GeometryT;
    if (k < 0.9) geometry = { type: 'Point', coordinates: [lng, lat] };
    else if (k < 0.95)
      geometry = {
        type: 'LineString',
        coordinates: [
          [lng, lat],
          [lng + (rand() - 0.5) * 0.01, lat + (rand() - 0.5) * 0.01],
          [lng + (rand() - 0.5) * 0.02, lat + (rand() - 0.5) * 0.02],
        ],
      };
    else {
      const w = rand() * 0.004;
      const h = rand() * 0.004;
      geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [lng, lat],
            [lng + w, lat],
            [lng + w, lat + h],
            [lng, lat + h],
            [lng, lat],
          ],
        ],
      };
    }
    return { id, geometry };
  });
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] as number;
};

export function timeNearQueries(index: NearIndex, radiusM: number): { median: number; p95: number; max: number; hits: number } {
  const centres = syntheticPoints(QUERIES + WARMUP, 7);
  const ms: number[] = [];
  let hits = 0;
  for (const [i, q] of centres.entries()) {
    const t = performance.now();
    const r = nearPlaces(index, q, radiusM);
    const dt = performance.now() - t;
    if (i >= WARMUP) {
      ms.push(dt);
      hits += r.length;
    }
  }
  return { median: median(ms), p95: quantile(ms, 0.95), max: Math.max(...ms), hits: hits / QUERIES };
}

const items = syntheticNearItems(PLACES);
const t0 = performance.now();
const index = buildNearIndex(items);
const buildMs = performance.now() - t0;
const log = (s: string) => process.stdout.write(`${s}\n`);
log(
  `near-me: ${PLACES.toLocaleString('en')} synthetic places (90% points, 5% lines, 5% polygons); index built in ${buildMs.toFixed(0)} ms`,
);
for (const r of [300, 1000, 3000]) {
  const t = timeNearQueries(index, r);
  log(
    `  radius ${String(r).padStart(4)} m: median ${t.median.toFixed(3)} ms, p95 ${t.p95.toFixed(3)} ms, max ${t.max.toFixed(2)} ms ` +
      `over ${QUERIES} queries (${Math.round(t.hits)} places returned on average)`,
  );
}
