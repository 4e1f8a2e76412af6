import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { type DistrictGazetteer, DistrictGazetteerSchema } from '../core/gazetteer/district';
import { MAPPED_PRECISIONS } from '../core/gazetteer/model';
import { checkPlausible } from '../core/gazetteer/plausible';
import { DistrictCollection, type DistrictCollectionT, SubdistrictCollection, type SubdistrictCollectionT } from '../core/geo/boundaries';
import { geoparse, type RankedCandidate, rankCandidates } from '../core/geoparse/geoparse';
import { parseJsonWithSchema } from '../core/io/json';
import type { GeometryFlagT } from '../core/places/model';
import { MentionsSchema, PlacesCollection, ProjectsSchema, QualitySchema } from '../core/places/model';
import { decodeReportBytes } from '../core/report/decode';
import { type ParseWarning, ReportSchema } from '../core/report/model';
import { readReport } from '../core/report/parse';
import { buildDistrict, buildSubdistricts } from './boundaries';
import { buildDistrictGazetteer } from './district';
import { loadGazetteer, resolvePlaces } from './gazetteer';
import { buildGround } from './ground';
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
  /** Curated ground layer (default: geodata/ground beside the gazetteer). */
  groundDir?: string;
  /**
   * Where the district-wide gazetteer comes from: built from geodata/gazetteer/communities.csv and the
   * basemap written under <out>/basemap (`npm run data`), or read from the committed
   * geodata/district-gazetteer.json (the default: mapping a new report).
   */
  district?: 'build' | 'read';
  quiet?: boolean;
}

let jieba: Jieba | undefined;
const tag = (s: string) => {
  jieba ??= Jieba.withDict(dict);
  return jieba.tag(s);
};
const NAME_TAGS = new Set(['ns', 'nz']);
/** Whether a Chinese segmenter tags a word of the name other than its last (the suffix) as a place
 * or proper name: 长安街/ns, 护国寺/nz 街区, but not 区属/n 医院/n. A person's name tag (nr) counts
 * only right before the place word (延寿/nr 街, 大吉/nr 巷, 陶然亭/nr 地区): on its own jieba's nr
 * fires on too many common words. */
export function isNamed(name: string): boolean {
  const words = tag(name);
  if (words.length === 1) return NAME_TAGS.has(words[0]?.tag ?? '') || (words[0]?.tag === 'nr' && name.length >= 3);
  const last = words.length - 1;
  return words.some(
    (w, i) =>
      w.word.length >= 2 && (NAME_TAGS.has(w.tag) ? i < last : w.tag === 'nr' && i === last - 1 && words[last]?.tag.startsWith('n')),
  );
}

/** Leading words the segmenter tags as verbs, adverbs, prepositions, conjunctions or pronouns are not
 * part of a name (缓解/v 右安门/ns 地区 → 右安门地区, 连接/v 白塔寺 → 白塔寺); an idiom, or a verb
 * that swallows the suffix, means the head is a phrase, not a name (足不出户/i 逛商场/vn). */
const NOT_NAME_START = /^(v|vn|vd|p|c|d|u|r|ad)$/;
export function judgeHead(name: string, suffixLength: number): number | null {
  const headLength = name.length - suffixLength;
  let n = 0;
  let at = 0;
  let leading = true;
  for (const w of tag(name)) {
    const startsInHead = at < headLength;
    const inHead = at + w.word.length <= headLength;
    if (leading && inHead && NOT_NAME_START.test(w.tag)) n += w.word.length;
    else if (startsInHead) {
      leading = false;
      // An idiom, or a verb that runs into the suffix (逛商场/vn), makes a phrase. A verb inside the
      // head does not: jieba tags parts of names so (人/定/湖 公园, 教育/vn 学院).
      if (w.tag === 'i' || (/^(v|vn)$/.test(w.tag) && !inHead)) return null;
    }
    at += w.word.length;
  }
  return n;
}

export interface ChainSummary {
  paragraphs: number;
  mentions: number;
  /** Mentions of the district gazetteer (communities, stations, lines) that are not report places. */
  districtMentions: number;
  placesFound: number;
  candidates: RankedCandidate[];
  warnings: ParseWarning[];
}

