import { pointInPolygon } from '../geo/contains';
import { nearestT } from '../geo/planar';
import type { GeometryT } from '../geo/schema';
import { haversineM, type LngLat, lngLatOf, RAD } from '../geo/sphere';

type Pos = readonly number[];

/**
 * The nearest point of a segment to a centre. The search runs in a plane tangent at the centre
 * (equirectangular, x scaled by cos(lat)), which is exact to well under a metre within the few
 * kilometres a near-me radius spans; the distance itself is then measured on the sphere.
 */
function segmentDistanceM(c: LngLat, a: Pos, b: Pos, cosLat: number): number {
  const ax = ((a[0] as number) - c.lng) * cosLat;
  const ay = (a[1] as number) - c.lat;
  const bx = ((b[0] as number) - c.lng) * cosLat;
  const by = (b[1] as number) - c.lat;
  // The centre is the origin.
  const t = nearestT(0, 0, ax, ay, bx, by);
  const px = ax + t * (bx - ax);
  const py = ay + t * (by - ay);
  return haversineM(c, { lng: c.lng + px / cosLat, lat: c.lat + py });
}

function lineDistanceM(c: LngLat, line: readonly Pos[], cosLat: number): number {
  if (line.length === 1) return haversineM(c, lngLatOf(line[0] as Pos));
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistanceM(c, line[i - 1] as Pos, line[i] as Pos, cosLat));
  return best;
}

function polygonDistanceM(c: LngLat, rings: readonly (readonly Pos[])[], cosLat: number): number {
  if (pointInPolygon([c.lng, c.lat], rings)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) best = Math.min(best, lineDistanceM(c, ring, cosLat));
  return best;
}

/**
 * Distance in metres from a point to the nearest point of a geometry: great-circle distance for
 * points, the nearest point on the line for lines, 0 inside a polygon (holes excepted) and the
 * distance to its boundary outside it.
 */
export function distanceToGeometryM(c: LngLat, g: GeometryT): number {
  const cosLat = Math.cos(c.lat * RAD);
  switch (g.type) {
    case 'Point':
      return haversineM(c, lngLatOf(g.coordinates));
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((p) => haversineM(c, lngLatOf(p))));
    case 'LineString':
      return lineDistanceM(c, g.coordinates, cosLat);
    case 'MultiLineString':
      return Math.min(...g.coordinates.map((l) => lineDistanceM(c, l, cosLat)));
    case 'Polygon':
      return polygonDistanceM(c, g.coordinates, cosLat);
    case 'MultiPolygon':
      return Math.min(...g.coordinates.map((p) => polygonDistanceM(c, p, cosLat)));
  }
}
