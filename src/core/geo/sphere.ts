/**
 * The Earth as every measurement in this project takes it: a sphere of the IUGG mean radius (the
 * radius turf uses too). Great-circle distance for what a user reads ("320 m"), and a local
 * equirectangular plane for the geometry of short distances: over Xicheng's 15 km the plane is
 * within 0.1 % of the great circle, far below the error of any source here.
 */

/** Mean Earth radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Radians per degree. */
export const RAD = Math.PI / 180;

/** A point as the device, MapLibre and the URL give it. */
export interface LngLat {
  lng: number;
  lat: number;
}
/** A GeoJSON position, [longitude, latitude, …] in degrees (WGS-84). */
export type LngLatTuple = readonly [number, number, ...number[]];
/** A position on a local plane, [east, north] in metres. */
export type XY = [number, number];

export const lngLatOf = (p: readonly number[]): LngLat => ({ lng: p[0] as number, lat: p[1] as number });

/** Great-circle (haversine) distance in metres. */
export function haversineM(a: LngLat, b: LngLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of longitude (x) and of latitude (y) at a latitude. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = RAD * EARTH_RADIUS_M;
  return { x: y * Math.cos(lat * RAD), y };
}

/** The local plane about a latitude: [lng, lat] in degrees → [x east, y north] in metres. */
export function localProjection(lat0: number): (p: readonly number[]) => XY {
  const k = metresPerDegree(lat0);
  return (p) => [(p[0] as number) * k.x, (p[1] as number) * k.y];
}

/** Length of a segment in metres, on the plane at its mid latitude. */
export function segmentLength(a: readonly number[], b: readonly number[]): number {
  const k = metresPerDegree(((a[1] as number) + (b[1] as number)) / 2);
  return Math.hypot(((b[0] as number) - (a[0] as number)) * k.x, ((b[1] as number) - (a[1] as number)) * k.y);
}

/** Length of a polyline in metres. */
export function lineLength(coords: readonly (readonly number[])[]): number {
  let len = 0;
  for (let i = 1; i < coords.length; i++) len += segmentLength(coords[i - 1] as number[], coords[i] as number[]);
  return len;
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
