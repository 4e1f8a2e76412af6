import { samePosition } from './ring';

/** 6 decimals ≈ 0.1 m: finer than any source we have, and keeps generated files small and stable. */
export function roundCoord(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

type Nested = number | Nested[];
const isPosition = (c: Nested[]): c is number[] => typeof c[0] === 'number';

/**
 * Coordinates rounded to `digits`. Two vertices a few centimetres apart (a union or a clip leaves
 * them) become one vertex repeated, which draws nothing and trips geometry checks; a path that
 * repeats a vertex keeps one copy, as long as a line keeps 2 positions and a closed ring 4.
 */
export function roundCoords<T extends Nested>(c: T, digits = 6): T {
  if (typeof c === 'number') return roundCoord(c, digits) as T;
  const out = c.map((x) => roundCoords(x, digits));
  if (out.length < 2 || !Array.isArray(out[0]) || !isPosition(out[0] as Nested[])) return out as T;
  const path = out as number[][];
  const kept = path.filter((p, i) => i === 0 || !samePosition(p, path[i - 1] as number[]));
  const closed = samePosition(path[0] as number[], path[path.length - 1] as number[]);
  return (kept.length >= (closed ? 4 : 2) ? kept : path) as T;
}
