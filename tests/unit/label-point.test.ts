import { describe, expect, it } from 'vitest';
import { pointInArea } from '../../src/core/geo/contains';
import { labelPoint, midpointAlong } from '../../src/core/geo/label-point';
import type { GeometryT } from '../../src/core/geo/schema';

describe('labelPoint: where a name goes, on the drawn shape', () => {
  it('half-way along a line, measured along it (not the mean of its vertices)', () => {
    // An L: 1 unit east then 3 units north; half of the length (2) is 1 unit up the north leg.
    const [x, y] = midpointAlong([
      [116.3, 39.9],
      [116.3 + 0.004, 39.9],
      [116.3 + 0.004, 39.9 + 0.009],
    ]);
    expect(x).toBeCloseTo(116.304, 6);
    expect(y).toBeGreaterThan(39.9);
    expect(y).toBeLessThan(39.909);
  });
  it('inside a concave polygon whose centroid lies outside it (a U)', () => {
    const u = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInArea(labelPoint(u as GeometryT), u)).toBe(true);
  });
  it('in the largest part of a multipolygon', () => {
    const m = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [
            [0, 0],
            [0.1, 0],
            [0.1, 0.1],
            [0, 0.1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [7, 5],
            [7, 7],
            [5, 7],
            [5, 5],
          ],
        ],
      ],
    };
    const [x, y] = labelPoint(m as GeometryT);
    expect(x > 5 && x < 7 && y > 5 && y < 7).toBe(true);
  });
});
