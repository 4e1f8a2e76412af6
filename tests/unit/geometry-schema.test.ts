import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LineStringGeom, MultiPointGeom, PolygonGeom, Position } from '../../src/core/geo/schema';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { errorOf } from './helpers';

/** What the geometry schemas checked position by position before the one-loop check; the reference. */
const referenceLine = z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) });

const failure = (text: string, schema: z.ZodType) => errorOf(() => parseJsonWithSchema(text, 'geodata/basemap/roads.geojson', schema));

describe('geometry schemas', () => {
  it('accept and refuse exactly what a per-position schema does', () => {
    const num = fc.oneof(
      fc.double({ min: -200, max: 200, noNaN: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -180, 180, -90, 90),
    );
    const position = fc.oneof(
      { weight: 8, arbitrary: fc.array(num, { minLength: 2, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(num, { maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('116,39', null, [116, '39'], { lng: 116, lat: 39 }) },
    );
    fc.assert(
      fc.property(fc.array(position, { maxLength: 6 }), (coordinates) => {
        const value = { type: 'LineString', coordinates };
        expect(LineStringGeom.safeParse(value).success).toBe(referenceLine.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('name the file, line and exact position of a bad coordinate deep in a file', () => {
    const good = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [116.3, 39.9],
          [116.31, 39.9 + i / 1000],
        ],
      }),
    );
    const bad = JSON.stringify({
      type: 'LineString',
      coordinates: [
        [116.3, 39.9],
        [116.31, 39.9],
        [116.32, 139.9],
      ],
    });
    const schema = z.object({ features: z.array(LineStringGeom) });
    const text = `{"features":[\n${[...good.slice(0, 30), bad, ...good.slice(30)].join(',\n')}\n]}\n`;
    const e = failure(text, schema);
    expect(e.message).toContain('latitude out of range');
    expect(e.line).toBe(32);
    expect(e.field).toBe('features[30].coordinates[2][1]');
  });

  it('say what is missing: too few positions, a position that is not a pair, a ring too short', () => {
    expect(failure('{"type":"LineString","coordinates":[[116,39]]}', LineStringGeom).message).toContain('at least 2 positions');
    const notPair = failure('{"type":"MultiPoint","coordinates":[[116,39],"116,39"]}', MultiPointGeom);
    expect(notPair.field).toBe('coordinates[1]');
    expect(notPair.message).toContain('[longitude, latitude]');
    const ring = failure('{"type":"Polygon","coordinates":[[[116,39],[116.1,39],[116,39]]]}', PolygonGeom);
    expect(ring.field).toBe('coordinates[0]');
    expect(ring.message).toContain('at least 4 positions');
  });

  it('still point at the line of a JSON syntax error, now found only after JSON.parse fails', () => {
    const e = failure('{"type":"LineString",\n"coordinates":[[116,39],\n[116.1,39],]}', LineStringGeom);
    expect(e.detail).toMatch(/^invalid JSON/);
    expect(e.line).toBe(3);
    expect(failure('', LineStringGeom).message).toContain('invalid JSON');
  });
});
