/**
 * Builds the derived ground layer (geodata/ground/*.yaml → lakes, parks, compounds and named
 * streets) from the shared road network, water layer and subway stations.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors';
import { parseRecordsFile } from '../core/gazetteer/load';
import { classifyWaterways } from '../core/geo/channels';
import type { Pos } from '../core/geo/clip';
import type { DerivationT } from '../core/geo/derivation';
import { type DeriveContext, derive } from '../core/geo/derive';
import {
  type DerivationInfoT,
  type GroundCollectionT,
  GroundFeatureRecord,
  type GroundFeatureRecordT,
  type StreetNameCollectionT,
  StreetRecord,
  type StreetRecordT,
} from '../core/geo/ground';
import { buildNetwork, linksFromLines, type RoadClass, type RoadLink } from '../core/geo/network';
import { roundCoords } from '../core/geo/round';
import { AreaGeometry, featureCollection, LineStringGeom, MultiLineStringGeom, PointGeom } from '../core/geo/schema';
import { parseJsonWithSchema } from '../core/io/json';

const ROADS = 'xicheng_roads_msr_tdrive_wgs84.geojson';
const WATER = 'xicheng_water_osm_clearmap_wgs84.geojson';
const STOPS = 'beijing_subway_stops_osm_wgs84.geojson';
const SUBDISTRICTS = 'xicheng_subdistricts_osm_wgs84.geojson';
const DISTRICT = 'xicheng_district_outline_osm_wgs84.geojson';

const LineGeometry = z.discriminatedUnion('type', [LineStringGeom, MultiLineStringGeom]);
const Roads = featureCollection(
  LineGeometry,
  z
    .object({ from_node: z.union([z.string(), z.number()]), to_node: z.union([z.string(), z.number()]), road_class: z.number().int() })
    .loose(),
);
const Water = featureCollection(
  z.discriminatedUnion('type', [...AreaGeometry.options, LineStringGeom, MultiLineStringGeom]),
  z.object({ kind: z.enum(['water_area', 'waterway_line']) }).loose(),
);
const Stops = featureCollection(PointGeom, z.object({ name: z.string(), kind: z.string() }).loose());
const Subdistricts = featureCollection(AreaGeometry, z.object({ name: z.string() }).loose());

const lines = (g: { type: string; coordinates: unknown }): Pos[][] =>
  (g.type === 'LineString' ? [g.coordinates] : (g.coordinates as unknown[])) as Pos[][];

/** The shared sources as a derivation context (roads and waterways routable, stations by name). */
export function loadDeriveContext(
  sourcesDir: string,
  feature: (id: string) => GeoJSON.Geometry | undefined = () => undefined,
): DeriveContext {
  const read = <S extends z.ZodType>(f: string, s: S) => parseJsonWithSchema(readFileSync(resolve(sourcesDir, f), 'utf8'), f, s);
  const roads = read(ROADS, Roads);
  const links: RoadLink[] = [];
  const roadLines: Pos[][] = [];
  const roadLineClass: RoadClass[] = [];
  for (const f of roads.features) {
    const cls = Math.min(3, Math.max(1, f.properties.road_class)) as RoadClass;
    const parts = lines(f.geometry);
    roadLines.push(...parts);
    for (const _ of parts) roadLineClass.push(cls);
    // A link the box clip cut in two keeps its node ids only at the ends that survived.
    if (parts.length === 1)
      links.push({ from: String(f.properties.from_node), to: String(f.properties.to_node), cls, coords: parts[0] as Pos[] });
  }
  const water = read(WATER, Water);
  const waterLines: Pos[][] = [];
  const waterRings: Pos[][] = [];
  const waterFeatures: Pos[][][] = [];
  for (const f of water.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') waterRings.push(...(g.coordinates as Pos[][]));
    else if (g.type === 'MultiPolygon') waterRings.push(...(g.coordinates.flat() as Pos[][]));
    else {
      waterLines.push(...lines(g));
      waterFeatures.push(lines(g));
    }
  }
  // Only open channels bound a face: a culverted one runs under the streets (./channels.ts).
  const verdicts = classifyWaterways(waterFeatures, waterRings);
  const openWaterLines = waterFeatures.filter((_, i) => !verdicts[i]?.covered).flat();
  const stations = new Map<string, Pos[]>();
  for (const f of read(STOPS, Stops).features) {
    if (f.properties.kind !== 'station') continue;
    const list = stations.get(f.properties.name) ?? [];
    list.push([f.geometry.coordinates[0], f.geometry.coordinates[1]]);
    stations.set(f.properties.name, list);
  }
  const subdistricts = new Map<string, GeoJSON.Polygon | GeoJSON.MultiPolygon>();
  for (const f of read(SUBDISTRICTS, Subdistricts).features)
    subdistricts.set(f.properties.name, f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
  const district = read(DISTRICT, Subdistricts).features[0]?.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon | undefined;
  return {
    roads: buildNetwork(links),
    roadLines,
    roadLineClass,
    waterways: buildNetwork(linksFromLines(waterLines)),
    waterRings,
    waterLines: openWaterLines,
    station: (name) => {
      const ps = stations.get(name);
      if (!ps) return undefined;
      return [ps.reduce((s, p) => s + p[0], 0) / ps.length, ps.reduce((s, p) => s + p[1], 0) / ps.length];
    },
    feature,
    subdistrict: (name) => subdistricts.get(name),
    district,
  };
}

export function derivationInfo(spec: DerivationT, inputs: string[], measures: Record<string, number>): DerivationInfoT {
  const info: DerivationInfoT = { method: spec.method, inputs, uncertainty_m: spec.uncertainty_m, measures };
  if (spec.uncertainty_why) info.uncertainty_why = spec.uncertainty_why;
  return info;
}

export interface GroundBuild {
  ground: GroundCollectionT;
  streets: StreetNameCollectionT;
  /** Every derived geometry by id (features and streets), for gazetteer records that reuse one. */
  byId: Map<string, { geometry: GeoJSON.Geometry; info: DerivationInfoT; source: string }>;
  ctx: DeriveContext;
}

function readList<S extends z.ZodType>(dir: string, file: string, schema: S) {
  const path = resolve(dir, file);
  if (!existsSync(path)) return [];
  return parseRecordsFile(readFileSync(path, 'utf8'), `geodata/ground/${file}`, schema);
}

const cache = new Map<string, GroundBuild>();

/** Derives every ground feature and street; the first failure stops the build with file and line. */
export function buildGround(sourcesDir: string, groundDir: string): GroundBuild {
  const key = `${sourcesDir}\n${groundDir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const byId: GroundBuild['byId'] = new Map();
  const ctx = loadDeriveContext(sourcesDir, (id) => byId.get(id)?.geometry);
  const features = readList(groundDir, 'features.yaml', GroundFeatureRecord);
  const streets = readList(groundDir, 'streets.yaml', StreetRecord);
  const run = (r: GroundFeatureRecordT | StreetRecordT, file: string, line: number) => {
    if (byId.has(r.id)) throw new InputError(`duplicate ground id "${r.id}"`, { file, line, field: 'id' });
    try {
      const d = derive(r.derive, ctx);
      const geometry = {
        ...d.geometry,
        coordinates: roundCoords((d.geometry as unknown as { coordinates: never }).coordinates),
      } as GeoJSON.Geometry;
      byId.set(r.id, { geometry, info: derivationInfo(r.derive, d.inputs, d.measures), source: r.source.ref });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`"${r.id}" (${r.name}): ${(e as Error).message}`, { file, line, field: 'derive' });
    }
  };
  for (const { record, line } of features) run(record, 'geodata/ground/features.yaml', line);
  for (const { record, line } of streets) run(record, 'geodata/ground/streets.yaml', line);
  const ground: GroundCollectionT = {
    type: 'FeatureCollection',
    features: features.map(({ record: r }) => {
      const d = byId.get(r.id) as { geometry: GeoJSON.Geometry; info: DerivationInfoT };
      return {
        type: 'Feature',
        geometry: d.geometry as GroundCollectionT['features'][number]['geometry'],
        properties: {
          id: r.id,
          name: r.name,
          name_en: r.name_en,
          kind: r.kind,
          derived: true,
          uncertainty_m: r.derive.uncertainty_m,
          method: r.derive.method,
          source: r.source.ref,
        },
      };
    }),
  };
  const streetsOut: StreetNameCollectionT = {
    type: 'FeatureCollection',
    features: streets.map(({ record: r }) => ({
      type: 'Feature',
      geometry: byId.get(r.id)?.geometry as StreetNameCollectionT['features'][number]['geometry'],
      properties: { id: r.id, name: r.name, name_en: r.name_en, uncertainty_m: r.derive.uncertainty_m, source: r.source.ref },
    })),
  };
  const out = { ground, streets: streetsOut, byId, ctx };
  cache.set(key, out);
  return out;
}
