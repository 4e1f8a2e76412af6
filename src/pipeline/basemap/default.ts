/**
 * The default basemap: the shared sources reduced to what the map draws around 西城区, written
 * as small, validated, deterministic GeoJSON files (geodata/basemap/).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import area from '@turf/area';
import pointOnFeature from '@turf/point-on-feature';
import { z } from 'zod';
import {
  BASEMAP_BBOX,
  BASEMAP_FILES,
  BASEMAP_GZIP_BUDGET,
  type BasemapDistrictCollectionT,
  type BasemapFile,
  type CoverageCollectionT,
  type RailStationCollectionT,
  ROAD_DATA_EAST_LIMIT,
  ROAD_DATA_SOUTH_LIMIT,
  type RoadCollectionT,
  type StationCollectionT,
  type SubwayLineCollectionT,
  type WaterCollectionT,
} from '../../core/geo/basemap';
import { classifyWaterways } from '../../core/geo/channels';
import {
  clipLine,
  clipRing,
  lineLength,
  mergeLines,
  metresPerDegree,
  type Pos,
  pointSegmentDistance,
  roundPath,
  segmentLength,
  simplifyLine,
  tidyRing,
} from '../../core/geo/clip';
import type { StreetNameCollectionT } from '../../core/geo/ground';
import { AreaGeometry, featureCollection, LineStringGeom, MultiLineStringGeom, PointGeom } from '../../core/geo/schema';
import { parseJsonWithSchema } from '../../core/io/json';
import { romanize } from '../../core/text/pinyin';
import { buildGround } from '../ground';
import { GEODATA } from '../paths';
import { Outputs } from '../write';

/** Street lines at the basemap's precision, simplified like the roads they run on. */
function roundStreets(c: StreetNameCollectionT): StreetNameCollectionT {
  return {
    ...c,
    features: c.features.map((f) => ({
      ...f,
      geometry: lineGeometry(
        linesOf(f.geometry).flatMap((l) => {
          const t = tidyLine(l);
          return t ? [t] : [];
        }),
      ) as StreetNameCollectionT['features'][number]['geometry'],
    })),
  };
}

/**
 * 5 decimals is 1.1 m north–south and 0.85 m east–west here: finer than any of these sources
 * (road links are 3–10 m off OSM, the water is quantised at 3.7 m) and it saves ~15 % over 6.
 */
const DIGITS = 5;
/** Douglas–Peucker tolerance: under a pixel up to zoom 17, where the sources' own error dominates. */
const SIMPLIFY_M = 1;
/** Districts are generalised outlines already; a coarser tolerance loses nothing visible. */
const DISTRICT_SIMPLIFY_M = 10;
/** Districts whose part inside the box is smaller than this are slivers, not context. */
const MIN_DISTRICT_KM2 = 0.5;
/** Two districts are neighbours when this many vertices of one lie this close to the other's edge. */
const NEIGHBOUR_M = 60;
const NEIGHBOUR_MIN_VERTICES = 3;
/** Stop positions of one station on opposite platforms or tracks lie within this distance (m). */
const SAME_STOP_M = 250;
/** The source gives no colour for some lines; they are drawn in a neutral grey rather than a guessed one. */
export const UNKNOWN_LINE_COLOUR = '#8a8a8a';

