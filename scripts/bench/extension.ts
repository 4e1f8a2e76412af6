/**
 * Shared contract for the benchmark extension points (near-me.ts, filter.ts): each exports one
 * async function returning an ExtensionResult. Return notAvailable(...) until the function being
 * measured exists in src/core — never a made-up figure.
 */
import { median, prng } from './util';

export type ExtensionResult =
  | { available: false; reason: string }
  | {
      available: true /** Median over `runs`, in ms. */;
      medianMs: number;
      runs: number /** What was timed, for the printed line. */;
      detail: string;
    };

export const notAvailable = (reason: string): ExtensionResult => ({ available: false, reason });

/** Median wall time of fn over `runs` calls after `warmup` unmeasured calls. */
export function timeMedian(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Xicheng District's bounding box (WGS84), for synthetic places. */
export const XICHENG_BBOX = [116.3, 39.86, 116.41, 39.96] as const;

/** n deterministic points inside Xicheng's bounding box, as GeoJSON features with stable ids. */
export function syntheticPoints(n: number, seed = 100_000): Array<{ id: string; lng: number; lat: number }> {
  const rand = prng(seed);
  const [w, s, e, nn] = XICHENG_BBOX;
  return Array.from({ length: n }, (_, i) => ({ id: `syn-${i}`, lng: w + rand() * (e - w), lat: s + rand() * (nn - s) }));
}
