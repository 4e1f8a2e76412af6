/**
 * EXTENSION POINT — "near-me query time at 100k places".
 *
 * Times src/core/near: nearPlaces(index, centre, radius) over an index of 100 000 deterministic
 * synthetic points inside Xicheng, for 200 seeded query centres at a 500 m radius (median per
 * query); the index build is timed once and reported in the detail. If the near-me API changes,
 * update this file; if it disappears, return notAvailable(...) rather than a number.
 */
import { buildNearIndex, type NearItem, nearPlaces } from '../../src/core/near/index';
import { type ExtensionResult, syntheticPoints, timeMedian } from './extension';

export const NEAR_ME_PLACES = 100_000;
const QUERIES = 200;
const RADIUS_M = 500;

export async function benchNearMe(): Promise<ExtensionResult> {
  const items: NearItem[] = syntheticPoints(NEAR_ME_PLACES).map((p) => ({
    id: p.id,
    geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
  }));
  const t0 = performance.now();
  const index = buildNearIndex(items);
  const buildMs = performance.now() - t0;
  const centres = syntheticPoints(QUERIES, 7);
  let i = 0;
  let hits = 0;
  const medianMs = timeMedian(() => {
    const c = centres[i++ % QUERIES] as (typeof centres)[number];
    hits += nearPlaces(index, { lng: c.lng, lat: c.lat }, RADIUS_M).length;
  }, QUERIES);
  return {
    available: true,
    medianMs,
    runs: QUERIES,
    detail: `nearPlaces r=${RADIUS_M} m, ~${Math.round(hits / i)} hits per query; buildNearIndex ${buildMs.toFixed(0)} ms once`,
  };
}
