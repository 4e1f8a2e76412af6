/**
 * Geometry helpers shared by the default basemap's layers and the OSM basemap: the precision and simplification every
 * output file uses, and the clipping of lines and polygons to the basemap box.
 */
import { BASEMAP_BBOX } from '../../core/geo/basemap';
import { clipRing, type Pos, roundPath, simplifyLine, tidyRing } from '../../core/geo/clip';

/**
 * 5 decimals is 1.1 m north–south and 0.85 m east–west here: finer than any of these sources
 * (road links are 3–10 m off OSM, the water is quantised at 3.7 m) and it saves ~15 % over 6.
 */
export const DIGITS = 5;
/** Douglas–Peucker tolerance: under a pixel up to zoom 17, where the sources' own error dominates. */
export const SIMPLIFY_M = 1;
export type Pos2 = Pos;
const toPos = (c: unknown): Pos2 => [(c as number[])[0] as number, (c as number[])[1] as number];
/** The lines of a LineString or MultiLineString as plain positions ([] for any other geometry). */
export const linesOf = (g: { type: string; coordinates: unknown }): Pos2[][] =>
  g.type === 'LineString'
    ? [(g.coordinates as unknown[]).map(toPos)]
    : g.type === 'MultiLineString'
      ? (g.coordinates as unknown[][]).map((l) => l.map(toPos))
      : [];
/** The polygons of a Polygon or MultiPolygon as plain rings ([] for any other geometry). */
export const polygonsOf = (g: { type: string; coordinates: unknown }): Pos2[][][] =>
  g.type === 'Polygon'
    ? [(g.coordinates as unknown[][]).map((r) => r.map(toPos))]
    : g.type === 'MultiPolygon'
      ? (g.coordinates as unknown[][][]).map((p) => p.map((r) => r.map(toPos)))
      : [];

export function tidyLine(l: Pos2[], tol = SIMPLIFY_M): Pos2[] | null {
  const out = roundPath(simplifyLine(l, tol), DIGITS);
  return out.length >= 2 ? out : null;
}

export function lineGeometry(parts: Pos2[][]) {
  return parts.length === 1
    ? { type: 'LineString' as const, coordinates: parts[0] as Pos2[] }
    : { type: 'MultiLineString' as const, coordinates: parts };
}

/**
 * Clips polygons to the box (Sutherland–Hodgman: fine for drawing), then simplifies and rounds;
 * rings that collapse are dropped.
 */
export function clipPolygons(polys: Pos2[][][], tol: number, digits = DIGITS) {
  const out: Pos2[][][] = [];
  for (const rings of polys) {
    const [outer, ...holes] = rings.map((r) => tidyRing(clipRing(r, BASEMAP_BBOX), tol, digits));
    if (!outer?.length) continue;
    out.push([outer, ...holes.filter((h) => h.length)]);
  }
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon' as const, coordinates: out[0] as Pos2[][] }
    : { type: 'MultiPolygon' as const, coordinates: out };
}

export const roundTo = (n: number) => Math.round(n * 10 ** DIGITS) / 10 ** DIGITS;
export const inBox = (p: number[]) =>
  (p[0] ?? NaN) >= BASEMAP_BBOX[0] &&
  (p[0] ?? NaN) <= BASEMAP_BBOX[2] &&
  (p[1] ?? NaN) >= BASEMAP_BBOX[1] &&
  (p[1] ?? NaN) <= BASEMAP_BBOX[3];
