import { pointInArea } from './contains';
import type { GeometryT } from './schema';
import { haversineM, lngLatOf } from './sphere';

/**
 * One point standing for a geometry, and always on it: a point is itself; otherwise the centre of
 * its box when that lies on the geometry, else the vertex nearest that centre. The 街道 check, the
 * CSV export's lng/lat, the planner's sites and the labels of districts all take this one point.
 *
 * This is turf's pointOnFeature, step for step (tests/unit/geo-kernel.test.ts checks it against
 * turf on random shapes), written on the kernel's own box, point-in-polygon and distance: turf's
 * version brings @turf/meta into a chunk shared by the planner and the resident view, and the
 * bundler then splits @turf/meta out of the start-up JavaScript into a file of its own, which
 * made the initial download 181 bytes (gzip) larger.
 */
export function representativePoint(g: GeometryT | null | undefined): [number, number] | undefined {
  if (!g) return undefined;
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const [w, s, e, n] = geometryBbox(g);
  const c: [number, number] = [(w + e) / 2, (s + n) / 2];
  if (isOn(c, g)) return c;
  const centre = lngLatOf(c);
  let best: readonly number[] | undefined;
  let bestM = Number.POSITIVE_INFINITY;
  forEachVertex(g, (p) => {
    const d = haversineM(centre, lngLatOf(p));
    if (d < bestM) {
      bestM = d;
      best = p;
    }
  });
  return best && [best[0] as number, best[1] as number];
}

function isOn(c: [number, number], g: Exclude<GeometryT, { type: 'Point' }>): boolean {
  switch (g.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return pointInArea(c, g);
    case 'MultiPoint':
      return g.coordinates.some((p) => p[0] === c[0] && p[1] === c[1]);
    case 'LineString':
      return onLine(c, g.coordinates);
    case 'MultiLineString':
      return g.coordinates.some((l) => onLine(c, l));
  }
}

/** On a segment when the two parts it cuts it into add up to its length exactly (turf's test). */
function onLine(c: readonly number[], line: readonly (readonly number[])[]): boolean {
  const [x, y] = c as [number, number];
  for (let i = 1; i < line.length; i++) {
    const [x1, y1] = line[i - 1] as [number, number];
    const [x2, y2] = line[i] as [number, number];
    const ab = Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
    const ap = Math.sqrt((x - x1) * (x - x1) + (y - y1) * (y - y1));
    const pb = Math.sqrt((x2 - x) * (x2 - x) + (y2 - y) * (y2 - y));
    if (ab === ap + pb) return true;
  }
  return false;
}

/** Every position of a geometry, rings' closing positions included, in order. */
function forEachVertex(g: GeometryT, f: (p: readonly number[]) => void): void {
  switch (g.type) {
    case 'Point':
      f(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) f(p);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) for (const p of l) f(p);
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const l of poly) for (const p of l) f(p);
      break;
  }
}

/** [west, south, east, north] of a geometry. */
export function geometryBbox(g: GeometryT): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  forEachVertex(g, (p) => {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  });
  return box;
}
