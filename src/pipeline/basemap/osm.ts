/**
 * The full street basemap from an OpenStreetMap extract (.osm.pbf or .osm XML): osmium-tool (a
 * Debian package) cuts the app's box out of the extract, keeps the tags the map draws and
 * assembles areas, multipolygon relations included (什刹海 is one); this module classifies,
 * clips, simplifies and writes small validated GeoJSON files plus the manifest the app looks for.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { BASEMAP_BBOX } from '../../core/geo/basemap';
import { SubdistrictCollection, type SubdistrictCollectionT } from '../../core/geo/boundaries';
import { clipLine, mergeLines, type Pos, roundPath, simplifyLine } from '../../core/geo/clip';
import { formatBounds, subdistrictsWithoutRoads } from '../../core/geo/extract-coverage';
import {
  greenClass,
  isBuilding,
  OSM_ATTRIBUTION,
  OSM_BASEMAP_FILE_NAMES,
  OSM_BASEMAP_FILES,
  OSM_BASEMAP_FORMAT,
  OSM_MANIFEST_FILE,
  type OsmBasemapFile,
  type OsmBuildingCollectionT,
  OsmManifest,
  type OsmManifestPresent,
  type OsmParkCollectionT,
  type OsmRailwayCollectionT,
  type OsmRoadCollectionT,
  type OsmWaterCollectionT,
  railClass,
  roadClass,
  waterKind,
} from '../../core/geo/osm-basemap';
import { parseJsonWithSchema } from '../../core/io/json';
import { GEODATA } from '../paths';
import { Outputs } from '../write';
import { clipPolygons, lineGeometry, linesOf, polygonsOf } from './shape';

/** The Debian packages the command runs, and the line that installs them. */
export const OSM_TOOLS = [{ command: 'osmium', pkg: 'osmium-tool' }] as const;
export const OSM_TOOLS_INSTALL = `sudo apt-get install -y ${OSM_TOOLS.map((t) => t.pkg).join(' ')}`;

/** 5 decimals is ~1 m: the accuracy of OSM street geometry itself, and ~15 % smaller than 6. */
const DIGITS = 5;
/** Buildings keep 6 decimals: a 1 m grid visibly skews a 6 m house at zoom 18. */
const BUILDING_DIGITS = 6;
const SIMPLIFY_M = 0.7;
const BUILDING_SIMPLIFY_M = 0.3;

/**
 * Only what the map draws is kept before areas are assembled, so osmium never builds polygons for
 * the thousands of landuse and boundary objects of a city-sized extract.
 */
const TAG_FILTERS = [
  'w/highway',
  'w/railway',
  'nwr/natural=water,wood',
  'nwr/waterway',
  'nwr/landuse=reservoir,basin,forest,grass,recreation_ground,village_green,meadow',
  'nwr/leisure=park,garden,nature_reserve',
  'nwr/building',
];

export class MissingToolError extends Error {}
/** The extract does not cover Xicheng: nothing is written, the previous basemap stays. */
export class ExtractCoverageError extends Error {}

export interface OsmBuildOptions {
  /** Accept an extract that covers only some of the 街道 (never one that covers none). */
  allowPartial?: boolean;
  /** The 街道 to cover; geodata/subdistricts.geojson by default. */
  subdistricts?: SubdistrictCollectionT;
}

