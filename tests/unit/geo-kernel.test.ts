// The geometry kernel (src/core/geo: sphere, planar, contains, represent), checked against
// formulas written here independently and against cases whose answer is known by construction.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pointOnFeature from '@turf/point-on-feature';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInArea, pointInPolygon } from '../../src/core/geo/contains';
import { nearestT, pointSegmentDistance } from '../../src/core/geo/planar';
import { geometryBbox, representativePoint } from '../../src/core/geo/represent';
import type { GeometryT } from '../../src/core/geo/schema';
import {
  circlePolygon,
  EARTH_RADIUS_M,
  haversineM,
  lineLength,
  localProjection,
  metresPerDegree,
  radiusBbox,
  segmentLength,
} from '../../src/core/geo/sphere';
import { ROOT } from './helpers';

const deg = Math.PI / 180;
/** Spherical law of cosines: a different formula for the same great-circle distance. */
const cosineLaw = (a: [number, number], b: [number, number]) =>
  EARTH_RADIUS_M *
  Math.acos(Math.sin(a[1] * deg) * Math.sin(b[1] * deg) + Math.cos(a[1] * deg) * Math.cos(b[1] * deg) * Math.cos((b[0] - a[0]) * deg));

describe('sphere', () => {
  it('haversine agrees with the law of cosines, and a minute of latitude is a nautical mile', () => {
    const tiananmen: [number, number] = [116.3975, 39.9087];
    const shanghai: [number, number] = [121.4737, 31.2304];
    const d = haversineM({ lng: tiananmen[0], lat: tiananmen[1] }, { lng: shanghai[0], lat: shanghai[1] });
    expect(d / cosineLaw(tiananmen, shanghai)).toBeCloseTo(1, 9);
    expect(haversineM({ lng: 116.37, lat: 39.9 }, { lng: 116.37, lat: 39.9 + 1 / 60 })).toBeCloseTo(1853.2, 0);
    expect(haversineM({ lng: 116.37, lat: 39.9 }, { lng: 116.37, lat: 39.9 })).toBe(0);
  });

  it('the local plane: a degree of longitude shrinks with cos(latitude), and short distances match the great circle', () => {
    expect(metresPerDegree(60).x / metresPerDegree(60).y).toBeCloseTo(0.5, 12);
    expect(metresPerDegree(0).y).toBeCloseTo(111_195, 0);
    const proj = localProjection(39.9);
    const a: [number, number] = [116.33, 39.88];
    const b: [number, number] = [116.39, 39.93];
    const [ax, ay] = proj(a);
    const [bx, by] = proj(b);
    const plane = Math.hypot(bx - ax, by - ay);
    const sphere = haversineM({ lng: a[0], lat: a[1] }, { lng: b[0], lat: b[1] });
    // ~7.5 km across Xicheng: within 0.1 %.
    expect(Math.abs(plane - sphere) / sphere).toBeLessThan(1e-3);
    expect(Math.abs(segmentLength(a, b) - sphere) / sphere).toBeLessThan(1e-3);
    expect(lineLength([a, [116.36, 39.9], b])).toBeCloseTo(segmentLength(a, [116.36, 39.9]) + segmentLength([116.36, 39.9], b), 9);
    expect(lineLength([a])).toBe(0);
  });

  it('the circle lies at its radius, inside the radius box, and closes', () => {
    const c = { lng: 116.37, lat: 39.91 };
    const ring = circlePolygon(c, 1500, 64);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    const [w, s, e, n] = radiusBbox(c, 1500);
    for (const p of ring) {
      expect(haversineM(c, { lng: p[0] as number, lat: p[1] as number })).toBeCloseTo(1500, 6);
      expect(p[0]).toBeGreaterThan(w);
      expect(p[0]).toBeLessThan(e);
      expect(p[1]).toBeGreaterThan(s);
      expect(p[1]).toBeLessThan(n);
    }
    // The box is tight: its edges are barely outside the circle.
    expect(haversineM(c, { lng: c.lng, lat: n })).toBeLessThan(1502);
  });
});

