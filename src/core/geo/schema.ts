import { z } from 'zod';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
export const Position = z.tuple([Lon, Lat]).rest(z.number());
const Ring = z.array(Position).min(4);

export const PointGeom = z.object({ type: z.literal('Point'), coordinates: Position });
export const LineStringGeom = z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) });
export const MultiLineStringGeom = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Position).min(2)).min(1) });
export const PolygonGeom = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) });
export const MultiPolygonGeom = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) });
export const MultiPointGeom = z.object({ type: z.literal('MultiPoint'), coordinates: z.array(Position).min(1) });
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