const LineGeometry = z.discriminatedUnion('type', [LineStringGeom, MultiLineStringGeom]);
const SourceRoads = featureCollection(LineGeometry, z.object({ road_class: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).loose());
const SourceWater = featureCollection(
  z.discriminatedUnion('type', [...AreaGeometry.options, LineStringGeom, MultiLineStringGeom]),
  z.object({ kind: z.enum(['water_area', 'waterway_line']) }).loose(),
);
const SourceDistricts = featureCollection(AreaGeometry, z.object({ name: z.string().min(1), adcode: z.number().int() }).loose());
const SourceStops = featureCollection(
  PointGeom,
  z.object({ name: z.string().min(1), kind: z.string(), lines: z.array(z.string()).nullable(), osm_id: z.string() }).loose(),
);
const SourceLines = featureCollection(
  LineStringGeom,
  z.object({ osm_id: z.string(), name: z.string(), ref: z.string(), colour: z.string().nullable() }).loose(),
);
const SourceRail = featureCollection(
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

type Pos2 = Pos;
const linesOf = (g: { type: 'LineString'; coordinates: number[][] } | { type: 'MultiLineString'; coordinates: number[][][] }): Pos2[][] =>
  (g.type === 'LineString' ? [g.coordinates] : g.coordinates).map((l) => l.map((p) => [p[0], p[1]] as Pos2));
const polygonsOf = (
  g: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] },
): Pos2[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((pl) => pl.map((r) => r.map((p) => [p[0], p[1]] as Pos2)));

function tidyLine(l: Pos2[], tol = SIMPLIFY_M): Pos2[] | null {
  const out = roundPath(simplifyLine(l, tol), DIGITS);
  return out.length >= 2 ? out : null;
}

function lineGeometry(parts: Pos2[][]) {
  return parts.length === 1
    ? { type: 'LineString' as const, coordinates: parts[0] as Pos2[] }
    : { type: 'MultiLineString' as const, coordinates: parts };
}

/** Clips polygons to the box, then simplifies and rounds; rings that collapse are dropped. */
function clipPolygons(polys: Pos2[][][], tol: number) {
  const out: Pos2[][][] = [];
  for (const rings of polys) {
    const [outer, ...holes] = rings.map((r) => tidyRing(clipRing(r, BASEMAP_BBOX), tol, DIGITS));
    if (!outer?.length) continue;
    out.push([outer, ...holes.filter((h) => h.length)]);
  }
  if (out.length === 0) return null;
  return out.length === 1
    ? { type: 'Polygon' as const, coordinates: out[0] as Pos2[][] }
    : { type: 'MultiPolygon' as const, coordinates: out };
}

function read<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  return parseJsonWithSchema(readFileSync(resolve(dir, file), 'utf8'), file, schema);
}

export function buildRoads(sourcesDir: string): RoadCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.roads, SourceRoads);
  const byClass = new Map<1 | 2 | 3, Pos2[][]>([
    [1, []],
    [2, []],
    [3, []],
  ]);
  const ordered = src.features
    .map((f, i) => ({ f, id: Number((f.properties as { link_id?: unknown }).link_id ?? i) }))
    .sort((a, b) => a.id - b.id);
  for (const { f } of ordered)
    for (const l of linesOf(f.geometry)) for (const part of clipLine(l, BASEMAP_BBOX)) byClass.get(f.properties.road_class)?.push(part);
  // Merge before simplifying, so a road is simplified as one line rather than link by link.
  const features = [...byClass].map(([cls, parts]) => ({
    type: 'Feature' as const,
    properties: { class: cls },
    geometry: lineGeometry(
      mergeLines(parts).flatMap((l) => {
        const t = tidyLine(l);
        return t ? [t] : [];
      }),
    ),
  }));
  return { type: 'FeatureCollection', features };
}

export interface WaterBuild {
  water: WaterCollectionT;
  /** Each covered line, with how it was recognised (for the report of the build). */
  covered: Array<{ channel: string | null; why: string; lengthM: number }>;
}

export function buildWater(sourcesDir: string): WaterBuild {
  const src = read(sourcesDir, SOURCE_FILES.water, SourceWater);
  const areaRings: Pos2[][] = [];
  const areas: WaterCollectionT['features'] = [];
  const lines: Pos2[][][] = [];
  for (const f of src.features) {
    const g = f.geometry;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const polys = polygonsOf(g);
      for (const pl of polys) areaRings.push(...pl);
      const clipped = clipPolygons(polys, SIMPLIFY_M);
      if (clipped) areas.push({ type: 'Feature', geometry: clipped, properties: { kind: 'area', covered: false } });
    } else {
      const parts = linesOf(g).flatMap((l) => clipLine(l, BASEMAP_BBOX));
      if (parts.length) lines.push(parts);
    }
  }
  const verdicts = classifyWaterways(lines, areaRings);
  const covered: WaterBuild['covered'] = [];
  const lineFeatures: WaterCollectionT['features'] = [];
  lines.forEach((parts, i) => {
    const v = verdicts[i] ?? { covered: false, channel: null, why: null };
    const tidy = parts.flatMap((l) => {
      const t = tidyLine(l);
      return t ? [t] : [];
    });
    if (!tidy.length) return;
    if (v.covered) {
      const lengthM = Math.round(tidy.reduce((sum, l) => sum + lineLength(l), 0));
      covered.push({ channel: v.channel, why: v.why ?? '', lengthM });
    }
    lineFeatures.push({
      type: 'Feature',
      geometry: lineGeometry(tidy),
      properties: { kind: 'line', covered: v.covered, channel: v.channel },
    });
  });
  return { water: { type: 'FeatureCollection', features: [...areas, ...lineFeatures] }, covered };
}

