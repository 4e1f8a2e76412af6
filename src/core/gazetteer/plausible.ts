import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import pointToLineDistance from '@turf/point-to-line-distance';
import { InputError } from '../errors';
import type { GeometryT } from '../geo/schema';
import type { LocatedRecord } from './load';

/**
 * Coordinates checked against where a place of a Xicheng report can be: in China, and inside the
 * province, city or district its record names. Catches a point typed as [lat, lng], a [0, 0]
 * placeholder, a point copied from the wrong city (Paris), a housing project put in the wrong
 * district.
 */

/**
 * China's extreme points on land, rounded outwards: 73°29′E (Pamirs), 135°05′E (Heilongjiang–Ussuri
 * confluence), 53°33′N (Mohe), 18°10′N (Hainan) — https://en.wikipedia.org/wiki/Extreme_points_of_China.
 * A box, not the border: it refuses what is certainly wrong, and the named-region check below is
 * the finer one where a record names its region.
 */
export const CHINA_BBOX = [73.4, 18.1, 135.1, 53.6] as const;

const inChina = (lng: number, lat: number) => lng >= CHINA_BBOX[0] && lng <= CHINA_BBOX[2] && lat >= CHINA_BBOX[1] && lat <= CHINA_BBOX[3];

/** Every [x, y] pair in a (possibly unvalidated) coordinates array. */
function pairs(coords: unknown, out: number[][] = []): number[][] {
  if (!Array.isArray(coords)) return out;
  if (coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number') out.push(coords as number[]);
  else for (const c of coords) pairs(c, out);
  return out;
}

/** What is wrong with a geometry's coordinates for a place in China, or undefined. */
export function coordinateProblem(coordinates: unknown): string | undefined {
  for (const [x, y] of pairs(coordinates) as Array<[number, number]>) {
    if (inChina(x, y)) continue;
    if (x === 0 && y === 0) return '[0, 0] is a placeholder (a point in the Gulf of Guinea), not a place: give the real coordinates';
    if (inChina(y, x)) return `[${x}, ${y}] looks like [latitude, longitude]: GeoJSON is [longitude, latitude], write [${y}, ${x}]`;
    return `[${x}, ${y}] lies outside China (lon ${CHINA_BBOX[0]}–${CHINA_BBOX[2]}, lat ${CHINA_BBOX[1]}–${CHINA_BBOX[3]}): a place of a Xicheng report is in China; check the source and the order [longitude, latitude]`;
  }
  return undefined;
}

export interface PlacedRecord {
  located: LocatedRecord;
  geometry: GeometryT | null;
}

const isArea = (g: GeometryT | null): g is Extract<GeometryT, { type: 'Polygon' | 'MultiPolygon' }> =>
  !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');

function pointOf(g: GeometryT): [number, number] {
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const c = pointOnFeature({ type: 'Feature', properties: {}, geometry: g } as never).geometry.coordinates;
  return [c[0] as number, c[1] as number];
}

/** Metres from a point to the nearest edge of an area. */
function metresToEdge(pt: [number, number], area: Extract<GeometryT, { type: 'Polygon' | 'MultiPolygon' }>): number {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  let best = Number.POSITIVE_INFINITY;
  for (const rings of polys)
    for (const ring of rings)
      best = Math.min(
        best,
        pointToLineDistance(pt, { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } } as never, {
          units: 'meters',
        }),
      );
  return best;
}

/**
 * Checks every placed record: coordinates in China, and inside each region it names — a region
 * record (category "region", an area) whose name or alias starts the record's name or an alias
 * (丰台高立庄 → 丰台区), or that it lists in `related`. A point may lie outside by up to its
 * uncertainty_m. The first problem stops the build, with file, line and field.
 */
export function checkPlausible(placed: readonly PlacedRecord[]): void {
  const regions = placed
    .filter((p) => p.located.record.category === 'region' && isArea(p.geometry))
    .map((p) => ({
      id: p.located.record.id,
      names: [p.located.record.name, ...p.located.record.aliases].filter((n) => [...n].length >= 2),
      area: p.geometry as Extract<GeometryT, { type: 'Polygon' | 'MultiPolygon' }>,
    }));
  for (const { located, geometry } of placed) {
    if (!geometry) continue;
    const r = located.record;
    const where = { file: located.file, line: located.line };
    const problem = coordinateProblem(geometry.coordinates);
    if (problem) throw new InputError(`record "${r.id}": ${problem}`, { ...where, field: r.geometry ? 'geometry' : 'geometry_ref' });
    const own = [r.name, ...r.aliases];
    const related = new Set(r.related ?? []);
    for (const g of regions) {
      if (g.id === r.id) continue;
      const named = g.names.find((n) => own.some((o) => o.startsWith(n) && o !== n));
      if (!named && !related.has(g.id)) continue;
      const pt = pointOf(geometry);
      if (booleanPointInPolygon(pt, g.area as never)) continue;
      const off = metresToEdge(pt, g.area);
      if (off <= (r.uncertainty_m ?? 0)) continue;
      throw new InputError(
        `record "${r.id}" ${named ? `is named after ${named}` : `is related to "${g.id}"`}, but its point (${pt.join(', ')}) lies ${Math.round(off)} m outside "${g.id}"${r.uncertainty_m ? ` (more than its uncertainty of ${r.uncertainty_m} m)` : ''}`,
        { ...where, field: r.geometry ? 'geometry' : 'geometry_ref' },
      );
    }
  }
}
