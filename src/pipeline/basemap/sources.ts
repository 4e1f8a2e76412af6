/**
 * The shared source files the default basemap reads, their schemas, and how they are read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AreaGeometry, featureCollection, LineStringGeom, MultiLineStringGeom, PointGeom } from '../../core/geo/schema';
import { parseJsonWithSchema } from '../../core/io/json';

const LineGeometry = z.discriminatedUnion('type', [LineStringGeom, MultiLineStringGeom]);
export const SourceRoads = featureCollection(
  LineGeometry,
  z.object({ road_class: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).loose(),
);
export const SourceWater = featureCollection(
  z.discriminatedUnion('type', [...AreaGeometry.options, LineStringGeom, MultiLineStringGeom]),
  z.object({ kind: z.enum(['water_area', 'waterway_line']) }).loose(),
);
export const SourceDistricts = featureCollection(AreaGeometry, z.object({ name: z.string().min(1), adcode: z.number().int() }).loose());
export const SourceStops = featureCollection(
  PointGeom,
  z.object({ name: z.string().min(1), kind: z.string(), lines: z.array(z.string()).nullable(), osm_id: z.string() }).loose(),
);
export const SourceLines = featureCollection(
  LineStringGeom,
  z.object({ osm_id: z.string(), name: z.string(), ref: z.string(), colour: z.string().nullable() }).loose(),
);
export const SourceRail = featureCollection(
  PointGeom,
  z.object({ osm_id: z.string(), name: z.string().min(1), name_en: z.string().nullable(), railway: z.string() }).loose(),
);

export const SOURCE_FILES = {
  roads: 'xicheng_roads_msr_tdrive_wgs84.geojson',
  water: 'xicheng_water_osm_clearmap_wgs84.geojson',
  districts: 'beijing_districts_datav_wgs84_gcoord.geojson',
  stops: 'beijing_subway_stops_osm_wgs84.geojson',
  lines: 'beijing_subway_lines_schematic_osm_wgs84.geojson',
  rail: 'beijing_rail_stations_osm_wgs84.geojson',
} as const;

export function read<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  return parseJsonWithSchema(readFileSync(resolve(dir, file), 'utf8'), file, schema);
}