/** Whether enough vertices of `a` lie on `b`'s edge for the two to share a boundary. */
function sharesBoundary(a: Pos2[][], b: Pos2[][]): boolean {
  const k = metresPerDegree(40);
  const m = (p: Pos2): Pos2 => [p[0] * k.x, p[1] * k.y];
  const segs = b.flatMap((r) => r.slice(1).map((p, i) => [m(r[i] as Pos2), m(p)] as [Pos2, Pos2]));
  let n = 0;
  for (const r of a)
    for (const p of r) {
      const q = m(p);
      if (segs.some(([s, e]) => pointSegmentDistance(q, s, e) <= NEIGHBOUR_M) && ++n >= NEIGHBOUR_MIN_VERTICES) return true;
    }
  return false;
}

function ringsBBox(rings: Pos2[][]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  for (const r of rings)
    for (const p of r) {
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]);
      b[3] = Math.max(b[3], p[1]);
    }
  return b;
}

export function buildDistricts(sourcesDir: string): BasemapDistrictCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.districts, SourceDistricts);
  const all = src.features
    .map((f) => ({ name: f.properties.name, adcode: String(f.properties.adcode), rings: polygonsOf(f.geometry).flat(), f }))
    .sort((a, b) => a.adcode.localeCompare(b.adcode));
  const boxes = all.map((d) => ringsBBox(d.rings));
  const slack = 0.001;
  const features: BasemapDistrictCollectionT['features'] = [];
  all.forEach((d, i) => {
    const geometry = clipPolygons(polygonsOf(d.f.geometry), DISTRICT_SIMPLIFY_M);
    if (!geometry) return;
    const feature = { type: 'Feature' as const, properties: {}, geometry };
    if (area(feature) / 1e6 < MIN_DISTRICT_KM2) return;
    const bi = boxes[i] as number[];
    const neighbours = all
      .filter((o, j) => {
        const bj = boxes[j] as number[];
        const overlap =
          (bi[0] ?? 0) - slack <= (bj[2] ?? 0) &&
          (bj[0] ?? 0) - slack <= (bi[2] ?? 0) &&
          (bi[1] ?? 0) - slack <= (bj[3] ?? 0) &&
          (bj[1] ?? 0) - slack <= (bi[3] ?? 0);
        return j !== i && overlap && sharesBoundary(d.rings, o.rings);
      })
      .map((o) => o.name);
    const label = pointOnFeature(feature).geometry.coordinates;
    features.push({
      type: 'Feature',
      id: d.adcode,
      geometry,
      properties: {
        name: d.name,
        name_en: `${romanize(d.name.replace(/区$/, ''))} District`,
        adcode: d.adcode,
        neighbours,
        label: [roundTo(label[0] as number), roundTo(label[1] as number)],
      },
    });
  });
  return { type: 'FeatureCollection', features };
}

const roundTo = (n: number) => Math.round(n * 10 ** DIGITS) / 10 ** DIGITS;
const inBox = (p: number[]) =>
  (p[0] ?? NaN) >= BASEMAP_BBOX[0] &&
  (p[0] ?? NaN) <= BASEMAP_BBOX[2] &&
  (p[1] ?? NaN) >= BASEMAP_BBOX[1] &&
  (p[1] ?? NaN) <= BASEMAP_BBOX[3];

