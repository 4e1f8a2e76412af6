import pointOnFeature from '@turf/point-on-feature';
import type { Feature, Geometry } from 'geojson';
import type { GeometryT } from './schema';

/**
 * One point standing for a geometry, and always on it: a point is itself; otherwise the centre of
 * its box when that lies on the geometry, else the vertex nearest that centre (turf's
 * pointOnFeature). The 街道 check, the CSV export's lng/lat, the planner's sites and the labels of
 * districts all take this one point.
 */
export function representativePoint(g: GeometryT | null | undefined): [number, number] | undefined {
  if (!g) return undefined;
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const feature: Feature = { type: 'Feature', properties: {}, geometry: g as Geometry };
  const p = pointOnFeature(feature).geometry.coordinates;
  return [p[0] as number, p[1] as number];
}

/** [west, south, east, north] of a geometry. */
export function geometryBbox(g: GeometryT): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: readonly number[]) => {
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
