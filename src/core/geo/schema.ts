import { z } from 'zod';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
export const Position = z.tuple([Lon, Lat]).rest(z.number());
type PositionT = z.infer<typeof Position>;

/** What is wrong with one position, as [index within it, message], or undefined when it is fine. */
function positionProblem(p: unknown): [number | undefined, string] | undefined {
  if (!Array.isArray(p) || p.length < 2) return [undefined, 'expected a position [longitude, latitude]'];
  for (let k = 0; k < p.length; k++) {
    const v = p[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) return [k, 'expected a finite number'];
  }
  if (p[0] < -180 || p[0] > 180) return [0, 'longitude out of range [-180, 180]'];
  if (p[1] < -90 || p[1] > 90) return [1, 'latitude out of range [-90, 90]'];
  return undefined;
}

/**
 * A list of at least `min` positions, with the same rules as Position but checked in one plain loop:
 * the basemap holds tens of thousands of positions, and a schema object per position made
 * validating it the slowest step of opening the app. An issue still names the exact position.
 */
function positions(min: number): z.ZodType<PositionT[]> {
  return z.array(z.unknown()).superRefine((list, ctx) => {
    if (list.length < min) {
      ctx.addIssue({ code: 'custom', message: `expected at least ${min} positions, found ${list.length}` });
      return;
    }
    for (let i = 0; i < list.length; i++) {
      const problem = positionProblem(list[i]);
      if (!problem) continue;
      const [k, message] = problem;
      ctx.addIssue({ code: 'custom', message, path: k === undefined ? [i] : [i, k] });
      return;
    }
  }) as unknown as z.ZodType<PositionT[]>;
}
const Ring = positions(4);

export const PointGeom = z.object({ type: z.literal('Point'), coordinates: Position });
export const LineStringGeom = z.object({ type: z.literal('LineString'), coordinates: positions(2) });
export const MultiLineStringGeom = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(positions(2)).min(1) });
export const PolygonGeom = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
export const MultiPolygonGeom = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) });
export const MultiPointGeom = z.object({ type: z.literal('MultiPoint'), coordinates: positions(1) });
export const Geometry = z.discriminatedUnion('type', [
  PointGeom,
  MultiPointGeom,
  LineStringGeom,
  MultiLineStringGeom,
  PolygonGeom,
  MultiPolygonGeom,
]);
export type GeometryT = z.infer<typeof Geometry>;

export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeom, MultiPolygonGeom]);

export function featureCollection<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.union([z.string(), z.number()]).optional(),
        geometry,
        properties,
      }),
    ),
  });
}