/** Line refs sort as numbers first (2 before 10), then the rest by code point: stable on any machine. */
function compareRefs(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : Number.POSITIVE_INFINITY;
  const nb = /^\d+$/.test(b) ? Number(b) : Number.POSITIVE_INFINITY;
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "地铁 1号线/八通线: 古城 → 环球度假区" → "1号线"; "北京地铁3号线 东四十条 → …" → "3号线". */
export function lineDisplayName(routeName: string, ref: string): string {
  const stripped = routeName.replace(/^(北京)?(地铁|轻轨|磁悬浮)\s*/, '');
  return stripped.match(/[^\s:：/→>-]+线/)?.[0] ?? ref;
}

function lineIndex(sourcesDir: string) {
  const src = read(sourcesDir, SOURCE_FILES.lines, SourceLines);
  const routes = [...src.features].sort((a, b) =>
    a.properties.osm_id < b.properties.osm_id ? -1 : a.properties.osm_id > b.properties.osm_id ? 1 : 0,
  );
  const colour = new Map<string, string>();
  const name = new Map<string, string>();
  for (const r of routes) {
    const { ref } = r.properties;
    const c = r.properties.colour?.toLowerCase();
    if (c && /^#[0-9a-f]{6}$/.test(c) && !colour.has(ref)) colour.set(ref, c);
    if (!name.has(ref)) name.set(ref, lineDisplayName(r.properties.name, ref));
  }
  return { routes, colour: (ref: string) => colour.get(ref) ?? UNKNOWN_LINE_COLOUR, name: (ref: string) => name.get(ref) ?? ref };
}

export function buildStations(sourcesDir: string): StationCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.stops, SourceStops);
  const lines = lineIndex(sourcesDir);
  const groups = new Map<string, Array<{ p: number[]; lines: string[] }>>();
  for (const f of src.features) {
    if (f.properties.kind !== 'station' || !inBox(f.geometry.coordinates)) continue;
    const list = groups.get(f.properties.name) ?? [];
    list.push({ p: f.geometry.coordinates, lines: f.properties.lines ?? [] });
    groups.set(f.properties.name, list);
  }
  const features: StationCollectionT['features'] = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, members]) => {
      const refs = [...new Set(members.flatMap((m) => m.lines))].sort(compareRefs);
      // Interchanges have one stop area per line a few dozen metres apart; the label goes between them.
      const lon = members.reduce((s, m) => s + (m.p[0] ?? 0), 0) / members.length;
      const lat = members.reduce((s, m) => s + (m.p[1] ?? 0), 0) / members.length;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [roundTo(lon), roundTo(lat)] },
        properties: { name, lines: refs, colours: refs.map(lines.colour) },
      };
    });
  return { type: 'FeatureCollection', features };
}

export function buildSubwayLines(sourcesDir: string): SubwayLineCollectionT {
  const lines = lineIndex(sourcesDir);
  const segments = new Map<string, { hops: Array<[Pos2, Pos2]>; parts: Pos2[][] }>();
  const near = (p: Pos2, q: Pos2) => segmentLength(p, q) <= SAME_STOP_M;
  for (const r of lines.routes) {
    const { ref } = r.properties;
    const entry = segments.get(ref) ?? { hops: [], parts: [] };
    segments.set(ref, entry);
    const coords = r.geometry.coordinates.map((p) => [roundTo(p[0] as number), roundTo(p[1] as number)] as Pos2);
    // Each line is mapped once per direction, through stop positions on opposite platforms: keep
    // each station-to-station hop once, whichever direction drew it first.
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1] as Pos2;
      const b = coords[i] as Pos2;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      if (entry.hops.some(([c, d]) => (near(a, c) && near(b, d)) || (near(a, d) && near(b, c)))) continue;
      entry.hops.push([a, b]);
      for (const part of clipLine([a, b], BASEMAP_BBOX)) entry.parts.push(roundPath(part, DIGITS));
    }
  }
  const features: SubwayLineCollectionT['features'] = [...segments]
    .filter(([, e]) => e.parts.some((p) => p.length >= 2))
    .sort(([a], [b]) => compareRefs(a, b))
    .map(([ref, e]) => ({
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: mergeLines(e.parts.filter((p) => p.length >= 2)) },
      properties: { ref, name: lines.name(ref), colour: lines.colour(ref) },
    }));
  return { type: 'FeatureCollection', features };
}

