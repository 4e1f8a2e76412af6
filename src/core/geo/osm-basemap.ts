import { z } from 'zod';
import { AreaGeometry, featureCollection, LineStringGeom, MultiLineStringGeom } from './schema';

/**
 * The optional full street basemap built from an OpenStreetMap extract (`npm run basemap`). It is
 * written as GeoJSON beside the app (public/basemap-osm/ by default) and found at run time through
 * its manifest; without one the app draws the embedded default basemap (./basemap.ts).
 */

export { OSM_ATTRIBUTION, OSM_BASEMAP_DIR, OSM_BASEMAP_FORMAT, OSM_MANIFEST_FILE } from './osm-basemap-names';

import { OSM_BASEMAP_FORMAT } from './osm-basemap-names';

const LineGeometry = z.discriminatedUnion('type', [LineStringGeom, MultiLineStringGeom]);
const Name = z.string().min(1).nullable();

/**
 * Road classes, from OSM's highway=*. `hutong` is a minor road, service road or pedestrian street
 * whose name is a hutong's (胡同, 斜街, 夹道, 巷, …条): OSM has no tag for it, and the map draws
 * them apart because they are what a visitor to 西城 walks.
 */
export const OSM_ROAD_CLASSES = [
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'minor',
  'hutong',
  'service',
  'pedestrian',
  'path',
] as const;
export type OsmRoadClass = (typeof OSM_ROAD_CLASSES)[number];

export const OsmRoadProps = z.object({ class: z.enum(OSM_ROAD_CLASSES), name: Name, name_en: Name }).strict();
export const OsmRoadCollection = featureCollection(LineGeometry, OsmRoadProps);
export type OsmRoadCollectionT = z.infer<typeof OsmRoadCollection>;

const OsmWaterArea = z.object({
  type: z.literal('Feature'),
  geometry: AreaGeometry,
  properties: z.object({ kind: z.literal('area'), name: Name }).strict(),
});
const OsmWaterLine = z.object({
  type: z.literal('Feature'),
  geometry: LineGeometry,
  properties: z
    .object({
      kind: z.literal('line'),
      name: Name,
      waterway: z.enum(['river', 'canal', 'stream', 'drain', 'ditch']),
      /** In a culvert or tunnel: no open water to draw. */
      covered: z.boolean(),
    })
    .strict(),
});
export const OsmWaterCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union([OsmWaterArea, OsmWaterLine])),
});
export type OsmWaterCollectionT = z.infer<typeof OsmWaterCollection>;

export const OSM_GREEN_CLASSES = ['park', 'garden', 'grass', 'wood'] as const;
export const OsmParkProps = z.object({ class: z.enum(OSM_GREEN_CLASSES), name: Name }).strict();
export const OsmParkCollection = featureCollection(AreaGeometry, OsmParkProps);
export type OsmParkCollectionT = z.infer<typeof OsmParkCollection>;

export const OsmBuildingProps = z.object({ name: Name }).strict();
export const OsmBuildingCollection = featureCollection(AreaGeometry, OsmBuildingProps);
export type OsmBuildingCollectionT = z.infer<typeof OsmBuildingCollection>;

export const OSM_RAIL_CLASSES = ['rail', 'light_rail', 'subway', 'tram', 'narrow_gauge', 'monorail'] as const;
export const OsmRailwayProps = z.object({ class: z.enum(OSM_RAIL_CLASSES), name: Name, tunnel: z.boolean() }).strict();
export const OsmRailwayCollection = featureCollection(LineGeometry, OsmRailwayProps);
export type OsmRailwayCollectionT = z.infer<typeof OsmRailwayCollection>;

/** Every file of the OSM basemap, with the schema it is written and read with. */
export const OSM_BASEMAP_FILES = {
  'roads.geojson': OsmRoadCollection,
  'water.geojson': OsmWaterCollection,
  'parks.geojson': OsmParkCollection,
  'buildings.geojson': OsmBuildingCollection,
  'railways.geojson': OsmRailwayCollection,
} as const;
export type OsmBasemapFile = keyof typeof OSM_BASEMAP_FILES;
export const OSM_BASEMAP_FILE_NAMES = Object.keys(OSM_BASEMAP_FILES) as OsmBasemapFile[];

