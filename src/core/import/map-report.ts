import { InputError } from '../errors';
import { suffixOf } from '../geoparse/candidates';
import { geoparse, type LinkableEntry, type ParsablePlace, rankCandidates } from '../geoparse/geoparse';
import type { PlaceFeatureT } from '../places/model';
import { decodeReportBytes } from '../report/decode';
import { readReport } from '../report/parse';
import { romanize, syllables } from '../text/pinyin';
import type { ImportCandidate, MappedReport } from './model';
import { reportYear } from './year';

/** What a report is mapped against: the project's gazetteer (and a planner's additions), its words
 * that are not places, and the district-wide gazetteer. */
export interface Gazetteers {
  places: ParsablePlace[];
  notPlaces: string[];
  district: LinkableEntry[];
}

/** The project's places as the geoparser reads them: drawn ones make projects, compounds name their parts. */
export function parsablePlaces(features: readonly PlaceFeatureT[]): ParsablePlace[] {
  return features.map((f) => ({
    id: f.id,
    name: f.properties.name,
    aliases: f.properties.aliases,
    parts: f.properties.parts,
    mapped: f.geometry !== null,
  }));
}

/** The refusal of a text in which nothing is a place name (the CLI says the same). */
export function noPlaceNames(paragraphs: number): string {
  return `no place names found in ${paragraphs} paragraphs: nothing to map (is this a work report of 西城区?)`;
}

const slug = (zh: string) =>
  syllables(zh)
    .join('')
    .replace(/[^a-z0-9]/g, '');

/** An English name and an id for a candidate, from its pinyin, the suffix apart: 杨梅竹斜街 →
 * "Yangmeizhu Xiejie", yangmeizhu-xiejie. A suggestion the planner may change before export. */
export function suggestNames(name: string): { name_en: string; idBase: string } {
  const suffix = suffixOf(name);
  const head = suffix ? name.slice(0, -suffix.length) : name;
  const parts = [head, suffix].filter((p): p is string => !!p && slug(p) !== '');
  const idBase = parts.map(slug).join('-') || 'place';
  const name_en = parts.map(romanize).join(' ') || name;
  return { name_en, idBase };
}

/**
 * A report of any year mapped as the pipeline maps one (src/pipeline/chain.ts): bytes decoded
 * strictly (a binary or GB18030 file is refused, with what it is), parsed, geoparsed against the
 * gazetteers, candidates proposed and ranked. Pure (no DOM, no Node): a Web Worker runs it in the
 * browser, the benchmark in Node. Unlike the CLI it has no segmenter (jieba is a native Node module),
 * so only candidates that the suffix rules find strong are kept. A text in which nothing is a place
 * name is refused: there is nothing to map.
 */
export function mapReport(
  input: { bytes: Uint8Array } | { text: string },
  file: string,
  g: Gazetteers,
  onParagraph?: (done: number, total: number) => void,
): MappedReport {
  const text = 'bytes' in input ? decodeReportBytes(input.bytes, file) : input.text;
  const { report } = readReport(text, { file });
  const total = report.paragraphs.length;
  const r = geoparse(report, g.places, g.notPlaces, onParagraph && ((d) => onParagraph(d, total)), g.district);
  const candidates: ImportCandidate[] = rankCandidates(r.candidates).map((c) => ({ ...c, ...suggestNames(c.name) }));
  if (r.mentions.length + r.districtMentions.length + candidates.length === 0) throw new InputError(noPlaceNames(total), { file });
  return {
    file,
    year: reportYear(report, file) ?? null,
    report,
    mentions: r.mentions,
    districtMentions: r.districtMentions,
    candidates,
  };
}

/** FNV-1a over a string, two seeds: a 16-hex-digit key (the same text or inputs give the same key). */
export function textKey(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** What a mapping depends on, as a key: every name of every place it was linked with. */
export function linkKeyOf(g: Pick<Gazetteers, 'places'> & { districtEntries: number }): string {
  const names = g.places.map((p) => `${p.id}:${p.name}:${p.aliases.join(',')}:${p.parts?.join(',') ?? ''}`).sort();
  return textKey(`${g.districtEntries}|${names.join('|')}`);
}