export function buildRailStations(sourcesDir: string): RailStationCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.rail, SourceRail);
  const features: RailStationCollectionT['features'] = src.features
    .filter((f) => inBox(f.geometry.coordinates) && (f.properties.railway === 'station' || f.properties.railway === 'halt'))
    .sort((a, b) => (a.properties.osm_id < b.properties.osm_id ? -1 : 1))
    .map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [roundTo(f.geometry.coordinates[0]), roundTo(f.geometry.coordinates[1])] },
      properties: { name: f.properties.name, name_en: f.properties.name_en, railway: f.properties.railway as 'station' | 'halt' },
    }));
  return { type: 'FeatureCollection', features };
}

/** Where the road source has no data inside the box, so the map can say so rather than look empty. */
export function buildCoverage(): CoverageCollectionT {
  const [w, s, e, n] = BASEMAP_BBOX;
  const south = ROAD_DATA_SOUTH_LIMIT;
  const east = ROAD_DATA_EAST_LIMIT;
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, south],
              [w, south],
              [w, s],
            ],
          ],
        },
        properties: {
          kind: 'no-road-data',
          side: 'south',
          note_zh: `道路数据未覆盖 ${south}°N 以南`,
          note_en: `no road data south of ${south}°N`,
        },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [east, south],
              [e, south],
              [e, n],
              [east, n],
              [east, south],
            ],
          ],
        },
        properties: {
          kind: 'no-road-data',
          side: 'east',
          note_zh: `道路数据未覆盖 ${east}°E 以东`,
          note_en: `no road data east of ${east}°E`,
        },
      },
    ],
  };
}

export interface BasemapBuild {
  files: string[];
  /** Raw bytes of all files written. */
  bytes: number;
  gzipBytes: number;
  sizes: Array<{ file: string; bytes: number; gzipBytes: number }>;
  covered: WaterBuild['covered'];
}

/** Builds the default basemap; written at once at the end, or held in `staged` for the caller to commit. */
export function buildDefaultBasemap(
  sourcesDir: string,
  outDir: string,
  staged?: Outputs,
  groundDir = resolve(GEODATA, 'ground'),
): BasemapBuild {
  const out = staged ?? new Outputs();
  const { water, covered } = buildWater(sourcesDir);
  const ground = buildGround(sourcesDir, groundDir);
  const outputs: { [F in BasemapFile]: unknown } = {
    'roads.geojson': buildRoads(sourcesDir),
    'water.geojson': water,
    'districts.geojson': buildDistricts(sourcesDir),
    'stations.geojson': buildStations(sourcesDir),
    'subway-lines.geojson': buildSubwayLines(sourcesDir),
    'rail-stations.geojson': buildRailStations(sourcesDir),
    'coverage.geojson': buildCoverage(),
    'ground.geojson': ground.ground,
    'street-names.geojson': roundStreets(ground.streets),
  };
  const sizes: BasemapBuild['sizes'] = [];
  for (const file of Object.keys(BASEMAP_FILES) as BasemapFile[]) {
    const text = out.add(resolve(outDir, file), BASEMAP_FILES[file] as z.ZodType, outputs[file]);
    const raw = Buffer.from(text);
    sizes.push({ file, bytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length });
  }
  const bytes = sizes.reduce((s, x) => s + x.bytes, 0);
  const gzipBytes = sizes.reduce((s, x) => s + x.gzipBytes, 0);
  if (gzipBytes > BASEMAP_GZIP_BUDGET)
    throw new Error(
      `basemap is ${gzipBytes} bytes gzipped, over its budget of ${BASEMAP_GZIP_BUDGET}: simplify further or switch to tiles`,
    );
  if (!staged) out.commit();
  return { files: sizes.map((s) => resolve(outDir, s.file)), bytes, gzipBytes, sizes, covered };
}
