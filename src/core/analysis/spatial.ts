import { pointInPolygon } from '../geo/contains';
import { pointSegmentDistance } from '../geo/planar';
import { type LngLatTuple, localProjection, type XY } from '../geo/sphere';

/**
 * Spatial statistics for the planner view, on plain coordinates. Distances use the kernel's local
 * plane about the data's mean latitude: over a 50 km² district the error against great-circle
 * distance is far below a metre.
 */

export interface ClarkEvans {
  /** Number of points (distinct sites). */
  n: number;
  /** Study area in km². */
  areaKm2: number;
  /** Mean observed nearest-neighbour distance, metres. */
  observedMean: number;
  /** Mean expected under complete spatial randomness, 0.5/√(n/A), metres. */
  expectedMean: number;
  /** R = observed/expected: ≈1 random, <1 clustered, up to 2.149 for a hexagonal lattice. */
  R: number;
  /** z-score of the difference, SE = 0.26136/√(n²/A). */
  z: number;
}

/**
 * Clark–Evans nearest-neighbour index (1954). No edge correction: points near the boundary have
 * their neighbours cut off, which biases R upward for small n — the caller should say so.
 */
export function clarkEvans(points: readonly LngLatTuple[], areaKm2: number): ClarkEvans | undefined {
  const n = points.length;
  if (n < 2 || !(areaKm2 > 0)) return undefined;
  const lat0 = points.reduce((s, p) => s + p[1], 0) / n;
  const proj = localProjection(lat0);
  const xy = points.map(proj);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    const a = xy[i] as XY;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const b = xy[j] as XY;
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (d < best) best = d;
    }
    sum += best;
  }
  const area = areaKm2 * 1e6;
  const density = n / area;
  const observedMean = sum / n;
  const expectedMean = 0.5 / Math.sqrt(density);
  const se = 0.26136 / Math.sqrt((n * n) / area);
  return { n, areaKm2, observedMean, expectedMean, R: observedMean / expectedMean, z: (observedMean - expectedMean) / se };
}

/** Polygon as projected rings: [outer, ...holes]. */
type PolyXY = XY[][];

/** Geometries as lng/lat (a subset of GeoJSON, kept structural so tests can pass literals). */
export type SimpleGeometry =
  | { type: 'Point'; coordinates: LngLatTuple }
  | { type: 'MultiPoint'; coordinates: readonly LngLatTuple[] }
  | { type: 'LineString'; coordinates: readonly LngLatTuple[] }
  | { type: 'MultiLineString'; coordinates: readonly (readonly LngLatTuple[])[] }
  | { type: 'Polygon'; coordinates: readonly (readonly LngLatTuple[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly LngLatTuple[])[])[] };

/** A geometry reduced to what distance needs: points, segments (lines) and polygons (projected). */
interface Target {
  points: XY[];
  lines: XY[][];
  polys: PolyXY[];
}

function toTarget(g: SimpleGeometry, proj: (p: LngLatTuple) => XY): Target {
  const t: Target = { points: [], lines: [], polys: [] };
  switch (g.type) {
    case 'Point':
      t.points.push(proj(g.coordinates));
      break;
    case 'MultiPoint':
      t.points.push(...g.coordinates.map(proj));
      break;
    case 'LineString':
      t.lines.push(g.coordinates.map(proj));
      break;
    case 'MultiLineString':
      for (const l of g.coordinates) t.lines.push(l.map(proj));
      break;
    case 'Polygon':
      t.polys.push(g.coordinates.map((r) => r.map(proj)));
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) t.polys.push(p.map((r) => r.map(proj)));
      break;
  }
  return t;
}

function distanceTo(p: XY, t: Target): number {
  let best = Number.POSITIVE_INFINITY;
  for (const q of t.points) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
  for (const l of t.lines) for (let i = 1; i < l.length; i++) best = Math.min(best, pointSegmentDistance(p, l[i - 1] as XY, l[i] as XY));
  for (const poly of t.polys) {
    if (pointInPolygon(p, poly)) return 0;
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) best = Math.min(best, pointSegmentDistance(p, ring[i - 1] as XY, ring[i] as XY));
  }
  return best;
}

export interface Coverage {
  /** Share (0–1) of the sampled area within `radius` metres of any target. */
  share: number;
  /** Sample points inside the area and how many of them were within reach. */
  samples: number;
  covered: number;
  /** Grid spacing in metres (each sample stands for spacing² of ground). */
  spacing: number;
  radius: number;
  targets: number;
}

/**
 * Share of an area within `radius` metres (straight line) of any target geometry, estimated on a
 * regular grid of sample points `spacing` metres apart (error about ±spacing at the boundary of
 * each buffer, i.e. well under 1 % of a district at 50 m).
 */
export function coverageShare(
  area: Extract<SimpleGeometry, { type: 'Polygon' | 'MultiPolygon' }>,
  targets: readonly SimpleGeometry[],
  radius: number,
  spacing = 50,
): Coverage {
  const polysLL = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const all = polysLL.flatMap((p) => p.flat());
  const lat0 = all.reduce((s, p) => s + p[1], 0) / Math.max(1, all.length);
  const proj = localProjection(lat0);
  const polys: PolyXY[] = polysLL.map((p) => p.map((r) => r.map(proj)));
  const ts = targets.map((g) => toTarget(g, proj));
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const poly of polys)
    for (const [x, y] of poly[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  let samples = 0;
  let covered = 0;
  for (let y = minY + spacing / 2; y < maxY; y += spacing)
    for (let x = minX + spacing / 2; x < maxX; x += spacing) {
      const p: XY = [x, y];
      if (!polys.some((poly) => pointInPolygon(p, poly))) continue;
      samples++;
      if (ts.some((t) => distanceTo(p, t) <= radius)) covered++;
    }
  return { share: samples ? covered / samples : 0, samples, covered, spacing, radius, targets: targets.length };
}

/** Area of a polygon (projected shoelace), km² — used to cross-check the file's area_km2. */
export function areaKm2(area: Extract<SimpleGeometry, { type: 'Polygon' | 'MultiPolygon' }>): number {
  const polysLL = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const all = polysLL.flatMap((p) => p.flat());
  const proj = localProjection(all.reduce((s, p) => s + p[1], 0) / Math.max(1, all.length));
  let total = 0;
  for (const poly of polysLL)
    poly.forEach((ringLL, i) => {
      const ring = ringLL.map(proj);
      let a = 0;
      for (let k = 0, j = ring.length - 1; k < ring.length; j = k++)
        a += ((ring[j] as XY)[0] - (ring[k] as XY)[0]) * ((ring[j] as XY)[1] + (ring[k] as XY)[1]);
      total += (i === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  return total / 1e6;
}
