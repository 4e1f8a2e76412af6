/// <reference path="./lineclip.d.ts" />
/** Planar geometry helpers for the basemap: clip to a box, simplify, round, merge. Pure functions. */
import { clipPolygon, clipPolyline } from 'lineclip';
import { pointSegmentDistance } from './planar';
import { localProjection, type XY } from './sphere';

export type Pos = [number, number];
/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

export function insideBBox(p: Pos, b: BBox): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}

/**
 * The parts of a polyline inside the box; a line that leaves and re-enters becomes two parts.
 * lineclip's Cohen–Sutherland (inclusive edges, one part per stay inside the box).
 */
export function clipLine(coords: Pos[], box: BBox): Pos[][] {
  if (coords.length < 2) return [];
  return (clipPolyline(coords, box) as Pos[][]).filter((p) => p.length >= 2);
}

/** lineclip's Sutherland–Hodgman against the four box edges. Returns a closed ring, or [] when nothing is left. */
export function clipRing(ring: Pos[], box: BBox): Pos[] {
  const pts = clipPolygon(ring.slice(0, -1), box) as Pos[];
  if (pts.length < 3) return [];
  return [...pts, pts[0] as Pos];
}

/**
 * Douglas–Peucker with a tolerance in metres (iterative, so long lines cannot overflow the stack).
 * Not simplify-js: it compares squared distances computed in another order, which settles one
 * near-tie in the road data differently (one vertex of geodata/basemap/roads.geojson moves), and it
 * recurses.
 */
export function simplifyLine(coords: Pos[], toleranceM: number): Pos[] {
  if (coords.length <= 2 || toleranceM <= 0) return coords.slice();
  const xy = coords.map(localProjection(coords[0]?.[1] ?? 40));
  const keep = new Uint8Array(coords.length);
  keep[0] = 1;
  keep[coords.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, coords.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop() as [number, number];
    const a = xy[s] as XY;
    const b = xy[e] as XY;
    let worst = -1;
    let worstD = toleranceM;
    for (let i = s + 1; i < e; i++) {
      const d = pointSegmentDistance(xy[i] as XY, a, b);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([s, worst], [worst, e]);
    }
  }
  return coords.filter((_, i) => keep[i] === 1);
}

/** Rounds every position and drops the repeats rounding creates. */
export function roundPath(coords: Pos[], digits: number): Pos[] {
  const f = 10 ** digits;
  const out: Pos[] = [];
  for (const p of coords) {
    const q: Pos = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Simplified and rounded ring, or [] when it collapses (fewer than 4 positions, or no area). */
export function tidyRing(ring: Pos[], toleranceM: number, digits: number): Pos[] {
  const r = roundPath(simplifyLine(ring, toleranceM), digits);
  if (r.length < 4) return [];
  let twiceArea = 0;
  for (let i = 1; i < r.length; i++) {
    const a = r[i - 1] as Pos;
    const b = r[i] as Pos;
    twiceArea += a[0] * b[1] - b[0] * a[1];
  }
  return twiceArea === 0 ? [] : r;
}

/**
 * Joins polylines end to end where exactly two line ends meet (a node of degree 2), so a shared
 * node is written once instead of twice. Input order decides the output order: deterministic.
 */
export function mergeLines(lines: Pos[][]): Pos[][] {
  const key = (p: Pos) => `${p[0]},${p[1]}`;
  const ends = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const p of [l[0], l[l.length - 1]]) {
      if (!p) continue;
      const k = key(p);
      const list = ends.get(k);
      if (list) list.push(i);
      else ends.set(k, [i]);
    }
  });
  const used = new Uint8Array(lines.length);
  const partner = (node: Pos, self: number): number | undefined => {
    const at = ends.get(key(node)) ?? [];
    if (at.length !== 2) return undefined;
    const other = at[0] === self ? at[1] : at[0];
    return other === undefined || other === self || used[other] ? undefined : other;
  };
  const out: Pos[][] = [];
  lines.forEach((start, i) => {
    if (used[i] || start.length < 2) return;
    used[i] = 1;
    let path = start.slice();
    for (const forward of [true, false]) {
      let self = i;
      for (;;) {
        const node = (forward ? path[path.length - 1] : path[0]) as Pos;
        const next = partner(node, self);
        if (next === undefined) break;
        used[next] = 1;
        const l = lines[next] as Pos[];
        const nk = key(node);
        const oriented = key(l[0] as Pos) === nk ? l : l.slice().reverse();
        // oriented starts at the shared node; `forward` appends it, otherwise it is prepended reversed.
        path = forward ? path.concat(oriented.slice(1)) : oriented.slice(1).reverse().concat(path);
        self = next;
      }
    }
    out.push(path);
  });
  return out;
}