const FileEntry = z
  .object({
    file: z.enum(OSM_BASEMAP_FILE_NAMES as [OsmBasemapFile, ...OsmBasemapFile[]]),
    features: z.number().int().min(0),
    bytes: z.number().int().min(0),
    gzipBytes: z.number().int().min(0),
  })
  .strict();

/**
 * The manifest. `present: false` is what a build without an OSM basemap ships, so the app's check
 * is an ordinary 200 rather than a 404 that the browser would log as an error in the console.
 */
export const OsmManifest = z.discriminatedUnion('present', [
  z.object({ format: z.literal(OSM_BASEMAP_FORMAT), present: z.literal(false) }).strict(),
  z
    .object({
      format: z.literal(OSM_BASEMAP_FORMAT),
      present: z.literal(true),
      version: z.literal(1),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      /** The extract's file name (not its path: the manifest is published). */
      source: z.string().min(1),
      /** The newest object timestamp in the clipped data: "OSM data as of". Null when the extract has none. */
      dataTimestamp: z.string().nullable(),
      attribution: z.string().min(1),
      files: z.array(FileEntry).length(OSM_BASEMAP_FILE_NAMES.length),
    })
    .strict(),
]);
export type OsmManifestT = z.infer<typeof OsmManifest>;
export type OsmManifestPresent = Extract<OsmManifestT, { present: true }>;

const HUTONG_NAME = /(胡同|斜街|夹道|巷|[一二三四五六七八九十头]条)$/;

/** The road class of an OSM way's tags, or null when it is not a road the map draws. */
export function roadClass(tags: Readonly<Record<string, string>>): OsmRoadClass | null {
  const h = tags.highway;
  if (!h || tags.area === 'yes') return null;
  const base = h.replace(/_link$/, '');
  if (base === 'motorway' || base === 'trunk' || base === 'primary' || base === 'secondary' || base === 'tertiary') return base;
  const hutong = HUTONG_NAME.test(tags.name ?? '');
  if (h === 'residential' || h === 'unclassified' || h === 'living_street' || h === 'road') return hutong ? 'hutong' : 'minor';
  if (h === 'service') return hutong ? 'hutong' : 'service';
  if (h === 'pedestrian') return hutong ? 'hutong' : 'pedestrian';
  if (h === 'footway' || h === 'path' || h === 'steps' || h === 'cycleway' || h === 'track' || h === 'bridleway') return 'path';
  // construction, proposed, platform, bus_stop, corridor …: not streets on the ground.
  return null;
}

const WATER_AREA = (t: Readonly<Record<string, string>>) =>
  t.natural === 'water' || t.waterway === 'riverbank' || t.landuse === 'reservoir' || t.landuse === 'basin';

/** Water: 'area' for polygons of water, the waterway kind for lines, else null. */
export function waterKind(tags: Readonly<Record<string, string>>): 'area' | z.infer<typeof OsmWaterLine>['properties']['waterway'] | null {
  if (WATER_AREA(tags)) return 'area';
  const w = tags.waterway;
  return w === 'river' || w === 'canal' || w === 'stream' || w === 'drain' || w === 'ditch' ? w : null;
}

export function greenClass(tags: Readonly<Record<string, string>>): (typeof OSM_GREEN_CLASSES)[number] | null {
  if (tags.leisure === 'park' || tags.leisure === 'nature_reserve') return 'park';
  if (tags.leisure === 'garden') return 'garden';
  if (tags.landuse === 'forest' || tags.natural === 'wood') return 'wood';
  if (tags.landuse === 'grass' || tags.landuse === 'recreation_ground' || tags.landuse === 'village_green' || tags.landuse === 'meadow')
    return 'grass';
  return null;
}

export function railClass(tags: Readonly<Record<string, string>>): (typeof OSM_RAIL_CLASSES)[number] | null {
  const r = tags.railway;
  return (OSM_RAIL_CLASSES as readonly string[]).includes(r ?? '') ? (r as (typeof OSM_RAIL_CLASSES)[number]) : null;
}

export const isBuilding = (tags: Readonly<Record<string, string>>): boolean => !!tags.building && tags.building !== 'no';
