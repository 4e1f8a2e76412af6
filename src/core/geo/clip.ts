/** Planar geometry helpers for the basemap: clip to a box, simplify, round. Pure functions. */

export type Pos = [number, number];
/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

const EARTH_M_PER_DEG_LAT = 110_574;

/** Metres per degree at a latitude; an equirectangular frame is accurate to well under 1 % over a
 * 15 km box, which is all any caller needs here. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  return { x: 111_320 * Math.cos((lat * Math.PI) / 180), y: EARTH_M_PER_DEG_LAT };
}

export function segmentLength(a: Pos, b: Pos): number {
  const k = metresPerDegree((a[1] + b[1]) / 2);
  return Math.hypot((b[0] - a[0]) * k.x, (b[1] - a[1]) * k.y);
}

export function lineLength(coords: Pos[]): number {
  let len = 0;
  for (let i = 1; i < coords.length; i++) len += segmentLength(coords[i - 1] as Pos, coords[i] as Pos);
  return len;
}

export function insideBBox(p: Pos, b: BBox): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}

/** Liang–Barsky: the part of segment a→b inside the box, or null. */
function clipSegment(a: Pos, b: Pos, box: BBox): [Pos, Pos] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, a[0] - box[0]],
    [dx, box[2] - a[0]],
    [-dy, a[1] - box[1]],
    [dy, box[3] - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  const at = (t: number): Pos => (t === 0 ? a : t === 1 ? b : [a[0] + t * dx, a[1] + t * dy]);
  return [at(t0), at(t1)];
}

/** The parts of a polyline inside the box; a line that leaves and re-enters becomes two parts. */
export function clipLine(coords: Pos[], box: BBox): Pos[][] {
  const parts: Pos[][] = [];
  let current: Pos[] | null = null;
  for (let i = 1; i < coords.length; i++) {
    const seg = clipSegment(coords[i - 1] as Pos, coords[i] as Pos, box);
    if (!seg) {
      current = null;
      continue;
    }
    const last = current?.[current.length - 1];
    if (current && last && last[0] === seg[0][0] && last[1] === seg[0][1]) current.push(seg[1]);
    else {
      current = [seg[0], seg[1]];
      parts.push(current);
    }
    // A segment cut short at its end left the box: the next piece must start a new part.
    if (seg[1] !== coords[i]) current = null;
  }
  return parts.filter((p) => p.length >= 2);
}

/** Sutherland–Hodgman against the four box edges. Returns a closed ring, or [] when nothing is left. */
export function clipRing(ring: Pos[], box: BBox): Pos[] {
  let pts = ring.slice(0, -1);
  const edges: Array<{ inside: (p: Pos) => boolean; cross: (a: Pos, b: Pos) => Pos }> = [
    { inside: (p) => p[0] >= box[0], cross: (a, b) => atX(a, b, box[0]) },
    { inside: (p) => p[0] <= box[2], cross: (a, b) => atX(a, b, box[2]) },
    { inside: (p) => p[1] >= box[1], cross: (a, b) => atY(a, b, box[1]) },
    { inside: (p) => p[1] <= box[3], cross: (a, b) => atY(a, b, box[3]) },
  ];
  for (const e of edges) {
    const out: Pos[] = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i] as Pos;
      const prev = pts[(i + pts.length - 1) % pts.length] as Pos;
      const ci = e.inside(cur);
      if (ci !== e.inside(prev)) out.push(e.cross(prev, cur));
      if (ci) out.push(cur);
    }
    pts = out;
    if (pts.length === 0) return [];
  }
  if (pts.length < 3) return [];
  return [...pts, pts[0] as Pos];
}

function atX(a: Pos, b: Pos, x: number): Pos {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}
function atY(a: Pos, b: Pos, y: number): Pos {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

/** Douglas–Peucker with a tolerance in metres (iterative, so long lines cannot overflow the stack). */
export function simplifyLine(coords: Pos[], toleranceM: number): Pos[] {
  if (coords.length <= 2 || toleranceM <= 0) return coords.slice();
  const k = metresPerDegree(coords[0]?.[1] ?? 40);
  const xy = coords.map((p) => [p[0] * k.x, p[1] * k.y] as Pos);
  const keep = new Uint8Array(coords.length);
  keep[0] = 1;
  keep[coords.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, coords.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop() as [number, number];
    const a = xy[s] as Pos;
    const b = xy[e] as Pos;
    let worst = -1;
    let worstD = toleranceM;
    for (let i = s + 1; i < e; i++) {
      const d = pointSegmentDistance(xy[i] as Pos, a, b);
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

export function pointSegmentDistance(p: Pos, a: Pos, b: Pos): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
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