function districtGazetteer(
  o: ChainOptions,
  subdistricts: SubdistrictCollectionT,
  records: LocatedRecord[],
  outputs: Outputs,
): DistrictGazetteer {
  if (o.district === 'build') {
    const g = buildDistrictGazetteer({
      communitiesCsv: readFileSync(resolve(o.gazetteerDir, 'communities.csv'), 'utf8'),
      subdistricts,
      basemapDir: resolve(o.out, 'basemap'),
      // The basemap this run has just built is staged, not yet on disk.
      readBasemap: (f) => outputs.staged(resolve(o.out, 'basemap', f)),
      records: records.map((r) => r.record),
    });
    outputs.add(resolve(o.out, 'district-gazetteer.json'), DistrictGazetteerSchema, g);
    return g;
  }
  const file = resolve(o.fallbackGeodata, 'district-gazetteer.json');
  return parseJsonWithSchema(readFileSync(file, 'utf8'), 'geodata/district-gazetteer.json', DistrictGazetteerSchema);
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
  const { report, warnings } = readReport(decodeReportBytes(readFileSync(o.reportPath), o.reportName), { file: o.reportName });
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
    // Without the source files (a --sources folder that lacks them), geometry references are answered from the committed places.geojson.
    sourcesDir = o.fallbackGeodata;
  }
  const flags: GeometryFlagT[] = [];
  const ground = haveSources ? buildGround(o.sourcesDir, o.groundDir ?? resolve(o.gazetteerDir, '..', 'ground')) : undefined;
  const resolved = haveSources
    ? resolvePlaces(records, sourcesDir, subdistricts, district, ground, flags)
    : resolveFromCommitted(records, o.fallbackGeodata, subdistricts, district, flags);
  checkPlausible(resolved);
  const derived = resolved.filter((r) => r.derivation).length;
  const gazetteer = districtGazetteer(o, subdistricts, records, outputs);
  const kinds = new Map<string, number>();
  for (const e of gazetteer.entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  p3.done(
    `${records.length} places, ${resolved.filter((r) => r.geometry).length} with geometry (${derived} derived), ${flags.length} geometry flags; ` +
      `district gazetteer ${gazetteer.entries.length} entries (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`,
  );
  if (!o.quiet)
    for (const f of flags) process.stderr.write(`  warning: ${f.gazetteer.file} line ${f.gazetteer.line}: ${f.id}: ${f.message}\n`);

  const p4 = log ?? progress('geoparse');
  const parsable = records.map(({ record: r }) => ({
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    parts: r.parts,
    mapped: MAPPED_PRECISIONS.has(r.precision),
  }));
  const { mentions, districtMentions, projects, candidates } = geoparse(
    report,
    parsable,
    notPlaces,
    (d) => p4.step(d, report.paragraphs.length, 'paragraphs'),
    gazetteer.entries,
    { judgeHead },
  );
  const ranked = rankCandidates(candidates, isNamed);
  const places = buildPlaces(resolved, mentions, report);
  outputs.add(resolve(o.out, 'places.geojson'), PlacesCollection, places);
  outputs.add(resolve(o.out, 'mentions.json'), MentionsSchema, mentions);
  outputs.add(resolve(o.out, 'district-mentions.json'), MentionsSchema, districtMentions);
  outputs.add(resolve(o.out, 'projects.json'), ProjectsSchema, projects);
  outputs.add(resolve(o.out, 'quality.json'), QualitySchema, buildQuality(places, mentions, projects, ranked, report, flags));
  const placesFound = places.features.filter((f) => f.properties.mentions > 0).length;
  p4.done(
    `${report.paragraphs.length} paragraphs, ${mentions.length} mentions, ${placesFound} places found, ${districtMentions.length} links to the district gazetteer, ${projects.length} projects, ${ranked.length} candidate names not in the gazetteer`,
  );
  if (!staged) outputs.commit();
  return {
    paragraphs: report.paragraphs.length,
    mentions: mentions.length,
    districtMentions: districtMentions.length,
    placesFound,
    candidates: ranked,
    warnings,
  };
}

import type { LocatedRecord } from '../core/gazetteer/load';
import type { ResolvedPlace } from './gazetteer';

function resolveFromCommitted(
  records: LocatedRecord[],
  geodata: string,
  subdistricts: SubdistrictCollectionT,
  district: DistrictCollectionT,
  flags: GeometryFlagT[],
): ResolvedPlace[] {
  const committed = parseJsonWithSchema(
    readFileSync(resolve(geodata, 'places.geojson'), 'utf8'),
    'geodata/places.geojson',
    PlacesCollection,
  );
  const byId = new Map(committed.features.map((f) => [f.id, f]));
  const patched = records.map((l) => {
    if (!l.record.geometry_ref && !l.record.derive) return l;
    const f = byId.get(l.record.id);
    if (!f?.geometry)
      throw new Error(
        `${l.file} line ${l.line}: "${l.record.id}" uses geometry_ref and the source files are absent; no committed geometry either`,
      );
    const { geometry_ref: _ref, derive: _derive, ...rest } = l.record;
    // A derived geometry keeps the uncertainty its derivation stated.
    const u = f.properties.derivation?.uncertainty_m;
    if (_derive && u !== undefined) return { ...l, record: { ...rest, geometry: f.geometry, uncertainty_m: u } };
    return { ...l, record: { ...rest, geometry: f.geometry } };
  });
  return resolvePlaces(patched, geodata, subdistricts, district, undefined, flags).map((r, i) => {
    const rec = records[i]?.record;
    if (!rec?.geometry_ref && !rec?.derive) return r;
    const c = byId.get(r.located.record.id)?.properties;
    const out: ResolvedPlace = { ...r, geometrySource: c?.geometry_source ?? r.geometrySource, located: records[i] as LocatedRecord };
    if (c?.derivation) out.derivation = c.derivation;
    return out;
  });
}