/** The bounds of the located data in an OSM file, from osmium; undefined when it has none. */
function dataBounds(file: string): number[] | undefined {
  const m = osmium(['fileinfo', '--extended', '--get', 'data.bbox', file]).match(/\(([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)\)/);
  return m ? m.slice(1, 5).map(Number) : undefined;
}

/** Refuses an extract whose streets leave some (or all) of the 街道 empty, naming its bounds. */
function checkCoverage(extract: string, data: OsmBasemapData, o: OsmBuildOptions): void {
  const sd =
    o.subdistricts ??
    parseJsonWithSchema(
      readFileSync(resolve(GEODATA, 'subdistricts.geojson'), 'utf8'),
      'geodata/subdistricts.geojson',
      SubdistrictCollection,
    );
  const missing = subdistrictsWithoutRoads(data.roads.features, sd);
  if (missing.length === 0 || (o.allowPartial && missing.length < sd.features.length)) return;
  const b = dataBounds(resolve(extract));
  const all = sd.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  const xs = all.flatMap((p) => p.flatMap((r) => r.map((c) => c[0] as number)));
  const ys = all.flatMap((p) => p.flatMap((r) => r.map((c) => c[1] as number)));
  const xicheng = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((v) => Math.round(v * 1000) / 1000);
  const where = b ? `its data spans ${formatBounds(b)}` : 'it holds no located data';
  const none = missing.length === sd.features.length;
  throw new ExtractCoverageError(
    `${basename(extract)} does not cover Xicheng: ${where}; Xicheng spans ${formatBounds(xicheng)}; ` +
      (none
        ? `not one of its ${sd.features.length} 街道 has a street in it. `
        : `${missing.length} of its ${sd.features.length} 街道 (${missing.join('、')}) have no street in it. `) +
      `Nothing was written; the previous basemap is kept. Use an extract that contains Beijing${none ? '' : ', or pass --allow-partial to build from this one'}.`,
  );
}

/** Throws, naming the exact apt-get line, when a tool the command needs is not on PATH. */
export function checkOsmTools(): void {
  const missing = OSM_TOOLS.filter((t) => spawnSync(t.command, ['--version'], { stdio: 'ignore' }).status !== 0);
  if (missing.length)
    throw new MissingToolError(
      `npm run basemap needs ${missing.map((t) => `${t.command} (Debian package ${t.pkg})`).join(', ')}, which is not installed.\n` +
        `Install it with:  sudo apt-get install -y ${missing.map((t) => t.pkg).join(' ')}`,
    );
}

function osmium(args: string[]): string {
  const r = spawnSync('osmium', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`osmium ${args[0]} failed (exit ${r.status}):\n${r.stderr || r.error?.message || ''}`);
  return r.stdout;
}

type Tags = Record<string, string>;
interface RawFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Tags & { '@type': string; '@id': number };
}

/**
 * Lines that share their properties are joined end to end before simplifying: a street mapped as
 * twenty ways becomes one line, which is smaller and lets its name be placed along its length.
 */
class LineGroups<P> {
  private readonly groups = new Map<string, { props: P; parts: Pos[][] }>();
  add(props: P, lines: Pos[][]): void {
    const key = JSON.stringify(props);
    let g = this.groups.get(key);
    if (!g) {
      g = { props, parts: [] };
      this.groups.set(key, g);
    }
    for (const l of lines) g.parts.push(...clipLine(l, BASEMAP_BBOX));
  }
  features(): Array<{ type: 'Feature'; properties: P; geometry: ReturnType<typeof lineGeometry> }> {
    const out: Array<{ type: 'Feature'; properties: P; geometry: ReturnType<typeof lineGeometry> }> = [];
    for (const { props, parts } of this.groups.values()) {
      const lines = mergeLines(parts.map((p) => roundPath(p, DIGITS))).flatMap((l) => {
        const t = roundPath(simplifyLine(l, SIMPLIFY_M), DIGITS);
        return t.length >= 2 ? [t] : [];
      });
      if (lines.length) out.push({ type: 'Feature', properties: props, geometry: lineGeometry(lines) });
    }
    return out;
  }
}

export interface OsmBasemapData {
  roads: OsmRoadCollectionT;
  water: OsmWaterCollectionT;
  parks: OsmParkCollectionT;
  buildings: OsmBuildingCollectionT;
  railways: OsmRailwayCollectionT;
}

const name = (t: Tags): string | null => t.name?.trim() || null;
const nameEn = (t: Tags): string | null => t['name:en']?.trim() || null;
const isTunnel = (t: Tags) => (t.tunnel !== undefined && t.tunnel !== 'no') || t.covered === 'yes';

