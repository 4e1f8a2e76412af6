/** Plane geometry on projected coordinates (metres, or any planar frame): what every distance here shares. */

/**
 * The parameter t ∈ [0, 1] of the point of segment a→b nearest to p (a for a zero-length segment).
 * Scalar arguments, so the near-me query can call it per segment without allocating.
 */
export function nearestT(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  return l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
}

/** Distance from a point to a segment, in the units of the plane. */
export function pointSegmentDistance(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const ax = a[0] as number;
  const ay = a[1] as number;
  const dx = (b[0] as number) - ax;
  const dy = (b[1] as number) - ay;
  const t = nearestT(p[0] as number, p[1] as number, ax, ay, ax + dx, ay + dy);
  return Math.hypot((p[0] as number) - ax - t * dx, (p[1] as number) - ay - t * dy);
}
