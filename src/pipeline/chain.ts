import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { MAPPED_PRECISIONS } from '../core/gazetteer/model';
import { checkPlausible } from '../core/gazetteer/plausible';
import { DistrictCollection, type DistrictCollectionT, SubdistrictCollection, type SubdistrictCollectionT } from '../core/geo/boundaries';
import { geoparse, rankCandidates } from '../core/geoparse/geoparse';
import { parseJsonWithSchema } from '../core/io/json';
import { MentionsSchema, PlacesCollection, ProjectsSchema, QualitySchema } from '../core/places/model';
import { decodeReportBytes } from '../core/report/decode';
import { ReportSchema } from '../core/report/model';
import { parseReport } from '../core/report/parse';
import { buildDistrict, buildSubdistricts } from './boundaries';
import { loadGazetteer, resolvePlaces } from './gazetteer';
import { buildPlaces, buildQuality } from './places';
import { progress } from './progress';
import { Outputs } from './write';

export interface ChainOptions {
  reportPath: string;
  /** Name recorded in report.json (never an absolute path: output must not depend on the machine). */
  reportName: string;
  sourcesDir: string;
  gazetteerDir: string;
  out: string;
  /** Committed geodata/ used for boundaries when sourcesDir is absent (a plain clone). */
  fallbackGeodata: string;
  quiet?: boolean;
}

let jieba: Jieba | undefined;
const NAME_TAGS = new Set(['ns', 'nz']); // jieba's nr (person) fires on too many common words
/** Whether a Chinese segmenter tags a word of the name other than its last (the suffix) as a place
 * or proper name: 白塔寺/nr, 护国寺/nz 街区, but not 区属/n 医院/n. */
function isNamed(name: string): boolean {
  jieba ??= Jieba.withDict(dict);
  const words = jieba.tag(name);
  if (words.length === 1) return NAME_TAGS.has(words[0]?.tag ?? '');
  return words.slice(0, -1).some((w) => NAME_TAGS.has(w.tag) && w.word.length >= 2);
}

export interface ChainSummary {
  paragraphs: number;
  mentions: number;
  placesFound: number;
  candidates: Array<{ name: string; count: number; score: number }>;
}

/**
 * Ingest → boundaries → gazetteer → geoparse → projects. Every output is validated and held in
 * `staged`; nothing is written until all of them are computed. Without `staged` the chain writes
 * its own outputs at the end, all or none; with it, the caller commits them with its own.
 */