describe('planar', () => {
  it('finds the nearest point of a segment: the foot of the perpendicular, or an end', () => {
    expect(nearestT(5, 3, 0, 0, 10, 0)).toBe(0.5);
    expect(nearestT(-4, 3, 0, 0, 10, 0)).toBe(0);
    expect(nearestT(14, 3, 0, 0, 10, 0)).toBe(1);
    expect(nearestT(7, 7, 2, 2, 2, 2)).toBe(0);
    expect(pointSegmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(pointSegmentDistance([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(pointSegmentDistance([5, 5], [2, 1], [2, 1])).toBe(5);
  });
});

describe('contains (point in polygon, once)', () => {
  const outer = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ];
  const hole = [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4],
  ];
  it('inside the outer ring and outside every hole; an edge or a vertex counts as inside', () => {
    expect(pointInPolygon([2, 2], [outer, hole])).toBe(true);
    expect(pointInPolygon([5, 5], [outer, hole])).toBe(false);
    expect(pointInPolygon([11, 5], [outer, hole])).toBe(false);
    expect(pointInPolygon([10, 5], [outer])).toBe(true);
    expect(pointInPolygon([0, 0], [outer])).toBe(true);
    expect(pointInPolygon([4, 5], [outer, hole])).toBe(true);
  });
  it('over rings of several polygons the even-odd rule holds: where two overlap is outside', () => {
    const other = outer.map(([x, y]) => [(x as number) + 5, y as number]);
    expect(pointInPolygon([2, 5], [outer, other])).toBe(true);
    expect(pointInPolygon([7, 5], [outer, other])).toBe(false);
    expect(pointInPolygon([13, 5], [outer, other])).toBe(true);
  });
  it('works the same in degrees and in projected metres, and over the parts of a MultiPolygon', () => {
    const proj = localProjection(39.9);
    const ll = outer.map(([x, y]) => [116.3 + (x as number) * 0.001, 39.9 + (y as number) * 0.001]);
    expect(pointInPolygon([116.305, 39.905], [ll])).toBe(true);
    expect(pointInPolygon(proj([116.305, 39.905]), [ll.map(proj)])).toBe(true);
    expect(pointInPolygon(proj([116.315, 39.905]), [ll.map(proj)])).toBe(false);
    const multi = { type: 'MultiPolygon' as const, coordinates: [[outer], [outer.map(([x, y]) => [(x as number) + 20, y as number])]] };
    expect(pointInArea([25, 5], multi)).toBe(true);
    expect(pointInArea([15, 5], multi)).toBe(false);
    expect(pointInArea([5, 5], { type: 'Polygon', coordinates: [outer, hole] })).toBe(false);
  });
});

describe('represent', () => {
  it('a point stands for itself; nothing for no geometry', () => {
    expect(representativePoint({ type: 'Point', coordinates: [116.4, 39.9] })).toEqual([116.4, 39.9]);
    expect(representativePoint(null)).toBeUndefined();
    expect(representativePoint(undefined)).toBeUndefined();
  });
  it('a convex area gives the centre of its box', () => {
    const square: GeometryT = {
      type: 'Polygon',
      coordinates: [
        [
          [116.3, 39.9],
          [116.32, 39.9],
          [116.32, 39.92],
          [116.3, 39.92],
          [116.3, 39.9],
        ],
      ],
    };
    const [x, y] = representativePoint(square) as [number, number];
    expect(x).toBeCloseTo(116.31, 12);
    expect(y).toBeCloseTo(39.91, 12);
  });
  it('a U-shaped area whose box centre is outside it gets a point on it (the mean of its vertices would not be)', () => {
    const u: GeometryT = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [8, 10],
          [8, 2],
          [2, 2],
          [2, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    };
    const p = representativePoint(u) as [number, number];
    expect(pointInArea([5, 5], u)).toBe(false);
    expect(pointInArea(p, u)).toBe(true);
  });
  it('a line gets one of its own vertices when the centre of its box is off the line', () => {
    const l: GeometryT = {
      type: 'LineString',
      coordinates: [
        [116.3, 39.9],
        [116.31, 39.9],
        [116.31, 39.91],
      ],
    };
    const p = representativePoint(l);
    expect(l.coordinates.some((v) => v[0] === p?.[0] && v[1] === p?.[1])).toBe(true);
  });
  const turf = (g: GeometryT) => pointOnFeature({ type: 'Feature', properties: {}, geometry: g } as never).geometry.coordinates;
  it("is turf's pointOnFeature exactly, on random shapes", () => {
    const pos = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
      .map(([x, y]) => [116.3 + x * 1e-3, 39.9 + y * 1e-3]);
    // A star-shaped ring about a random centre: concave often enough that its box centre falls outside.
    const ring = fc.tuple(pos, fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 3, maxLength: 12 })).map(([c, radii]) => {
      const r = radii.map((k, i) => {
        const a = (2 * Math.PI * i) / radii.length;
        return [(c[0] as number) + k * 1e-3 * Math.cos(a), (c[1] as number) + k * 1e-3 * Math.sin(a)];
      });
      return [...r, r[0] as number[]];
    });
    const geometry: fc.Arbitrary<GeometryT> = fc.oneof(
      ring.map((r) => ({ type: 'Polygon', coordinates: [r] }) as GeometryT),
      fc.array(ring, { minLength: 2, maxLength: 3 }).map((rs) => ({ type: 'MultiPolygon', coordinates: rs.map((r) => [r]) }) as GeometryT),
      fc.array(pos, { minLength: 2, maxLength: 8 }).map((l) => ({ type: 'LineString', coordinates: l }) as GeometryT),
      fc
        .array(fc.array(pos, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 3 })
        .map((ls) => ({ type: 'MultiLineString', coordinates: ls }) as GeometryT),
      fc.array(pos, { minLength: 1, maxLength: 6 }).map((ps) => ({ type: 'MultiPoint', coordinates: ps }) as GeometryT),
    );
    fc.assert(
      fc.property(geometry, (g) => {
        expect(representativePoint(g)).toEqual(turf(g));
      }),
      { numRuns: 3000 },
    );
  });
  it("is turf's pointOnFeature exactly on every place, 街道 and the district of the committed data", () => {
    const geoms = ['places.geojson', 'subdistricts.geojson', 'district.geojson'].flatMap(
      (f) =>
        (JSON.parse(readFileSync(resolve(ROOT, 'geodata', f), 'utf8')) as { features: Array<{ geometry: GeometryT | null }> }).features,
    );
    let n = 0;
    for (const { geometry } of geoms)
      if (geometry) {
        expect(representativePoint(geometry)).toEqual(turf(geometry));
        n++;
      }
    expect(n).toBeGreaterThan(90);
  });
  it('the box of a geometry of any type', () => {
    expect(geometryBbox({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2, 1, 2]);
    expect(
      geometryBbox({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [3, 0],
              [3, 1],
              [0, 0],
            ],
          ],
          [
            [
              [-2, 5],
              [1, 5],
              [1, 6],
              [-2, 5],
            ],
          ],
        ],
      }),
    ).toEqual([-2, 0, 3, 6]);
  });
});
