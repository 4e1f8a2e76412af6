/** 6 decimals ≈ 0.1 m: finer than any source we have, and keeps generated files small and stable. */
export function roundCoord(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

type Nested = number | Nested[];
export function roundCoords<T extends Nested>(c: T, digits = 6): T {
  if (typeof c === 'number') return roundCoord(c, digits) as T;
  return c.map((x) => roundCoords(x, digits)) as T;
}
