import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Point in polygon, written once: turf's (point-in-polygon-hao, exact orientation tests), so a
 * point on an edge counts as inside. Works in any planar frame (degrees or projected metres).
 */

type Ring = readonly (readonly number[])[];

/**
 * Whether p lies in the polygon of these rings, [outer, ...holes], by the even-odd rule over all
 * of them (so a set of rings from several polygons works too: where two overlap counts as outside).
 */
export function pointInPolygon(p: readonly number[], rings: readonly Ring[]): boolean {
  return booleanPointInPolygon(p as Position, { type: 'Polygon', coordinates: rings as Position[][] });
}

/** Whether p lies in a Polygon or MultiPolygon (any of its parts). */
export function pointInArea(p: readonly number[], area: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }): boolean {
  return booleanPointInPolygon(p as Position, area as Polygon | MultiPolygon);
}
