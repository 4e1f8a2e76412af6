import area from '@turf/area';
import pointOnFeature from '@turf/point-on-feature';
import type { GeometryT } from './schema';

type Pos = readonly number[];

const planar = (a: Pos, b: Pos, cosLat: number) =>
  Math.hypot(((b[0] as number) - (a[0] as number)) * cosLat, (b[1] as number) - (a[1] as number));

/** The point half-way along a line, measured along it (equirectangular, exact enough within a city). */
export function midpointAlong(line: readonly Pos[]): [number, number] {
  const first = line[0] as Pos;
  const cosLat = Math.cos(((first[1] as number) * Math.PI) / 180);
  let total = 0;
  for (let i = 1; i < line.length; i++) total += planar(line[i - 1] as Pos, line[i] as Pos, cosLat);
  let left = total / 2;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Pos;
    const b = line[i] as Pos;
    const d = planar(a, b, cosLat);
    if (d >= left && d > 0) {
      const t = left / d;
      return [(a[0] as number) + t * ((b[0] as number) - (a[0] as number)), (a[1] as number) + t * ((b[1] as number) - (a[1] as number))];
    }
    left -= d;
  }
  return [first[0] as number, first[1] as number];
}

const lineLength = (line: readonly Pos[]) => {
  const cosLat = Math.cos((((line[0] as Pos)[1] as number) * Math.PI) / 180);
  let total = 0;
  for (let i = 1; i < line.length; i++) total += planar(line[i - 1] as Pos, line[i] as Pos, cosLat);
  return total;
};

/**
 * A point ON the drawn shape where its name goes (and where a click on it lands): the point
 * itself; half-way along a line (its longest part); inside a polygon (its largest part), at the
 * centroid when that is inside, else at a point guaranteed on the surface.
 */
export function labelPoint(g: GeometryT): [number, number] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0] as number, g.coordinates[1] as number];
    case 'MultiPoint':
      return [(g.coordinates[0] as Pos)[0] as number, (g.coordinates[0] as Pos)[1] as number];
    case 'LineString':
      return midpointAlong(g.coordinates);
    case 'MultiLineString': {
      const longest = [...g.coordinates].sort((a, b) => lineLength(b) - lineLength(a))[0] ?? [];
      return midpointAlong(longest);
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const polys = parts.map((coordinates) => ({ type: 'Polygon' as const, coordinates: coordinates as number[][][] }));
      const largest = polys.sort((a, b) => area(b) - area(a))[0] ?? polys[0];
      const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: largest } as GeoJSON.Feature).geometry.coordinates;
      return [p[0] as number, p[1] as number];
    }
  }
}
