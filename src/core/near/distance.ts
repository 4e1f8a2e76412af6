import type { GeometryT } from '../geo/schema';

/** Mean Earth radius in metres (the IUGG value turf uses too). */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface LngLat {
  lng: number;
  lat: number;
}
type Pos = readonly number[];

/** Great-circle (haversine) distance in metres. */
export function haversineM(a: LngLat, b: LngLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const at = (p: Pos): LngLat => ({ lng: p[0] as number, lat: p[1] as number });

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
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  // The centre is the origin: t minimises |A + t(B - A)|.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const px = ax + t * dx;
  const py = ay + t * dy;
  return haversineM(c, { lng: c.lng + px / cosLat, lat: c.lat + py });
}

function lineDistanceM(c: LngLat, line: readonly Pos[], cosLat: number): number {
  if (line.length === 1) return haversineM(c, at(line[0] as Pos));
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistanceM(c, line[i - 1] as Pos, line[i] as Pos, cosLat));
  return best;
}

/** Even-odd ray casting over all rings of a polygon: inside the outer ring and outside every hole. */
export function pointInPolygon(c: LngLat, rings: readonly (readonly Pos[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = (ring[i] as Pos)[0] as number;
      const yi = (ring[i] as Pos)[1] as number;
      const xj = (ring[j] as Pos)[0] as number;
      const yj = (ring[j] as Pos)[1] as number;
      if (yi > c.lat !== yj > c.lat && c.lng < ((xj - xi) * (c.lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function polygonDistanceM(c: LngLat, rings: readonly (readonly Pos[])[], cosLat: number): number {
  if (pointInPolygon(c, rings)) return 0;
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
      return haversineM(c, at(g.coordinates));
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((p) => haversineM(c, at(p))));
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

/** [west, south, east, north] of a geometry. */
export function geometryBbox(g: GeometryT): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Pos) => {
    const x = p[0] as number;
    const y = p[1] as number;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  };
  switch (g.type) {
    case 'Point':
      add(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) add(p);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) for (const p of l) add(p);
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const l of poly) for (const p of l) add(p);
      break;
  }
  return box;
}

/**
 * The lng/lat box that holds every point within radiusM of a centre (a small margin added so
 * rounding never drops a place lying exactly on the circle).
 */
export function radiusBbox(c: LngLat, radiusM: number): [number, number, number, number] {
  const r = radiusM * 1.001 + 0.01;
  const dLat = r / EARTH_RADIUS_M / RAD;
  const maxLat = Math.min(89.9, Math.abs(c.lat) + dLat);
  const dLng = Math.min(180, r / (EARTH_RADIUS_M * Math.cos(maxLat * RAD)) / RAD);
  return [c.lng - dLng, c.lat - dLat, c.lng + dLng, c.lat + dLat];
}

/** A polygon approximating the circle of radiusM around a centre (for drawing), first vertex repeated. */
export function circlePolygon(c: LngLat, radiusM: number, steps = 96): number[][] {
  const d = radiusM / EARTH_RADIUS_M;
  const lat1 = c.lat * RAD;
  const lng1 = c.lng * RAD;
  const ring: number[][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = ((i % steps) / steps) * 2 * Math.PI;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lng2 = lng1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([lng2 / RAD, lat2 / RAD]);
  }
  return ring;
}
