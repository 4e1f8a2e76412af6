/**
 * Noding: splits segments where they cross, so that lines which cross without a shared vertex (a
 * street passing under an arterial, a street crossing a river) still close the faces they bound.
 * A face is a region enclosed by lines, whatever passes over or under what. Pure.
 */
import Flatbush from 'flatbush';
import type { Pos } from './clip';

/** Where segment a→b meets c→d, as the parameters along each (both in [0, 1]), or null if they do not meet or are parallel. */
export function crossing(a: Pos, b: Pos, c: Pos, d: Pos): { t: number; u: number } | null {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const qx = c[0] - a[0];
  const qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u };
}

const same = (p: Pos, q: Pos) => p[0] === q[0] && p[1] === q[1];

/**
 * The segments cut at every point where two of them meet (a crossing, or an end of one lying on
 * the other), each cut point computed once and shared by both, so that the pieces meet at
 * identical vertices. Segments that already share an end are left whole there.
 */
export function nodeSegments(segments: Pos[][]): Pos[][] {
  const n = segments.length;
  if (n < 2) return segments.map((s) => s.slice());
  const index = new Flatbush(n);
  for (const [a, b] of segments as [Pos, Pos][])
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  // For each segment, the parameters and points where it must be cut.
  const cuts: Array<Array<{ t: number; p: Pos }>> = segments.map(() => []);
  for (let i = 0; i < n; i++) {
    const [a, b] = segments[i] as [Pos, Pos];
    for (const j of index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))) {
      if (j <= i) continue;
      const [c, d] = segments[j] as [Pos, Pos];
      if (same(a, c) || same(a, d) || same(b, c) || same(b, d)) continue;
      const x = crossing(a, b, c, d);
      if (!x) continue;
      // An end of one segment on the other is cut at that end itself (exact, shared).
      const p: Pos =
        x.t === 0 ? a : x.t === 1 ? b : x.u === 0 ? c : x.u === 1 ? d : [a[0] + x.t * (b[0] - a[0]), a[1] + x.t * (b[1] - a[1])];
      if (x.t > 0 && x.t < 1) (cuts[i] as Array<{ t: number; p: Pos }>).push({ t: x.t, p });
      if (x.u > 0 && x.u < 1) (cuts[j] as Array<{ t: number; p: Pos }>).push({ t: x.u, p });
    }
  }
  const out: Pos[][] = [];
  segments.forEach((s, i) => {
    const list = (cuts[i] as Array<{ t: number; p: Pos }>).sort((x, y) => x.t - y.t);
    let prev = s[0] as Pos;
    for (const { p } of list) {
      if (!same(prev, p)) out.push([prev, p]);
      prev = p;
    }
    if (!same(prev, s[1] as Pos)) out.push([prev, s[1] as Pos]);
  });
  return out;
}