export function runChain(o: ChainOptions, staged?: Outputs): ChainSummary {
  const outputs = staged ?? new Outputs();
  const log = o.quiet ? { step() {}, done() {} } : undefined;
  const p1 = log ?? progress('report');
  const report = parseReport(decodeReportBytes(readFileSync(o.reportPath), o.reportName), { file: o.reportName });
  outputs.add(resolve(o.out, 'report.json'), ReportSchema, report);
  const sentences = report.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const facts = report.paragraphs.reduce((n, p) => n + p.sentences.reduce((m, s) => m + s.facts.length, 0), 0);
  p1.done(
    `${report.parts.length} parts, ${report.sections.length} sections, ${report.paragraphs.length} paragraphs, ${sentences} sentences, ${facts} facts; ${report.source.chrome.length} chrome lines removed`,
  );

  const p2 = log ?? progress('boundaries');
  let subdistricts: SubdistrictCollectionT;
  let district: DistrictCollectionT;
  const haveSources = existsSync(o.sourcesDir);
  if (haveSources) {
    const sdFile = 'xicheng_subdistricts_osm_wgs84.geojson';
    subdistricts = buildSubdistricts(readFileSync(resolve(o.sourcesDir, sdFile), 'utf8'), sdFile);
    const dFile = 'xicheng_district_outline_osm_wgs84.geojson';
    district = buildDistrict(readFileSync(resolve(o.sourcesDir, dFile), 'utf8'), dFile);
  } else {
    const read = (f: string) => readFileSync(resolve(o.fallbackGeodata, f), 'utf8');
    subdistricts = parseJsonWithSchema(read('subdistricts.geojson'), 'geodata/subdistricts.geojson', SubdistrictCollection);
    district = parseJsonWithSchema(read('district.geojson'), 'geodata/district.geojson', DistrictCollection);
  }
  outputs.add(resolve(o.out, 'subdistricts.geojson'), SubdistrictCollection, subdistricts);
  outputs.add(resolve(o.out, 'district.geojson'), DistrictCollection, district);
  p2.done(
    `${subdistricts.features.length} 街道, district ${district.features[0]?.properties.area_km2} km²${haveSources ? '' : ' (from committed geodata/)'}`,
  );

  const p3 = log ?? progress('gazetteer');
  const { records, notPlaces } = loadGazetteer(o.gazetteerDir);
  let sourcesDir = o.sourcesDir;
  if (!haveSources) {
    // Without ../shared, geometry references are answered from the committed places.geojson.
    sourcesDir = o.fallbackGeodata;
  }
  const resolved = haveSources
    ? resolvePlaces(records, sourcesDir, subdistricts, district)
    : resolveFromCommitted(records, o.fallbackGeodata, subdistricts, district);
  checkPlausible(resolved);
  p3.done(`${records.length} places, ${resolved.filter((r) => r.geometry).length} with geometry`);

  const p4 = log ?? progress('geoparse');
  const parsable = records.map(({ record: r }) => ({
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    parts: r.parts,
    mapped: MAPPED_PRECISIONS.has(r.precision),
  }));
  const { mentions, projects, candidates } = geoparse(report, parsable, notPlaces, (d) =>
    p4.step(d, report.paragraphs.length, 'paragraphs'),
  );
  const ranked = rankCandidates(candidates, isNamed);
  const places = buildPlaces(resolved, mentions, report);
  outputs.add(resolve(o.out, 'places.geojson'), PlacesCollection, places);
  outputs.add(resolve(o.out, 'mentions.json'), MentionsSchema, mentions);
  outputs.add(resolve(o.out, 'projects.json'), ProjectsSchema, projects);
  outputs.add(resolve(o.out, 'quality.json'), QualitySchema, buildQuality(places, mentions, projects, ranked, report));
  const placesFound = places.features.filter((f) => f.properties.mentions > 0).length;
  p4.done(
    `${report.paragraphs.length} paragraphs, ${mentions.length} mentions, ${placesFound} places found, ${projects.length} projects, ${ranked.length} candidate names not in the gazetteer`,
  );
  if (!staged) outputs.commit();
  return { paragraphs: report.paragraphs.length, mentions: mentions.length, placesFound, candidates: ranked };
}

import type { LocatedRecord } from '../core/gazetteer/load';
import type { ResolvedPlace } from './gazetteer';

function resolveFromCommitted(
  records: LocatedRecord[],
  geodata: string,
  subdistricts: SubdistrictCollectionT,
  district: DistrictCollectionT,
): ResolvedPlace[] {
  const committed = parseJsonWithSchema(
    readFileSync(resolve(geodata, 'places.geojson'), 'utf8'),
    'geodata/places.geojson',
    PlacesCollection,
  );
  const byId = new Map(committed.features.map((f) => [f.id, f]));
  const patched = records.map((l) => {
    if (!l.record.geometry_ref) return l;
    const f = byId.get(l.record.id);
    if (!f?.geometry)
      throw new Error(
        `${l.file} line ${l.line}: "${l.record.id}" uses geometry_ref and ../shared/sources is absent; no committed geometry either`,
      );
    const { geometry_ref: _ref, ...rest } = l.record;
    return { ...l, record: { ...rest, geometry: f.geometry } };
  });
  return resolvePlaces(patched, geodata, subdistricts, district).map((r, i) => {
    const ref = records[i]?.record.geometry_ref;
    return ref
      ? {
          ...r,
          geometrySource: byId.get(r.located.record.id)?.properties.geometry_source ?? r.geometrySource,
          located: records[i] as LocatedRecord,
        }
      : r;
  });
}
