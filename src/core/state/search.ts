import type { DistrictEntry } from '../gazetteer/district';
import { KIND_CATEGORY } from '../gazetteer/district-kinds';
import type { PlacePropsT } from '../places/model';

export interface Searchable {
  id: string;
  properties: Pick<PlacePropsT, 'name' | 'name_en' | 'aliases' | 'pinyin' | 'initials' | 'mentions' | 'category'>;
}

export interface SearchHit {
  id: string;
  /** What matched, to show the user why this result is here. */
  matched: string;
  score: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s'’·-]/g, '');

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number) => x.slice(from);
  if (a.length === b.length) {
    if (rest(a, i + 1) === rest(b, i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2); // swap
  }
  return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
}

/** The query is, within one edit, the start of the text (shichahia → shichahai, scs → sch…). */
function nearPrefix(q: string, t: string): boolean {
  for (const k of [q.length - 1, q.length, q.length + 1]) if (k > 0 && k <= t.length && withinOneEdit(q, t.slice(0, k))) return true;
  return false;
}

/**
 * Search by Chinese name or alias (substring), full pinyin without tones (shichahai, shi cha hai),
 * pinyin initials (sch), or English (case-insensitive). Exact and prefix matches rank first, then
 * places the report mentions more often.
 */
export function searchPlaces(places: readonly Searchable[], query: string, limit = 8): SearchHit[] {
  const q = norm(query.trim());
  if (q === '') return [];
  const hits: SearchHit[] = [];
  for (const p of places) {
    const pr = p.properties;
    let best = 0;
    let matched = '';
    const consider = (text: string, base: number) => {
      const t = norm(text);
      if (t === '') return;
      let s = 0;
      if (t === q) s = base + 3;
      else if (t.startsWith(q)) s = base + 2;
      else if (q.length >= 2 && t.includes(q)) s = base + 1;
      if (s > best) {
        best = s;
        matched = text;
      }
    };
    for (const n of [pr.name, ...pr.aliases]) consider(n, 10);
    consider(pr.pinyin, 6);
    if (q.length >= 2) consider(pr.initials, 5);
    consider(pr.name_en, 4);
    if (best > 0) hits.push({ id: p.id, matched, score: best + Math.min(pr.mentions, 9) / 10 });
  }
  if (hits.length === 0 && q.length >= 3) hits.push(...typoHits(places, q));
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

/**
 * When nothing matches as typed, Latin queries are allowed one typo against pinyin, initials and
 * English (a swapped pair, a missing or extra letter, a wrong one), so "shichahia" and "scs" still
 * find 什刹海. Never used when there is an exact hit, so correct queries stay precise.
 */
function typoHits(places: readonly Searchable[], q: string): SearchHit[] {
  if (!/^[a-z0-9]+$/.test(q)) return [];
  const hits: SearchHit[] = [];
  for (const p of places) {
    const pr = p.properties;
    const text = [pr.pinyin, pr.initials, pr.name_en].find((t) => nearPrefix(q, norm(t)));
    if (text !== undefined) hits.push({ id: p.id, matched: text, score: 1 + Math.min(pr.mentions, 9) / 10 });
  }
  return hits;
}

/** A district-gazetteer entry (a 社区, a station, a line) in the shape search reads. */
export function districtSearchable(e: DistrictEntry): Searchable {
  return {
    id: e.id,
    properties: {
      name: e.name,
      name_en: e.name_en,
      aliases: e.aliases,
      pinyin: e.pinyin,
      initials: e.initials,
      mentions: 0,
      category: KIND_CATEGORY[e.kind],
    },
  };
}

export interface MixedHit extends SearchHit {
  /** Where the hit comes from: a place of the report, or the district-wide gazetteer. */
  source: 'place' | 'district';
}

/**
 * Searches the report's places and the district-wide gazetteer together. An entry that is a report
 * place (its placeId) is left to the place; at equal match a report place ranks first.
 */
export function searchWithDistrict(places: readonly Searchable[], entries: readonly DistrictEntry[], query: string, limit = 8): MixedHit[] {
  const placeIds = new Set(places.map((p) => p.id));
  const own = entries.filter((e) => !(e.placeId && placeIds.has(e.placeId))).map(districtSearchable);
  const fromDistrict = new Set(own.map((e) => e.id));
  return searchPlaces([...places, ...own], query, Number.POSITIVE_INFINITY)
    .map((h): MixedHit => (fromDistrict.has(h.id) ? { ...h, score: h.score - 0.05, source: 'district' } : { ...h, source: 'place' }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
