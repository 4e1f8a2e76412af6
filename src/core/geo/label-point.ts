import area from '@turf/area';
import { representativePoint } from './represent';
import type { GeometryT } from './schema';
import { lineLength, segmentLength } from './sphere';

type Pos = readonly number[];

/** The point half-way along a line, measured along it. */
export function midpointAlong(line: readonly Pos[]): [number, number] {
  const first = line[0] as Pos;
  let left = lineLength(line) / 2;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Pos;
    const b = line[i] as Pos;
    const d = segmentLength(a, b);
    if (d >= left && d > 0) {
      const t = left / d;
      return [(a[0] as number) + t * ((b[0] as number) - (a[0] as number)), (a[1] as number) + t * ((b[1] as number) - (a[1] as number))];
    }
    left -= d;
  }
  return [first[0] as number, first[1] as number];
}

/**
 * A point ON the drawn shape where its name goes (and where a click on it lands): the point
 * itself; half-way along a line (its longest part); inside a polygon (its largest part), at a
 * point guaranteed on its surface (the kernel's representative point).
 */
export function labelPoint(g: GeometryT): [number, number] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0] as number, g.coordinates[1] as number];
    case 'MultiPoint':
      return [(g.coordinates[0] as Pos)[0] as number, (g.coordinates[0] as Pos)[1] as number];
    case 'LineString':
      return midpointAlong(g.coordinates);
    case 'MultiLineString':
      return midpointAlong([...g.coordinates].sort((a, b) => lineLength(b) - lineLength(a))[0] ?? []);
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const polys = parts.map((coordinates) => ({ type: 'Polygon' as const, coordinates }));
      const largest = [...polys].sort((a, b) => area(b) - area(a))[0] ?? polys[0];
      return representativePoint(largest as GeometryT) ?? [0, 0];
    }
  }
}
