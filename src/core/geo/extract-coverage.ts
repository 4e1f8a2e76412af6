import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { SubdistrictCollectionT } from './boundaries';

/**
 * Whether a street basemap built from an OSM extract covers Xicheng: every one of its 街道 must
 * hold at least one street of the extract. A box test alone would pass an extract made of two
 * far corners; an extract of somewhere else yields no streets at all, and without this check it
 * would replace a good basemap with an empty one.
 */

type Pos = readonly [number, number] | readonly number[];
type LineGeometry = { type: 'LineString'; coordinates: Pos[] } | { type: 'MultiLineString'; coordinates: Pos[][] };

/** The names of the 街道 that no vertex of `roads` falls in, in the collection's order. */
export function subdistrictsWithoutRoads(roads: Iterable<{ geometry: LineGeometry }>, subdistricts: SubdistrictCollectionT): string[] {
  const left = subdistricts.features.map((f) => ({ f, box: bbox(f as never) }));
  for (const road of roads) {
    const lines = road.geometry.type === 'LineString' ? [road.geometry.coordinates] : road.geometry.coordinates;
    for (const line of lines)
      for (const p of line) {
        const x = p[0] as number;
        const y = p[1] as number;
        for (let i = left.length - 1; i >= 0; i--) {
          const s = left[i];
          if (!s || x < (s.box[0] as number) || y < (s.box[1] as number) || x > (s.box[2] as number) || y > (s.box[3] as number)) continue;
          if (booleanPointInPolygon([x, y], s.f as never)) left.splice(i, 1);
        }
        if (left.length === 0) return [];
      }
  }
  const missing = new Set(left.map((s) => s.f.properties.name));
  return subdistricts.features.map((f) => f.properties.name).filter((n) => missing.has(n));
}

/** "lon 116.27–116.66, lat 39.89–39.949" */
export function formatBounds(b: readonly number[]): string {
  return `lon ${b[0]}–${b[2]}, lat ${b[1]}–${b[3]}`;
}
