import { z } from 'zod';
import { GroundCollection, StreetNameCollection } from './ground';
import { AreaGeometry, featureCollection, LineStringGeom, MultiLineStringGeom, PointGeom, PolygonGeom, Position } from './schema';

export { BASEMAP_BBOX, BASEMAP_GZIP_BUDGET, ROAD_DATA_EAST_LIMIT, ROAD_DATA_SOUTH_LIMIT } from './basemap-extent';

const LineGeometry = z.discriminatedUnion('type', [LineStringGeom, MultiLineStringGeom]);

export const RoadProps = z.object({ class: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).strict();
export const RoadCollection = featureCollection(LineGeometry, RoadProps);
export type RoadCollectionT = z.infer<typeof RoadCollection>;

const WaterAreaFeature = z.object({
  type: z.literal('Feature'),
  geometry: AreaGeometry,
  properties: z.object({ kind: z.literal('area'), covered: z.literal(false) }).strict(),
});
const WaterLineFeature = z.object({
  type: z.literal('Feature'),
  geometry: LineGeometry,
  properties: z
    .object({
      kind: z.literal('line'),
      /** A culverted or filled historic channel: there is no open water to draw here. */
      covered: z.boolean(),
      /** The named historic channel(s) it was identified as, when covered. */
      channel: z.string().min(1).nullable(),
    })
    .strict(),
});
export const WaterCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union([WaterAreaFeature, WaterLineFeature])),
});
export type WaterCollectionT = z.infer<typeof WaterCollection>;

export const BasemapDistrictProps = z
  .object({
    name: z.string().regex(/区$/),
    name_en: z.string().min(1),
    adcode: z.string().regex(/^\d{6}$/),
    /** Names of the districts that share a boundary with this one (over all of Beijing, not only the box). */
    neighbours: z.array(z.string()),
    /** A point inside the part of the district within the box, for its label. */
    label: Position,
  })
  .strict();
export const BasemapDistrictCollection = featureCollection(AreaGeometry, BasemapDistrictProps);
export type BasemapDistrictCollectionT = z.infer<typeof BasemapDistrictCollection>;

const Colour = z.string().regex(/^#[0-9a-f]{6}$/);

export const StationProps = z
  .object({
    name: z.string().min(1),
    lines: z.array(z.string().min(1)).min(1),
    /** One colour per entry of `lines`, in the same order. */
    colours: z.array(Colour).min(1),
  })
  .strict()
  .refine((p) => p.colours.length === p.lines.length, { message: 'one colour per line' });
export const StationCollection = featureCollection(PointGeom, StationProps);
export type StationCollectionT = z.infer<typeof StationCollection>;

export const SubwayLineProps = z.object({ ref: z.string().min(1), name: z.string().min(1), colour: Colour }).strict();
export const SubwayLineCollection = featureCollection(MultiLineStringGeom, SubwayLineProps);
export type SubwayLineCollectionT = z.infer<typeof SubwayLineCollection>;

export const RailStationProps = z
  .object({ name: z.string().min(1), name_en: z.string().min(1).nullable(), railway: z.enum(['station', 'halt']) })
  .strict();
export const RailStationCollection = featureCollection(PointGeom, RailStationProps);
export type RailStationCollectionT = z.infer<typeof RailStationCollection>;

export const CoverageProps = z
  .object({ kind: z.literal('no-road-data'), side: z.enum(['south', 'east']), note_zh: z.string().min(1), note_en: z.string().min(1) })
  .strict();
export const CoverageCollection = featureCollection(PolygonGeom, CoverageProps);
export type CoverageCollectionT = z.infer<typeof CoverageCollection>;

/** Every file of the default basemap, with the schema it is written and read with. */
export const BASEMAP_FILES = {
  'roads.geojson': RoadCollection,
  'water.geojson': WaterCollection,
  'districts.geojson': BasemapDistrictCollection,
  'stations.geojson': StationCollection,
  'subway-lines.geojson': SubwayLineCollection,
  'rail-stations.geojson': RailStationCollection,
  'coverage.geojson': CoverageCollection,
  /** Derived lakes, parks and compounds (geodata/ground/features.yaml). */
  'ground.geojson': GroundCollection,
  /** Named streets routed on the road network (geodata/ground/streets.yaml), for line labels. */
  'street-names.geojson': StreetNameCollection,
} as const;
export type BasemapFile = keyof typeof BASEMAP_FILES;

/** Calls fn on every position of a geometry (for bounds checks). */
export function eachPosition(g: { type: string; coordinates: unknown }, fn: (p: [number, number]) => void): void {
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') fn(c as [number, number]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
}