/** Sorts osmium's features into the five layers. Pure: the unit tests feed it features directly. */
export function classifyFeatures(features: Iterable<RawFeature>): OsmBasemapData {
  const sorted = [...features].sort(
    (a, b) => a.properties['@type'].localeCompare(b.properties['@type']) || a.properties['@id'] - b.properties['@id'],
  );
  const roads = new LineGroups<OsmRoadCollectionT['features'][number]['properties']>();
  const waterLines = new LineGroups<Extract<OsmWaterCollectionT['features'][number]['properties'], { kind: 'line' }>>();
  const rails = new LineGroups<OsmRailwayCollectionT['features'][number]['properties']>();
  const waterAreas: OsmWaterCollectionT['features'] = [];
  const parks: OsmParkCollectionT['features'] = [];
  const buildings: OsmBuildingCollectionT['features'] = [];
  for (const f of sorted) {
    const t = f.properties;
    const isLine = f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString';
    if (isLine) {
      // osmium exports a closed way both as a line and as an area; each layer takes the one it draws.
      const rc = roadClass(t);
      if (rc) roads.add({ class: rc, name: name(t), name_en: nameEn(t) }, linesOf(f.geometry));
      const rl = railClass(t);
      if (rl) rails.add({ class: rl, name: name(t), tunnel: isTunnel(t) }, linesOf(f.geometry));
      const wk = waterKind(t);
      if (wk && wk !== 'area') waterLines.add({ kind: 'line', name: name(t), waterway: wk, covered: isTunnel(t) }, linesOf(f.geometry));
      continue;
    }
    const polys = polygonsOf(f.geometry);
    if (polys.length === 0) continue;
    if (waterKind(t) === 'area') {
      const g = clipPolygons(polys, SIMPLIFY_M, DIGITS);
      if (g) waterAreas.push({ type: 'Feature', properties: { kind: 'area', name: name(t) }, geometry: g });
    }
    const gc = greenClass(t);
    if (gc) {
      const g = clipPolygons(polys, SIMPLIFY_M, DIGITS);
      if (g) parks.push({ type: 'Feature', properties: { class: gc, name: name(t) }, geometry: g });
    }
    if (isBuilding(t)) {
      const g = clipPolygons(polys, BUILDING_SIMPLIFY_M, BUILDING_DIGITS);
      if (g) buildings.push({ type: 'Feature', properties: { name: name(t) }, geometry: g });
    }
  }
  const fc = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
  return {
    roads: fc(roads.features()),
    water: fc([...waterAreas, ...waterLines.features()]),
    parks: fc(parks),
    buildings: fc(buildings),
    railways: fc(rails.features()),
  };
}

async function readSeq(path: string): Promise<RawFeature[]> {
  const out: RawFeature[] = [];
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.trim()) out.push(JSON.parse(line) as RawFeature);
  return out;
}

export interface OsmBasemapBuild {
  manifest: OsmManifestPresent;
  dir: string;
}

/**
 * Builds the OSM basemap from an extract into outDir (created when missing; the five layer files
 * and the manifest are overwritten). Deterministic for a given extract.
 */
export async function buildOsmBasemap(extract: string, outDir: string, options: OsmBuildOptions = {}): Promise<OsmBasemapBuild> {
  checkOsmTools();
  const work = mkdtempSync(join(tmpdir(), 'atlas-osm-'));
  try {
    const clipped = join(work, 'clipped.osm.pbf');
    const filtered = join(work, 'filtered.osm.pbf');
    const seq = join(work, 'features.geojsonseq');
    const [w, s, e, n] = BASEMAP_BBOX;
    // "smart" keeps every way and multipolygon relation that reaches into the box complete, so a
    // lake or a park cut by the box edge is still assembled into a closed area.
    osmium(['extract', '--bbox', `${w},${s},${e},${n}`, '--strategy', 'smart', '--overwrite', '-o', clipped, resolve(extract)]);
    osmium(['tags-filter', '--overwrite', '-o', filtered, clipped, ...TAG_FILTERS]);
    osmium([
      'export',
      '--overwrite',
      '-f',
      'geojsonseq',
      '-x',
      'print_record_separator=false',
      '--geometry-types=linestring,polygon',
      '-a',
      'type,id',
      '-o',
      seq,
      filtered,
    ]);
    const timestamp = osmium(['fileinfo', '--extended', '--get', 'data.timestamp.last', clipped]).trim();
    const data = classifyFeatures(await readSeq(seq));
    checkCoverage(extract, data, options);
    // The five layers and the manifest are replaced together, or not at all.
    const outputs = new Outputs();
    const byFile: Record<OsmBasemapFile, unknown> = {
      'roads.geojson': data.roads,
      'water.geojson': data.water,
      'parks.geojson': data.parks,
      'buildings.geojson': data.buildings,
      'railways.geojson': data.railways,
    };
    const files = OSM_BASEMAP_FILE_NAMES.map((file) => {
      const text = outputs.add(resolve(outDir, file), OSM_BASEMAP_FILES[file] as z.ZodType, byFile[file]);
      const raw = Buffer.from(text);
      return {
        file,
        features: (byFile[file] as { features: unknown[] }).features.length,
        bytes: raw.length,
        gzipBytes: gzipSync(raw).length,
      };
    });
    const manifest: OsmManifestPresent = {
      format: OSM_BASEMAP_FORMAT,
      present: true,
      version: 1,
      bbox: [...BASEMAP_BBOX],
      source: basename(extract),
      // osmium prints an empty value when the objects carry no timestamps.
      dataTimestamp: /^\d{4}-\d\d-\d\dT/.test(timestamp) ? timestamp : null,
      attribution: OSM_ATTRIBUTION,
      files,
    };
    outputs.add(resolve(outDir, OSM_MANIFEST_FILE), OsmManifest, manifest);
    outputs.commit();
    return { manifest, dir: outDir };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
